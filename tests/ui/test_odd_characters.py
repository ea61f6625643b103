"""Odd characters on screen (issue 15): a scenario imported before control characters were
refused (a NUL in its title) is listed as not playable, and drawing NULs, surrogates and
escape sequences never stops the game."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pygame

from game import paths
from game.ui.pilot import Pilot
from game.ui.theme import Theme
from tests.ui.conftest import MINIMAL

Start = Callable[..., AbstractContextManager[Pilot]]


def test_a_scenario_with_a_nul_is_listed_and_the_list_still_works(start: Start) -> None:
    folder = paths.user_scenarios_dir() / "imported_before"
    folder.mkdir(parents=True)
    text = MINIMAL.read_text("utf-8").replace('en: "Minimal scenario"', 'en: "A\\0B\\e[2J"', 1)
    (folder / "scenario.yaml").write_text(text, "utf-8")
    odd_name = paths.user_scenarios_dir() / "odd\x1b]0;T\x07.yaml"
    odd_name.write_text(text, "utf-8")
    with start(lang="en", scenario=None) as pilot:
        pilot.tab_to("scenarios")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "picker"
        listing = pilot.widget("scenario_list")
        broken = [i for i, item in enumerate(listing.items) if not item.enabled]
        assert len(broken) == 2
        for index in broken:
            pilot.click("scenario_list", index)
            pilot.step(3)  # drawn: the title with its NUL, the file name with its ESC
            assert not pilot.enabled("play")
            assert pilot.shows("invisible control character U+0000") or pilot.shows(
                "invisible control character")
        playable = next(i for i, item in enumerate(listing.items) if item.enabled)
        pilot.click("scenario_list", playable)
        pilot.click("play")
        assert pilot.scene == "briefing"


def test_the_fonts_draw_any_text(start: Start) -> None:
    with start(lang="en", scenario=None):
        font = Theme().font("body")
        for text in ("A\x00B", "\ud800", "\x1b[2J\x07", "\u202eabc", "tab\tnew\nline"):
            assert font.render(text, True, (0, 0, 0)).get_width() > 0
            assert font.size(text)[0] > 0
