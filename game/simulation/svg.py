"""Tiny inline SVG charts for the balance report: a stacked bar and a histogram.

Callers pass texts already HTML-escaped; numbers are formatted here.  No script, no
external resource: the page reads the same offline and on paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: its share (0-1), colour, label and tooltip (escaped)."""

    share: float
    colour: str
    label: str
    tooltip: str


def stacked_bar(segments: Sequence[Segment], width: int = 640, height: int = 28) -> str:
    """A horizontal bar split into segments, each labelled when wide enough."""
    parts: list[str] = []
    x = 0.0
    for seg in segments:
        if seg.share <= 0:
            continue
        w = seg.share * width
        parts.append(
            f'<g><title>{seg.tooltip}</title>'
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{seg.colour}"/>')
        if w >= 44:
            parts.append(f'<text x="{x + w / 2:.1f}" y="{height / 2 + 5:.1f}" '
                         f'text-anchor="middle" class="on-bar">{seg.label}</text>')
        parts.append("</g>")
        x += w
    return (f'<svg class="bar" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img">{"".join(parts)}</svg>')


def histogram(counts: Sequence[int], labels: Sequence[str], colour: str, title: str,
              width: int = 300, height: int = 120) -> str:
    """Vertical bars for *counts* (one per bin), with the bins' labels under them."""
    top = max(counts) if counts and max(counts) > 0 else 1
    n = max(len(counts), 1)
    bar_w = width / n
    plot_h = height - 18
    parts = [f"<title>{title}</title>",
             f'<line x1="0" y1="{plot_h}" x2="{width}" y2="{plot_h}" class="axis"/>']
    for i, count in enumerate(counts):
        h = plot_h * count / top
        x = i * bar_w
        parts.append(f'<g><title>{labels[i]}: {count}</title>'
                     f'<rect x="{x + 1:.1f}" y="{plot_h - h:.1f}" width="{bar_w - 2:.1f}" '
                     f'height="{h:.1f}" fill="{colour}"/></g>')
        if i % 2 == 0:
            parts.append(f'<text x="{x + 1:.1f}" y="{height - 4}" class="tick">'
                         f'{labels[i].split("–")[0]}</text>')
    return (f'<svg class="hist" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img">{"".join(parts)}</svg>')
