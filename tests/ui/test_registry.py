"""The scene registry: one table names every scene, and each name opens that scene."""

from __future__ import annotations

import importlib
import pkgutil

import game.ui.scenes
from game.ui.pilot import Pilot
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.registry import SCENES, scene_class


def concrete_scenes() -> dict[str, type[Scene]]:
    """Every scene class that names itself (the shared bases, TurnScene and the like, do not)."""
    found: dict[str, type[Scene]] = {}
    for info in pkgutil.iter_modules(game.ui.scenes.__path__):
        module = importlib.import_module(f"game.ui.scenes.{info.name}")
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, Scene) and value is not Scene
                    and value.__module__ == module.__name__ and "name" in vars(value)):
                found[value.name] = value
    return found


def test_each_name_opens_the_scene_of_that_name() -> None:
    for name in SCENES:
        assert scene_class(name).name == name


def test_every_scene_is_in_the_table() -> None:
    assert sorted(concrete_scenes()) == sorted(SCENES)
    assert all(scene_class(name) is cls for name, cls in concrete_scenes().items())


def test_a_scene_opened_by_name_shows(pilot: Pilot) -> None:
    app = pilot.app
    app.show(registry.settings(app))
    assert app.scene.name == "settings"
    app.show(registry.saves(app, "load"))
    assert app.scene.name == "saves" and app.scene.mode == "load"
