"""Scenario words that an engine registry defines, read when a file is checked.

A measure registered in ``engine/measures.py`` is a word scenarios may write (a narrative's
``counters:`` key): the model's validation, its JSON Schema and the reference read the
registry through :class:`OneOfRegistered` instead of a list kept in step by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from game.content.validation import suggest


@dataclass(frozen=True)
class OneOfRegistered:
    """``Annotated[str, OneOfRegistered(names)]``: a text among ``names()``, asked each
    time a file is validated or the schema written (so a measure registered after this
    module was imported counts; a pydantic ``Literal`` is fixed when the model is built).

    A wrong word is the checker's ``not_one_of``, with the allowed words and a suggestion.
    """

    names: Callable[[], tuple[str, ...]]

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"type": "string", "enum": [str(name) for name in self.names()]}

    def _check(self, value: str) -> str:
        allowed = [str(name) for name in self.names()]
        if value not in allowed:
            raise PydanticCustomError(
                "not_one_of", "“{value}” is not one of: {allowed}",
                {"value": value, "allowed": allowed, "suggestion": suggest(value, allowed)})
        return value


def registered_names(metadata: list[Any]) -> tuple[str, ...] | None:
    """The words a field's metadata allows, if one item is a :class:`OneOfRegistered`
    (the reference lists them like a ``Literal``'s)."""
    for item in metadata:
        if isinstance(item, OneOfRegistered):
            return item.names()
    return None
