"""Saves on screen: Continue after quitting, named slots, and every bad save explained —
with the backup, “open it anyway” or “start it over” offered when they can help."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game.engine.save import backup_path, read_save
from game.ui.pilot import Pilot
from tests.ui.conftest import bundled_scenario

Start = Callable[..., AbstractContextManager[Pilot]]


def to_desk(pilot: Pilot, turns: int = 1) -> None:
    """From the title to the desk of turn *turns*, passing the turns before it."""
    pilot.click("new_game")
    pilot.press(pygame.K_RETURN, pygame.K_RETURN)  # briefing, feed
    for _ in range(turns - 1):
        pilot.click("end_turn")
        if pilot.modal == "confirm_end":
            pilot.click("confirm_end_turn")
        pilot.click("next")
        pilot.click("open_desk")
    assert pilot.scene == "decide" and pilot.game.state.turn == turns


def autosave(tmp_path: Path) -> Path:
    return tmp_path / "data" / "hd" / "saves" / "autosave.json"


def test_closing_the_window_mid_turn_and_continuing(start: Start, tmp_path: Path) -> None:
    with start(seed=4) as pilot:
        to_desk(pilot, 2)
        pilot.click("tab_post")
        pilot.click("plan_post")
        planned = list(pilot.game.state.planned)
        assert planned
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        pilot.settle()
        assert not pilot.app.running
    with start(seed=99) as pilot:
        assert pilot.enabled("continue") and pilot.enabled("saved_games")
        pilot.click("continue")
        assert pilot.scene == "decide"
        state = pilot.game.state
        assert (state.turn, state.seed, state.planned) == (2, 4, planned)


# The files a game played to the desk of turn N leaves in the data folder, by N: twenty
# tests start from the same saves, so a worker plays each once and copies its bytes.
_PLAYED: dict[int, dict[Path, bytes]] = {}


def make_saves(start: Start, turns: int = 2) -> None:
    """Play to the desk of turn *turns*: the autosave is there, its backup one step older."""
    played = _PLAYED.get(turns)
    with start(seed=4) as pilot:
        data = pilot.app.session.save_dir
        if played is None:
            to_desk(pilot, turns)
    assert data is not None
    if played is None:
        _PLAYED[turns] = {p.relative_to(data): p.read_bytes() for p in data.rglob("*")
                          if p.is_file()}
        return
    for relative, raw in played.items():
        (data / relative).parent.mkdir(parents=True, exist_ok=True)
        (data / relative).write_bytes(raw)


BAD_SAVES = {
    "empty": (lambda raw: b"", "The save file is empty"),
    "truncated": (lambda raw: raw[: len(raw) // 2], "The save file is cut short"),
    "version": (lambda raw: raw.replace(b'"version":1', b'"version":7', 1),
                "another version of the game"),
    "foreign": (lambda raw: b'{"language": "fr", "text_size": "large"}',
                "not a Hashtag Diplomacy save"),
    "garbage": (lambda raw: b"{\x00\x01 garbage }", "damaged"),
}


@pytest.mark.parametrize("kind", sorted(BAD_SAVES))
def test_a_bad_autosave_is_explained_and_its_backup_offered(start: Start, tmp_path: Path,
                                                            kind: str) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    backup_turn = read_save(backup_path(path)).turn
    damage, message = BAD_SAVES[kind]
    path.write_bytes(damage(path.read_bytes()))
    with start() as pilot:
        pilot.click("continue")
        assert pilot.scene == "title" and pilot.modal == "cannot_open"
        assert pilot.shows(message), pilot.texts()
        assert pilot.shows("The previous save is still there")
        assert pilot.focused == "open_backup"
        pilot.press(pygame.K_RETURN)
        assert pilot.modal is None and pilot.game is not None
        assert pilot.game.state.turn == backup_turn


def test_a_bad_save_without_backup_only_explains(start: Start, tmp_path: Path) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    backup_path(path).unlink()
    path.write_bytes(path.read_bytes()[:100])
    with start() as pilot:
        pilot.click("continue")
        assert pilot.modal == "cannot_open" and pilot.shows("cut short")
        assert not pilot.has("open_backup") and pilot.focused == "close"
        pilot.press(pygame.K_RETURN)
        assert pilot.modal is None and pilot.game is None and pilot.scene == "title"


def test_a_hand_edited_save_can_be_opened_anyway(start: Start, tmp_path: Path) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    backup_path(path).unlink()
    data = json.loads(path.read_text("utf-8"))
    data["state"]["indicators"]["credibility"] = 99.0
    path.write_text(json.dumps(data), "utf-8")
    with start() as pilot:
        pilot.click("continue")
        assert pilot.shows("changed outside the game")
        pilot.click("open_anyway")
        assert pilot.game is not None and pilot.game.state.indicators["credibility"] == 99.0


def test_an_edited_save_that_no_longer_fits_is_refused(start: Start, tmp_path: Path) -> None:
    make_saves(start)
    path = autosave(tmp_path)
    backup_path(path).unlink()
    data = json.loads(path.read_text("utf-8"))
    data["state"]["turn"] = 400
    path.write_text(json.dumps(data), "utf-8")
    with start() as pilot:
        pilot.click("continue")
        pilot.click("open_anyway")
        assert pilot.modal == "cannot_open" and pilot.game is None
        assert pilot.shows("no longer fits its scenario")


def test_a_changed_scenario_offers_to_replay_or_start_over(start: Start, tmp_path: Path) -> None:
    """Continue after an outside edit replays to where the student was, as F5 does; starting
    over instead keeps the old game under Saved games."""
    scenario = tmp_path / "my_scenario.yaml"
    shutil.copy(bundled_scenario(), scenario)
    with start(scenario=scenario, seed=4) as pilot:
        to_desk(pilot, 2)
    with scenario.open("a", encoding="utf-8") as fh:
        fh.write("\n# the instructor changed something\n")
    with start(scenario=scenario) as pilot:
        pilot.click("continue")
        assert pilot.modal == "cannot_open" and pilot.shows("has changed since")
        assert pilot.focused == "replay" and pilot.has("start_over")
        pilot.press(pygame.K_RETURN)
        assert pilot.modal is None and pilot.scene == "decide"
        assert (pilot.game.state.turn, pilot.game.state.seed) == (2, 4)
        assert pilot.shows("replayed on the new version of the scenario: turn 2")
    with scenario.open("a", encoding="utf-8") as fh:
        fh.write("\n# and again\n")
    with start(scenario=scenario) as pilot:
        pilot.click("continue")
        pilot.click("start_over")
        assert pilot.scene == "briefing" and pilot.game.state.turn == 0
    kept = read_save(autosave(tmp_path).with_name("slot1.json"))
    assert (kept.turn, kept.state["seed"]) == (2, 4)


def test_a_save_whose_scenario_is_gone(start: Start, tmp_path: Path) -> None:
    scenario = tmp_path / "gone.yaml"
    text = bundled_scenario().read_text("utf-8").replace("id: deepfake-summit",
                                                         "id: gone-scenario", 1)
    scenario.write_text(text, "utf-8")
    with start(scenario=scenario, seed=4) as pilot:
        to_desk(pilot, 1)
    scenario.unlink()
    with start() as pilot:
        pilot.click("continue")
        assert pilot.modal == "cannot_open"
        assert pilot.shows("is no longer on this computer")


def test_saving_in_a_named_slot_and_opening_it(start: Start) -> None:
    with start(seed=6) as pilot:
        to_desk(pilot, 2)
        pilot.press(pygame.K_ESCAPE)
        pilot.click("menu_save")
        assert pilot.scene == "saves"
        pilot.click("slot_list", 1)
        pilot.click("slot_go")
        assert pilot.modal == "slot_name" and pilot.focused == "slot_label"
        for _ in range(12):
            pilot.press(pygame.K_BACKSPACE)
        pilot.type("Avant la crise n°2")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "decide" and pilot.modal is None
        to_turn = pilot.game.state.turn
        pilot.press(pygame.K_ESCAPE)
        pilot.click("to_title")
        pilot.click("saved_games")
        assert pilot.scene == "saves"
        listing = pilot.widget("slot_list")
        assert [item.enabled for item in listing.items] == [True, False, True, False]
        assert listing.items[2].title == "Slot 2 — Avant la crise n°2"
        pilot.press(pygame.K_3)  # the number of the item in the list
        assert pilot.scene == "decide" and pilot.game.state.turn == to_turn


def test_back_at_the_title_after_saving_enter_continues_the_game(start: Start) -> None:
    """The student who saved and went to the title presses Enter: the game goes on (the
    focus was on New game, and Enter started another game)."""
    with start(seed=4) as pilot:
        to_desk(pilot, 2)
        pilot.press(pygame.K_ESCAPE)
        pilot.click("to_title")
        assert pilot.scene == "title" and pilot.focused == "continue"
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "decide" and pilot.game.state.turn == 2
    with start(seed=4) as pilot:  # and when the window opens again
        assert pilot.focused == "continue"
