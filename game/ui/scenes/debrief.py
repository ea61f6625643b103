"""The debrief summary: score, ending, indicators start→end, narratives, decisions, concepts.

Each section is a function of the game in ``SECTIONS``; the full debrief (charts, timeline,
replay, reports) will add sections rather than rewrite this screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.i18n import _, fmt_number, ngettext, pick
from game.ui import labels, viewmodel
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, page, text_view
from game.ui.scenes.ending import TONE_COLOURS
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.engine.game import Game

Section = Callable[["Game"], list[Block]]


def heading(text: str) -> Block:
    return Block(text, role="heading", bold=True, space_before=1.0)


def summary_section(game: Game) -> list[Block]:
    st, s = game.state, game.scenario
    ending = s.ending_by_id.get(st.ending or "")
    blocks = [Block(pick(s.meta.title), role="heading", bold=True)]
    if ending is not None:
        blocks.append(Block(_("Ending: {title} ({tone})").format(
            title=pick(ending.title), tone=labels.label(labels.ENDING_TONES, ending.tone)),
            bold=True, colour=TONE_COLOURS.get(str(ending.tone), "text")))
    if st.score is not None:
        blocks.append(Block(_("Score: {score} / 100").format(score=fmt_number(st.score)),
                            colour="accent", bold=True))
    turns = ngettext("{n} turn played", "{n} turns played", st.turn).format(n=st.turn)
    blocks.append(Block(_("{turns} · game number (seed) {seed}").format(
        turns=turns, seed=st.seed), role="small", colour="muted"))
    return blocks


def indicators_section(game: Game) -> list[Block]:
    history = game.state.history
    start = history[0]["indicators"] if history else {}
    blocks = [heading(_("Indicators, from the first day to the last"))]
    for key, end in game.state.indicators.items():
        begin = float(start.get(key, end))
        delta = end - begin
        good = (delta < 0) if key in labels.LOWER_IS_BETTER else (delta > 0)
        colour = "muted" if abs(delta) < 0.5 else "good" if good else "bad"
        blocks.append(Block(_("{indicator}: from {start} to {end} ({delta})").format(
            indicator=labels.indicator(key), start=fmt_number(begin), end=fmt_number(end),
            delta=labels.fmt_delta(delta, 0) if abs(delta) >= 0.5 else _("unchanged")),
            bullet=True, colour=colour))
    return blocks


def narratives_section(game: Game) -> list[Block]:
    s = game.scenario
    runs = game.live_narratives()
    if not runs:
        return []
    blocks = [heading(_("Disinformation narratives"))]
    for run in runs:
        narrative = s.narrative_by_id[run.id]
        blocks.append(Block(_("“{title}”: {phase}, final reach {reach}").format(
            title=pick(narrative.title), phase=labels.label(labels.NARRATIVE_PHASES, run.phase),
            reach=viewmodel.reach_text(run.weighted)), bold=True))
        if narrative.debrief is not None:
            blocks.append(Block(pick(narrative.debrief), colour="muted"))
    return blocks


def decisions_section(game: Game) -> list[Block]:
    st, s = game.state, game.scenario
    blocks = [heading(_("Your decisions")),
              Block(_("Posts: {posts} · crisis answers: {answers} · counter-measures: "
                      "{counters}").format(posts=len(st.posts), answers=len(st.answers),
                                           counters=len(st.counters)))]
    for event_id, choice_id in st.answers.items():
        event = s.event_by_id.get(event_id)
        if event is None or event.crisis is None:
            continue
        choice = next((c for c in event.crisis.choices if c.id == choice_id), None)
        blocks.append(Block(viewmodel.describe_action(
            game, {"kind": "answer", "event": event_id, "choice": choice_id}), bullet=True))
        if choice is not None and choice.debrief is not None:
            blocks.append(Block(pick(choice.debrief), colour="muted", indent=24))
    for event_id in st.missed:
        event = s.event_by_id.get(event_id)
        if event is not None:
            blocks.append(Block(_("No answer in time: “{title}”").format(
                title=viewmodel.crisis_title(event, game.scenario)), bullet=True, colour="bad"))
    return blocks


def concepts_section(game: Game) -> list[Block]:
    s = game.scenario
    cards = [s.concept_by_id[c] for c in game.state.concepts if c in s.concept_by_id]
    if not cards:
        return []
    blocks = [heading(_("Concepts you met"))]
    for card in cards:
        title = pick(card.title)
        if card.official_term is not None:
            title = _("{title} (official term: {term})").format(
                title=title, term=pick(card.official_term))
        blocks.append(Block(title, bold=True, space_before=0.5))
        blocks.append(Block(pick(card.text)))
        blocks.append(Block(_("Source: {document} — “{passage}”").format(
            document=card.source.document, passage=card.source.passage), role="small",
            colour="muted"))
    return blocks


SECTIONS: list[Section] = [summary_section, indicators_section, narratives_section,
                           decisions_section, concepts_section]


class DebriefScene(Scene):
    name = "debrief"
    default_focus = "debrief_text"

    def build(self) -> None:
        area = page(self, _("Debrief"))
        rest = button_row(self, [("back", _("Back"), self.app.pop, False),
                                 ("title_screen", _("Title screen"), self.to_title, False),
                                 ("play_again", _("Play again"), self.play_again, True)], area)
        blocks = [block for section in SECTIONS for block in section(self.game)]
        text_view(self, "debrief_text", rest, blocks)

    def play_again(self) -> None:
        entry = self.app.session.entry
        if entry is not None and entry.playable:
            self.app.session.new_game(entry)
            self.app.enter_game()

    def to_title(self) -> None:
        from game.ui.scenes.title import TitleScene

        self.app.session.end_game()
        self.app.show(TitleScene(self.app))

    def on_escape(self) -> None:
        self.app.pop()
