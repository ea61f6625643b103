"""The balance report's table of crisis choices, for every player, winning or not.

A player that never wins can only be understood through what it picked, so every scripted
player has a column (its share of the games in which it answered the crisis), beside the
share of all won games; the lesson marks show what the author meant.
"""

from __future__ import annotations

from html import escape

from game.content.model import Choice, Event, Scenario
from game.i18n import _, fmt_percent, pick
from game.simulation.runner import StrategySummary
from game.simulation.strategy_names import strategy_name


def _flag(picked: int, wins: int, answered: int) -> str:
    if not wins or not answered:
        return ""
    if picked == 0:
        never = escape(_("never in a win"))
        return f'<span class="flag never">{never}</span>'
    if picked == wins:
        always = escape(_("in every win"))
        return f'<span class="flag always">{always}</span>'
    return ""


def _mark(choice: Choice) -> str:
    if choice.lesson == "recommended":
        return '<span class="flag always">' + escape(_("recommended")) + "</span>"
    if choice.lesson == "poor":
        return '<span class="flag never">' + escape(_("poor")) + "</span>"
    return ""


def _answered(summary: StrategySummary, event: Event, field: str = "choices") -> int:
    assert event.crisis is not None
    tally = getattr(summary, field)
    return sum(tally.get((event.id, c.id), 0) for c in event.crisis.choices)


def _crisis_rows(event: Event, results: dict[str, StrategySummary], players: list[str]) -> str:
    assert event.crisis is not None
    wins_answered = sum(_answered(s, event, "win_choices") for s in results.values())
    answered = {n: _answered(results[n], event) for n in players}
    rows = []
    for choice in event.crisis.choices:
        key = (event.id, choice.id)
        in_wins = sum(s.win_choices.get(key, 0) for s in results.values())
        cells = "".join(
            f"<td class=num>{fmt_percent(results[n].choices.get(key, 0) / answered[n])}</td>"
            if answered[n] else "<td class=num>—</td>" for n in players)
        overall = fmt_percent(in_wins / wins_answered) if wins_answered else "—"
        rows.append(f"<tr><td>{escape(pick(choice.label))} <code>{escape(choice.id)}</code>"
                    f"</td><td>{_mark(choice)}</td><td class=num>{overall}</td>{cells}"
                    f"<td>{_flag(in_wins, wins_answered, wins_answered)}</td></tr>")
    if not any(answered.values()):
        unanswered = escape(_("No player answered this crisis (it did not happen, or its "
                              "deadline passed)."))
        rows.append(f'<tr><td colspan="{len(players) + 4}" class=muted>{unanswered}</td></tr>')
    return "".join(rows)


def choices_section(scenario: Scenario, results: dict[str, StrategySummary]) -> str:
    """Per crisis, the share of each player's answers that picked each choice, and the
    share of won games."""
    title = "<h2>" + escape(_("Crisis choices of every player")) + "</h2>"
    crises = [e for e in scenario.events if e.crisis is not None]
    if not crises:
        return f"<section>{title}<p>" + escape(_("This scenario has no crisis.")) + "</p></section>"
    players = list(results)
    head = "".join(f"<th>{escape(strategy_name(n))}</th>" for n in players)
    cols = escape(_("Choice")), escape(_("Lesson mark")), escape(_("All wins"))
    parts = []
    for event in crises:
        assert event.crisis is not None
        parts.append(
            f"<h3>{escape(pick(event.crisis.prompt))} <code>{escape(event.id)}</code></h3>"
            f"<div class=wide><table class=choices><tr><th>{cols[0]}</th><th>{cols[1]}</th>"
            f"<th>{cols[2]}</th>{head}<th></th></tr>"
            f"{_crisis_rows(event, results, players)}</table></div>")
    note = _("For each player, the share of its games that answered the crisis in which it "
             "picked each choice, winning or not; “All wins”: the share of the won games "
             "(success-tone ending). A choice never picked in a win, or picked in every win, "
             "deserves a look: the dilemma may not be one. One game of a player, turn by "
             "turn: simulate … --export FOLDER.")
    return f"<section>{title}<p class=note>{escape(note)}</p>{''.join(parts)}</section>"
