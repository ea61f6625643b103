"""One default counter-measure everywhere: none chosen until the student picks one, and the
first one on offer is the safest (Monitor) in every scenario; every measure of the
scenario stays in its place all game long, and those that make no sense now (used up,
planned already, monitoring twice) are shown greyed out with the reason, never planned."""

from __future__ import annotations

from enum import StrEnum

import pygame
import pytest

from game.content.cache import CACHE_ENV
from game.engine import measures
from game.paths import SCENARIOS_DIR
from game.presentation import labels, viewmodel
from game.ui.pilot import Pilot
from game.ui.scenes import desk
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


def choose(pilot: Pilot, measure: str) -> None:
    selector = pilot.app.scene.selectors["counter_measure"]
    for _ in range(len(selector.options)):
        if selector.value == measure:
            return
        pilot.click("counter_measure_next")
    raise AssertionError(f"{measure} is not in the list")


def test_a_counter_planned_this_turn_stays_in_its_place_and_cannot_be_planned_again(
        start: Start) -> None:
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        counter_tab(pilot, "deepfake_video")
        before = offered(pilot)
        choose(pilot, "report")
        pilot.click("plan_counter")
        assert pilot.game.state.planned[-1]["measure"] == "report"
        assert pilot.widget("counter_measure").text == "Choose…"  # chosen again each time
        assert offered(pilot) == before
        choose(pilot, "report")  # at the same number of clicks as before
        assert pilot.widget("counter_measure").full_text == \
            "Report to the platform (unavailable)"  # the reason in full is on the message line
        assert not pilot.enabled("plan_counter")
        desk.plan_counter(pilot.app.scene)  # what the button would do: nothing
        pilot.settle()
        assert [p["measure"] for p in pilot.game.state.planned] == ["report"]
        assert "Report to the platform: already in this turn's plan." in " ".join(
            b.text for b in pilot.widget("message").blocks)


def test_monitoring_twice_is_greyed_out_though_the_rules_would_allow_it(start: Start) -> None:
    with start(lang="fr", scenario=SCENARIOS_DIR / "tutorial.yaml") as pilot:
        counter_tab(pilot, "fake_tickets")
        pilot.game.state.narratives["fake_tickets"].monitored = True
        pilot.app.scene.rebuild()
        pilot.settle()
        choose(pilot, "monitor")
        assert pilot.widget("counter_measure").full_text == "Surveiller (indisponible)"
        assert "Surveiller\u00a0: déjà en place sur ce récit." in " ".join(
            b.text for b in pilot.widget("message").blocks)
        assert not pilot.enabled("plan_counter")
        desk.plan_counter(pilot.app.scene)  # the rules allow it: the desk does not
        pilot.settle()
        assert pilot.game.state.planned == []
        # The keyboard walks the same list: from "Choose…", Right lands on Monitor, greyed
        # out, not skipped; Left goes back.
        pilot.app.scene.memory["counter"]["measure"] = ""
        pilot.app.scene.rebuild()
        pilot.settle()
        pilot.tab_to("counter_measure")
        pilot.press(pygame.K_RIGHT)
        assert pilot.app.scene.selectors["counter_measure"].value == "monitor"
        assert not pilot.enabled("plan_counter")
        pilot.press(pygame.K_LEFT)
        assert pilot.widget("counter_measure").text == "Choisir…"


def test_the_list_of_measures_never_changes_over_a_game(start: Start) -> None:
    """Every turn, before and after each plan, the same values in the same order, however
    many are used up, planned or in effect; what is greyed out matches the rules."""
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        counter_tab(pilot, "deepfake_video")
        game = pilot.game
        order = offered(pilot)
        assert order == ["", *viewmodel.measure_order(game)]
        assert set(order[1:]) == {str(m) for m in game.scenario.measures}
        greyed: set[str] = set()
        for _turn in range(4):
            if pilot.scene != "decide":
                break
            pilot.click("tab_counter")
            for measure in ("monitor", "report", "factcheck", "debunk"):
                if game.state.budget <= 0:
                    break
                assert offered(pilot) == order
                choose(pilot, measure)
                off = viewmodel.measure_unavailable(game, pilot.app.scene.memory[
                    "counter"]["narrative"], measure)
                assert pilot.enabled("plan_counter") == (off is None)
                if off is not None:
                    greyed.add(off)
                    assert pilot.widget("counter_measure").full_text.endswith(
                        " (unavailable)")
                planned = len(game.state.planned)
                desk.plan_counter(pilot.app.scene)
                pilot.settle()
                assert len(game.state.planned) == planned + (off is None)
                assert offered(pilot) == order
            pilot.click("end_turn")
            if pilot.modal == "confirm_end":
                pilot.click("confirm_end_turn")
            for _ in range(8):
                if pilot.scene == "decide":
                    break
                pilot.press(pygame.K_RETURN)
        assert {"in_effect", "measure_used"} & greyed, "the game greyed nothing out"


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


def test_a_measure_picked_but_not_planned_is_not_chosen_next_turn(start: Start) -> None:
    """Shot 45: the measure left in the selector at the end of a turn, planned by one
    click on Plan the next turn; and one picked for a narrative, kept for another."""
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        counter_tab(pilot, "deepfake_video")
        choose(pilot, "debunk")
        assert pilot.enabled("plan_counter")
        pilot.click("end_turn")
        if pilot.modal == "confirm_end":
            pilot.click("confirm_end_turn")
        for _ in range(8):
            if pilot.scene == "decide" and pilot.game.state.turn == 2:
                break
            pilot.press(pygame.K_RETURN)
        assert pilot.scene == "decide" and pilot.game.state.turn == 2
        pilot.click("tab_counter")
        assert pilot.widget("counter_measure").text == "Choose…"
        assert not pilot.enabled("plan_counter")
        pilot.game.ops.launch(next(n.id for n in pilot.game.scenario.narratives
                                   if n.id != "deepfake_video"))
        pilot.app.scene.rebuild()
        pilot.settle()
        choose(pilot, "monitor")
        pilot.click("counter_narrative_next")
        assert pilot.widget("counter_measure").text == "Choose…"
        assert not pilot.enabled("plan_counter")


def test_the_technique_sentence_stays_once_a_measure_is_picked(start: Start) -> None:
    """Shot 32: the one sentence on the technique vanished when a measure was chosen."""
    with start(lang="fr", scenario=SCENARIOS_DIR / "tutorial.yaml") as pilot:
        counter_tab(pilot, "fake_tickets")
        game = pilot.game
        technique = game.scenario.narrative_by_id["fake_tickets"].technique
        help_text = labels.label(labels.TECHNIQUE_HELP, technique)
        assert help_text in [b.text for b in pilot.widget("counter_help").blocks]
        choose(pilot, "report")
        texts = [b.text for b in pilot.widget("counter_help").blocks]
        assert help_text in texts
        # The measure named in full before what it does (its selector may cut the name).
        named = [t for t in texts if labels.label(labels.MEASURE_HELP, "report") in t]
        assert named and named[0].startswith(labels.label(labels.MEASURES, "report"))


def test_a_narrative_that_appeared_today_is_the_one_the_form_shows(start: Start) -> None:
    """Shot 117: the form kept the old narrative when a new one had just appeared."""
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        pilot.click("new_game")
        game = None
        for _ in range(80):
            if pilot.scene == "decide":
                game = pilot.game
                today = [r for r in game.live_narratives()
                         if r.launched_turn == game.state.turn]
                if today and len(game.live_narratives()) > 1:
                    break
                pilot.click("tab_counter")  # the form remembers a narrative turn after turn
                pilot.click("end_turn")
                if pilot.modal == "confirm_end":
                    pilot.click("confirm_end_turn")
            else:
                pilot.press(pygame.K_RETURN)
        assert game is not None and today, "no turn with a new narrative beside an old one"
        pilot.click("tab_counter")
        assert desk.counter_choices(pilot.app.scene)["narrative"] == today[-1].id
