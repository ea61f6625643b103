"""Localisation: gettext catalogs through Babel, locale-aware numbers, scenario text choice.

The UI and CLI strings live in ``locales/<lang>/LC_MESSAGES/messages.po``; the compiled
``.mo`` files are checked in and kept in sync by ``tests/test_i18n.py`` (rebuild them with
``python -m game.i18n_catalogs compile``).  Scenario texts are not in the catalogs: each
is a ``{fr: …, en: …}`` map in the scenario file, chosen here by :func:`pick`.
"""

from __future__ import annotations

import gettext
import locale
import logging
import os
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from game.paths import LOCALES_DIR

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "en"
DOMAINS = ("core", "ui")

_current = DEFAULT_LANGUAGE
_catalogs: dict[str, gettext.NullTranslations] = {}


class HasLanguages(Protocol):
    """Anything carrying texts in several languages (the scenario model's ``Text``)."""

    def get(self, lang: str) -> str | None: ...


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


def _catalog(lang: str) -> gettext.NullTranslations:
    found = _catalogs.get(lang)
    if found is not None:
        return found
    # The standard library reads the .mo files: Babel's loader would import Babel's dates
    # and time zones at start-up (~10 ms of CPU before the title screen).
    merged: gettext.GNUTranslations | None = None
    for domain in DOMAINS:
        found_path = gettext.find(domain, str(LOCALES_DIR), [lang])
        if found_path is None:
            if lang != "en":  # English is the source language: msgids are English already
                log.warning("no %s catalog %r in %s: using English", lang, domain, LOCALES_DIR)
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


def set_language(lang: str) -> str:
    """Make *lang* current (unknown languages fall back to English, with a warning)."""
    global _current
    if lang not in LANGUAGES:
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
            return code if code in LANGUAGES else None
    try:
        code = (locale.getlocale()[0] or "")[:2].lower()
    except ValueError:
        return None
    return code if code in LANGUAGES else None


def choose_language(*preferences: str | None) -> str:
    """First available language among the preferences, then the system's, then English."""
    for lang in (*preferences, system_language()):
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE


def _(message: str) -> str:
    """Translate a UI or CLI message into the current language."""
    return _catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate with the current language's plural rule (French: 0 and 1 are singular)."""
    return _catalog(_current).ngettext(singular, plural, n)


def fmt_number(value: float, decimals: int = 0) -> str:
    """A number as the current locale writes it (``1 234,5`` in French)."""
    # Babel is imported at the first number, not at start-up (~10 ms of CPU).
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_current)


def fmt_percent(fraction: float) -> str:
    """A fraction as a percentage (``42 %`` in French, ``42%`` in English)."""
    # Babel is imported at the first number, not at start-up (~10 ms of CPU).
    from babel.numbers import format_percent

    return format_percent(fraction, locale=_current)


def fmt_datetime(moment: datetime) -> str:
    """A date and time as the current locale writes them (``14 mars 2026, 10:42``)."""
    from babel.dates import format_datetime  # only saves and reports need it: not at start-up

    return format_datetime(moment, "d MMMM y, HH:mm", locale=_current)


def pick(text: HasLanguages | Mapping[str, Any] | None, lang: str | None = None) -> str:
    """The text in the current language, else in any other language it has."""
    if text is None:
        return ""
    lang = lang or _current
    get = text.get
    value = get(lang)
    if value:
        return str(value)
    for other in LANGUAGES:
        value = get(other)
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
