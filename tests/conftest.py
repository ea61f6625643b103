"""Shared fixtures: the bundled scenarios, a small test scenario, the language reset, and
user folders of the test run's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game import i18n
from game.content.loader import LoadedScenario, load_scenario
from game.content.model import Scenario
from game.paths import DATA_DIR_ENV, SCENARIOS_DIR

HERE = Path(__file__).parent
MINIMAL = HERE / "content" / "fixtures" / "minimal.yaml"
BUNDLED = sorted(SCENARIOS_DIR.glob("*.yaml"))


@pytest.fixture(scope="session", autouse=True)
def own_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Settings, saves, reports and caches go to this run's temporary folder, never to the
    user's, and each xdist worker has its own (``-n auto`` runs workers at once; the child
    processes tests start inherit the variables).  UI tests narrow this to one test."""
    base = tmp_path_factory.mktemp("user")
    patch = pytest.MonkeyPatch()
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        patch.setenv(variable, str(base / variable.lower()))
    patch.delenv(DATA_DIR_ENV, raising=False)
    yield
    patch.undo()


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
