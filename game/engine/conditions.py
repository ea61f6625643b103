"""The conditions a scenario may test, each a small documented function of the game state.

Written in YAML as a one-key map: ``{flag: video_verified}``.  The docstrings are the
authoring reference (``docs/reference.*.md`` is generated from them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from game.engine.registry import CONDITIONS
from game.engine.vocabulary import AudienceKind, Channel, Indicator, Measure, NarrativePhase, Tone
from game.text import Id

if TYPE_CHECKING:
    from game.engine.state import GameState

Turn = Annotated[int, Field(ge=0, le=1000)]
Gauge = Annotated[float, Field(ge=0, le=100)]
register = CONDITIONS.register


class Args(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


# -- logic ---------------------------------------------------------------------------

@register("all", list, composite="list", example=[{"flag": "a"}, {"turn_at_least": 3}])
def all_of(state: GameState, args: Any) -> bool:
    """True when every condition in the list holds."""
    raise NotImplementedError  # composite: evaluated by game.engine.compile


@register("any", list, composite="list", example=[{"flag": "a"}, {"flag": "b"}])
def any_of(state: GameState, args: Any) -> bool:
    """True when at least one condition in the list holds."""
    raise NotImplementedError


@register("not", dict, composite="one", example={"flag": "a"})
def not_(state: GameState, args: Any) -> bool:
    """True when the condition it contains does not hold."""
    raise NotImplementedError


@register("chance", Annotated[float, Field(ge=0, le=1)], example=0.3)
def chance(state: GameState, probability: float) -> bool:
    """True with the given probability (0 to 1), drawn from the game's seeded dice.

    The same seed and the same actions always give the same draws.
    """
    return state.rng.random() < probability


# -- time ----------------------------------------------------------------------------

@register("turn_at_least", Turn, example=3)
def turn_at_least(state: GameState, turn: int) -> bool:
    """True from the given turn on (turns count from 1)."""
    return state.turn >= turn


@register("turn_at_most", Turn, example=5)
def turn_at_most(state: GameState, turn: int) -> bool:
    """True up to and including the given turn."""
    return state.turn <= turn


# -- flags ---------------------------------------------------------------------------

@register("flag", Id, refs={"": "flag"}, example="video_verified")
def flag(state: GameState, name: str) -> bool:
    """True when the flag has been set by a ``set_flag`` effect (and not cleared)."""
    return name in state.flags


@register("no_flag", Id, refs={"": "flag"}, example="video_verified")
def no_flag(state: GameState, name: str) -> bool:
    """True while the flag is not set."""
    return name not in state.flags


# -- gauges --------------------------------------------------------------------------

@register("indicator_at_least", dict[Indicator, Gauge], example={"credibility": 60})
def indicator_at_least(state: GameState, bounds: dict[Indicator, float]) -> bool:
    """True when every named indicator is at or above its value."""
    return all(state.indicators[k] >= v for k, v in bounds.items())


@register("indicator_below", dict[Indicator, Gauge], example={"tension": 70})
def indicator_below(state: GameState, bounds: dict[Indicator, float]) -> bool:
    """True when every named indicator is strictly below its value."""
    return all(state.indicators[k] < v for k, v in bounds.items())


# -- narratives ----------------------------------------------------------------------

class NarrativePhaseArgs(Args):
    narrative: Id
    phase: NarrativePhase


@register("narrative_phase", NarrativePhaseArgs, refs={"narrative": "narrative"},
          example={"narrative": "fake_video", "phase": "viral"})
def narrative_phase(state: GameState, args: NarrativePhaseArgs) -> bool:
    """True while the narrative is in the given phase.

    Phases: dormant, emerging, spreading, viral, entrenched, debunked, faded.
    """
    return state.narratives[args.narrative].phase is args.phase


class NarrativeReachArgs(Args):
    narrative: Id
    reach: Gauge


@register("narrative_reach_at_least", NarrativeReachArgs, refs={"narrative": "narrative"},
          example={"narrative": "fake_video", "reach": 40})
def narrative_reach_at_least(state: GameState, args: NarrativeReachArgs) -> bool:
    """True when the narrative's reach (0-100, weighted over the audiences) is at least
    the value."""
    return state.narratives[args.narrative].weighted >= args.reach


@register("narrative_reach_below", NarrativeReachArgs, refs={"narrative": "narrative"},
          example={"narrative": "fake_video", "reach": 10})
def narrative_reach_below(state: GameState, args: NarrativeReachArgs) -> bool:
    """True when the narrative has started and its weighted reach is below the value."""
    run = state.narratives[args.narrative]
    return run.live and run.weighted < args.reach


class CounterArgs(Args):
    narrative: Id
    measure: Measure | None = None


@register("counter_used", CounterArgs, refs={"narrative": "narrative"},
          example={"narrative": "fake_video", "measure": "debunk"})
def counter_used(state: GameState, args: CounterArgs) -> bool:
    """True once the player has used that counter-measure (or any, if none is named) on
    the narrative."""
    return any(
        c["narrative"] == args.narrative and (args.measure is None or c["measure"] == args.measure)
        for c in state.counters
    )


# -- events and crises ---------------------------------------------------------------

@register("event_fired", Id, refs={"": "event"}, example="summit_opens")
def event_fired(state: GameState, event: str) -> bool:
    """True once the event has happened."""
    return event in state.fired


class ChoiceArgs(Args):
    event: Id
    choice: Id


@register("choice_made", ChoiceArgs, refs={"event": "event", "choice": "choice"},
          example={"event": "rival_tweet", "choice": "call_privately"})
def choice_made(state: GameState, args: ChoiceArgs) -> bool:
    """True once the player answered the crisis of that event with that choice."""
    return state.answers.get(args.event) == args.choice


@register("crisis_missed", Id, refs={"": "event"}, example="rival_tweet")
def crisis_missed(state: GameState, event: str) -> bool:
    """True once the crisis's deadline passed without an answer."""
    return event in state.missed


@register("crisis_open", Id, refs={"": "event"}, example="rival_tweet")
def crisis_open(state: GameState, event: str) -> bool:
    """True while the crisis waits for an answer."""
    return event in state.crises


# -- the player's posts ----------------------------------------------------------------

class PostedArgs(Args):
    tone: Tone | None = None
    audience: Id | None = None
    audience_kind: AudienceKind | None = None
    topic: Id | None = None
    channel: Channel | None = None
    within_turns: int | None = Field(default=None, ge=1, le=100)
    at_least: int = Field(default=1, ge=1, le=100)


@register("posted", PostedArgs, refs={"audience": "audience", "topic": "topic"},
          example={"tone": "confrontational", "within_turns": 1})
def posted(state: GameState, args: PostedArgs) -> bool:
    """True when the player has published at least ``at_least`` posts (default 1) matching
    every given detail: tone, audience, audience_kind, topic, channel.

    ``within_turns: 1`` counts only the posts of the turn just played.
    """
    # The details asked for, read once (not once per post); posts are in turn order, so
    # ``within_turns`` reads only the last turns' posts, from the newest back.
    wanted = [(key, value) for key, value in (
        ("tone", args.tone), ("audience", args.audience), ("audience_kind", args.audience_kind),
        ("topic", args.topic), ("channel", args.channel)) if value is not None]
    posts: Any = state.posts
    oldest = None if args.within_turns is None else state.turn - args.within_turns
    if oldest is not None:
        posts = reversed(posts)
    count, at_least = 0, args.at_least
    for post in posts:
        if oldest is not None and post["turn"] < oldest:
            break
        for key, value in wanted:
            if post[key] != value:
                break
        else:
            count += 1
            if count >= at_least:
                return True
    return False
