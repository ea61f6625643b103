"""Badges as the screens and the reports tell them: the badge's name, the technique it is
for, the narrative answered, the counter used and why that counter fits (pygame-free: the
student report reads it too)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from game.engine.techniques import POST, judge
from game.i18n import _, pick
from game.presentation import labels

if TYPE_CHECKING:
    from game.engine.game import Game


def badge_name(technique: str) -> str:
    return labels.label(labels.BADGES, technique)


def counter_label(counter: str) -> str:
    return _(labels.COUNTER_POST) if counter == POST else labels.label(labels.MEASURES, counter)


def why_it_fits(game: Game, badge: dict[str, Any]) -> str:
    """The technique table's reason (or the scenario's own) for the counter that earned it."""
    narrative = game.scenario.narrative_by_id.get(str(badge["narrative"]))
    if narrative is None:
        return ""
    verdict = judge(narrative, str(badge["counter"]))
    if verdict.text is not None:
        return pick(verdict.text)
    return _(verdict.reason) if verdict.reason else ""


def badge_entry(game: Game, badge: dict[str, Any]) -> dict[str, Any]:
    """One badge as JSON-ready data: codes beside the texts in the current language."""
    narrative = game.scenario.narrative_by_id.get(str(badge["narrative"]))
    technique = str(badge["technique"])
    entry = {"technique": technique, "name": badge_name(technique),
             "technique_label": labels.label(labels.TECHNIQUES, technique),
             "narrative": str(badge["narrative"]),
             "narrative_title": pick(narrative.title) if narrative is not None else "",
             "counter": str(badge["counter"]),
             "counter_label": counter_label(str(badge["counter"])),
             "turn": int(badge["turn"]), "why": why_it_fits(game, badge)}
    entry["how"] = how_line(entry)
    return entry


def badge_entries(game: Game, badges: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [badge_entry(game, b) for b in badges]


def earned_line(entry: dict[str, Any]) -> str:
    """« Badge earned: Deepfake unmasked » in one line."""
    return _("Badge earned: {badge}").format(badge=entry["name"])


def how_line(entry: dict[str, Any]) -> str:
    """What earned it: the counter, the narrative and its technique."""
    return _("{counter} against “{narrative}” (technique: {technique}): the counter that "
             "fits.").format(counter=entry["counter_label"],
                                  narrative=labels.nested(entry["narrative_title"]),
                                  technique=entry["technique_label"])
