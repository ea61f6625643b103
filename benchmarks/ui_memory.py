"""Peak memory (RSS) while playing a whole scenario.

Target (issue 3): < 150 MB.  In a real X window (Xvfb, driven with xdotool from the title
to the debrief, a post and a crisis answer every turn), the game's VmHWM is read from
/proc at the debrief; also headless through the pilot (keyboard game, dummy driver).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, emit

sys.path.insert(0, str(ROOT))
from tests.ui.xwindow import XSession, missing_tools, play_to_the_debrief  # noqa: E402

SCENARIO = ROOT / "scenarios" / "deepfake_summit.yaml"

PILOT_GAME = """
import os, sys, tempfile
from pathlib import Path
os.environ["SDL_VIDEODRIVER"] = "dummy"
sys.path.insert(0, {root!r})
from game.ui.pilot import Pilot
from tests.ui.drive import play_with_keyboard
tmp = Path(tempfile.mkdtemp())
os.environ["XDG_DATA_HOME"] = str(tmp / "d")
with Pilot.start(lang="fr", scenario=Path({scenario!r}), config_dir=tmp / "c",
                 data_dir=tmp / "d") as pilot:
    play_with_keyboard(pilot)
print(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
"""


def peak_kb(pid: int) -> int:
    line = next(ln for ln in Path(f"/proc/{pid}/status").read_text().splitlines()
                if ln.startswith("VmHWM"))
    return int(line.split()[1])


def real_window() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        x = XSession(Path(tmp))
        try:
            x.start_display()
            x.start_game("--lang", "fr", "--seed", "2", "--scenario", str(SCENARIO))
            x.find_window()
            play_to_the_debrief(x)
            assert x.game is not None
            return peak_kb(x.game.pid) / 1024
        finally:
            x.stop()


def pilot_game() -> float:
    code = PILOT_GAME.format(root=str(ROOT), scenario=str(SCENARIO))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, env=dict(os.environ, SDL_VIDEODRIVER="dummy"))
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    if not missing_tools():
        emit("ui_peak_rss[whole game, Xvfb window]", real_window(), "MB", "< 150")
    emit("ui_peak_rss[whole game, headless pilot]", pilot_game(), "MB", "< 150")


if __name__ == "__main__":
    main()
