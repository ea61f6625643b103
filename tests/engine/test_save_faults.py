"""Fault test: a game process killed (SIGKILL) at random moments while it autosaves, 200
autosaves in all; after every kill the save folder holds a save the game can open.

The child process is the real session code (``Session.autosave``) playing a real game and
saving after every step, as fast as it can, so kills land in the middle of writes.  The
random moments come from a seeded generator (``HD_FAULT_SEED`` to replay a run).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.save import SaveProblem, backup_path, read_save
from game.paths import ROOT, SCENARIOS_DIR
from game.ui.session import Session

AUTOSAVES = 200
SCENARIO = SCENARIOS_DIR / "deepfake_summit.yaml"

CHILD = """
import random, sys
from pathlib import Path
from game.ui.session import Session

session = Session(scenario_arg=Path(sys.argv[2]), seed_arg=int(sys.argv[3]),
                  save_dir=Path(sys.argv[1]))
rng = random.Random(int(sys.argv[3]))
from game.simulation.strategies import STRATEGIES
print("ready", flush=True)
while True:
    game = session.new_game(session.default_entry())
    game.start()
    while not game.is_over():
        session.autosave(); print("saved", flush=True)
        game.open_desk()
        STRATEGIES["random"](game, rng)
        session.autosave(); print("saved", flush=True)
        if not game.budget_done():
            game.pass_turn()
        game.resolve()
        if not game.is_over():
            game.next_turn()
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def run_until_killed(folder: Path, seed: int, saves: int, delay: float) -> int:
    """Start a saving game, let it report *saves* autosaves, wait *delay*, kill it."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(SCENARIO),
                              str(seed)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert child.stdout is not None
    done = 0
    try:
        assert child.stdout.readline().strip() == "ready"
        while done < saves:
            line = child.stdout.readline()
            assert line, "the saving game stopped by itself"
            done += 1
        time.sleep(delay)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    return done


def loadable(folder: Path) -> str:
    """Which file the game would open: the save itself, or its backup."""
    path = folder / "saves" / "autosave.json"
    try:
        read_save(path)
        return "save"
    except SaveProblem as problem:
        read_save(backup_path(path))  # raises if neither can be read: the test fails
        return f"backup ({problem.code})"


def test_a_killed_game_always_leaves_a_loadable_save(tmp_path: Path) -> None:
    seed = int(os.environ.get("HD_FAULT_SEED", random.randrange(1_000_000)))
    rng = random.Random(seed)
    total, kills, outcomes = 0, 0, []
    while total < AUTOSAVES:
        # A random moment: after some saves, plus up to 4 ms (a save takes about that).
        total += run_until_killed(tmp_path, rng.randrange(1000), rng.randint(1, 25),
                                  rng.uniform(0, 0.004))
        kills += 1
        outcomes.append(loadable(tmp_path))
        session = Session(scenario_arg=SCENARIO, save_dir=tmp_path)
        opened = session.open_save("autosave", backup=outcomes[-1] != "save")
        assert opened.problem is None, (seed, kills, opened.message)
        assert session.game is not None and 0 <= session.game.state.turn <= 8
    assert kills >= 8, f"seed {seed}: only {kills} kills"
    assert total >= AUTOSAVES
