"""Play while writing: reload a scenario file and fast-forward a game to where it was.

The window's F5 calls :func:`reload_scenario`: when the edited file has errors, the result
carries them (for an overlay) and no scenario, so the running game goes on untouched;
when it is valid, :func:`replay` plays the same seed and the same actions, turn by turn,
on the new version up to the turn the player had reached.  Actions that the new version
no longer allows (a removed choice, a renamed topic) are skipped and reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.loader import LoadedScenario, load_scenario
from game.content.model import Scenario
from game.engine.actions import action_from_dict, action_to_dict
from game.engine.game import Game, IllegalAction
from game.engine.vocabulary import Phase

TurnLog = list[dict[str, Any]]  # one turn's actions, as ``action_to_dict`` writes them


@dataclass
class Reloaded:
    """A scenario file read again: the new scenario, or the errors that keep the old one."""

    loaded: LoadedScenario

    @property
    def scenario(self) -> Scenario | None:
        return self.loaded.scenario if self.loaded.playable else None


@dataclass
class Replayed:
    """A game fast-forwarded on a new version of its scenario."""

    game: Game
    # (turn, action, why) for each action the new version refused
    skipped: list[tuple[int, dict[str, Any], str]] = field(default_factory=list)


def reload_scenario(path: Path) -> Reloaded:
    """Read *path* again; never raises for a bad file."""
    return Reloaded(load_scenario(path))


def record_turn(game: Game) -> TurnLog:
    """The actions planned in the current turn, to keep before it resolves."""
    return [dict(p) for p in game.state.planned]


def replay(scenario: Scenario, seed: int, turns: Sequence[TurnLog],
           stop_at_decide: bool = True) -> Replayed:
    """Play *turns* (every resolved turn's actions) on *scenario*; stop in the *decide*
    phase of the next turn, where the player was, or at the debrief if the new version
    ends the game sooner."""
    game = Game(scenario, seed)
    result = Replayed(game)
    game.start()
    for number, actions in enumerate(turns, start=1):
        def plan(_game: Game, n: int = number, a: Sequence[dict[str, Any]] = actions) -> None:
            _plan(result, n, a)

        if not game.play_turn(plan):
            return result
    if stop_at_decide and game.phase is Phase.FEED:
        game.open_desk()
    return result


def _plan(result: Replayed, number: int, actions: Sequence[dict[str, Any]]) -> None:
    """Plan *actions* in the decide phase of turn *number*; note the ones refused."""
    for data in actions:
        try:
            result.game.act(action_from_dict(data))
        except (IllegalAction, KeyError, ValueError) as exc:
            result.skipped.append((number, data, getattr(exc, "reason", str(exc))))


def fast_forward(scenario: Scenario, game: Game) -> Replayed:
    """*game* replayed on *scenario* (the window's F5): same seed, each resolved turn's
    actions, and back in the phase the player was in, with this turn's plan planned again.
    It stops sooner if the new version ends the game sooner (or the log is shorter: a game
    saved before the log existed)."""
    st, phase = game.state, game.phase
    done = st.turn_log[:st.turn - 1]
    if phase is Phase.BRIEFING:
        return Replayed(Game(scenario, st.seed))
    if phase is Phase.DEBRIEF:
        return replay(scenario, st.seed, st.turn_log[:st.turn])
    result = replay(scenario, st.seed, done, stop_at_decide=phase is not Phase.FEED)
    new = result.game
    if phase is Phase.FEED or new.phase is not Phase.DECIDE or new.state.turn != st.turn:
        return result
    if phase is Phase.DECIDE:
        _plan(result, st.turn, st.planned)
    elif len(st.turn_log) >= st.turn:  # resolve: this turn's actions are in the log already
        _plan(result, st.turn, st.turn_log[st.turn - 1])
        if not new.budget_done():
            new.pass_turn()
        new.resolve()
    return result


def replayable_turns(game: Game) -> list[int]:
    """The turns whose start :func:`replay_to_turn` can restore: every turn played, as far
    as the game's log goes (a state saved before the log existed has none)."""
    st = game.state
    return list(range(1, min(st.turn, len(st.turn_log) + 1) + 1))


def replay_to_turn(scenario: Scenario, game: Game, turn: int) -> Game:
    """A new game at the start of *turn* (its feed, before any decision) of the same
    scenario, seed and decisions as *game* (the debrief's “replay from this turn”)."""
    if turn not in replayable_turns(game):
        raise ValueError(f"turn {turn} cannot be replayed")
    result = replay(scenario, game.state.seed, game.state.turn_log[:turn - 1],
                    stop_at_decide=False)
    if result.skipped or result.game.state.turn != turn:
        raise ValueError(f"the scenario no longer plays the same way up to turn {turn}")
    return result.game


__all__ = ["Reloaded", "Replayed", "TurnLog", "action_to_dict", "fast_forward", "record_turn",
           "reload_scenario", "replay", "replay_to_turn", "replayable_turns"]
