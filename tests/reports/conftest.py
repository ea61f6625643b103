"""Report fixtures: a small scenario with questions and hostile texts, and finished games."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.game import Game
from game.simulation.runner import play_game

FIXTURE = Path(__file__).parent / "fixtures" / "classroom.yaml"
# Ratings a student gave: unreliable headlines rated lower after the game, reliable higher.
ANSWERS = {"pre": {"q_video": 5, "q_check": 4, "q_rumour": 3},
           "post": {"q_video": 2, "q_check": 6, "q_rumour": None}}
PLAYER = {"name": "Zoé Martin-Dupont", "class": "2nde B"}
GENERATED = "2026-03-14T10:42:00"


@pytest.fixture(scope="session")
def classroom() -> Scenario:
    loaded = load_scenario(FIXTURE)
    assert loaded.scenario is not None and loaded.playable, loaded.errors
    return loaded.scenario


def finished(scenario: Scenario, strategy: str = "textbook", seed: int = 4) -> Game:
    game = play_game(scenario, strategy, seed)
    assert game.is_over()
    return game
