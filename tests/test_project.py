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


def test_every_folder_of_the_game_is_a_regular_package_the_standalone_build_collects() -> None:
    """Scenes are imported by name (``ui/scenes/registry.py``), so the standalone build
    cannot find them by following imports: its spec collects every submodule of ``game``,
    which PyInstaller finds only in regular packages.  ``ui/scenes`` and ``ui/widgets``
    without an ``__init__.py`` left the frozen window stopping at its first scene."""
    game = ROOT / "game"
    folders = {p.parent for p in game.rglob("*.py") if "__pycache__" not in p.parts}
    assert [str(f.relative_to(ROOT)) for f in sorted(folders)
            if not (f / "__init__.py").is_file()] == []
    spec = (ROOT / "packaging" / "hashtag_diplomacy.spec").read_text("utf-8")
    assert 'collect_submodules("game")' in spec and 'collect_submodules("pygame_gui")' in spec
