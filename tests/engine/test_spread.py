"""The spread model and the narrative life cycle, on their own."""

from __future__ import annotations

import random

import pytest

from game.engine import rules
from game.engine.spread import spread_step, step_lifecycle, weighted_reach
from game.engine.state import NarrativeRun
from game.engine.vocabulary import NarrativePhase as NP


def run_with(reach: float, virality: float = 0.6, decay: float = 0.05) -> NarrativeRun:
    return NarrativeRun("n", {"a": reach}, virality, decay, phase=NP.EMERGING)


def grow(echo: float, inoculation: float = 0.0, turns: int = 3) -> float:
    run = run_with(10.0)
    rng = random.Random(7)
    for _ in range(turns):
        spread_step(run, {"a": echo}, {"a": 1.0}, {"a": inoculation}, rng)
    return run.reach["a"]


def test_echo_chambers_are_more_receptive() -> None:
    assert grow(echo=0.9) > grow(echo=0.1)


def test_inoculation_slows_spread() -> None:
    assert grow(echo=0.5, inoculation=0.6) < grow(echo=0.5)


def test_without_virality_a_narrative_decays() -> None:
    run = run_with(50.0, virality=0.0, decay=0.2)
    spread_step(run, {"a": 0.0}, {"a": 1.0}, {"a": 0.0}, random.Random(1))
    assert run.reach["a"] == pytest.approx(40.0)


def test_reach_stays_between_0_and_100() -> None:
    run = run_with(99.0, virality=2.0, decay=0.0)
    rng = random.Random(3)
    for _ in range(50):
        spread_step(run, {"a": 1.0}, {"a": 1.0}, {"a": 0.0}, rng)
        assert 0.0 <= run.reach["a"] <= 100.0


def test_spill_over_reaches_untouched_audiences() -> None:
    run = NarrativeRun("n", {"a": 60.0, "b": 0.0}, 0.8, 0.0, phase=NP.SPREADING)
    spread_step(run, {"a": 0.3, "b": 0.3}, {"a": 1.0, "b": 1.0}, {}, random.Random(2))
    assert run.reach["b"] > 0.0


def test_weighted_reach_uses_audience_sizes() -> None:
    assert weighted_reach({"a": 90.0, "b": 0.0}, {"a": 3.0, "b": 1.0}) == pytest.approx(67.5)


@pytest.mark.parametrize(("phase", "weighted", "responded", "turns_in", "expected"), [
    (NP.EMERGING, rules.SPREADING_AT, False, 0, NP.SPREADING),
    (NP.EMERGING, 3.0, False, 0, NP.EMERGING),          # grace period before fading
    (NP.EMERGING, 3.0, False, 2, NP.FADED),
    (NP.SPREADING, rules.VIRAL_AT, False, 0, NP.VIRAL),
    (NP.SPREADING, 4.0, False, 0, NP.FADED),
    (NP.SPREADING, 8.0, True, 0, NP.DEBUNKED),
    (NP.VIRAL, 60.0, False, 2, NP.ENTRENCHED),
    (NP.VIRAL, 30.0, False, 0, NP.SPREADING),
    (NP.ENTRENCHED, 8.0, True, 0, NP.DEBUNKED),
    (NP.ENTRENCHED, 8.0, False, 0, NP.ENTRENCHED),
    (NP.DEBUNKED, rules.RESURGENCE_AT, True, 0, NP.SPREADING),
    # "debunked" is answered *and* low: once the reach is back, it is spreading again
    (NP.DEBUNKED, rules.DEBUNKED_BELOW, True, 0, NP.SPREADING),
    (NP.DEBUNKED, rules.DEBUNKED_BELOW - 0.5, True, 0, NP.DEBUNKED),
    (NP.FADED, rules.RESURGENCE_AT, False, 0, NP.SPREADING),
    (NP.FADED, 10.0, False, 0, NP.FADED),
])
def test_life_cycle(phase: NP, weighted: float, responded: bool, turns_in: int,
                    expected: NP) -> None:
    run = NarrativeRun("n", {}, 0.5, 0.05, phase=phase, weighted=weighted, phase_turn=5,
                       responded_turn=4 if responded else None)
    step_lifecycle(run, "evolve", 5 + turns_in)
    assert run.phase is expected


def test_launch_only_from_dormant_and_spreading_turn_is_remembered() -> None:
    run = NarrativeRun("n", {}, 0.5, 0.05)
    assert step_lifecycle(run, "launch", 2) and run.phase is NP.EMERGING
    assert not step_lifecycle(run, "launch", 3)
    run.weighted = 20.0
    step_lifecycle(run, "evolve", 3)
    assert run.spreading_turn == 3
