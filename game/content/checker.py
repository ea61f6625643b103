"""What the checker finds beyond the format: references, translations, reachability, paths.

Runs on a scenario that already validated; every finding points at the YAML node it is
about.  Reachability is a static over-approximation (a condition on gauges is assumed
possible), so "can never fire" is always true when reported; the simulator finds the
events that are possible but never happen in practice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content.controls import code_point, unsafe_in_name
from game.content.diagnostics import Diagnostic, Severity
from game.content.ending_thresholds import check_ending_thresholds
from game.content.findings import Findings
from game.content.model import MAX_DRAFT_CHARS, Scenario
from game.content.reachability import NEVER, Impossible, Reach
from game.content.teaching import check_teaching
from game.content.text import Text
from game.content.tree import entry_for, walk
from game.content.validation import Loc, suggest
from game.content.yaml_source import YamlDocument
from game.engine.registry import Call

ERROR, WARNING = Severity.ERROR, Severity.WARNING
MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def analyse(scenario: Scenario, doc: YamlDocument, display: str, folder: Path) -> list[Diagnostic]:
    """Every problem of meaning in a valid scenario."""
    report = Findings(doc, display)
    texts: list[tuple[Loc, Text]] = []
    calls: list[tuple[Loc, Call]] = []
    for loc, node in walk(scenario, leaves=False):  # one walk serves every analysis below
        if isinstance(node, Text):
            texts.append((loc, node))
        elif isinstance(node, Call):
            calls.append((loc, node))
    ids = _check_ids(scenario, report)
    _check_references(scenario, report, ids, calls)
    _check_translations(scenario, report, texts)
    _check_turns(scenario, report)
    _check_reachability(scenario, report, calls)
    _check_paths(scenario, report, folder)
    check_teaching(scenario, report, texts)
    check_ending_thresholds(scenario, report)
    return report.found


# -- ids ---------------------------------------------------------------------------------

_COLLECTIONS = {
    "audiences": "audience", "actors": "actor", "topics": "topic", "narratives": "narrative",
    "events": "event", "endings": "ending", "concepts": "concept", "questions": "question",
}


def _check_ids(scenario: Scenario, report: Findings) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for key, kind in _COLLECTIONS.items():
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(scenario, key)):
            if item.id in seen:
                first = report.doc.locate((key, seen[item.id], "id")).line
                report.add(ERROR, (key, i, "id"), "duplicate_id", kind=kind, id=item.id,
                           first_line=first)
            else:
                seen[item.id] = i
        ids[kind] = set(seen)
    ids["channel"] = {c.value for c in scenario.channel_ids}
    for i, event in enumerate(scenario.events):
        if event.crisis is None:
            continue
        seen_choices: set[str] = set()
        for j, choice in enumerate(event.crisis.choices):
            if choice.id in seen_choices:
                report.add(ERROR, ("events", i, "crisis", "choices", j, "id"),
                           "choice_id_duplicate", id=choice.id)
            seen_choices.add(choice.id)
    return ids


# -- references --------------------------------------------------------------------------

def _ref(report: Findings, ids: dict[str, set[str]], kind: str, value: str | None, loc: Loc,
         at: str = "value") -> None:
    if value is None or value in ids.get(kind, set()):
        return
    report.add(ERROR, loc, "unknown_ref", at, kind=kind, id=value,
               suggestion=suggest(value, ids.get(kind, set())))


def _check_references(scenario: Scenario, report: Findings, ids: dict[str, set[str]],
                      calls: list[tuple[Loc, Call]]) -> None:
    for i, narrative in enumerate(scenario.narratives):
        loc: Loc = ("narratives", i)
        _ref(report, ids, "actor", narrative.source, loc + ("source",))
        for audience in narrative.seed_reach:
            _ref(report, ids, "audience", audience, loc + ("seed_reach", audience), "key")
        for j, concept in enumerate(narrative.concepts):
            _ref(report, ids, "concept", concept, loc + ("concepts", j))
    for i, topic in enumerate(scenario.topics):
        _ref(report, ids, "narrative", topic.narrative, ("topics", i, "narrative"))
        _ref(report, ids, "event", topic.after_event, ("topics", i, "after_event"))
    for i, channel in enumerate(scenario.channels):
        for audience in channel.affinity:
            _ref(report, ids, "audience", audience, ("channels", i, "affinity", audience), "key")
    for i, event in enumerate(scenario.events):
        for j, post in enumerate(event.posts):
            _ref(report, ids, "actor", post.actor, ("events", i, "posts", j, "actor"))
        for j, concept in enumerate(event.concepts):
            _ref(report, ids, "concept", concept, ("events", i, "concepts", j))
        if event.crisis:
            for j, topic_id in enumerate(event.crisis.topics):
                _ref(report, ids, "topic", topic_id, ("events", i, "crisis", "topics", j))
            for j, choice in enumerate(event.crisis.choices):
                for k, concept in enumerate(choice.concepts):
                    _ref(report, ids, "concept", concept,
                         ("events", i, "crisis", "choices", j, "concepts", k))
    flags_set, flags_tested = _check_call_references(scenario, report, ids, calls)
    for i, narrative in enumerate(scenario.narratives):
        if narrative.evidence_flag:
            flags_tested.setdefault(narrative.evidence_flag, ("narratives", i, "evidence_flag"))
    for flag, loc in flags_tested.items():
        if flag not in flags_set:
            report.add(ERROR, loc, "flag_never_set", flag=flag,
                       suggestion=suggest(flag, flags_set))
    for flag, loc in flags_set.items():
        if flag not in flags_tested:
            report.add(WARNING, loc, "flag_never_tested", flag=flag)


def _check_call_references(scenario: Scenario, report: Findings, ids: dict[str, set[str]],
                           calls: list[tuple[Loc, Call]]) -> tuple[dict[str, Loc], dict[str, Loc]]:
    flags_set: dict[str, Loc] = {}
    flags_tested: dict[str, Loc] = {}
    for loc, call in calls:
        entry = entry_for(call.name)
        if entry.composite or call.name == "clear_flag":
            continue
        here = loc + (call.name,)
        for key, kind in entry.refs.items():
            value = call.args if key == "" else getattr(call.args, key, None)
            at_loc = here if key == "" else here + (key,)
            if value is None:
                continue
            if kind == "flag":
                target = flags_set if call.name == "set_flag" else flags_tested
                target.setdefault(value, at_loc)
            elif kind == "choice":
                event = scenario.event_by_id.get(getattr(call.args, "event", ""))
                choices = {c.id for c in event.crisis.choices} if event and event.crisis else set()
                if event is not None and value not in choices:
                    report.add(ERROR, at_loc, "unknown_choice", event=event.id, id=value,
                               suggestion=suggest(value, choices))
            else:
                _ref(report, ids, kind, value, at_loc)
    return flags_set, flags_tested


# -- translations ------------------------------------------------------------------------

def _check_translations(scenario: Scenario, report: Findings,
                        texts: list[tuple[Loc, Text]]) -> None:
    """Every text in every language the scenario declares (an error when missing), and in
    every language some of its texts use (a warning: a translation begun, not finished)."""
    declared = set(scenario.meta.languages)
    used = set().union(*(node.languages() for _loc, node in texts))
    wanted = sorted(declared | used)
    for loc, node in texts:
        present = node.languages()
        for lang in wanted:
            if lang in present:
                continue
            severity = ERROR if lang in declared else WARNING
            report.add(severity, loc, "missing_translation", missing=lang)


# -- turns -------------------------------------------------------------------------------

def _check_turns(scenario: Scenario, report: Findings) -> None:
    turns = scenario.meta.turns
    for i, event in enumerate(scenario.events):
        if event.turn is not None and event.turn > turns:
            report.add(ERROR, ("events", i, "turn"), "event_turn_out_of_range",
                       turn=event.turn, turns=turns)
    for i, narrative in enumerate(scenario.narratives):
        if narrative.start_turn is not None and narrative.start_turn > turns:
            report.add(ERROR, ("narratives", i, "start_turn"), "start_turn_out_of_range",
                       turn=narrative.start_turn, turns=turns)
    for i, topic in enumerate(scenario.topics):
        if topic.from_turn is not None and topic.from_turn > turns:
            report.add(ERROR, ("topics", i, "from_turn"), "from_turn_out_of_range",
                       turn=topic.from_turn, turns=turns)
        # A draft is a post: as long as a post may be, in every language it has.
        for j, draft in enumerate(topic.drafts):
            for lang in sorted(draft.languages()):
                if len(draft.get(lang) or "") > MAX_DRAFT_CHARS:
                    report.add(ERROR, ("topics", i, "drafts", j, lang), "text_too_long",
                               limit=MAX_DRAFT_CHARS)


# -- reachability ------------------------------------------------------------------------

def _unreachable(report: Findings, code: str, base: Loc, item_id: str,
                 found: Impossible | None, window: tuple[int, int]) -> None:
    """Report at the impossible part of the condition, with why it can never hold."""
    if found is None:
        report.add(WARNING, base + ("id",), code, id=item_id, reason="reason_condition")
        return
    report.add(WARNING, base + ("when",) + found.loc, code, "key", id=item_id,
               reason=found.reason, window=list(window), **found.params)


def _check_reachability(scenario: Scenario, report: Findings,
                        calls: list[tuple[Loc, Call]]) -> None:
    reach = Reach(scenario)
    turns = scenario.meta.turns
    scheduled_somewhere = {call.args if call.name == "follow_up" else call.args.event
                           for _, call in calls if call.name in ("follow_up", "schedule_event")}
    for i, event in enumerate(scenario.events):
        if reach.events[event.id] < NEVER or (event.turn is not None and event.turn > turns):
            continue
        windows = reach.windows(event)
        if event.when is not None and windows:
            lo, hi = windows[0]
            _unreachable(report, "event_unreachable", ("events", i), event.id,
                         reach.impossible(event.when, (), lo, hi), (lo, hi))
            continue
        triggered = event.turn is not None or event.when is not None
        reason = ("reason_scheduled_never" if event.id in scheduled_somewhere and not triggered
                  else "reason_condition" if triggered else "reason_no_trigger")
        report.add(WARNING, ("events", i, "id"), "event_unreachable", id=event.id,
                   reason=reason)
    for i, narrative in enumerate(scenario.narratives):
        if narrative.id not in reach.narratives and (
                narrative.start_turn is None or narrative.start_turn <= turns):
            report.add(WARNING, ("narratives", i, "id"), "narrative_never_launched",
                       id=narrative.id)
    default_seen = False
    for i, ending in enumerate(scenario.endings):
        forced = ending.id in reach.forced_endings
        # Early endings are tested after every turn, the others after the last one.
        window = (1, turns) if ending.early else (turns, turns)
        if default_seen and not ending.early and not forced:
            report.add(WARNING, ("endings", i, "id"), "ending_unreachable", id=ending.id,
                       reason="reason_after_default")
        elif ending.when is not None and not forced:
            found = reach.impossible(ending.when, (), *window)
            if found is not None:
                _unreachable(report, "ending_unreachable", ("endings", i), ending.id, found,
                             window)
        if ending.when is None and not ending.early:
            default_seen = True
    if not default_seen:
        report.add(ERROR, ("endings",), "no_default_ending", at="key")


# -- paths -------------------------------------------------------------------------------

def check_asset_path(folder: Path, value: str) -> tuple[str, dict[str, Any]] | None:
    """Why an asset path written in a scenario is refused, or None when it is safe."""
    odd = unsafe_in_name(value)
    if odd is not None:  # a right-to-left override makes "gnp.exe" read as "exe.png"
        return "path_bad_character", {"path": value, "char": code_point(odd)}
    raw = value.replace("\\", "/")
    if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":") or Path(value).is_absolute():
        return "path_absolute", {"path": value}
    if ".." in raw.split("/"):
        return "path_escapes", {"path": value}
    base = folder.resolve()
    target = (folder / raw)
    try:
        resolved = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return "path_missing", {"path": value}
    if not resolved.is_relative_to(base):
        return "path_escapes", {"path": value}
    if not resolved.is_file():
        return "path_missing", {"path": value}
    size = resolved.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return "path_too_large", {"path": value, "size": size, "limit": MAX_IMAGE_BYTES}
    with resolved.open("rb") as fh:
        head = fh.read(8)
    if not any(head.startswith(magic) for magic in IMAGE_MAGIC):
        return "path_not_image", {"path": value}
    return None


def _check_paths(scenario: Scenario, report: Findings, folder: Path) -> None:
    for i, actor in enumerate(scenario.actors):
        if actor.avatar:
            _path(report, folder, actor.avatar, ("actors", i, "avatar"))
    for i, event in enumerate(scenario.events):
        for j, post in enumerate(event.posts):
            if post.image:
                _path(report, folder, post.image, ("events", i, "posts", j, "image"))


def _path(report: Findings, folder: Path, value: str, loc: Loc) -> None:
    problem = check_asset_path(folder, value)
    if problem is not None:
        code, params = problem
        report.add(ERROR, loc, code, **params)
