"""Faults a classroom throws at the game: a full or read-only disk while saving, a missing
font or image, a language without its catalog, scenarios that vanish or break while the
list is open.  Each time: a clear message or a logged warning, and the game goes on."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import i18n, paths
from game.paths import LOCALES_DIR, SCENARIOS_DIR
from game.ui import images, theme
from game.ui.pilot import Pilot
from tests.ui.authoring_kit import GREEN, image_bytes, scenario_folder
from tests.ui.drive import play_with_keyboard

Start = Callable[..., AbstractContextManager[Pilot]]


def saves(tmp_path: Path) -> Path:
    return tmp_path / "data" / "hd" / "saves"


def to_feed(pilot: Pilot) -> None:
    pilot.click("new_game")
    pilot.press(pygame.K_RETURN)  # briefing -> feed
    assert pilot.scene == "feed"


def end_turn(pilot: Pilot) -> None:
    pilot.click("end_turn")
    if pilot.modal == "confirm_end":
        pilot.click("confirm_end_turn")


def notice(pilot: Pilot) -> str:
    shown = pilot.app.scene.widgets.get("notice")
    return " ".join(shown.texts()) if shown is not None else ""


# -- the disk refuses the save -----------------------------------------------------------

def fsync_disk_full(fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def half_written(real: Callable[..., Any]) -> Callable[..., Any]:
    """``os.fdopen`` whose files take half of what is written, then find the disk full."""

    class Full:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return lambda fd, *args, **kwargs: Full(real(fd, *args, **kwargs))


def mkstemp_read_only(*args: Any, **kwargs: Any) -> tuple[int, str]:
    raise OSError(errno.EROFS, os.strerror(errno.EROFS))


FAULTS: dict[str, tuple[str, Callable[[], Any], str]] = {
    "disk full at fsync": ("fsync", lambda: fsync_disk_full, "the disk is full"),
    "disk full while writing": ("fdopen", lambda: half_written(os.fdopen), "the disk is full"),
    "read-only folder": ("mkstemp", lambda: mkstemp_read_only, "may not write in its data"),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_refused_autosave_is_said_on_screen_the_game_goes_on_the_old_save_intact(
        start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    name, make, reason = FAULTS[fault]
    target = tempfile if name == "mkstemp" else os
    autosave = saves(tmp_path) / "autosave.json"
    with start(seed=3) as pilot:
        to_feed(pilot)
        before = autosave.read_bytes()
        with monkeypatch.context() as patch:
            patch.setattr(target, name, make())
            pilot.click("open_desk")
            assert pilot.scene == "decide"  # the game went on
            assert reason in notice(pilot) and "previous save is kept" in notice(pilot)
            end_turn(pilot)
            assert pilot.scene == "resolve" and reason in notice(pilot)
        assert autosave.read_bytes() == before
        assert not list(saves(tmp_path).glob("*.tmp")), "a temporary file was left behind"
        pilot.click("next")  # the disk has room again: the next step saves
        assert pilot.scene == "feed" and notice(pilot) == ""
        assert autosave.read_bytes() != before


def test_a_refused_slot_save_is_explained_in_a_dialog(start: Start, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with start(seed=3) as pilot:
        to_feed(pilot)
        pilot.click("open_desk")
        pilot.press(pygame.K_ESCAPE)
        pilot.click("menu_save")
        pilot.click("slot_list", 0)
        pilot.click("slot_go")
        monkeypatch.setattr(os, "fsync", fsync_disk_full)
        pilot.click("label_save")
        assert pilot.modal == "save_failed" and pilot.shows("the disk is full")
        pilot.press(pygame.K_ESCAPE)
        monkeypatch.undo()
        pilot.click("back")
        assert pilot.scene == "decide"
        assert not (saves(tmp_path) / "slot1.json").exists()


@contextmanager
def without_root() -> Iterator[None]:
    """Root writes in read-only folders: as root, act as ``nobody`` for the block (the
    real user id stays root, so the effective one can be set back)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_a_really_read_only_saves_folder(start: Start, tmp_path: Path) -> None:
    autosave = saves(tmp_path) / "autosave.json"
    with start(seed=3) as pilot:
        to_feed(pilot)
        before = autosave.read_bytes()
        saves(tmp_path).chmod(0o555)
        try:
            with without_root():
                pilot.click("open_desk")
            assert pilot.scene == "decide" and "could not be saved" in notice(pilot)
        finally:
            saves(tmp_path).chmod(0o755)
        assert autosave.read_bytes() == before


# -- fonts and images --------------------------------------------------------------------

@pytest.fixture
def fonts_mended() -> Iterator[None]:
    theme.forget_fonts()
    yield
    theme.forget_fonts()


def test_missing_font_files_fall_back_to_the_same_family(
        start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fonts_mended: None,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(theme, "FONT_REGULAR", tmp_path / "gone" / "NotoSans-Regular.ttf")
    monkeypatch.setattr(theme, "FONT_BOLD", tmp_path / "gone" / "NotoSans-Bold.ttf")
    with caplog.at_level(logging.WARNING, "game.ui.theme"), start(lang="fr") as pilot:
        seen = play_with_keyboard(pilot)  # nothing cut, nothing off screen, to the debrief
        assert "decide" in seen
    warnings = [r.getMessage() for r in caplog.records]
    assert any("NotoSans-Regular.ttf unusable" in w for w in warnings), warnings
    assert any("pygame_gui" in w and "instead of" in w for w in warnings), warnings


# pygame_gui's own complaints when it has no font file to pre-load and lays the title out
# in pygame's default font: expected in this fault, and not the game's warnings.
@pytest.mark.filterwarnings("ignore:Trying to pre-load font id:UserWarning")
@pytest.mark.filterwarnings("ignore:Label Rect is too small for text:UserWarning")
def test_no_usable_font_at_all_still_plays_with_pygames_own(
        start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fonts_mended: None,
        caplog: pytest.LogCaptureFixture) -> None:
    broken = tmp_path / "NotoSans-Regular.ttf"
    broken.write_bytes(b"not a font at all")
    monkeypatch.setattr(theme, "FONT_REGULAR", broken)
    monkeypatch.setattr(theme, "FONT_BOLD", tmp_path / "gone.ttf")
    monkeypatch.setattr(theme, "_bundled_with_pygame_gui", lambda name: tmp_path / "none")
    with caplog.at_level(logging.WARNING, "game.ui.theme"), start() as pilot:
        to_feed(pilot)
        pilot.click("open_desk")
        pilot.click("tab_post")
        pilot.click("plan_post")
        end_turn(pilot)
        assert pilot.scene == "resolve" and pilot.shows("Results")
    assert any("no font file can be used" in r.getMessage() for r in caplog.records)


def test_an_image_deleted_after_the_check_shows_initials(
        start: Start, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    images.forget()
    folder = scenario_folder(tmp_path, avatar=image_bytes(GREEN))
    with caplog.at_level(logging.WARNING, "game.ui.images"), start(scenario=folder) as pilot:
        assert pilot.app.session.default_entry().playable
        (folder / "assets" / "horizon.png").unlink()
        to_feed(pilot)
        assert any(p.handle == "@HorizonNews" for p in pilot.widget("feed").posts)
        pilot.click("open_desk")
        assert pilot.scene == "decide"
    assert any("horizon.png" in r.getMessage() and "not shown" in r.getMessage()
               for r in caplog.records)
    images.forget()


# -- a language without its catalog -------------------------------------------------------

@pytest.fixture
def catalogs(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Point the game at another locales folder (the loaded catalogs are forgotten)."""

    def use(folder: Path) -> None:
        monkeypatch.setattr(paths, "LOCALES_DIR", folder)
        monkeypatch.setattr(i18n, "_catalogs", {})

    return use


def test_french_without_any_catalog_is_not_offered_english_instead(
        start: Start, tmp_path: Path, catalogs: Callable[[Path], None],
        caplog: pytest.LogCaptureFixture) -> None:
    catalogs(tmp_path / "no-locales")
    with caplog.at_level(logging.WARNING, "game.i18n"), start(lang="fr") as pilot:
        assert i18n.get_language() == "en", "the languages are the catalogs present"
        assert pilot.shows("New game") and not pilot.shows("Nouvelle partie")
        pilot.click("new_game")
        assert pilot.scene == "briefing"
    assert any("language 'fr' is not available" in r.getMessage() for r in caplog.records)


def test_a_deleted_mo_file_leaves_its_domain_in_english(
        start: Start, tmp_path: Path, catalogs: Callable[[Path], None],
        caplog: pytest.LogCaptureFixture) -> None:
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, copy)
    (copy / "fr" / "LC_MESSAGES" / "ui.mo").unlink()
    catalogs(copy)
    with caplog.at_level(logging.WARNING, "game.i18n"), start(lang="fr") as pilot:
        assert pilot.shows("New game")                       # the window: English
        assert i18n._("no such file: {path}") != "no such file: {path}"  # core: French
    assert any("no fr catalog 'ui'" in r.getMessage() for r in caplog.records)


# -- scenarios that vanish while the list is open -----------------------------------------

@pytest.fixture
def own_scenario(tmp_path: Path) -> Path:
    """A scenario folder in the user's scenario folder (the data folder of the test)."""
    user = tmp_path / "data" / "hashtag-diplomacy" / "scenarios"
    user.mkdir(parents=True)
    folder = user / "my_scenario"
    folder.mkdir()
    shutil.copy(SCENARIOS_DIR / "tutorial.yaml", folder / "scenario.yaml")
    return folder


def open_picker_on(pilot: Pilot, folder: Path) -> None:
    pilot.click("new_game")
    assert pilot.scene == "picker"
    keys = [item.key for item in pilot.widget("scenario_list").items]
    pilot.click("scenario_list", keys.index(str(folder)))
    assert pilot.enabled("play")


@pytest.mark.parametrize("damage", ["folder removed", "file removed", "file corrupted",
                                    "whole scenarios folder removed"])
def test_a_scenario_that_breaks_while_the_list_is_open(start: Start, own_scenario: Path,
                                                       damage: str) -> None:
    with start(scenario=None) as pilot:
        open_picker_on(pilot, own_scenario)
        if damage == "folder removed":
            shutil.rmtree(own_scenario)
        elif damage == "file removed":
            (own_scenario / "scenario.yaml").unlink()
        elif damage == "file corrupted":
            (own_scenario / "scenario.yaml").write_text("meta: [unclosed\n\0", "utf-8")
        else:
            shutil.rmtree(own_scenario.parent)
        pilot.click("play")
        assert pilot.scene == "picker" and pilot.modal == "scenario_gone"
        assert pilot.shows("Cannot be played" if damage == "file corrupted"
                           else "no longer there")
        pilot.press(pygame.K_ESCAPE)
        keys = [item.key for item in pilot.widget("scenario_list").items]
        assert (str(own_scenario) in keys) == (damage == "file corrupted")
        pilot.press(pygame.K_F5)  # look again: still no crash
        pilot.click("scenario_list", 0)
        pilot.click("play")
        assert pilot.scene in ("briefing", "questions")


def test_a_scenario_removed_during_its_game_lets_the_game_go_on(
        start: Start, own_scenario: Path) -> None:
    with start(scenario=None) as pilot:
        open_picker_on(pilot, own_scenario)
        pilot.click("play")
        shutil.rmtree(own_scenario)
        while pilot.scene != "feed":
            pilot.press(pygame.K_RETURN)
        pilot.press(pygame.K_F5)  # read it again: it is gone, the game goes on
        assert pilot.modal == "reload_errors"
        pilot.press(pygame.K_ESCAPE)
        pilot.click("open_desk")
        assert pilot.scene == "decide"
