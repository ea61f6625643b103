"""One truth for the editor's JSON Schema and `check`: every broken file of
``tests/content/bad/`` and every bundled scenario gets the same verdict from both, and where
the schema can express the problem, its error is on the same line as the checker's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.content.diagnostics import ProblemError
from game.content.loader import load_scenario
from game.content.model import scenario_json_schema
from game.content.yaml_source import YamlDocument, decode, parse

jsonschema = pytest.importorskip("jsonschema")

BAD = Path(__file__).parent / "bad"
BUNDLED = sorted(Path(__file__).parents[2].joinpath("scenarios").glob("*.yaml"))
# What a schema cannot say: ids that must exist or be unique, the reader's own limits
# (size, depth, aliases, tags, duplicate keys, which an editor reports as YAML errors of
# its own). The test checks that these still pass the schema, so the list stays honest.
BEYOND_SCHEMA = {"dangling_reference.yaml", "duplicate_key.yaml", "alias_bomb.yaml",
                 "deep_nesting.yaml", "python_tag.yaml"}


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = scenario_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def read(path: Path) -> YamlDocument | None:
    """The document as an editor sees it, or None when it is not YAML at all."""
    try:
        return parse(decode(path.read_bytes()))
    except ProblemError:
        return None


def schema_lines(validator: Any, doc: YamlDocument) -> list[int]:
    lines = []
    for error in validator.iter_errors(doc.data):
        path = tuple(error.absolute_path)
        key = error.validator in ("additionalProperties", "required")
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            path += tuple(extra[:1])
        lines.append(doc.locate(path, key=key).line)
    return lines


def bad_files() -> list[Path]:
    return sorted(p for p in BAD.glob("*.yaml") if p.name != "expected.yaml")


@pytest.mark.parametrize("path", bad_files(), ids=lambda p: p.name)
def test_a_broken_file_is_refused_by_both(validator: Any, path: Path) -> None:
    loaded = load_scenario(path)
    assert loaded.errors
    doc = read(path)
    if doc is None:
        return  # not YAML: the editor says so before any schema applies
    lines = schema_lines(validator, doc)
    if path.name in BEYOND_SCHEMA:
        assert lines == [], f"{path.name} is caught by the schema now: move it out of the list"
        return
    assert lines, f"the schema accepts {path.name}, which check refuses"
    assert loaded.errors[0].line in lines, (path.name, loaded.errors[0].line, lines)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_a_bundled_scenario_is_accepted_by_both(validator: Any, path: Path) -> None:
    assert load_scenario(path).errors == []
    doc = read(path)
    assert doc is not None and schema_lines(validator, doc) == []


@pytest.mark.parametrize("value, valid", [
    ('"{n}"', False), ("{n}", True), ("{n}.5", False), ("yes", False), ("true", False)])
def test_turns_one_rule(validator: Any, tmp_path: Path, value: str, valid: bool) -> None:
    text = BUNDLED[0].read_text("utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("  turns:"))
    path = tmp_path / "s.yaml"
    value = value.format(n=line.split(":")[1].strip())
    path.write_text(text.replace(line, f"  turns: {value}", 1), "utf-8")
    doc = read(path)
    assert doc is not None
    assert (schema_lines(validator, doc) == []) is valid
    assert (load_scenario(path).errors == []) is valid


def test_every_property_has_a_description_in_the_current_language() -> None:
    from game import i18n

    for lang, word in (("en", "The French text"), ("fr", "Le texte français")):
        i18n.set_language(lang)
        schema = scenario_json_schema()
        missing = [f"{name}.{key}" for name, model in schema["$defs"].items()
                   for key, value in (model.get("properties") or {}).items()
                   if not value.get("description") or not value.get("markdownDescription")]
        assert missing == []
        assert schema["$defs"]["Text"]["properties"]["fr"]["description"].startswith(word)
        assert not re.search(r"(?<!`)``(?!`)", json.dumps(schema))  # reST, not Markdown
    i18n.set_language("en")


def test_an_optional_block_is_nothing_or_the_block(validator: Any) -> None:
    """A mistake inside a crisis is reported at its key, not over the whole crisis."""
    doc = read(BUNDLED[0])
    assert doc is not None
    event = next(e for e in doc.data["events"] if e.get("crisis"))
    event["crisis"]["deadlin"] = event["crisis"].pop("deadline")
    errors = list(validator.iter_errors(event["crisis"] | {}))  # checked alone below
    schema = scenario_json_schema()
    crisis_prop = schema["$defs"]["Event"]["properties"]["crisis"]
    assert "anyOf" not in crisis_prop and crisis_prop["if"] == {"type": "null"}
    assert errors  # the crisis alone is not a scenario
    all_errors = list(validator.iter_errors(doc.data))
    messages = [e.message for e in all_errors]
    assert any("'deadline' is a required property" in m for m in messages), messages
    assert not any("is not valid under any of the given schemas" in m for m in messages)


def test_snippets_are_valid_blocks(validator: Any) -> None:
    schema = scenario_json_schema()
    for name in ("Event", "Crisis", "Narrative", "Ending", "Condition", "Effect"):
        sub = jsonschema.Draft202012Validator({"$defs": schema["$defs"],
                                               "$ref": f"#/$defs/{name}"})
        for snippet in schema["$defs"][name]["defaultSnippets"]:
            assert list(sub.iter_errors(snippet["body"])) == [], (name, snippet["label"])


def test_a_one_language_schema_needs_only_that_language(tmp_path: Path) -> None:
    from game.cli import main

    schema = scenario_json_schema(("en",))
    validator = jsonschema.Draft202012Validator(schema)
    text_only = {"$defs": schema["$defs"], "$ref": "#/$defs/Text"}
    assert list(jsonschema.Draft202012Validator(text_only).iter_errors({"en": "Hello"})) == []
    assert validator is not None
    both = {"$defs": scenario_json_schema()["$defs"], "$ref": "#/$defs/Text"}
    assert list(jsonschema.Draft202012Validator(both).iter_errors({"en": "Hello"}))
    assert list(jsonschema.Draft202012Validator(both).iter_errors({"fr": " ", "en": "x"}))
    assert list(jsonschema.Draft202012Validator(both).iter_errors(
        {"fr": "x", "en": "x", "french": "x"})), "a key that is no language code is refused"
    assert main(["schema", "--languages", "Deutsch"]) == 2
    german = {"$defs": scenario_json_schema(("de",))["$defs"], "$ref": "#/$defs/Text"}
    assert list(jsonschema.Draft202012Validator(german).iter_errors({"de": "Hallo"})) == []
    assert list(jsonschema.Draft202012Validator(german).iter_errors({"en": "Hello"}))
