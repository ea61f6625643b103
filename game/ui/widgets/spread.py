"""The spread view: the audiences as circles sized by their share of the public (echo
chambers walled in), each live narrative's reach growing or shrinking inside them from
where it stood before the turn to where it is, and a mark where a counter struck.  A
legend shows a sample of every mark.  The circles keep one scale all game (sized for
every narrative of the scenario): a filled area is always the same share of the people.

The move lasts ``DURATION`` seconds and any key or click ends it (``skip``).  Text is
rendered once per layout; a frame only draws circles.  The same information in words is
``spread_model.spread_lines`` (the results text and :meth:`texts`).
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from game.i18n import _, fmt_number
from game.presentation import labels
from game.presentation.viewmodel import overall_reach_text, reach_text
from game.ui.spread_model import SpreadModel, spread_lines
from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.textlayout import wrap

DURATION = 1.2       # seconds: long enough to see the move, short enough not to wait for
MIN_RADIUS = 0.4     # of the largest audience's radius: a small audience stays visible
WALL_MAX = 6         # pixels of wall for a fully closed audience


# The legend's diamonds: how a strike landed (``spread_model.Strike.mood``), its colour.
STRIKE_MOODS = {"fits": "good", "weak": "warn", "backfires": "bad"}


def legend_entries() -> list[tuple[str, str]]:
    """Every mark the view draws, and what it means (the same every turn)."""
    return [("audience", _("An audience, sized by its share of the population")),
            ("chamber", _("An echo chamber (double wall)")),
            ("reach", _("The narrative's reach now")),
            ("before", _("Its reach at your desk")),
            ("figure", _("Share of the audience reached")),
            ("fits", _("A counter that fitted")),
            ("weak", _("A counter that did little")),
            ("backfires", _("A counter that backfired"))]


def row_title(title: str, reach: float, threshold: float | None = None) -> str:
    """A narrative's row: its title and its reach over the whole population, the figure
    the panel shows beside it (``overall_reach_text``)."""
    return _("“{title}”: {reach} of the population").format(
        title=labels.nested(title), reach=overall_reach_text(reach, threshold))


def ease(t: float) -> float:
    """Fast, then settling (ease-out)."""
    t = min(1.0, max(0.0, t))
    return 1.0 - (1.0 - t) ** 2


def moving(before: float, after: float, k: float) -> float:
    """A reach *k* of the way (0-1) from *before* to *after*.  At the end, *after* itself,
    the very value the panel shows: "before + (after - before) * 1" can land a hair off
    (50.846… to 7.499999999999999 gives 7.5, drawn as 8 % beside the panel's 7 %)."""
    return after if k >= 1.0 else before + (after - before) * k


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
        self.figure_width = 0
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
        self._values: dict[str, pygame.Surface] = {}
        self.legend_height = self._legend_layout(width) + t.gap
        tallest = 0
        for a in m.audiences:  # the double wall says echo chamber (the legend shows it)
            tallest = max(tallest, len(self._wrapped(f"name:{a.id}", a.name,
                                                     self.col - t.gap)))
        self.names_top = t.pad + self.legend_height
        titles = [len(self._wrapped(f"title{i}", row_title(n.title, n.weighted_after, m.threshold),
                                    width, bold=True)) * small
                  for i, n in enumerate(m.narratives)]
        # One scale all game: the circles are sized for every narrative of the scenario
        # (each title with the widest figure), not for the ones live this turn.
        font = t.font("small", True)
        sized = [len(wrap(row_title(title, 100.0), font, max(20, width))) * small
                 for title in m.every_title] or titles
        fixed = self.names_top + tallest * small + t.gap + t.pad + sum(
            title + 2 * t.gap + WALL_MAX for title in sized)
        fit = (self.max_height - fixed) // (2 * max(1, len(sized)))
        # The figure sits right of its circle: the circle has the rest of the column.
        self.figure_width = self._value(100).get_width()
        widest = (self.col - self.figure_width - t.gap) // 2 - WALL_MAX
        self.radius = max(min(small, widest), min(fit, widest, round(2.6 * t.line("body"))))
        y = self.names_top + tallest * small + t.gap
        self.rows = []
        for title in titles:
            self.rows.append(y)
            y += title + 2 * t.gap + 2 * self.radius + WALL_MAX
        self.content_height = y + t.pad
        self._static: pygame.Surface | None = None
        for n in m.narratives:  # every figure the view shows, rendered now, not mid-move
            for a in m.audiences:
                self._value(n.after.get(a.id, 0.0))
        self._frame: pygame.Surface | None = None

    def _legend_layout(self, width: int) -> int:
        """Place the legend's entries (a sample of each mark, then its words) left to
        right, as many a line as fit; returns the legend's height."""
        t = self.theme
        small = t.line("small")
        self.legend: list[tuple[str, int, int, list[pygame.Surface]]] = []
        x = y = line_h = 0
        chambers = any(a.chamber for a in self.model.audiences)
        for kind, text in legend_entries():
            if kind == "chamber" and not chambers:
                continue  # no double wall in this scenario: nothing to explain
            icon = self._sample().get_width() if kind == "figure" else small
            lines = self._wrapped(f"legend:{kind}", text, width - icon - t.gap,
                                  colour="muted")
            w = icon + t.gap + max(line.get_width() for line in lines)
            if x and x + w > width:
                x, y, line_h = 0, y + line_h, 0
            self.legend.append((kind, x, y, lines))
            x += w + 2 * t.gap
            line_h = max(line_h, len(lines) * small)
        return y + line_h

    def _draw_legend(self, layer: pygame.Surface) -> None:
        t = self.theme
        small = t.line("small")
        half = small // 2
        for kind, x, y, lines in self.legend:
            x, y = x + t.pad, y + t.pad
            centre, r = (x + half, y + half), max(3, half - 2)
            if kind in ("audience", "chamber"):
                self._audience(layer, centre, r - (3 if kind == "chamber" else 0),
                               0.0 if kind == "audience" else 0.5, kind == "chamber")
            elif kind == "reach":
                pygame.draw.circle(layer, t.colour("card"), centre, r)
                pygame.draw.circle(layer, t.colour("narrative"), centre, r - 2)
            elif kind == "before":
                pygame.draw.circle(layer, t.colour("text"), centre, r - 1, 2)
            elif kind in STRIKE_MOODS:
                self._diamond(layer, centre, r - 1, STRIKE_MOODS[kind])
            icon = small
            if kind == "figure":
                value = self._sample()
                layer.blit(value, (x, y))
                icon = value.get_width()
            for n_line, line in enumerate(lines):
                layer.blit(line, (x + icon + t.gap, y + n_line * small))

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
        return [(self._column_centre(j), cy, self.circle_radius(a.share))
                for j, a in enumerate(self.model.audiences)]

    def _column_centre(self, j: int) -> int:
        """The x of audience *j*'s circles: its column's middle, less room for the figure."""
        t = self.theme
        return t.pad + j * self.col + (self.col - self.figure_width - t.gap) // 2

    def _static_layer(self) -> pygame.Surface:
        """What does not move (legend, names, titles, the audiences' circles), drawn once
        per layout: a frame of the move then only draws the reach and the marks."""
        if self._static is not None:
            return self._static
        t, m = self.theme, self.model
        small = t.line("small")
        layer = pygame.Surface((self.rect.width, max(1, self.content_height)))
        layer.fill(t.colour(self.background))
        self._draw_legend(layer)
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
                now = moving(before, after, k)
                if now > 0.5:
                    pygame.draw.circle(surface, narrative, (cx, cy),
                                       max(1, round(r * math.sqrt(now / 100.0))))
                ring = round(r * math.sqrt(before / 100.0))
                if ring > 1:
                    pygame.draw.circle(surface, text, (cx, cy), ring, 2)
                if a.id in struck:
                    self._strike(surface, (cx + r, cy - r), struck[a.id], pulse)
                # The figure is the panel's from the first frame: only the circle moves (a
                # figure counting down beside the panel's was read as a contradiction).
                value = self._value(after)  # right of the circle, on its bottom
                surface.blit(value, (cx + self.radius + WALL_MAX // 2 + t.gap // 2,
                                     cy + self.radius - value.get_height()))

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

    def _sample(self) -> pygame.Surface:
        """The legend's figure: "n %" as a placeholder (a real-looking "12 %" was read as
        data and matched an audience on the same screen)."""
        text = reach_text(0).replace(fmt_number(0), "n", 1)
        return self.theme.font("small").render(text, True, self.theme.colour("muted"))

    def _value(self, percent: float) -> pygame.Surface:
        """*percent* as the panels show a reach (``reach_text``: the same rounding)."""
        text = reach_text(percent)
        surface = self._values.get(text)
        if surface is None:
            surface = self.theme.font("small").render(text, True, self.theme.colour("muted"))
            self._values[text] = surface
        return surface

    def shown_values(self) -> list[list[str]]:
        """The figure beside each audience's circle, per narrative, as drawn."""
        return [[reach_text(n.after.get(a.id, 0.0)) for a in self.model.audiences]
                for n in self.model.narratives]

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
        size = max(5, self.theme.gap + 2)
        colour = mood if mood in ("good", "bad") else "warn"
        if pulse < 1.0:  # a ring spreading from the mark while the move plays
            pygame.draw.circle(surface, self.theme.colour(colour), at,
                               round(size * (1 + 2 * pulse)), 2)
        self._diamond(surface, at, size, colour)

    def _diamond(self, surface: pygame.Surface, at: tuple[int, int], size: int,
                 colour: str) -> None:
        x, y = at
        points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
        pygame.draw.polygon(surface, self.theme.colour(colour), points)
        pygame.draw.polygon(surface, self.theme.colour("text"), points, 1)

    def texts(self) -> list[str]:
        return spread_lines(self.model)
