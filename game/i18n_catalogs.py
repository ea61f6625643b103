"""Maintain the gettext catalogs with Babel: extract, update, compile, check.

    python -m game.i18n_catalogs update    # extract messages, merge them into the .po files
    python -m game.i18n_catalogs compile   # write the .mo files the game reads
    python -m game.i18n_catalogs check     # exit 1 if an entry is missing or fuzzy,
                                           # or a .mo file is out of date
    python -m game.i18n_catalogs add de    # a new language: its catalogs, to translate

The languages are the folders of ``locales/`` (:func:`game.i18n.catalog_languages`):
adding one is ``add`` then translating, with no change to the code.

Two domains keep the catalogs small and let people work on them separately: ``core``
(engine, content, checker, command line) and ``ui`` (the pygame window).  English is the
source language: its catalog copies the msgids, so English wording can be edited there.
"""

from __future__ import annotations

import copy
import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from game import paths
from game.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES_FILE,
    babel_language_name,
    catalog_languages,
    forget_catalogs,
)
from game.paths import ROOT

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
DOMAINS: dict[str, tuple[str, ...]] = {
    "core": ("game/cli.py", "game/cli_argparse.py", "game/i18n.py", "game/content",
             "game/engine", "game/simulation", "game/reports"),
    "ui": ("game/ui", "game/presentation"),
}


def _sources(paths: Iterable[str]) -> Iterable[tuple[str, int, object, list[str], str | None]]:
    for rel in paths:
        path = ROOT / rel
        if path.is_file():
            with path.open("rb") as fh:
                for lineno, message, comments, context in extract(
                        "python", fh, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
                    yield rel, lineno, message, comments, context
        elif path.is_dir():
            for filename, lineno, message, comments, context in extract_from_dir(
                    str(path), method_map=[("**.py", "python")], keywords=KEYWORDS,
                    comment_tags=("TRANSLATORS:",)):
                yield f"{rel}/{filename}", lineno, message, comments, context


def template(domain: str) -> Catalog:
    """Every message of a domain, as found in the code."""
    catalog = Catalog(project="Hashtag Diplomacy", domain=domain, charset="utf-8",
                      fuzzy=False)
    for filename, lineno, message, comments, context in _sources(DOMAINS[domain]):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    if domain == "core":
        _add_registry_docs(catalog)
    return catalog


def _add_registry_docs(catalog: Catalog) -> None:
    """The docstrings of the scenario conditions and effects: the authoring reference
    translates them (the English docstring is the msgid, so editing it asks for a new
    translation)."""
    # the engine and content load only for `update`, not for `compile` or `check`
    from game.content.ref_render import registry_docs

    for entry, source in registry_docs():
        rel = Path(source).resolve().relative_to(ROOT).as_posix() if source else "game/engine"
        catalog.add(entry.doc, None, [(rel, 0)],
                    auto_comments=[f"docstring of the {entry.name!r} condition or effect"])


def po_path(lang: str, domain: str) -> Path:
    return paths.LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def _read(path: Path, lang: str, domain: str) -> Catalog:
    if path.exists():
        with path.open("rb") as fh:
            return read_po(fh, locale=lang, domain=domain)
    return Catalog(locale=lang, domain=domain, project="Hashtag Diplomacy", fuzzy=False)


def _write_po(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=False, omit_header=False,
             include_lineno=False)
    path.write_bytes(buf.getvalue())


def update(languages: Iterable[str] | None = None) -> None:
    """Merge the messages found in the code into each language's catalogs."""
    languages = tuple(languages or catalog_languages())
    for domain in DOMAINS:
        pot = template(domain)
        for lang in languages:
            path = po_path(lang, domain)
            catalog = _read(path, lang, domain)
            # A copy: Babel shares the template's new messages with the catalog, and the
            # English catalog fills them in (which must not reach the next language's).
            catalog.update(copy.deepcopy(pot), no_fuzzy_matching=True)
            catalog.obsolete.clear()
            if lang == DEFAULT_LANGUAGE:
                for message in catalog:
                    if message.id and not message.string or (
                            isinstance(message.string, tuple) and not any(message.string)):
                        message.string = message.id
                    message.flags.discard("fuzzy")
            catalog.fuzzy = False
            _write_po(path, catalog)
    forget_catalogs()  # a new language's folder now exists


def _shown(path: Path) -> str:
    """*path* as ``locales/…`` (the folder holding the catalogs may be anywhere)."""
    return path.relative_to(paths.LOCALES_DIR.parent).as_posix()


def mo_bytes(po: Path, lang: str, domain: str) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, _read(po, lang, domain), use_fuzzy=False)
    return buf.getvalue()


def compile_all() -> None:
    for domain in DOMAINS:
        for lang in catalog_languages():
            po = po_path(lang, domain)
            if po.exists():
                po.with_suffix(".mo").write_bytes(mo_bytes(po, lang, domain))
    names_path().write_text(names_json(), encoding="utf-8")


def names_path() -> Path:
    return paths.LOCALES_DIR / LANGUAGE_NAMES_FILE


def names_json() -> str:
    """Each catalog's language named in itself, as Babel names it: the title screen's
    language button reads this file rather than import Babel (~10 ms of start-up)."""
    names = {lang: babel_language_name(lang) for lang in catalog_languages()}
    return json.dumps(names, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def problems() -> list[str]:
    """Missing or fuzzy entries in any language, stale compiled catalogs, stale extraction."""
    found: list[str] = []
    for domain in DOMAINS:
        pot_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template(domain) if m.id}
        for lang in catalog_languages():
            po = po_path(lang, domain)
            if not po.exists():
                found.append(f"{_shown(po)}: missing")
                continue
            catalog = _read(po, lang, domain)
            ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
            for missing in sorted(pot_ids - ids):
                found.append(f"{_shown(po)}: not extracted yet: {missing!r}")
            for message in catalog:
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, tuple) else (
                    message.string,)
                if message.fuzzy:
                    found.append(f"{_shown(po)}: fuzzy: {message.id!r}")
                elif not all(strings):
                    found.append(f"{_shown(po)}: untranslated: {message.id!r}")
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != mo_bytes(po, lang, domain):
                found.append(f"{_shown(mo)}: out of date (run compile)")
    names = names_path()
    if not names.exists() or names.read_text("utf-8") != names_json():
        found.append(f"{_shown(names)}: out of date (run compile)")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "add" and len(argv) == 2 and re.fullmatch(r"[a-z]{2,3}", argv[1]):
        update([argv[1]])
        compile_all()
    elif command == "check":
        issues = problems()
        for issue in issues:
            print(issue)
        return 1 if issues else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
