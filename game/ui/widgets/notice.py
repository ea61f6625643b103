"""A short message at the bottom of the screen that goes away by itself ("Scenario reloaded")."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pygame

from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.textlayout import wrap

NOTICE_SECONDS = 4.0
NOTICE_HEIGHT = 120  # pygame_gui layer: above the scene and its dialogs


class Notice(Canvas):
    """Shown for *seconds* (:data:`NOTICE_SECONDS` unless told) of real time (the idle
    loop's frames are not evenly spaced), then removed; *on_gone* asks the app for a
    redraw.  A click dismisses it."""

    focusable = False

    def __init__(self, screen: pygame.Rect, manager: Any, theme: Theme, text: str,
                 on_gone: Callable[[], None], seconds: float = NOTICE_SECONDS) -> None:
        self.text = text
        self.on_gone = on_gone
        self.until = time.monotonic() + seconds
        fits = theme.text_width(text) + 5 * theme.pad  # one line when the window allows
        width = min(screen.width - 4 * theme.pad, max(320, fits))
        self.lines = wrap(text, theme.font("body"), width - 4 * theme.pad)
        height = len(self.lines) * theme.line("body") + 2 * theme.pad
        rect = pygame.Rect(0, 0, width, height)
        rect.midbottom = (screen.centerx, screen.bottom - 3 * theme.pad)
        super().__init__(rect, manager, theme, starting_height=NOTICE_HEIGHT,
                         background="card_new")

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        t = self.theme
        pygame.draw.rect(surface, t.colour("accent"), surface.get_rect(), width=2,
                         border_radius=6)
        font = t.font("body")
        for n, line in enumerate(self.lines):
            rendered = font.render(line, True, t.colour("text"))
            surface.blit(rendered, ((self.rect.width - rendered.get_width()) // 2,
                                    t.pad + n * t.line("body")))

    def update(self, time_delta: float) -> None:
        super().update(time_delta)
        if self.alive() and time.monotonic() >= self.until:
            self.dismiss()

    def on_click(self, x: int, y: int, double: bool) -> bool:
        self.dismiss()
        return True

    def dismiss(self) -> None:
        self.kill()
        self.on_gone()

    def texts(self) -> list[str]:
        return [self.text] if self.alive() else []
