"""The scenario picker: every bundled and user scenario, and why a broken one cannot be played.

The tutorial comes first and says it is the place to start; a zipped scenario can be
imported from here (a button, or a .zip dropped on the window).
"""

from __future__ import annotations

from typing import Any

import pygame

from game import paths
from game.i18n import _, fmt_number, language_name, ngettext, pick
from game.presentation import labels
from game.ui.scenes import registry
from game.ui.scenes.common import button_row, message_dialog, page, text_view
from game.ui.scenes.importing import ScenarioListScene, handle_import_event, open_import
from game.ui.scenes.saves import before_new_game
from game.ui.session import ScenarioEntry
from game.ui.widgets.listview import Item, ListView
from game.ui.widgets.textlayout import Block


def origin_text(origin: str) -> str:
    return {"bundled": _("comes with the game"), "user": _("from your scenario folder"),
            "command line": _("given on the command line")}.get(origin, "")


def facts(entry: ScenarioEntry) -> str:
    """“8 turns · about 20 min · medium · Français, English”."""
    assert entry.loaded is not None and entry.loaded.scenario is not None
    meta = entry.loaded.scenario.meta
    parts = [ngettext("{n} turn", "{n} turns", meta.turns).format(n=fmt_number(meta.turns))]
    if meta.minutes:
        parts.append(_("about {n} min").format(n=fmt_number(meta.minutes)))
    parts.append(labels.label(labels.DIFFICULTIES, meta.difficulty))
    parts.append(", ".join(language_name(str(lang)) for lang in meta.languages))
    return " · ".join(parts)


TUTORIAL_ID = "tutorial"


def is_tutorial(entry: ScenarioEntry) -> bool:
    """The bundled tutorial: listed first and marked as the place to start."""
    scenario = entry.loaded.scenario if entry.loaded is not None else None
    return entry.origin == "bundled" and scenario is not None and scenario.meta.id == TUTORIAL_ID


def ordered(entries: list[ScenarioEntry]) -> list[ScenarioEntry]:
    """The ``--scenario`` file, then the tutorial, then the others as found."""
    first = [e for e in entries if e.origin == "command line"]
    tutorial = [e for e in entries if is_tutorial(e)]
    return first + tutorial + [e for e in entries if e not in first and e not in tutorial]


def start_here() -> str:
    return _("Start here: a short first game that shows each kind of action.")


def entry_item(entry: ScenarioEntry) -> Item:
    if not entry.playable:
        return Item(str(entry.path), entry.title, [(entry.problem(), "bad")], enabled=False)
    lines = [(start_here(), "good")] if is_tutorial(entry) else []
    return Item(str(entry.path), entry.title, lines + [(facts(entry), "accent"),
                                                       (origin_text(entry.origin), "muted")])


class PickerScene(ScenarioListScene):
    name = "picker"
    default_focus = "scenario_list"

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.selected = 0  # the tutorial (or the --scenario file) unless the player moves

    def entries(self) -> list[ScenarioEntry]:
        return ordered(self.app.session.scenarios())

    def current(self) -> ScenarioEntry | None:
        entries = self.entries()
        return entries[min(self.selected, len(entries) - 1)] if entries else None

    def build(self) -> None:
        t = self.theme
        area = page(self, _("Scenarios"))
        current = self.current()
        rest = button_row(self, [("back", _("Back"), self.back, False),
                                 ("refresh", _("Look again"), self.refresh, False),
                                 ("import", _("Import a .zip…"), self.import_zip, False),
                                 ("play", _("Play this scenario"), self.play, True)], area)
        if current is None or not current.playable:
            self.widgets["play"].disable()
        left = pygame.Rect(rest.x, rest.y, rest.width * 11 // 20, rest.height)
        right = pygame.Rect(left.right + t.gap, rest.y, rest.right - left.right - t.gap,
                            rest.height)
        items = [entry_item(e) for e in self.entries()]
        listing = ListView(left, self.ui, t, items, lambda item: self.later(self.play),
                           on_select=self._selected, selected=self.selected,
                           activate_on_click=False, empty_text=_("No scenario found."))
        self.canvas("scenario_list", listing, group=None)
        text_view(self, "scenario_details", right, self.details())

    def details(self) -> list[Block]:
        folder = paths.user_scenarios_dir()
        footer = [Block(_("Your own scenarios go in this folder:"), colour="muted",
                        space_before=1.0),
                  Block(str(folder), role="small", colour="muted")]
        entry = self.current()
        if entry is None:
            return footer
        if not entry.playable:
            return [Block(entry.title, role="heading", bold=True),
                    Block(entry.problem(), colour="bad"), Block(str(entry.path), role="small",
                                                                colour="muted"), *footer]
        assert entry.loaded is not None and entry.loaded.scenario is not None
        meta = entry.loaded.scenario.meta
        blocks = [Block(pick(meta.title), role="heading", bold=True)]
        if is_tutorial(entry):
            blocks.append(Block(start_here(), colour="good", bold=True))
        blocks += [Block(facts(entry), colour="accent"),
                   Block(pick(meta.summary)),
                   Block(_("What you will learn"), bold=True, space_before=0.8)]
        blocks += [Block(pick(goal), bullet=True) for goal in meta.learning_goals]
        blocks.append(Block(_("By {author}").format(author=meta.author), colour="muted",
                            space_before=0.8))
        return blocks + footer

    def _selected(self, item: Item) -> None:
        entries = self.entries()
        self.selected = next((i for i, e in enumerate(entries) if str(e.path) == item.key), 0)
        self.widgets["scenario_details"].set_blocks(self.details())
        play = self.widgets["play"]
        play.enable() if entries[self.selected].playable else play.disable()

    def select_path(self, path: Any) -> None:
        """Select the scenario at *path* (a freshly imported one)."""
        keys = [e.path.resolve() for e in self.entries()]
        if path is not None and path.resolve() in keys:
            self.selected = keys.index(path.resolve())

    def play(self) -> None:
        """Read the file again (it may have been changed, damaged or removed since the list
        was made) and start it if it can still be played."""
        entry = self.current()
        if entry is None or not entry.playable:
            return
        fresh = self.app.session.reread(entry)
        if not fresh.playable:
            self.cannot_play(fresh)
            return
        def start() -> None:
            self.app.session.new_game(fresh)
            self.app.enter_game()

        before_new_game(self, start)  # a game in progress: ask, and keep it whatever

    def cannot_play(self, entry: ScenarioEntry) -> None:
        """The file went away or broke while the list was open: say so, and list again."""
        self.app.session.scenarios(refresh=True)
        listed = [e for e in self.entries() if e.path == entry.path]
        self.selected = 0
        self.select_path(entry.path if listed else None)
        self.rebuild()
        if listed:
            text = listed[0].problem()
        else:
            text = _("This scenario's file is no longer there: {path}. The list has been "
                     "updated.").format(path=entry.path)
        message_dialog(self, "scenario_gone", entry.title, [Block(text, colour="bad")],
                       [("scenario_gone_close", _("Close"), self.close_modal, True)])

    def refresh(self) -> None:
        self.app.session.scenarios(refresh=True)
        self.selected = 0
        self.rebuild()

    def import_zip(self, path: str = "") -> None:
        open_import(self, path)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return handle_import_event(self, event) or super().handle_event(event)

    def on_reload(self) -> bool:
        """F5 here looks at the scenario folders again."""
        if self.modal is None:
            self.later(self.refresh)
        return True

    def back(self) -> None:
        self.app.show(registry.title(self.app))

    def on_escape(self) -> None:
        self.back()
