"""The number a student is shown is the number that decides: an ending that asks a
narrative below another reach than the threshold marked on its bar is a warning, and no
bundled scenario has one (a playtest: the bar said 20 %, the best ending wanted under 10 %).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game import i18n
from game.content.check_report import format_diagnostic
from game.content.loader import LoadedScenario, load_scenario
from tests.conftest import BUNDLED, MINIMAL, load_text

BASE = MINIMAL.read_text("utf-8")
GOOD_WHEN = "    when: {indicator_at_least: {credibility: 55}}\n"
NBSP = "\u00a0"


def with_success_when(tmp_path: Path, when: str, rules: str = "") -> LoadedScenario:
    assert GOOD_WHEN in BASE
    text = BASE.replace(GOOD_WHEN, f"    when: {when}\n", 1) + rules
    return load_text(tmp_path, text)


def differs(loaded: LoadedScenario) -> list:  # type: ignore[type-arg]
    return [d for d in loaded.diagnostics if d.code == "ending_threshold_differs"]


def test_a_stricter_ceiling_than_the_marked_threshold_is_a_warning_at_its_number(
        tmp_path: Path) -> None:
    loaded = with_success_when(
        tmp_path, "{all: [{indicator_at_least: {credibility: 55}}, "
                  "{narrative_reach_below: {narrative: fake, reach: 10}}]}",
        "rules:\n  disinformation_threshold: 20\n")
    [diag] = differs(loaded)
    assert diag.severity.value == "warning" and loaded.playable
    line = next(i for i, text in enumerate(BASE.splitlines(), 1) if text == GOOD_WHEN.rstrip())
    text = (tmp_path / "s.yaml").read_text("utf-8").splitlines()
    assert diag.line == line and text[line - 1][diag.column - 1:].startswith("10}")
    shown = format_diagnostic(diag, text, color=False)
    where = f"{tmp_path / 's.yaml'}:{line}:{diag.column}"
    assert shown.startswith(f"{where}: warning: the ending “good” wants “fake” below 10% reach")
    assert "threshold, 20%" in shown
    i18n.set_language("fr")
    assert diag.message.startswith(f"la fin «{NBSP}good{NBSP}» demande «{NBSP}fake{NBSP}» "
                                   f"sous 10{NBSP}% de portée")


@pytest.mark.parametrize("when", [
    "{narrative_reach_below: {narrative: fake, reach: 30}}",  # the default threshold
    "{not: {narrative_reach_at_least: {narrative: fake, reach: 30}}}",
    # one route among others, not a bar every game must pass
    "{any: [{indicator_at_least: {credibility: 70}}, "
    "{narrative_reach_below: {narrative: fake, reach: 10}}]}",
    "{narrative_reach_at_least: {narrative: fake, reach: 60}}",  # a floor, not an aim
])
def test_ceilings_at_the_marked_threshold_or_optional_ones_pass(tmp_path: Path,
                                                                when: str) -> None:
    assert differs(with_success_when(tmp_path, when)) == []


def test_a_floor_under_not_is_a_ceiling(tmp_path: Path) -> None:
    loaded = with_success_when(tmp_path,
                               "{not: {narrative_reach_at_least: {narrative: fake, reach: 25}}}")
    [diag] = differs(loaded)
    assert diag.params["reach"] == 25 and diag.params["threshold"] == 30


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_ending_asks_for_the_threshold_its_bars_show(path: Path) -> None:
    loaded = load_scenario(path)
    assert [(d.line, d.message) for d in differs(loaded)] == []
