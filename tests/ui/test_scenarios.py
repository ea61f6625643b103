"""The scenario picker lists bundled and user scenarios; a broken one says why and the game
goes on; a game continues from its autosave."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame

from game import paths
from game.ui.pilot import Pilot
from game.ui.session import Session, discover
from tests.ui.conftest import MINIMAL

Start = Callable[..., AbstractContextManager[Pilot]]

BROKEN = """schema_version: 1
meta:
  id: broken
  title: {fr: "Cassé", en: "Broken"}
  turns: many
"""


def user_folder() -> Path:
    folder = paths.user_scenarios_dir()
    folder.mkdir(parents=True)
    return folder


def test_discovery_lists_bundled_user_and_command_line_scenarios() -> None:
    folder = user_folder()
    (folder / "mine.yaml").write_text(MINIMAL.read_text("utf-8"), encoding="utf-8")
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "notes.txt").write_text("not a scenario", encoding="utf-8")
    entries = discover(Path("no/such/file.yaml"))
    origins = [e.origin for e in entries]
    assert origins[0] == "command line" and not entries[0].playable
    assert "no such file" in entries[0].problem()
    assert "bundled" in origins
    user = {e.path.name: e for e in entries if e.origin == "user"}
    assert set(user) == {"mine.yaml", "broken.yaml"}
    assert user["mine.yaml"].playable
    problem = user["broken.yaml"].problem()
    assert problem.startswith("Cannot be played: ") and " errors, first: " in problem
    assert "first: broken.yaml:" in problem  # file:line: message


def test_a_broken_scenario_is_listed_and_the_game_goes_on(start: Start) -> None:
    (user_folder() / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    with start(lang="fr", scenario=None) as pilot:
        pilot.tab_to("scenarios")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "picker"
        assert pilot.shows("Injouable\u00a0: ")
        listing = pilot.widget("scenario_list")
        broken = next(i for i, item in enumerate(listing.items) if not item.enabled)
        pilot.click("scenario_list", broken)
        assert not pilot.enabled("play")
        pilot.press(pygame.K_RETURN)  # Enter on a broken entry does nothing
        assert pilot.scene == "picker"
        playable = next(i for i, item in enumerate(listing.items) if item.enabled)
        pilot.click("scenario_list", playable)
        pilot.click("play")
        assert pilot.scene == "briefing"


def test_a_game_continues_from_its_autosave(start: Start) -> None:
    with start(lang="en") as pilot:
        assert not pilot.enabled("continue")
        pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
        assert pilot.scene == "decide"
        turn, seed = pilot.game.state.turn, pilot.game.state.seed
        pilot.press(pygame.K_ESCAPE)
        pilot.tab_to("to_title")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "title" and pilot.game is None
        assert pilot.enabled("continue")
        pilot.click("continue")
        assert pilot.scene == "decide"
        assert (pilot.game.state.turn, pilot.game.state.seed) == (turn, seed)


def test_a_damaged_autosave_is_refused_politely(tmp_path: Path) -> None:
    session = Session(save_dir=tmp_path)
    session.save_path.parent.mkdir(parents=True)
    session.save_path.write_text('{"format": "hashtag-diplomacy-autosave", "state": 3}',
                                 encoding="utf-8")
    assert session.resume() == "This file is not a Hashtag Diplomacy save."
    assert session.game is None
