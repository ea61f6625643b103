"""`check --play`: the quick games played after the static check, on every bundled scenario.

Target (issue 17): the default 100 games take under a second on a bundled scenario.  The
plain load+check of the same scenario is measured in the same run as the baseline; CPU
time is given beside wall time (the machine is shared).
"""

from __future__ import annotations

import time

from common import ROOT, emit

from game.content.loader import load_scenario
from game.content.playtest import play_check

GAMES = 100  # game.cli.PLAY_GAMES


def _timed(func: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    func()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        loaded = load_scenario(path, cache=False)
        base_wall, base_cpu = min(_timed(lambda p=path: load_scenario(p, cache=False))
                                  for _ in range(3))
        wall, cpu = min(_timed(lambda s=loaded: play_check(s, GAMES)) for _ in range(3))
        emit(f"check_play[{path.stem}]", cpu * 1000, "ms", "< 1000", wall=wall * 1000,
             details=f"baseline load+check {base_cpu * 1000:.0f} ms CPU, "
                     f"{base_wall * 1000:.0f} ms wall")


if __name__ == "__main__":
    main()
