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
    """A feed card for the post being composed, then notes (palette colour per line)."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, post: PostView,
                 notes: list[tuple[str, str]], *, starting_height: int = 1) -> None:
        self.post = post
        self.notes = notes
        self.note_lines: list[tuple[str, str]] = []
        super().__init__(rect, manager, theme, starting_height=starting_height)

    def set_post(self, post: PostView, notes: list[tuple[str, str]]) -> None:
        self.post, self.notes = post, notes
        self.mark_dirty(relayout=True)

    @property
    def card_width(self) -> int:
        return self.rect.width - self.scrollbar_width

    def relayout(self) -> None:
        t = self.theme
        self.note_lines = [(line, colour) for text, colour in self.notes
                           for line in wrap(text, t.font("small"), self.card_width - 2 * t.pad)]
        self.content_height = (card_height(t, self.post, self.card_width)
                               + len(self.note_lines) * t.line("small") + t.pad)
        self.focusable = self.content_height > self.rect.height

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        t = self.theme
        card = render_card(t, self.post, self.card_width, self.post.likes, self.post.shares)
        surface.blit(card, (0, -top))
        y = card.get_height() + t.gap - top
        for line, colour in self.note_lines:
            surface.blit(t.font("small").render(line, True, t.colour(colour)), (t.pad, y))
            y += t.line("small")

    def texts(self) -> list[str]:
        return [self.post.name, self.post.handle, self.post.text, self.post.tag] + [
            text for text, _ in self.notes]
