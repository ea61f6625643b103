"""Checked scenarios remembered by content hash, so an unchanged file is read once.

``check``, ``simulate`` (and its worker processes), the game's scenario list and F5
reload all load the same files again and again; reading the YAML with positions and the
checker's analyses are most of the cost (benchmarks/RESULTS.md).  An entry is keyed by
the SHA-256 of the file's bytes, the game's version, the schema version and a stamp of
the code that reads and checks scenarios (a changed checker must not serve old
warnings), and it only serves while the images the scenario names are as they were.

Two levels:

* in memory, for a process that loads a file twice (F5 on an unchanged file, ``simulate``
  and the workers it forks): the frozen model itself is shared;
* on disk, in the user's cache folder (``$HASHTAG_DIPLOMACY_CACHE`` if set, ``off``
  turns both levels off): JSON only, never pickle.  The folder is writable by other
  programs, so an entry is never trusted: a file that is not exactly what this module
  writes is ignored, and the scenario data in it is validated again by the same strict
  pydantic model as the YAML it came from (the YAML reading and the analyses are what is
  saved).  Only scenarios without errors are remembered: a file with errors is being
  edited.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import ValidationError

from game import __version__
from game.content.diagnostics import Diagnostic, Severity
from game.content.model import SCHEMA_VERSION, Scenario, validate_scenario_json
from game.paths import APP_NAME
from game.regular_file import read_regular

log = logging.getLogger(__name__)

CACHE_ENV = "HASHTAG_DIPLOMACY_CACHE"
ENTRY_FORMAT = "hashtag-diplomacy-checked-scenario"
ENTRY_VERSION = 1
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a scenario file is at most 8 MB (yaml_source)
MAX_DISK_ENTRIES = 64   # an author editing a file leaves one entry per saved version
MAX_MEMORY_ENTRIES = 16
_ENTRY_KEYS = {"format", "version", "key", "content_hash", "checked", "assets", "analyses",
               "scenario"}
_DIAGNOSTIC_KEYS = {"line", "column", "severity", "code", "params"}
# The code whose behaviour an entry records: the reader, the model, the checker and the
# registry of conditions and effects.
_CODE_FOLDERS = ("content", "engine")


@dataclass(frozen=True)
class Checked:
    """What loading a file without errors found: the model and the warnings of the
    analyses (``None`` when it was loaded without them), without their file name (each
    caller has its own display name)."""

    scenario: Scenario
    analyses: tuple[Diagnostic, ...] | None
    assets: tuple[tuple[str, int, int], ...]  # (path, size, mtime_ns); -1 when missing


_memory: OrderedDict[str, Checked] = OrderedDict()
_stamp: str | None = None


def cache_folder() -> Path | None:
    """Where entries are written, or None when caching is off."""
    override = os.environ.get(CACHE_ENV)
    if override == "off":
        return None
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "checked"


def code_stamp() -> str:
    """Sizes and times of the modules that read and check scenarios (computed once)."""
    global _stamp
    if _stamp is None:
        package = Path(__file__).resolve().parent.parent
        digest = hashlib.sha256()
        for folder in _CODE_FOLDERS:
            for module in sorted((package / folder).glob("*.py")):
                with contextlib.suppress(OSError):
                    info = module.stat()
                    digest.update(f"{folder}/{module.name}:{info.st_size}:"
                                  f"{info.st_mtime_ns}\n".encode())
        _stamp = digest.hexdigest()[:16]
    return _stamp


def entry_key(content_hash: str) -> str:
    parts = f"{content_hash}|{__version__}|{SCHEMA_VERSION}|{code_stamp()}"
    return hashlib.sha256(parts.encode()).hexdigest()


def asset_stamps(folder: Path, scenario: Scenario) -> tuple[tuple[str, int, int], ...]:
    """The images the scenario names as they are now: the checker's warnings about them
    hold only while they stay so."""
    names = sorted({a.avatar for a in scenario.actors if a.avatar}
                   | {p.image for e in scenario.events for p in e.posts if p.image})
    stamps = []
    for name in names:
        try:
            info = (folder / name).stat()
            stamps.append((name, info.st_size, info.st_mtime_ns))
        except (OSError, ValueError):
            stamps.append((name, -1, -1))
    return tuple(stamps)


def recall(content_hash: str, folder: Path, *, need_analyses: bool) -> Checked | None:
    """The entry of this content, if one is usable; otherwise None."""
    place = cache_folder()
    if place is None:
        return None
    key = entry_key(content_hash)
    found = _memory.get(key)
    if found is not None:
        _memory.move_to_end(key)
    else:
        found = _read_entry(place / f"{key}.json", key, content_hash)
        if found is not None:
            _remember(key, found)
    if found is None or (need_analyses and found.analyses is None):
        return None
    if asset_stamps(folder, found.scenario) != found.assets:
        return None
    return found


def store(content_hash: str, folder: Path, scenario: Scenario, scenario_json: str,
          analyses: Iterable[Diagnostic] | None) -> None:
    """Remember a scenario without errors, in memory and on disk (quietly skipped on any
    failure: loading works without the cache)."""
    place = cache_folder()
    if place is None:
        return
    key = entry_key(content_hash)
    checked = Checked(scenario, None if analyses is None else tuple(analyses),
                      asset_stamps(folder, scenario))
    old = _memory.get(key)
    if old is not None and old.analyses is not None and checked.analyses is None:
        return  # never replace a checked entry by an unchecked one
    _remember(key, checked)
    try:
        entry = {
            "format": ENTRY_FORMAT, "version": ENTRY_VERSION, "key": key,
            "content_hash": content_hash, "checked": checked.analyses is not None,
            "assets": [list(a) for a in checked.assets],
            "analyses": None if checked.analyses is None else [
                _diagnostic_data(d) for d in checked.analyses],
            "scenario": scenario_json,
        }
        text = json.dumps(entry, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError) as exc:  # a parameter JSON cannot hold: not cached
        log.debug("scenario cache: entry not written (%s)", exc)
        return
    _write(place, key, text)


def forget_memory() -> None:
    """Empty the in-memory level (tests)."""
    _memory.clear()


def _remember(key: str, checked: Checked) -> None:
    _memory[key] = checked
    _memory.move_to_end(key)
    while len(_memory) > MAX_MEMORY_ENTRIES:
        _memory.popitem(last=False)


def _diagnostic_data(diag: Diagnostic) -> dict[str, Any]:
    params = dict(diag.params)
    if json.loads(json.dumps(params, allow_nan=True)) != params:
        raise ValueError(f"parameters of {diag.code} do not survive JSON")
    return {"line": diag.line, "column": diag.column, "severity": diag.severity.value,
            "code": diag.code, "params": params}


def _write(place: Path, key: str, text: str) -> None:
    try:
        place.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=place, prefix=".entry-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, place / f"{key}.json")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(place)
    except OSError as exc:  # a read-only or full disk: loading works without the cache
        log.debug("scenario cache: cannot write in %s (%s)", place, exc)


def _prune(place: Path) -> None:
    entries = sorted(place.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-MAX_DISK_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()


def _read_entry(path: Path, key: str, content_hash: str) -> Checked | None:
    try:
        raw = read_regular(path, MAX_ENTRY_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.debug("scenario cache: %s unreadable (%s)", path, exc)
        return None
    try:
        return _decode_entry(json.loads(raw.decode("utf-8")), key, content_hash)
    except (ValueError, TypeError, KeyError, RecursionError, ValidationError) as exc:
        log.debug("scenario cache: %s ignored (%s: %s)", path, type(exc).__name__,
                  str(exc)[:200])
        return None


def _decode_entry(entry: Any, key: str, content_hash: str) -> Checked:
    """The entry, checked field by field; raises ValueError (or ValidationError) for
    anything this module would not have written."""
    if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS:
        raise ValueError("not an entry")
    if (entry["format"], entry["version"], entry["key"], entry["content_hash"]) != (
            ENTRY_FORMAT, ENTRY_VERSION, key, content_hash):
        raise ValueError("another format, version or content")
    if not isinstance(entry["checked"], bool) or not isinstance(entry["scenario"], str):
        raise ValueError("bad fields")
    analyses = entry["analyses"]
    if entry["checked"] != (analyses is not None):
        raise ValueError("checked and analyses disagree")
    assets = tuple(_asset(a) for a in _list(entry["assets"]))
    found = None if analyses is None else tuple(_diagnostic(d) for d in _list(analyses))
    scenario = validate_scenario_json(entry["scenario"])
    return Checked(scenario, found, assets)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def _asset(value: Any) -> tuple[str, int, int]:
    if (not isinstance(value, list) or len(value) != 3 or not isinstance(value[0], str)
            or not all(type(v) is int for v in value[1:])):
        raise ValueError("bad asset stamp")
    return (value[0], value[1], value[2])


def _diagnostic(value: Any) -> Diagnostic:
    if not isinstance(value, dict) or set(value) != _DIAGNOSTIC_KEYS:
        raise ValueError("bad diagnostic")
    line, column, code, params = value["line"], value["column"], value["code"], value["params"]
    if (type(line) is not int or type(column) is not int or not isinstance(code, str)
            or not isinstance(params, dict)):
        raise ValueError("bad diagnostic")
    return Diagnostic("", line, column, Severity(value["severity"]), code, params)
