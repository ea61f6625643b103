"""The game state: everything that changes during a game, and its JSON form for saves.

The state is plain data.  The rules that change it live in ``game.engine.game`` (turns),
``actions``, ``spread`` and ``effects``; the state only knows how to describe itself.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, fields
from typing import Any

from game.engine.vocabulary import INDICATORS, NarrativePhase

STATE_VERSION = 1


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return low if value < low else high if value > high else value


@dataclass
class NarrativeRun:
    """One disinformation narrative during a game; also the model of its life-cycle machine."""

    id: str
    reach: dict[str, float]
    virality: float
    decay: float
    phase: NarrativePhase = NarrativePhase.DORMANT
    weighted: float = 0.0
    launched_turn: int | None = None
    phase_turn: int = 0
    spreading_turn: int | None = None
    responded_turn: int | None = None
    factcheck: bool = False
    attributed: bool = False
    reported: bool = False
    report_turn: int | None = None
    monitored: bool = False
    history: list[float] = field(default_factory=list)

    @property
    def live(self) -> bool:
        return self.phase is not NarrativePhase.DORMANT

    @property
    def responded(self) -> bool:
        return self.responded_turn is not None

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in vars(self).items() if not callable(v)}
        # Reach and history change every turn: copied, unlike the finished record.
        data.update(phase=self.phase.value, reach=dict(self.reach), history=list(self.history))
        return {k: data[k] for k in _NARRATIVE_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NarrativeRun:
        values = {k: data[k] for k in _NARRATIVE_FIELDS}
        values["phase"] = NarrativePhase(values["phase"])
        return cls(**values)


_NARRATIVE_FIELDS = (
    "id", "reach", "virality", "decay", "phase", "weighted", "launched_turn", "phase_turn",
    "spreading_turn", "responded_turn", "factcheck", "attributed", "reported", "report_turn",
    "monitored", "history",
)


@dataclass
class FeedPost:
    """A post in the social feed: from an actor, a narrative's source, or the player."""

    turn: int
    author: str
    kind: str  # "actor", "narrative", "player"
    likes: int
    shares: int
    text: dict[str, str] | None = None
    ref: str | None = None
    post: dict[str, str] | None = None


@dataclass
class Outcome:
    """What one cause did during a turn: the player's action, an event, the world."""

    turn: int
    source: str  # "post", "answer", "counter", "event", "narrative", "deadline", "silence", "late"
    ref: dict[str, Any]
    deltas: dict[str, float] = field(default_factory=dict)
    reach: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)

    def add(self, indicator: str, delta: float) -> None:
        if delta:
            self.deltas[indicator] = self.deltas.get(indicator, 0.0) + delta

    def add_reach(self, narrative: str, delta: float) -> None:
        if delta:
            self.reach[narrative] = self.reach.get(narrative, 0.0) + delta


@dataclass
class GameState:
    """Everything about one game that a save must keep."""

    scenario_id: str
    seed: int
    indicators: dict[str, float]
    narratives: dict[str, NarrativeRun]
    inoculation: dict[str, float]
    rng: random.Random
    turn: int = 0
    phase: str = "briefing"
    flags: set[str] = field(default_factory=set)
    fired: dict[str, int] = field(default_factory=dict)
    scheduled: list[list[Any]] = field(default_factory=list)  # [turn, event id]
    crises: dict[str, int] = field(default_factory=dict)       # open crisis -> last turn
    answers: dict[str, str] = field(default_factory=dict)
    answer_turns: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    planned: list[dict[str, Any]] = field(default_factory=list)
    budget: int = 0
    passed: bool = False
    extra_actions: int = 0
    literacy_turn: int | None = None
    posts: list[dict[str, Any]] = field(default_factory=list)
    counters: list[dict[str, Any]] = field(default_factory=list)
    feed: list[FeedPost] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)
    # The actions of each resolved turn, in plan order (``turn_log[t - 1]`` for turn t): with
    # the seed, enough to replay the game to the start of any turn (the debrief's replay).
    turn_log: list[list[dict[str, Any]]] = field(default_factory=list)
    forced_ending: str | None = None
    ending: str | None = None
    score: int | None = None
    # Badges earned by defending (``engine/badges.py``): technique, narrative, counter, turn.
    badges: list[dict[str, Any]] = field(default_factory=list)
    # Narrative -> audience -> reach at the start of the last resolve (the spread view).
    reach_before: dict[str, dict[str, float]] = field(default_factory=dict)

    # -- small queries --------------------------------------------------------------

    def meet(self, concepts: Any) -> None:
        for concept in concepts:
            if concept not in self.concepts:
                self.concepts.append(concept)

    def snapshot(self) -> dict[str, Any]:
        """Gauges and narrative reach now: one point of the debrief's charts."""
        return {
            "turn": self.turn,
            "indicators": {k: round(v, 2) for k, v in self.indicators.items()},
            "narratives": {n.id: round(n.weighted, 2) for n in self.narratives.values()},
        }

    # -- JSON -------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The state as JSON-ready data.  The containers inside the record (an outcome's
        changes and notes, a post's texts, the snapshots, the turn log) never change once
        written, so they are shared, not copied.  Every autosave calls this, and deep
        copies of a long game's record were the largest passing allocation of its late
        turns (``tests/engine/test_save.py`` checks that a taken state stays as it was)."""
        version, internal, gauss = self.rng.getstate()
        return {
            "version": STATE_VERSION,
            "scenario_id": self.scenario_id,
            "seed": self.seed,
            "turn": self.turn,
            "phase": self.phase,
            "indicators": {k: self.indicators[k] for k in INDICATORS},
            "narratives": [n.to_dict() for n in self.narratives.values()],
            "inoculation": dict(self.inoculation),
            "flags": sorted(self.flags),
            "fired": dict(self.fired),
            "scheduled": [list(item) for item in self.scheduled],
            "crises": dict(self.crises),
            "answers": dict(self.answers),
            "answer_turns": dict(self.answer_turns),
            "missed": list(self.missed),
            "planned": [dict(p) for p in self.planned],
            "budget": self.budget,
            "passed": self.passed,
            "extra_actions": self.extra_actions,
            "literacy_turn": self.literacy_turn,
            "posts": [dict(p) for p in self.posts],
            "counters": [dict(c) for c in self.counters],
            "feed": [_fields(p) for p in self.feed],
            "outcomes": [_fields(o) for o in self.outcomes],
            "history": list(self.history),
            "concepts": list(self.concepts),
            "turn_log": list(self.turn_log),
            "forced_ending": self.forced_ending,
            "ending": self.ending,
            "score": self.score,
            "badges": [dict(b) for b in self.badges],
            "reach_before": {k: dict(v) for k, v in self.reach_before.items()},
            "rng": [version, list(internal), gauss],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GameState:
        """Rebuild a state from :meth:`to_dict` output, every field checked first (type,
        finite, within bounds: :func:`check_state_data`); raises ValueError on malformed
        data, which ``game.engine.save`` turns into a clear message."""
        check_state_data(data)
        rng = random.Random()
        version, internal, gauss = data["rng"]
        rng.setstate((int(version), tuple(int(x) for x in internal), gauss))
        narratives = [NarrativeRun.from_dict(n) for n in data["narratives"]]
        return cls(
            scenario_id=str(data["scenario_id"]),
            seed=int(data["seed"]),
            indicators={k: float(data["indicators"][k]) for k in INDICATORS},
            narratives={n.id: n for n in narratives},
            inoculation={k: float(v) for k, v in data["inoculation"].items()},
            rng=rng,
            turn=int(data["turn"]),
            phase=str(data["phase"]),
            flags=set(data["flags"]),
            fired={k: int(v) for k, v in data["fired"].items()},
            scheduled=[list(item) for item in data["scheduled"]],
            crises={k: int(v) for k, v in data["crises"].items()},
            answers=dict(data["answers"]),
            answer_turns={k: int(v) for k, v in data["answer_turns"].items()},
            missed=list(data["missed"]),
            planned=[dict(p) for p in data["planned"]],
            budget=int(data["budget"]),
            passed=bool(data["passed"]),
            extra_actions=int(data["extra_actions"]),
            literacy_turn=data["literacy_turn"],
            posts=[dict(p) for p in data["posts"]],
            counters=[dict(c) for c in data["counters"]],
            feed=[FeedPost(**p) for p in data["feed"]],
            outcomes=[Outcome(**o) for o in data["outcomes"]],
            history=list(data["history"]),
            concepts=list(data["concepts"]),
            # Absent from states saved before the log existed: replay is then unavailable.
            turn_log=[[dict(a) for a in turn] for turn in data.get("turn_log", [])],
            forced_ending=data["forced_ending"],
            ending=data["ending"],
            score=data["score"],
            # Both absent from states saved before badges and the spread view existed.
            badges=[dict(b) for b in data.get("badges", [])],
            reach_before={k: {a: float(r) for a, r in v.items()}
                          for k, v in data.get("reach_before", {}).items()},
        )


def _fields(record: FeedPost | Outcome) -> dict[str, Any]:
    """A record's fields by name, its containers shared (``dataclasses.asdict`` copies
    them deeply)."""
    return {name: getattr(record, name) for name in _FIELD_NAMES[type(record)]}


_FIELD_NAMES = {cls: tuple(f.name for f in fields(cls)) for cls in (FeedPost, Outcome)}


# -- checking a state's JSON form before it is used ---------------------------------------
# A save is input like any other: a hand-edited or damaged one must be refused as a whole
# when it is opened, not crash the desk or the charts turns later (``turn: "3"``,
# ``budget: 10**18``, a history of ``[[1e308]]``).

MAX_INT = 10**9          # turns, counts, likes: far above anything a game reaches
MAX_SEED = 2**63
MAX_TEXT = 10_000        # characters of one string
MAX_ITEMS = 100_000      # entries of one list or object
MAX_DEPTH = 6            # nesting of the free-form records (action refs, posts)
Check = Any  # a function value -> None that raises ValueError


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _fail(what: str, value: Any) -> None:
    raise ValueError(f"{what}: {type(value).__name__} {str(value)[:40]!r}")


def _int(low: int = 0, high: int = MAX_INT) -> Check:
    def check(value: Any) -> None:
        if not _is_int(value) or not low <= value <= high:
            _fail(f"integer {low}..{high} expected", value)
    return check


def _num(low: float = 0.0, high: float = 100.0) -> Check:
    def check(value: Any) -> None:
        if not (_is_int(value) or isinstance(value, float)) or not (
                math.isfinite(value) and low <= value <= high):
            _fail(f"number {low}..{high} expected", value)
    return check


def _str(value: Any) -> None:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        _fail("text expected", value)


def _bool(value: Any) -> None:
    if type(value) is not bool:
        _fail("true or false expected", value)


def _opt(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _list(check: Check) -> Check:
    def check_list(value: Any) -> None:
        if type(value) is not list or len(value) > MAX_ITEMS:
            _fail("list expected", value)
        for item in value:
            check(item)
    return check_list


def _dict(check: Check) -> Check:
    def check_dict(value: Any) -> None:
        if type(value) is not dict or len(value) > MAX_ITEMS:
            _fail("object expected", value)
        for key, item in value.items():
            _str(key)
            check(item)
    return check_dict


def _record(checks: dict[str, Check]) -> Check:
    """An object with exactly these keys."""
    def check(value: Any) -> None:
        if type(value) is not dict or set(value) != set(checks):
            _fail(f"object with {sorted(checks)} expected", value)
        for key, check_field in checks.items():
            try:
                check_field(value[key])
            except ValueError as exc:
                raise ValueError(f"{key}: {exc}") from None
    return check


def _plain(value: Any, depth: int = 0) -> None:
    """Free-form JSON (an action, a post's record): finite, bounded, not too deep."""
    if value is None or type(value) is bool:
        return
    if _is_int(value):
        _int(-MAX_INT, MAX_INT)(value)
    elif isinstance(value, float):
        _num(-1e9, 1e9)(value)
    elif isinstance(value, str):
        _str(value)
    elif depth < MAX_DEPTH and type(value) is list and len(value) <= MAX_ITEMS:
        for item in value:
            _plain(item, depth + 1)
    elif depth < MAX_DEPTH and type(value) is dict and len(value) <= MAX_ITEMS:
        for key, item in value.items():
            _str(key)
            _plain(item, depth + 1)
    else:
        _fail("plain data expected", value)


def check_plain(value: Any) -> None:
    """Raise ValueError unless *value* is plain JSON: finite, bounded, not too deep."""
    _plain(value)


def _rng(value: Any) -> None:
    if type(value) is not list or len(value) != 3:
        _fail("random state expected", value)
    _int(0, 1000)(value[0])
    if type(value[1]) is not list or len(value[1]) != 625:
        _fail("random state expected", value[1])
    for word in value[1]:
        _int(0, 2**32 - 1)(word)
    _opt(_num(-1e9, 1e9))(value[2])


_TURN, _OPT_TURN, _TEXTS = _int(), _opt(_int()), _dict(_str)
_NARRATIVE = _record({
    "id": _str, "reach": _dict(_num()), "virality": _num(-1e6, 1e6),
    "decay": _num(-1e6, 1e6), "phase": lambda v: _phase(v), "weighted": _num(),
    "launched_turn": _OPT_TURN, "phase_turn": _TURN, "spreading_turn": _OPT_TURN,
    "responded_turn": _OPT_TURN, "factcheck": _bool, "attributed": _bool, "reported": _bool,
    "report_turn": _OPT_TURN, "monitored": _bool, "history": _list(_num())})
_SNAPSHOT = _record({"turn": _TURN, "indicators": _dict(_num()), "narratives": _dict(_num())})
_STATE_FIELDS: dict[str, Check] = {
    "version": _int(STATE_VERSION, STATE_VERSION), "scenario_id": _str,
    "seed": _int(-MAX_SEED, MAX_SEED), "turn": _TURN, "phase": _str,
    "indicators": _record({k: _num() for k in INDICATORS}),
    "narratives": _list(_NARRATIVE), "inoculation": _dict(_num(0.0, 1.0)),
    "flags": _list(_str), "fired": _dict(_TURN),
    "scheduled": _list(lambda v: _record_pair(v)), "crises": _dict(_TURN),
    "answers": _TEXTS, "answer_turns": _dict(_TURN), "missed": _list(_str),
    "planned": _list(_dict(_plain)), "budget": _int(0, 1000), "passed": _bool,
    "extra_actions": _int(0, 1000), "literacy_turn": _OPT_TURN,
    "posts": _list(_dict(_plain)), "counters": _list(_dict(_plain)),
    "feed": _list(_record({"turn": _TURN, "author": _str, "kind": _str, "likes": _int(),
                           "shares": _int(), "text": _opt(_TEXTS), "ref": _opt(_str),
                           "post": _opt(_TEXTS)})),
    "outcomes": _list(_record({"turn": _TURN, "source": _str, "ref": _dict(_plain),
                               "deltas": _dict(_num(-1e6, 1e6)),
                               "reach": _dict(_num(-1e6, 1e6)), "notes": _list(_str),
                               "concepts": _list(_str)})),
    "history": _list(_SNAPSHOT), "concepts": _list(_str),
    "turn_log": _list(_list(_dict(_plain))), "forced_ending": _opt(_str),
    "ending": _opt(_str), "score": _opt(_int(-MAX_INT, MAX_INT)), "rng": _rng,
    "badges": _list(_record({"technique": _str, "narrative": _str, "counter": _str,
                             "turn": _TURN})),
    "reach_before": _dict(_dict(_num())),
}
# Keys a state saved by an older version may lack, and what they then mean.
_OPTIONAL_FIELDS: dict[str, Any] = {"turn_log": [], "badges": [], "reach_before": {}}


def _phase(value: Any) -> None:
    if not isinstance(value, str) or value not in {p.value for p in NarrativePhase}:
        _fail("narrative phase expected", value)


def _record_pair(value: Any) -> None:
    """A scheduled event: ``[turn, event id]``."""
    if type(value) is not list or len(value) != 2:
        _fail("[turn, event] expected", value)
    _TURN(value[0])
    _str(value[1])


def check_state_data(data: Any) -> None:
    """Raise ValueError naming the first field of *data* (a state's JSON form) that is
    missing, of the wrong type, not finite or out of bounds.  ``turn_log``, ``badges`` and
    ``reach_before`` may be absent (states saved before they existed)."""
    if type(data) is not dict:
        _fail("state object expected", data)
    absent = {k: v for k, v in _OPTIONAL_FIELDS.items() if k not in data}
    data = {**data, **absent} if absent else data
    _record(_STATE_FIELDS)(data)
