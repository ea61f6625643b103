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
from game.engine.state import NarrativeRun, clamp
from game.engine.vocabulary import NarrativePhase as NP


def weighted_reach(reach: Mapping[str, float], sizes: Mapping[str, float]) -> float:
    total = sum(sizes.values())
    return sum(reach.get(a, 0.0) * s for a, s in sizes.items()) / total if total else 0.0


def spread_step(run: NarrativeRun, echo: Mapping[str, float], sizes: Mapping[str, float],
                inoculation: Mapping[str, float], rng: random.Random) -> None:
    """Advance one narrative by one turn in every audience (mutates ``run.reach``)."""
    v = run.virality
    before = dict(run.reach)
    n = len(before)
    total = sum(before.values())
    # Audiences in the scenario's order (echo's), not the reach dict's: the dice are drawn
    # in this order, and a save must not change it.
    for audience in echo:
        r = before[audience]
        e = echo[audience]
        shield = 1.0 - inoculation.get(audience, 0.0)
        g = v * (rules.RECEPTIVENESS_BASE + rules.RECEPTIVENESS_ECHO * e) * shield
        others = (total - r) / (n - 1) if n > 1 else 0.0
        room = 1.0 - r / 100.0
        growth = g * r * room
        spill = rules.SPILLOVER * v * others * shield * room
        decay = run.decay * r * (1.0 - rules.ECHO_MEMORY * e)
        noise = rng.gauss(0.0, rules.SPREAD_NOISE) * v
        run.reach[audience] = round(clamp(r + growth + spill - decay + noise), 4)
    run.weighted = round(weighted_reach(run.reach, sizes), 4)


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


def step_lifecycle(run: NarrativeRun, trigger: str, turn: int) -> bool:
    """Fire *trigger* on the narrative's machine; True if its phase changed."""
    for name, sources, dest, condition in LIFECYCLE:
        if name == trigger and run.phase in sources and condition(run, turn):
            run.phase = dest
            run.phase_turn = turn
            if dest is NP.SPREADING and run.spreading_turn is None:
                run.spreading_turn = turn
            return True
    return False
