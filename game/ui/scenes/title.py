"""The title screen: new game, continue, scenarios, settings, quit."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.saving import AUTOSAVE
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_column, column_width, language_toggle, message_dialog
from game.ui.widgets.textlayout import Block


class TitleScene(Scene):
    name = "title"
    default_focus = "new_game"

    def build(self) -> None:
        t = self.theme
        w, h = self.app.size
        language_toggle(self, w - t.pad, t.pad)
        specs = [
            ("new_game", _("New game"), self.new_game, True),
            ("continue", _("Continue"), self.resume, False),
            ("saved_games", _("Saved games"), self.saved_games, False),
            ("scenarios", _("Scenarios"), self.scenarios, False),
            ("settings", _("Settings"), self.settings, False),
            ("quit", _("Quit"), self.app.quit, False),
        ]
        width = column_width(self, [text for _key, text, _action, _primary in specs])
        block = (t.line("title") + t.line("body") * 2 + t.gap * 3
                 + len(specs) * (t.button_height + t.pad // 2 + t.gap))
        top = max(t.button_height + 2 * t.pad, (h - block) // 2)
        self.label("game_title", "Hashtag Diplomacy",
                   pygame.Rect(0, top, w, t.line("title") + t.gap), style="#title",
                   role="title", bold=True)
        top += t.line("title") + t.gap
        tagline = _("Digital diplomacy in the age of disinformation")
        self.label("tagline", tagline, pygame.Rect(0, top, w, t.line("body")), style="#tagline")
        top += t.line("body") * 2
        session = self.app.session
        resumable = session.has_autosave()  # whether files are there: no save decoded
        # Enter continues the saved game rather than starting another (New game asks
        # before it replaces a game in progress, but Continue is what a returning student
        # means).
        self.default_focus = "continue" if resumable else "new_game"
        button_column(self, specs, w // 2, top, width,
                      enabled={"continue": resumable,
                               "saved_games": resumable or session.has_saves()})

    def new_game(self) -> None:
        """A student picks from the list (the tutorial first, selected); an author who gave
        ``--scenario`` plays that file at once."""
        if self.app.session.scenario_arg is None:
            self.scenarios()
            return
        entry = self.app.session.default_entry()
        if entry is None:
            message_dialog(self, "no_scenario", _("No scenario"),
                           [Block(_("No playable scenario was found. Open the scenario list "
                                    "to see what is wrong."))],
                           [("open_scenarios", _("Scenarios"), self.scenarios, True),
                            ("close", _("Close"), self.close_modal, False)])
            return
        if not entry.playable:
            message_dialog(self, "broken", entry.title, [Block(entry.problem(), colour="bad")],
                           [("open_scenarios", _("Scenarios"), self.scenarios, False),
                            ("read_again", _("Read the file again"), self.read_again, True),
                            ("close", _("Close"), self.close_modal, False)])
            return
        from game.ui.scenes.saves import before_new_game  # not loaded with the title

        def start() -> None:
            self.app.session.new_game(entry)
            self.app.enter_game()

        before_new_game(self, start)  # a game in progress: ask, and keep it whatever

    def read_again(self) -> None:
        """The author fixed the file: read it again and start if it can be played now."""
        self.close_modal(notify=False)
        self.app.session.scenarios(refresh=True)
        self.new_game()

    def resume(self) -> None:
        from game.ui.scenes.saves import open_slot  # the saves screen: not with the title

        open_slot(self, AUTOSAVE)  # a damaged save: its problem, and the backup if any

    def saved_games(self) -> None:
        self.app.show(registry.saves(self.app, "load"))

    def scenarios(self) -> None:
        self.close_modal(notify=False)
        self.app.show(registry.picker(self.app))

    def settings(self) -> None:
        self.app.push(registry.settings(self.app))

    def on_escape(self) -> None:
        self.focus.focus("quit")
