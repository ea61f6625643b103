"""Indentation mistakes are called indentation, at the key that does not line up."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.content import yaml_source
from game.content.loader import load_scenario
from tests.conftest import MINIMAL, load_text

BASE = MINIMAL.read_text("utf-8")


@pytest.mark.parametrize("old, new, code, line, key, neighbour", [
    ("      deadline: 2", "    deadline: 2", "indent_less", 42, "deadline", "prompt"),
    ("      deadline: 2", "        deadline: 2", "indent_more", 42, "deadline", "prompt"),
    ("    virality: 0.6", "   virality: 0.6", "indent_less", 29, "virality", "source"),
    ("    virality: 0.6", "     virality: 0.6", "indent_more", 29, "virality", "source"),
    ("  turns: 4", " turns: 4", "indent_less", 8, "turns", "languages"),
])
def test_a_key_out_of_line_is_named_with_its_neighbour(
        tmp_path: Path, old: str, new: str, code: str, line: int, key: str,
        neighbour: str) -> None:
    loaded = load_text(tmp_path, BASE.replace(old, new, 1))
    [diag] = loaded.diagnostics
    assert (diag.code, diag.line, diag.params["key"], diag.params["neighbour"]) == (
        code, line, key, neighbour)
    assert diag.column == len(new) - len(new.lstrip()) + 1


def test_a_real_colon_in_a_value_is_still_a_colon(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, BASE.replace('prompt: {fr: "Que répondre ?", en: "How to '
                                              'answer?"}', "prompt: Attention : vidéo"))
    assert [d.code for d in loaded.diagnostics] == ["colon_in_value"]


def test_the_reader_works_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml's C extension the pure-Python parser gives the same results."""
    with_c = load_scenario(MINIMAL)
    bad = Path(__file__).parent / "bad" / "indent_less.yaml"
    with_c_bad = load_scenario(bad)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert not hasattr(yaml_source.yaml, "CSafeLoader")
    without = load_scenario(MINIMAL)
    assert without.playable and without.scenario == with_c.scenario
    assert load_scenario(bad).diagnostics == with_c_bad.diagnostics
