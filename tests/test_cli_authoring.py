"""The authoring commands as an instructor runs them: new, import, export, simulate --html."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from game.cli import main
from game.content.loader import load_scenario
from game.content.starter import starter_text
from game.paths import DATA_DIR_ENV, ROOT
from game.simulation.runner import play_once
from game.simulation.strategies import STRATEGIES


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_new_writes_a_clean_playable_starter(tmp_path: Path, lang: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "my lesson.yaml"
    assert main(["new", str(path), "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert str(path) in out
    loaded = load_scenario(path)
    assert loaded.diagnostics == [], [d.message for d in loaded.diagnostics]
    assert loaded.scenario is not None and loaded.scenario.meta.id == "my_lesson"
    schema = "scenario.schema.fr.json" if lang == "fr" else "scenario.schema.json"
    assert (tmp_path / schema).is_file()  # the schema in the author's language
    endings = {play_once(loaded.scenario, name, 3).ending for name in STRATEGIES}
    assert endings == {e.id for e in loaded.scenario.endings}


def test_new_comments_are_in_the_chosen_language_only(tmp_path: Path) -> None:
    fr = starter_text("fr", tmp_path / "a.yaml")
    en = starter_text("en", tmp_path / "a.yaml")
    assert "# Un tour correspond à un jour de crise." in fr
    assert "# A turn is one day of the crisis." in en
    assert "#en" not in fr and "#fr" not in fr and "Un tour" not in en
    assert "commentaires\u00a0: le jeu" in fr  # French typography in French comments
    assert fr.replace("\n", "").count("# ") > 10
    def data(text: str) -> list[str]:
        return [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]

    assert data(fr) == data(en)  # the same scenario, texts in both languages


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("precious", "utf-8")
    done = run("new", str(path))
    assert done.returncode == 2
    assert "already exists" in done.stderr and "Traceback" not in done.stderr
    assert path.read_text("utf-8") == "precious"
    french = run("new", str(path), "--lang", "fr")
    assert "existe déjà\u202f; choisissez un autre nom (rien n'a été écrasé)" in french.stderr
    assert run("new", str(tmp_path / "notes.txt")).returncode == 2


def test_new_folder_makes_a_scenario_folder_with_assets(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "lesson")]) == 0
    assert (tmp_path / "lesson" / "scenario.yaml").is_file()
    assert (tmp_path / "lesson" / "assets").is_dir()
    assert main(["check", str(tmp_path / "lesson")]) == 0


def test_import_and_export_from_the_command_line(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "lesson")]) == 0
    assert run("export", str(tmp_path / "lesson"), str(tmp_path / "lesson.zip")).returncode == 0
    env = {DATA_DIR_ENV: str(tmp_path / "data")}
    done = run("import", str(tmp_path / "lesson.zip"), env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "scenarios" / "lesson" / "scenario.yaml").is_file()
    again = run("import", str(tmp_path / "lesson.zip"), "--lang", "fr", env=env)
    assert again.returncode == 0
    assert "«\u00a0lesson\u00a0» existe déjà" in again.stdout
    assert (tmp_path / "data" / "scenarios" / "lesson-2" / "scenario.yaml").is_file()


def test_import_refusals_are_messages_not_tracebacks(tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../escape/scenario.yaml", "schema_version: 1\n")
    env = {DATA_DIR_ENV: str(tmp_path / "data")}
    done = run("import", str(evil), env=env)
    assert done.returncode == 1
    assert done.stderr.strip() == ("import refused: “../../escape/scenario.yaml” has an unsafe "
                                   "path (absolute, or going up with “..”); nothing was imported")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("s/scenario.yaml", "schema_version: 1\nmeta:\n\tid: x\n")
    done = run("import", str(broken), "--lang", "fr", env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "s/scenario.yaml:3:1: erreur\u00a0: une tabulation" in done.stderr
    assert "rien n'a été importé" in done.stderr
    assert not (tmp_path / "escape").exists()


HOSTILE = """
  - id: tricky
    title: {fr: "<script>alert(1)</script>", en: "<script>alert(1)</script>"}
    text: {fr: "<img src=x onerror=alert(1)>", en: "<img src=x onerror=alert(1)>"}
    tone: failure
    early: true
    when: {indicator_at_least: {tension: 95}}
"""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_simulate_html_is_self_contained_and_escaped(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "s.yaml"
    text = starter_text("en", path).replace("endings:\n", "endings:" + HOSTILE, 1)
    path.write_text(text, "utf-8")
    out = tmp_path / "report.html"
    done = run("simulate", str(path), "--runs", "40", "--html", str(out), "--lang", lang)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"(src|href)=[\"']?(https?:|//)", html)  # nothing fetched
    assert html.count("<svg") >= 5 + 5  # an endings bar and a histogram per strategy
    assert f'<html lang="{lang}">' in html
    heading = "Rapport d&#x27;équilibre" if lang == "fr" else "Balance report"
    assert heading in html
    assert "tricky" in html  # the unreached early ending is listed
