"""The real game in a real X window (Xvfb), driven by xdotool like a student, to the debrief."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.ui.conftest import bundled_scenario
from tests.ui.xwindow import XSession, missing_tools, play_to_the_debrief

MISSING = missing_tools()
if MISSING and os.environ.get("HD_REQUIRE_XVFB") == "1":
    pytest.fail(f"HD_REQUIRE_XVFB=1 but {', '.join(MISSING)} not installed", pytrace=False)
pytestmark = pytest.mark.skipif(bool(MISSING), reason=(
    f"needs {', '.join(MISSING)} (apt-get install -y xvfb xdotool imagemagick)"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_student_plays_a_whole_game_in_a_real_window(tmp_path: Path, lang: str) -> None:
    x = XSession(tmp_path)
    try:
        x.start_display()
        x.start_game("--lang", lang, "--seed", "5", "--scenario", str(bundled_scenario()))
        x.find_window()
        first = x.wait_for(lambda s: s.get("scene") == "title")
        assert first["size"] == [1280, 720]
        title_shot = x.screenshot(tmp_path / f"title_{lang}.png")
        play_to_the_debrief(x)
        final = x.wait_for(lambda s: s.get("scene") == "debrief")
        assert final["ending"] and final["language"] == lang
        word = "Indicateurs" if lang == "fr" else "Indicators"
        assert any(word in text for text in final["texts"])
        debrief_shot = x.screenshot(tmp_path / f"debrief_{lang}.png")
        assert title_shot.read_bytes() != debrief_shot.read_bytes()
        keep = os.environ.get("HD_SCREENSHOT_DIR")
        if keep:
            for shot in (title_shot, debrief_shot):
                shutil.copy(shot, Path(keep) / shot.name)
    finally:
        x.stop()
    assert x.game is not None and x.game.returncode is not None
