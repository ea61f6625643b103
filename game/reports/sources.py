"""Readable sources: a seed document is cited by its title, author, year and language (from
``sources.yaml``), never by its file name, and a quote in another language than the
reader's says which language it is in.

A document the file does not know (an instructor's own) is cited as the scenario names it.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from game.i18n import N_, _, get_language, pick
from game.presentation import labels

log = logging.getLogger(__name__)
SOURCES_FILE = Path(__file__).with_name("sources.yaml")
LANGUAGE_NAMES = {"fr": N_("in French"), "en": N_("in English")}


@cache
def known_sources() -> dict[str, dict[str, Any]]:
    """The sources file, read once; a damaged file means file names are shown (logged)."""
    try:
        data = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        log.warning("sources file %s could not be read: %s", SOURCES_FILE, exc)
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)} \
        if isinstance(data, dict) else {}


def language_note(language: str | None) -> str:
    """"in English" when *language* is not the reader's, else ""."""
    if not language or language == get_language() or language not in LANGUAGE_NAMES:
        return ""
    return _(LANGUAGE_NAMES[language])


def title(document: str) -> str:
    """The document's title in the reader's language (its own title when it is written
    in it), bracketed when the game supplied it."""
    info = known_sources().get(document)
    if info is None:
        return document
    lang = get_language()
    text = str(info.get("title", document)) if info.get("language") == lang \
        else pick(info.get("translated")) or str(info.get("title", document))
    return f"[{text}]" if info.get("supplied") else text


def describe(document: str) -> dict[str, Any]:
    """Everything a citation shows, as report data (the file name kept as ``document``):
    ``citation`` names the language when it is not the reader's, ``reference`` does not
    (it stands before a quote that says it)."""
    info = known_sources().get(document)
    if info is None:
        return {"document": document, "title": document, "original_title": "", "author": "",
                "year": None, "language": "", "citation": document, "reference": document}
    year = info.get("year")
    year = year if isinstance(year, int) else None
    author = pick(info.get("author"))
    facts = [author, str(year) if year else _("no date")]
    shown = labels.quoted(title(document))
    language = language_note(info.get("language"))
    return {"document": document, "title": title(document),
            "original_title": str(info.get("title", "")), "author": author, "year": year,
            "language": str(info.get("language", "")),
            "citation": _("{title} ({facts})").format(
                title=shown, facts=", ".join(filter(None, [*facts, language]))),
            "reference": _("{title} ({facts})").format(title=shown, facts=", ".join(facts))}


def quote_language(document: str) -> str:
    """The language a passage of *document* is written in ("" when unknown)."""
    return str(known_sources().get(document, {}).get("language", ""))


def cited_passage(document: str, passage: str) -> str:
    """The passage in the reader's quotation marks (its own quotes nested), with its
    language when it is not the reader's: « … » (en anglais)."""
    note = language_note(quote_language(document))
    quoted = labels.quoted(passage)
    return _("{quote} ({language})").format(quote=quoted, language=note) if note else quoted


def citation_line(document: str, passage: str) -> str:
    """"Source: “Title” (author, year, in English) — “passage”"."""
    return _("Source: {source} — {passage}").format(
        source=describe(document)["reference"], passage=cited_passage(document, passage))
