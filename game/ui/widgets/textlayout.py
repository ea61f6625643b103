"""Word wrapping that keeps French no-break spaces, and laid-out blocks of styled text."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

import pygame

from game.ui.theme import Theme


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Lines of *text* no wider than *width*.

    Only ordinary spaces and newlines break lines: U+00A0 and U+202F (before ``: ; ! ?``
    and inside « ») keep a French word and its punctuation together.
    """
    return list(_wrapped(text, font, width))  # a list of its own: callers may extend it


# Every rebuild wraps the same texts again, measuring each word (font.size was ~5 % of a
# keyboard game).  Fonts are keyed by identity: forget_fonts() makes new ones.
@lru_cache(maxsize=2048)
def _wrapped(text: str, font: pygame.font.Font, width: int) -> tuple[str, ...]:
    return tuple(_wrap(text, font, width))


def _wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
            while font.size(current)[0] > width and len(current) > 1:
                cut = _longest_prefix(current, font, width)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def _longest_prefix(word: str, font: pygame.font.Font, width: int) -> int:
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(word[:mid])[0] <= width:
            low = mid
        else:
            high = mid - 1
    return max(1, low)


def ellipsize(text: str, font: pygame.font.Font, width: int) -> str:
    """*text* cut with an ellipsis to fit *width* (for one-line labels only)."""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with its ellipsis
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(text[:mid].rstrip() + "…")[0] <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


class Figure(Protocol):
    """Something drawn among the paragraphs (the debrief's charts)."""

    def layout(self, theme: Theme, width: int) -> int: ...  # the height it needs
    def draw(self, surface: pygame.Surface, origin: tuple[int, int], theme: Theme) -> None: ...


@dataclass
class Block:
    """A paragraph of one style; TextView lays blocks out top to bottom.  A block with a
    ``figure`` draws it instead of text (its text then describes the figure)."""

    text: str
    role: str = "body"
    bold: bool = False
    colour: str = "text"
    indent: int = 0
    space_before: float = 0.3  # in lines of the block's font
    bullet: bool = False
    swatch: str | None = None  # a coloured square before the text (palette name)
    figure: Any = None  # a Figure


@dataclass
class Line:
    y: int
    x: int
    text: str
    role: str
    bold: bool
    colour: str
    swatch: str | None = None
    bullet: bool = False
    figure: Any = None
    height: int = 0  # a figure's height (text lines use their font's line height)


@dataclass
class Layout:
    lines: list[Line] = field(default_factory=list)
    height: int = 0


def layout_blocks(blocks: list[Block], theme: Theme, width: int) -> Layout:
    """Place every line of *blocks* in a column *width* pixels wide."""
    out = Layout()
    y = 0
    for index, block in enumerate(blocks):
        font = theme.font(block.role, block.bold)
        step = font.get_linesize()
        if index:
            y += round(block.space_before * step)
        marker = round(step * 0.9) if (block.bullet or block.swatch) else 0
        x = block.indent + marker
        if block.figure is not None:
            height = block.figure.layout(theme, max(20, width - x))
            out.lines.append(Line(y, x, "", block.role, False, block.colour,
                                  figure=block.figure, height=height))
            y += height
            continue
        for n, text in enumerate(wrap(block.text, font, max(20, width - x))):
            out.lines.append(Line(y, x, text, block.role, block.bold, block.colour,
                                  block.swatch if n == 0 else None,
                                  block.bullet and n == 0))
            y += step
    out.height = y
    return out


def draw_line(surface: pygame.Surface, line: Line, theme: Theme, dx: int, dy: int) -> None:
    if line.figure is not None:
        line.figure.draw(surface, (dx + line.x, dy + line.y), theme)
        return
    font = theme.font(line.role, line.bold)
    colour = theme.colour(line.colour)
    step = font.get_linesize()
    if line.bullet or line.swatch:
        size = max(4, step // (4 if line.bullet else 2))
        box = pygame.Rect(0, 0, size, size)
        box.center = (dx + line.x - round(step * 0.45), dy + line.y + step // 2)
        pygame.draw.rect(surface, theme.colour(line.swatch or line.colour), box,
                         border_radius=size // 2 if line.bullet else 2)
    surface.blit(font.render(line.text, True, colour), (dx + line.x, dy + line.y))
