"""Why a post moved the gauges it moved, worded so that it never contradicts the changes
shown beside it: the tone's line says what that tone *usually* does, and the audience's
line names only gauges this post's shown changes actually moved (pygame-free: tests read
the claims directly)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel.lists import format_list

from game.engine import rules
from game.i18n import _, babel_locale, fmt_number, ngettext, pick
from game.presentation import labels

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.engine.state import Outcome


@dataclass(frozen=True)
class AudienceClaim:
    """What the audience line says: *moved* are gauges it says this post moved (each one
    changed in the shown deltas); otherwise *amplified* are what the audience amplifies,
    said to have not moved."""

    audience: str
    kind: str
    moved: tuple[str, ...]
    amplified: tuple[str, ...]


def amplified_gauges(kind: str) -> tuple[str, ...]:
    """The gauges an audience of *kind* weighs more than 1 (``rules.AUDIENCE_FOCUS``)."""
    focus = rules.AUDIENCE_FOCUS.get(kind, {})  # type: ignore[call-overload]
    return tuple(str(k) for k, weight in focus.items() if weight > 1.0)


def audience_claim(game: Game, outcome: Outcome,
                   deltas: Mapping[str, int]) -> AudienceClaim | None:
    """The audience line's claim for a post *outcome* whose shown changes are *deltas*."""
    audience = game.scenario.audience_by_id.get(str(outcome.ref.get("audience")))
    if outcome.source != "post" or audience is None:
        return None
    kind = str(audience.kind)
    amplified = amplified_gauges(kind)
    moved = tuple(k for k in amplified if deltas.get(k))
    return AudienceClaim(audience.id, kind, moved, amplified)


def _gauges(keys: tuple[str, ...]) -> str:
    names = [labels.indicator(k) for k in keys]
    return format_list([n[:1].lower() + n[1:] for n in names], locale=babel_locale())


def audience_text(game: Game, claim: AudienceClaim) -> str:
    audience = game.scenario.audience_by_id[claim.audience]
    kind = labels.label(labels.AUDIENCE_KIND_SAID, claim.kind)
    if claim.moved:
        n = len(claim.moved)
        return ngettext("{audience}: {kind}; this audience amplifies the post's effect on "
                        "{gauges}.",
                        "{audience}: {kind}; this audience amplifies the post's effects on "
                        "{gauges}.", n).format(audience=pick(audience.name), kind=kind,
                                               gauges=_gauges(claim.moved))
    return ngettext("{audience}: {kind}; this audience amplifies any change in {gauges}, "
                    "but this post did not move it.",
                    "{audience}: {kind}; this audience amplifies any change in {gauges}, "
                    "but this post moved neither.", len(claim.amplified)).format(
        audience=pick(audience.name), kind=kind, gauges=_gauges(claim.amplified))


def post_reasons(game: Game, outcome: Outcome, deltas: Mapping[str, int]) -> list[str]:
    """The lines under a post's result: its tone's tendency, its audience's weight on the
    gauges (as the shown *deltas* bear out), and the gauges above the headroom level."""
    if outcome.source != "post":
        return []
    lines = [labels.label(labels.TONE_REASONS, outcome.ref.get("tone", ""))]
    claim = audience_claim(game, outcome, deltas)
    if claim is not None:
        lines.append(audience_text(game, claim))
    climbed = [labels.indicator(k) for k, v in deltas.items()
               if v > 0 and k not in labels.LOWER_IS_BETTER
               and game.state.indicators[k] > rules.HEADROOM_FROM]
    if climbed:
        lines.append(_("Above {level}, gains come harder: {gauges}.").format(
            level=fmt_number(rules.HEADROOM_FROM), gauges=", ".join(climbed)))
    return lines
