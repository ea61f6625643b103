"""Languages are data: a third language is a folder of catalogs and a scenario's texts in it,
with no change to the code (here German, in a temporary copy of the project's data)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from game import i18n, paths
from game.content.loader import load_scenario
from game.content.text import BUNDLED_LANGUAGES, Text
from game.paths import SCENARIOS_DIR

# A few real translations; every other message falls back to English.
GERMAN_UI = {"New game": "Neues Spiel", "Continue": "Weiter", "Settings": "Einstellungen",
             "Quit": "Beenden", "Language": "Sprache", "Indicators": "Indikatoren",
             "Score: {score} / 100": "Punktzahl: {score} / 100", "Debrief": "Nachbesprechung",
             "Choose your language": "Wählen Sie Ihre Sprache"}
GERMAN_CORE = {"this text has no {missing}": "dieser Text hat keine {missing}"}
GERMAN_TITLE = "Tutorial – erster Tag am digitalen Schreibtisch"


def write_catalog(folder: Path, domain: str, messages: dict[str, str]) -> None:
    catalog = Catalog(locale="de", domain=domain, project="Hashtag Diplomacy", fuzzy=False)
    for msgid, msgstr in messages.items():
        catalog.add(msgid, msgstr)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{domain}.po").open("wb") as fh:
        write_po(fh, catalog)
    with (folder / f"{domain}.mo").open("wb") as fh:
        write_mo(fh, catalog)


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The project's catalogs copied, German catalogs added; the game reads that folder."""
    locales = tmp_path / "locales"
    shutil.copytree(paths.LOCALES_DIR, locales)
    write_catalog(locales / "de" / "LC_MESSAGES", "ui", GERMAN_UI)
    write_catalog(locales / "de" / "LC_MESSAGES", "core", GERMAN_CORE)
    monkeypatch.setattr(paths, "LOCALES_DIR", locales)
    i18n.forget_catalogs()
    try:
        yield locales
    finally:
        i18n.set_language("en")
        monkeypatch.undo()
        i18n.forget_catalogs()
        i18n.set_language("en")


def add_german(node: Any, translate: dict[str, str]) -> Any:
    """Every text of a scenario (a map of fr and en) gets its German version: a real one
    where *translate* has it, else the English text marked as German."""
    if isinstance(node, dict):
        if node and set(node) <= {"fr", "en"} and all(isinstance(v, str) for v in node.values()):
            english = str(node.get("en") or node.get("fr"))
            return {**node, "de": translate.get(english, f"(DE) {english}")}
        return {key: add_german(value, translate) for key, value in node.items()}
    if isinstance(node, list):
        return [add_german(item, translate) for item in node]
    return node


def german_tutorial(folder: Path) -> Path:
    data = yaml.safe_load((SCENARIOS_DIR / "tutorial.yaml").read_text("utf-8"))
    english_title = data["meta"]["title"]["en"]
    data = add_german(data, {english_title: GERMAN_TITLE})
    data["meta"]["languages"] = ["fr", "en", "de"]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tutorial_de.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


# -- the list of languages -----------------------------------------------------------------

def test_the_languages_are_the_catalogs_present(german: Path) -> None:
    assert i18n.catalog_languages() == ("en", "de", "fr")
    assert i18n.languages(pseudo=False) == ("en", "de", "fr")
    assert i18n.PSEUDO_LANGUAGE in i18n.languages(pseudo=True)
    assert i18n.language_name("de") == "Deutsch"
    i18n.set_language("de")
    assert i18n.get_language() == "de"
    assert i18n._("New game") == "Neues Spiel"
    assert i18n._("Saved games") == "Saved games", "an untranslated message falls back"
    assert i18n.fmt_number(1234.5, 1) == "1.234,5", "Babel writes German numbers"


def test_a_catalog_babel_does_not_know_writes_numbers_as_english(
        german: Path) -> None:
    shutil.copytree(german / "de", german / "xx")  # a code no locale database has
    i18n.forget_catalogs()
    assert "xx" in i18n.languages()
    i18n.set_language("xx")
    assert i18n._("New game") == "Neues Spiel"
    assert (i18n.fmt_number(1234.5, 1), i18n.fmt_percent(0.5)) == ("1,234.5", "50%")
    assert i18n.language_name("xx") == "xx"


def test_without_its_catalog_a_language_is_not_offered() -> None:
    assert "de" not in i18n.languages()
    assert i18n.set_language("de") == "en"
    assert set(BUNDLED_LANGUAGES) <= set(i18n.catalog_languages())


def test_the_pseudo_locale_is_offered_only_in_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.DEBUG_ENV, raising=False)
    assert i18n.PSEUDO_LANGUAGE not in i18n.languages()
    monkeypatch.setenv(i18n.DEBUG_ENV, "1")
    assert i18n.PSEUDO_LANGUAGE in i18n.languages()
    assert i18n.known_language(i18n.PSEUDO_LANGUAGE)


def test_the_catalog_tool_finds_the_new_language(german: Path) -> None:
    from game import i18n_catalogs

    assert i18n_catalogs.po_path("de", "ui") == german / "de" / "LC_MESSAGES" / "ui.po"
    found = i18n_catalogs.problems()
    assert any("locales/de/LC_MESSAGES/ui.po: not extracted yet" in line for line in found), \
        "check holds a new language to the same rule as the others"
    assert not any("/fr/" in line or "/en/" in line for line in found)
    i18n_catalogs.main(["add", "de"])  # what a translator runs: every message, to translate
    found = i18n_catalogs.problems()
    assert any("locales/de/LC_MESSAGES/ui.po: untranslated: 'Saved games'" in line
               for line in found)
    assert not any("not extracted" in line or "out of date" in line for line in found)
    i18n.forget_catalogs()
    i18n.set_language("de")
    assert i18n._("New game") == "Neues Spiel", "the translations made before are kept"


# -- texts -----------------------------------------------------------------------------------

def test_a_text_is_a_map_of_any_language() -> None:
    text = Text.model_validate({"fr": "Quoi ?", "en": "What?", "de": "Was?"})
    assert text.as_dict() == {"fr": "Quoi\u202f?", "en": "What?", "de": "Was?"}
    assert (text.fr, text.en, text.get("de"), text.get("es")) == ("Quoi\u202f?", "What?",
                                                                  "Was?", None)
    assert text.languages() == {"fr", "en", "de"}
    assert i18n.pick(text, "es") == "What?", "English first when the language is missing"
    assert i18n.pick(Text.model_validate({"de": "Nur"}), "fr") == "Nur"
    assert Text.model_validate({"en": "x", "de": "  "}).as_dict() == {"en": "x"}
    assert len({text, Text.model_validate(text.as_dict())}) == 1, "equal texts hash alike"


def test_every_bundled_scenario_declares_french_and_english() -> None:
    for path in sorted(SCENARIOS_DIR.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        assert scenario is not None, path
        assert set(BUNDLED_LANGUAGES) <= set(scenario.meta.languages), path.name


def test_a_scenario_is_checked_in_every_language_it_declares(german: Path,
                                                             tmp_path: Path) -> None:
    path = german_tutorial(tmp_path / "scenarios")
    loaded = load_scenario(path)
    assert loaded.scenario is not None and loaded.playable
    assert [d.code for d in loaded.diagnostics if d.severity.value == "error"] == []
    assert pick_title(loaded.scenario.meta.title, "de") == GERMAN_TITLE
    # One German text removed: an error, and named in the reader's language.
    text = path.read_text("utf-8").replace(f"    de: {GERMAN_TITLE}\n", "", 1)
    assert text != path.read_text("utf-8")
    path.write_text(text, "utf-8")
    i18n.set_language("en")
    missing = [d for d in load_scenario(path).diagnostics if d.code == "missing_translation"]
    assert [(d.severity.value, d.message) for d in missing] == [
        ("error", "this text has no version in german")]
    i18n.set_language("fr")
    missing = [d for d in load_scenario(path).diagnostics if d.code == "missing_translation"]
    assert missing[0].message == "ce texte n'a pas de version en allemand"


def test_a_language_used_but_not_declared_is_a_warning(tmp_path: Path) -> None:
    path = german_tutorial(tmp_path)
    text = path.read_text("utf-8").replace("  - de\n", "", 1)  # meta.languages: [fr, en]
    text = text.replace(f"    de: {GERMAN_TITLE}\n", "", 1)
    path.write_text(text, "utf-8")
    loaded = load_scenario(path)
    assert loaded.playable
    missing = [d for d in loaded.diagnostics if d.code == "missing_translation"]
    assert [d.severity.value for d in missing] == ["warning"]


def pick_title(title: Text, lang: str) -> str:
    return i18n.pick(title, lang)


# -- playing it ------------------------------------------------------------------------------

def test_a_third_language_plays_to_the_debrief(german: Path, tmp_path: Path) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.pilot import Pilot
    from tests.ui.drive import play_with_keyboard

    scenario = german_tutorial(tmp_path / "scenarios")
    with Pilot.start(lang="de", scenario=scenario, seed=5, config_dir=tmp_path / "config",
                     data_dir=tmp_path / "data") as pilot:
        assert pilot.widget("new_game").text == "Neues Spiel"
        toggle = pilot.widget("lang_toggle")
        assert toggle.text == "Deutsch…", "three languages: the button opens a list"
        seen = play_with_keyboard(pilot)
        shown = " ".join(text for texts in seen.values() for text in texts)
        assert GERMAN_TITLE in shown, "the scenario's German texts are shown"
        assert "(DE) " in shown
        debrief = " ".join(seen["debrief"])
        assert "Nachbesprechung" in debrief and str(pilot.game.state.score) in debrief
        # The picker: a dialog listing every language, each named in itself.
        pilot.click("lang_toggle")
        assert pilot.modal == "lang_dialog"
        assert {pilot.widget(f"lang_{code}").text for code in ("de", "en", "fr")} == {
            "Deutsch", "English", "Français"}
        assert pilot.overlapping() == [] and pilot.clipped() == []
        pilot.click("lang_fr")
        assert pilot.modal is None and i18n.get_language() == "fr"
        assert pilot.widget("lang_toggle").text == "Français…"


def test_the_first_start_asks_in_every_language(german: Path, tmp_path: Path) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.pilot import Pilot

    with Pilot.start(lang=None, config_dir=tmp_path / "config",
                     data_dir=tmp_path / "data") as pilot:
        assert pilot.scene == "language"
        shown = pilot.texts()
        for prompt in ("Wählen Sie Ihre Sprache", "Choisissez votre langue",
                       "Choose your language"):
            assert prompt in shown
        assert {"Deutsch", "English", "Français"} <= set(shown)
        assert pilot.clipped() == [] and pilot.overlapping() == [] and pilot.offscreen() == []
        pilot.click("lang_de")
        assert pilot.scene == "title" and pilot.widget("new_game").text == "Neues Spiel"


def test_the_title_names_languages_without_babel() -> None:
    """The language button names each language in itself from ``locales/languages.json``
    (written by ``i18n_catalogs compile``), so the title screen does not import Babel."""
    import subprocess
    import sys

    code = ("import sys, game.i18n as i; "
            "names = [i.language_name(c) for c in i.catalog_languages()]; "
            "print(names, 'babel' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "['English', 'Français'] False"
