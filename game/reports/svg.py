"""Inline SVG line charts for the student report: one small chart per indicator or
narrative, the same axes as the debrief screen (turns across, 0-100 up).

Callers pass texts already HTML-escaped; numbers are written here.  No script, no external
resource, readable in black and white: the line has markers and the grid is labelled.
"""

from __future__ import annotations

from collections.abc import Sequence

WIDTH, HEIGHT = 300, 150
LEFT, RIGHT, TOP, BOTTOM = 30, 10, 8, 22


def _ticks(first: int, last: int, room: float) -> list[int]:
    step = 1
    while (last - first) / step * 26 > room:  # about 26 px per turn label
        step = step * 2 if str(step)[0] != "2" else step * 5 // 2
    ticks = list(range(first, last + 1, step))
    if ticks[-1] != last and (last - ticks[-1]) / max(1, last - first) * room > 22:
        ticks.append(last)
    return ticks


def line_chart(points: Sequence[tuple[int, float]], first: int, last: int, colour: str,
               title: str, width: int = WIDTH, height: int = HEIGHT) -> str:
    """A line over turns *first*..*last* with values 0-100; *title* (escaped) names it for
    screen readers and tooltips."""
    last = max(last, first + 1)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM

    def x(turn: float) -> float:
        return LEFT + (turn - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - max(0.0, min(100.0, value)) / 100 * plot_h

    parts = [f"<title>{title}</title>"]
    for value in (0, 50, 100):
        parts.append(f'<line x1="{LEFT}" y1="{y(value):.1f}" x2="{width - RIGHT}" '
                     f'y2="{y(value):.1f}" class="grid"/>'
                     f'<text x="{LEFT - 4}" y="{y(value) + 4:.1f}" class="tick" '
                     f'text-anchor="end">{value}</text>')
    for turn in _ticks(first, last, plot_w):
        parts.append(f'<text x="{x(turn):.1f}" y="{height - 6}" class="tick" '
                     f'text-anchor="middle">{turn}</text>')
    coords = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in points)
    if len(points) >= 2:
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                     'stroke-width="2.5" stroke-linejoin="round"/>')
    if plot_w / (last - first) >= 8:
        parts += [f'<circle cx="{x(t):.1f}" cy="{y(v):.1f}" r="3.2" fill="{colour}"/>'
                  for t, v in points]
    return (f'<svg class="line" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img">{"".join(parts)}</svg>')
