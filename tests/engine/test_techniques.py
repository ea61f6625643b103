"""Rules that teach: counters judged by technique, posts that are not counters, silence,
disinformation left standing, shuffled choices (docs/model.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import i18n
from game.content.model import Scenario
from game.engine import rules
from game.engine.actions import AnswerCrisis, Counter, PostMessage
from game.engine.game import Game
from game.engine.score import final_score, leftover_costs
from game.engine.state import GameState, Outcome
from game.engine.techniques import COUNTERS, POST, TABLE, Fit, judge
from game.engine.vocabulary import Channel, EndingTone, Measure, Technique, Tone
from game.presentation.viewmodel import counter_reason
from game.ui.scenes.ending import leftover_blocks
from game.ui.scenes.resolve import outcome_blocks
from tests.conftest import MINIMAL, load_text


def scenario(tmp_path: Path, technique: str = "deepfake", extra: str = "",
             replace: tuple[tuple[str, str], ...] = ()) -> Scenario:
    """The minimal scenario with its narrative's technique (and anything else) changed."""
    text = MINIMAL.read_text("utf-8").replace("technique: deepfake", f"technique: {technique}")
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    loaded = load_text(tmp_path, text + extra)
    assert loaded.scenario is not None and loaded.playable, loaded.diagnostics
    return loaded.scenario


def at_turn(s: Scenario, turn: int, seed: int = 1) -> Game:
    """A game at the decide phase of *turn*, having passed every turn before."""
    game = Game(s, seed)
    game.start()
    for _ in range(turn - 1):
        game.open_desk()
        game.pass_turn()
        game.resolve()
        game.next_turn()
    game.open_desk()
    return game


def resolve(game: Game, *actions: object) -> Game:
    for action in actions:
        game.act(action)  # type: ignore[arg-type]
    game.pass_turn()
    game.resolve()
    return game


def last(game: Game, source: str) -> Outcome:
    return next(o for o in reversed(game.state.outcomes) if o.source == source)


def test_the_table_judges_every_technique_against_every_counter_with_a_reason() -> None:
    assert set(TABLE) == set(Technique)
    assert set(COUNTERS) == {m.value for m in Measure} | {POST}
    for technique, row in TABLE.items():
        assert set(row) == set(COUNTERS), technique
        assert any(v.fit is Fit.FITS for v in row.values()), technique
        for counter, verdict in row.items():
            assert verdict.reason, (technique, counter)


def test_the_seeds_lessons_are_in_the_table() -> None:
    assert TABLE[Technique.TROLLING][Measure.DEBUNK].fit is Fit.BACKFIRES
    assert TABLE[Technique.HARASSMENT][Measure.DEBUNK].fit is Fit.BACKFIRES
    assert TABLE[Technique.POLARISATION][Measure.DEBUNK].fit is Fit.BACKFIRES
    assert TABLE[Technique.HARASSMENT][Measure.SUPPORT].fit is Fit.FITS
    assert TABLE[Technique.RUMOUR][Measure.DEBUNK].fit is Fit.BACKFIRES
    assert TABLE[Technique.RUMOUR][Measure.REPORT].fit is Fit.BACKFIRES
    assert TABLE[Technique.RUMOUR][POST].fit is Fit.FITS
    for inauthentic in (Technique.BOTS, Technique.IMPERSONATION, Technique.HACKED_ACCOUNT):
        assert TABLE[inauthentic][Measure.REPORT].fit is Fit.FITS
    assert TABLE[Technique.FAKE_NEWS][POST].fit is Fit.WEAK


def test_debunking_trolls_backfires_and_says_why(tmp_path: Path) -> None:
    s = scenario(tmp_path, "trolling", replace=(("seed_reach: {domestic: 6, foreign: 12}",
                                                 "seed_reach: {domestic: 25, foreign: 30}"),))
    game = at_turn(s, 2)
    run = game.state.narratives["fake"]
    before, credibility = run.weighted, game.state.indicators["credibility"]
    resolve(game, Counter("fake", Measure.DEBUNK))
    counter = last(game, "counter")
    assert "counter_backfires" in counter.notes
    assert counter.reach["fake"] == pytest.approx(rules.BACKFIRE_BOOST)
    assert counter.deltas["credibility"] == pytest.approx(rules.BACKFIRE_EFFECTS["credibility"])
    assert run.weighted > before - 1 and game.state.indicators["credibility"] < credibility
    assert run.responded_turn is None, "a backfiring counter answers nothing"
    reason = counter_reason(game, counter)
    assert reason is not None and "trolls" in reason
    texts = [b.text for b in outcome_blocks(game, counter)]
    assert reason in texts and "This backfires against this technique: it fed the narrative." \
        in texts
    i18n.set_language("fr")
    assert "trolls" in (counter_reason(game, counter) or "") and \
        counter_reason(game, counter) != reason


def test_a_fitting_counter_answers_and_a_weak_one_does_not(tmp_path: Path) -> None:
    s = scenario(tmp_path, "impersonation")
    fits = resolve(at_turn(s, 2), Counter("fake", Measure.REPORT))
    assert "counter_fits" in last(fits, "counter").notes
    assert fits.state.narratives["fake"].responded_turn == 2
    weak = resolve(at_turn(s, 2), Counter("fake", Measure.FACTCHECK))
    assert "counter_weak" in last(weak, "counter").notes
    assert weak.state.narratives["fake"].responded_turn is None
    assert weak.state.narratives["fake"].decay == pytest.approx(
        s.narratives[0].decay + rules.FACTCHECK_DECAY * rules.WEAK_FACTOR)


def test_monitoring_early_makes_the_fitting_counter_stronger(tmp_path: Path) -> None:
    s = scenario(tmp_path, "deepfake", replace=(("    evidence_flag: verified\n", ""),))
    watched = resolve(at_turn(s, 2), Counter("fake", Measure.MONITOR))
    game = at_turn(s, 3)
    resolve(game, Counter("fake", Measure.PREBUNK, "foreign"))
    watched.next_turn()
    watched.open_desk()
    resolve(watched, Counter("fake", Measure.PREBUNK, "foreign"))
    assert "early_warning" in last(watched, "counter").notes
    assert "early_warning" not in last(game, "counter").notes
    assert watched.state.inoculation["foreign"] > game.state.inoculation["foreign"]


def test_a_post_on_the_topic_is_not_a_counter_unless_the_table_says_so(tmp_path: Path) -> None:
    calm = PostMessage(Channel.MICROBLOG, "foreign", Tone.FACTUAL, "summit", "en")
    fake = resolve(at_turn(scenario(tmp_path, "fake_news"), 2), calm)
    assert "informs_a_little" in last(fake, "post").notes
    assert fake.state.narratives["fake"].responded_turn is None
    rumour = resolve(at_turn(scenario(tmp_path, "rumour"), 2), calm)
    assert {"answers_narrative", "counter_fits"} <= set(last(rumour, "post").notes)
    assert rumour.state.narratives["fake"].responded_turn == 2
    trolls = resolve(at_turn(scenario(tmp_path, "trolling"), 2), calm)
    assert "counter_backfires" in last(trolls, "post").notes
    assert last(trolls, "post").reach["fake"] > 0


def test_a_narrative_can_override_the_table(tmp_path: Path) -> None:
    override = ("    concepts: [deepfake]\nevents:",
                "    concepts: [deepfake]\n    counters:\n      debunk:\n"
                "        fit: backfires\n        reason:\n"
                "          {fr: \"Ici, démentir relaie.\", en: \"Here a denial relays it.\"}\n"
                "events:")
    s = scenario(tmp_path, "deepfake", replace=(override,))
    verdict = judge(s.narratives[0], "debunk")
    assert verdict.fit is Fit.BACKFIRES and verdict.text is not None
    game = resolve(at_turn(s, 2), Counter("fake", Measure.DEBUNK))
    assert counter_reason(game, last(game, "counter")) == "Here a denial relays it."


def test_an_unrelated_post_does_not_break_a_crisis_silence(tmp_path: Path) -> None:
    weather = ("topics:\n",
               "topics:\n  - {id: weather, name: {fr: \"La météo\", en: \"The weather\"}}\n")
    s = scenario(tmp_path, replace=(weather,))
    unrelated = PostMessage(Channel.MICROBLOG, "domestic", Tone.FACTUAL, "weather", "fr")
    game = resolve(at_turn(s, 1), unrelated)
    assert last(game, "silence").deltas["credibility"] == -s.rules.silence_penalty
    answered = resolve(at_turn(s, 1), AnswerCrisis("tweet", "calm"))
    assert not [o for o in answered.state.outcomes if o.source == "silence"]
    holding = scenario(tmp_path, replace=(
        weather, ("      deadline: 2\n", "      deadline: 2\n      topics: [weather]\n")))
    held = resolve(at_turn(holding, 1), unrelated)
    assert not [o for o in held.state.outcomes if o.source == "silence"]


def test_disinformation_left_standing_costs_and_bars_success(tmp_path: Path) -> None:
    s = scenario(tmp_path, replace=(("virality: 0.6", "virality: 1.6"),
                                    ("{credibility: 55}", "{credibility: 0}")))
    game = at_turn(s, 1)
    while True:
        game.pass_turn()
        game.resolve()
        if game.is_over():
            break
        game.next_turn()
        game.open_desk()
    costs = leftover_costs(s, game.state)
    run = game.state.narratives["fake"]
    assert run.weighted > s.rules.disinformation_threshold
    assert costs == {"fake": pytest.approx(
        s.rules.disinformation_cost * (run.weighted - s.rules.disinformation_threshold), abs=0.06)}
    assert s.ending_by_id[game.state.ending].tone is not EndingTone.SUCCESS
    assert game.state.ending == "meh", "the success ending's condition held, but it is barred"
    lines = [b.text for b in leftover_blocks(game)]  # the ending screen names the cost
    assert lines[0] == "Disinformation left standing"
    assert lines[1] == (f"Fake video: reach {run.weighted:.1f}% at the end, "
                        f"{costs['fake']:.1f} points off the score")
    open_door = s.model_copy(update={"rules": s.rules.model_copy(
        update={"disinformation_bars_success": False})})
    from game.engine.resolution import choose_ending

    game.scenario = open_door
    game.state.ending = None
    assert choose_ending(game) == "good"
    game.state.ending = "good"
    assert final_score(open_door, game.state) < final_score(
        open_door.model_copy(update={"rules": open_door.rules.model_copy(
            update={"disinformation_cost": 0.0})}), game.state)


def test_choices_are_shown_in_a_seeded_order_that_saves_keep(deepfake: Scenario) -> None:
    crises = [e for e in deepfake.events if e.crisis is not None]
    orders = {seed: [[c.id for c in Game(deepfake, seed).choices_shown(e)] for e in crises]
              for seed in range(6)}
    assert orders[1] == [[c.id for c in Game(deepfake, 1).choices_shown(e)] for e in crises]
    assert len({str(o) for o in orders.values()}) > 1, "the order depends on the seed"
    for event, shown in zip(crises, orders[1], strict=True):
        assert sorted(shown) == sorted(c.id for c in event.crisis.choices)  # type: ignore[union-attr]
    game = Game(deepfake, 1)
    game.start()
    saved = json.loads(json.dumps(game.state.to_dict()))
    restored = Game(deepfake, state=GameState.from_dict(saved))
    assert [[c.id for c in restored.choices_shown(e)] for e in crises] == orders[1]


def test_naming_a_state_behind_a_campaign_no_state_runs_always_backfires(
        tmp_path: Path) -> None:
    s = scenario(tmp_path, "propaganda")  # the table says attribution fits propaganda…
    assert not s.narratives[0].state_sponsored
    verdict = judge(s.narratives[0], "attribute")  # …of a state: this one is not
    assert verdict.fit is Fit.BACKFIRES and "false accusation" in (verdict.reason or "")
    game = resolve(at_turn(s, 2), Counter("fake", Measure.ATTRIBUTE))
    notes = last(game, "counter").notes
    assert "false_attribution" in notes and "counter_backfires" in notes
    assert game.state.narratives["fake"].responded_turn is None


def test_an_attribution_that_does_little_raises_tension_but_earns_no_trust(
        tmp_path: Path) -> None:
    s = scenario(tmp_path, "fake_news", replace=(
        ("    source: rival\n", "    source: rival\n    state_sponsored: true\n"),
        ("    evidence_flag: verified\n", "")))
    game = resolve(at_turn(s, 2), Counter("fake", Measure.ATTRIBUTE))
    counter = last(game, "counter")
    assert "counter_weak" in counter.notes and "attributed" in counter.notes
    assert counter.deltas.get("tension") == rules.ATTRIBUTE_EFFECTS["tension"]
    assert "credibility" not in counter.deltas


def test_an_early_warning_makes_the_platform_act_harder_on_a_report(tmp_path: Path) -> None:
    s = scenario(tmp_path, "impersonation")
    watched = resolve(at_turn(s, 2), Counter("fake", Measure.MONITOR))
    watched.next_turn()
    watched.open_desk()
    unwatched = at_turn(s, 3)
    for game in (watched, unwatched):
        resolve(game, Counter("fake", Measure.REPORT))
        game.next_turn()
        game.open_desk()
        resolve(game)  # the platform acts the turn after the report
    factor = rules.REPORT_FACTOR_INAUTHENTIC
    base = s.narratives[0].virality
    assert unwatched.state.narratives["fake"].virality == pytest.approx(base * factor)
    assert watched.state.narratives["fake"].virality == pytest.approx(
        base * (1 - (1 - factor) * rules.EARLY_WARNING_BONUS))


def test_the_early_warning_is_said_the_turn_it_acts_on_a_report(tmp_path: Path) -> None:
    """The report itself does nothing the turn it is made: the early-warning note belongs
    to the platform's action next turn, not to the report."""
    s = scenario(tmp_path, "impersonation")
    game = resolve(at_turn(s, 2), Counter("fake", Measure.MONITOR))
    game.next_turn()
    game.open_desk()
    resolve(game, Counter("fake", Measure.REPORT))
    report = last(game, "counter")
    assert "counter_fits" in report.notes and "report_pending" in report.notes
    assert "early_warning" not in report.notes
    game.next_turn()
    game.open_desk()
    resolve(game)
    platform = last(game, "platform")
    assert platform.turn == game.state.turn and "early_report" in platform.notes
    unwatched = resolve(at_turn(s, 3), Counter("fake", Measure.REPORT))
    unwatched.next_turn()
    unwatched.open_desk()
    resolve(unwatched)
    assert "early_report" not in last(unwatched, "platform").notes


def test_a_debunk_that_spread_the_claim_does_not_say_it_hit_harder(tmp_path: Path) -> None:
    """Monitored early, but the debunk of what almost nobody had seen amplified it: the
    bonus did not act, so no early-warning note."""
    s = scenario(tmp_path, "fake_news", replace=(("    evidence_flag: verified\n", ""),))
    game = resolve(at_turn(s, 2), Counter("fake", Measure.MONITOR))
    game.next_turn()
    game.open_desk()
    run = game.state.narratives["fake"]
    run.reach = {k: 0.0 for k in run.reach}  # almost nobody has seen it yet
    game.ops.boost("fake", 0.0, None)  # (its weighted reach follows)
    resolve(game, Counter("fake", Measure.DEBUNK))
    debunk = last(game, "counter")
    assert "amplified" in debunk.notes, debunk.notes
    assert "early_warning" not in debunk.notes


def test_a_fitting_counter_with_nothing_to_show_says_when_it_acts(tmp_path: Path) -> None:
    """« The right answer » beside « no visible change » says where the effect shows."""
    s = scenario(tmp_path, "deepfake", replace=(("    evidence_flag: verified\n", ""),))
    game = resolve(at_turn(s, 3), Counter("fake", Measure.PREBUNK, "foreign"))
    counter = last(game, "counter")
    assert "counter_fits" in counter.notes
    texts = [b.text for b in outcome_blocks(game, counter)]
    assert "No change you can see on the gauges this turn." not in texts
    assert any(t.startswith("Nothing shows on the gauges yet: the warned audience") for t in
               texts), texts
