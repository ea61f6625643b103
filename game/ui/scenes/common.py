"""Layout helpers shared by scenes: page frame, button rows and columns, standard dialogs."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.i18n import _, get_language, language_name
from game.presentation import labels
from game.ui.widgets.textlayout import Block
from game.ui.widgets.textview import TextView

if TYPE_CHECKING:
    from game.ui.scenes.base import Scene

ButtonSpec = tuple[str, str, Callable[[], None] | None, bool]  # id, text, action, primary


def language_toggle(scene: Scene, right: int, y: int) -> int:
    """The language button; returns its left edge.  With two languages it names the other
    one and switches to it (one click); with more it names the current one and opens a
    list to choose from."""
    names = labels.language_names()
    current = get_language()
    others = [code for code in names if code != current]
    action: Callable[[], None]
    if len(others) == 1:
        text = names[others[0]]
        action = partial(scene.app.set_language, others[0])
        tooltip = _("Switch the language of the game")
    else:
        text = f"{language_name(current)}…"  # "…": opens a dialog
        action = partial(language_dialog, scene, names)
        tooltip = _("Choose the language of the game")
    width = scene.theme.button_width(text)
    rect = pygame.Rect(right - width, y, width, scene.theme.button_height)
    scene.button("lang_toggle", text, rect, action, tooltip=tooltip)
    return rect.x


def language_dialog(scene: Scene, names: dict[str, str]) -> None:
    """The list of languages (named in themselves); the current one is focused."""

    def chooser(code: str) -> Callable[[], None]:
        def choose() -> None:
            scene.close_modal(notify=False)
            scene.app.set_language(code)
        return choose

    specs = [(f"lang_{code}", name, chooser(code), False) for code, name in names.items()]
    t = scene.theme
    width = column_width(scene, [name for name in names.values()], minimum=240)

    def build() -> None:
        assert scene.modal is not None
        inner = scene.modal.inner(t.pad * 2)
        scene.label("lang_dialog_title", _("Language"), pygame.Rect(
            inner.x, inner.y, inner.width, t.button_height), style="#heading", role="heading",
            bold=True)
        button_column(scene, specs, inner.centerx, inner.y + t.button_height + t.gap,
                      min(width, inner.width))

    rows = len(specs) * (t.button_height + t.pad // 2 + t.gap)
    scene.open_modal("lang_dialog", (width + 6 * t.pad, rows + t.button_height + 6 * t.pad),
                     build, focus=f"lang_{get_language()}")


def page(scene: Scene, title: str, *, toggle: bool = True) -> pygame.Rect:
    """A heading across the top (and the language button); returns the area below it."""
    t = scene.theme
    w, _h = scene.app.size
    bar_h = t.button_height + 2 * t.pad
    right = w - t.pad
    if toggle:
        right = language_toggle(scene, right, t.pad) - t.gap
    scene.label("heading", title, pygame.Rect(t.pad * 2, t.pad, right - 3 * t.pad,
                                               t.button_height), style="#heading",
                role="heading", bold=True)
    return pygame.Rect(t.pad * 2, bar_h, w - 4 * t.pad, scene.app.size[1] - bar_h - t.pad)


def button_row(scene: Scene, specs: Sequence[ButtonSpec], area: pygame.Rect, *,
               align: str = "right", group: str | None = "actions",
               disabled: Collection[str] = ()) -> pygame.Rect:
    """Buttons side by side at the bottom of *area*, wrapping onto more rows if needed;
    returns what is left of *area* above them."""
    t = scene.theme
    widths = [t.button_width(text, bold=primary) for _key, text, _action, primary in specs]
    rows: list[list[int]] = [[]]
    used = 0
    for index, width in enumerate(widths):
        if rows[-1] and used + width > area.width:
            rows.append([])
            used = 0
        rows[-1].append(index)
        used += width + t.gap
    h = t.button_height
    top = area.bottom - len(rows) * (h + t.gap) + t.gap
    for n, row in enumerate(rows):
        total = sum(widths[i] for i in row) + t.gap * (len(row) - 1)
        x = area.right - total if align == "right" else area.x
        if align == "center":
            x = area.centerx - total // 2
        for index in row:
            ident, text, action, primary = specs[index]
            rect = pygame.Rect(x, top + n * (h + t.gap), min(widths[index], area.width), h)
            scene.button(ident, text, rect, action, primary=primary, group=group,
                         enabled=ident not in disabled)
            x += widths[index] + t.gap
    return pygame.Rect(area.x, area.y, area.width, max(0, top - t.gap - area.y))


def button_column(scene: Scene, specs: Sequence[ButtonSpec], centre_x: int, top: int,
                  width: int, enabled: dict[str, bool] | None = None) -> int:
    """A centred column of buttons (title screen, menus); returns the bottom."""
    t = scene.theme
    for ident, text, action, primary in specs:
        rect = pygame.Rect(0, top, width, t.button_height + t.pad // 2)
        rect.centerx = centre_x
        scene.button(ident, text, rect, action, primary=primary, group="menu",
                     enabled=(enabled or {}).get(ident, True))
        top = rect.bottom + t.gap
    return top


def column_width(scene: Scene, texts: Sequence[str], minimum: int = 320) -> int:
    t = scene.theme
    return min(scene.app.size[0] - 4 * t.pad,
               max(minimum, *(t.button_width(text, True) + 2 * t.pad for text in texts)))


def text_view(scene: Scene, ident: str, rect: pygame.Rect, blocks: list[Block], *,
              background: str = "panel") -> TextView:
    view = TextView(rect, scene.ui, scene.theme, blocks, starting_height=scene.layer,
                    background=background)
    return scene.canvas(ident, view)


def message_dialog(scene: Scene, ident: str, title: str, blocks: list[Block],
                   buttons: Sequence[ButtonSpec], size: tuple[int, int] = (720, 420),
                   focus: str | None = None) -> None:
    """A dialog with a title, some text and buttons; Escape closes it.  *focus*: the id
    to focus first (``f"{ident}_text"``: the text, so arrows scroll a long one)."""

    def build() -> None:
        assert scene.modal is not None
        t = scene.theme
        inner = scene.modal.inner(t.pad * 2)
        scene.label(f"{ident}_title", title, pygame.Rect(inner.x, inner.y, inner.width,
                                                          t.button_height),
                    style="#heading", role="heading", bold=True)
        body = pygame.Rect(inner.x, inner.y + t.button_height + t.gap, inner.width,
                           inner.height - t.button_height - t.gap)
        rest = button_row(scene, buttons, body, group=f"{ident}_buttons")
        text_view(scene, f"{ident}_text", rest, blocks)

    scene.open_modal(ident, size, build, focus=focus)


def help_blocks() -> list[Block]:
    """The keyboard help shown from menus and with F1."""
    keys = [
        (_("Tab / Shift+Tab"), _("move between buttons, lists and panels")),
        (_("Arrow keys"), _("move within a list or a group; change a choice ‹ ›")),
        (_("Enter or Space"), _("activate the highlighted button or list item")),
        (_("1 to 9"), _("pick an answer in a crisis dialog")),
        (_("Page Up / Page Down"), _("scroll the highlighted panel")),
        (_("Escape"), _("close a dialog, go back, or open the menu")),
        (_("F1"), _("this help")),
        (_("F11"), _("full screen on or off")),
        (_("F5"), _("read the scenario file again and go on where you were (for authors)")),
    ]
    blocks = [Block(_("Play with the keyboard only, the mouse only, or both."), colour="muted")]
    blocks += [Block(f"{key} — {what}", bullet=True) for key, what in keys]
    return blocks
