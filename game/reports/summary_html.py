"""The class summary page: for each scenario played, the endings, the scores, the most
common choice at each crisis, how the ratings changed and the concepts most often missed;
then the students, and the files that were skipped and why.

Everything shown comes from student files, which are untrusted: every text is escaped.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from game.i18n import _, fmt_number, fmt_percent, get_language, ngettext, semicolons
from game.reports import classroom
from game.reports.html import when
from game.reports.markup import e, h3, p, tag
from game.reports.stats import MIN_N
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
    title = _("Endings")  # outside the f-string: Babel extracts it on every Python
    return (f"{h3(title)}{stacked_bar(segments)}"
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
        others = semicolons(f"{e(named(other, other_label))} ({fmt_number(k)})"
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
        cells = []
        for column in ("before", "after"):
            value, n = q[column], q[f"n_{column}"]
            cells.append("<td class=num>—</td>" if value is None else
                         f"<td class=num>{fmt_number(value, 1)} "
                         f"<span class=muted>({fmt_number(n)})</span></td>")
        rows.append(f"<tr><td class=text>{e(q['text'])}</td><td>{e(verdict)}</td>"
                    f"<td>{e(q['form'] or '—')}</td>{''.join(cells)}</tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Headline or post"), _("In fact"),
                                                   _("Form"), _("Rated before (mean, N)"),
                                                   _("Rated after (mean, N)")))
    note = _("Ratings from 1 (not reliable at all) to 7 (very reliable). Each student rated "
             "one form before the game and the other after it; the game number decides "
             "which, so half the class starts with each form.")
    return (h3(_("Ratings before and after the game")) + f"<p class=note>{e(note)}</p>"
            + discernment_part(data["discernment"])
            + f"<table class=grid><tr>{head}</tr>{''.join(rows)}</table>")


def interval_text(stats: dict[str, Any]) -> str:
    """"+0.8 (95 % CI +0.3 to +1.3), N = 24", or what is missing for it."""
    n = stats["n"]
    if stats["mean"] is None:
        return _("no student rated both forms")
    mean = labels_delta(stats["mean"])
    if stats["low"] is None:
        return _("{mean}, N = {n} (too few for an interval)").format(mean=mean,
                                                                   n=fmt_number(n))
    return _("{mean} (95% confidence interval: {low} to {high}), N = {n}").format(
        mean=mean, low=labels_delta(stats["low"]), high=labels_delta(stats["high"]),
        n=fmt_number(n))


def labels_delta(value: float) -> str:
    return ("+" if value >= 0 else "−") + fmt_number(abs(value), 2)


def verdict_text(stats: dict[str, Any]) -> str:
    if not stats["enough"]:
        return _("Too few students to conclude anything: the change could be chance "
                 "(at least {n} are needed).").format(n=fmt_number(stats_min()))
    if not stats["conclusive"]:
        return _("The interval includes 0: this class's change could be chance.")
    if stats["mean"] > 0:
        return _("Discernment rose: the interval is above 0.")
    return _("Discernment fell: the interval is below 0.")


def stats_min() -> int:
    return MIN_N


def discernment_part(data: dict[str, Any]) -> str:
    overall = data["overall"]
    explain = _("Discernment is the mean rating of the reliable items minus that of the "
                "manipulative ones; its change is after minus before (higher is better).")
    everyone, students, change = _("All students"), _("Students"), _("Change in discernment")
    rows = [f"<tr><th scope=row>{e(everyone)}</th>"
            f"<td>{e(interval_text(overall))}</td></tr>"]
    for order, stats in data["by_order"].items():
        label = _("Form {order}").format(order=order)
        rows.append(f"<tr><th scope=row>{e(label)}</th><td>{e(interval_text(stats))}</td></tr>")
    head = f"<tr><th>{e(students)}</th><th>{e(change)}</th></tr>"
    return (f"<p>{e(explain)}</p><table class=grid>{head}{''.join(rows)}</table>"
            f"<p class=verdict-line><strong>{e(verdict_text(overall))}</strong></p>")


def mastery_part(reports: list[dict[str, Any]]) -> str:
    rows = classroom.mastery(reports)
    if not rows:
        return concepts_part(reports)  # reports made before the marks existed
    body = []
    for row in rows:
        body.append(f"<tr><td>{e(row['title'])}</td>"
                    f"<td class=\"num good\">{fmt_number(row['well'])}</td>"
                    f"<td class=\"num bad\">{fmt_number(row['poor'])}</td>"
                    f"<td class=num>{fmt_number(row['missed'])}</td></tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Concept"), _("Handled well"),
                                                   _("Handled poorly"), _("Missed")))
    note = _("Each card is marked by the student's decisions: the answer the lesson "
             "recommends or a fitting counter-measure is handled well; another answer, no "
             "answer in time, or a counter-measure that backfires or does little is handled "
             "poorly; no decision about it is missed. The concepts handled poorly most often "
             "come first: they are the ones to discuss.")
    return (h3(_("Mastery of each concept (students)")) + f"<p class=note>{e(note)}</p>"
            f"<table class=grid><tr>{head}</tr>{''.join(body)}</table>")


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


def badges_part(reports: list[dict[str, Any]]) -> str:
    rows = classroom.badges(reports)
    if not rows:
        return ""  # reports made before badges existed
    body = []
    for row in rows:
        count = ngettext("{n} student of {total}", "{n} students of {total}",
                         row["earned"]).format(n=fmt_number(row["earned"]),
                                               total=fmt_number(row["n"]))
        body.append(f"<tr><td>{e(row['name'])}</td><td class=num>{e(count)}</td></tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Badge"), _("Earned by")))
    note = _("A badge is earned by answering a narrative with the counter-measure that fits "
             "its technique: a badge few students earned is a technique to discuss.")
    return (h3(_("Badges earned by defending")) + f"<p class=note>{e(note)}</p>"
            f"<table class=grid><tr>{head}</tr>{''.join(body)}</table>")


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


def own_posts_part(reports: list[dict[str, Any]]) -> str:
    """What students wrote in their own words, by student, to discuss in class."""
    posts = classroom.own_posts(reports)
    drafts = classroom.draft_posts(reports)
    if not posts and not drafts:
        return ""  # reports made before posts were listed
    note = ngettext("{n} post used one of the scenario's drafts.",
                    "{n} posts used one of the scenario's drafts.", drafts).format(
        n=fmt_number(drafts))
    if not posts:
        return ("<details>" + tag("summary", _("What students wrote"))
                + p(_("No student wrote a post in their own words.") + " " + note)
                + "</details>")
    rows = []
    for post in sorted(posts, key=lambda x: (sort_key(x["class"]), sort_key(x["name"]),
                                             x["turn"])):
        lang = f' lang="{e(post["language"])}"' if post["language"] else ""
        rows.append(f"<tr><td>{e(post['name'] or '—')}</td><td>{e(post['class'] or '—')}</td>"
                    f"<td class=num>{fmt_number(post['turn'])}</td>"
                    f"<td{lang}>{e(post['text'])}</td></tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Name"), _("Class"), _("Turn"),
                                                   _("Their own words")))
    return ("<details open>" + tag("summary", _("What students wrote")) + p(note)
            + f"<table class=grid><tr>{head}</tr>{''.join(rows)}</table></details>")


def scenario_section(reports: list[dict[str, Any]]) -> str:
    title = classroom.preferred(reports)[0]["scenario"]["title"]
    count = ngettext("{n} report", "{n} reports", len(reports)).format(
        n=fmt_number(len(reports)))
    parts = [endings_part(reports), scores_part(reports), choices_part(reports),
             ratings_part(reports), mastery_part(reports), badges_part(reports),
             own_posts_part(reports),
             students_part(reports)]
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
