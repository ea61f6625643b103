"""The concept cards credit the student's decisions that practise a notion — monitoring,
a crisis answer, a post to a foreign public — and never a message the student only read
(the tutorial playtest: « Alerte précoce — Manquée » after Monitor, « Diplomatie publique
— Manquée » after a post to the Alvarian public, a card credited to « Message de Nadia »)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from game import i18n
from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.actions import AnswerCrisis, Counter, PostMessage
from game.engine.game import Game
from game.engine.vocabulary import Channel, Measure, Tone
from game.presentation.badge_text import how_to_earn
from game.reports.content import build_report
from game.reports.html_parts import mark_line
from game.simulation.runner import play_game

SCENARIOS = Path(__file__).parents[2] / "scenarios"


@cache
def scenario(name: str) -> Scenario:
    loaded = load_scenario(SCENARIOS / f"{name}.yaml")
    assert loaded.scenario is not None
    return loaded.scenario


def play(name: str, turns: dict[int, Callable[[Game], None]], seed: int = 3) -> Game:
    """A whole game: on turn t, *turns[t]* plans the actions; other turns pass."""
    game = Game(scenario(name), seed)
    game.start()
    while game.play_turn(lambda g: turns.get(g.state.turn, lambda _g: None)(g)):
        pass
    return game


def cards(game: Game) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in build_report(game, {}, {})["concepts"]["cards"]}


def post_to_alvarians(game: Game, tone: Tone = Tone.EMPATHETIC, language: str = "en") -> None:
    game.act(PostMessage(Channel.PHOTO, "alvarians", tone, "culture_week", language))


def monitor_the_scam(game: Game) -> None:
    game.act(AnswerCrisis("map_error", "apologise_fix"))
    game.act(Counter("fake_tickets", Measure.MONITOR))


def test_the_playtest_tutorial_credits_the_post_and_the_monitoring() -> None:
    game = play("tutorial", {1: post_to_alvarians, 2: monitor_the_scam})
    marked = cards(game)
    early = marked["early_warning"]
    assert early["mark"] == "well" and early["turn"] == 2
    assert early["decision"].startswith("Monitor")
    public = marked["public_diplomacy"]
    assert public["mark"] == "well" and public["turn"] == 1
    assert public["decision"].startswith("Post on")
    # Nadia's praise followed the post: the card names the post, the message is what followed.
    tailored = marked["tailored_content"]
    assert tailored["mark"] == "well" and tailored["decision"].startswith("Post on")
    assert "Nadia" in tailored["why"]
    for card in marked.values():
        assert "Message from" not in card["decision"], card


def test_monitoring_after_the_narrative_spread_is_no_early_warning() -> None:
    game = play("tutorial", {4: lambda g: g.act(Counter("fake_tickets", Measure.MONITOR))})
    run = game.state.narratives["fake_tickets"]
    assert run.spreading_turn is not None and run.spreading_turn < 4
    early = cards(game)["early_warning"]
    assert early["mark"] == "poor" and "too late" in early["why"]


def test_a_post_in_another_language_or_a_confrontational_one_is_handled_poorly() -> None:
    game = play("tutorial", {1: lambda g: post_to_alvarians(g, Tone.CONFRONTATIONAL, "fr")})
    marked = cards(game)
    assert marked["public_diplomacy"]["mark"] == "poor"
    assert marked["tailored_content"]["mark"] == "poor"


def test_only_reading_earns_nothing() -> None:
    """The passive player saw the early-warning alert and the welcome message: shown,
    still missed."""
    marked = cards(play_game(scenario("tutorial"), "passive", 2))
    for concept in ("early_warning", "public_diplomacy"):
        assert marked[concept]["shown"] and marked[concept]["mark"] == "missed"


def test_answering_the_deepfake_crises_practises_crisis_communication() -> None:
    game = play_game(scenario("deepfake_summit"), "lesson", 1)
    assert game.state.answers, "the lesson player answers crises"
    card = cards(game)["crisis_communication"]
    assert card["mark"] == "well" and card["decision"].startswith("Answer to")


def test_a_card_with_a_mixed_record_says_so_beside_the_decision_it_quotes() -> None:
    """A playtester read « Mal gérée — tour 4 : Pré-réfuter… » on the card whose right
    counter, the same turn, had earned a badge: a mixed record is told as one."""
    card = {"mark": "poor", "mark_label": "Handled poorly", "turn": 4,
            "decision": "Prebunk an audience", "well": 1, "poor": 1}
    i18n.set_language("en")
    assert mark_line(card) == ("Handled poorly — turn 4: Prebunk an audience (your decisions "
                               "about it: 1 handled well, 1 handled poorly)")
    i18n.set_language("fr")
    assert mark_line(dict(card, well=2)).endswith(
        "(vos décisions à ce sujet\u00a0: 2 bien gérées, 1 mal gérée)")
    assert "décisions" not in mark_line(dict(card, well=0))  # one-sided: the quote says it


def test_a_card_only_watched_is_not_said_to_be_about_no_decision() -> None:
    """Playtest: the timeline listed « Surveiller : « La rumeur de l'annulation » » under
    « Notion : Mésinformation et rumeur », and the card said none of the student's
    decisions was about it.  Monitoring earns no mark; the card says so."""
    i18n.set_language("en")
    game = play("tutorial", {3: lambda g: g.act(Counter("cancel_rumour", Measure.MONITOR))})
    card = cards(game)["misinformation"]
    assert card["mark"] == "missed" and card["watched"]
    assert "you monitored" in card["missed_reason"]
    assert "none of your decisions" not in card["missed_reason"]
    untouched = cards(play("tutorial", {}))["misinformation"]
    assert not untouched["watched"] and "you monitored" not in untouched["missed_reason"]


def test_a_badge_earned_by_a_post_says_where_posts_are_made() -> None:
    """Playtest: « Rumeur apaisée » asked for « Une publication calme sur le sujet », which
    the student looked for in vain among the Counter tab's measures."""
    i18n.set_language("fr")
    text = how_to_earn(Game(scenario("tutorial"), 1), "rumour")
    assert "(onglet Publier)" in text and "« Une publication calme" not in text
