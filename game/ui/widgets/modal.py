"""A modal dialog: a dimmed screen, a panel on top, and its own focus ring."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
from pygame_gui.elements import UIPanel

from game.ui.focus import FocusRing
from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas

MODAL_HEIGHT = 50  # pygame_gui layer of the dimmed backdrop; the panel and its widgets go above


class Backdrop(Canvas):
    """Covers the scene under a dialog with a translucent shade and swallows its clicks."""

    focusable = False

    def redraw(self) -> None:
        shade = self.theme.colour("overlay")
        surface = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        # pygame_gui blends premultiplied colours: scale the shade's RGB by its alpha.
        surface.fill((shade.r * shade.a // 255, shade.g * shade.a // 255,
                      shade.b * shade.a // 255, shade.a))
        self.show_drawn(surface)
        self._dirty = False

    def process_event(self, event: pygame.event.Event) -> bool:
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)


class Modal:
    """What a scene needs to know about an open dialog."""

    def __init__(self, ident: str, manager: Any, theme: Theme, screen: pygame.Rect,
                 rect: pygame.Rect, on_close: Callable[[], None] | None = None) -> None:
        self.ident = ident
        self.rect = rect
        self.focus = FocusRing()
        self.on_close = on_close
        self.backdrop = Backdrop(screen.copy(), manager, theme, starting_height=MODAL_HEIGHT)
        self.panel = UIPanel(rect, starting_height=MODAL_HEIGHT + 2, manager=manager,
                             object_id="#modal")
        self.elements: list[Any] = [self.backdrop, self.panel]

    @property
    def layer(self) -> int:
        return MODAL_HEIGHT + 6

    def inner(self, pad: int) -> pygame.Rect:
        return self.rect.inflate(-2 * pad, -2 * pad)

    def kill(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements.clear()
        self.focus.clear()
