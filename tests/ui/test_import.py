"""Importing a zipped scenario from the picker: typed, pasted or dropped; refusals said clearly."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game import paths
from game.ui.pilot import Pilot
from game.ui.scenes.importing import typed_path
from tests.ui.authoring_kit import GREEN, image_bytes, scenario_folder, zip_folder

Start = Callable[..., AbstractContextManager[Pilot]]


def type_text(pilot: Pilot, text: str) -> None:
    """Type as a keyboard does: characters arrive as TEXTINPUT events."""
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    pilot.settle()


def open_dialog(pilot: Pilot) -> None:
    pilot.click("new_game")
    assert pilot.scene == "picker"
    pilot.click("import")
    assert pilot.modal == "import" and pilot.focused == "import_path"


def installed() -> list[str]:
    folder = paths.user_scenarios_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_typed_paths_are_cleaned_up() -> None:
    assert typed_path("  '/tmp/a b.zip' ") == Path("/tmp/a b.zip")
    assert typed_path('"C:/x/y.zip"') == Path("C:/x/y.zip")
    assert typed_path("file:///tmp/caf%C3%A9.zip") == Path("/tmp/café.zip")
    assert typed_path("~/s.zip") == Path.home() / "s.zip"
    assert typed_path("  ") is None


def test_a_good_zip_is_imported_and_listed(start: Start, tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path / "made", "customs_day", avatar=image_bytes(GREEN))
    zipped = zip_folder(folder, tmp_path / "customs day.zip")
    with start(scenario=None) as pilot:
        open_dialog(pilot)
        type_text(pilot, str(zipped))
        pilot.press(pygame.K_RETURN)  # Enter in the field imports
        assert pilot.modal == "imported"
        assert installed() == ["customs_day"]
        assert (paths.user_scenarios_dir() / "customs_day" / "assets" / "horizon.png").is_file()
        assert pilot.shows("is now in your scenario folder")
        listing = pilot.widget("scenario_list")
        chosen = listing.items[listing.selected]
        assert Path(chosen.key).name == "customs_day" and chosen.enabled
        pilot.click("imported_play")
        assert pilot.scene == "briefing"
        assert pilot.app.session.entry.path.name == "customs_day"


def test_a_hostile_zip_is_refused_and_nothing_is_written(start: Start, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("s/scenario.yaml", "schema_version: 1\n")
        archive.writestr("../../evil.yaml", "boom")
    with start(scenario=None, lang="fr") as pilot:
        open_dialog(pilot)
        type_text(pilot, f"'{hostile}'")
        pilot.click("import_go")
        assert pilot.modal == "import", "the dialog stays open with the reason"
        assert pilot.shows("Refusé\u00a0: ")
        assert pilot.shows("../../evil.yaml")
        assert pilot.widget("import_path").text == f"'{hostile}'"
    assert installed() == []
    assert not (tmp_path.parent / "evil.yaml").exists()


def test_a_zip_whose_scenario_has_errors_lists_them(start: Start, tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path / "made", "typo")
    text = (folder / "scenario.yaml").read_text("utf-8").replace("  turns: 4\n", "  turnz: 4\n")
    (folder / "scenario.yaml").write_text(text, "utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "turnz" in t)
    zipped = zip_folder(folder, tmp_path / "typo.zip")
    with start(scenario=None) as pilot:
        open_dialog(pilot)
        type_text(pilot, str(zipped))
        pilot.press(pygame.K_RETURN)
        assert pilot.modal == "import"
        assert pilot.shows("Refused: the scenario has 1 error; nothing was imported.")
        assert pilot.shows(f"scenario.yaml:{line}:3")
    assert installed() == []


@pytest.mark.parametrize("typed, expected", [
    ("", "Type the path of a .zip file first."),
    ("/no/such/file.zip", "no such file: /no/such/file.zip"),
])
def test_an_empty_or_wrong_path_is_explained(start: Start, typed: str, expected: str) -> None:
    with start(scenario=None) as pilot:
        open_dialog(pilot)
        if typed:
            type_text(pilot, typed)
        pilot.press(pygame.K_RETURN)
        assert pilot.modal == "import" and pilot.shows(expected)
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None and pilot.scene == "picker"


def test_a_zip_dropped_on_the_picker_or_pasted_fills_the_field(start: Start, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    zipped = zip_folder(scenario_folder(tmp_path / "made", "dropped"), tmp_path / "d.zip")
    with start(scenario=None) as pilot:
        pilot.click("new_game")
        pygame.event.post(pygame.event.Event(pygame.DROPFILE, file=str(zipped)))
        pilot.settle()
        assert pilot.modal == "import" and pilot.widget("import_path").text == str(zipped)
        pilot.press(pygame.K_ESCAPE)
        pilot.click("import")
        monkeypatch.setattr(pygame.scrap, "get_text", lambda: str(zipped))
        pilot.press(pygame.K_v, mod=pygame.KMOD_LCTRL)
        assert pilot.widget("import_path").text == str(zipped)
        pilot.press(pygame.K_1)  # a digit is typed, not taken for a shortcut
        assert pilot.modal == "import"
