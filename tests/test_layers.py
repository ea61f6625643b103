"""The engine, the content layer and the simulator never need pygame."""

from __future__ import annotations

import subprocess
import sys

from game.paths import ROOT

BLOCK_PYGAME = "import sys; sys.modules['pygame'] = None; sys.modules['pygame_gui'] = None; "


def test_engine_content_and_simulation_import_without_pygame() -> None:
    code = BLOCK_PYGAME + (
        "import game.engine.game, game.content.loader, game.content.checker, "
        "game.simulation.runner, game.cli; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_a_whole_game_plays_without_pygame() -> None:
    code = BLOCK_PYGAME + (
        "from pathlib import Path; from game.content.loader import load_scenario; "
        "from game.simulation.runner import play_once; "
        "s = load_scenario(Path('scenarios/deepfake_summit.yaml')).scenario; "
        "print(play_once(s, 'textbook', 3).ending)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
