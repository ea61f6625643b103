"""Helpers shared by the benchmarks: timing as medians, JSON lines, generated scenarios."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cpu_and_wall(func: Callable[[], object], repeat: int = 7,
                 warmup: int = 1) -> tuple[float, float]:
    """Medians of the CPU time (user + system, this process) and the wall time of *func*,
    in seconds.  CPU time is the figure to compare on a shared machine: other jobs stretch
    the wall time, not (much) the CPU time."""
    for _ in range(warmup):
        func()
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        func()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall)


def percentile(values: list[float], share: float) -> float:
    """The value below which *share* of *values* lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def median_seconds(func: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def emit(name: str, value: float, unit: str, target: str | None = None, *,
         wall: float | None = None, details: str | None = None, **extra: object) -> None:
    """One figure as one JSON line on stdout.  A time is given as CPU time in *value*
    and, in *wall*, the wall-clock time of the same runs (same unit); *details* is a
    short text for the table (percentiles, the baseline measured in the same run)."""
    line: dict[str, object] = {"benchmark": name, "value": round(value, 4), "unit": unit}
    if target:
        line["target"] = target
    if wall is not None:
        line["wall"] = round(wall, 4)
    if details:
        line["details"] = details
    line.update(extra)
    print(json.dumps(line, ensure_ascii=False), flush=True)


def machine() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith(
                "model name")), platform.processor())
    except OSError:
        model = platform.processor()
    import os

    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


EVENT = """  - id: gen_{i}
    turn: {turn}
    when: {{any: [{{flag: gen_flag_{prev}}}, {{indicator_below: {{tension: 95}}}}]}}
    headline: {{fr: "Titre généré {i}", en: "Generated headline {i}"}}
    posts:
      - {{actor: rival, text: {{fr: "Message {i} !", en: "Message {i}!"}}, likes: {i}}}
    effects: [{{change: {{tension: 0.1}}}}, {{set_flag: gen_flag_{i}}}]
    crisis:
      prompt: {{fr: "Crise {i} : que faire ?", en: "Crisis {i}: what now?"}}
      deadline: 2
      choices:
        - id: a
          label: {{fr: "Option A", en: "Option A"}}
          effects: [{{change: {{credibility: 1}}}}]
        - id: b
          label: {{fr: "Option B", en: "Option B"}}
          effects: [{{change: {{tension: -1}}}}]
"""


def generated_scenario(events: int, folder: Path) -> Path:
    """The minimal test scenario with *events* extra events (crises, conditions, posts)."""
    base = (ROOT / "tests" / "content" / "fixtures" / "minimal.yaml").read_text("utf-8")
    extra = "".join(EVENT.format(i=i, prev=max(i - 1, 0), turn=1 + i % 4) for i in range(events))
    text = base.replace("endings:\n", extra + "  - id: gen_tester\n    when: {flag: gen_flag_0}\n"
                        "    posts: [{actor: rival, text: {fr: \"ok\", en: \"ok\"}}]\n"
                        "endings:\n", 1)
    path = folder / f"generated_{events}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@contextlib.contextmanager
def private_pilot(**start: Any) -> Iterator[Any]:
    """The game through its pilot (``Pilot.start(**start)``), its settings and saves in a
    temporary folder of its own, never the user's."""
    from game.ui.pilot import Pilot  # only the window benchmarks need pygame

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "d")
        with Pilot.start(config_dir=folder / "c", data_dir=folder / "d", **start) as pilot:
            yield pilot
