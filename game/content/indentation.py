"""Say "indentation" when a syntax error comes from a key indented unlike its siblings.

YAML reads a key indented too little as the end of its map, and one indented too much
after ``key: value`` as the continuation of that value; the parser then stops a line
later with "mapping values are not allowed here", which reads like a colon inside a value.
Looking at the lines around the error finds the key that does not line up, and its
neighbour it should line up with.
"""

from __future__ import annotations

import re

from game.content.diagnostics import ProblemError

# "key: value" or "key:" at the start of a line, possibly as a list item ("- key: value").
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w-]*|\"[^\"]*\"|'[^']*')"
                       r" *:(?: +(?P<value>\S.*)|\s*$)")


class _KeyLine:
    def __init__(self, number: int, match: re.Match[str]) -> None:
        self.number = number
        self.key = match["key"].strip("\"'")
        self.column = len(match["indent"]) + len(match["dash"] or "")  # where the key starts
        self.has_value = bool(match["value"]) and not match["value"].startswith("#")


def _key_line(lines: list[str], number: int) -> _KeyLine | None:
    match = _KEY_LINE.match(lines[number - 1]) if 1 <= number <= len(lines) else None
    return _KeyLine(number, match) if match else None


def _previous(lines: list[str], number: int) -> int:
    """The number of the last line before *number* that is not blank or a comment (or 0)."""
    for n in range(number - 1, 0, -1):
        stripped = lines[n - 1].strip()
        if stripped and not stripped.startswith("#"):
            return n
    return 0


def indent_problem(lines: list[str], code: str, line: int) -> ProblemError | None:
    """A clearer indentation message for a ``colon_in_value`` or ``bad_indent`` at *line*
    of the file's *lines*."""
    current = _key_line(lines, line)
    above = _key_line(lines, _previous(lines, line))
    if current is None or above is None or current.column == above.column:
        return None
    if code == "colon_in_value":
        if not above.has_value or current.column < above.column:
            return None  # a real colon inside a value
        before = _key_line(lines, _previous(lines, above.number))
        if before is not None and before.column == current.column:
            # The key above is the odd one: indented less than the keys around it.
            return _mismatch(above, before)
    elif current.column > above.column and not above.has_value:
        return None  # the first key of a nested map: not this case
    return _mismatch(current, above)


def _mismatch(odd: _KeyLine, neighbour: _KeyLine) -> ProblemError:
    more = odd.column > neighbour.column
    return ProblemError("indent_more" if more else "indent_less", odd.number, odd.column + 1,
                        key=odd.key, found=odd.column, expected=neighbour.column,
                        neighbour=neighbour.key)
