"""A folder of student reports read for the class summary: what was read, what was skipped
and why, and the figures per scenario (endings, scores, choices, ratings, concepts).

Student files are untrusted input: each one is checked field by field before it counts,
and anything wrong only puts the file on the "skipped" list, with the reason.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine.actions import post_words
from game.i18n import N_, _, get_language
from game.presentation import labels as ui_labels
from game.reports.content import REPORT_FORMAT, REPORT_VERSION
from game.reports.mastery import MARKS, POOR, WELL
from game.reports.questions import summarise, valid_rating
from game.reports.stats import mean_interval

MAX_REPORT_BYTES = 5 * 1024 * 1024  # a report is ~30 KB
MAX_DEPTH = 3  # sub-folders searched (one per student, as some platforms hand them in)

# Why a file was skipped (translated when shown).
REASONS = {
    "not_json": N_("not a JSON file"),
    "too_large": N_("too large to be a report"),
    "unreadable": N_("could not be read"),
    "empty": N_("empty file"),
    "bad_json": N_("damaged: not valid JSON"),
    "not_regular": N_("not an ordinary file (a pipe, a device)"),
    "foreign": N_("not a Hashtag Diplomacy report"),
    "version": N_("made by another version of the game"),
    "incomplete": N_("damaged or edited: a part of the report is missing or wrong"),
    "duplicate": N_("the same report as another file"),
}


@dataclass
class Skipped:
    path: Path
    code: str
    detail: str = ""

    @property
    def reason(self) -> str:
        return _(REASONS[self.code])


@dataclass
class ClassFolder:
    folder: Path
    reports: list[tuple[Path, dict[str, Any]]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def candidate_files(folder: Path) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if len(parts) > MAX_DEPTH + 1 or any(p.startswith(".") for p in parts):
            continue
        if not path.is_dir():  # a pipe or a device too: listed as skipped, never read
            yield path


def read_folder(folder: Path) -> ClassFolder:
    """Every report in *folder*; the HTML page beside each JSON report is not listed."""
    result = ClassFolder(folder)
    seen: dict[tuple[Any, ...], Path] = {}
    files = list(candidate_files(folder))
    json_stems = {p.with_suffix("") for p in files if p.suffix.lower() == ".json"}
    for path in files:
        if path.suffix.lower() != ".json":
            if not (path.suffix.lower() == ".html" and path.with_suffix("") in json_stems):
                result.skipped.append(Skipped(path, "not_json"))
            continue
        report, problem = read_report(path)
        if report is None:
            result.skipped.append(problem or Skipped(path, "foreign"))
            continue
        key = identity(report)
        if key in seen:
            result.skipped.append(Skipped(path, "duplicate", str(seen[key].name)))
            continue
        seen[key] = path
        result.reports.append((path, report))
    return result


def identity(report: dict[str, Any]) -> tuple[Any, ...]:
    player, game = report["player"], report["game"]
    return (player["name"], player["class"], report["scenario"]["id"], game["seed"],
            game["score"], report["generated"])


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a report holds")


def read_report(path: Path) -> tuple[dict[str, Any] | None, Skipped | None]:
    try:
        raw = _read(path)
    except _NotRegular:
        return None, Skipped(path, "not_regular")
    except _TooLarge:
        return None, Skipped(path, "too_large")
    except OSError as exc:
        return None, Skipped(path, "unreadable", str(exc.strerror or exc))
    if not raw.strip():
        return None, Skipped(path, "empty")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        return None, Skipped(path, "bad_json", _("too deeply nested"))
    except (UnicodeDecodeError, ValueError) as exc:  # NaN, Infinity, 5,000 digits too
        return None, Skipped(path, "bad_json", str(exc)[:120])
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        return None, Skipped(path, "foreign")
    if data.get("version") != REPORT_VERSION:
        return None, Skipped(path, "version", str(data.get("version"))[:20])
    try:
        problem = report_problem(data)
    except (RecursionError, TypeError, ValueError, KeyError, OverflowError) as exc:
        problem = type(exc).__name__
    if problem is not None:
        return None, Skipped(path, "incomplete", problem)
    return data, None


class _NotRegular(Exception):
    pass


class _TooLarge(Exception):
    pass


def _read(path: Path) -> bytes:
    """The bytes of a regular file, read only up to the size a report may have."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: a pipe does not wait for a writer
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular
        if info.st_size > MAX_REPORT_BYTES:
            raise _TooLarge
        raw = fh.read(MAX_REPORT_BYTES + 1)
    if len(raw) > MAX_REPORT_BYTES:
        raise _TooLarge
    return raw


# -- checking a report's shape ----------------------------------------------------------

# The range of every whole number the summary uses: a report holds small numbers, and
# 10**400 or 1e308 would stop the arithmetic of the averages and charts.
_INT_RANGES = {"score": (-1000, 1000), "turns_played": (0, 100_000), "seed": (-2**63, 2**64),
               "turn": (0, 100_000)}


def _is(value: Any, kind: Any) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _whole(value: Any, name: str) -> bool:
    low, high = _INT_RANGES[name]
    return _is(value, int) and low <= value <= high


def _fields(item: Any, spec: dict[str, Any]) -> bool:
    return isinstance(item, dict) and all(k in item and _is(item[k], kind)
                                          for k, kind in spec.items())


def report_problem(data: dict[str, Any]) -> str | None:
    """The first part of *data* the summary cannot use, or None."""
    checks: list[tuple[str, bool]] = [
        ("player", _fields(data.get("player"), {"name": str, "class": str})),
        ("scenario", _fields(data.get("scenario"), {"id": str, "title": str})),
        ("game", _fields(data.get("game"), {"seed": int, "turns_played": int})
         and _whole(data["game"]["seed"], "seed")
         and _whole(data["game"]["turns_played"], "turns_played")
         and (data["game"].get("score") is None or _whole(data["game"].get("score"), "score"))),
        ("generated", _is(data.get("generated"), str)),
        ("ending", data.get("ending") is None or _fields(
            data.get("ending"), {"id": str, "title": str, "tone": str})),
        ("crises", _is(data.get("crises"), list) and all(
            _fields(c, {"event": str, "title": str, "missed": bool}) for c in data["crises"])),
        ("concepts", _fields(data.get("concepts"), {"met": list, "missed": list}) and all(
            _fields(c, {"id": str, "title": str})
            for c in [*data["concepts"]["met"], *data["concepts"]["missed"]])
         and (data["concepts"].get("cards") is None or _is(data["concepts"]["cards"], list)
              and all(_fields(c, {"id": str, "title": str, "mark": str})
                      and c["mark"] in MARKS for c in data["concepts"]["cards"]))),
        ("questions", _is(data.get("questions"), list) and all(
            _fields(q, {"id": str, "text": str, "reliable": bool}) for q in data["questions"])),
        # Absent from reports made before badges existed.
        ("badges", all(_is(data.get(key, []), list) and all(
            _fields(b, {"technique": str, "name": str})
            # What earns a badge still to earn, absent from older reports.
            and all(_is(b.get(k, ""), str) for k in ("how", "left_alone"))
            for b in data.get(key, []))
            for key in ("badges", "badges_possible"))),
    ]
    return next((name for name, ok in checks if not ok), None)


# -- figures per scenario -----------------------------------------------------------------

def by_scenario(reports: list[tuple[Path, dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for _path, report in reports:
        groups.setdefault(report["scenario"]["id"], []).append(report)
    return groups


def preferred(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports in the reader's language first: their titles are the ones shown."""
    lang = get_language()
    return sorted(reports, key=lambda r: r.get("language") != lang)


def titles(reports: list[dict[str, Any]], pick: Any) -> dict[str, str]:
    """id -> title, from the first report (in the reader's language) that names it."""
    out: dict[str, str] = {}
    for report in preferred(reports):
        for ident, title in pick(report):
            out.setdefault(ident, title)
    return out


def endings(reports: list[dict[str, Any]]) -> list[tuple[str, str, str, int]]:
    """(ending id, title, tone, count), most frequent first; unfinished games count too."""
    counts = Counter(r["ending"]["id"] if r["ending"] else "" for r in reports)
    names = titles(reports, lambda r: [(r["ending"]["id"], r["ending"]["title"])]
                   if r["ending"] else [])
    tones = {r["ending"]["id"]: r["ending"]["tone"] for r in reports if r["ending"]}
    return [(ident, names.get(ident, _("not finished")), tones.get(ident, ""), n)
            for ident, n in counts.most_common()]


def scores(reports: list[dict[str, Any]]) -> list[int]:
    return sorted(r["game"]["score"] for r in reports if r["game"]["score"] is not None)


def choices(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per crisis: how many students met it, and their choices, most common first
    (an answer missed is a choice too: “no answer in time”)."""
    crisis_titles = titles(reports, lambda r: [(c["event"], c["title"]) for c in r["crises"]])
    labels = titles(reports, lambda r: [(f"{c['event']}/{c.get('choice')}",
                                         str(c.get("choice_label") or ""))
                                        for c in r["crises"] if c.get("choice")])
    tallies: dict[str, Counter[str]] = {}
    for report in reports:
        for crisis in report["crises"]:
            choice = crisis.get("choice") if isinstance(crisis.get("choice"), str) else None
            key = choice or ("" if crisis["missed"] else "(open)")
            tallies.setdefault(crisis["event"], Counter())[key] += 1
    out = []
    for event, tally in tallies.items():
        rows = [(choice, labels.get(f"{event}/{choice}", choice), n)
                for choice, n in tally.most_common()]
        out.append({"event": event, "title": crisis_titles.get(event, event),
                    "met": sum(tally.values()), "choices": rows})
    return out


def ratings(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Per item, the class's mean rating when it was rated before the game and when after
    (each student rates one form before and the other after), with how many rated it."""
    texts = titles(reports, lambda r: [(q["id"], q["text"]) for q in r["questions"]])
    given: dict[str, dict[str, list[int]]] = {}
    info: dict[str, tuple[bool, str]] = {}
    for report in reports:
        for q in report["questions"]:
            info.setdefault(q["id"], (bool(q["reliable"]), str(q.get("form") or "")))
            for column in ("before", "after"):
                value = valid_rating(q.get(column))
                if value is not None:
                    given.setdefault(q["id"], {}).setdefault(column, []).append(value)
    questions = []
    for ident, text in texts.items():
        ratings_ = given.get(ident, {})
        before, after = ratings_.get("before", []), ratings_.get("after", [])
        questions.append({"id": ident, "text": text, "reliable": info[ident][0],
                          "form": info[ident][1], "n_before": len(before),
                          "n_after": len(after),
                          "before": sum(before) / len(before) if before else None,
                          "after": sum(after) / len(after) if after else None})
    questions.sort(key=lambda q: (q["form"], not q["reliable"], q["id"]))
    return {"questions": questions, "discernment": discernment(reports)}


def student_change(report: dict[str, Any]) -> tuple[str, float] | None:
    """(form order, change in discernment) of one report, recomputed from its ratings
    (None when a form lacks a rated item of either kind)."""
    summary = summarise(report["questions"])
    change = summary["discernment"]["change"]
    if change is None:
        return None
    order = f"{summary['form_before'] or '?'} → {summary['form_after'] or '?'}"
    return order, change


def discernment(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The class's mean change in discernment with its 95 % interval and N, overall and
    per form order (A before B, B before A)."""
    changes = [c for c in map(student_change, reports) if c is not None]
    by_order: dict[str, list[float]] = {}
    for order, change in changes:
        by_order.setdefault(order, []).append(change)
    return {"overall": mean_interval([c for _order, c in changes]),
            "by_order": {order: mean_interval(values)
                         for order, values in sorted(by_order.items())},
            "changes": [{"order": o, "change": c} for o, c in changes]}


def mastery(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per concept card: how many students handled it well, poorly, or missed it; the
    cards the class handled poorly most often first (what the instructor discusses)."""
    names = titles(reports, lambda r: [(c["id"], c["title"])
                                       for c in r["concepts"].get("cards") or []])
    counts: dict[str, Counter[str]] = {}
    for report in reports:
        for card in report["concepts"].get("cards") or []:
            counts.setdefault(card["id"], Counter())[card["mark"]] += 1
    rows = [{"id": ident, "title": names.get(ident, ident), "well": tally[WELL],
             "poor": tally[POOR], "missed": tally["missed"], "n": sum(tally.values())}
            for ident, tally in counts.items()]
    return sorted(rows, key=lambda r: (-r["poor"], -r["missed"], r["well"]))


def concepts_missed(reports: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(concept id, title, number of students who did not meet it), most missed first."""
    names = titles(reports, lambda r: [(c["id"], c["title"]) for c in
                                       [*r["concepts"]["missed"], *r["concepts"]["met"]]])
    counts = Counter(c["id"] for r in reports for c in r["concepts"]["missed"])
    return [(ident, names.get(ident, ident), n) for ident, n in counts.most_common()]


# -- what students wrote -------------------------------------------------------------------

def own_posts(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every post a student wrote in their own words, with who wrote it (reports made
    before posts were listed have none; a malformed entry is left out).  The words come
    from an untrusted file: cleaned and bounded again here."""
    out = []
    for report in reports:
        entries = report.get("posts")
        if not isinstance(entries, list):
            continue
        for post in entries:
            if not (_fields(post, {"turn": int, "text": str, "own": bool, "language": str})
                    and post["own"] and _whole(post["turn"], "turn")):
                continue
            words = post_words(post["text"])
            if words:
                out.append({"name": report["player"]["name"],
                            "class": report["player"]["class"], "turn": post["turn"],
                            "text": words, "language": post["language"][:8]})
    return out


def draft_posts(reports: list[dict[str, Any]]) -> int:
    """How many posts used one of the scenario's drafts."""
    return sum(1 for report in reports if isinstance(report.get("posts"), list)
               for post in report["posts"] if isinstance(post, dict)
               and post.get("own") is False)


def badges(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per badge the scenario offers: how many students earned it (each student once),
    in the scenario's order; names in the reader's language where the game knows them."""
    names = titles(reports, lambda r: [(b["technique"], b["name"])
                                       for b in [*r.get("badges_possible", []),
                                                 *r.get("badges", [])]])
    earned = Counter(t for r in reports for t in {b["technique"] for b in r.get("badges", [])})
    offered = [r.get("badges_possible", []) for r in reports]
    order = list(dict.fromkeys([b["technique"] for group in offered for b in group]
                               + list(earned)))
    return [{"technique": t, "name": ui_labels.label(ui_labels.BADGES, t) if t in ui_labels.BADGES
             else names.get(t, t), "earned": earned[t],
             "n": sum(1 for r in reports if r.get("badges_possible") is not None)}
            for t in order]
