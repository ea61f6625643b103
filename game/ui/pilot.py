"""Drive the real app headless for tests: press keys, click widgets by id, read the screen.

Like Textual's pilot, every input is followed by "letting the frame settle" (frames run
until the event queue and the scene's deferred work are empty), so tests never sleep::

    with Pilot.start(lang="fr", config_dir=tmp, data_dir=tmp) as pilot:
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "briefing"
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pygame

FRAME = 1 / 60
BUTTON_PADDING = 24  # theme.json: 10 px of text padding each side, and the borders


class Pilot:
    """Real pygame events into a real :class:`~game.ui.app.App`, one frame at a time."""

    def __init__(self, app: Any) -> None:
        self.app = app

    @classmethod
    @contextmanager
    def start(cls, *, lang: str | None = "en", scenario: Path | None = None, seed: int = 1,
              config_dir: Path | None = None, data_dir: Path | None = None,
              size: tuple[int, int] | None = None, settings: Any = None,
              questions: bool = False) -> Iterator[Pilot]:
        """An app in a hidden window (``SDL_VIDEODRIVER=dummy`` unless already set).

        The scenario's reliability questions are off unless *questions* (as with the game's
        ``--no-questions``): tests that are not about them go straight to the briefing."""
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        from game.ui.app import App
        from game.ui.settings import save_settings

        if settings is not None:
            save_settings(settings, config_dir)
        args = argparse.Namespace(lang=lang, scenario=scenario, seed=seed, frames=None,
                                  fullscreen=False, no_questions=not questions)
        app = App(args, config_dir=config_dir, data_dir=data_dir)
        pilot = cls(app)
        try:
            if size is not None:
                pilot.resize(size)
            pilot.settle()
            yield pilot
        finally:
            app.close()

    # -- frames -----------------------------------------------------------------------------

    def step(self, frames: int = 1, draw: bool = True) -> None:
        """Run *frames* frames as the window's loop does (drawn when the app would draw)."""
        for _ in range(frames):
            self.app.frame(pygame.event.get(), FRAME, draw=draw)

    def settle(self, limit: int = 60) -> None:
        """Run frames until nothing is queued or deferred (at least one frame: what a frame
        posts or defers is seen below; a second frame every time cost a fifth of the UI
        tests' time).  These frames are not drawn: tests read widgets, and drawing the
        window after every input was a fifth of a game's time; :meth:`draw`,
        :meth:`screenshot` and :meth:`step` draw."""
        self.step(1, draw=False)
        for _ in range(limit):
            if not pygame.event.peek() and not self.app.scene._later:
                return
            self.step(draw=False)

    # -- input ------------------------------------------------------------------------------

    def press(self, *keys: int, mod: int = 0) -> None:
        """Press and release each key in turn, letting the frame settle after each."""
        for key in keys:
            char = chr(key) if 32 <= key < 127 else ""
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod,
                                                 unicode=char, scancode=0))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod,
                                                 unicode=char, scancode=0))
            self.settle()

    def type(self, text: str) -> None:
        """Type *text* into the focused field, as the keyboard would (a key press, then the
        character as a ``TEXTINPUT`` event)."""
        for char in text:
            key = ord(char) if 32 <= ord(char) < 127 else 0
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char,
                                                 scancode=0))
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=char,
                                                 scancode=0))
        self.settle()

    def tab_to(self, ident: str, limit: int = 80) -> None:
        """Press Tab until *ident* has the keyboard focus (keyboard-only navigation)."""
        for _ in range(limit):
            if self.focused == ident:
                return
            self.press(pygame.K_TAB)
        raise AssertionError(f"Tab never reached {ident!r}; focus is on {self.focused!r} "
                             f"in {self.scene}")

    def click_at(self, pos: tuple[int, int], button: int = 1) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0), touch=False))
        self.settle()
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=button, touch=False))
        self.settle()

    def click(self, ident: str, index: int | None = None) -> None:
        """Click the widget *ident* (or item *index* of a list), scrolling it into view."""
        element = self.widget(ident)
        rect = element.rect
        if index is not None:
            element.ensure_visible(element.placed[index].top, element.placed[index].bottom)
            self.settle()
            rect = element.item_rect(index)
        if not getattr(element, "is_enabled", True):
            raise AssertionError(f"{ident!r} is disabled")
        self.click_at(rect.center)

    def wheel(self, ident: str, clicks: int) -> None:
        """Turn the mouse wheel over a widget (negative: scroll down)."""
        centre = self.widget(ident).rect.center
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0),
                                             buttons=(0, 0, 0), touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=clicks, flipped=False,
                                             precise_x=0.0, precise_y=float(clicks), touch=False))
        self.settle()

    def resize(self, size: tuple[int, int]) -> None:
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0],
                                             h=size[1]))
        self.settle()

    # -- reading the screen -----------------------------------------------------------------

    @property
    def scene(self) -> str:
        return str(self.app.scene.name)

    @property
    def focused(self) -> str | None:
        return self.app.scene.ring.current_id

    @property
    def modal(self) -> str | None:
        modal = self.app.scene.modal
        return modal.ident if modal is not None else None

    @property
    def game(self) -> Any:
        return self.app.session.game

    def widget(self, ident: str) -> Any:
        try:
            return self.app.scene.widgets[ident]
        except KeyError:
            raise AssertionError(f"no widget {ident!r} in {self.scene}; there are "
                                 f"{sorted(self.app.scene.widgets)}") from None

    def has(self, ident: str) -> bool:
        element = self.app.scene.widgets.get(ident)
        return bool(element is not None and element.alive() and element.visible)

    def enabled(self, ident: str) -> bool:
        return bool(getattr(self.widget(ident), "is_enabled", True))

    def texts(self) -> list[str]:
        return list(self.app.scene.texts())

    def shows(self, text: str) -> bool:
        return any(text in shown for shown in self.texts())

    def clipped(self) -> list[str]:
        """Ids of labels and buttons whose text does not fit them (measured with the font
        pygame_gui itself draws with), including labels we had to cut with an ellipsis, and
        of our widgets that say a text they must show at once is out of sight
        (``Canvas.text_cut``: the composer's notes)."""
        from pygame_gui.elements import UIButton, UILabel

        out = []
        for ident, element in self.app.scene.widgets.items():
            if not element.alive() or not element.visible:
                continue
            if isinstance(element, UILabel):
                cut = element.text != getattr(element, "full_text", element.text)
                if cut or _text_width(element) > element.rect.width:
                    out.append(ident)
            elif (isinstance(element, UIButton) and _text_width(element) >
                  element.rect.width - BUTTON_PADDING) or (
                    callable(getattr(element, "text_cut", None)) and element.text_cut()):
                out.append(ident)
        return out

    def offscreen(self) -> list[str]:
        """Ids of widgets that stick out of the window."""
        screen = pygame.Rect((0, 0), self.app.size)
        return [ident for ident, el in self.app.scene.widgets.items()
                if el.alive() and el.visible and not screen.contains(el.rect)]

    def overlapping(self) -> list[tuple[str, str]]:
        """Pairs of widgets drawn over each other: of the open dialog if there is one, else
        of the scene (the passing notice excepted, which lies over the scene on purpose)."""
        modal = self.app.scene.modal
        shown = [(ident, el) for ident, el in self.app.scene.widgets.items()
                 if el.alive() and el.visible and ident != "notice"
                 and (modal is None or el in modal.elements)]
        return [(a, b) for n, (a, first) in enumerate(shown) for b, second in shown[n + 1:]
                if first.rect.colliderect(second.rect)]

    def draw(self) -> pygame.Surface:
        """The window as it is now, drawn."""
        self.app.draw()
        return self.app.screen

    def screenshot(self, path: Path) -> None:
        pygame.image.save(self.draw(), str(path))


def _text_width(element: Any) -> int:
    font = getattr(element, "font", None)
    return int(font.get_rect(element.text).width) if font is not None else 0
