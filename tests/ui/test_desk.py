"""The desk at every text size: the composer, the crisis dialog, the message line, the focus
after the last action point, today's news."""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game.paths import SCENARIOS_DIR
from game.simulation.strategies import STRATEGIES
from game.ui.pilot import Pilot
from game.ui.settings import Settings

Start = Callable[..., AbstractContextManager[Pilot]]
SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))


def to_desk(pilot: Pilot) -> None:
    pilot.click("new_game")
    for _ in range(5):
        if pilot.scene == "decide":
            return
        pilot.press(pygame.K_RETURN)
    raise AssertionError(f"never reached the desk: {pilot.scene}")


def assert_laid_out(pilot: Pilot) -> None:
    where = f"{pilot.scene}/{pilot.app.size}/{pilot.app.theme.base}"
    assert pilot.overlapping() == [], f"{where}: drawn over each other {pilot.overlapping()}"
    assert pilot.clipped() == [], f"{where}: clipped {pilot.clipped()}"
    assert pilot.offscreen() == [], f"{where}: off screen {pilot.offscreen()}"


@pytest.mark.parametrize("size", [(960, 600), (1280, 720)])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda path: path.stem)
def test_the_desk_tabs_fit_at_the_largest_text_size(start: Start, scenario: Path,
                                                    size: tuple[int, int]) -> None:
    lang = "fr" if len(scenario.stem) % 2 else "en"
    settings = Settings(lang, "largest", False, 0)
    with start(lang=lang, scenario=scenario, size=size, settings=settings) as pilot:
        to_desk(pilot)
        for tab in ("tab_post", "tab_crises", "tab_counter", "tab_plan", "tab_news"):
            pilot.click(tab)
            assert_laid_out(pilot)
        pilot.click("tab_post")
        names = [pilot.widget(f"post_{key}").full_text
                 for key in ("channel", "audience", "tone", "topic", "language")]
        shown = [pilot.widget(f"post_{key}").text
                 for key in ("channel", "audience", "tone", "topic", "language")]
        for name, text in zip(names, shown, strict=True):
            assert text == name or (text.endswith("…") and name.startswith(text[:-1]))
        assert set(names) <= set(pilot.texts())  # a cut value is still read in full


def test_a_long_topic_is_cut_with_an_ellipsis_and_shown_whole_in_the_preview(
        start: Start) -> None:
    scenario = SCENARIOS_DIR / "tweet_fuse.yaml"
    with start(lang="fr", scenario=scenario, settings=Settings("fr", "largest", False, 0)
               ) as pilot:
        to_desk(pilot)
        pilot.click("tab_post")
        topic = pilot.widget("post_topic")
        for _ in range(len(pilot.game.scenario.topics)):
            if topic.text != topic.full_text:
                break
            pilot.click("post_topic_next")
        assert topic.text.endswith("…") and topic.full_text.startswith(topic.text[:-1])
        pilot.click("show_preview")
        assert pilot.modal == "preview"
        assert any(topic.full_text in text for text in pilot.texts())


# The smallest window at the largest text: the earthquake's four answers (kept about the
# same length, so that length gives nothing away) no longer all fit in a larger one.
@pytest.mark.parametrize("size", [(960, 600)])
def test_a_crisis_with_four_answers_says_there_are_more_and_scrolls_to_each(
        start: Start, size: tuple[int, int]) -> None:
    scenario = SCENARIOS_DIR / "earthquake_72h.yaml"
    with start(lang="fr", scenario=scenario, size=size,
               settings=Settings("fr", "largest", True, 0)) as pilot:
        to_desk(pilot)
        pilot.click("tab_crises")
        pilot.press(pygame.K_1)
        assert pilot.modal == "crisis"
        assert_laid_out(pilot)
        choices = pilot.widget("crisis_choices")
        assert len(choices.items) == 4
        event = pilot.game.open_crises()[0]
        assert [item.key for item in choices.items] == [
            c.id for c in pilot.game.choices_shown(event)], "the game's shuffled order"
        assert choices.max_scroll > 0, "the test needs answers that do not all fit"
        assert choices.more_below  # the band says there is more
        for index in range(1, 4):
            pilot.press(pygame.K_DOWN)
            placed = choices.placed[index]
            bottom = choices.view_height - (choices.more_height if choices.more_below else 0)
            assert choices.scroll <= placed.top and placed.bottom - choices.scroll <= bottom
        assert not choices.more_below  # at the end, nothing more below


def plan_post(pilot: Pilot) -> None:
    pilot.tab_to("plan_post")
    pilot.press(pygame.K_RETURN)


@pytest.mark.parametrize(("lang", "text_size"), [("fr", "largest"), ("en", "normal")])
def test_the_last_action_point_is_confirmed_and_the_focus_goes_to_end_the_turn(
        start: Start, lang: str, text_size: str) -> None:
    scenario = SCENARIOS_DIR / "tutorial.yaml"
    with start(lang=lang, scenario=scenario, settings=Settings(lang, text_size, False, 0)
               ) as pilot:
        to_desk(pilot)
        pilot.click("tab_post")
        game = pilot.game
        while game.state.budget > 1:
            plan_post(pilot)
            message = pilot.widget("message")
            assert message.max_scroll == 0, "the confirmation fits its box"
            assert pilot.focused != "end_turn"
            pilot.tab_to("post_tone")
            pilot.press(pygame.K_RIGHT)
        plan_post(pilot)
        assert game.state.budget == 0
        planned = "Au programme de ce tour" if lang == "fr" else "Planned for this turn"
        no_points = "Plus de points" if lang == "fr" else "No action points left"
        shown = " ".join(pilot.widget("message").texts())
        assert planned in shown and no_points in shown
        first = shown.split(no_points)[0]
        assert first.count(":") == 1, f"one colon, the post's own: {first!r}"
        assert ("assez de points" if lang == "fr" else "Not enough") not in shown
        assert pilot.widget("message").max_scroll == 0
        assert pilot.focused == "end_turn"
        assert_laid_out(pilot)
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "resolve"


def test_todays_news_can_be_read_again_from_the_desk(start: Start) -> None:
    scenario = SCENARIOS_DIR / "tutorial.yaml"
    with start(lang="fr", scenario=scenario) as pilot:
        pilot.click("new_game")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "feed"
        news = [text for text in pilot.widget("news").texts() if text]
        alert = pick_alert(pilot)
        assert alert in news
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "decide" and not pilot.shows(alert)
        pilot.tab_to("tab_news")
        pilot.press(pygame.K_RETURN)
        assert pilot.shows(alert)
        assert_laid_out(pilot)


def pick_alert(pilot: Pilot) -> str:
    """The alert of an event fired this turn (the tutorial's guide text)."""
    from game.i18n import pick

    game = pilot.game
    fired = [game.scenario.event_by_id[e] for e, turn in game.state.fired.items()
             if turn == game.state.turn]
    alerts = [pick(event.alert) for event in fired if event.alert is not None]
    assert alerts, "the tutorial's first turn has a guide text"
    return alerts[0]


def test_one_click_on_a_planned_action_selects_it_and_cancels_nothing(start: Start) -> None:
    """A student clicked a planned action to read it and lost it: a click selects, the
    button, Enter or a double click cancels."""
    with start(lang="fr", scenario=SCENARIOS_DIR / "tutorial.yaml") as pilot:
        to_desk(pilot)
        pilot.click("tab_post")
        plan_post(pilot)
        plan_post(pilot)
        pilot.click("tab_plan")
        game = pilot.game
        assert len(game.state.planned) == 2
        plan = pilot.widget("plan_list")
        pilot.click_at(plan.item_rect(1).center)
        assert len(game.state.planned) == 2 and plan.selected == 1
        pilot.click("cancel_planned")
        assert len(game.state.planned) == 1
        plan = pilot.widget("plan_list")
        pilot.click_at(plan.item_rect(0).center)
        pilot.click_at(plan.item_rect(0).center)  # a double click on the selected one
        assert game.state.planned == []


def form_mode(pilot: Pilot, ident: str) -> str:
    """How a selector is laid out: captions inside the buttons, beside them, or above."""
    selector = pilot.app.scene.selectors[ident]
    if selector.caption is not None:
        return "inline"
    caption = pilot.widget(f"{ident}_caption")
    return "stacked" if caption.rect.bottom <= selector.value_button.rect.top else "side"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("scenario", ["tutorial.yaml", "deepfake_summit.yaml"])
def test_the_forms_keep_one_layout_through_the_game(start: Start, scenario: str,
                                                    lang: str) -> None:
    """A playtester saw the post form's captions move into its buttons between two turns
    (a topic with a long name had appeared): each form is laid out for every topic and
    narrative of the scenario, so it keeps one layout."""
    post, counter = set(), set()
    with start(lang=lang, scenario=SCENARIOS_DIR / scenario) as pilot:
        to_desk(pilot)
        game, rng = pilot.game, random.Random(4)
        while True:
            pilot.click("tab_post")
            post.add(form_mode(pilot, "post_channel"))
            if game.live_narratives():
                pilot.click("tab_counter")
                counter.add(form_mode(pilot, "counter_narrative"))
            STRATEGIES["lesson"](game, rng)  # the rest of the turn through the engine
            if not game.budget_done():
                game.pass_turn()
            game.resolve()
            game.advance()
            if game.is_over():
                break
            game.open_desk()
            pilot.app.enter_game()
            pilot.settle()
    assert len(post) == 1, post
    assert len(counter) == 1, counter
