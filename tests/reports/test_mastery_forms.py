"""Issue 14 on every bundled scenario: mastery marks earned by decisions (a passive player
earns no "handled well"), two disjoint balanced forms of transfer items, readable sources,
and the debrief's figures that agree with the game's screens."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from game import i18n
from game.content.item_cues import cue_in
from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.vocabulary import Technique
from game.presentation import labels
from game.reports import forms, sources
from game.reports.content import build_report, morning_values
from game.simulation.runner import play_game

BUNDLED = sorted(Path(__file__).parents[2].joinpath("scenarios").glob("*.yaml"))
NAMES = [p.stem for p in BUNDLED]


@cache
def scenario(name: str) -> Scenario:
    loaded = load_scenario(Path(__file__).parents[2] / "scenarios" / f"{name}.yaml")
    assert loaded.scenario is not None
    return loaded.scenario


def marks(name: str, strategy: str, seed: int) -> Counter[str]:
    report = build_report(play_game(scenario(name), strategy, seed), {}, {})
    return Counter(card["mark"] for card in report["concepts"]["cards"])


@pytest.mark.parametrize("name", NAMES)
def test_a_passive_player_handles_nothing_well_and_the_lesson_player_does(name: str) -> None:
    for seed in (1, 2, 3):
        passive = marks(name, "passive", seed)
        assert passive["well"] == 0, passive
        lesson = marks(name, "lesson", seed)
        assert lesson["well"] > lesson["poor"], lesson
        assert sum(lesson.values()) == len(scenario(name).concepts)


def test_a_mark_names_the_decision_that_earned_it() -> None:
    report = build_report(play_game(scenario("tutorial"), "lesson", 2), {}, {})
    earned = [c for c in report["concepts"]["cards"] if c["mark"] != "missed"]
    assert earned and all(c["decision"] and c["turn"] >= 1 for c in earned)
    passive = build_report(play_game(scenario("tutorial"), "passive", 2), {}, {})
    poor = [c for c in passive["concepts"]["cards"] if c["mark"] == "poor"]
    assert any(c["decision"].startswith("No answer in time") for c in poor)
    missed = [c for c in passive["concepts"]["cards"] if c["mark"] == "missed"]
    assert all(c["missed_reason"] and not c["decision"] for c in missed)


@pytest.mark.parametrize("name", NAMES)
def test_two_disjoint_balanced_forms_that_match_the_techniques(name: str) -> None:
    s = scenario(name)
    drawn = forms.forms(s)
    a, b = drawn["A"], drawn["B"]
    assert len(a) >= 6 and len(b) >= 6
    assert {q.id for q in a}.isdisjoint({q.id for q in b})
    for form in (a, b):
        assert sum(bool(q.reliable) for q in form) * 2 == len(form)
    # Parallel: the same techniques in both forms, most of them the scenario's own.
    assert Counter(str(q.technique) for q in a) == Counter(str(q.technique) for q in b)
    used = set(forms.techniques(s))
    assert sum(str(q.technique) in used for q in a) >= len(a) * 3 // 4
    assert {q.id for q in s.questions} <= {q.id for q in (*a, *b)}, "own items are kept"
    assert forms.item_problems(s) == []


def test_the_seed_decides_which_form_comes_first_and_ratings_keep_it() -> None:
    s = scenario("tutorial")
    assert forms.order(s, 2) == ("A", "B") and forms.order(s, 3) == ("B", "A")
    first_b = forms.items_for(s, 3, "pre")[1]
    answers = {"pre": {first_b[0].id: 4}}
    # "Play again" with a new, even seed keeps the form the student already rated.
    assert forms.items_for(s, 2, "pre", answers)[0] == "B"
    assert forms.items_for(s, 2, "post", answers)[0] == "A"


def test_the_bank_is_balanced_bilingual_and_cue_free() -> None:
    bank = forms.bank()
    assert len(bank) >= 40
    assert sum(bool(q.reliable) for q in bank) * 2 == len(bank)
    assert len({q.id for q in bank}) == len(bank)
    assert {str(q.technique) for q in bank} == {t.value for t in Technique}
    claims = {labels.fold(n.claim.en or "") for name in NAMES for n in scenario(name).narratives}
    for q in bank:
        assert q.text.fr and q.text.en and q.source is not None
        assert cue_in(q.text.fr) is None and cue_in(q.text.en) is None
        assert labels.fold(q.text.en) not in claims, "a bank item is no scenario's claim"


def test_a_cue_and_an_unbalanced_set_are_found() -> None:
    s = scenario("tutorial")
    cued = s.questions[0].model_copy(update={"text": s.questions[0].text.model_copy(
        update={"en": "Free entry (the ministry's verified account)"})})
    edited = s.model_copy(update={"questions": [cued, s.questions[0].model_copy(
        update={"id": "q_two"}), s.questions[0].model_copy(update={"id": "q_three"})]})
    problems = forms.item_problems(edited)
    assert ("cue", cued.id) in problems and ("unbalanced", "") in problems


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sources_are_cited_by_title_never_by_file_name(lang: str) -> None:
    i18n.set_language(lang)
    try:
        for name in NAMES:
            s = scenario(name)
            for document in s.meta.sources:
                assert document in sources.known_sources(), document
            report = build_report(play_game(s, "lesson", 1), {}, {})
            for card in report["concepts"]["cards"]:
                line = card["source"]["line"]
                assert ".txt" not in line and card["source"]["document"] not in line
                if card["source"]["language"] not in ("", lang):
                    other = "en anglais" if lang == "fr" else "in French"
                    assert line.endswith(f"({other})"), line
    finally:
        i18n.set_language("en")


def test_the_debrief_agrees_with_the_gauges_and_the_morning_peaks() -> None:
    for name in NAMES:
        game = play_game(scenario(name), "random", 7)
        report = build_report(game, {}, {})
        for item in report["indicators"]:
            assert item["end_shown"] == labels.whole(game.state.indicators[item["id"]])
        for n in report["narratives"]:
            mornings = [v for _, v in morning_values(game, n["id"])]
            assert n["peak"] >= max([*mornings, *(v for _, v in n["values"])])


def test_silence_and_late_responses_are_in_the_timeline() -> None:
    game = play_game(scenario("tutorial"), "passive", 1)
    report = build_report(game, {}, {})
    kinds = Counter(e["kind"] for e in report["timeline"])
    silences = [o for o in game.state.outcomes if o.source == "silence" and o.deltas]
    assert silences and kinds["silence"] == len(silences)
    entry = next(e for e in report["timeline"] if e["kind"] == "silence")
    assert entry["text"].startswith("Silence") and entry["changes"]["credibility"] < 0
