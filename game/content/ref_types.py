"""Describe the scenario model's types in words an author reads: "whole number from 1 to 60"."""

from __future__ import annotations

import json
import re
import types
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.content.key_help import SECTIONS
from game.content.registered import registered_names
from game.content.text import Text
from game.engine.registry import Call
from game.i18n import N_, _, fmt_number

# Vocabulary lists named rather than spelt out when they are long or used as map keys.
ENUM_NAMES: dict[str, str] = {
    "Indicator": N_("indicator"), "Tone": N_("tone"), "Technique": N_("technique"),
    "ActorKind": N_("actor kind"), "AudienceKind": N_("audience kind"),
    "Measure": N_("counter-measure"), "Channel": N_("channel"),
    "NarrativePhase": N_("narrative phase"), "Difficulty": N_("difficulty"),
    "EndingTone": N_("ending tone"),
}
INLINE_ENUM = 5  # at most this many values are listed in place

# Patterns of the model's constrained strings, recognised by their regular expression.
_PATTERN_NAMES = {"^@": "handle", "{2,3}": "language", "^[a-z][a-z0-9_": "id"}


def anchor(section: str) -> str:
    """The Markdown anchor of a reference section heading such as ``events[].crisis``."""
    return "ref-" + re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for name in ("ge", "gt", "le", "lt", "min_length", "max_length", "pattern"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _split(tp: Any) -> tuple[Any, list[Any]]:
    """The bare type and the constraints written around it (Annotated, Optional)."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            args = get_args(tp)
            tp = args[0]
            for extra in args[1:]:
                metadata.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(tp) if a is not type(None)]
            if len(members) != 1:
                return tp, metadata
            tp = members[0]
        else:
            return tp, metadata


def yaml_value(value: Any) -> str:
    """A value as an author would write it in YAML."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseModel):
        return "—"
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return re.sub(r'"([a-z_][a-z0-9_]*)"', r"\1", text)


def _number(kind: str, b: dict[str, Any]) -> str:
    low, high = b.get("ge", b.get("gt")), b.get("le", b.get("lt"))
    word = _("whole number") if kind == "int" else _("number")
    if low is not None and high is not None:
        if "gt" in b:
            return _("{kind} above {low}, at most {high}").format(
                kind=word, low=yaml_value(low), high=yaml_value(high))
        return _("{kind} from {low} to {high}").format(kind=word, low=yaml_value(low),
                                                       high=yaml_value(high))
    return word


def _string(b: dict[str, Any]) -> str:
    pattern = str(b.get("pattern", ""))
    for marker, name in _PATTERN_NAMES.items():
        if marker in pattern:
            return {"handle": _("handle (@ then letters, digits, _)"),
                    "language": _("language code (fr, en…)"),
                    "id": _("id")}[name]
    return _("plain text")


def _count(b: dict[str, Any]) -> str:
    low, high = b.get("min_length"), b.get("max_length")
    if low and high:
        return " " + _("({low} to {high} items)").format(low=low, high=fmt_number(high))
    if low:
        return " " + _("(at least {low})").format(low=low)
    if high:
        return " " + _("(at most {high})").format(high=fmt_number(high))
    return ""


def _call_kind(metadata: list[Any]) -> str:
    """``Condition`` or ``Effect``, from the JSON-schema marker of a call field."""
    for extra in metadata:
        marker = getattr(extra, "json_schema", None)
        if isinstance(marker, dict) and "x-hashtag-call" in marker:
            return str(marker["x-hashtag-call"])
    return ""


def _enum(tp: type[Enum], named: bool) -> str:
    name = ENUM_NAMES.get(tp.__name__)
    if name and (named or len(tp) > INLINE_ENUM):
        return f"[{_(name)}](#{anchor('vocabulary')})"
    return _("one of: {values}").format(values=", ".join(str(m.value) for m in tp))


def _model(tp: type[BaseModel]) -> str:
    where = SECTIONS.get(tp.__name__, ("", ""))[0]
    return _("map of keys") + (f" ([`{where}`](#{anchor(where)}))" if where else "")


def _list(item_tp: Any) -> str:
    item, _meta = _split(item_tp)
    if isinstance(item, type) and issubclass(item, BaseModel) and not issubclass(item, Text):
        where = SECTIONS.get(item.__name__, ("", ""))[0]
        return _("list of maps") + (f" ([`{where}`](#{anchor(where)}))" if where else "")
    values = [str(v.value if isinstance(v, Enum) else v) for v in (
        list(item) if isinstance(item, type) and issubclass(item, Enum) else get_args(item)
        if get_origin(item) is Literal else [])]
    if values and len(values) <= INLINE_ENUM:
        return _("list of values among: {values}").format(values=", ".join(values))
    return _("list of: {item}").format(item=describe(item_tp, named=True))


def describe(tp: Any, metadata: list[Any] | None = None, named: bool = False) -> str:
    """Words for the type *tp* (with the constraints in *metadata*); *named*: inside a list
    or as a map key, where a vocabulary is named rather than listed."""
    tp, inner = _split(tp)
    every = [*(metadata or []), *inner]
    b = _bounds(every)
    origin = get_origin(tp)
    if tp is Call:
        return _("a condition") if _call_kind(every) == "Condition" else _("an effect")
    if isinstance(tp, type) and issubclass(tp, Text):
        return _("text in each language")
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _model(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum(tp, named)
    registered = registered_names(every)  # a registry's words, e.g. counter names
    if origin is Literal or registered is not None:
        values = [yaml_value(a) for a in (registered or get_args(tp))]
        return values[0] if len(values) == 1 else _("one of: {values}").format(
            values=", ".join(values))
    if origin is list:
        return _list(get_args(tp)[0]) + _count(b)
    if origin is dict:
        key, value = get_args(tp)
        return _("map {key} → {value}").format(key=describe(key, named=True),
                                                value=describe(value, named=True))
    if tp is bool:
        return _("true or false")
    if tp in (int, float):
        return _number(tp.__name__, b)
    if tp is str:
        return _string(b)
    if tp is list:
        return _("list of conditions")
    if tp is dict:
        return _("a condition")
    return str(getattr(tp, "__name__", tp))


def field_type(info: FieldInfo) -> str:
    """Words for a model field's type."""
    return describe(info.annotation, list(info.metadata))


def default_text(info: FieldInfo) -> str:
    """The default as written in YAML, or "required"."""
    if info.is_required():
        return _("required")
    value = info.get_default(call_default_factory=True)
    if value is None:
        return "—"
    if isinstance(value, BaseModel):
        return _("see below")
    if value in ([], {}):
        return _("none")
    return f"`{yaml_value(value)}`"
