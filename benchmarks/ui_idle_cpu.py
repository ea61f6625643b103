"""Idle CPU under Xvfb: the game waiting for the player on the title and at the desk.

Target (issue 3): < 5 % of one core while the player reads.  The game runs in a real X
window (Xvfb), is driven to each screen with xdotool, left alone for a moment, then its
CPU time (user + system, from /proc) is measured over ten seconds.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, emit

sys.path.insert(0, str(ROOT))
from tests.ui.xwindow import XSession, missing_tools  # noqa: E402

SECONDS = 10.0
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def idle_share(pid: int) -> float:
    time.sleep(2.0)  # let the busy frames after the last input run out
    before, start = cpu_seconds(pid), time.monotonic()
    time.sleep(SECONDS)
    return (cpu_seconds(pid) - before) / (time.monotonic() - start)


def main() -> None:
    if missing_tools():
        print(f"skipped: needs {', '.join(missing_tools())}", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        x = XSession(Path(tmp))
        try:
            x.start_display()
            x.start_game("--lang", "fr", "--seed", "1", "--no-questions", "--scenario",
                         str(ROOT / "scenarios" / "deepfake_summit.yaml"))
            x.find_window()
            x.wait_for(lambda s: s.get("scene") == "title")
            assert x.game is not None
            emit("ui_idle_cpu[title]", idle_share(x.game.pid) * 100, "% of one core", "< 5")
            x.click("new_game")
            for scene in ("briefing", "feed"):
                x.wait_for(lambda s, want=scene: s.get("scene") == want)
                x.key("Return")
            x.wait_for(lambda s: s.get("scene") == "decide")
            emit("ui_idle_cpu[desk]", idle_share(x.game.pid) * 100, "% of one core", "< 5")
        finally:
            x.stop()


if __name__ == "__main__":
    main()
