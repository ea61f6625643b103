"""What actions, resolution, effects and the rulebook may do to a game: a Protocol that
`game.engine.game.Game` satisfies.

`Game` imports those modules to run a turn; typed against `Game` itself they would import
it back (an import circle, even under TYPE_CHECKING).  They are typed against this instead;
mypy checks that `Game` fits (the end of `game/engine/game.py`).  `Game` is the turn
machine's model; every change they make to the state goes through its ``ops``
(`engine/ops.StateOps`: adjust, boost, launch, inoculate, schedule, add_feed_post,
recording).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from game.engine.ops import StateOps
from game.engine.registry import Call
from game.engine.scenario_spec import ScenarioSpec
from game.engine.spread import Audiences
from game.engine.state import GameState
from game.engine.tally import Tally


class EndingTests(Protocol):
    """What the rules read of the scenario's rulebook (``rulebook.Rulebook``)."""

    @property
    def ending_when(self) -> Mapping[str, Callable[[GameState], bool] | None]: ...
    @property
    def channel_specs(self) -> Mapping[Any, Any]: ...
    @property
    def memo(self) -> dict[tuple[Any, ...], Any]: ...
    @property
    def tone_effects(self) -> Mapping[Any, Mapping[Any, float]]: ...
    @property
    def audiences(self) -> Audiences: ...


class Operations(Protocol):
    @property
    def scenario(self) -> ScenarioSpec: ...
    @property
    def state(self) -> GameState: ...
    @property
    def book(self) -> EndingTests: ...
    @property
    def sizes(self) -> Mapping[str, float]: ...
    @property
    def echo(self) -> Mapping[str, float]: ...
    @property
    def event_order(self) -> Mapping[str, int]: ...

    @property
    def tally(self) -> Tally: ...

    def plan_entries(self) -> list[tuple[dict[str, Any], Any, dict[str, Any]]]: ...
    def in_crisis(self) -> bool: ...
    def posts_like(self, tone: str, audience: str) -> int: ...
    @property
    def ops(self) -> StateOps: ...  # every change to the state: adjust, boost, launch…

    def run_effects(self, calls: Sequence[Call]) -> None: ...
