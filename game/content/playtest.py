"""`check --play N`: play a few quick games and say which events and endings never came.

Static analysis proves only what can never happen; a gauge that never climbs high enough
or a chain of flags no sensible player completes shows only in play.  The games are
shared out among every scripted player (the lesson, the shortcuts, the answer-key
readers), each with its own seed, so a few hundred games take well under a second.
"""

from __future__ import annotations

from game.content.diagnostics import Diagnostic, Severity
from game.content.findings import Findings
from game.content.loader import LoadedScenario
from game.simulation.runner import game_seed, play_once
from game.simulation.strategies import STRATEGIES


def play_check(loaded: LoadedScenario, games: int, seed: int = 1) -> list[Diagnostic]:
    """Warnings for the events and endings none of *games* quick games reached."""
    scenario, doc = loaded.scenario, loaded.positions()
    if scenario is None or doc is None or loaded.errors or games <= 0:
        return []
    fired: set[str] = set()
    endings: set[str] = set()
    players = list(STRATEGIES)
    for i in range(games):
        result = play_once(scenario, players[i % len(players)], game_seed(seed, i))
        fired.update(result.fired)
        endings.add(result.ending)
    # What static analysis already reported is not said twice.
    known = {(d.code, d.params.get("id")) for d in loaded.diagnostics}
    report = Findings(doc, loaded.display)
    for i, event in enumerate(scenario.events):
        if event.id not in fired and ("event_unreachable", event.id) not in known:
            report.add(Severity.WARNING, ("events", i, "id"), "event_never_played",
                       id=event.id, games=games)
    for i, ending in enumerate(scenario.endings):
        if ending.id not in endings and ("ending_unreachable", ending.id) not in known:
            report.add(Severity.WARNING, ("endings", i, "id"), "ending_never_played",
                       id=ending.id, games=games)
    return report.found
