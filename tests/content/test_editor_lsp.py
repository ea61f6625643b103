"""The editor as a first-class client: yaml-language-server (what VS Code's YAML extension
runs), driven over its Language Server Protocol with the project's JSON Schema.

- every bundled scenario: no diagnostic (its first line names the schema beside it);
- every broken file of tests/content/bad/ that the schema can express: a diagnostic on
  the line where ``check`` reports its error;
- completion offers the conditions in an empty ``when:`` (on its line or the next), the
  effects on an empty ``- `` of ``effects:``, and a snippet for each common block;
- hover reads the format reference, in French with the French schema.

The server comes from npm (``.ci/run`` installs it into ~/.cache/hashtag-diplomacy); the
tests skip only when it cannot be had (no Node.js, or npm could not install it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import i18n
from game.content.loader import load_scenario
from game.content.starter import starter_text
from game.engine.registry import CONDITIONS, EFFECTS
from game.paths import ROOT
from tests.content.lsp_client import Server, find_server
from tests.content.test_schema_agrees import BEYOND_SCHEMA, BUNDLED, bad_files, read

SCENARIOS = ROOT / "scenarios"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    script, why = find_server()
    if script is None:
        pytest.skip(why)
    schema = (SCENARIOS / "scenario.schema.json").as_uri()
    settings: dict[str, Any] = {"yaml": {
        "validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False},
        # The broken files have no first line naming the schema: map them to it.
        "schemas": {schema: ["/tests/content/bad/*.yaml"]}}}
    started = Server(script, settings)
    try:
        started.start(ROOT)
        yield started
    finally:
        started.close()


BROKEN = [p for p in bad_files() if p.name not in BEYOND_SCHEMA and read(p) is not None]


@pytest.fixture(scope="module")
def published(server: Server) -> dict[str, list[dict[str, Any]]]:
    """Every bundled and broken file opened at once, and what the editor said of each (one
    quiet spell to wait for instead of one per file)."""
    return server.diagnostics_of_all([server.open(path) for path in [*BUNDLED, *BROKEN]])


def _lines(diagnostics: list[dict[str, Any]]) -> list[int]:
    return sorted({d["range"]["start"]["line"] + 1 for d in diagnostics})


def _starter(lang: str = "en") -> list[str]:
    i18n.set_language(lang)
    return starter_text(lang, Path("probe.yaml")).split("\n")


def test_the_schema_is_applied(server: Server) -> None:
    """A probe beside the bundled scenarios, with one mistake: the editor sees it (so the
    empty answers below mean "valid", not "not checked")."""
    text = "\n".join(_starter()).replace("  turns: 4", "  turns: many", 1)
    text = text.replace("scenario.schema.fr.json", "scenario.schema.json")
    uri = server.open(SCENARIOS / "_editor_probe.yaml", text)
    found = server.diagnostics_of(uri)
    turns_line = text.split("\n").index("  turns: many") + 1
    assert turns_line in _lines(found), found


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_a_bundled_scenario_gives_no_diagnostic(published: dict[str, Any], path: Path) -> None:
    assert published[path.as_uri()] == []


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_a_broken_file_gets_a_diagnostic_on_checks_line(published: dict[str, Any],
                                                        path: Path) -> None:
    line = load_scenario(path).errors[0].line
    found = published[path.as_uri()]
    assert line in _lines(found), (line, [(d["range"]["start"]["line"] + 1, d["message"])
                                          for d in found])


def _complete(server: Server, name: str, lines: list[str], line: int, column: int
              ) -> list[str]:
    uri = server.open(SCENARIOS / f"_editor_{name}.yaml", "\n".join(lines))
    answer = server.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": column}})
    items = answer["items"] if isinstance(answer, dict) else answer or []
    return [item["label"] for item in items]


def _with_schema(lines: list[str]) -> list[str]:
    return [ln.replace("scenario.schema.fr.json", "scenario.schema.json") for ln in lines]


@pytest.mark.parametrize("same_line", [True, False], ids=["after when", "line below"])
def test_an_empty_when_offers_every_condition(server: Server, same_line: bool) -> None:
    lines = _with_schema(_starter())
    i = next(n for n, ln in enumerate(lines) if ln.strip().startswith("when: {all"))
    indent = lines[i].index("when")
    if same_line:
        lines[i] = " " * indent + "when: "
        at = (i, indent + 6)
    else:
        lines[i:i + 1] = [" " * indent + "when:", " " * (indent + 2)]
        at = (i + 1, indent + 2)
    labels = _complete(server, f"when_{same_line}", lines, *at)
    assert set(CONDITIONS.names()) <= set(labels), labels


def test_an_empty_effect_offers_every_effect(server: Server) -> None:
    lines = _with_schema(_starter())
    i = next(n for n, ln in enumerate(lines) if ln.strip().startswith("effects: [{set_flag"))
    indent = lines[i].index("effects")
    lines[i:i + 1] = [" " * indent + "effects:", " " * (indent + 2) + "- "]
    labels = _complete(server, "effects", lines, i + 1, indent + 4)
    assert set(EFFECTS.names()) <= set(labels), labels


@pytest.mark.parametrize(("section", "snippet"), [("events", "event"),
                                                  ("narratives", "narrative"),
                                                  ("endings", "ending")])
def test_a_new_list_item_offers_its_block_snippet(server: Server, section: str,
                                                  snippet: str) -> None:
    lines = _with_schema(_starter())
    i = lines.index(f"{section}:")
    lines.insert(i + 1, "  - ")
    assert snippet in _complete(server, section, lines, i + 1, 4)


def test_an_empty_crisis_offers_its_snippet(server: Server) -> None:
    lines = _with_schema(_starter())
    i = next(n for n, ln in enumerate(lines) if ln.strip() == "- id: original_found_event")
    lines.insert(i + 1, "    crisis: ")
    assert "crisis" in _complete(server, "crisis", lines, i + 1, len("    crisis: "))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_hover_shows_the_reference_in_the_authors_language(server: Server, lang: str) -> None:
    lines = _starter(lang)  # its first line names scenario.schema.fr.json in French
    i = lines.index("  turns: 4")
    uri = server.open(SCENARIOS / f"_editor_hover_{lang}.yaml", "\n".join(lines))
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": i, "character": 3}})
    text = hover["contents"]["value"] if isinstance(hover["contents"], dict) \
        else str(hover["contents"])
    assert "``" not in text.replace("```", "") and "####" not in text, text
    assert ("tours" if lang == "fr" else "turns") in text, text
