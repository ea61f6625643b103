"""Start-up: process start to the first interactive frame of the title screen.

Targets (issues 3 and 19): CPU time to that frame ≤ 2.5 × a bare pygame-ce window that
opens and draws once (``bare_window.py``, measured in the same run, runs interleaved),
and < 0.5 s.  The frame counted is the first one the app has drawn with the title's
buttons live and input read: the time and CPU time it writes in its ``HD_TEST_STATUS``
file.  Wall time is measured from just before the process is spawned.  With SDL's dummy
video driver and, when Xvfb is installed, in a real X window; on a first start (no saves
yet) and with a saves folder (a returning player).  The warm-up run leaves the title's
button shapes in the cache folder (game/ui/shape_store.py), as any earlier start does;
the very first launch, with none stored, is measured too (dummy video).

Python writes no bytecode caches in some environments (``PYTHONDONTWRITEBYTECODE``): the
runs here use their own cache folder, filled by a warm-up run, as an installed game's
compiled modules would be.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, emit

sys.path.insert(0, str(ROOT))
from tests.ui.xwindow import XSession, missing_tools  # noqa: E402

RUNS = 9
GAME = [sys.executable, "main.py", "--frames", "1", "--lang", "en"]
BARE = [sys.executable, "benchmarks/bare_window.py"]  # + the status file


def once(command: list[str], env: dict[str, str], folder: Path,
         stored_shapes: bool = True) -> tuple[float, float]:
    """(wall, CPU) seconds from spawning *command* to its first frame."""
    status = folder / "status.json"
    status.unlink(missing_ok=True)
    env = dict(env, HD_TEST_STATUS=str(status), XDG_CONFIG_HOME=str(folder / "c"),
               HASHTAG_DIPLOMACY_DATA=str(folder / "d"),
               HASHTAG_DIPLOMACY_CACHE=str(folder / "cache") if stored_shapes else "off",
               PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    subprocess.run(command + ([str(status)] if command == BARE else []), cwd=ROOT,
                   env=env, check=True, capture_output=True)
    data = json.loads(status.read_text("utf-8"))
    return float(data["first_frame"]) - start, float(data["first_frame_cpu"])


def compare(env: dict[str, str], saves: bool, stored_shapes: bool = True) -> dict[str, float]:
    """Medians of the game and the bare window, run alternately in the same minutes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if saves:
            (folder / "d" / "saves").mkdir(parents=True)
        once(GAME, env, folder, stored_shapes)  # warm the disk cache and compile, as a
        once(BARE, env, folder)                 # second launch
        game, bare = [], []
        for _ in range(RUNS):
            bare.append(once(BARE, env, folder))
            game.append(once(GAME, env, folder, stored_shapes))
    return {"game_wall": statistics.median(w for w, _ in game),
            "game_cpu": statistics.median(c for _, c in game),
            "bare_wall": statistics.median(w for w, _ in bare),
            "bare_cpu": statistics.median(c for _, c in bare)}


def report(where: str, env: dict[str, str], first_launch: bool = False) -> None:
    cases = [(False, True, "first start"), (True, True, "with a saves folder")]
    if first_launch:
        cases.append((False, False, "no stored shapes: a first launch"))
    for saves, stored_shapes, label in cases:
        m = compare(env, saves, stored_shapes)
        ratio = m["game_cpu"] / m["bare_cpu"]
        details = (f"bare window {m['bare_cpu'] * 1000:.0f} ms CPU, "
                   f"{m['bare_wall'] * 1000:.0f} ms wall; ratio wall "
                   f"{m['game_wall'] / m['bare_wall']:.2f}")
        emit(f"ui_startup_to_title[{where}, {label}]", m["game_cpu"] * 1000, "ms", "< 500",
             wall=m["game_wall"] * 1000, details=details)
        emit(f"ui_startup_vs_bare_window[{where}, {label}]", ratio, "× bare (CPU)", "≤ 2.5",
             details=details)


def main() -> None:
    report("dummy video", dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy"),
           first_launch=True)
    if missing_tools():
        return
    with tempfile.TemporaryDirectory() as tmp:
        x = XSession(Path(tmp))
        try:
            x.start_display()
            report("Xvfb window", {k: v for k, v in x.env().items() if k != "HD_TEST_STATUS"})
        finally:
            x.stop()


if __name__ == "__main__":
    main()
