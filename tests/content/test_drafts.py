"""A topic's drafts and when it is offered: the format accepts them, ``check`` validates
them (length, every language of the scenario, the event named), v1 files without them load."""

from __future__ import annotations

from pathlib import Path

from game.content.diagnostics import Severity
from tests.content.test_checker import BASE, variant

TOPIC = '  - {id: summit, name: {fr: "Le sommet", en: "The summit"}, narrative: fake}\n'


def with_topic(tmp_path: Path, extra: str):  # type: ignore[no-untyped-def]
    topic = ('  - id: summit\n    name: {fr: "Le sommet", en: "The summit"}\n'
             '    narrative: fake\n' + extra)
    return variant(tmp_path, TOPIC, topic)


def errors(loaded) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(d.code, d.line) for d in loaded.diagnostics if d.severity is Severity.ERROR]


def test_a_file_without_drafts_still_loads_and_offers_no_drafts(tmp_path: Path) -> None:
    loaded = variant(tmp_path, TOPIC, TOPIC)
    assert loaded.scenario is not None and loaded.playable
    topic = loaded.scenario.topics[0]
    assert topic.drafts == [] and topic.from_turn is None and topic.after_event is None


def test_drafts_load_with_french_typography(tmp_path: Path) -> None:
    loaded = with_topic(tmp_path, '    drafts:\n'
                        '      - {fr: "La vidéo est fausse : voici l\'originale !", '
                        'en: "The video is fake: here is the original!"}\n'
                        '      - {fr: "Vérifiez avant de partager.", '
                        'en: "Check before you share."}\n'
                        '    from_turn: 2\n')
    assert errors(loaded) == [] and loaded.scenario is not None
    drafts = loaded.scenario.topics[0].drafts
    assert len(drafts) == 2
    assert drafts[0].fr == "La vidéo est fausse\u00a0: voici l'originale\u202f!"
    assert loaded.scenario.topics[0].from_turn == 2


def test_a_draft_missing_a_language_of_the_scenario_is_an_error_at_its_line(
        tmp_path: Path) -> None:
    loaded = with_topic(tmp_path, '    drafts:\n      - {fr: "Seulement en français."}\n')
    line = BASE.count("\n", 0, BASE.index(TOPIC)) + 5
    assert ("missing_translation", line) in errors(loaded)


def test_a_draft_longer_than_a_post_is_an_error(tmp_path: Path) -> None:
    long = "a" * 281
    loaded = with_topic(tmp_path, f'    drafts:\n      - {{fr: "{long}", en: "ok"}}\n')
    found = [d for d in loaded.diagnostics if d.code == "text_too_long"]
    assert found and found[0].severity is Severity.ERROR and found[0].params["limit"] == 280
    fine = with_topic(tmp_path, f'    drafts:\n      - {{fr: "{long[:280]}", en: "ok"}}\n')
    assert errors(fine) == []


def test_too_many_drafts_are_refused(tmp_path: Path) -> None:
    drafts = "".join(f'      - {{fr: "Texte {n}", en: "Text {n}"}}\n' for n in range(7))
    loaded = with_topic(tmp_path, "    drafts:\n" + drafts)
    assert "too_many_items" in [code for code, _line in errors(loaded)]


def test_from_turn_after_the_last_turn_and_an_unknown_event_are_errors(tmp_path: Path) -> None:
    late = with_topic(tmp_path, "    from_turn: 99\n")
    assert "from_turn_out_of_range" in [code for code, _line in errors(late)]
    unknown = with_topic(tmp_path, "    after_event: tweeet\n")
    diag = next(d for d in unknown.diagnostics if d.code == "unknown_ref")
    assert diag.params["kind"] == "event" and diag.params["suggestion"] == "tweet"
    known = with_topic(tmp_path, "    after_event: tweet\n")
    assert errors(known) == []
