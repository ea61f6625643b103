"""A text field of a few lines that wraps what is typed (a post of up to 280 characters):
the whole text stays in view while the student writes, instead of scrolling sideways.

Editing, pasting and ``TEXTINPUT`` (accents, dead keys, input methods) are the one-line
field's; only the layout, the drawing and where a click puts the caret differ.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.widgets.textentry import TextEntry


def wrap_spans(text: str, fits: Any) -> list[tuple[int, int]]:
    """The lines of *text* as ``(start, end)`` indexes: words kept whole where they fit
    (*fits(s)*: whether string *s* fits in a line), a word longer than a line cut."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = start
        last_break = -1
        while end < len(text) and fits(text[start:end + 1]):
            end += 1
            if text[end - 1] == " ":
                last_break = end
        if end < len(text) and last_break > start:
            end = last_break  # break after the last space that fits
        end = max(end, start + 1)  # at least one character per line
        spans.append((start, end))
        start = end
    return spans or [(0, 0)]


class TextBox(TextEntry):
    """A wrapped, multi-line :class:`TextEntry`."""

    def _spans(self) -> list[tuple[int, int]]:
        font = self.theme.font("body")
        room = self.rect.width - 2 * self.theme.pad - 4
        return wrap_spans(self.text, lambda s: font.size(s.rstrip(" "))[0] <= room)

    def _caret_line(self, spans: list[tuple[int, int]]) -> int:
        for n, (start, end) in enumerate(spans):
            if start <= self.caret < end or (self.caret == end and n == len(spans) - 1):
                return n
        return len(spans) - 1

    def _caret_at(self, x: int, y: int | None = None) -> None:
        t = self.theme
        font = t.font("body")
        spans = self._spans()
        line = 0 if y is None else (y - t.pad + self._scroll_y()) // t.line("body")
        start, end = spans[max(0, min(len(spans) - 1, line))]
        x -= t.pad
        self.caret = next((i for i in range(start, end + 1)
                           if font.size(self.text[start:i])[0] >= x), end)
        self.mark_dirty()

    def process_event(self, event: pygame.event.Event) -> bool:
        if (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
                and self.hover_point(*event.pos)):
            if self.on_focus is not None:
                self.on_focus(self)
            self._caret_at(event.pos[0] - self.rect.x, event.pos[1] - self.rect.y)
            return True
        return super().process_event(event)

    def _scroll_y(self) -> int:
        """Pixels the lines are scrolled up so that the caret's line is in view."""
        t = self.theme
        shown = max(1, (self.rect.height - 2 * t.pad) // t.line("body"))
        return max(0, self._caret_line(self._spans()) - shown + 1) * t.line("body")

    def redraw(self) -> None:
        t = self.theme
        surface = self._field()
        font = t.font("body")
        step = t.line("body")
        top = t.pad - self._scroll_y()
        spans = self._spans()
        if self.text:
            for n, (start, end) in enumerate(spans):
                y = top + n * step
                if -step < y < self.rect.height:
                    line = self.text[start:end].rstrip(" ")
                    surface.blit(font.render(line, True, t.colour("text")), (t.pad, y))
        elif self.placeholder:
            room = self.rect.width - 2 * t.pad - 4
            for n, (start, end) in enumerate(wrap_spans(
                    self.placeholder, lambda s: font.size(s.rstrip(" "))[0] <= room)):
                line = self.placeholder[start:end].rstrip(" ")
                surface.blit(font.render(line, True, t.colour("text_disabled")),
                             (t.pad, top + n * step))
        if self.has_focus:
            n = self._caret_line(spans)
            start = spans[n][0]
            x = t.pad + font.size(self.text[start:self.caret])[0]
            y = top + n * step
            pygame.draw.line(surface, t.colour("text"), (x, y + 2), (x, y + step - 2), 2)
        self.show_drawn(surface)
        self._dirty = False
