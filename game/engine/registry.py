"""Registries of the named conditions and effects that scenario files may use.

A scenario never contains code.  It names a condition or an effect as the single key of a
map (``{flag: video_verified}``, ``{change: {credibility: 5}}``) and the registry says what
that name means, what its arguments look like (a type checked by pydantic) and which of
them are ids the checker must resolve.  Each entry is a small documented function; the
authoring reference is generated from these docstrings.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter


@dataclass(frozen=True, slots=True)
class Call:
    """A condition or effect as written in a scenario, with validated arguments.

    ``children`` holds the nested conditions of ``all``/``any``/``not``.
    """

    name: str
    args: Any = None
    children: tuple[Call, ...] = ()


@dataclass(frozen=True)
class Entry:
    """What one name means: the function, the argument type, the ids it refers to."""

    name: str
    func: Callable[..., Any]
    args_type: Any
    refs: Mapping[str, str]
    composite: str | None
    example: Any
    adapter: TypeAdapter[Any] = field(compare=False, repr=False)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


class Registry:
    """Names of one kind (``condition`` or ``effect``) and their entries."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.entries: dict[str, Entry] = {}

    def register(
        self,
        name: str,
        args: Any,
        *,
        example: Any,
        refs: Mapping[str, str] | None = None,
        composite: str | None = None,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: make *func* available to scenarios as *name*.

        ``refs`` maps an argument key (``""`` for a bare argument) to the kind of id it
        names (``flag``, ``narrative``, ``event``…).  ``composite`` is ``"list"`` or
        ``"one"`` for conditions made of other conditions.
        """

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            if name in self.entries:
                raise ValueError(f"{self.kind} {name!r} registered twice")
            self.entries[name] = Entry(
                name=name, func=func, args_type=args, refs=dict(refs or {}),
                composite=composite, example=example,
                adapter=TypeAdapter(args) if composite is None else TypeAdapter(Any),
            )
            return func

        return decorate

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def __getitem__(self, name: str) -> Entry:
        return self.entries[name]

    def names(self) -> list[str]:
        return list(self.entries)


CONDITIONS = Registry("condition")
EFFECTS = Registry("effect")
