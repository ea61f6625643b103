"""Scripted games on every bundled scenario: every screen's change lines add up to the
gauge and reach changes it shows, a value never moves between screens without a line,
no heading stands over nothing, « 1 point » is singular, and the ending's breakdown adds
up to the score."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import i18n
from game.content.loader import load_scenario
from game.engine.game import Game
from game.engine.score import final_score, raw_score, score_breakdown
from game.i18n import pick
from game.paths import SCENARIOS_DIR
from game.presentation import labels, viewmodel
from game.presentation.turn_changes import turn_changes
from game.reports.content import timeline
from game.simulation.strategies import STRATEGIES
from game.ui.scenes.ending import breakdown_blocks, shown_total, tenths
from game.ui.scenes.feed import news_blocks
from game.ui.scenes.resolve import results_blocks

SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))
PLAYERS = ("lesson", "random", "passive", "always_confront", "always_debunk", "topic_posts")
# "+1 points", « -1 points », "1 points": a plural after one.
WRONG_PLURAL = re.compile(r"(?<![\d,.])[+-]?1(?:[.,]0)?[\s\u00a0]points\b")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def texts(blocks: list) -> list[str]:  # type: ignore[type-arg]
    return [b.text for b in blocks]


def shown_gauges(game: Game) -> dict[str, tuple[int, int]]:
    return {g.key: (labels.whole(g.value), g.delta) for g in viewmodel.gauges(game)}


def check_screen(game: Game, blocks_text: list[str], where: str) -> None:
    """The screen's lines add up to its gauges' changes, and every line with a change is
    on the screen."""
    changes = turn_changes(game)
    sources = None if game.phase.value == "resolve" else {"event"}
    lines = [line for line in changes.lines if sources is None or line.outcome.source in sources]
    for key, (_value, delta) in shown_gauges(game).items():
        assert sum(line.deltas.get(key, 0) for line in lines) == delta, (where, key)
    for line in lines:
        if line.deltas:
            assert viewmodel.deltas_text(line.deltas) in blocks_text, (where, line.outcome)
        for text in viewmodel.reach_change_text(game, line.reach):
            assert text in blocks_text, (where, text)
    for narrative_id, run in game.state.narratives.items():
        if not run.live:
            continue
        moved = sum(line.reach.get(narrative_id, 0) for line in lines)
        assert moved == labels.whole(run.weighted) - labels.whole(
            changes.reach_start[narrative_id]), (where, narrative_id)
    for text in blocks_text:
        assert not WRONG_PLURAL.search(text), (where, text)


def no_empty_heading(blocks: list, where: str) -> None:  # type: ignore[type-arg]
    """An outcome's bold title is always followed by something about it."""
    for block, after in zip(blocks, [*blocks[1:], None], strict=True):
        if block.bold and block.role == "body" and block.colour in ("accent", "text") \
                and block.space_before == 0.7:
            assert after is not None and not (after.bold and after.space_before == 0.7) \
                and after.role != "heading", (where, block.text)


def play(path: Path, player: str, seed: int) -> None:
    scenario = load_scenario(path).scenario
    assert scenario is not None
    game, rng = Game(scenario, seed), random.Random(seed)
    strategy = STRATEGIES[player]
    shown_before: dict[str, int] = {k: labels.whole(v) for k, v in game.state.indicators.items()}
    reach_before: dict[str, int] = {}
    on_results: list[str] = []  # each decision's changes as its results screen listed them
    game.start()
    while True:
        where = f"{path.name} {player} seed {seed} turn {game.state.turn}"
        # The news: it starts where the results left off, and lists what moved since.
        changes = turn_changes(game)
        for key, value in changes.start.items():
            assert labels.whole(value) == shown_before[key], (where, "news start", key)
        for narrative_id, shown in reach_before.items():
            run = game.state.narratives[narrative_id]
            if run.launched_turn != game.state.turn:
                assert labels.whole(changes.reach_start[narrative_id]) == shown, \
                    (where, "reach moved between screens", narrative_id)
        check_screen(game, texts(news_blocks(game)), where + " news")
        game.open_desk()
        strategy(game, rng)
        if not game.budget_done():
            game.pass_turn()
        # What the desk showed, the figures the results start from (playtest: the desk said
        # « 63 +2 », the results « 67 +6 » over actions adding to +4).
        on_desk = {g.key: labels.whole(g.value) for g in viewmodel.gauges(game)}
        desk_reach = {n.id: viewmodel.reach_text(n.weighted) for n in viewmodel.narratives(game)}
        game.resolve()
        blocks = results_blocks(game)
        check_screen(game, texts(blocks), where + " results")
        check_results_start(game, on_desk, desk_reach, texts(blocks), where)
        on_results += [(viewmodel.deltas_text(line.deltas),
                        viewmodel.reach_change_text(game, line.reach))
                       for line in turn_changes(game).lines
                       if line.outcome.source in labels.PLAYER_SOURCES]
        no_empty_heading(blocks, where)
        shown_before = {k: labels.whole(v) for k, v in game.state.indicators.items()}
        reach_before = {n: labels.whole(r.weighted) for n, r in game.state.narratives.items()
                        if r.live}
        if game.is_over():
            break
        game.advance()
    check_ending(game, path.name)
    # The debrief and the report list each decision with the numbers its results showed.
    # (Playtest: « Démentir … -8 points » on the results, « -7 points » in the debrief.)
    in_debrief = [(entry["changes_text"], entry["reach"]) for entry in timeline(game)
                  if entry["kind"] in labels.PLAYER_SOURCES]
    assert in_debrief == on_results, path.name


def check_results_start(game: Game, on_desk: dict[str, int], desk_reach: dict[str, str],
                        blocks_text: list[str], where: str) -> None:
    """The results start from the figures the desk showed: each gauge's change is the step
    from the desk's figure, each narrative's "reach from X to Y" starts at the desk's X, and
    the morning's news (already in those figures) is not listed again."""
    for gauge in viewmodel.gauges(game):
        assert labels.whole(gauge.value) - gauge.delta == on_desk[gauge.key], (where, gauge.key)
    changes = turn_changes(game)
    assert all(line.outcome.source != "event" for line in changes.lines), where
    for narrative_id, shown in desk_reach.items():
        run = game.state.narratives[narrative_id]
        title = labels.nested(pick(game.scenario.narrative_by_id[narrative_id].title))
        line = i18n._("“{title}”: reach from {before} to {after}").format(
            title=title, before=shown, after=viewmodel.reach_text(run.weighted))
        assert line in blocks_text, (where, line)


def check_ending(game: Game, where: str) -> None:
    s, st = game.scenario, game.state
    assert st.score is not None
    parts = score_breakdown(s, st)
    assert sum(p.points for p in parts) == pytest.approx(raw_score(s, st), abs=1e-9)
    assert final_score(s, st) == st.score
    total = shown_total(raw_score(s, st), st.score)
    assert sum(tenths([p.points for p in parts], total)) == total
    if 0 <= raw_score(s, st) <= 100:
        assert round(total / 10) == st.score, where
    lines = texts(breakdown_blocks(game))
    assert len(lines) == len(parts) + 2, where  # heading, one line per part, the total
    # The lines as written add up to the total as written.
    found = [float(m.group(1).replace(",", ".")) for line in lines[1:-1]
             for m in [re.search(r": ([+-]\d+[.,]\d) points?$", line)] if m]
    assert len(found) == len(parts), lines
    assert round(sum(found) * 10) == total, (where, lines)
    for line in lines:
        assert not WRONG_PLURAL.search(line), line


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_screen_adds_up_in_scripted_games(path: Path) -> None:
    for player in PLAYERS:
        for seed in (1, 2):
            play(path, player, seed)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_numbers_add_up_in_both_languages(lang: str) -> None:
    i18n.set_language(lang)
    play(SCENARIOS_DIR / "tutorial.yaml", "random", 3)
    play(SCENARIOS_DIR / "deepfake_summit.yaml", "lesson", 4)
