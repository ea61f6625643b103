"""The turn machine (``transitions``): the phases of a turn and the triggers between them.

One machine serves every game: a trigger hands the game (the model) to the machine's
event, which reads and writes ``Game.machine_phase`` and calls the game's callbacks and
guards by name.  So a game costs no machine of its own (building one was 3 % of a
simulated game) and the machine holds no reference to finished games (``add_model`` would
keep them).
"""

from __future__ import annotations

import logging
from typing import Any

from transitions import Machine

from game.engine.vocabulary import Phase

# The machine's states are the phases' plain string values: with Enum states,
# ``transitions`` converts every state to its name on every look-up, a measurable share of
# a simulated game.  ``Game.phase`` gives the Enum.

PHASES = {phase.value: phase for phase in Phase}  # a dict look-up, not Enum's call

TURN_STATES: list[dict[str, Any]] = [
    {"name": Phase.BRIEFING.value},
    {"name": Phase.FEED.value, "on_enter": "_enter_feed"},
    {"name": Phase.DECIDE.value},
    {"name": Phase.RESOLVE.value, "on_enter": "_enter_resolve"},
    {"name": Phase.DEBRIEF.value},
]

TURN_TRANSITIONS: list[dict[str, Any]] = [
    {"trigger": "start", "source": Phase.BRIEFING.value, "dest": Phase.FEED.value},
    {"trigger": "open_desk", "source": Phase.FEED.value, "dest": Phase.DECIDE.value},
    {"trigger": "resolve", "source": Phase.DECIDE.value, "dest": Phase.RESOLVE.value,
     "conditions": "budget_done"},
    {"trigger": "next_turn", "source": Phase.RESOLVE.value, "dest": Phase.FEED.value,
     "unless": "is_over"},
    {"trigger": "finish", "source": Phase.RESOLVE.value, "dest": Phase.DEBRIEF.value,
     "conditions": "is_over"},
]


TURN_MACHINE = Machine(model=None, states=TURN_STATES, transitions=TURN_TRANSITIONS,
                       initial=Phase.BRIEFING.value, model_attribute="machine_phase",
                       auto_transitions=False)
EVENTS = TURN_MACHINE.events  # by trigger name

# ``transitions`` logs every step of every trigger at debug and info level: formatting
# nothing, but a dozen calls per trigger.  Its warnings still show; a developer who sets
# the logger's level keeps it.
_TRANSITIONS_LOG = logging.getLogger("transitions")
if _TRANSITIONS_LOG.level == logging.NOTSET:
    _TRANSITIONS_LOG.setLevel(logging.WARNING)


def may(game: Any, trigger: str) -> bool:
    # What ``add_model`` binds as ``may_<trigger>``: the source phase and the guards.
    return bool(TURN_MACHINE._can_trigger(game, trigger))
