"""How disinformation narratives spread, and the small machine of their life cycle.

Spread (per audience, per turn; numbers in ``rules``)::

    g      = virality · (0.6 + 0.8·echo) · (1 − inoculation)
    growth = g · r · (1 − r/100)                       logistic: fast in the middle
    spill  = 0.08 · virality · mean(other audiences) · (1 − inoculation) · (1 − r/100)
    decay  = decay · r · (1 − ½·echo)                  echo chambers forget slowly
    r     += growth + spill − decay + N(0, virality)   clamped to 0-100

Life cycle: dormant → emerging → spreading → viral → entrenched, and from spreading,
viral or entrenched to debunked (answered, reach < 10) or faded (unanswered, reach < 5);
debunked or faded narratives can come back (reach ≥ 20).  The debrief explains each step.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from typing import Any

from transitions import EventData, Machine

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
    for audience, r in before.items():
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

def _w(ev: EventData) -> float:
    return float(ev.model.weighted)


def _reached_spreading(ev: EventData) -> bool:
    return _w(ev) >= rules.SPREADING_AT


def _reached_viral(ev: EventData) -> bool:
    return _w(ev) >= rules.VIRAL_AT


def _fell_below_viral(ev: EventData) -> bool:
    return _w(ev) < rules.VIRAL_BACK_BELOW


def _answered_and_low(ev: EventData) -> bool:
    return bool(ev.model.responded) and _w(ev) < rules.DEBUNKED_BELOW


def _below_faded(ev: EventData) -> bool:
    return _w(ev) < rules.FADED_BELOW


def _emerging_died_out(ev: EventData) -> bool:
    # A new narrative gets a grace period before it can be called faded.
    turn = int(ev.kwargs.get("turn", 0))
    return _below_faded(ev) and turn - int(ev.model.phase_turn) >= rules.ENTRENCHED_AFTER


def _viral_long_enough(ev: EventData) -> bool:
    turn = int(ev.kwargs.get("turn", 0))
    return turn - int(ev.model.phase_turn) >= rules.ENTRENCHED_AFTER


def _resurged(ev: EventData) -> bool:
    return _w(ev) >= rules.RESURGENCE_AT


def _record_phase(ev: EventData) -> None:
    run = ev.model
    turn = int(ev.kwargs.get("turn", 0))
    run.phase_turn = turn
    if run.phase is NP.SPREADING and run.spreading_turn is None:
        run.spreading_turn = turn


_ACTIVE = [NP.SPREADING, NP.VIRAL, NP.ENTRENCHED]
LIFECYCLE: list[dict[str, Any]] = [
    {"trigger": "launch", "source": NP.DORMANT, "dest": NP.EMERGING},
    # "evolve" tries these in order and takes the first whose conditions hold.
    {"trigger": "evolve", "source": _ACTIVE, "dest": NP.DEBUNKED,
     "conditions": _answered_and_low},
    {"trigger": "evolve", "source": NP.SPREADING, "dest": NP.FADED, "conditions": _below_faded},
    {"trigger": "evolve", "source": NP.EMERGING, "dest": NP.FADED,
     "conditions": _emerging_died_out},
    {"trigger": "evolve", "source": NP.EMERGING, "dest": NP.SPREADING,
     "conditions": _reached_spreading},
    {"trigger": "evolve", "source": NP.SPREADING, "dest": NP.VIRAL, "conditions": _reached_viral},
    {"trigger": "evolve", "source": NP.VIRAL, "dest": NP.ENTRENCHED,
     "conditions": _viral_long_enough},
    {"trigger": "evolve", "source": NP.VIRAL, "dest": NP.SPREADING,
     "conditions": _fell_below_viral},
    {"trigger": "evolve", "source": [NP.DEBUNKED, NP.FADED], "dest": NP.SPREADING,
     "conditions": _resurged},
]


def lifecycle_machine(runs: Iterable[NarrativeRun]) -> Machine:
    """One machine driving every narrative of a game (each keeps its own phase)."""
    machine = Machine(
        model=None, states=list(NP), transitions=LIFECYCLE, initial=NP.DORMANT,
        model_attribute="phase", auto_transitions=False, send_event=True,
        ignore_invalid_triggers=True, after_state_change=_record_phase, queued=False,
    )
    for run in runs:
        machine.add_model(run, initial=run.phase)
    return machine
