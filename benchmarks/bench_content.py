"""Scenario loading and checking: the bundled scenarios, then 500, 1,000 and 5,000 events.

Targets (issue 2): bundled scenario load+check < 50 ms in-process; 5,000 events < 2 s,
growing linearly.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import ROOT, emit, generated_scenario, median_seconds

from game.content.loader import load_scenario


def main() -> None:
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        seconds = median_seconds(lambda p=path: load_scenario(p))
        emit(f"load_check[{path.stem}]", seconds * 1000, "ms", "< 50 ms")
    with tempfile.TemporaryDirectory() as tmp:
        per_event = {}
        for count in (500, 1000, 5000):
            path = generated_scenario(count, Path(tmp))
            loaded = load_scenario(path)
            assert loaded.playable, [d.message for d in loaded.diagnostics[:3]]
            seconds = median_seconds(lambda p=path: load_scenario(p), repeat=3)
            per_event[count] = seconds / count
            emit(f"load_check[generated_{count}_events]", seconds * 1000, "ms",
                 "< 2000 ms" if count == 5000 else None,
                 per_event_us=round(seconds / count * 1e6, 1))
        emit("load_check_linearity[5000_vs_500_per_event]", per_event[5000] / per_event[500],
             "ratio", "≈ 1 (linear)")


if __name__ == "__main__":
    main()
