"""What the spread view shows, read from the engine (pygame-free): the audiences (their
share of the public, how closed each is), each live narrative's reach per audience before
and after the turn, and where the player's counters (and the platform) struck.

The same model gives the text version read by keyboard and screen-reader users, so the
picture and the words never say different things.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.i18n import _, pick
from game.presentation import labels
from game.presentation.badge_text import counter_label
from game.presentation.turn_changes import turn_changes
from game.presentation.viewmodel import reach_text

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.engine.state import Outcome

ECHO_CHAMBER_AT = 0.5  # from here an audience is called an echo chamber (drawn and said)

# Notes saying how a strike landed: the colour of its mark.
_GOOD = frozenset({"counter_fits", "answers_narrative", "platform_removed_accounts",
                   "platform_acted"})
_BAD = frozenset({"counter_backfires", "fuels_narrative", "amplified"})
_NARRATIVE_NOTES = _GOOD | _BAD | {"counter_weak", "informs_a_little"}


@dataclass(frozen=True)
class AudienceSpot:
    id: str
    name: str
    share: float   # of the whole public, 0-1 (sizes the audience's circle)
    echo: float    # 0-1: how closed it is (the wall's thickness)

    @property
    def chamber(self) -> bool:
        return self.echo >= ECHO_CHAMBER_AT


@dataclass(frozen=True)
class Strike:
    label: str                   # "Debunk with evidence", "A calm post on the topic"…
    mood: str                    # "good", "bad" or "muted": how it landed
    audiences: tuple[str, ...]   # where it struck


@dataclass(frozen=True)
class NarrativeSpread:
    id: str
    title: str
    before: dict[str, float]     # audience -> reach at the desk, before the actions (0-100)
    after: dict[str, float]      # audience -> reach now
    weighted_before: float
    weighted_after: float
    strikes: tuple[Strike, ...]


@dataclass(frozen=True)
class SpreadModel:
    audiences: tuple[AudienceSpot, ...]
    narratives: tuple[NarrativeSpread, ...]
    # Every narrative's title in the scenario: the view is sized for all of them, so its
    # scale is the same at every turn, however many are live yet.
    every_title: tuple[str, ...] = ()
    threshold: float | None = None  # the overall reach tagged "above" on the panel


def _weighted(reach: dict[str, float], audiences: tuple[AudienceSpot, ...]) -> float:
    return sum(reach.get(a.id, 0.0) * a.share for a in audiences)


def _strike(game: Game, outcome: Outcome, narrative_id: str) -> Strike | None:
    """Where *outcome* struck *narrative_id*, if it is a counter, a post on its topic or
    the platform acting on a report."""
    s, ref = game.scenario, outcome.ref
    notes = set(outcome.notes)
    if outcome.source == "counter" and ref.get("narrative") == narrative_id:
        if ref.get("measure") == "monitor" or "report_pending" in notes:
            return None  # watching strikes nothing; a report strikes when the platform acts
        label = counter_label(str(ref.get("measure")))
    elif outcome.source == "post" and notes & _NARRATIVE_NOTES:
        topic = s.topic_by_id.get(str(ref.get("topic")))
        if topic is None or topic.narrative != narrative_id:
            return None
        label = counter_label("post")
    elif outcome.source == "platform" and ref.get("narrative") == narrative_id:
        label = _("The platform acted on your report")
    else:
        return None
    mood = "bad" if notes & _BAD else "good" if notes & _GOOD else "muted"
    audience = ref.get("audience")
    where = (str(audience),) if audience in s.audience_by_id else \
        tuple(a.id for a in s.audiences)
    return Strike(label, mood, where)


def spread_model(game: Game) -> SpreadModel | None:
    """The spread of this turn (at the results), or None when no narrative is live."""
    s, st = game.scenario, game.state
    total = sum(a.size for a in s.audiences) or 1.0
    audiences = tuple(AudienceSpot(a.id, pick(a.name), a.size / total, a.echo_chamber)
                      for a in s.audiences)
    outcomes = [o for o in st.outcomes if o.turn == st.turn]
    # The overall reach before: where the results' change lines start (the desk's figure),
    # so "from 28 % to 16 %" is the sum of the lines listed below it.
    starts = turn_changes(game).reach_start
    narratives = []
    for narrative in s.narratives:
        run = st.narratives[narrative.id]
        if not run.live:
            continue
        before = dict(st.reach_before.get(narrative.id, run.reach))
        strikes = tuple(strike for o in outcomes
                        if (strike := _strike(game, o, narrative.id)) is not None)
        narratives.append(NarrativeSpread(
            narrative.id, pick(narrative.title), before, dict(run.reach),
            starts.get(narrative.id, _weighted(before, audiences)), run.weighted, strikes))
    every_title = tuple(pick(n.title) for n in s.narratives)
    return SpreadModel(audiences, tuple(narratives), every_title,
                       s.rules.disinformation_threshold) if narratives else None


def audience_text(spot: AudienceSpot) -> str:
    return _("{audience} (echo chamber)").format(audience=spot.name) if spot.chamber \
        else spot.name


def spread_lines(model: SpreadModel) -> list[str]:
    """The view in words: per narrative, its reach before and after in each audience, and
    where the counters struck."""
    lines: list[str] = []
    for n in model.narratives:
        lines.append(_("“{title}”: reach from {before} to {after}").format(
            title=labels.nested(n.title), before=reach_text(n.weighted_before),
            after=reach_text(n.weighted_after)))
        parts = [_("{audience} from {before} to {after}").format(
            audience=audience_text(a), before=reach_text(n.before.get(a.id, 0.0)),
            after=reach_text(n.after.get(a.id, 0.0))) for a in model.audiences]
        lines.append(", ".join(parts))
        names = {a.id: a.name for a in model.audiences}
        for strike in n.strikes:
            where = _("every audience") if len(strike.audiences) == len(model.audiences) \
                and len(model.audiences) > 1 else ", ".join(names[a] for a in strike.audiences)
            lines.append(_("Hit: {counter} ({where}).").format(counter=strike.label,
                                                                where=where))
    return lines
