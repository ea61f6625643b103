"""Feedback at the moment of choice: reasons on the results screen, the score broken down,
the disinformation line told before the end, topics the story has introduced, counters
never planned by a stray click."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pygame

from game import i18n
from game.content.model import Scenario
from game.engine.actions import AnswerCrisis, PostMessage
from game.engine.game import Game
from game.engine.vocabulary import Channel, Tone
from game.paths import SCENARIOS_DIR
from game.presentation import viewmodel
from game.ui.pilot import Pilot
from game.ui.scenes.briefing import briefing_blocks
from game.ui.scenes.ending import breakdown_blocks, ending_blocks
from game.ui.scenes.resolve import results_blocks
from tests.ui.test_texts import scenario  # the bundled scenario by name

Start = Callable[..., AbstractContextManager[Pilot]]
NBSP = "\u00a0"


# The language is reset around every test by tests/conftest.py.


def at_desk(s: Scenario, turn: int = 1, seed: int = 1) -> Game:
    game = Game(s, seed)
    game.start()
    game.open_desk()
    while game.state.turn < turn:
        game.pass_turn()
        game.resolve()
        game.advance()
        game.open_desk()
    return game


def texts(game: Game) -> list[str]:
    return [b.text for b in results_blocks(game)]


def after_a_confrontational_post() -> Game:
    """The tutorial's first turn resolved after one confrontational post."""
    s = scenario("tutorial")
    game = at_desk(s)
    audience = s.audiences[0]
    game.act(PostMessage(Channel(s.channel_ids[0]), audience.id, Tone.CONFRONTATIONAL,
                         s.topics[0].id, audience.language))
    game.pass_turn()
    game.resolve()
    return game


def test_a_post_says_why_its_tone_and_audience_moved_the_gauges() -> None:
    game = after_a_confrontational_post()
    audience = game.scenario.audiences[0]
    shown = texts(game)
    assert "A confrontational tone usually carries farthest and rallies home, but raises " \
        "tension and costs soft power and credibility." in shown
    assert f"{i18n.pick(audience.name)}: opinion at home; this audience amplifies the post's " \
        "effect on domestic support." in shown  # a confrontational post moves it
    i18n.set_language("fr")
    assert any(line.startswith("Un ton offensif porte en général") for line in texts(game))
    assert any(line.startswith(f"{i18n.pick(audience.name)}{NBSP}: l'opinion nationale{NBSP};")
               for line in texts(game))


def test_a_crisis_answer_gives_its_lesson_at_once() -> None:
    s = scenario("deepfake_summit")
    game = at_desk(s)
    event = game.open_crises()[0]
    assert event.crisis is not None
    choice = next(c for c in event.crisis.choices if c.lesson == "recommended" and c.debrief)
    game.act(AnswerCrisis(event.id, choice.id))
    game.pass_turn()
    game.resolve()
    assert choice.debrief is not None
    assert "Why it works: " + i18n.pick(choice.debrief) in texts(game)
    i18n.set_language("fr")
    assert f"Pourquoi ça marche{NBSP}: " + i18n.pick(choice.debrief) in texts(game)


def test_silence_names_the_crisis_it_is_about() -> None:
    s = scenario("tutorial")
    game = at_desk(s)
    while not game.state.crises:
        game.pass_turn()
        game.resolve()
        game.advance()
        game.open_desk()
    event = s.event_by_id[next(iter(game.state.crises))]
    game.pass_turn()
    game.resolve()
    title = viewmodel.crisis_title(event, s)
    assert f"Silence — “{title}”" in texts(game)


def test_the_desk_counts_the_morning_news_and_the_results_start_from_the_desk() -> None:
    """Each screen's change is the step from the figure the screen before showed: the
    desk the morning's news, the results what happened since the desk (the morning's news
    is in the figure they start from, not listed again: playtest, « 63 +2 » at the desk,
    « 67 +6 » on the results over actions adding to +4)."""
    s = scenario("tutorial")
    game = at_desk(s)
    event = s.event_by_id["platform_suspends"]  # no headline; credibility +1
    credibility = game.state.indicators["credibility"]
    game.fire(event)  # as if it had come with the morning
    shown = {g.key: g.delta for g in viewmodel.gauges(game)}
    assert shown["credibility"] == round(game.state.indicators["credibility"]) - round(
        credibility) != 0, "the desk shows what the morning's news changed"
    on_desk = round(game.state.indicators["credibility"])
    game.pass_turn()
    game.resolve()
    lines = texts(game)
    title = viewmodel.event_title(event, s)
    assert f"This morning's news — “{title}”" not in lines
    shown = {g.key: g.delta for g in viewmodel.gauges(game)}
    assert shown["credibility"] == round(game.state.indicators["credibility"]) - on_desk


def test_the_ending_breaks_the_score_down_in_both_languages() -> None:
    s = scenario("tutorial")
    game = at_desk(s)
    while not game.is_over():
        game.pass_turn()
        game.resolve()
        if not game.is_over():
            game.advance()
            game.open_desk()
    lines = [b.text for b in breakdown_blocks(game)]
    assert lines[0] == "How the score is made"
    assert lines[-1].startswith("Total: ") and lines[-1].endswith(f"{game.state.score} / 100.")
    assert any(line.startswith("Credibility ") for line in lines)
    assert any(line.startswith("The ending, “") for line in lines)
    i18n.set_language("fr")
    shown = [b.text for b in ending_blocks(game)]
    assert "Comment le score est calculé" in shown
    assert any(line.startswith(f"Total{NBSP}:") for line in shown)


def test_the_briefing_and_the_panel_tell_the_disinformation_line() -> None:
    s = scenario("tutorial")
    threshold = s.rules.disinformation_threshold
    lines = [b.text for b in briefing_blocks(s, 1)]
    assert any(f"above {threshold:.0f}% overall reach costs points" in line for line in lines)
    game = at_desk(s)
    run = next(iter(game.state.narratives.values()))
    game.ops.launch(run.id)
    game.ops.boost(run.id, threshold + 10, None)
    view = next(v for v in viewmodel.narratives(game) if v.id == run.id)
    assert view.threshold == threshold and f"above {threshold:.0f}%" in view.tags


def test_a_topic_appears_when_the_story_introduces_it() -> None:
    s = scenario("deepfake_summit")
    game = at_desk(s)
    video = next(t for t in s.topics if t.narrative == "deepfake_video")
    assert video not in viewmodel.available_topics(game)
    game.ops.launch("deepfake_video")
    assert video in viewmodel.available_topics(game)
    assert all(t.narrative is None for t in viewmodel.available_topics(at_desk(s)))


def test_no_counter_is_planned_by_a_stray_click_and_monitor_is_not_offered_twice(
        start: Start) -> None:
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        pilot.click("new_game")
        for _ in range(5):
            if pilot.scene == "decide":
                break
            pilot.press(pygame.K_RETURN)
        game = pilot.game
        game.ops.launch("deepfake_video")
        pilot.app.scene.rebuild()
        pilot.settle()
        pilot.click("tab_counter")
        assert not pilot.enabled("plan_counter")  # no measure chosen yet
        assert pilot.widget("counter_measure").text == "Choose…"
        pilot.click("counter_measure_next")
        measure = pilot.widget("counter_measure").text
        assert pilot.enabled("plan_counter")
        pilot.click("plan_counter")
        assert len(game.state.planned) == 1 and viewmodel.describe_action(
            game, game.state.planned[0]).startswith(measure)
        assert not pilot.enabled("plan_counter"), "chosen again for the next counter"
        game.state.narratives["deepfake_video"].monitored = True
        pilot.app.scene.rebuild()
        pilot.settle()
        options = [text for _, text in pilot.app.scene.selectors["counter_measure"].options]
        assert "Monitor" not in options and "Monitor (unavailable)" in options


def test_the_student_picks_a_wording_and_the_feed_and_the_save_keep_it(start: Start) -> None:
    with start(lang="fr", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        pilot.click("new_game")
        for _ in range(5):
            if pilot.scene == "decide":
                break
            pilot.press(pygame.K_RETURN)
        game = pilot.game
        pilot.click("tab_post")
        first = pilot.widget("post_wording").full_text
        pilot.click("post_wording_next")  # the topic's second draft
        chosen = pilot.widget("post_wording").full_text.strip("«»\u00a0")
        assert chosen != first
        assert any(chosen in text for text in pilot.texts()), "the preview says it"
        pilot.click("plan_post")
        assert game.state.planned[-1]["wording"] == "1"
        game.pass_turn()
        game.resolve()
        post = next(p for p in game.state.feed if p.kind == "player")
        assert post.post is not None and post.post["wording"] == "1"
        text = viewmodel.post_text(game.scenario, post.post)
        # (The selector's label draws no-break spaces as spaces.)
        assert text.replace("\u00a0", " ").endswith(chosen.replace("\u00a0", " "))
        restored = type(game.state).from_dict(game.state.to_dict())
        again = next(p for p in restored.feed if p.kind == "player")
        assert again.post is not None and viewmodel.post_text(game.scenario, again.post) == text


def test_the_first_wording_leaves_the_record_as_it_was() -> None:
    from game.engine.actions import action_from_dict, action_to_dict

    s = scenario("tutorial")
    post = PostMessage(Channel(s.channel_ids[0]), s.audiences[0].id, Tone.FACTUAL,
                       s.topics[0].id, "en")
    assert "wording" not in action_to_dict(post)
    assert action_from_dict(action_to_dict(post)) == post
    chosen = PostMessage(post.channel, post.audience, post.tone, post.topic, "en", "1")
    assert action_from_dict(action_to_dict(chosen)) == chosen


def test_the_most_liked_post_is_called_out_with_why() -> None:
    game = after_a_confrontational_post()
    shown = texts(game)
    call = next(i for i, line in enumerate(shown)
                if line.startswith("Your most-liked post so far: "))
    assert "confrontational tone" in shown[call]
    assert shown[call + 1].endswith("Likes are not the score.")
    game.advance()
    game.open_desk()
    game.pass_turn()
    game.resolve()
    assert not any(line.startswith("Your most-liked post") for line in texts(game)), \
        "called out once, the turn it happens"


def test_the_public_answers_each_post_in_the_feed() -> None:
    from game.presentation import labels

    s = scenario("tutorial")
    game = at_desk(s)
    audience = next(a for a in s.audiences if a.language in ("fr", "en"))
    other = "en" if audience.language == "fr" else "fr"
    for language in (audience.language, other):
        game.act(PostMessage(Channel(s.channel_ids[0]), audience.id, Tone.FACTUAL,
                             s.topics[0].id, language))
    game.pass_turn()
    game.resolve()
    views = viewmodel.feed_posts(game)
    replies = [(views[i - 1], v) for i, v in enumerate(views) if v.kind == "reply"]
    assert len(replies) == 2 and all(post.kind == "player" for post, _ in replies)
    with labels.in_language(audience.language):
        expected = {i18n._(text) for text in labels.REPLIES["factual"]}
        asks = i18n._(labels.REPLY_OTHER_LANGUAGE)
    handle = s.country.handle + " "
    said = [reply.text.removeprefix(handle) for _, reply in replies]
    assert all(reply.text.startswith(handle) for _, reply in replies)
    assert sorted(text in expected for text in said) == [False, True]
    assert asks in said, "a post not in its language"
    assert len(game.state.feed) == sum(v.kind != "reply" for v in views), "not game state"


def test_the_briefing_names_its_sources_by_title() -> None:
    s = scenario("deepfake_summit")
    line = next(b.text for b in briefing_blocks(s, 1) if b.text.startswith("Sources: "))
    assert ".txt" not in line and "“" in line


def test_a_post_and_its_reply_in_another_language_than_the_interface_say_which() -> None:
    """The English public answers an English post in English (realistic): in a French
    interface the post and the reply are marked « en anglais », a French one is not."""
    i18n.set_language("fr")
    s = scenario("deepfake_summit")
    game = at_desk(s)
    english = next(a for a in s.audiences if a.language == "en")
    french = next(a for a in s.audiences if a.language == "fr")
    for audience in (english, french):
        game.act(PostMessage(Channel(s.channel_ids[0]), audience.id, Tone.FACTUAL,
                             s.topics[0].id, audience.language))
    game.pass_turn()
    game.resolve()
    views = viewmodel.feed_posts(game)
    pairs = [(views[i - 1], v) for i, v in enumerate(views) if v.kind == "reply"]
    assert len(pairs) == 2
    marks = {}
    for post, reply in pairs:
        marks[post.tag.endswith(" · en anglais")] = reply.tag
        assert post.tag.endswith(" · en anglais") == reply.tag.endswith(" · en anglais")
    assert set(marks) == {True, False}
    assert marks[False] == "en réponse à " + s.country.handle
    i18n.set_language("en")
    views = viewmodel.feed_posts(game)
    assert sum(v.tag.endswith(" · in French") for v in views) == 2  # the French pair now
