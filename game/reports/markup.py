"""Tiny HTML helpers for the reports: every text goes through ``escape`` on its way in.

Pass translated text as a plain argument (``h2(_("Scores"))``): Babel's extractor does not
see ``_()`` inside f-string expressions on Python 3.11.
"""

from __future__ import annotations

from html import escape


def e(text: object) -> str:
    return escape(str(text))


def tag(name: str, text: object, cls: str = "") -> str:
    """``<name class=cls>escaped text</name>``."""
    attr = f' class="{e(cls)}"' if cls else ""
    return f"<{name}{attr}>{e(text)}</{name}>"


def h2(text: object) -> str:
    return tag("h2", text)


def h3(text: object) -> str:
    return tag("h3", text)


def p(text: object, cls: str = "") -> str:
    return tag("p", text, cls)
