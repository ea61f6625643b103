"""Thousands of random key presses, clicks, wheel turns, typing and window sizes on every
scene and dialog: the app never raises (seeded, reproducible).

A route brings a fresh app to each place (title, language, settings, scenario list and its
import dialog, saves, questions, briefing, feed, each desk tab, the crisis dialog, the menu,
results, ending, debrief and its dialogs, the F5 error overlay); the monkey then plays
there, going wherever its inputs take it.  ``HD_LONG_TESTS=1``: 20,000 events instead of
a few thousand.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.ui.pilot import Pilot
from tests.ui.conftest import bundled_scenario

Start = Callable[..., AbstractContextManager[Pilot]]

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP,
        pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
        pygame.K_HOME, pygame.K_END, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4,
        pygame.K_9, pygame.K_F1, pygame.K_F5, pygame.K_a, pygame.K_v, pygame.K_BACKSPACE,
        pygame.K_DELETE, pygame.K_KP_ENTER]
SIZES = [(1280, 720), (960, 600), (1600, 900), (1024, 768)]
LONG = os.environ.get("HD_LONG_TESTS") == "1"
EVENTS = 20_000 if LONG else 2_500


def random_input(pilot: Pilot, rng: random.Random) -> None:
    roll = rng.random()
    size = pilot.app.size
    if roll < 0.42:
        mod = rng.choice([0] * 6 + [pygame.KMOD_SHIFT, pygame.KMOD_CTRL])
        pilot.press(rng.choice(KEYS), mod=mod)
    elif roll < 0.82:
        widgets = [w for w in pilot.app.scene.widgets.values() if w.alive() and w.visible]
        if widgets and rng.random() < 0.8:  # mostly on widgets, where things happen
            rect = rng.choice(widgets).rect
            pos = (rng.randint(rect.left, max(rect.left, rect.right - 1)),
                   rng.randint(rect.top, max(rect.top, rect.bottom - 1)))
        else:
            pos = (rng.randrange(size[0]), rng.randrange(size[1]))
        pilot.click_at(pos, button=rng.choice([1] * 9 + [3]))
    elif roll < 0.9:
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-3, -1, 1)),
                                             flipped=False, precise_x=0.0, precise_y=1.0,
                                             touch=False))
        pilot.settle()
    elif roll < 0.97:
        pilot.type("".join(rng.choice("aé 1/.«»-_\u202f🙂") for _ in range(rng.randint(1, 6))))
    else:
        pilot.resize(rng.choice(SIZES))


# -- routes: from a fresh app to each place the monkey must play on ---------------------------

def new_game(pilot: Pilot) -> None:
    pilot.click("new_game")
    if pilot.modal == "in_progress":  # an earlier monkey left a game: put it aside
        pilot.click("start_new")


def to_desk(pilot: Pilot, tab: str | None = None) -> None:
    new_game(pilot)
    pilot.press(pygame.K_RETURN, pygame.K_RETURN)  # briefing, feed
    if tab is not None:
        pilot.click(f"tab_{tab}")


def to_crisis(pilot: Pilot) -> None:
    """The desk of the first turn with a crisis open, and its dialog."""
    to_desk(pilot)
    while not pilot.game.open_crises():
        pilot.click("end_turn")
        if pilot.modal == "confirm_end":
            pilot.click("confirm_end_turn")
        pilot.click("next")
        pilot.click("open_desk")
    pilot.click("tab_crises")
    pilot.click("crisis_list", 0)


def to_resolve(pilot: Pilot) -> None:
    to_desk(pilot)
    pilot.click("end_turn")
    if pilot.modal == "confirm_end":
        pilot.click("confirm_end_turn")


def to_ending(pilot: Pilot) -> None:
    """A whole game played through the engine (fast), then shown: the ending screen."""
    session = pilot.app.session
    game = session.new_game(session.default_entry())
    game.start()
    while game.play_turn(lambda _game: None):  # every turn passed, to the debrief
        pass
    pilot.app.enter_game()
    pilot.settle()


def to_debrief(pilot: Pilot, button: str | None = None) -> None:
    to_ending(pilot)
    pilot.click("debrief")
    if button is not None:
        pilot.click(button)


def to_saves(pilot: Pilot) -> None:
    """Saved games, with the autosave of a game in it."""
    session = pilot.app.session
    session.new_game(session.default_entry())
    pilot.app.autosave()
    session.end_game()
    pilot.app.scene.rebuild()
    pilot.click("saved_games")


def to_reload_errors(pilot: Pilot) -> None:
    """A game whose scenario file breaks; F5 shows the overlay with the errors."""
    to_desk(pilot)
    Path(pilot.app.session.entry.path).write_text("meta: [unclosed\n", "utf-8")
    pilot.press(pygame.K_F5)


def nothing(pilot: Pilot) -> None:
    return None


# name: (what Pilot.start needs beyond the defaults, the way there, where it must end up)
ROUTES: dict[str, tuple[dict[str, Any], Callable[[Pilot], None], str]] = {
    "language": ({"lang": None}, nothing, "language"),
    "title": ({}, nothing, "title"),
    "help": ({}, lambda p: p.press(pygame.K_F1), "title/help"),
    "settings": ({}, lambda p: p.click("settings"), "settings"),
    "picker": ({"scenario": None}, new_game, "picker"),
    "import": ({"scenario": None}, lambda p: (new_game(p), p.click("import")), "picker/import"),
    "saves": ({}, to_saves, "saves"),
    "questions": ({"questions": True}, new_game, "questions"),
    "briefing": ({}, new_game, "briefing"),
    "feed": ({}, lambda p: (new_game(p), p.press(pygame.K_RETURN)), "feed"),
    "desk post": ({}, lambda p: to_desk(p, "post"), "decide:post"),
    "desk counter": ({}, lambda p: to_desk(p, "counter"), "decide:counter"),
    "desk plan": ({}, lambda p: to_desk(p, "plan"), "decide:plan"),
    "crisis": ({}, to_crisis, "decide:crises/crisis"),
    "menu": ({}, lambda p: (to_desk(p), p.press(pygame.K_ESCAPE)), "menu"),
    "resolve": ({}, to_resolve, "resolve"),
    "ending": ({}, to_ending, "ending"),
    "debrief": ({}, to_debrief, "debrief"),
    "replay": ({}, lambda p: to_debrief(p, "replay"), "debrief/replay"),
    "export": ({}, lambda p: to_debrief(p, "export"), "debrief/export"),
    "reload errors": ({"reloadable": True}, to_reload_errors, "reload_errors"),
}


def place(pilot: Pilot) -> str:
    """Where an input lands: the scene, the desk's tab, the dialog on top."""
    scene = pilot.scene
    tab = getattr(pilot.app.scene, "tab", None) if scene == "decide" else None
    where = f"{scene}:{tab}" if tab else scene
    return f"{where}/{pilot.modal}" if pilot.modal else where


def arrived(at: str, expected: str) -> bool:
    """``expected`` is a scene (``"saves"``), a scene and a dialog (``"picker/import"``),
    or a dialog alone (``"menu"``)."""
    return at == expected or at.endswith("/" + expected) or at.split("/")[0] == expected


def play_route(start: Start, tmp_path: Path, rng: random.Random, name: str, n: int,
               inputs: int) -> set[str]:
    """*inputs* random inputs from the place route *name* leads to (the route is taken
    again when the monkey quits the game); returns where they landed."""
    extra, route, expected = ROUTES[name]
    seen: set[str] = set()
    done, attempt = 0, 0
    while done < inputs:
        attempt += 1
        kwargs = dict(extra, lang=extra.get("lang", rng.choice(["fr", "en"])), seed=n)
        if kwargs.pop("reloadable", False):
            kwargs["scenario"] = Path(shutil.copy(bundled_scenario(),
                                                  tmp_path / f"s{n}-{attempt}.yaml"))
        if kwargs["lang"] is None:  # a first start: no language chosen yet
            kwargs["config_dir"] = tmp_path / f"config-{n}-{attempt}"
        with start(**kwargs) as pilot:
            route(pilot)
            assert arrived(place(pilot), expected), (name, place(pilot))
            while done < inputs and pilot.app.running:
                seen.add(place(pilot))
                try:
                    random_input(pilot, rng)
                    pilot.draw()  # as the window would (the pilot's own frames do not draw)
                except Exception as exc:
                    raise AssertionError(f"route {name!r}, input {done} at "
                                         f"{place(pilot)}") from exc
                done += 1
    return seen


# Two halves of the routes, two tests: the parallel run gives each to a worker (one test
# of every route was the suite's longest, ~50 s on one worker while the other idled).
HALVES = {"even": list(ROUTES)[0::2], "odd": list(ROUTES)[1::2]}


@pytest.mark.slow
@pytest.mark.parametrize("half", sorted(HALVES))
def test_random_input_on_every_scene_never_raises(start: Start, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  half: str) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # reports typed as relative paths
    rng = random.Random(f"7-{half}")
    per_route = -(-EVENTS // len(ROUTES))  # at least EVENTS over both halves
    names = HALVES[half]
    visited = {name: play_route(start, tmp_path, rng, name, list(ROUTES).index(name),
                                per_route)
               for name in names}
    everywhere = set().union(*visited.values())
    # Every place the half's routes lead to was played on (over both halves: every scene,
    # every dialog, every desk tab; the next test checks that the routes cover them).
    for name in names:
        expected = ROUTES[name][2]
        assert any(arrived(at, expected) for at in visited[name]), (name, visited[name])
    assert everywhere
    # Each route's monkey went past where it started (it did not stop at once).
    assert all(len(seen) > 1 for name, seen in visited.items() if name != "title"), visited


def test_the_routes_lead_to_every_scene_dialog_and_desk_tab() -> None:
    from game.ui.scenes.registry import SCENES

    places = [expected for _extra, _route, expected in ROUTES.values()]
    firsts = {p.split("/")[0].split(":")[0] for p in places}
    scenes = firsts & set(SCENES)
    assert scenes >= {"language", "title", "settings", "picker", "saves", "questions",
                      "briefing", "feed", "decide", "resolve", "ending", "debrief"}, scenes
    # A dialog is after a "/" or, alone, a place that is no scene ("menu").
    dialogs = {p.split("/")[1] for p in places if "/" in p} | (firsts - set(SCENES))
    assert dialogs >= {"help", "import", "crisis", "menu", "replay", "export",
                       "reload_errors"}, dialogs
    tabs = {p.split("/")[0].split(":")[1] for p in places if p.startswith("decide:")}
    assert tabs >= {"post", "crises", "counter", "plan"}, tabs
