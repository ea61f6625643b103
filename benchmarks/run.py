"""Run every benchmark and print one JSON line per figure.

    python benchmarks/run.py            # all benchmarks, JSON lines on stdout
    python benchmarks/run.py --write    # also refresh the table in benchmarks/RESULTS.md
    python benchmarks/run.py content    # only benchmarks whose file name contains "content"

Each ``bench_*.py`` / ``ui_*.py`` script runs in its own process (start-up and memory
figures need a fresh interpreter) and prints JSON lines; figures are medians of several
runs.  Between the GENERATED markers of RESULTS.md, the rows of the figures measured are
rewritten (the others stay); the prose around it (profiles, before/after, explanations)
is kept.  ``python benchmarks/run.py bench_simulate --write`` runs only the scripts whose
name contains ``bench_simulate``.  The whole run takes about half an hour, most of it
``ui_long_play.py`` (1,000 turns; ``HD_LONG_TURNS=100`` for a quick look); the machine's
load average is written beside each figure.
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
    # Other jobs on the machine skew the timings: each figure says how busy it was.
    when = f"{time.strftime('%Y-%m-%d')}, load {os.getloadavg()[0]:.1f}"
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                          text=True, timeout=3600, check=False)
    figures = []
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            print(line, flush=True)
            figure = json.loads(line)
            figure["measured"] = when
            figures.append(figure)
    if done.returncode != 0:
        print(json.dumps({"benchmark": script.stem, "error": done.stderr[-2000:]}), flush=True)
    return figures


HEADER = ["| benchmark | value | unit | target | measured (date, load average) |",
          "|---|---:|---|---|---|"]


def table(old: str, figures: list[dict[str, object]]) -> str:
    """The table with the new figures' rows replaced or added; rows of scripts that did
    not run this time are kept (``run.py bench_simulate --write`` updates only those)."""
    rows: dict[str, str] = {}
    for line in old.splitlines():
        if line.startswith("| ") and line not in HEADER:
            rows[line.split(" | ")[0][2:]] = line
    for f in figures:
        rows[str(f["benchmark"])] = (f"| {f['benchmark']} | {f['value']} | {f['unit']} | "
                                     f"{f.get('target', '')} | {f['measured']} |")
    return "\n".join([BEGIN, "", f"Machine: {machine()}.", "", *HEADER, *rows.values(), "",
                      END])


def main(argv: list[str]) -> int:
    filters = [a for a in argv if not a.startswith("--")]
    figures: list[dict[str, object]] = []
    for script in scripts(filters):
        figures.extend(run_script(script))
    if "--write" in argv:
        results = HERE / "RESULTS.md"
        text = results.read_text("utf-8")
        pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
        results.write_text(pattern.sub(lambda m: table(m.group(0), figures), text), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
