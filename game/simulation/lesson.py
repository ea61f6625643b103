"""The lesson player: plays what the scenario teaches, as a student who has learnt it
would, without reading a single effect number.

It answers each crisis with the choice its author marks as recommended, watches every new
narrative while it is small (early warning), and once a narrative spreads answers it with
the counters that fit its technique in the table of ``engine/techniques.py``, in the order
a desk would use them; with its remaining points it posts calmly to each audience in its
language, on topics that answer no narrative unless a clear post is the fitting answer.
"""

from __future__ import annotations

import random

from game.engine import rules
from game.engine.actions import Counter, PostMessage, post_multiplier
from game.engine.game import Game
from game.engine.state import NarrativeRun
from game.engine.techniques import POST, Fit, judge
from game.engine.vocabulary import AudienceKind, Measure, NarrativePhase, Tone
from game.simulation.moves import answer_as_taught, rotating_posts, try_action, unrelated_topics
from game.simulation.newer_measures import try_newer

NP = NarrativePhase
# The order a desk reaches for its fitting counters: the platform and the target first
# (they take time to work), then the facts, then the long-term defences.
ORDER = (Measure.REPORT, Measure.SUPPORT, Measure.FACTCHECK, Measure.ATTRIBUTE,
         Measure.DEBUNK, POST, Measure.PREBUNK, Measure.LITERACY)
_ACTIVE = (NP.SPREADING, NP.VIRAL, NP.ENTRENCHED)


def lesson(game: Game, rng: random.Random) -> None:
    answer_as_taught(game)
    lesson_besides_crises(game, rng)


def lesson_besides_crises(game: Game, rng: random.Random) -> None:
    """Everything the lesson player does but answer crises: monitoring, fitting
    counters, calm posts (shortcut players that differ only in their crisis answers
    share it)."""
    runs = sorted(game.live_narratives(), key=lambda r: -r.weighted)
    for run in runs:
        if run.phase is NP.EMERGING and not run.monitored:
            try_action(game, Counter(run.id, Measure.MONITOR))
    for run in runs:
        if run.phase in _ACTIVE or run.weighted >= rules.STREISAND_BELOW:
            _counter(game, run)
    topics = unrelated_topics(game)
    while game.state.budget > 0:
        before = game.state.budget
        tone = Tone.FACTUAL if game.state.turn % 2 else Tone.EMPATHETIC
        rotating_posts(game, rng, tone, topic=rng.choice(topics))
        if game.state.budget == before:
            break


def _counter(game: Game, run: NarrativeRun) -> None:
    s, st = game.scenario, game.state
    narrative = s.narrative_by_id[run.id]
    evidence = narrative.evidence_flag is None or narrative.evidence_flag in st.flags
    debunks = sum(1 for c in st.counters if c["narrative"] == run.id and c["measure"] == "debunk")
    for counter in ORDER:
        if st.budget <= 0:
            return
        if judge(narrative, counter).fit is not Fit.FITS:
            continue
        if counter == Measure.ATTRIBUTE and not (narrative.state_sponsored and evidence):
            continue
        if counter == Measure.DEBUNK and (not evidence or debunks >= 2):
            continue
        if counter == POST:
            _clear_post(game, run)
        elif counter == Measure.PREBUNK:
            open_to_it = min(s.audiences, key=lambda a: st.inoculation[a.id] - a.echo_chamber)
            try_action(game, Counter(run.id, Measure.PREBUNK, open_to_it.id))
        else:
            try_action(game, Counter(run.id, Measure(counter)))
    try_newer(game, run)  # a measure registered since ORDER was written, where it fits


def _clear_post(game: Game, run: NarrativeRun) -> None:
    """A calm post on the narrative's topic, to the public it reaches most (not a foreign
    government: the post reassures people), on the platform that reaches that public best,
    in its language."""
    s = game.scenario
    topic = next((t.id for t in s.topics if t.narrative == run.id), None)
    publics = [a for a in s.audiences if a.kind is not AudienceKind.COUNTRY] or list(s.audiences)
    if topic is None:
        return
    audience = max(publics, key=lambda a: run.reach[a.id] * a.size)
    languages = s.country.post_languages
    language = audience.language if audience.language in languages else languages[0]
    posts = [PostMessage(c, audience.id, Tone.FACTUAL, topic, language) for c in s.channel_ids]
    try_action(game, max(posts, key=lambda p: post_multiplier(game, p)[0]))
