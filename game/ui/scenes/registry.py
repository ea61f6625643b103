"""Every scene by name, in one table, and one typed function to open each.

Scenes open one another through this module (``self.app.show(registry.title(self.app))``)
instead of importing one another, and the app asks it which scene shows a turn phase: no
scene module imports another scene module to open it, so the scenes form no import circle.
A scene's module is imported the first time it is opened (``importlib``, from the table), so
the title screen starts without loading every other screen.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from game.engine.vocabulary import Phase
    from game.ui.scenes.base import Scene, SceneHost

# name -> "module:class".  Adding a scene: one line here and one function below.
SCENES: dict[str, str] = {
    "language": "game.ui.scenes.language:LanguageScene",
    "title": "game.ui.scenes.title:TitleScene",
    "picker": "game.ui.scenes.picker:PickerScene",
    "saves": "game.ui.scenes.saves:SavesScene",
    "settings": "game.ui.scenes.settings:SettingsScene",
    "questions": "game.ui.scenes.questions:QuestionsScene",
    "briefing": "game.ui.scenes.briefing:BriefingScene",
    "feed": "game.ui.scenes.feed:FeedScene",
    "decide": "game.ui.scenes.decide:DecideScene",
    "resolve": "game.ui.scenes.resolve:ResolveScene",
    "ending": "game.ui.scenes.ending:EndingScene",
    "debrief": "game.ui.scenes.debrief:DebriefScene",
}


def scene_class(name: str) -> type[Scene]:
    """The class registered as *name*, its module imported now if it was not yet."""
    module, _, cls = SCENES[name].partition(":")
    found: type[Scene] = getattr(importlib.import_module(module), cls)
    return found


def open_scene(name: str, app: SceneHost, *args: object) -> Scene:
    """A new scene *name* for *app*; prefer the typed functions below (mypy checks them)."""
    return scene_class(name)(app, *args)


# -- one typed function per scene: its arguments checked where it is opened --------------

def language(app: SceneHost) -> Scene:
    return open_scene("language", app)


def title(app: SceneHost) -> Scene:
    return open_scene("title", app)


def picker(app: SceneHost) -> Scene:
    return open_scene("picker", app)


def saves(app: SceneHost, mode: Literal["load", "save"] = "load") -> Scene:
    return open_scene("saves", app, mode)


def settings(app: SceneHost) -> Scene:
    return open_scene("settings", app)


def questions(app: SceneHost, when: Literal["pre", "post"]) -> Scene:
    return open_scene("questions", app, when)


def briefing(app: SceneHost) -> Scene:
    return open_scene("briefing", app)


def feed(app: SceneHost) -> Scene:
    return open_scene("feed", app)


def decide(app: SceneHost) -> Scene:
    return open_scene("decide", app)


def resolve(app: SceneHost) -> Scene:
    return open_scene("resolve", app)


def ending(app: SceneHost) -> Scene:
    return open_scene("ending", app)


def debrief(app: SceneHost) -> Scene:
    return open_scene("debrief", app)


def first_scene(app: SceneHost, ask_language: bool) -> Scene:
    """The language choice on the very first start, the title screen afterwards."""
    return language(app) if ask_language else title(app)


def scene_for_phase(app: SceneHost, phase: Phase) -> Scene:
    """One scene per state of the turn machine."""
    from game.engine.vocabulary import Phase  # a game exists by now: not at start-up

    if phase is Phase.BRIEFING and app.session.questions_due():
        return questions(app, "pre")  # the ratings come before anything is seen
    by_phase = {Phase.BRIEFING: briefing, Phase.FEED: feed, Phase.DECIDE: decide,
                Phase.RESOLVE: resolve}
    return by_phase.get(phase, ending)(app)
