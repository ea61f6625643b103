"""First start: choose the language (it can be changed later in the settings)."""

from __future__ import annotations

import pygame

from game.i18n import _, get_language
from game.presentation import labels
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_column, column_width


def prompts(codes: list[str]) -> list[str]:
    """"Choose your language" in every language at once, on purpose: the player has not
    chosen one yet (the current one last, nearest the buttons)."""
    out: list[str] = []
    for code in sorted(codes, key=lambda c: c == get_language()):
        with labels.in_language(code):
            prompt = _("Choose your language")
        if prompt not in out:
            out.append(prompt)
    return out


class LanguageScene(Scene):
    name = "language"

    @property
    def default_focus(self) -> str:  # type: ignore[override]
        return f"lang_{get_language()}"

    def build(self) -> None:
        t = self.theme
        w, h = self.app.size
        names = labels.language_names()
        specs = [(f"lang_{code}", text, self._chooser(code), False)
                 for code, text in names.items()]
        width = column_width(self, [s[1] for s in specs])
        lines = prompts(list(names))
        top = max(t.pad, h // 2 - len(specs) * t.button_height - len(lines) * t.line("title"))
        for n, prompt in enumerate(lines):
            self.label(f"prompt_{n}", prompt, pygame.Rect(0, top, w, t.line("title")),
                       style="#title", role="title", bold=True)
            top += t.line("title")
        button_column(self, specs, w // 2, top + 2 * t.gap, min(width, 420))

    def _chooser(self, code: str):  # type: ignore[no-untyped-def]
        def choose() -> None:
            self.app.set_language(code)
            self.app.show(registry.title(self.app))
        return choose
