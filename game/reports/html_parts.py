"""The last parts of the student report page: reliability ratings, concept cards, footer."""

from __future__ import annotations

from typing import Any

from game.i18n import _, fmt_number, ngettext, semicolons
from game.reports.markup import e, h2, p

Report = dict[str, Any]


def rating(value: int | None) -> str:
    return fmt_number(value) if value is not None else "—"


def questions(report: Report) -> str:
    rows = report["questions"]
    if not rows:
        return ""
    head = "".join(f"<th>{e(c)}</th>" for c in (_("Headline or post"), _("In fact"),
                                                   _("Rating")))
    parts = []
    for when, title in (("pre", _("Before the game")), ("post", _("After the game"))):
        body = []
        for row in (r for r in rows if r.get("when", "pre") == when):
            source = f"<br><span class=muted>{e(row['source'])}</span>" if row["source"] else ""
            verdict = _("reliable") if row["reliable"] else _("not reliable")
            value = row["before"] if when == "pre" else row["after"]
            body.append(f"<tr><td class=text>{e(row['text'])}{source}</td><td>{e(verdict)}</td>"
                        f"<td class=num>{rating(value)}</td></tr>")
        if body:
            form = next((r.get("form") for r in rows if r.get("when") == when), "")
            label = _("{when} (form {form})").format(when=title, form=form) if form else title
            parts.append(f"<h3>{e(label)}</h3><table class=grid><tr>{head}</tr>"
                         f"{''.join(body)}</table>")
    scale = _("Each headline was rated from 1 (not reliable at all) to 7 (very reliable): "
              "one set before the game, a different but parallel set after it. The published "
              "studies of the games Bad News and Harmony Square measured what players learned "
              "this way.")
    title = _("How reliable? Ratings before and after the game")
    return (f"<section>{h2(title)}<p class=note>{e(scale)}</p>"
            f"{summary(report['question_summary'])}{''.join(parts)}</section>")


def summary(data: dict[str, Any]) -> str:
    if not data["answered_after"]:
        return p(_("The questions after the game were not answered."), "skipped")
    if not data["answered_before"]:
        return p(_("The questions before the game were not answered."), "skipped")
    lines = []
    for key, text in (("unreliable", _("Manipulative items: {before} on average before, "
                                       "{after} after (lower is better).")),
                      ("reliable", _("Reliable items: {before} on average before, "
                                     "{after} after (higher is better)."))):
        group = data[key]
        if group["before"] is not None and group["after"] is not None:
            lines.append(text.format(before=fmt_number(group["before"], 1),
                                     after=fmt_number(group["after"], 1)))
    line = discernment_sentence(data)
    if line:
        lines.append(line)
    return "".join(f"<p>{e(line)}</p>" for line in lines)


def discernment_sentence(data: dict[str, Any]) -> str:
    """The student's discernment before and after, in one sentence that says what it is."""
    gap = data["discernment"]
    if gap["before"] is None or gap["after"] is None:
        return ""
    # Ratings run from 1 to 7, so the gap of the means runs from -6 to 6.
    return _("Discernment (how much higher you rated the reliable items than the "
             "manipulative ones): {before} before the game, {after} after, on a scale "
             "from {low} to {high} (higher is better).").format(
        before=fmt_number(gap["before"], 1), after=fmt_number(gap["after"], 1),
        low=fmt_number(-6), high=fmt_number(6))


def card_title(card: dict[str, Any]) -> str:
    term = card["official_term"]
    if term and term.casefold() not in card["title"].casefold():  # "Hypertrucage (deepfake)"
        return _("{title} (official term: {term})").format(title=card["title"],
                                                           term=card["official_term"])
    return str(card["title"])


def mark_line(card: dict[str, Any]) -> str:
    """"Handled well — turn 3: Report the fake accounts …", or why it is missed."""
    if card["mark"] == "missed":
        return _("{mark}: {reason}").format(mark=card["mark_label"],
                                            reason=card.get("missed_reason", ""))
    line = _("{mark} — turn {turn}: {decision}").format(
        mark=card["mark_label"], turn=card["turn"], decision=card["decision"])
    well, poor = card.get("well", 0), card.get("poor", 0)
    if well and poor:  # a mixed record: the decision quoted is not the whole story
        tally = _("your decisions about it: {well}, {poor}").format(
            well=ngettext("{n} handled well", "{n} handled well", well).format(n=well),
            poor=ngettext("{n} handled poorly", "{n} handled poorly", poor).format(n=poor))
        line = _("{line} ({tally})").format(line=line, tally=tally)
    return line


MARK_CLASS = {"well": "good", "poor": "bad", "missed": "muted"}


def concepts_note() -> str:
    """How the concept cards are marked (reports/mastery.py), above the cards in the report
    and on the debrief screen."""
    return _("Each concept is marked by your decisions: handled well (the answer the lesson "
             "recommends, a counter-measure that fits, a practice done well: monitoring a "
             "narrative before it spreads for early warning, a post to a foreign public for "
             "public diplomacy), handled poorly (another answer, no answer in time, a "
             "counter-measure that backfires or does little, a practice done badly: "
             "monitoring too late, a confrontational post), or missed (no decision of yours "
             "about it: reading a message is not enough).")


def concepts(report: Report) -> str:
    data = report["concepts"]
    cards = []
    for card in data.get("cards", []):
        why = f"<p class=muted>{e(card['why'])}</p>" if card.get("why") else ""
        cls = MARK_CLASS.get(card["mark"], "")
        cards.append(f"<div class=\"card {e(card['mark'])}\"><h3>{e(card_title(card))}</h3>"
                     f"<p class=\"mark {cls}\"><strong>{e(mark_line(card))}</strong></p>{why}"
                     f"<p>{e(card['text'])}</p><cite>{e(card['source']['line'])}</cite></div>")
    if not cards:
        cards.append(p(_("This scenario has no concept card.")))
    return (f"<section>{h2(_('Concepts: how you handled them'))}"
            f"<p class=note>{e(concepts_note())}</p>"
            f"{''.join(cards)}</section>")


def soft_power_note() -> str:
    return _("Soft power is a country's power to attract and persuade rather than to "
             "coerce: its culture, its values and how it is seen abroad.")


def footer(report: Report) -> str:
    details = report["scenario"].get("source_details") or []
    sources = semicolons(d["citation"] for d in details) or ", ".join(report["scenario"]["sources"])
    text = _("Made with Hashtag Diplomacy {version}, offline: nothing was sent anywhere. "
             "Scenario “{id}”, version {scenario_version}; source documents: {sources}.").format(
        version=report["app_version"], id=report["scenario"]["id"],
        scenario_version=report["scenario"]["version"], sources=sources)
    return f"<footer>{e(text)}</footer>"
