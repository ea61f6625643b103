"""Two ways a student plays a whole game through the pilot: keyboard only, mouse only."""

from __future__ import annotations

import pygame

from game.ui.pilot import Pilot

MAX_TURNS = 70


def check_screen(pilot: Pilot, seen: dict[str, list[str]]) -> None:
    """Nothing cut or outside the window; remember what each screen showed.  The screen is
    drawn (the pilot's frames after an input are not)."""
    pilot.draw()
    assert pilot.clipped() == [], f"clipped on {pilot.scene}: {pilot.clipped()}"
    assert pilot.offscreen() == [], f"off screen on {pilot.scene}: {pilot.offscreen()}"
    seen.setdefault(pilot.scene, []).extend(pilot.texts())


# -- keyboard ---------------------------------------------------------------------------------

def key_activate(pilot: Pilot, ident: str) -> None:
    pilot.tab_to(ident)
    pilot.press(pygame.K_RETURN)


def keyboard_desk(pilot: Pilot, seen: dict[str, list[str]]) -> None:
    """Answer a crisis with a number key, plan a post, a counter-measure, end the turn."""
    game = pilot.game
    if game.open_crises():
        key_activate(pilot, "tab_crises")  # the tab open already: Enter opens the crisis
        if pilot.modal != "crisis":
            key_activate(pilot, "crisis_list")
        assert pilot.modal == "crisis"
        check_screen(pilot, seen)
        pilot.press(pygame.K_1)
        assert pilot.modal is None
    if game.state.budget > 0:
        key_activate(pilot, "tab_post")
        pilot.tab_to("post_tone")
        pilot.press(pygame.K_RIGHT)  # empathetic rather than the default
        check_screen(pilot, seen)
        if pilot.enabled("plan_post"):
            key_activate(pilot, "plan_post")
    if game.state.budget > 0 and game.live_narratives():
        key_activate(pilot, "tab_counter")
        check_screen(pilot, seen)
        if pilot.enabled("plan_counter"):
            key_activate(pilot, "plan_counter")
    key_activate(pilot, "tab_plan")
    check_screen(pilot, seen)
    key_activate(pilot, "end_turn")
    if pilot.modal == "confirm_end":
        key_activate(pilot, "confirm_end_turn")


def answer_with_keys(pilot: Pilot, seen: dict[str, list[str]]) -> None:
    """The reliability questions: Enter starts them, a number key rates, Enter goes on."""
    pilot.press(pygame.K_RETURN)
    for n in range(len(pilot.app.session.questions())):
        check_screen(pilot, seen)
        pilot.press(pygame.K_1 + n % 7)
        pilot.press(pygame.K_RETURN)


def rate_after_the_game(pilot: Pilot) -> None:
    """The questions after the game open over the debrief (its answers would give the
    ratings away): Enter begins, a number key rates, Enter goes on; after the result
    page, Enter goes back to the debrief."""
    if pilot.scene != "questions":
        return
    pilot.press(pygame.K_RETURN)
    for n in range(len(pilot.app.session.questions("post"))):
        pilot.press(pygame.K_1 + n % 7)
        pilot.press(pygame.K_RETURN)
    assert pilot.focused == "questions_done"
    pilot.press(pygame.K_RETURN)


def play_with_keyboard(pilot: Pilot) -> dict[str, list[str]]:
    """From the title screen to the debrief, never touching the mouse."""
    seen: dict[str, list[str]] = {}
    assert pilot.scene == "title" and pilot.focused == "new_game"
    check_screen(pilot, seen)
    pilot.press(pygame.K_RETURN)
    for _ in range(MAX_TURNS):
        check_screen(pilot, seen)
        scene = pilot.scene
        if scene == "decide":
            keyboard_desk(pilot, seen)
        elif scene in ("briefing", "feed", "resolve"):
            pilot.press(pygame.K_RETURN)  # the primary button has the focus
        elif scene == "questions":
            answer_with_keys(pilot, seen)
        elif scene == "ending":
            key_activate(pilot, "debrief")
            rate_after_the_game(pilot)
            break
        else:
            raise AssertionError(f"unexpected scene {scene}")
        assert pilot.scene != scene or scene == "decide", f"stuck on {scene}"
    assert pilot.scene == "debrief"
    check_screen(pilot, seen)
    return seen


# -- mouse ------------------------------------------------------------------------------------

def mouse_desk(pilot: Pilot, seen: dict[str, list[str]]) -> None:
    game = pilot.game
    if game.open_crises():
        pilot.click("tab_crises")
        pilot.click("crisis_list", 0)
        assert pilot.modal == "crisis"
        choices = pilot.widget("crisis_choices")
        last = len(choices.items) - 1
        pilot.click("crisis_choices", last)  # the last answer, to vary from the keyboard run
        if pilot.modal == "crisis":
            pilot.click("crisis_choices", 0)
        assert pilot.modal is None
    if game.state.budget > 0:
        pilot.click("tab_post")
        pilot.click("post_audience_next")
        pilot.click("post_language_next")
        check_screen(pilot, seen)
        if pilot.enabled("plan_post"):
            pilot.click("plan_post")
    if game.state.budget > 0 and game.live_narratives():
        pilot.click("tab_counter")
        pilot.click("counter_measure_next")
        check_screen(pilot, seen)
        if pilot.enabled("plan_counter"):
            pilot.click("plan_counter")
    pilot.click("tab_plan")
    check_screen(pilot, seen)
    pilot.click("end_turn")
    if pilot.modal == "confirm_end":
        pilot.click("confirm_end_turn")


def answer_with_mouse(pilot: Pilot, seen: dict[str, list[str]]) -> None:
    pilot.click("questions_start")
    for n in range(len(pilot.app.session.questions())):
        check_screen(pilot, seen)
        pilot.click(f"rating_{7 - n % 7}")
        pilot.click("question_next")


def play_with_mouse(pilot: Pilot) -> dict[str, list[str]]:
    """From the title screen to the debrief, clicking only."""
    seen: dict[str, list[str]] = {}
    buttons = {"briefing": "start", "feed": "open_desk", "resolve": "next"}
    check_screen(pilot, seen)
    pilot.click("new_game")
    for _ in range(MAX_TURNS):
        check_screen(pilot, seen)
        scene = pilot.scene
        if scene == "decide":
            mouse_desk(pilot, seen)
        elif scene in buttons:
            pilot.click(buttons[scene])
        elif scene == "questions":
            answer_with_mouse(pilot, seen)
        elif scene == "ending":
            pilot.click("debrief")
            rate_after_the_game(pilot)
            break
        else:
            raise AssertionError(f"unexpected scene {scene}")
    assert pilot.scene == "debrief"
    check_screen(pilot, seen)
    return seen
