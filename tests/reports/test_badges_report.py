"""Badges in the student report (JSON and HTML, both languages) and counted in the class
summary; reports made before badges existed are still read (issue 13, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

from game import i18n
from game.content.model import Scenario
from game.reports.classroom import badges, read_folder, report_problem
from game.reports.content import build_report
from game.reports.files import write_report
from game.reports.html import page
from game.reports.summary_html import badges_part
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
        assert report["badges_possible"] == [{"technique": "deepfake", "name": name}]
        json.loads(json.dumps(report))  # JSON-ready
        html = page(report)
        assert name in html and badge["why"].replace("'", "&#x27;") in html


def test_a_game_without_badges_says_how_one_is_earned(classroom: Scenario) -> None:
    game = finished(classroom, "passive", 1)
    assert game.state.badges == []
    report = build_report(game, ANSWERS, generated=GENERATED)
    assert report["badges"] == []
    html = page(report)
    assert "No badge this game" in html and "Still to earn: Deepfake unmasked." in html


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
