"""A game in progress: the turn state machine and the operations effects and actions use.

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

from transitions import Machine

from game.engine import actions, resolution
from game.engine.actions import Action, action_from_dict, action_to_dict
from game.engine.rulebook import rulebook_for
from game.engine.rules import INOCULATION_CAP
from game.engine.spread import step_lifecycle, weighted_reach
from game.engine.state import FeedPost, GameState, NarrativeRun, Outcome, clamp
from game.engine.vocabulary import INDICATORS, Measure, NarrativePhase, Phase

if TYPE_CHECKING:
    from game.engine.registry import Call
    from game.engine.scenario_spec import ChoiceSpec as Choice
    from game.engine.scenario_spec import EventSpec as Event
    from game.engine.scenario_spec import ScenarioSpec as Scenario
    from game.text import Text

# The machine's states are the phases' plain string values: with Enum states,
# ``transitions`` converts every state to its name on every look-up, a measurable share of
# a simulated game.  ``Game.phase`` gives the Enum.

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


class _Recording:
    """``with game.recording(outcome):`` — a class, not a generator: a simulated game
    enters dozens of these, and contextlib's machinery was a measurable share of it."""

    __slots__ = ("game", "outcome", "previous")

    def __init__(self, game: Game, outcome: Outcome) -> None:
        self.game, self.outcome = game, outcome
        self.previous: Outcome | None = None

    def __enter__(self) -> Outcome:
        self.previous, self.game._recording = self.game._recording, self.outcome
        return self.outcome

    def __exit__(self, *exc: object) -> None:
        self.game._recording = self.previous


FEED_KEPT = 300  # posts kept in the feed (and in saves); a classroom game makes about 60


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
        self.sizes = {a.id: a.size for a in scenario.audiences}
        self.echo = {a.id: a.echo_chamber for a in scenario.audiences}
        self.event_order = {e.id: i for i, e in enumerate(scenario.events)}
        self._recording: Outcome | None = None
        self._posts_counted = 0  # posts already in _post_counts: (tone, audience) → n
        self._post_counts: dict[tuple[str, str], int] = {}
        if state is None:
            self.state.history.append(self.state.snapshot())
        Machine(model=self, states=TURN_STATES, transitions=TURN_TRANSITIONS,
                initial=self.state.phase, model_attribute="machine_phase",
                auto_transitions=False)

    # The machine reads and writes ``machine_phase`` (a string); writing it through to the
    # state keeps saves in step without a callback on every transition.
    @property
    def machine_phase(self) -> str:
        return self.state.phase

    @machine_phase.setter
    def machine_phase(self, value: str) -> None:
        self.state.phase = value
        self._phase = Phase(value)

    @property
    def phase(self) -> Phase:
        """The phase of the turn (the machine's state)."""
        return self._phase

    if TYPE_CHECKING:  # bound by the machine at run time; declared here for type checkers

        def start(self) -> bool: ...
        def open_desk(self) -> bool: ...
        def resolve(self) -> bool: ...
        def next_turn(self) -> bool: ...
        def finish(self) -> bool: ...
        def may_start(self) -> bool: ...
        def may_open_desk(self) -> bool: ...
        def may_resolve(self) -> bool: ...
        def may_next_turn(self) -> bool: ...
        def may_finish(self) -> bool: ...

    # -- the player's actions (only in decide) ---------------------------------------

    def may_act(self, action: Action) -> bool:
        return self.why_not(action) is None

    def act(self, action: Action) -> None:
        """Plan *action*: it spends its points now and applies when the turn resolves."""
        reason = self.why_not(action)
        if reason is not None:
            raise IllegalAction(reason)
        self.state.budget -= actions.cost(self, action)
        self.state.planned.append(action_to_dict(action))

    play = act  # the name the UI first used; same method

    def may_cancel(self, index: int) -> bool:
        return self.phase is Phase.DECIDE and 0 <= index < len(self.state.planned)

    def cancel(self, index: int) -> None:
        """Take back a planned action and its points."""
        if not self.may_cancel(index):
            raise IllegalAction("nothing_to_cancel" if self.phase is Phase.DECIDE
                                else "not_deciding")
        removed = self.state.planned.pop(index)
        self.state.budget += actions.cost(self, action_from_dict(removed))

    def may_pass_turn(self) -> bool:
        return self.phase is Phase.DECIDE

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
        if self.phase is not Phase.DECIDE:
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
        return [action_from_dict(p) for p in self.state.planned]

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
        """How many posts of the game had this tone and audience (audience fatigue).  A
        running count, kept beside the state and rebuilt from it: scanning every post at
        each new one made long games quadratic (``benchmarks/RESULTS.md``)."""
        posts, counts = self.state.posts, self._post_counts
        for post in posts[self._posts_counted:]:  # added since the last look (or loaded)
            key = (post["tone"], post["audience"])
            counts[key] = counts.get(key, 0) + 1
        self._posts_counted = len(posts)
        return counts.get((str(tone), audience), 0)

    def live_narratives(self) -> list[NarrativeRun]:
        return [run for run in self.state.narratives.values() if run.live]

    def measures_for(self, narrative: str) -> list[Measure]:
        """Counter-measures the player may plan now against *narrative* (prebunk needs an
        audience too: it is listed if any audience is still open to it)."""
        legal = []
        for measure in self.scenario.measures:
            audiences = [a.id for a in self.scenario.audiences] if measure is Measure.PREBUNK \
                else [None]
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
        for narrative in self.scenario.narratives:
            if narrative.start_turn == st.turn:
                self.launch(narrative.id)
        self._fire_due_events()

    def _enter_resolve(self) -> None:
        st = self.state
        if len(st.turn_log) == st.turn - 1:  # shorter only for states saved without a log
            st.turn_log.append([dict(p) for p in st.planned])
        resolution.resolve_turn(self)

    def _fire_due_events(self) -> None:
        st = self.state
        due = {event for turn, event in st.scheduled if turn == st.turn}
        st.scheduled = [item for item in st.scheduled if item[0] != st.turn]
        candidates = {e.id: e for e in self.book.by_turn.get(st.turn, ())}
        candidates.update({e.id: e for e in self.book.conditional})
        candidates.update({e: self.scenario.event_by_id[e] for e in due})
        for event in sorted(candidates.values(), key=lambda e: self.event_order[e.id]):
            if event.id in st.fired and not (event.repeat and st.fired[event.id] != st.turn):
                continue
            when = self.book.event_when[event.id]
            if when is None or when(st):
                self.fire(event)

    # -- operations used by actions, effects and resolution -------------------------

    def recording(self, outcome: Outcome) -> _Recording:
        """Attribute every change made inside the ``with`` block to *outcome*."""
        return _Recording(self, outcome)

    def adjust(self, indicator: str, delta: float) -> None:
        old = self.state.indicators[indicator]
        new = clamp(old + delta)
        self.state.indicators[indicator] = new
        if self._recording is not None:
            self._recording.add(indicator, new - old)

    def run_effects(self, calls: Sequence[Call]) -> None:
        self.book.run(self, calls)

    def fire(self, event: Event) -> None:
        st = self.state
        st.fired[event.id] = st.turn
        outcome = Outcome(st.turn, "event", {"event": event.id}, concepts=list(event.concepts))
        with self.recording(outcome):
            for post in event.posts:
                self.add_feed_post(post.actor, post.text, post.likes, post.shares, ref=event.id)
            self.run_effects(event.effects)
            if event.crisis is not None:
                st.crises[event.id] = st.turn + event.crisis.deadline - 1
        st.meet(event.concepts)
        st.outcomes.append(outcome)

    def launch(self, narrative_id: str) -> None:
        run = self.state.narratives[narrative_id]
        if run.live:
            return
        narrative = self.scenario.narrative_by_id[narrative_id]
        seed = narrative.seed_reach or {a: 5.0 for a in run.reach}
        for audience, value in seed.items():
            run.reach[audience] = float(value)
        run.weighted = round(weighted_reach(run.reach, self.sizes), 4)
        run.launched_turn = self.state.turn
        step_lifecycle(run, "launch", self.state.turn)
        self.state.meet(narrative.concepts)
        likes = int(50 + run.weighted * 60)
        self.add_feed_post(narrative.source, narrative.claim, likes, likes // 3,
                           kind="narrative", ref=narrative_id)

    def boost(self, narrative_id: str, amount: float, audience: str | None) -> None:
        run = self.state.narratives[narrative_id]
        if not run.live:
            return
        targets = [audience] if audience is not None else list(run.reach)
        before = run.weighted
        for target in targets:
            run.reach[target] = round(clamp(run.reach[target] + amount), 4)
        run.weighted = round(weighted_reach(run.reach, self.sizes), 4)
        if self._recording is not None:
            self._recording.add_reach(narrative_id, run.weighted - before)

    def inoculate(self, audience: str, amount: float) -> None:
        value = self.state.inoculation[audience] + amount
        self.state.inoculation[audience] = round(min(INOCULATION_CAP, value), 4)

    def schedule(self, event_id: str, turn: int) -> None:
        if turn <= self.turns:
            self.state.scheduled.append([turn, event_id])

    def add_feed_post(self, author: str, text: Text | None, likes: int, shares: int, *,
                      kind: str = "actor", ref: str | None = None,
                      post: dict[str, Any] | None = None) -> None:
        texts = text.as_dict() if text else None
        feed = self.state.feed
        feed.append(FeedPost(self.state.turn, author, kind, likes, shares, texts, ref, post))
        if len(feed) > FEED_KEPT:  # a feed scrolls away; old posts are not game state
            del feed[:len(feed) - FEED_KEPT]


if TYPE_CHECKING:  # mypy proves Game offers what actions and effects use (operations.py)
    from game.engine.operations import Operations

    def _operations_of(game: Game) -> Operations:
        return game
