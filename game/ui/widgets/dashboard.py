"""The indicator dashboard (gauges with trend arrows) and the narratives panel."""

from __future__ import annotations

from typing import Any

import pygame

from game.i18n import _, fmt_number
from game.presentation import labels
from game.presentation.viewmodel import GaugeView, NarrativeView, reach_text, trend
from game.ui.theme import Theme
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.textlayout import ellipsize, wrap

PHASE_COLOURS = {"emerging": "warn", "spreading": "warn", "viral": "bad", "entrenched": "bad",
                 "debunked": "good", "faded": "good"}


def draw_arrow(surface: pygame.Surface, colour: pygame.Color, centre: tuple[int, int],
               size: int, direction: int) -> None:
    """A trend arrow drawn as a shape (the bundled font has no arrow glyphs)."""
    x, y = centre
    h = size // 2
    if direction > 0:
        points = [(x - h, y + h // 2), (x + h, y + h // 2), (x, y - h)]
    elif direction < 0:
        points = [(x - h, y - h // 2), (x + h, y - h // 2), (x, y + h)]
    else:
        return  # no change, no arrow (a dash would read as a minus sign)
    pygame.draw.polygon(surface, colour, points)


def draw_bar(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, value: float,
             colour: str) -> None:
    pygame.draw.rect(surface, theme.colour("bar_bg"), rect, border_radius=rect.height // 2)
    filled = rect.copy()
    filled.width = round(rect.width * max(0.0, min(100.0, value)) / 100.0)
    if filled.width:
        pygame.draw.rect(surface, theme.colour(colour), filled, border_radius=rect.height // 2)


def trend_colour(gauge: GaugeView) -> str:
    direction = trend(gauge.delta)
    if direction == 0:
        return "muted"
    good = (direction < 0) if gauge.lower_is_better else (direction > 0)
    return "good" if good else "bad"


class Dashboard(Canvas):
    """Six gauges: name, value, trend arrow and change since last turn, and a bar.

    A gauge whose name, value and change do not fit on one line drops the change (the
    arrow still shows the direction), then puts its name on a line of its own."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme,
                 gauges: list[GaugeView], *, since: str = "",
                 object_id: str | None = None) -> None:
        self.gauges = gauges
        # What the changes are counted from ("Changes: since your desk"), beside the
        # heading, or under it when it does not fit; "" for none.
        self.since = since if any(trend(g.delta) for g in gauges) else ""
        self.since_under = False
        self.layouts: list[tuple[int, str, bool]] = []  # (top, right-hand text, own line)
        super().__init__(rect, manager, theme, object_id=object_id)

    @property
    def inner_width(self) -> int:
        return self.rect.width - 2 * self.theme.pad - self.scrollbar_width

    def relayout(self) -> None:
        t = self.theme
        width, arrow = self.inner_width, t.line("body") // 2
        y = t.line("heading") + t.gap
        heading = t.font("heading", True).size(_("Indicators"))[0]
        self.since_under = bool(self.since) and \
            heading + 2 * t.gap + t.font("small").size(self.since)[0] > width
        if self.since_under:
            y += t.line("small")
        self.layouts = []
        for gauge in self.gauges:
            value = fmt_number(gauge.value)
            right = f"{value}  {labels.fmt_delta(gauge.delta, 0)}" if trend(gauge.delta) else value
            room = width - arrow - 3 * t.gap - t.text_width(gauge.label)
            if t.text_width(right) > room:
                right = value
            own_line = t.text_width(right) > room
            self.layouts.append((y, right, own_line))
            y += self.row_height * (2 if own_line else 1) - (t.gap if own_line else 0)
        self.content_height = y
        self.focusable = self.content_height > self.rect.height

    @property
    def row_height(self) -> int:
        t = self.theme
        return t.line("body") + t.pad + t.gap

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        t = self.theme
        surface.blit(t.font("heading", True).render(_("Indicators"), True, t.colour("text")),
                     (t.pad, t.gap // 2 - top))
        if self.since:
            since = t.font("small").render(self.since, True, t.colour("muted"))
            if self.since_under:
                at = (t.pad, t.gap // 2 + t.line("heading") - top)
            else:  # on the heading's baseline, at the right, above the changes it explains
                at = (t.pad + self.inner_width - since.get_width(),
                      t.gap // 2 + t.line("heading") - t.line("small") - top)
            surface.blit(since, at)
        for gauge, (y, right, own_line) in zip(self.gauges, self.layouts, strict=True):
            self._draw_gauge(surface, gauge, y - top, right, own_line)

    def _draw_gauge(self, surface: pygame.Surface, gauge: GaugeView, y: int, right: str,
                    own_line: bool) -> None:
        t = self.theme
        body, x, width = t.font("body"), t.pad, self.inner_width
        surface.blit(body.render(gauge.label, True, t.colour("text")), (x, y))
        if own_line:
            y += t.line("body")
        right_w = body.size(right)[0]
        surface.blit(body.render(right, True, t.colour("text")), (x + width - right_w, y))
        arrow = t.line("body") // 2
        draw_arrow(surface, t.colour(trend_colour(gauge)),
                   (x + width - right_w - t.gap - arrow // 2, y + t.line("body") // 2), arrow,
                   trend(gauge.delta))
        bar = pygame.Rect(x, y + t.line("body"), width, max(4, t.pad // 2 + 2))
        hot = gauge.lower_is_better and gauge.value >= 60
        draw_bar(surface, t, bar, gauge.value, "warn" if hot else "accent")

    def texts(self) -> list[str]:
        return [_("Indicators"), *([self.since] if self.since else [])] + [
            f"{g.label} {fmt_number(g.value)}" for g in self.gauges]


class NarrativesView(Canvas):
    """Each live disinformation narrative: phase, technique, reach overall and per audience."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme,
                 narratives: list[NarrativeView], *, object_id: str | None = None) -> None:
        self.narratives = narratives
        self.rows: list[tuple[str, Any, str]] = []
        self.bars_under = False  # set by relayout
        super().__init__(rect, manager, theme, object_id=object_id)

    def relayout(self) -> None:
        """Pre-compute rows of (kind, payload, colour) so drawing is a simple walk."""
        t = self.theme
        width = self.rect.width - 2 * t.pad - self.scrollbar_width
        self.ticks: dict[int, float] = {}  # row -> threshold marked on its bar
        rows: list[tuple[str, Any, str]] = [
            ("heading", line, "text")
            for line in wrap(_("Disinformation narratives"), t.font("heading", True), width)]
        if not self.narratives:
            rows += [("small", line, "muted") for line in wrap(
                _("No narrative detected yet. Monitoring is on."), t.font("small"), width)]
        # Names beside their bars when every name fits the name column; else, for the whole
        # panel, each name on its own line with its value, and a thin bar just under them.
        names = [_("Overall reach")] + [name for n in self.narratives
                                        for name, _value in n.audiences]
        self.bars_under = any(t.text_width(name, "small") > self.column_width(width)
                              for name in names)
        for n in self.narratives:
            rows.append(("gap", None, ""))
            rows += [("bold", line, "text") for line in wrap(n.title, t.font("body", True), width)]
            status = " · ".join([labels.label(labels.NARRATIVE_PHASES, n.phase), n.technique,
                                 *n.tags])
            colour = PHASE_COLOURS.get(n.phase, "muted")
            rows += [("small", line, colour) for line in wrap(status, t.font("small"), width)]
            for i, (name, value, colour, shown) in enumerate(
                    [(_("Overall reach"), n.weighted, "narrative", n.reach_shown)]
                    + [(name, value, "muted", reach_text(value)) for name, value in n.audiences]):
                # One row per bar: a name too long even so is cut, not wrapped.
                name = ellipsize(name, t.font("small"), self.name_width(width))
                if i == 0 and n.threshold is not None:
                    self.ticks[len(rows)] = n.threshold
                rows.append(("bar", (name, value, shown), colour))
        self.rows = rows
        self.content_height = sum(self._row_height(kind) for kind, *_rest in rows) + t.pad
        self.focusable = self.content_height > self.rect.height

    @property
    def value_width(self) -> int:
        return self.theme.text_width("100 %", "small") + self.theme.gap

    @staticmethod
    def column_width(width: int) -> int:
        """The column of names beside the bars."""
        return round(width * 0.45)

    def name_width(self, width: int) -> int:
        """Room for an audience's name: the column beside the bars, or the line above one."""
        return width - self.value_width if self.bars_under else self.column_width(width)

    @property
    def bar_thickness(self) -> int:
        return max(4, self.theme.line("small") // 3)

    def _row_height(self, kind: str) -> int:
        t = self.theme
        bar = t.line("small") + (self.bar_thickness + 4 if self.bars_under else 2)
        return {"heading": t.line("heading"), "bold": t.line("body"),
                "small": t.line("small"), "gap": t.gap, "bar": bar}[kind]

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        t = self.theme
        x = t.pad
        width = self.rect.width - 2 * t.pad - self.scrollbar_width
        y = t.gap // 2 - top
        for row, (kind, payload, colour) in enumerate(self.rows):
            height = self._row_height(kind)
            if -height <= y <= self.rect.height:
                self._draw_row(surface, kind, payload, colour, x, y, width, self.ticks.get(row))
            y += height

    def _draw_row(self, surface: pygame.Surface, kind: str, payload: Any, colour: str, x: int,
                  y: int, width: int, threshold: float | None = None) -> None:
        t = self.theme
        if kind == "heading":
            surface.blit(t.font("heading", True).render(payload, True, t.colour(colour)), (x, y))
        elif kind in ("bold", "small"):
            font = t.font("body", True) if kind == "bold" else t.font("small")
            surface.blit(font.render(payload, True, t.colour(colour)), (x, y))
        elif kind == "bar":
            name, value, shown = payload
            small = t.font("small")
            surface.blit(small.render(name, True, t.colour("text")), (x, y))
            if self.bars_under:
                bar = pygame.Rect(x, y + t.line("small") + 1, width, self.bar_thickness)
            else:
                name_w = self.name_width(width)
                bar = pygame.Rect(x + name_w + t.gap, y + t.line("small") // 3,
                                  max(10, width - name_w - self.value_width - 2 * t.gap),
                                  self.bar_thickness)
            draw_bar(surface, t, bar, value, colour if colour != "muted" else "warn")
            if threshold is not None:  # the line above which it costs points at the end
                tick = bar.x + round(bar.width * threshold / 100.0)
                # Standing out below the bar, not above: the name's descenders sit there
                # (the mark cut through « globale »).
                pygame.draw.line(surface, t.colour("text"), (tick, bar.y),
                                 (tick, bar.bottom + 3), 2)
            text = small.render(shown, True, t.colour("text"))
            surface.blit(text, (x + width - text.get_width(), y))

    def texts(self) -> list[str]:
        out = [_("Disinformation narratives")]
        for n in self.narratives:
            out += [n.title, labels.label(labels.NARRATIVE_PHASES, n.phase), n.technique,
                    *n.tags, *[name for name, _share in n.audiences]]
        return out
