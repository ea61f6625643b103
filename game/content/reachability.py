"""What can happen at all, and from which turn: events, flags, narratives, endings.

A static over-approximation: gauges are assumed able to reach any value in 0–100, dice
any outcome, the player any answer.  So "can never" is always true when reported.  Each
event, flag and narrative gets the earliest turn it can happen (``NEVER`` when it cannot),
found by a fixpoint; a condition is impossible when, inside one ``all``, its turn bounds,
flags or indicator bounds contradict each other or the turns at which it is tested, or
when it needs a flag set only after the last turn it is tested.  The part that makes it
impossible is returned with its YAML path, so the checker points at that line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from game.content.model import Event, Scenario
from game.content.tree import calls_in
from game.content.validation import Loc
from game.engine.registry import Call
from game.engine.vocabulary import NarrativePhase

NEVER = 10**9

_TURN_ATOMS = ("turn_at_least", "turn_at_most")
_EVENT_ATOMS = ("event_fired", "crisis_open", "crisis_missed", "choice_made")
_NARRATIVE_ATOMS = ("narrative_reach_at_least", "narrative_reach_below", "counter_used",
                    "narrative_phase")


@dataclass(frozen=True)
class Impossible:
    """Why a condition can never hold, and the path of the part that makes it so."""

    loc: Loc
    reason: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Scope:
    """What one conjunction requires so far: a turn window, gauge bounds, flags."""

    lo: int
    hi: int
    at_least: dict[str, float] = field(default_factory=dict)
    below: dict[str, float] = field(default_factory=dict)
    on: set[str] = field(default_factory=set)
    off: set[str] = field(default_factory=set)

    def copy(self) -> _Scope:
        return _Scope(self.lo, self.hi, dict(self.at_least), dict(self.below), set(self.on),
                      set(self.off))


def _negated(call: Call) -> Call | None:
    """The atom equivalent to ``not: call``, when there is a simple one."""
    name, args = call.name, call.args
    if name == "turn_at_least":
        return Call("turn_at_most", args - 1)
    if name == "turn_at_most":
        return Call("turn_at_least", args + 1)
    if name == "flag":
        return Call("no_flag", args)
    if name == "no_flag":
        return Call("flag", args)
    if name in ("indicator_at_least", "indicator_below") and len(args) == 1:
        other = "indicator_below" if name == "indicator_at_least" else "indicator_at_least"
        return Call(other, dict(args))
    return None


class Reach:
    """The earliest turn of every event, flag and narrative, and the endings forced."""

    def __init__(self, scenario: Scenario) -> None:
        self.s = scenario
        self.turns = scenario.meta.turns
        self.events: dict[str, int] = {e.id: NEVER for e in scenario.events}
        self.flags: dict[str, int] = {}
        self.scheduled: dict[str, int] = {}
        self.narratives: dict[str, int] = {
            n.id: n.start_turn for n in scenario.narratives
            if n.start_turn is not None and n.start_turn <= self.turns}
        self.forced_endings: set[str] = set()
        for topic in scenario.topics:  # the player can post on any topic from turn 1
            self._collect(topic.effects, 1)
        self._run()

    # -- the fixpoint -----------------------------------------------------------------

    def _collect(self, effects: Any, turn: int) -> None:
        for call in _calls(effects):
            name, args = call.name, call.args
            if name == "set_flag":
                self.flags[args] = min(self.flags.get(args, NEVER), turn)
            elif name == "follow_up":
                self.scheduled[args] = min(self.scheduled.get(args, NEVER), turn + 1)
            elif name == "schedule_event":
                at = turn + args.in_turns
                self.scheduled[args.event] = min(self.scheduled.get(args.event, NEVER), at)
            elif name == "launch_narrative":
                self.narratives[args] = min(self.narratives.get(args, NEVER), turn)
            elif name == "end_game":
                self.forced_endings.add(args)

    def _run(self) -> None:
        changed = True
        while changed:
            changed = False
            for event in self.s.events:
                turn = self.trigger_turn(event)
                if turn < self.events[event.id]:
                    self.events[event.id] = turn
                    self._collect(event.effects, turn)
                    if event.crisis:
                        self._collect(event.crisis.on_expire, turn)
                        for choice in event.crisis.choices:
                            self._collect(choice.effects, turn)
                    changed = True

    def windows(self, event: Event) -> list[tuple[int, int]]:
        """The turn windows in which the event's condition is tested."""
        found: list[tuple[int, int]] = []
        if event.turn is not None and event.turn <= self.turns:
            found.append((event.turn, event.turn))
        elif event.turn is None and event.when is not None:
            found.append((1, self.turns))
        start = self.scheduled.get(event.id, NEVER)
        if start <= self.turns:
            found.append((start, self.turns))
        return found

    def trigger_turn(self, event: Event) -> int:
        """The earliest turn the event can fire, or NEVER."""
        best = NEVER
        for lo, hi in self.windows(event):
            best = min(best, lo if event.when is None else self.earliest(event.when, lo, hi))
        return best

    def earliest(self, call: Call, lo: int, hi: int) -> int:
        """The first turn in lo..hi at which *call* may hold (widening the window can only
        make a condition more possible, so a binary search finds it)."""
        if self.impossible(call, (), lo, hi) is not None:
            return NEVER
        while lo < hi:
            mid = (lo + hi) // 2
            if self.impossible(call, (), lo, mid) is None:
                hi = mid
            else:
                lo = mid + 1
        return lo

    # -- conditions -------------------------------------------------------------------

    def impossible(self, call: Call, loc: Loc, lo: int, hi: int) -> Impossible | None:
        """Why *call* (written at *loc*) can never hold when tested in turns lo..hi."""
        return self._check(call, loc, _Scope(lo, hi))

    def _check(self, call: Call, loc: Loc, scope: _Scope) -> Impossible | None:
        here = loc + (call.name,)
        if call.name == "all":
            return self._all(call, here, scope)
        if call.name == "any":
            if call.children and all(self._check(c, here + (i,), scope) is not None
                                     for i, c in enumerate(call.children)):
                return Impossible(here, "reason_no_alternative")
            return None
        if call.name == "not":
            atom = _negated(call.children[0])
            return None if atom is None else self._add(atom, here + (call.children[0].name,),
                                                       scope.copy())
        return self._add(call, here, scope.copy())

    def _all(self, call: Call, here: Loc, scope: _Scope) -> Impossible | None:
        scope = scope.copy()
        children = list(enumerate(call.children))
        # Turn bounds first, so a flag is judged against the whole window of the ``all``.
        children.sort(key=lambda ic: (ic[1].name not in _TURN_ATOMS, ic[1].name in ("all", "any")))
        for i, child in children:
            child_loc = here + (i,)
            if child.name in ("all", "any"):
                found = self._check(child, child_loc, scope)
            elif child.name == "not":
                atom = _negated(child.children[0])
                found = None if atom is None else self._add(
                    atom, child_loc + ("not", child.children[0].name), scope)
            else:
                found = self._add(child, child_loc + (child.name,), scope)
            if found is not None:
                return found
        return None

    def _add(self, call: Call, at: Loc, scope: _Scope) -> Impossible | None:
        """Narrow *scope* by one atom; why it became empty, if it did."""
        name, args = call.name, call.args
        if name == "turn_at_least":
            scope.lo = max(scope.lo, args)
        elif name == "turn_at_most":
            scope.hi = min(scope.hi, args)
        if name in _TURN_ATOMS:
            if scope.lo > scope.hi:
                return Impossible(at, "reason_turns", {"turn": args})
            late = [f for f in scope.on if self.flags.get(f, NEVER) > scope.hi]
            if late:
                return self._flag_late(at, late[0], scope)
            return None
        if name == "flag":
            if args in scope.off:
                return Impossible(at, "reason_flag_both", {"flag": args})
            scope.on.add(args)
            if self.flags.get(args, NEVER) > scope.hi:
                return self._flag_late(at, args, scope)
        elif name == "no_flag":
            if args in scope.on:
                return Impossible(at, "reason_flag_both", {"flag": args})
            scope.off.add(args)
        elif name in ("indicator_at_least", "indicator_below"):
            target = scope.at_least if name == "indicator_at_least" else scope.below
            for key, value in args.items():
                key = str(key)
                target[key] = (max if target is scope.at_least else min)(
                    target.get(key, value), value)
                low, high = scope.at_least.get(key, 0.0), scope.below.get(key, 101.0)
                if high <= 0 or low >= high:
                    return Impossible(at + (key,), "reason_indicator", {"indicator": key})
        elif name == "chance" and args <= 0:
            return Impossible(at, "reason_condition")
        elif name in _EVENT_ATOMS:
            event_id = args if isinstance(args, str) else args.event
            event = self.s.event_by_id.get(event_id)
            needs_crisis = name != "event_fired"
            if self.events.get(event_id, NEVER) > scope.hi or (
                    needs_crisis and (event is None or event.crisis is None)):
                return Impossible(at, "reason_event_never", {"event": event_id})
        elif name in _NARRATIVE_ATOMS:
            if name == "narrative_phase" and args.phase is NarrativePhase.DORMANT:
                return None
            if self.narratives.get(args.narrative, NEVER) > scope.hi:
                return Impossible(at, "reason_narrative_never", {"narrative": args.narrative})
        return None

    def _flag_late(self, at: Loc, flag: str, scope: _Scope) -> Impossible:
        first = self.flags.get(flag, NEVER)
        if first >= NEVER:
            return Impossible(at, "reason_flag_never", {"flag": flag})
        return Impossible(at, "reason_flag_late", {"flag": flag, "turn": first,
                                                   "last": scope.hi})


def _calls(effects: Any) -> Iterator[Call]:
    for _loc, call in calls_in(effects):
        yield call
