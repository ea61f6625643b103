"""The counter-measures, one entry each: what a measure costs, when it may be planned and
offered, what it does to a narrative, and its column of the technique table.

Adding a measure is one :meth:`MeasureRegistry.register` call here (plus its
``Measure`` value, its label and its translations): the rules (``actions``), the desk's
counter form, the technique table (``techniques``), the scenario format (a narrative's
``counters:`` keys) and the simulator's players (``simulation/newer_measures.py``) read
these entries instead of naming measures one by one.  How a counter lands in general
(fit, backfire, early warning) stays in ``actions._apply_counter``; an entry's ``apply``
is only what this measure does once it lands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from game.engine import rules
from game.engine.vocabulary import Indicator, Measure, NarrativePhase, Technique

if TYPE_CHECKING:
    from game.engine.operations import Operations as Game

I = Indicator


@dataclass(slots=True)
class Landing:
    """One counter as it lands, for its measure's ``apply``.

    ``strength``: 1 for a fitting counter, ``rules.WEAK_FACTOR`` for one that does little
    (times the early-warning bonus); ``rapid``: it answers a narrative that began to
    spread last turn or this one, for the first time; ``earlier``: how many times this
    measure was used on this narrative before; ``warned``: ``strength`` carries the
    early-warning bonus (a measure notes it only where its strength acts this turn:
    :func:`_felt`).
    """

    run: Any
    narrative: Any
    audience: str | None
    outcome: Any
    strength: float
    answers: bool
    rapid: bool
    earlier: int
    warned: bool = False


Apply = Callable[["Game", Landing], None]


@dataclass(frozen=True)
class MeasureEntry:
    """What one counter-measure means.

    ``used_up(game, run)``: the measure is once a game (per narrative, or at all) and was
    used.  ``spend(game, run)``: marks that one use when the counter backfires (its
    ``apply`` marks it otherwise); ``backfire`` replaces ``spend`` when a backfiring use
    still lands in part (an accusation is an accusation, right or wrong).  ``judged``:
    False for a measure the technique table does not judge (monitoring: it watches, it
    answers nothing).  ``in_effect(run)``: already in force on the narrative, so the desk
    greys it out (in its place in the list).  ``column``: technique ->
    (``"fits"``/``"backfires"``, reason msgid) for a measure the table in ``techniques``
    has no column for; ``little``: the reason shown where it does little.
    """

    measure: str
    cost: int
    apply: Apply
    needs_audience: bool = False        # prebunking: one audience, every narrative
    targets_narrative: bool = True      # literacy: every audience against every narrative
    judged: bool = True
    used_up: Callable[[Game, Any], bool] | None = None
    spend: Callable[[Game, Any], None] | None = None
    backfire: Callable[[Game, Landing], None] | None = None
    in_effect: Callable[[Any], bool] | None = None
    offered_first: bool = False         # monitoring, the safest, heads the desk's list
    column: Mapping[Technique, tuple[str, str]] = field(default_factory=dict)
    little: str | None = None


class MeasureRegistry:
    """The counter-measures by value, in the order they were registered."""

    def __init__(self) -> None:
        self.entries: dict[str, MeasureEntry] = {}

    def register(self, measure: str, cost: int, **options: Any) -> Callable[[Apply], Apply]:
        """Decorator: *func* is what *measure* does once it lands."""

        def decorate(func: Apply) -> Apply:
            if measure in self.entries:
                raise ValueError(f"measure {measure!r} registered twice")
            self.entries[measure] = MeasureEntry(measure, cost, func, **options)
            return func

        return decorate

    def member(self, value: str) -> str:
        """The registered measure whose value is *value* (a saved game's text), or
        ValueError, as ``Measure(value)`` would."""
        for measure in self.entries:
            if measure == value:
                return measure
        raise ValueError(f"{value!r} is not a counter-measure")

    def copy(self) -> MeasureRegistry:
        other = MeasureRegistry()
        other.entries = dict(self.entries)
        return other

    def __getitem__(self, measure: str) -> MeasureEntry:
        return self.entries[measure]

    def __contains__(self, measure: object) -> bool:
        return measure in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)


MEASURES = MeasureRegistry()


def _felt(hit: Landing) -> None:
    """This counter's strength acted this turn: say so if the early warning sharpened it."""
    if hit.warned:
        hit.outcome.notes.append("early_warning")


def _adjust_all(game: Game, effects: Mapping[Any, float]) -> None:
    for indicator, delta in effects.items():
        game.ops.adjust(indicator, delta)


# -- the measures -------------------------------------------------------------------------

@MEASURES.register(Measure.DEBUNK, cost=1)
def debunk(game: Game, hit: Landing) -> None:
    """Publish a correction: removes a share of the narrative's reach in every audience."""
    st, run, narrative, outcome = game.state, hit.run, hit.narrative, hit.outcome
    if run.phase is NarrativePhase.EMERGING and run.weighted < rules.STREISAND_BELOW:
        # Debunking what almost nobody has seen gives it an audience (seed 003: timing).
        outcome.notes.append("amplified")
        game.ops.boost(run.id, rules.STREISAND_BOOST, None)
        return
    _felt(hit)
    strength = hit.strength * rules.DEBUNK_SHARE * (0.5 + st.indicators[I.CREDIBILITY] / 100.0)
    strength *= rules.DEBUNK_REPEAT ** hit.earlier
    if hit.earlier:
        outcome.notes.append("repeated_debunk")
    if narrative.evidence_flag and narrative.evidence_flag not in st.flags:
        strength *= rules.DEBUNK_NO_EVIDENCE
        outcome.notes.append("no_evidence")
    if run.phase is NarrativePhase.ENTRENCHED:
        strength *= rules.DEBUNK_ENTRENCHED
        outcome.notes.append("entrenched")
    if run.factcheck:
        strength *= rules.DEBUNK_WITH_FACTCHECKERS
        outcome.notes.append("with_factcheckers")
    before = run.weighted
    for audience in game.scenario.audiences:
        resist = 1.0 - rules.DEBUNK_ECHO_RESISTANCE * audience.echo_chamber
        share = min(rules.DEBUNK_MAX_SHARE, strength * resist)
        game.ops.boost(run.id, -run.reach[audience.id] * share, audience.id)
    if before - run.weighted >= 5 and run.responded_turn == st.turn:
        bonus = rules.RAPID_RESPONSE_BONUS if hit.rapid else rules.RESPONSE_BONUS
        outcome.notes.append("rapid_response" if hit.rapid else "debunked")
        game.ops.adjust(I.CREDIBILITY, bonus)


@MEASURES.register(Measure.PREBUNK, cost=1, needs_audience=True)
def prebunk(game: Game, hit: Landing) -> None:
    """Warn one audience about the technique: inoculates it against every narrative."""
    assert hit.audience is not None
    run = hit.run
    reach = run.reach.get(hit.audience, 0.0)
    gain = rules.PREBUNK_GAIN * hit.strength
    _felt(hit)
    if reach > rules.PREBUNK_LATE_REACH:
        gain /= 2
        hit.outcome.notes.append("prebunk_late")
    elif run.phase in (NarrativePhase.EMERGING, NarrativePhase.DORMANT) and \
            reach < rules.STREISAND_BELOW:  # early only if the audience has barely seen it
        hit.outcome.notes.append("prebunk_early")
    game.ops.inoculate(hit.audience, gain)


def _mark_reported(game: Game, run: Any) -> None:
    run.reported = True


@MEASURES.register(Measure.REPORT, cost=1, used_up=lambda game, run: bool(run.reported),
                   spend=_mark_reported)
def report(game: Game, hit: Landing) -> None:
    """Report to the platforms: they act after a delay (``rules.REPORT_DELAY``); an early
    warning sharpens them then, and is said then (``resolution._platforms_act``)."""
    hit.run.reported = True
    hit.run.report_turn = game.state.turn + rules.REPORT_DELAY
    hit.outcome.notes.append("report_pending")


def _mark_factchecked(game: Game, run: Any) -> None:
    run.factcheck = True


@MEASURES.register(Measure.FACTCHECK, cost=2, used_up=lambda game, run: bool(run.factcheck),
                   spend=_mark_factchecked)
def factcheck(game: Game, hit: Landing) -> None:
    """Bring in independent fact-checkers: the narrative decays, later debunks hit harder."""
    hit.run.factcheck = True
    hit.run.decay += rules.FACTCHECK_DECAY * hit.strength
    _felt(hit)
    if hit.answers:
        game.ops.adjust(I.CREDIBILITY, rules.FACTCHECK_CREDIBILITY)


def _accuse(game: Game, hit: Landing, strength: float) -> None:
    run, narrative, outcome = hit.run, hit.narrative, hit.outcome
    run.attributed = True
    unproven = narrative.evidence_flag and narrative.evidence_flag not in game.state.flags
    if narrative.state_sponsored and unproven:
        run.virality *= rules.UNPROVEN_ATTRIBUTION_FACTOR
        effects = rules.UNPROVEN_ATTRIBUTION_EFFECTS
        outcome.notes.append("unproven_attribution")
    elif narrative.state_sponsored:
        run.virality *= 1.0 - (1.0 - rules.ATTRIBUTE_FACTOR) * strength
        _felt(hit)
        effects = rules.ATTRIBUTE_EFFECTS
        if strength < 1.0:  # an accusation that does little still raises the temperature,
            effects = MappingProxyType({I.TENSION: effects[I.TENSION]})  # but earns no trust
        outcome.notes.append("attributed")
    else:
        effects = rules.FALSE_ATTRIBUTION_EFFECTS
        outcome.notes.append("false_attribution")
    _adjust_all(game, effects)


@MEASURES.register(Measure.ATTRIBUTE, cost=1, used_up=lambda game, run: bool(run.attributed),
                   backfire=lambda game, hit: _accuse(game, hit, 0.0))
def attribute(game: Game, hit: Landing) -> None:
    """Name the state behind the campaign: slows it, if a state runs it and it is proven."""
    _accuse(game, hit, hit.strength)


@MEASURES.register(Measure.MONITOR, cost=0, judged=False, offered_first=True,
                   in_effect=lambda run: bool(run.monitored))
def monitor(game: Game, hit: Landing) -> None:
    """Watch the narrative: spotted before it spreads, later counters hit harder."""
    hit.run.monitored = True
    hit.outcome.notes.append("monitoring")


def _mark_literacy(game: Game, run: Any) -> None:
    game.state.literacy_turn = game.state.turn


@MEASURES.register(Measure.LITERACY, cost=2, targets_narrative=False,
                   used_up=lambda game, run: game.state.literacy_turn is not None,
                   spend=_mark_literacy)
def literacy(game: Game, hit: Landing) -> None:
    """A media-literacy campaign: once a game, slow, for every audience."""
    _mark_literacy(game, hit.run)
    _adjust_all(game, rules.LITERACY_EFFECTS)


@MEASURES.register(Measure.SUPPORT, cost=1,
                   used_up=lambda game, run: game.tally.counter_uses(run.id,
                                                                     Measure.SUPPORT) > 0)
def support(game: Game, hit: Landing) -> None:
    """Protect and publicly support the person targeted: the harassment loses its reach."""
    hit.run.virality *= 1.0 - (1.0 - rules.SUPPORT_FACTOR) * hit.strength
    _felt(hit)
    if hit.answers:
        hit.outcome.notes.append("target_supported")
        _adjust_all(game, rules.SUPPORT_EFFECTS)
