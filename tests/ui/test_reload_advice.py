"""F5 with a broken file lists every problem of the file at once, each with the same fix
advice as ``python main.py check``, in the player's language."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game.ui.pilot import Pilot
from tests.ui.authoring_kit import scenario_folder

Start = Callable[..., AbstractContextManager[Pilot]]


@pytest.mark.parametrize("lang, fix, advice", [
    ("en", "Fix: ", "Use the suggested spelling"),
    ("fr", "Correction\u00a0: ", "Reprenez l'orthographe suggérée"),
])
def test_f5_lists_every_problem_with_its_fix(start: Start, tmp_path: Path, lang: str,
                                             fix: str, advice: str) -> None:
    folder = scenario_folder(tmp_path, lang=lang)
    path = folder / "scenario.yaml"
    original = path.read_text("utf-8")
    with start(scenario=folder, lang=lang) as pilot:
        pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
        assert pilot.scene == "decide"
        # Two misspelt keys and a wrong actor id: all three in one dialog.
        broken = original.replace("  turns: 4\n", "  turnz: 4\n").replace(
            "      deadline: 2\n", "      deadlin: 2\n").replace(
            "      - actor: fact_checkers\n", "      - actor: fact_checker\n")
        path.write_text(broken, "utf-8")
        pilot.press(pygame.K_F5)
        assert pilot.modal == "reload_errors"
        for word in ("turnz:", "deadlin:", "actor: fact_checker\n"):
            line = broken[:broken.index(word)].count("\n") + 1
            assert pilot.shows(f"scenario.yaml:{line}:"), word
        assert pilot.shows("3 errors in") or pilot.shows("3 erreurs dans")
        assert pilot.shows(fix + advice)
        pilot.screenshot(tmp_path / f"f5_{lang}.png")
