"""How the user started the program, so that messages tell them what to type next.

``hashtag-diplomacy check``, ``python -m game check``, ``python main.py check`` or, in a
standalone build, the executable's own name: a message that says ``python main.py`` to
someone who installed the wheel sends them looking for a file they do not have.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.paths import ROOT, is_frozen

COMMAND = "hashtag-diplomacy"  # [project.scripts] in pyproject.toml


def command_name(argv0: str | None = None) -> str:
    """The command as the user typed it (*argv0* defaults to ``sys.argv[0]``).

    Anything else (a test runner, an embedding program) gets the form that works where
    the code lives: ``python main.py`` in a clone, the installed command otherwise.
    """
    if is_frozen():
        return Path(sys.executable).stem
    path = Path(sys.argv[0] if argv0 is None else argv0)
    if path.name == "__main__.py" and path.parent.name == "game":
        return "python -m game"
    if path.name == "main.py":
        return "python main.py"
    if path.stem == COMMAND:  # hashtag-diplomacy, or hashtag-diplomacy.exe on Windows
        return COMMAND
    return "python main.py" if (ROOT / "main.py").is_file() else COMMAND


def with_command(text: str) -> str:
    """*text* with its ``{command}`` marks replaced by :func:`command_name` (a plain
    replacement: the text may hold other braces)."""
    return text.replace("{command}", command_name())


class UsageError(Exception):
    """A mistake in how a command was called (exit code 2).  Here, below ``game.cli`` and
    the ``reports`` commands, so that both raise it without importing each other."""
