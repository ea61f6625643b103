"""Moves the scripted players share: try an action, post in an audience's language,
answer crises by a rule.  Players see only what a student sees."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from game.content.teaching import LESSON_WEIGHTS
from game.engine.actions import Action, AnswerCrisis, PostMessage
from game.engine.game import Game, IllegalAction
from game.engine.vocabulary import Tone


def try_action(game: Game, action: Action) -> bool:
    try:
        game.act(action)
    except IllegalAction:
        return False
    return True


def choice_value(choice: Any, weights: Mapping[str, float]) -> float:
    value = 0.0
    for call in choice.effects:
        if call.name == "change":
            value += sum(weights.get(str(k), 0.0) * v for k, v in call.args.items())
    return float(value - 0.5 * choice.cost)


def answer_all(game: Game, weights: Mapping[str, float]) -> None:
    for event in game.open_crises():
        assert event.crisis is not None
        choices = sorted(event.crisis.choices, key=lambda c: -choice_value(c, weights))
        for choice in choices:
            if try_action(game, AnswerCrisis(event.id, choice.id)):
                break


def post(game: Game, tone: Tone, rng: random.Random, *, kinds: tuple[str, ...] = (),
          match_language: bool = True, topic: str | None = None) -> bool:
    s = game.scenario
    audiences = s.audiences if not kinds else (
        [a for a in s.audiences if a.kind.value in kinds] or s.audiences)
    audience = rng.choice(audiences)
    languages = s.country.post_languages
    language = audience.language if match_language and audience.language in languages \
        else rng.choice(languages)
    topic_id = topic or rng.choice(s.topics).id
    channel = rng.choice(s.channel_ids)
    return try_action(game, PostMessage(channel, audience.id, tone, topic_id, language))


def fill_with_posts(game: Game, rng: random.Random, tones: tuple[Tone, ...], **kw: Any) -> None:
    for _ in range(10):
        if game.state.budget <= 0 or not post(game, rng.choice(tones), rng, **kw):
            break


def rotating_posts(game: Game, rng: random.Random, tone: Tone, kinds: tuple[str, ...] = (),
                    topic: str | None = None) -> None:
    """Posts in each audience's language, going round the audiences (no audience fatigue)."""
    s = game.scenario
    audiences = [a for a in s.audiences if not kinds or a.kind.value in kinds] or list(
        s.audiences)
    start = game.state.turn
    for i in range(len(audiences) * 2):
        if game.state.budget <= 0:
            return
        audience = audiences[(start + i) % len(audiences)]
        languages = s.country.post_languages
        language = audience.language if audience.language in languages else languages[0]
        topic_id = topic or rng.choice(s.topics).id
        try_action(game, PostMessage(rng.choice(s.channel_ids), audience.id, tone, topic_id,
                               language))




# The lesson's priorities (credibility and low tension first): the checker weighs a crisis
# answer's marks with the same weights.
TEXTBOOK_WEIGHTS = LESSON_WEIGHTS


def answer_as_taught(game: Game) -> None:
    """Answers every open crisis with the choice the scenario marks as the lesson's
    (never one marked poor); a crisis without marks is answered with its most credible,
    de-escalating choice, read from its effects."""
    for event in game.open_crises():
        shown = game.choices_shown(event)
        marked = [c for c in shown if c.lesson == "recommended"]
        if not marked and not any(c.lesson for c in shown):
            marked = sorted(shown, key=lambda c: -choice_value(c, TEXTBOOK_WEIGHTS))
        elif not marked:
            marked = [c for c in shown if c.lesson != "poor"]
        for choice in marked:
            if try_action(game, AnswerCrisis(event.id, choice.id)):
                break


def unrelated_topics(game: Game) -> list[str]:
    """Topics that answer no narrative."""
    return [t.id for t in game.scenario.topics if not t.narrative] or \
        [t.id for t in game.scenario.topics]
