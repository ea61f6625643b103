"""Issue 15 on screen: hostile save and settings files are "damaged", never a traceback;
a save opened anyway keeps the good backup; a save's stored scenario path is never opened;
New game keeps the game in progress; one key press acts on one screen."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.engine.save import backup_path, read_save
from game.ui.pilot import Pilot
from game.ui.settings import settings_path
from tests.engine.test_save_hostile import resigned, set_in
from tests.ui.test_saves import autosave, make_saves, to_desk

Start = Callable[..., AbstractContextManager[Pilot]]

HEAD = b'{"format":"hashtag-diplomacy-save","version":1,'
HOSTILE = {
    "deep": (lambda raw: HEAD + b'"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
             "The save file is damaged"),
    "turns-1e999": (lambda raw: raw.replace(b'"turns":8', b'"turns":1e999', 1),
                    "The save file is damaged"),
    "infinity": (lambda raw: raw.replace(b'"turns":8', b'"turns":Infinity', 1),
                 "The save file is damaged"),
    "budget": (lambda raw: resigned(raw, set_in("state.budget", 10**18)),
               "no longer fits its scenario"),
    "turn-text": (lambda raw: resigned(raw, set_in("state.turn", "3")),
                  "no longer fits its scenario"),
    "history": (lambda raw: resigned(raw, set_in("state.history", [[1e308]])),
                "no longer fits its scenario"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_autosave_is_damaged_and_the_backup_offered(start: Start, tmp_path: Path,
                                                              kind: str) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    backup_turn = read_save(backup_path(path)).turn
    damage, message = HOSTILE[kind]
    path.write_bytes(damage(path.read_bytes()))
    with start() as pilot:
        assert pilot.scene == "title" and pilot.enabled("continue")
        pilot.click("continue")
        assert pilot.modal == "cannot_open" and pilot.shows(message), pilot.texts()
        assert pilot.focused == "open_backup" and not pilot.has("open_anyway")
        pilot.press(pygame.K_RETURN)
        assert pilot.modal is None and pilot.game.state.turn == backup_turn
    assert read_save(path).turn == backup_turn  # the backup's game goes on


def test_a_save_opened_anyway_keeps_the_good_backup_until_a_turn_is_played(
        start: Start, tmp_path: Path) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    good_backup = backup_path(path).read_bytes()
    data = json.loads(path.read_text("utf-8"))
    data["state"]["indicators"]["credibility"] = 99.0  # edited: the checksum no longer fits
    edited = json.dumps(data).encode("utf-8")
    path.write_bytes(edited)
    with start() as pilot:
        pilot.click("continue")
        pilot.click("open_anyway")
        assert pilot.scene == "decide" and pilot.game.state.indicators["credibility"] == 99.0
        pilot.press(pygame.K_ESCAPE)
        pilot.click("menu_settings")
        pilot.press(pygame.K_ESCAPE)  # phase changes back and forth: nothing written yet
        assert path.read_bytes() == edited and backup_path(path).read_bytes() == good_backup
        pilot.click("end_turn")
        if pilot.modal == "confirm_end":
            pilot.click("confirm_end_turn")
        pilot.click("next")
        assert pilot.game.state.turn == 3
    assert read_save(path).turn == 3  # it played a turn without error: saved as usual
    assert read_save(backup_path(path)).turn in (2, 3)


def test_closing_a_game_opened_anyway_keeps_the_backup(start: Start, tmp_path: Path) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    good_backup = backup_path(path).read_bytes()
    data = json.loads(path.read_text("utf-8"))
    data["state"]["indicators"]["credibility"] = 98.0
    path.write_text(json.dumps(data), "utf-8")
    with start() as pilot:
        pilot.click("continue")
        pilot.click("open_anyway")
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        pilot.settle()
    assert backup_path(path).read_bytes() == good_backup
    assert read_save(path).state["indicators"]["credibility"] == 98.0


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_stored_scenario_path_is_never_opened(start: Start, tmp_path: Path,
                                                target: str) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    if target == "fifo":
        target = str(tmp_path / "scenario.fifo")
        os.mkfifo(target)
    path.write_bytes(resigned(path.read_bytes(), set_in("scenario.path", target)))
    with start() as pilot:  # found by its id among the known scenarios instead
        pilot.click("continue")
        assert pilot.modal is None and pilot.scene == "decide"
        assert pilot.game.state.turn == 2


def test_deeply_nested_settings_are_damaged_and_said(start: Start, tmp_path: Path) -> None:
    path = settings_path(tmp_path / "config" / "hd")
    path.parent.mkdir(parents=True)
    path.write_text('{"language":' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    with start(lang="fr") as pilot:
        assert pilot.scene == "title"
        assert pilot.shows("Le fichier des réglages est endommagé")


@pytest.mark.parametrize("text", ['{"turn_timer": 1e999}', '{"turn_timer": Infinity}',
                                  '{"language": ["fr"]}', "[1]"])
def test_strange_settings_start_with_the_defaults(start: Start, tmp_path: Path,
                                                  text: str) -> None:
    path = settings_path(tmp_path / "config" / "hd")
    path.parent.mkdir(parents=True)
    path.write_text(text, "utf-8")
    with start(lang="en") as pilot:
        assert pilot.scene == "title" and pilot.app.settings.turn_timer == 0


def test_a_failure_while_building_the_app_writes_the_crash_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from game.ui import app as app_module

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setenv("HASHTAG_DIPLOMACY_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(app_module, "first_scene_for", broken, raising=False)
    monkeypatch.setattr("game.ui.scenes.registry.first_scene", broken)
    args = argparse.Namespace(lang="en", scenario=None, seed=1, frames=1, fullscreen=False,
                              no_questions=True)
    assert app_module.run(args) == 1
    assert "The game stopped because of an error" in capsys.readouterr().out
    assert "RecursionError" in (tmp_path / "data" / "crash.log").read_text("utf-8")


# -- New game while a game is in progress --------------------------------------------------

def test_new_game_asks_and_keeps_the_game_in_progress(start: Start, tmp_path: Path) -> None:
    make_saves(start)  # a game at turn 2 in the automatic save
    path = autosave(tmp_path)
    with start(scenario=None) as pilot:
        pilot.click("new_game")
        pilot.press(pygame.K_1)  # the student: a number key in the list
        pilot.press(pygame.K_RETURN)
        assert pilot.modal == "in_progress" and pilot.shows("A game is in progress")
        assert pilot.shows("Slot 1") and pilot.focused == "keep_playing"
        pilot.press(pygame.K_ESCAPE)  # cancel: nothing changed
        assert pilot.modal is None and pilot.game is None and read_save(path).turn == 2
        pilot.press(pygame.K_RETURN)
        pilot.click("start_new")
        assert pilot.scene == "briefing" and pilot.game.scenario.meta.id == "tutorial"
        assert pilot.shows("The game in progress was kept under Saved games: “Slot 1”.")
        pilot.press(pygame.K_RETURN, pygame.K_RETURN)  # autosaves: the old .bak goes
    kept = read_save(path.with_name("slot1.json"))
    assert kept.turn == 2 and kept.scenario_id == "deepfake-summit"
    with start(scenario=None) as pilot:
        pilot.click("saved_games")
        pilot.press(pygame.K_2)  # Slot 1, second in the list
        assert pilot.scene == "decide" and pilot.game.state.turn == 2


def test_continue_this_game_from_the_question(start: Start) -> None:
    make_saves(start)
    with start(scenario=None) as pilot:
        pilot.click("new_game")
        pilot.click("play")
        pilot.click("keep_playing")
        assert pilot.scene == "decide" and pilot.game.state.turn == 2


def test_every_slot_taken_puts_the_game_aside(start: Start, tmp_path: Path) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    for slot in ("slot1", "slot2", "slot3"):
        path.with_name(f"{slot}.json").write_bytes(path.read_bytes())
    with start(scenario=None) as pilot:
        pilot.click("new_game")
        pilot.click("play")
        assert pilot.shows("Game put aside")
        pilot.click("start_new")
        assert pilot.game.scenario.meta.id == "tutorial"
    assert read_save(path.with_name("aside.json")).turn == 2
    with start(scenario=None) as pilot:
        pilot.click("saved_games")
        assert len(pilot.widget("slot_list").items) == 5
        pilot.press(pygame.K_5)
        assert pilot.scene == "decide" and pilot.game.state.turn == 2


# -- one key press, one screen -------------------------------------------------------------

def hold(pilot: Pilot, key: int, repeats: int = 2) -> None:
    """Press *key* and keep it down long enough for the keyboard to repeat it."""
    for _ in range(1 + repeats):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                             scancode=0))
        pilot.settle()
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="",
                                         scancode=0))
    pilot.settle()


def test_enter_held_on_new_game_opens_the_list_only(start: Start) -> None:
    with start(scenario=None) as pilot:
        hold(pilot, pygame.K_RETURN)
        assert pilot.scene == "picker" and pilot.game is None
        pilot.press(pygame.K_RETURN)  # a new press acts
        assert pilot.scene == "briefing"


def test_enter_held_on_continue_opens_the_dialog_only(start: Start, tmp_path: Path) -> None:
    """Reading a save makes a slow frame: pygame repeats the Enter still down meanwhile
    (seen under Xvfb: 14 repeats), and they must not press the dialog's button."""
    make_saves(start)
    path = autosave(tmp_path)
    path.write_bytes(path.read_bytes()[:100])
    with start() as pilot:
        pilot.tab_to("continue")
        hold(pilot, pygame.K_RETURN, repeats=5)
        assert pilot.modal == "cannot_open" and pilot.game is None
        assert pilot.focused == "open_backup"


def test_escape_held_goes_back_one_screen(start: Start) -> None:
    with start(scenario=None) as pilot:
        pilot.click("new_game")
        hold(pilot, pygame.K_ESCAPE)
        assert pilot.scene == "title" and pilot.focused == "new_game"


# -- the Crises tab --------------------------------------------------------------------------

def test_enter_on_the_crises_tab_opens_the_highlighted_crisis(start: Start) -> None:
    from game.paths import SCENARIOS_DIR

    with start(scenario=SCENARIOS_DIR / "earthquake_72h.yaml") as pilot:
        to_desk(pilot)
        pilot.click("tab_crises")
        assert pilot.focused == "tab_crises" and pilot.shows("Press Enter")
        pilot.press(pygame.K_RETURN)
        assert pilot.modal == "crisis"
