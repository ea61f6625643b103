"""The class summary and hostile report files: each bad file is skipped with its name and
the reason, the good reports are all kept, and the command never ends in a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.paths import ROOT
from game.reports.classroom import read_folder
from game.reports.content import build_report
from game.reports.files import write_report
from tests.reports.conftest import ANSWERS, GENERATED, finished


def _good(folder: Path, classroom: object) -> dict[str, Any]:
    game = finished(classroom, "textbook", 1)  # type: ignore[arg-type]
    files = write_report(build_report(game, ANSWERS, {"name": "Léa", "class": "2nde B"},
                                      generated=GENERATED), folder)
    return json.loads(files.json.read_text("utf-8"))  # type: ignore[no-any-return]


def _variant(data: dict[str, Any], **game: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(data))
    copy["game"].update(game)
    copy["player"]["name"] = "Variant " + "".join(sorted(game))
    return copy


HOSTILE: dict[str, str] = {
    "nested.json": "[" * 100_000 + "]" * 100_000,  # RecursionError in json.loads
    "nested_object.json": '{"format": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001,
    "huge_digits.json": '{"format": ' + "9" * 5000 + "}",  # past int's digit limit
}


@pytest.fixture
def hostile_folder(tmp_path: Path, classroom: object) -> Path:
    folder = tmp_path / "class"
    data = _good(folder, classroom)
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, "utf-8")
    raw = json.dumps(_variant(data, score=1))
    (folder / "score_10_400.json").write_text(raw.replace('"score": 1', '"score": ' + "1"
                                                          + "0" * 400), "utf-8")
    (folder / "score_nan.json").write_text(raw.replace('"score": 1', '"score": NaN'), "utf-8")
    (folder / "score_inf.json").write_text(raw.replace('"score": 1', '"score": Infinity'),
                                           "utf-8")
    (folder / "score_float.json").write_text(raw.replace('"score": 1', '"score": 1e308'),
                                             "utf-8")
    (folder / "turns_huge.json").write_text(json.dumps(_variant(data, turns_played=10**30)),
                                            "utf-8")
    (folder / "seed_list.json").write_text(json.dumps(_variant(data, seed=[1])), "utf-8")
    bad_rating = json.loads(json.dumps(data))
    bad_rating["player"]["name"] = "Rating"
    bad_rating["questions"][0]["before"] = 10**400
    bad_rating["questions"][0]["after"] = {"x": 1}
    (folder / "rating.json").write_text(json.dumps(bad_rating), "utf-8")
    wrong = json.loads(json.dumps(data))
    wrong["player"]["name"] = "Wrong"
    wrong["crises"] = [{"event": "tweet", "title": "T", "missed": False, "choice": ["x"],
                        "choice_label": {"a": 1}}]
    (folder / "wrong_types.json").write_text(json.dumps(wrong), "utf-8")
    return folder


def test_every_hostile_report_is_skipped_with_a_reason(hostile_folder: Path) -> None:
    data = read_folder(hostile_folder)
    skipped = {s.path.name: s.code for s in data.skipped if s.path.suffix == ".json"}
    assert skipped == {
        "nested.json": "bad_json", "nested_object.json": "bad_json",
        "huge_digits.json": "bad_json", "score_10_400.json": "incomplete",
        "score_nan.json": "bad_json", "score_inf.json": "bad_json",
        "score_float.json": "incomplete", "turns_huge.json": "incomplete",
        "seed_list.json": "incomplete"}
    kept = sorted(r["player"]["name"] for _p, r in data.reports)
    assert kept == ["Léa", "Rating", "Wrong"]  # odd ratings and choices count as none
    reasons = {s.path.name: s.detail for s in data.skipped}
    assert "too deeply nested" in reasons["nested.json"]
    assert reasons["score_10_400.json"] == "game"


def test_the_class_summary_is_written_and_names_each_bad_file(hostile_folder: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    done = subprocess.run([sys.executable, "main.py", "class-report", str(hostile_folder),
                           "--out", str(out), "--lang", "fr"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "3 rapports élève lus" in done.stdout
    for name in ("nested.json", "score_10_400.json", "score_nan.json", "turns_huge.json"):
        assert name in done.stderr and name in out.read_text("utf-8")
    assert "trop profondément imbriqué" in done.stderr


def test_a_report_file_that_is_a_pipe_or_a_device_is_skipped(tmp_path: Path,
                                                             classroom: object) -> None:
    import os

    folder = tmp_path / "class"
    _good(folder, classroom)
    os.mkfifo(folder / "pipe.json")
    data = read_folder(folder)  # must not block on the pipe
    assert [s.code for s in data.skipped] == ["not_regular"]
    assert len(data.reports) == 1


def test_class_report_with_hostile_files_in_process(hostile_folder: Path,
                                                    tmp_path: Path) -> None:
    assert main(["class-report", str(hostile_folder), "--out",
                 str(tmp_path / "s.html")]) == 0
