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
for its more precise error messages (``yaml_syntax`` says what they mean), and when
libyaml is not installed the pure-Python parser alone gives the same results.  Lines and
columns are counted as an editor counts them (``yaml_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.content.controls import code_point, first_control
from game.content.diagnostics import ProblemError

# Re-exported: the loader and the sharing code read files through this module.
from game.content.text_file import MAX_FILE_BYTES as MAX_FILE_BYTES
from game.content.text_file import decode as decode
from game.content.text_file import read_limited as read_limited
from game.content.yaml_lines import Offset, Pos, Positions
from game.content.yaml_lines import split_lines as split_lines
from game.content.yaml_syntax import explain

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


class _Node:
    """Where a map or a list was written, and where each of its keys and items was."""

    __slots__ = ("pos", "keys", "items")

    def __init__(self, pos: Pos, is_map: bool) -> None:
        self.pos = pos
        self.keys: dict[str, Pos] | None = {} if is_map else None
        self.items: dict[str, Pos | _Node] | list[Pos | _Node] = {} if is_map else []


@dataclass
class YamlDocument:
    """The data of one YAML file and where each part of it was written."""

    data: Any
    lines: list[str]
    root: Pos | _Node = field(default_factory=lambda: Pos(1, 1))
    duplicates: list[tuple[YamlPath, Pos, Pos]] = field(default_factory=list)
    controls: list[tuple[Pos, str]] = field(default_factory=list)  # (where, the character)

    def locate(self, path: YamlPath, *, key: bool = False) -> Pos:
        """Position of *path* (of its key with *key*), or of its nearest written ancestor."""
        node: Pos | _Node = self.root
        best = node.pos if isinstance(node, _Node) else node
        for i, part in enumerate(path):
            if not isinstance(node, _Node):
                break
            last = i == len(path) - 1
            if node.keys is not None:
                assert isinstance(node.items, dict)
                if last and key and part in node.keys:
                    return node.keys[str(part)]
                child = node.items.get(str(part))
                if child is None:
                    return node.keys.get(str(part), best)
            else:
                assert isinstance(node.items, list)
                if not isinstance(part, int) or not 0 <= part < len(node.items):
                    break
                child = node.items[part]
            node = child
            best = child.pos if isinstance(child, _Node) else child
        return best


def read_text(path: Path) -> str:
    """The file's text, or a :class:`ProblemError` saying why it is not a scenario text."""
    return decode(read_limited(path, MAX_FILE_BYTES))


def _short_tag(tag: str | None) -> str:
    return "!!" + tag[len(_STD):] if tag and tag.startswith(_STD) else str(tag)


def parse(text: str) -> YamlDocument:
    """Build a :class:`YamlDocument` from YAML text, or raise :class:`ProblemError`.

    libyaml's C parser reads the file when it is installed; the pure-Python parser reads
    it when it is not, and reads again a file the C parser refused, for its clearer
    messages.  Both give the same data and the same positions.
    """
    lines = split_lines(text)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines):
        raise ProblemError("empty_file")
    positions = Positions(text)
    try:
        fast = getattr(yaml, "CSafeLoader", None)  # absent when libyaml is not installed
        if fast is not None:
            doc = _Builder(lines, positions).build(_events(text, fast))
            if "\t" not in text:
                return doc
            # libyaml accepts a tab between a key and its value, or after a value; the
            # Python parser refuses it.  The Python parser's verdict is the rule, so a
            # file is accepted or refused the same way with or without libyaml.
            for _event in yaml.parse(text, Loader=yaml.SafeLoader):
                pass
            return doc
    except yaml.YAMLError:
        pass  # read it again with the Python parser, whose messages are clearer
    try:
        return _Builder(lines, positions).build(_events(text, yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        raise explain(exc, lines, positions) from None
    except yaml.reader.ReaderError as exc:  # a control character written as is
        pos = positions.of(Offset(text, exc.position))
        raise ProblemError("control_character", pos.line, pos.column,
                           char=code_point(chr(exc.character))
                           if isinstance(exc.character, int) else str(exc.character)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are reader errors
        raise ProblemError("yaml_syntax", problem=str(exc), context="") from None


_MAPPING_START = yaml.MappingStartEvent


def _events(text: str, loader_class: Any) -> Iterator[yaml.Event]:
    """The events of *text*: ``yaml.parse`` without its generator, which asks the parser
    twice per event (~10 % of reading a large file)."""
    loader = loader_class(text)
    try:
        yield from iter(loader.get_event, None)
    finally:
        loader.dispose()


class _Frame:
    __slots__ = ("is_map", "value", "node", "name", "pending_key", "merges", "anchor")

    def __init__(self, is_map: bool, value: Any, node: _Node, name: str | int | None) -> None:
        self.is_map = is_map
        self.value = value
        self.node = node
        self.name = name  # its key or index in the parent
        self.pending_key: str | None = None
        self.merges: list[Any] = []
        self.anchor: tuple[str, int] | None = None


class _Builder:
    """Turns a YAML event stream into data plus positions, with the safety bounds."""

    def __init__(self, lines: list[str], positions: Positions) -> None:
        self.doc = YamlDocument(data=None, lines=lines)
        self.pos_of = positions.of
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.stack: list[_Frame] = []
        self.documents = 0
        self.handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._start_collection,
            yaml.SequenceStartEvent: self._start_collection,
            yaml.MappingEndEvent: self._end_collection,
            yaml.SequenceEndEvent: self._end_collection,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document,
        }

    def build(self, events: Iterator[yaml.Event]) -> YamlDocument:
        handlers = self.handlers
        for event in events:
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)
        if self.documents == 0:
            raise ProblemError("empty_file")
        return self.doc

    # -- events ---------------------------------------------------------------------

    def _document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            pos = self.pos_of(event.start_mark)
            raise ProblemError("multiple_documents", pos.line, pos.column)

    def _count(self, n: int, pos: Pos) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise ProblemError("too_many_nodes", pos.line, pos.column, limit=MAX_NODES)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        pos = self.pos_of(event.start_mark)
        self._count(1, pos)
        text = event.value
        if event.tag is not None and event.tag not in _ALLOWED_SCALAR_TAGS:
            raise ProblemError("tag_not_allowed", pos.line, pos.column,
                               tag=_short_tag(event.tag))
        if len(text) > MAX_SCALAR_CHARS:
            raise ProblemError("scalar_too_long", pos.line, pos.column, limit=MAX_SCALAR_CHARS)
        control = first_control(text)
        if control is not None:  # written as an escape ("\0", "\e"): the reader let it by
            self.doc.controls.append((pos, control))
        stack = self.stack
        if stack:
            top = stack[-1]
            if top.is_map and top.pending_key is None:
                self._key(top, event.value, pos)
                if event.anchor:  # "&k key: v": the anchor names the key's text
                    self.anchors[event.anchor] = (event.value, 1)
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
        if tag is None and text[:1].isalpha():  # no number starts with a letter: a word
            return text
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

    def _path(self, *tail: str | int) -> YamlPath:
        names = tuple(f.name for f in self.stack[1:] if f.name is not None)
        return names + tail

    def _key(self, frame: _Frame, key: str, pos: Pos) -> None:
        keys = frame.node.keys
        assert keys is not None
        if key in keys and key != "<<":
            self.doc.duplicates.append((self._path(key), pos, keys[key]))
        else:
            keys[key] = pos
        frame.pending_key = key

    def _attach(self, value: Any, where: Pos | _Node) -> None:
        if not self.stack:
            self.doc.data = value
            self.doc.root = where
            return
        top = self.stack[-1]
        if top.is_map:
            key = top.pending_key
            assert key is not None and isinstance(top.node.items, dict)
            if key == "<<":
                top.merges.append(value)
            else:
                top.value[key] = value
                top.node.items.setdefault(key, where)
            top.pending_key = None
        else:
            assert isinstance(top.node.items, list)
            top.value.append(value)
            top.node.items.append(where)

    def _start_collection(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        pos = self.pos_of(event.start_mark)
        self._count(1, pos)
        if event.tag is not None and event.tag not in _ALLOWED_COLLECTION_TAGS:
            raise ProblemError("tag_not_allowed", pos.line, pos.column,
                               tag=_short_tag(event.tag))
        name: str | int | None = None
        stack = self.stack
        if stack:
            top = stack[-1]
            if top.is_map:
                if top.pending_key is None:
                    raise ProblemError("complex_key", pos.line, pos.column)
                name = top.pending_key
            else:
                name = len(top.value)
            if len(stack) >= MAX_DEPTH:
                raise ProblemError("too_deep", pos.line, pos.column, limit=MAX_DEPTH)
        is_map = type(event) is _MAPPING_START
        frame = _Frame(is_map, {} if is_map else [], _Node(pos, is_map), name)
        if event.anchor:
            frame.anchor = (event.anchor, self.nodes)
        stack.append(frame)

    def _end_collection(self, event: yaml.Event) -> None:
        frame = self.stack.pop()
        if frame.merges:
            self._merge(frame)
        if frame.anchor is not None:
            name, start_count = frame.anchor
            self.anchors[name] = (frame.value, self.nodes - start_count + 1)
        self._attach(frame.value, frame.node)

    def _merge(self, frame: _Frame) -> None:
        for merged in frame.merges:
            sources = merged if isinstance(merged, list) else [merged]
            for source in sources:
                if not isinstance(source, dict):
                    raise ProblemError("bad_merge", *frame.node.pos)
                for key, value in source.items():
                    frame.value.setdefault(key, value)

    def _alias(self, event: yaml.AliasEvent) -> None:
        pos = self.pos_of(event.start_mark)
        if event.anchor not in self.anchors:
            raise ProblemError("undefined_alias", pos.line, pos.column, name=event.anchor)
        value, size = self.anchors[event.anchor]
        self._count(size, pos)  # an alias costs what it expands to: alias bombs stop here
        if self.stack:
            top = self.stack[-1]
            if top.is_map and top.pending_key is None:
                if not isinstance(value, str):
                    raise ProblemError("complex_key", pos.line, pos.column)
                self._key(top, value, pos)
                return
        self._attach(value, pos)


def load_file(path: Path) -> YamlDocument:
    """Read and parse a YAML file with every safety bound applied."""
    return parse(read_text(path))
