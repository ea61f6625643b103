"""The technique table of the rules, rendered for the docs (``docs/model.md`` and both
authoring guides), in the current language."""

from __future__ import annotations

from game.content.ref_render import _colon
from game.engine.techniques import COUNTERS, TABLE, Fit
from game.i18n import N_, _

FIT_MARKS = {Fit.FITS: "✓", Fit.WEAK: "·", Fit.BACKFIRES: "✗"}
FIT_WORDS = {Fit.FITS: N_("fits"), Fit.WEAK: N_("does little"), Fit.BACKFIRES: N_("backfires")}


def render_techniques() -> str:
    legend = ", ".join(f"{FIT_MARKS[f]} {_(FIT_WORDS[f])}" for f in Fit)
    lines = [_("For each technique, how each counter lands ({legend}). `post` is a factual or "
               "empathetic post on the narrative's topic. Only a fitting counter answers the "
               "narrative (it stops the cost of leaving it unanswered); one that does little "
               "works at 30% and answers nothing; one that backfires adds reach to the "
               "narrative and costs credibility and domestic support. A narrative may "
               "override a cell with `counters:`.").format(legend=legend), ""]
    lines.append("| " + _("technique") + " | " + " | ".join(f"`{c}`" for c in COUNTERS) + " |")
    lines.append("|---|" + ":---:|" * len(COUNTERS))
    for technique, row in TABLE.items():
        cells = " | ".join(FIT_MARKS[row[c].fit] for c in COUNTERS)
        lines.append(f"| `{technique.value}` | {cells} |")
    lines += ["", _("Why, as the results screen says it:"), ""]
    for technique, row in TABLE.items():
        for counter in COUNTERS:
            verdict = row[counter]
            if verdict.fit is Fit.WEAK or verdict.reason is None:
                continue
            lines.append(f"- `{technique.value}` × `{counter}` — {_(FIT_WORDS[verdict.fit])}"
                         f"{_colon()} {_(verdict.reason)}")
    return "\n".join(lines) + "\n"
