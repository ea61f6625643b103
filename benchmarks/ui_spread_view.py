"""Frame time of the results screen while the spread view moves (issue 13, item 6).

Target: the busiest frame < 3 ms of CPU.  The app runs through the pilot (SDL's dummy
driver) at 1280×720, on Deepfake's results of turn 5 (two narratives live, four audiences,
a debunk and a prebunk striking, a badge).  Each measured frame is a whole app frame
(events, scene and widget updates, drawing the window) while the view moves; the move is
started again every ``DURATION`` so every frame measured is a moving one.  CPU is
``time.process_time`` around each frame, wall time beside it; the baseline is the same
screen with the move over (the window drawn, the view not redrawn), measured in the same
run: the difference is what the moving view costs.
Prints JSON lines: per-frame CPU median, p95 and worst, the widget's own redraw alone;
the load average before and after on stderr.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from common import ROOT, emit, percentile, private_pilot

sys.path.insert(0, str(ROOT))
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from game.engine.actions import Counter  # noqa: E402
from game.engine.vocabulary import Measure  # noqa: E402
from game.ui.pilot import Pilot  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.widgets.spread import DURATION, SpreadView  # noqa: E402

SCENARIO = ROOT / "scenarios" / "deepfake_summit.yaml"
FRAMES = 720  # ten moves of 72 frames at 60 frames a second
DT = 1 / 60


def results_screen(pilot: Pilot) -> SpreadView:
    """Deepfake's results of turn 5, with counters that strike."""
    session = pilot.app.session
    game = session.new_game(session.scenarios()[0])
    game.start()
    while True:
        game.open_desk()
        if game.state.turn >= 5:
            break
        game.pass_turn()
        game.resolve()
        game.next_turn()
    live = game.live_narratives()
    assert len(live) >= 2, [r.id for r in live]
    game.act(Counter(live[0].id, Measure.DEBUNK))
    game.act(Counter(live[1].id, Measure.PREBUNK, game.scenario.audiences[1].id))
    game.pass_turn()
    game.resolve()
    pilot.app.enter_game()
    pilot.settle()
    view = pilot.app.scene.widgets["spread"]
    assert isinstance(view, SpreadView)
    return view


def frames(pilot: Pilot, view: SpreadView, moving: bool) -> tuple[list[float], list[float]]:
    """CPU and wall seconds of each frame."""
    app = pilot.app
    cpu, wall = [], []
    for n in range(FRAMES):
        if moving and n % round(DURATION / DT) == 0:
            view.age = 0.0  # the move again
        app.busy()
        w, c = time.perf_counter(), time.process_time()
        app.frame([], DT)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return cpu, wall


def redraws(view: SpreadView) -> list[float]:
    """CPU seconds of the widget's own redraw, at every point of the move."""
    out = []
    for n in range(FRAMES):
        view.age = (n % 72) / 72 * DURATION
        c = time.process_time()
        view.redraw()
        out.append(time.process_time() - c)
    return out


def main() -> None:
    load = os.getloadavg()[0]
    for text_size in ("normal", "largest"):
        with private_pilot(lang="fr", scenario=SCENARIO,
                           settings=Settings("fr", text_size, False, 0)) as pilot:
            view = results_screen(pilot)
            moving_cpu, moving_wall = frames(pilot, view, moving=True)
            still_cpu, _still_wall = frames(pilot, view, moving=False)
            widget = redraws(view)
        ms = 1000.0
        where = f"{text_size} text, 1280x720, dummy video"
        emit(f"spread_view_frame_cpu[{where}, moving]", statistics.median(moving_cpu) * ms,
             "ms", "busiest < 3", p95=round(percentile(moving_cpu, 0.95) * ms, 4),
             worst=round(max(moving_cpu) * ms, 4),
             wall_median=round(statistics.median(moving_wall) * ms, 4),
             frames=FRAMES, load=round(load, 2))
        emit(f"spread_view_frame_cpu[{where}, still baseline]",
             statistics.median(still_cpu) * ms, "ms",
             p95=round(percentile(still_cpu, 0.95) * ms, 4),
             worst=round(max(still_cpu) * ms, 4), frames=FRAMES)
        emit(f"spread_view_redraw_cpu[{where}, widget alone]", statistics.median(widget) * ms,
             "ms", p95=round(percentile(widget, 0.95) * ms, 4), worst=round(max(widget) * ms, 4),
             frames=FRAMES)
    print(f"load average before {load:.2f}, after {os.getloadavg()[0]:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
