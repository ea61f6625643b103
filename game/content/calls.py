"""Conditions and effects inside the scenario model: parsing, and their JSON Schema.

A field typed :data:`ConditionField` or :data:`EffectField` accepts the one-key YAML map
an author writes and stores a :class:`~game.engine.registry.Call` whose arguments were
checked against the registry entry.  All problems inside one call travel to the checker
together, each with its own path, so the author sees every typo at once.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import PlainValidator, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

import game.engine.conditions  # noqa: F401  (registers the conditions)
import game.engine.effects  # noqa: F401  (registers the effects)
from game.content.validation import Issue, Loc, convert, suggest, type_name_of
from game.engine.registry import CONDITIONS, EFFECTS, Call, Registry


def parse_call(registry: Registry, raw: Any) -> Call:
    """Validate one condition or effect; raise a pydantic error carrying every issue."""
    issues: list[Issue] = []
    call = _parse(registry, raw, (), issues)
    if issues or call is None:
        raise PydanticCustomError("hd_call", "invalid {kind}", {"errors": issues,
                                                               "kind": registry.kind})
    return call


def _example(registry: Registry) -> str:
    entry = next(iter(e for e in registry.entries.values() if e.composite is None))
    return f"{{{entry.name}: {json.dumps(entry.example, ensure_ascii=False)}}}"


def _parse(registry: Registry, raw: Any, loc: Loc, issues: list[Issue]) -> Call | None:
    if not isinstance(raw, dict) or len(raw) != 1:
        issues.append(Issue(loc, "call_shape", {"kind": registry.kind,
                                                "example": _example(registry)}))
        return None
    ((name, value),) = raw.items()
    entry = registry.entries.get(name)
    if entry is None:
        issues.append(Issue(loc + (name,), f"unknown_{registry.kind}",
                            {"name": name, "suggestion": suggest(name, registry.names())}, "key"))
        return None
    here = loc + (name,)
    if entry.composite == "list":
        if not isinstance(value, list) or not value:
            issues.append(Issue(here, "wrong_type", {"expected": "list",
                                                     "found": type_name_of(value)}))
            return None
        children = [_parse(registry, item, here + (i,), issues) for i, item in enumerate(value)]
        kept = tuple(c for c in children if c is not None)
        return Call(name, None, kept) if len(kept) == len(children) else None
    if entry.composite == "one":
        child = _parse(registry, value, here, issues)
        return Call(name, None, (child,)) if child is not None else None
    try:
        # Strict, as JSON: the same scalars as the JSON Schema ("3" is text, not a turn).
        args = entry.adapter.validate_json(json.dumps(value, ensure_ascii=False), strict=True)
    except ValidationError as exc:
        for issue in convert(exc.errors(), entry.args_type):
            issues.append(Issue(here + issue.loc, issue.code, issue.params, issue.at))
        return None
    return Call(name, args)


def _schema_ref(kind: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{kind}"}


# pydantic resolves "$ref"s it generates itself; ours are placeholders replaced afterwards.
_PLACEHOLDER = "x-hashtag-call"


def resolve_placeholders(schema: Any) -> Any:
    """Replace the call placeholders in a generated schema by ``$ref``s to our ``$defs``."""
    if isinstance(schema, dict):
        if _PLACEHOLDER in schema:
            return _schema_ref(schema[_PLACEHOLDER])
        return {k: resolve_placeholders(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [resolve_placeholders(v) for v in schema]
    return schema


ConditionField = Annotated[
    Call,
    PlainValidator(lambda raw: parse_call(CONDITIONS, raw)),
    WithJsonSchema({_PLACEHOLDER: "Condition"}),
]
EffectField = Annotated[
    Call,
    PlainValidator(lambda raw: parse_call(EFFECTS, raw)),
    WithJsonSchema({_PLACEHOLDER: "Effect"}),
]


def call_schemas() -> dict[str, Any]:
    """``$defs`` entries for ``Condition`` and ``Effect`` (and the argument models they use)."""
    defs: dict[str, Any] = {}
    for registry, title in ((CONDITIONS, "Condition"), (EFFECTS, "Effect")):
        properties: dict[str, Any] = {}
        for entry in registry.entries.values():
            if entry.composite == "list":
                schema: dict[str, Any] = {"type": "array", "minItems": 1,
                                          "items": _schema_ref(title)}
            elif entry.composite == "one":
                schema = _schema_ref(title)
            else:
                schema = resolve_placeholders(
                    entry.adapter.json_schema(ref_template="#/$defs/{model}"))
                defs.update(schema.pop("$defs", {}))
            schema["description"] = entry.summary
            properties[entry.name] = schema
        defs[title] = {
            "title": title,
            "description": f"One {registry.kind}, written as a map with a single key naming it.",
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": False,
            "properties": properties,
        }
    return defs
