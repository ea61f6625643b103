"""The effects a scenario may cause, each a small documented function of the game.

Written in YAML as a one-key map: ``{change: {credibility: 5, tension: -3}}``.  The
docstrings are the authoring reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from game.engine.registry import EFFECTS
from game.engine.vocabulary import Indicator
from game.text import Id, Text

if TYPE_CHECKING:
    from game.engine.operations import Operations as Game

Delta = Annotated[float, Field(ge=-100, le=100)]
register = EFFECTS.register


class Args(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


@register("change", dict[Indicator, Delta], example={"credibility": 5, "tension": -3})
def change(game: Game, deltas: dict[Indicator, float]) -> None:
    """Add to (or, with a negative number, take from) indicators; they stay within 0-100."""
    for indicator, delta in deltas.items():
        game.ops.adjust(indicator, delta)


@register("set_flag", Id, refs={"": "flag"}, example="video_verified")
def set_flag(game: Game, name: str) -> None:
    """Set a flag: a fact about this game that conditions can test later."""
    game.state.flags.add(name)


@register("clear_flag", Id, refs={"": "flag"}, example="video_verified")
def clear_flag(game: Game, name: str) -> None:
    """Clear a flag."""
    game.state.flags.discard(name)


@register("launch_narrative", Id, refs={"": "narrative"}, example="fake_video")
def launch_narrative(game: Game, narrative: str) -> None:
    """Start a disinformation narrative now, with its ``seed_reach`` (no effect if it is
    already running)."""
    game.ops.launch(narrative)


class BoostArgs(Args):
    narrative: Id
    amount: Delta
    audience: Id | None = None


@register("boost_narrative", BoostArgs, refs={"narrative": "narrative", "audience": "audience"},
          example={"narrative": "fake_video", "amount": 10})
def boost_narrative(game: Game, args: BoostArgs) -> None:
    """Add reach (0-100 points) to a running narrative, in one audience or in all; a negative
    amount takes reach away."""
    game.ops.boost(args.narrative, args.amount, args.audience)


class ViralityArgs(Args):
    narrative: Id
    factor: float = Field(ge=0, le=5)


@register("change_virality", ViralityArgs, refs={"narrative": "narrative"},
          example={"narrative": "fake_video", "factor": 0.5})
def change_virality(game: Game, args: ViralityArgs) -> None:
    """Multiply a narrative's virality (how fast it spreads): 0.5 halves it, 2 doubles it."""
    game.state.narratives[args.narrative].virality *= args.factor


@register("follow_up", Id, refs={"": "event"}, example="minister_interview")
def follow_up(game: Game, event: str) -> None:
    """Make an event happen at the start of the next turn."""
    game.ops.schedule(event, game.state.turn + 1)


class ScheduleArgs(Args):
    event: Id
    in_turns: int = Field(ge=1, le=100)


@register("schedule_event", ScheduleArgs, refs={"event": "event"},
          example={"event": "press_conference", "in_turns": 2})
def schedule_event(game: Game, args: ScheduleArgs) -> None:
    """Make an event happen at the start of the turn that comes ``in_turns`` turns later."""
    game.ops.schedule(args.event, game.state.turn + args.in_turns)


@register("end_game", Id, refs={"": "ending"}, example="summit_cancelled")
def end_game(game: Game, ending: str) -> None:
    """End the game with this ending once the current turn is resolved."""
    game.state.forced_ending = ending


@register("add_actions", Annotated[int, Field(ge=-5, le=5)], example=1)
def add_actions(game: Game, count: int) -> None:
    """Give the player more (or fewer) action points next turn."""
    game.state.extra_actions += count


class PostArgs(Args):
    actor: Id
    text: Text
    likes: int = Field(default=0, ge=0, le=1_000_000_000)
    shares: int = Field(default=0, ge=0, le=1_000_000_000)


@register("feed_post", PostArgs, refs={"actor": "actor"},
          example={"actor": "rival_leader", "text": {"fr": "…", "en": "…"}, "likes": 500})
def feed_post(game: Game, args: PostArgs) -> None:
    """Add a post by an actor to the feed."""
    game.ops.add_feed_post(args.actor, args.text, args.likes, args.shares, kind="actor")


class InoculateArgs(Args):
    audience: Id
    amount: float = Field(ge=0, le=1)


@register("inoculate", InoculateArgs, refs={"audience": "audience"},
          example={"audience": "domestic", "amount": 0.2})
def inoculate(game: Game, args: InoculateArgs) -> None:
    """Make an audience more resistant to every narrative (0-1, as a prebunk does)."""
    game.ops.inoculate(args.audience, args.amount)
