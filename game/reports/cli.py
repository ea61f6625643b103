"""The report commands: ``simulate … --export FOLDER`` (student reports of scripted games)
and ``class-report FOLDER --out FILE`` (one page for a folder of student reports)."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.content.controls import escaped
from game.i18n import _, fmt_number, ngettext
from game.invocation import UsageError
from game.reports import forms
from game.reports.classroom import read_folder
from game.reports.content import build_report, generated_now
from game.reports.files import write_report, write_text
from game.reports.mastery import WELL, mastery
from game.reports.summary_html import page
from game.simulation.runner import game_seed, play_game
from game.simulation.strategy_names import strategy_name

if TYPE_CHECKING:
    from game.content.model import Scenario
    from game.engine.game import Game


def export_scripted(folder: Path, scenario: Scenario, strategies: list[str], seed: int,
                    games: int, quiet: bool) -> list[Path]:
    """The reports of the first *games* games of each strategy, as ``simulate`` plays them
    (same seeds), named after the strategy."""
    written = []
    for name in strategies:
        for index in range(games):
            game = play_game(scenario, name, game_seed(seed, index))
            player = {"name": f"{strategy_name(name)} {index + 1}", "class": _("simulation")}
            try:
                report = build_report(game, simulated_answers(game, name), player)
                files = write_report(report, folder)
            except OSError as exc:
                raise UsageError(_("cannot write {path}: {reason}").format(
                    path=folder, reason=exc.strerror or exc)) from exc
            written.append(files.html)
    message = ngettext("{n} student report written to {folder}",
                       "{n} student reports written to {folder}", len(written)).format(
        n=fmt_number(len(written)), folder=folder)
    print(message, file=sys.stderr if quiet else sys.stdout)
    return written


def simulated_answers(game: Game, rater: str = "") -> dict[str, dict[str, int | None]]:
    """Ratings a scripted student gives, so that ``class-report`` has something to
    summarise: a rater who tells reliable from manipulative items a little before the
    game and better after it, in proportion to the concept cards it handled well, with
    noise (seeded by the game and the *rater*'s name: scripted players share seeds).
    Example data, not a measure of anything."""
    cards = mastery(game)
    skill = sum(c["mark"] == WELL for c in cards) / len(cards) if cards else 0.0
    rng = random.Random(f"{game.state.seed}/{rater}")
    answers: dict[str, dict[str, int | None]] = {}
    for when, gap in (("pre", 0.6), ("post", 0.6 + 1.6 * skill)):
        items = forms.items_for(game.scenario, game.state.seed, when, answers)[1]
        answers[when] = {q.id: max(1, min(7, round(4 + (gap if q.reliable else -gap)
                                                    + rng.gauss(0, 1.2)))) for q in items}
    return answers


def class_report(folder: Path, out: Path) -> int:
    """Read *folder*, write the summary to *out*; 1 when no report at all was found."""
    if not folder.is_dir():
        raise UsageError(_("no such folder: {path}").format(path=folder))
    data = read_folder(folder)
    try:
        write_text(out, page(data, generated_now()))
    except OSError as exc:
        raise UsageError(_("cannot write {path}: {reason}").format(
            path=out, reason=exc.strerror or exc)) from exc
    print(ngettext("{n} student report read", "{n} student reports read",
                   len(data.reports)).format(n=fmt_number(len(data.reports))))
    for skipped in data.skipped:  # file names and details shown escaped: no terminal codes
        detail = f" ({escaped(skipped.detail)})" if skipped.detail else ""
        print(_("skipped {path}: {reason}").format(path=escaped(str(skipped.path)),
                                                   reason=skipped.reason)
              + detail, file=sys.stderr)
    print(_("Class summary written to {path}").format(path=out))
    return 0 if data.reports else 1
