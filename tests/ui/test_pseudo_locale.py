"""Every screen in the pseudo-locale and in French, at the largest text size: no label cut,
no widgets over each other, and (pseudo-locale) no string that escaped gettext.

The pseudo-locale (``--lang qps``, :mod:`game.pseudo_locale`) shows each catalog string
accented, ~40 % longer and between brackets, so a text on screen without brackets came from
outside the catalogs. ``HD_SCREENSHOTS=DIR`` keeps a picture of each screen, to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game import i18n
from game.paths import SCENARIOS_DIR
from game.presentation import viewmodel
from game.pseudo_locale import CLOSE, OPEN, pseudo
from game.ui.pilot import Pilot
from game.ui.settings import Settings

Start = Callable[..., AbstractContextManager[Pilot]]
SCENARIO = SCENARIOS_DIR / "tutorial.yaml"
MAX_STEPS = 60

# What may stand outside the brackets: numbers and signs, handles and hashtags from the
# scenario, function keys, file paths, the game's name, and the names of languages, each
# written in itself on purpose.
_ALLOWED_WORD = re.compile(r"^(?:[@#]\w+|F\d+|\d+\w*)$")
_PATH = re.compile(r"\S*/\S*")
NAMES = ("Hashtag Diplomacy",)


def outside_brackets(text: str) -> str:
    """*text* without its pseudo-translated parts (which may nest: a pseudo template with
    a pseudo argument inside)."""
    depth, kept = 0, []
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE and depth:
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def unmarked(text: str) -> list[str]:
    """The words of *text* that no catalog string brought: a string that escaped gettext."""
    for name in (*NAMES, *(i18n.language_name(code) for code in i18n.languages(pseudo=True))):
        text = text.replace(name, " ")
    plain = _PATH.sub(" ", outside_brackets(text))
    words = re.findall(r"[@#]?[^\W_][\w'’-]*", plain)
    return [w for w in words if re.search(r"[A-Za-z]{2}", w) and not _ALLOWED_WORD.match(w)]


class Walk:
    """Looks at each screen it is shown and remembers what is wrong with it."""

    def __init__(self, pilot: Pilot, lang: str, shots: Path | None) -> None:
        self.pilot, self.lang, self.shots = pilot, lang, shots
        self.problems: list[str] = []
        self.seen: list[str] = []

    def look(self, name: str) -> None:
        pilot = self.pilot
        self.seen.append(name)
        where = f"{name} ({pilot.scene}{', ' + pilot.modal if pilot.modal else ''})"
        if pilot.clipped():
            self.problems.append(f"{where}: cut: {pilot.clipped()}")
        if pilot.overlapping():
            self.problems.append(f"{where}: overlapping: {pilot.overlapping()}")
        if pilot.offscreen():
            self.problems.append(f"{where}: off screen: {pilot.offscreen()}")
        if self.lang == i18n.PSEUDO_LANGUAGE:
            for text in pilot.texts():
                words = unmarked(text)
                if words:
                    self.problems.append(f"{where}: not translated: {words} in {text[:80]!r}")
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            pilot.screenshot(self.shots / f"{self.lang}_{len(self.seen):02d}_{name}.png")


def key(pilot: Pilot, ident: str) -> None:
    pilot.tab_to(ident)
    pilot.press(pygame.K_RETURN)


def desk(walk: Walk, first: bool) -> None:
    """The desk's tabs, a crisis, the composer, counter planning, the menu and the end-turn
    dialog (the first turn ends with points left, so the dialog asks)."""
    pilot, game = walk.pilot, walk.pilot.game
    walk.look("desk")
    if game.open_crises():
        key(pilot, "tab_crises")
        walk.look("desk_crises")
        if pilot.modal != "crisis":
            key(pilot, "crisis_list")
        walk.look("crisis")
        pilot.press(pygame.K_1)
    key(pilot, "tab_post")
    walk.look("composer")
    if first:
        own_words(walk)
    if not first and pilot.enabled("plan_post"):
        key(pilot, "plan_post")
    if game.live_narratives():
        key(pilot, "tab_counter")
        walk.look("counter")
        if not first and game.state.budget > 0 and pilot.enabled("plan_counter"):
            key(pilot, "plan_counter")
    key(pilot, "tab_plan")
    walk.look("plan")
    if first:
        pilot.press(pygame.K_ESCAPE)
        walk.look("menu")
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None
    key(pilot, "end_turn")
    if pilot.modal == "confirm_end":
        walk.look("end_turn_dialog")
        key(pilot, "confirm_end_turn")


# The student's own words (no catalog brings them: no two Latin letters in a row, so the
# pseudo-locale's check does not take them for a string that escaped gettext).
OWN_WORDS = "À 12 h, é à ô ù ç — 2 026 € ! " * 6


def own_words(walk: Walk) -> None:
    """The composer with the student's own words (the field takes the preview's room), and
    the preview dialog where the form has no room for it."""
    pilot = walk.pilot
    memory = pilot.app.scene.memory["post"]
    memory["wording"], memory["own_text"] = viewmodel.OWN_WORDING, OWN_WORDS
    pilot.app.scene.rebuild()
    pilot.settle()
    walk.look("composer_own")
    if pilot.has("show_preview"):
        key(pilot, "show_preview")
        walk.look("preview")
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None
    memory["wording"] = "0"
    pilot.app.scene.rebuild()
    pilot.settle()


def questions(walk: Walk) -> None:
    pilot = walk.pilot
    walk.look("questions")
    pilot.press(pygame.K_RETURN)
    for n in range(len(pilot.app.session.questions())):
        if n == 0:
            walk.look("question")
        pilot.press(pygame.K_1 + n % 7)
        pilot.press(pygame.K_RETURN)


def walk_every_screen(walk: Walk) -> None:
    pilot = walk.pilot
    assert pilot.scene == "title"
    walk.look("title")
    pilot.press(pygame.K_F1)
    walk.look("help")
    pilot.press(pygame.K_ESCAPE)
    if pilot.widget("lang_toggle").text.endswith("…"):  # more than two: the list
        pilot.click("lang_toggle")
        walk.look("languages")
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None
    for button, name in (("settings", "settings"), ("scenarios", "scenarios")):
        pilot.click(button)
        walk.look(name)
        if name == "settings":
            assert pilot.shows(i18n.language_name(walk.lang)), "the language in use is shown"
        pilot.press(pygame.K_ESCAPE)
        assert pilot.scene == "title", f"Escape left {name} for {pilot.scene}"
    pilot.click("new_game")
    assert pilot.scene == "picker"
    walk.look("picker")
    pilot.click("play")
    first = True
    for _ in range(MAX_STEPS):
        scene = pilot.scene
        if scene == "decide":
            desk(walk, first)
            first = False
        elif scene == "questions":
            questions(walk)
        elif scene in ("briefing", "feed", "resolve"):
            walk.look({"resolve": "results"}.get(scene, scene))
            pilot.press(pygame.K_RETURN)
        elif scene == "ending":
            walk.look("ending")
            key(pilot, "debrief")
            if pilot.scene == "questions":  # the questions after the game come first
                questions(walk)
                walk.look("questions_result")
                pilot.press(pygame.K_RETURN)
            break
        else:
            raise AssertionError(f"unexpected scene {scene}")
    assert pilot.scene == "debrief"
    walk.look("debrief")
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene == "ending"
    key(pilot, "title_screen")
    pilot.click("saved_games")  # the game saved itself: the list has it
    walk.look("saves")


@pytest.mark.parametrize("lang", [i18n.PSEUDO_LANGUAGE, "fr"])
def test_every_screen_fits_at_the_largest_text_size(start: Start, lang: str) -> None:
    shots = os.environ.get("HD_SCREENSHOTS")
    with start(lang=lang, scenario=None, seed=4, questions=True,
               settings=Settings(lang, "largest", False, 0)) as pilot:
        assert pilot.app.theme.base == 24
        if lang == i18n.PSEUDO_LANGUAGE:
            assert pilot.widget("new_game").text == pseudo("New game")
        walk = Walk(pilot, lang, Path(shots) if shots else None)
        walk_every_screen(walk)
        assert {"title", "help", "settings", "saves", "picker", "questions", "briefing",
                "desk", "composer", "composer_own", "counter", "crisis", "menu", "end_turn_dialog",
                "results", "ending", "debrief"} <= set(walk.seen)
        assert walk.problems == [], "\n".join(walk.problems)


def test_the_detector_finds_a_string_outside_gettext() -> None:
    assert unmarked(pseudo("Score: {n}").format(n=3)) == []
    assert unmarked(f"{pseudo('Turn')} 3 — @MAE_Valmerie #Summit") == []
    assert unmarked(pseudo("{source} — “{title}”").format(
        source=pseudo("Event"), title=pseudo("The fake video"))) == []
    assert unmarked(f"{pseudo('Score')}: Indicators") == ["Indicators"]
    assert unmarked("Back") == ["Back"]
