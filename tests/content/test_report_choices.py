"""The balance report shows the crisis choices of every player, winning or not, named in
the reader's language, with the author's lesson marks and a pointer to --export."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from game import i18n
from game.content.loader import load_scenario
from game.simulation.html_choices import choices_section
from game.simulation.runner import StrategySummary
from game.simulation.strategies import STRATEGIES

TUTORIAL = Path(__file__).parents[2] / "scenarios" / "tutorial.yaml"


def test_a_player_that_never_wins_still_shows_its_choices() -> None:
    scenario = load_scenario(TUTORIAL).scenario
    assert scenario is not None
    event = next(e for e in scenario.events if e.crisis is not None)
    assert event.crisis is not None
    first, second = event.crisis.choices[0], event.crisis.choices[1]
    loser = StrategySummary(runs=4, choices=Counter({(event.id, first.id): 3,
                                                     (event.id, second.id): 1}))
    html = choices_section(scenario, {"always_confront": loser})
    assert "75" in html and "25" in html  # its own answers, though it never won
    assert "Always confront" in html and "--export" in html


def test_every_player_is_named_and_marks_are_shown_in_french() -> None:
    scenario = load_scenario(TUTORIAL).scenario
    assert scenario is not None
    results = {name: StrategySummary() for name in STRATEGIES}
    i18n.set_language("fr")
    try:
        html = choices_section(scenario, results)
    finally:
        i18n.set_language("en")
    for raw in ("empathetic", "firm", "always_confront", "crisis_only"):
        assert f"<th>{raw}</th>" not in html, raw
    assert "<th>Empathique</th>" in html or "Empathique" in html
    assert "recommandée" in html and "Choix de crise de chaque joueur" in html
