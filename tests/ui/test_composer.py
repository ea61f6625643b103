"""The student writes: the composer offers a topic's drafts and "Write my own…"; the words
chosen or typed (accents included) are what the preview, the feed and the save say, and never
change the post's effects.  Topics appear once the story has introduced them."""

from __future__ import annotations

import pygame
import pytest

from game import i18n
from game.engine.actions import MAX_POST_CHARS, PostMessage, action_from_dict, post_words
from game.engine.vocabulary import Channel, Tone
from game.i18n import french_typography
from game.paths import SCENARIOS_DIR
from game.presentation import viewmodel
from game.ui.pilot import Pilot
from game.ui.settings import Settings
from tests.ui.test_feedback import Start, at_desk
from tests.ui.test_texts import scenario  # the bundled scenario by name

OWN = "Vérifiez : la vidéo est un montage. Écrivez-nous !"
POSTED = french_typography(OWN)  # a post in French gets French typography


def to_the_post_tab(pilot: Pilot) -> None:
    pilot.click("new_game")
    for _ in range(5):
        if pilot.scene == "decide":
            break
        pilot.press(pygame.K_RETURN)
    pilot.click("tab_post")


def choose_own(pilot: Pilot) -> None:
    for _ in range(10):
        if pilot.app.scene.selectors["post_wording"].value == viewmodel.OWN_WORDING:
            return
        pilot.click("post_wording_next")
    raise AssertionError("no “Write my own…” among the wordings")


def test_own_words_typed_with_accents_are_posted_shown_and_saved(start: Start) -> None:
    with start(lang="fr", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        to_the_post_tab(pilot)
        game = pilot.game
        assert not pilot.has("post_own"), "no field until the student chooses to write"
        choose_own(pilot)
        assert pilot.widget("post_wording").full_text == "Écrire mon propre message…"
        assert not pilot.enabled("plan_post"), "nothing to post yet"
        pilot.click("post_own")
        assert pilot.focused == "post_own"
        pilot.type(OWN + "\x07")  # a control character typed or pasted is dropped
        assert pilot.widget("post_own").text == OWN
        assert any(POSTED in text for text in pilot.texts()), "the preview says it"
        left = MAX_POST_CHARS - len(OWN)
        assert pilot.shows(f"{left}\u00a0caractères restants")
        pilot.press(pygame.K_BACKSPACE)
        assert pilot.widget("post_own").text == OWN[:-1]
        pilot.type("!")
        assert pilot.enabled("plan_post")
        pilot.click("plan_post")
        planned = game.state.planned[-1]
        assert planned["wording"] == "own" and planned["text"] == POSTED
        assert "\u00a0:" in POSTED and "\u202f!" in POSTED
        game.pass_turn()
        game.resolve()
        post = next(p for p in game.state.feed if p.kind == "player")
        assert post.post is not None and viewmodel.post_text(game.scenario, post.post) == POSTED
        assert viewmodel.is_own_post(post.post)
        restored = type(game.state).from_dict(game.state.to_dict())
        again = next(p for p in restored.feed if p.kind == "player")
        assert again.post is not None
        assert viewmodel.post_text(game.scenario, again.post) == POSTED
        assert restored.turn_log[0][0]["text"] == POSTED  # a replay posts the same words


def test_a_chosen_draft_is_the_words_posted(start: Start) -> None:
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        to_the_post_tab(pilot)
        game = pilot.game
        topic = game.scenario.topic_by_id[pilot.app.scene.selectors["post_topic"].value]
        pilot.click("post_wording_next")
        pilot.click("plan_post")
        planned = game.state.planned[-1]
        expected = viewmodel.post_wordings(game.scenario, planned)[1]
        # The draft in the post's language (the audience's), whatever the interface's.
        assert topic.drafts and expected == topic.drafts[1].get(planned["language"])
        assert planned["wording"] == "1" and planned["text"] == expected


def test_the_words_never_change_the_effects() -> None:
    s = scenario("deepfake_summit")
    ends = []
    for words in ("", OWN, "x" * MAX_POST_CHARS):
        game = at_desk(s)
        game.act(PostMessage(Channel("microblog"), s.audiences[0].id, Tone.FACTUAL, "summit", "fr",
                              "own" if words else "", words))
        game.pass_turn()
        game.resolve()
        ends.append((game.state.indicators, {k: r.weighted
                                             for k, r in game.state.narratives.items()}))
    assert ends[0] == ends[1] == ends[2]


def test_posted_words_are_cleaned_and_bounded() -> None:
    assert post_words("a\nb\tc\u202e d\x00") == "a b c d"
    assert len(post_words("é" * 1000)) == MAX_POST_CHARS
    hostile = {"kind": "post", "channel": "microblog", "audience": "a", "tone": "factual",
               "topic": "t", "language": "fr", "wording": "own", "text": "x\x1b[31m" * 200}
    action = action_from_dict(hostile)
    assert isinstance(action, PostMessage)
    assert "\x1b" not in action.text and len(action.text) <= MAX_POST_CHARS


def test_a_topic_appears_from_its_turn_or_after_its_event() -> None:
    s = scenario("deepfake_summit")
    first = s.topics[0]
    event = next(e for e in s.events if e.turn == 2)
    later = first.model_copy(update={"id": "later", "from_turn": 2})
    after = first.model_copy(update={"id": "after", "after_event": event.id})
    s2 = s.model_copy(update={"topics": [*s.topics, later, after]})
    s2.__dict__.pop("topic_by_id", None)
    game = at_desk(s2)
    shown = {t.id for t in viewmodel.available_topics(game)}
    assert "later" not in shown and "after" not in shown
    game = at_desk(s2, turn=2)
    shown = {t.id for t in viewmodel.available_topics(game)}
    assert {"later", "after"} <= shown


def test_a_v1_topic_without_drafts_offers_the_tone_wordings() -> None:
    s = scenario("tutorial")
    topic = s.topics[0].model_copy(update={"drafts": []})
    s2 = s.model_copy(update={"topics": [topic]})
    post = {"topic": topic.id, "tone": "factual", "language": "en"}
    assert viewmodel.post_wordings(s2, post) and viewmodel.post_text(s2, post).startswith(
        "The Culture Week — ")


def test_with_the_largest_text_the_own_words_are_written_and_planned_in_the_preview(
        start: Start) -> None:
    from game.ui.settings import Settings

    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml",
               settings=Settings("en", "largest", False, 0)) as pilot:
        to_the_post_tab(pilot)
        choose_own(pilot)
        assert pilot.modal == "preview", "no room in the form: the field opens in the preview"
        assert not pilot.enabled("preview_plan")
        assert pilot.shows("Write your post in the field, or choose one of the drafts.")
        pilot.tab_to("post_own")  # the keyboard reaches the field
        pilot.type("Ça marche : « oui » !")
        assert pilot.enabled("preview_plan")
        pilot.click("preview_plan")
        assert pilot.modal is None
        assert pilot.game.state.planned[-1]["text"] == "Ça marche\u00a0: «\u00a0oui\u00a0»\u202f!"
        assert pilot.app.scene.memory["post"]["own_text"] == "", "the field is empty again"


def test_the_box_wraps_words_and_cuts_only_what_cannot_fit() -> None:
    from game.ui.widgets.textbox import wrap_spans

    def fits(s: str) -> bool:
        return len(s.rstrip(" ")) <= 10

    text = "Vérifiez la source avant de partager"
    lines = [text[a:b] for a, b in wrap_spans(text, fits)]
    assert "".join(lines) == text and all(fits(line) for line in lines)
    assert lines[0] == "Vérifiez " and lines[1] == "la source "
    long = "x" * 25
    long_lines = [long[a:b] for a, b in wrap_spans(long, fits)]
    assert long_lines == ["x" * 10, "x" * 10, "x" * 5]
    assert wrap_spans("", fits) == [(0, 0)]


def test_tab_goes_from_the_open_tab_to_its_form_and_arrows_follow_the_tabs(
        start: Start) -> None:
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        to_the_post_tab(pilot)
        assert pilot.focused == "tab_post"
        pilot.press(pygame.K_TAB)
        assert pilot.focused == "post_channel", "Tab leads from the tab bar into the form"
        pilot.tab_to("tab_news")  # every tab is still reached with Tab
        pilot.tab_to("tab_counter")
        pilot.press(pygame.K_LEFT)
        assert pilot.focused == "tab_crises"
        pilot.press(pygame.K_LEFT)
        assert pilot.focused == "tab_post", "arrows go through the tabs as drawn"
        for _ in range(4):
            pilot.press(pygame.K_RIGHT)
        assert pilot.focused == "tab_plan", "and stop at the last one"


def test_the_end_turn_dialog_sums_up_the_plan_with_the_words_and_the_waiting_crises(
        start: Start) -> None:
    with start(lang="fr", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        to_the_post_tab(pilot)
        choose_own(pilot)
        pilot.click("post_own")
        pilot.type(OWN)
        pilot.click("plan_post")
        crises = pilot.game.open_crises()
        pilot.click("end_turn")
        assert pilot.modal == "confirm_end"
        assert pilot.shows("Prévu pour ce tour\u00a0:")
        assert any(POSTED in text for text in pilot.texts()), "the post's own words"
        assert pilot.shows(f"{len(crises)}\u00a0crise attend encore une réponse\u00a0:")
        assert pilot.clipped() == [] and pilot.offscreen() == []


def test_continue_lands_on_the_tab_and_the_unfinished_words_the_student_left(
        start: Start) -> None:
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        to_the_post_tab(pilot)
        choose_own(pilot)
        pilot.click("post_own")
        pilot.type("Half-written\x1b")
        pilot.click("tab_plan")
        pilot.app.autosave()  # as every step and closing the window do
    with start(lang="en", scenario=SCENARIOS_DIR / "deepfake_summit.yaml") as pilot:
        pilot.click("continue")
        assert pilot.scene == "decide" and pilot.app.scene.tab == "plan"
        pilot.click("tab_post")
        assert pilot.widget("post_own").text == "Half-written"


def test_a_hostile_desk_memory_in_a_save_is_dropped_or_cleaned() -> None:
    from game.ui.saving import desk_from_save, desk_to_save

    assert desk_from_save(["not", "a", "dict"]) == {}
    kept = desk_from_save({"tab": "plan", "tab_turn": True, "post": {
        "own_text": "a\nb" + "c" * 1000, "topic": 5, "tone": "factual"}, "counter": "x"})
    assert "tab" not in kept and kept["post"]["tone"] == "factual"
    assert "topic" not in kept["post"] and "counter" not in kept
    assert kept["post"]["own_text"].startswith("a b") and len(kept["post"]["own_text"]) <= 280
    assert desk_from_save(desk_to_save({"tab": "counter", "tab_turn": 3})) == {
        "tab": "counter", "tab_turn": 3}


def test_words_in_an_edited_record_are_shown_bounded_and_clean() -> None:
    s = scenario("deepfake_summit")
    post = {"topic": "summit", "tone": "factual", "language": "fr", "wording": "own",
            "text": "<b>x</b>\x1b[2J\u202e" + "y" * 10_000}
    shown = viewmodel.post_text(s, post)
    assert len(shown) == MAX_POST_CHARS and "\x1b" not in shown and "\u202e" not in shown
    assert shown.startswith("<b>x</b>")  # escaped where it is HTML, drawn as is on screen


@pytest.mark.parametrize("lang", ["fr", i18n.PSEUDO_LANGUAGE])
def test_the_notes_under_the_preview_are_never_cut_at_normal_text_size(
        start: Start, lang: str) -> None:
    """Own words take the preview's room: the notes (how the post will land, characters
    left, cost) stay whole in sight for every audience, the card scrolling above them."""
    with start(lang=lang, scenario=SCENARIOS_DIR / "hostile_hashtag.yaml",
               settings=Settings(lang, "normal", False, 0)) as pilot:
        to_the_post_tab(pilot)
        choose_own(pilot)
        pilot.tab_to("post_own")
        pilot.type("Un texte à nous, " * 6)
        pinned = 0
        for _ in pilot.app.scene.selectors["post_audience"].options:
            pilot.click("post_audience_next")
            preview = pilot.widget("preview")
            assert len(preview.notes) >= 2
            assert "preview" not in pilot.clipped(), [text for text, _ in preview.notes]
            pinned += bool(preview.pinned)
        assert pinned, "the case this guards: card and notes do not both fit"
