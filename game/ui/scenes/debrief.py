"""The debrief: ending, charts of every indicator and narrative, the decisions turn by turn,
the ratings before and after, the concepts met — and replay from a turn, export a report.

What it says comes from ``game.reports.content.build_report`` (the student report shows
the same); each section is a function of that report in ``SECTIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.i18n import _, fmt_number, ngettext
from game.presentation import labels
from game.reports.html import shown_values
from game.reports.html_parts import (
    card_title,
    concepts_note,
    discernment_sentence,
    mark_line,
    soft_power_note,
)
from game.ui.scenes import debrief_dialogs as dialogs
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, page, text_view
from game.ui.scenes.ending import TONE_COLOURS, reason_blocks
from game.ui.widgets.charts import ChartGrid, Series
from game.ui.widgets.textlayout import Block

Report = dict[str, Any]
Section = Callable[[Report], list[Block]]


def heading(text: str) -> Block:
    return Block(text, role="heading", bold=True, space_before=1.2)


def change_colour(delta: float, lower_is_better: bool = False) -> str:
    if abs(delta) < 0.5:
        return "muted"
    return "good" if (delta < 0) == lower_is_better else "bad"


def summary_section(report: Report) -> list[Block]:
    blocks = [Block(report["scenario"]["title"], role="heading", bold=True)]
    ending = report["ending"]
    if ending is not None:
        colour = TONE_COLOURS.get(ending["tone"], "text")
        blocks.append(Block(_("Ending: {title} ({tone})").format(
            title=ending["title"], tone=ending["tone_label"]), bold=True, colour=colour))
        blocks.append(Block(ending["text"]))
        if ending.get("reasons"):
            blocks += reason_blocks(ending["reasons"])
        if ending["explanation"]:
            blocks.append(Block(ending["explanation"], colour="muted"))
    score = report["game"]["score"]
    if score is not None:
        blocks.append(Block(_("Score: {score} / 100").format(score=fmt_number(score)),
                            colour="accent", bold=True, space_before=0.6))
    played = report["game"]["turns_played"]
    turns = ngettext("{n} turn played", "{n} turns played", played).format(n=played)
    blocks.append(Block(_("{turns} · game number (seed) {seed}").format(
        turns=turns, seed=report["game"]["seed"]), role="small", colour="muted"))
    return blocks


def indicators_section(report: Report) -> list[Block]:
    series = []
    for item in report["indicators"]:
        start, end = shown_values(item)
        delta = end - start  # of the values the gauges showed
        summary = _("from {start} to {end}").format(start=fmt_number(start),
                                                   end=fmt_number(end))
        if delta:
            summary = _("{summary} ({change})").format(summary=summary,
                                                       change=labels.fmt_delta(delta, 0))
        series.append(Series(item["name"], summary, [(t, v) for t, v in item["values"]],
                             summary_colour=change_colour(delta, item["lower_is_better"])))
    last = report["game"]["turns_played"]
    caption = _("Indicators, turn by turn")
    return [heading(caption),
            Block(_("Each chart shows one indicator from the start (turn 0) to the last turn, "
                    "on a scale of 0 to 100. For tension, lower is better."), colour="muted"),
            Block(soft_power_note(), colour="muted"),
            Block(caption, figure=ChartGrid(series, 0, last, caption), space_before=0.6)]


def narratives_section(report: Report) -> list[Block]:
    narratives = report["narratives"]
    if not narratives:
        return []
    series = [Series(n["title"], narrative_facts(n), [(t, v) for t, v in n["values"]],
                     colour="narrative") for n in narratives]
    caption = _("Disinformation narratives: their reach, turn by turn")
    first = min(n["launched_turn"] for n in narratives)
    blocks = [heading(caption),
              Block(caption, figure=ChartGrid(series, max(0, first - 1),
                                              report["game"]["turns_played"], caption))]
    for n in narratives:
        if n["explanation"]:
            blocks.append(Block(n["title"], bold=True, space_before=0.6))
            blocks.append(Block(n["explanation"], colour="muted"))
    return blocks


def narrative_facts(n: dict[str, Any]) -> str:
    return _("{technique} · {phase} · peak {peak}, at the end {final}").format(
        technique=n["technique_label"], phase=n["phase_label"],
        peak=n["peak_text"], final=n["final_text"])


def timeline_section(report: Report) -> list[Block]:
    entries = report["timeline"]
    blocks = [heading(_("Your decisions, turn by turn"))]
    if not entries:
        return [*blocks, Block(_("You took no action during this game."), colour="muted")]
    turn = None
    for entry in entries:
        if entry["turn"] != turn:
            turn = entry["turn"]
            blocks.append(Block(_("Turn {n}").format(n=turn), bold=True, colour="accent",
                                space_before=0.8))
        blocks += timeline_entry_blocks(entry)
    return blocks


def timeline_entry_blocks(entry: dict[str, Any]) -> list[Block]:
    missed = entry["kind"] in ("missed", "silence", "late")  # a cost of doing nothing
    blocks = [Block(entry["text"], bullet=True, bold=True, colour="bad" if missed else "text")]
    indent = 24
    if entry["result"]:
        blocks.append(Block(entry["result"], indent=indent))
    consequences = [entry["changes_text"], *entry["reach"]]
    for line in filter(None, consequences):
        blocks.append(Block(line, role="small", colour="muted", indent=indent))
    for note in entry["notes"]:
        blocks.append(Block(note["text"], role="small", indent=indent))
    if entry.get("why"):
        blocks.append(Block(entry["why"], role="small", indent=indent))
    for concept in entry["concepts"]:
        blocks.append(Block(_("Concept: {title}").format(title=concept["title"]), role="small",
                            colour="accent", indent=indent))
    if entry["explanation"]:
        blocks.append(Block(entry["explanation"], colour="muted", indent=indent))
    if entry.get("lesson"):
        blocks.append(Block(entry["lesson"], colour="accent", indent=indent))
    return blocks


def questions_section(report: Report) -> list[Block]:
    rows = report["questions"]
    if not rows or not any(r["before"] is not None or r["after"] is not None for r in rows):
        return []
    rated_before = any(r["before"] is not None for r in rows if r.get("when", "pre") == "pre")
    scale = _("From 1 (not reliable at all) to 7 (very reliable).")
    if rated_before:  # "different from those before": only if there were ratings before
        scale = _("From 1 (not reliable at all) to 7 (very reliable). The headlines after "
                  "the game were different from those before it, of the same kinds.")
    blocks = [heading(ratings_heading(rated_before)), Block(scale, colour="muted")]
    sentence = discernment_sentence(report["question_summary"])
    if sentence:
        blocks.append(Block(sentence, colour="accent", bold=True, space_before=0.6))
    for when, title in (("pre", _("Before the game")), ("post", _("After the game"))):
        chosen = [r for r in rows if r.get("when", "pre") == when]
        if chosen:
            blocks.append(Block(title, bold=True, space_before=0.8))
        for row in chosen:
            verdict = _("reliable") if row["reliable"] else _("not reliable")
            value = row["before"] if when == "pre" else row["after"]
            blocks.append(Block(row["text"], bullet=True, space_before=0.3))
            blocks.append(Block(_("In fact: {verdict} · your rating: {rating}").format(
                verdict=verdict, rating=rating_text(value)), role="small", colour="muted",
                indent=24))
    return blocks


def pending_questions_section(report: Report) -> list[Block]:
    """The ratings section while the questions after the game wait: which headlines were
    reliable is not shown before they are rated (it would give the answers away)."""
    if not report["questions"]:
        return []
    rated_before = any(r["before"] is not None for r in report["questions"]
                       if r.get("when", "pre") == "pre")
    return [heading(ratings_heading(rated_before)),
            Block(_("Rate the headlines after the game first: which ones were reliable, and "
                    "how your ratings changed, are shown here once you have rated them."),
                  colour="muted"),
            Block(_("The report can be exported once they are rated."), colour="muted")]


def ratings_heading(rated_before: bool) -> str:
    """"before and after" only when there are ratings from before the game (the student
    may have skipped them)."""
    if rated_before:
        return _("How reliable? Your ratings before and after")
    return _("How reliable? Your ratings after the game")


def rating_text(value: int | None) -> str:
    return fmt_number(value) if value is not None else "—"


MARK_COLOURS = {"well": "good", "poor": "bad", "missed": "muted"}


def concepts_section(report: Report) -> list[Block]:
    cards = report["concepts"].get("cards", [])
    if not cards:
        return []
    blocks = [heading(_("Concepts: how you handled them")),
              Block(concepts_note(), colour="muted")]
    for card in cards:
        blocks.append(Block(card_title(card), bold=True, space_before=0.8))
        blocks.append(Block(mark_line(card), bold=True,
                            colour=MARK_COLOURS.get(card["mark"], "text")))
        if card.get("why"):
            blocks.append(Block(card["why"], role="small", colour="muted"))
        blocks.append(Block(card["text"]))
        blocks.append(Block(card["source"]["line"], role="small", colour="muted"))
    return blocks


def badges_section(report: Report) -> list[Block]:
    """The badges collected: each with what earned it and why that counter fits; the ones
    still to earn (reports made before badges existed have none of this)."""
    earned, possible = report.get("badges", []), report.get("badges_possible", [])
    if not possible:
        return []
    blocks = [heading(_("Badges earned by defending")),
              Block(_("Earned: {n} of {total}").format(n=fmt_number(len(earned)),
                                                       total=fmt_number(len(possible))),
                    colour="muted")]
    for badge in earned:
        blocks += [Block(badge["name"], bold=True, colour="good", space_before=0.6),
                   Block(_("Turn {n}: {how}").format(n=fmt_number(badge["turn"]),
                                                     how=badge["how"]))]
        if badge["why"]:
            blocks.append(Block(badge["why"], role="small", colour="muted"))
    if not earned:
        blocks.append(Block(_("No badge this game: a badge is earned by answering a "
                              "narrative with the counter that fits its technique.")))
    have = {b["technique"] for b in earned}
    missing = [b for b in possible if b["technique"] not in have]
    if missing and all(b.get("how") for b in missing):
        blocks.append(Block(_("Still to earn"), bold=True, space_before=0.6))
        for badge in missing:
            blocks += [Block(badge["name"], bold=True, colour="muted", space_before=0.3),
                       Block(badge["how"])]
            if badge.get("left_alone"):
                blocks.append(Block(badge["left_alone"], colour="good"))
    elif missing:  # a report made before badges said how they are earned
        blocks.append(Block(_("Still to earn: {badges}.").format(
            badges=", ".join(b["name"] for b in missing)), colour="muted", space_before=0.6))
    return blocks


SECTIONS: list[Section] = [summary_section, badges_section, indicators_section,
                           narratives_section, timeline_section, questions_section,
                           concepts_section]


class DebriefScene(Scene):
    name = "debrief"
    default_focus = "debrief_text"

    def report(self) -> Report:
        return dialogs.game_report(self)

    def build(self) -> None:
        area = page(self, _("Debrief"))
        # The report holds which headlines were reliable: not before the ratings after.
        rest = button_row(self, self.buttons(), area,
                          disabled={"export"} if self.post_questions_due() else ())
        report = self.report()
        sections = SECTIONS
        if self.post_questions_due():
            sections = [pending_questions_section if section is questions_section else section
                        for section in SECTIONS]
        blocks = [block for section in sections for block in section(report)]
        text_view(self, "debrief_text", rest, blocks)

    def post_questions_due(self) -> bool:
        return self.app.session.questions_left("post")

    def buttons(self) -> list[tuple[str, str, Callable[[], None] | None, bool]]:
        due = self.post_questions_due()
        specs = [("back", _("Back"), self.app.pop, False),
                 ("title_screen", _("Title screen"), self.to_title, False),
                 ("replay", _("Replay from a turn…"), lambda: dialogs.open_replay(self), False),
                 ("play_again", _("Play again"), self.play_again, False)]
        if self.app.session.questions("post"):
            # "Change" only what was rated: every item skipped leaves nothing to change.
            change = not due and self.app.session.rated("post")
            text = _("Change my ratings") if change else _("Rate the headlines after the game")
            specs.append(("post_questions", text, self.questions, due))
        specs.append(("export", _("Export report…"), lambda: dialogs.open_export(self),
                      not due))
        return specs

    def questions(self) -> None:
        self.app.push(registry.questions(self.app, "post"))

    def play_again(self) -> None:
        entry = self.app.session.entry
        if entry is not None and entry.playable:
            self.app.session.new_game(entry, keep_answers=True)
            self.app.enter_game()

    def to_title(self) -> None:
        self.app.session.end_game()
        self.app.show(registry.title(self.app))

    def on_escape(self) -> None:
        self.app.pop()
