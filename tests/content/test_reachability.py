"""Conditions that can never hold are found by `check`, at the line of the impossible part."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import LoadedScenario, load_scenario
from game.i18n import set_language
from tests.conftest import MINIMAL, load_text

BASE = MINIMAL.read_text("utf-8")
FOLLOWUP_WHEN = "    when: {choice_made: {event: tweet, choice: hit}}"
GOOD_WHEN = "    when: {indicator_at_least: {credibility: 55}}"


def variant(tmp_path: Path, old: str, new: str) -> LoadedScenario:
    assert old in BASE, old
    return load_text(tmp_path, BASE.replace(old, new, 1))


def unreachable(loaded: LoadedScenario, code: str = "event_unreachable") -> list[tuple[int, str]]:
    return [(d.line, d.params["reason"]) for d in loaded.diagnostics if d.code == code]


def line_col(loaded: LoadedScenario, code: str) -> tuple[int, int]:
    diag = next(d for d in loaded.diagnostics if d.code == code)
    return diag.line, diag.column


@pytest.mark.parametrize("condition, reason, part", [
    ("{all: [{turn_at_least: 3}, {turn_at_most: 2}]}", "reason_turns", "turn_at_most"),
    ("{all: [{flag: verified}, {no_flag: verified}]}", "reason_flag_both", "no_flag"),
    ("{all: [{indicator_at_least: {tension: 60}}, {indicator_below: {tension: 40}}]}",
     "reason_indicator", "tension: 40"),
    ("{indicator_below: {credibility: 0}}", "reason_indicator", "credibility"),
    ("{any: [{turn_at_least: 9}, {all: [{flag: verified}, {not: {flag: verified}}]}]}",
     "reason_no_alternative", "any"),
    ("{all: [{turn_at_most: 1}, {not: {turn_at_most: 2}}]}", "reason_turns", "turn_at_most"),
])
def test_contradictory_conditions_point_at_their_impossible_part(
        tmp_path: Path, condition: str, reason: str, part: str) -> None:
    loaded = variant(tmp_path, FOLLOWUP_WHEN, f"    when: {condition}")
    [(line, found)] = unreachable(loaded)
    assert found == reason
    line_text = loaded.lines[line - 1]
    diag = next(d for d in loaded.diagnostics if d.code == "event_unreachable")
    assert line_text[diag.column - 1:].startswith(part.split(":")[0]), (line_text, diag.column)


def test_an_event_turn_outside_its_condition(tmp_path: Path) -> None:
    text = BASE.replace(FOLLOWUP_WHEN, "    turn: 2\n    when: {turn_at_least: 3}")
    loaded = load_text(tmp_path, text)
    [(line, reason)] = unreachable(loaded)
    assert reason == "reason_turns" and "when: {turn_at_least: 3}" in loaded.lines[line - 1]
    set_language("en")
    diag = next(d for d in loaded.diagnostics if d.code == "event_unreachable")
    assert diag.message == ("the event “followup” can never fire: this turn bound leaves no "
                            "turn at which the condition holds (it is tested on turn 2)")


def test_a_flag_set_only_after_the_last_turn_it_is_tested(tmp_path: Path) -> None:
    # "verified" is set by an answer to the turn-1 crisis; make that crisis come at turn 3.
    text = BASE.replace("  - id: tweet\n    turn: 1\n", "  - id: tweet\n    turn: 3\n").replace(
        FOLLOWUP_WHEN, "    when: {all: [{flag: verified}, {turn_at_most: 2}]}")
    loaded = load_text(tmp_path, text)
    [(line, reason)] = unreachable(loaded)
    assert reason == "reason_flag_late"
    diag = next(d for d in loaded.diagnostics if d.code == "event_unreachable")
    assert diag.params["turn"] == 3 and diag.params["last"] == 2
    set_language("fr")
    assert "au plus tôt" in diag.message
    set_language("en")


def test_an_ending_needing_a_flag_and_its_absence(tmp_path: Path) -> None:
    loaded = variant(tmp_path, GOOD_WHEN,
                     "    when: {all: [{flag: verified}, {no_flag: verified}]}")
    assert unreachable(loaded, "ending_unreachable") == [
        (BASE.splitlines().index(GOOD_WHEN) + 1, "reason_flag_both")]


def test_a_final_ending_is_tested_on_the_last_turn_only(tmp_path: Path) -> None:
    loaded = variant(tmp_path, GOOD_WHEN, "    when: {turn_at_most: 3}")
    assert [r for _, r in unreachable(loaded, "ending_unreachable")] == ["reason_turns"]


def test_an_event_scheduled_only_by_an_event_that_never_fires(tmp_path: Path) -> None:
    text = BASE.replace(FOLLOWUP_WHEN + "\n", "").replace(
        "  - id: tweet\n    turn: 1\n", "  - id: tweet\n    turn: 1\n"
        "    when: {turn_at_least: 2}\n").replace(
        "effects: [{change: {tension: 10, domestic_support: 5}}]",
        "effects: [{change: {tension: 10}}, {follow_up: followup}]")
    loaded = load_text(tmp_path, text)
    reasons = sorted(r for _, r in unreachable(loaded))
    assert reasons == ["reason_scheduled_never", "reason_turns"]


@pytest.mark.parametrize("condition", [
    "{all: [{turn_at_least: 2}, {turn_at_most: 2}]}",
    "{all: [{flag: verified}, {turn_at_least: 2}]}",
    "{any: [{turn_at_least: 9}, {flag: verified}]}",
    "{not: {all: [{flag: verified}, {no_flag: verified}]}}",
    "{all: [{indicator_at_least: {tension: 40}}, {indicator_below: {tension: 60}}]}",
    "{narrative_phase: {narrative: fake, phase: viral}}",
])
def test_possible_conditions_are_not_reported(tmp_path: Path, condition: str) -> None:
    loaded = variant(tmp_path, FOLLOWUP_WHEN, f"    when: {condition}")
    assert unreachable(loaded) == []


def test_bundled_scenarios_have_no_impossible_condition() -> None:
    for path in sorted(Path("scenarios").glob("*.yaml")):
        loaded = load_scenario(path)
        codes = {d.code for d in loaded.diagnostics}
        assert not codes & {"event_unreachable", "ending_unreachable"}, path


def test_check_play_warns_about_what_no_quick_game_reached(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    # Possible on paper (tension can reach 99), never reached by any scripted player.
    path = tmp_path / "s.yaml"
    path.write_text(BASE.replace("when: {indicator_at_least: {tension: 90}}",
                                 "when: {indicator_at_least: {tension: 99, credibility: 99}}"),
                    "utf-8")
    assert main(["check", str(path), "--lang", "en"]) == 0
    assert "never" not in capsys.readouterr().out
    assert main(["check", "--play", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "the ending “crash” was not reached in any of 100 quick games" in out
    assert "[ending_never_played]" in out and ":58:9:" in out
    assert main(["check", str(path), "--play", "12", "--json"]) == 0
    assert "12 quick games" in capsys.readouterr().out


def test_check_play_skips_a_scenario_with_errors(tmp_path: Path) -> None:
    from game.content.playtest import play_check

    loaded = variant(tmp_path, "    turn: 1\n", "    turn: 9\n")
    assert loaded.errors and play_check(loaded, 50) == []
