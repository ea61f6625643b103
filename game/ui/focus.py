"""Keyboard focus: Tab order, arrows within a group, Enter/Space to activate, a visible ring."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from game.ui.theme import Theme

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
PREVIOUS_KEYS = (pygame.K_UP, pygame.K_LEFT)
NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT)


@dataclass
class Focusable:
    """Something the keyboard can reach: a pygame_gui button or one of our canvases."""

    id: str
    element: Any
    activate: Callable[[], None] | None = None
    group: str | None = None
    keys: Callable[[int, int], bool] | None = None

    @property
    def reachable(self) -> bool:
        el = self.element
        return (el.alive() and el.visible and getattr(el, "is_enabled", True)
                and getattr(el, "focusable", True) and el.rect.width > 0)


class FocusRing:
    """The ordered focusable items of one scene (or of one modal dialog on top of it)."""

    def __init__(self) -> None:
        self.items: list[Focusable] = []
        self.index = -1

    def add(self, item: Focusable) -> Focusable:
        self.items.append(item)
        return item

    def clear(self) -> None:
        self.items.clear()
        self.index = -1

    @property
    def current(self) -> Focusable | None:
        if 0 <= self.index < len(self.items) and self.items[self.index].reachable:
            return self.items[self.index]
        return None

    @property
    def current_id(self) -> str | None:
        item = self.current
        return item.id if item else None

    def focus(self, ident: str | None) -> bool:
        for index, item in enumerate(self.items):
            if item.id == ident and item.reachable:
                self._set(index)
                return True
        return False

    def focus_element(self, element: Any) -> bool:
        for index, item in enumerate(self.items):
            if item.element is element and item.reachable:
                self._set(index)
                return True
        return False

    def focus_first(self) -> None:
        if self.current is None:
            self._set(-1)
            self.step(1)

    def _set(self, index: int) -> None:
        old = self.current
        if old is not None and hasattr(old.element, "has_focus"):
            old.element.has_focus = False
            old.element.mark_dirty()
        self.index = index
        new = self.current
        if new is not None and hasattr(new.element, "has_focus"):
            new.element.has_focus = True
            new.element.mark_dirty()

    def step(self, direction: int, group: str | None = None) -> bool:
        """Move to the next reachable item (within *group* if given); wraps around."""
        count = len(self.items)
        for offset in range(1, count + 1):
            index = (self.index + direction * offset) % count
            item = self.items[index]
            if item.reachable and (group is None or item.group == group):
                if group is not None and (index - self.index) * direction < 0:
                    return False  # arrows stop at the ends of a group instead of wrapping
                self._set(index)
                return True
        return False

    def handle_key(self, key: int, mod: int) -> bool:
        """Tab, arrows, Enter and Space; returns True if the key was used."""
        current = self.current
        if current is not None and current.keys is not None and current.keys(key, mod):
            return True
        if key == pygame.K_TAB:
            if not self.items:
                return False
            return self.step(-1 if mod & pygame.KMOD_SHIFT else 1)
        if current is not None and current.group is not None:
            if key in PREVIOUS_KEYS:
                return self.step(-1, current.group)
            if key in NEXT_KEYS:
                return self.step(1, current.group)
        if key in ACTIVATE_KEYS and current is not None and current.activate is not None:
            current.activate()
            return True
        return False

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """The ring: a thick focus-coloured outline with a thin dark edge, for any background."""
        current = self.current
        if current is None:
            return
        rect = current.element.rect.inflate(6, 6)
        pygame.draw.rect(surface, theme.colour("bg"), rect.inflate(4, 4), width=2,
                         border_radius=9)
        pygame.draw.rect(surface, theme.colour("focus"), rect, width=3, border_radius=8)
