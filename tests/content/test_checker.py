"""The checker's analyses: references, flags, translations, reachability, paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.diagnostics import Severity
from game.content.loader import LoadedScenario
from tests.conftest import MINIMAL, load_text

BASE = MINIMAL.read_text("utf-8")


def variant(tmp_path: Path, old: str, new: str, name: str = "s.yaml") -> LoadedScenario:
    assert old in BASE, old
    return load_text(tmp_path, BASE.replace(old, new, 1), name)


def codes(loaded: LoadedScenario) -> list[tuple[str, str, int]]:
    return [(d.severity.value, d.code, d.line) for d in loaded.diagnostics]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_minimal_fixture_is_clean(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, BASE)
    assert loaded.diagnostics == [] and loaded.playable


def test_duplicate_ids_point_at_the_second_one(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "  - id: followup\n", "  - id: tweet\n")
    diag = next(d for d in loaded.diagnostics if d.code == "duplicate_id")
    assert diag.params["first_line"] == line_of(BASE, "  - id: tweet")
    assert diag.line == line_of(BASE, "  - id: followup")


def test_unknown_reference_inside_a_nested_condition(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "    when: {choice_made: {event: tweet, choice: hit}}",
                     "    when: {all: [{turn_at_least: 2}, {choice_made: {event: twet, "
                     "choice: hit}}]}")
    diag = next(d for d in loaded.diagnostics if d.code == "unknown_ref")
    assert diag.params["id"] == "twet" and diag.params["suggestion"] == "tweet"
    assert diag.line == line_of(BASE, "choice_made")
    assert "did you mean “tweet”" in diag.message


def test_unknown_choice_of_a_known_event(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "choice: hit}}", "choice: hitt}}")
    diag = next(d for d in loaded.diagnostics if d.code == "unknown_choice")
    assert diag.params["suggestion"] == "hit"


def test_unknown_condition_name_with_suggestion_at_its_key(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "when: {indicator_at_least: {tension: 90}}",
                     "when: {indicator_atleast: {tension: 90}}")
    diag = next(d for d in loaded.diagnostics if d.code == "unknown_condition")
    assert diag.params["suggestion"] == "indicator_at_least"
    text = BASE.splitlines()[diag.line - 1]
    assert text.find("indicator_at_least") + 1 == diag.column


def test_a_condition_written_with_two_keys_is_explained(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "when: {indicator_at_least: {tension: 90}}",
                     "when: {flag: a, turn_at_least: 2}")
    assert [d.code for d in loaded.diagnostics] == ["call_shape"]
    assert "single key" in loaded.diagnostics[0].message


def test_a_flag_tested_but_never_set_is_an_error_with_suggestion(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "    evidence_flag: verified", "    evidence_flag: verifed")
    diag = next(d for d in loaded.diagnostics if d.code == "flag_never_set")
    assert diag.severity is Severity.ERROR and diag.params["suggestion"] == "verified"
    warning = next(d for d in loaded.diagnostics if d.code == "flag_never_tested")
    assert warning.severity is Severity.WARNING


def test_missing_translation_is_a_warning_when_the_language_is_not_declared(
        tmp_path: Path) -> None:
    loaded = variant(tmp_path, "  languages: [fr, en]", "  languages: [fr]")
    loaded2 = variant(tmp_path, '  summary: {fr: "Pour les tests.", en: "For the tests."}',
                      '  summary: {fr: "Pour les tests."}')
    assert loaded.diagnostics == []
    assert codes(loaded2) == [("error", "missing_translation", 5)]
    text = BASE.replace("  languages: [fr, en]", "  languages: [fr]").replace(
        '  summary: {fr: "Pour les tests.", en: "For the tests."}', '  summary: {fr: "Pour."}')
    loaded3 = load_text(tmp_path, text, "t.yaml")
    assert codes(loaded3) == [("warning", "missing_translation", 5)]
    assert loaded3.playable


def test_an_event_after_the_last_turn_is_an_error(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "    turn: 1\n", "    turn: 9\n")
    assert ("error", "event_turn_out_of_range", line_of(BASE, "    turn: 1")) in codes(loaded)


def test_an_event_nobody_triggers_is_unreachable(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "    when: {choice_made: {event: tweet, choice: hit}}\n", "")
    diag = next(d for d in loaded.diagnostics if d.code == "event_unreachable")
    assert diag.severity is Severity.WARNING
    assert "no effect schedules it" in diag.message


def test_an_event_scheduled_by_a_choice_is_reachable(tmp_path: Path) -> None:
    text = BASE.replace("    when: {choice_made: {event: tweet, choice: hit}}\n", "").replace(
        "effects: [{change: {tension: 10, domestic_support: 5}}]",
        "effects: [{change: {tension: 10}}, {follow_up: followup}]")
    assert load_text(tmp_path, text).diagnostics == []


def test_an_event_whose_condition_is_impossible_is_unreachable(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "    when: {choice_made: {event: tweet, choice: hit}}",
                     "    when: {turn_at_least: 7}")
    diag = next(d for d in loaded.diagnostics if d.code == "event_unreachable")
    assert "this turn bound leaves no turn" in diag.message


def test_an_ending_after_the_default_one_is_unreachable(tmp_path: Path) -> None:
    head, _, tail = BASE.partition("concepts:\n  - id: deepfake\n")
    extra = ("  - id: late\n    title: {fr: \"Tard\", en: \"Late\"}\n"
             "    text: {fr: \"Trop tard.\", en: \"Too late.\"}\n    tone: failure\n")
    loaded = load_text(tmp_path, head + extra + "concepts:\n  - id: deepfake\n" + tail)
    diag = next(d for d in loaded.diagnostics if d.code == "ending_unreachable")
    assert diag.params["id"] == "late"
    assert "without a condition comes before it" in diag.message


def test_endings_need_a_default(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "    tone: mixed\n",
                     "    tone: mixed\n    when: {turn_at_least: 4}\n")
    assert ("error", "no_default_ending", line_of(BASE, "endings:")) in codes(loaded)


def test_an_unused_concept_card_is_a_warning(tmp_path: Path) -> None:
    text = BASE.replace("    concepts: [deepfake]\n", "")
    loaded = load_text(tmp_path, text)
    assert [d.code for d in loaded.diagnostics] == ["concept_unused"]


@pytest.mark.parametrize(("value", "code"), [
    ("/etc/passwd", "path_absolute"),
    ("C:/Windows/x.png", "path_absolute"),
    ("../outside.png", "path_escapes"),
    ("assets/missing.png", "path_missing"),
    ("assets/notes.txt", "path_not_image"),
    ("assets/link.png", "path_escapes"),
])
def test_asset_paths_stay_inside_the_scenario_folder(tmp_path: Path, value: str,
                                                     code: str) -> None:
    folder = tmp_path / "my_scenario"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "notes.txt").write_text("hello")
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 10)
    (folder / "assets" / "link.png").symlink_to(outside)
    text = BASE.replace('handle: "@Rival", kind: leader}',
                        f'handle: "@Rival", kind: leader, avatar: "{value}"}}')
    loaded = load_text(folder, text, "scenario.yaml")
    assert [d.code for d in loaded.diagnostics] == [code]


def test_a_good_image_inside_the_folder_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "rival.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 10)
    text = BASE.replace('handle: "@Rival", kind: leader}',
                        'handle: "@Rival", kind: leader, avatar: assets/rival.png}')
    assert load_text(tmp_path, text).diagnostics == []


def test_yes_no_words_are_text_and_true_false_are_booleans(tmp_path: Path) -> None:
    text = BASE.replace('{fr: "Apaiser", en: "Calm down"}', "{fr: Non, en: No}")
    loaded = load_text(tmp_path, text)
    assert loaded.playable
    assert loaded.scenario is not None
    label = loaded.scenario.event_by_id["tweet"].crisis.choices[0].label  # type: ignore[union-attr]
    assert (label.fr, label.en) == ("Non", "No")
    broken = load_text(tmp_path, BASE.replace('{fr: "Apaiser", en: "Calm down"}',
                                              "{fr: Non, en: true}"), "b.yaml")
    assert [d.code for d in broken.diagnostics] == ["bool_for_text"]


def test_a_plain_string_where_a_bilingual_text_is_needed(tmp_path: Path) -> None:
    loaded = variant(tmp_path, '  summary: {fr: "Pour les tests.", en: "For the tests."}',
                     "  summary: For the tests.")
    assert codes(loaded) == [("error", "text_map_expected", 5)]


def test_an_unsupported_schema_version(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "schema_version: 1", "schema_version: 2")
    assert codes(loaded) == [("error", "schema_version", 1)]


def test_anchors_and_merge_keys_work(tmp_path: Path) -> None:
    text = BASE.replace(
        "  - {id: rival, name: {fr: \"Le rival\", en: \"The rival\"}, handle: \"@Rival\", "
        "kind: leader}",
        "  - &rival {id: rival, name: {fr: \"Le rival\", en: \"The rival\"}, handle: \"@Rival\","
        " kind: leader}\n  - {<<: *rival, id: rival2, handle: \"@Rival2\"}")
    loaded = load_text(tmp_path, text)
    assert loaded.scenario is not None
    assert [a.id for a in loaded.scenario.actors] == ["rival", "rival2"]


def test_several_documents_in_one_file(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, BASE + "---\nschema_version: 1\n")
    assert codes(loaded)[0][1] == "multiple_documents"


def test_french_text_gets_french_typography(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, BASE)
    assert loaded.scenario is not None
    prompt = loaded.scenario.event_by_id["tweet"].crisis.prompt  # type: ignore[union-attr]
    assert prompt.fr == "Que répondre\u202f?"
    assert prompt.en == "How to answer?"


def test_a_crisis_without_any_debrief_explanation_is_a_warning(tmp_path: Path) -> None:
    loaded = variant(tmp_path, '    debrief: {fr: "Répondre vite, sans surenchère.", '
                     'en: "Answer fast, without escalating."}\n', "")
    assert [(d.severity.value, d.code) for d in loaded.diagnostics] == [
        ("warning", "event_no_debrief")]


def test_a_text_too_long_for_the_screen_is_a_warning(tmp_path: Path) -> None:
    long_label = "Apaiser " * 30
    loaded = variant(tmp_path, '{fr: "Apaiser", en: "Calm down"}',
                     f'{{fr: "{long_label.strip()}", en: "Calm down"}}')
    diag = next(d for d in loaded.diagnostics if d.code == "text_too_long_screen")
    assert diag.params == {"length": len(long_label.strip()), "limit": 150}
    assert loaded.playable


def test_a_choice_better_on_every_indicator_is_a_warning(tmp_path: Path) -> None:
    loaded = variant(tmp_path, "effects: [{change: {tension: 10, domestic_support: 5}}]",
                     "effects: [{change: {tension: 10, domestic_support: -5}}]")
    # "calm" also sets a flag, so its consequences are not only visible numbers: no verdict
    assert not [d for d in loaded.diagnostics if d.code == "dominant_choice"]
    text = BASE.replace("effects: [{change: {tension: -5}}, {set_flag: verified}]",
                        "effects: [{change: {tension: -5}}]").replace(
        "effects: [{change: {tension: 10, domestic_support: 5}}]",
        "effects: [{change: {tension: 10, domestic_support: -5}}]").replace(
        "    evidence_flag: verified\n", "")
    loaded = load_text(tmp_path, text, "d.yaml")
    diag = next(d for d in loaded.diagnostics if d.code == "dominant_choice")
    assert diag.params["id"] == "calm"


def test_yes_is_not_a_boolean(tmp_path: Path) -> None:
    loaded = variant(tmp_path, 'handle: "@Rival", kind: leader}',
                     'handle: "@Rival", kind: leader, verified: yes}')
    assert [(d.code, d.params) for d in loaded.diagnostics] == [
        ("text_for_boolean", {"value": "yes"})]
    assert "“yes” is text in a scenario; write true or false" in loaded.diagnostics[0].message
