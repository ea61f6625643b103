"""The window: layouts reflow at every size and text size, F11, ``--frames``, idle frames."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game.paths import ROOT
from game.ui.pilot import Pilot
from game.ui.settings import Settings
from game.ui.widgets.feed import COUNT_STEPS, GROW_SECONDS

Start = Callable[..., AbstractContextManager[Pilot]]


def assert_tidy(pilot: Pilot) -> None:
    where = f"{pilot.scene}/{pilot.app.size}/{pilot.app.theme.base}"
    assert pilot.clipped() == [], f"{where}: clipped {pilot.clipped()}"
    assert pilot.offscreen() == [], f"{where}: off screen {pilot.offscreen()}"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(960, 600), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_every_screen_fits_the_window(start: Start, size: tuple[int, int],
                                      text_size: str, lang: str) -> None:
    with start(lang=lang, size=size, settings=Settings(lang, text_size, True, 0)) as pilot:
        assert pilot.app.size == size
        assert_tidy(pilot)
        for key in (pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN):
            pilot.press(key)
            assert_tidy(pilot)
        assert pilot.scene == "decide"
        for tab in ("tab_crises", "tab_post", "tab_counter", "tab_plan"):
            pilot.click(tab)
            assert_tidy(pilot)
        pilot.click("tab_crises")
        if pilot.game.open_crises():
            pilot.click("crisis_list", 0)
            assert pilot.modal == "crisis"
            assert_tidy(pilot)
            pilot.press(pygame.K_ESCAPE)
        pilot.press(pygame.K_F1)
        assert pilot.modal == "help"
        assert_tidy(pilot)
        pilot.press(pygame.K_ESCAPE, pygame.K_ESCAPE)
        assert pilot.modal == "menu"
        assert_tidy(pilot)


@pytest.mark.parametrize("size", [(960, 600), (1280, 720)])
def test_menu_screens_fit_the_window_at_the_largest_text_size(start: Start,
                                                              size: tuple[int, int]) -> None:
    with start(lang=None, size=size, settings=Settings(None, "largest", False, 0)) as pilot:
        assert pilot.scene == "language"
        assert_tidy(pilot)
        pilot.click("lang_fr")
        assert pilot.scene == "title"
        assert_tidy(pilot)
        for menu in ("scenarios", "settings"):
            pilot.click(menu)
            assert_tidy(pilot)
            pilot.press(pygame.K_ESCAPE)
            assert pilot.scene == "title"


def test_resizing_keeps_the_scene_and_its_state(pilot: Pilot) -> None:
    pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
    pilot.click("tab_post")
    pilot.click("post_tone_next")
    tone = pilot.widget("post_tone").text
    pilot.resize((1600, 900))
    assert pilot.scene == "decide" and pilot.widget("post_tone").text == tone
    assert pilot.widget("end_turn").rect.right > 1280


def test_f11_toggles_full_screen(pilot: Pilot) -> None:
    pilot.press(pygame.K_F11)
    assert pilot.app.fullscreen
    pilot.press(pygame.K_F11)
    assert not pilot.app.fullscreen and pilot.scene == "title"


def test_a_still_screen_is_not_redrawn(pilot: Pilot) -> None:
    pilot.step(120)  # long after the last input: nothing moves, nothing to draw
    drawn = []
    original = pilot.app.draw
    pilot.app.draw = lambda: drawn.append(1) or original()  # type: ignore[method-assign]
    pilot.app._busy_until = 0.0
    pilot.step(30)
    assert drawn == []
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_TAB, mod=0, unicode="",
                                             scancode=0))
    pilot.step()  # a frame of the window's loop, with the key (the pilot's settle: no draw)
    assert drawn


def test_main_runs_n_frames_and_exits_0(tmp_path: Path) -> None:
    status = tmp_path / "status.json"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", HD_TEST_STATUS=str(status),
               XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    done = subprocess.run([sys.executable, "main.py", "--frames", "5", "--lang", "fr"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(status.read_text("utf-8"))
    assert data["scene"] == "title" and data["language"] == "fr"
    assert "Nouvelle partie" in data["texts"]


def test_main_with_a_missing_scenario_still_starts(tmp_path: Path) -> None:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"))
    done = subprocess.run([sys.executable, "main.py", "--frames", "3", "--lang", "en",
                           "--scenario", str(tmp_path / "nope.yaml")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_likes_and_shares_count_up_when_the_feed_comes_back(pilot: Pilot) -> None:
    pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)  # to the first desk
    feed = pilot.widget("feed")
    assert not feed.animating()
    pilot.click("end_turn")
    if pilot.modal == "confirm_end":
        pilot.click("confirm_end_turn")
    pilot.click("next")
    assert pilot.scene == "feed"
    feed = pilot.widget("feed")
    assert feed.animating(), "yesterday's posts kept gathering likes overnight"
    grown = [p for p in feed.posts if feed.seen[p.key] != (p.likes, p.shares)]
    assert grown and feed.counts(grown[0]) != (grown[0].likes, grown[0].shares)
    drawn: list[tuple[int, int]] = []
    draw_content = feed.draw_content
    feed.draw_content = lambda surface, top: (drawn.append(feed.counts(grown[0])),
                                              draw_content(surface, top))
    pilot.step(60)
    assert not feed.animating() and feed.counts(grown[0]) == (grown[0].likes, grown[0].shares)
    # The numbers tick COUNT_STEPS times a second, each drawn once, always growing.
    steps = int(GROW_SECONDS * COUNT_STEPS)
    assert steps // 2 <= len(drawn) <= steps + 2, drawn
    assert drawn == sorted(drawn) and drawn[-1] == (grown[0].likes, grown[0].shares)


def test_an_unexpected_error_is_reported_not_thrown(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from game.ui import app as app_module
    from game.ui.scenes.title import TitleScene

    def broken(self: object, dt: float) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(TitleScene, "update", broken)
    args = argparse.Namespace(lang="en", scenario=None, seed=1, frames=3, fullscreen=False)
    assert app_module.run(args) == 1
    log = (tmp_path / "data" / "hashtag-diplomacy" / "crash.log").read_text("utf-8")
    assert "RuntimeError: a bug" in log


def test_rebuilding_a_screen_leaves_nothing_behind_in_pygame_guis_sprite_group(
        pilot: Pilot) -> None:
    """pygame_gui keeps the rect of every killed element in a list it never empties; the
    app empties it at every rebuild (a 1,000-turn game rebuilt screens ~10,000 times)."""
    group = pilot.app.ui.get_sprite_group()
    for _ in range(20):
        pilot.app.scene.rebuild()
        pilot.step(2)
    assert group.lostsprites == []
    assert len(group.sprites()) < 200  # the title screen's widgets, not twenty copies


def test_a_buttons_other_looks_are_drawn_when_first_shown_as_pygame_gui_draws_them(
        pilot: Pilot) -> None:
    """Buttons do not draw their hovered, selected and pressed looks ahead of time (the UI's
    main cost); drawn when shown, they are what pygame_gui draws ahead for its own."""
    button = pilot.widget("new_game")
    pilot.step(10)
    assert not button.drawable_shape.states["hovered"].generated
    reference = pilot.app.scene.button("reference", button.text, button.relative_rect.copy(),
                                       None, primary=True)
    reference.drawable_shape.redraw_all_states()  # pygame_gui's own way: all ahead
    pilot.step(10)
    assert reference.drawable_shape.states["hovered"].generated
    for look, show in (("hovered", button.on_hovered), ("selected", button.select),
                       ("active", lambda: button.drawable_shape.set_active_state("active"))):
        show()
        ours = button.drawable_shape.states[look]
        theirs = reference.drawable_shape.states[look]
        assert ours.generated
        assert pygame.image.tobytes(ours.surface, "RGBA") == \
            pygame.image.tobytes(theirs.surface, "RGBA"), look
    assert pygame.image.tobytes(button.drawable_shape.states["hovered"].surface, "RGBA") != \
        pygame.image.tobytes(button.drawable_shape.states["normal"].surface, "RGBA")
