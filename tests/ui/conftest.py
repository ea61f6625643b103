"""UI test fixtures: a hidden window, and config, data and scenario folders of the test's own."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import game.ui.app  # noqa: E402, F401  (pygame_gui imported as the game does: game/ui/gui_import.py)
from game.content.cache import CACHE_ENV  # noqa: E402
from game.paths import SCENARIOS_DIR  # noqa: E402
from game.ui.pilot import Pilot  # noqa: E402

DEEPFAKE = SCENARIOS_DIR / "deepfake_summit.yaml"
MINIMAL = Path(__file__).parent.parent / "content" / "fixtures" / "minimal.yaml"


def bundled_scenario() -> Path:
    """The scenario the class plays (the minimal fixture until one is bundled)."""
    return DEEPFAKE if DEEPFAKE.exists() else MINIMAL


@pytest.fixture(scope="session")
def checked_scenarios(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("checked")


@pytest.fixture(autouse=True)
def scenarios_checked_once(checked_scenarios: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app start lists the bundled scenarios, loading and checking each (0.29 s of
    CPU to the briefing; 0.07 s when they are remembered): here the game's own cache of
    checked scenarios serves them (by content hash and code stamp, as for a player), in
    memory and in a folder of this run's.  tests/conftest.py turns it off for the other
    tests, which are about reading and checking."""
    monkeypatch.setenv(CACHE_ENV, str(checked_scenarios))


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs reads XDG variables: each test gets empty config and data folders."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def start(tmp_path: Path) -> Callable[..., AbstractContextManager[Pilot]]:
    """``with start(lang="fr") as pilot:`` — the app on the title screen."""

    def starter(**kwargs: Any) -> AbstractContextManager[Pilot]:
        kwargs.setdefault("scenario", bundled_scenario())
        kwargs.setdefault("config_dir", tmp_path / "config" / "hd")
        kwargs.setdefault("data_dir", tmp_path / "data" / "hd")
        return Pilot.start(**kwargs)

    return starter


@pytest.fixture
def pilot(start: Callable[..., AbstractContextManager[Pilot]]) -> Iterator[Pilot]:
    with start() as running:
        yield running
