"""Invariants of the engine, checked with Hypothesis on every bundled scenario
(``HD_LONG_TESTS=1``: 10,000 cases per property instead of 60)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.actions import Action, AnswerCrisis, Counter, PostMessage
from game.engine.game import Game
from game.engine.state import GameState
from game.engine.vocabulary import Phase, Tone
from tests.conftest import BUNDLED, MINIMAL

SCENARIOS = {p.stem: p for p in [*BUNDLED, MINIMAL]}
_cache: dict[str, Scenario] = {}


def scenario(name: str) -> Scenario:
    if name not in _cache:
        loaded = load_scenario(SCENARIOS[name])
        assert loaded.scenario is not None and loaded.playable, loaded.diagnostics
        _cache[name] = loaded.scenario
    return _cache[name]


def candidate_actions(game: Game) -> list[Action]:
    """A varied menu of actions, legal or not (illegal ones must be refused cleanly)."""
    s = game.scenario
    menu: list[Action] = []
    for i, audience in enumerate(s.audiences):
        tone = list(Tone)[i % len(Tone)]
        channel = s.channel_ids[i % len(s.channel_ids)]
        topic = s.topics[i % len(s.topics)].id
        menu.append(PostMessage(channel, audience.id, tone, topic, s.country.post_languages[0]))
    for event in game.open_crises():
        assert event.crisis is not None
        menu.extend(AnswerCrisis(event.id, c.id) for c in event.crisis.choices)
    for run in game.state.narratives.values():
        menu.extend(Counter(run.id, m, s.audiences[0].id) for m in s.measures)
    return menu


def play(game: Game, picks: list[int]) -> None:
    """Play to the debrief, choosing actions with *picks* (cycled)."""
    k = 0
    game.start()
    while True:
        game.open_desk()
        for _ in range(6):
            menu = candidate_actions(game)
            action = menu[picks[k % len(picks)] % len(menu)]
            k += 1
            if game.may_act(action):
                game.act(action)
            if picks[k % len(picks)] % 7 == 0:
                break
        game.pass_turn()
        game.resolve()
        check_ranges(game)
        if game.is_over():
            game.finish()
            return
        game.next_turn()


def check_ranges(game: Game) -> None:
    st_ = game.state
    assert all(0.0 <= v <= 100.0 for v in st_.indicators.values()), st_.indicators
    for run in st_.narratives.values():
        assert all(0.0 <= r <= 100.0 for r in run.reach.values())
        assert 0.0 <= run.weighted <= 100.0
    assert all(0.0 <= v <= 0.8 + 1e-9 for v in st_.inoculation.values())
    assert st_.turn <= game.scenario.meta.turns


names = st.sampled_from(sorted(SCENARIOS))
picks = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40)
seeds = st.integers(min_value=0, max_value=2**32 - 1)
CASES = 10_000 if os.environ.get("HD_LONG_TESTS") == "1" else 60
PROPERTY = settings(max_examples=CASES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(name=names, seed=seeds, choices=picks)
def test_random_legal_play_never_raises_and_ends_within_the_turn_limit(
        name: str, seed: int, choices: list[int]) -> None:
    game = Game(scenario(name), seed)
    play(game, choices)
    assert game.phase is Phase.DEBRIEF
    assert game.state.ending in game.scenario.ending_by_id
    assert game.state.score is not None and 0 <= game.state.score <= 100


@PROPERTY
@given(name=names, seed=seeds, choices=picks)
def test_same_seed_and_same_actions_give_the_same_game(
        name: str, seed: int, choices: list[int]) -> None:
    first, second = Game(scenario(name), seed), Game(scenario(name), seed)
    play(first, choices)
    play(second, choices)
    assert json.dumps(first.state.to_dict()) == json.dumps(second.state.to_dict())


@PROPERTY
@given(name=names, seed=seeds, choices=picks, stop=st.integers(min_value=0, max_value=12))
def test_save_load_save_is_identical_and_the_game_goes_on_the_same(
        name: str, seed: int, choices: list[int], stop: int) -> None:
    sc = scenario(name)
    original = Game(sc, seed)
    original.start()
    for _ in range(min(stop, sc.meta.turns - 1)):
        original.open_desk()
        menu = candidate_actions(original)
        action = menu[choices[0] % len(menu)]
        if original.may_act(action):
            original.act(action)
        original.pass_turn()
        original.resolve()
        if original.is_over():
            break
        original.next_turn()
    saved = json.dumps(original.state.to_dict())
    restored = Game(sc, state=GameState.from_dict(json.loads(saved)))
    assert restored.phase is original.phase
    assert json.dumps(restored.state.to_dict()) == saved
    for game in (original, restored):
        if game.is_over():
            game.finish()
        else:
            game.open_desk()
            game.pass_turn()
            game.resolve()
    assert json.dumps(restored.state.to_dict()) == json.dumps(original.state.to_dict())


@pytest.mark.parametrize("bad", [
    {"version": 99},
    {},
])
def test_a_malformed_state_is_refused_with_an_exception_not_a_half_game(bad: dict) -> None:
    with pytest.raises((KeyError, ValueError, TypeError)):
        GameState.from_dict(bad)


def test_every_scenario_file_is_known() -> None:
    assert all(Path(p).exists() for p in SCENARIOS.values())
