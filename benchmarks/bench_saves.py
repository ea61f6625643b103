"""Saves and reports: saving and loading a late-game save, writing a student report.

Target (issue 5): save and load of a late-game save < 20 ms each.  The save is the
largest one a bundled scenario makes: its last turn, played to the end by the random
strategy (the busiest feed and timeline).  "save" is the whole atomic write (encode,
fsync, backup link, rename, folder fsync); "load" is read, checksum, rebuilding the state,
checking it against the scenario and making the game.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import ROOT, cpu_and_wall, emit

from game.content.loader import load_scenario
from game.engine.game import Game
from game.engine.save import SaveData, decode, encode, read_save, restore_state, write_save
from game.reports.content import build_report
from game.reports.html import page
from game.simulation.runner import play_game


def largest_late_game() -> tuple[Game, int]:
    best: tuple[Game, int] | None = None
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = load_scenario(path).scenario
        assert scenario is not None
        for seed in range(3):
            game = play_game(scenario, "random", seed)
            size = len(encode(save_of(game)))
            if best is None or size > best[1]:
                best = (game, size)
    assert best is not None
    return best


def save_of(game: Game) -> SaveData:
    return SaveData(game.scenario.meta.id, "scenario.yaml", "0" * 64, game.state.to_dict(),
                    title={"en": "x"}, turns=game.turns, extra={"answers": {}},
                    saved_at="2026-01-01T00:00:00")


def main() -> None:
    game, size = largest_late_game()
    scenario = game.scenario
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "saves" / "autosave.json"
        write_save(path, save_of(game))

        def load() -> Game:
            save = read_save(path)
            return Game(scenario, state=restore_state(save, scenario))

        details = f"{scenario.meta.id}, turn {game.state.turn}, {size:,} bytes"
        cpu, wall = cpu_and_wall(lambda: write_save(path, save_of(game)), repeat=21)
        emit("save_late_game[atomic write]", cpu * 1000, "ms", "< 20", wall=wall * 1000,
             details=details)
        cpu, wall = cpu_and_wall(load, repeat=21)
        emit("load_late_game[read+check+game]", cpu * 1000, "ms", "< 20", wall=wall * 1000,
             details=details)
    raw = encode(save_of(game))
    cpu, wall = cpu_and_wall(lambda: encode(save_of(game)), repeat=21)
    emit("save_late_game[encode only]", cpu * 1000, "ms", wall=wall * 1000)
    cpu, wall = cpu_and_wall(lambda: decode(raw), repeat=21)
    emit("load_late_game[decode only]", cpu * 1000, "ms", wall=wall * 1000)
    cpu, wall = cpu_and_wall(
        lambda: page(build_report(game, {}, {"name": "x", "class": "y"})), repeat=11)
    emit("student_report[build+html]", cpu * 1000, "ms", wall=wall * 1000)


if __name__ == "__main__":
    main()
