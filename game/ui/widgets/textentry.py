"""A one-line text field (a student's name, a class, a folder): typing, arrows, Backspace.

Characters arrive as ``TEXTINPUT`` events (so accents, dead keys and input methods work);
key presses edit, and Ctrl+V (Cmd+V, Shift+Insert) pastes.  While the field has the focus
it keeps printable keys for itself, so a digit typed in a name is not taken for a shortcut;
Tab, Enter and Escape still move on.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from typing import Any

import pygame

from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas

log = logging.getLogger(__name__)

EDIT_KEYS = (pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_LEFT, pygame.K_RIGHT,
             pygame.K_HOME, pygame.K_END)
PASTE_KEYS = ((pygame.K_v, pygame.KMOD_CTRL), (pygame.K_v, pygame.KMOD_META),
              (pygame.K_INSERT, pygame.KMOD_SHIFT))


def printable(text: str) -> str:
    """*text* without control characters (a pasted newline, an escape sequence)."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")


class TextEntry(Canvas):
    """An editable line of text with a caret; ``text`` is what was typed."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, text: str = "", *,
                 max_length: int = 80, placeholder: str = "", starting_height: int = 1,
                 on_focus: Callable[[TextEntry], object] | None = None,
                 on_change: Callable[[str], object] | None = None) -> None:
        self.max_length = max_length
        self.on_change = on_change  # told the new text after each edit that changes it
        self.text = printable(text)[:max_length]
        self.caret = len(self.text)
        self.placeholder = placeholder
        self.on_focus = on_focus
        self._shift = 0  # pixels the text is scrolled left to keep the caret in view
        super().__init__(rect, manager, theme, starting_height=starting_height,
                         background="card")

    # -- editing -----------------------------------------------------------------------

    def insert(self, typed: str) -> None:
        typed = printable(typed)[: max(0, self.max_length - len(self.text))]
        if typed:
            self.text = self.text[:self.caret] + typed + self.text[self.caret:]
            self.caret += len(typed)
            self.mark_dirty()

    def set_text(self, text: str) -> None:
        self.text = printable(text)[:self.max_length]
        self.caret = len(self.text)
        self.mark_dirty()

    def paste(self) -> None:
        """Insert the clipboard's text at the caret (nothing if there is no clipboard)."""
        try:
            self.insert(pygame.scrap.get_text() or "")
        except pygame.error as exc:  # no clipboard on this system
            log.warning("cannot read the clipboard: %s", exc)

    def handle_key(self, key: int, mod: int) -> bool:
        before = self.text
        if any(key == paste_key and mod & paste_mod for paste_key, paste_mod in PASTE_KEYS):
            self.paste()
            self._changed(before)
            return True
        if key in EDIT_KEYS:
            self._edit(key)
            self.mark_dirty()
            self._changed(before)
            return True
        # Printable keys arrive again as TEXTINPUT: keep them from the scene's shortcuts.
        return key == pygame.K_SPACE or 33 <= key < 127 or pygame.K_KP0 <= key <= pygame.K_KP9

    def _changed(self, before: str) -> None:
        if self.on_change is not None and self.text != before:
            self.on_change(self.text)

    def _edit(self, key: int) -> None:
        if key == pygame.K_BACKSPACE and self.caret > 0:
            self.text = self.text[:self.caret - 1] + self.text[self.caret:]
            self.caret -= 1
        elif key == pygame.K_DELETE:
            self.text = self.text[:self.caret] + self.text[self.caret + 1:]
        elif key == pygame.K_LEFT:
            self.caret = max(0, self.caret - 1)
        elif key == pygame.K_RIGHT:
            self.caret = min(len(self.text), self.caret + 1)
        elif key == pygame.K_HOME:
            self.caret = 0
        elif key == pygame.K_END:
            self.caret = len(self.text)

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT and self.has_focus:
            before = self.text
            self.insert(event.text)
            self._changed(before)
            return True
        if (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
                and self.hover_point(*event.pos)):
            if self.on_focus is not None:
                self.on_focus(self)
            self._caret_at(event.pos[0] - self.rect.x)
            return True
        return False

    def _caret_at(self, x: int) -> None:
        font = self.theme.font("body")
        x += self._shift - self.theme.pad
        self.caret = next((i for i in range(len(self.text) + 1)
                           if font.size(self.text[:i])[0] >= x), len(self.text))
        self.mark_dirty()

    # -- drawing -----------------------------------------------------------------------

    def _field(self) -> pygame.Surface:
        """The field's card and frame (thicker and in the accent colour when focused: the
        focus ring drawn around it is the one mark in the focus colour on screen)."""
        t = self.theme
        surface = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        surface.fill(t.colour("card"))
        edge = "accent" if self.has_focus else "border"
        pygame.draw.rect(surface, t.colour(edge), surface.get_rect(),
                         width=3 if self.has_focus else max(1, t.border), border_radius=4)
        return surface

    def redraw(self) -> None:
        t = self.theme
        surface = self._field()
        font = t.font("body")
        room = self.rect.width - 2 * t.pad
        caret_x = font.size(self.text[:self.caret])[0]
        self._shift = max(0, min(self._shift, caret_x), caret_x - room + 2)
        y = (self.rect.height - font.get_linesize()) // 2
        if self.text:
            surface.blit(font.render(self.text, True, t.colour("text")),
                         (t.pad - self._shift, y))
        elif self.placeholder:
            surface.blit(font.render(self.placeholder, True, t.colour("text_disabled")),
                         (t.pad, y))
        if self.has_focus:
            x = t.pad + caret_x - self._shift
            pygame.draw.line(surface, t.colour("text"), (x, y + 2),
                             (x, y + font.get_linesize() - 2), 2)
        self.show_drawn(surface)
        self._dirty = False

    def texts(self) -> list[str]:
        return [self.text or self.placeholder]
