"""The command line: play the game, or the instructor's tools (check, simulate, schema).

``main.py`` hands its arguments here.  Every message is translated; ``--lang`` (or the
system locale) picks the language.  Exit codes: 0 fine, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, cast

from game import i18n
from game.i18n import N_, _
from game.invocation import UsageError, command_name

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + the signal's number, as shells do


def _pre_language(argv: Sequence[str]) -> str | None:
    """``--lang`` read before parsing, so that the parser's own help is translated."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


# The game's own options (the rest are commands): a start with these only is the title
# screen, whose parser needs no commands (building them all is ~4 ms of start-up).
_GAME_OPTIONS_WITH_VALUE = ("--lang", "--scenario", "--seed", "--frames")
_GAME_FLAGS = ("--fullscreen", "--no-questions")


def _starts_the_game(argv: Sequence[str]) -> bool:
    """True when *argv* holds nothing but the game's own options and their values (no
    command, no help, nothing unknown: those need the whole parser and its messages)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GAME_FLAGS or ("=" in arg and arg.partition("=")[0] in _GAME_OPTIONS_WITH_VALUE):
            i += 1
        elif arg in _GAME_OPTIONS_WITH_VALUE and i + 1 < len(argv):
            i += 2
        else:
            return False
    return True


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without *commands*, only the game's own options."""
    from game import __version__

    parser = argparse.ArgumentParser(
        prog=command_name(),
        description=_("Hashtag Diplomacy: a classroom game of digital diplomacy."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("show the version and exit"))
    # Every language with a catalog, and the pseudo-locale (for testing: not in the menus).
    choices = i18n.languages(pseudo=True)
    lang_help = _("language: {choices} ({pseudo}: a pseudo-language for testing)").format(
        choices=", ".join(choices), pseudo=i18n.PSEUDO_LANGUAGE)
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=choices, help=lang_help)
    parser.add_argument("--lang", choices=choices, help=lang_help)
    parser.add_argument("--scenario", type=Path, metavar=_("PATH"),
                        help=_("open this scenario file or folder directly"))
    parser.add_argument("--seed", type=int,
                        help=_("seed of the game's dice (same seed, same game)"))
    parser.add_argument("--frames", type=int, metavar="N",
                        help=_("run N frames then quit (for tests and benchmarks)"))
    parser.add_argument("--fullscreen", action="store_true", help=_("start in full screen"))
    parser.add_argument("--no-questions", action="store_true",
                        help=_("do not ask the scenario's reliability questions before and "
                               "after the game (for demonstrations)"))
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"),
                                parser_class=cast("type[argparse.ArgumentParser]",
                                                  _CommandParser))

    check = sub.add_parser("check", parents=[lang], help=_("check scenario files"),
                           description=_("Check scenario files and report every problem."))
    check.add_argument("paths", nargs="+", type=Path, metavar=_("PATH"),
                       help=_("scenario files or folders"))
    check.add_argument("--json", action="store_true", help=_("print the problems as JSON"))
    check.add_argument("--play", type=int, nargs="?", const=PLAY_GAMES, default=0,
                       metavar="N",
                       help=_("also play N quick games (100 if N is not given) and warn about "
                              "events and endings never reached"))

    _simulate_parser(sub, lang)
    klass = sub.add_parser("class-report", parents=[lang],
                           help=_("summarise a folder of student reports"),
                           description=_("Read the JSON student reports in a folder and write "
                                         "one summary page for the class."))
    klass.add_argument("folder", type=Path, metavar=_("FOLDER"))
    klass.add_argument("--out", type=Path, metavar=_("FILE"), default=Path("summary.html"),
                       help=_("the page to write (default: summary.html)"))

    drawn = sub.add_parser("map", parents=[lang], help=_("draw a map of a scenario"),
                           description=_("Draw a scenario as a picture: turns from left to "
                                         "right, its events, crises, narratives and endings, "
                                         "and arrows for the flags and effects that lead "
                                         "from one to another; an offline HTML page in the "
                                         "language of --lang."))
    drawn.add_argument("path", type=Path, metavar=_("PATH"))
    drawn.add_argument("--html", type=Path, metavar=_("FILE"), required=True,
                       help=_("the page to write (.html)"))
    schema = sub.add_parser("schema", parents=[lang],
                            help=_("print the JSON Schema of scenario files"),
                            description=_("Print the JSON Schema of scenario files, for "
                                          "editors that check and complete YAML as you type; "
                                          "its descriptions are in the language of --lang."))
    schema.add_argument("--languages", default="fr,en", metavar="fr,en",
                        help=_("the languages every text needs, as in meta.languages "
                               "(default: fr,en)"))
    _authoring_parsers(sub, lang)
    return parser


# One line per scripted player, for ``simulate --help`` (docs/balance.md says more).
PLAYER_LINES = {
    "lesson": N_("plays what the scenario teaches (the marked answers, the fitting counters)"),
    "random": N_("picks any legal action at random"),
    "passive": N_("does nothing at all"),
    "always_confront": N_("hits back at everything, in public"),
    "always_debunk": N_("debunks every narrative at once; takes the first answer shown"),
    "longest_label": N_("answers each crisis with its longest answer; never counters"),
    "sounds_open": N_("answers each crisis with the most open-sounding answer; else as taught"),
    "ignore_disinfo": N_("answers crises as taught; leaves the disinformation alone"),
    "topic_posts": N_("answers narratives with calm posts on their topic, not counters"),
    "same_post": N_("sends the same post all game long"),
    "crisis_only": N_("answers crises as taught and does nothing else"),
    "good_start": N_("plays as taught for the first half, then does nothing"),
    "textbook": N_("upper bound: reads the effect numbers in the file (an answer key)"),
    "empathetic": N_("upper bound: the answers that protect people, empathetic posts"),
    "firm": N_("upper bound: the most credible answers, names names, firm posts"),
}
DEFAULT_RUNS = 1000


def _players_epilog() -> str:
    # Imported when the help is shown: the simulator takes ~0.2 s to import (start-up time).
    from game.simulation.strategies import STRATEGIES

    width = max(map(len, STRATEGIES))
    lines = [_("players (--strategy):")]
    lines += [f"  {name.ljust(width)}  {_(PLAYER_LINES.get(name, ''))}" for name in STRATEGIES]
    return "\n".join(lines)


class _CommandParser(argparse.ArgumentParser):
    """A sub-command's parser whose help can be completed only when it is shown.

    ``simulate``'s help names the players, counts the cores and formats a number, which
    imports the simulator and Babel: every start (the title screen, ``check``) would pay
    ~0.2 s for a help page it does not print."""

    late_help: Callable[[argparse.ArgumentParser], None] | None = None

    def format_help(self) -> str:
        if self.late_help is not None:
            self.late_help(self)
            self.late_help = None
        return super().format_help()


def _simulate_help(sim: argparse.ArgumentParser) -> None:
    # Imported when the help is shown: the simulator takes ~0.2 s to import (start-up time).
    from game.simulation.runner import usable_cores

    sim.epilog = _players_epilog()
    late = {"runs": _("games per strategy (default: {n})").format(
                n=i18n.fmt_number(DEFAULT_RUNS)),
            "workers": _("processes to use (default: the usable cores, {n} here)").format(
                n=usable_cores())}
    for action in sim._actions:
        action.help = late.get(action.dest, action.help)


def _simulate_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                     lang: argparse.ArgumentParser) -> None:
    sim = sub.add_parser("simulate", parents=[lang], help=_("play a scenario many times"),
                         description=_("Play a scenario with scripted strategies and "
                                       "summarise endings and scores."),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    if isinstance(sim, _CommandParser):
        sim.late_help = _simulate_help
    sim.add_argument("path", type=Path, metavar=_("PATH"), help=_("a scenario file or folder"))
    # --runs and --workers: their help is written by _simulate_help, when it is shown.
    sim.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    sim.add_argument("--strategy", default="all",
                     help=_("a player listed below, or all (default: all)"))
    sim.add_argument("--seed", type=int, default=1, help=_("first seed (default: 1)"))
    sim.add_argument("--workers", type=int, default=None)
    sim.add_argument("--json", action="store_true", help=_("print the summary as JSON"))
    sim.add_argument("--html", type=Path, metavar=_("FILE"),
                     help=_("also write a balance report page to FILE (.html)"))
    sim.add_argument("--export", type=Path, metavar=_("FOLDER"),
                     help=_("also write student reports (HTML and JSON) of scripted games "
                            "to FOLDER"))
    sim.add_argument("--export-games", type=int, default=1, metavar="N",
                     help=_("with --export: reports of the first N games of each strategy "
                            "(default: 1)"))


def _authoring_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                       lang: argparse.ArgumentParser) -> None:
    new = sub.add_parser("new", parents=[lang], help=_("write a starter scenario to edit"),
                         description=_("Write a commented starter scenario that passes "
                                       "“check” and plays at once. Its comments are in the "
                                       "language of --lang."))
    new.add_argument("path", type=Path, metavar=_("PATH"),
                     help=_("a .yaml file, or a folder name for a scenario with images"))
    new.add_argument("--author", help=_("your name, written in the scenario"))
    imp = sub.add_parser("import", parents=[lang], help=_("install a zipped scenario"),
                         description=_("Check a zipped scenario folder and install it in "
                                       "your scenario folder, where the game finds it."))
    imp.add_argument("zip", type=Path, metavar=_("FILE.zip"))
    exp = sub.add_parser("export", parents=[lang], help=_("zip a scenario to share it"),
                         description=_("Check a scenario and zip it with its images, ready "
                                       "for “import” on another computer."))
    exp.add_argument("path", type=Path, metavar=_("PATH"))
    exp.add_argument("out", type=Path, metavar=_("FILE.zip"))


PLAY_GAMES = 100  # check --play: about 0.25 s on a bundled scenario (benchmarks/RESULTS.md)


def _play_count(argv: list[str]) -> list[str]:
    """``check --play FILE`` means the default number of games, not a game count "FILE"."""
    if argv[:1] != ["check"] or "--play" not in argv:
        return argv
    at = argv.index("--play") + 1
    if at < len(argv) and not argv[at].lstrip("-").isdigit():
        argv.insert(at, str(PLAY_GAMES))
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # only a frozen build needs it: ~3 ms of start-up
        import multiprocessing

        multiprocessing.freeze_support()  # a frozen build's workers start here (Windows, macOS)
    argv = _play_count(list(sys.argv[1:] if argv is None else argv))
    i18n.set_language(i18n.choose_language(_pre_language(argv)))
    from game.cli_argparse import translate_argparse

    translate_argparse()
    plays = _starts_the_game(argv)
    if not plays:
        gc.enable()  # main.py holds collections back only for the game window's start
    parser = build_parser(commands=not plays)
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    commands: dict[str | None, Callable[[argparse.Namespace], int]] = {
        "check": cmd_check,
        "simulate": cmd_simulate,
        "schema": cmd_schema,
        "map": cmd_map,
        "new": cmd_new,
        "import": cmd_import,
        "export": cmd_export,
        "class-report": cmd_class_report,
        None: cmd_play,
    }
    try:
        return commands[args.command](args)
    except UsageError as exc:
        print(_("{prog}: error: {message}").format(prog=parser.prog, message=exc),
              file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    except BrokenPipeError:  # output piped into a reader that has gone (`| head`)
        _silence(sys.stdout)
        return 1


# -- check ----------------------------------------------------------------------------

def scenario_paths(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Scenario files named by the user: files as given, folders searched one level deep."""
    from game.content.loader import SCENARIO_FILE_NAMES, SCENARIO_SUFFIXES

    found: list[tuple[Path, str]] = []
    for path in paths:
        if not path.exists():
            raise UsageError(_("no such file or folder: {path}").format(path=path))
        if path.is_file() or not path.is_dir():  # a device or a pipe: the loader says why
            found.append((path, str(path)))
            continue
        if any((path / name).is_file() for name in SCENARIO_FILE_NAMES):
            found.append((path, str(path / SCENARIO_FILE_NAMES[0])))
            continue
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix in SCENARIO_SUFFIXES:
                found.append((child, str(child)))
            elif child.is_dir() and any((child / n).is_file() for n in SCENARIO_FILE_NAMES):
                found.append((child, str(child / SCENARIO_FILE_NAMES[0])))
    return found


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def cmd_check(args: argparse.Namespace) -> int:
    from game.content.check_report import json_report, text_report
    from game.content.loader import load_scenario
    from game.content.playtest import play_check

    results = [load_scenario(path, display) for path, display in scenario_paths(args.paths)]
    if args.play < 0:
        raise UsageError(_("--play needs a number of games of 0 or more"))
    for loaded in results:
        loaded.diagnostics.extend(play_check(loaded, args.play))
    if args.json:
        _print_or_drop(json_report(results))
    else:
        _print_or_drop(text_report(results, _use_color()))
    return EXIT_PROBLEMS if any(r.errors for r in results) else EXIT_OK


# -- simulate -------------------------------------------------------------------------

def _playable(path: Path) -> tuple[object, Path]:
    from game.content.check_report import text_report
    from game.content.loader import load_scenario

    if not path.exists():
        raise UsageError(_("no such file or folder: {path}").format(path=path))
    loaded = load_scenario(path)
    if not loaded.playable:
        print(text_report([loaded], _use_color()), file=sys.stderr)
        raise UsageError(_("this scenario has errors; fix them before simulating"))
    return loaded.scenario, loaded.path


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.simulation.runner import report, simulate
    from game.simulation.strategies import STRATEGIES

    if args.runs < 1 or args.runs > 1_000_000:
        raise UsageError(_("--runs must be between 1 and 1000000"))
    if not 1 <= args.export_games <= 1000:
        raise UsageError(_("--export-games must be between 1 and 1000"))
    names = list(STRATEGIES) if args.strategy == "all" else [args.strategy]
    unknown = [n for n in names if n not in STRATEGIES]
    if unknown:
        raise UsageError(_("unknown strategy “{name}”; known: {known}").format(
            name=unknown[0], known=", ".join(STRATEGIES)))
    if args.workers is not None and not 1 <= args.workers <= 512:
        raise UsageError(_("--workers must be between 1 and 512"))
    if args.html:
        _check_output_file(args.html)
    if args.export:
        _check_output_folder(args.export)
    scenario, path = _playable(args.path)
    with _stopped_by_sigterm(), _progress_line() as progress:
        results = simulate(scenario, path, args.runs, names, args.seed,  # type: ignore[arg-type]
                           args.workers, progress)
    summary = report(scenario, args.runs, args.seed, results)  # type: ignore[arg-type]
    # A closed pipe (``simulate … | head``) must not cost the files asked for.
    _print_or_drop(json.dumps(summary, ensure_ascii=False, indent=2) if args.json
                   else simulation_text(summary))
    if args.html:
        _write_html(args.html, scenario, summary, results, args.json)
    if args.export:
        from game.reports.cli import export_scripted

        export_scripted(args.export, scenario, names, args.seed,  # type: ignore[arg-type]
                        min(args.export_games, args.runs), args.json)
    return EXIT_OK


def _write_html(out: Path, scenario: object, summary: dict[str, object], results: object,
                quiet: bool) -> None:
    from game.simulation.html_report import page

    html = page(scenario, summary["runs"], summary["seed"], results,  # type: ignore[arg-type]
                summary["unreached_endings"], summary["unreached_events"])  # type: ignore[arg-type]
    try:
        out.write_text(html, "utf-8")
    except OSError as exc:
        raise UsageError(_("cannot write {path}: {reason}").format(
            path=out, reason=exc.strerror or exc)) from exc
    _print_or_drop(_("Balance report written to {path}").format(path=out),
                   sys.stderr if quiet else sys.stdout)


def _check_output_file(out: Path) -> None:
    """Refuse a report path that cannot be written, before minutes of games."""
    folder = out.parent
    if out.is_dir():
        raise UsageError(_("cannot write {path}: it is a folder").format(path=out))
    if not folder.is_dir():
        raise UsageError(_("cannot write {path}: no folder {folder}").format(
            path=out, folder=folder))
    if not os.access(out if out.exists() else folder, os.W_OK):
        raise UsageError(_("cannot write {path}: permission denied").format(path=out))


def _check_output_folder(folder: Path) -> None:
    """Refuse an export folder that cannot be created or written, before the games."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(_("cannot write to {path}: it is not a folder").format(path=folder))
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(_("cannot write to {path}: permission denied").format(path=folder))


def _print_or_drop(text: str, stream: TextIO | None = None) -> None:
    """Print; if the reader has gone (a closed pipe), drop this and later output quietly."""
    stream = stream or sys.stdout
    try:
        print(text, file=stream, flush=True)
    except BrokenPipeError:
        _silence(stream)


def _silence(stream: TextIO) -> None:
    """Point a closed stream at the null device, so that Python's flush at exit is quiet."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


class Terminated(BaseException):
    """SIGTERM arrived: unwind (the worker pool is terminated on the way) and exit 143.
    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it."""


@contextlib.contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` in the main process, so cleanup code runs."""
    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _progress_line() -> Iterator[Callable[[int, int], None] | None]:
    """A progress line on stderr when it is a terminal, nothing otherwise (logs, pipes,
    tests).  A few lines rather than a library: translated, and nothing more to ship."""
    if not sys.stderr.isatty():
        yield None
        return
    from game.i18n import fmt_number, fmt_percent

    shown = False

    def show(done: int, total: int) -> None:
        nonlocal shown
        line = _("Playing: {done} of {total} games ({percent})").format(
            done=fmt_number(done), total=fmt_number(total), percent=fmt_percent(done / total))
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()
        shown = True

    try:
        yield show
    finally:
        if shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def simulation_text(summary: dict[str, object]) -> str:
    from game.i18n import fmt_number, fmt_percent
    from game.simulation.verdict import success_rate

    lines = [_("Scenario {id}: {runs} games per strategy, seed {seed}").format(
        id=summary["scenario"], runs=fmt_number(summary["runs"]), seed=summary["seed"])]  # type: ignore[arg-type]
    strategies = summary["strategies"]
    assert isinstance(strategies, dict)
    for name, data in strategies.items():
        score = data["score"]
        endings = ", ".join(f"{k} {v}" for k, v in data["endings"].items())
        lines.append(_("  {name}: score {mean} (min {min}, max {max}); success {rate}; "
                       "endings: {endings}").format(
            name=name, mean=fmt_number(score["mean"], 1), min=score["min"], max=score["max"],
            rate=fmt_percent(success_rate(data)), endings=endings))
    for key, label in (("unreached_endings", _("Endings never reached")),
                       ("unreached_events", _("Events that never happened"))):
        items = summary[key]
        assert isinstance(items, list)
        lines.append(_("{label}: {items}").format(label=label,
                                                  items=", ".join(items) if items else "—"))
    from game.simulation.verdict import verdict_lines

    lines += verdict_lines(summary["verdict"], strategies)  # type: ignore[arg-type]
    return "\n".join(lines)


# -- map ------------------------------------------------------------------------------

def cmd_map(args: argparse.Namespace) -> int:
    from game.content.check_report import text_report
    from game.content.loader import load_scenario
    from game.content.scenario_map import map_page

    if not args.path.exists():
        raise UsageError(_("no such file or folder: {path}").format(path=args.path))
    _check_output_file(args.html)
    loaded = load_scenario(args.path)
    if loaded.scenario is None:  # errors of meaning still leave a model to draw
        print(text_report([loaded], _use_color()), file=sys.stderr)
        raise UsageError(_("this scenario cannot be read; fix it before drawing its map"))
    try:
        args.html.write_text(map_page(loaded.scenario), "utf-8")
    except OSError as exc:
        raise UsageError(_("cannot write {path}: {reason}").format(
            path=args.html, reason=exc.strerror or exc)) from exc
    _print_or_drop(_("Map written to {path}").format(path=args.html))
    return EXIT_OK


# -- schema ---------------------------------------------------------------------------

def cmd_schema(args: argparse.Namespace) -> int:
    from game.content.model import scenario_json_schema
    from game.content.text import LANGUAGE_PATTERN

    languages = tuple(lang.strip() for lang in args.languages.split(",") if lang.strip())
    if not languages or not all(re.fullmatch(LANGUAGE_PATTERN, lang) for lang in languages):
        raise UsageError(_("--languages takes language codes separated by commas, "
                           "such as fr,en"))
    _print_or_drop(json.dumps(scenario_json_schema(languages), ensure_ascii=False, indent=2))
    return EXIT_OK


# -- new, import, export ---------------------------------------------------------------

def cmd_new(args: argparse.Namespace) -> int:
    from game.content.starter import StarterRefused, write_starter

    try:
        written = write_starter(args.path, i18n.get_language(), args.author)
    except StarterRefused as exc:
        raise UsageError(str(exc)) from exc
    print(_("Starter scenario written to {path}").format(path=written.scenario))
    for extra in written.extra:
        print(_("Also written: {path} (lets editors such as VS Code complete the keys)").format(
            path=extra))
    print(_("Next: {command} check {path}").format(command=command_name(),
                                                    path=written.scenario))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from game.content.check_report import text_report
    from game.content.controls import escaped
    from game.content.sharing import import_zip

    result = import_zip(args.zip)
    if result.loaded is not None and result.loaded.diagnostics:
        print(text_report([result.loaded], _use_color()),
              file=sys.stderr if not result.ok else sys.stdout)
    if not result.ok:
        assert result.refusal is not None
        print(_("import refused: {reason}").format(reason=result.refusal.message),
              file=sys.stderr)
        return EXIT_PROBLEMS
    if result.renamed_from:
        print(_("A scenario folder named “{name}” already exists; this one was installed "
                "beside it.").format(name=result.renamed_from))
    for name in result.ignored:
        print(_("Skipped {name} (a file the system adds, not part of the scenario)").format(
            name=escaped(name)))
    if result.same_id:
        print(_("warning: a scenario with the same id is already installed ({names}); the "
                "game lists both: change meta.id in one of them").format(
            names=", ".join(escaped(n) for n in result.same_id)))
    print(_("Imported into {folder}").format(folder=escaped(str(result.folder))))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from game.content.check_report import text_report
    from game.content.sharing_export import export_zip

    if not args.path.exists():
        raise UsageError(_("no such file or folder: {path}").format(path=args.path))
    refusal, loaded = export_zip(args.path, args.out)
    if refusal is not None:
        if loaded is not None and loaded.errors:
            print(text_report([loaded], _use_color()), file=sys.stderr)
        print(_("export refused: {reason}").format(reason=refusal.message), file=sys.stderr)
        return EXIT_PROBLEMS
    print(_("Scenario zipped into {path}").format(path=args.out))
    return EXIT_OK


# -- class-report ------------------------------------------------------------------------

def cmd_class_report(args: argparse.Namespace) -> int:
    from game.reports.cli import class_report

    return class_report(args.folder, args.out)


# -- play -----------------------------------------------------------------------------

def cmd_play(args: argparse.Namespace) -> int:
    try:
        from game.ui.app import run  # noqa: PLC0415  (pygame is only needed to play)
    except ImportError:
        print(_("The game window is not available in this version yet; "
                "use “{command} check” or “{command} simulate”.").format(
                    command=command_name()))
        return EXIT_OK
    return run(args)
