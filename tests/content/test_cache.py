"""The checked-scenario cache: an unchanged file is recalled, anything else is read again.

The rest of the suite runs with the cache off (tests/conftest.py); these tests turn it on
in a folder of their own.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.content import cache
from game.content.diagnostics import Severity
from game.content.loader import LoadedScenario, load_scenario
from game.content.playtest import play_check
from tests.conftest import MINIMAL

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# One never-tested flag: a warning of the analyses the cache must give back.
WARNED = MINIMAL.read_text("utf-8").replace(
    "effects: [{change: {tension: -5}}, {set_flag: verified}]",
    "effects: [{change: {tension: -5}}, {set_flag: verified}, {set_flag: spare_flag}]", 1)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    cache.forget_memory()
    yield folder
    cache.forget_memory()


def scenario_file(tmp_path: Path, text: str = WARNED) -> Path:
    path = tmp_path / "s" / "scenario.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def summary(loaded: LoadedScenario) -> list[tuple[str, int, int, str, str]]:
    return [(d.file, d.line, d.column, d.severity.value, d.code) for d in loaded.diagnostics]


def test_an_unchanged_file_is_recalled_with_its_warnings(store: Path, tmp_path: Path) -> None:
    path = scenario_file(tmp_path)
    first = load_scenario(path, display="mine.yaml")
    assert not first.from_cache and first.playable
    assert "flag_never_tested" in {d.code for d in first.warnings}
    assert len(list(store.glob("*.json"))) == 1

    again = load_scenario(path, display="other name.yaml")
    assert again.from_cache and again.scenario is first.scenario  # memory: the same model
    assert [d[1:] for d in summary(again)] == [d[1:] for d in summary(first)]
    assert {d.file for d in again.diagnostics} == {"other name.yaml"}

    cache.forget_memory()  # another process: only the disk entry is left
    fresh = load_scenario(path, display="mine.yaml")
    assert fresh.from_cache and fresh.scenario is not first.scenario
    assert fresh.scenario == first.scenario
    assert summary(fresh) == summary(first)
    assert fresh.lines == first.lines and fresh.content_hash == first.content_hash


def test_a_changed_byte_is_read_again(store: Path, tmp_path: Path) -> None:
    path = scenario_file(tmp_path)
    load_scenario(path)
    path.write_text(WARNED.replace("Tests", "Testes"), encoding="utf-8")
    changed = load_scenario(path)
    assert not changed.from_cache
    assert changed.scenario is not None and changed.scenario.meta.author == "Testes"


def test_files_with_errors_are_not_remembered(store: Path, tmp_path: Path) -> None:
    path = scenario_file(tmp_path, WARNED.replace("turns: 4", "turns: four"))
    assert load_scenario(path).errors
    again = load_scenario(path)
    assert not again.from_cache and again.errors
    assert not store.exists() or not list(store.glob("*.json"))


def test_a_checked_entry_serves_a_load_without_checks_but_not_the_reverse(
        store: Path, tmp_path: Path) -> None:
    path = scenario_file(tmp_path)
    unchecked = load_scenario(path, check=False)
    assert not unchecked.warnings
    checked = load_scenario(path)
    assert not checked.from_cache and checked.warnings  # the analyses had not been run
    quick = load_scenario(path, check=False)
    assert quick.from_cache and not quick.diagnostics  # as a load without checks says


def test_a_missing_image_is_noticed_although_the_text_did_not_change(
        store: Path, tmp_path: Path) -> None:
    text = WARNED.replace('kind: leader}', 'kind: leader, avatar: "rival.png"}', 1)
    path = scenario_file(tmp_path, text)
    image = path.parent / "rival.png"
    image.write_bytes(PNG)
    assert load_scenario(path).playable
    assert load_scenario(path).from_cache
    image.unlink()
    gone = load_scenario(path)
    assert not gone.from_cache
    assert [d.code for d in gone.errors] == ["path_missing"]


@pytest.mark.parametrize("damage", [
    lambda raw: b"\x00\xff not json",
    lambda raw: raw[: len(raw) // 2],
    lambda raw: b"[]",
    lambda raw: json.dumps(dict(json.loads(raw), version=99)).encode(),
    lambda raw: json.dumps(dict(json.loads(raw), extra=1)).encode(),
    lambda raw: json.dumps(dict(json.loads(raw), analyses=[{"line": "1"}])).encode(),
    lambda raw: json.dumps(dict(json.loads(raw), analyses=[
        {"line": 1, "column": 1, "severity": "fatal", "code": "x", "params": {}}])).encode(),
    # Well-formed, but the scenario inside breaks the model: validated, so refused.
    lambda raw: json.dumps(dict(json.loads(raw), scenario='{"schema_version": 1}')).encode(),
    lambda raw: json.dumps(dict(json.loads(raw), scenario="!!python/object:os.system")).encode(),
], ids=["binary", "truncated", "not an object", "other version", "unknown key",
        "bad diagnostic", "bad severity", "invalid scenario", "not json scenario"])
def test_a_damaged_or_foreign_entry_is_ignored(store: Path, tmp_path: Path, damage: object
                                               ) -> None:
    path = scenario_file(tmp_path)
    first = load_scenario(path)
    entry = next(store.glob("*.json"))
    assert callable(damage)
    entry.write_bytes(damage(entry.read_bytes()))
    cache.forget_memory()
    again = load_scenario(path)
    assert not again.from_cache
    assert summary(again) == summary(first) and again.scenario == first.scenario
    assert load_scenario(path).from_cache  # the entry was written anew


def test_an_entry_of_another_file_is_not_taken_for_this_one(store: Path, tmp_path: Path
                                                           ) -> None:
    one = scenario_file(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text(WARNED.replace("Tests", "Other"), encoding="utf-8")
    load_scenario(one)
    one_entry = next(store.glob("*.json"))
    load_scenario(other)
    other_entry = next(p for p in store.glob("*.json") if p != one_entry)
    shutil.copy(one_entry, other_entry)  # a swapped file: its key and hash do not match
    cache.forget_memory()
    loaded = load_scenario(other)
    assert not loaded.from_cache and loaded.scenario is not None
    assert loaded.scenario.meta.author == "Other"


def test_an_unwritable_cache_folder_costs_nothing(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    cache.forget_memory()
    path = scenario_file(tmp_path)
    assert load_scenario(path).playable
    assert load_scenario(path).from_cache  # the memory level still serves
    cache.forget_memory()


def test_off_turns_both_levels_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    path = scenario_file(tmp_path)
    load_scenario(path)
    assert not load_scenario(path).from_cache


def test_a_recalled_scenario_still_places_play_warnings(store: Path, tmp_path: Path) -> None:
    path = scenario_file(tmp_path)
    read = load_scenario(path)
    cache.forget_memory()
    recalled = load_scenario(path)
    assert recalled.from_cache and recalled.document is None
    assert [(d.line, d.code) for d in play_check(recalled, 20)] == [
        (d.line, d.code) for d in play_check(read, 20)]


def test_the_disk_holds_a_bounded_number_of_entries(store: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_DISK_ENTRIES", 3)
    path = scenario_file(tmp_path)
    for n in range(6):
        path.write_text(WARNED.replace("Tests", f"Tests {n}"), encoding="utf-8")
        load_scenario(path)
    assert len(list(store.glob("*.json"))) == 3
    assert all(d.severity is not Severity.ERROR for d in load_scenario(path).diagnostics)
