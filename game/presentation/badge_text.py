"""Badges as the screens and the reports tell them: the badge's name, the technique it is
for, the narrative answered, the counter used and why that counter fits (pygame-free: the
student report reads it too)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from babel.lists import format_list

from game.engine import rules
from game.engine.techniques import POST, fitting, judge
from game.engine.vocabulary import Technique
from game.i18n import _, babel_locale, ngettext, pick
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


# Techniques whose narratives are best left alone while small: a worried citizen's
# question dies out by itself, and any loud answer (a debunk, a report, an accusation:
# the table's "backfires") gives it the audience it lacked (the tutorial's lesson).
BEST_LEFT_SMALL = frozenset({Technique.RUMOUR})


def fitting_counters(game: Game, technique: str) -> list[str]:
    """The counters of this scenario that fit its narratives of *technique* (the technique
    table, and the narratives' own cells), in the table's order: the measures the
    scenario offers, and a calm post where a topic answers the narrative."""
    s = game.scenario
    answered_by_post = {t.narrative for t in s.topics if t.narrative}
    counters: dict[str, None] = {}
    for narrative in s.narratives:
        if str(narrative.technique) != technique:
            continue
        for counter in fitting(narrative):
            if counter in s.measures or (counter == POST and narrative.id in answered_by_post):
                counters[counter] = None
    return list(counters)


def how_to_earn(game: Game, technique: str) -> str:
    """One line: what earns *technique*'s badge in this scenario."""
    # A post is no counter-measure of the Counter tab: say where it is made.
    counters = [_(labels.COUNTER_POST_WHERE) if c == POST else labels.quoted(counter_label(c))
                for c in fitting_counters(game, technique)]
    name = labels.label(labels.TECHNIQUES, technique)
    if not counters:
        return _("No counter-measure of this scenario fits a narrative of the technique "
                 "“{technique}”.").format(technique=name)
    return _("Earned by answering a narrative of the technique “{technique}” with a "
             "counter that fits it: {counters}.").format(
        technique=name, counters=format_list(counters, style="or", locale=babel_locale()))


def left_alone(game: Game, technique: str) -> str:
    """When not earning *technique*'s badge was right in this game, why (else ""): its
    narratives are best left alone while small, and every one of them stayed below the
    reach where answering spreads a claim (``rules.STREISAND_BELOW``) and never spread."""
    if technique not in BEST_LEFT_SMALL:
        return ""
    st = game.state
    runs = [(n, st.narratives.get(n.id)) for n in game.scenario.narratives
            if str(n.technique) == technique]
    seen = [(n, run) for n, run in runs if run is not None and run.launched_turn is not None]
    if not seen or any(n.state_sponsored or run.spreading_turn is not None or
                       max([run.weighted, *run.history]) >= rules.STREISAND_BELOW
                       for n, run in seen):
        return ""
    titles = format_list([labels.quoted(pick(n.title)) for n, _run in seen],
                         locale=babel_locale())
    return ngettext("Not earning it here was right: {titles} stayed small, and answering "
                    "it would have given it an audience.",
                    "Not earning it here was right: {titles} stayed small, and answering "
                    "them would have given them an audience.", len(seen)).format(titles=titles)


def badge_to_earn(game: Game, technique: str) -> dict[str, str]:
    """A badge of the scenario not earned yet, as JSON-ready data: its name, what earns it
    and, where leaving it alone was right, why."""
    return {"technique": technique, "name": badge_name(technique),
            "how": how_to_earn(game, technique), "left_alone": left_alone(game, technique)}
