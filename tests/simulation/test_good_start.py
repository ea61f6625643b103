"""A desk that plays well for half the game and then stops must not reach the best ending
(a playtest: turns 1-4 played well, two crises ignored after, the video back to 19 %, and
the best ending said the tension had eased).  The ``good_start`` player is that student,
and the teaching verdict counts it among the shortcuts."""

from __future__ import annotations

import pytest

from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.vocabulary import EndingTone
from game.simulation.runner import game_seed, play_game
from game.simulation.strategies import SHORTCUTS, STRATEGIES
from tests.conftest import SCENARIOS_DIR

GAMES = 40


def bundled(name: str) -> Scenario:
    loaded = load_scenario(SCENARIOS_DIR / f"{name}.yaml")
    assert loaded.scenario is not None
    return loaded.scenario


def successes(scenario: Scenario, player: str) -> int:
    wins = 0
    for i in range(GAMES):
        game = play_game(scenario, player, game_seed(1, i))
        ending = scenario.ending_by_id[game.state.ending or ""]
        wins += ending.tone is EndingTone.SUCCESS
    return wins


def test_good_start_is_a_shortcut_that_plays_the_first_half_then_nothing() -> None:
    assert "good_start" in STRATEGIES and "good_start" in SHORTCUTS
    s = bundled("deepfake_summit")
    game = play_game(s, "good_start", game_seed(1, 0))
    late = {e.id for e in s.events if e.crisis and e.turn and e.turn > s.meta.turns // 2}
    early = {e.id for e in s.events if e.crisis and e.turn and e.turn <= s.meta.turns // 2}
    assert late and late & set(game.state.missed)  # the crises of the second half: ignored
    assert early & set(game.state.answers)  # those of the first half: answered


@pytest.mark.parametrize("name", ["deepfake_summit", "tutorial", "ask_your_minister"])
def test_stopping_halfway_costs_the_best_ending_the_whole_lesson_reaches(name: str) -> None:
    s = bundled(name)
    assert successes(s, "good_start") == 0
    assert successes(s, "lesson") >= GAMES * 0.9


def test_the_summit_saved_does_not_claim_the_tension_fell() -> None:
    # Even the whole lesson ends with the tension above its start: the text says it was
    # kept in check, not that it fell.
    s = bundled("deepfake_summit")
    game = play_game(s, "lesson", game_seed(1, 0))
    assert game.state.ending == "summit_saved"
    assert game.state.indicators["tension"] > s.indicators.tension
    text = s.ending_by_id["summit_saved"].text
    assert "retomb" not in text.fr and "eased" not in text.en

