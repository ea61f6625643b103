"""Every line the command line prints in French follows French typography: a no-break
space before : ; ? ! and %, argparse's own words (usage, errors, headings) included."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.paths import ROOT

# A colon, semicolon, ? or ! followed by a space or the end of the line, right after a
# character that is not a no-break space: French wants U+00A0 or U+202F before it.
_BAD = re.compile(r"(?<![\u00a0\u202f])(?<!^)[:;?!](?=\s|$)")
# What is not prose: "file:line:col:" locations (the format editors read).
_LOCATION = re.compile(r"^\S+\.ya?ml:\d+:\d+:")


def _french(*args: str, cwd: Path) -> list[str]:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "fr", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    return (done.stdout + done.stderr).splitlines()


def _prose(line: str) -> str:
    if re.match(r"^\s*\d* *\|", line):
        return ""  # the author's own line quoted under a problem, and its caret
    line = _LOCATION.sub("", line)
    line = re.sub(r"«[^»]*»", "«»", line)  # quoted names and code keep their own marks
    return re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", line)  # {fr,en} choices, [-h] usage parts


@pytest.mark.parametrize("args", [
    ("check", "missing.yaml"),
    ("export", "only_one.yaml"),
    ("--unknown-option",),
    ("simulate", "--strategy", "nobody", "scenarios/tutorial.yaml"),
    ("check", "--help"),
    ("check", "tests/content/bad/typo_key.yaml", "tests/content/bad/bad_escape.yaml"),
    ("simulate", "scenarios/tutorial.yaml", "--runs", "3", "--workers", "1"),
])
def test_french_lines_have_french_typography(args: tuple[str, ...]) -> None:
    lines = _french(*args, cwd=ROOT)
    assert lines, args
    bad = [line for line in lines if _BAD.search(_prose(line))]
    assert bad == [], bad


def test_argparse_speaks_french() -> None:
    lines = "\n".join(_french("export", "only_one.yaml", cwd=ROOT))
    assert "utilisation\u00a0:" in lines and "erreur\u00a0:" in lines
    assert "arguments obligatoires manquants" in lines and "error:" not in lines
