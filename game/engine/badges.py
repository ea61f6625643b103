"""Badges earned by defending: answering a narrative with a counter that fits its technique
(``techniques.judge``) earns that technique's badge, once per game.

A badge is read from the outcomes of the turn's own actions, after they applied: an
outcome carries ``counter_fits`` only when the table (or the scenario's override) said the
counter fits *and* it was applied as an answer to a live narrative.  Monitoring never fits
(watching is not answering), and a fitting counter that did not land as an answer earns
nothing: a debunk of what almost nobody had seen (it spread the claim instead) or an
accusation made without the evidence (it cost trust).  The badge's name is a UI string
(``game/ui/labels.py``); the state keeps codes only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from game.engine.techniques import POST

if TYPE_CHECKING:
    from game.engine.operations import Operations as Game
    from game.engine.state import Outcome

FITS_NOTE = "counter_fits"
# Notes that mean the fitting counter did not land as an answer this time.
SPOILED_BY = frozenset({"amplified", "unproven_attribution"})


def answered_narrative(game: Game, outcome: Outcome) -> str | None:
    """The narrative *outcome* answered with a fitting counter, or None."""
    if FITS_NOTE not in outcome.notes or SPOILED_BY.intersection(outcome.notes):
        return None
    if outcome.source == "counter":
        narrative = outcome.ref.get("narrative")
    elif outcome.source == "post":
        topic = game.scenario.topic_by_id.get(str(outcome.ref.get("topic")))
        narrative = topic.narrative if topic is not None else None
    else:
        return None
    return str(narrative) if narrative in game.scenario.narrative_by_id else None


def award(game: Game, outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """Record the badges the turn's action *outcomes* earned (a technique's first answer
    only); returns the new ones."""
    st = game.state
    have = {badge["technique"] for badge in st.badges}
    new: list[dict[str, Any]] = []
    for outcome in outcomes:
        narrative_id = answered_narrative(game, outcome)
        if narrative_id is None:
            continue
        technique = str(game.scenario.narrative_by_id[narrative_id].technique)
        if technique in have:
            continue
        have.add(technique)
        counter = str(outcome.ref.get("measure", POST)) if outcome.source == "counter" else POST
        badge = {"technique": technique, "narrative": narrative_id, "counter": counter,
                 "turn": st.turn}
        st.badges.append(badge)
        new.append(badge)
    return new


def earned_now(game: Game) -> list[dict[str, Any]]:
    """The badges earned in the current turn (the results screen's moment)."""
    return [b for b in game.state.badges if b["turn"] == game.state.turn]
