"""The spread view: the audiences as circles sized by their share of the public (echo
chambers walled in), each live narrative's reach growing or shrinking inside them from
where it stood before the turn to where it is, and a mark where a counter struck.

The move lasts ``DURATION`` seconds and any key or click ends it (``skip``).  Text is
rendered once per layout; a frame only draws circles.  The same information in words is
``spread_model.spread_lines`` (the results text and :meth:`texts`).
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from game.i18n import _
from game.presentation.viewmodel import reach_text
from game.ui.spread_model import SpreadModel, spread_lines
from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.textlayout import wrap

DURATION = 1.2       # seconds: long enough to see the move, short enough not to wait for
MIN_RADIUS = 0.4     # of the largest audience's radius: a small audience stays visible
WALL_MAX = 6         # pixels of wall for a fully closed audience


def ease(t: float) -> float:
    """Fast, then settling (ease-out)."""
    t = min(1.0, max(0.0, t))
    return 1.0 - (1.0 - t) ** 2


class SpreadView(Canvas):
    # The same information is in the results text; the view takes the focus only when it
    # must be scrolled to be seen whole (the results scene decides).
    focusable = False

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, model: SpreadModel, *,
                 age: float = 0.0, max_height: int | None = None,
                 object_id: str | None = None) -> None:
        self.model = model
        self.max_height = max_height or rect.height
        self.age = age
        self._texts: dict[str, list[pygame.Surface]] = {}
        self.radius = 0
        self.col = 0
        self.rows: list[int] = []      # top of each narrative's row
        self.names_top = 0
        self.legend_height = 0
        super().__init__(rect, manager, theme, object_id=object_id, background="panel")

    # -- time -------------------------------------------------------------------------

    def animating(self) -> bool:
        return self.age < DURATION

    def skip(self) -> bool:
        """End the move now (any key or click); True if it was moving."""
        if not self.animating():
            return False
        self.age = DURATION
        self.mark_dirty()
        return True

    def update(self, time_delta: float) -> None:
        if self.animating():
            self.age = min(DURATION, self.age + time_delta)
            self.mark_dirty()
        super().update(time_delta)

    # -- layout -----------------------------------------------------------------------

    def _wrapped(self, key: str, text: str, width: int, role: str = "small",
                 bold: bool = False, colour: str = "text") -> list[pygame.Surface]:
        font = self.theme.font(role, bold)
        surfaces = [font.render(line, True, self.theme.colour(colour))
                    for line in wrap(text, font, max(20, width))]
        self._texts[key] = surfaces
        return surfaces

    def relayout(self) -> None:
        """Legend, the audiences' names, then a row of circles per narrative; the circles
        as large as the height allows (``max_height``), never wider than their column."""
        t, m = self.theme, self.model
        width = self.rect.width - self.scrollbar_width - 2 * t.pad
        self.col = width // max(1, len(m.audiences))
        small = t.line("small")
        self._texts.clear()
        self._values: dict[int, pygame.Surface] = {}
        legend = self._wrapped("legend", _("Filled: reach now. Ring: where it was. "
                                           "Thick wall: echo chamber. Diamond: where your "
                                           "counter struck."), width, colour="muted")
        self.legend_height = len(legend) * small + t.gap
        tallest = 0
        for a in m.audiences:
            name = a.name if not a.chamber else _("{audience} (echo chamber)").format(
                audience=a.name)
            tallest = max(tallest, len(self._wrapped(f"name:{a.id}", name, self.col - t.gap)))
        self.names_top = t.pad + self.legend_height
        titles = [len(self._wrapped(f"title{i}", n.title, width, bold=True)) * small
                  for i, n in enumerate(m.narratives)]
        fixed = self.names_top + tallest * small + t.gap + t.pad + sum(
            title + 2 * t.gap + small + WALL_MAX for title in titles)
        rows = max(1, len(m.narratives))
        fit = (self.max_height - fixed) // (2 * rows)
        widest = self.col // 2 - t.gap - WALL_MAX
        self.radius = max(min(small, widest), min(fit, widest, round(2.6 * t.line("body"))))
        y = self.names_top + tallest * small + t.gap
        self.rows = []
        for title in titles:
            self.rows.append(y)
            y += title + 2 * t.gap + 2 * self.radius + small + WALL_MAX
        self.content_height = y + t.pad
        self._static: pygame.Surface | None = None
        for n in m.narratives:  # every figure the move will show, rendered now, not mid-move
            for a in m.audiences:
                ends = sorted((round(n.before.get(a.id, 0.0)), round(n.after.get(a.id, 0.0))))
                for percent in range(ends[0], ends[1] + 1):
                    self._value(percent)
        self._frame: pygame.Surface | None = None

    def circle_radius(self, share: float) -> int:
        biggest = max((a.share for a in self.model.audiences), default=1.0) or 1.0
        return max(round(self.radius * MIN_RADIUS),
                   round(self.radius * math.sqrt(share / biggest)))

    # -- drawing ----------------------------------------------------------------------

    def _centres(self, row: int) -> list[tuple[int, int, int]]:
        """(x, y, radius) of each audience's circle in narrative row *row*."""
        t, small = self.theme, self.theme.line("small")
        y = self.rows[row] + len(self._texts[f"title{row}"]) * small
        cy = y + t.gap + WALL_MAX // 2 + self.radius
        return [(t.pad + j * self.col + self.col // 2, cy, self.circle_radius(a.share))
                for j, a in enumerate(self.model.audiences)]

    def _static_layer(self) -> pygame.Surface:
        """What does not move (legend, names, titles, the audiences' circles), drawn once
        per layout: a frame of the move then only draws the reach and the marks."""
        if self._static is not None:
            return self._static
        t, m = self.theme, self.model
        small = t.line("small")
        layer = pygame.Surface((self.rect.width, max(1, self.content_height)))
        layer.fill(t.colour(self.background))
        y = t.pad
        for line in self._texts["legend"]:
            layer.blit(line, (t.pad, y))
            y += small
        for j, a in enumerate(m.audiences):
            cx = t.pad + j * self.col + self.col // 2
            for n_line, line in enumerate(self._texts[f"name:{a.id}"]):
                layer.blit(line, (cx - line.get_width() // 2, self.names_top + n_line * small))
        for i in range(len(m.narratives)):
            for n_line, line in enumerate(self._texts[f"title{i}"]):
                layer.blit(line, (t.pad, self.rows[i] + n_line * small))
            for (cx, cy, r), a in zip(self._centres(i), m.audiences, strict=True):
                self._audience(layer, (cx, cy), r, a.echo, a.chamber)
        self._static = layer
        return layer

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        t, m = self.theme, self.model
        surface.blit(self._static_layer(), (0, -top))
        k = ease(self.age / DURATION)
        pulse = self.age / DURATION if self.animating() else 1.0
        narrative, text = t.colour("narrative"), t.colour("text")
        for i, n in enumerate(m.narratives):
            struck = {a: s.mood for s in n.strikes for a in s.audiences}
            for (cx, cy, r), a in zip(self._centres(i), m.audiences, strict=True):
                cy -= top
                before, after = n.before.get(a.id, 0.0), n.after.get(a.id, 0.0)
                now = before + (after - before) * k
                if now > 0.5:
                    pygame.draw.circle(surface, narrative, (cx, cy),
                                       max(1, round(r * math.sqrt(now / 100.0))))
                ring = round(r * math.sqrt(before / 100.0))
                if ring > 1:
                    pygame.draw.circle(surface, text, (cx, cy), ring, 2)
                if a.id in struck:
                    self._strike(surface, (cx + r, cy - r), struck[a.id], pulse)
                value = self._value(round(now))
                surface.blit(value, (cx - value.get_width() // 2,
                                     cy + self.radius + WALL_MAX // 2 + 2))

    def redraw(self) -> None:
        """Draw into one opaque surface kept across frames and hand it over as it is: the
        base class's fresh transparent surface, and pygame_gui's copy of it, were most of
        a frame of the move (benchmarks/RESULTS.md, "Spread view")."""
        if self.get_image_clipping_rect() is not None:
            super().redraw()  # clipped by a container: pygame_gui's own path
            return
        if self._frame is None or self._frame.get_size() != self.rect.size:
            self._frame = pygame.Surface(self.rect.size)
        frame = self._frame
        if self.content_height - self.scroll < self.rect.height:
            frame.fill(self.theme.colour(self.background))
        self.draw_content(frame, self.scroll)
        if self.max_scroll:
            if self.more_below:
                self._draw_more(frame)
            self._draw_scrollbar(frame)
        self.image = frame
        self._dirty = False

    def _value(self, percent: int) -> pygame.Surface:
        surface = self._values.get(percent)
        if surface is None:
            surface = self.theme.font("small").render(reach_text(percent), True,
                                                      self.theme.colour("muted"))
            self._values[percent] = surface
        return surface

    def _audience(self, surface: pygame.Surface, centre: tuple[int, int], r: int,
                  echo: float, chamber: bool) -> None:
        t = self.theme
        pygame.draw.circle(surface, t.colour("card"), centre, r)
        wall = 1 + round(echo * WALL_MAX)
        colour = t.colour("accent") if chamber else t.colour("border")
        pygame.draw.circle(surface, colour, centre, r, wall)
        if chamber:  # a second wall: closed in
            pygame.draw.circle(surface, colour, centre, r + wall + 2, max(1, wall // 2))

    def _strike(self, surface: pygame.Surface, at: tuple[int, int], mood: str,
                pulse: float) -> None:
        t = self.theme
        size = max(5, t.gap + 2)
        colour = t.colour(mood if mood in ("good", "bad") else "warn")
        x, y = at
        if pulse < 1.0:  # a ring spreading from the mark while the move plays
            pygame.draw.circle(surface, colour, at, round(size * (1 + 2 * pulse)), 2)
        points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
        pygame.draw.polygon(surface, colour, points)
        pygame.draw.polygon(surface, t.colour("text"), points, 1)

    def texts(self) -> list[str]:
        return spread_lines(self.model)
