"""The changes of a turn as the screens list them: whole numbers that add up to the gauges.

Every change to a gauge or a narrative's reach is recorded in an ``Outcome`` (the engine's
``Game.recording``), with its exact, fractional value.  Rounding each line on its own made
the lines disagree with the gauges (+1 and +2 listed, +2 shown).  Here the lines are the
changes of the *shown* value, step by step in the order things happened: the gauge goes
from ``start`` through each outcome to its value now, and each line is the difference of
the rounded values before and after that outcome.  The lines then add up exactly to the
change the gauge shows, and no line is off by more than one from its exact value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.engine.vocabulary import Phase
from game.presentation.labels import whole

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.engine.state import Outcome


MORNING = "event"  # the outcome source of the morning's news (``Game.fire``)


@dataclass
class ShownChange:
    """One outcome's changes as the screens show them (whole points)."""

    outcome: Outcome
    deltas: dict[str, int] = field(default_factory=dict)  # indicator -> change
    reach: dict[str, int] = field(default_factory=dict)   # narrative -> change of its reach

    @property
    def visible(self) -> bool:
        return any(self.deltas.values()) or any(self.reach.values())


@dataclass
class TurnChanges:
    """This turn's outcomes, in the order they happened, with their shown changes, and
    where each gauge and reach stood before the first of them."""

    lines: list[ShownChange]
    start: dict[str, float]         # indicator -> value before the first outcome listed
    reach_start: dict[str, float]   # narrative -> reach then (after its launch, if new)
    _by_outcome: dict[int, ShownChange] = field(default_factory=dict, repr=False)

    def of(self, outcome: Outcome) -> ShownChange:
        if len(self._by_outcome) != len(self.lines):
            self._by_outcome = {id(line.outcome): line for line in self.lines}
        return self._by_outcome.get(id(outcome)) or ShownChange(outcome)

    def total(self, indicator: str) -> int:
        return sum(line.deltas.get(indicator, 0) for line in self.lines)


def _steps(end: float, exact: list[tuple[int, float]]) -> tuple[float, list[tuple[int, int]]]:
    """Where a value stood before the changes *exact* ((line, change) in order) brought it
    to *end*, and each change as a difference of rounded values.  The last step lands on
    *end* itself, so float error never shifts the total."""
    start = end - sum(delta for _, delta in exact)
    shown, running = [], start
    for i, (line, delta) in enumerate(exact):
        after = end if i == len(exact) - 1 else running + delta
        shown.append((line, whole(after) - whole(running)))
        running = after
    return start, shown


def turn_changes(game: Game, *, every_turn: bool = False) -> TurnChanges:
    """The current turn's changes as the screens list them, ending at the values now, and
    starting where the screen before left the player: at the news and the desk, what the
    morning's news did since the last results; at the results, what happened since the
    desk (the actions and the world, not the morning's news again: the desk showed it, and
    counted it in the figures the results start from).  Each screen's change is then the
    step from the figure the student just saw (desk « 63 +2 », results « 67 +4 »), and
    the lines it lists add up to it.  The morning's events all fire before the desk opens
    (``Game._enter_feed``), so leaving them out steps the rest through the same values.
    With *every_turn*, every outcome of the game stepped the same way (the debrief and the
    report list each decision with the very numbers its results screen showed)."""
    st = game.state
    if every_turn:
        outcomes = list(st.outcomes)
    else:
        after_desk = game.phase in (Phase.RESOLVE, Phase.DEBRIEF)
        outcomes = [o for o in st.outcomes if o.turn == st.turn
                    and not (after_desk and o.source == MORNING)]
    lines = [ShownChange(o) for o in outcomes]
    start: dict[str, float] = {}
    for key, value in st.indicators.items():
        exact = [(i, o.deltas[key]) for i, o in enumerate(outcomes) if o.deltas.get(key)]
        start[key], shown = _steps(value, exact)
        for i, delta in shown:
            if delta:
                lines[i].deltas[key] = delta
    reach_start: dict[str, float] = {}
    for narrative_id, run in st.narratives.items():
        exact = [(i, o.reach[narrative_id]) for i, o in enumerate(outcomes)
                 if o.reach.get(narrative_id)]
        reach_start[narrative_id], shown = _steps(run.weighted, exact)
        for i, delta in shown:
            if delta:
                lines[i].reach[narrative_id] = delta
    for line in lines:  # in the outcome's own order (a tone's main effect first)
        line.deltas = {k: line.deltas[k] for k in line.outcome.deltas if k in line.deltas}
    return TurnChanges(lines, start, reach_start)
