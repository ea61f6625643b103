"""Reports, saves and the class summary work on a machine without pygame (the
instructor's commands, a server-less grading script): they never import it."""

from __future__ import annotations

import subprocess
import sys

from game.paths import ROOT

BLOCK_PYGAME = "import sys; sys.modules['pygame'] = None; sys.modules['pygame_gui'] = None; "


def test_reports_saves_and_the_session_import_without_pygame() -> None:
    code = BLOCK_PYGAME + (
        "import game.reports.content, game.reports.html, game.reports.files, "
        "game.reports.classroom, game.reports.summary_html, game.reports.cli, "
        "game.engine.save, game.ui.session, game.ui.saving; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
