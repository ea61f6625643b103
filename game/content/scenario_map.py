"""A map of a scenario, as one SVG picture: what happens when, and what leads where.

Turns run left to right.  Narratives are bars from the turn they start; events are boxes
at their turn (an event with only a condition, or scheduled by an effect, at the earliest
turn it can happen, as the checker computes it); a crisis box spans its deadline; endings
stand in a last column.  Arrows go from what sets a flag to every condition that tests it,
from an effect that schedules an event or launches a narrative to it, and from an event
to the conditions that ask whether it happened.  What can never happen is greyed out.
Twine's story map is the model: an author sees at a glance what leads where.

Every text comes from an untrusted file, so everything is escaped; the picture needs no
script and no network.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from typing import Any

from game.content.model import Scenario
from game.content.reachability import NEVER, Reach
from game.content.tree import calls_in
from game.engine.registry import Call
from game.i18n import _, fmt_number, get_language, pick

TOP, LEFT, ROW_H, BOX_H, LABEL_CHARS = 64, 16, 50, 36, 24
KIND_COLOURS = {"narrative": "#7b3fa0", "event": "#1f5fa8", "crisis": "#b3541e",
                "ending": "#2e7d32", "posts": "#555555"}
EDGE_STYLES = {  # kind → (colour, dash)
    "flag": ("#1f5fa8", ""), "schedule": ("#666666", "6 4"), "launch": ("#7b3fa0", "2 3"),
    "event": ("#b3541e", ""), "narrative": ("#7b3fa0", ""), "end": ("#2e7d32", "6 4"),
}


@dataclass
class Node:
    key: str
    kind: str
    label: str
    tip: str
    column: float  # turn (1-based); endings after the last turn
    span: int = 1
    row: int = 0
    never: bool = False


@dataclass
class Edge:
    source: str
    target: str
    kind: str
    label: str = ""


@dataclass
class ScenarioMap:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    turns: int = 1


def _calls(node: Any) -> Iterator[Call]:
    for _loc, call in calls_in(node):
        yield call


def build_map(scenario: Scenario) -> ScenarioMap:
    """The nodes (placed in turns and rows) and arrows of *scenario*."""
    reach = Reach(scenario)
    turns = scenario.meta.turns
    found = ScenarioMap(turns=turns)
    row = 0
    for narrative in scenario.narratives:
        start = reach.narratives.get(narrative.id, NEVER)
        found.nodes[f"n:{narrative.id}"] = Node(
            f"n:{narrative.id}", "narrative", pick(narrative.title), pick(narrative.claim),
            min(start, turns), span=max(1, turns - min(start, turns) + 1), row=row,
            never=start >= NEVER)
        row += 1
    if any(True for t in scenario.topics for _call in _calls(t.effects)):
        found.nodes["posts"] = Node("posts", "posts", _("The player's posts"),
                                    _("Effects of posting on a topic, from turn 1"), 1,
                                    row=row)
        row += 1
    order = sorted(scenario.events, key=lambda e: (min(reach.events[e.id], turns + 1),
                                                  scenario.events.index(e)))
    for event in order:
        first = reach.events[event.id]
        title = event.headline or (event.crisis.prompt if event.crisis else None)
        label = pick(title) if title else event.id
        kind = "crisis" if event.crisis else "event"
        span = min(event.crisis.deadline, turns - min(first, turns) + 1) if event.crisis else 1
        tip = event.id if title else ""  # an untitled event is already shown by its id
        found.nodes[f"e:{event.id}"] = Node(f"e:{event.id}", kind, label, tip,
                                            min(first, turns), span=max(1, span), row=row,
                                            never=first >= NEVER)
        row += 1
    for i, ending in enumerate(scenario.endings):
        tip = ending.id + (" · " + _("early") if ending.early else "")
        found.nodes[f"x:{ending.id}"] = Node(f"x:{ending.id}", "ending", pick(ending.title),
                                             tip, turns + 1, row=i)
    _edges(scenario, found)
    return found


def _edges(scenario: Scenario, found: ScenarioMap) -> None:
    setters: dict[str, list[str]] = {}

    def effects_of(source: str, effects: Any) -> None:
        for call in _calls(effects):
            if call.name == "set_flag":
                setters.setdefault(call.args, []).append(source)
            elif call.name == "follow_up":
                found.edges.append(Edge(source, f"e:{call.args}", "schedule"))
            elif call.name == "schedule_event":
                found.edges.append(Edge(source, f"e:{call.args.event}", "schedule"))
            elif call.name == "launch_narrative":
                found.edges.append(Edge(source, f"n:{call.args}", "launch"))
            elif call.name == "end_game":
                found.edges.append(Edge(source, f"x:{call.args}", "end"))

    for topic in scenario.topics:
        effects_of("posts", topic.effects)
    for event in scenario.events:
        source = f"e:{event.id}"
        effects_of(source, event.effects)
        if event.crisis:
            effects_of(source, event.crisis.on_expire)
            for choice in event.crisis.choices:
                effects_of(source, choice.effects)
    testers: list[tuple[str, Any]] = [(f"e:{e.id}", e.when) for e in scenario.events]
    testers += [(f"x:{e.id}", e.when) for e in scenario.endings]
    for target, when in testers:
        if when is None:
            continue
        for call in _calls(when):
            _condition_edges(call, target, setters, found)
    for narrative in scenario.narratives:
        if narrative.evidence_flag:
            for source in setters.get(narrative.evidence_flag, []):
                found.edges.append(Edge(source, f"n:{narrative.id}", "flag",
                                        narrative.evidence_flag))
    seen: set[tuple[str, str, str, str]] = set()
    unique = []
    for edge in found.edges:
        key = (edge.source, edge.target, edge.kind, edge.label)
        if key not in seen and edge.source in found.nodes and edge.target in found.nodes \
                and edge.source != edge.target:
            seen.add(key)
            unique.append(edge)
    found.edges = unique


def _condition_edges(call: Call, target: str, setters: dict[str, list[str]],
                     found: ScenarioMap) -> None:
    name, args = call.name, call.args
    if name in ("flag", "no_flag"):
        label = args if name == "flag" else f"¬{args}"
        for source in setters.get(args, []):
            found.edges.append(Edge(source, target, "flag", label))
    elif name in ("event_fired", "crisis_open", "crisis_missed"):
        found.edges.append(Edge(f"e:{args}", target, "event", name))
    elif name == "choice_made":
        found.edges.append(Edge(f"e:{args.event}", target, "event", args.choice))
    elif name in ("narrative_phase", "narrative_reach_at_least", "narrative_reach_below",
                  "counter_used"):
        found.edges.append(Edge(f"n:{args.narrative}", target, "narrative", name))


# -- drawing ------------------------------------------------------------------------------

def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def render_svg(found: ScenarioMap) -> str:
    """The map as an SVG element (inline in an HTML page)."""
    col_w = max(60, min(170, 5000 // max(1, found.turns + 1)))
    rows = max((n.row for n in found.nodes.values()), default=0) + 1
    width = LEFT * 2 + (found.turns + 1) * col_w + 40
    height = TOP + rows * ROW_H + 30

    def box(node: Node) -> tuple[float, float, float, float]:
        x = LEFT + (node.column - 1) * col_w + (20 if node.kind == "ending" else 0)
        return x, TOP + node.row * ROW_H, node.span * col_w - 12, BOX_H

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="scenario-map" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(_("Map of the scenario"))}">',
             "<defs>" + "".join(
                 f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" '
                 f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
                 f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
                 for kind, (colour, _dash) in EDGE_STYLES.items()) + "</defs>"]
    for turn in range(1, found.turns + 2):
        x: float = LEFT + (turn - 1) * col_w
        title = (_("Turn {turn}").format(turn=fmt_number(turn)) if turn <= found.turns
                 else _("Endings"))
        shade = "#f4f6f9" if turn % 2 else "#ffffff"
        parts.append(f'<rect x="{x}" y="{TOP - 30}" width="{col_w}" '
                     f'height="{height - TOP + 20}" fill="{shade}"/>'
                     f'<text x="{x + 6}" y="{TOP - 12}" class="turn">'
                     f"{escape(title)}</text>")
    for node in found.nodes.values():
        x, y, w, h = box(node)
        colour = "#9e9e9e" if node.never else KIND_COLOURS[node.kind]
        never = (" · " + _("can never happen")) if node.never else ""
        dashed = ' stroke-dasharray="4 3"' if node.never else ""
        parts.append(
            f'<g class="node {node.kind}"><title>{escape(node.label)} — '
            f"{escape(node.tip + never)}</title>"
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"{dashed}/>'
            f'<rect x="{x}" y="{y}" width="6" height="{h}" rx="3" fill="{colour}"/>'
            f'<text x="{x + 12}" y="{y + 15}" class="label">{escape(_short(node.label))}</text>'
            f'<text x="{x + 12}" y="{y + 29}" class="id">{escape(_short(node.tip + never))}'
            "</text></g>")
    for edge in found.edges:
        source, target = found.nodes[edge.source], found.nodes[edge.target]
        sx, sy, sw, sh = box(source)
        tx, ty, _tw, th = box(target)
        x1, y1 = sx + sw, sy + sh / 2
        x2, y2 = tx, ty + th / 2
        if source.kind == "narrative" or x2 <= x1:
            # A narrative's bar runs to the last turn, and a target in the same turn or
            # earlier is to the left: leave from the bottom, near the start.
            x1, y1 = sx + min(sw / 2, 40), sy + sh
        bend = max(40.0, abs(x2 - x1) / 2)
        colour, dash = EDGE_STYLES[edge.kind]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        path = (f"M{x1:.0f},{y1:.0f} C{x1 + bend:.0f},{y1:.0f} "
                f"{x2 - bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}")
        parts.append(f'<path class="edge {edge.kind}" d="{path}" fill="none" stroke="{colour}" '
                     f'stroke-width="1.5"{dash_attr} marker-end="url(#arrow-{edge.kind})">'
                     f"<title>{escape(edge.label)}</title></path>")
        if edge.label and edge.kind == "flag":
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2 - 4
            parts.append(f'<text x="{mx:.0f}" y="{my:.0f}" class="flag">'
                         f"{escape(_short(edge.label))}</text>")
    parts.append("</svg>")
    return "".join(parts)


MAP_CSS = """
.scenario-map text { font: 12px system-ui, sans-serif; fill: #1a1f29; }
.scenario-map text.turn { font-weight: 600; fill: #4a5568; }
.scenario-map text.id { font-size: 10px; fill: #6b7280; }
.scenario-map text.flag { font-size: 10px; fill: #1f5fa8; paint-order: stroke;
  stroke: #fff; stroke-width: 3px; }
.map-scroll { overflow: auto; border: 1px solid #d9dee7; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 22px; height: 0; border-top: 2px solid;
  vertical-align: middle; margin-right: 4px; }
"""


def legend() -> str:
    items = [
        ("#1f5fa8", "", _("a flag set here, tested there")),
        ("#666666", "dashed", _("schedules an event")),
        ("#7b3fa0", "dotted", _("launches or tests a narrative")),
        ("#b3541e", "", _("asks whether an event happened or a choice was made")),
        ("#2e7d32", "dashed", _("ends the game")),
    ]
    spans = "".join(f'<span><i style="border-top: 2px {style or "solid"} {colour}"></i>'
                    f"{escape(text)}</span>" for colour, style, text in items)
    boxes = "".join(
        f'<span><i style="border-top: 8px solid {KIND_COLOURS[k]}"></i>{escape(t)}</span>'
        for k, t in (("narrative", _("narrative")), ("event", _("event")),
                     ("crisis", _("crisis (over its deadline)")), ("ending", _("ending"))))
    never = escape(_("grey, dashed: can never happen"))
    return f'<p class="legend">{boxes}<span>{never}</span><br>{spans}</p>'


def map_section(scenario: Scenario) -> str:
    """The map with its legend, as a section of an HTML page."""
    title = escape(_("Map of the scenario"))
    note = escape(_("Turns run left to right. Hover a box or an arrow for its full text. An "
                    "event with only a condition stands at the first turn it can happen."))
    svg = render_svg(build_map(scenario))
    return (f"<section><h2>{title}</h2><p class=note>{note}</p>{legend()}"
            f'<div class="map-scroll">{svg}</div></section>')


def map_page(scenario: Scenario) -> str:
    """A whole offline HTML page holding the map."""
    title = escape(_("Map of the scenario") + " — " + pick(scenario.meta.title))
    return (f'<!DOCTYPE html>\n<html lang="{get_language()}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>body {{ font: 14px system-ui, sans-serif; "
            f"margin: 24px; color: #1a1f29; }} .note {{ color: #4a5568; }}{MAP_CSS}</style>"
            f"</head><body><h1>{escape(pick(scenario.meta.title))}</h1>"
            f"{map_section(scenario)}</body></html>\n")
