"""Maintain the gettext catalogs with Babel: extract, update, compile, check.

    python -m game.i18n_catalogs update    # extract messages, merge them into the .po files
    python -m game.i18n_catalogs compile   # write the .mo files the game reads
    python -m game.i18n_catalogs check     # exit 1 if a French entry is missing or fuzzy,
                                           # or a .mo file is out of date

Two domains keep the catalogs small and let people work on them separately: ``core``
(engine, content, checker, command line) and ``ui`` (the pygame window).  English is the
source language: its catalog copies the msgids, so English wording can be edited there.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from game.paths import LOCALES_DIR, ROOT

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
DOMAINS: dict[str, tuple[str, ...]] = {
    "core": ("game/cli.py", "game/cli_argparse.py", "game/i18n.py", "game/content",
             "game/engine", "game/simulation", "game/reports"),
    "ui": ("game/ui",),
}
LANGUAGES = ("fr", "en")


def _sources(paths: Iterable[str]) -> Iterable[tuple[str, int, object, list[str], str | None]]:
    for rel in paths:
        path = ROOT / rel
        if path.is_file():
            with path.open("rb") as fh:
                from babel.messages.extract import extract

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
    from game.content.ref_render import registry_docs

    for entry, source in registry_docs():
        rel = Path(source).resolve().relative_to(ROOT).as_posix() if source else "game/engine"
        catalog.add(entry.doc, None, [(rel, 0)],
                    auto_comments=[f"docstring of the {entry.name!r} condition or effect"])


def po_path(lang: str, domain: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


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


def update() -> None:
    for domain in DOMAINS:
        pot = template(domain)
        for lang in LANGUAGES:
            path = po_path(lang, domain)
            catalog = _read(path, lang, domain)
            catalog.update(pot, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            if lang == "en":
                for message in catalog:
                    if message.id and not message.string or (
                            isinstance(message.string, tuple) and not any(message.string)):
                        message.string = message.id
                    message.flags.discard("fuzzy")
            catalog.fuzzy = False
            _write_po(path, catalog)


def mo_bytes(po: Path, lang: str, domain: str) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, _read(po, lang, domain), use_fuzzy=False)
    return buf.getvalue()


def compile_all() -> None:
    for domain in DOMAINS:
        for lang in LANGUAGES:
            po = po_path(lang, domain)
            if po.exists():
                po.with_suffix(".mo").write_bytes(mo_bytes(po, lang, domain))


def problems() -> list[str]:
    """Missing or fuzzy French entries, stale compiled catalogs, stale extraction."""
    found: list[str] = []
    for domain in DOMAINS:
        pot_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template(domain) if m.id}
        for lang in LANGUAGES:
            po = po_path(lang, domain)
            if not po.exists():
                found.append(f"{po.relative_to(ROOT)}: missing")
                continue
            catalog = _read(po, lang, domain)
            ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
            for missing in sorted(pot_ids - ids):
                found.append(f"{po.relative_to(ROOT)}: not extracted yet: {missing!r}")
            for message in catalog:
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, tuple) else (
                    message.string,)
                if message.fuzzy:
                    found.append(f"{po.relative_to(ROOT)}: fuzzy: {message.id!r}")
                elif not all(strings):
                    found.append(f"{po.relative_to(ROOT)}: untranslated: {message.id!r}")
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != mo_bytes(po, lang, domain):
                found.append(f"{mo.relative_to(ROOT)}: out of date (run compile)")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
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
