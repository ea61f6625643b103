"""The JSON Schema as an editor shows it: one truth with `check`, described in Markdown.

pydantic's schema says what the model accepts; this pass makes it say it the way the
checker does and the way an author reads it in VS Code (yaml-language-server):

- a text needs both languages, each with something in it (``check`` refuses an empty
  text, and a missing translation of a declared language);
- an optional block (``crisis``, ``when``…) is "the block, or nothing" through
  ``if``/``else`` rather than ``anyOf``, so a mistake inside it is reported at the wrong
  key, not as "not valid under any of the given schemas" over the whole block;
- every property has a ``description`` and a ``markdownDescription`` from the format
  reference (in the language current when the schema is written), and single backticks
  where the docstrings had reStructuredText's double ones;
- the empty maps of conditions and effects offer their names: each condition and effect
  has a ``defaultSnippets`` entry with its example, and the common blocks (event, crisis,
  narrative, ending) have snippets too.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from game.content.call_args_help import arg_help
from game.content.key_help import KEYS, SECTIONS
from game.engine.registry import CONDITIONS, EFFECTS
from game.i18n import N_, _, get_language

SCHEMA_FILES = {"en": "scenario.schema.json", "fr": "scenario.schema.fr.json"}


def schema_file_name(lang: str) -> str:
    """The schema file for authors writing in *lang*: its descriptions are in that language
    (the starter's first line names it, so the editor picks the author's language)."""
    return SCHEMA_FILES.get(lang, SCHEMA_FILES["en"])


_RST = re.compile(r"(?<!`)``([^`]+)``(?!`)")
_NON_BLANK = r"\S"


def editor_schema(schema: dict[str, Any], languages: tuple[str, ...]) -> dict[str, Any]:
    """*schema* (pydantic's, with conditions and effects) made editor-friendly; texts need
    each of *languages* (``schema --languages en`` for a scenario in English only)."""
    schema = copy.deepcopy(schema)
    defs = schema.setdefault("$defs", {})
    _texts_need_languages(defs, languages)
    for name, model in list(defs.items()) + [("Scenario", schema)]:
        _describe_model(name, model)
        for prop, value in (model.get("properties") or {}).items():
            model["properties"][prop] = _nothing_or(value)
            _describe_property(name, prop, model["properties"][prop])
    _call_snippets(defs)
    _block_snippets(defs)
    _snippets_on_keys(schema)
    described: dict[str, Any] = _markdown_backticks(_without_titles(schema))
    return described


_MEANINGS = {"fr": N_("The French text (needed when `meta.languages` has `fr`)."),
             "en": N_("The English text (needed when `meta.languages` has `en`).")}


def _texts_need_languages(defs: dict[str, Any], languages: tuple[str, ...]) -> None:
    """A text is a map from language code to text (pydantic's ``patternProperties``): each
    of *languages* is required and not blank; any other code is allowed, nothing else."""
    text = defs["Text"]
    text["properties"] = {}
    for lang in languages:
        meaning = _(_MEANINGS[lang]) if lang in _MEANINGS else _(
            "The text in “{language}” (needed when `meta.languages` has `{language}`)."
        ).format(language=lang)
        text["properties"][lang] = {"type": "string", "minLength": 1, "maxLength": 4000,
                                    "pattern": _NON_BLANK, "description": meaning.replace("`", ""),
                                    "markdownDescription": _headed(lang, meaning)}
    text["required"] = list(languages)
    text["additionalProperties"] = False  # beside patternProperties: `french:` is refused


def _headed(key: str, text: str) -> str:
    """``**`key`**: text``, with the no-break space French puts before the colon."""
    colon = "\u00a0:" if get_language() == "fr" else ":"
    return f"**`{key}`**{colon} {text}"


def _nothing_or(value: dict[str, Any]) -> dict[str, Any]:
    """``anyOf: [X, null]`` as "nothing, or else X", so errors inside X name their key."""
    options = value.get("anyOf")
    if not isinstance(options, list) or len(options) != 2 or {"type": "null"} not in options:
        return value
    other = next(o for o in options if o != {"type": "null"})
    rest = {k: v for k, v in value.items() if k not in ("anyOf", "default")}
    return {**rest, "if": {"type": "null"}, "else": other}


def _describe_model(name: str, model: dict[str, Any]) -> None:
    section = SECTIONS.get(name)
    if section is not None:
        where, what = section
        text = _(what) + (f" (`{where}`)" if where else "")
        model["description"] = text
        model["markdownDescription"] = text


def _describe_property(model: str, prop: str, value: dict[str, Any]) -> None:
    meaning = KEYS.get(f"{model}.{prop}")
    if meaning is None:
        value.pop("title", None)
        return
    text = _(meaning)
    value.pop("title", None)  # "En", "Fr", "Verified": hover shows the description instead
    value["description"] = _RST.sub(r"\1", text).replace("`", "")
    value["markdownDescription"] = _headed(prop, text)


def _call_snippets(defs: dict[str, Any]) -> None:
    for registry, title in ((CONDITIONS, "Condition"), (EFFECTS, "Effect")):
        snippets = []
        for entry in registry.entries.values():
            example = entry.example
            doc = _RST.sub(r"`\1`", _(entry.doc))  # translated as in the reference
            summary = doc.split("\n\n", 1)[0].replace("\n", " ")
            snippets.append({"label": entry.name, "description": summary.replace("`", ""),
                             "body": {entry.name: example}})
            prop = defs[title]["properties"][entry.name]
            _describe_arguments(prop, defs)
            prop["description"] = summary.replace("`", "")
            prop["markdownDescription"] = (
                _headed(entry.name, doc) + "\n\n"
                f"```yaml\n{entry.name}: {json.dumps(example, ensure_ascii=False)}\n```")
        defs[title]["defaultSnippets"] = snippets


def _describe_arguments(call: dict[str, Any], defs: dict[str, Any]) -> None:
    """Each key of a condition's or effect's map described (``posted: {tone: …}``)."""
    ref = call.get("$ref", "")
    model = defs.get(ref.rsplit("/", 1)[-1], {}) if ref.startswith("#/$defs/") else call
    for name, value in (model.get("properties") or {}).items():
        text = arg_help(name)
        if text is None or not isinstance(value, dict):
            continue
        value.pop("title", None)
        value["description"] = text.replace("`", "")
        value["markdownDescription"] = _headed(name, text)


def _snippets_on_keys(schema: dict[str, Any]) -> None:
    """Snippets offered right after ``when: `` or ``crisis: `` too, not only on the line
    below: an optional key holding one condition (or one block) offers its snippets itself,
    as the value to write.  (A list of effects offers them on each ``- `` already; offered
    on the key as well, an editor would propose them twice on every item.)"""
    defs = schema["$defs"]
    for model in [schema, *defs.values()]:
        for prop in (model.get("properties") or {}).values():
            if not isinstance(prop, dict) or "defaultSnippets" in prop:
                continue
            ref = str(prop.get("else", prop).get("$ref", ""))
            target = defs.get(ref.removeprefix("#/$defs/")) if ref.startswith("#/$defs/") else None
            if target and "defaultSnippets" in target:
                prop["defaultSnippets"] = target["defaultSnippets"]


_BLOCKS: dict[str, dict[str, Any]] = {
    "Event": {"id": "new_event", "turn": 2,
              "posts": [{"actor": "actor_id", "text": {"fr": "…", "en": "…"}}],
              "debrief": {"fr": "…", "en": "…"}},
    "Crisis": {"prompt": {"fr": "…", "en": "…"}, "deadline": 2,
               "choices": [{"id": "answer_a", "label": {"fr": "…", "en": "…"},
                            "effects": [{"change": {"credibility": 5}}]},
                           {"id": "answer_b", "label": {"fr": "…", "en": "…"},
                            "effects": [{"change": {"tension": 5}}]}]},
    "Narrative": {"id": "new_narrative", "title": {"fr": "…", "en": "…"},
                  "claim": {"fr": "…", "en": "…"}, "technique": "fake_news",
                  "source": "actor_id", "virality": 0.5, "start_turn": 2,
                  "seed_reach": {"audience_id": 10}},
    "Ending": {"id": "new_ending", "title": {"fr": "…", "en": "…"},
               "text": {"fr": "…", "en": "…"}, "tone": "success",
               "when": {"indicator_at_least": {"credibility": 60}}},
}


def _block_snippets(defs: dict[str, Any]) -> None:
    for name, body in _BLOCKS.items():
        if name in defs:
            defs[name]["defaultSnippets"] = [{"label": name.lower(), "body": body,
                                              "description": defs[name].get("description", "")}]


def _without_titles(node: Any, *, keys: bool = False) -> Any:
    """No ``title`` keywords: pydantic's are class and field names ("Actor", "En",
    "Within Turns") that an editor's hover shows as a bare heading above the description.
    *keys*: *node* maps property names (a property called ``title`` stays)."""
    if isinstance(node, dict):
        return {k: (v if k in ("defaultSnippets", "default", "examples", "const", "enum")
                    else _without_titles(v, keys=k in ("properties", "$defs")))
                for k, v in node.items() if keys or not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_without_titles(v) for v in node]
    return node


def _markdown_backticks(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (_RST.sub(r"`\1`", v) if k in ("description", "markdownDescription")
                    and isinstance(v, str) else _markdown_backticks(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_markdown_backticks(v) for v in node]
    return node
