"""Scripted games on every bundled scenario: no note under a result claims what the
changes shown beside it contradict — a post's audience line names only gauges its shown
changes moved, a tone line says what the tone usually does, the early-warning note is
never on a report (it acts next turn), and a counter with nothing to show says when it
acts instead of standing beside « no visible change »."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game import i18n
from game.content.loader import load_scenario
from game.engine.actions import PostMessage
from game.engine.game import Game
from game.engine.state import Outcome
from game.engine.vocabulary import Channel, Tone
from game.paths import SCENARIOS_DIR
from game.presentation import labels
from game.presentation.post_reasons import audience_claim, audience_text, post_reasons
from game.presentation.turn_changes import turn_changes
from game.ui.scenes.resolve import badge_blocks, outcome_blocks
from tests.ui.test_figures_agree import results_of

SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))
PLAYERS = ("lesson", "random", "topic_posts")
NO_CHANGE = "No change you can see on the gauges this turn."


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def check_results(game: Game, where: str) -> int:
    """Every player outcome of this turn's results; returns how many posts were checked."""
    posts = 0
    for line in turn_changes(game).lines:
        o = line.outcome
        if o.source not in labels.PLAYER_SOURCES:
            continue
        texts = [b.text for b in outcome_blocks(game, o, line)]
        for text in texts:  # the old wording claimed a gauge "moves most" whatever moved
            assert "moves most" not in text and "move most" not in text, (where, text)
        if o.source == "post":
            posts += 1
            claim = audience_claim(game, o, line.deltas)
            assert claim is not None, where
            for gauge in claim.moved:
                assert line.deltas.get(gauge), (where, gauge, line.deltas)
            assert not set(claim.amplified) & {k for k, v in line.deltas.items() if v} or \
                claim.moved, (where, claim, line.deltas)
            assert audience_text(game, claim) in texts, where
            assert " usually " in post_reasons(game, o, line.deltas)[0], where
        if o.source == "counter":
            assert not (o.ref.get("measure") == "report" and "early_warning" in o.notes), where
            if "counter_fits" in o.notes and not line.visible:
                assert NO_CHANGE not in texts, (where, o.ref, texts)
    return posts


def play(path: Path, player: str, seed: int) -> int:
    return sum(check_results(game, f"{path.name} {player} seed {seed} turn {game.state.turn}")
               for game in results_of(path, player, seed))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_no_note_contradicts_the_changes_beside_it(path: Path) -> None:
    posts = sum(play(path, player, seed) for player in PLAYERS for seed in (1, 2))
    assert posts > 0  # the check saw posts


def post_outcome(game: Game, audience: str, tone: Tone) -> Outcome:
    return Outcome(game.state.turn, "post", {"audience": audience, "tone": str(tone),
                                             "channel": "photo", "topic": "free_entry"})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_factual_post_to_home_opinion_does_not_say_support_moved(lang: str) -> None:
    """Shot 42: Credibility +2 · Reach +1 beside « domestic support moves most »."""
    i18n.set_language(lang)
    scenario = load_scenario(SCENARIOS_DIR / "tutorial.yaml").scenario
    assert scenario is not None
    game = Game(scenario, 1)
    domestic = next(a.id for a in scenario.audiences if a.kind == "domestic")
    outcome = post_outcome(game, domestic, Tone.FACTUAL)
    lines = post_reasons(game, outcome, {"credibility": 2, "reach": 1})
    claim = audience_claim(game, outcome, {"credibility": 2, "reach": 1})
    assert claim is not None and claim.moved == () and claim.amplified == ("domestic_support",)
    said = {"en": ("but this post did not move it", "usually"),
            "fr": ("mais cette publication ne l'a pas fait bouger", "en général")}[lang]
    assert said[0] in lines[1] and said[1] in lines[0], lines
    moved = audience_claim(game, outcome, {"domestic_support": 3})
    assert moved is not None and moved.moved == ("domestic_support",)
    text = audience_text(game, moved)
    assert ("soutien intérieur" if lang == "fr" else "domestic support") in text
    if lang == "fr":  # a non-breaking space before : and ;
        assert " :" not in text and " ;" not in text and "\u00a0:" in text


def test_a_post_on_a_topic_that_answers_no_narrative_earns_no_badge() -> None:
    """Shot 71: the rumour's badge comes only from a post whose topic answers the rumour."""
    scenario = load_scenario(SCENARIOS_DIR / "tutorial.yaml").scenario
    assert scenario is not None
    for topic, badge in (("culture_week", None), ("programme", "cancel_rumour")):
        game = Game(scenario, 1)
        game.start()
        game.ops.launch("cancel_rumour")
        game.open_desk()
        audience = next(a for a in scenario.audiences if a.kind == "foreign")
        game.act(PostMessage(Channel.PHOTO, audience.id, Tone.FACTUAL, topic,
                             str(audience.language)))
        game.pass_turn()
        game.resolve()
        assert [b["narrative"] for b in game.state.badges] == ([badge] if badge else []), topic
        shown = [b.text for b in badge_blocks(game)]
        if badge:  # the results name the topic that earned it
            assert "Your post was about “The Week's programme”: that topic answers " \
                "“The cancellation rumour”." in shown, shown
            i18n.set_language("fr")
            assert any("«\u00a0Le programme de la Semaine\u00a0»" in t for t in
                       (b.text for b in badge_blocks(game)))
            i18n.set_language("en")
        else:
            assert shown == []
