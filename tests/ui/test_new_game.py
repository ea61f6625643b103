"""“New game” for a first-time student: the scenario list, the tutorial first and selected."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame

from game import paths
from game.ui.pilot import Pilot
from tests.ui.authoring_kit import scenario_folder

Start = Callable[..., AbstractContextManager[Pilot]]


def test_new_game_opens_the_list_with_the_tutorial_first(start: Start) -> None:
    with start(scenario=None) as pilot:
        assert pilot.focused == "new_game"
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "picker" and pilot.focused == "scenario_list"
        listing = pilot.widget("scenario_list")
        assert listing.selected == 0 and listing.items[0].title.startswith("Tutorial")
        assert any("Start here" in text for text, _colour in listing.items[0].lines)
        assert not any("Start here" in text for item in listing.items[1:]
                       for text, _colour in item.lines)
        assert pilot.shows("Start here: a short first game that shows each kind of action.")
        pilot.press(pygame.K_RETURN)  # Enter twice from the title: the tutorial starts
        assert pilot.scene in ("briefing", "questions")
        assert pilot.game.scenario.meta.id == "tutorial"


def test_the_tutorial_leads_the_list_in_french_too(start: Start) -> None:
    with start(scenario=None, lang="fr") as pilot:
        pilot.click("new_game")
        first = pilot.widget("scenario_list").items[0]
        assert first.title.startswith("Tutoriel")
        assert any("Commencez ici" in text for text, _colour in first.lines)


def test_a_user_scenario_does_not_push_the_tutorial_down(start: Start) -> None:
    folder = paths.user_scenarios_dir()
    folder.mkdir(parents=True)
    scenario_folder(folder, "aaa_first_by_name")
    with start(scenario=None) as pilot:
        pilot.click("new_game")
        titles = [item.title for item in pilot.widget("scenario_list").items]
        assert titles[0].startswith("Tutorial") and len(titles) >= 2


def test_an_author_with_a_broken_file_fixes_it_and_reads_it_again(start: Start,
                                                                  tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path)
    good = (folder / "scenario.yaml").read_text("utf-8")
    (folder / "scenario.yaml").write_text(good.replace("  turns: 4\n", "  turnz: 4\n"),
                                          "utf-8")
    with start(scenario=folder) as pilot:
        pilot.press(pygame.K_RETURN)
        assert pilot.modal == "broken" and pilot.shows("Cannot be played")
        (folder / "scenario.yaml").write_text(good, "utf-8")
        pilot.click("read_again")
        assert pilot.modal is None and pilot.scene == "briefing"
