"""Balance simulator (issue 19): playthroughs per CPU-second, cost per turn as games grow,
and the speed-up from one process to two.

Targets: ``simulate --strategy random`` ≥ 1,000 playthroughs per CPU-second in one
process, on the first bundled scenario in alphabetical order and on the tutorial; CPU per
turn at 800 turns within 1.25× of at 50 turns (the long-play scenario of
``tests/ui/long_play.py``), memory per turn flat; ``--workers`` defaults to the usable
cores, and 2 processes on 2 cores run about twice as fast as one.

Every figure is CPU time (user + system, this process and its workers) beside wall time,
with the load average, and a fixed plain-Python workload measured in the same run
(``bench_calibration.workload``): on a shared machine the same code ran up to ×2 slower on
a busy day.  ``--baseline DIR`` measures the same figures on another checkout (say main
before a change, ``git worktree add /tmp/main main``) in the same run, in a subprocess.

    python benchmarks/bench_simulate.py                  # JSON lines, one per figure
    python benchmarks/bench_simulate.py --baseline DIR   # the same, and DIR's figures

Others import :func:`simulator_figures` (a list of figures as dicts, see ``common.emit``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import ROOT, emit

Figure = dict[str, Any]
TURNS = (50, 200, 800)


def first_scenario() -> Path:
    """The first bundled scenario in alphabetical order (the issue's choice)."""
    return sorted((ROOT / "scenarios").glob("*.yaml"))[0]


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(func: Callable[[], object]) -> tuple[float, float]:
    cpu, wall = _cpu(), time.perf_counter()
    func()
    return _cpu() - cpu, time.perf_counter() - wall


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def calibration(repeat: int = 5) -> Figure:
    """The fixed plain-Python workload, CPU ms (median): to read the other figures by."""
    from bench_calibration import workload

    workload()
    cpu = statistics.median(_timed(workload)[0] for _ in range(repeat))
    return {"benchmark": "simulator_calibration[plain Python workload]",
            "value": round(cpu * 1000, 1), "unit": "ms CPU", "load": _load()}


def games_per_cpu_second(path: Path, games: int = 2000, repeat: int = 3) -> Figure:
    """Random playthroughs of *path* per CPU-second in this one process: the loop
    ``simulate`` runs below its parallel threshold (median of *repeat* runs)."""
    from game.content.loader import load_scenario
    from game.simulation.runner import _run_chunk

    scenario = load_scenario(path, check=False).scenario
    _run_chunk(scenario, "random", 1, 0, 100)  # warm-up: compiled rules, caches
    runs = [_timed(lambda: _run_chunk(scenario, "random", 1, 0, games)) for _ in range(repeat)]
    cpu = statistics.median(r[0] for r in runs)
    wall = statistics.median(r[1] for r in runs)
    return {"benchmark": f"simulate_random[{path.stem}, one process]",
            "value": round(games / cpu, 1), "unit": "playthroughs per CPU-second",
            "target": "≥ 1000", "cpu_ms_per_game": round(cpu / games * 1000, 3),
            "wall_ms_per_game": round(wall / games * 1000, 3), "games": games,
            "load": _load()}


def _long_scenarios(folder: Path) -> dict[int, Path]:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from tests.ui.long_play import long_scenario  # the long-play fixture's generator

    return {turns: long_scenario(folder, turns) for turns in TURNS}


def per_turn(total_turns: int = 2400, rounds: int = 3) -> list[Figure]:
    """CPU per turn of random games of 50, 200 and 800 turns (the same number of turns
    in all, lengths interleaved, best of *rounds*: load comes and goes), and the memory
    a finished game keeps, per turn."""
    from game.content.loader import load_scenario
    from game.simulation.runner import game_seed, play_game

    with tempfile.TemporaryDirectory() as tmp:
        scenarios = {t: load_scenario(p, check=False).scenario
                     for t, p in _long_scenarios(Path(tmp)).items()}
    best: dict[int, tuple[float, float]] = {}
    for _ in range(rounds):
        for turns, scenario in scenarios.items():
            def play(scenario: Any = scenario, turns: int = turns) -> None:
                for i in range(total_turns // turns):
                    play_game(scenario, "random", game_seed(1, i))
            cpu, wall = _timed(play)
            if turns not in best or cpu < best[turns][0]:
                best[turns] = (cpu, wall)
    figures = []
    for turns, (cpu, wall) in best.items():
        tracemalloc.start()
        game = play_game(scenarios[turns], "random", game_seed(1, 0))
        kept, _peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert game.state.turn == turns
        figures.append({"benchmark": f"simulate_per_turn[{turns} turns]",
                        "value": round(cpu / total_turns * 1e6, 1), "unit": "µs CPU",
                        "wall_us": round(wall / total_turns * 1e6, 1),
                        "kept_bytes_per_turn": round(kept / turns), "load": _load()})
    ratio = best[TURNS[-1]][0] / best[TURNS[0]][0]
    figures.append({"benchmark": f"simulate_per_turn[{TURNS[-1]} / {TURNS[0]} turns]",
                    "value": round(ratio, 3), "unit": "×", "target": "≤ 1.25",
                    "load": _load()})
    return figures


def process_speedup(games: int = 6000) -> Figure:
    """``simulate`` with 1 worker then 2 (the pool path): wall time of each, CPU time of
    the main process and its workers, and the speed-up.  Meaningful only on a machine with
    2 idle cores: the load average says how idle it was."""
    from game.content.loader import load_scenario
    from game.simulation.runner import simulate, usable_cores

    path = ROOT / "scenarios" / "tutorial.yaml"
    scenario = load_scenario(path, check=False).scenario
    one = _timed(lambda: simulate(scenario, path, games, ["random"], 1, workers=1))
    load_before = _load()
    two = _timed(lambda: simulate(scenario, path, games, ["random"], 1, workers=2))
    return {"benchmark": "simulate_processes[1 → 2, tutorial, random]",
            "value": round(one[1] / two[1], 2), "unit": "× wall", "target": "≈ 2",
            "one_wall_s": round(one[1], 2), "one_cpu_s": round(one[0], 2),
            "two_wall_s": round(two[1], 2), "two_cpu_s": round(two[0], 2),
            "games": games, "usable_cores": usable_cores(), "load": load_before}


def simulator_figures() -> list[Figure]:
    """Every figure of this benchmark, for this checkout (the one ``game`` imports from)."""
    figures = [calibration()]
    figures += [games_per_cpu_second(path) for path in (
        first_scenario(), ROOT / "scenarios" / "tutorial.yaml")]
    figures += per_turn()
    figures.append(process_speedup())
    figures.append(calibration())  # again: did the machine's speed change meanwhile?
    return figures


def baseline_figures(checkout: Path) -> list[Figure]:
    """The same figures measured on *checkout* (its ``game`` package), in a subprocess."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--code",
                           str(checkout)], capture_output=True, text=True, check=True,
                          cwd=checkout)
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    for figure in figures:
        figure["benchmark"] = f"baseline {figure['benchmark']}"
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to measure as well")
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)  # baseline's own run
    args = parser.parse_args()
    if args.code is not None:  # measure that checkout's game package, not this one's
        sys.path.insert(0, str(args.code.resolve()))
        globals()["ROOT"] = args.code.resolve()
    for figure in simulator_figures():
        emit(**{"name" if k == "benchmark" else k: v for k, v in figure.items()})
    if args.baseline is not None:
        for figure in baseline_figures(args.baseline.resolve()):
            emit(**{"name" if k == "benchmark" else k: v for k, v in figure.items()})


if __name__ == "__main__":
    main()
