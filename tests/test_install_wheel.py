"""The game as a school's IT admin installs it: the built wheel, in a fresh virtual
environment, run from another folder (no clone on the path).

Builds the wheel from a copy of the project (the working tree stays clean), installs it
with its dependencies, then runs what an instructor runs: ``--version``, ``check`` on a
bundled scenario found through the package, ``new`` in French, ``simulate`` on the
multi-process path, and the game itself for 30 frames with SDL's dummy drivers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from game import __version__
from game.paths import ROOT

SKIPPED_IN_COPY = (".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
                   ".hypothesis", "tests", "docs", "benchmarks", "out")


@dataclass
class Installed:
    wheel: Path
    venv: Path
    elsewhere: Path  # a folder with no clone in it, the working directory of every run

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin")

    def run(self, *args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        env.update(HASHTAG_DIPLOMACY_DATA=str(self.elsewhere / "data"),
                   SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
                   XDG_CONFIG_HOME=str(self.elsewhere / "config"), PYTHONUTF8="1")
        return subprocess.run([str(a) for a in args], cwd=self.elsewhere, env=env,
                              capture_output=True, text=True, timeout=timeout, check=False)

    def python(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return self.run(self.bin / "python", *args)

    def command(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return self.run(self.bin / "hashtag-diplomacy", *args)


def _pip(python: Path | str, *args: str | Path) -> None:
    done = subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check",
                           *map(str, args)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*SKIPPED_IN_COPY))
    _pip(sys.executable, "wheel", "--no-deps", "--quiet", "-w", base / "dist", source)
    wheel = next((base / "dist").glob("hashtag_diplomacy-*.whl"))
    env_dir = base / "venv"
    # A fresh environment with nothing in it; pip from the test's own environment installs
    # the wheel and its dependencies into it (``--python``): the same install, without
    # ensurepip's copy of pip in the new one (~2.5 s).
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _pip(sys.executable, "--python", python, "install", "--quiet", wheel)
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    yield Installed(wheel, env_dir, elsewhere)


def test_the_wheel_carries_scenarios_fonts_catalogs_and_data_files(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    bundled = "game/_bundled/"
    for scenario in (ROOT / "scenarios").glob("*.yaml"):
        assert bundled + "scenarios/" + scenario.name in names
    assert bundled + "scenarios/scenario.schema.json" in names
    assert bundled + "assets/fonts/NotoSans-Regular.ttf" in names
    assert bundled + "assets/fonts/NotoSans-Bold.ttf" in names
    for lang in ("en", "fr"):
        for domain in ("core", "ui"):
            assert f"{bundled}locales/{lang}/LC_MESSAGES/{domain}.mo" in names
    assert {"game/ui/theme.json", "game/content/starter_template.yaml"} <= names
    assert not any(n.endswith(".po") for n in names), "catalog sources stay in the clone"
    assert not any(n.startswith(("tests/", "scenarios/")) for n in names)


def test_the_command_and_python_m_game_tell_their_version(installed: Installed) -> None:
    command = installed.command("--version")
    assert command.returncode == 0, command.stderr
    assert command.stdout.strip() == f"hashtag-diplomacy {__version__}"
    module = installed.python("-m", "game", "--version")
    assert module.stdout.strip() == f"python -m game {__version__}"


def test_the_installed_game_reads_its_files_from_the_package(installed: Installed) -> None:
    where = installed.python("-c", "import game.paths as p; print(p.SCENARIOS_DIR)")
    scenarios = Path(where.stdout.strip())
    assert scenarios.is_relative_to(installed.venv), "the clone must not be on the path"
    check = installed.command("check", scenarios / "deepfake_summit.yaml")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip().endswith("1 file checked, 0 errors, 0 warnings")


def test_new_in_french_writes_a_starter_that_passes_check(installed: Installed) -> None:
    new = installed.command("new", "--lang", "fr", "mon_scenario.yaml")
    assert new.returncode == 0, new.stderr
    assert "Scénario de départ écrit dans mon_scenario.yaml" in new.stdout
    assert "Ensuite\u00a0: hashtag-diplomacy check mon_scenario.yaml" in new.stdout
    starter = (installed.elsewhere / "mon_scenario.yaml").read_text("utf-8")
    assert "commentaires" in starter  # the French comments of the template
    check = installed.command("check", "--lang", "fr", "mon_scenario.yaml")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 erreur" in check.stdout


def test_simulate_on_the_multi_process_path(installed: Installed) -> None:
    # 13 players x 160 games: over the parallel threshold, so workers start.
    done = installed.command("simulate", "--runs", "160", "--workers", "2", "--json",
                             "--html", "balance.html",
                             installed.python("-c", "import game.paths as p; "
                                              "print(p.SCENARIOS_DIR / 'tutorial.yaml')")
                             .stdout.strip())
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["scenario"] == "tutorial"
    assert all(s["runs"] == 160 for s in summary["strategies"].values())
    assert (installed.elsewhere / "balance.html").stat().st_size > 1000


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_game_runs_30_frames_with_the_dummy_driver(installed: Installed, lang: str) -> None:
    done = installed.command("--lang", lang, "--frames", "30")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    crash_logs = list((installed.elsewhere / "data").rglob("crash*"))
    assert crash_logs == []
