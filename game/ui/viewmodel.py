"""Read the game for the screens: feed posts, gauges, narratives and action descriptions."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.i18n import _, fmt_number, fmt_percent, pick
from game.ui import labels

if TYPE_CHECKING:
    from game.content.model import Event, Scenario
    from game.engine.game import Game
    from game.engine.state import FeedPost

log = logging.getLogger(__name__)

PLAYER = "player"
TREND_FLAT = 0.5  # changes smaller than this show a flat trend


@dataclass
class PostView:
    key: int
    name: str
    handle: str
    initials: str
    colour_key: str
    verified: bool
    when: str
    text: str
    likes: int
    shares: int
    kind: str
    new: bool
    tag: str = ""
    folder: Path | None = None  # the scenario's folder: avatar and image are relative to it
    avatar: str | None = None
    image: str | None = None


@dataclass
class GaugeView:
    key: str
    label: str
    value: float
    delta: float
    lower_is_better: bool


@dataclass
class NarrativeView:
    id: str
    title: str
    phase: str
    technique: str
    weighted: float
    audiences: list[tuple[str, float]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def initials(name: str) -> str:
    """Two letters for an avatar: the capitals of the name's main words."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    capitals = [w[0] for w in words if w[0].isupper()] or [w[0].upper() for w in words]
    return "".join(capitals[:2]) or "?"


def post_language(code: str) -> str:
    return labels.LANGUAGE_NAMES.get(code, code.upper())


def channel_name(scenario: Scenario, channel: str) -> str:
    spec = next((c for c in scenario.channels if str(c.id) == channel), None)
    if spec is not None and spec.name is not None:
        return pick(spec.name)
    return labels.label(labels.CHANNELS, channel)


def post_text(scenario: Scenario, post: dict[str, Any]) -> str:
    """What the ministry's post says, written in the post's own language."""
    lang = str(post.get("language", ""))
    topic = scenario.topic_by_id.get(str(post.get("topic")))
    with labels.in_language(lang):
        topic_name = pick(topic.name, lang) if topic is not None else ""
        body = labels.label(labels.POST_TEMPLATES, post.get("tone", ""))
    return f"{topic_name} — {body}" if topic_name else body


def _when(turn: int, index: int) -> str:
    minutes = 8 * 60 + (index * 47) % (13 * 60)
    return _("Day {day}, {time}").format(day=turn, time=f"{minutes // 60:02d}:{minutes % 60:02d}")


def feed_posts(game: Game, folder: Path | None = None) -> list[PostView]:
    """Every post of the feed, newest first (*folder*: where the scenario's images are)."""
    s, st = game.scenario, game.state
    views: list[PostView] = []
    per_turn: dict[int, int] = {}
    for key, post in enumerate(st.feed):
        index = per_turn.get(post.turn, 0)
        per_turn[post.turn] = index + 1
        if post.kind == PLAYER or post.author == PLAYER:
            data = post.post or {}
            name, handle, verified = pick(s.country.ministry), s.country.handle, True
            text = post_text(s, data)
            audience = s.audience_by_id.get(str(data.get("audience")))
            tag = _("on {platform}, audience: {audience}").format(
                platform=channel_name(s, str(data.get("channel", ""))),
                audience=pick(audience.name) if audience else "")
            avatar = image = None
        else:
            name, handle, verified, text, tag = _actor_post(s, post)
            actor = s.actor_by_id.get(post.author)
            avatar, image = actor.avatar if actor else None, post_image(s, post)
        views.append(PostView(key, name, handle, initials(name), post.author, verified,
                              _when(post.turn, index), text, post.likes, post.shares,
                              post.kind, post.turn == st.turn, tag,
                              folder=folder, avatar=avatar, image=image))
    views.reverse()
    return views


def _actor_post(s: Scenario, post: FeedPost) -> tuple[str, str, bool, str, str]:
    """Name, handle, verified mark, text and tag of a post by one of the scenario's actors."""
    actor = s.actor_by_id.get(post.author)
    name = pick(actor.name) if actor else post.author
    handle = actor.handle if actor else ""
    verified = bool(actor and actor.verified)
    text = pick(post.text) if post.text else ""
    tag = ""
    if post.kind == "narrative" and post.ref in s.narrative_by_id:
        tag = _("flagged by monitoring: “{title}”").format(
            title=pick(s.narrative_by_id[post.ref].title))
    return name, handle, verified, text, tag


def post_image(s: Scenario, post: FeedPost) -> str | None:
    """The ``image:`` of the event post this feed post came from, if it has one."""
    event = s.event_by_id.get(post.ref or "") if post.kind == "actor" else None
    if event is None:
        return None
    candidates = [p for p in event.posts if p.actor == post.author]
    for candidate in candidates:
        texts = {k: v for k, v in (("fr", candidate.text.fr), ("en", candidate.text.en)) if v}
        if texts == (post.text or {}):
            return candidate.image
    return candidates[0].image if len(candidates) == 1 else None


def gauges(game: Game) -> list[GaugeView]:
    """The six indicators and their change since the previous turn."""
    history = game.state.history
    reference = history[-2] if len(history) >= 2 else history[0] if history else None
    views = []
    for key, value in game.state.indicators.items():
        before = reference["indicators"].get(key, value) if reference else value
        views.append(GaugeView(key, labels.indicator(key), value, value - before,
                               key in labels.LOWER_IS_BETTER))
    return views


def trend(delta: float) -> int:
    return 0 if abs(delta) < TREND_FLAT else (1 if delta > 0 else -1)


def narratives(game: Game) -> list[NarrativeView]:
    s = game.scenario
    views = []
    for run in game.live_narratives():
        narrative = s.narrative_by_id[run.id]
        tags = [text for flag, text in ((run.monitored, _("monitored")),
                                        (run.reported, _("reported")),
                                        (run.factcheck, _("fact-checked")),
                                        (run.attributed, _("attributed"))) if flag]
        audiences = [(pick(a.name), run.reach.get(a.id, 0.0)) for a in s.audiences]
        views.append(NarrativeView(run.id, pick(narrative.title), str(run.phase),
                                   labels.label(labels.TECHNIQUES, narrative.technique),
                                   run.weighted, audiences, tags))
    return views


def reach_text(value: float) -> str:
    return fmt_percent(max(0.0, min(100.0, value)) / 100.0)


def crisis_title(event: Event, scenario: Scenario | None = None) -> str:
    """A crisis's name: its headline, else who raised it, else its alert."""
    if event.headline is not None:
        return pick(event.headline)
    if scenario is not None and event.posts:
        actor = scenario.actor_by_id.get(event.posts[0].actor)
        if actor is not None:
            return _("Message from {name}").format(name=pick(actor.name))
    if event.alert is not None:
        return pick(event.alert)
    return _("A crisis")


def crisis_turns_left(game: Game, event_id: str) -> int:
    last = game.state.crises.get(event_id, game.state.turn)
    return last - game.state.turn + 1


def describe_action(game: Game, action: dict[str, Any]) -> str:
    """One line saying what a planned (or applied) action is."""
    s = game.scenario
    kind = action.get("kind")
    if kind == "post":
        audience = s.audience_by_id.get(str(action.get("audience")))
        topic = s.topic_by_id.get(str(action.get("topic")))
        return _("Post on {platform}, audience: {audience}; {tone} tone, about “{topic}” "
                 "({language})").format(
            platform=channel_name(s, str(action.get("channel"))),
            audience=pick(audience.name) if audience else "?",
            tone=labels.label(labels.TONES, action.get("tone", "")).lower(),
            topic=pick(topic.name) if topic else "?",
            language=post_language(str(action.get("language", ""))))
    if kind == "answer":
        event = s.event_by_id.get(str(action.get("event")))
        choice = None
        if event is not None and event.crisis is not None:
            choice = next((c for c in event.crisis.choices if c.id == action.get("choice")), None)
        return _("Answer to “{crisis}”: {choice}").format(
            crisis=crisis_title(event, s) if event else "?",
            choice=pick(choice.label) if choice else "?")
    narrative = s.narrative_by_id.get(str(action.get("narrative")))
    title = pick(narrative.title) if narrative else "?"
    measure = labels.label(labels.MEASURES, action.get("measure", ""))
    audience = s.audience_by_id.get(str(action.get("audience") or ""))
    if audience is not None:
        return _("{measure}: “{narrative}” (audience: {audience})").format(
            measure=measure, narrative=title, audience=pick(audience.name))
    return _("{measure}: “{narrative}”").format(measure=measure, narrative=title)


def deltas_text(deltas: dict[str, float]) -> str:
    parts = [f"{labels.indicator(k)} {labels.fmt_delta(v)}" for k, v in deltas.items()
             if abs(v) >= 0.05]
    return " · ".join(parts)


def reach_change_text(game: Game, reach: dict[str, float]) -> list[str]:
    out = []
    for narrative_id, delta in reach.items():
        narrative = game.scenario.narrative_by_id.get(narrative_id)
        if narrative is None or abs(delta) < 0.05:
            continue
        out.append(_("Reach of “{title}”: {delta} points").format(
            title=pick(narrative.title), delta=labels.fmt_delta(delta)))
    return out


def points_summary(game: Game) -> str:
    st = game.state
    total = st.budget + sum(game.cost(a) for a in game.planned_actions())
    return _("Action points: {left} of {total}").format(left=fmt_number(st.budget),
                                                             total=fmt_number(total))


def expected_post_notes(game: Game, action: Any) -> list[str]:
    """The engine's own notes on how well a post will land (platform fit, language),
    before it is sent; none if the action is not a valid post."""
    if game.why_not(action) not in (None, "over_budget", "already_planned"):
        return []
    return [str(code) for code in game.post_notes(action)]
