"""Keyboard focus: Tab and Shift+Tab, arrows in a group, Enter and Space, a visible ring."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.pilot import Pilot


def test_tab_shift_tab_and_arrows_move_the_focus(pilot: Pilot) -> None:
    assert pilot.focused == "new_game"
    pilot.press(pygame.K_DOWN)
    assert pilot.focused == "scenarios", "arrows skip the disabled Continue button"
    pilot.press(pygame.K_UP)
    assert pilot.focused == "new_game"
    pilot.press(pygame.K_UP)
    assert pilot.focused == "new_game", "arrows stop at the ends of a group"
    pilot.press(pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert pilot.focused == "lang_toggle"
    pilot.press(pygame.K_TAB, pygame.K_TAB)
    assert pilot.focused == "scenarios"


def test_space_activates_like_enter(pilot: Pilot) -> None:
    pilot.tab_to("scenarios")
    pilot.press(pygame.K_SPACE)
    assert pilot.scene == "picker"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene == "title"


def test_the_focus_ring_is_drawn_around_the_focused_widget(pilot: Pilot, tmp_path: Path) -> None:
    pilot.screenshot(tmp_path / "title.png")
    rect = pilot.widget(pilot.focused or "").rect
    ring = rect.inflate(6, 6)
    colour = pilot.app.screen.get_at((ring.left + 1, ring.centery))
    assert colour[:3] == pilot.app.theme.colour("focus")[:3]


def test_escape_opens_the_menu_at_the_desk_and_closes_it(pilot: Pilot) -> None:
    pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
    assert pilot.scene == "decide"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.modal == "menu" and pilot.focused == "resume"
    pilot.press(pygame.K_TAB)
    assert pilot.focused != "end_turn", "the focus stays inside the dialog"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.modal is None and pilot.scene == "decide"


def test_mouse_clicks_outside_a_dialog_do_nothing(pilot: Pilot) -> None:
    pilot.press(pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN)
    pilot.press(pygame.K_ESCAPE)
    end_turn = pilot.widget("end_turn").rect.center
    pilot.click_at(end_turn)
    assert pilot.modal == "menu" and pilot.scene == "decide"
