"""Results of the turn (resolve phase): what happened because of each action, then next turn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.vocabulary import Phase
from game.i18n import _, pick
from game.ui import labels, viewmodel
from game.ui.scenes.common import button_row, text_view
from game.ui.scenes.turn import TurnScene
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.engine.state import Outcome


def outcome_title(game: Game, outcome: Outcome) -> str:
    """What caused an outcome, in one line."""
    s = game.scenario
    if outcome.source in labels.PLAYER_SOURCES:
        return viewmodel.describe_action(game, outcome.ref)
    source = labels.label(labels.SOURCES, outcome.source)
    narrative = s.narrative_by_id.get(str(outcome.ref.get("narrative")))
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if narrative is not None:
        title = pick(narrative.title)
    elif event is not None:
        title = viewmodel.crisis_title(event, game.scenario)
    else:
        return source
    return labels.source_title(source, title)


def scenario_texts(game: Game, outcome: Outcome) -> list[str]:
    """The scenario's own words about an outcome: a choice's result, an expired crisis."""
    s = game.scenario
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if event is None or event.crisis is None:
        return []
    if outcome.source == "answer":
        choice = next((c for c in event.crisis.choices if c.id == outcome.ref.get("choice")),
                      None)
        return [pick(choice.outcome)] if choice is not None and choice.outcome else []
    if outcome.source == "deadline" and event.crisis.expire_text is not None:
        return [pick(event.crisis.expire_text)]
    return []


def outcome_blocks(game: Game, outcome: Outcome) -> list[Block]:
    mine = outcome.source in labels.PLAYER_SOURCES
    blocks = [Block(outcome_title(game, outcome), bold=True, space_before=0.7,
                    colour="text" if mine else "accent")]
    blocks += [Block(text, colour="text") for text in scenario_texts(game, outcome)]
    changes = viewmodel.deltas_text(outcome.deltas)
    if changes:
        blocks.append(Block(changes, role="small", colour="muted"))
    blocks += [Block(line, role="small", colour="muted")
               for line in viewmodel.reach_change_text(game, outcome.reach)]
    blocks += [Block(labels.note(code), bullet=True) for code in outcome.notes]
    why = viewmodel.counter_reason(game, outcome)
    if why:
        blocks.append(Block(why, role="small", colour="text"))
    return blocks


def results_blocks(game: Game) -> list[Block]:
    """This turn's outcomes: the player's actions first, then the world's reactions."""
    st = game.state
    outcomes = [o for o in st.outcomes if o.turn == st.turn and o.source != "event"]
    mine = [o for o in outcomes if o.source in labels.PLAYER_SOURCES]
    world = [o for o in outcomes if o.source not in labels.PLAYER_SOURCES]
    blocks = [Block(_("Because of what you did"), role="heading", bold=True)]
    if not mine:
        blocks.append(Block(_("You took no action this turn."), colour="muted"))
    for outcome in mine:
        blocks += outcome_blocks(game, outcome)
    blocks.append(Block(_("What happened in the world"), role="heading", bold=True,
                        space_before=1.2))
    if not world:
        blocks.append(Block(_("A quiet day."), colour="muted"))
    for outcome in world:
        blocks += outcome_blocks(game, outcome)
    if game.is_over():
        text = _("This was the last turn: see how it ends.") if st.turn >= game.turns else \
            _("The game ends here, before its last turn: see how it ends.")
        blocks.append(Block(text, colour="warn", bold=True, space_before=1.2))
    return blocks


class ResolveScene(TurnScene):
    name = "resolve"
    phase = Phase.RESOLVE
    default_focus = "next"

    def build(self) -> None:
        t = self.theme
        body = self.top_bar()
        left = pygame.Rect(body.x, body.y, round(body.width * 0.62), body.height)
        right = pygame.Rect(left.right + t.gap, body.y, body.right - left.right - t.gap,
                            body.height)
        text = _("See how it ends") if self.game.is_over() else _("Next turn")
        rest = button_row(self, [("next", text, self.advance, True)], left, group=None)
        text_view(self, "results", rest, results_blocks(self.game))
        self.build_indicators(right)

    def advance(self) -> None:
        game = self.game
        if game.may_finish() or game.may_next_turn():
            game.advance()
