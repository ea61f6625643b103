"""One vocabulary: the glossary (docs/vocabulary.md) says the interface's words, and the
scenario texts, both authoring guides and the catalogs use them, not the variants it lists.

The forbidden variants are data in the glossary's "not" columns: adding one there is the
whole change; nothing here knows a particular word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from game import i18n
from game.content.reference import PROSE_BLOCKS, VERBATIM, render
from game.presentation import labels

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "vocabulary.md"
LANGS = ("en", "fr")
# Code is YAML or a command, not prose: the words inside it are keys and values.
FENCED = re.compile(r"^```.*?^```", re.S | re.M)
CODE_SPAN = re.compile(r"``.+?``|`[^`\n]+`")
SPACES = re.compile(r"[\u00a0\u202f]")


@dataclass(frozen=True)
class Term:
    key: str
    words: dict[str, str]              # language -> the word the interface shows
    forbidden: dict[str, tuple[str, ...]]  # language -> variants a text must not use

    def __str__(self) -> str:
        return self.key if self.key != "—" else self.words["en"]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def read_glossary(text: str) -> list[Term]:
    """Every row of every table: key | English | not (en) | Français | not (fr) | note."""
    terms = []
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        cells = _cells(line)
        if len(cells) != 6:  # a stray | would silently drop the row's variants
            raise ValueError(f"docs/vocabulary.md: a row needs 6 cells: {line}")
        if cells[0] in ("key", "---"):
            continue
        key, en, not_en, fr, not_fr, _note = cells
        variants = {lang: tuple(v.strip() for v in cell.split(";") if v.strip())
                    for lang, cell in (("en", not_en), ("fr", not_fr))}
        terms.append(Term(key.strip("`"), {"en": en, "fr": fr}, variants))
    return terms


@cache
def terms() -> list[Term]:
    return read_glossary(GLOSSARY.read_text("utf-8"))


def _msgid(key: str) -> str | None:
    """The English msgid behind a key (``TONES.factual`` or ``msgid:Save``), or None."""
    if key.startswith("msgid:"):
        return key.removeprefix("msgid:")
    table, dot, entry = key.partition(".")
    if not dot:
        return None
    found: dict[str, str] = getattr(labels, table)
    return found[entry]


def _plain(text: str) -> str:
    """Prose only, with ordinary spaces and apostrophes, to match words in."""
    text = CODE_SPAN.sub(" ", FENCED.sub(" ", text))
    return SPACES.sub(" ", text).replace("\u2019", "'")


def _scenario_texts(data: object, lang: str, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "passage":  # a quotation of a seed: its author's words
                continue
            if key == lang and isinstance(value, str):
                yield where, value
            else:
                yield from _scenario_texts(value, lang, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _scenario_texts(value, lang, f"{where}[{i}]")


def _catalog_texts(lang: str) -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "locales" / lang / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            for string in strings:
                if message.id and string:
                    yield f"{path.relative_to(ROOT)}: msgid {msgid[:50]!r}", string


@cache
def texts(lang: str) -> list[tuple[str, str]]:
    """(where, text) of every scenario text, guide line and catalog entry in *lang*."""
    found: list[tuple[str, str]] = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        found += _scenario_texts(data, lang, path.name)
    guide = ROOT / "docs" / f"authoring.{lang}.md"
    prose = FENCED.sub(lambda m: "\n" * m.group().count("\n"), guide.read_text("utf-8"))
    found += [(f"{guide.name}:{n}", line) for n, line in enumerate(prose.splitlines(), 1)]
    found += _catalog_texts(lang)
    return found


def _pattern(variant: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in variant.replace("\u2019", "'").split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def test_the_glossary_has_every_kind_of_word() -> None:
    keys = {t.key for t in terms()}
    for table in ("INDICATORS", "TONES", "CHANNELS", "MEASURES", "TECHNIQUES",
                  "NARRATIVE_PHASES", "PHASES"):
        missing = {f"{table}.{k}" for k in getattr(labels, table)} - keys
        assert not missing, f"docs/vocabulary.md has no row for {sorted(missing)}"
    assert all(t.words["en"] and t.words["fr"] for t in terms())


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_says_what_the_interface_shows(lang: str) -> None:
    i18n.set_language(lang)
    wrong = []
    for term in terms():
        msgid = _msgid(term.key)
        if msgid is not None and i18n._(msgid) != term.words[lang]:
            wrong.append(f"{term.key}: the interface says {i18n._(msgid)!r}, "
                         f"the glossary {term.words[lang]!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_uses_a_forbidden_variant(lang: str) -> None:
    found = []
    for term in terms():
        for variant in term.forbidden[lang]:
            pattern = _pattern(variant)
            for where, text in texts(lang):
                hit = pattern.search(_plain(text))
                if hit:
                    found.append(f"{where}: {hit.group()!r} — the glossary says "
                                 f"{term.words[lang]!r} ({term})")
    assert not found, f"{len(found)} variants:\n" + "\n".join(found[:40])


def test_french_has_one_apostrophe() -> None:
    """The straight apostrophe inside French words, as in nearly every French text of the
    game (’ stays free as a character of its own, and in quotations of the seeds)."""
    found = [f"{where}: {hit.group()!r}" for where, text in texts("fr")
             for hit in re.finditer(r"\w’\w", text)]
    assert not found, "\n".join(found[:20])


def test_a_variant_is_found_whatever_its_case_and_spaces() -> None:
    pattern = _pattern("ton conflictuel")
    assert pattern.search(_plain("Un Ton\u00a0conflictuel attire"))
    assert not pattern.search(_plain("un ton conflictuelle"))  # whole words only
    assert not pattern.search(_plain("le `ton conflictuel` du code"))  # code is not prose
    assert _pattern("(démenti)").search("debunked (démenti), faded")
    assert not _pattern("(démenti)").search("un démenti public")


def _english_code() -> Iterator[tuple[str, str, set[str]]]:
    """(where, French text, the code spans of its English original): each catalog entry
    with its msgid's, each line of the French guide with the whole English guide's."""
    guide = set(CODE_SPAN.findall((ROOT / "docs" / "authoring.en.md").read_text("utf-8")))
    for n, line in enumerate((ROOT / "docs" / "authoring.fr.md").read_text("utf-8")
                             .splitlines(), 1):
        yield f"authoring.fr.md:{n}", line, guide
    for path in sorted((ROOT / "locales" / "fr" / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = (message.string if isinstance(message.string, tuple)
                           else (message.string,))
                spans = set(CODE_SPAN.findall(" ".join(ids)))
                for string in strings:
                    if message.id and string:
                        yield f"{path.name}: msgid {ids[0][:50]!r}", string, spans


def test_code_keeps_its_own_spacing() -> None:
    """French typography is for prose: `within_turns: 1` is YAML, and stays as the English
    wrote it (no space before its colon, no no-break space) in the French guide and
    catalogs.  Quoted strings inside code are texts, and French ones may have them."""
    found = []
    for where, text, english in _english_code():
        for span in CODE_SPAN.findall(text):
            unquoted = re.sub(r'"[^"]*"', "", span)
            respaced = re.sub(r"\s+:", ":", SPACES.sub(" ", span))
            if SPACES.search(unquoted) or (respaced != span and respaced in english
                                           and span not in english):
                found.append(f"{where}: {span!r}")
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("name", sorted(PROSE_BLOCKS))
def test_generated_french_prose_has_french_punctuation(name: str) -> None:
    """Every ; : ! ? of the French reference's prose has its no-break space before it (the
    arguments of a call were joined by a bare "; "); code spans keep their own spelling."""
    prose = VERBATIM.sub(" ", render(name, "fr"))
    prose = re.sub(r"<!--.*?-->|\]\([^)]*\)", " ", prose)  # markers and link targets
    bare = re.findall(r".{0,30}[^\s\u00a0\u202f;:!?][;:!?](?=\s|$).{0,10}", prose, re.M)
    assert not bare, bare[:10]


def test_lists_are_joined_as_each_language_wants() -> None:
    i18n.set_language("fr")
    assert i18n.semicolons(["a", "b"]) == "a\u202f; b"
    i18n.set_language("en")
    assert i18n.semicolons(["a", "b"]) == "a; b"
