"""The student report: what it holds, how the HTML escapes and stays self-contained, the
reliability ratings' arithmetic, and file names that stay inside the chosen folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game import i18n
from game.content.model import Scenario
from game.reports.content import REPORT_FORMAT, build_report
from game.reports.files import report_stem, safe_part, write_report
from game.reports.html import page
from game.reports.questions import summarise
from tests.reports.conftest import ANSWERS, GENERATED, PLAYER, finished


def report_of(scenario: Scenario, strategy: str = "textbook", **kw: object) -> dict[str, object]:
    game = finished(scenario, strategy)
    return build_report(game, kw.get("answers", ANSWERS), kw.get("player", PLAYER),
                        generated=GENERATED)


def test_the_report_holds_what_the_debrief_shows(classroom: Scenario) -> None:
    game = finished(classroom, "random", 3)
    report = build_report(game, ANSWERS, PLAYER, generated=GENERATED)
    assert report["format"] == REPORT_FORMAT and report["player"] == PLAYER
    assert report["game"] == {"seed": game.state.seed, "turns_played": game.state.turn,
                              "score": game.state.score, "finished": True}
    assert report["ending"]["id"] == game.state.ending
    indicators = {i["id"]: i for i in report["indicators"]}
    assert set(indicators) == set(game.state.indicators)
    # One point per turn, from turn 0 to the last.
    assert [t for t, _ in indicators["credibility"]["values"]] == list(
        range(game.state.turn + 1))
    assert indicators["credibility"]["end"] == round(game.state.indicators["credibility"], 1)
    player_outcomes = [o for o in game.state.outcomes if o.source in (
        "post", "answer", "counter", "deadline") or (o.source in ("silence", "late")
                                                     and o.deltas)]
    assert len(report["timeline"]) == len(player_outcomes)
    assert [e["turn"] for e in report["timeline"]] == [o.turn for o in player_outcomes]
    met = [c["id"] for c in report["concepts"]["met"]]
    assert met == game.state.concepts
    assert "literacy" in [c["id"] for c in report["concepts"]["missed"]]
    assert json.loads(json.dumps(report)) == report  # plain JSON all the way down


def test_an_answer_carries_its_result_explanation_and_concept(classroom: Scenario) -> None:
    game = finished(classroom, "textbook", 4)
    assert game.state.answers.get("tweet") == "calm", "the textbook strategy calms things"
    report = build_report(game, ANSWERS, PLAYER, generated=GENERATED)
    answer = next(e for e in report["timeline"] if e["kind"] == "answer")
    assert answer["result"] == "Things calm down."
    assert answer["explanation"] == "Defusing without giving in."
    assert [c["id"] for c in answer["concepts"]] == ["crisis_talk"]
    assert answer["changes"]["tension"] == -5.0
    crisis = report["crises"][0]
    assert crisis == {"event": "tweet", "title": crisis["title"], "turn": 1, "choice": "calm",
                      "choice_label": "Calm down", "missed": False}


def test_a_missed_deadline_is_in_the_timeline(classroom: Scenario) -> None:
    report = report_of(classroom, "passive")
    missed = [e for e in report["timeline"] if e["kind"] == "missed"]
    assert len(missed) == 1 and missed[0]["turn"] == 2
    assert report["crises"][0]["missed"] is True and report["crises"][0]["choice"] is None


def test_ratings_before_and_after() -> None:
    rows = [{"reliable": False, "before": 5, "after": None},
            {"reliable": False, "before": 3, "after": None},
            {"reliable": True, "before": 4, "after": None},
            {"reliable": False, "before": None, "after": 2},
            {"reliable": False, "before": None, "after": None},   # skipped: not counted
            {"reliable": True, "before": None, "after": 7},
            {"reliable": True, "before": None, "after": 6}]
    summary = summarise(rows)
    assert summary["unreliable"] == {"n_before": 2, "n_after": 1, "n": 1, "before": 4.0,
                                     "after": 2.0}
    assert summary["reliable"]["before"] == 4.0 and summary["reliable"]["after"] == 6.5
    assert summary["discernment"] == {"before": 0.0, "after": 4.5, "change": 4.5}
    assert (summary["answered_before"], summary["answered_after"]) == (3, 3)


def test_the_report_rates_form_a_before_and_form_b_after(classroom: Scenario) -> None:
    report = report_of(classroom)
    rows = report["questions"]
    assert [r["when"] for r in rows] == ["pre"] * 8 + ["post"] * 8
    assert {r["form"] for r in rows[:8]} == {"A"} and {r["form"] for r in rows[8:]} == {"B"}
    assert [r["order"] for r in rows[:8]] == list(range(1, 9))
    assert {r["id"] for r in rows[:8]}.isdisjoint({r["id"] for r in rows[8:]})
    summary = report["question_summary"]
    # By hand: before, reliable 4 3 4 5 (4.0), manipulative 5 5 4 6 (5.0); after,
    # reliable 6 5 6 5 (5.5), manipulative 2 1 2 (5/3, one skipped).
    assert summary["discernment"] == {"before": -1.0, "after": 3.83, "change": 4.83}
    assert (summary["form_before"], summary["form_after"]) == ("A", "B")


def test_out_of_scale_ratings_are_ignored(classroom: Scenario) -> None:
    answers = {"pre": {"q_video": 9, "q_check": True, "bank_imper_museum_free": "4"},
               "post": {"q_rumour": 0, "bank_imper_warning": 7}}
    rows = report_of(classroom, answers=answers)["questions"]
    rated = {r["id"]: r["rating"] for r in rows if r["rating"] is not None}
    assert rated == {"bank_imper_warning": 7}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_html_escapes_scenario_and_player_texts(classroom: Scenario, lang: str) -> None:
    i18n.set_language(lang)
    player = {"name": "<script>alert('name')</script>", "class": "<img src=x onerror=1>"}
    html = page(report_of(classroom, player=player))
    assert "<script" not in html.lower() and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;&amp; " in html  # the scenario's title, escaped
    assert html.count("&lt;script&gt;alert(") >= 3  # name, narrative debrief, question
    assert f'<html lang="{lang}">' in html


def test_the_html_needs_nothing_from_outside(classroom: Scenario) -> None:
    html = page(report_of(classroom))
    assert not re.search(r"(src|href)\s*=", html), "no external resource, no link"
    assert "http://" not in html and "https://" not in html and "@import" not in html
    assert html.count("<svg") == 6 + 1  # six indicators, one narrative
    assert "<style>" in html and "@media print" in html


@pytest.mark.parametrize("name", [
    "Zoé", "Ana María O'Neil", "../../etc/passwd", "a/b\\c", "..", ".", "CON", "nul.txt",
    "tab\tnew\nline\x00nul", "", "   ", "😀 emoji", "x" * 400, "/", "C:\\Windows\\x",
    "« guillemets »", "$(rm -rf ~)", "name.json",
])
def test_odd_names_are_written_inside_the_folder(tmp_path: Path, classroom: Scenario,
                                                  name: str) -> None:
    folder = tmp_path / "out"
    report = report_of(classroom, player={"name": name, "class": "1re/A"})
    files = write_report(report, folder)
    for path in (files.html, files.json):
        assert path.parent == folder and path.exists()
        assert len(path.name.encode()) < 200
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        [files.html.name, files.json.name])
    assert json.loads(files.json.read_text("utf-8"))["player"]["name"] == name


def test_names_keep_their_accents_and_lose_their_slashes() -> None:
    assert safe_part("Zoé Martin-Dupont") == "Zoé-Martin-Dupont"
    assert safe_part("../../x") == "x"
    assert safe_part("") == "" and safe_part("///", "student") == "student"
    stem = report_stem({"player": {"name": "Ève", "class": "2nde B"},
                        "scenario": {"id": "deepfake-summit"}, "generated": GENERATED})
    assert stem == "Ève_2nde-B_deepfake-summit_2026-03-14"
    assert report_stem({"player": {"name": "con", "class": ""}, "scenario": {"id": "s"},
                        "generated": ""}).startswith("report_")


def test_a_second_export_never_overwrites_the_first(tmp_path: Path,
                                                    classroom: Scenario) -> None:
    report = report_of(classroom)
    first = write_report(report, tmp_path)
    second = write_report(report, tmp_path)
    assert first.html != second.html and second.html.stem.endswith("-2")
    assert len(list(tmp_path.iterdir())) == 4


def test_an_unwritable_folder_raises_oserror_and_writes_nothing(tmp_path: Path,
                                                                classroom: Scenario) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    with pytest.raises(OSError):
        write_report(report_of(classroom), blocker / "reports")
    assert [p.name for p in tmp_path.iterdir()] == ["file"]
