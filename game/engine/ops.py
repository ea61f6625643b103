"""The operations that change a game's state, apart from the turn machine.

``Game`` is the model of the turn machine (its phases, triggers and guards); what actions,
effects, events and resolution do to the state goes through its ``ops``, one
:class:`StateOps` per game: gauges (``adjust``), narratives (``launch``, ``boost``),
audiences (``inoculate``), the event queue (``schedule``) and the feed
(``add_feed_post``), each change attributed to the outcome being recorded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine.rules import INOCULATION_CAP
from game.engine.spread import Audiences, step_lifecycle
from game.engine.state import FeedPost, GameState, Outcome

if TYPE_CHECKING:
    from game.engine.scenario_spec import ScenarioSpec
    from game.text import Text

FEED_KEPT = 300  # posts kept in the feed (and in saves); a classroom game makes about 60


class _Recording:
    """``with ops.recording(outcome):`` — a class, not a generator: a simulated game
    enters dozens of these, and contextlib's machinery was a measurable share of it."""

    __slots__ = ("ops", "outcome", "previous")

    def __init__(self, ops: StateOps, outcome: Outcome) -> None:
        self.ops, self.outcome = ops, outcome
        self.previous: Outcome | None = None

    def __enter__(self) -> Outcome:
        self.previous, self.ops.current = self.ops.current, self.outcome
        return self.outcome

    def __exit__(self, *exc: object) -> None:
        self.ops.current = self.previous


class StateOps:
    """Changes to one game's state.  ``current``: the outcome changes are attributed to
    (inside ``recording``), or None."""

    __slots__ = ("scenario", "state", "audiences", "current")

    def __init__(self, scenario: ScenarioSpec, state: GameState, audiences: Audiences) -> None:
        self.scenario, self.state, self.audiences = scenario, state, audiences
        self.current: Outcome | None = None

    def recording(self, outcome: Outcome) -> _Recording:
        """Attribute every change made inside the ``with`` block to *outcome*."""
        return _Recording(self, outcome)

    def adjust(self, indicator: str, delta: float) -> None:
        indicators = self.state.indicators
        old = indicators[indicator]
        new = old + delta
        new = 0.0 if new < 0.0 else 100.0 if new > 100.0 else new  # clamp(), inline
        indicators[indicator] = new
        recording = self.current
        if recording is not None:
            change = new - old
            if change:  # Outcome.add, inline: a game makes about a hundred of these
                deltas = recording.deltas
                deltas[indicator] = deltas.get(indicator, 0.0) + change

    def launch(self, narrative_id: str) -> None:
        run = self.state.narratives[narrative_id]
        if run.live:
            return
        narrative = self.scenario.narrative_by_id[narrative_id]
        seed = narrative.seed_reach or {a: 5.0 for a in run.reach}
        for audience, value in seed.items():
            run.reach[audience] = float(value)
        run.weighted = round(self.audiences.weighted(run.reach), 4)
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
        reach = run.reach
        targets = [audience] if audience is not None else list(reach)
        before = run.weighted
        for target in targets:
            value = reach[target] + amount
            reach[target] = round(0.0 if value < 0.0 else 100.0 if value > 100.0 else value, 4)
        run.weighted = round(self.audiences.weighted(reach), 4)
        if self.current is not None:
            self.current.add_reach(narrative_id, run.weighted - before)

    def inoculate(self, audience: str, amount: float) -> None:
        value = self.state.inoculation[audience] + amount
        self.state.inoculation[audience] = round(min(INOCULATION_CAP, value), 4)

    def schedule(self, event_id: str, turn: int) -> None:
        if turn <= self.scenario.meta.turns:
            self.state.scheduled.append([turn, event_id])

    def add_feed_post(self, author: str, text: Text | None, likes: int, shares: int, *,
                      kind: str = "actor", ref: str | None = None,
                      post: dict[str, Any] | None = None) -> None:
        texts = text.as_dict() if text else None
        feed = self.state.feed
        feed.append(FeedPost(self.state.turn, author, kind, likes, shares, texts, ref, post))
        if len(feed) > FEED_KEPT:  # a feed scrolls away; old posts are not game state
            del feed[:len(feed) - FEED_KEPT]
