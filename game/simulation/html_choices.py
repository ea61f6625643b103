"""The balance report's table of crisis choices: which ones winning games pick, or never pick."""

from __future__ import annotations

from html import escape

from game.content.model import Event, Scenario
from game.i18n import _, fmt_percent, pick
from game.simulation.runner import StrategySummary


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


def _crisis_rows(event: Event, results: dict[str, StrategySummary], winners: list[str],
                 total_wins: int) -> str:
    assert event.crisis is not None
    answered = sum(results[n].win_choices.get((event.id, c.id), 0) for n in winners
                   for c in event.crisis.choices)
    rows = []
    if not answered:
        unanswered = escape(_("No winning game answered this crisis (it did not happen, or "
                              "its deadline passed)."))
        rows.append(f'<tr><td colspan="{len(winners) + 3}" class=muted>{unanswered}</td></tr>')
    for choice in event.crisis.choices:
        key = (event.id, choice.id)
        picked = sum(results[n].win_choices.get(key, 0) for n in winners)
        cells = "".join(
            f"<td class=num>{fmt_percent(results[n].win_choices.get(key, 0) / results[n].wins)}"
            "</td>" for n in winners)
        overall = fmt_percent(picked / total_wins) if total_wins else "—"
        rows.append(f"<tr><td>{escape(pick(choice.label))} <code>{escape(choice.id)}</code>"
                    f"</td><td class=num>{overall}</td>{cells}"
                    f"<td>{_flag(picked, total_wins, answered)}</td></tr>")
    return "".join(rows)


def choices_section(scenario: Scenario, results: dict[str, StrategySummary]) -> str:
    """Per crisis, the share of won games that picked each choice, overall and by strategy."""
    from game.simulation.html_report import strategy_name

    title = "<h2>" + escape(_("Crisis choices in winning games")) + "</h2>"
    crises = [e for e in scenario.events if e.crisis is not None]
    if not crises:
        return f"<section>{title}<p>" + escape(_("This scenario has no crisis.")) + "</p></section>"
    winners = [n for n, s in results.items() if s.wins]
    total_wins = sum(results[n].wins for n in winners)
    if not total_wins:
        none = escape(_("No game was won, so no choice can be compared."))
        return f"<section>{title}<p>{none}</p></section>"
    head = "".join(f"<th>{escape(strategy_name(n))}</th>" for n in winners)
    cols = escape(_("Choice")), escape(_("All wins"))
    parts = []
    for event in crises:
        assert event.crisis is not None
        parts.append(
            f"<h3>{escape(pick(event.crisis.prompt))} <code>{escape(event.id)}</code></h3>"
            f"<table class=choices><tr><th>{cols[0]}</th><th>{cols[1]}</th>{head}<th></th></tr>"
            f"{_crisis_rows(event, results, winners, total_wins)}</table>")
    note = _("Share of the won games (success-tone ending) in which each choice was picked. "
             "A choice never picked in a win, or picked in every win, deserves a look: the "
             "dilemma may not be one.")
    return f"<section>{title}<p class=note>{escape(note)}</p>{''.join(parts)}</section>"
