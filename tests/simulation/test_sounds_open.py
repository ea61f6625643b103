"""A crisis answer must not be guessable by "sounds most transparent": the word lists
that judge how open a label sounds, the ``sounds_open`` player that answers by them, the
verdict line it earns when it wins, and the bundled crises where the open-sounding answer
is a trap."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import i18n
from game.cli import simulation_text
from game.content.loader import load_scenario
from game.content.model import Scenario
from game.content.openness import most_open, openness
from game.simulation.runner import report, simulate
from game.simulation.strategies import SHORTCUTS, STRATEGIES
from game.text import Text
from tests.conftest import BUNDLED, MINIMAL, load_text


def label(fr: str, en: str) -> Text:
    return Text({"fr": fr, "en": en})


def test_words_of_openness_count_and_words_of_reserve_or_confrontation_take_away() -> None:
    assert openness(label("Tout publier, en toute transparence",
                          "Publish everything, in full transparency")) == 8
    assert openness(label("Attendre discrètement, sans rien dire",
                          "Wait quietly and say nothing")) < 0
    assert openness(label("Accuser le voisin", "Accuse the neighbour")) == -2
    # Accents and capitals do not hide a word: « Révéler » meets the stem « revel ».
    assert openness(label("RÉVÉLER", "x")) == openness(label("révéler", "x")) == 1
    # Stems start at a word boundary: "ballet" holds "all" but is not "all".
    assert openness(label("ballet", "ballet")) == 0
    # A language the lists do not know counts for nothing.
    assert openness(Text({"de": "Alles veröffentlichen"})) == 0


def test_the_most_open_label_wins_and_the_first_of_equals_on_a_tie() -> None:
    calm = label("Apaiser", "Calm down")
    loud = label("Tout dire publiquement", "Tell everything publicly")
    assert most_open([calm, loud, calm]) == 1
    assert most_open([calm, calm]) == 0


CALM = """        - id: calm
          label: {fr: "Apaiser", en: "Calm down"}"""
HIT = """        - id: hit
          label: {fr: "Riposter", en: "Hit back"}"""


def crafted(tmp_path: Path, calm: str, hit: str, *more: tuple[str, str]) -> Scenario:
    text = MINIMAL.read_text("utf-8").replace(CALM, calm).replace(HIT, hit)
    for old, new in more:
        assert old in text, old
        text = text.replace(old, new)
    loaded = load_text(tmp_path, text)
    assert loaded.scenario is not None and loaded.playable, loaded.diagnostics
    return loaded.scenario


def test_the_player_takes_the_open_sounding_trap_where_the_lesson_does_not(
        tmp_path: Path) -> None:
    scenario = crafted(
        tmp_path,
        """        - id: calm
          lesson: recommended
          label: {fr: "Apaiser", en: "Calm down"}""",
        """        - id: hit
          lesson: poor
          label: {fr: "Tout dire publiquement, en toute transparence",
                  en: "Tell everything publicly, in full transparency"}""")
    results = simulate(scenario, None, 12, ["lesson", "sounds_open"], 3, workers=1)
    assert dict(results["sounds_open"].choices) == {("tweet", "hit"): 12}
    assert dict(results["lesson"].choices) == {("tweet", "calm"): 12}


# The crisis's open-sounding answer is the one its author recommends.
OPEN_IS_RECOMMENDED = ("""        - id: calm
          lesson: recommended
          label: {fr: "Tout publier", en: "Publish everything"}""",
                       HIT + "\n          lesson: poor")


def test_outside_crises_the_player_plays_the_lesson_game_for_game(tmp_path: Path) -> None:
    # The open-sounding answer is the recommended one: both players answer alike, so any
    # difference would come from the rest of the game.
    scenario = crafted(tmp_path, *OPEN_IS_RECOMMENDED)
    results = simulate(scenario, None, 12, ["lesson", "sounds_open"], 5, workers=1)
    assert results["sounds_open"].scores == results["lesson"].scores
    assert results["sounds_open"].endings == results["lesson"].endings


def test_the_verdict_says_so_when_sounding_transparent_wins(tmp_path: Path) -> None:
    # The open-sounding answer is the recommended one and the lesson wins: so does the
    # player who never learnt it.
    scenario = crafted(tmp_path, *OPEN_IS_RECOMMENDED)
    results = simulate(scenario, None, 20, list(STRATEGIES), 1, workers=1)
    summary = report(scenario, 20, 1, results)
    verdict = summary["verdict"]
    assert "sounds_open" in SHORTCUTS
    assert verdict["teaches"] is False
    assert "sounds_open" in verdict["shortcuts_winning"] + verdict["shortcuts_close"]
    text = simulation_text(summary)
    assert "Sounding transparent is enough for the crises" in text
    try:
        i18n.set_language("fr")
        assert "Avoir l'air transparent suffit pour les crises\u00a0:" in simulation_text(summary)
    finally:
        i18n.set_language("en")


def _crises(scenario: Scenario) -> list:  # type: ignore[type-arg]
    return [e for e in scenario.events if e.crisis is not None]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_scenario_has_a_crisis_where_sounding_open_is_a_trap(path: Path) -> None:
    loaded = load_scenario(path, check=False)
    assert loaded.scenario is not None
    crises = _crises(loaded.scenario)
    if path.stem == "tutorial":
        crises = crises[1:]  # its first crisis teaches the transparent correction itself
    traps = []
    for event in crises:
        assert event.crisis is not None
        choices = event.crisis.choices
        # The trap holds for a student reading either language, and for the player.
        readings = [lambda c: openness(c.label)] + [
            lambda c, lang=lang: openness(Text({lang: c.label.get(lang) or ""}))
            for lang in ("fr", "en")]
        tops = []
        for read in readings:
            scores = [read(c) for c in choices]
            tops.append([c for c, s in zip(choices, scores, strict=True) if s == max(scores)])
        if all(len(top) == 1 and top[0].lesson == "poor" for top in tops):
            traps.append(tops[0][0])
    assert traps, f"{path.stem}: the most open-sounding answer is never a trap"
    for trap in traps:  # the debrief says why, in both languages
        assert trap.debrief is not None
        assert trap.debrief.get("fr") and trap.debrief.get("en")


def test_the_recommended_answer_is_neither_always_the_longest_nor_always_in_one_place() -> None:
    longest, places = [], set()
    for path in BUNDLED:
        loaded = load_scenario(path, check=False)
        assert loaded.scenario is not None
        for event in _crises(loaded.scenario):
            assert event.crisis is not None
            choices = event.crisis.choices
            for i, choice in enumerate(choices):
                if choice.lesson == "recommended":
                    places.add(i)
                    sizes = [len(c.label.get("en") or "") for c in choices]
                    longest.append(sizes[i] == max(sizes))
    assert len(places) >= 3
    assert not all(longest) and sum(longest) < len(longest) / 2
