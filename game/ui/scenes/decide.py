"""The desk (decide phase): plan posts, crisis answers and counter-measures, then end the turn."""

from __future__ import annotations

from dataclasses import astuple
from typing import Any

import pygame

from game import i18n
from game.engine.actions import Action
from game.engine.game import IllegalAction
from game.engine.vocabulary import Phase
from game.i18n import _, fmt_number, ngettext
from game.presentation import labels, viewmodel
from game.ui.focus import NEXT_KEYS, PREVIOUS_KEYS
from game.ui.scenes import desk
from game.ui.scenes.base import first_fitting
from game.ui.scenes.common import message_dialog
from game.ui.widgets.selector import Selector
from game.ui.widgets.textlayout import Block, layout_blocks

TABS = ("news", "post", "crises", "counter", "plan")


class DecideScene(desk.DeskScene):
    name = "decide"
    phase = Phase.DECIDE

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        # The tab the student left this turn (Continue, the menu and back), else crises
        # first when one waits.
        left = self.memory.get("tab")
        self.tab = left if isinstance(left, str) and left in TABS and \
            self.memory.get("tab_turn") == self.game.state.turn else \
            "crises" if self.game.open_crises() else "post"
        self.message: tuple[str, str] | None = None  # (text, palette colour)
        self.focus_next: str | None = None
        self.selectors: dict[str, Selector] = {}  # the tab's choices, by id
        self.wording_in_form = True  # False: the post's wording is chosen in the preview
        self._shown_seconds = -1
        # How many widgets the top bar, feed and indicators are, what they were built from,
        # and the room they left: kept when only the panel changes.
        self._kept: tuple[int, Any, pygame.Rect] = (0, None, pygame.Rect(0, 0, 0, 0))

    @property
    def default_focus(self) -> str:  # type: ignore[override]
        return f"tab_{self.tab}"

    def build(self) -> None:
        side = self.build_info(self.top_bar())
        self._kept = (len(self.widgets), self._built_from(), side)
        self.build_panel(side)

    def build_panel(self, side: pygame.Rect) -> None:
        """The tabs, the open tab, the points and "End the turn": what the desk's own
        changes (a tab, a choice, a plan) change."""
        self.selectors = {}
        content = self.build_frame(side)
        builders = {"news": desk.build_news_tab, "post": desk.build_post_tab,
                    "crises": desk.build_crises_tab, "counter": desk.build_counter_tab,
                    "plan": desk.build_plan_tab}
        builders[self.tab](self, content)
        self._order_focus()

    def _order_focus(self) -> None:
        """Tab order: the other tabs, the open tab, its fields, then "End the turn".  The
        desk opens with the focus on the open tab, so Tab goes straight to its form (the
        keyboard route to the fields is the obvious one), and every tab is still reached."""
        items = self.focus.items
        for ident in (f"tab_{self.tab}", "end_turn"):
            item = next((i for i in items if i.id == ident), None)
            if item is None:
                continue
            items.remove(item)
            if ident == "end_turn":
                items.append(item)
            else:  # after the last tab
                last = max((n for n, i in enumerate(items) if i.group == "tabs"), default=-1)
                items.insert(last + 1, item)

    def rebuild(self) -> None:
        if not self._rebuild_panel():
            super().rebuild()
        # After the rebuild has put the focus back where it was: where the player goes next.
        if self.focus_next is not None and self.modal is None:
            self.focus.focus(self.focus_next)
        self.focus_next = None

    def _built_from(self) -> tuple[Any, ...]:
        """What the top bar, the feed and the indicators are built from.  Planning, a
        choice or a tab changes none of it (the engine applies plans when the turn
        resolves); a language, text size, window size, reload or new turn does."""
        app, game = self.app, self.game
        return ((app.ui, app.theme, game, game.scenario),  # compared by identity
                (app.size, i18n.get_language(), astuple(app.settings), app.session.info_view,
                 game.state.turn, game.phase, len(game.state.feed)))

    def _rebuild_panel(self) -> bool:
        """Rebuild only what :meth:`build_panel` built, when the rest of the screen would be
        built the same (a whole desk is ~35 ms, 53 times a game; its panel about half);
        False when the whole screen must be built (a dialog is open, or it changed)."""
        count, built_from, side = self._kept
        kept = list(self.widgets.items())[:count]
        objects, values = self._built_from()
        if (self.modal is not None or self._modal_builder is not None or not count
                or values != built_from[1]
                or not all(a is b for a, b in zip(objects, built_from[0], strict=True))
                or not all(element.alive() for _ident, element in kept)):
            return False
        keep = self.focus.current_id
        for _ident, element in list(self.widgets.items())[count:]:
            element.kill()
        self.widgets = dict(kept)
        alive = {id(element) for _ident, element in kept}
        self.canvases = [c for c in self.canvases if id(c) in alive]
        # Ids of dead widgets may be given to the new ones.
        self._presses = {k: v for k, v in self._presses.items() if k in alive}
        self.focus.items = [item for item in self.focus.items if id(item.element) in alive]
        self.focus.index = -1
        self.build_panel(side)
        if not self.focus.focus(keep) and not self.focus.focus(self.default_focus):
            self.focus.focus_first()
        self.app.release_dead_widgets()  # as a whole rebuild does (app.clear_ui)
        return True

    def tab_title(self, tab: str) -> str:
        game = self.game
        return {"news": _("News"), "post": _("Post"),
                "crises": _("Crises ({n})").format(n=fmt_number(len(game.open_crises()))),
                "counter": _("Counter"),
                "plan": _("Plan ({n})").format(n=fmt_number(len(game.state.planned)))}[tab]

    def build_frame(self, side: pygame.Rect) -> pygame.Rect:
        """Tabs on top, points and “End the turn” at the bottom; returns the space between."""
        t = self.theme
        x, y = side.x, side.y
        h = t.button_height
        for tab in TABS:
            text = self.tab_title(tab)
            width = min(side.width, t.button_width(text, True))
            if x + width > side.right:
                x, y = side.x, y + h + t.gap
            self.button(f"tab_{tab}", text, pygame.Rect(x, y, width, h), self._tab_opener(tab),
                        group="tabs", object_id="#tab_on" if tab == self.tab else None)
            x += width + t.gap
        bottom = side.bottom - h
        game = self.game
        end_text = _("End the turn")
        end_w = min(side.width // 2, t.button_width(end_text, True))
        self.button("end_turn", end_text, pygame.Rect(side.right - end_w, bottom, end_w, h),
                    self.end_turn, primary=game.state.budget == 0)
        points_w = side.width - end_w - t.gap
        points = first_fitting(t, [viewmodel.points_summary(game), viewmodel.points_summary(
            game, short=True)], points_w, bold=True)  # long translations: the short one
        self.label("points", points, pygame.Rect(side.x, bottom, points_w, h), bold=True)
        top = y + h + t.gap
        return pygame.Rect(side.x, top, side.width, bottom - t.gap - top)

    def _tab_opener(self, tab: str) -> Any:
        def open_tab() -> None:
            self.tab = tab
            self.memory["tab"], self.memory["tab_turn"] = tab, self.game.state.turn
            self.message = None
            self.rebuild()  # the focus stays where it is (on the tab, unless it moved since)
        return open_tab

    # -- planning -------------------------------------------------------------------------

    def plan(self, action: Action) -> bool:
        """Plan *action* through the engine; say why not if it refuses."""
        try:
            self.game.play(action)
        except IllegalAction as refused:
            self.message = (labels.reason(refused.reason), "warn")
            self.rebuild()
            return False
        # The action's own line has a colon ("Monitor: “…”"): none before it.
        self.message = (_("Planned for this turn — {action}").format(
            action=viewmodel.describe_action(self.game, self.game.state.planned[-1])), "good")
        if self.game.state.budget <= 0:
            self.message = (self.message[0] + "\n" + _("No action points left: end the turn."),
                            "good")
            self.focus_next = "end_turn"
        self.rebuild()
        return True

    def cancel(self, index: int) -> None:
        if self.game.may_cancel(index):
            described = viewmodel.describe_action(self.game, self.game.state.planned[index])
            self.game.cancel(index)
            self.message = (_("Cancelled: {action}").format(action=described), "muted")
        self.rebuild()

    # -- ending the turn --------------------------------------------------------------------

    def end_turn(self) -> None:
        budget = self.game.state.budget
        if budget <= 0:
            self.resolve()
            return
        blocks = [Block(_("You still have {points}. Unused points are lost.").format(
            points=labels.action_points(budget))), *self.plan_summary()]
        t = self.theme
        width = min(round(720 * t.base / 16), self.app.size[0] - 2 * t.pad)
        # As tall as the summary needs (the dialog's text scrolls beyond the window).
        text_h = layout_blocks(blocks, t, width - 6 * t.pad - max(6, t.pad) - 6).height
        height = text_h + 2 * t.button_height + 2 * t.gap + 8 * t.pad
        message_dialog(self, "confirm_end", _("End the turn?"), blocks,
                       [("keep_planning", _("Keep planning"), self.close_modal, False),
                        ("confirm_end_turn", _("End the turn"), self.resolve, True)],
                       size=(width, height))

    def plan_summary(self) -> list[Block]:
        """What the turn will do: each planned action (a post with its words), and the
        crises still waiting for an answer."""
        game = self.game
        blocks = []
        if game.state.planned:
            blocks.append(Block(_("Planned for this turn:"), bold=True, space_before=0.6))
            for planned in game.state.planned:
                blocks.append(Block(viewmodel.describe_action(game, planned), bullet=True))
                if planned["kind"] == "post":
                    words = viewmodel.post_text(game.scenario, planned)
                    # The words exactly as the feed will show them (no quotes of the
                    # interface's language around a post written in another).
                    blocks.append(Block(words, role="small", colour="muted"))
        else:
            blocks.append(Block(_("Nothing is planned for this turn."), colour="warn",
                                space_before=0.6))
        answered = {p["event"] for p in game.state.planned if p["kind"] == "answer"}
        waiting = [e for e in game.open_crises() if e.id not in answered]
        if waiting:
            blocks.append(Block(ngettext("{n} crisis is still waiting for an answer:",
                                         "{n} crises are still waiting for an answer:",
                                         len(waiting)).format(n=fmt_number(len(waiting))),
                                colour="warn", bold=True, space_before=0.6))
            blocks += [Block(viewmodel.crisis_title(e, game.scenario), colour="warn",
                             bullet=True) for e in waiting]
        return blocks

    def resolve(self) -> None:
        self.close_modal(notify=False)
        game = self.game
        if not game.may_resolve() and game.may_pass_turn():
            game.pass_turn()
        if game.may_resolve():
            game.resolve()

    # -- turn timer -------------------------------------------------------------------------

    def extra_top(self, right: int) -> int:
        if not self.app.settings.turn_timer:
            return right
        t = self.theme
        text = self.timer_text()
        width = t.text_width(_("Time left: {time}").format(time="00:00"), "body", True) + t.pad
        self.label("timer", text, pygame.Rect(right - width, t.pad, width, t.button_height),
                   style="#warning_text", bold=True)
        return right - width - t.gap

    def seconds_left(self) -> float:
        session, turn = self.app.session, self.game.state.turn
        if session.timer_turn != turn:
            session.timer_turn, session.timer_left = turn, float(self.app.settings.turn_timer)
        return session.timer_left

    def timer_text(self) -> str:
        left = max(0, int(self.seconds_left() + 0.999))
        return _("Time left: {time}").format(time=f"{left // 60}:{left % 60:02d}")

    def update(self, dt: float) -> None:
        # A dialog (crisis, menu, help, confirmation) pauses the clock: reading is not lost time.
        if not self.app.settings.turn_timer or self.modal is not None:
            return
        self.seconds_left()
        self.app.session.timer_left -= dt
        shown = int(self.app.session.timer_left + 0.999)
        if shown != self._shown_seconds and "timer" in self.widgets:
            self._shown_seconds = shown
            self.widgets["timer"].set_text(self.timer_text())
            self.app.busy()
        if self.app.session.timer_left <= 0:
            self.later(self.resolve)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Enter on the Crises tab's own button, the tab being open, opens the highlighted
        crisis (as the tab's hint says); a click on it changes nothing."""
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
                and self.modal is None and self.tab == "crises"
                and self.focus.current_id == "tab_crises"):
            desk.open_selected_crisis(self)
            return True
        current = self.focus.current
        if (event.type == pygame.KEYDOWN and self.modal is None and current is not None
                and current.group == "tabs" and current.id[4:] in TABS
                and event.key in (*PREVIOUS_KEYS, *NEXT_KEYS)):
            # Arrows follow the tabs as drawn (the Tab order puts the open one last).
            n = TABS.index(current.id[4:]) + (1 if event.key in NEXT_KEYS else -1)
            if 0 <= n < len(TABS):
                self.focus.focus(f"tab_{TABS[n]}")
            return True
        return super().handle_event(event)

    def on_number(self, n: int) -> bool:
        crises = self.game.open_crises()
        if self.tab == "crises" and n <= len(crises):
            desk.open_crisis(self, crises[n - 1].id)
            return True
        return False
