"""Lines and positions as an editor counts them.

PyYAML (and libyaml) also break lines at U+0085, U+2028 and U+2029, which an editor
shows inside a line: one pasted separator would shift every later position.  Lines are
broken at \\n, \\r\\n and \\r only, and a parser's mark is mapped back to them.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

_BREAK = re.compile("\r\n|\r|\n")
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


class Pos(NamedTuple):
    """A 1-based line and column."""

    line: int
    column: int


def split_lines(text: str) -> list[str]:
    """The lines of *text* as an editor numbers them: broken at \\n, \\r\\n and \\r only
    (``str.splitlines`` also breaks at U+2028, form feeds and others)."""
    lines = _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


class Positions:
    """Turns a parser mark into the line and column an editor shows.

    The parsers count U+0085, U+2028 and U+2029 as line breaks; when the text holds one,
    the mark's character index is mapped back to lines broken at \\n, \\r\\n, \\r only.
    """

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts: list[int] | None = None
        if _ODD_BREAKS.search(text):
            self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def of(self, mark: Any) -> Pos:
        if mark is None:
            return Pos(1, 1)
        if self.starts is None:
            return Pos(mark.line + 1, mark.column + 1)
        line = bisect.bisect_right(self.starts, mark.index) - 1
        return Pos(line + 1, mark.index - self.starts[line] + 1)


class Offset:
    """A mark for a bare character offset (a reader error has no line and column)."""

    def __init__(self, text: str, index: int) -> None:
        before = text[:index]
        self.index = index
        self.line = len(_BREAK.findall(before))
        last = max(before.rfind("\n"), before.rfind("\r"))
        self.column = index - (last + 1)
