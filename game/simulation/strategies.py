"""Scripted players for the balance simulator.

Each strategy plans its actions for one *decide* phase.  None of them reads the future:
they see what a player sees (open crises, live narratives and their phase, the gauges)
and judge a crisis choice by the effects written in the scenario, as a careful reader of
the choice's consequences would.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import Any

from game.engine.actions import Action, AnswerCrisis, Counter, PostMessage
from game.engine.game import Game, IllegalAction
from game.engine.vocabulary import INAUTHENTIC_TECHNIQUES, Measure, NarrativePhase, Tone

Strategy = Callable[[Game, random.Random], None]
NP = NarrativePhase


def _try(game: Game, action: Action) -> bool:
    try:
        game.act(action)
    except IllegalAction:
        return False
    return True


def _choice_value(choice: Any, weights: Mapping[str, float]) -> float:
    value = 0.0
    for call in choice.effects:
        if call.name == "change":
            value += sum(weights.get(str(k), 0.0) * v for k, v in call.args.items())
    return value - 0.5 * choice.cost


def _answer_all(game: Game, weights: Mapping[str, float]) -> None:
    for event in game.open_crises():
        assert event.crisis is not None
        choices = sorted(event.crisis.choices, key=lambda c: -_choice_value(c, weights))
        for choice in choices:
            if _try(game, AnswerCrisis(event.id, choice.id)):
                break


def _post(game: Game, tone: Tone, rng: random.Random, *, kinds: tuple[str, ...] = (),
          match_language: bool = True, topic: str | None = None) -> bool:
    s = game.scenario
    audiences = [a for a in s.audiences if not kinds or a.kind.value in kinds] or list(s.audiences)
    audience = rng.choice(audiences)
    languages = s.country.post_languages
    language = audience.language if match_language and audience.language in languages \
        else rng.choice(languages)
    topic_id = topic or rng.choice(s.topics).id
    channel = rng.choice(s.channel_ids)
    return _try(game, PostMessage(channel, audience.id, tone, topic_id, language))


def _fill_with_posts(game: Game, rng: random.Random, tones: tuple[Tone, ...], **kw: Any) -> None:
    for _ in range(10):
        if game.state.budget <= 0 or not _post(game, rng.choice(tones), rng, **kw):
            break


def passive(game: Game, rng: random.Random) -> None:
    """Does nothing at all: never posts, never answers, never counters."""


def random_player(game: Game, rng: random.Random) -> None:
    """Picks any legal action at random until the action points are spent."""
    s = game.scenario
    for _ in range(20):
        if game.state.budget <= 0:
            return
        kind = rng.choice(("post", "post", "answer", "counter"))
        if kind == "answer" and game.open_crises():
            event = rng.choice(game.open_crises())
            assert event.crisis is not None
            _try(game, AnswerCrisis(event.id, rng.choice(event.crisis.choices).id))
        elif kind == "counter" and game.live_narratives():
            run = rng.choice(game.live_narratives())
            audience = rng.choice(s.audiences).id
            _try(game, Counter(run.id, rng.choice(s.measures), audience))
        else:
            _post(game, rng.choice(list(Tone)), rng, match_language=rng.random() < 0.5)


def always_confront(game: Game, rng: random.Random) -> None:
    """Hits back at everything: the most escalating answer to every crisis, public
    attribution of every narrative, confrontational posts."""
    _answer_all(game, {"tension": 1.0, "domestic_support": 0.5})
    for run in game.live_narratives():
        _try(game, Counter(run.id, Measure.ATTRIBUTE))
    _fill_with_posts(game, rng, (Tone.CONFRONTATIONAL,), kinds=("country", "foreign"))


def always_debunk(game: Game, rng: random.Random) -> None:
    """Debunks every narrative as soon as it appears, every turn; takes the first answer to
    each crisis; posts facts with what is left."""
    for run in game.live_narratives():
        _try(game, Counter(run.id, Measure.DEBUNK))
    for event in game.open_crises():
        assert event.crisis is not None
        _try(game, AnswerCrisis(event.id, event.crisis.choices[0].id))
    _fill_with_posts(game, rng, (Tone.FACTUAL,))


_TEXTBOOK_WEIGHTS = {"credibility": 1.0, "soft_power": 0.6, "tension": -0.8,
                     "domestic_support": 0.4, "cyber_security": 0.6, "reach": 0.2}


def textbook(game: Game, rng: random.Random) -> None:
    """Follows the seeds' advice: answers crises with the most credible, de-escalating
    choice; watches new narratives, prebunks the most receptive audience, debunks once a
    narrative spreads, reports inauthentic accounts, brings in fact-checkers when one goes
    viral; posts factual or empathetic messages in each audience's language."""
    _answer_all(game, _TEXTBOOK_WEIGHTS)
    s = game.scenario
    for run in game.live_narratives():
        narrative = s.narrative_by_id[run.id]
        if run.phase is NP.EMERGING:
            _try(game, Counter(run.id, Measure.MONITOR))
            receptive = max(s.audiences, key=lambda a: a.echo_chamber)
            _try(game, Counter(run.id, Measure.PREBUNK, receptive.id))
        elif run.phase in (NP.SPREADING, NP.VIRAL, NP.ENTRENCHED):
            if narrative.technique in INAUTHENTIC_TECHNIQUES:
                _try(game, Counter(run.id, Measure.REPORT))
            if run.phase is not NP.SPREADING:
                _try(game, Counter(run.id, Measure.FACTCHECK))
            _try(game, Counter(run.id, Measure.DEBUNK))
    answering = [t.id for t in s.topics if t.narrative and t.narrative in {
        r.id for r in game.live_narratives()}]
    topic = rng.choice(answering) if answering else None
    _fill_with_posts(game, rng, (Tone.FACTUAL, Tone.EMPATHETIC), topic=topic)


_EMPATHETIC_WEIGHTS = {"soft_power": 1.0, "domestic_support": 0.8, "credibility": 0.6,
                       "tension": -0.6, "cyber_security": 0.3}


def _rotating_posts(game: Game, rng: random.Random, tone: Tone, kinds: tuple[str, ...] = (),
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
        _try(game, PostMessage(rng.choice(s.channel_ids), audience.id, tone, topic_id,
                               language))


def empathetic(game: Game, rng: random.Random) -> None:
    """Listens before it answers: picks the crisis choices that protect people and the
    country's image, never debunks or accuses, prebunks and watches narratives, runs a
    media-literacy campaign, and speaks with empathy to every audience in its language."""
    _answer_all(game, _EMPATHETIC_WEIGHTS)
    s = game.scenario
    for run in game.live_narratives():
        _try(game, Counter(run.id, Measure.MONITOR))
        narrative = s.narrative_by_id[run.id]
        if narrative.technique in INAUTHENTIC_TECHNIQUES and run.phase is not NP.EMERGING:
            _try(game, Counter(run.id, Measure.REPORT))
    if game.live_narratives():
        run = game.live_narratives()[0]
        _try(game, Counter(run.id, Measure.LITERACY))
        receptive = max(s.audiences, key=lambda a: a.echo_chamber - game.state.inoculation[a.id])
        _try(game, Counter(run.id, Measure.PREBUNK, receptive.id))
    _rotating_posts(game, rng, Tone.EMPATHETIC)


_FIRM_WEIGHTS = {"credibility": 1.0, "cyber_security": 0.8, "domestic_support": 0.6,
                 "tension": -0.2, "soft_power": 0.2}


def firm(game: Game, rng: random.Random) -> None:
    """Stands on facts and names names: picks the most credible answers even when they
    raise tension, publicly attributes state-sponsored campaigns once the evidence is in,
    reports and debunks spreading narratives, and posts firm, factual messages."""
    _answer_all(game, _FIRM_WEIGHTS)
    s = game.scenario
    for run in game.live_narratives():
        narrative = s.narrative_by_id[run.id]
        evidence = narrative.evidence_flag is None or narrative.evidence_flag in game.state.flags
        if run.phase in (NP.SPREADING, NP.VIRAL, NP.ENTRENCHED):
            if narrative.state_sponsored and evidence:
                _try(game, Counter(run.id, Measure.ATTRIBUTE))
            _try(game, Counter(run.id, Measure.REPORT))
            if evidence:
                _try(game, Counter(run.id, Measure.DEBUNK))
    tone = Tone.ASSERTIVE if game.state.turn % 2 else Tone.FACTUAL
    _rotating_posts(game, rng, tone, kinds=("journalists", "foreign", "country", "domestic"))


STRATEGIES: dict[str, Strategy] = {
    "random": random_player,
    "passive": passive,
    "always_confront": always_confront,
    "always_debunk": always_debunk,
    "textbook": textbook,
    "empathetic": empathetic,
    "firm": firm,
}
