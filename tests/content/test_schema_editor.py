"""The schema an editor reads: every key described from the format reference, in Markdown
that renders, in the author's language, with no bare headings; the starter names the
schema of its author's language on its first line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import i18n
from game.content.model import scenario_json_schema
from game.content.schema_editor import schema_file_name
from game.content.starter import write_starter

_RST = re.compile(r"(?<!`)``(?!`)")


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    yield f"{path}.{name}", prop
            if key != "defaultSnippets":
                yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{path}[{i}]")


def _keywords(node: Any, keyword: str, names: bool = False) -> Iterator[Any]:
    """Values of *keyword* used as a schema keyword (not a property called so)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == keyword and not names:
                yield value
            if key != "defaultSnippets":
                yield from _keywords(value, keyword, key in ("properties", "$defs"))
    elif isinstance(node, list):
        for value in node:
            yield from _keywords(value, keyword)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_property_is_described_in_markdown_that_renders(lang: str) -> None:
    i18n.set_language(lang)
    schema = scenario_json_schema()
    props = list(_properties(schema))
    assert len(props) > 180
    undescribed = [path for path, prop in props
                   if not (prop.get("description") and prop.get("markdownDescription"))]
    assert undescribed == []
    texts = [*_keywords(schema, "description"), *_keywords(schema, "markdownDescription")]
    assert [t for t in texts if _RST.search(t)] == [], "reStructuredText ``…`` left over"
    assert list(_keywords(schema, "title")) == [], "bare headings in the editor's hover"


def test_the_french_schema_is_in_french() -> None:
    i18n.set_language("fr")
    fr = scenario_json_schema()
    i18n.set_language("en")
    en = scenario_json_schema()
    turns_fr = fr["$defs"]["Meta"]["properties"]["turns"]["markdownDescription"]
    assert "tour" in turns_fr and turns_fr != en["$defs"]["Meta"]["properties"]["turns"][
        "markdownDescription"]
    posted = fr["$defs"]["Condition"]["properties"]["posted"]["properties"]["tone"]
    assert posted["markdownDescription"].startswith("**`tone`**\u00a0: Un ton")
    assert fr["$id"].endswith("scenario.schema.fr.json")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_starter_names_the_schema_of_its_language(tmp_path: Path, lang: str) -> None:
    i18n.set_language(lang)
    written = write_starter(tmp_path / "mine.yaml", lang)
    first = written.scenario.read_text("utf-8").split("\n", 1)[0]
    assert first == f"# yaml-language-server: $schema={schema_file_name(lang)}"
    schema = json.loads((tmp_path / schema_file_name(lang)).read_text("utf-8"))
    assert schema == scenario_json_schema()
    assert written.extra == [tmp_path / schema_file_name(lang)]


def test_conditions_and_blocks_come_with_snippets() -> None:
    schema = scenario_json_schema()
    defs = schema["$defs"]
    for name in ("Condition", "Effect", "Event", "Crisis", "Narrative", "Ending"):
        assert defs[name]["defaultSnippets"], name
    # Offered right after "when: " and "crisis: " too (optional keys are "if null else").
    assert defs["Ending"]["properties"]["when"]["defaultSnippets"] == \
        defs["Condition"]["defaultSnippets"]
    assert defs["Event"]["properties"]["crisis"]["defaultSnippets"] == \
        defs["Crisis"]["defaultSnippets"]
