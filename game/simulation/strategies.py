"""Scripted players for the balance simulator.

Each strategy plans its actions for one *decide* phase.  None of them reads the future:
they see what a player sees (open crises, live narratives and their phase, the gauges).
``lesson`` plays what the scenario teaches (the marked answers, the fitting counter for
each technique); the shortcut players (``shortcuts.py``) imitate what a student who has
not learnt the lesson tries; ``textbook``, ``empathetic`` and ``firm`` judge a crisis
choice by the effects written in the file, which a student never sees: upper bounds.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.engine.actions import AnswerCrisis, Counter
from game.engine.game import Game
from game.engine.vocabulary import INAUTHENTIC_TECHNIQUES, Measure, NarrativePhase, Tone
from game.simulation.lesson import lesson
from game.simulation.moves import (
    TEXTBOOK_WEIGHTS,
    answer_all,
    fill_with_posts,
    post,
    rotating_posts,
    try_action,
)
from game.simulation.newer_measures import try_newer
from game.simulation.shortcuts import (
    crisis_only,
    good_start,
    ignore_disinfo,
    longest_label,
    same_post,
    sounds_open,
    topic_posts,
)

Strategy = Callable[[Game, random.Random], None]
NP = NarrativePhase


def passive(game: Game, rng: random.Random) -> None:
    """Does nothing at all: never posts, never answers, never counters."""


def random_player(game: Game, rng: random.Random) -> None:
    """Picks any legal action at random until the action points are spent."""
    s = game.scenario
    for _ in range(20):
        if game.state.budget <= 0:
            return
        kind = rng.choice(_KINDS)
        crises = game.open_crises() if kind == "answer" else None
        runs = game.live_narratives() if kind == "counter" else None
        if crises:
            event = rng.choice(crises)
            assert event.crisis is not None
            try_action(game, AnswerCrisis(event.id, rng.choice(event.crisis.choices).id))
        elif runs:
            run = rng.choice(runs)
            audience = rng.choice(s.audiences).id
            try_action(game, Counter(run.id, rng.choice(s.measures), audience))
        else:
            post(game, rng.choice(TONES), rng, match_language=rng.random() < 0.5)


_KINDS = ("post", "post", "answer", "counter")
TONES = tuple(Tone)  # ``list(Tone)`` at each post was a measurable share of a random game


def always_confront(game: Game, rng: random.Random) -> None:
    """Hits back at everything: the most escalating answer to every crisis, public
    attribution of every narrative, confrontational posts."""
    answer_all(game, {"tension": 1.0, "domestic_support": 0.5})
    for run in game.live_narratives():
        try_action(game, Counter(run.id, Measure.ATTRIBUTE))
    fill_with_posts(game, rng, (Tone.CONFRONTATIONAL,), kinds=("country", "foreign"))


def always_debunk(game: Game, rng: random.Random) -> None:
    """Debunks every narrative as soon as it appears, every turn; takes the first answer
    shown for each crisis; posts facts with what is left."""
    for run in game.live_narratives():
        try_action(game, Counter(run.id, Measure.DEBUNK))
    for event in game.open_crises():  # the first answer shown (choices are shuffled)
        try_action(game, AnswerCrisis(event.id, game.choices_shown(event)[0].id))
    fill_with_posts(game, rng, (Tone.FACTUAL,))


def textbook(game: Game, rng: random.Random) -> None:
    """An upper bound, not a student: reads the effect numbers in the file (which a student
    never sees) to pick crisis answers.  Otherwise follows the seeds' advice: answers
    crises with the most credible, de-escalating choice; watches new narratives, prebunks
    the most receptive audience, debunks once a narrative spreads, reports inauthentic
    accounts, brings in fact-checkers when one goes viral; posts factual or empathetic
    messages in each audience's language."""
    answer_all(game, TEXTBOOK_WEIGHTS)
    s = game.scenario
    for run in game.live_narratives():
        narrative = s.narrative_by_id[run.id]
        if run.phase is NP.EMERGING:
            try_action(game, Counter(run.id, Measure.MONITOR))
            receptive = max(s.audiences, key=lambda a: a.echo_chamber)
            try_action(game, Counter(run.id, Measure.PREBUNK, receptive.id))
        elif run.phase in (NP.SPREADING, NP.VIRAL, NP.ENTRENCHED):
            if narrative.technique in INAUTHENTIC_TECHNIQUES:
                try_action(game, Counter(run.id, Measure.REPORT))
            if run.phase is not NP.SPREADING:
                try_action(game, Counter(run.id, Measure.FACTCHECK))
            try_action(game, Counter(run.id, Measure.DEBUNK))
            try_newer(game, run)  # a measure its rules do not name, where it fits
    answering = [t.id for t in s.topics if t.narrative and t.narrative in {
        r.id for r in game.live_narratives()}]
    topic = rng.choice(answering) if answering else None
    fill_with_posts(game, rng, (Tone.FACTUAL, Tone.EMPATHETIC), topic=topic)


_EMPATHETIC_WEIGHTS = {"soft_power": 1.0, "domestic_support": 0.8, "credibility": 0.6,
                       "tension": -0.6, "cyber_security": 0.3}


def empathetic(game: Game, rng: random.Random) -> None:
    """Listens before it answers: picks the crisis choices that protect people and the
    country's image, never debunks or accuses, prebunks and watches narratives, runs a
    media-literacy campaign, and speaks with empathy to every audience in its language."""
    answer_all(game, _EMPATHETIC_WEIGHTS)
    s = game.scenario
    for run in game.live_narratives():
        try_action(game, Counter(run.id, Measure.MONITOR))
        narrative = s.narrative_by_id[run.id]
        if narrative.technique in INAUTHENTIC_TECHNIQUES and run.phase is not NP.EMERGING:
            try_action(game, Counter(run.id, Measure.REPORT))
    if game.live_narratives():
        run = game.live_narratives()[0]
        try_action(game, Counter(run.id, Measure.LITERACY))
        receptive = max(s.audiences, key=lambda a: a.echo_chamber - game.state.inoculation[a.id])
        try_action(game, Counter(run.id, Measure.PREBUNK, receptive.id))
    rotating_posts(game, rng, Tone.EMPATHETIC)


_FIRM_WEIGHTS = {"credibility": 1.0, "cyber_security": 0.8, "domestic_support": 0.6,
                 "tension": -0.2, "soft_power": 0.2}


def firm(game: Game, rng: random.Random) -> None:
    """Stands on facts and names names: picks the most credible answers even when they
    raise tension, publicly attributes state-sponsored campaigns once the evidence is in,
    reports and debunks spreading narratives, and posts firm, factual messages."""
    answer_all(game, _FIRM_WEIGHTS)
    s = game.scenario
    for run in game.live_narratives():
        narrative = s.narrative_by_id[run.id]
        evidence = narrative.evidence_flag is None or narrative.evidence_flag in game.state.flags
        if run.phase in (NP.SPREADING, NP.VIRAL, NP.ENTRENCHED):
            if narrative.state_sponsored and evidence:
                try_action(game, Counter(run.id, Measure.ATTRIBUTE))
            try_action(game, Counter(run.id, Measure.REPORT))
            if evidence:
                try_action(game, Counter(run.id, Measure.DEBUNK))
    tone = Tone.ASSERTIVE if game.state.turn % 2 else Tone.FACTUAL
    rotating_posts(game, rng, tone, kinds=("journalists", "foreign", "country", "domestic"))


STRATEGIES: dict[str, Strategy] = {
    "lesson": lesson,
    "random": random_player,
    "passive": passive,
    "always_confront": always_confront,
    "always_debunk": always_debunk,
    "longest_label": longest_label,
    "sounds_open": sounds_open,
    "ignore_disinfo": ignore_disinfo,
    "topic_posts": topic_posts,
    "same_post": same_post,
    "crisis_only": crisis_only,
    "good_start": good_start,
    "textbook": textbook,
    "empathetic": empathetic,
    "firm": firm,
}
# Players that imitate a shortcut a student finds in a few games: none may win often.
SHORTCUTS = ("random", "passive", "always_confront", "always_debunk", "longest_label",
             "sounds_open", "ignore_disinfo", "topic_posts", "same_post", "crisis_only",
             "good_start")
# Players that read the effect numbers in the file (an answer key): upper bounds only.
ANSWER_KEY_READERS = ("textbook", "empathetic", "firm")
