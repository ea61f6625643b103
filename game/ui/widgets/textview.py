"""A scrollable column of styled paragraphs (briefing, results, debrief, help)."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.textlayout import Block, Layout, draw_line, layout_blocks


class TextView(Canvas):
    """Paragraphs laid out once per width; only the visible lines are drawn."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, blocks: list[Block], *,
                 object_id: str | None = None, starting_height: int = 1,
                 background: str = "panel") -> None:
        self.blocks = blocks
        self.layout = Layout()
        super().__init__(rect, manager, theme, object_id=object_id,
                         starting_height=starting_height, background=background)

    @property
    def margin(self) -> int:
        return self.theme.pad

    def set_blocks(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.mark_dirty(relayout=True)

    def relayout(self) -> None:
        width = self.rect.width - 2 * self.margin - self.scrollbar_width
        self.layout = layout_blocks(self.blocks, self.theme, width)
        self.content_height = self.layout.height + 2 * self.margin
        # Only text that does not fit gets a scroll bar; the layout is redone narrower
        # only when needed, so short texts use the whole width.
        self.focusable = self.content_height > self.rect.height

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        bottom = top + self.rect.height
        for line in self.layout.lines:
            y = line.y + self.margin
            if y + (line.height or self.theme.line(line.role)) < top or y > bottom:
                continue
            draw_line(surface, line, self.theme, self.margin, self.margin - top)

    def texts(self) -> list[str]:
        out = []
        for block in self.blocks:
            out.extend(block.figure.texts() if block.figure is not None else [block.text])
        return out
