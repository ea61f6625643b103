"""Badges in the student report (JSON and HTML, both languages) and counted in the class
summary; reports made before badges existed are still read (issue 13, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

from game import i18n
from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.game import Game
from game.engine.techniques import Fit, judge
from game.paths import SCENARIOS_DIR
from game.presentation import labels
from game.reports.classroom import badges, read_folder, report_problem
from game.reports.content import build_report
from game.reports.files import write_report
from game.reports.html import page
from game.reports.summary_html import badges_part
from game.simulation.runner import play_game
from game.ui.scenes.debrief import badges_section
from tests.reports.conftest import ANSWERS, GENERATED, finished


def _earned(scenario: Scenario) -> tuple[str, int]:
    """A scripted game that earned a badge: (strategy, seed)."""
    for strategy in ("textbook", "lesson", "random"):
        for seed in range(12):
            if finished(scenario, strategy, seed).state.badges:
                return strategy, seed
    raise AssertionError("no scripted player earned a badge in the classroom fixture")


def test_the_report_lists_the_badges_with_what_earned_them(classroom: Scenario) -> None:
    strategy, seed = _earned(classroom)
    game = finished(classroom, strategy, seed)
    for lang, name, how in (("en", "Deepfake unmasked", "the counter that fits"),
                            ("fr", "Deepfake démasqué", "la riposte qui convient")):
        i18n.set_language(lang)
        report = build_report(game, ANSWERS, generated=GENERATED)
        badge = report["badges"][0]
        assert badge["technique"] == "deepfake" and badge["name"] == name
        assert how in badge["how"] and badge["why"]
        assert badge["turn"] == game.state.badges[0]["turn"]
        assert [(b["technique"], b["name"]) for b in report["badges_possible"]] == \
            [("deepfake", name)]
        json.loads(json.dumps(report))  # JSON-ready
        html = page(report)
        assert name in html and badge["why"].replace("'", "&#x27;") in html


def test_a_game_without_badges_says_how_one_is_earned(classroom: Scenario) -> None:
    game = finished(classroom, "passive", 1)
    assert game.state.badges == []
    report = build_report(game, ANSWERS, generated=GENERATED)
    assert report["badges"] == []
    html = page(report)
    assert "No badge this game" in html and "Still to earn" in html
    to_earn = report["badges_possible"][0]
    assert to_earn["name"] == "Deepfake unmasked" and to_earn["how"] in html.replace(
        "&#x27;", "'").replace("&quot;", '"')
    assert to_earn["left_alone"] == ""  # a deepfake is never best left alone


def test_a_badge_still_to_earn_names_the_counters_the_table_says_fit(
        classroom: Scenario) -> None:
    """Generated from the technique table: every measure of the scenario that fits, and
    none that does little or backfires (the line is not hand-written)."""
    game = finished(classroom, "passive", 1)
    narrative = next(n for n in classroom.narratives if n.technique == "deepfake")
    fits = [m for m in classroom.measures if judge(narrative, m).fit is Fit.FITS]
    others = [m for m in classroom.measures if judge(narrative, m).fit is not Fit.FITS]
    assert fits and others
    for lang in ("en", "fr"):
        i18n.set_language(lang)
        how = build_report(game, ANSWERS, generated=GENERATED)["badges_possible"][0]["how"]
        for measure in fits:
            assert labels.quoted(labels.label(labels.MEASURES, measure)) in how, (lang, measure)
        for measure in others:
            assert labels.label(labels.MEASURES, measure) not in how, (lang, measure)
    assert " :" in how and "« deepfake »" in how and " ou " in how


def _tutorial_game(grow_rumour: bool) -> Game:
    tutorial = load_scenario(SCENARIOS_DIR / "tutorial.yaml").scenario
    assert tutorial is not None
    game = play_game(tutorial, "passive", 3)  # nobody answers anything
    assert game.is_over()
    if grow_rumour:  # as if the rumour had spread in this game
        game.state.narratives["cancel_rumour"].history.append(25.0)
        game.state.narratives["cancel_rumour"].spreading_turn = 3
    return game


def test_the_tutorial_rumour_left_alone_says_not_earning_its_badge_was_right() -> None:
    game = _tutorial_game(grow_rumour=False)
    run = game.state.narratives["cancel_rumour"]
    assert run.launched_turn is not None and max(run.history) < 8
    for lang, words in (("en", "Not earning it here was right: “The cancellation rumour”"),
                        ("fr", "Ne pas l'obtenir ici était juste : « La rumeur de "
                               "l'annulation »")):
        i18n.set_language(lang)
        report = build_report(game, ANSWERS, generated=GENERATED)
        rumour = next(b for b in report["badges_possible"] if b["technique"] == "rumour")
        assert rumour["left_alone"].startswith(words), rumour
        tickets = next(b for b in report["badges_possible"]
                       if b["technique"] == "impersonation")
        assert tickets["left_alone"] == ""  # a scam is reported, however small
        assert rumour["left_alone"].replace("'", "&#x27;") in page(report)
        blocks = " ".join(b.text for b in badges_section(report))
        assert rumour["left_alone"] in blocks and rumour["how"] in blocks
    grown = build_report(_tutorial_game(grow_rumour=True), ANSWERS, generated=GENERATED)
    assert all(b["left_alone"] == "" for b in grown["badges_possible"])


def test_the_class_summary_counts_the_students_who_earned_each_badge(
        tmp_path: Path, classroom: Scenario) -> None:
    strategy, seed = _earned(classroom)
    folder = tmp_path / "class"
    games = [(strategy, seed, "en"), ("passive", 1, "fr"), (strategy, seed + 100, "fr")]
    for n, (strat, s, lang) in enumerate(games):
        i18n.set_language(lang)
        game = finished(classroom, strat, s)
        player = {"name": f"Student {n}", "class": "2nde B"}
        write_report(build_report(game, ANSWERS, player, generated=GENERATED), folder)
    i18n.set_language("fr")
    data = read_folder(folder)
    reports = [r for _p, r in data.reports]
    assert len(reports) == 3
    rows = badges(reports)
    expected = sum(1 for r in reports if r["badges"])
    assert rows == [{"technique": "deepfake", "name": "Deepfake démasqué",
                     "earned": expected, "n": 3}]
    assert expected >= 1
    html = badges_part(reports)
    assert "Deepfake démasqué" in html and f"{expected}\u00a0élève" in html


def test_reports_from_before_badges_still_count_and_bad_badges_are_refused(
        classroom: Scenario) -> None:
    report = build_report(finished(classroom, "passive", 1), ANSWERS, generated=GENERATED)
    old = {k: v for k, v in report.items() if k not in ("badges", "badges_possible")}
    assert report_problem(old) is None
    assert badges([old]) == [] and badges_part([old]) == ""
    for bad in ("nope", [{"technique": 3, "name": "x"}], [{"name": "x"}]):
        assert report_problem({**report, "badges": bad}) == "badges"
    hostile = [{**report["badges_possible"][0], "how": ["<script>"]}]
    assert report_problem({**report, "badges_possible": hostile}) == "badges"
