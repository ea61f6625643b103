"""The report commands: ``simulate … --export FOLDER`` (student reports of scripted games)
and ``class-report FOLDER --out FILE`` (one page for a folder of student reports)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import _, fmt_number, ngettext

if TYPE_CHECKING:
    from game.content.model import Scenario


def _usage(message: str) -> Exception:
    from game.cli import UsageError

    return UsageError(message)


def export_scripted(folder: Path, scenario: Scenario, strategies: list[str], seed: int,
                    games: int, quiet: bool) -> list[Path]:
    """The reports of the first *games* games of each strategy, as ``simulate`` plays them
    (same seeds), named after the strategy."""
    from game.reports.content import build_report
    from game.reports.files import write_report
    from game.simulation.html_report import strategy_name
    from game.simulation.runner import game_seed, play_game

    written = []
    for name in strategies:
        for index in range(games):
            game = play_game(scenario, name, game_seed(seed, index))
            player = {"name": f"{strategy_name(name)} {index + 1}", "class": _("simulation")}
            try:
                files = write_report(build_report(game, None, player), folder)
            except OSError as exc:
                raise _usage(_("cannot write {path}: {reason}").format(
                    path=folder, reason=exc.strerror or exc)) from exc
            written.append(files.html)
    message = ngettext("{n} student report written to {folder}",
                       "{n} student reports written to {folder}", len(written)).format(
        n=fmt_number(len(written)), folder=folder)
    print(message, file=sys.stderr if quiet else sys.stdout)
    return written


def class_report(folder: Path, out: Path) -> int:
    """Read *folder*, write the summary to *out*; 1 when no report at all was found."""
    from game.content.controls import escaped
    from game.reports.classroom import read_folder
    from game.reports.content import generated_now
    from game.reports.files import write_text
    from game.reports.summary_html import page

    if not folder.is_dir():
        raise _usage(_("no such folder: {path}").format(path=folder))
    data = read_folder(folder)
    try:
        write_text(out, page(data, generated_now()))
    except OSError as exc:
        raise _usage(_("cannot write {path}: {reason}").format(
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
