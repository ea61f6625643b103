"""Counter-measures live in one registry (``game.engine.measures``): a measure added there,
and nowhere else, can be planned, costs what its entry says, is judged by its own column
of the technique table, does what its entry does, and survives a save; the simulator's
players try it, and a scenario may override its cell of the table (``check`` knows its
name)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.content.loader import LoadedScenario, load_scenario
from game.content.model import Scenario, scenario_json_schema
from game.engine import measures, techniques
from game.engine.actions import Counter, action_from_dict, action_to_dict
from game.engine.measures import Landing
from game.engine.techniques import Fit, judge
from game.engine.vocabulary import Measure, Technique
from game.simulation.newer_measures import newer_fitting
from game.simulation.runner import game_seed, play_game
from tests.conftest import MINIMAL, load_text
from tests.engine.test_techniques import at_turn


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


def test_a_registered_measure_is_offered_costs_and_lands(hotline: Scenario) -> None:
    assert Extra.HOTLINE in hotline.measures
    game = at_turn(hotline, 2, seed=4)
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



def _variant(tmp_path: Path, counters: str = "", technique: str = "deepfake",
             name: str = "s.yaml", spreads: bool = False) -> tuple[Path, LoadedScenario]:
    """The minimal scenario, its narrative of another *technique*, with *counters:*
    written in its YAML, or one that *spreads* past its first turn whatever is done,
    loaded as a file (the checker's path)."""
    text = MINIMAL.read_text("utf-8").replace("technique: deepfake", f"technique: {technique}")
    if spreads:
        text = text.replace("virality: 0.6", "virality: 1.5").replace(
            "seed_reach: {domestic: 6, foreign: 12}", "seed_reach: {domestic: 25, foreign: 30}")
    if counters:
        text = text.replace(_NARRATIVE_END, _NARRATIVE_END.replace(
            "events:", "    counters:\n" + counters + "events:"), 1)
    loaded = load_text(tmp_path, text, name)
    return tmp_path / name, loaded


_NARRATIVE_END = "    concepts: [deepfake]\nevents:\n"
_REASON = '{fr: "Une ligne d\'écoute ne fait pas taire des trolls.", en: "A hotline does not ' \
          'silence trolls."}'


def _uses(scenario: Scenario, strategy: str, games: int = 12) -> int:
    return sum(1 for i in range(games)
               for c in play_game(scenario, strategy, game_seed(5, i)).state.counters
               if c["measure"] == Extra.HOTLINE)


def test_the_simulators_players_try_it(hotline: Scenario, tmp_path: Path) -> None:
    assert _uses(hotline, "random") > 0  # it draws from every measure the scenario offers
    _path, spreading = _variant(tmp_path, spreads=True)
    assert spreading.scenario is not None
    # It fits a deepfake: the textbook player tries it once the narrative spreads (in the
    # minimal scenario its prebunking keeps it small), the debunker never.
    assert _uses(hotline, "textbook") == 0
    assert _uses(spreading.scenario, "textbook") > 0
    assert _uses(spreading.scenario, "always_debunk") == 0


def test_the_lesson_player_reaches_for_it_where_it_fits(hotline: Scenario,
                                                        tmp_path: Path) -> None:
    game = at_turn(hotline, 2, seed=4)
    run = game.state.narratives["fake"]
    assert newer_fitting(game, run) == [Extra.HOTLINE]  # the built-in ones have their rules
    _path, trolls = _variant(tmp_path, technique="trolling")
    assert trolls.scenario is not None
    assert newer_fitting(at_turn(trolls.scenario, 2, seed=4), run) == []  # it backfires there
    weak = "".join(f"      {m}: {{fit: weak, reason: {_REASON}}}\n"
                   for m in ("report", "factcheck", "debunk", "prebunk"))
    _path, alone = _variant(tmp_path, weak, name="alone.yaml")
    assert alone.scenario is not None and alone.diagnostics == []
    assert _uses(alone.scenario, "lesson") > 0  # the one counter left that fits


def test_a_scenario_overrides_its_cell(hotline: Scenario, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path, loaded = _variant(tmp_path, f"      hotline: {{fit: backfires, reason: {_REASON}}}\n")
    assert loaded.diagnostics == [] and loaded.scenario is not None
    verdict = judge(loaded.scenario.narrative_by_id["fake"], Extra.HOTLINE)
    assert verdict.fit is Fit.BACKFIRES and verdict.text is not None
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "1 file checked, 0 errors, 0 warnings"


def test_check_names_a_misspelt_measure_where_it_is_written(
        hotline: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _loaded = _variant(tmp_path, f"      hotlin: {{fit: fits, reason: {_REASON}}}\n")
    line = next(i for i, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                if "hotlin:" in text)
    assert main(["check", str(path)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{path}:{line}:7: error: “hotlin” is not one of: ")
    assert ", hotline, post;" in first and first.endswith("did you mean “hotline”? [not_one_of]")
    assert main(["check", "--lang", "fr", str(path)]) == 1
    assert "vouliez-vous dire «\u00a0hotline\u00a0»" in capsys.readouterr().out


def test_the_schema_lists_it_among_the_counters(hotline: Scenario) -> None:
    schema = scenario_json_schema()
    keys = schema["$defs"]["Narrative"]["properties"]["counters"]["propertyNames"]["enum"]
    assert keys == [*measures.MEASURES, "post"] and Extra.HOTLINE in keys
