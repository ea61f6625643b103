"""Save files: round trip, atomic writes with a backup, every way a file can be wrong,
and the turn log that lets the debrief replay a game to the start of any turn."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.content.model import Scenario
from game.engine.game import Game
from game.engine.save import (
    SaveData,
    SaveProblem,
    backup_path,
    decode,
    encode,
    read_save,
    restore_state,
    write_save,
)
from game.simulation.replay import replay_to_turn, replayable_turns
from game.simulation.strategies import STRATEGIES


def played(scenario: Scenario, turns: int, seed: int = 5, strategy: str = "random") -> Game:
    """A game after *turns* resolved turns (or at its end), in the feed of the next one."""
    game = Game(scenario, seed)
    rng = random.Random(seed)
    game.start()
    for _ in range(turns):
        if not game.play_turn(lambda g: STRATEGIES[strategy](g, rng)):
            break
    return game


def save_of(game: Game, **extra: object) -> SaveData:
    return SaveData(game.scenario.meta.id, "scenario.yaml", "abc123", game.state.to_dict(),
                    title={"en": "T"}, turns=game.turns, extra=dict(extra),
                    saved_at="2026-01-01T10:00:00")


def test_a_state_taken_for_saving_does_not_change_as_the_game_goes_on(
        deepfake: Scenario) -> None:
    """``to_dict`` shares the finished record instead of copying it: what it returned must
    still encode the same after more turns are played (likes grow, outcomes are added)."""
    game = played(deepfake, 2)
    taken = game.state.to_dict()
    frozen = json.dumps(taken, sort_keys=True)
    rng = random.Random(9)
    for _ in range(2):
        game.play_turn(lambda g: STRATEGIES["random"](g, rng))
    assert json.dumps(game.state.to_dict(), sort_keys=True) != frozen
    assert json.dumps(taken, sort_keys=True) == frozen


def test_a_save_round_trips_exactly(deepfake: Scenario) -> None:
    game = played(deepfake, 3)
    save = save_of(game, questions={"pre": {"q1": 2}})
    back = decode(encode(save))
    assert back == save
    state = restore_state(back, deepfake)
    assert state.to_dict() == game.state.to_dict()
    assert back.extra == {"questions": {"pre": {"q1": 2}}}


def test_writing_keeps_the_previous_save_as_backup(tmp_path: Path, deepfake: Scenario) -> None:
    path = tmp_path / "saves" / "autosave.json"
    first, second = played(deepfake, 1), played(deepfake, 2)
    write_save(path, save_of(first))
    assert not backup_path(path).exists()
    write_save(path, save_of(second))
    assert read_save(path).turn == second.state.turn
    assert read_save(backup_path(path)).turn == first.state.turn
    assert sorted(p.name for p in path.parent.iterdir()) == ["autosave.json",
                                                             "autosave.json.bak"]


def test_a_damaged_save_never_replaces_a_good_backup(tmp_path: Path,
                                                     deepfake: Scenario) -> None:
    path = tmp_path / "autosave.json"
    write_save(path, save_of(played(deepfake, 1)))
    write_save(path, save_of(played(deepfake, 2)))
    path.write_text("{garbage", encoding="utf-8")  # the disk lost the last save
    write_save(path, save_of(played(deepfake, 3)))
    assert read_save(backup_path(path)).turn == 2  # the good one, not the garbage


def test_stale_temporary_files_of_a_killed_game_are_cleaned(tmp_path: Path,
                                                            deepfake: Scenario) -> None:
    path = tmp_path / "autosave.json"
    (tmp_path / "autosave.json.x1y2.tmp").write_bytes(b'{"half')
    write_save(path, save_of(played(deepfake, 1)))
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(("content", "code"), [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe\x00garbage", "damaged"),
    (b"[1, 2]", "foreign"),
    (b'{"name": "a settings file"}', "foreign"),
    (b'{"format": "hashtag-diplomacy-save", "version": 99}', "version"),
    (b'{"format": "hashtag-diplomacy-save", "version": 1, "scenario": 3}', "invalid"),
])
def test_each_kind_of_bad_file_has_its_code(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(content)
    with pytest.raises(SaveProblem) as caught:
        read_save(path)
    assert caught.value.code == code


def test_a_missing_file_and_a_truncated_one(tmp_path: Path, deepfake: Scenario) -> None:
    with pytest.raises(SaveProblem, match="missing"):
        read_save(tmp_path / "nothing.json")
    raw = encode(save_of(played(deepfake, 2)))
    for cut in (1, len(raw) // 3, len(raw) // 2, len(raw) - 3):
        with pytest.raises(SaveProblem) as caught:
            decode(raw[:cut])
        assert caught.value.code == "truncated", cut


def test_a_hand_edited_save_is_detected_but_can_still_be_read(deepfake: Scenario) -> None:
    save = save_of(played(deepfake, 2))
    data = json.loads(encode(save))
    data["state"]["indicators"]["credibility"] = 100.0
    with pytest.raises(SaveProblem) as caught:
        decode(json.dumps(data).encode())
    assert caught.value.code == "edited"
    assert caught.value.save is not None
    assert restore_state(caught.value.save, deepfake).indicators["credibility"] == 100.0


@pytest.mark.parametrize("edit", [
    lambda s: s["indicators"].update(credibility=250),
    lambda s: s["indicators"].update(credibility=float("nan")),
    lambda s: s.update(turn=500),
    lambda s: s.update(phase="dancing"),
    lambda s: s["narratives"].append(dict(s["narratives"][0], id="invented")),
    lambda s: s["fired"].update(invented_event=1),
    lambda s: s.update(ending="invented_ending"),
    lambda s: s.update(rng="no"),
    lambda s: s.pop("indicators"),
    lambda s: s.update(planned=[{"kind": "answer", "event": "nope", "choice": "x"}]),
    lambda s: s.update(turn_log=[[{"kind": "dance"}]]),
])
def test_an_edited_state_that_does_not_fit_the_scenario_is_refused(deepfake: Scenario,
                                                                    edit: object) -> None:
    save = save_of(played(deepfake, 2))
    edit(save.state)  # type: ignore[operator]
    with pytest.raises(SaveProblem) as caught:
        restore_state(save, deepfake)
    assert caught.value.code == "invalid"


def test_the_turn_log_replays_the_game_to_the_start_of_every_turn(deepfake: Scenario) -> None:
    game = Game(deepfake, 9)
    rng = random.Random(9)
    game.start()
    starts: dict[int, dict[str, object]] = {}
    while True:
        starts[game.state.turn] = json.loads(json.dumps(game.state.to_dict()))
        if not game.play_turn(lambda g: STRATEGIES["random"](g, rng)):
            break
    assert replayable_turns(game) == list(range(1, game.state.turn + 1))
    for turn in replayable_turns(game):
        again = replay_to_turn(deepfake, game, turn)
        assert json.loads(json.dumps(again.state.to_dict())) == starts[turn], turn
    with pytest.raises(ValueError):
        replay_to_turn(deepfake, game, game.state.turn + 1)


def test_a_state_saved_without_a_turn_log_still_loads(deepfake: Scenario) -> None:
    game = played(deepfake, 3)
    data = game.state.to_dict()
    del data["turn_log"]
    restored = Game(deepfake, state=restore_state(SaveData(deepfake.meta.id, "p", "h", data),
                                                  deepfake))
    assert replayable_turns(restored) == [1]
    restored.open_desk()
    restored.pass_turn()
    restored.resolve()
    assert restored.state.turn_log == []  # an incomplete log is not extended
