"""What each argument of a condition or an effect means, for the editor's hover.

The engine's docstrings say what a condition or an effect does; these one-liners say what
one of its keys holds (the same key means the same thing in every call).
"""

from __future__ import annotations

from enum import Enum

from game.engine.vocabulary import AudienceKind, Channel, Measure, NarrativePhase, Tone
from game.i18n import N_, _

ARGS: dict[str, str] = {
    "actor": N_("The id of the actor who posts."),
    "amount": N_("How much: reach points (0 to 100, negative to take away) for a narrative, "
                 "resistance (0 to 1) for an audience."),
    "at_least": N_("How many matching posts are needed (default 1)."),
    "audience": N_("The id of an audience (leave it out for every audience)."),
    "audience_kind": N_("A kind of audience: {values}."),
    "channel": N_("A platform: {values}."),
    "choice": N_("The id of a choice of that event's crisis."),
    "event": N_("The id of an event."),
    "factor": N_("What its virality is multiplied by (below 1 slows it, above 1 speeds it "
                 "up)."),
    "in_turns": N_("How many turns later (1 is the next turn)."),
    "likes": N_("Likes shown under the post."),
    "measure": N_("A counter-measure: {values}."),
    "narrative": N_("The id of a narrative."),
    "phase": N_("A narrative phase: {values}."),
    "reach": N_("A reach, from 0 to 100 (the share of the public it touches)."),
    "shares": N_("Shares shown under the post."),
    "text": N_("The post's text, in each language."),
    "tone": N_("A tone: {values}."),
    "topic": N_("The id of a topic."),
    "within_turns": N_("Count only the posts of the last N turns (1: the turn just played)."),
}

# The arguments whose values are a closed list: the hover lists them.
_VALUES: dict[str, type[Enum]] = {"audience_kind": AudienceKind, "channel": Channel,
                                  "measure": Measure, "phase": NarrativePhase, "tone": Tone}


def arg_help(name: str) -> str | None:
    """The meaning of the argument *name* in the current language (Markdown), or None."""
    meaning = ARGS.get(name)
    if meaning is None:
        return None
    values = _VALUES.get(name)
    listed = ", ".join(f"`{m.value}`" for m in values) if values else ""
    return _(meaning).replace("{values}", listed)
