"""The YAML reader without surprises: anchors on keys, escapes, line counting, UTF-16, and
the same verdicts with or without libyaml's C parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game import i18n
from game.content.diagnostics import ProblemError
from game.content.loader import load_scenario
from game.content.yaml_source import decode, parse, split_lines
from game.paths import ROOT

BAD = Path(__file__).parent / "bad"
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))


def _problem(text: str) -> ProblemError:
    with pytest.raises(ProblemError) as caught:
        parse(text)
    return caught.value


def test_an_anchor_on_a_key_names_the_key_text() -> None:
    doc = parse("a: 1\n&k key: v\nother: *k\n")
    assert doc.data == {"a": 1, "key": "v", "other": "key"}


def test_an_anchor_on_a_key_can_be_used_as_a_key() -> None:
    assert parse("&k key: 1\nm: {*k : 2}\n").data == {"key": 1, "m": {"key": 2}}


def test_a_bad_escape_is_named_at_its_backslash() -> None:
    problem = _problem('a: 1\npath: "C:\\dossier\\quiz.txt"\nb: 2\n')
    assert (problem.code, problem.line, problem.column) == ("bad_escape", 2, 10)
    assert problem.params == {"escape": "\\d"}


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_do_not_shift_positions(separator: str) -> None:
    text = f"a: 'x{separator}y'\nb: 1\nc:\n  d: 2\n"
    doc = parse(text)
    assert doc.locate(("c", "d")) == (4, 6)
    assert doc.locate(("b",), key=True) == (2, 1)
    assert len(doc.lines) == 4
    problem = _problem(f"a: 'x{separator}y'\nb: 1\nc: [\n")
    assert problem.line == 4  # the end of the file, not 5


def test_lines_break_at_newline_crlf_and_cr_only() -> None:
    assert split_lines("a\r\nb\rc\nd\u2028e\x0cf\n") == ["a", "b", "c", "d\u2028e\x0cf"]
    doc = parse("a: 1\r\nb:\r\n  c: 2\r\n")
    assert doc.locate(("b", "c")) == (3, 6)
    assert parse("a: 1\rb: 2\r").locate(("b",), key=True) == (2, 1)


@pytest.mark.parametrize(("text", "code", "at"), [
    ("a: 1\n: v\n", "empty_key", (2, 1)),
    ("a:\n  - :\n", "empty_item_key", (2, 5)),
    ('a: "#tag" x\n', "text_after_quote", (1, 11)),
    ("a:\t1\n", "tab_in_line", (1, 3)),
    ("a: 1\t\n", "tab_in_line", (1, 5)),
    ("a:\n\tb: 1\n", "tab_indent", (2, 1)),
])
def test_syntax_mistakes_get_their_own_message(text: str, code: str,
                                               at: tuple[int, int]) -> None:
    problem = _problem(text)
    assert (problem.code, (problem.line, problem.column)) == (code, at)


def test_an_open_quote_is_still_found_before_text_after_a_quote() -> None:
    problem = _problem('a: "open\nb: 1\nc: {x: "y"}\n')
    assert problem.code == "unclosed_quote"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_as_utf16(encoding: str) -> None:
    with pytest.raises(ProblemError) as caught:
        decode("schema_version: 1\nmeta: {}\n".encode(encoding))
    assert caught.value.code == "utf16_file"


def test_binary_data_is_still_binary() -> None:
    with pytest.raises(ProblemError) as caught:
        decode(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    assert caught.value.code == "binary_file"


@pytest.mark.parametrize("text", ["a:\t1\n", "a: 1\t\n", "%YAML 1.3\n---\na: 1\n",
                                  'a: "x\ty"\n', "a: |\n  x\n\ty\n"])
def test_both_parsers_give_one_verdict(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml and PyYAML disagree on these; the reader gives one answer either way."""
    with_c = _outcome(text)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert _outcome(text) == with_c


def _outcome(text: str) -> object:
    try:
        return parse(text).data
    except ProblemError as problem:
        return (problem.code, problem.line, problem.column)


def _diagnostics(path: Path) -> list[tuple[str, int, int, str]]:
    loaded = load_scenario(path)
    return [(d.code, d.line, d.column, d.message) for d in loaded.diagnostics]


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml is not installed here: "
                    "only the pure-Python parser can run")
def test_without_libyaml_every_file_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("en")
    files = [*sorted(p for p in BAD.glob("*.yaml") if p.name != "expected.yaml"),
             *BUNDLED]
    with_c = {p.name: _diagnostics(p) for p in files}
    data_c = {p.name: parse(p.read_text("utf-8")).data for p in BUNDLED}
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert {p.name: _diagnostics(p) for p in files} == with_c
    assert {p.name: parse(p.read_text("utf-8")).data for p in BUNDLED} == data_c
