"""Turn pydantic's validation errors into the checker's own codes, in the author's terms.

Pydantic reports ``int_parsing at ('events', 3, 'crisis', 'deadline')``; an instructor
needs ``expected a whole number, found "two"`` at the line where they wrote it.  The
position is resolved later from the path; here we pick the code, its parameters and
whether the path names a value, a key, or a missing key's parent map.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from game.content.messages import MESSAGES

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Issue:
    """A problem at a path of the YAML data, before it gets a line and a column."""

    loc: Loc
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    at: str = "value"  # "value", "key" (the key that names loc) or "parent" (missing keys)


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a probable typo, if one is close enough."""
    found = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return found[0] if found else None


def type_name_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int):
        return "whole number"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "map"
    return type(value).__name__


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(tp) if a is not type(None)]
            tp = members[0] if len(members) == 1 else tp
            if len(members) != 1:
                return tp
        else:
            return tp


def type_at(root: Any, loc: Sequence[str | int]) -> Any:
    """The declared type at *loc* inside *root*, or None where it cannot be followed."""
    tp = root
    for part in loc:
        tp = _unwrap(tp)
        origin = get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            info = tp.model_fields.get(str(part))
            if info is None:
                return None
            tp = info.annotation
        elif origin in (list, tuple, set, frozenset):
            tp = get_args(tp)[0]
        elif origin is dict:
            tp = get_args(tp)[1]
        else:
            return None
    return _unwrap(tp)


def allowed_values(tp: Any) -> list[str]:
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return [str(m.value) for m in tp]
    if get_origin(tp) is Literal:
        return [str(a) for a in get_args(tp)]
    return []


_QUOTED = re.compile(r"'([^']*)'")


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def convert(errors: Iterable[ErrorDetails], root: Any) -> list[Issue]:
    """Our issues for pydantic's errors, validated against the type *root*."""
    issues: list[Issue] = []
    for error in errors:
        issues.extend(_convert_one(error, root))
    return issues


def _convert_one(error: ErrorDetails, root: Any) -> list[Issue]:
    etype = error["type"]
    loc: Loc = tuple(error["loc"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    at = "value"
    if loc and loc[-1] == "[key]":
        loc, at = loc[:-1], "key"
        value = loc[-1] if loc else value
    if etype == "hd_call":
        return [Issue(loc + sub.loc, sub.code, sub.params, sub.at) for sub in ctx["errors"]]
    if etype == "string_unicode":  # a lone surrogate: already a control_character
        return []
    if etype in MESSAGES:
        return [Issue(loc, etype, ctx, at)]
    if etype == "missing":
        return [Issue(loc, "missing_key", {"key": loc[-1]}, "parent")]
    if etype == "extra_forbidden":
        parent = type_at(root, loc[:-1])
        fields = list(parent.model_fields) if isinstance(parent, type) and issubclass(
            parent, BaseModel) else []
        return [Issue(loc, "unknown_key", {"key": loc[-1], "suggestion": suggest(
            str(loc[-1]), fields)}, "key")]
    return [Issue(loc, *_value_problem(etype, ctx, value, root, loc), at)]


def _value_problem(etype: str, ctx: dict[str, Any], value: Any, root: Any,
                   loc: Loc) -> tuple[str, dict[str, Any]]:
    found = type_name_of(value)
    if etype == "string_type":
        if isinstance(value, bool):
            return "bool_for_text", {}
        if isinstance(value, int | float):
            return "number_for_text", {"value": value}
        return "wrong_type", {"expected": "text", "found": found}
    if etype == "string_too_long":
        return "text_too_long", {"limit": ctx.get("max_length")}
    if etype == "string_too_short":
        return "text_empty", {}
    if etype == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^@"):
            return "bad_handle", {"value": value}
        if "{2,3}" in pattern:
            return "bad_language", {"value": value}
        return "bad_id", {"value": value}
    if etype == "int_parsing_size" or (etype == "finite_number" and isinstance(value, float)
                                       and value in (float("inf"), float("-inf"))):
        return "number_too_large", {}  # 1e308 or 1e999 where a count is expected
    if etype in ("int_type", "float_type") and isinstance(value, str) and _numeric(value):
        return "quoted_number", {"value": value}
    if etype == "int_type" and isinstance(value, float) and not abs(value) < 2**63:
        return "number_too_large", {}
    if etype in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, dict | list):
            return "wrong_type", {"expected": "whole number", "found": found}
        return "bad_whole_number", {"value": value}
    if etype in ("float_type", "float_parsing", "finite_number"):
        if isinstance(value, dict | list):
            return "wrong_type", {"expected": "number", "found": found}
        return "bad_number", {"value": value}
    if etype in ("bool_type", "bool_parsing") and isinstance(value, str):
        return "text_for_boolean", {"value": value}
    if etype in ("bool_type", "bool_parsing"):
        return "wrong_type", {"expected": "yes/no", "found": found}
    if etype in ("list_type", "tuple_type", "set_type"):
        return "wrong_type", {"expected": "list", "found": found}
    if etype in ("dict_type", "model_type", "model_attributes_type"):
        expected = type_at(root, loc)
        if getattr(expected, "__name__", "") == "Text" and isinstance(value, str):
            return "text_map_expected", {}
        return "wrong_type", {"expected": "map", "found": found}
    if etype in ("enum", "literal_error"):
        allowed = allowed_values(type_at(root, loc)) or _QUOTED.findall(
            str(ctx.get("expected", "")))
        return "not_one_of", {"value": value, "allowed": allowed,
                              "suggestion": suggest(str(value), allowed)}
    if etype in ("greater_than_equal", "greater_than"):
        return "too_small", {"limit": ctx.get("ge", ctx.get("gt"))}
    if etype in ("less_than_equal", "less_than"):
        return "too_big", {"limit": ctx.get("le", ctx.get("lt"))}
    if etype == "too_short":
        return "too_few_items", {"limit": ctx.get("min_length")}
    if etype == "too_long":
        return "too_many_items", {"limit": ctx.get("max_length")}
    return "invalid", {"detail": str(ctx.get("error") or etype)}
