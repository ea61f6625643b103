"""The look of the student report and the class summary, added to the balance report's
style sheet (``game.simulation.html_style``): one inline sheet, print-friendly."""

from __future__ import annotations

TONE_CLASS = {"success": "ok", "mixed": "mixed", "failure": "bad"}

REPORT_CSS = """
.who { font-size: 19px; font-weight: 600; margin: 0 0 2px; }
.verdict.mixed { background: #fff4e0; border-left: 6px solid #c78a00; }
.verdict.bad { background: #fdecea; border-left: 6px solid #c62828; }
.verdict h2 .tone { vertical-align: 3px; }
.score { font-size: 19px; font-weight: 700; color: var(--accent); }
svg.line .grid { stroke: var(--line); stroke-width: 1; }
svg.line .tick { fill: var(--muted); font: 11px system-ui, sans-serif; }
figure { break-inside: avoid; }
.cards figure { width: 326px; }
blockquote { margin: 6px 0 10px; padding: 4px 12px; border-left: 4px solid var(--line);
  color: var(--muted); font-style: italic; }
ul.timeline { list-style: none; padding-left: 0; margin: 4px 0 12px; }
ul.timeline > li { border-left: 4px solid var(--accent); padding: 4px 0 4px 12px;
  margin: 8px 0; break-inside: avoid; }
ul.timeline > li.missed, ul.timeline > li.penalty { border-left-color: #c62828; }
ul.timeline p { margin: 2px 0; }
ul.timeline ul { margin: 2px 0; padding-left: 20px; font-size: 15px; }
ul.posts { list-style: none; padding-left: 0; }
ul.posts > li { margin: 8px 0; break-inside: avoid; }
ul.posts p { margin: 2px 0; font-size: 15px; }
ul.posts blockquote { color: inherit; font-style: normal; overflow-wrap: anywhere; }
.concept { color: var(--accent); font-size: 15px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 10px;
  margin: 12px 0; break-inside: avoid; }
.card cite { display: block; color: var(--muted); font-size: 14px; font-style: normal; }
.good { color: #1f6b25; } .bad { color: #a61b1b; }
.card.well { border-left: 6px solid #2e7d32; } .card.poor { border-left: 6px solid #c62828; }
.card.missed { border-left: 6px solid var(--line); } .card .mark { margin: 4px 0; }
table.grid td.text { max-width: 520px; }
table.crises { width: 100%; } table.crises td:first-child { width: 34%; }
.skipped { color: var(--muted); }
footer { margin-top: 36px; color: var(--muted); font-size: 13px;
  border-top: 1px solid var(--line); padding-top: 8px; }
@media print { .cards { gap: 10px; } h2 { break-after: avoid; } }
"""
