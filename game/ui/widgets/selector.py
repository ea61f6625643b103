"""A choice among a few values: ``Caption  ‹ value ›`` — Left/Right or a click to change it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from game.i18n import _
from game.ui.widgets.textlayout import ellipsize

if TYPE_CHECKING:
    from game.ui.theme import Theme

LABEL_MARGIN = 12  # as scenes.base: pygame_gui draws text a little wider than it measures
TEXT_PADDING = 28  # a button's own text padding and borders (theme.json), and a margin
MIN_VALUE_EMS = 9  # a value shorter than this many text sizes is cut rather than laid out


class WidgetMaker(Protocol):
    """What a selector is built with (a scene is one): the theme, labels and buttons that
    join the maker's focus ring.  The widget needs no more of a scene than this."""

    @property
    def theme(self) -> Theme: ...

    def label(self, ident: str, text: str, rect: pygame.Rect) -> Any: ...

    def button(self, ident: str, text: str, rect: pygame.Rect,
               on_press: Callable[[], None] | None, *, group: str | None = None,
               enabled: bool = True, keys: Callable[[int, int], bool] | None = None,
               focusable: bool = True) -> Any: ...


class Selector:
    """Built from pygame_gui buttons; only the value button takes the keyboard focus.

    Layouts, chosen by :meth:`layout` for a whole form: ``side`` (caption on the left),
    ``inline`` (caption inside the value button: “Tone: Factual”) and, when even that is
    too wide, ``side`` again if the values keep a fair width, else ``stacked`` (caption
    above, two rows).  A value too long for its button is cut with an ellipsis (the
    composer's preview shows it whole)."""

    def __init__(self, maker: WidgetMaker, ident: str, caption: str,
                 options: Sequence[tuple[str, str]], value: str | None, rect: pygame.Rect,
                 on_change: Callable[[str], None], *, caption_width: int,
                 mode: str = "side", group: str | None = None) -> None:
        self.theme = maker.theme
        self.options = list(options)
        self.on_change = on_change
        self.caption = caption if mode == "inline" else None
        self.room = 0  # the value's width in its button, set below
        values = [v for v, _label in self.options]
        self.index = values.index(value) if value in values else 0
        t = maker.theme
        h = t.button_height
        row = pygame.Rect(rect.x, rect.y, rect.width, h)
        if mode == "side":
            maker.label(f"{ident}_caption", caption, pygame.Rect(rect.x, rect.y, caption_width, h))
            row = pygame.Rect(rect.x + caption_width + t.gap, rect.y,
                              rect.width - caption_width - t.gap, h)
        elif mode == "stacked":
            maker.label(f"{ident}_caption", caption, pygame.Rect(rect.x, rect.y, rect.width, h))
            row = pygame.Rect(rect.x, rect.y + h, rect.width, h)
        many = len(self.options) > 1
        self.prev = maker.button(f"{ident}_prev", "‹", pygame.Rect(row.x, row.y, h, h),
                                 lambda: self.change(-1), focusable=False, enabled=many)
        value_rect = pygame.Rect(row.x + h + t.gap // 2, row.y, row.width - 2 * h - t.gap, h)
        self.room = value_rect.width - TEXT_PADDING - LABEL_MARGIN
        self.value_button = maker.button(ident, self.text, value_rect, lambda: self.change(1),
                                         keys=self._keys, group=group,
                                         enabled=bool(self.options))
        self.value_button.full_text = self.full_text
        self.next = maker.button(f"{ident}_next", "›", pygame.Rect(row.right - h, row.y, h, h),
                                 lambda: self.change(1), focusable=False, enabled=many)
        # A click on an arrow moves the keyboard focus to the value (the arrows take none):
        # else it stays where it was — on "End the turn", for Enter to end it unawares.
        self.prev.focus_target = self.next.focus_target = self.value_button

    @staticmethod
    def layout(theme: Theme, width: int,
               rows: Sequence[tuple[str, Sequence[str]]]) -> tuple[str, int]:
        """The layout mode for selectors of *width* with these (caption, option texts),
        and the caption column's width."""
        t = theme
        arrows = 2 * t.button_height + t.gap  # as laid out in __init__

        def widest(texts: Sequence[str]) -> int:
            return max((t.text_width(x) for x in texts), default=0) + TEXT_PADDING

        caption_w = max((t.text_width(c) for c, _texts in rows), default=0) + LABEL_MARGIN
        values = [x for _caption, texts in rows for x in texts]
        if caption_w + t.gap + arrows + widest(values) <= width:
            return "side", caption_w
        inline = [_("{caption}: {value}").format(caption=c, value=x) for c, texts in rows
                  for x in texts]
        if arrows + widest(inline) <= width:
            return "inline", caption_w
        # Long values are cut rather than pushing every caption onto its own row.
        if caption_w + t.gap + arrows + MIN_VALUE_EMS * t.base + TEXT_PADDING <= width:
            return "side", caption_w
        return "stacked", caption_w

    @staticmethod
    def height(theme: Theme, mode: str) -> int:
        return theme.button_height * (2 if mode == "stacked" else 1)

    def set_enabled(self, enabled: bool) -> None:
        many = enabled and len(self.options) > 1
        for button, on in ((self.prev, many), (self.value_button, enabled and bool(self.options)),
                           (self.next, many)):
            button.enable() if on else button.disable()

    @property
    def value(self) -> str | None:
        return self.options[self.index][0] if self.options else None

    @property
    def full_text(self) -> str:
        text = self.options[self.index][1] if self.options else "—"
        if self.caption is not None:
            return _("{caption}: {value}").format(caption=self.caption, value=text)
        return text

    @property
    def text(self) -> str:
        """What the value button shows: :attr:`full_text`, with an ellipsis if too long."""
        return ellipsize(self.full_text, self.theme.font("body"), max(10, self.room))

    def change(self, step: int) -> None:
        if len(self.options) < 2:
            return
        self.index = (self.index + step) % len(self.options)
        self.value_button.set_text(self.text)
        self.value_button.full_text = self.full_text
        value = self.value
        assert value is not None
        self.on_change(value)

    def _keys(self, key: int, mod: int) -> bool:
        if key == pygame.K_LEFT:
            self.change(-1)
            return True
        if key == pygame.K_RIGHT:
            self.change(1)
            return True
        return False
