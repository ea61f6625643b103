"""Players that imitate the shortcuts a student finds in a few games without learning the
lesson.  A scenario teaches when none of them wins often (``docs/balance.md``)."""

from __future__ import annotations

import random

from game.content.openness import most_open
from game.engine.actions import AnswerCrisis, PostMessage
from game.engine.game import Game
from game.engine.vocabulary import Tone
from game.simulation.lesson import lesson, lesson_besides_crises
from game.simulation.moves import answer_as_taught, rotating_posts, try_action, unrelated_topics

_CALM = (Tone.FACTUAL, Tone.EMPATHETIC)


def longest_label(game: Game, rng: random.Random) -> None:
    """Answers every crisis with its longest label (the most detailed answer looks the
    most serious), posts facts to every audience, never counters."""
    for event in game.open_crises():
        choices = sorted(game.choices_shown(event),
                         key=lambda c: -max(map(len, c.label.as_dict().values())))
        for choice in choices:
            if try_action(game, AnswerCrisis(event.id, choice.id)):
                break
    rotating_posts(game, rng, Tone.FACTUAL)


def sounds_open(game: Game, rng: random.Random) -> None:
    """Answers every crisis with the answer whose label sounds most open (publish, name,
    everything, transparency; not quietly, nothing, accuse: ``content/openness.py``) and
    otherwise plays exactly as the lesson player.  It wins only if the crises reward
    sounding transparent over what the seeds teach (verify first, attribute only on
    evidence, protect people, do not amplify a rumour)."""
    for event in game.open_crises():
        shown = game.choices_shown(event)
        while shown:
            choice = shown.pop(most_open(c.label for c in shown))
            if try_action(game, AnswerCrisis(event.id, choice.id)):
                break
    lesson_besides_crises(game, rng)


def ignore_disinfo(game: Game, rng: random.Random) -> None:
    """Answers crises as the lesson says, posts calm messages on unrelated topics, and
    leaves the disinformation alone."""
    answer_as_taught(game)
    topics = unrelated_topics(game)
    while game.state.budget > 0:
        before = game.state.budget
        rotating_posts(game, rng, rng.choice(_CALM), topic=rng.choice(topics))
        if game.state.budget == before:
            break


def topic_posts(game: Game, rng: random.Random) -> None:
    """Answers crises as the lesson says and answers every narrative with calm posts on
    its topic instead of counter-measures."""
    answer_as_taught(game)
    live = {r.id for r in game.live_narratives()}
    answering = [t.id for t in game.scenario.topics if t.narrative in live]
    topic = rng.choice(answering) if answering else None
    rotating_posts(game, rng, rng.choice(_CALM), topic=topic)


def same_post(game: Game, rng: random.Random) -> None:
    """Sends one and the same post with every action point, all game long; answers no
    crisis and counters nothing."""
    s = game.scenario
    audience = s.audiences[0]
    languages = s.country.post_languages
    language = audience.language if audience.language in languages else languages[0]
    action = PostMessage(s.channel_ids[0], audience.id, Tone.FACTUAL, s.topics[0].id, language)
    while game.state.budget > 0 and try_action(game, action):
        pass


def crisis_only(game: Game, rng: random.Random) -> None:
    """Answers crises as the lesson says, and does nothing else."""
    answer_as_taught(game)


def good_start(game: Game, rng: random.Random) -> None:
    """Plays the lesson for the first half of the game, then nothing at all: leaves the
    later crises unanswered and the narratives free to grow back.  A playtester did this
    and got the best ending, whose text said the tension had eased."""
    if game.state.turn <= game.scenario.meta.turns // 2:
        lesson(game, rng)
