"""Badges earned by defending (issue 13, item 5): a fitting counter that answers a narrative
earns its technique's badge, once; nothing else does; badges and the spread's starting
point are saved, and saves made before them still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content.model import Scenario
from game.engine import badges
from game.engine.actions import Counter, PostMessage
from game.engine.game import Game
from game.engine.save import SaveData, decode, encode, restore_state, state_problem
from game.engine.state import GameState
from game.engine.vocabulary import Channel, Measure, Tone
from tests.engine.test_techniques import at_turn, resolve, scenario


def _fresh(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    return tmp_path / name


def _spreading(s: Scenario, turn: int = 3) -> Game:
    """At the desk of *turn*, the narrative (launched turn 2) past the debunk-is-too-early
    threshold, so a debunk lands as an answer."""
    game = at_turn(s, turn)
    run = game.state.narratives["fake"]
    for audience in run.reach:
        run.reach[audience] = 40.0
    run.weighted = 40.0
    return game


def test_a_fitting_counter_that_answers_earns_the_technique_badge(tmp_path: Path) -> None:
    game = resolve(_spreading(scenario(tmp_path)), Counter("fake", Measure.REPORT))
    assert game.state.badges == [{"technique": "deepfake", "narrative": "fake",
                                  "counter": "report", "turn": 3}]
    assert badges.earned_now(game) == game.state.badges


def test_a_badge_is_earned_once_per_technique(tmp_path: Path) -> None:
    game = resolve(_spreading(scenario(tmp_path)), Counter("fake", Measure.REPORT),
                   Counter("fake", Measure.FACTCHECK))
    assert [b["counter"] for b in game.state.badges] == ["report"]
    game.next_turn()
    game.open_desk()
    resolve(game, Counter("fake", Measure.DEBUNK))
    assert len(game.state.badges) == 1 and badges.earned_now(game) == []


def test_monitoring_weak_and_backfiring_counters_earn_nothing(tmp_path: Path) -> None:
    monitored = resolve(_spreading(scenario(tmp_path)), Counter("fake", Measure.MONITOR))
    assert monitored.state.badges == []
    # Debunking bots does little; debunking trolls backfires: neither is the lesson.
    bots = resolve(_spreading(scenario(_fresh(tmp_path, "b"), "bots")),
                   Counter("fake", Measure.DEBUNK))
    assert bots.state.badges == []
    trolls = resolve(_spreading(scenario(_fresh(tmp_path, "t"), "trolling")),
                     Counter("fake", Measure.DEBUNK))
    assert trolls.state.badges == []


def test_a_fitting_counter_that_did_not_land_earns_nothing(tmp_path: Path) -> None:
    # Debunking what almost nobody has seen spreads it (the table says debunk fits a
    # deepfake, but not this early).
    game = at_turn(scenario(tmp_path), 2)
    run = game.state.narratives["fake"]
    for audience in run.reach:
        run.reach[audience] = 2.0
    run.weighted = 2.0
    resolve(game, Counter("fake", Measure.DEBUNK))
    debunk = next(o for o in game.state.outcomes if o.source == "counter")
    assert "amplified" in debunk.notes and "counter_fits" in debunk.notes
    assert game.state.badges == []


def test_a_calm_post_earns_the_badge_where_a_post_is_the_fitting_answer(tmp_path: Path) -> None:
    game = resolve(_spreading(scenario(tmp_path, "rumour")),
                   PostMessage(Channel.MICROBLOG, "domestic", Tone.FACTUAL, "summit", "fr"))
    assert game.state.badges == [{"technique": "rumour", "narrative": "fake",
                                  "counter": "post", "turn": 3}]
    # The same post against a deepfake informs a little and answers nothing.
    other = resolve(_spreading(scenario(_fresh(tmp_path, "d"))),
                    PostMessage(Channel.MICROBLOG, "domestic", Tone.FACTUAL, "summit", "fr"))
    assert other.state.badges == []


def test_the_spread_view_gets_where_each_narrative_stood_before_the_turn(
        tmp_path: Path) -> None:
    game = _spreading(scenario(tmp_path))
    before = dict(game.state.narratives["fake"].reach)
    resolve(game, Counter("fake", Measure.DEBUNK))
    assert game.state.reach_before == {"fake": before}
    assert game.state.narratives["fake"].reach != before


def test_badges_and_the_spread_are_saved_and_old_saves_still_load(
        tmp_path: Path) -> None:
    game = resolve(_spreading(scenario(tmp_path)), Counter("fake", Measure.REPORT))
    again = GameState.from_dict(json.loads(json.dumps(game.state.to_dict())))
    assert again.badges == game.state.badges
    assert again.reach_before == game.state.reach_before
    old = game.state.to_dict()
    del old["badges"], old["reach_before"]
    older = GameState.from_dict(old)
    assert older.badges == [] and older.reach_before == {}


def test_a_save_with_a_badge_the_scenario_cannot_have_is_refused(tmp_path: Path) -> None:
    s = scenario(tmp_path)
    game = resolve(_spreading(s), Counter("fake", Measure.REPORT))
    saved = decode(encode(SaveData(s.meta.id, "s.yaml", "x", game.state.to_dict())))
    assert restore_state(saved, s).badges == game.state.badges
    data = game.state.to_dict()
    for bad in ({"technique": "sorcery", "narrative": "fake", "counter": "post", "turn": 1},
                {"technique": "deepfake", "narrative": "ghost", "counter": "post", "turn": 1},
                {"technique": "deepfake", "narrative": "fake", "counter": "post", "turn": 99}):
        data["badges"] = [bad]
        assert state_problem(GameState.from_dict(data), s) == "unknown badge"
    data["badges"] = [{"technique": "deepfake"}]
    with pytest.raises(ValueError, match="badges"):
        GameState.from_dict(data)
    data["badges"], data["reach_before"] = [], {"fake": {"nowhere": 3.0}}
    assert state_problem(GameState.from_dict(data), s) == "unknown narratives in the spread"
