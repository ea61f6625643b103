"""Line charts drawn with pygame for the debrief: one small chart per indicator or narrative.

Small multiples rather than one crowded chart: each series gets its own panel with the
same axes (turns across, 0-100 up), a title, start and end values, and markers at each
turn, so a chart is read without telling six colours apart — in high contrast too.  Sizes
follow the theme's fonts, so the charts grow with the text size.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n import _
from game.ui.theme import Theme
from game.ui.widgets.textlayout import wrap

MAX_COLUMNS = 3


@dataclass
class Series:
    """One panel: a title, a one-line summary, and (turn, value 0-100) points."""

    title: str
    summary: str
    points: list[tuple[int, float]]
    colour: str = "accent"          # palette name of the line
    summary_colour: str = "muted"   # palette name of the summary (good, bad…)


@dataclass
class _Panel:
    rect: pygame.Rect
    title: list[str]
    summary: list[str]


class ChartGrid:
    """A figure for a :class:`~game.ui.widgets.textlayout.Block`: panels in a grid."""

    def __init__(self, series: list[Series], first_turn: int, last_turn: int,
                 caption: str) -> None:
        self.series = series
        self.first_turn = first_turn
        self.last_turn = max(last_turn, first_turn + 1)
        self.caption = caption  # what the chart shows, in words (also for tests)
        self.panels: list[_Panel] = []

    # -- layout ------------------------------------------------------------------------

    def columns(self, theme: Theme, width: int) -> int:
        panel_min = theme.base * 15
        return max(1, min(MAX_COLUMNS, len(self.series), width // panel_min))

    def layout(self, theme: Theme, width: int) -> int:
        """Place the panels in *width*; returns the height they need."""
        t = theme
        cols = self.columns(t, width)
        panel_w = (width - (cols - 1) * t.pad) // cols
        inner = panel_w - 2 * t.pad
        wrapped = [(wrap(s.title, t.font("body", True), inner),
                    wrap(s.summary, t.font("small"), inner)) for s in self.series]
        self.panels = []
        y = 0
        for row in range(0, len(self.series), cols):
            texts = wrapped[row:row + cols]
            heads = max(len(a) * t.line("body") + len(b) * t.line("small") for a, b in texts)
            height = heads + self.plot_height(t) + t.line("small") + 3 * t.pad
            for n, (title, summary) in enumerate(texts):
                rect = pygame.Rect(n * (panel_w + t.pad), y, panel_w, height)
                self.panels.append(_Panel(rect, title, summary))
            y += height + t.pad
        return max(0, y - t.pad)

    @staticmethod
    def plot_height(theme: Theme) -> int:
        return theme.line("body") * 5

    # -- drawing -----------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, origin: tuple[int, int], theme: Theme) -> None:
        for series, panel in zip(self.series, self.panels, strict=False):
            self._draw_panel(surface, panel.rect.move(origin), panel, series, theme)

    def _draw_panel(self, surface: pygame.Surface, rect: pygame.Rect, panel: _Panel,
                    series: Series, t: Theme) -> None:
        pygame.draw.rect(surface, t.colour("card"), rect, border_radius=6)
        pygame.draw.rect(surface, t.colour("border"), rect, width=t.border, border_radius=6)
        x, y = rect.x + t.pad, rect.y + t.pad
        for line in panel.title:
            surface.blit(t.font("body", True).render(line, True, t.colour("text")), (x, y))
            y += t.line("body")
        for line in panel.summary:
            surface.blit(t.font("small").render(line, True, t.colour(series.summary_colour)),
                         (x, y))
            y += t.line("small")
        small = t.font("small")
        axis_w = small.size("100")[0] + t.gap
        plot = pygame.Rect(x + axis_w, y + t.pad, rect.width - 2 * t.pad - axis_w,
                           self.plot_height(t))
        self._draw_axes(surface, plot, t)
        self._draw_line(surface, plot, series, t)

    def _x(self, plot: pygame.Rect, turn: float) -> int:
        span = self.last_turn - self.first_turn
        return plot.x + round((turn - self.first_turn) / span * plot.width)

    @staticmethod
    def _y(plot: pygame.Rect, value: float) -> int:
        return plot.bottom - round(max(0.0, min(100.0, value)) / 100.0 * plot.height)

    def _draw_axes(self, surface: pygame.Surface, plot: pygame.Rect, t: Theme) -> None:
        small = t.font("small")
        for value in (0, 50, 100):
            y = self._y(plot, value)
            pygame.draw.line(surface, t.colour("bar_bg"), (plot.x, y), (plot.right, y),
                             2 if value == 0 else 1)
            label = small.render(str(value), True, t.colour("muted"))
            surface.blit(label, (plot.x - t.gap // 2 - label.get_width(),
                                 y - label.get_height() // 2))
        for turn in self.ticks(t, plot.width):
            text = small.render(str(turn), True, t.colour("muted"))
            x = self._x(plot, turn)
            pygame.draw.line(surface, t.colour("bar_bg"), (x, plot.bottom), (x, plot.bottom + 4))
            left = max(plot.x - text.get_width() // 2, min(x - text.get_width() // 2,
                                                          plot.right - text.get_width()))
            surface.blit(text, (left, plot.bottom + 4))

    def ticks(self, t: Theme, width: int) -> list[int]:
        """Turn numbers under the axis, as many as fit without touching."""
        label_w = t.font("small").size(str(self.last_turn))[0] + 2 * t.gap
        span = self.last_turn - self.first_turn
        step = 1
        while span / step * label_w > width:
            step = step * 2 if str(step)[0] != "2" else step * 5 // 2
        turns = list(range(self.first_turn, self.last_turn + 1, step))
        if turns[-1] != self.last_turn and (self.last_turn - turns[-1]) * width / span > label_w:
            turns.append(self.last_turn)
        return turns

    def _draw_line(self, surface: pygame.Surface, plot: pygame.Rect, series: Series,
                   t: Theme) -> None:
        colour = t.colour(series.colour)
        points = [(self._x(plot, turn), self._y(plot, value)) for turn, value in series.points]
        if len(points) >= 2:
            pygame.draw.lines(surface, colour, False, points, max(2, t.base // 7))
        spacing = plot.width / max(1, self.last_turn - self.first_turn)
        if spacing >= 8:  # markers only while they do not run into each other
            radius = max(3, t.base // 5)
            for point in points:
                pygame.draw.circle(surface, t.colour("card"), point, radius + 1)
                pygame.draw.circle(surface, colour, point, radius)

    def texts(self) -> list[str]:
        return [self.caption] + [_("{title}: {summary}").format(title=s.title, summary=s.summary)
                                 for s in self.series]
