"""What the title screen's start-up skips: decoding saves to enable its buttons, and
collections before its first frame (benchmarks/ui_startup.py measures the time)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from game.content.model import Scenario
from game.engine import save as engine_save
from game.engine.game import Game
from game.engine.save import SaveData, backup_path, write_save
from game.ui import saving
from game.ui.pilot import Pilot

Start = Callable[..., AbstractContextManager[Pilot]]

ROOT = Path(__file__).resolve().parent.parent.parent


def _good_save(scenario: Scenario) -> SaveData:
    game = Game(scenario, 3)
    game.start()
    return SaveData(scenario.meta.id, "scenario.yaml", "abc", game.state.to_dict(),
                    title={"en": "T"}, turns=game.turns, saved_at="2026-01-01T10:00:00")


def test_the_title_knows_the_save_codes_backup_name() -> None:
    path = Path("/x/autosave.json")
    assert path.with_name(path.name + saving.BACKUP_SUFFIX) == backup_path(path)
    assert saving.BACKUP_SUFFIX == engine_save.BACKUP_SUFFIX


LAYOUTS = ["no_folder", "empty_folder", "good", "damaged", "empty_file", "folder_in_its_place",
           "good_backup_only", "damaged_backup_only", "dangling_link", "link_to_good"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_slot_usable_agrees_with_decoding_the_slot(tmp_path: Path, minimal: Scenario,
                                                   layout: str) -> None:
    folder = tmp_path / "saves"
    path = folder / "autosave.json"
    if layout != "no_folder":
        folder.mkdir()
    good = _good_save(minimal)
    if layout == "good":
        write_save(path, good)
    elif layout == "damaged":
        path.write_bytes(b'{"format": "hashtag-diplomacy-save", "body": [')
    elif layout == "empty_file":
        path.write_bytes(b"")
    elif layout == "folder_in_its_place":
        path.mkdir()
    elif layout == "good_backup_only":
        write_save(path, good)
        write_save(path, good)  # the first one becomes the backup
        path.unlink()
    elif layout == "damaged_backup_only":
        backup_path(path).write_bytes(b"nope")
    elif layout == "dangling_link":
        path.symlink_to(folder / "gone.json")
    elif layout == "link_to_good":
        write_save(folder / "elsewhere.json", good)
        path.symlink_to(folder / "elsewhere.json")
    decoded = saving.slot_info(saving.AUTOSAVE, path).usable
    assert saving.slot_usable(saving.AUTOSAVE, path) == decoded
    expected = layout not in ("no_folder", "empty_folder", "damaged_backup_only",
                              "dangling_link")
    assert decoded == expected


def test_the_title_enables_its_buttons_without_the_save_code(start: Start,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "data" / "hd" / "saves"
    folder.mkdir(parents=True)
    (folder / "slot2.json").write_bytes(b"damaged")
    with start() as pilot:
        assert pilot.scene == "title"
        assert not pilot.enabled("continue") and pilot.enabled("saved_games")
    (folder / "autosave.json").write_bytes(b"damaged too")
    with start() as pilot:
        assert pilot.enabled("continue") and pilot.enabled("saved_games")


def _run(args: list[str], tmp_path: Path, before: str = "", after: str = "") -> list[str]:
    """``main.py ARGS`` in a child process, with *before* and *after* run in that process
    around it; the lines it printed."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    script = ("import gc, runpy, sys\n" + before
              + f"sys.argv = ['main.py', *{args!r}]\n"
              "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
              "except SystemExit:\n    pass\n" + after)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout.strip().split("\n")


def test_collections_come_back_after_the_first_frame(tmp_path: Path) -> None:
    spy = ("import game.ui.app as a\n"
           "frame = a.App.frame\n"
           "def spied(self, *args, **kw):\n"
           "    print('frame', gc.isenabled())\n"
           "    return frame(self, *args, **kw)\n"
           "a.App.frame = spied\n")
    lines = _run(["--frames", "3", "--lang", "en"], tmp_path, spy, "print('after', gc.isenabled())")
    # Off while the title is built and drawn, on from the first frame drawn.
    assert lines == ["frame False", "frame True", "frame True", "after True"]


@pytest.mark.parametrize("command", [["--version"], ["schema"], ["--lang", "fr", "--help"]])
def test_instructors_commands_run_with_collections_on(tmp_path: Path,
                                                      command: list[str]) -> None:
    assert _run(command, tmp_path, after="print('after', gc.isenabled())")[-1] == "after True"


def test_collections_stay_on_for_a_caller_of_cli_main() -> None:
    from game.cli import main

    assert gc.isenabled()
    assert main(["schema"]) == 0
    assert gc.isenabled()


def test_closing_waits_for_the_engine_import_begun_after_the_first_frame(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An interpreter exiting while that thread imports may abort (seen with --frames 2)."""
    import argparse
    import threading

    from game.ui import app as app_module

    finished = threading.Event()

    def slow_import() -> None:
        finished.wait(0.3)  # an import still running when the window closes
        finished.set()

    monkeypatch.setattr(app_module, "_prewarm", slow_import)
    args = argparse.Namespace(lang="en", scenario=None, seed=1, frames=1, fullscreen=False,
                              no_questions=True)
    app = app_module.App(args, config_dir=tmp_path / "c", data_dir=tmp_path / "d")
    try:
        assert app.run(frames=1) == 0
    finally:
        app.close()
    assert finished.is_set()


def test_the_first_frame_imports_nothing_the_title_does_not_draw(tmp_path: Path) -> None:
    spy = ("import os\n"
           f"os.environ['HD_TEST_STATUS'] = {str(tmp_path / 'status.json')!r}\n"
           "import game.ui.status as status\n"
           "update = status.StatusFile.update\n"
           "def first(self, app):\n"
           "    if app.frame_count == 1:\n"
           "        print(sorted(m for m in sys.modules if m.split('.')[0] in ('babel', "
           "'yaml', 'pydantic', 'pydantic_core', 'transitions') or m.startswith(("
           "'game.engine', 'game.content.model', 'game.content.loader', "
           "'game.simulation', 'pygame_gui.windows', 'pygame_gui.elements.ui_form'))))\n"
           "    return update(self, app)\n"
           "status.StatusFile.update = first\n")
    saves = tmp_path / "d" / "hashtag-diplomacy" / "saves"  # a returning player's
    saves.mkdir(parents=True)
    (saves / "autosave.json").write_bytes(b"{}")
    lines = _run(["--frames", "1", "--lang", "fr"], tmp_path, spy)
    assert lines[-1] == "[]"
