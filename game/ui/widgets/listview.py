"""A list of items with wrapped text: arrows select, Enter or a click activates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.textlayout import wrap


@dataclass
class Item:
    """One entry: a bold title and a few lines of detail, each line with a palette colour."""

    key: str
    title: str
    lines: list[tuple[str, str]] = field(default_factory=list)  # (text, colour)
    enabled: bool = True
    prefix: str = ""  # "1." for numbered choices


@dataclass
class _Placed:
    top: int
    bottom: int
    rows: list[tuple[str, str, bool]]  # text, colour, bold


def place_items(theme: Theme, items: list[Item], width: int) -> list[_Placed]:
    """Wrap each item's text and stack the items top to bottom."""
    t = theme
    y = t.gap
    placed = []
    for item in items:
        colour = "text" if item.enabled else "text_disabled"
        title = f"{item.prefix} {item.title}".strip()
        rows = [(line, colour, True) for line in wrap(title, t.font("body", True), width)]
        for text, line_colour in item.lines:
            rows += [(line, line_colour, False) for line in wrap(text, t.font("small"), width)]
        height = sum(t.line("body" if bold else "small") for _, _, bold in rows) + 2 * t.pad
        placed.append(_Placed(y, y + height, rows))
        y += height + t.gap
    return placed


class ListView(Canvas):
    """Vertical list; ``on_activate(item)`` runs on Enter/Space, a click, or a number key."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, items: list[Item],
                 on_activate: Callable[[Item], None] | None = None, *,
                 on_select: Callable[[Item], None] | None = None, selected: int = 0,
                 activate_on_click: bool = True, object_id: str | None = None,
                 starting_height: int = 1, empty_text: str = "", more_text: str = "") -> None:
        self.items = items
        self.more_text = more_text
        self.on_activate = on_activate
        self.on_select = on_select
        self.selected = max(0, min(selected, len(items) - 1)) if items else -1
        self.activate_on_click = activate_on_click
        self.empty_text = empty_text
        self.placed: list[_Placed] = []
        self.hovered_index = -1  # the item under the mouse pointer, -1 for none
        super().__init__(rect, manager, theme, object_id=object_id,
                         starting_height=starting_height)

    @property
    def current(self) -> Item | None:
        return self.items[self.selected] if 0 <= self.selected < len(self.items) else None

    def relayout(self) -> None:
        width = self.rect.width - 4 * self.theme.pad - self.scrollbar_width
        self.placed = place_items(self.theme, self.items, width)
        self.content_height = (self.placed[-1].bottom if self.placed else 0) + self.theme.gap
        self.focusable = True

    @staticmethod
    def measure(theme: Theme, items: list[Item], width: int) -> int:
        """Height a list of *items* needs at *width* (to size dialogs before opening them)."""
        placed = place_items(theme, items, width - 4 * theme.pad - max(6, theme.pad) - 6)
        return (placed[-1].bottom if placed else 0) + theme.gap

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        t = self.theme
        if not self.items and self.empty_text:
            lines = wrap(self.empty_text, t.font("body"), self.rect.width - 2 * t.pad)
            for n, line in enumerate(lines):
                surface.blit(t.font("body").render(line, True, t.colour("muted")),
                             (t.pad, t.pad + n * t.line("body")))
            return
        width = self.rect.width - 2 * t.gap - self.scrollbar_width
        for index, placed in enumerate(self.placed):
            if placed.bottom < top or placed.top > top + self.rect.height:
                continue
            box = pygame.Rect(t.gap, placed.top - top, width, placed.bottom - placed.top)
            chosen = index == self.selected
            # Under the mouse, a clickable item lights up as a button does.
            hovered = index == self.hovered_index and self.items[index].enabled
            fill = "card_new" if chosen else "button_hover" if hovered else "card"
            pygame.draw.rect(surface, t.colour(fill), box, border_radius=6)
            # The chosen item in the accent colour, focused or not: the focus ring around
            # the whole list says where the keyboard is (one ring on screen, never two).
            edge = "accent" if chosen else "muted" if hovered else "border"
            pygame.draw.rect(surface, t.colour(edge), box, width=3 if chosen else t.border,
                             border_radius=6)
            y = box.y + t.pad
            for text, colour, bold in placed.rows:
                role = "body" if bold else "small"
                surface.blit(t.font(role, bold).render(text, True, t.colour(colour)),
                             (box.x + t.pad, y))
                y += t.line(role)

    # -- selection and activation ------------------------------------------------------

    def select(self, index: int) -> None:
        if not self.items:
            return
        index = max(0, min(len(self.items) - 1, index))
        if index != self.selected:
            self.selected = index
            if self.on_select is not None:
                self.on_select(self.items[index])
        placed = self.placed[index]
        below = self.theme.gap
        if self.more_text and index < len(self.items) - 1:  # clear of the "more below" band
            below += self.more_height
        self.ensure_visible(placed.top - self.theme.gap, placed.bottom + below)
        self.mark_dirty()

    def activate(self, index: int | None = None) -> bool:
        if index is not None:
            if not 0 <= index < len(self.items):
                return False
            self.select(index)
        item = self.current
        if item is None or not item.enabled or self.on_activate is None:
            return False
        self.on_activate(item)
        return True

    def handle_key(self, key: int, mod: int) -> bool:
        if key == pygame.K_UP and self.selected > 0:
            self.select(self.selected - 1)
            return True
        if key == pygame.K_DOWN and self.selected < len(self.items) - 1:
            self.select(self.selected + 1)
            return True
        if key == pygame.K_HOME and self.items:
            self.select(0)
            return True
        if key == pygame.K_END and self.items:
            self.select(len(self.items) - 1)
            return True
        return key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) and super().handle_key(key, mod)

    def on_click(self, x: int, y: int, double: bool) -> bool:
        for index, placed in enumerate(self.placed):
            if placed.top <= y <= placed.bottom:
                if self.activate_on_click or (double and index == self.selected):
                    return self.activate(index)
                self.select(index)
                return True
        return False

    # -- the mouse pointer -------------------------------------------------------------
    # pygame_gui calls these from its update (topmost element only: not under a dialog);
    # the list is redrawn only when the item under the pointer changes.

    def item_at(self, screen_y: int) -> int:
        """The index of the item at *screen_y*, or -1."""
        y = screen_y - self.rect.y + self.scroll
        return next((n for n, p in enumerate(self.placed) if p.top <= y <= p.bottom), -1)

    def while_hovering(self, time_delta: float, mouse_pos: Any) -> None:
        super().while_hovering(time_delta, mouse_pos)
        self._hover(self.item_at(int(mouse_pos[1])))

    def on_unhovered(self) -> None:
        super().on_unhovered()
        self._hover(-1)

    def _hover(self, index: int) -> None:
        if index != self.hovered_index:
            self.hovered_index = index
            self.mark_dirty()

    def item_rect(self, index: int) -> pygame.Rect | None:
        """Screen rectangle of an item, if it is visible (for the pilot's clicks)."""
        if not 0 <= index < len(self.placed):
            return None
        placed = self.placed[index]
        top = self.rect.y + placed.top - self.scroll
        box = pygame.Rect(self.rect.x + self.theme.gap, top,
                          self.rect.width - 2 * self.theme.gap - self.scrollbar_width,
                          placed.bottom - placed.top)
        return box.clip(self.rect)

    def texts(self) -> list[str]:
        if not self.items:
            return [self.empty_text] if self.empty_text else []
        return [f"{i.prefix} {i.title}".strip() for i in self.items] + [
            text for i in self.items for text, _ in i.lines]
