"""Localisation: complete French catalogs, plurals, numbers, typography, language choice."""

from __future__ import annotations

import pytest

from game import i18n
from game.i18n_catalogs import problems


def test_catalogs_are_complete_and_compiled() -> None:
    found = problems()
    assert found == [], "\n".join(found[:20])


def test_french_plurals_treat_zero_and_one_as_singular() -> None:
    i18n.set_language("fr")
    one = i18n.ngettext("%(n)s error", "%(n)s errors", 1) % {"n": 1}
    zero = i18n.ngettext("%(n)s error", "%(n)s errors", 0) % {"n": 0}
    three = i18n.ngettext("%(n)s error", "%(n)s errors", 3) % {"n": 3}
    assert (one, zero, three) == ("1 erreur", "0 erreur", "3 erreurs")


def test_english_plurals() -> None:
    assert i18n.ngettext("%(n)s error", "%(n)s errors", 0) % {"n": 0} == "0 errors"
    assert i18n.ngettext("%(n)s error", "%(n)s errors", 1) % {"n": 1} == "1 error"


def test_numbers_follow_the_locale() -> None:
    assert i18n.fmt_number(1234.5, 1) == "1,234.5"
    i18n.set_language("fr")
    assert i18n.fmt_number(1234.5, 1) == "1\u202f234,5"
    assert i18n.fmt_percent(0.42) == "42\u00a0%"


@pytest.mark.parametrize(("raw", "expected"), [
    ("Vraiment ?", "Vraiment\u202f?"),
    ("Quoi ?!", "Quoi\u202f?!"),
    ("Attention : danger", "Attention\u00a0: danger"),
    ("« Bonjour »", "«\u00a0Bonjour\u00a0»"),
    ("«Bonjour»", "«\u00a0Bonjour\u00a0»"),
    ("Non ; oui", "Non\u202f; oui"),
    ("à 14:30", "à 14:30"),
    ("https://exemple.org/?q=1", "https://exemple.org/?q=1"),
    ("?!", "?!"),
    ("1 400 morts", "1\u202f400 morts"),
    ("12 000 000", "12\u202f000\u202f000"),
    ("70 %", "70\u00a0%"),
    ("70%", "70\u00a0%"),
    ("en 2016, 500 messages", "en 2016, 500 messages"),
    ("les 3 1000", "les 3 1000"),
])
def test_french_typography(raw: str, expected: str) -> None:
    assert i18n.french_typography(raw) == expected


def test_french_typography_is_idempotent() -> None:
    once = i18n.french_typography("Il dit « non ! » : fin ?")
    assert i18n.french_typography(once) == once


def test_pick_falls_back_to_the_other_language() -> None:
    assert i18n.pick({"fr": "Bonjour", "en": "Hello"}) == "Hello"
    assert i18n.pick({"fr": "Bonjour"}) == "Bonjour"
    i18n.set_language("fr")
    assert i18n.pick({"fr": "Bonjour", "en": "Hello"}) == "Bonjour"
    assert i18n.pick(None) == ""


def test_language_choice_order(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.choose_language(None) == "fr"
    assert i18n.choose_language("en") == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.choose_language(None) == "en"


def test_an_unknown_language_falls_back_to_english_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    assert i18n.set_language("de") == "en"
    assert "not available" in caplog.text


def test_translations_switch_with_the_language() -> None:
    assert i18n._("error") == "error"
    i18n.set_language("fr")
    assert i18n._("error") == "erreur"
