"""The ending (debrief state of the turn machine): how the game ended and the score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.score import leftover_costs
from game.engine.vocabulary import Phase
from game.i18n import _, fmt_number, pick
from game.ui import labels
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, page, text_view
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.engine.game import Game

TONE_COLOURS = {"success": "good", "mixed": "warn", "failure": "bad"}


def ending_blocks(game: Game) -> list[Block]:
    st = game.state
    ending = game.scenario.ending_by_id.get(st.ending or "")
    if ending is None:
        return [Block(_("The game is over."), role="title", bold=True)]
    tone = str(ending.tone)
    blocks = [Block(pick(ending.title), role="title", bold=True,
                    colour=TONE_COLOURS.get(tone, "text")),
              Block(labels.label(labels.ENDING_TONES, tone), bold=True,
                    colour=TONE_COLOURS.get(tone, "text")),
              Block(pick(ending.text), space_before=0.6)]
    if st.score is not None:
        blocks.append(Block(_("Score: {score} / 100").format(score=fmt_number(st.score)),
                            role="heading", bold=True, colour="accent", space_before=0.8))
    blocks += leftover_blocks(game)
    if ending.debrief is not None:
        blocks.append(Block(pick(ending.debrief), colour="muted", space_before=0.6))
    return blocks


def leftover_blocks(game: Game) -> list[Block]:
    """Which narratives were left standing, and what each cost in the score."""
    s, st = game.scenario, game.state
    costs = leftover_costs(s, st)
    if not costs:
        return []
    blocks = [Block(_("Disinformation left standing"), bold=True, colour="bad",
                    space_before=0.8)]
    for narrative_id, points in costs.items():
        blocks.append(Block(_("{title}: reach {reach} at the end, {points} off the "
                              "score").format(
            title=pick(s.narrative_by_id[narrative_id].title),
            reach=fmt_number(st.narratives[narrative_id].weighted, 1),
            points=labels.points(points)), bullet=True))
    if s.rules.disinformation_bars_success:
        blocks.append(Block(_("While disinformation is left above {threshold} reach, the "
                              "best endings are out of reach.").format(
            threshold=fmt_number(s.rules.disinformation_threshold)), role="small",
            colour="muted"))
    return blocks


class EndingScene(Scene):
    name = "ending"
    phase = Phase.DEBRIEF
    default_focus = "debrief"

    def build(self) -> None:
        area = page(self, _("How it ends"))
        rest = button_row(self, [("title_screen", _("Back to the title"), self.to_title, False),
                                 ("debrief", _("See the debrief"), self.debrief, True)], area)
        text_view(self, "ending_text", rest, ending_blocks(self.game))

    def debrief(self) -> None:
        from game.ui.scenes.debrief import DebriefScene

        self.app.push(DebriefScene(self.app))

    def to_title(self) -> None:
        from game.ui.scenes.title import TitleScene

        self.app.session.end_game()
        self.app.show(TitleScene(self.app))

    def on_escape(self) -> None:
        self.focus.focus("title_screen")
