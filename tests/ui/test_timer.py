"""The turn timer (off by default) runs at the desk and stops while a dialog is open."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pygame

from game.ui.pilot import Pilot
from game.ui.settings import Settings

Start = Callable[..., AbstractContextManager[Pilot]]


def test_the_turn_timer_pauses_while_a_dialog_is_open(start: Start) -> None:
    with start(settings=Settings("en", "normal", False, 60)) as pilot:
        pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
        assert pilot.scene == "decide" and pilot.has("timer")
        session = pilot.app.session
        pilot.step(30)
        running = session.timer_left
        assert running < 60, "the timer runs at the desk"
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal == "menu"
        paused = session.timer_left
        pilot.step(600)  # ten seconds of frames with the menu open
        assert session.timer_left == paused
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None
        pilot.step(60)
        assert session.timer_left < paused, "the timer goes on once the dialog is closed"
        assert pilot.scene == "decide"


def test_a_crisis_dialog_pauses_the_timer_too(start: Start) -> None:
    with start(settings=Settings("en", "normal", False, 60)) as pilot:
        pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
        for _turn in range(6):
            if pilot.game.open_crises():
                break
            pilot.click("end_turn")
            if pilot.modal == "confirm_end":
                pilot.click("confirm_end_turn")
            pilot.click("next")
            pilot.click("open_desk")
        assert pilot.game.open_crises(), "the bundled scenario opens a crisis early"
        pilot.click("tab_crises")
        pilot.click("crisis_list", 0)
        assert pilot.modal == "crisis"
        left = pilot.app.session.timer_left
        pilot.step(300)
        assert pilot.app.session.timer_left == left and pilot.modal == "crisis"
