"""The debrief on screen: its sections and charts at every text size, replay from a turn,
the reliability questions before and after, and the export dialog."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.simulation.strategies import STRATEGIES
from game.ui.pilot import Pilot
from game.ui.settings import Settings
from game.ui.widgets.charts import ChartGrid
from tests.ui.drive import (
    answer_with_keys,
    check_screen,
    key_activate,
    keyboard_desk,
    rate_after_the_game,
)

Start = Callable[..., AbstractContextManager[Pilot]]


def play_recording(pilot: Pilot) -> dict[int, str]:
    """Play from the title to the debrief with the keyboard, keeping the state at the
    start of each turn (its feed) as JSON."""
    starts: dict[int, str] = {}
    seen: dict[str, list[str]] = {}
    pilot.press(pygame.K_RETURN)
    for _ in range(80):
        scene = pilot.scene
        if scene == "questions":
            answer_with_keys(pilot, seen)
        elif scene == "feed":
            starts.setdefault(pilot.game.state.turn, json.dumps(pilot.game.state.to_dict()))
            pilot.press(pygame.K_RETURN)
        elif scene == "decide":
            keyboard_desk(pilot, seen)
        elif scene in ("briefing", "resolve"):
            pilot.press(pygame.K_RETURN)
        elif scene == "ending":
            key_activate(pilot, "debrief")
            rate_after_the_game(pilot)
            break
    assert pilot.scene == "debrief"
    return starts


def to_the_debrief_quickly(pilot: Pilot) -> None:
    """From the title to the debrief, the game itself played by the simulator's lesson
    player through the engine: for tests of the debrief, not of the way there (a game
    through every screen with the keyboard is :func:`play_recording`'s and test_play's)."""
    if pilot.scene == "title":
        pilot.press(pygame.K_RETURN)
    while pilot.scene == "questions":
        pilot.press(pygame.K_4, pygame.K_RETURN)
    assert pilot.scene == "briefing", pilot.scene
    game, rng = pilot.game, random.Random(5)
    game.start()
    while game.play_turn(lambda g: STRATEGIES["lesson"](g, rng)):
        pass
    pilot.app.enter_game()
    pilot.settle()
    key_activate(pilot, "debrief")
    rate_after_the_game(pilot)
    assert pilot.scene == "debrief"


def debrief_texts(pilot: Pilot) -> str:
    return "\n".join(pilot.widget("debrief_text").texts())


# English at the normal then the largest size is one game, its debrief shown again once
# the settings change the size (it was one game per size; a whole English game at the
# largest size, every screen checked, is test_play's test_whole_game_at_the_largest_text_size).
@pytest.mark.parametrize(("lang", "sizes", "contrast"), [
    ("en", ("normal", "largest"), False), ("fr", ("largest",), True)])
def test_every_section_of_the_debrief(start: Start, lang: str, sizes: tuple[str, ...],
                                      contrast: bool) -> None:
    with start(lang=lang, seed=5, questions=True,
               settings=Settings(lang, sizes[0], contrast, 0)) as pilot:
        to_the_debrief_quickly(pilot)
        for size in sizes:
            if size != pilot.app.settings.text_size:
                pilot.app.apply_settings(Settings(lang, size, contrast, 0))
                pilot.settle()
            assert pilot.scene == "debrief" and pilot.app.settings.text_size == size
            every_section_shown(pilot, lang)


def every_section_shown(pilot: Pilot, lang: str) -> None:
    game = pilot.game
    check_screen(pilot, {})
    text = debrief_texts(pilot)
    fr = lang == "fr"
    for heading in (("Indicateurs, tour par tour", "Indicators, turn by turn"),
                    ("Vos décisions, tour par tour", "Your decisions, turn by turn"),
                    ("Notions\u00a0: comment vous les avez gérées",
                     "Concepts: how you handled them")):
        assert heading[0 if fr else 1] in text
    assert str(game.state.seed) in text and str(game.state.score) in text
    charts = [b.figure for b in pilot.widget("debrief_text").blocks
              if isinstance(b.figure, ChartGrid)]
    assert len(charts) == 2  # indicators, narratives
    assert len(charts[0].series) == 6
    assert [len(s.points) for s in charts[0].series] == [game.state.turn + 1] * 6
    assert len(charts[1].series) == len(game.live_narratives())
    assert text.count("Source") >= len(game.state.concepts)
    turns_with_actions = {e["turn"] for e in pilot.app.scene.report()["timeline"]}
    word = "Tour" if fr else "Turn"
    for turn in turns_with_actions:
        assert f"{word} {turn}" in text


def test_charts_fit_and_grow_with_the_text_size(start: Start) -> None:
    """One game to the debrief, shown at each text size as the settings change it (the
    screen is built again at that size; it was one game per size)."""
    heights, columns = [], []
    with start(seed=5, settings=Settings("en", "normal", False, 0)) as pilot:
        to_the_debrief_quickly(pilot)
        for size in ("normal", "large", "largest"):
            pilot.app.apply_settings(Settings("en", size, False, 0))
            pilot.settle()
            assert pilot.scene == "debrief" and pilot.app.settings.text_size == size
            view = pilot.widget("debrief_text")
            grid = next(b.figure for b in view.blocks if isinstance(b.figure, ChartGrid))
            width = view.rect.width - 2 * view.margin - view.scrollbar_width
            assert all(p.rect.x >= 0 and p.rect.right <= width for p in grid.panels)
            heights.append(grid.panels[0].rect.height)
            columns.append(len({p.rect.x for p in grid.panels}))
            view.scroll_to(grid.panels[0].rect.y)  # drawing them must not fail either
            pilot.app.draw()
    assert heights == sorted(heights) and heights[0] < heights[-1]
    assert columns == sorted(columns, reverse=True)


def test_replay_can_be_cancelled_and_restores_the_start_of_a_turn(start: Start) -> None:
    """Cancelled first, then replayed: one game played for both (they were two tests that
    each played the same game to the debrief)."""
    with start(seed=8) as pilot:
        starts = play_recording(pilot)
        ending = pilot.game.state.ending
        pilot.click("replay")
        pilot.press(pygame.K_2)
        pilot.click("replay_cancel")
        assert pilot.modal is None and pilot.scene == "debrief"
        assert pilot.game.state.ending == ending

        last = pilot.game.state.turn
        pilot.click("replay")
        assert pilot.modal == "replay"
        assert len(pilot.widget("replay_turns").items) == last
        pilot.press(pygame.K_3)
        assert pilot.modal == "replay_confirm"
        assert pilot.focused == "replay_cancel", "the safe choice has the focus"
        pilot.tab_to("replay_go")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "feed" and pilot.game.state.turn == 3
        assert json.dumps(pilot.game.state.to_dict()) == starts[3]
        # The autosave now holds the replayed game.
        assert pilot.app.session.open_save("autosave").problem is None
        assert pilot.game.state.turn == 3


def test_questions_before_with_the_keyboard_and_after_with_the_mouse(start: Start) -> None:
    with start(seed=5, questions=True) as pilot:
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "questions" and pilot.focused == "questions_start"
        pilot.press(pygame.K_RETURN)
        ids = [q.id for q in pilot.app.session.questions()]
        assert not pilot.enabled("question_next")
        pilot.press(pygame.K_6)
        assert pilot.focused == "question_next" and pilot.enabled("question_next")
        pilot.press(pygame.K_RETURN)
        pilot.click("question_back")  # back to the first: its rating is kept
        assert pilot.widget("rating_6").object_ids[-1] == "#primary"
        pilot.click("question_next")
        pilot.click("question_skip")
        while pilot.scene == "questions":
            pilot.press(pygame.K_2)
            pilot.press(pygame.K_RETURN)
        assert pilot.scene == "briefing"
        pre = pilot.app.session.answers["pre"]
        assert pre[ids[0]] == 6 and pre[ids[1]] is None
        assert all(pre[i] == 2 for i in ids[2:])
        play_recording_from_briefing(pilot)
        # The questions after the game come before the debrief shows which were reliable.
        assert pilot.scene == "questions" and pilot.shows("After the game")
        pilot.press(pygame.K_ESCAPE)  # not now: the debrief keeps the answers back
        assert pilot.scene == "debrief"
        text = debrief_texts(pilot)
        assert "Rate the headlines after the game first" in text
        assert "In fact" not in text and "not reliable" not in text
        assert pilot.enabled("post_questions") and pilot.shows("Rate the headlines after the game")
        # The report holds the answers too: it waits for the ratings.
        assert not pilot.enabled("export") and "once they are rated" in text
        pilot.click("post_questions")
        post_ids = [q.id for q in pilot.app.session.questions("post")]
        assert set(post_ids).isdisjoint(ids), "other headlines after the game"
        pilot.click("questions_start")
        for _ in post_ids:
            pilot.click("rating_7")
            pilot.click("question_next")
        # Right after the last rating: the discernment before and after, explained.
        assert pilot.scene == "questions" and pilot.focused == "questions_done"
        assert pilot.shows("What changed")
        assert "Discernment (how much higher you rated" in "\n".join(
            pilot.widget("questions_result").texts())
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "debrief"
        assert pilot.app.session.answers["post"] == {i: 7 for i in post_ids}
        text = debrief_texts(pilot)
        assert "your rating: 6" in text and "your rating: —" in text
        assert "your rating: 7" in text and "before the game, " in text
        assert "on a scale from -6 to 6" in text
        assert "In fact: not reliable" in text and "Rate the headlines after" not in text
        assert pilot.shows("Change my ratings") and pilot.enabled("export")
        pilot.click("post_questions")  # every item rated: it starts over, ratings shown
        assert pilot.scene == "questions" and pilot.focused == "questions_start"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_after_skipping_the_questions_before_nothing_refers_to_them(start: Start,
                                                                     lang: str) -> None:
    """Skipped before the game: the questions after it are not "other headlines, as before",
    the debrief does not say they differ from those before, and with every item skipped
    after the game too, it offers to rate them, not to "change my ratings"."""
    with start(lang=lang, seed=5, questions=True) as pilot:
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "questions"
        pilot.click("questions_skip")
        assert pilot.scene == "briefing"
        play_recording_from_briefing(pilot)
        assert pilot.scene == "questions"
        intro = " ".join(pilot.widget("questions_intro").texts())
        before = "qu'avant la partie" if lang == "fr" else "as before the game"
        assert before not in intro and ("Maintenant" in intro or "Now that" in intro), intro
        pilot.click("questions_skip")
        assert pilot.scene == "debrief"
        change = "Modifier mes notes" if lang == "fr" else "Change my ratings"
        rate = "Noter les titres d'après la partie" if lang == "fr" else \
            "Rate the headlines after the game"
        assert not pilot.shows(change) and pilot.shows(rate)
        assert pilot.enabled("export"), "skipping is an answer: the report is not held back"
        pilot.click("post_questions")
        assert pilot.scene == "questions" and pilot.focused == "questions_start"
        pilot.click("questions_start")
        pilot.click("rating_3")
        pilot.click("question_next")
        while pilot.scene == "questions" and pilot.has("question_skip"):
            pilot.click("question_skip")
        # No "What changed" page: with no ratings before, there is nothing to compare.
        assert pilot.scene == "debrief" and pilot.shows(change), "now there is a rating"
        text = debrief_texts(pilot)
        kinds = "du même genre" if lang == "fr" else "of the same kinds"
        assert kinds not in text
        both = "avant et après" if lang == "fr" else "before and after"
        assert both not in text  # the heading names only the ratings there are


def test_ratings_survive_a_quit_in_the_middle_of_the_questions(start: Start) -> None:
    """Each rating is saved as it is given: Continue goes on at the next unrated item."""
    with start(seed=5, questions=True) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.press(pygame.K_RETURN)  # Begin
        ids = [q.id for q in pilot.app.session.questions()]
        pilot.press(pygame.K_3, pygame.K_RETURN, pygame.K_5, pygame.K_RETURN)
        pilot.click("question_skip")
        assert pilot.app.session.answers["pre"] == {ids[0]: 3, ids[1]: 5, ids[2]: None}
        from game.engine.save import read_save

        saved = read_save(pilot.app.session.save_path)
        assert saved.extra["answers"]["pre"] == {ids[0]: 3, ids[1]: 5, ids[2]: None}
    with start(seed=5, questions=True) as pilot:  # the same data folder: a new session
        pilot.click("continue")
        assert pilot.scene == "questions"
        assert pilot.shows(f"Question 4 of {len(ids)}")
        assert pilot.app.session.answers["pre"][ids[1]] == 5
        while pilot.scene == "questions":
            pilot.press(pygame.K_4, pygame.K_RETURN)
        assert pilot.scene == "briefing"
        assert pilot.app.session.answers["pre"] == {
            **{i: 4 for i in ids}, ids[0]: 3, ids[1]: 5, ids[2]: None}


def play_recording_from_briefing(pilot: Pilot) -> None:
    seen: dict[str, Any] = {}
    for _ in range(80):
        scene = pilot.scene
        if scene == "decide":
            keyboard_desk(pilot, seen)
        elif scene in ("briefing", "feed", "resolve"):
            pilot.press(pygame.K_RETURN)
        elif scene == "ending":
            key_activate(pilot, "debrief")
            return


def test_skipping_all_the_questions(start: Start) -> None:
    with start(seed=5, questions=True) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.click("questions_skip")
        assert pilot.scene == "briefing"
        assert set(pilot.app.session.answers["pre"].values()) == {None}


def test_no_questions_with_no_questions(start: Start) -> None:
    with start(seed=5, questions=False) as pilot:
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "briefing"


def test_the_export_dialog_writes_the_report(start: Start, tmp_path: Path) -> None:
    with start(seed=5, lang="fr") as pilot:
        to_the_debrief_quickly(pilot)
        pilot.click("export")
        assert pilot.modal == "export" and pilot.focused == "export_name"
        pilot.type("Zoé <script>/../..")
        pilot.press(pygame.K_RETURN)  # Enter in a field goes to the next one
        assert pilot.focused == "export_class"
        pilot.type("2nde B")
        check_screen(pilot, {})
        pilot.click("export_go")
        assert pilot.modal == "exported" and pilot.shows("Rapport enregistré")
        folder = tmp_path / "data" / "hd" / "reports"
        files = sorted(p.name for p in folder.iterdir())
        assert len(files) == 2 and all(name.startswith("Zoé-script_2nde-B_") for name in files)
        data = json.loads((folder / files[1]).read_text("utf-8"))
        assert data["player"] == {"name": "Zoé <script>/../..", "class": "2nde B"}
        assert data["language"] == "fr" and data["game"]["score"] == pilot.game.state.score
        html = (folder / files[0]).read_text("utf-8")
        assert "Zoé &lt;script&gt;/../.." in html and "<script" not in html
        pilot.press(pygame.K_ESCAPE)
        pilot.click("export")  # the name is remembered for the next report
        assert pilot.widget("export_name").text == "Zoé <script>/../.."


def test_an_export_to_a_folder_that_cannot_be_written(start: Start, tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x", "utf-8")
    with start(seed=5) as pilot:
        to_the_debrief_quickly(pilot)
        pilot.click("export")
        folder = pilot.widget("export_folder")
        folder.set_text(str(blocker / "reports"))
        pilot.click("export_go")
        assert pilot.modal == "export_failed" and pilot.shows("Nothing was written")
        pilot.click("close")
        assert pilot.modal == "export"  # back to the form, the folder as typed
        assert pilot.widget("export_folder").text == str(blocker / "reports")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("a_")] == ["a_file"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_questions_and_dialogs_fit_a_small_window_at_the_largest_text(start: Start,
                                                                      lang: str) -> None:
    with start(lang=lang, seed=5, questions=True, size=(960, 600),
               settings=Settings(lang, "largest", True, 0)) as pilot:
        pilot.press(pygame.K_RETURN)
        check_screen(pilot, {})  # the introduction
        pilot.press(pygame.K_RETURN, pygame.K_4)
        check_screen(pilot, {})  # a question, rated
        low, high = pilot.widget("scale_low").rect, pilot.widget("scale_high").rect
        assert low.right <= high.left
        to_the_debrief_quickly(pilot)
        check_screen(pilot, {})
        for button, modal in (("export", "export"), ("replay", "replay")):
            pilot.click(button)
            assert pilot.modal == modal
            check_screen(pilot, {})
            pilot.press(pygame.K_ESCAPE)


def play_recording_from_briefing_after_questions(pilot: Pilot) -> None:
    while pilot.scene == "questions":
        pilot.press(pygame.K_4, pygame.K_RETURN)
    play_recording_from_briefing(pilot)
    rate_after_the_game(pilot)
    assert pilot.scene == "debrief"


def test_the_folder_a_student_types(tmp_path: Path) -> None:
    from game.ui.scenes.debrief_dialogs import export_folder

    default = tmp_path / "reports"
    assert export_folder("  ", default) == default
    assert export_folder("Documents/class", default) == Path.home() / "Documents" / "class"
    assert export_folder("~/x", default) == Path.home() / "x"
    assert export_folder(str(tmp_path / "abs"), default) == tmp_path / "abs"


def finished_game(pilot: Pilot, rated_after: bool) -> None:
    """A finished game in the automatic save, the questions before it answered and, if
    *rated_after*, those after it too (as a save from before the questions came first)."""
    session = pilot.app.session
    game = session.new_game(session.default_entry())
    game.start()
    while game.play_turn(lambda _game: None):  # every turn passed, to the debrief
        pass
    session.answers["pre"] = {q.id: 4 for q in session.questions("pre")}
    if rated_after:
        session.answers["post"] = {q.id: 5 for q in session.questions("post")}
    pilot.app.autosave()


@pytest.mark.parametrize("rated_after", [False, True])
def test_a_saved_finished_game_opens_and_asks_only_what_is_missing(start: Start,
                                                                  rated_after: bool) -> None:
    with start(seed=5, questions=True) as pilot:
        finished_game(pilot, rated_after)
    with start(seed=5, questions=True) as pilot:
        pilot.click("continue")
        assert pilot.scene == "ending"
        pilot.click("debrief")
        if not rated_after:
            assert pilot.scene == "questions"
            rate_after_the_game(pilot)
        assert pilot.scene == "debrief"
        text = debrief_texts(pilot)
        assert "In fact: reliable" in text and "on a scale from -6 to 6" in text


def test_the_debrief_waiting_for_the_ratings_fits_a_small_window_in_french(start: Start) -> None:
    with start(lang="fr", seed=5, questions=True) as pilot:
        finished_game(pilot, rated_after=False)
    with start(lang="fr", seed=5, questions=True, size=(960, 600),
               settings=Settings("fr", "largest", False, 0)) as pilot:
        pilot.click("continue")
        pilot.click("debrief")
        pilot.press(pygame.K_ESCAPE)  # the questions after the game: not now
        assert pilot.scene == "debrief"
        check_screen(pilot, {})
        assert pilot.shows("Noter les titres d'après la partie")
        assert "Notez d'abord les titres d'après la partie" in debrief_texts(pilot)
        assert "En réalité" not in debrief_texts(pilot)
