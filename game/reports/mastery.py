"""Mastery, not exposure: each concept card is marked *handled well*, *handled poorly* or
*missed*, with the decision (or the absence of one) that earned the mark.

The evidence is what the rules already judge: the author's ``lesson`` marks on crisis
answers (the recommended answer is handled well, any other answer, or none in time, is
handled poorly) and the technique table's verdict on counters and on posts answering a
narrative (a fitting counter is handled well; one that backfires or does little is handled
poorly; watching is neither).  A narrative left spreading unanswered until trust eroded
(the engine's "late" outcome) is handled poorly too.  A card with no such decision is
*missed*, whether or not it was shown: a player who does nothing earns no "handled well".

Some cards name a practice rather than a story: monitoring is early warning, a crisis
answer is crisis communication, a post to a foreign public is public diplomacy.  The
decisions that practise such a card earn its mark whatever the author tagged
(``PRACTICE``, by the shared concept ids of the bundled scenarios); a card the student only
read (an event's message, a narrative that came up) earns nothing.  An event the student's
decisions set off credits that decision, not the message it brought.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.engine.techniques import Fit, judge
from game.i18n import N_, _, pick
from game.presentation import labels, viewmodel

if TYPE_CHECKING:
    from game.content.model import Event, Scenario
    from game.engine.game import Game
    from game.engine.state import Outcome

WELL, POOR, MISSED = "well", "poor", "missed"
MARKS = (WELL, POOR, MISSED)
MARK_LABELS = {WELL: N_("Handled well"), POOR: N_("Handled poorly"), MISSED: N_("Missed")}

# Notes the engine writes on a counter or a post, and the mark each one earns.
_NOTE_MARKS = (("counter_fits", WELL), ("counter_backfires", POOR), ("fuels_narrative", POOR),
               ("counter_weak", POOR))


# What each kind of decision practises, by concept id (a card a scenario does not have is
# left out when the cards are marked).
_CRISIS_PRACTICE = ("crisis_communication", "crisis_management")
_MEASURE_PRACTICE = {"monitor": ("early_warning",), "report": ("platform_cooperation",),
                     "attribute": ("attribution",), "literacy": ("media_literacy",)}
_FOREIGN_POST_PRACTICE = ("public_diplomacy", "soft_power")
_POST_PRACTICE = ("digital_diplomacy", "direct_communication")
_FITTED_POST_PRACTICE = ("tailored_content", "adapted_content")
PRACTICE = {"answer": _CRISIS_PRACTICE, "measures": _MEASURE_PRACTICE,
            "foreign_post": _FOREIGN_POST_PRACTICE, "post": _POST_PRACTICE,
            "fitted_post": _FITTED_POST_PRACTICE}
_FOREIGN_KINDS = ("foreign", "diaspora", "country")


def mark_label(mark: str) -> str:
    return _(MARK_LABELS.get(mark, MARK_LABELS[MISSED]))


@dataclass
class Evidence:
    """One decision that says something about a set of concept cards."""

    turn: int
    mark: str
    decision: str
    why: str = ""
    concepts: list[str] = field(default_factory=list)


def crisis_concepts(event: Event) -> list[str]:
    """The cards a crisis teaches: its own and those of the answer the lesson recommends."""
    ids = list(event.concepts)
    if event.crisis is not None:
        for choice in event.crisis.choices:
            if choice.lesson == "recommended":
                ids += choice.concepts
    return ids


def _answer(game: Game, outcome: Outcome) -> Evidence | None:
    s = game.scenario
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if event is None or event.crisis is None:
        return None
    choices = event.crisis.choices
    if not any(c.lesson == "recommended" for c in choices):
        return None  # the author did not say which answer the lesson wants
    choice = next((c for c in choices if c.id == outcome.ref.get("choice")), None)
    ids = crisis_concepts(event) + (list(choice.concepts) if choice is not None else []) \
        + list(_CRISIS_PRACTICE)
    if outcome.source == "deadline":
        text = _("No answer in time to {crisis}").format(
            crisis=labels.quoted(viewmodel.crisis_title(event, s)))
        return Evidence(outcome.turn, POOR, text, _lesson(s, event), ids)
    if choice is None:
        return None
    mark = WELL if choice.lesson == "recommended" else POOR
    why = pick(choice.debrief) if choice.debrief is not None else ""
    if mark == POOR:
        why = " ".join(filter(None, [why, _lesson(s, event)]))
    return Evidence(outcome.turn, mark, viewmodel.describe_action(game, outcome.ref), why, ids)


def _lesson(s: Scenario, event: Event) -> str:
    best = next((c for c in event.crisis.choices if c.lesson == "recommended"), None) \
        if event.crisis is not None else None
    return _("The lesson recommends: {answer}").format(answer=pick(best.label)) if best else ""


def _narrative_of(s: Scenario, outcome: Outcome) -> Any:
    if outcome.source == "counter" or outcome.source == "late":
        return s.narrative_by_id.get(str(outcome.ref.get("narrative")))
    topic = s.topic_by_id.get(str(outcome.ref.get("topic")))
    return s.narrative_by_id.get(topic.narrative or "") if topic is not None else None


def _counter(game: Game, outcome: Outcome) -> Evidence | None:
    narrative = _narrative_of(game.scenario, outcome)
    mark = next((m for note, m in _NOTE_MARKS if note in outcome.notes), None)
    if narrative is None or mark is None:
        return None  # watching, or a post on an unrelated topic
    why = viewmodel.counter_reason(game, outcome) or ""
    if "fuels_narrative" in outcome.notes and not why:
        why = labels.note("fuels_narrative")
    return Evidence(outcome.turn, mark, viewmodel.describe_action(game, outcome.ref), why,
                    list(narrative.concepts))


def _unanswered(game: Game, outcome: Outcome) -> Evidence | None:
    narrative = _narrative_of(game.scenario, outcome)
    if narrative is None:
        return None
    text = _("{narrative} spread with no answer").format(
        narrative=labels.quoted(pick(narrative.title)))
    return Evidence(outcome.turn, POOR, text, labels.note("late_response"),
                    list(narrative.concepts))


def condition_mark(s: Scenario, call: Any, negated: bool = False) -> str | None:
    """What an event's condition says of the player's decisions: it fires because a
    counter was used (the table's verdict on it), because the desk posted (well) or did
    not (poor); None when it is about something else (a turn, chance, reach)."""
    if call is None:
        return None
    if call.name == "not":
        return next(filter(None, (condition_mark(s, c, not negated) for c in call.children)),
                    None)
    if call.name in ("all", "any"):
        return next(filter(None, (condition_mark(s, c, negated) for c in call.children)), None)
    if call.name == "posted":
        return POOR if negated else WELL
    if call.name == "counter_used" and not negated and call.args.measure is not None:
        narrative = s.narrative_by_id.get(call.args.narrative)
        if narrative is None:
            return None
        return WELL if judge(narrative, str(call.args.measure)).fit is Fit.FITS else POOR
    return None


def condition_decision(call: Any, negated: bool = False) -> tuple[str, bool, Any] | None:
    """The decision an event's condition names, as condition_mark reads it: ("posted",
    negated, None) or ("counter_used", False, its arguments); None for anything else."""
    if call is None:
        return None
    if call.name in ("not", "all", "any"):
        flip = negated != (call.name == "not")
        return next(filter(None, (condition_decision(c, flip) for c in call.children)), None)
    if call.name == "posted":
        return "posted", negated, None
    if call.name == "counter_used" and not negated and call.args.measure is not None:
        return "counter_used", False, call.args
    return None


def _setting_off(game: Game, event: Any, before: list[Outcome]) -> Outcome | None:
    """The student's last decision, before the event, of the kind its condition names."""
    named = condition_decision(event.when)
    if named is None or named[1]:
        return None
    kind, _negated, args = named
    for outcome in reversed(before):
        if kind == "posted" and outcome.source == "post":
            return outcome
        if (kind == "counter_used" and outcome.source == "counter"
                and outcome.ref.get("narrative") == args.narrative
                and outcome.ref.get("measure") == str(args.measure)):
            return outcome
    return None


def _consequence(game: Game, outcome: Outcome, before: list[Outcome]) -> Evidence | None:
    """An event the player's decisions set off (its condition names them): its cards get
    the mark of those decisions, credited to the decision (the event's message is only
    what followed it)."""
    s = game.scenario
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if event is None or event.crisis is not None or not event.concepts:
        return None
    mark = condition_mark(s, event.when)
    if mark is None:
        return None
    title = labels.quoted(viewmodel.crisis_title(event, s))
    debrief = pick(event.debrief) if event.debrief else ""
    decision = _setting_off(game, event, before)
    if decision is not None:
        then = _("What it led to: {event}").format(event=title)
        return Evidence(decision.turn, mark, viewmodel.describe_action(game, decision.ref),
                        " ".join(filter(None, [then, debrief])), list(event.concepts))
    named = condition_decision(event.when)
    if named is not None and named[0] == "posted" and named[1]:
        text = _("No post before turn {n}").format(n=outcome.turn)
        return Evidence(outcome.turn, mark, text, debrief, list(event.concepts))
    text = _("What your decisions led to: {event}").format(event=title)
    return Evidence(outcome.turn, mark, text, debrief, list(event.concepts))


def _counter_practice(game: Game, outcome: Outcome, monitored: set[str]) -> Evidence | None:
    """The cards a counter-measure practises by its kind (``PRACTICE``); monitoring is
    early warning when it comes before the narrative spreads."""
    ref = outcome.ref
    if outcome.source == "counter":
        measure = str(ref.get("measure"))
        ids = list(_MEASURE_PRACTICE.get(measure, ()))
        if not ids:
            return None
        text = viewmodel.describe_action(game, ref)
        if measure == "monitor":
            narrative = str(ref.get("narrative"))
            if narrative in monitored:
                return None  # watching it again practises nothing new
            monitored.add(narrative)
            run = game.state.narratives.get(narrative)
            if run is not None and run.spreading_turn is not None \
                    and outcome.turn > run.spreading_turn:
                return Evidence(outcome.turn, POOR, text,
                                _("It was already spreading: too late to spot it early."),
                                ids)
            return Evidence(outcome.turn, WELL, text, labels.note("monitoring"), ids)
        mark = next((m for note, m in _NOTE_MARKS if note in outcome.notes), None)
        return Evidence(outcome.turn, mark, text, "", ids) if mark is not None else None
    return None


def _post_practice(game: Game, outcome: Outcome) -> list[Evidence]:
    """A post practises speaking to the public (to a foreign public: public diplomacy),
    poorly in a confrontational tone; and fitting content to its public, poorly in
    another language or on a platform that reaches that public poorly."""
    ref = outcome.ref
    audience = game.scenario.audience_by_id.get(str(ref.get("audience")))
    if outcome.source != "post" or audience is None:
        return []
    ids = list(_POST_PRACTICE)
    if str(audience.kind) in _FOREIGN_KINDS:
        ids += _FOREIGN_POST_PRACTICE
    text = viewmodel.describe_action(game, ref)
    if str(ref.get("tone")) == "confrontational":
        spoken = Evidence(outcome.turn, POOR, text,
                          _("A confrontational tone raises tension and wins no one over."), ids)
    else:
        spoken = Evidence(outcome.turn, WELL, text, "", ids)
    misfits = [note for note in ("language_mismatch", "channel_weak") if note in outcome.notes]
    fitted = Evidence(outcome.turn, POOR if misfits else WELL, text,
                      labels.note(misfits[0]) if misfits else "", list(_FITTED_POST_PRACTICE))
    return [spoken, fitted]


def evidence(game: Game) -> list[Evidence]:
    """Every decision that earns a mark, in the order of the game (a narrative left
    unanswered counts once, at the first turn it cost trust)."""
    out: list[Evidence] = []
    unanswered: set[str] = set()
    monitored: set[str] = set()
    outcomes = game.state.outcomes
    for index, outcome in enumerate(outcomes):
        items: list[Evidence | None] = []
        if outcome.source in ("answer", "deadline"):
            items.append(_answer(game, outcome))
        elif outcome.source in ("counter", "post"):
            items.append(_counter(game, outcome))
            items.append(_counter_practice(game, outcome, monitored))
            items += _post_practice(game, outcome)
        elif outcome.source == "event":
            items.append(_consequence(game, outcome, outcomes[:index]))
        elif outcome.source == "late" and outcome.ref.get("narrative") not in unanswered:
            unanswered.add(str(outcome.ref.get("narrative")))
            items.append(_unanswered(game, outcome))
        out += [item for item in items if item is not None and item.concepts]
    return out


def card_mark(items: Iterable[Evidence]) -> tuple[str, Evidence | None, dict[str, int]]:
    """A card's mark from its decisions: more handled well than poorly is "well", any
    other mix with a poor decision is "poor"; the decision shown is the last one that
    earned the mark."""
    items = list(items)
    counts = {WELL: sum(i.mark == WELL for i in items), POOR: sum(i.mark == POOR for i in items)}
    if not items:
        return MISSED, None, counts
    mark = WELL if counts[WELL] > counts[POOR] else POOR
    return mark, next(i for i in reversed(items) if i.mark == mark), counts


def mastery(game: Game) -> list[dict[str, Any]]:
    """One entry per concept card of the scenario, in the scenario's order."""
    by_concept: dict[str, list[Evidence]] = {}
    for item in evidence(game):
        for concept in dict.fromkeys(item.concepts):
            by_concept.setdefault(concept, []).append(item)
    watched = _watched_concepts(game)
    out = []
    for concept in game.scenario.concepts:
        mark, earned, counts = card_mark(by_concept.get(concept.id, []))
        out.append({"id": concept.id, "title": pick(concept.title), "mark": mark,
                    "mark_label": mark_label(mark), "well": counts[WELL], "poor": counts[POOR],
                    "turn": earned.turn if earned else None,
                    "decision": earned.decision if earned else "",
                    "why": earned.why if earned else "",
                    "shown": concept.id in game.state.concepts,
                    "watched": concept.id in watched})
    return out


def _watched_concepts(game: Game) -> set[str]:
    """The cards of the narratives the student monitored: a decision about them that earns
    no mark (watching is neither), which the timeline lists under the card's name."""
    s = game.scenario
    return {concept for o in game.state.outcomes
            if o.source == "counter" and o.ref.get("measure") == "monitor"
            and (n := s.narrative_by_id.get(str(o.ref.get("narrative")))) is not None
            for concept in n.concepts}


def missed_reason(shown: bool, watched: bool = False) -> str:
    """Why a card is "missed": the student only watched what it is about, it came up and
    nothing was done, or it never came up."""
    if watched:
        return _("you monitored what it is about, and watching alone is marked neither well "
                 "nor poorly: an answer or a counter-measure is.")
    if shown:
        return _("it came up in the game, but none of your decisions was about it.")
    return _("it did not come up in this game.")
