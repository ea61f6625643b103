"""F5's fast-forward: the same scenario, seed and actions give the same game, in every phase."""

from __future__ import annotations

import random

import pytest

from game.content.loader import load_scenario
from game.engine.game import Game
from game.engine.vocabulary import Phase
from game.paths import SCENARIOS_DIR
from game.simulation.replay import fast_forward
from game.simulation.strategies import STRATEGIES

SCENARIO = load_scenario(SCENARIOS_DIR / "deepfake_summit.yaml").scenario


def played(turns: int, stop: Phase) -> Game:
    """A game with *turns* turns resolved by the textbook strategy, stopped in *stop*."""
    assert SCENARIO is not None
    game, rng = Game(SCENARIO, 11), random.Random(3)
    if stop is Phase.BRIEFING:
        return game
    game.start()
    for turn in range(1, turns + 2):
        if stop is Phase.FEED and turn == turns + 1:
            return game
        game.open_desk()
        STRATEGIES["textbook"](game, rng)
        if stop is Phase.DECIDE and turn == turns + 1:
            return game
        if not game.budget_done():
            game.pass_turn()
        game.resolve()
        if stop is Phase.RESOLVE and turn == turns + 1 or game.is_over():
            return game
        game.next_turn()
    return game


@pytest.mark.parametrize("stop", [Phase.BRIEFING, Phase.FEED, Phase.DECIDE, Phase.RESOLVE])
def test_fast_forward_gives_the_same_game_in_the_same_phase(stop: Phase) -> None:
    game = played(2, stop)
    assert game.state.planned or stop is not Phase.DECIDE, "this turn's plan is replayed too"
    again = fast_forward(game.scenario, game)
    assert again.skipped == []
    assert again.game.phase is game.phase
    assert again.game.state.to_dict() == game.state.to_dict()


def test_fast_forward_of_a_finished_game_ends_the_same_way() -> None:
    game = played(40, Phase.RESOLVE)
    assert game.is_over()
    game.finish()
    again = fast_forward(game.scenario, game)
    assert again.game.phase is Phase.DEBRIEF
    assert again.game.state.to_dict() == game.state.to_dict()


def test_a_game_saved_without_a_log_comes_back_at_the_first_turn() -> None:
    game = played(2, Phase.DECIDE)
    game.state.turn_log = []
    again = fast_forward(game.scenario, game)
    assert again.game.state.turn == 1 and again.game.phase is Phase.DECIDE
