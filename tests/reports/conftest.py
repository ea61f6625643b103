"""Report fixtures: a small scenario with questions and hostile texts, and finished games."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.game import Game
from game.simulation.runner import play_game

FIXTURE = Path(__file__).parent / "fixtures" / "classroom.yaml"
# Ratings a student gave: form A of the fixture before the game (seed 4 is even), form B
# after (one item skipped); manipulative items rated lower after, reliable ones higher.
ANSWERS = {"pre": {"bank_fake_vaccine_chip": 5, "bank_deepfake_agency_check": 4, "q_video": 5,
                   "bank_imper_embassy_fee": 4, "bank_imper_museum_free": 3, "q_check": 4,
                   "bank_fake_report_roads": 5, "bank_deepfake_minister_audio": 6},
           "post": {"q_rumour": 2, "bank_fake_correction": 6, "bank_deepfake_tips": 5,
                    "bank_imper_bank_sms": 1, "bank_imper_consulate_hours": 6,
                    "bank_deepfake_video_president": 2, "bank_fake_water_price": None,
                    "bank_imper_warning": 5}}
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
