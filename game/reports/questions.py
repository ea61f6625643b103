"""The before/after reliability ratings in a report: each rating with its item, form and
place, and the change in *discernment* that the published studies of Bad News and Harmony
Square measure.

Ratings run from 1 (not reliable at all) to 7 (very reliable).  The items rated before
the game and those rated after are two different, parallel forms (``game.reports.forms``):
*discernment* is, on one form, the mean rating of its reliable items minus that of its
manipulative ones; its change is discernment after minus discernment before.  A skipped
item counts for nothing; a form needs at least one rated item of each kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from game.i18n import pick
from game.reports import forms

if TYPE_CHECKING:
    from game.content.model import Scenario

SCALE = (1, 7)
WHEN = ("pre", "post")
Answers = Mapping[str, Mapping[str, int | None]]


def valid_rating(value: object) -> int | None:
    low, high = SCALE
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and low <= value <= high else None


def question_rows(s: Scenario, answers: Answers, seed: int = 0) -> list[dict[str, Any]]:
    """One row per item shown, the form before then the form after, each in the order
    the student saw them (``order`` from 1): what a researcher needs to redo the analysis.
    ``before`` / ``after`` hold the rating in the column of the time it was given."""
    rows, own = [], {q.id for q in s.questions}
    for when in WHEN:
        form, items = forms.items_for(s, seed, when, answers)
        given = answers.get(when, {})
        for place, q in enumerate(items, start=1):
            rating = valid_rating(given.get(q.id))
            rows.append({"id": q.id, "text": pick(q.text), "source": pick(q.source),
                         "reliable": bool(q.reliable),
                         "technique": str(q.technique) if q.technique else None,
                         "origin": "scenario" if q.id in own else "bank",
                         "form": form, "when": when, "order": place, "rating": rating,
                         "before": rating if when == "pre" else None,
                         "after": rating if when == "post" else None, "change": None})
    return rows


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _rated(rows: Sequence[Mapping[str, Any]], column: str, reliable: bool) -> list[int]:
    out = []
    for r in rows:
        value = valid_rating(r.get(column))
        if value is not None and bool(r.get("reliable")) is reliable:
            out.append(value)
    return out


def group_means(rows: Sequence[Mapping[str, Any]], reliable: bool) -> dict[str, Any]:
    """Mean rating before and after of the reliable (or manipulative) items rated."""
    before, after = _rated(rows, "before", reliable), _rated(rows, "after", reliable)
    return {"n_before": len(before), "n_after": len(after), "n": min(len(before), len(after)),
            "before": _mean(before), "after": _mean(after)}


def summarise(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Means per kind, the discernment before and after, and its change, from rows as
    :func:`question_rows` makes (older reports, whose rows hold both ratings of one item,
    read the same way)."""
    unreliable, reliable = group_means(rows, False), group_means(rows, True)
    discernment: dict[str, float | None] = {"before": None, "after": None, "change": None}
    for when in ("before", "after"):
        if reliable[when] is not None and unreliable[when] is not None:
            discernment[when] = round(reliable[when] - unreliable[when], 2)
    if discernment["before"] is not None and discernment["after"] is not None:
        discernment["change"] = round(discernment["after"] - discernment["before"], 2)
    forms_seen = {r.get("when"): r.get("form") for r in rows if r.get("form")}
    return {"asked": len(rows),
            "answered_before": sum(valid_rating(r.get("before")) is not None for r in rows),
            "answered_after": sum(valid_rating(r.get("after")) is not None for r in rows),
            "form_before": forms_seen.get("pre", ""), "form_after": forms_seen.get("post", ""),
            "unreliable": unreliable, "reliable": reliable, "discernment": discernment}


def question_summary(s: Scenario, answers: Answers, seed: int = 0) -> dict[str, Any]:
    return summarise(question_rows(s, answers, seed))
