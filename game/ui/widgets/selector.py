"""A choice among a few values: ``Caption  ‹ value ›`` — Left/Right or a click to change it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pygame

from game.i18n import _

if TYPE_CHECKING:
    from game.ui.scenes.base import Scene

LABEL_MARGIN = 12  # as scenes.base: pygame_gui draws text a little wider than it measures


class Selector:
    """Built from pygame_gui buttons; only the value button takes the keyboard focus.

    With room, the caption stands on the left; in a narrow column (large text) it goes
    inside the value button (“Tone: Factual”), so a selector is always one row high."""

    def __init__(self, scene: Scene, ident: str, caption: str,
                 options: Sequence[tuple[str, str]], value: str | None, rect: pygame.Rect,
                 on_change: Callable[[str], None], *, caption_width: int,
                 inline: bool = False, group: str | None = None) -> None:
        self.scene = scene
        self.options = list(options)
        self.on_change = on_change
        self.caption = caption if inline else None
        values = [v for v, _ in self.options]
        self.index = values.index(value) if value in values else 0
        t = scene.theme
        h = t.button_height
        row = pygame.Rect(rect.x, rect.y, rect.width, h)
        if not inline:
            scene.label(f"{ident}_caption", caption, pygame.Rect(rect.x, rect.y, caption_width, h))
            row = pygame.Rect(rect.x + caption_width + t.gap, rect.y,
                              rect.width - caption_width - t.gap, h)
        many = len(self.options) > 1
        self.prev = scene.button(f"{ident}_prev", "‹", pygame.Rect(row.x, row.y, h, h),
                                 lambda: self.change(-1), focusable=False, enabled=many)
        value_rect = pygame.Rect(row.x + h + t.gap // 2, row.y, row.width - 2 * h - t.gap, h)
        self.value_button = scene.button(ident, self.text, value_rect, lambda: self.change(1),
                                         keys=self._keys, group=group,
                                         enabled=bool(self.options))
        self.next = scene.button(f"{ident}_next", "›", pygame.Rect(row.right - h, row.y, h, h),
                                 lambda: self.change(1), focusable=False, enabled=many)

    @staticmethod
    def needs_inline(scene: Scene, width: int, captions: Sequence[str],
                     texts: Sequence[str]) -> tuple[bool, int]:
        """Whether captions must go inside the buttons, and the caption column's width."""
        t = scene.theme
        caption_w = max((t.text_width(c) for c in captions), default=0) + LABEL_MARGIN
        widest = max((t.button_width(x) for x in texts), default=0)
        return caption_w + widest + 2 * t.button_height + 2 * t.gap > width, caption_w

    def set_enabled(self, enabled: bool) -> None:
        many = enabled and len(self.options) > 1
        for button, on in ((self.prev, many), (self.value_button, enabled and bool(self.options)),
                           (self.next, many)):
            button.enable() if on else button.disable()

    @property
    def value(self) -> str | None:
        return self.options[self.index][0] if self.options else None

    @property
    def text(self) -> str:
        text = self.options[self.index][1] if self.options else "—"
        if self.caption is not None:
            return _("{caption}: {value}").format(caption=self.caption, value=text)
        return text

    def change(self, step: int) -> None:
        if len(self.options) < 2:
            return
        self.index = (self.index + step) % len(self.options)
        self.value_button.set_text(self.text)
        value = self.value
        assert value is not None
        self.on_change(value)

    def _keys(self, key: int, mod: int) -> bool:
        if key == pygame.K_LEFT:
            self.change(-1)
            return True
        if key == pygame.K_RIGHT:
            self.change(1)
            return True
        return False
