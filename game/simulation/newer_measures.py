"""Counter-measures registered after the scripted players were written, and how the
reasoned players try them: by the registry's data, not by name.

Each player's rules name the measures of :data:`WRITTEN_FOR` where it plays them, or leave
them out on purpose (the empathetic player never accuses, ``always_debunk`` only debunks):
those choices are the player's character.  A measure registered since has no such rule;
``lesson`` and ``textbook`` try it where the technique table says it fits the narrative,
cheapest first, so that ``simulate`` shows what a new measure does to a scenario's
balance.  The random player already draws from every measure the scenario offers.
"""

from __future__ import annotations

from game.engine import measures
from game.engine.actions import Counter
from game.engine.game import Game
from game.engine.state import NarrativeRun
from game.engine.techniques import Fit, judge
from game.engine.vocabulary import Measure
from game.simulation.moves import try_action

# The eight measures of the first rules (issue 18 moved them into the registry).
WRITTEN_FOR = frozenset({Measure.DEBUNK, Measure.PREBUNK, Measure.REPORT, Measure.FACTCHECK,
                         Measure.ATTRIBUTE, Measure.MONITOR, Measure.LITERACY, Measure.SUPPORT})


def newer_fitting(game: Game, run: NarrativeRun) -> list[Measure]:
    """The measures the scenario offers that no player's rules name and that fit *run*'s
    narrative (its technique's cell, or the scenario's override), cheapest first (in the
    registry's order between equals)."""
    narrative = game.scenario.narrative_by_id[run.id]
    found = [m for m in game.scenario.measures
             if m not in WRITTEN_FOR and judge(narrative, m).fit is Fit.FITS]
    return sorted(found, key=lambda m: measures.MEASURES[m].cost)


def try_newer(game: Game, run: NarrativeRun) -> None:
    """Plays each of :func:`newer_fitting` against *run* while points remain; one planned
    per audience goes to the audience most open to it (as the lesson's prebunking)."""
    s, st = game.scenario, game.state
    for measure in newer_fitting(game, run):
        if st.budget <= 0:
            return
        audience = None
        if measures.MEASURES[measure].needs_audience:
            audience = min(s.audiences, key=lambda a: st.inoculation[a.id] - a.echo_chamber).id
        try_action(game, Counter(run.id, measure, audience))
