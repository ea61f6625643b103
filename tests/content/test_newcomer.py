"""Two scenarios written from the authoring guide alone, by first-time authors, one in French
and one in English: every draft gives exactly the diagnostics in ``newcomer/journeys.yaml``
(in both languages) until the author's fixes turn it into the clean, playable
``.fixed.yaml``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from game import i18n
from game.cli import main
from game.content.loader import load_scenario
from game.simulation.runner import play_once
from game.simulation.strategies import STRATEGIES
from tests.conftest import load_text

HERE = Path(__file__).parent / "newcomer"
JOURNEYS: dict[str, dict[str, Any]] = yaml.safe_load((HERE / "journeys.yaml").read_text("utf-8"))


def diagnostics(path: Path) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for lang in ("en", "fr"):
        i18n.set_language(lang)
        for i, diag in enumerate(load_scenario(path).diagnostics):
            if lang == "en":
                found.append({"at": f"{diag.line}:{diag.column}", "severity": diag.severity.value,
                              "code": diag.code, "en": diag.message})
            else:
                found[i]["fr"] = diag.message
    i18n.set_language("en")
    return found


def test_both_languages_have_a_newcomer() -> None:
    assert {name[:3] for name in JOURNEYS} == {"fr_", "en_"}


@pytest.mark.parametrize("draft", sorted(JOURNEYS))
def test_each_draft_gives_exactly_the_expected_messages(tmp_path: Path, draft: str) -> None:
    journey = JOURNEYS[draft]
    text = (HERE / draft).read_text("utf-8")
    path = tmp_path / draft
    for number, step in enumerate(journey["steps"], start=1):
        path.write_text(text, "utf-8")
        assert diagnostics(path) == step["expect"], f"step {number}: {step['why']}"
        for fix in step["fix"]:
            assert text.count(fix["old"]) == 1, (number, fix["old"])
            text = text.replace(fix["old"], fix["new"])
    first_draft_note = text.splitlines(keepends=True)[2]
    assert "journeys.yaml" in first_draft_note
    assert text.replace(first_draft_note, "") == (HERE / journey["fixed"]).read_text("utf-8")


def test_the_journeys_cover_a_first_time_authors_mistakes() -> None:
    codes = {d["code"] for journey in JOURNEYS.values() for step in journey["steps"]
             for d in step["expect"]}
    assert {"tab_indent", "colon_in_value", "unknown_key", "bad_number", "bad_whole_number",
            "bad_handle", "unknown_ref", "missing_translation", "flag_never_set",
            "no_default_ending"} <= codes


@pytest.mark.parametrize("draft", sorted(JOURNEYS))
def test_the_corrected_scenario_checks_clean_and_plays(draft: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    fixed = HERE / JOURNEYS[draft]["fixed"]
    assert main(["check", str(fixed)]) == 0
    assert capsys.readouterr().out.strip() == "1 file checked, 0 errors, 0 warnings"
    loaded = load_scenario(fixed)
    assert loaded.scenario is not None
    endings = {play_once(loaded.scenario, name, seed).ending
               for name in STRATEGIES for seed in range(3)}
    assert endings == {e.id for e in loaded.scenario.endings}


@pytest.mark.parametrize("draft", sorted(JOURNEYS))
def test_the_first_message_in_the_terminal(draft: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = JOURNEYS[draft]["steps"][0]["expect"][0]
    assert main(["check", "--lang", "fr", str(HERE / draft)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(f":{first['at']}: erreur\u00a0: {first['fr']} [{first['code']}]")
    assert out[2].strip().endswith("^")


def test_a_hashtag_inside_quotes_is_not_mistaken_for_a_comment(tmp_path: Path) -> None:
    """Found by the English newcomer: a quoted “#hashtag” before a YAML error made the
    checker blame the wrong line for an unclosed quote."""
    loaded = load_text(tmp_path, 'a:\n  fr: "Le mot-dièse #Barrage monte"\n  en: Alert: x\n')
    assert [(d.code, d.line) for d in loaded.diagnostics] == [("colon_in_value", 3)]
