"""Long play through the real scenes: memory stays flat (``HD_LONG_TESTS=1``: 1,000 turns,
else 60), and the feed's posts keep their keys once the oldest are dropped."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from game.content.model import Scenario
from game.engine.game import Game
from game.engine.ops import FEED_KEPT
from game.presentation import viewmodel
from game.ui.pilot import Pilot
from game.ui.session import Session
from tests.ui.long_play import long_scenario, play_long

Start = Callable[..., AbstractContextManager[Pilot]]

LONG = os.environ.get("HD_LONG_TESTS") == "1"
TURNS = 1000 if LONG else 60
WARM = 50 if LONG else 20  # RSS after warm-up (scenes, fonts, caches made once) is the base


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_memory_does_not_grow_over_a_long_game(start: Start, tmp_path: Path) -> None:
    path = long_scenario(tmp_path, TURNS)
    with start(scenario=path) as pilot:
        out = play_long(pilot, TURNS, sample=lambda t: t in (WARM, TURNS))
        assert pilot.scene == "ending" and pilot.game.state.turn == TURNS
        assert len(pilot.game.state.feed) == min(FEED_KEPT, len(pilot.game.state.feed))
    assert out.growth(WARM, TURNS) < 0.10, out.rss


def test_feed_keys_stay_with_their_posts_when_the_oldest_are_dropped(
        minimal: Scenario) -> None:
    game = Game(minimal, 1)
    session = Session()
    session.game = game
    session.reset_feed()
    for n in range(20):
        game.ops.add_feed_post("rival", None, n, 0)
    first = dict(zip(map(id, game.state.feed), session.feed_keys(), strict=True))
    survivors = game.state.feed[-5:]
    for n in range(FEED_KEPT - 5):  # the 15 oldest are dropped, then 5 more of the first 20
        game.ops.add_feed_post("rival", None, 1000 + n, 0)
    keys = session.feed_keys()
    assert len(game.state.feed) == FEED_KEPT and len(set(keys)) == FEED_KEPT
    now = dict(zip(map(id, game.state.feed), keys, strict=True))
    assert [now[id(p)] for p in survivors] == [first[id(p)] for p in survivors]
    views = {v.key: v.likes for v in viewmodel.feed_posts(game, None, keys)}
    assert [views[now[id(p)]] for p in survivors] == [p.likes for p in survivors]
    # What the feed showed is remembered only for posts still in it.
    session.feed_seen.update((k, (0, 0)) for k in keys)
    game.ops.add_feed_post("rival", None, 1, 0)
    keys = session.feed_keys()
    assert set(session.feed_seen) == set(keys[:-1])  # the new post has not been shown yet
