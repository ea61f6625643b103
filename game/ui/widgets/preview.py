"""The composer's live preview: the post as it will appear in the feed, and what to expect."""

from __future__ import annotations

from typing import Any

import pygame

from game.presentation.viewmodel import PostView
from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.feed import card_height, render_card
from game.ui.widgets.textlayout import wrap


class PostPreview(Canvas):
    """A feed card for the post being composed, then notes (palette colour per line).

    The notes (how well it will land, what it costs) are what the student decides on: when
    card and notes do not both fit, the notes stay pinned, whole, at the bottom and the
    card scrolls above them; only notes taller than the widget itself scroll with it (the
    pilot then reports them cut)."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, post: PostView,
                 notes: list[tuple[str, str]], *, starting_height: int = 1) -> None:
        self.post = post
        self.notes = notes
        self.note_lines: list[tuple[str, str]] = []
        self.pinned = 0  # the notes' height at the bottom when pinned there, else 0
        super().__init__(rect, manager, theme, starting_height=starting_height)

    def set_post(self, post: PostView, notes: list[tuple[str, str]]) -> None:
        self.post, self.notes = post, notes
        self.mark_dirty(relayout=True)

    @property
    def card_width(self) -> int:
        return self.rect.width - self.scrollbar_width

    @property
    def view_height(self) -> int:
        return self.rect.height - self.pinned

    def relayout(self) -> None:
        t = self.theme
        self.note_lines = [(line, colour) for text, colour in self.notes
                           for line in wrap(text, t.font("small"), self.card_width - 2 * t.pad)]
        notes = self.notes_height
        card = card_height(t, self.post, self.card_width)
        fits = card + notes <= self.rect.height
        # Pinned whenever they fit: the card gets the room left above them and scrolls
        # (with own words, the field above shows the text too).
        self.pinned = notes if not fits and notes <= self.rect.height else 0
        self.content_height = card if self.pinned else card + notes
        self.focusable = self.content_height > self.view_height

    @property
    def notes_height(self) -> int:
        """The notes under the card: a gap above them, a line each, a margin under."""
        t = self.theme
        return t.gap + len(self.note_lines) * t.line("small") + t.pad if self.note_lines else 0

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        t = self.theme
        card = render_card(t, self.post, self.card_width, self.post.likes, self.post.shares)
        surface.blit(card, (0, -top))
        y = card.get_height() + t.gap - top
        if self.pinned:
            y = self.rect.height - self.pinned
            band = pygame.Rect(0, y, self.rect.width, self.pinned)
            surface.fill(t.colour(self.background), band)
            pygame.draw.line(surface, t.colour("border"), band.topleft,
                             (self.card_width, band.top), 1)
            y += t.gap
        for line, colour in self.note_lines:
            surface.blit(t.font("small").render(line, True, t.colour(colour)), (t.pad, y))
            y += t.line("small")

    def text_cut(self) -> bool:
        """True when a note is not wholly in sight: the student would have to scroll to
        read what to expect."""
        return not self.pinned and self.content_height > self.rect.height

    def texts(self) -> list[str]:
        return [self.post.name, self.post.handle, self.post.text, self.post.tag] + [
            text for text, _ in self.notes]
