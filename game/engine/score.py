"""The score: how well the desk did, on 0-100, explained in ``docs/model.md``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import rules
from game.engine.state import GameState, clamp
from game.engine.vocabulary import Indicator

if TYPE_CHECKING:
    from game.content.model import Scenario


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


def final_score(scenario: Scenario, state: GameState) -> int:
    bonus = scenario.ending_by_id[state.ending].bonus if state.ending else 0
    value = gauge_score(scenario, state) - rules.SCORE_RESIDUAL_REACH * residual_disinformation(
        state) - sum(leftover_costs(scenario, state).values()) + bonus
    return int(round(clamp(value)))
