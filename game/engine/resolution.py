"""What happens during *resolve*: actions apply, narratives spread, deadlines fall due.

Every cause gets its own :class:`Outcome`, in this order, so the resolve screen and the
debrief can say what happened because of what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import actions, badges, rules
from game.engine.score import final_score, leftover_costs
from game.engine.spread import spread_step, step_lifecycle
from game.engine.state import NarrativeRun, Outcome
from game.engine.techniques import judge
from game.engine.vocabulary import (
    INAUTHENTIC_TECHNIQUES,
    EndingTone,
    Indicator,
    Measure,
    NarrativePhase,
)

if TYPE_CHECKING:
    from game.engine.operations import Operations as Game

_ACTIVE = (NarrativePhase.SPREADING, NarrativePhase.VIRAL, NarrativePhase.ENTRENCHED)
_DORMANT = NarrativePhase.DORMANT
_SPAN = 0.6 - 0.2
_PHASE_NOTE = {phase: f"phase_{phase.value}" for phase in NarrativePhase}


def resolve_turn(game: Game) -> None:
    st = game.state
    # Where each narrative stood, audience by audience, before the turn (the spread view).
    st.reach_before = {run.id: dict(run.reach) for run in st.narratives.values() if run.live}
    done = []
    for _record, action, ref in game.plan_entries():
        outcome = actions.apply(game, action, ref)
        st.outcomes.append(outcome)
        done.append(outcome)
    badges.award(game, done)
    _platforms_act(game)
    _literacy(game)
    _spread(game)
    _deadlines(game)
    _silence(game)
    _grow_feed(game)
    st.history.append(st.snapshot())
    ending = choose_ending(game)
    if ending is not None:
        st.ending = ending
        st.score = final_score(game.scenario, st)


def _platforms_act(game: Game) -> None:
    st = game.state
    for run in st.narratives.values():
        if run.report_turn != st.turn:
            continue
        narrative = game.scenario.narrative_by_id[run.id]
        # Platforms act hardest on what breaks their rules: inauthentic accounts, and
        # whatever the technique table says reporting fits; little on anything else.
        inauthentic = narrative.technique in INAUTHENTIC_TECHNIQUES
        notes = ["platform_removed_accounts" if inauthentic else "platform_acted"]
        if judge(narrative, Measure.REPORT.value).answers:
            factor = rules.REPORT_FACTOR_INAUTHENTIC if inauthentic else rules.REPORT_FACTOR
            monitored = game.tally.first_counter_turn(run.id, Measure.MONITOR)
            if actions.spotted_early(run, monitored):  # early warning: the report was sharper
                factor = max(0.0, 1.0 - (1.0 - factor) * rules.EARLY_WARNING_BONUS)
                notes.append("early_report")  # said the turn it acts, not when reported
            run.virality *= factor
        else:
            run.virality *= 1.0 - (1.0 - rules.REPORT_FACTOR) * rules.WEAK_FACTOR
        st.outcomes.append(Outcome(st.turn, "platform", {"narrative": run.id}, notes=notes))


def _literacy(game: Game) -> None:
    st = game.state
    if st.literacy_turn is None or st.literacy_turn >= st.turn:
        return
    for audience in st.inoculation:
        game.ops.inoculate(audience, rules.LITERACY_GAIN_PER_TURN)


def _spread(game: Game) -> None:
    st = game.state
    turn, by_id, audiences = st.turn, game.scenario.narrative_by_id, game.book.audiences
    for run in st.narratives.values():
        if run.phase is _DORMANT:  # not live
            continue
        narrative = by_id[run.id]
        before, phase_before = run.weighted, run.phase
        spread_step(run, game.echo, game.sizes, st.inoculation, st.rng, audiences)
        outcome = Outcome(turn, "narrative", {"narrative": run.id},
                          concepts=list(narrative.concepts))
        outcome.add_reach(run.id, run.weighted - before)
        impact = narrative.impact
        if impact:
            ops = game.ops
            previous, ops.current = ops.current, outcome  # ops.recording(), inline
            try:
                for indicator, per_turn in impact.items():
                    ops.adjust(indicator, per_turn * run.weighted / 100.0)
            finally:
                ops.current = previous
        step_lifecycle(run, "evolve", turn)
        if run.phase is not phase_before:
            outcome.notes.append(_PHASE_NOTE[run.phase])
        run.history.append(run.weighted)
        st.outcomes.append(outcome)
        if run.responded_turn is None and _late(run, turn):
            late = Outcome(st.turn, "late", {"narrative": run.id}, notes=["late_response"])
            with game.ops.recording(late):
                game.ops.adjust(Indicator.CREDIBILITY, -game.scenario.rules.late_penalty)
            st.outcomes.append(late)


def _late(run: NarrativeRun, turn: int) -> bool:
    """Spreading for a while and never answered: trust erodes (seed 003, « le manque de
    réponse rapide peut entraîner une perte de confiance »)."""
    spreading = run.spreading_turn
    return (run.phase in _ACTIVE and spreading is not None and run.responded_turn is None
            and turn - spreading >= rules.LATE_AFTER)


def _deadlines(game: Game) -> None:
    st = game.state
    if not st.crises:
        return
    order = game.event_order
    for event_id, last_turn in sorted(st.crises.items(), key=lambda kv: order[kv[0]]):
        if last_turn > st.turn:
            continue
        del st.crises[event_id]
        st.missed.append(event_id)
        crisis = game.scenario.event_by_id[event_id].crisis
        outcome = Outcome(st.turn, "deadline", {"event": event_id}, notes=["deadline_missed"])
        with game.ops.recording(outcome):
            if crisis is not None:
                game.run_effects(crisis.on_expire)
        st.outcomes.append(outcome)


def _silence(game: Game) -> None:
    """A crisis left waiting costs credibility every turn: only an answer, or a holding
    post on one of the crisis's own topics, breaks the silence (an unrelated post does
    not)."""
    st = game.state
    if not st.crises:
        return
    topics = {p["topic"] for p in st.posts[-10:] if p["turn"] == st.turn}
    waiting = [e for e in st.crises if e not in st.answers
               and not topics.intersection(_crisis_topics(game, e))]
    if not waiting:
        return
    outcome = Outcome(st.turn, "silence", {"events": waiting}, notes=["silence"])
    with game.ops.recording(outcome):
        game.ops.adjust(Indicator.CREDIBILITY, -game.scenario.rules.silence_penalty)
    st.outcomes.append(outcome)


def _crisis_topics(game: Game, event_id: str) -> list[str]:
    crisis = game.scenario.event_by_id[event_id].crisis
    return list(crisis.topics) if crisis is not None else []


def _grow_feed(game: Game) -> None:
    """Likes and shares keep coming for a few turns, more slowly each turn."""
    st = game.state
    turn, random, feed = st.turn, st.rng.random, st.feed
    # The feed is in turn order: only its last posts are recent enough, found from the end.
    start = max(0, len(feed) - 60)
    first = len(feed)
    while first > start and turn - feed[first - 1].turn + 1 <= 4:
        first -= 1
    for post in feed[first:]:
        age = turn - post.turn + 1
        factor = (0.2 + _SPAN * random()) / age  # rng.uniform(0.2, 0.6), its documented sum
        post.likes += int(post.likes * factor)
        post.shares += int(post.shares * factor)


def choose_ending(game: Game) -> str | None:
    """The ending reached now, if the game ends after this resolve."""
    st, scenario, when = game.state, game.scenario, game.book.ending_when
    if st.forced_ending is not None:
        return st.forced_ending
    for ending in scenario.endings:
        test = when[ending.id]
        if ending.early and test is not None and test(st):
            return ending.id
    if st.turn < scenario.meta.turns:
        return None
    barred = scenario.rules.disinformation_bars_success and bool(leftover_costs(scenario, st))
    for ending in scenario.endings:
        test = when[ending.id]
        if barred and ending.tone is EndingTone.SUCCESS:
            continue  # disinformation left standing bars the best endings
        if not ending.early and (test is None or test(st)):
            return ending.id
    return scenario.endings[-1].id
