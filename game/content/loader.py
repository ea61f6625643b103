"""Load a scenario file: read it safely, validate it, and collect every problem found.

``load_scenario(path)`` never raises for a bad file: it returns the diagnostics, each at
``file:line:col``.  A scenario is a single ``.yaml`` file or a folder holding
``scenario.yaml`` (and its ``assets/``).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import collector
from game.content import cache as checked_cache
from game.content.controls import code_point
from game.content.diagnostics import Diagnostic, ProblemError, Severity
from game.content.findings import issue_diagnostic
from game.content.model import SCHEMA_VERSION, Scenario, as_json, validate_scenario_json
from game.content.validation import Issue, convert, type_name_of
from game.content.yaml_source import (
    MAX_FILE_BYTES,
    YamlDocument,
    decode,
    parse,
    read_limited,
    split_lines,
)

SCENARIO_FILE_NAMES = ("scenario.yaml", "scenario.yml")
SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadedScenario:
    """A scenario file as read: the model when it is valid, and every diagnostic."""

    path: Path
    display: str
    scenario: Scenario | None = None
    document: YamlDocument | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    content_hash: str = ""
    lines: list[str] = field(default_factory=list)
    from_cache: bool = False  # recalled by content hash (game/content/cache.py), not read

    def positions(self) -> YamlDocument | None:
        """The document with the line and column of every part; a scenario recalled from
        the cache was not read, so it is read now (``check --play`` places warnings)."""
        if self.document is None and self.from_cache:
            with contextlib.suppress(ProblemError):
                self.document = parse("\n".join(self.lines))
        return self.document

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def playable(self) -> bool:
        return self.scenario is not None and not self.errors


def scenario_file(path: Path) -> Path:
    """The YAML file of a scenario given as a file or as a scenario folder."""
    if path.is_dir():
        for name in SCENARIO_FILE_NAMES:
            if (path / name).is_file():
                return path / name
        return path / SCENARIO_FILE_NAMES[0]
    return path


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading allocates many small objects and no cycles; the cyclic collector's passes
    over a growing heap made large files load in superlinear time (benchmarks).

    Switched back on, the collector's next pass would walk every object the load made
    (they are all still "young"): ~4 % of loading a large file.  Unless the process has
    frozen objects of its own (the game does, once its scenarios are loaded), they are
    moved to the oldest generation instead, which costs nothing now; a full collection
    looks at them later, as at any long-lived object."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not collector.anything_frozen():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def load_scenario(path: Path, display: str | None = None, *, check: bool = True,
                  cache: bool = True) -> LoadedScenario:
    """Read, validate and (with *check*) analyse a scenario; never raises for bad content.

    An unchanged file already loaded without errors is recalled by its content hash
    instead (``cache=False``: always read it)."""
    with _gc_paused():
        return _load(path, display, check, cache)


def _load(path: Path, display: str | None, check: bool, cache: bool) -> LoadedScenario:
    file = scenario_file(path)
    loaded = LoadedScenario(path=file, display=display or str(file))
    try:
        raw = _read_bytes(file)
        loaded.content_hash = hashlib.sha256(raw).hexdigest()
        text = decode(raw)
        loaded.lines = split_lines(text)
        if cache and _recall(loaded, check):
            return loaded
        loaded.document = parse(text)
    except ProblemError as problem:
        if problem.code == "not_utf8":  # still show the author the line in question
            loaded.lines = split_lines(raw.decode("utf-8", errors="replace"))
        loaded.diagnostics.append(problem.to_diagnostic(loaded.display))
        return loaded
    doc = loaded.document
    for path_, pos, first in doc.duplicates:
        loaded.diagnostics.append(Diagnostic(
            loaded.display, pos.line, pos.column, Severity.ERROR, "duplicate_key",
            {"key": path_[-1], "first_line": first.line}))
    for pos, char in doc.controls:
        loaded.diagnostics.append(Diagnostic(
            loaded.display, pos.line, pos.column, Severity.ERROR, "control_character",
            {"char": code_point(char)}))
    loaded.scenario, scenario_json = _validate(doc, loaded, check)
    analyses: list[Diagnostic] | None = None
    if loaded.scenario is not None and check:
        from game.content.checker import analyse  # not loaded by check=False: ~25 ms per sim worker

        analyses = analyse(loaded.scenario, doc, loaded.display, loaded.folder)
        loaded.diagnostics.extend(analyses)
    loaded.diagnostics.sort(key=Diagnostic.sort_key)
    if cache and loaded.scenario is not None and not loaded.errors:
        checked_cache.store(loaded.content_hash, loaded.folder, loaded.scenario, scenario_json,
              None if analyses is None else [replace(d, file="") for d in analyses])
    return loaded


def _recall(loaded: LoadedScenario, check: bool) -> bool:
    """Fill *loaded* from the cache if this content was loaded (and checked, if *check*)."""
    found = checked_cache.recall(loaded.content_hash, loaded.folder, need_analyses=check)
    if found is None:
        return False
    loaded.scenario = found.scenario
    if check and found.analyses:
        loaded.diagnostics = sorted((replace(d, file=loaded.display) for d in found.analyses),
                                    key=Diagnostic.sort_key)
    loaded.from_cache = True
    return True


def _read_bytes(file: Path) -> bytes:
    return read_limited(file, MAX_FILE_BYTES)


def merge_typos(issues: list[Issue]) -> list[Issue]:
    """A misspelt key is one mistake, not two: when an unknown key's suggestion is the
    required key reported missing in the same map, keep only the unknown key."""
    suggested = {(i.loc[:-1], i.params.get("suggestion")) for i in issues
                 if i.code == "unknown_key"}
    return [i for i in issues
            if not (i.code == "missing_key" and (i.loc[:-1], i.loc[-1]) in suggested)]


def _validate(doc: YamlDocument, loaded: LoadedScenario,
              check: bool) -> tuple[Scenario | None, str]:
    """The model (or None, the problems added to *loaded*) and the JSON it was read from."""
    data: Any = doc.data
    if not isinstance(data, dict):
        loaded.diagnostics.append(Diagnostic(
            loaded.display, 1, 1, Severity.ERROR, "top_not_mapping",
            {"found": type_name_of(data)}))
        return None, ""
    version = data.get("schema_version")
    if "schema_version" in data and version != SCHEMA_VERSION:
        pos = doc.locate(("schema_version",))
        loaded.diagnostics.append(Diagnostic(
            loaded.display, pos.line, pos.column, Severity.ERROR, "schema_version",
            {"found": version, "supported": SCHEMA_VERSION}))
        return None, ""
    text = as_json(data)
    try:
        scenario = validate_scenario_json(text)
    except ValidationError as exc:
        issues = merge_typos(convert(exc.errors(), Scenario))
        for issue in issues:
            loaded.diagnostics.append(issue_diagnostic(issue, doc, loaded.display))
        if check:  # the references and flags of the rest, in the same run
            from game.content.partial import analyse_rest  # as the checker (check=False skips it)

            loaded.diagnostics.extend(analyse_rest(data, issues, doc, loaded.display,
                                                   loaded.folder))
        return None, ""
    return scenario, text
