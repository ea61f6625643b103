"""Run every benchmark, print one JSON line per figure, then each figure against its target.

    python benchmarks/run.py            # all benchmarks
    python benchmarks/run.py --write    # also refresh the table in benchmarks/RESULTS.md
    python benchmarks/run.py content    # only benchmarks whose file name contains "content"

Each ``bench_*.py`` / ``ui_*.py`` script runs in its own process (start-up and memory
figures need a fresh interpreter) and prints JSON lines; figures are medians of several
runs.  Times are CPU time (user + system: what other jobs on a shared machine change
least) with the wall time of the same runs beside them, and the load average before and
after each script.  ``bench_calibration.py`` times plain Python (no project code) so that
figures of different days can be compared.  The scripts use a scenario cache folder of
their own, never the user's.

With ``--write``, the rows of the figures measured are rewritten between the GENERATED
markers of RESULTS.md; rows of scripts that did not run this time are kept, marked stale
when they were measured on an earlier day; rows no script emits any more are dropped.
The whole run takes about half an hour, most of it ``ui_long_play.py`` (1,000 turns;
``HD_LONG_TURNS=100`` for a quick look).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine

HERE = Path(__file__).resolve().parent
BEGIN, END = "<!-- BEGIN GENERATED: figures -->", "<!-- END GENERATED -->"
STALE = "stale: measured on an earlier day"


def scripts(filters: list[str]) -> list[Path]:
    # The long play goes last: the figures before it need a quiet machine, and other work
    # may start beside its half hour (it measures growth and stability, not speed).
    found = sorted([*HERE.glob("bench_*.py"), *HERE.glob("ui_*.py")],
                   key=lambda s: ("long" in s.name, s.name))
    return [s for s in found if not filters or any(f in s.name for f in filters)]


def run_script(script: Path, cache: Path) -> list[dict[str, object]]:
    before = os.getloadavg()[0]
    env = dict(os.environ, HASHTAG_DIPLOMACY_CACHE=str(cache / script.stem))
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                          text=True, timeout=3600, check=False, env=env)
    # Other jobs on the machine skew the timings: each figure says how busy it was.
    when = f"{time.strftime('%Y-%m-%d')}, load {before:.1f}–{os.getloadavg()[0]:.1f}"
    figures = []
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            print(line, flush=True)
            figure = json.loads(line)
            figure["measured"] = when
            figure["script"] = script.stem
            figures.append(figure)
    if done.returncode != 0:
        print(json.dumps({"benchmark": script.stem, "error": done.stderr[-2000:]}), flush=True)
    return figures


_TARGET = re.compile(r"\s*(<|≤|<=|>|≥|>=)\s*([0-9][0-9,.]*)")


def met(value: float, target: str) -> str:
    """✓ or ✗ for a target written "< 500", "≤ 2.5", "≥ 1000"; "" when it is not a bound."""
    found = _TARGET.match(target or "")
    if found is None:
        return ""
    op, bound = found.group(1), float(found.group(2).replace(",", ""))
    ok = {"<": value < bound, "≤": value <= bound, "<=": value <= bound,
          ">": value > bound, "≥": value >= bound, ">=": value >= bound}[op]
    return "✓" if ok else "✗"


HEADER = ["| benchmark | value (CPU for times) | wall | unit | target | met | details | "
          "script | measured (date, load average) |",
          "|---|---:|---:|---|---|---|---|---|---|"]


def row(f: dict[str, object]) -> str:
    target = str(f.get("target", ""))
    try:
        value = float(f["value"])  # type: ignore[arg-type]
    except ValueError:
        value = float("nan")
    cells = [f["benchmark"], f["value"], f.get("wall", ""), f["unit"], target,
             met(value, target), f.get("details", ""), f.get("script", ""), f["measured"]]
    return "| " + " | ".join(str(c) for c in cells) + " |"


# The script of each row of the table's first layout (it had no script column).
OLD_ROWS = {"load_check": "bench_content", "check_play": "bench_check_play",
            "save_late_game": "bench_saves", "load_late_game": "bench_saves",
            "student_report": "bench_saves", "simulate_": "bench_simulate",
            "ui_frame": "ui_frame", "ui_idle": "ui_idle_cpu", "ui_peak_rss": "ui_memory",
            "ui_startup": "ui_startup", "long_play": "ui_long_play",
            "calibration": "bench_calibration"}


def _old_row(cells: list[str]) -> dict[str, object] | None:
    """A row of the first layout (benchmark, value, unit, target, measured) as a figure."""
    name = cells[0][2:]
    script = next((s for prefix, s in OLD_ROWS.items() if name.startswith(prefix)), None)
    if script is None or len(cells) != 5:
        return None
    return {"benchmark": name, "value": cells[1], "unit": cells[2], "target": cells[3],
            "script": script, "measured": cells[4][:-2]}


def table(old: str, figures: list[dict[str, object]], ran: set[str]) -> str:
    """The table with the new figures' rows; rows of scripts that did not run this time
    are kept (marked stale if measured on an earlier day), rows a script that ran no
    longer emits are dropped."""
    rows: dict[str, str] = {}
    for line in old.splitlines():
        if not line.startswith("| ") or line in HEADER:
            continue
        cells = line.split(" | ")
        if len(cells) != 9:
            first = _old_row(cells)
            if first is None:
                continue
            line, cells = row(first), row(first).split(" | ")
        if cells[7] in ran:
            continue  # measured again now (or no longer emitted)
        line = line.replace(f" ({STALE})", "")
        if not cells[8].startswith(time.strftime("%Y-%m-%d")):
            line = line[:-2] + f" ({STALE}) |"
        rows[cells[0][2:]] = line
    for f in figures:
        rows[str(f["benchmark"])] = row(f)
    return "\n".join([BEGIN, "", f"Machine: {machine()}.", "", *HEADER, *rows.values(), "",
                      END])


def summary(figures: list[dict[str, object]]) -> None:
    """Every figure that has a target, against it (stderr: stdout stays JSON lines)."""
    print("\nFigures against their targets:", file=sys.stderr)
    for f in figures:
        if not f.get("target"):
            continue
        wall = f" (wall {f['wall']})" if "wall" in f else ""
        verdict = met(float(f["value"]), str(f["target"])) or "·"  # type: ignore[arg-type]
        print(f"  {verdict} {f['benchmark']}: {f['value']} {f['unit']}{wall}, target "
              f"{f['target']}; {f['measured']}", file=sys.stderr)


def main(argv: list[str]) -> int:
    if {"-h", "--help"} & set(argv):  # not a filter: a half-hour run by mistake otherwise
        print(__doc__)
        return 0
    filters = [a for a in argv if not a.startswith("--")]
    figures: list[dict[str, object]] = []
    chosen = scripts(filters)
    with tempfile.TemporaryDirectory() as cache:
        for script in chosen:
            figures.extend(run_script(script, Path(cache)))
    summary(figures)
    if "--write" in argv:
        results = HERE / "RESULTS.md"
        text = results.read_text("utf-8")
        pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
        ran = {s.stem for s in chosen}
        results.write_text(pattern.sub(lambda m: table(m.group(0), figures, ran), text),
                           "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
