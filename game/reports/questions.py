"""The pre/post reliability questions in a report: each rating, and the change that the
published studies of Bad News and Harmony Square measure.

Ratings run from 1 (not reliable at all) to 7 (very reliable).  Playing should lower the
ratings of unreliable headlines and keep those of reliable ones: *discernment* is the mean
rating of the reliable ones minus that of the unreliable ones, before and after.  Means
are taken over the questions answered both times, so a skipped answer changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from game.i18n import pick

if TYPE_CHECKING:
    from game.content.model import Scenario

SCALE = (1, 7)
Answers = Mapping[str, Mapping[str, int | None]]


def valid_rating(value: object) -> int | None:
    low, high = SCALE
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and low <= value <= high else None


def question_rows(s: Scenario, answers: Answers) -> list[dict[str, Any]]:
    pre, post = answers.get("pre", {}), answers.get("post", {})
    rows = []
    for q in s.questions:
        before, after = valid_rating(pre.get(q.id)), valid_rating(post.get(q.id))
        rows.append({"id": q.id, "text": pick(q.text), "source": pick(q.source),
                     "reliable": q.reliable, "before": before, "after": after,
                     "change": after - before if before is not None and after is not None
                     else None})
    return rows


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def group_means(rows: Sequence[Mapping[str, Any]], reliable: bool) -> dict[str, Any]:
    """Mean rating before and after of the (un)reliable questions answered both times."""
    pairs = [(r["before"], r["after"]) for r in rows if bool(r["reliable"]) is reliable
             and r["before"] is not None and r["after"] is not None]
    return {"n": len(pairs), "before": _mean([b for b, _ in pairs]),
            "after": _mean([a for _, a in pairs])}


def summarise(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Means per group and the discernment, from rows as :func:`question_rows` makes."""
    unreliable, reliable = group_means(rows, False), group_means(rows, True)
    discernment: dict[str, float | None] = {"before": None, "after": None}
    for when in discernment:
        if reliable[when] is not None and unreliable[when] is not None:
            discernment[when] = round(reliable[when] - unreliable[when], 2)
    return {"asked": len(rows),
            "answered_before": sum(r["before"] is not None for r in rows),
            "answered_after": sum(r["after"] is not None for r in rows),
            "unreliable": unreliable, "reliable": reliable, "discernment": discernment}


def question_summary(s: Scenario, answers: Answers) -> dict[str, Any]:
    return summarise(question_rows(s, answers))
