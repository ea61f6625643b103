"""The bundled scenarios: clean for the checker, complete, cited, and playable to an end."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game import i18n
from game.content.loader import load_scenario
from game.content.model import Scenario, scenario_json_schema
from game.paths import ROOT, SCENARIOS_DIR, SEEDS_NAMES
from game.simulation.runner import play_once
from game.simulation.strategies import STRATEGIES
from tests.conftest import BUNDLED

SEEDS_DIR = ROOT.parent / "shared" / "seeds"
SCHEMA_LINE = "# yaml-language-server: $schema=scenario.schema.json"
_loaded: dict[Path, Scenario] = {}


def scenario(path: Path) -> Scenario:
    if path not in _loaded:
        loaded = load_scenario(path)
        assert loaded.diagnostics == [], [f"{d.line}:{d.column} {d.message}"
                                          for d in loaded.diagnostics]
        assert loaded.scenario is not None
        _loaded[path] = loaded.scenario
    return _loaded[path]


def test_there_are_bundled_scenarios() -> None:
    assert BUNDLED, "scenarios/ is empty"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_checker_finds_no_error_and_no_warning(path: Path) -> None:
    scenario(path)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_shape_of_a_classroom_scenario(path: Path) -> None:
    s = scenario(path)
    assert s.meta.languages == ["fr", "en"]
    assert len(s.endings) >= 3
    assert s.endings[-1].when is None
    assert s.meta.learning_goals
    tutorial = s.meta.id == "tutorial"
    assert (3 <= s.meta.turns <= 4) if tutorial else (8 <= s.meta.turns <= 12)
    if not tutorial:
        assert len(s.events) >= 12
        assert all(e.crisis.deadline for e in s.events if e.crisis)
    if s.narratives and not tutorial:
        assert len({n.technique for n in s.narratives}) >= 2


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_concept_cites_a_source_document(path: Path) -> None:
    s = scenario(path)
    assert set(s.meta.sources) <= set(SEEDS_NAMES)
    for concept in s.concepts:
        assert concept.source.document in SEEDS_NAMES, concept.id


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"[«»“”\"]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the source documents are not beside "
                    "the project on this machine (../shared/seeds)")
@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_cited_passages_are_in_the_cited_documents(path: Path) -> None:
    for concept in scenario(path).concepts:
        document = _normalise((SEEDS_DIR / concept.source.document).read_text("utf-8"))
        parts = [p for p in re.split(r"\s*(?:…|\.\.\.)\s*|\s*:\s*", concept.source.passage)
                 if len(p.strip()) > 3]
        for part in parts:
            assert _normalise(part) in document, (concept.id, part)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_files_start_with_the_schema_line_for_editors(path: Path) -> None:
    assert path.read_text("utf-8").splitlines()[0] == SCHEMA_LINE


@pytest.mark.parametrize(("lang", "name"), [("en", "scenario.schema.json"),
                                           ("fr", "scenario.schema.fr.json")])
def test_the_schema_files_beside_the_scenarios_are_current(lang: str, name: str) -> None:
    i18n.set_language(lang)
    saved = json.loads((SCENARIOS_DIR / name).read_text("utf-8"))
    assert saved == scenario_json_schema(), \
        f"run: python main.py --lang {lang} schema > scenarios/{name}"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_plays_to_an_ending_under_several_seeds(path: Path, strategy: str) -> None:
    s = scenario(path)
    for seed in range(5):
        result = play_once(s, strategy, seed)
        assert result.ending in s.ending_by_id
        assert 0 <= result.score <= 100
