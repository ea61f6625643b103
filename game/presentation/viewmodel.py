"""Read the game for the screens: feed posts, gauges, narratives and action descriptions."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import i18n
from game.engine import actions, measures, rules
from game.engine.actions import Counter, post_words
from game.engine.techniques import POST, judge
from game.engine.vocabulary import Phase
from game.i18n import _, fmt_number, fmt_percent, ngettext, pick
from game.presentation import labels
from game.presentation.turn_changes import turn_changes

if TYPE_CHECKING:
    from game.content.model import Event, Scenario, Topic
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
    threshold: float | None = None  # the reach above which it costs points at the end

    @property
    def reach_shown(self) -> str:
        """The overall reach beside its "above 20 %" tag (``overall_reach_text``)."""
        return overall_reach_text(self.weighted, self.threshold)


def initials(name: str) -> str:
    """Two letters for an avatar: the capitals of the name's main words."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    capitals = [w[0] for w in words if w[0].isupper()] or [w[0].upper() for w in words]
    return "".join(capitals[:2]) or "?"


def post_language(code: str) -> str:
    """A post's language as a choice in the composer: "English" (« Anglais »)."""
    name = labels.POST_LANGUAGES.get(code)
    return _(name) if name is not None else code.upper()


def post_language_in(code: str) -> str:
    """A post's language within a sentence: "in English" (« en anglais »)."""
    phrase = labels.POST_LANGUAGES_IN.get(code)
    return _(phrase) if phrase is not None else code.upper()


def language_mark(tag: str, lang: str) -> str:
    """*tag* with the language of a post's words after it when they are not in the
    interface's language: the ministry's English post, and the English public's reply to
    it, say so in a French interface (« … · en anglais »), as a feed shows a post in
    another language.  A reply in the post's language is realistic; unmarked, it read as
    a text the game forgot to translate."""
    if not lang or lang == i18n.get_language():
        return tag
    return _("{tag} · {language}").format(tag=tag, language=post_language_in(lang))


def channel_name(scenario: Scenario, channel: str) -> str:
    spec = next((c for c in scenario.channels if str(c.id) == channel), None)
    if spec is not None and spec.name is not None:
        return pick(spec.name)
    return labels.label(labels.CHANNELS, channel)


OWN_WORDING = "own"  # a post's ``wording`` when the student wrote it themselves


def wording_index(post: dict[str, Any]) -> int:
    """The chosen wording of a post's record ("" or anything unexpected: the first)."""
    value = str(post.get("wording", "") or "0")
    return int(value) if value.isdigit() else 0


def is_own_post(post: dict[str, Any]) -> bool:
    """Whether the student wrote this post's words (rather than choosing a draft)."""
    return post.get("wording") == OWN_WORDING and bool(post.get("text"))


def post_wordings(scenario: Scenario, post: dict[str, Any]) -> list[str]:
    """Every drafted wording a post on this topic may take, in the post's own language: the
    topic's own drafts, else the game's wordings for the post's tone."""
    lang = str(post.get("language", ""))
    topic = scenario.topic_by_id.get(str(post.get("topic")))
    if topic is not None and topic.drafts:
        return [pick(draft, lang) for draft in topic.drafts]
    answers = topic is not None and topic.narrative is not None
    with labels.in_language(lang):
        return [_(text) for text in labels.wordings(post.get("tone", ""), answers)]


def post_text(scenario: Scenario, post: dict[str, Any]) -> str:
    """What the ministry's post says, written in the post's own language: the words the
    record keeps (what the student chose or wrote); in records made before they were kept,
    the chosen draft, or the topic's name then the chosen wording of the post's tone (one
    that suits a topic answering a rumour, or any other)."""
    words = post.get("text")
    if isinstance(words, str) and words:
        words = post_words(words)  # bounded and clean even from an edited save
        if i18n.get_language() == i18n.PSEUDO_LANGUAGE:  # every text shown is marked there
            from game.pseudo_locale import pseudo

            return pseudo(words)
        return words
    lang = str(post.get("language", ""))
    topic = scenario.topic_by_id.get(str(post.get("topic")))
    choices = post_wordings(scenario, post)
    index = wording_index(post)
    body = choices[index] if index < len(choices) else choices[0]
    if topic is not None and topic.drafts:  # an author's draft is a whole post
        return body
    with labels.in_language(lang):
        topic_name = pick(topic.name, lang) if topic is not None else ""
        return _("{topic} — {text}").format(topic=topic_name, text=body) if topic_name else body


def _launches(calls: Any, narrative_id: str | None) -> bool:
    """Whether effect *calls* (or the calls inside them) launch *narrative_id*."""
    return any((call.name == "launch_narrative" and call.args == narrative_id)
               or _launches(call.children, narrative_id) for call in calls)


def story_order(game: Game) -> list[int]:
    """The feed's places in the order things happened.  The engine adds an event's posts,
    then runs its effects; a narrative an event launches is the rumour its posts answer
    (the commission's denial, the analyst's fact-check), so it goes before them."""
    s, feed = game.scenario, game.state.feed
    order = list(range(len(feed)))
    for place, post in enumerate(feed):
        if post.kind != "narrative":
            continue
        first = place
        while first > 0 and feed[first - 1].kind == "actor" and \
                feed[first - 1].turn == post.turn and _launches(
                    getattr(s.event_by_id.get(feed[first - 1].ref or ""), "effects", ()),
                    post.ref):
            first -= 1
        if first < place:
            order.remove(place)
            order.insert(order.index(first), place)
    return order


def feed_posts(game: Game, folder: Path | None = None,
               keys: list[int] | None = None) -> list[PostView]:
    """Every post of the feed, newest first (*folder*: where the scenario's images are;
    *keys*: each post's key, its place in the feed by default)."""
    s, st = game.scenario, game.state
    views: list[PostView] = []
    for place in story_order(game):
        post = st.feed[place]
        key = keys[place] if keys is not None else place
        if post.kind == PLAYER or post.author == PLAYER:
            data = post.post or {}
            name, handle, verified = pick(s.country.ministry), s.country.handle, True
            text = post_text(s, data)
            tag = language_mark(post_tag(s, data), str(data.get("language", "")))
            avatar = image = None
        else:
            name, handle, verified, text, tag = _actor_post(s, post)
            actor = s.actor_by_id.get(post.author)
            avatar, image = actor.avatar if actor else None, post_image(s, post)
        # No clock time: invented times contradicted the texts. The order tells the rest.
        when = labels.turn_time(post.turn, s.meta.hours_per_turn)
        views.append(PostView(key, name, handle, initials(name), post.author, verified,
                              when, text, post.likes, post.shares,
                              post.kind, post.turn == st.turn, tag,
                              folder=folder, avatar=avatar, image=image))
    views.reverse()
    return with_replies(game, views, keys)


REPLY_KEY = -1_000_000  # replies' keys: below every feed key (and the preview's -1)


def with_replies(game: Game, views: list[PostView], keys: list[int] | None) -> list[PostView]:
    """The feed with the public's reply under each of the ministry's posts: the audience it
    spoke to answers its tone, in the post's language, or asks for its own language.  Shown
    only, never game state: the same reply at every look."""
    s, feed = game.scenario, game.state.feed
    places = {k: i for i, k in enumerate(keys if keys is not None else range(len(feed)))}
    out: list[PostView] = []
    for view in views:
        out.append(view)
        place = places.get(view.key)
        if view.kind != PLAYER or place is None or place >= len(feed):
            continue
        data = feed[place].post or {}
        audience = s.audience_by_id.get(str(data.get("audience")))
        if audience is None:
            continue
        lang = audience.language if audience.language in labels.POST_LANGUAGES else \
            str(data.get("language", ""))
        with labels.in_language(lang):
            if data.get("language") != audience.language:
                text = _(labels.REPLY_OTHER_LANGUAGE)
            else:
                choices = labels.REPLIES.get(str(data.get("tone")), ("",))
                text = _(choices[(feed[place].turn + place) % len(choices)])
        text = f"{s.country.handle} {text}"  # as a reply starts, naming whom it answers
        name = pick(audience.name)
        out.append(PostView(REPLY_KEY - view.key, name, "", initials(name), "reply:" + audience.id,
                            False, view.when, text, feed[place].likes // 20,
                            feed[place].shares // 30, "reply", view.new,
                            language_mark(_("replying to {handle}").format(
                                handle=s.country.handle), lang)))
    return out


def available_topics(game: Game) -> list[Topic]:
    """The topics the composer offers: those the story has introduced.  A topic about a
    narrative appears once the narrative is launched (posting about « the minister's
    video » before any video existed read as nonsense); a topic with ``from_turn`` from that
    turn, with ``after_event`` once that event has happened; every other topic from the
    start.  The rules themselves accept every topic."""
    st = game.state
    shown = [topic for topic in game.scenario.topics
             if (topic.narrative is None or topic.narrative not in st.narratives
                 or st.narratives[topic.narrative].launched_turn is not None)
             and (topic.from_turn is None or st.turn >= topic.from_turn)
             and (topic.after_event is None or topic.after_event in st.fired)]
    return shown or list(game.scenario.topics)


def post_tag(s: Scenario, data: dict[str, Any]) -> str:
    """Where and to whom the ministry posts ("on Chirp, audience: …")."""
    audience = s.audience_by_id.get(str(data.get("audience")))
    return _("on {platform}, audience: {audience}").format(
        platform=channel_name(s, str(data.get("channel", ""))),
        audience=pick(audience.name) if audience else "")


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
            title=labels.nested(pick(s.narrative_by_id[post.ref].title)))
    return name, handle, verified, text, tag


def post_image(s: Scenario, post: FeedPost) -> str | None:
    """The ``image:`` of the event post this feed post came from, if it has one."""
    event = s.event_by_id.get(post.ref or "") if post.kind == "actor" else None
    if event is None:
        return None
    candidates = [p for p in event.posts if p.actor == post.author]
    for candidate in candidates:
        if candidate.text.as_dict() == (post.text or {}):
            return candidate.image
    return candidates[0].image if len(candidates) == 1 else None


def gauges(game: Game) -> list[GaugeView]:
    """The six indicators and their change since the screen before: on the news and at the
    desk, what the morning's news changed; on the results, what happened since the desk
    (the actions and the world), so that the change is the sum of the lines the screen
    lists and the step from the figure the desk showed (``turn_changes``)."""
    start = turn_changes(game).start
    return [GaugeView(key, labels.indicator(key), value, labels.change(start[key], value),
                      key in labels.LOWER_IS_BETTER)
            for key, value in game.state.indicators.items()]


def gauges_since(game: Game) -> str:
    """What the gauges' changes (:func:`gauges`) are counted from, said beside them: the
    desk's « +2 » and the results' « +4 » are different steps, not the same one twice."""
    if game.phase in (Phase.RESOLVE, Phase.DEBRIEF):
        return _("Changes: since your desk")
    if game.phase in (Phase.FEED, Phase.DECIDE):
        return _("Changes: this morning's news")
    return ""


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
        threshold = s.rules.disinformation_threshold
        if run.weighted > threshold:
            tags.append(_("above {threshold}").format(threshold=reach_text(threshold)))
        views.append(NarrativeView(run.id, pick(narrative.title),
                                   shown_phase(run.phase, run.weighted),
                                   labels.label(labels.TECHNIQUES, narrative.technique),
                                   run.weighted, audiences, tags, threshold))
    return views


def shown_phase(phase: object, reach: float) -> str:
    """The phase every screen and report shows for a narrative in the engine's *phase* at
    weighted *reach*: the engine's, except a faded narrative whose reach is back at or
    above the line under which a narrative counts as faded (``rules.FADED_BELOW``).  The
    engine calls it spreading again only at ``rules.RESURGENCE_AT``; until then "faded"
    over a reach that grows told the student it was over while it came back, so it is
    shown as a new narrative at that reach would be: emerging, spreading from
    ``rules.SPREADING_AT``."""
    code = str(phase)
    if code != "faded" or reach < rules.FADED_BELOW:
        return code
    return "spreading" if reach >= rules.SPREADING_AT else "emerging"


def phase_label(phase: object, reach: float) -> str:
    """:func:`shown_phase` in words."""
    return labels.label(labels.NARRATIVE_PHASES, shown_phase(phase, reach))


def reach_text(value: float) -> str:
    """A reach as the panels show it: a whole percentage, rounded as every change line is
    (``labels.whole``), so that the lines add up to the figures."""
    return fmt_percent(labels.whole(max(0.0, min(100.0, value))) / 100.0)


def overall_reach_text(value: float, threshold: float | None) -> str:
    """A narrative's overall reach, shown beside the threshold it is tagged above or not:
    whole as :func:`reach_text`, with a decimal only when the whole figure would sit on
    the wrong side of the tag (20.3 tagged "above 20 %" shows 20.3 %, never 20 %)."""
    if threshold is None:
        return reach_text(value)
    return labels.beside_bound(max(0.0, min(100.0, value)), threshold, True, percent=True,
                               strict=True)


def event_title(event: Event, scenario: Scenario | None = None) -> str:
    """An event's name: its headline, else who posted in it; "" if it has neither."""
    if event.headline is not None:
        return pick(event.headline)
    if scenario is not None and event.posts:
        actor = scenario.actor_by_id.get(event.posts[0].actor)
        if actor is not None:
            # Not "Message from {actor}": French needs « du », « des », « de la »… as the
            # name asks, which no rule gets right for every name.
            return _("Message — {actor}").format(actor=pick(actor.name))
    return ""


def crisis_title(event: Event, scenario: Scenario | None = None) -> str:
    """A crisis's name: its headline, else who raised it, else its alert."""
    title = event_title(event, scenario)
    if title:
        return title
    if event.alert is not None:
        return pick(event.alert)
    return _("A crisis")


def crisis_turns_left(game: Game, event_id: str) -> int:
    """Turns left to answer, this one included, but never more than the game has left."""
    st = game.state
    last = min(st.crises.get(event_id, st.turn), game.turns)
    return max(1, last - st.turn + 1)


def describe_action(game: Game, action: dict[str, Any]) -> str:
    """One line saying what a planned (or applied) action is."""
    s = game.scenario
    kind = action.get("kind")
    if kind == "post":
        audience = s.audience_by_id.get(str(action.get("audience")))
        topic = s.topic_by_id.get(str(action.get("topic")))
        return _("Post on {platform}, audience: {audience}; {tone} tone, about “{topic}”, "
                 "{language}").format(
            platform=channel_name(s, str(action.get("channel"))),
            audience=pick(audience.name) if audience else "?",
            tone=labels.label(labels.TONES, action.get("tone", "")).lower(),
            topic=labels.nested(pick(topic.name)) if topic else "?",
            language=post_language_in(str(action.get("language", ""))))
    if kind == "answer":
        event = s.event_by_id.get(str(action.get("event")))
        choice = None
        if event is not None and event.crisis is not None:
            choice = next((c for c in event.crisis.choices if c.id == action.get("choice")), None)
        return _("Answer to “{crisis}”: {choice}").format(
            crisis=labels.nested(crisis_title(event, s)) if event else "?",
            choice=pick(choice.label) if choice else "?")
    measure = labels.label(labels.MEASURES, action.get("measure", ""))
    if action.get("measure") == "literacy":  # a campaign for everyone, not against one narrative
        return _("{measure}, for every audience").format(measure=measure)
    narrative = s.narrative_by_id.get(str(action.get("narrative")))
    title = labels.nested(pick(narrative.title)) if narrative else "?"
    audience = s.audience_by_id.get(str(action.get("audience") or ""))
    if audience is not None:
        return _("{measure}: “{narrative}” (audience: {audience})").format(
            measure=measure, narrative=title, audience=pick(audience.name))
    return _("{measure}: “{narrative}”").format(measure=measure, narrative=title)


def deltas_text(deltas: Mapping[str, float]) -> str:
    """"Credibility +2 · Tension -1": whole numbers, as the gauges show them; a change that
    rounds to 0 is left out."""
    parts = [f"{labels.indicator(k)} {labels.fmt_change(v)}" for k, v in deltas.items()
             if labels.fmt_change(v)]
    return " · ".join(parts)


def reach_change_text(game: Game, reach: Mapping[str, float]) -> list[str]:
    """"Reach of “The fake tickets”: -4 points", one line per narrative whose change does
    not round to 0 ("1 point" in the singular)."""
    out = []
    for narrative_id, delta in reach.items():
        narrative = game.scenario.narrative_by_id.get(narrative_id)
        shown = labels.whole(delta)
        if narrative is None or not shown:
            continue
        out.append(ngettext("Reach of “{title}”: {delta} point",
                            "Reach of “{title}”: {delta} points", abs(shown)).format(
            title=labels.nested(pick(narrative.title)), delta=labels.fmt_change(delta)))
    return out


def points_summary(game: Game, *, short: bool = False) -> str:
    """"Action points: 2 of 3", or "Points: 2/3" where the long one does not fit."""
    st = game.state
    total = st.budget + sum(game.cost(a) for a in game.planned_actions())
    template = _("Points: {left}/{total}") if short else _("Action points: {left} of {total}")
    return template.format(left=fmt_number(st.budget), total=fmt_number(total))


def measure_order(game: Game) -> list[str]:
    """Every counter-measure of the scenario in the desk's order, the same all game long
    (a student who counts ‹ › clicks lands on the same measure every turn): monitoring,
    the safest, first, then the scenario's order."""
    return sorted(game.scenario.measures, key=lambda m: not measures.MEASURES[m].offered_first)


def measure_unavailable(game: Game, narrative: str, measure: str) -> str | None:
    """Why *measure* cannot be planned against *narrative* now, as a code of
    ``labels.MEASURE_UNAVAILABLE``, or None: already in effect (monitoring what is
    monitored), used up (on this narrative, or once a game), already in this turn's plan
    (for every audience, when it is planned per audience), or too dear for the points left."""
    entry = measures.MEASURES[measure]
    run = game.state.narratives.get(narrative)
    if entry.in_effect is not None and run is not None and entry.in_effect(run):
        return "in_effect"
    audiences = [a.id for a in game.scenario.audiences] if entry.needs_audience else [None]
    reasons = {actions.counter_reason(game, Counter(narrative, measure, a)) for a in audiences}
    if None not in reasons:
        if "measure_used" in reasons:
            return "measure_used" if entry.targets_narrative else "measure_used_game"
        if "already_planned" in reasons:
            return "already_planned"
        return sorted(str(r) for r in reasons)[0]
    if entry.cost > game.state.budget:
        return "over_budget"
    return None


def counter_menu(game: Game, narrative: str) -> list[tuple[str, str | None]]:
    """The desk's counter-measures against *narrative*: each of :func:`measure_order`
    with why it cannot be planned now (None: it can).  None is left out or moved."""
    return [(m, measure_unavailable(game, narrative, m)) for m in measure_order(game)]


_JUDGED = ("counter_fits", "counter_weak", "counter_backfires", "informs_a_little")


def counter_reason(game: Game, outcome: Any) -> str | None:
    """Why a counter (or a post on a narrative's topic) fitted, did little or backfired:
    the technique table's reason, or the scenario's own."""
    if not any(code in outcome.notes for code in _JUDGED):
        return None
    s = game.scenario
    if outcome.source == "counter":
        narrative, counter = s.narrative_by_id.get(str(outcome.ref.get("narrative"))), \
            str(outcome.ref.get("measure"))
    else:
        topic = s.topic_by_id.get(str(outcome.ref.get("topic")))
        narrative, counter = s.narrative_by_id.get(topic.narrative or "") if topic else None, POST
    if narrative is None:
        return None
    verdict = judge(narrative, counter)
    if verdict.text is not None:
        return pick(verdict.text)
    return _(verdict.reason) if verdict.reason else None


def expected_post_notes(game: Game, action: Any) -> list[str]:
    """The engine's own notes on how well a post will land (platform fit, language),
    before it is sent; none if the action is not a valid post."""
    if game.why_not(action) not in (None, "over_budget", "already_planned"):
        return []
    return [str(code) for code in game.post_notes(action)]
