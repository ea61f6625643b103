"""Every problem in one run: after format errors, check the meaning of what is left.

When the format is broken somewhere, the model cannot be built, and the checker's
analyses (references, flags, turns) used to wait for the next run.  Here the broken parts
are set aside — a misspelt key is read under the name it was surely meant to have, an
unknown key dropped, a bad optional value left out, and a list item that cannot be
repaired (an event with a bad deadline) removed — the rest is validated again and
analysed.  Nothing is kept from that analysis that could come from what was set aside (a
reference to a removed event, a flag it set, a text left without a language), so nothing
is reported that the author's next run would not report too.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content.checker import analyse
from game.content.diagnostics import Diagnostic
from game.content.model import Scenario, validate_scenario
from game.content.validation import Issue, Loc, type_at
from game.content.yaml_source import YamlDocument


def analyse_rest(data: dict[str, Any], issues: list[Issue], doc: YamlDocument, display: str,
                 folder: Any) -> list[Diagnostic]:
    """The checker's errors on *data* once the parts *issues* point at are set aside."""
    repaired = copy.deepcopy(data)
    removed: dict[Loc, list[int]] = {}  # list path → original indices removed
    aside: list[Any] = []
    renamed: dict[Loc, str] = {}  # the path as repaired → the key as written
    emptied: set[tuple[int, int]] = set()
    for target in sorted(_targets(data, issues), key=_deepest_last_index_first):
        kind, loc, extra = target
        parent = _get(repaired, loc[:-1])
        if kind == "rename" and isinstance(parent, dict) and loc[-1] in parent:
            if extra not in parent:
                parent[extra] = parent.pop(loc[-1])
                renamed[loc[:-1] + (extra,)] = str(loc[-1])
            continue
        if kind == "drop" and isinstance(parent, dict) and loc[-1] in parent:
            aside.append(parent.pop(loc[-1]))
            where = doc.locate(loc[:-1])
            emptied.add((where.line, where.column))  # a text now lacking a language
        elif kind == "item" and isinstance(parent, list) and isinstance(loc[-1], int) \
                and loc[-1] < len(parent) and loc[-1] not in removed.get(loc[:-1], []):
            aside.append(parent.pop(loc[-1]))
            removed.setdefault(loc[:-1], []).append(loc[-1])
        elif kind == "stop":
            return []
    try:
        scenario = validate_scenario(repaired)
    except ValidationError:
        return []  # the rest still does not hold together: the next run will tell
    shaky = set(_strings(aside))
    found = []
    for diag in analyse(scenario, _Remapped(doc, removed, renamed), display, folder):
        if _may_come_from(diag, shaky, removed) or (
                diag.code == "missing_translation" and (diag.line, diag.column) in emptied):
            continue
        found.append(diag)
    return found


def _deepest_last_index_first(target: tuple[str, Loc, Any]) -> tuple[int, Any]:
    loc = target[1]
    # Items of one list are removed from the end, so the indices of the others still hold.
    return (-len(loc), -(loc[-1] if isinstance(loc[-1], int) else -1))


def _targets(data: Any, issues: list[Issue]) -> Iterator[tuple[str, Loc, Any]]:
    for issue in issues:
        loc = issue.loc
        if issue.code == "unknown_key":
            suggestion = issue.params.get("suggestion")
            parent = _get(data, loc[:-1])
            if suggestion and isinstance(parent, dict) and suggestion not in parent:
                yield "rename", loc, suggestion
            else:
                yield "drop", loc, None
            continue
        if issue.code not in ("missing_key",) and _optional(loc):
            yield "drop", loc, None
            continue
        item = _nearest_item(loc if issue.at != "parent" else loc[:-1], data)
        yield ("item", item, None) if item is not None else ("stop", loc, None)


def _optional(loc: Loc) -> bool:
    """Whether the value at *loc* may simply be left out (a default, or a map's entry)."""
    if not loc or isinstance(loc[-1], int):
        return False
    parent = type_at(Scenario, loc[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        field = parent.model_fields.get(str(loc[-1]))
        return field is not None and not field.is_required()
    return False


def _nearest_item(loc: Loc, data: Any) -> Loc | None:
    """The path of the innermost list item holding *loc* that exists in *data*."""
    for end in range(len(loc), 0, -1):
        if isinstance(loc[end - 1], int) and isinstance(_get(data, loc[:end - 1]), list):
            return loc[:end]
    return None


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _may_come_from(diag: Diagnostic, shaky: set[str], removed: dict[Loc, list[int]]) -> bool:
    """A finding that what was set aside could explain (so it is not reported)."""
    if diag.code == "no_default_ending" and ("endings",) in removed:
        return True
    return any(isinstance(v, str) and v in shaky for v in diag.params.values())


class _Remapped(YamlDocument):
    """The original document, located through the indices of the repaired data."""

    def __init__(self, doc: YamlDocument, removed: dict[Loc, list[int]],
                 renamed: dict[Loc, str]) -> None:
        super().__init__(doc.data, doc.lines, doc.root, doc.duplicates, doc.controls)
        self._removed = {k: sorted(v) for k, v in removed.items()}
        self._renamed = renamed

    def locate(self, path: Any, *, key: bool = False) -> Any:
        original: list[Any] = []
        for part in path:
            gone = self._removed.get(tuple(original))
            if gone and isinstance(part, int):
                for index in gone:
                    if index <= part:
                        part += 1
            original.append(self._renamed.get(tuple(original) + (part,), part))
        return super().locate(tuple(original), key=key)
