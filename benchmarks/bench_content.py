"""Scenario loading and checking: the bundled scenarios, then 500, 1,000 and 5,000 events.

Targets (issues 2 and 19): bundled scenario load+check < 50 ms in-process; 5,000 events
< 2 s of CPU, growing linearly.  These figures read every file (``cache=False``); the
checked-scenario cache (game/content/cache.py) is measured apart: the same 5,000-event
file recalled from memory (a process loading it twice) and from disk (the next
``check``, ``simulate`` or start of the game).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from common import ROOT, cpu_and_wall, emit, generated_scenario

from game.content import cache
from game.content.loader import load_scenario


def main() -> None:
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        cpu, wall = cpu_and_wall(lambda p=path: load_scenario(p, cache=False))
        emit(f"load_check[{path.stem}]", cpu * 1000, "ms", "< 50", wall=wall * 1000)
    with tempfile.TemporaryDirectory() as tmp:
        per_event = {}
        for count in (500, 1000, 5000):
            path = generated_scenario(count, Path(tmp))
            loaded = load_scenario(path, cache=False)
            assert loaded.playable, [d.message for d in loaded.diagnostics[:3]]
            cpu, wall = cpu_and_wall(lambda p=path: load_scenario(p, cache=False), repeat=3)
            per_event[count] = cpu / count
            emit(f"load_check[generated_{count}_events]", cpu * 1000, "ms",
                 "< 2000" if count == 5000 else None, wall=wall * 1000,
                 details=f"{cpu / count * 1e6:.0f} µs CPU per event")
        emit("load_check_linearity[5000_vs_500_per_event]", per_event[5000] / per_event[500],
             "ratio", "≤ 1.25", details="CPU per event, 5,000 events over 500")
        os.environ[cache.CACHE_ENV] = str(Path(tmp) / "cache")
        load_scenario(path)  # writes the entry

        def from_disk() -> None:
            cache.forget_memory()
            assert load_scenario(path).from_cache

        cpu, wall = cpu_and_wall(from_disk, repeat=3)
        emit("load_check_cached[generated_5000_events, from disk]", cpu * 1000, "ms",
             details="entry re-validated by the model; YAML reading and analyses skipped",
             wall=wall * 1000)
        cpu, wall = cpu_and_wall(lambda: load_scenario(path), repeat=3)
        emit("load_check_cached[generated_5000_events, in memory]", cpu * 1000, "ms",
             details="hash, decode and lines only", wall=wall * 1000)


if __name__ == "__main__":
    main()
