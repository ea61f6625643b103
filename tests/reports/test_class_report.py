"""``simulate --export`` and ``class-report``: scripted reports, and a class folder full of
good, bad and foreign files — the bad ones listed and skipped, never fatal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game import i18n
from game.cli import main
from game.paths import ROOT
from game.reports.classroom import read_folder
from game.reports.cli import simulated_answers
from game.reports.content import build_report
from game.reports.files import write_report
from game.reports.html import page
from game.simulation.runner import game_seed, play_game
from tests.reports.conftest import ANSWERS, FIXTURE, GENERATED, finished


def test_simulate_export_writes_the_reports_of_the_scripted_games(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], classroom: object) -> None:
    out = tmp_path / "class"
    assert main(["simulate", str(FIXTURE), "--runs", "3", "--strategy", "textbook",
                 "--export", str(out), "--export-games", "2", "--seed", "5"]) == 0
    assert "2 student reports written to" in capsys.readouterr().out
    files = sorted(out.glob("*.json"))
    assert [f.name.split("_")[0] for f in files] == ["Textbook-1", "Textbook-2"]
    data = json.loads(files[0].read_text("utf-8"))
    game = play_game(classroom, "textbook", game_seed(5, 0))  # type: ignore[arg-type]
    answers = simulated_answers(game, "textbook")
    assert set(answers) == {"pre", "post"} and all(answers["pre"].values())
    again = build_report(game, answers, data["player"], generated=data["generated"])
    assert data == again, "the exported report is the report of that very game"
    assert files[0].with_suffix(".html").read_text("utf-8") == page(again)


def test_export_games_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["simulate", str(FIXTURE), "--runs", "1", "--export", str(tmp_path),
                 "--export-games", "0"]) == 2


def class_folder(tmp_path: Path, classroom: object) -> Path:
    """Four students' reports (two languages) and every kind of file that is not one."""
    folder = tmp_path / "2nde B"
    for n, (strategy, lang) in enumerate([("textbook", "en"), ("passive", "fr"),
                                          ("random", "en"), ("always_confront", "fr")]):
        i18n.set_language(lang)
        player = {"name": f"Student {n} <script>alert({n})</script>", "class": "2nde B"}
        game = finished(classroom, strategy, n)  # type: ignore[arg-type]
        write_report(build_report(game, ANSWERS, player, generated=GENERATED), folder)
    i18n.set_language("en")
    good = next(folder.glob("*.json"))
    data = json.loads(good.read_text("utf-8"))
    (folder / "truncated.json").write_text(good.read_text("utf-8")[:500], "utf-8")
    (folder / "empty.json").write_bytes(b"")
    (folder / "settings.json").write_text('{"language": "fr"}', "utf-8")
    (folder / "list.json").write_text("[1, 2, 3]", "utf-8")
    (folder / "binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "future.json").write_text(json.dumps(dict(data, version=2)), "utf-8")
    edited = json.loads(json.dumps(data))
    edited["game"]["score"] = "a lot"
    (folder / "edited.json").write_text(json.dumps(edited), "utf-8")
    (folder / "copy.json").write_text(good.read_text("utf-8"), "utf-8")
    (folder / "notes.txt").write_text("bring the USB sticks", "utf-8")
    (folder / "photo.html").write_text("<p>not a report</p>", "utf-8")
    (folder / ".hidden.json").write_text("{", "utf-8")
    return folder


def test_a_class_folder_with_bad_files(tmp_path: Path, classroom: object) -> None:
    folder = class_folder(tmp_path, classroom)
    data = read_folder(folder)
    assert len(data.reports) == 4
    skipped = {s.path.name: s.code for s in data.skipped}
    assert skipped == {"truncated.json": "bad_json", "empty.json": "empty",
                       "settings.json": "foreign", "list.json": "foreign",
                       "binary.json": "bad_json", "future.json": "version",
                       "edited.json": "incomplete", "copy.json": "duplicate",
                       "notes.txt": "not_json", "photo.html": "not_json"}


def test_class_report_command_writes_one_page_and_lists_what_it_skipped(
        tmp_path: Path, classroom: object) -> None:
    folder = class_folder(tmp_path, classroom)
    out = tmp_path / "summary.html"
    done = subprocess.run([sys.executable, "main.py", "class-report", str(folder), "--out",
                           str(out), "--lang", "fr"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "4 rapports élève lus" in done.stdout
    assert done.stderr.count("ignoré ") == 10
    html = out.read_text("utf-8")
    assert "<script" not in html and "&lt;script&gt;alert(0)&lt;/script&gt;" in html
    assert "10 fichiers ignorés" in html and "truncated.json" in html
    assert "Le choix le plus fréquent à chaque crise" in html
    assert "Maîtrise de chaque notion (élèves)" in html
    assert "Éducation aux médias" in html  # no decision about it: every student missed it
    assert "pour conclure" in html  # four students: too few
    assert "N = 4" in html
    assert "5,0" in html and "2,0" in html  # a manipulative item: 5 before, 2 after


def test_the_most_common_choice_and_the_missed_deadlines(tmp_path: Path,
                                                         classroom: object) -> None:
    from game.reports.classroom import choices

    data = read_folder(class_folder(tmp_path, classroom))
    crisis = choices([r for _p, r in data.reports])[0]
    assert crisis["event"] == "tweet" and crisis["met"] == 4
    counts = {choice: n for choice, _label, n in crisis["choices"]}
    assert sum(counts.values()) == 4 and counts.get("", 0) >= 1  # passive missed it


def test_unanswered_crises_are_named_in_every_column() -> None:
    """A crisis still open at the end, or missed, is said in words wherever it appears,
    not only when it is the most common case."""
    from game.reports.summary_html import choices_part

    def report(choice: str | None, missed: bool) -> dict[str, object]:
        return {"crises": [{"event": "tweet", "title": "The tweet", "choice": choice,
                            "choice_label": "Call the ambassador" if choice else None,
                            "missed": missed}]}

    html = choices_part([report("call", False), report("call", False), report(None, False),
                         report(None, True)])
    assert "Call the ambassador" in html
    assert "not answered yet (1)" in html and "no answer in time (1)" in html
    assert "(open)" not in html


def test_class_report_on_an_empty_or_missing_folder(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "summary.html"
    assert main(["class-report", str(tmp_path), "--out", str(out)]) == 1
    assert "No student report was found" in out.read_text("utf-8")
    assert main(["class-report", str(tmp_path / "nope"), "--out", str(out)]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_class_report_to_an_unwritable_place_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["class-report", str(tmp_path), "--out",
                 str(tmp_path / "missing" / "summary.html")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_the_student_list_speaks_the_readers_language_and_sorts_like_a_class_list() -> None:
    from game.reports.summary_html import students_part

    def report(name: str, lang: str, title: str) -> dict[str, object]:
        return {"language": lang, "player": {"name": name, "class": "2nde B"},
                "ending": {"id": "good", "title": title, "tone": "success"},
                "game": {"score": 70}}

    i18n.set_language("fr")
    html = students_part([report("Lucas", "en", "Success"), report("Léa", "fr", "Réussite"),
                          report("adam", "en", "Success")])
    assert "Success" not in html and html.count("Réussite") == 3
    assert html.index("adam") < html.index("Léa") < html.index("Lucas")


def test_mastery_counts_per_concept_across_the_class(tmp_path: Path,
                                                      classroom: object) -> None:
    from game.reports.classroom import mastery

    data = read_folder(class_folder(tmp_path, classroom))
    rows = {r["id"]: r for r in mastery([r for _p, r in data.reports])}
    assert all(r["n"] == 4 and r["well"] + r["poor"] + r["missed"] == 4 for r in rows.values())
    assert rows["literacy"]["missed"] == 4
    assert rows["crisis_talk"]["poor"] >= 1  # the passive student let the deadline pass
    ordered = [r["poor"] for r in mastery([r for _p, r in data.reports])]
    assert ordered == sorted(ordered, reverse=True), "the concepts handled poorly first"


def test_the_class_interval_is_the_hand_computed_one() -> None:
    """Five students' changes in discernment 1, 2, 3, 4, 5 (two form orders): mean 3,
    s = √2.5 = 1.5811, t(0.975, 4) = 2.776, half-width 2.776 × 1.5811 / √5 = 1.963."""
    from game.reports.classroom import discernment
    from game.reports.stats import mean_interval

    def report(form_before: str, change: int) -> dict[str, object]:
        after = "B" if form_before == "A" else "A"
        rows = [{"reliable": True, "before": 4, "after": None, "when": "pre",
                 "form": form_before},
                {"reliable": False, "before": 4, "after": None, "when": "pre",
                 "form": form_before},
                {"reliable": True, "before": None, "after": 1 + change, "when": "post",
                 "form": after},
                {"reliable": False, "before": None, "after": 1, "when": "post",
                 "form": after}]
        return {"questions": rows}

    reports = [report("A", 1), report("B", 2), report("A", 3), report("B", 2 + 2),
               report("A", 5)]
    data = discernment(reports)
    overall = data["overall"]
    assert overall["n"] == 5 and overall["mean"] == 3.0
    assert overall["sd"] == pytest.approx(1.581, abs=1e-3)
    assert overall["low"] == pytest.approx(3 - 1.963, abs=1e-3)
    assert overall["high"] == pytest.approx(3 + 1.963, abs=1e-3)
    assert overall["enough"] is False and overall["conclusive"] is False  # N < 10
    assert data["by_order"]["A → B"]["n"] == 3 and data["by_order"]["B → A"]["n"] == 2
    assert data["by_order"]["A → B"]["mean"] == 3.0
    # Twelve students all gaining 1 or 2: N is enough and the interval leaves out 0.
    many = mean_interval([1.0, 2.0] * 6)
    assert many["enough"] and many["conclusive"] and many["low"] > 0
    assert mean_interval([])["mean"] is None and mean_interval([2.0])["low"] is None
