"""What a debrief says about one game, as plain data: the report's JSON, the HTML page and
the debrief screen are all drawn from :func:`build_report`, so they never disagree.

Texts are in the current language; ids and numbers sit beside them so a machine (the
class summary) can read the report whatever its language.  The player-facing names of the
engine's codes come from ``game.presentation.labels`` (pygame-free), as on screen.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import game
from game.i18n import _, get_language, pick
from game.presentation import labels, viewmodel
from game.presentation.badge_text import badge_entries, badge_to_earn
from game.presentation.ending_reasons import ending_reason_data
from game.presentation.turn_changes import ShownChange, turn_changes
from game.reports import sources
from game.reports.mastery import mastery, missed_reason
from game.reports.questions import question_rows, question_summary

if TYPE_CHECKING:
    from game.content.model import Concept, Scenario
    from game.engine.game import Game
    from game.engine.state import Outcome

REPORT_FORMAT = "hashtag-diplomacy-report"
REPORT_VERSION = 1

Answers = Mapping[str, Mapping[str, int | None]]


def generated_now() -> str:
    """Now, or ``$SOURCE_DATE_EPOCH`` when set (reproducible files: the golden tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return datetime.now().isoformat(timespec="seconds")


def build_report(game_: Game, answers: Answers | None = None,
                 player: Mapping[str, str] | None = None, *,
                 generated: str | None = None) -> dict[str, Any]:
    """Everything the debrief shows about *game_*, as JSON-ready data."""
    s, st = game_.scenario, game_.state
    player = player or {}
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "generated": generated or generated_now(),
        "app_version": game.__version__,
        "language": get_language(),
        "player": {"name": str(player.get("name", "")), "class": str(player.get("class", ""))},
        "scenario": {"id": s.meta.id, "title": pick(s.meta.title), "version": s.meta.version,
                     "turns": s.meta.turns, "sources": list(s.meta.sources),
                     "source_details": [sources.describe(d) for d in s.meta.sources]},
        "game": {"seed": st.seed, "turns_played": st.turn, "score": st.score,
                 "finished": st.ending is not None},
        "ending": ending_part(s, st.ending, game_),
        "indicators": indicator_part(game_),
        "narratives": narrative_part(game_),
        "badges": badge_entries(game_, st.badges),
        "badges_possible": badges_possible(game_),
        "timeline": timeline(game_),
        "posts": posts_part(game_),
        "crises": crisis_part(game_),
        "concepts": concept_part(game_),
        "questions": question_rows(s, answers or {}, st.seed),
        "question_summary": question_summary(s, answers or {}, st.seed),
    }


def ending_part(s: Scenario, ending_id: str | None,
                game_: Game | None = None) -> dict[str, Any] | None:
    """The ending reached; with the game, which of its conditions held in this game and
    what kept out the better endings (``reasons``)."""
    ending = s.ending_by_id.get(ending_id or "")
    if ending is None:
        return None
    tone = str(ending.tone)
    part = {"id": ending.id, "title": pick(ending.title), "tone": tone,
            "tone_label": labels.label(labels.ENDING_TONES, tone), "text": pick(ending.text),
            "explanation": pick(ending.debrief)}
    if game_ is not None:
        part["reasons"] = ending_reason_data(game_)
    return part


def badges_possible(game_: Game) -> list[dict[str, str]]:
    """The badges this scenario's narratives offer (one per technique), in its order: each
    with what earns it and, when not earning it was right in this game, why."""
    techniques = list(dict.fromkeys(str(n.technique) for n in game_.scenario.narratives))
    return [badge_to_earn(game_, t) for t in techniques]


def indicator_part(game_: Game) -> list[dict[str, Any]]:
    history = game_.state.history
    out = []
    for key, end in game_.state.indicators.items():
        values = [[snap["turn"], round(float(snap["indicators"][key]), 1)] for snap in history
                  if key in snap.get("indicators", {})]
        exact_start = float(history[0]["indicators"][key]) if history else end
        start = values[0][1] if values else round(end, 1)
        # Whole numbers rounded once from the exact values, as the gauges round them (the
        # one-decimal values rounded again could show 60 where the gauge showed 61).
        out.append({"id": key, "name": labels.indicator(key), "start": start,
                    "end": round(end, 1), "start_shown": labels.whole(exact_start),
                    "end_shown": labels.whole(end),
                    "change_shown": labels.change(exact_start, end),
                    "lower_is_better": key in labels.LOWER_IS_BETTER, "values": values})
    return out


def narrative_part(game_: Game) -> list[dict[str, Any]]:
    s, st = game_.scenario, game_.state
    out = []
    for run in game_.live_narratives():
        narrative = s.narrative_by_id[run.id]
        launched = run.launched_turn or 0
        values = [[snap["turn"], round(float(snap["narratives"].get(run.id, 0.0)), 1)]
                  for snap in st.history if snap["turn"] >= launched]
        # A morning surge the player then cut back is in no end-of-turn snapshot: plotted
        # half-way into its turn, so the caption's peak is a point of the curve drawn.
        if values and values[-1][0] == st.turn:  # the curve ends on the final figure
            values[-1][1] = round(run.weighted, 1)  # (the snapshot is rounded already)
        values = sorted(values + [[turn - 0.5, value]
                                  for turn, value in morning_values(game_, run.id)])
        peak = max([v for _turn, v in values], default=round(run.weighted, 1))
        out.append({
            "id": run.id, "title": pick(narrative.title), "claim": pick(narrative.claim),
            "technique": str(narrative.technique),
            "technique_label": labels.label(labels.TECHNIQUES, narrative.technique),
            "phase": str(run.phase),
            "phase_label": viewmodel.phase_label(run.phase, run.weighted),
            "launched_turn": launched, "final": round(run.weighted, 1),
            "peak": peak, "peak_text": viewmodel.reach_text(peak),
            "final_text": viewmodel.overall_reach_text(
                run.weighted, s.rules.disinformation_threshold),
            "values": values, "explanation": pick(narrative.debrief)})
    return out


def morning_values(game_: Game, narrative_id: str) -> list[tuple[int, float]]:
    """A narrative's reach each morning, as the desk showed it: the end of the turn before
    plus what the morning's events did (the snapshots are taken at the end of each turn,
    so a morning surge the player then cut back is in no snapshot)."""
    st = game_.state
    ends = {snap["turn"]: float(snap["narratives"].get(narrative_id, 0.0))
            for snap in st.history}
    surge: dict[int, float] = {}
    for outcome in st.outcomes:
        if outcome.source == "event" and narrative_id in outcome.reach:
            surge[outcome.turn] = surge.get(outcome.turn, 0.0) + outcome.reach[narrative_id]
    return [(turn, round(ends[turn - 1] + change, 1)) for turn, change in surge.items()
            if turn - 1 in ends and ends[turn - 1] > 0]


def posts_part(game_: Game) -> list[dict[str, Any]]:
    """What the student posted, in order: the words (a draft they chose or their own), in
    the post's language, with where, to whom and in which tone; so the instructor can
    discuss what students wrote."""
    s = game_.scenario
    out = []
    for outcome in game_.state.outcomes:
        if outcome.source != "post":
            continue
        ref = dict(outcome.ref)
        audience = s.audience_by_id.get(str(ref.get("audience")))
        topic = s.topic_by_id.get(str(ref.get("topic")))
        out.append({
            "turn": outcome.turn, "text": viewmodel.post_text(s, ref),
            "own": viewmodel.is_own_post(ref), "language": str(ref.get("language", "")),
            "platform": viewmodel.channel_name(s, str(ref.get("channel", ""))),
            "audience": pick(audience.name) if audience is not None else "",
            "tone": labels.label(labels.TONES, ref.get("tone", "")),
            "topic": pick(topic.name) if topic is not None else ""})
    return out


def timeline(game_: Game) -> list[dict[str, Any]]:
    """The player's decisions and the deadlines they missed, turn by turn, each with what
    it changed and the concept it illustrates."""
    entries = []
    shown = turn_changes(game_, every_turn=True)  # the numbers the results screens showed
    for outcome in game_.state.outcomes:
        if outcome.source in labels.PLAYER_SOURCES or outcome.source == "deadline":
            entries.append(timeline_entry(game_, outcome, shown.of(outcome)))
        elif outcome.source in PENALTIES and outcome.deltas:
            entries.append(penalty_entry(game_, outcome, shown.of(outcome)))
    return entries


# What the rules charge for doing nothing: a crisis left waiting (silence), a narrative
# left spreading unanswered (late response).  The debrief lists them with the decisions.
PENALTIES = ("silence", "late")


def penalty_entry(game_: Game, outcome: Outcome,
                  shown: ShownChange | None = None) -> dict[str, Any]:
    s = game_.scenario
    if outcome.source == "silence":
        events = [s.event_by_id[e] for e in outcome.ref.get("events", []) if e in s.event_by_id]
        about = ", ".join(viewmodel.crisis_title(e, s) for e in events) or "?"
    else:
        narrative = s.narrative_by_id.get(str(outcome.ref.get("narrative")))
        about = pick(narrative.title) if narrative is not None else "?"
    return {
        "turn": outcome.turn, "kind": outcome.source, "action": dict(outcome.ref),
        "text": labels.source_title(labels.label(labels.SOURCES, outcome.source), about),
        "result": "", "changes": {k: round(v, 1) for k, v in outcome.deltas.items()
                                  if abs(v) >= 0.05},
        "changes_text": viewmodel.deltas_text(shown.deltas if shown else outcome.deltas),
        "reach": [],
        "notes": [{"code": code, "text": labels.note(code)} for code in outcome.notes],
        "concepts": [], "explanation": "", "why": "", "lesson": ""}


def timeline_entry(game_: Game, outcome: Outcome,
                   shown: ShownChange | None = None) -> dict[str, Any]:
    s = game_.scenario
    missed = outcome.source == "deadline"
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if missed:
        text = labels.source_title(labels.label(labels.SOURCES, "deadline"),
                                   viewmodel.crisis_title(event, s) if event else "?")
    else:
        text = viewmodel.describe_action(game_, outcome.ref)
    concepts = outcome_concepts(s, outcome)
    return {
        "turn": outcome.turn, "kind": "missed" if missed else outcome.source,
        "action": dict(outcome.ref), "text": text, "result": scenario_result(s, outcome),
        "changes": {k: round(v, 1) for k, v in outcome.deltas.items() if abs(v) >= 0.05},
        "changes_text": viewmodel.deltas_text(shown.deltas if shown else outcome.deltas),
        "reach": viewmodel.reach_change_text(game_, shown.reach if shown else outcome.reach),
        "notes": [{"code": code, "text": labels.note(code)} for code in outcome.notes],
        "concepts": [{"id": c.id, "title": pick(c.title)} for c in concepts],
        "explanation": choice_explanation(s, outcome),
        "why": viewmodel.counter_reason(game_, outcome) or "",
        "lesson": lesson_line(s, outcome),
    }


def outcome_concepts(s: Scenario, outcome: Outcome) -> list[Concept]:
    """The concept cards an outcome illustrates; a post on a narrative's topic illustrates
    that narrative's concepts."""
    ids = list(outcome.concepts)
    if not ids and outcome.source == "post":
        topic = s.topic_by_id.get(str(outcome.ref.get("topic")))
        narrative = s.narrative_by_id.get(topic.narrative or "") if topic else None
        if narrative is not None and "answers_narrative" in outcome.notes:
            ids = list(narrative.concepts)
    if not ids and outcome.source == "deadline":
        event = s.event_by_id.get(str(outcome.ref.get("event")))
        ids = list(event.concepts) if event is not None else []
    return [s.concept_by_id[c] for c in dict.fromkeys(ids) if c in s.concept_by_id]


def _choice(s: Scenario, ref: Mapping[str, Any]) -> Any:
    event = s.event_by_id.get(str(ref.get("event")))
    if event is None or event.crisis is None:
        return None
    return next((c for c in event.crisis.choices if c.id == ref.get("choice")), None)


def scenario_result(s: Scenario, outcome: Outcome) -> str:
    """The scenario's own words about an outcome: a choice's result, an expired crisis."""
    if outcome.source == "answer":
        choice = _choice(s, outcome.ref)
        return pick(choice.outcome) if choice is not None else ""
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if outcome.source == "deadline" and event is not None and event.crisis is not None:
        return pick(event.crisis.expire_text)
    return ""


def choice_explanation(s: Scenario, outcome: Outcome) -> str:
    if outcome.source != "answer":
        return ""
    choice = _choice(s, outcome.ref)
    return pick(choice.debrief) if choice is not None else ""


def lesson_line(s: Scenario, outcome: Outcome) -> str:
    """What the author's marks say of a crisis answer: it was the answer the lesson
    recommends, or which one it recommends instead ("" when the crisis has no marks)."""
    if outcome.source not in ("answer", "deadline"):
        return ""
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if event is None or event.crisis is None:
        return ""
    best = next((c for c in event.crisis.choices if c.lesson == "recommended"), None)
    if best is None:
        return ""
    if outcome.source == "answer" and outcome.ref.get("choice") == best.id:
        return _("The answer the lesson recommends.")
    return _("The lesson recommends: {answer}").format(answer=pick(best.label))


def crisis_part(game_: Game) -> list[dict[str, Any]]:
    """Every crisis the game raised and what became of it (the class summary counts them)."""
    s, st = game_.scenario, game_.state
    out = []
    for event_id, turn in st.fired.items():
        event = s.event_by_id.get(event_id)
        if event is None or event.crisis is None:
            continue
        choice_id = st.answers.get(event_id)
        choice = _choice(s, {"event": event_id, "choice": choice_id}) if choice_id else None
        out.append({"event": event_id, "title": viewmodel.crisis_title(event, s), "turn": turn,
                    "choice": choice_id, "choice_label": pick(choice.label) if choice else "",
                    "missed": event_id in st.missed})
    return out


def concept_part(game_: Game) -> dict[str, list[dict[str, Any]]]:
    """The cards shown in the game ("met") and those not shown ("missed"), as before; and
    every card with its mastery mark ("cards", see ``game.reports.mastery``)."""
    s, met_ids = game_.scenario, game_.state.concepts
    met = [s.concept_by_id[c] for c in met_ids if c in s.concept_by_id]
    missed = [c for c in s.concepts if c.id not in met_ids]
    cards = []
    for mark in mastery(game_):
        c = s.concept_by_id[mark["id"]]
        cards.append({**mark, "official_term": official_term(c), "text": pick(c.text),
                      "source": source_part(c),
                      "missed_reason": missed_reason(mark["shown"], mark["watched"])
                      if mark["mark"] == "missed" else ""})
    return {
        "met": [{"id": c.id, "title": pick(c.title), "official_term": official_term(c),
                 "text": pick(c.text), "source": source_part(c)} for c in met],
        "missed": [{"id": c.id, "title": pick(c.title)} for c in missed],
        "cards": cards,
    }


def source_part(concept: Concept) -> dict[str, Any]:
    """A card's source: the document's file name (an id), its title, author, year and
    language, the passage, and the citation line the reader sees."""
    document, passage = concept.source.document, concept.source.passage
    return {**sources.describe(document), "passage": passage,
            "passage_language": sources.quote_language(document),
            "line": sources.citation_line(document, passage)}


def official_term(concept: Concept) -> str:
    """The official term of a concept card, when it says more than the card's title ("" for
    "Deepfake (official term: deepfake)"; case and accents aside)."""
    term, title = pick(concept.official_term), pick(concept.title)
    return term if term and labels.fold(term) != labels.fold(title) else ""
