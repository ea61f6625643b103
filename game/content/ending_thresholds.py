"""A warning when an ending asks a narrative to fall below another reach than the one the
game shows: every narrative's bar is marked at ``rules.disinformation_threshold``, and the
briefing names that number, so a student aims for it.  In a playtest the bar said 20 %
while the best ending wanted the rumour under 10 %: the number shown must be the one that
decides.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.content.diagnostics import Severity
from game.content.findings import Findings
from game.content.model import Scenario
from game.content.validation import Loc
from game.engine.registry import Call

CODE = "ending_threshold_differs"


def check_ending_thresholds(scenario: Scenario, report: Findings) -> None:
    threshold = scenario.rules.disinformation_threshold
    for i, ending in enumerate(scenario.endings):
        if ending.when is None:
            continue
        for loc, call in required_ceilings(ending.when, ("endings", i, "when")):
            if call.args.reach != threshold:
                report.add(Severity.WARNING, (*loc, call.name, "reach"), CODE, id=ending.id,
                           narrative=call.args.narrative, reach=call.args.reach,
                           threshold=threshold)


def required_ceilings(call: Call, loc: Loc) -> Iterator[tuple[Loc, Call]]:
    """The narrative-reach ceilings every game reaching *call* must meet, with where each
    is written: through ``all``, and a floor under ``not``.  A ceiling inside ``any`` is one
    way among others (the ambassador protected, or the harassment low), not a bar."""
    if call.name == "all":
        for j, child in enumerate(call.children):
            yield from required_ceilings(child, (*loc, "all", j))
    elif call.name == "narrative_reach_below":
        yield loc, call
    elif call.name == "not" and call.children[0].name == "narrative_reach_at_least":
        yield (*loc, "not"), call.children[0]
