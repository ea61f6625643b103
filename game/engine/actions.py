"""The player's three kinds of action: post a message, answer a crisis, counter a narrative.

An action is planned during *decide* (it spends action points at once) and applied during
*resolve*, in the order planned; each application returns an :class:`Outcome` saying what
it changed and why (note codes the UI explains: ``language_match``, ``amplified``…).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from game.engine import measures, rules
from game.engine.measures import Landing
from game.engine.state import Outcome
from game.engine.techniques import POST, Fit, judge
from game.engine.vocabulary import (
    Channel,
    Indicator,
    Measure,
    Tone,
)

if TYPE_CHECKING:
    from game.engine.operations import Operations as Game

I = Indicator
# Enum members read on every action: module constants, not class attribute look-ups.
_TENSION, _REACH, _HUMOROUS = I.TENSION, I.REACH, Tone.HUMOROUS
_MONITOR = Measure.MONITOR
_HEADROOM_FROM = rules.HEADROOM_FROM
_FIT_NOTE = {fit: f"counter_{fit.value}" for fit in Fit}


@dataclass(frozen=True)
class PostMessage:
    channel: Channel
    audience: str
    tone: Tone
    topic: str
    language: str
    # Which of the drafted wordings the student chose ("" the first, "own" their own
    # words), and the words posted ("" in records made before they were kept): shown in
    # the feed and the reports; the effects never depend on them.
    wording: str = ""
    text: str = ""
    kind: ClassVar[str] = "post"


@dataclass(frozen=True)
class AnswerCrisis:
    event: str
    choice: str
    kind: ClassVar[str] = "answer"


@dataclass(frozen=True)
class Counter:
    narrative: str
    measure: Measure
    audience: str | None = None
    kind: ClassVar[str] = "counter"


Action = PostMessage | AnswerCrisis | Counter


MAX_POST_CHARS = 280  # as on the platforms the game imitates


def post_words(text: str) -> str:
    """*text* as a post may hold it: no control or invisible formatting characters (a
    pasted newline, a direction override), runs of spaces as one (no-break spaces kept:
    French typography needs them), at most :data:`MAX_POST_CHARS` characters.  The words
    are the student's, hence untrusted."""
    kept = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return _SPACES.sub(" ", kept).strip(" ")[:MAX_POST_CHARS].rstrip(" ")


_SPACES = re.compile(r" {2,}")


def action_to_dict(action: Action) -> dict[str, Any]:
    # Enum members here are StrEnums: they compare and serialise as their text.  A post's
    # first wording and empty words are left out, as in records made before they existed.
    data = {"kind": action.kind, **vars(action)}
    if not data.get("wording", True):
        del data["wording"]
    if not data.get("text", True):
        del data["text"]
    return data


def action_from_dict(data: dict[str, Any]) -> Action:
    kind = data["kind"]
    if kind == "post":
        return PostMessage(Channel(data["channel"]), str(data["audience"]), Tone(data["tone"]),
                           str(data["topic"]), str(data["language"]),
                           str(data.get("wording", "")), post_words(str(data.get("text", ""))))
    if kind == "answer":
        return AnswerCrisis(str(data["event"]), str(data["choice"]))
    if kind == "counter":
        return Counter(str(data["narrative"]),
                       measures.MEASURES.member(data["measure"]),  # type: ignore[arg-type]
                       data.get("audience"))
    raise ValueError(f"unknown action kind {kind!r}")


def cost(game: Game, action: Action) -> int:
    if isinstance(action, PostMessage):
        return 1
    if isinstance(action, AnswerCrisis):
        choice = _choice(game, action)  # None for an unknown event too
        return choice.cost if choice is not None else 1
    if isinstance(action, Counter):
        return measures.MEASURES[action.measure].cost
    return 1


def _choice(game: Game, action: AnswerCrisis) -> Any:
    event = game.scenario.event_by_id.get(action.event)
    if event is None or event.crisis is None:
        return None
    return next((c for c in event.crisis.choices if c.id == action.choice), None)


def _planned(game: Game, **match: Any) -> bool:
    """Whether a planned action's record has all these values."""
    wanted = tuple(match.items())
    for p in game.state.planned:
        for k, v in wanted:
            if p.get(k) != v:
                break
        else:
            return True
    return False


def illegal_reason(game: Game, action: Action) -> str | None:
    """Why *action* cannot be planned now (a code the UI explains), or None if it can."""
    if cost(game, action) > game.state.budget:
        return "over_budget"
    if isinstance(action, PostMessage):
        return _post_reason(game, action)
    if isinstance(action, AnswerCrisis):
        if action.event not in game.state.crises:
            return "no_such_crisis"
        if _planned(game, kind="answer", event=action.event):
            return "already_planned"
        return None if _choice(game, action) is not None else "unknown_choice"
    return _counter_reason(game, action)


def _post_reason(game: Game, action: PostMessage) -> str | None:
    s = game.scenario
    if action.channel not in s.channel_ids:
        return "unknown_channel"
    if action.audience not in s.audience_by_id:
        return "unknown_audience"
    if action.topic not in s.topic_by_id:
        return "unknown_topic"
    if action.language not in s.country.post_languages:
        return "unknown_language"
    return None


def counter_reason(game: Game, action: Counter) -> str | None:
    """Why *action* cannot be planned now, the action points aside (the desk's list of
    measures says why one is greyed out even when points are short too), or None."""
    return _counter_reason(game, action)


def _counter_reason(game: Game, action: Counter) -> str | None:
    run = game.state.narratives.get(action.narrative)
    m = action.measure
    if run is None:
        return "unknown_narrative"
    if not run.live:
        return "narrative_not_live"
    if m not in game.scenario.measures:
        return "measure_not_available"
    entry = measures.MEASURES[m]
    if entry.needs_audience:
        if action.audience not in game.scenario.audience_by_id:
            return "needs_audience"
        if _planned(game, kind="counter", measure=str(m), audience=action.audience):
            return "already_planned"
    if entry.used_up is not None and entry.used_up(game, run):
        return "measure_used"
    if not entry.targets_narrative and _planned(game, kind="counter", measure=str(m)):
        return "already_planned"
    if not entry.needs_audience and \
            _planned(game, kind="counter", narrative=run.id, measure=str(m)):
        return "already_planned"
    return None


# -- applying, at resolve time ---------------------------------------------------------

def apply(game: Game, action: Action, record: dict[str, Any] | None = None) -> Outcome:
    """Apply a planned action; the returned outcome holds everything it changed.
    *record*: ``action_to_dict(action)`` when the caller has it already."""
    outcome = Outcome(game.state.turn, action.kind,
                      record if record is not None else action_to_dict(action))
    ops = game.ops
    previous, ops.current = ops.current, outcome  # ops.recording(), inline: every action
    try:
        if isinstance(action, PostMessage):
            _apply_post(game, action, outcome)
        elif isinstance(action, AnswerCrisis):
            _apply_answer(game, action, outcome)
        else:
            _apply_counter(game, action, outcome)
    finally:
        ops.current = previous
    return outcome


def post_multiplier(game: Game, action: PostMessage) -> tuple[float, list[str]]:
    """How strongly a post lands (before noise), and the notes explaining why."""
    s = game.scenario
    audience = s.audience_by_id[action.audience]
    notes: list[str] = []
    spec = game.book.channel_specs.get(action.channel)  # s.channel_spec(), looked up
    affinity = rules.CHANNEL_AFFINITY[action.channel].get(audience.kind, 1.0)
    if spec is not None and audience.id in spec.affinity:
        affinity = spec.affinity[audience.id]
    if affinity > 1.05:
        notes.append("channel_strong")
    elif affinity < 0.95:
        notes.append("channel_weak")
    if action.language == audience.language:
        notes.append("language_match")
        language = 1.0
    else:
        notes.append("language_mismatch")
        language = s.rules.language_mismatch
    return affinity * language, notes


def _apply_post(game: Game, action: PostMessage, outcome: Outcome) -> None:
    s, st, book = game.scenario, game.state, game.book
    audience = s.audience_by_id[action.audience]
    # What depends only on the scenario is worked out once for all its games (book.memo).
    fit_key = ("post_fit", action.channel, audience.id, action.language)
    fit = book.memo.get(fit_key)
    if fit is None:
        strength, reasons = post_multiplier(game, action)
        fit = book.memo[fit_key] = (strength, tuple(reasons))
    multiplier, notes = fit
    outcome.notes.extend(notes)
    multiplier *= 1.0 + st.rng.uniform(-rules.POST_NOISE, rules.POST_NOISE)
    repeats = game.tally.posts_like(action.tone, audience.id)
    multiplier /= 1.0 + rules.POST_FATIGUE * repeats
    if repeats >= 2:
        outcome.notes.append("audience_fatigue")
    rows_key = ("post_effects", action.tone, audience.kind)
    rows = book.memo.get(rows_key)
    if rows is None:
        focus = rules.AUDIENCE_FOCUS[audience.kind]
        rows = book.memo[rows_key] = tuple(
            (indicator, delta, focus.get(indicator, 1.0))
            for indicator, delta in book.tone_effects[action.tone].items())
    indicators, adjust = st.indicators, game.ops.adjust
    for indicator, delta, weight in rows:
        change = delta * multiplier * weight
        level = indicators[indicator]
        if not (change <= 0 or indicator == _TENSION or level <= _HEADROOM_FROM):
            change = _with_headroom(indicator, change, level)
        adjust(indicator, change)
    if action.tone is _HUMOROUS and game.in_crisis():
        outcome.notes.append("humour_in_crisis")
        for indicator, delta in rules.HUMOUR_IN_CRISIS.items():
            game.ops.adjust(indicator, delta)
    topic = s.topic_by_id[action.topic]
    game.run_effects(topic.effects)
    run = st.narratives.get(topic.narrative or "")
    if run is not None and run.live:
        _post_on_narrative(game, run, action, multiplier, outcome)
    # str() of a StrEnum member is its value, without Enum's slower ``.value``.
    st.posts.append({"turn": st.turn, "channel": str(action.channel), "audience": audience.id,
                     "audience_kind": str(audience.kind), "tone": str(action.tone),
                     "topic": topic.id, "language": action.language})
    likes = int(indicators[_REACH] * 40 * multiplier * st.rng.uniform(0.7, 1.3))
    post = dict(vars(action))  # the action's record without its kind
    if not post["wording"]:
        del post["wording"]
    game.ops.add_feed_post("player", None, likes, likes // 6, kind="player", post=post)


def _post_on_narrative(game: Game, run: Any, action: PostMessage, multiplier: float,
                       outcome: Outcome) -> None:
    """A calm post on a narrative's topic informs a little; it answers the narrative only
    where the technique table says a clear post is the fitting answer (a worried public's
    rumour, a hashtag to reclaim).  A confrontational one feeds it."""
    if action.tone is Tone.CONFRONTATIONAL:
        game.ops.boost(run.id, rules.TOPIC_FUEL, action.audience)
        outcome.notes.append("fuels_narrative")
        return
    if action.tone not in (Tone.FACTUAL, Tone.EMPATHETIC):
        return
    verdict = judge(game.scenario.narrative_by_id[run.id], POST)
    if verdict.fit is Fit.BACKFIRES:
        game.ops.boost(run.id, rules.TOPIC_FUEL, action.audience)
        outcome.notes.append("counter_backfires")
    elif verdict.answers:
        game.ops.boost(run.id, -rules.TOPIC_COUNTER * multiplier, action.audience)
        run.responded_turn = game.state.turn
        outcome.notes.extend(("answers_narrative", "counter_fits"))
    else:
        game.ops.boost(run.id, -rules.TOPIC_COUNTER * multiplier * rules.WEAK_FACTOR,
                   action.audience)
        outcome.notes.append("informs_a_little")


def _with_headroom(indicator: str, change: float, level: float) -> float:
    """A post's gain on a gauge shrinks as the gauge nears 100 (tension rising is no gain)."""
    if change <= 0 or indicator == _TENSION or level <= rules.HEADROOM_FROM:
        return change
    return change * max(0.0, (100.0 - level) / (100.0 - rules.HEADROOM_FROM))


def _apply_answer(game: Game, action: AnswerCrisis, outcome: Outcome) -> None:
    st = game.state
    event = game.scenario.event_by_id[action.event]
    choice = _choice(game, action)
    st.crises.pop(action.event, None)
    st.answers[action.event] = action.choice
    st.answer_turns[action.event] = st.turn
    game.run_effects(choice.effects)
    outcome.concepts.extend(choice.concepts)
    st.meet(choice.concepts)
    assert event.crisis is not None


def _apply_counter(game: Game, action: Counter, outcome: Outcome) -> None:
    st = game.state
    run = st.narratives[action.narrative]
    narrative = game.scenario.narrative_by_id[run.id]
    m = action.measure
    entry = measures.MEASURES[m]
    # Read before this counter is recorded: the earlier monitoring and uses of *m*.
    spotted = spotted_early(run, game.tally.first_counter_turn(run.id, _MONITOR))
    earlier = game.tally.counter_uses(run.id, m)
    st.counters.append({"turn": st.turn, "narrative": run.id, "measure": str(m),
                        "audience": action.audience})
    outcome.concepts.extend(narrative.concepts)
    if not entry.judged:
        entry.apply(game, Landing(run, narrative, action.audience, outcome, 1.0, False,
                                  False, earlier))
        return
    verdict = judge(narrative, str(m))
    outcome.notes.append(_FIT_NOTE[verdict.fit])
    if verdict.fit is Fit.BACKFIRES:
        hit = Landing(run, narrative, action.audience, outcome, 0.0, False, False, earlier)
        _backfire(game, hit, entry)
        return
    strength = 1.0 if verdict.answers else rules.WEAK_FACTOR
    early = first = warned = False
    if verdict.answers:
        early = run.spreading_turn is not None and st.turn - run.spreading_turn <= 1
        first = run.responded_turn is None
        run.responded_turn = st.turn
        warned = entry.targets_narrative and spotted  # literacy is for all
        if warned:
            strength *= rules.EARLY_WARNING_BONUS
    entry.apply(game, Landing(run, narrative, action.audience, outcome, strength,
                              verdict.answers, early and first, earlier, warned))


def spotted_early(run: Any, first_monitor: int | None) -> bool:
    """Monitored before it began to spread (early warning, seed 003); counters apply
    before the turn's spread, so a monitor in the turn it starts spreading is in time.
    *first_monitor*: the turn the narrative was first monitored (``Game.first_counter_turn``)."""
    return first_monitor is not None and (
        run.spreading_turn is None or first_monitor <= run.spreading_turn)


def _backfire(game: Game, hit: Landing, entry: measures.MeasureEntry) -> None:
    """The wrong counter for the technique: it gives the narrative attention and costs
    trust.  Its one-off uses are spent all the same."""
    if entry.backfire is not None:
        entry.backfire(game, hit)
    elif entry.spend is not None:
        entry.spend(game, hit.run)
    game.ops.boost(hit.run.id, rules.BACKFIRE_BOOST, None)
    for indicator, delta in rules.BACKFIRE_EFFECTS.items():
        game.ops.adjust(indicator, delta)
