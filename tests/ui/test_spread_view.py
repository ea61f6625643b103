"""The results screen's spread view and badge moment (issue 13, items 5 and 6): the model
read from the engine, the text version, the move that any key or click ends, the badge
named with why its counter fits, nothing cut in either language."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pygame
import pytest

from game import i18n
from game.engine.actions import Counter
from game.engine.game import Game
from game.engine.vocabulary import Measure
from game.paths import SCENARIOS_DIR
from game.ui.pilot import Pilot
from game.ui.scenes.resolve import results_blocks
from game.ui.settings import Settings
from game.ui.spread_model import spread_lines, spread_model
from game.ui.widgets.spread import DURATION, STRIKE_MOODS, SpreadView, legend_entries
from tests.conftest import MINIMAL
from tests.engine.test_techniques import at_turn, resolve

Start = Callable[..., AbstractContextManager[Pilot]]


def _counter_game(minimal: object, measure: Measure, audience: str | None = None) -> Game:
    game = at_turn(minimal, 3)  # type: ignore[arg-type]
    run = game.state.narratives["fake"]
    for a in run.reach:
        run.reach[a] = 40.0
    run.weighted = 40.0
    return resolve(game, Counter("fake", measure, audience))


def test_the_model_holds_the_reach_before_and_after_and_where_counters_struck(
        minimal: object) -> None:
    game = _counter_game(minimal, Measure.DEBUNK)
    model = spread_model(game)
    assert model is not None
    assert [a.id for a in model.audiences] == ["domestic", "foreign"]
    assert [a.chamber for a in model.audiences] == [False, True]  # echo 0.2 and 0.6
    assert sum(a.share for a in model.audiences) == 1.0
    (n,) = model.narratives
    assert n.before == {"domestic": 40.0, "foreign": 40.0}
    assert n.after == game.state.narratives["fake"].reach
    (strike,) = n.strikes
    assert strike.mood == "good" and strike.audiences == ("domestic", "foreign")
    prebunk = spread_model(_counter_game(minimal, Measure.PREBUNK, "foreign"))
    assert prebunk is not None and prebunk.narratives[0].strikes[0].audiences == ("foreign",)
    monitored = spread_model(_counter_game(minimal, Measure.MONITOR))
    assert monitored is not None and monitored.narratives[0].strikes == ()


def test_no_narrative_live_no_spread_view(minimal: object) -> None:
    game = at_turn(minimal, 1)  # type: ignore[arg-type]
    resolve(game)
    assert spread_model(game) is None


def test_the_view_in_words_says_each_audience_before_and_after(minimal: object) -> None:
    game = _counter_game(minimal, Measure.DEBUNK)
    model = spread_model(game)
    assert model is not None
    lines = spread_lines(model)
    assert lines[0].startswith("“Fake video”: reach from 40% to ")
    assert "Domestic public from 40% to " in lines[1]
    assert "Foreign public (echo chamber) from 40%" in lines[1]
    assert lines[2] == "Hit: Debunk with evidence (every audience)."
    i18n.set_language("fr")
    lines = spread_lines(model)  # the model's titles were picked in English; the words are
    assert "(chambre d'écho)" in lines[1] and "tous les publics" in lines[2]
    assert lines[2].count(":") == 1 and "auprès de" not in lines[2], lines[2]
    texts = [b.text for b in results_blocks(game)]
    assert "Comment les récits se sont propagés ce tour-ci" in texts


def test_the_badge_is_told_at_once_with_why_the_counter_fits(minimal: object) -> None:
    game = _counter_game(minimal, Measure.DEBUNK)
    texts = [b.text for b in results_blocks(game)]
    assert texts[0] == "Badge earned: Deepfake unmasked"
    assert "Debunk with evidence against “Fake video” (technique: deepfake)" in texts[1]
    assert texts[2].startswith("A false claim is answered with verified facts")
    assert texts.index("Because of what you did") == 3
    monitored = [b.text for b in results_blocks(_counter_game(minimal, Measure.MONITOR))]
    assert not any(t.startswith("Badge earned") for t in monitored)


def _results(pilot: Pilot) -> None:
    game = pilot.game
    game.start()
    while game.state.turn < 3:
        game.play_turn(lambda _game: None)  # turns 1 and 2 passed
    game.open_desk()
    run = game.state.narratives["fake"]
    for a in run.reach:
        run.reach[a] = 40.0
    run.weighted = 40.0
    game.act(Counter("fake", Measure.DEBUNK))
    game.pass_turn()
    game.resolve()
    pilot.settle()
    assert pilot.scene == "resolve"


def test_the_move_plays_briefly_and_any_key_ends_it(start: Start) -> None:
    with start(scenario=MINIMAL) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        _results(pilot)
        view = pilot.widget("spread")
        assert isinstance(view, SpreadView) and view.animating()
        assert pilot.app.scene.animating()
        pilot.press(pygame.K_DOWN)  # any key ends the move (and still does its own job)
        assert pilot.scene == "resolve" and not view.animating()
        assert pilot.game.state.turn == 3
        assert not pilot.app.scene.animating()


def test_a_click_ends_the_move_and_a_rebuild_does_not_replay_it(start: Start) -> None:
    with start(scenario=MINIMAL) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        _results(pilot)
        pilot.click_at(pilot.widget("spread").rect.center)
        assert not pilot.widget("spread").animating() and pilot.scene == "resolve"
        pilot.resize((1100, 760))
        pilot.settle()
        assert not pilot.widget("spread").animating()


def test_enter_during_the_move_goes_on_to_the_next_turn(start: Start) -> None:
    with start(scenario=MINIMAL) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        _results(pilot)
        assert pilot.widget("spread").animating() and pilot.focused == "next"
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "feed" and pilot.game.state.turn == 4


def test_the_move_ends_by_itself(start: Start) -> None:
    with start(scenario=MINIMAL) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        _results(pilot)
        pilot.step(round(DURATION * 60) + 10)
        assert not pilot.widget("spread").animating()
        assert not pilot.app.scene.animating()


@pytest.mark.parametrize(("lang", "size"), [("en", "normal"), ("fr", "largest")])
def test_nothing_is_cut_in_either_language_at_any_text_size(start: Start, lang: str,
                                                              size: str) -> None:
    settings = Settings(language=lang, text_size=size)
    with start(scenario=MINIMAL, lang=lang, settings=settings) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        _results(pilot)
        pilot.step(round(DURATION * 60) + 10)
        assert pilot.clipped() == [] and pilot.offscreen() == []
        badge = "Badge obtenu\u00a0: Deepfake démasqué" if lang == "fr" \
            else "Badge earned: Deepfake unmasked"
        assert pilot.shows(badge)



def test_a_view_taller_than_its_room_can_be_scrolled_with_the_keys(start: Start) -> None:
    settings = Settings(language="fr", text_size="largest")
    with start(scenario=MINIMAL, lang="fr", settings=settings, size=(900, 560)) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        _results(pilot)
        view = pilot.widget("spread")
        assert view.max_scroll > 0 and view.focusable
        pilot.tab_to("spread")
        pilot.press(pygame.K_DOWN)
        assert view.scroll > 0


def test_the_legend_shows_a_sample_of_every_mark_the_view_draws() -> None:
    """Each mark has its entry: the audience's circle, the echo chamber's double wall, the
    reach now (filled), the reach before (ring), the figure, and a diamond in each colour
    a strike can take (good, did little, backfired), in words in both languages."""
    kinds = [kind for kind, _text in legend_entries()]
    assert kinds == ["audience", "chamber", "reach", "before", "figure", *STRIKE_MOODS]
    # Every mood a strike can have (spread_model._strike) has its colour in the legend:
    # "muted" (did little) is drawn in the warning colour.
    assert set(STRIKE_MOODS.values()) == {"good", "warn", "bad"}
    english = [text for _kind, text in legend_entries()]
    i18n.set_language("fr")
    french = [text for _kind, text in legend_entries()]
    assert all(f != e for f, e in zip(french, english, strict=True))
    assert "Une chambre d'écho (double paroi)" in french


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_legend_explains_the_echo_chamber_only_where_there_is_one_and_shows_no_data(
        start: Start, lang: str) -> None:
    """The legend's figure is a placeholder ("n %": a "12 %" was read as data), and the
    echo chamber's entry appears only in a scenario that has one."""
    with start(scenario=MINIMAL, lang=lang) as pilot:
        pilot.press(pygame.K_RETURN)
        pilot.settle()
        _results(pilot)
        view = pilot.widget("spread")
        kinds = [kind for kind, *_rest in view.legend]
        assert ("chamber" in kinds) == any(a.chamber for a in view.model.audiences)
        assert "figure" in kinds
        assert view._sample().get_width() > 0


def test_the_circles_keep_one_scale_over_the_game(start: Start) -> None:
    """Sized for every narrative of the scenario: the same radius on a turn with one live
    narrative as on one with three, the view only shorter."""
    with start(scenario=SCENARIOS_DIR / "deepfake_summit.yaml", lang="fr") as pilot:
        session = pilot.app.session
        game = session.new_game(session.scenarios()[0])
        game.start()
        seen: dict[int, tuple[int, int]] = {}  # live narratives -> (radius, view height)
        while not game.is_over():
            game.open_desk()
            game.pass_turn()
            game.resolve()
            pilot.app.enter_game()
            pilot.settle()
            view = pilot.app.scene.widgets.get("spread")
            if isinstance(view, SpreadView):
                seen[len(view.model.narratives)] = (view.radius, view.rect.height)
                assert view.max_scroll == 0  # all of it in sight at normal text size
                assert pilot.clipped() == []
            game.advance()
        assert {1, 3} <= set(seen), seen
        assert len({radius for radius, _height in seen.values()}) == 1, seen
        assert seen[1][1] < seen[3][1]
