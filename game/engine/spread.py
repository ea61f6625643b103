"""How disinformation narratives spread, and the small machine of their life cycle.

Spread (per audience, per turn; numbers in ``rules``)::

    g      = virality · (0.6 + 0.8·echo) · (1 − inoculation)
    growth = g · r · (1 − r/100)                       logistic: fast in the middle
    spill  = 0.08 · virality · mean(other audiences) · (1 − inoculation) · (1 − r/100)
    decay  = decay · r · (1 − ½·echo)                  echo chambers forget slowly
    r     += growth + spill − decay + N(0, virality)   clamped to 0-100

Life cycle (a small declarative machine, ``LIFECYCLE``): dormant → emerging → spreading →
viral → entrenched, and from spreading, viral or entrenched to debunked (answered, reach
< 10) or faded (unanswered, reach < 5); a debunked narrative spreads again as soon as its
reach is back to 10 (the phase shown must match the reach), a faded one at 20.  The
debrief explains each step.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from game.engine import rules
from game.engine.state import NarrativeRun
from game.engine.vocabulary import NarrativePhase as NP


def weighted_reach(reach: Mapping[str, float], sizes: Mapping[str, float]) -> float:
    total = sum(sizes.values())
    return sum([reach.get(a, 0.0) * s for a, s in sizes.items()]) / total if total else 0.0


class Audiences:
    """What the spread needs of a scenario's audiences, computed once per scenario: their
    ids in the scenario's order, sizes, and the factors of the formula that depend on the
    echo chamber alone.  The same products as the formula's, in the same order, so the
    numbers come out bit for bit as computed in place."""

    __slots__ = ("ids", "sizes", "total_size", "receptive", "memory")

    def __init__(self, echo: Mapping[str, float], sizes: Mapping[str, float]) -> None:
        self.ids = tuple(echo)
        self.sizes = tuple(sizes.items())
        self.total_size = sum(sizes.values())
        self.receptive = tuple(rules.RECEPTIVENESS_BASE + rules.RECEPTIVENESS_ECHO * echo[a]
                               for a in self.ids)
        self.memory = tuple(1.0 - rules.ECHO_MEMORY * echo[a] for a in self.ids)

    def weighted(self, reach: Mapping[str, float]) -> float:
        """:func:`weighted_reach` over these audiences."""
        total, get = self.total_size, reach.get
        return sum([get(a, 0.0) * s for a, s in self.sizes]) / total if total else 0.0


def spread_step(run: NarrativeRun, echo: Mapping[str, float], sizes: Mapping[str, float],
                inoculation: Mapping[str, float], rng: random.Random,
                audiences: Audiences | None = None) -> None:
    """Advance one narrative by one turn in every audience (mutates ``run.reach``).
    *audiences* (``Audiences(echo, sizes)``, made once) saves recomputing its factors."""
    a = audiences if audiences is not None else Audiences(echo, sizes)
    v = run.virality
    reach = run.reach
    before = dict(reach)
    n = len(before)
    total = sum(before.values())
    spill_v = rules.SPILLOVER * v
    decay_rate = run.decay
    gauss = rng.gauss
    noise_sd = rules.SPREAD_NOISE
    inoculated = inoculation.get
    # Audiences in the scenario's order (echo's), not the reach dict's: the dice are drawn
    # in this order, and a save must not change it.
    for audience, receptive, memory in zip(a.ids, a.receptive, a.memory, strict=True):
        r = before[audience]
        shield = 1.0 - inoculated(audience, 0.0)
        g = v * receptive * shield
        others = (total - r) / (n - 1) if n > 1 else 0.0
        room = 1.0 - r / 100.0
        growth = g * r * room
        spill = spill_v * others * shield * room
        decay = decay_rate * r * memory
        noise = gauss(0.0, noise_sd) * v
        value = r + growth + spill - decay + noise
        reach[audience] = round(0.0 if value < 0.0 else 100.0 if value > 100.0 else value, 4)
    run.weighted = round(a.weighted(reach), 4)


# -- life cycle ------------------------------------------------------------------------
# A small declarative machine: (trigger, sources, destination, condition), tried in order,
# first match wins.  It is evaluated here rather than by ``transitions`` because a
# simulated game has hundreds of these steps and building a ``transitions`` machine per
# game cost half its time (benchmarks/RESULTS.md); the turn machine stays ``transitions``.

Condition = Callable[[NarrativeRun, int], bool]


def _reached_spreading(run: NarrativeRun, turn: int) -> bool:
    return run.weighted >= rules.SPREADING_AT


def _reached_viral(run: NarrativeRun, turn: int) -> bool:
    return run.weighted >= rules.VIRAL_AT


def _fell_below_viral(run: NarrativeRun, turn: int) -> bool:
    return run.weighted < rules.VIRAL_BACK_BELOW


def _answered_and_low(run: NarrativeRun, turn: int) -> bool:
    return run.responded and run.weighted < rules.DEBUNKED_BELOW


def _below_faded(run: NarrativeRun, turn: int) -> bool:
    return run.weighted < rules.FADED_BELOW


def _emerging_died_out(run: NarrativeRun, turn: int) -> bool:
    # A new narrative gets a grace period before it can be called faded.
    return _below_faded(run, turn) and turn - run.phase_turn >= rules.ENTRENCHED_AFTER


def _viral_long_enough(run: NarrativeRun, turn: int) -> bool:
    return turn - run.phase_turn >= rules.ENTRENCHED_AFTER


def _no_longer_low(run: NarrativeRun, turn: int) -> bool:
    # "Debunked" means answered *and* low: shown over a reach that climbs back, it told
    # the player the story was over while it spread again.
    return run.weighted >= rules.DEBUNKED_BELOW


def _resurged(run: NarrativeRun, turn: int) -> bool:
    return run.weighted >= rules.RESURGENCE_AT


def _always(run: NarrativeRun, turn: int) -> bool:
    return True


_ACTIVE = (NP.SPREADING, NP.VIRAL, NP.ENTRENCHED)
LIFECYCLE: tuple[tuple[str, tuple[NP, ...], NP, Condition], ...] = (
    ("launch", (NP.DORMANT,), NP.EMERGING, _always),
    ("evolve", _ACTIVE, NP.DEBUNKED, _answered_and_low),
    ("evolve", (NP.SPREADING,), NP.FADED, _below_faded),
    ("evolve", (NP.EMERGING,), NP.FADED, _emerging_died_out),
    ("evolve", (NP.EMERGING,), NP.SPREADING, _reached_spreading),
    ("evolve", (NP.SPREADING,), NP.VIRAL, _reached_viral),
    ("evolve", (NP.VIRAL,), NP.ENTRENCHED, _viral_long_enough),
    ("evolve", (NP.VIRAL,), NP.SPREADING, _fell_below_viral),
    ("evolve", (NP.DEBUNKED,), NP.SPREADING, _no_longer_low),
    ("evolve", (NP.FADED,), NP.SPREADING, _resurged),
)


# The table by trigger and phase: the rows a step has to try, in the table's order.
_ROWS: dict[tuple[str, NP], tuple[tuple[NP, Condition], ...]] = {
    (name, phase): tuple((dest, condition) for trigger, sources, dest, condition in LIFECYCLE
                         if trigger == name and phase in sources)
    for name in {row[0] for row in LIFECYCLE} for phase in NP}


def step_lifecycle(run: NarrativeRun, trigger: str, turn: int) -> bool:
    """Fire *trigger* on the narrative's machine; True if its phase changed."""
    for dest, condition in _ROWS.get((trigger, run.phase), ()):
        if condition(run, turn):
            run.phase = dest
            run.phase_turn = turn
            if dest is NP.SPREADING and run.spreading_turn is None:
                run.spreading_turn = turn
            return True
    return False
