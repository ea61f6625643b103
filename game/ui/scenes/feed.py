"""The feed phase: the day's posts, alerts and monitoring trends arrive; then to the desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.vocabulary import Phase
from game.i18n import _, pick
from game.ui import labels, viewmodel
from game.ui.scenes.common import button_row, text_view
from game.ui.scenes.turn import TurnScene
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.engine.game import Game


def news_blocks(game: Game) -> list[Block]:
    """What is new this turn: event headlines and alerts, new crises and narratives."""
    s, st = game.scenario, game.state
    blocks = [Block(_("Day {day}: what is new").format(day=st.turn), role="heading", bold=True)]
    before = len(blocks)
    for outcome in st.outcomes:
        if outcome.turn != st.turn or outcome.source != "event":
            continue
        event = s.event_by_id.get(str(outcome.ref.get("event")))
        if event is None:
            continue
        if event.headline is not None:
            blocks.append(Block(pick(event.headline), bold=True, space_before=0.6))
        if event.alert is not None:
            blocks.append(Block(pick(event.alert), colour="warn"))
        changes = viewmodel.deltas_text(outcome.deltas)
        if changes:
            blocks.append(Block(changes, role="small", colour="muted"))
    for run in game.live_narratives():
        if run.launched_turn == st.turn:
            narrative = s.narrative_by_id[run.id]
            blocks.append(Block(_("New narrative spotted: “{title}” ({technique})").format(
                title=pick(narrative.title),
                technique=labels.label(labels.TECHNIQUES, narrative.technique)),
                colour="bad", bold=True, space_before=0.6))
    for event in game.open_crises():
        blocks.append(Block(_("Crisis: “{title}” — {deadline}").format(
            title=viewmodel.crisis_title(event, game.scenario),
            deadline=labels.deadline_text(viewmodel.crisis_turns_left(game, event.id))),
            colour="warn", bullet=True, space_before=0.4))
    if len(blocks) == before:
        blocks.append(Block(_("A calm morning: nothing new for your desk.")))
    blocks.append(Block(_("You have {points} this turn.").format(
        points=labels.action_points(st.budget)), colour="accent", space_before=0.8))
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
