"""The F5 overlays, the import dialog and the picker fit a small window at the largest text."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game.ui.pilot import Pilot
from game.ui.settings import Settings
from tests.ui.authoring_kit import scenario_folder
from tests.ui.test_window import assert_tidy

Start = Callable[..., AbstractContextManager[Pilot]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_import_dialog_fits_at_the_largest_text(start: Start, lang: str) -> None:
    with start(scenario=None, lang=lang, size=(960, 600),
               settings=Settings(lang, "largest", False, 0)) as pilot:
        pilot.click("new_game")
        assert_tidy(pilot)
        pilot.click("import")
        assert pilot.modal == "import"
        assert_tidy(pilot)
        assert pilot.widget("import_intro").max_scroll == 0, "the explanation is shown whole"
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="/no/such/file.zip"))
        pilot.press(pygame.K_RETURN)
        assert pilot.modal == "import" and pilot.has("import_text")
        assert_tidy(pilot)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_f5_overlay_fits_at_the_largest_text(start: Start, tmp_path: Path, lang: str) -> None:
    folder = scenario_folder(tmp_path, lang=lang)
    with start(scenario=folder, lang=lang, size=(960, 600),
               settings=Settings(lang, "largest", False, 0)) as pilot:
        pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
        yaml = folder / "scenario.yaml"
        yaml.write_text(yaml.read_text("utf-8").replace("  turns: 4\n", "  turnz: 4\n"),
                        "utf-8")
        pilot.press(pygame.K_F5)
        assert pilot.modal == "reload_errors"
        assert_tidy(pilot)
