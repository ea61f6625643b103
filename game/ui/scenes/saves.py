"""Saved games: the slots to open (title screen) or to save into (in-game menu), and what
to do when a save cannot be opened — open its backup, open it anyway, or start over."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import _
from game.ui import saving
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, message_dialog, page, text_view
from game.ui.widgets.listview import Item, ListView
from game.ui.widgets.textentry import TextEntry
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.ui.session import Opened


def open_slot(scene: Scene, slot: str, *, backup: bool = False, anyway: bool = False) -> None:
    """Open a save and go on with its game, or explain why not and offer what can be done."""
    opened = scene.app.session.open_save(slot, backup=backup, anyway=anyway)
    if opened.problem is None:
        scene.close_modal(notify=False)
        scene.app.enter_game()
        return
    show_problem(scene, slot, opened)


def show_problem(scene: Scene, slot: str, opened: Opened) -> None:
    session = scene.app.session
    blocks = [Block(opened.message, colour="bad")]
    buttons: list[tuple[str, str, Any, bool]] = []
    if opened.backup:
        backup = session.slot_info(slot).backup
        described = saving.describe(backup) if backup is not None else ""
        blocks.append(Block(_("The previous save is still there: {save}.").format(
            save=described), space_before=0.6))
        buttons.append(("open_backup", _("Open the previous save"),
                        lambda: open_slot(scene, slot, backup=True), True))
    if opened.anyway:
        buttons.append(("open_anyway", _("Open it anyway"),
                        lambda: open_slot(scene, slot, anyway=True), not opened.backup))
    entry = opened.start_over
    if entry is not None:
        def start_over() -> None:
            session.new_game(entry)
            scene.close_modal(notify=False)
            scene.app.enter_game()
        buttons.append(("start_over", _("Start it over"), start_over, True))
    buttons.append(("close", _("Close"), scene.close_modal, not buttons))
    message_dialog(scene, "cannot_open", _("This game cannot continue as it is"), blocks,
                   buttons, size=(760, 440))


class SavesScene(Scene):
    """*mode* ``"load"``: every slot, open one; ``"save"``: the named slots, save into one."""

    name = "saves"
    default_focus = "slot_list"

    def __init__(self, app: Any, mode: str = "load") -> None:
        super().__init__(app)
        self.mode = mode
        self.selected = 0

    @property
    def slots(self) -> tuple[str, ...]:
        return (saving.AUTOSAVE, *saving.SLOTS) if self.mode == "load" else saving.SLOTS

    def build(self) -> None:
        session = self.app.session
        title = _("Saved games") if self.mode == "load" else _("Save the game")
        area = page(self, title)
        action = (_("Open"), self.open_selected) if self.mode == "load" else \
            (_("Save here"), self.ask_label)
        rest = button_row(self, [("back", _("Back"), self.back, False),
                                 ("slot_go", action[0], action[1], True)], area)
        infos = [session.slot_info(slot) for slot in self.slots]
        items = [Item(info.slot, info.title(), [(info.details(), self.colour(info))],
                      enabled=self.mode == "save" or info.usable,
                      prefix=f"{n}.") for n, info in enumerate(infos, start=1)]
        t = self.theme
        note = _("Saves are kept in {folder}").format(folder=session.saves_dir)
        note_h = t.line("small") * 2 + t.gap
        listing = ListView(pygame.Rect(rest.x, rest.y, rest.width, rest.height - note_h),
                           self.ui, t, items, lambda item: self.later(self.go),
                           on_select=self.select, selected=self.selected,
                           activate_on_click=False)
        self.canvas("slot_list", listing, group=None)
        text_view(self, "saves_note", pygame.Rect(rest.x, rest.bottom - note_h + t.gap,
                                                  rest.width, note_h - t.gap),
                  [Block(note, role="small", colour="muted")], background="bg")
        if not items[min(self.selected, len(items) - 1)].enabled:
            self.widgets["slot_go"].disable()

    @staticmethod
    def colour(info: saving.SlotInfo) -> str:
        if info.save is not None:
            return "accent"
        return "muted" if info.empty else "bad"

    def select(self, item: Item) -> None:
        self.selected = self.slots.index(item.key)
        go = self.widgets["slot_go"]
        go.enable() if item.enabled else go.disable()

    def on_number(self, n: int) -> bool:
        """The number shown before a slot opens it (or saves into it)."""
        listing = self.widgets.get("slot_list")
        if listing is None or not 1 <= n <= len(listing.items):
            return False
        self.focus.focus("slot_list")
        return bool(listing.activate(n - 1))

    @property
    def slot(self) -> str:
        return self.slots[self.selected]

    def go(self) -> None:
        self.open_selected() if self.mode == "load" else self.ask_label()

    def open_selected(self) -> None:
        if self.app.session.slot_info(self.slot).usable:
            open_slot(self, self.slot)

    # -- saving into a slot ------------------------------------------------------------

    def ask_label(self) -> None:
        session = self.app.session
        info = session.slot_info(self.slot)
        label = str(info.save.extra.get("label") or "") if info.save is not None else ""
        if not label and session.game is not None:
            label = _("Turn {n}").format(n=session.game.state.turn)

        def build() -> None:
            assert self.modal is not None
            t = self.theme
            inner = self.modal.inner(t.pad * 2)
            self.label("label_title", _("Name this save"),
                       pygame.Rect(inner.x, inner.y, inner.width, t.button_height),
                       style="#heading", role="heading", bold=True)
            rest = button_row(self, [("label_cancel", _("Cancel"), self.close_modal, False),
                                     ("label_save", _("Save"), self.save, True)],
                              pygame.Rect(inner.x, inner.y, inner.width, inner.height),
                              group="label_buttons")
            entry = TextEntry(pygame.Rect(rest.x, inner.y + t.button_height + t.gap,
                                          rest.width, t.button_height), self.ui, t, label,
                              max_length=saving.MAX_LABEL, starting_height=self.layer,
                              on_focus=lambda e: self.ring.focus_element(e))
            self.canvas("slot_label", entry, activate=lambda: self.later(self.save))
            if info.save is not None:
                text_view(self, "label_note", pygame.Rect(
                    rest.x, entry.rect.bottom + t.gap, rest.width,
                    max(0, rest.bottom - entry.rect.bottom - t.gap)),
                    [Block(_("This replaces: {save}").format(save=saving.describe(info.save)),
                           role="small", colour="warn")])

        t = self.theme
        height = 4 * t.button_height + 3 * t.line("small") + 6 * t.pad
        self.open_modal("slot_name", (720, height), build, focus="slot_label")

    def save(self) -> None:
        label = self.widgets["slot_label"].text.strip() if "slot_label" in self.widgets else ""
        problem = self.app.session.save_to(self.slot, label)
        self.close_modal(notify=False)
        if problem is not None:
            message_dialog(self, "save_failed", _("The game was not saved"),
                           [Block(problem, colour="bad")],
                           [("close", _("Close"), self.close_modal, True)])
            return
        self.app.pop()

    def back(self) -> None:
        if self.mode == "save":
            self.app.pop()
            return
        from game.ui.scenes.title import TitleScene

        self.app.show(TitleScene(self.app))

    def on_escape(self) -> None:
        self.back()
