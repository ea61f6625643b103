"""Thousands of random key presses and clicks: the app never raises (seeded, reproducible)."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from contextlib import AbstractContextManager

import pygame
import pytest

from game.ui.pilot import Pilot

Start = Callable[..., AbstractContextManager[Pilot]]

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP,
        pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
        pygame.K_HOME, pygame.K_END, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4,
        pygame.K_9, pygame.K_F1, pygame.K_a, pygame.K_KP_ENTER]
EVENTS = 12_000 if os.environ.get("HD_LONG_TESTS") else 3_000


def random_input(pilot: Pilot, rng: random.Random) -> None:
    roll = rng.random()
    size = pilot.app.size
    if roll < 0.45:
        mod = pygame.KMOD_SHIFT if rng.random() < 0.15 else 0
        pilot.press(rng.choice(KEYS), mod=mod)
    elif roll < 0.85:
        widgets = [w for w in pilot.app.scene.widgets.values() if w.alive() and w.visible]
        if widgets and rng.random() < 0.8:  # mostly on widgets, where things happen
            rect = rng.choice(widgets).rect
            pos = (rng.randint(rect.left, max(rect.left, rect.right - 1)),
                   rng.randint(rect.top, max(rect.top, rect.bottom - 1)))
        else:
            pos = (rng.randrange(size[0]), rng.randrange(size[1]))
        pilot.click_at(pos)
    elif roll < 0.95:
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-3, -1, 1)),
                                             flipped=False, precise_x=0.0, precise_y=1.0,
                                             touch=False))
        pilot.settle()
    else:
        pilot.resize(rng.choice([(1280, 720), (960, 600), (1600, 900), (1024, 768)]))


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_random_keys_and_clicks_never_raise(start: Start, seed: int) -> None:
    rng = random.Random(seed)
    scenes: set[str] = set()
    done = 0
    while done < EVENTS:
        lang = rng.choice(["fr", "en"])
        with start(lang=lang, seed=seed) as pilot:
            while done < EVENTS and pilot.app.running:
                random_input(pilot, rng)
                scenes.add(pilot.scene)
                done += 1
    # The monkey must have gone past the menus for the test to mean something.
    assert {"title", "decide"} <= scenes, scenes
