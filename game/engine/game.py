"""A game in progress: the model of the turn state machine (its changes to the state go
through ``ops``, ``engine/ops.py``).

The turn machine (``transitions``)::

    briefing --start--> feed --open_desk--> decide --resolve--> resolve --next_turn--> feed
                                            (act, cancel,                 \\--finish--> debrief
                                             pass_turn)

``resolve`` is refused until the action points are spent or the player passes.  Actions
(``act``, ``cancel``, ``pass_turn``) are plain methods, legal only in *decide*: they do
not change the phase, and routing them through the machine cost a third of a simulated
game's time (``benchmarks/RESULTS.md``).  Every trigger has its ``may_*`` query, and so
does ``act``.  Scenes of the UI call only these.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from game.engine import actions, measures, resolution
from game.engine.actions import Action, action_from_dict, action_to_dict
from game.engine.ops import StateOps
from game.engine.rulebook import rulebook_for
from game.engine.state import GameState, NarrativeRun, Outcome
from game.engine.tally import Tally
from game.engine.turns import EVENTS, PHASES, may
from game.engine.vocabulary import INDICATORS, Measure, NarrativePhase, Phase

if TYPE_CHECKING:
    from game.engine.registry import Call
    from game.engine.scenario_spec import ChoiceSpec as Choice
    from game.engine.scenario_spec import EventSpec as Event
    from game.engine.scenario_spec import ScenarioSpec as Scenario

_DORMANT, _DECIDE = NarrativePhase.DORMANT, Phase.DECIDE


class IllegalAction(Exception):
    """An action the rules refuse; ``reason`` is a code the UI explains."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_state(scenario: Scenario, seed: int) -> GameState:
    """The state of a game of *scenario* before its briefing."""
    start = scenario.indicators
    audiences = [a.id for a in scenario.audiences]
    return GameState(
        scenario_id=scenario.meta.id,
        seed=seed,
        indicators={str(k): float(getattr(start, k)) for k in INDICATORS},
        narratives={n.id: NarrativeRun(n.id, {a: 0.0 for a in audiences}, n.virality, n.decay)
                    for n in scenario.narratives},
        inoculation={a: 0.0 for a in audiences},
        rng=random.Random(seed),
    )


class Game:
    """One game of one scenario: the model of the turn machine."""

    def __init__(self, scenario: Scenario, seed: int = 0, *, state: GameState | None = None):
        self.scenario = scenario
        self.book = rulebook_for(scenario)
        self.state = state if state is not None else new_state(scenario, seed)
        self.sizes, self.echo = self.book.sizes, self.book.echo  # the scenario's: read only
        self.event_order = self.book.event_order
        # What actions, effects and events change goes through ``ops`` (engine/ops.py).
        self.ops = StateOps(scenario, self.state, self.book.audiences)
        self.tally = Tally(self.state)
        # The actions planned in this session beside their records in ``state.planned``
        # (record, action, the record its outcome names): resolving them converts nothing.
        self._acted: list[tuple[dict[str, Any], Action, dict[str, Any]]] = []
        if state is None:
            self.state.history.append(self.state.snapshot())
        self._phase = Phase(self.state.phase)  # ValueError for a phase that is none

    # The machine reads and writes ``machine_phase`` (a string); writing it through to the
    # state keeps saves in step without a callback on every transition.
    @property
    def machine_phase(self) -> str:
        return self.state.phase

    @machine_phase.setter
    def machine_phase(self, value: str) -> None:
        self.state.phase = value
        self._phase = PHASES[value]

    @property
    def phase(self) -> Phase:
        """The phase of the turn (the machine's state)."""
        return self._phase

    # -- the machine's triggers and their may_* queries ------------------------------
    # One machine serves every game (``turns.TURN_MACHINE``): each trigger hands this game
    # to the machine's event, which reads and writes ``machine_phase`` and calls this
    # game's callbacks and guards by name.

    def start(self) -> bool:
        return EVENTS["start"].trigger(self)

    def open_desk(self) -> bool:
        return EVENTS["open_desk"].trigger(self)

    def resolve(self) -> bool:
        return EVENTS["resolve"].trigger(self)

    def next_turn(self) -> bool:
        return EVENTS["next_turn"].trigger(self)

    def finish(self) -> bool:
        return EVENTS["finish"].trigger(self)

    def may_start(self) -> bool:
        return may(self, "start")

    def may_open_desk(self) -> bool:
        return may(self, "open_desk")

    def may_resolve(self) -> bool:
        return may(self, "resolve")

    def may_next_turn(self) -> bool:
        return may(self, "next_turn")

    def may_finish(self) -> bool:
        return may(self, "finish")

    # -- the player's actions (only in decide) ---------------------------------------

    def may_act(self, action: Action) -> bool:
        return self.why_not(action) is None

    def act(self, action: Action) -> None:
        """Plan *action*: it spends its points now and applies when the turn resolves."""
        reason = self.why_not(action)
        if reason is not None:
            raise IllegalAction(reason)
        self.state.budget -= actions.cost(self, action)
        record = action_to_dict(action)
        self.state.planned.append(record)
        self._acted.append((record, action, record))

    play = act  # the name the UI first used; same method

    def may_cancel(self, index: int) -> bool:
        return self._phase is _DECIDE and 0 <= index < len(self.state.planned)

    def cancel(self, index: int) -> None:
        """Take back a planned action and its points."""
        if not self.may_cancel(index):
            raise IllegalAction("nothing_to_cancel" if self._phase is _DECIDE
                                else "not_deciding")
        removed = self.state.planned.pop(index)
        if index < len(self._acted) and self._acted[index][0] is removed:
            del self._acted[index]
        self.state.budget += actions.cost(self, action_from_dict(removed))

    def may_pass_turn(self) -> bool:
        return self._phase is _DECIDE

    def pass_turn(self) -> None:
        """Declare the turn's actions done, even with points left."""
        if not self.may_pass_turn():
            raise IllegalAction("not_deciding")
        self.state.passed = True

    # -- guards of the machine ------------------------------------------------------

    def budget_done(self) -> bool:
        return self.state.budget <= 0 or self.state.passed

    def is_over(self) -> bool:
        return self.state.ending is not None

    # -- conveniences for players, strategies and the UI ----------------------------

    def why_not(self, action: Action) -> str | None:
        """Why *action* cannot be taken now, or None."""
        if self._phase is not _DECIDE:
            return "not_deciding"
        return actions.illegal_reason(self, action)

    def advance(self) -> None:
        """From *resolve*, go on to the next turn or to the debrief."""
        if self.is_over():
            self.finish()
        else:
            self.next_turn()

    def play_turn(self, plan: Callable[[Game], object]) -> bool:
        """A whole turn for a scripted player (simulator, replay), from *feed*: open the
        desk, let *plan* plan the actions, pass the points left, resolve and go on.
        False once the game has ended (it is then at the debrief)."""
        self.open_desk()
        plan(self)
        if not self.budget_done():
            self.pass_turn()
        self.resolve()
        self.advance()
        return not self.is_over()

    def cost(self, action: Action) -> int:
        return actions.cost(self, action)

    def planned_actions(self) -> list[Action]:
        """This turn's plan as actions: those planned in this session as they were given
        (no conversion back from their records), others (a save, a replay) converted."""
        return [action for _record, action, _ref in self.plan_entries()]

    def plan_entries(self) -> list[tuple[dict[str, Any], Action, dict[str, Any]]]:
        """This turn's plan: each record of ``state.planned``, its action, and the record an
        outcome of it names (the same dict when planned in this session)."""
        planned, acted = self.state.planned, self._acted
        if len(acted) != len(planned) or not all(
                entry[0] is p for entry, p in zip(acted, planned, strict=True)):
            acted = []
            for p in planned:
                action = action_from_dict(p)
                acted.append((p, action, action_to_dict(action)))
            self._acted = acted
        return acted

    def open_crises(self) -> list[Event]:
        """Crises waiting for an answer and not yet answered in this turn's plan."""
        planned = {p["event"] for p in self.state.planned if p["kind"] == "answer"}
        return [self.scenario.event_by_id[e] for e in self.state.crises if e not in planned]

    def choices_shown(self, event: Event) -> list[Choice]:
        """A crisis's choices in the order the player sees them: shuffled by the game's
        seed and the event (so no position gives the answer away), the same at every look,
        in every save and replay; actions keep naming choices by id."""
        assert event.crisis is not None
        choices = list(event.crisis.choices)
        random.Random(f"{self.state.seed}:{event.id}").shuffle(choices)
        return choices

    def posts_like(self, tone: str, audience: str) -> int:
        """How many posts of the game had this tone and audience (audience fatigue)."""
        return self.tally.posts_like(tone, audience)

    def counter_uses(self, narrative: str, measure: str) -> int:
        """How many times the game has used *measure* against *narrative*."""
        return self.tally.counter_uses(narrative, measure)

    def first_counter_turn(self, narrative: str, measure: str) -> int | None:
        """The first turn *measure* was used against *narrative*, or None."""
        return self.tally.first_counter_turn(narrative, measure)

    def live_narratives(self) -> list[NarrativeRun]:
        return [run for run in self.state.narratives.values() if run.phase is not _DORMANT]

    def measures_for(self, narrative: str) -> list[Measure]:
        """Counter-measures the player may plan now against *narrative* (prebunk needs an
        audience too: it is listed if any audience is still open to it)."""
        legal = []
        for measure in self.scenario.measures:
            audiences = [a.id for a in self.scenario.audiences] \
                if measures.MEASURES[measure].needs_audience else [None]
            if any(self.why_not(actions.Counter(narrative, measure, a)) is None for a in audiences):
                legal.append(measure)
        return legal

    def post_notes(self, action: actions.PostMessage) -> list[str]:
        """What the rules already say about a post before it is sent (platform fit,
        language), as note codes: the composer's preview shows them."""
        if actions.illegal_reason(self, action) in ("unknown_channel", "unknown_audience",
                                                    "unknown_topic", "unknown_language"):
            return []
        return actions.post_multiplier(self, action)[1]

    def in_crisis(self) -> bool:
        return bool(self.state.crises) or any(
            r.phase in (NarrativePhase.VIRAL, NarrativePhase.ENTRENCHED)
            for r in self.state.narratives.values())

    @property
    def turns(self) -> int:
        return self.scenario.meta.turns

    @property
    def turns_left(self) -> int:
        return max(0, self.turns - self.state.turn)

    # -- machine callbacks ----------------------------------------------------------

    def _enter_feed(self) -> None:
        st = self.state
        st.turn += 1
        st.budget = self.scenario.meta.actions_per_turn + st.extra_actions
        st.extra_actions = 0
        st.passed = False
        st.planned = []
        self._acted = []
        for narrative in self.scenario.narratives:
            if narrative.start_turn == st.turn:
                self.ops.launch(narrative.id)
        self._fire_due_events()

    def _enter_resolve(self) -> None:
        st = self.state
        if len(st.turn_log) == st.turn - 1:  # shorter only for states saved without a log
            st.turn_log.append(list(st.planned))  # records are never changed: shared
        resolution.resolve_turn(self)

    def _fire_due_events(self) -> None:
        st = self.state
        candidates = self.book.candidates(st.turn)
        if st.scheduled:
            due = {event for turn, event in st.scheduled if turn == st.turn}
            st.scheduled = [item for item in st.scheduled if item[0] != st.turn]
            if due:
                by_id = self.scenario.event_by_id
                candidates = self.book.in_order({c[1]: c[0] for c in candidates},
                                                [by_id[e] for e in due])
        fired, turn = st.fired, st.turn
        for event, event_id, repeat, when in candidates:
            if event_id in fired and not (repeat and fired[event_id] != turn):
                continue
            if when is None or when(st):
                self.fire(event)

    # -- what the turn's events and the rulebook run -------------------------------

    def run_effects(self, calls: Sequence[Call]) -> None:
        if calls:  # most topics and many events have none
            self.book.run(self, calls)

    def fire(self, event: Event) -> None:
        st, ops = self.state, self.ops
        st.fired[event.id] = st.turn
        outcome = Outcome(st.turn, "event", {"event": event.id}, concepts=list(event.concepts))
        previous, ops.current = ops.current, outcome  # ops.recording(), inline
        try:
            for post in event.posts:
                ops.add_feed_post(post.actor, post.text, post.likes, post.shares, ref=event.id)
            if event.effects:
                self.book.run(self, event.effects)
            if event.crisis is not None:
                st.crises[event.id] = st.turn + event.crisis.deadline - 1
        finally:
            ops.current = previous
        if event.concepts:
            st.meet(event.concepts)
        st.outcomes.append(outcome)


if TYPE_CHECKING:  # mypy proves Game offers what actions and effects use (operations.py)
    from game.engine.operations import Operations

    def _operations_of(game: Game) -> Operations:
        return game
