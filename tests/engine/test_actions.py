"""What each action does, against the documented model (docs/model.md)."""

from __future__ import annotations

import pytest

from game.content.model import Scenario
from game.engine import rules
from game.engine.actions import Counter, PostMessage
from game.engine.game import Game
from game.engine.state import Outcome
from game.engine.vocabulary import Channel, Measure, NarrativePhase, Tone


def resolved(scenario: Scenario, *actions: object, seed: int = 1, turns: int = 1) -> Game:
    """Play to the decide phase of *turns*, plan *actions*, resolve."""
    game = Game(scenario, seed)
    game.start()
    for _ in range(turns - 1):
        game.open_desk()
        game.pass_turn()
        game.resolve()
        game.next_turn()
    game.open_desk()
    for action in actions:
        game.act(action)  # type: ignore[arg-type]
    game.pass_turn()
    game.resolve()
    return game


def outcome(game: Game, source: str) -> Outcome:
    return next(o for o in reversed(game.state.outcomes) if o.source == source)


def post(tone: Tone, audience: str = "domestic", language: str = "fr",
         topic: str = "summit") -> PostMessage:
    return PostMessage(Channel.MICROBLOG, audience, tone, topic, language)


def test_a_post_in_the_audiences_language_lands_harder(minimal: Scenario) -> None:
    match = outcome(resolved(minimal, post(Tone.FACTUAL, language="fr")), "post")
    miss = outcome(resolved(minimal, post(Tone.FACTUAL, language="en")), "post")
    assert "language_match" in match.notes and "language_mismatch" in miss.notes
    assert match.deltas["credibility"] > miss.deltas["credibility"] > 0


def test_confrontational_posts_raise_tension_and_reach_factual_ones_build_credibility(
        minimal: Scenario) -> None:
    hard = outcome(resolved(minimal, post(Tone.CONFRONTATIONAL)), "post")
    calm = outcome(resolved(minimal, post(Tone.FACTUAL)), "post")
    assert hard.deltas["tension"] > 0 > calm.deltas["tension"]
    assert hard.deltas["reach"] > calm.deltas["reach"]
    assert calm.deltas["credibility"] > 0 > hard.deltas["credibility"]


def test_humour_during_a_crisis_backfires(minimal: Scenario) -> None:
    joke = outcome(resolved(minimal, post(Tone.HUMOROUS)), "post")  # the rival's tweet is open
    assert "humour_in_crisis" in joke.notes
    assert joke.deltas["credibility"] < -2


def test_a_post_feeds_the_player_feed_and_the_post_log(minimal: Scenario) -> None:
    game = resolved(minimal, post(Tone.EMPATHETIC))
    mine = [p for p in game.state.feed if p.author == "player"]
    assert len(mine) == 1 and mine[0].post and mine[0].post["tone"] == "empathetic"
    assert game.state.posts[0]["audience_kind"] == "domestic"


def test_debunking_a_narrative_almost_nobody_saw_amplifies_it(minimal: Scenario) -> None:
    game = Game(minimal, 3)
    game.start()
    game.open_desk()
    game.pass_turn()
    game.resolve()
    game.next_turn()
    run = game.state.narratives["fake"]
    run.reach = {"domestic": 2.0, "foreign": 3.0}
    run.weighted = 2.33
    game.open_desk()
    game.act(Counter("fake", Measure.DEBUNK))
    game.pass_turn()
    before = run.weighted
    game.resolve()
    debunk = outcome(game, "counter")
    assert "amplified" in debunk.notes
    assert debunk.reach["fake"] == pytest.approx(rules.STREISAND_BOOST, abs=0.01)
    assert run.weighted > before


def _debunk_at(minimal: Scenario, reach: float, evidence: bool) -> Outcome:
    game = Game(minimal, 5)
    game.start()
    game.open_desk()
    game.pass_turn()
    game.resolve()
    game.next_turn()
    run = game.state.narratives["fake"]
    run.reach = {"domestic": reach, "foreign": reach}
    run.weighted = reach
    run.phase = NarrativePhase.SPREADING
    if evidence:
        game.state.flags.add("verified")
    game.open_desk()
    game.act(Counter("fake", Measure.DEBUNK))
    game.pass_turn()
    game.resolve()
    return outcome(game, "counter")


def test_evidence_makes_a_debunk_stronger(minimal: Scenario) -> None:
    without = _debunk_at(minimal, 40, evidence=False)
    with_evidence = _debunk_at(minimal, 40, evidence=True)
    assert "no_evidence" in without.notes
    assert with_evidence.reach["fake"] < without.reach["fake"] < 0


def test_reporting_acts_the_turn_after(minimal: Scenario) -> None:
    game = resolved(minimal, turns=2)
    game.next_turn()
    game.open_desk()
    virality = game.state.narratives["fake"].virality
    game.act(Counter("fake", Measure.REPORT))
    game.pass_turn()
    game.resolve()
    assert game.state.narratives["fake"].virality == virality
    assert "report_pending" in outcome(game, "counter").notes
    game.next_turn()
    game.open_desk()
    game.pass_turn()
    game.resolve()
    platform = outcome(game, "platform")
    assert game.state.narratives["fake"].virality < virality
    assert platform.notes == ["platform_acted"]  # a deepfake is not inauthentic behaviour
    assert game.why_not(Counter("fake", Measure.REPORT)) in ("measure_used", "not_deciding")


def _attribute_deepfake(deepfake: Scenario, evidence: bool) -> Outcome:
    game = resolved(deepfake, turns=2)
    game.next_turn()
    game.open_desk()
    if evidence:
        game.state.flags.add("original_found")
    game.act(Counter("deepfake_video", Measure.ATTRIBUTE))
    game.pass_turn()
    game.resolve()
    return outcome(game, "counter")


def test_attributing_a_state_sponsored_narrative_raises_tension(deepfake: Scenario) -> None:
    attributed = _attribute_deepfake(deepfake, evidence=True)
    assert "attributed" in attributed.notes
    assert attributed.deltas["tension"] == rules.ATTRIBUTE_EFFECTS["tension"]
    assert attributed.deltas["credibility"] > 0


def test_attributing_before_the_evidence_costs_credibility(deepfake: Scenario) -> None:
    unproven = _attribute_deepfake(deepfake, evidence=False)
    assert "unproven_attribution" in unproven.notes
    assert unproven.deltas["credibility"] == rules.UNPROVEN_ATTRIBUTION_EFFECTS["credibility"]


def test_a_false_attribution_costs_credibility(deepfake: Scenario) -> None:
    game = Game(deepfake, 2)
    game.start()
    for _ in range(4):
        game.open_desk()
        game.pass_turn()
        game.resolve()
        game.next_turn()
    game.open_desk()
    assert game.state.narratives["summit_cancelled"].live
    game.act(Counter("summit_cancelled", Measure.ATTRIBUTE))
    game.pass_turn()
    game.resolve()
    wrong = outcome(game, "counter")
    assert "false_attribution" in wrong.notes
    assert wrong.deltas["credibility"] < -5


def test_prebunking_needs_an_audience_and_inoculates_it(minimal: Scenario) -> None:
    game = resolved(minimal, turns=2)
    game.next_turn()
    game.open_desk()
    assert game.why_not(Counter("fake", Measure.PREBUNK)) == "needs_audience"
    game.act(Counter("fake", Measure.PREBUNK, "foreign"))
    game.pass_turn()
    game.resolve()
    assert game.state.inoculation["foreign"] == rules.PREBUNK_GAIN
    assert game.state.inoculation["domestic"] == 0.0


def test_media_literacy_strengthens_every_audience_each_turn(minimal: Scenario) -> None:
    game = resolved(minimal, turns=2)
    game.next_turn()
    game.open_desk()
    game.act(Counter("fake", Measure.LITERACY))
    game.pass_turn()
    game.resolve()
    assert game.state.literacy_turn == 3
    game.next_turn()
    game.open_desk()
    assert game.why_not(Counter("fake", Measure.LITERACY)) == "measure_used"
    game.pass_turn()
    game.resolve()
    assert all(v == rules.LITERACY_GAIN_PER_TURN for v in game.state.inoculation.values())


def test_monitoring_is_free_and_not_a_response(minimal: Scenario) -> None:
    game = resolved(minimal, turns=2)
    game.next_turn()
    game.open_desk()
    game.act(Counter("fake", Measure.MONITOR))
    assert game.state.budget == 3
    game.pass_turn()
    game.resolve()
    run = game.state.narratives["fake"]
    assert run.monitored and not run.responded


def test_post_notes_foretell_language_and_platform_fit(minimal: Scenario) -> None:
    game = Game(minimal, 1)
    game.start()
    game.open_desk()
    assert game.post_notes(post(Tone.FACTUAL, language="fr")) == ["language_match"]
    assert "language_mismatch" in game.post_notes(post(Tone.FACTUAL, language="en"))
    assert game.post_notes(post(Tone.FACTUAL, audience="nobody")) == []
