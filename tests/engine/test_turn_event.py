"""The turn machine's lean trigger (``turns.TurnEvent``) behaves as ``transitions``' own:
same phases, same guard and callback calls, same refusals, for any sequence of triggers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from transitions import Machine, MachineError

from game.engine import turns


class Model:
    """Records what the machine calls; the guards' answers are set by the test."""

    def __init__(self, over: bool, budget_done: bool) -> None:
        self.machine_phase = turns.TURN_MACHINE.initial
        self.over, self.done, self.calls = over, budget_done, []

    def _enter_feed(self) -> None:
        self.calls.append("feed")

    def _enter_resolve(self) -> None:
        self.calls.append("resolve")

    def budget_done(self) -> bool:
        self.calls.append("budget_done?")
        return self.done

    def is_over(self) -> bool:
        self.calls.append("is_over?")
        return self.over


LIBRARY = Machine(model=None, states=turns.TURN_STATES, transitions=turns.TURN_TRANSITIONS,
                  initial=turns.TURN_MACHINE.initial, model_attribute="machine_phase",
                  auto_transitions=False)


def _run(events: dict, model: Model, trigger: str) -> object:
    try:
        return events[trigger].trigger(model)
    except MachineError:
        return "refused"


@settings(max_examples=200, deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from(sorted(LIBRARY.events)), st.booleans(),
                                st.booleans()), max_size=30))
def test_the_lean_trigger_does_what_the_library_does(steps: list) -> None:
    ours, theirs = Model(False, False), Model(False, False)
    for trigger, over, done in steps:
        for model in (ours, theirs):
            model.over, model.done = over, done
        assert _run(turns.EVENTS, ours, trigger) == _run(LIBRARY.events, theirs, trigger)
        assert ours.machine_phase == theirs.machine_phase
        assert ours.calls == theirs.calls


def test_a_machine_using_what_the_lean_trigger_skips_is_refused_at_import() -> None:
    states = [dict(s) for s in turns.TURN_STATES]
    states[0]["on_exit"] = "_leave_briefing"
    machine = turns.TurnMachine(model=None, states=states, transitions=turns.TURN_TRANSITIONS,
                                initial="briefing", model_attribute="machine_phase",
                                auto_transitions=False)
    with pytest.raises(TypeError, match="TurnEvent"):
        turns._check_machine(machine)
    turns._check_machine(turns.TURN_MACHINE)  # the real one passes
