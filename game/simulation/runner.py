"""Run many headless playthroughs of a scenario and summarise them.

Runs are split across processes for large counts.  Run *i* of every strategy uses the
same game seed, so strategies are compared on the same dice.  Chunks are merged in the
order they were submitted, so the summary of a seed is the same whatever the number of
workers or the order they finish in.

Stopping: workers ignore Ctrl-C (the terminal sends it to the whole process group) and
leave it to the main process, which terminates the pool at once on Ctrl-C or SIGTERM
(see ``cli.py``): no worker outlives a stopped ``simulate``.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import random
import signal
from collections import Counter as Tally
from collections.abc import Callable
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
POLL_SECONDS = 0.2  # how often the main process looks up from waiting (progress, Ctrl-C)

Progress = Callable[[int, int], None]  # (games played, games in all)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, e.g. a container's share),
    not every core of the machine."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return max(1, counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


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
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process stops everyone
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the handler inherited by fork
    _hold_stop_signals(False)  # held while the pool started (_run_in_pool)
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
             seed: int = 1, workers: int | None = None,
             progress: Progress | None = None) -> dict[str, StrategySummary]:
    """Play *runs* games per strategy; in parallel when there are many and *path* is known.
    *progress* is told the number of games played after each chunk."""
    results = {name: StrategySummary() for name in strategies}
    workers = workers or usable_cores()
    total = runs * len(strategies)
    jobs = [(name, start, min(CHUNK, runs - start))
            for name in strategies for start in range(0, runs, CHUNK)]
    report_progress = progress or (lambda done, total: None)
    if path is None or workers < 2 or total < PARALLEL_FROM:
        done = 0
        for name, start, count in jobs:
            _merge(results[name], _run_chunk(scenario, name, seed, start, count))
            done += count
            report_progress(done, total)
        return results
    parts = _run_in_pool(path, seed, jobs, min(workers, len(jobs)), report_progress, total)
    for (name, _start, _count), part in zip(jobs, parts, strict=True):
        _merge(results[name], part)
    return results


_STOP_SIGNALS = {signal.SIGINT, *([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])}


def _hold_stop_signals(hold: bool) -> None:
    """Hold Ctrl-C and SIGTERM (they wait, pending) or let them through (POSIX only)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK if hold else signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _run_in_pool(path: Path, seed: int, jobs: list[tuple[str, int, int]], workers: int,
                 progress: Progress, total: int) -> list[StrategySummary]:
    """The chunks' summaries in the order of *jobs*.  Any exception here (Ctrl-C, the
    SIGTERM handler's, a worker's error) terminates the workers before it propagates."""
    # A stop signal must not cut the pool's creation in half (workers started, no pool to
    # terminate): it is held until the pool exists and this ``try`` can clean up.  Forked
    # workers inherit the hold and lift it once they ignore Ctrl-C (_worker_init).
    _hold_stop_signals(True)
    try:
        pool = multiprocessing.Pool(workers, initializer=_worker_init, initargs=(str(path),))
    except BaseException:
        _hold_stop_signals(False)
        raise
    try:
        _hold_stop_signals(False)
        pending = [(count, pool.apply_async(_worker_chunk, (name, seed, start, count)))
                   for name, start, count in jobs]
        reported = 0
        while True:
            done = sum(count for count, result in pending if result.ready())
            if done != reported:
                progress(done, total)
                reported = done
            waiting = [result for _count, result in pending if not result.ready()]
            if not waiting:
                break
            waiting[0].wait(POLL_SECONDS)  # short waits: signals are handled between them
        parts = [result.get() for _count, result in pending]
        pool.close()
        pool.join()
        return parts
    except BaseException:
        _stop_workers(pool)
        raise


def _stop_workers(pool: Any) -> None:
    """Stop the pool's workers at once, for good, without ``Pool.terminate``: it first
    takes the task queue's read lock, which an idle worker holds while it waits for a
    task, and on a loaded machine it waited for minutes (the Ctrl-C and SIGTERM tests timed
    out at 30 s in full CI runs).  SIGKILL cannot be held or ignored; each worker is
    reaped, and the pool's own clean-up at exit, which would take that lock again, is
    cancelled (its threads are daemons: they end with the process)."""
    handler = getattr(pool, "_worker_handler", None)
    if handler is not None:  # no more workers started in place of the ones killed below
        handler._state = multiprocessing.pool.TERMINATE
        handler.join(2)
    workers = list(getattr(pool, "_pool", ()))
    for worker in workers:
        if worker.is_alive():
            worker.kill()
    for worker in workers:
        worker.join(5)
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None and hasattr(finalizer, "cancel"):
        finalizer.cancel()


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
