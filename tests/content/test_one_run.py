"""Every problem in one run: format errors and the meaning of the rest, together."""

from __future__ import annotations

from pathlib import Path

from game.content.loader import LoadedScenario
from tests.conftest import MINIMAL, load_text

BASE = MINIMAL.read_text("utf-8")


def edited(tmp_path: Path, *pairs: tuple[str, str]) -> LoadedScenario:
    text = BASE
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return load_text(tmp_path, text)


def found(loaded: LoadedScenario) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in loaded.diagnostics]


def test_three_key_typos_and_a_wrong_actor_id_in_one_run(tmp_path: Path) -> None:
    loaded = edited(tmp_path, ("  turns: 4", "  turnz: 4"), ("    virality:", "    viralty:"),
                    ("      deadline: 2", "      deadlin: 2"),
                    ("      - {actor: rival, text: {fr: \"Vous", "      - {actor: rivall, "
                     "text: {fr: \"Vous"))
    assert found(loaded) == [(8, "unknown_key"), (29, "unknown_key"), (42, "unknown_key"),
                             (56, "unknown_ref")]
    assert loaded.diagnostics[-1].params["suggestion"] == "rival"
    assert loaded.diagnostics[-1].column == 17


def test_a_broken_event_is_set_aside_and_what_refers_to_it_is_not_reported(
        tmp_path: Path) -> None:
    # The crisis event cannot be built (bad deadline); the follow-up refers to it and the
    # flag it sets is tested by the narrative: neither is a second problem.
    loaded = edited(tmp_path, ("      deadline: 2", "      deadline: two"),
                    ("  - {id: summit, name: {fr: \"Le sommet\", en: \"The summit\"}, "
                     "narrative: fake}", "  - {id: summit, name: {fr: \"Le sommet\", "
                     "en: \"The summit\"}, narrative: fakee}"))
    assert found(loaded) == [(22, "unknown_ref"), (42, "bad_whole_number")]


def test_a_later_list_item_is_located_where_it_was_written(tmp_path: Path) -> None:
    # The first audience is broken and set aside; the second one's bad reference in a
    # channel-free scenario is an actor's: located at its own line, not one item up.
    loaded = edited(tmp_path, ("kind: domestic, language: fr, size: 2", "kind: domestic, "
                               "language: fr, size: big"),
                    ("    source: rival\n", "    source: rivale\n"))
    assert found(loaded) == [(17, "bad_number"), (28, "unknown_ref")]


def test_a_broken_top_level_value_stops_the_second_pass(tmp_path: Path) -> None:
    loaded = edited(tmp_path, ("  turns: 4", "  turns: four"),
                    ("    source: rival\n", "    source: rivale\n"))
    assert found(loaded) == [(8, "bad_whole_number")]
