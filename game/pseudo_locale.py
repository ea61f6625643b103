"""The pseudo-locale: English text accented and ~40 % longer, made at run time for testing.

``--lang qps`` shows every catalog string as ``[Ŝàṽé ĝàṁé ~~]``: accented so a font or
encoding problem shows, about 40 % longer (as German or French often are) so a label that
would be cut in a real translation is cut here first, and between brackets so a string
shown without them escaped gettext.  Placeholders (``{name}``, ``%(n)s``), markup tags
(``<b>``) and entities (``&amp;``) are kept as they are: the translation still formats.
Nothing here is maintained by hand: the English catalog is the source.
"""

from __future__ import annotations

import gettext
import math
import re
from functools import lru_cache

OPEN, CLOSE, PAD = "[", "]", "~"
GROWTH = 0.4  # how much longer than English: a common rule of thumb for European languages

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçðéƒĝĥîĵķļṁñöþǫŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept verbatim: format fields, printf fields, markup tags, HTML entities.
_KEEP = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sdif%]|<[^<>]*>|&[a-z]+;|&#\d+;")


@lru_cache(maxsize=8192)
def pseudo(text: str) -> str:
    """*text* accented, padded ~40 % longer and bracketed; empty stays empty."""
    if not text:
        return text
    out, last = [], 0
    for kept in _KEEP.finditer(text):
        out.append(text[last:kept.start()].translate(_ACCENTED))
        out.append(kept.group())
        last = kept.end()
    out.append(text[last:].translate(_ACCENTED))
    body = "".join(out)
    padding = max(0, math.ceil(len(text) * GROWTH) - len(OPEN + CLOSE))
    # A text ending in a line break keeps it last (paragraphs joined by the caller).
    stripped = body.rstrip("\n")
    tail = body[len(stripped):]
    return f"{OPEN}{stripped}{' ' + PAD * padding if padding else ''}{CLOSE}{tail}"


def is_pseudo(text: str) -> bool:
    """True when *text* holds a pseudo-translated part (a bracketed, accented string)."""
    return OPEN in text and CLOSE in text


class PseudoTranslations(gettext.NullTranslations):
    """The English catalog, every message made pseudo."""

    def __init__(self, english: gettext.NullTranslations) -> None:
        super().__init__()
        self._english = english

    def gettext(self, message: str) -> str:
        return pseudo(self._english.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(self._english.ngettext(msgid1, msgid2, n))
