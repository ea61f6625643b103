"""Balance simulator throughput: the whole command, 10,000 playthroughs.

Target (issue 2): ≥ 1,000 complete playthroughs per second on this 2-core machine for the
bundled scenario, whole command (process start included).  Also: 1 vs 2 processes.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from common import ROOT, emit, median_seconds

from game.simulation.strategies import STRATEGIES

SCENARIO = "scenarios/deepfake_summit.yaml"


def command_seconds(*args: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "main.py", "simulate", SCENARIO, *args, "--json"],
                       cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_game_ms(strategy: str, games: int = 300) -> float:
    """One process, no start-up: the engine's own cost per game (the notes compare it with
    earlier measurements of the same figure)."""
    from game.content.loader import load_scenario
    from game.simulation.runner import game_seed, play_once

    scenario = load_scenario(ROOT / SCENARIO, check=False).scenario

    def play() -> None:
        for i in range(games):
            play_once(scenario, strategy, game_seed(1, i))

    return median_seconds(play, repeat=5) / games * 1000


def main() -> None:
    for strategy in ("random", "passive", "textbook"):
        emit(f"simulate_per_game[{strategy}, one process]", per_game_ms(strategy), "ms")
    for label, args, games in (
        ("all_strategies_2000_each", ("--runs", "2000", "--strategy", "all"),
         2000 * len(STRATEGIES)),
        ("random_10000", ("--runs", "10000", "--strategy", "random"), 10_000),
        ("textbook_10000", ("--runs", "10000", "--strategy", "textbook"), 10_000),
    ):
        seconds = command_seconds(*args)
        emit(f"simulate_command[{label}]", games / seconds, "playthroughs/s", "≥ 1000",
             seconds=round(seconds, 2))
    one = command_seconds("--runs", "5000", "--strategy", "random", "--workers", "1")
    two = command_seconds("--runs", "5000", "--strategy", "random", "--workers", "2")
    emit("simulate_scaling[1_to_2_processes]", one / two, "speed-up", "≈ 2",
         one_process_s=round(one, 2), two_processes_s=round(two, 2))


if __name__ == "__main__":
    main()
