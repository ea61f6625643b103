"""Shared fixtures: the bundled scenarios, a small test scenario, the language reset."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import i18n
from game.content.loader import LoadedScenario, load_scenario
from game.content.model import Scenario
from game.paths import SCENARIOS_DIR

# Every load reads its file (a test that changes the checker must not be served what an
# earlier test found), the game and commands run by tests too; tests/content/test_cache.py
# turns the checked-scenario cache on in a folder of its own.
os.environ["HASHTAG_DIPLOMACY_CACHE"] = "off"

HERE = Path(__file__).parent
MINIMAL = HERE / "content" / "fixtures" / "minimal.yaml"
BUNDLED = sorted(SCENARIOS_DIR.glob("*.yaml"))


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English and leaves the language as it found it."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def minimal() -> Scenario:
    loaded = load_scenario(MINIMAL)
    assert loaded.scenario is not None and loaded.playable, loaded.diagnostics
    return loaded.scenario


@pytest.fixture(scope="session")
def deepfake() -> Scenario:
    loaded = load_scenario(SCENARIOS_DIR / "deepfake_summit.yaml")
    assert loaded.scenario is not None and loaded.playable, loaded.diagnostics
    return loaded.scenario


def load_text(tmp_path: Path, text: str, name: str = "s.yaml") -> LoadedScenario:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)
