"""Counter-measures live in one registry (``game.engine.measures``): a measure added there,
and nowhere else, can be planned, costs what its entry says, is judged by its own column
of the technique table, does what its entry does, and survives a save."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import pytest

from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine import measures, techniques
from game.engine.actions import Counter, action_from_dict, action_to_dict
from game.engine.game import Game
from game.engine.measures import Landing
from game.engine.techniques import Fit, judge
from game.engine.vocabulary import Measure, Technique
from tests.conftest import MINIMAL


class Extra(StrEnum):
    HOTLINE = "hotline"  # a public hotline answering one narrative's questions


def _hotline(game: Any, hit: Landing) -> None:
    hit.run.virality *= 0.5 if hit.answers else 0.9
    hit.outcome.notes.append("hotline_open")


@pytest.fixture()
def hotline(monkeypatch: pytest.MonkeyPatch) -> Scenario:
    """The minimal scenario, read after a copy of the registry with one more measure
    (once per narrative, fits deepfakes, backfires on trolls) replaced the real one."""
    registry = measures.MEASURES.copy()
    registry.register(
        Extra.HOTLINE, cost=2,
        used_up=lambda game, run: game.tally.counter_uses(run.id, Extra.HOTLINE) > 0,
        column={Technique.DEEPFAKE: ("fits", "A hotline answers the doubts a fake raises."),
                Technique.TROLLING: ("backfires", "A hotline is a new stage for trolls.")},
        little="A hotline answers questions nobody asks here.")(_hotline)
    monkeypatch.setattr(measures, "MEASURES", registry)
    loaded = load_scenario(MINIMAL, cache=False)
    assert loaded.scenario is not None
    return loaded.scenario


def _at_turn_two(scenario: Scenario) -> Game:
    game = Game(scenario, 4)
    game.start()
    game.open_desk()
    game.pass_turn()
    game.resolve()
    game.next_turn()
    game.open_desk()
    return game


def test_a_registered_measure_is_offered_costs_and_lands(hotline: Scenario) -> None:
    assert Extra.HOTLINE in hotline.measures
    game = _at_turn_two(hotline)
    assert Extra.HOTLINE in game.measures_for("fake")
    run = game.state.narratives["fake"]
    game.state.budget = budget = 5  # room for the check below to reach its own rule
    virality = run.virality
    game.act(Counter("fake", Extra.HOTLINE))  # type: ignore[arg-type]
    assert game.state.budget == budget - 2
    assert game.why_not(Counter("fake", Extra.HOTLINE)) == "already_planned"  # type: ignore[arg-type]
    game.pass_turn()
    game.resolve()
    landed = next(o for o in reversed(game.state.outcomes) if o.source == "counter")
    assert {"counter_fits", "hotline_open"} <= set(landed.notes)
    assert run.virality < virality  # halved, then the turn's own changes
    assert run.responded_turn == game.state.turn  # a fitting counter answers
    game.next_turn()
    game.open_desk()
    assert game.why_not(Counter("fake", Extra.HOTLINE)) == "measure_used"  # type: ignore[arg-type]
    while not game.is_over():
        game.pass_turn()
        game.resolve()
        game.next_turn()
        if not game.is_over():
            game.open_desk()


def test_its_column_of_the_technique_table_comes_from_its_entry(hotline: Scenario) -> None:
    fake = hotline.narrative_by_id["fake"]
    assert judge(fake, Extra.HOTLINE).fit is Fit.FITS
    assert Extra.HOTLINE in techniques.fitting(fake)
    trolls = fake.model_copy(update={"technique": Technique.TROLLING})
    assert judge(trolls, Extra.HOTLINE).fit is Fit.BACKFIRES
    bots = fake.model_copy(update={"technique": Technique.BOTS})
    verdict = judge(bots, Extra.HOTLINE)
    assert verdict.fit is Fit.WEAK
    assert verdict.reason == "A hotline answers questions nobody asks here."


def test_a_saved_counter_with_it_reads_back(hotline: Scenario) -> None:
    record = action_to_dict(Counter("fake", Extra.HOTLINE))  # type: ignore[arg-type]
    assert action_from_dict(record) == Counter("fake", Extra.HOTLINE)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        action_from_dict({**record, "measure": "telepathy"})


def test_the_built_in_measures_are_all_registered_with_their_costs() -> None:
    assert list(measures.MEASURES) == list(Measure)
    costs = {str(m): measures.MEASURES[m].cost for m in measures.MEASURES}
    assert costs == {"debunk": 1, "prebunk": 1, "report": 1, "factcheck": 2, "attribute": 1,
                     "monitor": 0, "literacy": 2, "support": 1}
