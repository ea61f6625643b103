"""Hostile scenario files and zips (issue 15): control characters, devices and pipes, huge
numbers, duplicate zip entries, odd file names and borrowed ids each give a clear message
in the user's language — never a traceback, never a raw escape sequence on the terminal —
and what is good is kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

from game import i18n
from game.content.controls import drawable, escaped
from game.content.loader import load_scenario
from game.content.messages import render
from game.content.sharing import import_zip
from game.content.starter import write_starter
from game.paths import DATA_DIR_ENV, ROOT
from tests.conftest import MINIMAL, load_text

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ESC = "\x1b"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False, env={**os.environ, **(env or {})})


def minimal_with(old: str, new: str) -> str:
    text = MINIMAL.read_text("utf-8")
    assert old in text
    return text.replace(old, new, 1)


# -- control characters in scenario strings ------------------------------------------------

@pytest.mark.parametrize("escape", ["\\0", "\\x01", "\\e", "\\a", "\\b", "\\r", "\\x7f",
                                    "\\x9b", "\\ud800"])
def test_a_control_character_in_a_text_is_an_error_where_it_is_written(
        tmp_path: Path, escape: str) -> None:
    text = minimal_with('title: {fr: "Scénario minimal", en: "Minimal scenario"}',
                        f'title: {{fr: "Scénario minimal", en: "A{escape}B"}}')
    loaded = load_text(tmp_path, text)
    assert not loaded.playable
    assert [(d.code, d.line, d.column) for d in loaded.errors] == [("control_character", 4, 39)]
    assert "control character U+00" in loaded.errors[0].message or "U+D800" in \
        loaded.errors[0].message


def test_tab_and_newline_stay_allowed_in_texts(tmp_path: Path) -> None:
    text = minimal_with('en: "Minimal scenario"}', 'en: "Minimal\\tscenario\\nsecond line"}')
    loaded = load_text(tmp_path, text)
    assert loaded.playable, loaded.diagnostics
    assert loaded.scenario is not None
    assert loaded.scenario.meta.title.en == "Minimal\tscenario\nsecond line"


def test_a_control_character_in_a_key_or_an_id_is_an_error(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, minimal_with("  author: Tests", '  "auth\\0or": Tests'))
    codes = {d.code for d in loaded.errors}
    assert "control_character" in codes
    loaded = load_text(tmp_path, minimal_with("  id: minimal", '  id: "mini\\0mal"'))
    assert {d.code for d in loaded.errors} == {"control_character", "bad_id"}
    for diag in loaded.errors:
        assert "\x00" not in diag.message  # shown as \x00, in the game too


def test_the_message_is_in_the_users_language(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, minimal_with('en: "Minimal scenario"}', 'en: "A\\0B"}'))
    i18n.set_language("fr")
    message = loaded.errors[0].message
    assert message.startswith("cette valeur contient le caractère de contrôle invisible U+0000")


def test_a_raw_control_character_is_placed_exactly(tmp_path: Path) -> None:
    path = tmp_path / "raw.yaml"
    path.write_bytes(minimal_with('en: "Minimal scenario"}', 'en: "A\x1b[2JB"}').encode())
    loaded = load_scenario(path)
    assert [(d.code, d.line, d.column, d.params["char"]) for d in loaded.errors] == [
        ("control_character", 4, 41, "U+001B")]


def test_check_never_writes_a_terminal_escape(tmp_path: Path) -> None:
    """An id like "x<ESC>]0;TITLE<BEL><ESC>[2J" would retitle the terminal and clear it."""
    path = tmp_path / "evil.yaml"
    path.write_text(minimal_with("  id: minimal", '  id: "x\\e]0;TITLE\\a\\e[2J"'), "utf-8")
    raw = tmp_path / "raw.yaml"
    raw.write_bytes(minimal_with("  author: Tests", "  author: T\x1b[2J\x07").encode())
    done = run("check", str(path), str(raw))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ESC not in done.stdout and "\x07" not in done.stdout
    assert "“x\\x1b]0;TITLE\\x07\\x1b[2J” is not a valid id" in done.stdout
    assert " 6 |   author: T\\x1b[2J\\x07" in done.stdout  # the source line, escaped
    assert f"{raw}:6:12: error: this value holds the invisible control character U+001B" \
        in done.stdout
    as_json = run("check", "--json", str(path))
    assert ESC not in as_json.stdout
    assert {d["code"] for d in json.loads(as_json.stdout)} == {"bad_id", "control_character"}


def test_escaped_and_drawable() -> None:
    assert escaped("a\x1b]0;T\x07b\u202ec\td") == "a\\x1b]0;T\\x07b\\u202ec\\x09d"
    assert escaped("one\ntwo\x1b", keep_newlines=True) == "one\ntwo\\x1b"
    assert escaped("Scénario « ok » : été\u00a0!") == "Scénario « ok » : été\u00a0!"
    assert drawable("A\x00B\ud800\tC\nD") == "A\ufffdB\ufffd\tC\nD"
    assert render("bad_id", {"value": "a\x00b"}).startswith("“a\\x00b”")


# -- files that are not files ----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_check_a_device_or_a_pipe_says_so(tmp_path: Path, lang: str) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    done = run("check", "/dev/zero", str(fifo), "--lang", lang)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    expected = {"en": "error: this is not an ordinary file (a device, a pipe or a folder)",
                "fr": "erreur\u00a0: ce n'est pas un fichier ordinaire (un périphérique, un "
                      "tube ou un dossier)"}[lang]
    assert f"/dev/zero:1:1: {expected}" in done.stdout
    assert f"{fifo}:1:1: {expected}" in done.stdout


def test_the_loader_never_reads_a_device(tmp_path: Path) -> None:
    """In a child process with 2 GB of address space and a time limit: a loader that read
    /dev/zero (size 0 by stat, endless) or waited on a pipe must fail, not eat the machine."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    code = ("import resource, sys; from pathlib import Path; "
            "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
            "from game.content.loader import load_scenario; "
            "print([[d.code for d in load_scenario(Path(p)).errors] for p in sys.argv[1:]])")
    done = subprocess.run([sys.executable, "-c", code, "/dev/zero", str(fifo)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.stdout.strip() == "[['not_regular_file'], ['not_regular_file']]", done.stderr


# -- numbers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e308", "1e999", "-1e999"])
def test_a_huge_number_in_a_whole_number_field(tmp_path: Path, value: str) -> None:
    loaded = load_text(tmp_path, minimal_with("  turns: 4", f"  turns: {value}"))
    assert [(d.code, d.line, d.message) for d in loaded.errors] == [
        ("number_too_large", 8, "this number is too large")]
    i18n.set_language("fr")
    assert "invalid" not in loaded.errors[0].message


# -- shared zips -------------------------------------------------------------------------------

@pytest.fixture
def starter(tmp_path: Path) -> str:
    write_starter(tmp_path / "src" / "border_rumour.yaml", "en")
    return (tmp_path / "src" / "border_rumour.yaml").read_text("utf-8")


def zipped(path: Path, entries: list[tuple[str, bytes | str]]) -> Path:
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name, then writes it
        for name, data in entries:
            archive.writestr(name, data)
    return path


def refused(tmp_path: Path, entries: list[tuple[str, bytes | str]]) -> tuple[str, str]:
    into = tmp_path / "mine"
    result = import_zip(zipped(tmp_path / "shared.zip", entries), into)
    assert not result.ok and result.refusal is not None
    assert not into.exists() or list(into.iterdir()) == []  # nothing installed, no staging
    return result.refusal.code, result.refusal.message


def test_a_zip_with_duplicate_entries_is_refused_clearly(tmp_path: Path, starter: str) -> None:
    code, message = refused(tmp_path, [("s/scenario.yaml", starter), ("s/assets/a.png", PNG),
                                       ("s/assets/a.png", PNG)])
    assert code == "zip_duplicate"
    assert message == "“s/assets/a.png” is in the zip twice; zip the folder again; nothing " \
                      "was imported"
    assert "File exists" not in message


@pytest.mark.parametrize("odd", ["\x1b[2J", "\x07", "\u202egnp.exe", "\u2066x"])
def test_asset_names_with_control_or_direction_characters_are_refused(
        tmp_path: Path, starter: str, odd: str) -> None:
    code, message = refused(tmp_path, [("s/scenario.yaml", starter),
                                       (f"s/assets/a{odd}.png", PNG)])
    assert code == "zip_bad_character"
    assert ESC not in message and "\x07" not in message and "\u202e" not in message
    assert "nothing was imported" in message


def test_a_zip_with_a_nul_in_a_text_is_refused(tmp_path: Path, starter: str) -> None:
    evil = starter.replace("title: {", 'title: {en: "A\\0B", ', 1)
    assert evil != starter
    into = tmp_path / "mine"
    result = import_zip(zipped(tmp_path / "nul.zip", [("s/scenario.yaml", evil)]), into)
    assert result.refusal is not None and result.refusal.code == "zip_has_errors"
    assert result.loaded is not None
    assert "control_character" in {d.code for d in result.loaded.errors}


def test_the_id_of_a_bundled_scenario_is_refused(tmp_path: Path, starter: str) -> None:
    tutorial = starter.replace("  id: border_rumour", "  id: tutorial", 1)
    assert tutorial != starter
    code, message = refused(tmp_path, [("s/scenario.yaml", tutorial)])
    assert code == "zip_bundled_id"
    i18n.set_language("fr")
    into = tmp_path / "mine"
    result = import_zip(tmp_path / "shared.zip", into)
    assert result.refusal is not None
    assert result.refusal.message.startswith("l'identifiant «\u00a0tutorial\u00a0» du scénario")


def test_an_id_already_installed_is_imported_with_a_warning(tmp_path: Path,
                                                            starter: str) -> None:
    first = zipped(tmp_path / "first.zip", [("rumour/scenario.yaml", starter)])
    second = zipped(tmp_path / "second.zip", [("other/scenario.yaml", starter)])
    env = {DATA_DIR_ENV: str(tmp_path / "data")}
    assert run("import", str(first), env=env).returncode == 0
    done = run("import", str(second), "--lang", "fr", env=env)
    assert done.returncode == 0, done.stderr
    assert "même identifiant est déjà installé (rumour)" in done.stdout
    installed = sorted(p.name for p in (tmp_path / "data" / "scenarios").iterdir())
    assert installed == ["other", "rumour"]  # both kept, nothing overwritten


def test_import_output_never_writes_a_terminal_escape(tmp_path: Path, starter: str) -> None:
    evil = zipped(tmp_path / "evil.zip", [("s/scenario.yaml", starter),
                                          ("s/assets/\x1b]0;TITLE\x07.png", PNG)])
    done = run("import", str(evil), env={DATA_DIR_ENV: str(tmp_path / "data")})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ESC not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr
    assert "\\x1b]0;TITLE\\x07" in done.stderr


# -- settings ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("false", False), ("False", False), ("0", False), ("no", False), ("", False),
    ("true", True), ("TRUE", True), (True, True), (False, False), (1, False), (None, False),
    ([True], False)])
def test_high_contrast_written_as_text_is_read_as_meant(tmp_path: Path, value: object,
                                                        expected: bool) -> None:
    from game.ui.settings import load_settings

    (tmp_path / "settings.json").write_text(json.dumps({"high_contrast": value}), "utf-8")
    assert load_settings(tmp_path).high_contrast is expected


# -- asset paths written in a scenario -----------------------------------------------------------

@pytest.mark.parametrize("odd", ["\u202e", "\u2066", "\x1b"])
def test_an_image_path_with_a_direction_or_control_character_is_refused(
        tmp_path: Path, odd: str) -> None:
    (tmp_path / "assets").mkdir()
    name = f"a{odd}gnp.png"
    (tmp_path / "assets" / name).write_bytes(PNG)  # the file exists: the name is the problem
    escape = {"\u202e": "\\u202e", "\u2066": "\\u2066", "\x1b": "\\e"}[odd]
    text = minimal_with("handle: \"@Rival\", kind: leader}",
                        f"handle: \"@Rival\", kind: leader, avatar: \"assets/a{escape}gnp.png\"}}")
    loaded = load_text(tmp_path, text)
    codes = [d.code for d in loaded.errors]
    assert "path_bad_character" in codes
    message = next(d.message for d in loaded.errors if d.code == "path_bad_character")
    assert odd not in message and f"(U+{ord(odd):04X})" in message
