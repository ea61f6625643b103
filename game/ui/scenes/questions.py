"""The reliability questions: before the briefing and after the debrief, the student rates
how reliable each headline or post is, from 1 to 7 (keys 1-7, arrows, or the mouse).

An introduction says why, then one question per page: the headline, its source, seven
buttons and the meaning of both ends of the scale.  The items before and after the game
are two parallel forms (``game.reports.forms``).  Every rating is kept in the session (and
the save) as it is given, so a student who quits half-way goes on from the next unrated
item.  After the last rating after the game, a page shows the discernment before and after
(when some headlines were rated before the game: else there is nothing to compare).
"""

from __future__ import annotations

from typing import Any

import pygame

from game.i18n import _, fmt_number, pick
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, page, text_view
from game.ui.widgets.textlayout import Block, layout_blocks

SCALE = range(1, 8)


class QuestionsScene(Scene):
    """*when* is ``"pre"`` (before the briefing) or ``"post"`` (after the debrief)."""

    name = "questions"

    def __init__(self, app: Any, when: str) -> None:
        super().__init__(app)
        self.when = when
        previous = app.session.answers.get(when, {})
        self.ratings: dict[str, int | None] = dict(previous)
        self.index = self.resume_index()  # -1: the introduction; len(questions): results

    @property
    def questions(self) -> list[Any]:
        return self.app.session.questions(self.when)

    def resume_index(self) -> int:
        """The first item not answered of a form begun; the introduction for a form not
        begun or done ("Change my ratings" starts over, the ratings shown)."""
        ids = [q.id for q in self.questions]
        return next((n for n, i in enumerate(ids) if i not in self.ratings), -1) \
            if any(i in self.ratings for i in ids) else -1

    @property
    def default_focus(self) -> str:  # type: ignore[override]
        if self.index < 0:
            return "questions_start"
        if self.index >= len(self.questions):
            return "questions_done"
        return "question_next" if self.current_rating() is not None else "rating_4"

    def current_rating(self) -> int | None:
        if not 0 <= self.index < len(self.questions):
            return None
        return self.ratings.get(self.questions[self.index].id)

    # -- building ----------------------------------------------------------------------

    def build(self) -> None:
        title = _("Before you play") if self.when == "pre" else _("After the game")
        area = page(self, title)
        if self.index < 0:
            self.build_intro(area)
        elif self.index >= len(self.questions):
            self.build_result(area)
        else:
            self.build_question(area)

    def build_intro(self, area: pygame.Rect) -> None:
        n = len(self.questions)
        rest = button_row(self, [("questions_skip", _("Skip the questions"), self.skip_all,
                                  False),
                                 ("questions_start", _("Begin"), self.start, True)], area)
        if self.when == "pre":
            why = _("Before the game, how reliable do these {n} headlines or posts look to "
                    "you? After the game you will rate other headlines of the same kinds, "
                    "to see what changed.")
        elif self.app.session.rated("pre"):
            why = _("{n} other headlines or posts, of the same kinds as before the game: how "
                    "reliable do they look to you now?")
        else:  # the questions before the game were skipped: nothing to compare them with
            why = _("Now that you have played, how reliable do these {n} headlines or posts "
                    "look to you?")
        text_view(self, "questions_intro", rest, [
            Block(_("How reliable is it?"), role="heading", bold=True),
            Block(why.format(n=fmt_number(n))),
            Block(_("Rate each one from 1 (not reliable at all) to 7 (very reliable), with "
                    "the keys 1 to 7 or the mouse. There is no wrong answer: it is not a "
                    "test, and it does not change your score."), space_before=0.6),
        ])

    def build_question(self, area: pygame.Rect) -> None:
        t = self.theme
        last = self.index == len(self.questions) - 1
        specs = [("question_back", _("Previous"), self.previous, False),
                 ("question_skip", _("Skip"), self.skip, False),
                 ("question_next", _("Finish") if last else _("Next"), self.next,
                  self.current_rating() is not None)]
        rest = button_row(self, specs, area)
        if self.current_rating() is None:
            self.widgets["question_next"].disable()
        scale_h = t.button_height + 2 * t.line("small") + 2 * t.gap
        # The headline as a card of reading width with the scale right under it, the pair a
        # little above the middle (not a line at the top of an empty page).
        width = min(rest.width, round(760 * t.base / 16))
        blocks = self.question_blocks()
        scrollbar = max(6, t.pad) + 6
        wanted = layout_blocks(blocks, t, width - 2 * t.pad - scrollbar).height + 2 * t.pad
        text_h = min(wanted, max(0, rest.height - scale_h - t.gap))
        top = rest.y + max(0, (rest.height - text_h - t.gap - scale_h) // 3)
        text = pygame.Rect(0, top, width, text_h)
        text.centerx = rest.centerx
        text_view(self, "question_text", text, blocks, background="card")
        self.build_scale(pygame.Rect(rest.x, text.bottom + t.gap, rest.width, scale_h))

    def build_result(self, area: pygame.Rect) -> None:
        """Right after the last rating: the discernment before and after, explained."""
        # The reports' text: only after the last rating, not when the questions open.
        from game.reports.html_parts import discernment_sentence
        from game.reports.questions import question_summary

        game = self.app.session.game
        rest = button_row(self, [("questions_done", _("Back to the debrief"), self.app.pop,
                                  True)], area)
        summary = question_summary(game.scenario, self.app.session.answers, game.state.seed)
        sentence = discernment_sentence(summary) or _(
            "Not enough headlines were rated before and after the game to compare.")
        text_view(self, "questions_result", rest, [
            Block(_("What changed"), role="heading", bold=True),
            Block(sentence, space_before=0.6),
            Block(_("A higher number after the game means you told reliable headlines from "
                    "manipulative ones better. Your debrief and your report list every "
                    "rating."), colour="muted", space_before=0.6)])

    def question_blocks(self) -> list[Block]:
        q = self.questions[self.index]
        count = _("Question {n} of {total}").format(n=fmt_number(self.index + 1),
                                                     total=fmt_number(len(self.questions)))
        blocks = [Block(count, role="small", colour="muted"),
                  Block(pick(q.text), role="title", bold=True, space_before=0.6)]
        if q.source is not None:
            blocks.append(Block(_("Source: {source}").format(source=pick(q.source)),
                                colour="muted"))
        blocks.append(Block(_("How reliable is it?"), space_before=0.8))
        return blocks

    def build_scale(self, rect: pygame.Rect) -> None:
        """Seven buttons in a row (arrows move along them) and the meaning of each end."""
        t = self.theme
        size = min(t.button_height * 2, (rect.width - 6 * t.gap) // 7)
        row = pygame.Rect(0, rect.y, 7 * size + 6 * t.gap, t.button_height)
        row.centerx = rect.centerx
        chosen = self.current_rating()
        for value in SCALE:  # the chosen value is filled, as a selected option should be
            box = pygame.Rect(row.x + (value - 1) * (size + t.gap), row.y, size, row.height)
            self.button(f"rating_{value}", fmt_number(value), box, self.rater(value),
                        group="rating", object_id="#primary" if value == chosen else None)
        low, high = _("1 = not reliable at all"), _("7 = very reliable")
        widths = [t.text_width(text, "small") + 16 for text in (low, high)]
        # Under the ends of the scale when both fit there, else across the whole width.
        span = row if sum(widths) + t.gap <= row.width else rect
        y = row.bottom + t.gap
        half = span.width // 2 - t.gap
        self.label("scale_low", low, pygame.Rect(span.x, y, min(half, widths[0]),
                                                 t.line("small") * 2),
                   style="#muted", role="small")
        high_w = min(half, widths[1])
        self.label("scale_high", high, pygame.Rect(span.right - high_w, y, high_w,
                                                   t.line("small") * 2),
                   style="#muted", role="small")

    # -- answering ---------------------------------------------------------------------

    def rater(self, value: int) -> Any:
        return lambda: self.rate(value)

    def rate(self, value: int) -> None:
        self.keep(self.questions[self.index].id, value)
        self.rebuild()
        self.focus.focus("question_next")

    def keep(self, item: str, value: int | None) -> None:
        """A rating (or a skip) is kept at once, and saved: quitting loses nothing."""
        self.ratings[item] = value
        self.app.session.answers.setdefault(self.when, {})[item] = value
        self.app.autosave()

    def on_number(self, n: int) -> bool:
        if 0 <= self.index < len(self.questions) and n in SCALE:
            self.later(lambda: self.rate(n))
            return True
        return False

    def start(self) -> None:
        self.index = 0
        self.rebuild()

    def next(self) -> None:
        if self.index >= len(self.questions) - 1:
            self.finish()
            return
        self.index += 1
        self.rebuild()

    def previous(self) -> None:
        self.index -= 1
        self.rebuild()

    def skip(self) -> None:
        self.keep(self.questions[self.index].id, None)
        self.next()

    def skip_all(self) -> None:
        self.ratings = {q.id: None for q in self.questions}
        self.finish(show_result=False)

    def finish(self, show_result: bool = True) -> None:
        session = self.app.session
        session.answers[self.when] = {q.id: self.ratings.get(q.id) for q in self.questions}
        self.app.autosave()
        if self.when == "pre":
            self.app.enter_game()
        elif show_result and session.rated("pre"):  # else nothing to compare: the debrief
            self.index = len(self.questions)
            self.rebuild()
        else:
            self.app.pop()

    def on_escape(self) -> None:
        if self.index >= len(self.questions):
            self.app.pop()
        elif self.index >= 0:
            self.previous()
        elif self.when == "post":
            self.app.pop()
        else:  # before the briefing: back to the title, as from the briefing
            self.app.session.end_game()
            self.app.show(registry.title(self.app))
