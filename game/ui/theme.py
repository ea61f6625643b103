"""The look of the game: colours, fonts and sizes from ``theme.json`` for the player's settings."""

from __future__ import annotations

import json
import logging
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import pygame

from game.content.controls import drawable
from game.paths import ASSETS_DIR

log = logging.getLogger(__name__)

THEME_FILE = Path(__file__).with_name("theme.json")
FONT_DIR = ASSETS_DIR / "fonts"
FONT_REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
FONT_BOLD = FONT_DIR / "NotoSans-Bold.ttf"
GUI_FONT_NAME = "hd_sans"


@cache
def theme_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(THEME_FILE.read_text(encoding="utf-8"))
    return data


def _bundled_with_pygame_gui(name: str) -> Path:
    import pygame_gui

    return Path(pygame_gui.__file__).parent / "data" / name


@cache
def font_file(bold: bool) -> Path | None:
    """The font file to draw with: ours, else the copy of the same family pygame_gui ships,
    else None (pygame's own default font).  A broken install still shows text, with a
    warning in the log."""
    pygame.font.init()  # idempotent; a probe before it would find every file unusable
    ours = FONT_BOLD if bold else FONT_REGULAR
    for path in (ours, _bundled_with_pygame_gui(ours.name)):
        try:  # a damaged file opens, and fails only when used: measure some text
            pygame.font.Font(str(path), 12).size("Hashtag é")
        except (OSError, pygame.error, ValueError) as exc:
            log.warning("font %s unusable (%s)", path, exc)
            continue
        if path != ours:
            log.warning("using the font %s instead of %s", path, ours)
        return path
    log.warning("no font file can be used: pygame's default font instead")
    return None


class SafeFont(pygame.font.Font):
    """A font that draws any text: a NUL or a lone surrogate (which make pygame raise)
    and other control characters are drawn as U+FFFD."""

    def render(self, text: Any, *args: Any, **kwargs: Any) -> pygame.Surface:
        return super().render(drawable(text) if isinstance(text, str) else text,
                              *args, **kwargs)

    def size(self, text: Any) -> tuple[int, int]:
        return super().size(drawable(text) if isinstance(text, str) else text)


@cache
def _font(size: int, bold: bool) -> pygame.font.Font:
    path = font_file(bold)
    return SafeFont(str(path) if path is not None else None, size)


def forget_fonts() -> None:
    """Look for the font files again (tests that break them, then mend them)."""
    font_file.cache_clear()
    _font.cache_clear()


class Theme:
    """Colours, fonts and metrics for one text size and contrast mode."""

    def __init__(self, font_size: int = 16, high_contrast: bool = False) -> None:
        data = theme_data()
        self.high_contrast = high_contrast
        self.base = font_size
        raw = data["palettes"]["high_contrast" if high_contrast else "normal"]
        self.raw_palette: dict[str, str] = dict(raw)
        self.palette = {k: pygame.Color(v) for k, v in raw.items() if v.startswith("#")}
        self.roles: dict[str, float] = data["font_roles"]
        self.avatars = [pygame.Color(c) for c in data["avatar_colours"]]
        self.pad = max(6, round(font_size * 0.5))
        self.gap = max(4, round(font_size * 0.4))
        self.border = 2 if high_contrast else 1

    # -- colours and fonts ------------------------------------------------------------

    def colour(self, name: str) -> pygame.Color:
        return self.palette[name]

    def size(self, role: str = "body") -> int:
        return max(10, round(self.base * self.roles.get(role, 1.0)))

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        return _font(self.size(role), bold)

    def line(self, role: str = "body") -> int:
        return self.font(role).get_linesize()

    def text_width(self, text: str, role: str = "body", bold: bool = False) -> int:
        return self.font(role, bold).size(text)[0]

    @property
    def button_height(self) -> int:
        return self.line("body") + self.pad + 2

    def button_width(self, text: str, bold: bool = False) -> int:
        """Width a button needs to show *text* whole (padding and border included)."""
        return self.text_width(text, "body", bold) + 2 * 10 + 2 * self.pad

    def avatar_colour(self, key: str) -> pygame.Color:
        # crc32, not hash(): the same actor gets the same colour in every run.
        return self.avatars[zlib.crc32(key.encode()) % len(self.avatars)]

    # -- the pygame_gui theme -----------------------------------------------------------

    def gui_theme(self) -> dict[str, Any]:
        """The ``gui`` part of theme.json with colours and fonts filled in."""
        return _substitute(theme_data()["gui"], self._lookup)

    def _lookup(self, ref: str) -> Any:
        if ref.startswith("$"):
            return self.raw_palette[ref[1:]]
        role, _, style = ref[1:].partition("_")
        font = {"name": GUI_FONT_NAME, "size": str(self.size(role)),
                "bold": "1" if style == "bold" else "0"}
        regular, bold = font_file(False), font_file(True)
        if regular is not None and bold is not None:  # else pygame_gui's own default
            font.update(regular_path=str(regular), bold_path=str(bold))
        return font


def _substitute(value: Any, lookup: Any) -> Any:
    if isinstance(value, dict):
        return {k: _substitute(v, lookup) for k, v in value.items()}
    if isinstance(value, str) and value[:1] in ("$", "@"):
        return lookup(value)
    return value
