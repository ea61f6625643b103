"""The turn machine (``transitions``): the phases of a turn and the triggers between them.

One machine serves every game: a trigger hands the game (the model) to the machine's
event, which reads and writes ``Game.machine_phase`` and calls the game's callbacks and
guards by name.  So a game costs no machine of its own (building one was 3 % of a
simulated game) and the machine holds no reference to finished games (``add_model`` would
keep them).  Its events are :class:`TurnEvent`, ``transitions``' extension point for how
an event runs: the same semantics on a shorter path.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from transitions import Event, Machine, MachineError

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


class TurnEvent(Event):
    """An event of the turn machine, triggered the way ``transitions`` does for what this
    machine uses: the transitions of the model's phase tried in order, their conditions
    and ``unless`` called by name, the phase written, the destination's ``on_enter``
    callbacks called by name; a trigger from a phase without a transition raises
    ``MachineError``.  The library's general path (queues, prepare/before/after/finalize
    callbacks, event data, a dozen logging calls) cost 6.7 µs per trigger, a seventh of a
    simulated game; this one about 1 µs.  :func:`_check_machine` refuses a machine that
    uses anything this path skips."""

    def trigger(self, model: Any, *args: Any, **kwargs: Any) -> bool:
        machine = self.machine
        phase = getattr(model, machine.model_attribute)
        transitions = self.transitions.get(phase)
        if transitions is None:
            raise MachineError(f"Can't trigger event {self.name} from state {phase}!")
        # Names only, destinations always set: ``_check_machine`` made sure at import.
        for transition in transitions:
            for condition in transition.conditions:
                if getattr(model, cast(str, condition.func))(*args, **kwargs) \
                        != condition.target:
                    break
            else:
                dest = cast(str, transition.dest)
                setattr(model, machine.model_attribute, dest)
                for callback in machine.states[dest].on_enter:
                    getattr(model, cast(str, callback))(*args, **kwargs)
                return True
        return False


class TurnMachine(Machine):
    event_cls = TurnEvent


TURN_MACHINE = TurnMachine(model=None, states=TURN_STATES, transitions=TURN_TRANSITIONS,
                           initial=Phase.BRIEFING.value, model_attribute="machine_phase",
                           auto_transitions=False)
EVENTS = TURN_MACHINE.events  # by trigger name


def _check_machine(machine: Machine) -> None:
    """The turn machine uses only what :class:`TurnEvent` runs: a change to its states or
    transitions that needs more fails here, at import, rather than playing wrong."""
    skipped = [machine.prepare_event, machine.finalize_event, machine.before_state_change,
               machine.after_state_change, machine.on_exception, machine.on_final,
               machine.has_queue, machine.send_event]
    for state in machine.states.values():
        skipped += [state.on_exit, state.final,
                    [name for name in state.on_enter if not isinstance(name, str)]]
    for event in machine.events.values():
        for transition in (t for ts in event.transitions.values() for t in ts):
            skipped += [transition.dest is None, transition.prepare, transition.before,
                        transition.after,
                        [c for c in transition.conditions if not isinstance(c.func, str)]]
    if any(skipped):
        raise TypeError("the turn machine uses a feature TurnEvent does not run")


_check_machine(TURN_MACHINE)

# ``transitions`` logs every step at debug and info level (``may`` still goes through the
# library's path): formatting nothing, but a dozen calls each time.  Its warnings still
# show; a developer who sets the logger's level keeps it.
_TRANSITIONS_LOG = logging.getLogger("transitions")
if _TRANSITIONS_LOG.level == logging.NOTSET:
    _TRANSITIONS_LOG.setLevel(logging.WARNING)


def may(game: Any, trigger: str) -> bool:
    # What ``add_model`` binds as ``may_<trigger>``: the source phase and the guards.
    return bool(TURN_MACHINE._can_trigger(game, trigger))
