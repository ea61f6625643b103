"""The loader and the game's frozen objects (game/collector.py): a load never unfreezes
what the game froze, and leaves nothing frozen in a process that froze nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from game import collector
from game.content.loader import load_scenario
from tests.conftest import MINIMAL


@pytest.fixture
def thawed() -> Iterator[None]:
    yield
    collector.unfreeze()


def test_a_load_keeps_what_the_game_froze(thawed: None) -> None:
    kept = [object() for _ in range(10)]
    collector.freeze()
    assert collector.anything_frozen() and not _scanned(kept)
    assert load_scenario(MINIMAL, cache=False).playable
    assert not _scanned(kept), "the load unfroze the game's objects"
    assert gc.isenabled()


def _scanned(thing: object) -> bool:
    """Whether the collector scans *thing* (frozen objects are in none of its generations;
    their count is no measure: frozen objects that die leave it)."""
    return any(found is thing for found in gc.get_objects())


def test_a_load_in_a_process_that_froze_nothing_leaves_nothing_frozen() -> None:
    assert not collector.anything_frozen()
    assert load_scenario(MINIMAL, cache=False).playable
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
