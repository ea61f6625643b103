"""Walking a validated scenario: every model, list item, map value and call with its
YAML path.  Below the checker, so that the reachability analysis and the scenario map
use it without importing the checker that uses them."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.content.text import Text
from game.content.validation import Loc
from game.engine.registry import CONDITIONS, EFFECTS, Call, Entry

_SCALARS = (str, int, float, type(None))  # bool is an int; enum values are str


def _may_hold_models(annotation: Any) -> bool:
    """Whether a field typed *annotation* can hold a model or a call (anything unknown
    counts as yes)."""
    if annotation is Any or isinstance(annotation, str | typing.ForwardRef):
        return True
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return issubclass(annotation, BaseModel | Call)
    if typing.get_origin(annotation) is typing.Literal:
        return False
    parts = [a for a in typing.get_args(annotation) if not _is_metadata(a)]
    return any(_may_hold_models(a) for a in parts) if parts else True


def _is_metadata(arg: Any) -> bool:
    # Annotated[...]'s constraints and validators, and None of Optional, are not types.
    return arg is type(None) or not (isinstance(arg, type) or typing.get_origin(arg)
                                      or arg is Any or isinstance(arg, str | typing.ForwardRef))


@functools.cache
def _model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of *cls* that can hold a model or a call."""
    return tuple(name for name, info in cls.model_fields.items()
                 if _may_hold_models(info.annotation))


def walk(node: Any, loc: Loc = (), *, leaves: bool = True) -> Iterator[tuple[Loc, Any]]:
    """Every model, list item, map value and call in *node*, with its YAML path (depth
    first, in the order written); without *leaves*, only the models and calls and what
    can hold them (the analyses look for those: most nodes are texts and numbers).

    A loop over a stack rather than nested generators: each ``yield from`` level passes
    every item up again, so deep parts of a large scenario cost their depth each."""
    stack: list[tuple[Loc, Any]] = [(loc, node)]
    pop = stack.pop
    while stack:
        loc, node = pop()
        yield loc, node
        children: list[tuple[Loc, Any]] = []
        if isinstance(node, Call):
            entry_path = loc + (node.name,)
            if entry_for(node.name).composite == "one":
                children.append((entry_path, node.children[0]))
            else:
                children.extend((entry_path + (i,), child)
                                for i, child in enumerate(node.children))
            if isinstance(node.args, BaseModel):
                names = type(node.args).model_fields if leaves else _model_fields(
                    type(node.args))
                children.extend((entry_path + (name,), getattr(node.args, name))
                                for name in names)
        elif isinstance(node, BaseModel) and not isinstance(node, Text):
            names = type(node).model_fields if leaves else _model_fields(type(node))
            children.extend((loc + (name,), getattr(node, name)) for name in names)
        elif isinstance(node, list | tuple):
            children.extend((loc + (i,), item) for i, item in enumerate(node))
        elif isinstance(node, dict):
            children.extend((loc + (str(key),), value) for key, value in node.items())
        if not leaves:
            children = [c for c in children if not isinstance(c[1], _SCALARS)]
        stack.extend(reversed(children))


def entry_for(name: str) -> Entry:
    """The registry entry of a condition or effect name (the two share no names)."""
    return CONDITIONS.entries.get(name) or EFFECTS.entries[name]


def calls_in(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Call]]:
    for path, item in walk(node, loc, leaves=False):
        if isinstance(item, Call):
            yield path, item
