"""The student report as one self-contained HTML page: inline CSS and SVG, no script, no
external resource, in the language the report was made in, ready to print.

It is drawn from the report data (``game.reports.content``), so it says what the JSON
file and the debrief screen say.  Every text that came from a scenario or a player is
HTML-escaped: scenario files are untrusted, and so is what a student types.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from game.i18n import _, fmt_datetime, fmt_number, ngettext
from game.presentation import labels
from game.reports.html_parts import concepts, footer, questions, soft_power_note
from game.reports.markup import e, h2, h3, p, tag
from game.reports.style import REPORT_CSS, TONE_CLASS
from game.reports.svg import line_chart
from game.simulation.html_style import CSS

INDICATOR_COLOUR, NARRATIVE_COLOUR = "#3f6fb5", "#c62828"
Report = dict[str, Any]


def when(iso: str) -> str:
    try:
        return fmt_datetime(datetime.fromisoformat(iso))
    except ValueError:
        return iso


def header(report: Report) -> str:
    player, scenario, game = report["player"], report["scenario"], report["game"]
    who = " · ".join(e(part) for part in (player["name"], player["class"]) if part)
    who = who or e(_("(no name given)"))
    played = ngettext("{n} turn played", "{n} turns played", game["turns_played"]).format(
        n=game["turns_played"])
    facts = " · ".join([played, _("game number (seed) {seed}").format(seed=game["seed"]),
                        when(report["generated"])])
    kicker = _("Student report") + " — Hashtag Diplomacy"
    return (f"<header>{p(kicker, 'kicker')}{tag('h1', scenario['title'])}"
            f"<p class=who>{who}</p>{p(facts, 'facts')}</header>")


def ending(report: Report) -> str:
    end, score = report["ending"], report["game"]["score"]
    if end is None:
        title = _("The game is not over")  # outside the f-string: Babel < 3.12 misses it
        return f"<section class=\"verdict\">{h2(title)}</section>"
    parts = [f"<h2>{e(end['title'])} <span class=\"tone {e(end['tone'])}\">"
             f"{e(end['tone_label'])}</span></h2>", f"<p>{e(end['text'])}</p>"]
    parts.append(reasons(end.get("reasons")))
    if end["explanation"]:
        parts.append(f"<p class=muted>{e(end['explanation'])}</p>")
    if score is not None:
        parts.append(p(_("Score: {score} / 100").format(score=score), "score"))
    tone = TONE_CLASS.get(end["tone"], "")
    return f"<section class=\"verdict {tone}\">{''.join(parts)}</section>"


def reasons(data: dict[str, Any] | None) -> str:
    """Which of the ending's conditions held in this game, and what kept out each better
    ending (absent from reports made before they were told)."""
    if not data:
        return ""
    out = []
    if data["held"]:
        out.append(p(_("In this game:")) + "<ul>" + "".join(
            f"<li>{e(r['text'])}</li>" for r in data["held"]) + "</ul>")
    for missed in data["missed"]:
        title = _("What kept you from “{title}”:").format(title=labels.nested(missed["title"]))
        out.append(p(title) + "<ul>" + "".join(
            f"<li>{e(r['text'])}</li>" for r in missed["lines"]) + "</ul>")
    return "".join(out)


def shown_values(item: dict[str, Any]) -> tuple[int, int]:
    """An indicator's start and end as the gauges showed them (reports made before these
    were kept: the one-decimal values, rounded)."""
    if "start_shown" in item and "end_shown" in item:
        return int(item["start_shown"]), int(item["end_shown"])
    return labels.whole(item["start"]), labels.whole(item["end"])


def indicators(report: Report) -> str:
    last = report["game"]["turns_played"]
    cards, rows = [], []
    for item in report["indicators"]:
        start, end = shown_values(item)
        delta = end - start  # of the values the gauges showed
        change = labels.fmt_delta(delta, 0) if delta else _("unchanged")
        summary = _("from {start} to {end}").format(start=fmt_number(start),
                                                   end=fmt_number(end))
        chart = line_chart([(t, v) for t, v in item["values"]], 0, last, INDICATOR_COLOUR,
                           e(item["name"]))
        cards.append(f"<figure><figcaption><strong>{e(item['name'])}</strong><br>"
                     f"{e(summary)} ({e(change)})</figcaption>{chart}</figure>")
        rows.append(f"<tr><th scope=row>{e(item['name'])}</th><td class=num>"
                    f"{fmt_number(start)}</td><td class=num>{fmt_number(end)}"
                    f"</td><td class=num>{e(change)}</td></tr>")
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Indicator"), _("Start"), _("End"),
                                                   _("Change")))
    note = _("Each chart shows one indicator from the start (turn 0) to the last turn, on a "
             "scale of 0 to 100. For tension, lower is better.")
    title = _("Indicators, turn by turn")
    note = f"{note} {soft_power_note()}"
    return (f"<section>{h2(title)}<p class=note>{e(note)}</p>"
            f"<div class=cards>{''.join(cards)}</div><table class=grid><tr>{head}</tr>"
            f"{''.join(rows)}</table></section>")


def narratives(report: Report) -> str:
    items = report["narratives"]
    if not items:
        return ""
    last = report["game"]["turns_played"]
    first = max(0, min(n["launched_turn"] for n in items) - 1)
    cards, texts = [], []
    for n in items:
        facts = _("{technique} · {phase} · peak {peak}, at the end {final}").format(
            technique=n["technique_label"], phase=n["phase_label"],
            peak=n["peak_text"], final=n["final_text"])
        chart = line_chart([(t, v) for t, v in n["values"]], first, last, NARRATIVE_COLOUR,
                           e(n["title"]))
        cards.append(f"<figure><figcaption><strong>{e(n['title'])}</strong><br>{e(facts)}"
                     f"</figcaption>{chart}</figure>")
        texts.append(f"<h3>{e(n['title'])}</h3><blockquote>{e(n['claim'])}</blockquote>"
                     + (f"<p>{e(n['explanation'])}</p>" if n["explanation"] else ""))
    title = _("Disinformation narratives: their reach, turn by turn")
    return (f"<section><h2>{e(title)}</h2><div class=cards>{''.join(cards)}</div>"
            f"{''.join(texts)}</section>")


def badges(report: Report) -> str:
    """The badges earned by defending: each with the counter that earned it and why it
    fits (absent from reports made before badges existed)."""
    earned, possible = report.get("badges", []), report.get("badges_possible", [])
    if not possible:
        return ""
    title = h2(_("Badges earned by defending"))
    count = _("Earned: {n} of {total}").format(n=fmt_number(len(earned)),
                                               total=fmt_number(len(possible)))
    items = "".join(
        f"<li><strong>{e(b['name'])}</strong> — {e(b['how'])}"
        + (f"<p class=muted>{e(b['why'])}</p>" if b["why"] else "") + "</li>"
        for b in earned)
    body = f"<ul>{items}</ul>" if earned else p(_(
        "No badge this game: a badge is earned by answering a narrative with the counter "
        "that fits its technique."))
    missing = [b for b in possible if b["technique"] not in {x["technique"] for x in earned}]
    if missing and all(b.get("how") for b in missing):
        rest = h3(_("Still to earn")) + "<ul>" + "".join(
            f"<li><strong>{e(b['name'])}</strong><br>{e(b['how'])}"
            + (f"<p class=good>{e(b['left_alone'])}</p>" if b.get("left_alone") else "")
            + "</li>" for b in missing) + "</ul>"
    elif missing:  # a report made before badges said how they are earned
        rest = p(_("Still to earn: {badges}.").format(
            badges=", ".join(b["name"] for b in missing)), "muted")
    else:
        rest = ""
    return f"<section class=badges>{title}{p(count)}{body}{rest}</section>"


def timeline(report: Report) -> str:
    entries = report["timeline"]
    title = h2(_("Your decisions, turn by turn"))
    if not entries:
        return f"<section>{title}{p(_('You took no action during this game.'))}</section>"
    turns: dict[int, list[str]] = {}
    for entry in entries:
        turns.setdefault(entry["turn"], []).append(timeline_item(entry))
    body = "".join(h3(_("Turn {n}").format(n=turn)) + f"<ul class=timeline>{''.join(items)}</ul>"
                   for turn, items in turns.items())
    return f"<section>{title}{body}</section>"


def timeline_item(entry: dict[str, Any]) -> str:
    cls = {"missed": " class=missed", "silence": " class=penalty",
           "late": " class=penalty"}.get(entry["kind"], "")
    parts = [f"<strong>{e(entry['text'])}</strong>"]
    if entry["result"]:
        parts.append(f"<p>{e(entry['result'])}</p>")
    consequences = [entry["changes_text"], *entry["reach"]]
    parts += [f"<p class=muted>{e(line)}</p>" for line in consequences if line]
    if entry["notes"]:
        parts.append("<ul>" + "".join(f"<li>{e(n['text'])}</li>" for n in entry["notes"])
                     + "</ul>")
    if entry.get("why"):
        parts.append(f"<p>{e(entry['why'])}</p>")
    for concept in entry["concepts"]:
        parts.append(p(_("Concept: {title}").format(title=concept["title"]), "concept"))
    if entry["explanation"]:
        parts.append(f"<p class=muted>{e(entry['explanation'])}</p>")
    if entry.get("lesson"):
        parts.append(p(entry["lesson"], "concept"))
    return f"<li{cls}>{''.join(parts)}</li>"


def posts(report: Report) -> str:
    """Each post's words, marked as the student's own or a draft they chose (reports made
    before posts were listed have none: no section)."""
    entries = report.get("posts") or []
    if not entries:
        return ""
    items = []
    for post in entries:
        where = _("Turn {n} · {platform}, audience: {audience} · {tone}").format(
            n=fmt_number(post["turn"]), platform=post["platform"], audience=post["audience"],
            tone=post["tone"])
        whose = _("your own words") if post["own"] else _("a draft you chose")
        lang = f' lang="{e(post["language"])}"' if post["language"] else ""
        items.append(f"<li><p class=muted>{e(where)} — {e(whose)}</p>"
                     f"<blockquote{lang}>{e(post['text'])}</blockquote></li>")
    own = sum(1 for post in entries if post["own"])
    count = ngettext("{n} of your posts is in your own words.",
                     "{n} of your posts are in your own words.", own).format(
        n=fmt_number(own))
    title = h2(_("What you posted"))
    return (f"<section>{title}{p(count)}"
            f"<ul class=posts>{''.join(items)}</ul></section>")


def page(report: Report) -> str:
    """The whole report page."""


    body = "".join([header(report), ending(report), badges(report), indicators(report),
                    narratives(report), timeline(report), posts(report), questions(report),
                    concepts(report),
                    footer(report)])
    title = _("Student report") + " — " + report["scenario"]["title"]
    name = report["player"]["name"]
    if name:
        title += f" — {name}"
    return (f'<!DOCTYPE html>\n<html lang="{e(report["language"])}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)}</title><style>{CSS}{REPORT_CSS}</style></head><body><main>"
            f"{body}</main></body></html>\n")
