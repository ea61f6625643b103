"""The composer in a real window (Xvfb, xdotool): accented letters typed on the keyboard
arrive as text input in the student's own post."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from game.paths import SCENARIOS_DIR
from tests.ui.xwindow import XSession, missing_tools

pytestmark = pytest.mark.skipif(bool(missing_tools()), reason="needs Xvfb, xdotool, import")

TYPED = "Vérifiez à côté : ça marche, même l'été !"


def test_accented_letters_typed_in_a_real_window_reach_the_post(tmp_path: Path) -> None:
    x = XSession(tmp_path)  # a fresh data folder: a new game, not one in progress
    try:
        x.start_display()
        x.start_game("--lang", "fr", "--seed", "5", "--no-questions", "--scenario",
                     str(SCENARIOS_DIR / "deepfake_summit.yaml"))
        x.find_window()
        x.wait_for(lambda s: s.get("scene") == "title")
        x.click("new_game")
        for _ in range(6):
            scene = x.status().get("scene")
            if scene == "decide":
                break
            x.key("Return")
            x.wait_for(lambda s, was=scene: s.get("scene") != was)
        x.click("tab_post")
        x.wait_for(lambda s: "post_wording_next" in s.get("widgets", {}))
        # The form's layout changes as a wording is chosen (a long one moves the fields),
        # so on a loaded machine a click may land on a rectangle read a frame too early:
        # each step reads the fresh rectangles and tries again (a wording selector cycles).
        for _attempt in range(12):
            status = x.status()
            if status.get("focused") == "post_own":
                break
            if "post_own" in status.get("widgets", {}):
                x.click("post_own")
            else:
                x.click("post_wording_next")
            time.sleep(0.2)
        x.wait_for(lambda s: s.get("focused") == "post_own")
        # Slowly: xdotool maps each accented letter to a spare key first, and a fast run
        # can beat the remapping (the letter is then lost before the game sees it).
        typed = ""
        for piece in re.findall(r"[ -~]+|[^ -~]", TYPED):
            # A letter missing from the keyboard map is typed through a key xdotool maps
            # for it and unmaps after the delay: slow enough for the game to read it first.
            x.xdotool("type", *(["--delay", "200"] if piece > "~" else []), piece)
            typed += piece
            status = x.wait_for(lambda s, so_far=typed: any(so_far in t
                                                            for t in s.get("texts", [])))
        assert any(TYPED in t for t in status["texts"])
        assert "plan_post" not in status["disabled"]
        shot = x.screenshot(tmp_path / "composer_own_words_fr.png")
        keep = os.environ.get("HD_SCREENSHOT_DIR")
        if keep:
            shutil.copy(shot, Path(keep) / shot.name)
    finally:
        x.stop()
