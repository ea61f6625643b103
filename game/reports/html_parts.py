"""The last parts of the student report page: reliability ratings, concept cards, footer."""

from __future__ import annotations

from typing import Any

from game.i18n import _, fmt_number
from game.reports.markup import e, h2, p
from game.ui import labels

Report = dict[str, Any]


def rating(value: int | None) -> str:
    return fmt_number(value) if value is not None else "—"


def change_cell(row: dict[str, Any]) -> str:
    change = row["change"]
    if change is None:
        return "<td class=num>—</td>"
    good = (change < 0) != bool(row["reliable"])
    cls = "" if change == 0 else (" good" if good else " bad")
    text = f"{'+' if change > 0 else ''}{fmt_number(change)}"
    return f'<td class="num{cls}">{e(text)}</td>'


def questions(report: Report) -> str:
    rows = report["questions"]
    if not rows:
        return ""
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Headline or post"), _("In fact"),
                                                   _("Before"), _("After"), _("Change")))
    body = []
    for row in rows:
        source = f"<br><span class=muted>{e(row['source'])}</span>" if row["source"] else ""
        verdict = _("reliable") if row["reliable"] else _("not reliable")
        body.append(f"<tr><td class=text>{e(row['text'])}{source}</td><td>{e(verdict)}</td>"
                    f"<td class=num>{rating(row['before'])}</td>"
                    f"<td class=num>{rating(row['after'])}</td>{change_cell(row)}</tr>")
    scale = _("Each headline was rated from 1 (not reliable at all) to 7 (very reliable), "
              "before the game and after it. The published studies of the games Bad News and "
              "Harmony Square measured what players learned this way.")
    title = _("How reliable? Ratings before and after the game")
    return (f"<section>{h2(title)}<p class=note>{e(scale)}</p><table class=grid>"
            f"<tr>{head}</tr>{''.join(body)}</table>{summary(report['question_summary'])}"
            "</section>")


def summary(data: dict[str, Any]) -> str:
    if not data["answered_after"]:
        return p(_("The questions after the game were not answered."), "skipped")
    if not data["answered_before"]:
        return p(_("The questions before the game were not answered."), "skipped")
    lines = []
    for key, text in (("unreliable", _("Unreliable headlines: {before} on average before, "
                                       "{after} after (lower is better).")),
                      ("reliable", _("Reliable headlines: {before} on average before, "
                                     "{after} after (higher is better)."))):
        group = data[key]
        if group["n"]:
            lines.append(text.format(before=fmt_number(group["before"], 1),
                                     after=fmt_number(group["after"], 1)))
    gap = data["discernment"]
    if gap["before"] is not None and gap["after"] is not None:
        lines.append(_("Discernment (reliable minus unreliable): {before} before, {after} "
                       "after (higher is better).").format(before=fmt_number(gap["before"], 1),
                                                          after=fmt_number(gap["after"], 1)))
    return "".join(f"<p>{e(line)}</p>" for line in lines)


def concepts(report: Report) -> str:
    data = report["concepts"]
    cards = []
    for card in data["met"]:
        title = card["title"]
        if card["official_term"]:
            title = _("{title} (official term: {term})").format(title=title,
                                                                term=card["official_term"])
        source = _("Source: {document} — “{passage}”").format(
            document=card["source"]["document"],
            passage=labels.nested(card["source"]["passage"]))
        cards.append(f"<div class=card><h3>{e(title)}</h3><p>{e(card['text'])}</p>"
                     f"<cite>{e(source)}</cite></div>")
    if not cards:
        cards.append(p(_("No concept card was met in this game.")))
    missed = ""
    if data["missed"]:
        names = ", ".join(c["title"] for c in data["missed"])
        missed = p(_("Not met this time: {names}").format(names=names), "muted")
    return f"<section>{h2(_('Concepts you met'))}{''.join(cards)}{missed}</section>"


def footer(report: Report) -> str:
    sources = ", ".join(report["scenario"]["sources"])
    text = _("Made with Hashtag Diplomacy {version}, offline: nothing was sent anywhere. "
             "Scenario “{id}”, version {scenario_version}; source documents: {sources}.").format(
        version=report["app_version"], id=report["scenario"]["id"],
        scenario_version=report["scenario"]["version"], sources=sources)
    return f"<footer>{e(text)}</footer>"
