"""What a success ending asks of the gauges, told before the game, so the student knows
the numbers to aim for (a playtest met « crédibilité ≥ 58 » and « tension < 30 » only on
the ending screen).

Only the gauge bounds every game must meet are told (the ``all`` of the condition).  Not
the narrative ceilings: the briefing's threshold line already says them (the checker warns
when an ending asks another number, ``content/ending_thresholds.py``), and naming a
narrative before it appears would give the story away.  An ``any`` is a choice of routes
and a flag a turn of the story, both better met in play.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import _, fmt_number
from game.presentation import labels

if TYPE_CHECKING:
    from game.engine.registry import Call


def gauge_goals(when: Call | None) -> list[str]:
    """One line per gauge bound *when* requires, in file order."""
    if when is None:
        return []
    if when.name == "all":
        return [line for child in when.children for line in gauge_goals(child)]
    if when.name not in ("indicator_at_least", "indicator_below"):
        return []
    bound = _("{gauge}: at least {n}") if when.name == "indicator_at_least" else \
        _("{gauge}: below {n}")
    return [bound.format(gauge=labels.indicator(key), n=fmt_number(value))
            for key, value in when.args.items()]
