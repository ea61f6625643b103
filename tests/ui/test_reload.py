"""F5 while playing a scenario being written: a good file fast-forwards to the same turn, a
broken one shows its errors and the old version goes on."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame

from game.ui.pilot import Pilot
from tests.ui.authoring_kit import scenario_folder

Start = Callable[..., AbstractContextManager[Pilot]]


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "scenario.yaml"
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), "utf-8")


def to_second_desk(pilot: Pilot) -> None:
    """Answer the turn-1 crisis (“verify”), end the turn, and plan a post on turn 2."""
    pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
    assert pilot.scene == "decide" and pilot.game.open_crises()
    pilot.click("tab_crises")
    pilot.click("crisis_list", 0)
    event = pilot.game.open_crises()[0]
    shown = [c.id for c in pilot.game.choices_shown(event)]  # keys follow the shown order
    pilot.press(pygame.K_1 + shown.index("verify"))
    assert pilot.game.state.planned[0]["choice"] == "verify"
    pilot.click("end_turn")
    if pilot.modal == "confirm_end":
        pilot.click("confirm_end_turn")
    pilot.click("next")
    pilot.click("open_desk")
    pilot.click("tab_post")
    pilot.click("plan_post")
    assert pilot.scene == "decide" and pilot.game.state.turn == 2
    assert len(pilot.game.state.planned) == 1


def test_f5_with_a_good_file_comes_back_to_the_same_turn(start: Start, tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path)
    with start(scenario=folder) as pilot:
        to_second_desk(pilot)
        old = pilot.game
        before = old.state.to_dict()
        assert pilot.shows("Horizon TV")
        edit(folder, 'en: "Horizon TV"', 'en: "Horizon Channel"')
        pilot.press(pygame.K_F5)
        assert pilot.game is not old, "the game was rebuilt from the file"
        assert pilot.scene == "decide" and pilot.modal is None
        assert pilot.game.state.to_dict() == before
        assert pilot.shows("Scenario reloaded: turn 2, same seed, same choices.")
        assert pilot.shows("Horizon Channel") and not pilot.shows("Horizon TV"), "new text"
        pilot.click("end_turn")  # and the game goes on
        if pilot.modal == "confirm_end":
            pilot.click("confirm_end_turn")
        assert pilot.scene == "resolve"


def test_f5_with_errors_shows_them_and_the_old_game_goes_on(start: Start,
                                                            tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path)
    with start(scenario=folder, lang="fr") as pilot:
        to_second_desk(pilot)
        old, before = pilot.game, pilot.game.state.to_dict()
        edit(folder, "  turns: 4\n", "  turnz: 4\n")
        pilot.press(pygame.K_F5)
        assert pilot.modal == "reload_errors"
        assert pilot.shows("Cette version ne peut pas être jouée")
        line = next(n for n, text in enumerate(
            (folder / "scenario.yaml").read_text("utf-8").splitlines(), 1) if "turnz" in text)
        assert pilot.shows(f"scenario.yaml:{line}:3")
        assert pilot.shows("turnz") and pilot.shows("turns")  # the message and a did-you-mean
        assert pilot.game is old and old.state.to_dict() == before
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None and pilot.scene == "decide" and pilot.game is old
        pilot.click("end_turn")
        if pilot.modal == "confirm_end":
            pilot.click("confirm_end_turn")
        assert pilot.scene == "resolve", "the old version plays on"


def test_a_long_error_list_scrolls_and_f5_again_picks_up_the_fix(start: Start,
                                                                  tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path)
    original = (folder / "scenario.yaml").read_text("utf-8")
    with start(scenario=folder) as pilot:
        pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
        broken = original
        for key in ("handle", "kind", "likes", "shares", "technique", "headline"):
            broken = broken.replace(f" {key}:", f" {key}x:")
        (folder / "scenario.yaml").write_text(broken, "utf-8")
        pilot.press(pygame.K_F5)
        assert pilot.modal == "reload_errors"
        text = pilot.widget("reload_errors_text")
        assert text.max_scroll > 0 and pilot.focused == "reload_errors_text"
        pilot.press(pygame.K_PAGEDOWN)
        assert text.scroll > 0, "the keyboard scrolls the list of errors"
        (folder / "scenario.yaml").write_text(original, "utf-8")
        pilot.press(pygame.K_F5)
        assert pilot.modal is None and pilot.scene == "decide"
        assert pilot.shows("Scenario reloaded: turn 1")


def test_actions_the_new_version_refuses_are_reported(start: Start, tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path)
    with start(scenario=folder) as pilot:
        to_second_desk(pilot)
        edit(folder, "        - id: verify\n", "        - id: verify_first\n")
        pilot.press(pygame.K_F5)
        assert pilot.modal == "reload_skipped"
        assert pilot.shows("Turn 1: Answer to")
        assert pilot.shows("Have the video verified")  # named as the old version named it
        assert pilot.game.state.turn == 2 and pilot.scene == "decide"
        assert "verify" not in pilot.game.state.answers.values()
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None and pilot.scene == "decide"


def test_f5_does_nothing_on_the_menus(start: Start) -> None:
    with start() as pilot:
        pilot.press(pygame.K_F5)
        assert pilot.scene == "title" and pilot.modal is None
