"""Run many headless playthroughs of a scenario and summarise them.

Runs are split across processes for large counts.  Run *i* of every strategy uses the
same game seed, so strategies are compared on the same dice.
"""

from __future__ import annotations

import os
import random
from collections import Counter as Tally
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.game import Game
from game.engine.vocabulary import EndingTone
from game.simulation.strategies import STRATEGIES
from game.simulation.verdict import teaching_verdict

PARALLEL_FROM = 2000  # below this many playthroughs, one process is faster
CHUNK = 500


@dataclass
class RunResult:
    ending: str
    score: int
    fired: frozenset[str]
    choices: tuple[tuple[str, str], ...]
    won: bool = False  # ended with a success-tone ending
    tone: str = EndingTone.MIXED.value


@dataclass
class StrategySummary:
    runs: int = 0
    endings: Tally[str] = field(default_factory=Tally)
    scores: list[int] = field(default_factory=list)
    fired: Tally[str] = field(default_factory=Tally)
    choices: Tally[tuple[str, str]] = field(default_factory=Tally)
    wins: int = 0
    win_choices: Tally[tuple[str, str]] = field(default_factory=Tally)  # in won games only
    tones: Tally[str] = field(default_factory=Tally)

    def add(self, result: RunResult) -> None:
        self.runs += 1
        self.endings[result.ending] += 1
        self.scores.append(result.score)
        self.fired.update(result.fired)
        self.choices.update(result.choices)
        self.tones[result.tone] += 1
        if result.won:
            self.wins += 1
            self.win_choices.update(result.choices)

    def as_dict(self) -> dict[str, Any]:
        scores = self.scores or [0]
        return {
            "runs": self.runs,
            "endings": dict(sorted(self.endings.items())),
            "score": {"mean": round(sum(scores) / len(scores), 2), "min": min(scores),
                      "max": max(scores)},
            "tones": {tone.value: self.tones[tone.value] for tone in EndingTone},
        }


def game_seed(base: int, index: int) -> int:
    return base * 1_000_003 + index


def play_game(scenario: Scenario, strategy: str, seed: int) -> Game:
    """One complete game from briefing to debrief, played by *strategy* (the same seed
    always gives the same game: ``simulate --export`` writes its report)."""
    decide = STRATEGIES[strategy]
    rng = random.Random(seed ^ 0x5EED)
    game = Game(scenario, seed)
    game.start()
    while game.play_turn(lambda g: decide(g, rng)):
        pass
    return game


def play_once(scenario: Scenario, strategy: str, seed: int) -> RunResult:
    """One complete game, summed up for the balance report."""
    game = play_game(scenario, strategy, seed)
    st = game.state
    assert st.ending is not None and st.score is not None
    tone = scenario.ending_by_id[st.ending].tone
    return RunResult(st.ending, st.score, frozenset(st.fired),
                     tuple(sorted(st.answers.items())), tone is EndingTone.SUCCESS, tone.value)


def _run_chunk(scenario: Scenario, strategy: str, base_seed: int, start: int,
               count: int) -> StrategySummary:
    summary = StrategySummary()
    for i in range(start, start + count):
        summary.add(play_once(scenario, strategy, game_seed(base_seed, i)))
    return summary


_WORKER_SCENARIO: Scenario | None = None


def _worker_init(path: str) -> None:
    global _WORKER_SCENARIO
    _WORKER_SCENARIO = load_scenario(Path(path), check=False).scenario


def _worker_chunk(strategy: str, base_seed: int, start: int, count: int) -> StrategySummary:
    assert _WORKER_SCENARIO is not None
    return _run_chunk(_WORKER_SCENARIO, strategy, base_seed, start, count)


def _merge(into: StrategySummary, part: StrategySummary) -> None:
    into.runs += part.runs
    into.endings.update(part.endings)
    into.scores.extend(part.scores)
    into.fired.update(part.fired)
    into.choices.update(part.choices)
    into.wins += part.wins
    into.win_choices.update(part.win_choices)
    into.tones.update(part.tones)


def simulate(scenario: Scenario, path: Path | None, runs: int, strategies: list[str],
             seed: int = 1, workers: int | None = None) -> dict[str, StrategySummary]:
    """Play *runs* games per strategy; in parallel when there are many and *path* is known."""
    results = {name: StrategySummary() for name in strategies}
    workers = workers or min(2, os.cpu_count() or 1)
    total = runs * len(strategies)
    if path is None or workers < 2 or total < PARALLEL_FROM:
        for name in strategies:
            _merge(results[name], _run_chunk(scenario, name, seed, 0, runs))
        return results
    jobs = [(name, start, min(CHUNK, runs - start))
            for name in strategies for start in range(0, runs, CHUNK)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init,
                             initargs=(str(path),)) as pool:
        futures = [(name, pool.submit(_worker_chunk, name, seed, start, count))
                   for name, start, count in jobs]
        for name, future in futures:
            _merge(results[name], future.result())
    return results


def report(scenario: Scenario, runs: int, seed: int,
           results: dict[str, StrategySummary]) -> dict[str, Any]:
    """The ``simulate --json`` document."""
    reached_endings: set[str] = set()
    fired: set[str] = set()
    for summary in results.values():
        reached_endings.update(summary.endings)
        fired.update(summary.fired)
    strategies = {name: s.as_dict() for name, s in results.items()}
    return {
        "scenario": scenario.meta.id,
        "runs": runs,
        "seed": seed,
        "strategies": strategies,
        "unreached_endings": [e.id for e in scenario.endings if e.id not in reached_endings],
        "unreached_events": [e.id for e in scenario.events if e.id not in fired],
        "verdict": teaching_verdict(scenario, strategies),
    }
