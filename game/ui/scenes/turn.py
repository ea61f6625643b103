"""The main turn screen's frame, shared by the feed, desk and results scenes."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.presentation import labels, viewmodel
from game.ui.scenes import registry
from game.ui.scenes.base import Scene, first_fitting
from game.ui.scenes.common import button_column, column_width, language_toggle
from game.ui.widgets.dashboard import Dashboard, NarrativesView
from game.ui.widgets.feed import FeedView

COMPACT_BELOW = 50  # body width in units of the text size: below it, two columns not three


class TurnScene(Scene):
    """Top bar (turn, turns left, phase, language, menu) and the three columns:
    feed | indicators + narratives | the phase's own panel."""

    def top_bar(self) -> pygame.Rect:
        """Draw the bar; returns the body area under it."""
        t = self.theme
        w, h = self.app.size
        game = self.game
        bar_h = t.button_height + 2 * t.pad
        menu_text = _("Menu")
        menu_w = t.button_width(menu_text)
        self.button("menu", menu_text, pygame.Rect(w - t.pad - menu_w, t.pad, menu_w,
                                                   t.button_height), self.open_menu)
        right = language_toggle(self, w - 2 * t.pad - menu_w, t.pad) - t.gap
        right = self.extra_top(right)
        parts = [labels.turn_of(game.state.turn, game.turns), labels.turns_left(game.turns_left),
                 labels.label(labels.PHASES, game.phase)]
        # A narrow window drops the phase, then the turns left, rather than cut the text.
        status = first_fitting(t, [" · ".join(parts), " · ".join(parts[:2]), parts[0]],
                               right - 2 * t.pad, "heading", True)
        self.label("turn_status", status, pygame.Rect(2 * t.pad, t.pad, right - 2 * t.pad,
                                                       t.button_height),
                   style="#heading", role="heading", bold=True)
        return pygame.Rect(t.pad, bar_h, w - 2 * t.pad, h - bar_h - t.pad)

    def extra_top(self, right: int) -> int:
        """Room for a scene's own widget in the top bar (the turn timer); returns new right."""
        return right

    def columns(self, body: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        g = self.theme.gap
        # Larger text needs a wider desk column: the feed gives up the most room.
        grow = (self.theme.base - 16) / 8
        feed_w = round(body.width * (0.34 - 0.06 * grow))
        mid_w = round(body.width * (0.28 - 0.02 * grow))
        feed = pygame.Rect(body.x, body.y, feed_w, body.height)
        mid = pygame.Rect(feed.right + g, body.y, mid_w, body.height)
        side = pygame.Rect(mid.right + g, body.y, body.right - mid.right - g, body.height)
        return feed, mid, side

    def compact(self, body: pygame.Rect) -> bool:
        """Too narrow for three columns at this text size (a small window, large text)."""
        return body.width < COMPACT_BELOW * self.theme.base

    def build_info(self, body: pygame.Rect) -> pygame.Rect:
        """The feed and the indicators; returns the room left for the phase's own panel.

        In a narrow window the two share one column, with a switch between them."""
        if not self.compact(body):
            feed, mid, side = self.columns(body)
            self.build_feed(feed)
            self.build_indicators(mid)
            return side
        t = self.theme
        left = pygame.Rect(body.x, body.y, round(body.width * 0.45), body.height)
        shown = self.app.session.info_view
        x = left.x
        for view, text in (("feed", _("News feed")), ("indicators", _("Indicators"))):
            width = min(left.width // 2 - t.gap, t.button_width(text, True))
            self.button(f"info_{view}", text, pygame.Rect(x, left.y, width, t.button_height),
                        self._info_switcher(view), group="info",
                        object_id="#tab_on" if view == shown else None)
            x += width + t.gap
        below = pygame.Rect(left.x, left.y + t.button_height + t.gap, left.width,
                            left.height - t.button_height - t.gap)
        self.build_feed(below) if shown == "feed" else self.build_indicators(below)
        return pygame.Rect(left.right + t.gap, body.y, body.right - left.right - t.gap,
                           body.height)

    def _info_switcher(self, view: str):  # type: ignore[no-untyped-def]
        def switch() -> None:
            self.app.session.info_view = view
            self.rebuild()
        return switch

    def build_feed(self, rect: pygame.Rect) -> FeedView:
        session = self.app.session
        entry = session.entry
        folder = entry.loaded.folder if entry is not None and entry.loaded is not None else None
        posts = viewmodel.feed_posts(self.game, folder, session.feed_keys())
        view = FeedView(rect, self.ui, self.theme, posts, session.feed_seen)
        return self.canvas("feed", view)

    def build_indicators(self, rect: pygame.Rect) -> None:
        """Dashboard on top (as tall as it needs, up to 60 %), narratives under it."""
        t = self.theme
        dashboard = Dashboard(rect, self.ui, t, viewmodel.gauges(self.game),
                              since=viewmodel.gauges_since(self.game))
        height = min(dashboard.content_height + t.gap, round(rect.height * 0.6))
        dashboard.set_dimensions((rect.width, height))
        dashboard.mark_dirty(relayout=True)
        self.canvas("dashboard", dashboard)
        below = pygame.Rect(rect.x, rect.y + height + t.gap, rect.width,
                            rect.height - height - t.gap)
        self.canvas("narratives", NarrativesView(below, self.ui, t,
                                                 viewmodel.narratives(self.game)))

    def animating(self) -> bool:
        feed = self.widgets.get("feed")
        return bool(feed is not None and feed.alive() and feed.animating())

    # -- menu -----------------------------------------------------------------------------

    def open_menu(self) -> None:
        specs = [("resume", _("Resume"), self.close_modal, True),
                 ("menu_settings", _("Settings"), self.settings, False),
                 ("menu_help", _("Keyboard"), self.help_from_menu, False),
                 ("menu_save", _("Save in a slot…"), self.save_in_slot, False),
                 ("to_title", _("Save and go to the title screen"), self.to_title, False)]
        t = self.theme
        width = column_width(self, [s[1] for s in specs])
        height = len(specs) * (t.button_height + t.pad // 2 + t.gap) + 4 * t.pad

        def build() -> None:
            assert self.modal is not None
            button_column(self, specs, self.modal.rect.centerx, self.modal.rect.y + 2 * t.pad,
                          width - 2 * t.pad)

        self.open_modal("menu", (width + 2 * t.pad, height), build)

    def help_from_menu(self) -> None:
        self.close_modal(notify=False)
        self.show_help()

    def save_in_slot(self) -> None:
        self.close_modal(notify=False)
        self.app.push(registry.saves(self.app, "save"))

    def settings(self) -> None:
        self.close_modal(notify=False)
        self.app.push(registry.settings(self.app))

    def to_title(self) -> None:
        self.app.autosave()
        self.app.session.end_game()
        self.app.show(registry.title(self.app))

    def on_escape(self) -> None:
        self.open_menu()
