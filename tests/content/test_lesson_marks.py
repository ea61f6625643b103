"""The author's intent and the teaching verdict: marks checked against labels and effects,
and a verdict that names the shortcut that wins."""

from __future__ import annotations

from pathlib import Path

from game import i18n
from game.cli import simulation_text
from game.simulation.runner import report, simulate
from game.simulation.strategies import SHORTCUTS, STRATEGIES
from tests.conftest import MINIMAL, load_text

CALM = """        - id: calm
          label: {fr: "Apaiser", en: "Calm down"}"""
HIT = """        - id: hit
          label: {fr: "Riposter", en: "Hit back"}"""


def crafted(tmp_path: Path, *changes: tuple[str, str]):  # type: ignore[no-untyped-def]
    text = MINIMAL.read_text("utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return load_text(tmp_path, text)


def codes(loaded) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.code for d in loaded.diagnostics]


def test_a_recommended_answer_with_the_longest_label_is_flagged(tmp_path: Path) -> None:
    loaded = crafted(tmp_path, (CALM, """        - id: calm
          lesson: recommended
          label: {fr: "Apaiser en publiant un communiqué détaillé, sourcé et daté",
                  en: "Calm things down with a detailed, sourced and dated statement"}"""),
                     (HIT, HIT + "\n          lesson: poor"))
    diag = next(d for d in loaded.diagnostics if d.code == "longest_label_best")
    assert diag.params["id"] == "calm" and diag.severity.value == "warning"
    same_length = crafted(tmp_path, (CALM, CALM + "\n          lesson: recommended"),
                          (HIT, HIT + "\n          lesson: poor"))
    assert "longest_label_best" not in codes(same_length)
    assert "lesson_contradicts_effects" not in codes(same_length)


def test_marks_that_contradict_the_effects_are_flagged(tmp_path: Path) -> None:
    loaded = crafted(tmp_path, (CALM, CALM + "\n          lesson: poor"),
                     (HIT, HIT + "\n          lesson: recommended"))
    diag = next(d for d in loaded.diagnostics if d.code == "lesson_contradicts_effects")
    assert diag.params == {"id": "hit", "other": "calm"}
    assert diag.severity.value == "warning"


def test_an_unmarked_scenario_is_not_nagged_but_a_half_marked_one_is(tmp_path: Path) -> None:
    assert "no_lesson_marks" not in codes(crafted(tmp_path))
    second_crisis = """  - id: followup
    when: {choice_made: {event: tweet, choice: hit}}"""
    half = crafted(tmp_path, (CALM, CALM + "\n          lesson: recommended"),
                   (second_crisis, second_crisis + """
    crisis:
      prompt: {fr: "Encore ?", en: "Again?"}
      deadline: 1
      choices:
        - {id: a, label: {fr: "Oui", en: "Yes"}}
        - {id: b, label: {fr: "Non", en: "No"}}"""))
    assert codes(half).count("no_lesson_marks") == 1


def test_the_verdict_names_the_shortcut_that_wins(tmp_path: Path) -> None:
    # Success whatever the player does: every shortcut wins, so nothing is taught.
    loaded = crafted(tmp_path, ("{indicator_at_least: {credibility: 55}}",
                                "{indicator_at_least: {credibility: 0}}"),
                     ("endings:", "rules: {disinformation_bars_success: false}\nendings:"))
    assert loaded.scenario is not None and loaded.playable
    results = simulate(loaded.scenario, None, 20, list(STRATEGIES), 1)
    summary = report(loaded.scenario, 20, 1, results)
    verdict = summary["verdict"]
    assert verdict["judged"] and verdict["teaches"] is False
    assert "passive" in verdict["shortcuts_winning"]
    assert set(verdict["shortcuts_winning"]) <= set(SHORTCUTS)
    for data in summary["strategies"].values():
        assert data["tones"]["success"] == 20
    text = simulation_text(summary)
    assert "The shortcut “passive” wins" in text
    i18n.set_language("fr")
    assert "Le raccourci «\u00a0passive\u00a0» gagne" in simulation_text(summary)


def test_the_verdict_passes_a_scenario_where_only_the_lesson_wins() -> None:
    from game.content.loader import load_scenario
    from game.paths import SCENARIOS_DIR

    loaded = load_scenario(SCENARIOS_DIR / "tutorial.yaml")
    assert loaded.scenario is not None
    results = simulate(loaded.scenario, None, 60, list(STRATEGIES), 1)
    verdict = report(loaded.scenario, 60, 1, results)["verdict"]
    assert verdict["lesson_wins"] and not verdict["shortcuts_winning"], verdict


def test_the_debrief_names_the_answer_the_lesson_recommends(tmp_path: Path) -> None:
    from game.engine.state import Outcome
    from game.reports.content import lesson_line

    loaded = crafted(tmp_path, (CALM, CALM + "\n          lesson: recommended"),
                     (HIT, HIT + "\n          lesson: poor"))
    s = loaded.scenario
    assert s is not None
    wrong = Outcome(1, "answer", {"kind": "answer", "event": "tweet", "choice": "hit"})
    right = Outcome(1, "answer", {"kind": "answer", "event": "tweet", "choice": "calm"})
    missed = Outcome(2, "deadline", {"event": "tweet"})
    assert lesson_line(s, wrong) == "The lesson recommends: Calm down"
    assert lesson_line(s, missed) == "The lesson recommends: Calm down"
    assert lesson_line(s, right) == "The answer the lesson recommends."
    i18n.set_language("fr")
    assert lesson_line(s, wrong) == "La leçon recommande\u00a0: Apaiser"
    unmarked = crafted(tmp_path).scenario
    assert unmarked is not None and lesson_line(unmarked, wrong) == ""


def test_no_verdict_without_both_the_lesson_and_the_shortcuts(tmp_path: Path) -> None:
    loaded = crafted(tmp_path)
    assert loaded.scenario is not None
    for players in (["lesson"], ["passive", "random"]):
        results = simulate(loaded.scenario, None, 5, players, 1)
        verdict = report(loaded.scenario, 5, 1, results)["verdict"]
        assert verdict["judged"] is False and verdict["teaches"] is None, players
        assert "--strategy all" in simulation_text(report(loaded.scenario, 5, 1, results))


OPEN = """        - id: calm
          lesson: recommended
          label: {fr: "Publier tous les détails", en: "Publish every detail"}"""
SECOND_CRISIS = """  - id: followup
    when: {choice_made: {event: tweet, choice: hit}}"""


def _second_crisis(recommended: str) -> str:
    return SECOND_CRISIS + f"""
    crisis:
      prompt: {{fr: "Encore ?", en: "Again?"}}
      deadline: 1
      choices:
        - id: confirm
          label: {{fr: "Confirmer publiquement", en: "Confirm it publicly"}}
          lesson: {"recommended" if recommended == "confirm" else "poor"}
        - id: verify
          label: {{fr: "Vérifier d'abord", en: "Verify first"}}
          lesson: {"recommended" if recommended == "verify" else "poor"}"""


def test_a_scenario_whose_open_sounding_answer_always_wins_is_flagged(tmp_path: Path) -> None:
    """What the sounds_open shortcut exploits: in every crisis the recommended answer is
    the most open-sounding one.  Once in the scenario, at the first crisis's answer."""
    always = crafted(tmp_path, (CALM, OPEN), (HIT, HIT + "\n          lesson: poor"),
                     (SECOND_CRISIS, _second_crisis("confirm")))
    found = [d for d in always.diagnostics if d.code == "open_answer_always_best"]
    assert len(found) == 1
    assert found[0].params == {"id": "calm", "count": 2}
    assert found[0].severity.value == "warning"
    line = always.path.read_text("utf-8").split("\n")[found[0].line - 1]
    assert "Publier tous les détails" in line
    # One crisis where the open-sounding answer is the trap: the lesson is not "sound open".
    once = crafted(tmp_path, (CALM, OPEN), (HIT, HIT + "\n          lesson: poor"),
                   (SECOND_CRISIS, _second_crisis("verify")))
    assert "open_answer_always_best" not in codes(once)
    # A single crisis that recommends openness is fair.
    single = crafted(tmp_path, (CALM, OPEN), (HIT, HIT + "\n          lesson: poor"))
    assert "open_answer_always_best" not in codes(single)
