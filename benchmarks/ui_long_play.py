"""Long play: 1,000 turns of a generated scenario through the pilot, headless.

Targets (issue 7): memory growth < 10 % (RSS at the desk of turn 50, after warm-up, vs
turn 1,000) and a stable frame time (desk frames, median, early turns vs late turns).
Each turn is played with real clicks on the real scenes (a crisis answer every fifth
turn, a post every turn, a counter-measure every other turn); every 50 turns the desk's
frame time is measured as in ``ui_frame.py`` (pointer moving over the desk, 120 frames,
after the likes finish counting up).  ``HD_LONG_TURNS`` plays fewer turns (a quick look).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from common import ROOT, emit

sys.path.insert(0, str(ROOT))
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from game.ui.pilot import Pilot  # noqa: E402
from tests.ui.long_play import long_scenario, play_long  # noqa: E402

TURNS = int(os.environ.get("HD_LONG_TURNS", "1000"))
EVERY = max(1, TURNS // 20)
WARM = EVERY  # RSS after this turn is the baseline


def sampled(turn: int) -> bool:
    """Measure at turn 10 and every EVERY turns (and say how far the game is, on stderr)."""
    if turn % EVERY == 0:
        print(f"turn {turn}", file=sys.stderr, flush=True)
    return turn % EVERY == 0 or turn == 10


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "d")
        path = long_scenario(folder, TURNS)
        with Pilot.start(lang="en", scenario=path, config_dir=folder / "c",
                         data_dir=folder / "d") as pilot:
            out = play_long(pilot, TURNS, sample=sampled, frames=120)
            save = pilot.app.session.save_path.stat().st_size
    last = max(out.rss)
    extra = {"turns": TURNS, "from_turn": WARM, "to_turn": last}
    emit("long_play_rss_growth[warm-up to last turn]", out.growth(WARM, last) * 100, "%",
         "< 10", rss_mb_warm=round(out.rss[WARM], 1), rss_mb_end=round(out.rss[last], 1),
         **extra)
    early = [v for t, v in out.frame_ms.items() if t <= TURNS // 10]
    late = [v for t, v in out.frame_ms.items() if t >= TURNS - TURNS // 10]
    emit("long_play_desk_frame[early turns]", statistics.median(early), "ms", "< 3",
         details="wall time (a growth figure, not a speed one)",
         turns=sorted(t for t in out.frame_ms if t <= TURNS // 10))
    emit("long_play_desk_frame[late turns]", statistics.median(late), "ms", "< 3",
         details="wall time", turns=sorted(t for t in out.frame_ms if t >= TURNS - TURNS // 10))
    emit("long_play_desk_frame_stability[late / early]",
         statistics.median(late) / statistics.median(early), "ratio", "≈ 1")
    seconds = out.turn_seconds
    first = [seconds[t] for t in seconds if 2 <= t <= TURNS // 10]
    final = [seconds[t] for t in seconds if t > TURNS - TURNS // 10]
    emit("long_play_turn_time[early turns, clicks + 3 scene changes + 3 autosaves]",
         statistics.median(first) * 1000, "ms", details="wall time")
    emit("long_play_turn_time[late turns]", statistics.median(final) * 1000, "ms",
         details="wall time", autosave_kb=round(save / 1024))
    emit("long_play_rss_by_turn", out.rss[last], "MB",
         by_turn={t: round(v, 1) for t, v in sorted(out.rss.items())})


if __name__ == "__main__":
    main()
