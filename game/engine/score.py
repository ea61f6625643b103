"""The score: how well the desk did, on 0-100, explained in ``docs/model.md``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import rules
from game.engine.state import GameState, clamp
from game.engine.vocabulary import Indicator

if TYPE_CHECKING:
    from game.engine.scenario_spec import ScenarioSpec as Scenario


def gauge_score(scenario: Scenario, state: GameState) -> float:
    """Weighted mean of the gauges, tension counted as 100 - tension."""
    weights = dict(rules.SCORE_WEIGHTS)
    weights.update(scenario.rules.score_weights)
    total = sum(weights.values()) or 1.0
    value = 0.0
    for indicator, weight in weights.items():
        level = state.indicators[indicator]
        value += weight * (100.0 - level if indicator == Indicator.TENSION else level)
    return value / total


def residual_disinformation(state: GameState) -> float:
    """Mean reach of the narratives that were launched, at the end."""
    live = [run.weighted for run in state.narratives.values() if run.live]
    return sum(live) / len(live) if live else 0.0


def leftover_costs(scenario: Scenario, state: GameState) -> dict[str, float]:
    """What each narrative left above the scenario's threshold costs the score, by id
    (narratives under the threshold are not listed)."""
    threshold, cost = scenario.rules.disinformation_threshold, scenario.rules.disinformation_cost
    return {run.id: round(cost * (run.weighted - threshold), 1)
            for run in state.narratives.values() if run.live and run.weighted > threshold}


def raw_score(scenario: Scenario, state: GameState) -> float:
    """The score before it is kept within 0-100 and rounded."""
    bonus = scenario.ending_by_id[state.ending].bonus if state.ending else 0
    return gauge_score(scenario, state) - rules.SCORE_RESIDUAL_REACH * residual_disinformation(
        state) - sum(leftover_costs(scenario, state).values()) + bonus


def final_score(scenario: Scenario, state: GameState) -> int:
    return int(round(clamp(raw_score(scenario, state))))


@dataclass(frozen=True)
class ScorePart:
    """One term of the score, so the ending screen can show where the score comes from.

    ``kind``: "gauge" (``key`` an indicator, ``level`` its value, ``weight`` its share of
    the weights), "residual" (``level`` the mean reach of the narratives launched),
    "leftover" (``key`` a narrative, ``level`` its reach, ``weight`` the threshold) or
    "bonus" (``key`` the ending).  ``points`` is what it adds (negative: takes away)."""

    kind: str
    key: str
    points: float
    level: float = 0.0
    weight: float = 0.0


def score_breakdown(scenario: Scenario, state: GameState) -> list[ScorePart]:
    """The terms of :func:`raw_score`, one by one; they add up to it (to float precision)."""
    weights = dict(rules.SCORE_WEIGHTS)
    weights.update(scenario.rules.score_weights)
    total = sum(weights.values()) or 1.0
    parts = []
    for indicator, weight in weights.items():
        level = state.indicators[indicator]
        counted = 100.0 - level if indicator == Indicator.TENSION else level
        parts.append(ScorePart("gauge", str(indicator), weight * counted / total, level,
                               weight / total))
    residual = residual_disinformation(state)
    parts.append(ScorePart("residual", "", -rules.SCORE_RESIDUAL_REACH * residual, residual,
                           rules.SCORE_RESIDUAL_REACH))
    threshold = scenario.rules.disinformation_threshold
    for narrative_id, cost in leftover_costs(scenario, state).items():
        parts.append(ScorePart("leftover", narrative_id, -cost,
                               state.narratives[narrative_id].weighted, threshold))
    if state.ending:
        parts.append(ScorePart("bonus", state.ending,
                               float(scenario.ending_by_id[state.ending].bonus)))
    return parts
