"""One default counter-measure everywhere: none chosen until the student picks one, and the
first one on offer is the safest (Monitor) in every scenario; counters that make no sense
now (used up, planned already, monitoring twice) are not offered."""

from __future__ import annotations

from enum import StrEnum

import pygame
import pytest

from game.content.cache import CACHE_ENV
from game.engine import measures
from game.paths import SCENARIOS_DIR
from game.ui.pilot import Pilot
from tests.ui.test_feedback import Start


def counter_tab(pilot: Pilot, narrative: str) -> None:
    pilot.click("new_game")
    for _ in range(6):
        if pilot.scene == "decide":
            break
        pilot.press(pygame.K_RETURN)
    pilot.game.ops.launch(narrative)
    pilot.app.scene.rebuild()
    pilot.settle()
    pilot.click("tab_counter")


def offered(pilot: Pilot) -> list[str]:
    return [key for key, _text in pilot.app.scene.selectors["counter_measure"].options]


@pytest.mark.parametrize("name, narrative", [("deepfake_summit", "deepfake_video"),
                                             ("tutorial", "fake_tickets"),
                                             ("hostile_hashtag", "hashtag_rigged")])
def test_no_measure_is_chosen_and_monitor_comes_first(start: Start, name: str,
                                                      narrative: str) -> None:
    with start(lang="en", scenario=SCENARIOS_DIR / f"{name}.yaml") as pilot:
        counter_tab(pilot, narrative)
        assert pilot.widget("counter_measure").text == "Choose…"
        assert not pilot.enabled("plan_counter")
        assert offered(pilot)[:2] == ["", "monitor"]
        pilot.click("counter_measure_next")
        assert pilot.widget("counter_measure").text == "Monitor"


def test_a_counter_planned_this_turn_is_not_offered_again(start: Start) -> None:
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        counter_tab(pilot, "deepfake_video")
        pilot.click("counter_measure_next")
        pilot.click("plan_counter")
        assert pilot.game.state.planned[-1]["measure"] == "monitor"
        assert "monitor" not in offered(pilot)
        pilot.click("counter_measure_next")
        chosen = pilot.app.scene.selectors["counter_measure"].value
        pilot.click("plan_counter")
        assert chosen not in offered(pilot) and pilot.widget("counter_measure").text == "Choose…"


class _Extra(StrEnum):
    HOTLINE = "hotline"


def test_a_measure_added_to_the_registry_is_offered_and_planned_with_its_own_rules(
        start: Start, monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk reads the registry: a new measure for one audience (as prebunking is) is
    offered after Monitor, enables the audience choice, and is planned for that audience."""
    registry = measures.MEASURES.copy()
    registry.register(_Extra.HOTLINE, cost=1, needs_audience=True,
                      little="A hotline answers questions.")(lambda game, hit: None)
    monkeypatch.setattr(measures, "MEASURES", registry)
    # The scenario is read again with the new registry, not recalled as other tests loaded
    # it (the cache's code stamp cannot see a registry changed while the game runs).
    monkeypatch.setenv(CACHE_ENV, "off")
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        counter_tab(pilot, "deepfake_video")
        assert offered(pilot)[:2] == ["", "monitor"] and "hotline" in offered(pilot)
        selector = pilot.app.scene.selectors["counter_measure"]
        while selector.value != "hotline":
            pilot.click("counter_measure_next")
        assert pilot.enabled("counter_audience_next")
        pilot.click("plan_counter")
        planned = pilot.game.state.planned[-1]
        assert planned["measure"] == "hotline" and planned["audience"] is not None
