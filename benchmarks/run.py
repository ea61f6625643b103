"""Run every benchmark and print one JSON line per figure.

    python benchmarks/run.py            # all benchmarks, JSON lines on stdout
    python benchmarks/run.py --write    # also refresh the table in benchmarks/RESULTS.md
    python benchmarks/run.py content    # only benchmarks whose file name contains "content"

Each ``bench_*.py`` / ``ui_*.py`` script runs in its own process (start-up and memory
figures need a fresh interpreter) and prints JSON lines; figures are medians of several
runs.  The table between the GENERATED markers of RESULTS.md is rewritten; the prose
around it (profiles, before/after, explanations) is kept.  The whole run takes about half
an hour, most of it ``ui_long_play.py`` (1,000 turns; ``HD_LONG_TURNS=100`` for a quick
look); the machine's load average is written beside the figures.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, machine

HERE = Path(__file__).resolve().parent
BEGIN, END = "<!-- BEGIN GENERATED: figures -->", "<!-- END GENERATED -->"


def scripts(filters: list[str]) -> list[Path]:
    # The long play goes last: the figures before it need a quiet machine, and other work
    # may start beside its half hour (it measures growth and stability, not speed).
    found = sorted([*HERE.glob("bench_*.py"), *HERE.glob("ui_*.py")],
                   key=lambda s: ("long" in s.name, s.name))
    return [s for s in found if not filters or any(f in s.name for f in filters)]


def run_script(script: Path) -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                          text=True, timeout=3600, check=False)
    figures = []
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            print(line, flush=True)
            figures.append(json.loads(line))
    if done.returncode != 0:
        print(json.dumps({"benchmark": script.stem, "error": done.stderr[-2000:]}), flush=True)
    return figures


def table(figures: list[dict[str, object]], loads: list[float]) -> str:
    rows = ["| benchmark | value | unit | target |", "|---|---:|---|---|"]
    for f in figures:
        rows.append(f"| {f['benchmark']} | {f['value']} | {f['unit']} | {f.get('target', '')} |")
    stamp = time.strftime("%Y-%m-%d")
    load = " → ".join(f"{x:.1f}" for x in loads)
    return "\n".join([BEGIN, "", f"Measured {stamp} on {machine()}; load average (1 min) "
                      f"before each script and at the end: {load}.", "", *rows, "", END])


def main(argv: list[str]) -> int:
    filters = [a for a in argv if not a.startswith("--")]
    figures: list[dict[str, object]] = []
    loads: list[float] = []  # other jobs on the machine skew the timings: say how busy it was
    for script in scripts(filters):
        loads.append(os.getloadavg()[0])
        figures.extend(run_script(script))
    loads.append(os.getloadavg()[0])
    if "--write" in argv:
        results = HERE / "RESULTS.md"
        text = results.read_text("utf-8")
        pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
        results.write_text(pattern.sub(lambda _m: table(figures, loads), text), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
