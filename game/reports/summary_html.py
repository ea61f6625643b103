"""The class summary page: for each scenario played, the endings, the scores, the most
common choice at each crisis, how the ratings changed and the concepts most often missed;
then the students, and the files that were skipped and why.

Everything shown comes from student files, which are untrusted: every text is escaped.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from game.i18n import _, fmt_number, fmt_percent, get_language, ngettext
from game.reports import classroom
from game.reports.markup import e, h3, p, tag
from game.reports.style import REPORT_CSS
from game.simulation.html_style import CSS, TONE_COLOURS, shade
from game.simulation.svg import Segment, histogram, stacked_bar

BINS = 10


def share(part: int, whole: int) -> str:
    return fmt_percent(part / whole) if whole else "—"


def endings_part(reports: list[dict[str, Any]]) -> str:
    rows = classroom.endings(reports)
    total = len(reports)
    used: dict[str, int] = {}
    segments, legend = [], []
    for _ident, title, tone, n in rows:
        base = next((c for t, c in TONE_COLOURS.items() if t.value == tone), "#8a95a3")
        colour = shade(base, used.get(tone, 0), 3)
        used[tone] = used.get(tone, 0) + 1
        segments.append(Segment(n / total, colour, e(share(n, total)),
                                e(_("{title}: {share}").format(title=title,
                                                               share=share(n, total)))))
        legend.append(f'<li><span class=swatch style="background:{colour}"></span>{e(title)} '
                      f"— {fmt_number(n)} ({e(share(n, total))})</li>")
    return (f"{h3(_('Endings'))}{stacked_bar(segments)}"
            f"<ul class=legend>{''.join(legend)}</ul>")


def scores_part(reports: list[dict[str, Any]]) -> str:
    scores = classroom.scores(reports)
    if not scores:
        return ""
    counts = [0] * BINS
    for score in scores:
        counts[min(max(score, 0) * BINS // 100, BINS - 1)] += 1
    labels = [f"{i * 10}–{i * 10 + 9 if i < BINS - 1 else 100}" for i in range(BINS)]
    mean = sum(scores) / len(scores)
    stats = _("mean {mean} · median {median} · from {low} to {high}").format(
        mean=fmt_number(mean, 1), median=scores[len(scores) // 2], low=scores[0],
        high=scores[-1])
    chart = histogram(counts, labels, "#3f6fb5", e(_("Scores")), width=420)
    return f"{h3(_('Scores'))}{p(stats)}{chart}"


def choices_part(reports: list[dict[str, Any]]) -> str:
    crises = classroom.choices(reports)
    if not crises:
        return ""
    def named(choice: str, label: str) -> str:
        if choice == "":
            return _("no answer in time")
        return _("not answered yet") if choice == "(open)" else label

    rows = []
    for crisis in crises:
        choice, label, n = crisis["choices"][0]
        label = named(choice, label)
        others = "; ".join(f"{e(named(other, other_label))} ({fmt_number(k)})"
                           for other, other_label, k in crisis["choices"][1:])
        rows.append(f"<tr><td>{e(crisis['title'])}</td><td><strong>{e(label)}</strong> "
                    f"({e(share(n, crisis['met']))})</td><td class=muted>{others or '—'}</td>"
                    f"</tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Crisis"), _("Most common choice"),
                                                   _("Other choices (students)")))
    return (h3(_("The most common choice at each crisis"))
            +
            f"<table class=\"grid crises\"><tr>{head}</tr>{''.join(rows)}</table>")


def ratings_part(reports: list[dict[str, Any]]) -> str:
    data = classroom.ratings(reports)
    if not data["questions"]:
        return ""
    rows = []
    for q in data["questions"]:
        verdict = _("reliable") if q["reliable"] else _("not reliable")
        before = fmt_number(q["before"], 1) if q["before"] is not None else "—"
        after = fmt_number(q["after"], 1) if q["after"] is not None else "—"
        rows.append(f"<tr><td class=text>{e(q['text'])}</td><td>{e(verdict)}</td>"
                    f"<td class=num>{before}</td><td class=num>{after}</td>"
                    f"<td class=num>{fmt_number(q['n'])}</td></tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Headline or post"), _("In fact"),
                                                   _("Before (mean)"), _("After (mean)"),
                                                   _("Students")))
    from game.reports.html_parts import summary

    note = _("Ratings from 1 (not reliable at all) to 7 (very reliable), counted for the "
             "students who answered both before and after the game.")
    return (h3(_("Ratings before and after the game")) + f"<p class=note>{e(note)}</p>"
            f"<table class=grid><tr>{head}</tr>{''.join(rows)}</table>"
            f"{summary(data['summary'])}")


def concepts_part(reports: list[dict[str, Any]]) -> str:
    missed = classroom.concepts_missed(reports)
    if not missed:
        return h3(_("Concepts missed")) + p(_("Every student met every concept."))
    total = len(reports)
    items = []
    for _ident, title, n in missed:
        count = ngettext("missed by {n} student of {total}", "missed by {n} students of {total}",
                         n).format(n=fmt_number(n), total=fmt_number(total))
        items.append(f"<li><strong>{e(title)}</strong> — {e(count)}</li>")
    return h3(_("Concepts most often missed")) + f"<ol>{''.join(items)}</ol>"


def sort_key(text: str) -> str:
    """Alphabetical as a class list is: “Léa” before “Lucas”."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def students_part(reports: list[dict[str, Any]]) -> str:
    # Each student's ending in the reader's language, whatever the report's language.
    names = {ident: title for ident, title, _tone, _n in classroom.endings(reports)}
    rows = []
    for r in sorted(reports, key=lambda r: (sort_key(r["player"]["class"]),
                                            sort_key(r["player"]["name"]))):
        ending = names.get(r["ending"]["id"], r["ending"]["title"]) if r["ending"] \
            else _("not finished")
        score = r["game"]["score"]
        rows.append(f"<tr><td>{e(r['player']['name'] or '—')}</td>"
                    f"<td>{e(r['player']['class'] or '—')}</td><td>{e(ending)}</td>"
                    f"<td class=num>{'—' if score is None else fmt_number(score)}</td></tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Name"), _("Class"), _("Ending"),
                                                   _("Score")))
    return ("<details open>" + tag("summary", _("Every student"))
            +
            f"<table class=grid><tr>{head}</tr>{''.join(rows)}</table></details>")


def scenario_section(reports: list[dict[str, Any]]) -> str:
    title = classroom.preferred(reports)[0]["scenario"]["title"]
    count = ngettext("{n} report", "{n} reports", len(reports)).format(
        n=fmt_number(len(reports)))
    parts = [endings_part(reports), scores_part(reports), choices_part(reports),
             ratings_part(reports), concepts_part(reports), students_part(reports)]
    return f"<section><h2>{e(title)} <span class=muted>· {e(count)}</span></h2>" \
           f"{''.join(parts)}</section>"


def skipped_part(data: classroom.ClassFolder) -> str:
    if not data.skipped:
        return ""
    items = "".join(
        f"<li><code>{e(s.path.relative_to(data.folder))}</code> — {e(s.reason)}"
        + (f" <span class=muted>({e(s.detail)})</span>" if s.detail else "") + "</li>"
        for s in data.skipped)
    title = ngettext("{n} file skipped", "{n} files skipped", len(data.skipped)).format(
        n=fmt_number(len(data.skipped)))
    return f"<section><h2>{e(title)}</h2><ul>{items}</ul></section>"


def page(data: classroom.ClassFolder, generated: str) -> str:
    from game.reports.html import when

    groups = classroom.by_scenario(data.reports)
    facts = ngettext("{n} student report", "{n} student reports", len(data.reports)).format(
        n=fmt_number(len(data.reports))) + " · " + when(generated)
    kicker = _("Class summary") + " — Hashtag Diplomacy"
    body = [f"<header>{p(kicker, 'kicker')}{tag('h1', data.folder.name or str(data.folder))}"
            f"{p(facts, 'facts')}</header>"]
    if not data.reports:
        body.append(p(_("No student report was found in this folder.")))
    if data.skipped:
        body.append(p(_("Some files were skipped: see the list at the end."), "note"))
    body += [scenario_section(reports) for reports in groups.values()]
    body.append(skipped_part(data))
    title = e(_("Class summary") + " — " + (data.folder.name or str(data.folder)))
    return (f'<!DOCTYPE html>\n<html lang="{get_language()}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title><style>{CSS}{REPORT_CSS}</style></head><body><main>"
            f"{''.join(body)}</main></body></html>\n")
