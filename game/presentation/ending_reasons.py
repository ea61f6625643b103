"""Why this ending, in this game: the conditions of the ending reached (each with what the
game showed) and, for each ending tried before it, the conditions that kept it out.

Generated from the endings' ``when``, so an ending that can be reached several ways says
which way this game took: "Credibility 52 (needed: at least 58)", "You answered “The
leak”: “Stay silent”" — never a hedge such as "the map or the tickets left a mark".
Pygame-free: the student report says the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.engine.conditions import CONDITIONS
from game.engine.rulebook import compile_condition
from game.engine.score import leftover_costs
from game.engine.vocabulary import EndingTone
from game.i18n import _, pick
from game.presentation import labels
from game.presentation.viewmodel import crisis_title

if TYPE_CHECKING:
    from game.content.model import Ending, Scenario
    from game.engine.game import Game
    from game.engine.registry import Call
    from game.engine.state import GameState


@dataclass(frozen=True)
class Reason:
    held: bool
    text: str


def _holds(call: Call, state: GameState) -> bool:
    if call.name == "all":
        return all(_holds(c, state) for c in call.children)
    if call.name == "any":
        return any(_holds(c, state) for c in call.children)
    if call.name == "not":
        return not _holds(call.children[0], state)
    if call.name == "chance":
        return False  # a dice roll cannot be told again without rolling (and moving the dice)
    return bool(compile_condition(call)(state))


# -- flags: said by what sets them --------------------------------------------------------

def _flag_sources(s: Scenario, flag: str) -> list[tuple[str, Any, Any]]:
    """Where the scenario sets *flag*: ("choice", event, choice), ("expire", event),
    ("event", event) or ("topic", topic)."""
    def sets(calls: Any) -> bool:
        return any(c.name == "set_flag" and c.args == flag for c in calls)
    found: list[tuple[str, Any, Any]] = []
    for event in s.events:
        if sets(event.effects):
            found.append(("event", event, None))
        if event.crisis is not None:
            found += [("choice", event, c) for c in event.crisis.choices if sets(c.effects)]
            if sets(event.crisis.on_expire):
                found.append(("expire", event, None))
    found += [("topic", t, None) for t in s.topics if sets(t.effects)]
    return found


def _happened(st: GameState, source: tuple[str, Any, Any]) -> bool:
    kind, thing, choice = source
    if kind == "choice":
        return bool(st.answers.get(thing.id) == choice.id)
    if kind == "expire":
        return thing.id in st.missed
    if kind == "event":
        return thing.id in st.fired
    return any(p.get("topic") == thing.id for p in st.posts)


def _source_text(s: Scenario, source: tuple[str, Any, Any]) -> str:
    kind, thing, choice = source
    if kind == "choice":
        return _("your answer to “{crisis}”: “{choice}”").format(
            crisis=labels.nested(crisis_title(thing, s)), choice=labels.nested(pick(choice.label)))
    if kind == "expire":
        return _("no answer in time to “{crisis}”").format(
            crisis=labels.nested(crisis_title(thing, s)))
    if kind == "event":
        return _("“{event}”").format(event=labels.nested(crisis_title(thing, s)))
    return _("a post on “{topic}”").format(topic=labels.nested(pick(thing.name)))


def _flag_reason(game: Game, flag: str, wanted: bool) -> Reason:
    s, st = game.scenario, game.state
    is_set = flag in st.flags
    sources = _flag_sources(s, flag)
    done = [src for src in sources if _happened(st, src)]
    if is_set and done:
        text = _("It happened: {what}").format(what="; ".join(_source_text(s, x) for x in done))
    elif not is_set and sources:
        text = _("It did not happen: {what}").format(
            what="; ".join(_source_text(s, x) for x in sources))
    else:  # set by a route the scenario does not spell out: say the fact only
        text = _("A turn of the story ({flag}) happened") if is_set else \
            _("A turn of the story ({flag}) did not happen")
        text = text.format(flag=flag)
    return Reason(is_set == wanted, text)


# -- one condition ------------------------------------------------------------------------

def _indicators(game: Game, bounds: dict[Any, float], at_least: bool) -> list[Reason]:
    out = []
    for key, bound in bounds.items():
        level = game.state.indicators[str(key)]
        need = _("at least {n}") if at_least else _("below {n}")
        held = level >= bound if at_least else level < bound
        out.append(Reason(held, _("{gauge} {level} (needed: {need})").format(
            gauge=labels.indicator(key), level=labels.beside_bound(level, bound, at_least),
            need=need.format(n=labels.tenth(bound)))))
    return out


def _reach_reason(game: Game, args: Any, at_least: bool, held: bool) -> Reason:
    narrative = game.scenario.narrative_by_id[args.narrative]
    run = game.state.narratives[args.narrative]
    need = (_("at least {n}") if at_least else _("below {n}")).format(
        n=labels.percent_tenth(args.reach))
    level = labels.beside_bound(run.weighted, args.reach, at_least, percent=True) \
        if run.live else _("not started")
    return Reason(held, _("Reach of “{title}”: {level} (needed: {need})").format(
        title=labels.nested(pick(narrative.title)), level=level, need=need))


def reasons(game: Game, call: Call, negate: bool = False) -> list[Reason]:
    """The lines of *call*: one per gauge, narrative or story turn it tests."""
    s, st = game.scenario, game.state
    name, args = call.name, call.args
    if name == "all" and not negate:
        return [r for c in call.children for r in reasons(game, c)]
    if name == "not":
        return reasons(game, call.children[0], not negate)
    held = _holds(call, st) != negate
    if name in ("flag", "no_flag"):
        return [_flag_reason(game, str(args), (name == "flag") != negate)]
    if name in ("indicator_at_least", "indicator_below") and not negate:
        return _indicators(game, args, name == "indicator_at_least")
    if name in ("narrative_reach_below", "narrative_reach_at_least"):
        return [_reach_reason(game, args, (name == "narrative_reach_at_least") != negate, held)]
    if name == "event_fired":
        event = s.event_by_id[str(args)]
        text = _("“{event}” did not happen") if args not in st.fired else \
            _("“{event}” happened")
        return [Reason(held, text.format(event=labels.nested(crisis_title(event, s))))]
    if name == "any" and not negate:
        parts = [r for c in call.children for r in reasons(game, c)]
        if held:  # the way this game took
            return [Reason(True, "; ".join(r.text for r in parts if r.held))]
        return [Reason(False, _("None of these: {list}").format(
            list="; ".join(r.text for r in parts)))]
    # Anything else (turns, choices, posts…): the condition's own summary and whether
    # it held — rare in endings, and still true to this game.
    text = _("{condition}: held") if held else _("{condition}: did not hold")
    return [Reason(held, text.format(condition=_(CONDITIONS[name].summary)))]


# -- the ending -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Missed:
    ending: Ending
    lines: list[Reason]
    barred: bool  # out of reach because disinformation was left standing


def ending_reasons(game: Game) -> tuple[list[Reason], list[Missed]]:
    """What held for the ending reached, and what kept out each ending tried before it."""
    s, st = game.scenario, game.state
    reached = s.ending_by_id.get(st.ending or "")
    if reached is None or st.forced_ending == reached.id:
        return [], []
    held = reasons(game, reached.when) if reached.when is not None else []
    if reached.early:
        return held, []
    left = leftover_costs(s, st) if s.rules.disinformation_bars_success else {}
    standing = _("Disinformation left standing: {titles}").format(titles=", ".join(
        labels.quoted(pick(s.narrative_by_id[n].title)) for n in left))
    missed = []
    for ending in s.endings:
        if ending.id == reached.id:
            break
        if ending.early or ending.when is None or \
                _RANK[ending.tone] <= _RANK[reached.tone]:
            continue  # only the better endings this game missed
        lines = [r for r in reasons(game, ending.when) if not r.held]
        bar = bool(left) and ending.tone is EndingTone.SUCCESS
        if bar:
            lines.append(Reason(False, standing))
        if lines:
            missed.append(Missed(ending, lines, bar))
    return held, missed


_RANK = {EndingTone.FAILURE: 0, EndingTone.MIXED: 1, EndingTone.SUCCESS: 2}


def ending_reason_data(game: Game) -> dict[str, Any]:
    """The same as JSON-ready data (the student report)."""
    held, missed = ending_reasons(game)
    return {"held": [{"held": r.held, "text": r.text} for r in held],
            "missed": [{"ending": m.ending.id, "title": pick(m.ending.title),
                        "barred": m.barred,
                        "lines": [{"held": r.held, "text": r.text} for r in m.lines]}
                       for m in missed]}
