"""Messages name the command the user actually ran (issue 16): the installed command,
``python -m game``, ``python main.py`` or a standalone build's executable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import i18n
from game.content.diagnostics import ProblemError
from game.content.messages import render
from game.content.starter import starter_text
from game.content.troubleshooting import fix_advice
from game.invocation import command_name
from game.paths import ROOT


@pytest.mark.parametrize(("argv0", "expected"), [
    ("/home/me/hashtag-diplomacy/main.py", "python main.py"),
    ("main.py", "python main.py"),
    ("/venv/lib/python3.11/site-packages/game/__main__.py", "python -m game"),
    ("/venv/bin/hashtag-diplomacy", "hashtag-diplomacy"),
    ("C:/Python/Scripts/hashtag-diplomacy.exe", "hashtag-diplomacy"),
    # Not the game (a test runner's own __main__): the form that works in this clone.
    ("/venv/lib/python3.11/site-packages/pytest/__main__.py", "python main.py"),
])
def test_the_command_is_the_one_typed(argv0: str, expected: str) -> None:
    assert command_name(argv0) == expected


def test_a_standalone_build_names_its_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/HashtagDiplomacy/HashtagDiplomacy")
    assert command_name() == "HashtagDiplomacy"


def test_messages_advice_and_starter_use_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["/venv/bin/hashtag-diplomacy", "check"])
    i18n.set_language("en")
    assert "“hashtag-diplomacy new FILE”" in render("empty_file", {})
    assert "“hashtag-diplomacy new my_scenario.yaml”" in (fix_advice("empty_file") or "")
    for lang in ("en", "fr"):
        text = starter_text(lang, Path("mine.yaml"))
        assert "hashtag-diplomacy check mine.yaml --play" in text
        assert "hashtag-diplomacy simulate mine.yaml --runs 500 --strategy all" in text
        assert "main.py" not in text and "@COMMAND@" not in text
    assert ProblemError("empty_file").to_diagnostic("x.yaml").message.count("hashtag") == 1


def test_python_dash_m_game_names_itself_in_the_starter(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "game", "--lang", "fr", "new",
                           str(tmp_path / "mien.yaml")], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "mien.yaml").read_text("utf-8")
    assert f"python -m game check {(tmp_path / 'mien.yaml').as_posix()} --play" in written
    assert "python -m game check" in done.stdout
