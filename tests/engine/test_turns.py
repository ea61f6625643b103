"""The turn machine: phases, guards, may_* queries, deadlines, silence, endings."""

from __future__ import annotations

import pytest
from transitions import MachineError

from game.content.model import Scenario
from game.engine.actions import AnswerCrisis, Counter, PostMessage
from game.engine.game import Game, IllegalAction
from game.engine.vocabulary import Channel, Measure, NarrativePhase, Phase, Tone

POST = PostMessage(Channel.MICROBLOG, "domestic", Tone.FACTUAL, "summit", "fr")


def desk(scenario: Scenario, seed: int = 1) -> Game:
    game = Game(scenario, seed)
    game.start()
    game.open_desk()
    return game


def test_phases_follow_briefing_feed_decide_resolve(minimal: Scenario) -> None:
    game = Game(minimal, 1)
    assert game.phase is Phase.BRIEFING and game.state.turn == 0
    game.start()
    assert game.phase is Phase.FEED and game.state.turn == 1
    game.open_desk()
    assert game.phase is Phase.DECIDE and game.state.budget == 3
    game.pass_turn()
    game.resolve()
    assert game.phase is Phase.RESOLVE
    game.next_turn()
    assert game.phase is Phase.FEED and game.state.turn == 2
    assert game.state.phase == "feed"


def test_resolve_is_refused_until_the_budget_is_spent_or_the_player_passes(
        minimal: Scenario) -> None:
    game = desk(minimal)
    assert not game.may_resolve()
    game.resolve()  # refused by the guard: nothing happens
    assert game.phase is Phase.DECIDE
    for _ in range(3):
        game.act(POST)
    assert game.state.budget == 0 and game.may_resolve()
    game.resolve()
    assert game.phase is Phase.RESOLVE


def test_passing_allows_resolving_with_points_left(minimal: Scenario) -> None:
    game = desk(minimal)
    game.act(POST)
    game.pass_turn()
    assert game.may_resolve()


def test_no_action_outside_decide(minimal: Scenario) -> None:
    game = Game(minimal, 1)
    game.start()
    assert game.why_not(POST) == "not_deciding"
    assert not game.may_act(POST)
    with pytest.raises(IllegalAction) as refused:
        game.act(POST)
    assert refused.value.reason == "not_deciding"
    with pytest.raises(IllegalAction):
        game.pass_turn()


def test_triggers_from_the_wrong_phase_are_machine_errors(minimal: Scenario) -> None:
    game = Game(minimal, 1)
    with pytest.raises(MachineError):
        game.resolve()
    assert not game.may_open_desk()
    assert game.may_start()


def test_cancel_gives_the_points_back(minimal: Scenario) -> None:
    game = desk(minimal)
    game.act(POST)
    game.act(AnswerCrisis("tweet", "calm"))
    assert game.state.budget == 1
    game.cancel(1)
    assert game.state.budget == 2 and len(game.state.planned) == 1
    assert not game.may_cancel(5)
    with pytest.raises(IllegalAction):
        game.cancel(5)


def test_over_budget_actions_are_refused(minimal: Scenario) -> None:
    game = desk(minimal)
    for _ in range(3):
        game.act(POST)
    assert game.why_not(POST) == "over_budget"


def test_a_crisis_can_only_be_answered_once(minimal: Scenario) -> None:
    game = desk(minimal)
    game.act(AnswerCrisis("tweet", "calm"))
    assert game.why_not(AnswerCrisis("tweet", "hit")) == "already_planned"
    assert game.why_not(AnswerCrisis("tweet", "nope")) in ("already_planned", "unknown_choice")
    assert game.why_not(AnswerCrisis("nothing", "calm")) == "no_such_crisis"
    assert [e.id for e in game.open_crises()] == []


def test_answers_apply_at_resolve_and_close_the_crisis(minimal: Scenario) -> None:
    game = desk(minimal)
    tension = game.state.indicators["tension"]
    game.act(AnswerCrisis("tweet", "calm"))
    assert game.state.indicators["tension"] == tension  # planned, not applied yet
    game.pass_turn()
    game.resolve()
    assert game.state.answers == {"tweet": "calm"}
    assert "tweet" not in game.state.crises
    assert game.state.indicators["tension"] < tension
    assert "verified" in game.state.flags


def test_follow_up_events_fire_when_their_condition_holds(minimal: Scenario) -> None:
    game = desk(minimal)
    game.act(AnswerCrisis("tweet", "hit"))
    game.pass_turn()
    game.resolve()
    game.next_turn()
    assert "followup" in game.state.fired


def test_a_missed_deadline_applies_on_expire(minimal: Scenario) -> None:
    game = desk(minimal)
    credibility = game.state.indicators["credibility"]
    for turn in (1, 2):
        game.act(POST)  # posting avoids the silence penalty
        game.pass_turn()
        game.resolve()
        if turn == 1:
            game.next_turn()
            game.open_desk()
    assert game.state.missed == ["tweet"]
    deadline = [o for o in game.state.outcomes if o.source == "deadline"]
    assert deadline and deadline[0].deltas["credibility"] == -5
    assert game.state.indicators["credibility"] < credibility + 10


def test_silence_during_a_crisis_costs_credibility(minimal: Scenario) -> None:
    game = desk(minimal)
    game.pass_turn()
    game.resolve()
    silence = [o for o in game.state.outcomes if o.source == "silence"]
    assert silence and silence[0].deltas["credibility"] == -2.0


def test_an_early_ending_stops_the_game(minimal: Scenario) -> None:
    game = desk(minimal)
    game.state.indicators["tension"] = 95.0
    game.pass_turn()
    game.resolve()
    assert game.is_over() and game.state.ending == "crash"
    assert not game.may_next_turn() and game.may_finish()
    game.advance()
    assert game.phase is Phase.DEBRIEF
    assert game.state.score is not None and 0 <= game.state.score <= 100


def test_the_last_turn_chooses_the_first_matching_ending(minimal: Scenario) -> None:
    game = desk(minimal)
    while not game.is_over():
        game.pass_turn()
        game.resolve()
        if not game.is_over():
            game.next_turn()
            game.open_desk()
    assert game.state.turn == minimal.meta.turns
    assert game.state.ending in {"good", "meh"}
    game.finish()
    assert game.phase is Phase.DEBRIEF


def test_narratives_start_on_their_turn_and_feed_a_post(minimal: Scenario) -> None:
    game = desk(minimal)
    run = game.state.narratives["fake"]
    assert run.phase is NarrativePhase.DORMANT
    assert game.why_not(Counter("fake", Measure.DEBUNK)) == "narrative_not_live"
    game.pass_turn()
    game.resolve()
    game.next_turn()
    assert run.phase is NarrativePhase.EMERGING and run.launched_turn == 2
    assert any(p.kind == "narrative" and p.ref == "fake" for p in game.state.feed)
    assert "deepfake" in game.state.concepts


def test_history_has_a_snapshot_before_play_and_after_every_turn(minimal: Scenario) -> None:
    game = desk(minimal)
    game.pass_turn()
    game.resolve()
    assert [h["turn"] for h in game.state.history] == [0, 1]


def test_the_feed_keeps_only_its_latest_posts(minimal: Scenario) -> None:
    from game.engine.ops import FEED_KEPT

    game = Game(minimal, 1)
    for i in range(FEED_KEPT + 50):
        game.ops.add_feed_post("rival", None, i, 0)
    assert len(game.state.feed) == FEED_KEPT
    assert game.state.feed[-1].likes == FEED_KEPT + 49
