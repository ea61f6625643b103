"""Settings: saved as JSON, broken files ignored, applied at once, the game kept across changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame

from game.ui.pilot import Pilot
from game.ui.settings import Settings, load_settings, save_settings, settings_path

Start = Callable[..., AbstractContextManager[Pilot]]


def test_settings_round_trip(tmp_path: Path) -> None:
    chosen = Settings("fr", "largest", True, 120)
    assert save_settings(chosen, tmp_path)
    assert load_settings(tmp_path) == chosen
    assert json.loads(settings_path(tmp_path).read_text("utf-8"))["text_size"] == "largest"


def test_missing_damaged_or_strange_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == Settings()
    path = settings_path(tmp_path)
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(tmp_path) == Settings()
    path.write_text("[1, 2]", encoding="utf-8")
    assert load_settings(tmp_path) == Settings()
    path.write_text(json.dumps({"language": "de", "text_size": "huge", "turn_timer": 7,
                                "high_contrast": 1, "unknown": True}), encoding="utf-8")
    assert load_settings(tmp_path) == Settings(None, "normal", False, 0)  # 1 is not true
    path.write_text(json.dumps({"high_contrast": "false", "turn_timer": 60.0}), "utf-8")
    assert load_settings(tmp_path) == Settings()


def test_turn_timer_is_off_by_default() -> None:
    assert Settings().turn_timer == 0


def test_first_start_asks_for_the_language(start: Start, tmp_path: Path) -> None:
    with start(lang=None) as pilot:
        assert pilot.scene == "language"
        assert pilot.shows("Choisissez votre langue") and pilot.shows("Choose your language")
        pilot.tab_to("lang_fr")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "title" and pilot.shows("Nouvelle partie")
        assert load_settings(pilot.app.config_dir).language == "fr"
    with start(lang=None) as pilot:  # asked once only
        assert pilot.scene == "title" and pilot.shows("Nouvelle partie")


def open_settings_from_the_desk(pilot: Pilot) -> None:
    pilot.press(pygame.K_RETURN)  # title: new game
    pilot.press(pygame.K_RETURN)  # briefing: start
    pilot.press(pygame.K_RETURN)  # feed: to the desk
    assert pilot.scene == "decide"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.modal == "menu"
    pilot.tab_to("menu_settings")
    pilot.press(pygame.K_RETURN)
    assert pilot.scene == "settings"


def test_language_switch_mid_game_keeps_the_game(start: Start) -> None:
    with start(lang="en") as pilot:
        open_settings_from_the_desk(pilot)
        game, planned_turn = pilot.game, pilot.game.state.turn
        pilot.tab_to("set_language")
        pilot.press(pygame.K_RIGHT)  # Français -> English -> … : one step changes it
        assert pilot.shows("Réglages"), pilot.texts()[:5]
        pilot.tab_to("back")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "decide" and pilot.game is game
        assert pilot.game.state.turn == planned_turn
        assert pilot.shows("Finir le tour") and pilot.shows("Indicateurs")
        pilot.click("lang_toggle")  # and back to English from the desk's own button
        assert pilot.scene == "decide" and pilot.shows("End the turn")


def test_text_size_and_contrast_apply_everywhere_and_persist(start: Start) -> None:
    with start(lang="en") as pilot:
        open_settings_from_the_desk(pilot)
        before = pilot.widget("back").rect.height
        pilot.tab_to("set_text_size")
        pilot.press(pygame.K_RIGHT, pygame.K_RIGHT)
        assert pilot.app.theme.base == 24
        assert pilot.widget("back").rect.height > before
        pilot.tab_to("set_contrast")
        pilot.press(pygame.K_RIGHT)
        assert pilot.app.theme.high_contrast
        assert pilot.app.theme.colour("bg") == pygame.Color("#000000")
        pilot.press(pygame.K_ESCAPE)
        assert pilot.scene == "decide" and pilot.clipped() == [] and pilot.offscreen() == []
        saved = load_settings(pilot.app.config_dir)
        assert (saved.text_size, saved.high_contrast) == ("largest", True)


def test_turn_timer_ends_the_turn_when_time_runs_out(start: Start) -> None:
    with start(lang="en", settings=Settings("en", "normal", False, 60)) as pilot:
        pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
        assert pilot.scene == "decide" and pilot.shows("Time left: 1:00")
        pilot.app.session.timer_left = 0.5  # rather than wait a real minute
        pilot.step(40)
        pilot.settle()
        assert pilot.scene == "resolve"
