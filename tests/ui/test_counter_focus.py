"""Issue 13 leftover: after planning a counter-measure with the keyboard, the focus ring is
on the next choice to make (the measure), not back on the « Contrer » tab."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pygame

from game.ui.pilot import Pilot
from tests.conftest import MINIMAL

Start = Callable[..., AbstractContextManager[Pilot]]



def test_after_planning_a_counter_the_ring_is_on_the_next_choice_not_the_tab(
        start: Start) -> None:
    with start(scenario=MINIMAL) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        game = pilot.game
        game.start()
        while game.state.turn < 2:
            game.play_turn(lambda _game: None)  # turn 1 passed
        game.open_desk()
        pilot.settle()
        assert pilot.scene == "decide" and game.live_narratives()
        pilot.tab_to("tab_counter")
        pilot.press(pygame.K_RETURN)
        pilot.tab_to("counter_measure")
        pilot.press(pygame.K_RIGHT)  # the first measure on offer
        pilot.tab_to("plan_counter")
        pilot.press(pygame.K_RETURN)
        assert len(game.state.planned) == 1
        assert pilot.focused == "counter_measure"
