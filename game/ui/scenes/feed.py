"""The feed phase: the day's posts, alerts and monitoring trends arrive; then to the desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.vocabulary import Phase
from game.i18n import _, pick
from game.presentation import labels, viewmodel
from game.presentation.turn_changes import turn_changes
from game.ui.scenes.common import button_row, text_view
from game.ui.scenes.turn import TurnScene
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.content.model import Event
    from game.engine.game import Game


def news_blocks(game: Game, points: bool = True) -> list[Block]:
    """What is new this turn: event headlines and alerts, new crises and narratives (and
    the action points to spend, unless *points* is false)."""
    s, st = game.scenario, game.state
    when = labels.turn_time(st.turn, s.meta.hours_per_turn)
    blocks = [Block(_("{when}: what is new").format(when=when), role="heading", bold=True)]
    before = len(blocks)
    # The gauges' changes on this screen are the morning's news: listed here, whole points
    # that add up to them (``turn_changes``), reach included.
    for line in turn_changes(game).lines:
        outcome = line.outcome
        if outcome.source != "event":
            continue
        event = s.event_by_id.get(str(outcome.ref.get("event")))
        if event is not None:
            changes = [viewmodel.deltas_text(line.deltas)] + viewmodel.reach_change_text(
                game, line.reach)
            blocks += event_blocks(game, event, [text for text in changes if text])
    for run in game.live_narratives():
        if run.launched_turn == st.turn:
            narrative = s.narrative_by_id[run.id]
            blocks.append(Block(_("New narrative spotted: “{title}” ({technique})").format(
                title=labels.nested(pick(narrative.title)),
                technique=labels.label(labels.TECHNIQUES, narrative.technique)),
                colour="bad", bold=True, space_before=0.6))
            blocks.append(Block(labels.label(labels.TECHNIQUE_HELP, narrative.technique),
                                colour="muted"))
    for event in game.open_crises():
        blocks.append(Block(_("Crisis: “{title}” — {deadline}").format(
            title=labels.nested(viewmodel.crisis_title(event, game.scenario)),
            deadline=labels.deadline_text(viewmodel.crisis_turns_left(game, event.id))),
            colour="warn", bullet=True, space_before=0.4))
    if len(blocks) == before:
        blocks.append(Block(_("A calm morning: nothing new for your desk.")))
    if points:
        blocks.append(Block(_("You have {points} this turn.").format(
            points=labels.action_points(st.budget)), colour="accent", space_before=0.8))
    return blocks


def event_blocks(game: Game, event: Event, changes: list[str]) -> list[Block]:
    """An event's headline, alert and what it changed.  Changes never sit under nothing (or
    under the previous event's alert): an event without headline or alert is named after
    who posted in it, else "Other developments"."""
    blocks = []
    if event.headline is not None:
        blocks.append(Block(pick(event.headline), bold=True, space_before=0.6))
    if event.alert is not None:
        blocks.append(Block(pick(event.alert), colour="warn",
                            space_before=0.3 if blocks else 0.6))
    if changes:
        if not blocks:
            title = viewmodel.event_title(event, game.scenario) or _("Other developments")
            blocks.append(Block(title, bold=True, space_before=0.6))
        blocks += [Block(text, role="small", colour="muted") for text in changes]
    return blocks


class FeedScene(TurnScene):
    name = "feed"
    phase = Phase.FEED
    default_focus = "open_desk"

    def build(self) -> None:
        side = self.build_info(self.top_bar())
        rest = button_row(self, [("open_desk", _("Go to your desk"), self.open_desk, True)],
                          side, group=None)
        text_view(self, "news", rest, news_blocks(self.game))

    def open_desk(self) -> None:
        if self.game.may_open_desk():
            self.game.open_desk()
