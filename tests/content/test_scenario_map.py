"""`python main.py map`: every bundled scenario drawn as a well-formed SVG with a box for
each event, narrative and ending, and arrows from what sets a flag to what tests it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game import i18n
from game.cli import main
from game.content.loader import load_scenario
from game.content.scenario_map import build_map, map_page, render_svg
from tests.conftest import MINIMAL, load_text

BUNDLED = sorted(Path(__file__).parents[2].joinpath("scenarios").glob("*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_scenario_is_drawn(path: Path) -> None:
    scenario = load_scenario(path).scenario
    assert scenario is not None
    drawn = build_map(scenario)
    keys = set(drawn.nodes)
    assert {f"e:{e.id}" for e in scenario.events} <= keys
    assert {f"x:{e.id}" for e in scenario.endings} <= keys
    assert {f"n:{n.id}" for n in scenario.narratives} <= keys
    assert all(e.source in keys and e.target in keys for e in drawn.edges)
    assert drawn.edges, "arrows show what leads where"
    svg = ET.fromstring(render_svg(drawn))  # well-formed, whatever the texts hold
    groups = svg.findall(f"{SVG}g")
    assert len(groups) == len(drawn.nodes)
    assert len(svg.findall(f"{SVG}path")) == len(drawn.edges)  # arrowheads are in <defs>


def test_a_flag_leads_from_the_crisis_that_sets_it_to_what_tests_it() -> None:
    scenario = load_scenario(MINIMAL).scenario
    assert scenario is not None
    edges = {(e.source, e.target, e.kind, e.label) for e in build_map(scenario).edges}
    assert ("e:tweet", "n:fake", "flag", "verified") in edges  # evidence_flag
    assert ("e:tweet", "e:followup", "event", "hit") in edges  # choice_made
    nodes = build_map(scenario).nodes
    assert nodes["e:followup"].column == 1  # only a condition: its first possible turn
    assert nodes["x:meh"].column == scenario.meta.turns + 1


def test_what_can_never_happen_is_greyed_and_texts_are_escaped(tmp_path: Path) -> None:
    text = MINIMAL.read_text("utf-8").replace(
        "    when: {choice_made: {event: tweet, choice: hit}}", "    when: {turn_at_least: 9}"
    ).replace('title: {fr: "Fausse vidéo", en: "Fake video"}',
              'title: {fr: "<script>x</script>", en: "<script>x</script>"}')
    scenario = load_text(tmp_path, text).scenario
    assert scenario is not None
    drawn = build_map(scenario)
    assert drawn.nodes["e:followup"].never and not drawn.nodes["e:tweet"].never
    page = map_page(scenario)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "can never happen" in page


def test_the_map_command_writes_a_page_in_the_authors_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.html"
    assert main(["map", str(MINIMAL), "--html", str(out), "--lang", "fr"]) == 0
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="fr"' in page
    assert "Carte du scénario" in page and "Tour 1" in page
    assert "Carte écrite dans" in capsys.readouterr().out
    i18n.set_language("en")
    assert main(["map", str(tmp_path / "none.yaml"), "--html", str(out)]) == 2
    assert main(["map", str(MINIMAL), "--html", str(tmp_path / "no" / "x.html")]) == 2


def test_the_balance_report_has_the_map(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["simulate", str(MINIMAL), "--runs", "3", "--html", str(out)]) == 0
    page = out.read_text("utf-8")
    assert "Map of the scenario" in page and 'class="scenario-map"' in page
