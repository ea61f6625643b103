"""Saved games: the slots to open (title screen) or to save into (in-game menu), and what
to do when a save cannot be opened — open its backup, open it anyway, or start over."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import _, fmt_number, ngettext
from game.ui import saving
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, message_dialog, page, text_view
from game.ui.widgets.listview import Item, ListView
from game.ui.widgets.textentry import TextEntry
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.ui.session import Opened


def open_slot(scene: Scene, slot: str, *, backup: bool = False, anyway: bool = False) -> None:
    """Open a save and go on with its game, or explain why not and offer what can be done.

    Another slot's game takes the automatic save over: a different game in progress there
    is put aside first (and the player told where)."""
    session = scene.app.session
    other = slot != saving.AUTOSAVE and _other_game_in_progress(session, slot)
    opened = session.open_save(slot, backup=backup, anyway=anyway)  # read, nothing written
    kept = session.put_aside() if other and opened.problem is None else None
    if opened.problem is None:
        scene.close_modal(notify=False)
        scene.app.enter_game()
        if kept is not None:
            scene.app.notify(kept_text(kept))
        return
    show_problem(scene, slot, opened)


def _other_game_in_progress(session: Any, slot: str) -> bool:
    """The automatic save holds an unfinished game that is not the one of *slot*."""
    progress = session.in_progress()
    if progress is None:
        return False
    current = progress.save or progress.backup
    other = session.slot_info(slot)
    other_save = other.save or other.backup
    return other_save is None or (other_save.scenario_id, other_save.state.get("seed")) != (
        current.scenario_id, current.state.get("seed"))


def kept_text(slot: str) -> str:
    return _("The game in progress was kept under Saved games: “{slot}”.").format(
        slot=saving.slot_name(slot))


def before_new_game(scene: Scene, start: Callable[[], None]) -> None:
    """Run *start* (it replaces the game of the automatic save); when that save holds a
    game in progress, ask first.  Whatever the answer, that game stays reachable: it is
    continued, left where it is, or put aside in a slot before *start* runs."""
    session = scene.app.session
    progress = session.in_progress()
    if progress is None:
        start()
        return
    current = progress.save or progress.backup
    assert current is not None
    slot = saving.aside_slot(session.slot_infos())
    blocks = [Block(saving.describe(current), bold=True),
              Block(_("If you start a new game, this one is kept under Saved games, in "
                      "“{slot}”.").format(slot=saving.slot_name(slot)), space_before=0.6)]
    replaced = session.slot_info(slot).save if slot == saving.ASIDE else None
    if replaced is not None:
        blocks.append(Block(_("It replaces the game put aside before: {save}.").format(
            save=saving.describe(replaced)), colour="warn", space_before=0.6))

    def start_new() -> None:
        scene.close_modal(notify=False)
        kept = session.put_aside()
        if kept is None:
            message_dialog(scene, "not_kept", _("The new game was not started"),
                           [Block(_("The game in progress could not be copied to a slot, "
                                    "so it was left as it is."), colour="bad")],
                           [("close", _("Close"), scene.close_modal, True)])
            return
        start()
        scene.app.notify(kept_text(kept))

    def keep_playing() -> None:
        scene.close_modal(notify=False)
        open_slot(scene, saving.AUTOSAVE)

    message_dialog(scene, "in_progress", _("A game is in progress"), blocks,
                   [("keep_playing", _("Continue this game"), keep_playing, True),
                    ("start_new", _("Start the new game"), start_new, False),
                    ("close", _("Cancel"), scene.close_modal, False)], size=(800, 360))


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
            kept = session.put_aside() if session.in_progress() is not None else None
            session.new_game(entry)
            scene.close_modal(notify=False)
            scene.app.enter_game()
            if kept is not None:
                scene.app.notify(kept_text(kept))

        def replay() -> None:
            done = session.replay_save(slot)
            scene.close_modal(notify=False)
            if done is None:
                message_dialog(scene, "cannot_replay", _("This game cannot continue as it is"),
                               [Block(_("The game could not be replayed on the new version "
                                        "of its scenario."), colour="bad")],
                               [("close", _("Close"), scene.close_modal, True)])
                return
            scene.app.enter_game()
            scene.app.notify(replayed_text(*done))
        if opened.replay:
            buttons.append(("replay", _("Replay to where you were"), replay, True))
        buttons.append(("start_over", _("Start it over"), start_over, not opened.replay))
    buttons.append(("close", _("Close"), scene.close_modal, not buttons))
    message_dialog(scene, "cannot_open", _("This game cannot continue as it is"), blocks,
                   buttons, size=(760, 440))


def replayed_text(turn: int, skipped: int) -> str:
    """After Continue replayed a game on its changed scenario."""
    text = _("The game was replayed on the new version of the scenario: turn {turn}, same "
             "seed, same choices.").format(turn=fmt_number(turn))
    if skipped:
        text += " " + ngettext("{n} action no longer fits it and was left out.",
                               "{n} actions no longer fit it and were left out.",
                               skipped).format(n=fmt_number(skipped))
    return text


class SavesScene(Scene):
    """*mode* ``"load"``: every slot, open one; ``"save"``: the named slots, save into one."""

    name = "saves"
    default_focus = "slot_list"

    def __init__(self, app: Any, mode: str = "load") -> None:
        super().__init__(app)
        self.mode = mode
        self.selected = 0
        self._aside: bool | None = None  # the "put aside" slot is listed when it holds a game

    @property
    def slots(self) -> tuple[str, ...]:
        if self.mode == "save":
            return saving.SLOTS
        aside = self.app.session.slot_info(saving.ASIDE) if self._aside is None else None
        if aside is not None:
            self._aside = aside.usable
        return (saving.AUTOSAVE, *saving.SLOTS, *((saving.ASIDE,) if self._aside else ()))

    def build(self) -> None:
        session = self.app.session
        self._aside = None
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
        self.app.show(registry.title(self.app))

    def on_escape(self) -> None:
        self.back()
