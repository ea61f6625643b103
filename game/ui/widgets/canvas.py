"""A pygame_gui element we draw ourselves: scrollable, focusable, redrawn only when dirty."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.core import UIElement

from game.ui.theme import Theme

DOUBLE_CLICK_MS = 400
SCROLL_KEYS = {pygame.K_UP: -1, pygame.K_DOWN: 1}  # in lines of body text
PAGE_KEYS = {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1}  # a page, less one line kept in view


class Canvas(UIElement):
    """Base of the custom widgets (feed, gauges, text, lists).

    Keeps pygame_gui's contract — ``process_event`` says whether it consumed the event,
    ``update(dt)`` — and adds ``handle_key`` for the focus ring.  The surface is rebuilt
    only when :meth:`mark_dirty` was called, so a still screen costs nothing to update.
    """

    focusable = True
    more_text = ""  # said at the bottom while there is more to scroll to ("" for nothing)

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, *,
                 object_id: str | None = None, starting_height: int = 1,
                 background: str = "panel") -> None:
        super().__init__(rect, manager, None, starting_height=starting_height,
                         layer_thickness=1, object_id=object_id, element_id=["canvas"])
        self.theme = theme
        self.background = background
        self.scroll = 0
        self.content_height = 0
        self.has_focus = False
        self._dirty = True
        self._dragging = False
        self._last_click = -DOUBLE_CLICK_MS
        self.relayout()
        self.redraw()

    # -- to override ------------------------------------------------------------------

    def relayout(self) -> None:
        """Compute ``content_height`` (and any cached layout) for the current width."""

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        """Draw what is visible when the content is scrolled by *top* pixels."""

    def on_click(self, x: int, y: int, double: bool) -> bool:
        """A click at content coordinates; return True if it did something."""
        return False

    def texts(self) -> list[str]:
        """What the widget shows, as text (for the pilot and tests)."""
        return []

    def text_cut(self) -> bool:
        """True when something the reader must see at once is out of sight (the pilot's
        check of cut texts); scrolling text is not cut."""
        return False

    # -- drawing --------------------------------------------------------------------------

    @property
    def view_height(self) -> int:
        return self.rect.height

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_height - self.view_height)

    def mark_dirty(self, relayout: bool = False) -> None:
        if relayout:
            self.relayout()
            self.scroll = min(self.scroll, self.max_scroll)
        self._dirty = True

    @property
    def dirty_pending(self) -> bool:
        return self._dirty

    def update(self, time_delta: float) -> None:
        super().update(time_delta)
        if self._dirty and self.alive():
            self.redraw()

    def redraw(self) -> None:
        surface = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        surface.fill(self.theme.colour(self.background))
        self.draw_content(surface, self.scroll)
        if self.max_scroll:
            if self.more_below:
                self._draw_more(surface)
            self._draw_scrollbar(surface)
        self.show_drawn(surface)
        self._dirty = False

    def show_drawn(self, surface: pygame.Surface) -> None:
        """Show *surface*, drawn just now for this widget and not kept by its drawer.
        pygame_gui's ``_set_image`` copies what it is given (its elements draw on their
        surfaces again): ~5 % of the UI tests' CPU went to copying ours.  A container
        that clips the widget needs pygame_gui's path."""
        if self.get_image_clipping_rect() is None:
            self.image = surface
        else:
            self._set_image(surface)

    @property
    def more_below(self) -> bool:
        """True while the "more below" band shows (there is a text for it, and more below)."""
        return bool(self.more_text) and self.scroll < self.max_scroll

    @property
    def more_height(self) -> int:
        return self.theme.line("small") + self.theme.pad

    def _draw_more(self, surface: pygame.Surface) -> None:
        """A band at the bottom saying there is more below (gone once scrolled to the end)."""
        t = self.theme
        small = t.font("small", True)
        height = self.more_height
        band = pygame.Rect(0, self.rect.height - height, self.rect.width - self.scrollbar_width,
                           height)
        pygame.draw.rect(surface, t.colour(self.background), band)
        pygame.draw.line(surface, t.colour("border"), band.topleft, band.topright, 1)
        text = small.render(self.more_text, True, t.colour("accent"))
        size = t.line("small") // 2
        x = band.centerx - (text.get_width() + size + t.gap) // 2
        y = band.centery
        pygame.draw.polygon(surface, t.colour("accent"), [(x, y - size // 2),
                                                          (x + size, y - size // 2),
                                                          (x + size // 2, y + size // 2)])
        surface.blit(text, (x + size + t.gap, y - text.get_height() // 2))

    def _scrollbar_rect(self) -> tuple[pygame.Rect, pygame.Rect]:
        width = max(6, self.theme.pad)
        track = pygame.Rect(self.rect.width - width - 2, 2, width, self.rect.height - 4)
        visible = self.view_height / max(1, self.content_height)
        thumb_h = max(width * 2, round(track.height * visible))
        ratio = self.scroll / self.max_scroll if self.max_scroll else 0.0
        thumb = pygame.Rect(track.x, track.y + round((track.height - thumb_h) * ratio),
                            width, thumb_h)
        return track, thumb

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        track, thumb = self._scrollbar_rect()
        pygame.draw.rect(surface, self.theme.colour("bar_bg"), track, border_radius=3)
        pygame.draw.rect(surface, self.theme.colour("muted"), thumb, border_radius=3)

    @property
    def scrollbar_width(self) -> int:
        return max(6, self.theme.pad) + 6

    # -- scrolling ------------------------------------------------------------------------

    def scroll_to(self, value: int) -> bool:
        value = max(0, min(self.max_scroll, int(value)))
        if value == self.scroll:
            return False
        self.scroll = value
        self.mark_dirty()
        return True

    def scroll_by(self, lines: int) -> bool:
        return self.scroll_to(self.scroll + lines * self.theme.line("body"))

    def scroll_page(self, direction: int) -> bool:
        """Scroll by what the widget shows, less a line, so the reader keeps their place."""
        line = self.theme.line("body")
        return self.scroll_to(self.scroll + direction * max(line, self.view_height - line))

    def ensure_visible(self, top: int, bottom: int) -> None:
        if top < self.scroll:
            self.scroll_to(top)
        elif bottom > self.scroll + self.view_height:
            self.scroll_to(bottom - self.view_height)

    # -- input ----------------------------------------------------------------------------

    def handle_key(self, key: int, mod: int) -> bool:
        """Keys when focused: arrows and page keys scroll."""
        if key in SCROLL_KEYS and self.max_scroll:
            return self.scroll_by(SCROLL_KEYS[key]) or True
        if key in PAGE_KEYS and self.max_scroll:
            return self.scroll_page(PAGE_KEYS[key]) or True
        if key == pygame.K_HOME:
            return self.scroll_to(0) or bool(self.max_scroll)
        if key == pygame.K_END:
            return self.scroll_to(self.max_scroll) or bool(self.max_scroll)
        return False

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            mx, my = self.ui_manager.get_mouse_position()
            if self.hover_point(mx, my) and self.max_scroll:
                self.scroll_by(-3 * int(event.y))
                return True
            return False
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            was, self._dragging = self._dragging, False
            return was
        if event.type == pygame.MOUSEMOTION and self._dragging:
            self._drag_to(event.pos[1])
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button in (4, 5):
            return False  # pygame 1-style wheel buttons: MOUSEWHEEL handles it
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if not self.hover_point(*event.pos):
                return False
            x, y = event.pos[0] - self.rect.x, event.pos[1] - self.rect.y
            if self.max_scroll and x >= self.rect.width - self.scrollbar_width:
                self._dragging = True
                self._drag_to(event.pos[1])
                return True
            now = pygame.time.get_ticks()
            double = now - self._last_click < DOUBLE_CLICK_MS
            self._last_click = now
            self.on_click(x, y + self.scroll, double)
            return True
        return False

    def _drag_to(self, screen_y: int) -> None:
        track, thumb = self._scrollbar_rect()
        span = max(1, track.height - thumb.height)
        ratio = (screen_y - self.rect.y - track.y - thumb.height / 2) / span
        self.scroll_to(round(ratio * self.max_scroll))
