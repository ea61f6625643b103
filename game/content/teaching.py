"""Warnings about teaching, not syntax: cards never met, crises never explained, texts too
long for the screen, and dilemmas that are not dilemmas."""

from __future__ import annotations

from game.content.diagnostics import Severity
from game.content.findings import Findings
from game.content.item_cues import cue_in, unbalanced
from game.content.model import Choice, Crisis, Scenario
from game.content.openness import most_open
from game.content.text import Text
from game.content.validation import Loc
from game.engine.vocabulary import INDICATORS, Indicator

WARNING = Severity.WARNING

# The most characters each kind of text may have to fit its place on screen at the
# largest text size (the UI lays these out without scrolling; longer texts still work,
# but scroll or wrap badly).  Keyed by the text's field name, then by its parent list.
SCREEN_LIMITS: dict[str, int] = {
    "title": 90, "name": 60, "headline": 110, "alert": 480, "label": 150, "prompt": 420,
    "outcome": 420, "expire_text": 300, "claim": 280, "summary": 480, "debrief": 700,
    "learning_goals": 220, "ministry": 90, "country": 60, "source": 80, "official_term": 60,
}
TEXT_LIMITS_BY_PARENT: dict[str, int] = {
    "posts": 280, "feed_post": 280, "concepts": 800, "endings": 600, "questions": 220,
}


def check_teaching(scenario: Scenario, report: Findings,
                   texts: list[tuple[Loc, Text]]) -> None:
    _concepts_used(scenario, report)
    _crises_explained(scenario, report)
    _texts_fit(report, texts)
    _dilemmas(scenario, report)
    _lesson_marks(scenario, report)
    _open_answers(scenario, report)
    _items(scenario, report)


def _concepts_used(scenario: Scenario, report: Findings) -> None:
    used: set[str] = set()
    for narrative in scenario.narratives:
        used.update(narrative.concepts)
    for event in scenario.events:
        used.update(event.concepts)
        if event.crisis:
            for choice in event.crisis.choices:
                used.update(choice.concepts)
    for i, concept in enumerate(scenario.concepts):
        if concept.id not in used:
            report.add(WARNING, ("concepts", i, "id"), "concept_unused", id=concept.id)


def _crises_explained(scenario: Scenario, report: Findings) -> None:
    for i, event in enumerate(scenario.events):
        crisis = event.crisis
        if crisis is None or event.debrief or any(c.debrief for c in crisis.choices):
            continue
        report.add(WARNING, ("events", i, "id"), "event_no_debrief", id=event.id)


def screen_limit(loc: Loc) -> int | None:
    """How many characters the text at *loc* may have, or None if it is not limited."""
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return None
    field = names[-1]
    if field == "text":
        return next((TEXT_LIMITS_BY_PARENT[p] for p in reversed(names) if p in
                     TEXT_LIMITS_BY_PARENT), None)
    return SCREEN_LIMITS.get(field)


def _texts_fit(report: Findings, texts: list[tuple[Loc, Text]]) -> None:
    for loc, text in texts:
        limit = screen_limit(loc)
        if limit is None:
            continue
        for lang, value in text.as_dict().items():
            if len(value) > limit:
                report.add(WARNING, loc + (lang,), "text_too_long_screen", length=len(value),
                           limit=limit)


def _visible_deltas(crisis: Crisis) -> list[dict[str, float]] | None:
    """Each choice's total indicator change, if every effect of every choice is a plain
    ``change`` (otherwise the dilemma has consequences this analysis cannot weigh)."""
    vectors = []
    for choice in crisis.choices:
        vector = {str(i): 0.0 for i in INDICATORS}
        for call in choice.effects:
            if call.name != "change":
                return None
            for indicator, delta in call.args.items():
                vector[str(indicator)] += delta
        vector["cost"] = -float(choice.cost)
        vectors.append(vector)
    return vectors


def _better_or_equal(a: dict[str, float], b: dict[str, float]) -> bool:
    for key, value in a.items():
        if key == Indicator.TENSION:
            if value > b[key]:
                return False
        elif value < b[key]:
            return False
    return a != b


def _dilemmas(scenario: Scenario, report: Findings) -> None:
    for i, event in enumerate(scenario.events):
        if event.crisis is None:
            continue
        vectors = _visible_deltas(event.crisis)
        if vectors is None:
            continue
        for j, vector in enumerate(vectors):
            others = [v for k, v in enumerate(vectors) if k != j]
            if all(_better_or_equal(vector, other) for other in others):
                report.add(WARNING, ("events", i, "crisis", "choices", j, "id"),
                           "dominant_choice", id=event.crisis.choices[j].id)


# A label this much longer than every other gives the answer away.
LONGEST_LABEL_RATIO = 1.25
# How a crisis answer's plain ``change`` effects are weighed to compare it with its marks:
# the lesson's own priorities (credibility, low tension first).
LESSON_WEIGHTS = {"credibility": 1.0, "soft_power": 0.6, "tension": -0.8,
                  "domestic_support": 0.4, "cyber_security": 0.6, "reach": 0.2}


def _change_value(choice: Choice) -> float:
    return float(sum(LESSON_WEIGHTS.get(str(k), 0.0) * v for call in choice.effects
                     if call.name == "change" for k, v in call.args.items()))


def _lesson_marks(scenario: Scenario, report: Findings) -> None:
    # A scenario written before marks existed is not nagged crisis by crisis: the
    # simulator's verdict says once that it has none.
    marks_used = any(c.lesson for e in scenario.events if e.crisis for c in e.crisis.choices)
    for i, event in enumerate(scenario.events):
        if event.crisis is None:
            continue
        choices = event.crisis.choices
        here = ("events", i, "crisis", "choices")
        recommended = [j for j, c in enumerate(choices) if c.lesson == "recommended"]
        if not recommended and marks_used:
            report.add(WARNING, ("events", i, "id"), "no_lesson_marks")
        for j in recommended:
            if _clearly_longest(choices, j):
                report.add(WARNING, here + (j, "label"), "longest_label_best", id=choices[j].id)
            for other in choices:
                if other.lesson == "poor" and _change_value(other) > _change_value(choices[j]):
                    report.add(WARNING, here + (j, "lesson"), "lesson_contradicts_effects",
                               id=choices[j].id, other=other.id)


def _open_answers(scenario: Scenario, report: Findings) -> None:
    """Once per scenario: in every crisis (two or more) the recommended answer is the one
    whose label sounds most open, the answer the ``sounds_open`` shortcut picks.  One such
    crisis is fair (the seeds often recommend transparency); all of them teach students to
    reach for the most transparent-sounding words instead of weighing the situation."""
    marked = [(i, event.crisis.choices) for i, event in enumerate(scenario.events)
              if event.crisis is not None and len(event.crisis.choices) > 1
              and any(c.lesson == "recommended" for c in event.crisis.choices)]
    if len(marked) < 2:
        return
    picked = [(i, choices, most_open(c.label for c in choices)) for i, choices in marked]
    if all(choices[j].lesson == "recommended" for _i, choices, j in picked):
        i, choices, j = picked[0]
        report.add(WARNING, ("events", i, "crisis", "choices", j, "label"),
                   "open_answer_always_best", id=choices[j].id, count=len(marked))


def _clearly_longest(choices: list[Choice], j: int) -> bool:
    for lang in sorted(set().union(*(c.label.languages() for c in choices))):
        mine = len(choices[j].label.get(lang) or "")
        others = [len(c.label.get(lang) or "") for k, c in enumerate(choices) if k != j]
        if others and mine > LONGEST_LABEL_RATIO * max(others):
            return True
    return False


def _items(scenario: Scenario, report: Findings) -> None:
    """The reliability items the author wrote: no giveaway in a text, both kinds alike."""
    for i, question in enumerate(scenario.questions):
        for lang, text in question.text.as_dict().items():
            cue = cue_in(text or "")
            if cue is not None:
                report.add(WARNING, ("questions", i, "text", lang), "item_cue",
                           id=question.id, cue=cue)
    counts = unbalanced(scenario.questions)
    if counts is not None:
        report.add(WARNING, ("questions",), "items_unbalanced", at="key",
                   reliable=counts[0], manipulative=counts[1])
