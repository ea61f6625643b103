"""A scenario's conditions and effects compiled once into plain Python callables.

Thousands of simulated games share one scenario; compiling its calls once keeps a
playthrough to a couple of milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from game.engine.registry import CONDITIONS, EFFECTS, Call

if TYPE_CHECKING:
    from game.engine.operations import Operations as Game
    from game.engine.scenario_spec import ScenarioSpec as Scenario
    from game.engine.state import GameState

Test = Callable[["GameState"], bool]
CompiledEffect = tuple[Callable[..., Any], Any]


def compile_condition(call: Call) -> Test:
    """A function of the state that tells whether *call* holds."""
    if call.name == "all":
        parts = [compile_condition(c) for c in call.children]
        return lambda s: all(p(s) for p in parts)
    if call.name == "any":
        parts = [compile_condition(c) for c in call.children]
        return lambda s: any(p(s) for p in parts)
    if call.name == "not":
        inner = compile_condition(call.children[0])
        return lambda s: not inner(s)
    func, args = CONDITIONS[call.name].func, call.args
    return lambda s: bool(func(s, args))


def compile_effects(calls: Sequence[Call]) -> tuple[CompiledEffect, ...]:
    return tuple((EFFECTS[c.name].func, c.args) for c in calls)


class Rulebook:
    """Compiled conditions of every event and ending, and effects of everything."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.event_when: dict[str, Test | None] = {
            e.id: compile_condition(e.when) if e.when else None for e in scenario.events}
        self.ending_when: dict[str, Test | None] = {
            e.id: compile_condition(e.when) if e.when else None for e in scenario.endings}
        self._effects: dict[int, tuple[CompiledEffect, ...]] = {}
        # Events that fire on a condition alone are checked every turn; keep them apart.
        self.conditional = [e for e in scenario.events if e.turn is None and e.when is not None]
        self.by_turn: dict[int, list[Any]] = {}
        for event in scenario.events:
            if event.turn is not None:
                self.by_turn.setdefault(event.turn, []).append(event)

    def effects(self, calls: Sequence[Call]) -> tuple[CompiledEffect, ...]:
        key = id(calls)
        found = self._effects.get(key)
        if found is None:
            found = self._effects[key] = compile_effects(calls)
        return found

    def run(self, game: Game, calls: Sequence[Call]) -> None:
        for func, args in self.effects(calls):
            func(game, args)


_CACHE: dict[int, Rulebook] = {}


def rulebook_for(scenario: Scenario) -> Rulebook:
    """The (cached) rulebook of a scenario object."""
    book = _CACHE.get(id(scenario))
    if book is None or book.scenario is not scenario:
        if len(_CACHE) > 16:
            _CACHE.clear()
        book = _CACHE[id(scenario)] = Rulebook(scenario)
    return book
