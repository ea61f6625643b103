"""pygame_gui imported with only what the title screen uses (game/ui/gui_import.py): every
name pygame_gui offers is still there, the same objects, imported on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.ui import gui_import

ROOT = Path(__file__).resolve().parent.parent.parent

NAMES = """
import json, sys
sys.path.insert(0, '.')
{first}
import pygame_gui, pygame_gui.elements
late = sorted(m for m in sys.modules if m.startswith(('pygame_gui', 'yaml')))
def where(value):
    return getattr(value, '__qualname__', None) or getattr(value, '__name__', None) or repr(value)
names = {{p.__name__ + '.' + n: where(getattr(p, n)) for p in (pygame_gui, pygame_gui.elements)
         for n in p.__all__}}
print(json.dumps({{'before': late, 'names': names}}))
"""


def _names(first: str) -> dict[str, object]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run([sys.executable, "-c", NAMES.format(first=first)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_the_game_imports_less_and_offers_every_name_pygame_gui_has() -> None:
    lazy = _names("import game.ui.app")
    whole = _names("import pygame_gui")
    before = lazy["before"]
    assert isinstance(before, list)
    assert "pygame_gui.windows" not in before and "pygame_gui.elements.ui_form" not in before
    assert "pygame_gui.ui_manager" in before and "yaml" not in before
    assert lazy["names"] == whole["names"]  # every name, the same objects
    assert len(lazy["names"]) > 60  # type: ignore[arg-type]


def test_names_are_read_from_the_packages_own_init() -> None:
    source = ('"""Doc."""\nfrom pygame_gui.ui_manager import UIManager\n'
              "from pygame_gui import core\nfrom pygame_gui._constants import (\n"
              "    A,\n    B as C,\n)\n__all__ = ['UIManager']\n")
    assert gui_import._names(source, "pygame_gui") == {
        "UIManager": "pygame_gui.ui_manager", "core": "pygame_gui.core",
        "A": "pygame_gui._constants", "C": "pygame_gui._constants"}


@pytest.mark.parametrize("source", ["from x import *\n", "import os\n", "X = 1\n",
                                    "from . import y\n", "def f():\n    pass\n"])
def test_an_init_doing_anything_else_is_run_as_it_is(source: str) -> None:
    with pytest.raises(ValueError):
        gui_import._names(source, "pygame_gui")


def test_a_surprising_pygame_gui_is_imported_whole() -> None:
    script = ("import sys; sys.path.insert(0, '.')\n"
              "from game.ui import gui_import\n"
              "def refuse(source, package):\n    raise ValueError('new layout')\n"
              "gui_import._names = refuse\n"
              "gui_import.import_pygame_gui()\n"
              "import pygame_gui\n"
              "assert 'pygame_gui.windows' in sys.modules and 'yaml' not in sys.modules\n"
              "print(pygame_gui.elements.UIForm.__name__)\n")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "UIForm"
