"""The balance report as one self-contained HTML page (inline CSS and SVG, no script).

``python main.py simulate FILE --runs N --strategy all --html out.html`` writes it, in the
user's language.  Every text that comes from the scenario is HTML-escaped: scenario files
are untrusted.
"""

from __future__ import annotations

from html import escape

from game.content.model import Event, Scenario
from game.content.scenario_map import MAP_CSS, map_section
from game.engine.vocabulary import EndingTone
from game.i18n import N_, _, fmt_number, fmt_percent, get_language, ngettext, pick
from game.simulation.html_choices import choices_section
from game.simulation.html_style import CSS, TONE_COLOURS, shade
from game.simulation.runner import StrategySummary
from game.simulation.strategy_names import STRATEGY_TEXT, strategy_name
from game.simulation.svg import Segment, histogram, stacked_bar
from game.simulation.verdict import teaching_verdict, verdict_lines

TONE_NAMES = {EndingTone.SUCCESS: N_("success"), EndingTone.MIXED: N_("mixed"),
              EndingTone.FAILURE: N_("failure")}
BINS = 10


def _t(text: object) -> str:
    """A scenario text in the reader's language, escaped."""
    return escape(pick(text))  # type: ignore[arg-type]


def _share(part: int, whole: int) -> str:
    return fmt_percent(part / whole) if whole else "—"


def _findings(scenario: Scenario, results: dict[str, StrategySummary],
              unreached: tuple[list[str], list[str]]) -> tuple[list[str], bool]:
    """What the report finds (escaped HTML lines), and whether all is well."""
    found: list[str] = []
    endings, events = unreached
    if endings:
        found.append(ngettext("{n} ending is never reached.", "{n} endings are never reached.",
                              len(endings)).format(n=len(endings)))
    if events:
        found.append(ngettext("{n} event never happens.", "{n} events never happen.",
                              len(events)).format(n=len(events)))
    ok = not found
    data = {name: s.as_dict() for name, s in results.items()}
    verdict = teaching_verdict(scenario, data)
    ok = ok and bool(verdict["teaches"])
    found += [escape(line.strip()) for line in verdict_lines(verdict, data)]
    if results and not any(s.wins for s in results.values()):
        found.append(_("No game ends with a success: the scenario may be too hard."))
        ok = False
    return found, ok


def _header(scenario: Scenario, runs: int, seed: int, n_strategies: int) -> str:
    title = _t(scenario.meta.title)
    facts = ngettext("{runs} game per strategy", "{runs} games per strategy", runs).format(
        runs=fmt_number(runs))
    facts += " · " + ngettext("{n} strategy", "{n} strategies", n_strategies).format(
        n=n_strategies) + " · " + _("seed {seed}").format(seed=seed)
    kicker = escape(_("Balance report"))
    return (f"<header><p class=kicker>{kicker}</p>"
            f"<h1>{title}</h1><p class=facts>{escape(facts)} · <code>"
            f"{escape(scenario.meta.id)}</code></p></header>")


def _verdict(found: list[str], ok: bool) -> str:
    title = escape(_("Verdict"))
    items = "".join(f"<li>{item}</li>" for item in found)
    kind = "ok" if ok else "warn"
    return f'<section class="verdict {kind}"><h2>{title}</h2><ul>{items}</ul></section>'


def _ending_colours(scenario: Scenario) -> dict[str, str]:
    colours: dict[str, str] = {}
    for tone in EndingTone:
        ids = [e.id for e in scenario.endings if e.tone is tone]
        for i, ending_id in enumerate(ids):
            colours[ending_id] = shade(TONE_COLOURS[tone], i, len(ids))
    return colours


def _endings(scenario: Scenario, results: dict[str, StrategySummary]) -> str:
    colours = _ending_colours(scenario)
    rows = []
    for name, s in results.items():
        segments = [Segment(s.endings.get(e.id, 0) / max(s.runs, 1), colours[e.id],
                            escape(_share(s.endings.get(e.id, 0), s.runs)),
                            f"{_t(e.title)}: {escape(_share(s.endings.get(e.id, 0), s.runs))}")
                    for e in scenario.endings]
        rows.append(f"<tr><th scope=row>{escape(strategy_name(name))}</th>"
                    f"<td>{stacked_bar(segments)}</td>"
                    f"<td class=num>{escape(_share(s.wins, s.runs))}</td></tr>")
    tones = {tone: escape(_(name)) for tone, name in TONE_NAMES.items()}
    legend = "".join(
        f'<li><span class=swatch style="background:{colours[e.id]}"></span>{_t(e.title)} '
        f'<span class="tone {e.tone.value}">{tones[e.tone]}</span></li>'
        for e in scenario.endings)
    cols = [escape(_("Strategy")), escape(_("Endings reached")), escape(_("Success"))]
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr>"
    title = escape(_("Endings per strategy"))
    return (f"<section><h2>{title}</h2>"
            f"<ul class=legend>{legend}</ul><table class=bars>{head}{''.join(rows)}</table>"
            f"{_endings_table(scenario, results)}</section>")


def _endings_table(scenario: Scenario, results: dict[str, StrategySummary]) -> str:
    head = "".join(f"<th>{_t(e.title)}</th>" for e in scenario.endings)
    rows = []
    for name, s in results.items():
        cells = "".join(f"<td class=num>{fmt_number(s.endings.get(e.id, 0))}</td>"
                        for e in scenario.endings)
        rows.append(f"<tr><th scope=row>{escape(strategy_name(name))}</th>{cells}</tr>")
    summary = escape(_("Number of games per ending"))
    return (f"<details><summary>{summary}</summary>"
            f"<table class=grid><tr><th></th>{head}</tr>{''.join(rows)}</table></details>")


def _bins(scores: list[int]) -> list[int]:
    counts = [0] * BINS
    for score in scores:
        counts[min(max(score, 0) * BINS // 100, BINS - 1)] += 1
    return counts


def _scores(results: dict[str, StrategySummary]) -> str:
    labels = [f"{i * 10}–{i * 10 + 9 if i < BINS - 1 else 100}" for i in range(BINS)]
    cards = []
    for name, s in results.items():
        scores = sorted(s.scores) or [0]
        mean = sum(scores) / len(scores)
        median = scores[len(scores) // 2]
        stats = _("mean {mean} · median {median} · from {low} to {high}").format(
            mean=fmt_number(mean, 1), median=median, low=scores[0], high=scores[-1])
        chart = histogram(_bins(s.scores), labels, "#3f6fb5",
                          escape(_("Scores of {name}").format(name=strategy_name(name))))
        cards.append(f"<figure><figcaption><strong>{escape(strategy_name(name))}</strong>"
                     f"<br>{escape(stats)}</figcaption>{chart}</figure>")
    title = escape(_("Score distribution"))
    note = escape(_("Final scores (0 to 100) in bands of 10 points."))
    return (f"<section><h2>{title}</h2><p class=note>{note}</p>"
            f"<div class=cards>{''.join(cards)}</div></section>")


def _unreached(scenario: Scenario, endings: list[str], events: list[str]) -> str:
    def item(kind: str, ident: str, text: object) -> str:
        shown = f" — {_t(text)}" if text else ""
        return f"<li><code>{escape(ident)}</code>{shown} <span class=muted>({kind})</span></li>"

    items = [item(escape(_("ending")), e, scenario.ending_by_id[e].title) for e in endings]
    items += [item(escape(_("event")), e, _event_title(scenario.event_by_id[e]))
              for e in events]
    everything = escape(_("Every ending and every event happened in some game."))
    body = f"<ul>{''.join(items)}</ul>" if items else f"<p>{everything}</p>"
    title = escape(_("Never happened"))
    return f"<section><h2>{title}</h2>{body}</section>"


def _event_title(event: Event) -> object:
    if event.headline:
        return event.headline
    return event.crisis.prompt if event.crisis else None


def page(scenario: Scenario, runs: int, seed: int, results: dict[str, StrategySummary],
         unreached_endings: list[str], unreached_events: list[str]) -> str:
    """The whole report page."""
    found, ok = _findings(scenario, results, (unreached_endings, unreached_events))
    described = {n: escape(_(STRATEGY_TEXT[n][1])) for n in results if n in STRATEGY_TEXT}
    notes = "".join(f"<li><strong>{escape(strategy_name(n))}</strong> — {text}</li>"
                    for n, text in described.items())
    strategies = escape(_("The strategies"))
    won = escape(_("A game is won when it ends with a success-tone ending."))
    body = "".join([
        _header(scenario, runs, seed, len(results)), _verdict(found, ok),
        _endings(scenario, results), _scores(results),
        _unreached(scenario, unreached_endings, unreached_events),
        choices_section(scenario, results),
        map_section(scenario),
        f"<section><h2>{strategies}</h2><ul>{notes}</ul><p class=note>{won}</p></section>",
    ])
    title = escape(_("Balance report") + " — " + pick(scenario.meta.title))
    return (f'<!DOCTYPE html>\n<html lang="{get_language()}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title><style>{CSS}{MAP_CSS}</style></head><body><main>{body}</main>"
            "</body></html>\n")
