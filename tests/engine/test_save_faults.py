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

# One process imports the game and reads the scenario, then forks a saving game for each
# kill: what is killed is a real process writing real saves, and the ~0.4 s of imports and
# loading is paid once (it was paid at each of ~15 kills).
FORKS = """
import os, random, sys
from pathlib import Path
from game.ui.session import Session
from game.simulation.strategies import STRATEGIES

session = Session(scenario_arg=Path(sys.argv[2]), save_dir=Path(sys.argv[1]))
entry = session.default_entry()
print("ready", flush=True)
for line in sys.stdin:
    seed = int(line)
    pid = os.fork()
    if pid == 0:
        print("child", os.getpid(), flush=True)
        session.seed_arg = seed
        rng = random.Random(seed)
        while True:
            game = session.new_game(entry)
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
    os.waitpid(pid, 0)
    print("gone", flush=True)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def start_forks(folder: Path) -> subprocess.Popen[str]:
    forks = subprocess.Popen([sys.executable, "-c", FORKS, str(folder), str(SCENARIO)],
                             cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert forks.stdout is not None and forks.stdout.readline().strip() == "ready"
    return forks


def run_until_killed(forks: subprocess.Popen[str], seed: int, saves: int,
                     delay: float) -> int:
    """Fork a saving game, let it report *saves* autosaves, wait *delay*, kill it."""
    assert forks.stdin is not None and forks.stdout is not None
    forks.stdin.write(f"{seed}\n")
    forks.stdin.flush()
    words = forks.stdout.readline().split()
    assert words[:1] == ["child"], words
    done = 0
    try:
        while done < saves:
            line = forks.stdout.readline()
            assert line.strip() == "saved", f"the saving game stopped by itself: {line!r}"
            done += 1
        time.sleep(delay)
    finally:
        os.kill(int(words[1]), signal.SIGKILL)
    while (line := forks.stdout.readline()).strip() != "gone":  # its last lines, then gone
        assert line, "the process that forks the games stopped"
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
    forks = start_forks(tmp_path)
    try:
        while total < AUTOSAVES:
            # A random moment: after some saves, plus up to 4 ms (a save takes about that).
            total += run_until_killed(forks, rng.randrange(1000), rng.randint(1, 25),
                                      rng.uniform(0, 0.004))
            kills += 1
            outcomes.append(loadable(tmp_path))
            session = Session(scenario_arg=SCENARIO, save_dir=tmp_path)
            opened = session.open_save("autosave", backup=outcomes[-1] != "save")
            assert opened.problem is None, (seed, kills, opened.message)
            assert session.game is not None and 0 <= session.game.state.turn <= 8
    finally:
        assert forks.stdin is not None
        forks.stdin.close()
        forks.wait(timeout=30)
    assert kills >= 8, f"seed {seed}: only {kills} kills"
    assert total >= AUTOSAVES
