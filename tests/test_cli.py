"""The instructor's commands, as an instructor runs them: exit codes and output."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

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



# -- simulate as a long command (issue 15 item 12, issue 16) ---------------------------

TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
LONG_SIMULATE = ("simulate", str(TUTORIAL), "--runs", "100000", "--workers", "2")


def _as_in_a_terminal() -> None:
    """Ctrl-C as a terminal's foreground job has it.  A shell starts a background job
    (``.ci/run &``) with SIGINT ignored, every process below inherits that, and Python
    then leaves SIGINT ignored: the Ctrl-C test timed out whenever the suite ran so."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(*args: str, **popen: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT,  # type: ignore[call-overload]
                            start_new_session=True, preexec_fn=_as_in_a_terminal, **popen)


@contextlib.contextmanager
def _cleaned_up(proc: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """Whatever the test's outcome, no process of its group is left running."""
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _run_in_group(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    with _cleaned_up(_start(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)) as proc:
        out, err = proc.communicate(timeout=timeout)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out.decode(),
                                           err.decode())


def _processes_in_group(group: int) -> list[str]:
    found = subprocess.run(["pgrep", "-g", str(group)], capture_output=True, text=True,
                           check=False).stdout
    return found.split()


def _wait_for_workers(proc: subprocess.Popen[bytes]) -> None:
    """Until the pool's workers run (the main process and at least two children)."""
    for _attempt in range(600):
        if len(_processes_in_group(proc.pid)) >= 3:
            return
        try:
            proc.wait(0.05)
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"simulate ended early: {proc.returncode}")
    raise AssertionError("the workers never started")


def _gone(group: int) -> bool:
    for _attempt in range(100):
        if not _processes_in_group(group):
            return True
        subprocess.run(["sleep", "0.05"], check=False)
    return False


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups and signals")
def test_ctrl_c_stops_a_long_simulate_with_exit_130_and_no_process_left() -> None:
    with _cleaned_up(_start(*LONG_SIMULATE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)) as proc:
        _wait_for_workers(proc)
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole group
        _out, err = proc.communicate(timeout=30)  # a generous bound; well under 1 s here
        left = _gone(proc.pid)
    assert proc.returncode == 130
    assert b"Traceback" not in err
    assert err.decode().strip() == "Stopped."
    assert left, "a worker outlived simulate"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups and signals")
def test_sigterm_to_simulate_leaves_no_orphan_worker() -> None:
    with _cleaned_up(_start(*LONG_SIMULATE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)) as proc:
        _wait_for_workers(proc)
        proc.terminate()  # the main process only, as a process manager or `kill PID` does
        _out, err = proc.communicate(timeout=30)
        left = _gone(proc.pid)
    assert proc.returncode == 143
    assert b"Traceback" not in err
    assert left, "a worker outlived simulate"


def test_simulate_into_a_closed_pipe_is_quiet_and_still_writes_the_report(
        tmp_path: Path) -> None:
    page = tmp_path / "balance.html"
    read, write = os.pipe()
    os.close(read)  # like `| head` that has already gone
    with _cleaned_up(_start("simulate", str(MINIMAL), "--runs", "20", "--html", str(page),
                            stdout=write, stderr=subprocess.PIPE)) as proc:
        os.close(write)
        _out, err = proc.communicate(timeout=300)
    assert err.decode() == ""
    assert proc.returncode == 0
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("command", [("check", "scenarios"), ("schema",)])
def test_check_and_schema_into_a_closed_pipe_are_quiet(command: tuple[str, ...]) -> None:
    read, write = os.pipe()
    os.close(read)  # like `| head -1` that has already gone
    proc = subprocess.run([sys.executable, "main.py", *command], stdout=write,
                          stderr=subprocess.PIPE, timeout=300, cwd=ROOT)
    os.close(write)
    assert proc.stderr.decode() == ""
    assert proc.returncode == 0  # every bundled scenario passes: the verdict is kept


def test_simulate_checks_its_output_paths_before_playing(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x", "utf-8")
    cases = [
        (("--html", str(tmp_path / "no_folder" / "out.html")), "no folder"),
        (("--html", str(tmp_path)), "it is a folder"),
        (("--export", str(blocker)), "it is not a folder"),
        (("--export", str(blocker / "inside")), "permission denied"),
    ]
    for extra, reason in cases:
        # 10^6 games per player take hours: an answer within the timeout proves no game ran.
        done = _run_in_group("simulate", str(TUTORIAL), "--runs", "1000000", *extra,
                             timeout=120)
        assert done.returncode == 2, (extra, done.stderr)
        assert reason in done.stderr, done.stderr
        assert done.stdout == ""


def test_simulate_output_checks_speak_french() -> None:
    done = run("simulate", "--lang", "fr", str(MINIMAL), "--html", "/no/such/folder/x.html")
    assert done.returncode == 2
    assert "impossible d'écrire /no/such/folder/x.html\u00a0: le dossier" in done.stderr


def test_reports_follow_the_users_umask(tmp_path: Path) -> None:
    page = tmp_path / "balance.html"
    old = os.umask(0o022)
    try:
        assert main(["simulate", str(MINIMAL), "--runs", "5", "--html", str(page),
                     "--export", str(tmp_path / "reports")]) == 0
    finally:
        os.umask(old)
    written = [page, *(tmp_path / "reports").iterdir()]
    assert len(written) >= 3
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_progress_shows_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", str(MINIMAL), "--runs", "3"]) == 0
    assert capsys.readouterr().err == ""  # not a terminal: quiet
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["simulate", str(MINIMAL), "--runs", "600", "--strategy", "passive"]) == 0
    err = capsys.readouterr().err
    assert "\rPlaying: 500 of 600 games (83%)" in err
    assert "\rPlaying: 600 of 600 games (100%)" in err
    assert err.endswith("\r\x1b[K")  # the line is cleared before the summary


def test_progress_is_reported_by_the_pool_too(minimal_path_copy: Path) -> None:
    from game.content.loader import load_scenario

    scenario = load_scenario(minimal_path_copy).scenario
    assert scenario is not None
    seen: list[tuple[int, int]] = []
    simulate(scenario, minimal_path_copy, 1000, ["passive", "random"], 1, 2,
             lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2000, 2000)
    assert [d for d, _t in seen] == sorted({d for d, _t in seen})


@pytest.fixture
def minimal_path_copy() -> Path:
    return MINIMAL


def test_default_workers_follow_the_usable_cores() -> None:
    from game.simulation.runner import usable_cores

    expected = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                else os.cpu_count())
    assert usable_cores() == expected
    limited = subprocess.run(["taskset", "-c", "0", sys.executable, "-c",
                              "from game.simulation.runner import usable_cores as u; print(u())"],
                             cwd=ROOT, capture_output=True, text=True, check=False)
    if limited.returncode == 0:
        assert limited.stdout.strip() == "1"


def test_simulate_help_shows_defaults_and_lists_every_player() -> None:
    from game.simulation.strategies import STRATEGIES

    shown = run("simulate", "--help").stdout
    for default in ("(default: 1,000)", "(default: all)", "(default: 1)",
                    "(default: the usable cores"):
        assert default in shown
    players = shown.split("players (--strategy):", 1)[1].splitlines()[1:]
    assert [line.split()[0] for line in players if line.strip()] == list(STRATEGIES)
    assert all(len(line.split(None, 1)) == 2 for line in players if line.strip())
    french = run("simulate", "--help", "--lang", "fr").stdout
    assert "joueurs (--strategy)\u00a0:" in french and "(par défaut\u00a0: 1\u202f000)" in french


def test_every_subcommand_has_a_description() -> None:
    from game.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        assert sub.description, name
        assert sub.prog.endswith(name)


def test_version_and_the_command_named_in_messages(tmp_path: Path) -> None:
    from game import __version__
    from game.cli import command_name

    assert run("--version").stdout.strip() == f"python main.py {__version__}"
    module = subprocess.run([sys.executable, "-m", "game", "--version"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert module.stdout.strip() == f"python -m game {__version__}"
    assert command_name("/usr/bin/hashtag-diplomacy") == "hashtag-diplomacy"
    assert command_name(r"C:\Python\Scripts\hashtag-diplomacy.exe".replace("\\", "/")) == \
        "hashtag-diplomacy"
    new = run("new", str(tmp_path / "mine.yaml"))
    assert f"Next: python main.py check {tmp_path / 'mine.yaml'}" in new.stdout


def test_the_title_screen_start_parses_as_the_whole_parser_does() -> None:
    """A start with the game's own options skips building the commands (start-up time):
    the result must be the same, and anything else gets the whole parser."""
    from game.cli import _starts_the_game, build_parser

    for argv in ([], ["--lang", "fr", "--frames", "1"],
                 ["--scenario=x.yaml", "--seed", "3", "--fullscreen", "--no-questions"]):
        assert _starts_the_game(argv)
        light = build_parser(commands=False).parse_args(argv)
        assert vars(light) == vars(build_parser().parse_args(argv))
    for argv in (["check", "x.yaml"], ["--help"], ["chek"], ["--lang"], ["--version"],
                 ["--seed", "3", "simulate", "x.yaml"], ["--frames", "1", "extra"]):
        assert not _starts_the_game(argv), argv
