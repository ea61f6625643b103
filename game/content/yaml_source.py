"""Safe YAML reading that remembers the line and column of every key and value.

Scenario files are untrusted.  This module reads them from PyYAML's *event* stream and
builds plain Python data itself, so:

* no tag is ever constructed into a Python object (``!!python/...`` is refused);
* aliases are counted as they are expanded, so an alias bomb fails fast;
* nesting depth, node count and file size are bounded;
* duplicate keys are reported instead of silently overwritten;
* keys stay text (``no:``/``on:`` never become booleans) and only YAML 1.2 core scalars
  are resolved: ``yes``/``no``/``on``/``off`` are text, ``true``/``false`` are booleans.

The fast C parser reads the file; when it fails, the pure-Python parser reads it again
for its more precise error messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.content.diagnostics import ProblemError

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 500_000
MAX_DEPTH = 40
MAX_SCALAR_CHARS = 20_000

YamlPath = tuple[str | int, ...]

_STD = "tag:yaml.org,2002:"
_ALLOWED_SCALAR_TAGS = {None, "!", _STD + "str", _STD + "int", _STD + "float", _STD + "bool",
                        _STD + "null"}
_ALLOWED_COLLECTION_TAGS = {None, "!", _STD + "map", _STD + "seq", _STD + "omap"}

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+$")
_HEX = re.compile(r"0x[0-9a-fA-F]+$")
_OCT = re.compile(r"0o[0-7]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"\.(nan|NaN|NAN)$")


@dataclass(frozen=True)
class Pos:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """The data of one YAML file and where each part of it was written."""

    data: Any
    lines: list[str]
    values: dict[YamlPath, Pos] = field(default_factory=dict)
    keys: dict[YamlPath, Pos] = field(default_factory=dict)
    duplicates: list[tuple[YamlPath, Pos, Pos]] = field(default_factory=list)

    def locate(self, path: YamlPath, *, key: bool = False) -> Pos:
        """Position of *path*, or of its nearest written ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        probe = path
        while probe:
            if probe in self.values:
                return self.values[probe]
            if probe in self.keys:
                return self.keys[probe]
            probe = probe[:-1]
        return self.values.get((), Pos(1, 1))


def read_text(path: Path) -> str:
    """The file's text, or a :class:`ProblemError` saying why it is not a scenario text."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ProblemError("file_unreadable", reason=exc.strerror or str(exc)) from exc
    if size > MAX_FILE_BYTES:
        raise ProblemError("file_too_large", size=size, limit=MAX_FILE_BYTES)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProblemError("file_unreadable", reason=exc.strerror or str(exc)) from exc
    return decode(raw)


def decode(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM); refuse binary data and other encodings clearly."""
    if len(raw) > MAX_FILE_BYTES:
        raise ProblemError("file_too_large", size=len(raw), limit=MAX_FILE_BYTES)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        raise ProblemError("binary_file", line, col)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        raise ProblemError("not_utf8", line, col, byte=f"0x{raw[exc.start]:02X}") from exc


def _short_tag(tag: str | None) -> str:
    return "!!" + tag[len(_STD):] if tag and tag.startswith(_STD) else str(tag)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column


def parse(text: str) -> YamlDocument:
    """Build a :class:`YamlDocument` from YAML text, or raise :class:`ProblemError`."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise ProblemError("empty_file")
    try:
        return _Builder(text).build(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        pass  # read it again with the Python parser, whose messages are clearer
    try:
        return _Builder(text).build(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        problem = _syntax_problem(exc)
        quote = _unclosed_quote(text, problem.line)
        raise (quote or problem) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are reader errors
        raise ProblemError("yaml_syntax", problem=str(exc), context="") from None


def _unclosed_quote(text: str, error_line: int) -> ProblemError | None:
    """The usual cause of a confusing syntax error: a line that opens a quote and never
    closes it, so the parser reads on into the following lines."""
    for number, line in enumerate(text.splitlines()[:error_line], start=1):
        stripped = line.split(" #", 1)[0]
        if stripped.lstrip().startswith("#"):
            continue
        quotes = [i for i, c in enumerate(stripped) if c == '"' and (
            i == 0 or stripped[i - 1] != "\\")]
        if len(quotes) % 2 == 1 and "'" not in stripped[:quotes[-1]]:
            return ProblemError("unclosed_quote", number, quotes[-1] + 1,
                                end_line=len(text.splitlines()))
    return None


def _syntax_problem(exc: yaml.MarkedYAMLError) -> ProblemError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    context = exc.context or ""
    if "'\\t'" in problem or "\t" in problem:
        return ProblemError("tab_indent", line, col)
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        return ProblemError("unclosed_quote", start.line + 1, start.column + 1,
                            end_line=line)
    if "mapping values are not allowed" in problem:
        return ProblemError("colon_in_value", line, col)
    if "could not find expected ':'" in problem or "expected ':'" in problem:
        return ProblemError("expected_colon", line, col)
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return ProblemError("bad_indent", line, col)
    if "undefined alias" in problem or "found undefined" in problem:
        return ProblemError("undefined_alias", line, col)
    return ProblemError("yaml_syntax", line, col, problem=problem, context=context)


class _Frame:
    __slots__ = ("kind", "value", "path", "pending_key", "key_pos", "seen", "merges", "start")

    def __init__(self, kind: str, value: Any, path: YamlPath, start: Pos) -> None:
        self.kind = kind
        self.value = value
        self.path = path
        self.pending_key: str | None = None
        self.key_pos: Pos | None = None
        self.seen: dict[str, Pos] = {}
        self.merges: list[Any] = []
        self.start = start


class _Builder:
    """Turns a YAML event stream into data plus positions, with the safety bounds."""

    def __init__(self, text: str) -> None:
        self.doc = YamlDocument(data=None, lines=text.splitlines())
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.stack: list[_Frame] = []
        self.anchor_starts: dict[int, tuple[str, int]] = {}
        self.documents = 0

    def build(self, events: Iterator[yaml.Event]) -> YamlDocument:
        for event in events:
            self._on(event)
        if self.documents == 0:
            raise ProblemError("empty_file")
        return self.doc

    # -- events ---------------------------------------------------------------------

    def _on(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                m = event.start_mark
                raise ProblemError("multiple_documents", m.line + 1, m.column + 1)
        elif isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._start_collection(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._end_collection()
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)

    def _pos(self, event: yaml.Event) -> Pos:
        m = event.start_mark
        return Pos(m.line + 1, m.column + 1)

    def _count(self, n: int, pos: Pos) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise ProblemError("too_many_nodes", pos.line, pos.column, limit=MAX_NODES)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        pos = self._pos(event)
        self._count(1, pos)
        if event.tag not in _ALLOWED_SCALAR_TAGS:
            raise ProblemError("tag_not_allowed", pos.line, pos.column, tag=_short_tag(event.tag))
        if len(event.value) > MAX_SCALAR_CHARS:
            raise ProblemError("scalar_too_long", pos.line, pos.column, limit=MAX_SCALAR_CHARS)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.pending_key is None:
            self._key(top, event.value, pos)
            return
        value = self._resolve(event, pos)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._attach(value, pos)

    def _resolve(self, event: yaml.ScalarEvent, pos: Pos) -> Any:
        text = event.value
        plain = event.implicit[0] and event.style in (None, "")
        tag = event.tag
        if tag in (None, "!") and not plain:
            return text
        if tag == _STD + "str":
            return text
        if tag in (None, "!"):
            tag = None
        if (tag is None or tag == _STD + "null") and text in _NULL:
            return None
        if tag is None or tag == _STD + "bool":
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
        is_int = _INT.match(text) or _HEX.match(text) or _OCT.match(text)
        if (tag is None or tag == _STD + "int") and is_int:
            if len(text) > 30:
                raise ProblemError("number_too_large", pos.line, pos.column)
            return int(text) if _INT.match(text) else int(text, 0)
        if tag is None or tag == _STD + "float":
            if _FLOAT.match(text) and any(c.isdigit() for c in text):
                return float(text)
            if _INF.match(text):
                return float("-inf") if text.startswith("-") else float("inf")
            if _NAN.match(text):
                return float("nan")
        if tag is not None:
            raise ProblemError("bad_tagged_value", pos.line, pos.column, tag=_short_tag(tag),
                               value=text)
        return text

    def _key(self, frame: _Frame, key: str, pos: Pos) -> None:
        if key in frame.seen and key != "<<":
            self.doc.duplicates.append((frame.path + (key,), pos, frame.seen[key]))
        frame.seen.setdefault(key, pos)
        frame.pending_key = key
        frame.key_pos = pos
        self.doc.keys[frame.path + (key,)] = pos

    def _child_path(self) -> YamlPath:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.kind == "map":
            assert top.pending_key is not None
            return top.path + (top.pending_key,)
        return top.path + (len(top.value),)

    def _attach(self, value: Any, pos: Pos) -> None:
        if not self.stack:
            self.doc.data = value
            self.doc.values[()] = pos
            return
        path = self._child_path()
        self.doc.values.setdefault(path, pos)
        top = self.stack[-1]
        if top.kind == "map":
            key = top.pending_key
            assert key is not None
            if key == "<<":
                top.merges.append(value)
            else:
                top.value[key] = value
            top.pending_key = None
        else:
            top.value.append(value)

    def _start_collection(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        pos = self._pos(event)
        self._count(1, pos)
        if event.tag not in _ALLOWED_COLLECTION_TAGS:
            raise ProblemError("tag_not_allowed", pos.line, pos.column, tag=_short_tag(event.tag))
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.pending_key is None:
            raise ProblemError("complex_key", pos.line, pos.column)
        if len(self.stack) >= MAX_DEPTH:
            raise ProblemError("too_deep", pos.line, pos.column, limit=MAX_DEPTH)
        is_map = isinstance(event, yaml.MappingStartEvent)
        frame = _Frame("map" if is_map else "seq", {} if is_map else [], self._child_path(), pos)
        if event.anchor:
            self.anchor_starts[id(frame)] = (event.anchor, self.nodes)
        self.stack.append(frame)

    def _end_collection(self) -> None:
        frame = self.stack.pop()
        if frame.kind == "map" and frame.merges:
            self._merge(frame)
        anchored = self.anchor_starts.pop(id(frame), None)
        if anchored is not None:
            name, start_count = anchored
            self.anchors[name] = (frame.value, self.nodes - start_count + 1)
        self._attach_collection(frame)

    def _attach_collection(self, frame: _Frame) -> None:
        if not self.stack:
            self.doc.data = frame.value
            self.doc.values[()] = frame.start
            return
        self._attach(frame.value, frame.start)

    def _merge(self, frame: _Frame) -> None:
        for merged in frame.merges:
            sources = merged if isinstance(merged, list) else [merged]
            for source in sources:
                if not isinstance(source, dict):
                    raise ProblemError("bad_merge", frame.start.line, frame.start.column)
                for key, value in source.items():
                    frame.value.setdefault(key, value)

    def _alias(self, event: yaml.AliasEvent) -> None:
        pos = self._pos(event)
        if event.anchor not in self.anchors:
            raise ProblemError("undefined_alias", pos.line, pos.column, name=event.anchor)
        value, size = self.anchors[event.anchor]
        self._count(size, pos)  # an alias costs what it expands to: alias bombs stop here
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and top.pending_key is None:
            if not isinstance(value, str):
                raise ProblemError("complex_key", pos.line, pos.column)
            self._key(top, value, pos)
            return
        self._attach(value, pos)


def load_file(path: Path) -> YamlDocument:
    """Read and parse a YAML file with every safety bound applied."""
    return parse(read_text(path))
