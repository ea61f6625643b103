"""The mouse and the keyboard focus agree: a click moves the focus to what was clicked (so
Enter next never acts on something else, such as "End the turn"), one focus ring on screen,
and list items light up under the pointer as buttons do, redrawn only when that changes."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game.paths import SCENARIOS_DIR
from game.ui.pilot import Pilot
from game.ui.settings import Settings
from game.ui.widgets.listview import Item, ListView
from game.ui.widgets.textentry import TextEntry
from tests.ui.test_desk import to_desk

Start = Callable[..., AbstractContextManager[Pilot]]
EARTHQUAKE = SCENARIOS_DIR / "earthquake_72h.yaml"  # a crisis is open on the first turn


def move_to(pilot: Pilot, pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0), touch=False))
    pilot.settle()
    pilot.step()  # pygame_gui notes the element under the pointer in its update


def ring_pixels(pilot: Pilot, surface: pygame.Surface) -> int:
    """How many pixels of the screen are in the focus colour."""
    focus = pilot.app.theme.colour("focus")
    mask = pygame.mask.from_threshold(surface, focus, (1, 1, 1, 255))
    return mask.count()


@pytest.mark.parametrize("arrow", ["post_audience_next", "post_tone_prev"])
def test_clicking_a_selector_arrow_moves_the_focus_to_its_value(start: Start,
                                                                 arrow: str) -> None:
    with start(lang="fr") as pilot:
        to_desk(pilot)
        pilot.click("tab_post")
        pilot.tab_to("end_turn")
        turn = pilot.game.state.turn
        pilot.click(arrow)
        selector = arrow.rsplit("_", 1)[0]
        assert pilot.focused == selector, "the focus left 'End the turn' for the selector"
        pilot.press(pygame.K_RETURN)
        assert pilot.game.state.turn == turn and pilot.modal is None, \
            "Enter after a click on an arrow must not end the turn"


def test_clicking_a_list_moves_the_focus_to_it(start: Start) -> None:
    with start(lang="en", scenario=EARTHQUAKE) as pilot:
        to_desk(pilot)
        pilot.click("tab_crises")
        pilot.tab_to("end_turn")
        listing = pilot.widget("crisis_list")
        pilot.click_at(listing.item_rect(0).center)
        assert pilot.modal == "crisis"  # the click opened it, as before
        pilot.press(pygame.K_ESCAPE)
        assert pilot.modal is None
        assert pilot.focused == "crisis_list", "the focus went to the list clicked"


def test_the_crisis_dialog_shows_one_focus_ring(start: Start, tmp_path: Path) -> None:
    with start(lang="fr", scenario=EARTHQUAKE) as pilot:
        to_desk(pilot)
        pilot.click("tab_crises")
        pilot.press(pygame.K_1)
        assert pilot.modal == "crisis" and pilot.focused == "crisis_choices"
        choices = pilot.widget("crisis_choices")
        surface = pilot.draw()
        ring = choices.rect.inflate(6, 6)
        inside = choices.rect.inflate(-8, -8)  # the items, within the list's own ring
        assert surface.get_at((ring.left + 1, ring.centery))[:3] == \
            pilot.app.theme.colour("focus")[:3]
        assert ring_pixels(pilot, surface.subsurface(inside)) == 0, \
            "the chosen answer is marked in its own colour, not with a second focus ring"


@pytest.mark.parametrize("contrast", [False, True])
def test_list_items_light_up_under_the_pointer_and_only_redraw_on_change(
        start: Start, contrast: bool) -> None:
    settings = Settings("en", "normal", contrast, 0)
    with start(lang="en", scenario=EARTHQUAKE, settings=settings) as pilot:
        to_desk(pilot)
        pilot.click("tab_crises")
        pilot.press(pygame.K_1)
        choices = pilot.widget("crisis_choices")
        assert choices.hovered_index == -1
        target = choices.item_rect(1)
        before = pilot.draw().subsurface(target).copy()
        move_to(pilot, target.center)
        assert choices.hovered_index == 1
        after = pilot.draw().subsurface(target)
        fill = pilot.app.theme.colour("button_hover")
        assert after.get_at((target.width // 2, 3))[:3] == fill[:3]
        assert before.get_at((target.width // 2, 3))[:3] != fill[:3]
        # A still pointer: nothing to draw again.
        pilot.step(3)
        assert not choices.dirty_pending
        redraws = 0
        original = choices.redraw

        def counting() -> None:
            nonlocal redraws
            redraws += 1
            original()

        choices.redraw = counting  # type: ignore[method-assign]
        move_to(pilot, (target.centerx + 5, target.centery))  # the same item
        pilot.step(3)
        assert redraws == 0, "moving within one item draws nothing again"
        move_to(pilot, (2, 2))  # off the list: the highlight goes
        assert choices.hovered_index == -1 and redraws == 1


@pytest.mark.parametrize("contrast", [False, True])
def test_focused_widgets_leave_the_focus_colour_to_the_ring(start: Start,
                                                            contrast: bool) -> None:
    """The ring is drawn around the focused widget; a widget drawing its own frame in the
    focus colour made two rings (the crisis answers, text fields)."""
    with start(settings=Settings("en", "normal", contrast, 0)) as pilot:
        app = pilot.app
        rect = pygame.Rect(0, 0, 300, 120)
        widgets = [TextEntry(rect, app.ui, app.theme, "Zoé"),
                   ListView(rect, app.ui, app.theme, [Item("a", "An answer"),
                                                      Item("b", "Another")])]
        try:
            for widget in widgets:
                widget.has_focus = True
                widget.redraw()
                assert ring_pixels(pilot, widget.image) == 0, type(widget).__name__
        finally:
            for widget in widgets:
                widget.kill()
