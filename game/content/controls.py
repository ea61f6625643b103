"""Characters that must not travel from untrusted files to the screen or the terminal.

Control characters (C0 except tab and newline, DEL, C1) are invisible, a NUL stops
pygame, and a terminal obeys ESC and BEL sequences; direction overrides (U+202A-U+202E,
U+2066-U+2069) make a name read differently from what it is; a lone surrogate cannot be
written as UTF-8.  Scenarios refuse them (``control_character``), names in a shared zip
refuse them too, the terminal output shows them escaped, and the window draws U+FFFD.
"""

from __future__ import annotations

import re

# What a scenario text may never hold: C0 but tab and newline, DEL, C1, lone surrogates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Direction controls: harmless in running text, misleading in a file or id name.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# What a terminal line shows escaped (tab and newline included: one finding, one line).
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
                       "\u200e\u200f\u061c\u2028\u2029]")
REPLACEMENT = "\ufffd"


def code_point(char: str) -> str:
    """``U+001B``: how a message names an invisible character."""
    return f"U+{ord(char):04X}"


def first_control(text: str) -> str | None:
    """The first control character of *text*, or None."""
    found = CONTROL.search(text)
    return found.group() if found else None


def unsafe_in_name(text: str) -> str | None:
    """The first character that a file name or id must not hold (control or direction)."""
    found = CONTROL.search(text) or BIDI.search(text)
    return found.group() if found else None


def _escape(match: re.Match[str]) -> str:
    n = ord(match.group())
    if n <= 0xFF:
        return f"\\x{n:02x}"
    return f"\\u{n:04x}"


def escaped(text: str, *, keep_newlines: bool = False) -> str:
    """*text* for a terminal: every control or direction character written as ``\\x1b`` or
    ``\\u202e``, so that nothing read from a file can move the cursor, clear the screen,
    set the window title or reorder a line."""
    if keep_newlines:
        return "\n".join(_TERMINAL.sub(_escape, line) for line in text.split("\n"))
    return _TERMINAL.sub(_escape, text)


def drawable(text: str) -> str:
    """*text* that pygame can draw: control characters and lone surrogates become U+FFFD
    (a NUL stops ``Font.render``; a surrogate cannot be encoded)."""
    return CONTROL.sub(REPLACEMENT, text) if CONTROL.search(text) else text
