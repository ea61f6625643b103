"""Localisation: gettext catalogs through Babel, locale-aware numbers, scenario text choice.

The UI and CLI strings live in ``locales/<lang>/LC_MESSAGES/messages.po``; the compiled
``.mo`` files are checked in and kept in sync by ``tests/test_i18n.py`` (rebuild them with
``python -m game.i18n_catalogs compile``).  Scenario texts are not in the catalogs: each
is a ``{fr: …, en: …}`` map in the scenario file, chosen here by :func:`pick`.

The languages are data: :func:`languages` lists English (the source language, whose
msgids are the text) and every folder of ``locales/`` holding a catalog, so a new language
is a new folder of catalogs and no code.  :data:`PSEUDO_LANGUAGE` is generated from the
English msgids at run time, for testing (``--lang qps``); players only see it with
``HD_DEBUG=1``.
"""

from __future__ import annotations

import gettext
import json
import locale
import logging
import os
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from game import paths
from game.pseudo_locale import PseudoTranslations, pseudo

if TYPE_CHECKING:
    from datetime import datetime

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"  # the source language: its msgids are the English text
PSEUDO_LANGUAGE = "qps"  # accented, longer English: finds cut labels and strings not in gettext
DEBUG_ENV = "HD_DEBUG"  # set to 1: the language picker offers the pseudo-locale too
DOMAINS = ("core", "ui")

_current = DEFAULT_LANGUAGE
_catalogs: dict[str, gettext.NullTranslations] = {}


class HasLanguages(Protocol):
    """Anything carrying texts in several languages (the scenario model's ``Text``)."""

    def get(self, lang: str) -> str | None: ...

    def languages(self) -> set[str]: ...


def catalog_languages() -> tuple[str, ...]:
    """English, then every language with a catalog in ``locales/``, sorted: the one list
    of languages the game speaks (the pseudo-locale aside)."""
    return _catalog_folders(paths.LOCALES_DIR)


@lru_cache(maxsize=4)
def _catalog_folders(root: Path) -> tuple[str, ...]:
    # Looked at once per folder (posts ask per language while drawing): forget_catalogs()
    # looks again.
    found: set[str] = set()
    if root.is_dir():
        found = {folder.name for folder in root.iterdir()
                 if any((folder / "LC_MESSAGES").glob("*.[mp]o"))}
    return (DEFAULT_LANGUAGE, *sorted(found - {DEFAULT_LANGUAGE, PSEUDO_LANGUAGE}))


def languages(*, pseudo: bool | None = None) -> tuple[str, ...]:
    """The languages a player may choose; the pseudo-locale too when *pseudo* is true
    (default: when ``HD_DEBUG=1``)."""
    if pseudo is None:
        pseudo = os.environ.get(DEBUG_ENV) == "1"
    return catalog_languages() + ((PSEUDO_LANGUAGE,) if pseudo else ())


def known_language(lang: str | None) -> bool:
    """True for a language the game can be set to (the pseudo-locale included)."""
    return lang == PSEUDO_LANGUAGE or lang in catalog_languages()


LANGUAGE_NAMES_FILE = "languages.json"  # written by ``i18n_catalogs compile``


def language_name(lang: str, in_lang: str | None = None) -> str:
    """The language named in *in_lang*, by default in itself (``Français``, ``Deutsch``:
    a player who does not read the current language still finds their own)."""
    if lang == PSEUDO_LANGUAGE:
        return "Pseudo [ƥšéûðô]"
    if in_lang in (None, lang):
        known = _own_names().get(lang)
        if isinstance(known, str) and known:
            return known
    return babel_language_name(lang, in_lang)


@lru_cache(maxsize=1)
def _own_names() -> dict[str, Any]:
    """The names ``i18n_catalogs compile`` wrote beside the catalogs (a missing or damaged
    file only means asking Babel)."""
    try:
        found = json.loads((paths.LOCALES_DIR / LANGUAGE_NAMES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def babel_language_name(lang: str, in_lang: str | None = None) -> str:
    """The language named by Babel (what ``language_name`` falls back on)."""
    from babel import Locale, UnknownLocaleError  # Babel at first use: ~10 ms of start-up

    try:
        name = Locale.parse(lang).get_display_name(in_lang or lang) or lang
    except (ValueError, UnknownLocaleError):
        return lang
    return name[:1].upper() + name[1:]


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


def _catalog(lang: str) -> gettext.NullTranslations:
    found = _catalogs.get(lang)
    if found is not None:
        return found
    if lang == PSEUDO_LANGUAGE:
        found = PseudoTranslations(_catalog(DEFAULT_LANGUAGE))
        _catalogs[lang] = found
        return found
    # The standard library reads the .mo files: Babel's loader would import Babel's dates
    # and time zones at start-up (~10 ms of CPU before the title screen).
    merged: gettext.GNUTranslations | None = None
    locales_dir = paths.LOCALES_DIR
    for domain in DOMAINS:
        found_path = gettext.find(domain, str(locales_dir), [lang])
        if found_path is None:
            if lang != DEFAULT_LANGUAGE:  # the msgids are English already
                log.warning("no %s catalog %r in %s: using English", lang, domain, locales_dir)
            continue
        with open(found_path, "rb") as fh:
            loaded = gettext.GNUTranslations(fh)
        if merged is None:
            merged = loaded
        else:  # what Babel's Translations.merge does: the later domain's entries win
            merged._catalog.update(loaded._catalog)  # type: ignore[attr-defined]
    found = merged if merged is not None else gettext.NullTranslations()
    _catalogs[lang] = found
    return found


def forget_catalogs() -> None:
    """Read the catalogs, and which there are, again when next needed (after ``locales/``
    changed)."""
    _catalogs.clear()
    _catalog_folders.cache_clear()
    _own_names.cache_clear()


def set_language(lang: str) -> str:
    """Make *lang* current (unknown languages fall back to English, with a warning)."""
    global _current
    if not known_language(lang):
        log.warning("language %r is not available: using English", lang)
        lang = DEFAULT_LANGUAGE
    _catalog(lang)
    _current = lang
    return lang


def get_language() -> str:
    return _current


def system_language() -> str | None:
    """The language of the user's system locale, if it is one the game speaks."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in catalog_languages() else None
    try:
        code = (locale.getlocale()[0] or "")[:2].lower()
    except ValueError:
        return None
    return code if code in catalog_languages() else None


def choose_language(*preferences: str | None) -> str:
    """First available language among the preferences, then the system's, then English."""
    for lang in (*preferences, system_language()):
        if lang and known_language(lang):
            return lang
        if lang:  # asked for (--lang, the settings) but its catalog is gone
            log.warning("language %r is not available: no catalog in %s", lang,
                        paths.LOCALES_DIR)
    return DEFAULT_LANGUAGE


def _(message: str) -> str:
    """Translate a UI or CLI message into the current language."""
    return _catalog(_current).gettext(message)


def semicolons(items: Iterable[str]) -> str:
    """*items* joined by semicolons spaced as the language wants (« a ; b » in French)."""
    # TRANSLATORS: the separator between the items of a list, spaces included.
    return _("; ").join(items)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate with the current language's plural rule (French: 0 and 1 are singular)."""
    return _catalog(_current).ngettext(singular, plural, n)


def babel_locale() -> str:
    """The locale Babel formats numbers and dates in: the current language's, English for
    the pseudo-locale or a catalog whose code Babel does not know."""
    return _babel_knows(_current)


@lru_cache(maxsize=16)
def _babel_knows(lang: str) -> str:
    if lang == PSEUDO_LANGUAGE:
        return DEFAULT_LANGUAGE
    from babel import Locale, UnknownLocaleError  # Babel at first use: ~10 ms of start-up

    try:
        Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        log.warning("Babel does not know the language %r: numbers written as in English", lang)
        return DEFAULT_LANGUAGE
    return lang


def fmt_number(value: float, decimals: int = 0) -> str:
    """A number as the current locale writes it (``1 234,5`` in French)."""
    return _format_decimal(value, decimals, babel_locale())


# Babel parses the locale and the pattern at every call (~0.2 ms): screens write the same
# counts and gauges again at every rebuild and every frame of a count-up.
@lru_cache(maxsize=4096)
def _format_decimal(value: float, decimals: int, locale: str) -> str:
    # Babel is imported at the first number, not at start-up (~10 ms of CPU).
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale)


def fmt_percent(fraction: float) -> str:
    """A fraction as a percentage (``42 %`` in French, ``42%`` in English)."""
    # Babel is imported at the first number, not at start-up (~10 ms of CPU).
    from babel.numbers import format_percent

    return format_percent(fraction, locale=babel_locale())


def fmt_datetime(moment: datetime) -> str:
    """A date and time as the current locale writes them (``14 mars 2026, 10:42``)."""
    from babel.dates import format_datetime  # only saves and reports need it: not at start-up

    written = format_datetime(moment, "d MMMM y, HH:mm", locale=babel_locale())
    if _current == PSEUDO_LANGUAGE:  # month names are words: marked like the catalogs'
        return pseudo(written)
    return written


def pick(text: HasLanguages | Mapping[str, Any] | None, lang: str | None = None) -> str:
    """The text in the current language, else in English, else in any language it has.

    In the pseudo-locale a scenario text is its English one made pseudo too, so that every
    text a player reads is marked and as long as a translation may make it."""
    if text is None:
        return ""
    lang = lang or _current
    if lang == PSEUDO_LANGUAGE:
        return pseudo(pick(text, DEFAULT_LANGUAGE))
    others = sorted(text.keys() if isinstance(text, Mapping) else text.languages())
    for candidate in (lang, DEFAULT_LANGUAGE, *others):
        value = text.get(candidate)
        if value:
            return str(value)
    return ""


# French typography: a no-break space before ':' and inside « », a narrow one before ; ! ?
# Only punctuation that ends a word (followed by a space, the end, or a closing mark) is
# touched, so URLs and times (``https://x.org/?q=1``, ``14:30``) stay as they are.
_FR_TIGHT = re.compile(r"(?<=[^\s;!?])[ \u00a0\u202f]*([;!?]+)(?=\s|$|[»)\]\"'’])")
_FR_COLON = re.compile(r"(?<=[^\s])[ \u00a0\u202f]*:(?=\s|$)")
_FR_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_FR_CLOSE_QUOTE = re.compile(r"(?<=[^\s])[ \u00a0\u202f]*»")
_FR_DIGIT_GROUP = re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))")
_FR_PERCENT = re.compile(r"(?<=\d)[ \u202f]?%")


def french_typography(text: str) -> str:
    """Put the no-break spaces French typography wants around : ; ! ? « », in numbers
    (``1 400``) and before ``%``."""
    out = _FR_TIGHT.sub("\u202f\\1", text)
    out = _FR_COLON.sub("\u00a0:", out)
    out = _FR_OPEN_QUOTE.sub("«\u00a0", out)
    out = _FR_CLOSE_QUOTE.sub("\u00a0»", out)
    out = _FR_DIGIT_GROUP.sub("\u202f", out)  # 1 400 → thousands kept together
    return _FR_PERCENT.sub("\u00a0%", out)     # 70 % → no break before %
