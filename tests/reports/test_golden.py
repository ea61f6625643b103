"""Golden files: a scripted game's student report, in English and in French, must come out
byte for byte as committed in ``tests/reports/golden/``.

A change to the report, the engine, the catalogs or the fixture scenario changes them on
purpose: look at the difference (``git diff tests/reports/golden``, or open the HTML in a
browser), then regenerate them with::

    HD_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/reports/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game import i18n
from game.content.model import Scenario
from game.reports.content import build_report
from game.reports.files import write_report
from tests.reports.conftest import ANSWERS, GENERATED, PLAYER, finished

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("HD_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_report_matches_its_golden_files(tmp_path: Path, classroom: Scenario,
                                             lang: str) -> None:
    i18n.set_language(lang)
    report = build_report(finished(classroom, "textbook", 4), ANSWERS, PLAYER,
                          generated=GENERATED)
    files = write_report(report, tmp_path)
    assert files.html.name == "Zoé-Martin-Dupont_2nde-B_classroom-fixture_2026-03-14.html"
    for written, suffix in ((files.html, "html"), (files.json, "json")):
        golden = GOLDEN / f"report_{lang}.{suffix}"
        if UPDATE:
            golden.write_bytes(written.read_bytes())
        assert golden.exists(), f"no golden file {golden.name}: run with HD_UPDATE_GOLDEN=1"
        assert written.read_text("utf-8") == golden.read_text("utf-8"), (
            f"{golden.name} differs; if the change is intended, regenerate (see the module "
            "docstring)")


def test_the_two_languages_say_the_same_thing(classroom: Scenario) -> None:
    """Same ids and numbers in both golden JSON files; only the texts differ."""
    import json

    en = json.loads((GOLDEN / "report_en.json").read_text("utf-8"))
    fr = json.loads((GOLDEN / "report_fr.json").read_text("utf-8"))
    assert en["language"] == "en" and fr["language"] == "fr"
    assert en["game"] == fr["game"] and en["crises"][0]["choice"] == fr["crises"][0]["choice"]
    assert [i["values"] for i in en["indicators"]] == [i["values"] for i in fr["indicators"]]
    assert [e["changes"] for e in en["timeline"]] == [e["changes"] for e in fr["timeline"]]
    assert en["timeline"][0]["text"] != fr["timeline"][0]["text"]
    assert "Indicateurs, tour par tour" in (GOLDEN / "report_fr.html").read_text("utf-8")
