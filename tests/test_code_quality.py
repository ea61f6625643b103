"""The code stays as the architecture notes promise: ruff clean, engine and content typed."""

from __future__ import annotations

import subprocess
import sys

from game.paths import ROOT


def test_ruff_finds_nothing() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "game", "tests", "benchmarks",
                           "main.py"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]


def test_mypy_strict_on_engine_content_and_simulation() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
