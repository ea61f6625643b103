"""The scenario format, version 1, as pydantic models (frozen, unknown keys refused).

``docs/scenario-format.md`` explains it for authors; ``python main.py schema`` prints its
JSON Schema.  Every text a player reads is a :class:`Text` (``{fr: …, en: …}``).
Conditions and effects are :class:`~game.engine.registry.Call` values parsed through the
registries, never code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from game.content.calls import ConditionField, EffectField, call_schemas, resolve_placeholders
from game.content.registered import OneOfRegistered
from game.content.text import BUNDLED_LANGUAGES, Bool, Id, LanguageCode, Strict, Text
from game.engine import measures, rules
from game.engine.techniques import POST
from game.engine.vocabulary import (
    ActorKind,
    AudienceKind,
    Channel,
    Difficulty,
    EndingTone,
    Indicator,
    Measure,
    Technique,
    Tone,
)
from game.i18n import get_language

SCHEMA_VERSION = 1
MAX_TURNS = 1000  # classroom scenarios use 3-12; long ones exist for endurance tests
Gauge = Annotated[float, Field(ge=0, le=100)]
Handle = Annotated[str, Field(pattern=r"^@[A-Za-z0-9_]{1,30}$")]
FilePath = Annotated[str, Field(min_length=1, max_length=200)]
Effects = Annotated[list[EffectField], Field(max_length=50)]


class Meta(Strict):
    """What the scenario picker and the briefing show, and what the checker needs."""

    id: Id
    title: Text
    summary: Text
    author: Annotated[str, Field(min_length=1, max_length=200)]
    version: Annotated[str, Field(min_length=1, max_length=40)] = "1"
    # The languages every text has (``check`` enforces it); any code, bundled ones fr+en.
    languages: Annotated[list[LanguageCode], Field(min_length=1, max_length=12)]
    turns: Annotated[int, Field(ge=1, le=MAX_TURNS)]
    difficulty: Difficulty = Difficulty.MEDIUM
    sources: Annotated[list[Annotated[str, Field(min_length=1, max_length=200)]],
                       Field(min_length=1, max_length=20)]
    learning_goals: Annotated[list[Text], Field(min_length=1, max_length=12)]
    actions_per_turn: Annotated[int, Field(ge=1, le=10)] = 3
    minutes: Annotated[int | None, Field(ge=1, le=240)] = None
    hours_per_turn: Annotated[int, Field(ge=1, le=24)] = 24


class Country(Strict):
    """The player's (fictional) country and its ministry's public account."""

    name: Text
    ministry: Text
    handle: Handle
    post_languages: Annotated[list[LanguageCode], Field(min_length=1, max_length=6)] = ["fr", "en"]


class Indicators(Strict):
    """Starting values of the six gauges (0-100)."""

    credibility: Gauge = 50
    reach: Gauge = 30
    soft_power: Gauge = 50
    tension: Gauge = 30
    domestic_support: Gauge = 50
    cyber_security: Gauge = 50


class Audience(Strict):
    """A segment of the public the player can address and narratives can reach."""

    id: Id
    name: Text
    kind: AudienceKind
    language: LanguageCode
    size: Annotated[float, Field(gt=0, le=100)] = 1.0
    echo_chamber: Annotated[float, Field(ge=0, le=1)] = 0.3


class Actor(Strict):
    """Someone who posts in the feed: leaders, media, platforms, bots… always fictional."""

    id: Id
    name: Text
    handle: Handle
    kind: ActorKind
    country: Text | None = None
    verified: Bool = False
    avatar: FilePath | None = None


class ChannelSpec(Strict):
    """Rename a channel or change how well it reaches an audience (1 = normal)."""

    id: Channel
    name: Text | None = None
    affinity: dict[Id, Annotated[float, Field(ge=0, le=3)]] = {}


MAX_DRAFT_CHARS = 280  # a post's length, as on the platforms it imitates


class Topic(Strict):
    """Something the player can post about; it may answer a narrative or carry effects.

    ``drafts``: wordings the composer offers for it (the student may also write their own);
    what a post says never changes its effects.  ``from_turn`` / ``after_event``: the topic
    is offered only once the story has introduced it (a topic about a narrative, only once
    the narrative has started)."""

    id: Id
    name: Text
    narrative: Id | None = None
    effects: Effects = []
    drafts: Annotated[list[Text], Field(max_length=6)] = []
    from_turn: Annotated[int | None, Field(ge=1, le=MAX_TURNS)] = None
    after_event: Id | None = None


class CounterOverride(Strict):
    """This scenario's own verdict on one counter against one narrative (the technique
    table in ``docs/model.md`` gives the default)."""

    fit: Literal["fits", "weak", "backfires"]
    reason: Text


def counter_names() -> tuple[str, ...]:
    """What a narrative's ``counters:`` may override: every registered measure, and a post."""
    return (*measures.MEASURES, POST)


CounterName = Annotated[str, OneOfRegistered(counter_names)]


class Narrative(Strict):
    """A disinformation narrative: who spreads it, how, how fast, and what it costs."""

    id: Id
    title: Text
    claim: Text
    technique: Technique
    source: Id
    state_sponsored: Bool = False
    virality: Annotated[float, Field(ge=0, le=2)] = 0.5
    decay: Annotated[float, Field(ge=0, le=1)] = 0.05
    start_turn: Annotated[int | None, Field(ge=1, le=MAX_TURNS)] = None
    seed_reach: dict[Id, Gauge] = {}
    impact: dict[Indicator, Annotated[float, Field(ge=-20, le=20)]] = {}
    evidence_flag: Id | None = None
    concepts: list[Id] = []
    debrief: Text | None = None
    counters: dict[CounterName, CounterOverride] = {}


class FeedItem(Strict):
    """A post that appears in the feed when its event happens."""

    actor: Id
    text: Text
    likes: Annotated[int, Field(ge=0, le=1_000_000_000)] = 0
    shares: Annotated[int, Field(ge=0, le=1_000_000_000)] = 0
    image: FilePath | None = None


class Choice(Strict):
    """One answer to a crisis."""

    id: Id
    label: Text
    cost: Annotated[int, Field(ge=0, le=5)] = 1
    effects: Effects = []
    outcome: Text | None = None
    debrief: Text | None = None
    concepts: list[Id] = []
    # The author's intent: the answer the lesson recommends, or one it warns against.
    # The debrief and the simulator's lesson player read it; ``check`` compares it with
    # the effects.
    lesson: Literal["recommended", "poor"] | None = None


class Crisis(Strict):
    """A dilemma the player must answer before its deadline (in turns, counting this one)."""

    prompt: Text
    deadline: Annotated[int, Field(ge=1, le=20)]
    choices: Annotated[list[Choice], Field(min_length=2, max_length=6)]
    on_expire: Effects = []
    expire_text: Text | None = None
    # Posts on these topics count as a holding statement: the crisis is not met with
    # silence that turn (any other post does not).
    topics: Annotated[list[Id], Field(max_length=10)] = []


class Event(Strict):
    """Something that happens at the start of a turn: on a given turn, when a condition
    holds, or when an effect schedules it."""

    id: Id
    turn: Annotated[int | None, Field(ge=1, le=MAX_TURNS)] = None
    when: ConditionField | None = None
    repeat: Bool = False
    headline: Text | None = None
    alert: Text | None = None
    posts: Annotated[list[FeedItem], Field(max_length=30)] = []
    effects: Effects = []
    crisis: Crisis | None = None
    concepts: list[Id] = []
    debrief: Text | None = None


class Ending(Strict):
    """How a game can end.  Checked in order; the last one should have no condition."""

    id: Id
    title: Text
    text: Text
    tone: EndingTone
    when: ConditionField | None = None
    early: Bool = False
    bonus: Annotated[int, Field(ge=-50, le=50)] = 0
    debrief: Text | None = None


class SourceRef(Strict):
    """Where a concept comes from: a source document and the passage it discusses."""

    document: Annotated[str, Field(min_length=1, max_length=200)]
    passage: Annotated[str, Field(min_length=1, max_length=600)]


class Concept(Strict):
    """A debrief card: one idea the scenario teaches, with its source."""

    id: Id
    title: Text
    text: Text
    source: SourceRef
    official_term: Text | None = None


class Question(Strict):
    """A headline or post the student rates (1-7) before and after playing."""

    id: Id
    text: Text
    source: Text | None = None
    reliable: Bool
    # The technique it shows (or whose topic a reliable item shares): forms are drawn to
    # match the scenario's techniques.  Optional: an untagged item counts for any.
    technique: Technique | None = None


class Rules(Strict):
    """Optional tuning of the game model for this scenario."""

    silence_penalty: Annotated[float, Field(ge=0, le=20)] = 2.0
    late_penalty: Annotated[float, Field(ge=0, le=20)] = 1.5
    language_mismatch: Annotated[float, Field(ge=0, le=1)] = 0.6
    tone_effects: dict[Tone, dict[Indicator, Annotated[float, Field(ge=-20, le=20)]]] = {}
    score_weights: dict[Indicator, Annotated[float, Field(ge=0, le=10)]] = {}
    measures: Annotated[list[Measure] | None, Field(min_length=1)] = None
    disinformation_threshold: Annotated[float, Field(ge=0, le=100)] = rules.LEFTOVER_THRESHOLD
    disinformation_cost: Annotated[float, Field(ge=0, le=5)] = rules.LEFTOVER_COST
    disinformation_bars_success: Bool = True


class Scenario(Strict):
    """A whole scenario file."""

    schema_version: Literal[1]
    meta: Meta
    country: Country
    indicators: Indicators = Indicators()
    audiences: Annotated[list[Audience], Field(min_length=1, max_length=12)]
    actors: Annotated[list[Actor], Field(min_length=1, max_length=200)]
    channels: Annotated[list[ChannelSpec], Field(max_length=4)] = []
    topics: Annotated[list[Topic], Field(min_length=1, max_length=40)]
    narratives: Annotated[list[Narrative], Field(max_length=50)] = []
    events: Annotated[list[Event], Field(max_length=10_000)] = []
    endings: Annotated[list[Ending], Field(min_length=1, max_length=30)]
    concepts: Annotated[list[Concept], Field(max_length=100)] = []
    questions: Annotated[list[Question], Field(max_length=20)] = []
    rules: Rules = Rules()

    # Lookups by id, computed once (the model is frozen).
    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def audience_by_id(self) -> dict[str, Audience]:
        return {a.id: a for a in self.audiences}

    @cached_property
    def narrative_by_id(self) -> dict[str, Narrative]:
        return {n.id: n for n in self.narratives}

    @cached_property
    def event_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def ending_by_id(self) -> dict[str, Ending]:
        return {e.id: e for e in self.endings}

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @cached_property
    def concept_by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}

    @cached_property
    def channel_ids(self) -> tuple[Channel, ...]:
        return tuple(c.id for c in self.channels) or tuple(Channel)

    @cached_property
    def measures(self) -> tuple[Measure, ...]:
        # Every registered measure unless the scenario lists its own (engine/measures.py).
        return tuple(self.rules.measures or measures.MEASURES)  # type: ignore[arg-type]

    def channel_spec(self, channel: Channel) -> ChannelSpec | None:
        return next((c for c in self.channels if c.id == channel), None)

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Scenario:
        """A copy whose lookups are computed again: pydantic copies the instance's
        ``__dict__``, where the cached lookups live (a copy given other topics kept
        answering with the old ones)."""
        copy = super().model_copy(update=update, deep=deep)
        for name in _LOOKUPS:
            copy.__dict__.pop(name, None)
        return copy


_LOOKUPS = tuple(name for name, value in vars(Scenario).items()
                 if isinstance(value, cached_property))


def validate_scenario(data: Any) -> Scenario:
    """The model of YAML data, with the JSON Schema's rules for scalars: a number in quotes
    is text, ``yes`` is text, a number is not a text (the editor and ``check`` agree).

    Strict validation of the data as JSON does exactly that, while enum values and ids
    are still read from their YAML spelling.
    """
    return validate_scenario_json(as_json(data))


def validate_scenario_json(text: str) -> Scenario:
    """:func:`validate_scenario` of data already written as JSON (the checked-scenario
    cache keeps this text)."""
    return Scenario.model_validate_json(text, strict=True)


def as_json(data: Any) -> str:
    # Infinite numbers stay numbers (refused as too large), not JSON's "Infinity" strings.
    return json.dumps(data, ensure_ascii=False, allow_nan=True)


def scenario_json_schema(languages: tuple[str, ...] = BUNDLED_LANGUAGES) -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of the format, conditions and effects included; every
    text needs each of *languages* (a scenario's ``meta.languages``)."""
    # only `schema` and `new` need the editor's schema: 3-10 ms less at every start
    from game.content.schema_editor import editor_schema, schema_file_name

    schema = resolve_placeholders(Scenario.model_json_schema(ref_template="#/$defs/{model}"))
    schema.setdefault("$defs", {}).update(call_schemas())
    schema = editor_schema(schema, languages)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://hashtag-diplomacy.invalid/" + schema_file_name(get_language())
    # No "title": editors show it as a heading above the hover of every key.
    schema.pop("title", None)
    return dict(sorted(schema.items(), key=lambda kv: (not kv[0].startswith("$"), kv[0])))


if TYPE_CHECKING:  # mypy proves the model is what the engine reads (its Protocols)
    from game.engine import scenario_spec

    def _engine_reads(scenario: Scenario) -> scenario_spec.ScenarioSpec:
        return scenario
