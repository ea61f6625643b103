"""Walking a validated scenario: every model, list item, map value and call with its
YAML path.  Below the checker, so that the reachability analysis and the scenario map
use it without importing the checker that uses them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.content.text import Text
from game.content.validation import Loc
from game.engine.registry import CONDITIONS, EFFECTS, Call, Entry


def walk(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every model, list item, map value and call in *node*, with its YAML path."""
    yield loc, node
    if isinstance(node, Call):
        entry_path = loc + (node.name,)
        if entry_for(node.name).composite == "one":
            yield from walk(node.children[0], entry_path)
        else:
            for i, child in enumerate(node.children):
                yield from walk(child, entry_path + (i,))
        if isinstance(node.args, BaseModel):
            for name in type(node.args).model_fields:
                yield from walk(getattr(node.args, name), entry_path + (name,))
    elif isinstance(node, BaseModel) and not isinstance(node, Text):
        for name in type(node).model_fields:
            yield from walk(getattr(node, name), loc + (name,))
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            yield from walk(item, loc + (i,))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, loc + (str(key),))


def entry_for(name: str) -> Entry:
    """The registry entry of a condition or effect name (the two share no names)."""
    return CONDITIONS.entries.get(name) or EFFECTS.entries[name]


def calls_in(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Call]]:
    for path, item in walk(node, loc):
        if isinstance(item, Call):
            yield path, item
