"""Every broken scenario file gives exactly its expected diagnostic, in both languages,
quickly and within bounded memory, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game import i18n
from game.content.loader import load_scenario
from game.i18n import french_typography
from game.paths import ROOT

BAD = Path(__file__).parent / "bad"
EXPECTED: dict[str, dict[str, str]] = yaml.safe_load((BAD / "expected.yaml").read_text("utf-8"))


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml") if p.name != "expected.yaml") == sorted(
        EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_bad_file_gives_its_diagnostic(name: str, lang: str) -> None:
    expected = EXPECTED[name]
    i18n.set_language(lang)
    loaded = load_scenario(BAD / name)
    assert not loaded.playable
    assert len(loaded.diagnostics) == 1, [d.message for d in loaded.diagnostics]
    diag = loaded.diagnostics[0]
    assert f"{diag.line}:{diag.column}" == expected["at"]
    assert diag.code == expected["code"]
    text = expected[lang] if lang == "en" else french_typography(expected[lang])
    assert diag.message == text


def _check_in_subprocess(path: Path) -> tuple[int, str, int]:
    """Run the checker on *path* in a child process; its exit code, output and peak RSS."""
    code = ("import resource, subprocess, sys; "
            "done = subprocess.run([sys.executable, 'main.py', 'check', '--json', sys.argv[1]], "
            "capture_output=True, text=True, timeout=60); "
            "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
            "print(done.returncode, rss); print(done.stdout); print(done.stderr, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    first, _, rest = done.stdout.partition("\n")
    returncode, rss_kb = (int(x) for x in first.split())
    assert "Traceback" not in done.stderr, done.stderr
    return returncode, rest, rss_kb


@pytest.mark.parametrize("name", ["alias_bomb.yaml", "deep_nesting.yaml", "binary.yaml"])
def test_hostile_files_stay_within_200_mb(name: str) -> None:
    returncode, output, rss_kb = _check_in_subprocess(BAD / name)
    assert returncode == 1
    assert json.loads(output)[0]["code"] == EXPECTED[name]["code"]
    assert rss_kb < 200 * 1024


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.yaml"
    with big.open("wb") as fh:
        line = b"# " + b"x" * 1021 + b"\n"
        for _ in range(50 * 1024):
            fh.write(line)
    returncode, output, rss_kb = _check_in_subprocess(big)
    assert returncode == 1
    assert json.loads(output)[0]["code"] == "file_too_large"
    assert rss_kb < 200 * 1024
