"""A scenario's conditions and effects compiled once into plain Python callables.

Thousands of simulated games share one scenario; compiling its calls once keeps a
playthrough to a couple of milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from game.engine import rules
from game.engine.registry import CONDITIONS, EFFECTS, Call
from game.engine.spread import Audiences
from game.engine.vocabulary import Tone

if TYPE_CHECKING:
    from game.engine.operations import Operations as Game
    from game.engine.scenario_spec import ScenarioSpec as Scenario
    from game.engine.state import GameState

Test = Callable[["GameState"], bool]
CompiledEffect = tuple[Callable[..., Any], Any]
Candidate = tuple[Any, str, bool, "Test | None"]  # an event, its id, repeat, compiled when


def compile_condition(call: Call) -> Test:
    """A function of the state that tells whether *call* holds."""
    if call.name in ("all", "any"):
        return _all_or_any(call.name == "all", [compile_condition(c) for c in call.children])
    if call.name == "not":
        inner = compile_condition(call.children[0])
        return lambda s: not inner(s)
    func, args = CONDITIONS[call.name].func, call.args
    return lambda s: bool(func(s, args))


def _all_or_any(every: bool, parts: list[Test]) -> Test:
    """``all``/``any`` of *parts*, short-circuiting in order; the common two-part case
    without a generator (a condition is tested every turn of every simulated game)."""
    if len(parts) == 2:
        first, second = parts
        if every:
            return lambda s: bool(first(s) and second(s))
        return lambda s: bool(first(s) or second(s))
    if every:
        return lambda s: all(p(s) for p in parts)
    return lambda s: any(p(s) for p in parts)


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
        self.event_order = {e.id: i for i, e in enumerate(scenario.events)}
        self._candidates: dict[int, tuple[Candidate, ...]] = {}
        # What every game of the scenario would otherwise work out again at each look-up.
        self.sizes = {a.id: a.size for a in scenario.audiences}
        self.echo = {a.id: a.echo_chamber for a in scenario.audiences}
        self.audiences = Audiences(self.echo, self.sizes)
        self.channel_specs: dict[Any, Any] = {}
        for spec in scenario.channels:  # the first of an id, as ``Scenario.channel_spec``
            self.channel_specs.setdefault(spec.id, spec)
        self.tone_effects = {tone: _tone_effects(scenario, tone) for tone in Tone}
        # Values the engine's modules derive from the scenario alone, by a key of theirs
        # (e.g. a post's fit for a channel, audience and language): few, bounded by the file.
        self.memo: dict[tuple[Any, ...], Any] = {}

    def candidates(self, turn: int) -> tuple[Candidate, ...]:
        """The events that may fire at the start of *turn* without a scheduled one: those
        of the turn and those that fire on a condition, in the scenario's order."""
        found = self._candidates.get(turn)
        if found is None:
            found = self.conditional_only if turn not in self.by_turn else self.in_order(
                {e.id: e for e in self.by_turn[turn]}, self.conditional)
            if turn in self.by_turn:  # one entry per turn with events: bounded by the file
                self._candidates[turn] = found
        return found

    @cached_property
    def conditional_only(self) -> tuple[Candidate, ...]:
        return self.in_order({}, self.conditional)

    def in_order(self, events: dict[str, Any], more: Sequence[Any]) -> tuple[Candidate, ...]:
        """*events* (by id) and *more* (which replace those of the same id), in the
        scenario's order, each as ``(event, id, repeat, compiled when)``: what the turn
        reads of them, read once."""
        events.update({e.id: e for e in more})
        order, when = self.event_order, self.event_when
        return tuple((e, e.id, e.repeat, when[e.id])
                     for e in sorted(events.values(), key=lambda e: order[e.id]))

    def effects(self, calls: Sequence[Call]) -> tuple[CompiledEffect, ...]:
        key = id(calls)
        found = self._effects.get(key)
        if found is None:
            found = self._effects[key] = compile_effects(calls)
        return found

    def run(self, game: Game, calls: Sequence[Call]) -> None:
        for func, args in self.effects(calls):
            func(game, args)


def _tone_effects(scenario: Scenario, tone: Tone) -> MappingProxyType[Any, float]:
    """A post's effects in this tone: the model's, with the scenario's ``rules`` on top."""
    effects = dict(rules.TONE_EFFECTS[tone])
    effects.update(scenario.rules.tone_effects.get(tone, {}))
    return MappingProxyType(effects)


_CACHE: dict[int, Rulebook] = {}


def rulebook_for(scenario: Scenario) -> Rulebook:
    """The (cached) rulebook of a scenario object."""
    book = _CACHE.get(id(scenario))
    if book is None or book.scenario is not scenario:
        if len(_CACHE) > 16:
            _CACHE.clear()
        book = _CACHE[id(scenario)] = Rulebook(scenario)
    return book
