"""Shared fixtures: the bundled scenarios, a small test scenario, the language reset, and
user folders of the test run's own."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import i18n
from game.content.loader import LoadedScenario, load_scenario
from game.content.model import Scenario
from game.paths import DATA_DIR_ENV, SCENARIOS_DIR

# Bytecode caches are kept even where the environment asks not to write them
# (PYTHONDONTWRITEBYTECODE, set on the machines this suite is timed on): the suite starts
# a few hundred Python processes (the CLI, games, builds) that would each compile the
# game's modules again, and each xdist worker its rewritten test modules (~6 s of CPU in
# all).  The caches go to __pycache__ folders, which git ignores.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Every load reads its file (a test that changes the checker must not be served what an
# earlier test found), the game and commands run by tests too; tests/content/test_cache.py
# turns the checked-scenario cache on in a folder of its own.
os.environ["HASHTAG_DIPLOMACY_CACHE"] = "off"

HERE = Path(__file__).parent
MINIMAL = HERE / "content" / "fixtures" / "minimal.yaml"
BUNDLED = sorted(SCENARIOS_DIR.glob("*.yaml"))


# Modules whose tests share one costly module fixture: under -n each worker would build its
# own (the wheel: a build and a venv, ~50 s), so all their tests go to one worker.
ONE_WORKER_MODULES = ("tests/test_install_wheel.py",)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``-n``: tests go to workers one at a time, as xdist's default does, except that the
    tests of ONE_WORKER_MODULES go together.  (``--dist loadgroup`` with ``xdist_group``
    marks would do it, but pytest-xdist 3.8 cannot rename node ids under pytest 9.2.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OneTestAtATime(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER_MODULES else nodeid

    return OneTestAtATime(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long tests first: under ``-n`` a worker that picks one up at the end keeps the
    others waiting (a stable sort, the same in every worker as xdist requires)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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


def _fsync_without_waiting(fd: int) -> None:
    os.fstat(fd)  # a closed or bad descriptor still fails as fsync would


@pytest.fixture(scope="session", autouse=True)
def no_waiting_for_the_disk() -> Iterator[None]:
    """Saves and reports still call ``os.fsync`` (tests that break it patch it again), but
    in the test process it does not wait for the disk: no test can observe a power cut,
    and the UI tests autosave at every turn (~7 ms per fsync on this machine's disk, two
    per save).  Games run in child processes (the killed-while-saving test) sync for real."""
    patch = pytest.MonkeyPatch()
    patch.setattr(os, "fsync", _fsync_without_waiting)
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
