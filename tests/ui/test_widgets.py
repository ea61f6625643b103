"""Widgets at the largest text size: feed cards, the narratives panel, page keys, the text
field's paste."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pygame
import pytest

from game.paths import SCENARIOS_DIR
from game.presentation.viewmodel import NarrativeView, PostView
from game.ui.pilot import Pilot
from game.ui.settings import Settings
from game.ui.theme import Theme
from game.ui.widgets import feed
from game.ui.widgets.dashboard import NarrativesView
from game.ui.widgets.feed import _text_x, card_rows
from game.ui.widgets.textentry import TextEntry

Start = Callable[..., AbstractContextManager[Pilot]]


@pytest.fixture
def largest(start: Start) -> Iterator[Pilot]:
    with start(settings=Settings("fr", "largest", False, 0), lang="fr") as pilot:
        yield pilot


def post(tag: str) -> PostView:
    return PostView(key=1, name="Ministère des Affaires étrangères de Valmérie",
                    handle="@MAE_Valmerie", initials="MA", colour_key="player", verified=True,
                    when="Jour 2", text="Un texte.", likes=0, shares=0, kind="player",
                    new=True, tag=tag)


def test_a_long_tag_stays_on_its_card(largest: Pilot) -> None:
    theme: Theme = largest.app.theme
    width = 330
    tag = ("sur Pictogram, cible\u00a0: Association des Valmériens de l'étranger et "
           "Ressortissants valmériens en Ardanie")
    rows = card_rows(theme, post(tag), width)
    room = width - _text_x(theme) - theme.pad
    bold = theme.font("small", True)
    tags = [text for kind, text in rows if kind == "tag"]
    assert len(tags) >= 2
    assert all(bold.size(line)[0] <= room for line in tags)  # measured as it is drawn


def test_wrapped_cards_are_kept_up_to_a_bound_least_recently_used_first(
        largest: Pilot) -> None:
    """Every screen lays out the whole feed again: the cards it just used stay wrapped,
    and the cache never holds more than its bound (it grew and emptied over long games)."""
    theme: Theme = largest.app.theme
    feed._rows.clear()
    often = card_rows(theme, post("souvent"), 330)
    oldest = card_rows(theme, post("tag 0"), 330)
    for n in range(1, feed.ROWS_KEPT + 50):
        last = card_rows(theme, post(f"tag {n}"), 330)
        if n % 100 == 0:
            assert card_rows(theme, post("souvent"), 330) is often  # used again: kept
        assert len(feed._rows) <= feed.ROWS_KEPT
    assert len(feed._rows) == feed.ROWS_KEPT
    assert card_rows(theme, post("souvent"), 330) is often
    assert card_rows(theme, post(f"tag {feed.ROWS_KEPT + 49}"), 330) is last
    again = card_rows(theme, post("tag 0"), 330)  # unused since: dropped, wrapped again
    assert again is not oldest and again == oldest


def test_drawn_cards_are_reused_across_screens_until_anything_shown_changes(
        largest: Pilot) -> None:
    """A rebuilt feed takes the card it drew before; a card whose text, counts, language
    or images changed is drawn again, and the cache stays within its bound."""
    from dataclasses import replace

    from game.i18n import set_language
    from game.ui import images

    theme: Theme = largest.app.theme
    feed._cards.clear()
    card = feed.cached_card(theme, post("tag"), 330)
    assert feed.cached_card(theme, post("tag"), 330) is card
    for changed in (replace(post("tag"), text="Un autre texte."), replace(post("tag"), likes=3),
                    replace(post("tag"), new=False)):
        assert feed.cached_card(theme, changed, 330) is not card
    assert feed.cached_card(theme, post("tag"), 400) is not card
    set_language("en")
    try:
        assert feed.cached_card(theme, post("tag"), 330) is not card  # "likes", not "j'aime"
    finally:
        set_language("fr")
    images.forget()  # F5: an avatar may have been replaced
    assert feed.cached_card(theme, post("tag"), 330) is not card
    for n in range(feed.CARDS_KEPT + 5):
        feed.cached_card(theme, post(f"tag {n}"), 330)
    assert len(feed._cards) == feed.CARDS_KEPT


def test_a_count_up_frame_looks_as_the_card_drawn_whole_at_those_counts(
        largest: Pilot) -> None:
    """During the count-up only the counts are drawn on a card body kept from the first
    frame: every frame must look exactly as the card rendered whole at its counts."""
    from dataclasses import replace

    theme: Theme = largest.app.theme
    grown = replace(post("tag"), likes=1200, shares=340)
    view = feed.FeedView(pygame.Rect(0, 0, 360, 600), largest.app.ui, theme, [grown],
                         {grown.key: (100, 20)})
    width = view.rect.width - view.scrollbar_width
    for age in (0.1, 0.4, 0.7):
        view.age = age
        likes, shares = view.counts(grown)
        assert (likes, shares) != (grown.likes, grown.shares)  # a step of the count-up
        drawn = pygame.Surface(view.rect.size)
        drawn.fill((10, 20, 30))
        view.draw_content(drawn, 0)
        expected = pygame.Surface(view.rect.size)
        expected.fill((10, 20, 30))
        expected.blit(feed.render_card(theme, grown, width, likes, shares), (0, 0))
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(expected, "RGB")
    view.kill()


def test_long_audience_names_never_push_a_bar_onto_a_line_of_its_own(largest: Pilot) -> None:
    """Every bar has its name (beside it, or just above it for the whole panel when a name
    does not fit beside), and a name too long even so is cut with an ellipsis."""
    theme: Theme = largest.app.theme
    long_name = "Association des Valmériens de l'étranger (diaspora)"
    narrative = NarrativeView("n", "La rumeur", "spreading", "rumeur", 30.0,
                              [(long_name, 12.0), ("Public", 40.0)], [])
    view = NarrativesView(pygame.Rect(0, 0, 300, 600), largest.app.ui, theme, [narrative])
    try:
        bars = [payload for kind, payload, _ in view.rows if kind == "bar"]
        smalls = [payload for kind, payload, _ in view.rows if kind == "small"]
        width = 300 - 2 * theme.pad - view.scrollbar_width
        assert len(bars) == 3 and all(name for name, *_ in bars)  # a name with every bar
        assert view.bars_under and "Public" in [name for name, *_ in bars]
        assert all(theme.text_width(name, "small") <= view.name_width(width)
                   for name, *_ in bars)
        assert bars[1][0].endswith("…") and long_name not in smalls
        assert long_name in view.texts()
    finally:
        view.kill()
    short = NarrativeView("n", "La rumeur", "spreading", "rumeur", 30.0, [("Public", 40.0)], [])
    wide = NarrativesView(pygame.Rect(0, 0, 900, 600), largest.app.ui, theme, [short])
    try:
        assert not wide.bars_under  # names that fit stay beside their bars
    finally:
        wide.kill()


def test_page_down_scrolls_a_page_of_the_debrief(start: Start) -> None:
    with start(scenario=SCENARIOS_DIR / "tutorial.yaml") as pilot:
        from game.ui.scenes.debrief import DebriefScene

        pilot.click("new_game")
        game = pilot.game
        while not game.is_over():
            if game.may_start():
                game.start()
            elif game.may_open_desk():
                game.open_desk()
            elif game.may_pass_turn():
                game.pass_turn()
                game.resolve()
            else:
                game.advance()
        pilot.app.push(DebriefScene(pilot.app))
        pilot.settle()
        text = pilot.widget("debrief_text")
        assert pilot.focused == "debrief_text" and text.max_scroll > text.view_height
        pilot.press(pygame.K_PAGEDOWN)
        line = pilot.app.theme.line("body")
        assert text.scroll == text.view_height - line  # a page, keeping one line in view
        pilot.press(pygame.K_PAGEDOWN, pygame.K_PAGEUP)
        assert text.scroll == text.view_height - line
        pilot.press(pygame.K_DOWN)
        assert text.scroll == text.view_height  # an arrow: one line


def test_ctrl_v_pastes_into_any_text_field(largest: Pilot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    app = largest.app
    entry = TextEntry(pygame.Rect(0, 0, 300, 40), app.ui, app.theme, "Zoé ")
    try:
        monkeypatch.setattr(pygame.scrap, "get_text", lambda: "Martin\n2nde B")
        assert entry.handle_key(pygame.K_v, pygame.KMOD_LCTRL)
        assert entry.text == "Zoé Martin2nde B"  # the newline is not kept
        entry.caret = 0
        assert entry.handle_key(pygame.K_INSERT, pygame.KMOD_SHIFT)
        assert entry.text.startswith("Martin2nde BZoé")
        assert entry.handle_key(pygame.K_v, 0)  # a plain v is typed (as TEXTINPUT), not pasted
        assert entry.text.count("Martin") == 2

        def no_clipboard() -> str:
            raise pygame.error("no clipboard")

        monkeypatch.setattr(pygame.scrap, "get_text", no_clipboard)
        assert entry.handle_key(pygame.K_v, pygame.KMOD_LCTRL)  # nothing breaks
    finally:
        entry.kill()


def test_button_shapes_are_drawn_once_per_process(start: Start) -> None:
    """A new pygame_gui manager (another text size, another window) reuses the shapes
    drawn so far instead of drawing them again, supersampled."""
    with start(lang="en") as pilot:
        cache = pilot.app.ui.get_theme().shape_cache
        assert cache.cache_short_term_lookup or cache.cache_long_term_lookup  # title's shapes
        pilot.app.apply_settings(Settings("en", "largest", True, 0))
        assert pilot.app.theme.base == 24
        assert pilot.app.ui.get_theme().shape_cache is cache
    with start(lang="fr") as pilot:
        assert pilot.app.ui.get_theme().shape_cache is cache


def test_wrapping_is_measured_once_per_text_font_and_width() -> None:
    """Screens wrap the same texts at every rebuild: measured once, and every caller gets
    a list of its own (one that extends it must not change what the next one gets)."""
    from game.ui.theme import SafeFont, font_file
    from game.ui.widgets.textlayout import wrap

    class CountingFont(SafeFont):
        calls = 0

        def size(self, text: object) -> tuple[int, int]:
            CountingFont.calls += 1
            return super().size(text)

    pygame.font.init()
    path = font_file(False)
    font = CountingFont(str(path) if path else None, 16)
    text = "Un texte assez long pour tenir sur plusieurs lignes\u00a0: il faut le couper."
    first = wrap(text, font, 120)
    measured = CountingFont.calls
    assert len(first) > 1 and measured > 0
    first.append("ajouté")
    assert wrap(text, font, 120) == first[:-1]
    assert CountingFont.calls == measured  # not measured again
    assert wrap(text, font, 300) != first[:-1]  # another width: wrapped anew
    assert CountingFont.calls > measured
