"""The balance report's look: one inline style sheet and the colours of the ending tones."""

from __future__ import annotations

from game.engine.vocabulary import EndingTone

TONE_COLOURS = {EndingTone.SUCCESS: "#2e7d32", EndingTone.MIXED: "#c78a00",
                EndingTone.FAILURE: "#c62828"}


def shade(colour: str, index: int, count: int) -> str:
    """The *index*-th of *count* shades of *colour*, lighter each time (for several endings
    of one tone)."""
    if count <= 1 or index == 0:
        return colour
    mix = 0.55 * index / (count - 1)
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * mix):02x}" for c in rgb)


CSS = """
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --line: #d9dee6;
  --soft: #f4f6f9; --accent: #3f6fb5; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 20px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--accent);
  font-weight: 700; margin: 0; }
h1 { margin: 4px 0 6px; font-size: 30px; }
h2 { font-size: 21px; margin: 30px 0 10px; border-bottom: 1px solid var(--line);
  padding-bottom: 4px; }
h3 { font-size: 17px; margin: 18px 0 6px; }
.facts, .note, .muted { color: var(--muted); }
.note { font-size: 14px; }
code { font: 13px/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  background: var(--soft); padding: 1px 4px; border-radius: 3px; }
.verdict { border-radius: 8px; padding: 4px 18px 8px; margin: 16px 0; }
.verdict h2 { border: 0; margin-top: 10px; }
.verdict.ok { background: #e8f5e9; border-left: 6px solid #2e7d32; }
.verdict.warn { background: #fff4e0; border-left: 6px solid #c78a00; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { padding: 6px 10px; text-align: left; vertical-align: middle; }
table.grid th, table.grid td, table.choices th, table.choices td {
  border-bottom: 1px solid var(--line); }
table.bars th[scope=row] { white-space: nowrap; }
table.choices { width: 100%; } table.choices td:first-child { min-width: 16em; }
.wide { overflow-x: auto; } table.choices th { font-size: 12px; vertical-align: bottom; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg { display: block; }
svg text.on-bar { fill: #fff; font: 600 13px system-ui, sans-serif; }
svg text.tick { fill: var(--muted); font: 11px system-ui, sans-serif; }
svg line.axis { stroke: var(--line); }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px;
  vertical-align: -2px; margin-right: 6px; }
.tone { font-size: 12px; padding: 1px 6px; border-radius: 9px; color: #fff; }
.tone.success { background: #2e7d32; } .tone.mixed { background: #c78a00; }
.tone.failure { background: #c62828; }
.cards { display: flex; flex-wrap: wrap; gap: 18px; }
figure { margin: 0; padding: 10px 12px; border: 1px solid var(--line); border-radius: 8px; }
figcaption { font-size: 14px; margin-bottom: 6px; }
.flag { font-size: 12px; font-weight: 700; padding: 1px 7px; border-radius: 9px;
  white-space: nowrap; }
.flag.never { background: #fde8e8; color: #a61b1b; }
.flag.always { background: #e3f1e4; color: #1f6b25; }
details { margin: 8px 0; } summary { cursor: pointer; color: var(--accent); }
@media print { main { padding: 0; } details { display: block; } }
"""
