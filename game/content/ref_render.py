"""Render the authoring reference in the current language: keys, vocabulary, conditions, effects.

Keys come from the pydantic model (types, defaults, limits) and :mod:`key_help` (meaning);
conditions and effects from the registries' docstrings and examples, translated through
the ``core`` catalog.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator
from enum import Enum
from typing import Any, get_args

from pydantic import BaseModel

from game.content.key_help import KEYS, SECTIONS
from game.content.messages import kind_name
from game.content.model import Scenario
from game.content.ref_types import ENUM_NAMES, anchor, default_text, describe, field_type
from game.content.text import Text
from game.engine import vocabulary
from game.engine.registry import CONDITIONS, EFFECTS, Entry, Registry
from game.i18n import _, get_language, semicolons


def models(root: type[BaseModel] = Scenario) -> list[type[BaseModel]]:
    """Every model of the format reachable from *root*, in the order an author meets them."""
    found: list[type[BaseModel]] = []

    def visit(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel) and not issubclass(tp, Text):
            if tp in found:
                return
            found.append(tp)
            for info in tp.model_fields.values():
                visit(info.annotation)
        for arg in get_args(tp):
            visit(arg)

    visit(root)
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _section(model: type[BaseModel]) -> str:
    where, intro = SECTIONS[model.__name__]
    top = _("Top level")
    title = f"`{where}`" if where else top
    cols = [_("key"), _("type"), _("default"), _("meaning")]
    rows = ["| " + " | ".join(cols) + " |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        meaning = _(KEYS[f"{model.__name__}.{name}"])
        rows.append(f"| `{name}` | {_cell(field_type(info))} | {_cell(default_text(info))} | "
                    f"{_cell(meaning)} |")
    head = f'<a id="{anchor(where or "top")}"></a>\n\n#### {title}\n\n{_(intro)}\n'
    return head + "\n" + "\n".join(rows) + "\n"


def render_keys() -> str:
    return "\n".join(_section(m) for m in models())


def vocabulary_enums() -> list[type[Enum]]:
    return [getattr(vocabulary, name) for name in ENUM_NAMES]


def render_vocabulary() -> str:
    title = _("Vocabulary")
    lines = [f'<a id="{anchor("vocabulary")}"></a>', "", f"#### {title}", "",
             _("The fixed words a scenario may use as values:"), ""]
    for enum in vocabulary_enums():
        values = ", ".join(f"`{m.value}`" for m in enum)
        name = _(ENUM_NAMES[enum.__name__])
        lines.append(f"- **{name}**{_colon()} {values}")
    return "\n".join(lines) + "\n"


def _colon() -> str:
    """A colon after a term: French typography puts a no-break space before it."""
    return "\u00a0:" if get_language() == "fr" else ":"


def yaml_inline(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return re.sub(r'"([a-z_][a-z0-9_]*)":', r"\1:", text).replace('"…"', "…")


def _arguments(entry: Entry) -> str:
    if entry.composite == "list":
        return _("a list of conditions")
    if entry.composite == "one":
        return _("one condition")
    tp = entry.args_type
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        parts = []
        for name, info in tp.model_fields.items():
            default = default_text(info)
            default = _("optional") if default == "—" else default
            kind = entry.refs.get(name)
            words = _("id ({kind})").format(kind=kind_name(kind)) if kind else field_type(info)
            parts.append(f"`{name}`{_colon()} {words} ({default})")
        return semicolons(parts)
    if "" in entry.refs:
        return _("id ({kind})").format(kind=kind_name(entry.refs[""]))
    return describe(tp)


def translated_doc(entry: Entry) -> str:
    """The entry's docstring in the current language (the English docstring is the msgid)."""
    return _(entry.doc)


def _entry(entry: Entry) -> str:
    example = f"{{{entry.name}: {yaml_inline(entry.example)}}}"
    paragraphs = [" ".join(p.split()) for p in translated_doc(entry).split("\n\n")]
    body = "\n\n  ".join(paragraphs).replace("``", "`")
    label = _("Arguments:") if _is_model(entry) else _("Argument:")
    return (f"- **`{entry.name}`** — {body}\n\n  {label} {_arguments(entry)}\n\n"
            f"  `{example}`\n")


def _is_model(entry: Entry) -> bool:
    tp = entry.args_type
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _calls(title: str, registry: Registry) -> str:
    entries = sorted(registry.entries.values(), key=lambda e: e.name)
    return f"### {title}\n\n" + "\n".join(_entry(e) for e in entries)


def render_calls() -> str:
    return "\n".join([_calls(_("Conditions"), CONDITIONS), _calls(_("Effects"), EFFECTS)])


def registry_docs() -> Iterator[tuple[Entry, str]]:
    """Every condition and effect with the source file of its docstring (for the catalog)."""
    for registry in (CONDITIONS, EFFECTS):
        for entry in registry.entries.values():
            yield entry, inspect.getsourcefile(entry.func) or ""
