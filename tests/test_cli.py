"""The instructor's commands, as an instructor runs them: exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.cli import main
from game.paths import ROOT
from game.simulation.runner import report, simulate
from tests.conftest import MINIMAL

BAD = ROOT / "tests" / "content" / "bad"
DEEPFAKE = ROOT / "scenarios" / "deepfake_summit.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)


def test_check_a_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MINIMAL)]) == 0
    assert capsys.readouterr().out.strip() == "1 file checked, 0 errors, 0 warnings"


def test_check_errors_exit_1_with_file_line_col_and_a_caret(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BAD / "typo_key.yaml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("typo_key.yaml:8:3: error: unknown key “turnz”; did you mean "
                           "“turns”? [unknown_key]")
    assert out[1] == " 8 |   turnz: 4"
    assert out[2] == "   |   ^"
    assert out[-1] == "1 file checked, 1 error, 0 warnings"


def test_check_a_folder_and_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(BAD)]) == 1
    items = json.loads(capsys.readouterr().out)
    assert {i["file"].rsplit("/", 1)[-1] for i in items} >= {"typo_key.yaml", "binary.yaml"}
    assert set(items[0]) == {"file", "line", "column", "severity", "code", "message", "fix"}


def test_check_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "fr", str(BAD / "wrong_type.yaml")]) == 1
    out = capsys.readouterr().out
    assert "erreur\u00a0: nombre entier attendu, «\u00a0four\u00a0» trouvé" in out
    assert out.strip().endswith("1 fichier vérifié, 1 erreur, 0 avertissement")


def test_usage_errors_exit_2() -> None:
    assert run("check").returncode == 2
    missing = run("check", "no/such/file.yaml")
    assert missing.returncode == 2
    assert "no such file or folder" in missing.stderr
    assert run("simulate", str(MINIMAL), "--strategy", "nope").returncode == 2


def test_simulate_json_has_the_documented_shape() -> None:
    done = run("simulate", str(MINIMAL), "--runs", "50", "--json", "--seed", "3")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"scenario", "runs", "seed", "strategies", "unreached_endings",
                         "unreached_events", "verdict"}
    assert data["runs"] == 50 and data["seed"] == 3
    for summary in data["strategies"].values():
        assert summary["runs"] == 50
        assert sum(summary["endings"].values()) == 50
        assert set(summary["tones"]) == {"success", "mixed", "failure"}
        assert sum(summary["tones"].values()) == 50
        assert summary["score"]["min"] <= summary["score"]["mean"] <= summary["score"]["max"]


def test_simulate_refuses_a_broken_scenario() -> None:
    done = run("simulate", str(BAD / "typo_key.yaml"))
    assert done.returncode == 2
    assert "unknown key" in done.stderr


def test_parallel_and_sequential_simulation_agree() -> None:
    from game.content.loader import load_scenario

    loaded = load_scenario(DEEPFAKE)
    assert loaded.scenario is not None
    one = simulate(loaded.scenario, loaded.path, 600, ["random", "textbook"], 7, workers=1)
    two = simulate(loaded.scenario, loaded.path, 600, ["random", "textbook"], 7, workers=2)
    assert json.dumps(report(loaded.scenario, 600, 7, one)) == json.dumps(
        report(loaded.scenario, 600, 7, two))


def test_schema_is_draft_2020_12_and_describes_the_format(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"schema_version", "meta", "events", "endings"} <= set(schema["properties"])
    condition = schema["$defs"]["Condition"]
    assert condition["maxProperties"] == 1 and "flag" in condition["properties"]
    assert "change" in schema["$defs"]["Effect"]["properties"]


def test_help_is_translated() -> None:
    done = run("--lang", "fr", "check", "--help")
    assert done.returncode == 0
    assert "fichiers ou dossiers de scénario" in done.stdout

