"""The teaching verdict: does playing the lesson win, and does any shortcut win too?

A scenario teaches when the ``lesson`` player reaches a success ending in at least half
its games with a mean score at least 10 points above every shortcut player's, and no
shortcut player reaches a success ending in more than a tenth of its games.  One shortcut,
``sounds_open``, plays the lesson except in crises, where it takes the answer that sounds
most transparent: when it wins or comes close, the crises teach nothing beyond "be open",
and the verdict says so in a line of its own.
"""

from __future__ import annotations

from typing import Any

from game.i18n import _, fmt_number, fmt_percent
from game.simulation.strategies import SHORTCUTS

OPEN_SOUNDING = "sounds_open"  # the player that answers crises by how open they sound

LESSON_WINS_AT_LEAST = 0.5
SHORTCUT_WINS_AT_MOST = 0.1
LESSON_LEAD = 10.0


def success_rate(data: dict[str, Any]) -> float:
    return data["tones"]["success"] / data["runs"] if data["runs"] else 0.0


def teaching_verdict(scenario: Any, strategies: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The verdict as data (``simulate --json``'s ``verdict``); it needs the ``lesson``
    player among *strategies*, else it says it could not judge."""
    marked = any(c.lesson for e in scenario.events if e.crisis for c in e.crisis.choices)
    lesson = strategies.get("lesson")
    shortcuts = {n: d for n, d in strategies.items() if n in SHORTCUTS}
    if lesson is None or not shortcuts:  # the lesson alone, or shortcuts alone: no contest
        return {"judged": False, "teaches": None, "marked_choices": marked}
    mean = lesson["score"]["mean"]
    winning = sorted(n for n, d in shortcuts.items() if success_rate(d) > SHORTCUT_WINS_AT_MOST)
    close = sorted(n for n, d in shortcuts.items() if d["score"]["mean"] > mean - LESSON_LEAD)
    lesson_wins = success_rate(lesson) >= LESSON_WINS_AT_LEAST
    return {
        "judged": True,
        "teaches": lesson_wins and not winning and not close,
        "lesson_success": round(success_rate(lesson), 4),
        "lesson_mean": mean,
        "lesson_wins": lesson_wins,
        "shortcuts_winning": winning,
        "shortcuts_close": close,
        "marked_choices": marked,
    }


def verdict_lines(verdict: dict[str, Any], strategies: dict[str, dict[str, Any]]) -> list[str]:
    """The verdict in the user's language, one finding a line."""
    if not verdict["judged"]:
        return [_("Teaching verdict: run the “lesson” player and the shortcut players "
                  "(--strategy all) to judge whether the scenario teaches.")]
    lines = [_("Teaching verdict: the scenario teaches — playing the lesson wins, no "
               "shortcut does.") if verdict["teaches"] else
             _("Teaching verdict: the scenario does not teach yet.")]
    rate = fmt_percent(verdict["lesson_success"])
    if not verdict["lesson_wins"]:
        lines.append(_("  The lesson player reaches a success ending in only {rate} of its "
                       "games (at least 50% wanted): the lesson is not enough to "
                       "win.").format(rate=rate))
    for name in verdict["shortcuts_winning"]:
        lines.append(_("  The shortcut “{name}” wins {rate} of its games (at most 10% "
                       "wanted): a student can win without the lesson.").format(
            name=name, rate=fmt_percent(success_rate(strategies[name]))))
    for name in verdict["shortcuts_close"]:
        lines.append(_("  The shortcut “{name}” scores {score} on average, less than 10 "
                       "points below the lesson's {lesson}.").format(
            name=name, score=fmt_number(strategies[name]["score"]["mean"], 1),
            lesson=fmt_number(verdict["lesson_mean"], 1)))
    if OPEN_SOUNDING in verdict["shortcuts_winning"] + verdict["shortcuts_close"]:
        lines.append(_("  Sounding transparent is enough for the crises: make the most "
                       "open-sounding answer a trap where the sources say why (an unverified "
                       "figure, an attribution without evidence, a detail that endangers "
                       "people, a rumour repeated)."))
    if not verdict["marked_choices"]:
        lines.append(_("  No crisis choice is marked “lesson: recommended”: the lesson "
                       "player chose answers from their effects instead."))
    return lines
