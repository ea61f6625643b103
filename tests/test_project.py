"""The project's own promises: README's test command is what CI runs, docs are current."""

from __future__ import annotations

import re

from game.content.reference import stale_docs
from game.paths import ROOT


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme, re.S)


def test_readme_gives_an_install_and_play_command_and_an_install_and_test_command() -> None:
    commands = _readme_commands()
    assert any("pip install" in c and "main.py" in c for c in commands)
    assert any("pip install" in c and "pytest" in c for c in commands)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = next(c for c in _readme_commands() if "pytest" in c).strip()
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test_command in ci.splitlines()


def test_generated_reference_of_conditions_and_effects_is_current() -> None:
    assert stale_docs() == [], "run: python -m game.content.reference --write"
