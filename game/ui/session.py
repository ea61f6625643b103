"""The game in progress and the scenarios to choose from: discovery, new game, autosave."""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import paths
from game.i18n import _, fmt_number, ngettext, pick
from game.ui.settings import write_atomic

if TYPE_CHECKING:
    from game.content.loader import LoadedScenario
    from game.engine.game import Game

log = logging.getLogger(__name__)

AUTOSAVE_FILE = "autosave.json"
AUTOSAVE_FORMAT = "hashtag-diplomacy-autosave"
SUFFIXES = (".yaml", ".yml")
FOLDER_FILES = ("scenario.yaml", "scenario.yml")


@dataclass
class ScenarioEntry:
    """One scenario file as the picker shows it, playable or not."""

    path: Path
    origin: str  # "bundled", "user", "command line"
    loaded: LoadedScenario | None = None
    failure: str | None = None  # why it could not even be read

    @property
    def playable(self) -> bool:
        return self.loaded is not None and self.loaded.playable

    @property
    def title(self) -> str:
        if self.loaded is not None and self.loaded.scenario is not None:
            return pick(self.loaded.scenario.meta.title)
        return self.path.name

    def problem(self) -> str:
        """“Cannot be played: N errors, first: file:line: …” for a broken scenario."""
        if self.failure is not None:
            return _("Cannot be played: {reason}").format(reason=self.failure)
        assert self.loaded is not None
        errors = self.loaded.errors
        if not errors:
            return _("Cannot be played: the file could not be read.")
        first = errors[0]
        where = f"{Path(first.file).name}:{first.line}"  # the full path is shown beside it
        return ngettext("Cannot be played: {n} error, first: {where}: {message}",
                        "Cannot be played: {n} errors, first: {where}: {message}",
                        len(errors)).format(n=fmt_number(len(errors)), where=where,
                                            message=first.message)


def scenario_files(folder: Path) -> list[Path]:
    """Scenario files directly in *folder*, and scenario folders (holding scenario.yaml)."""
    found: list[Path] = []
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return found
    for child in children:
        is_folder = child.is_dir() and any((child / n).is_file() for n in FOLDER_FILES)
        if (child.is_file() and child.suffix in SUFFIXES) or is_folder:
            found.append(child)
    return found


def load_entry(path: Path, origin: str) -> ScenarioEntry:
    """Load one scenario; whatever is wrong with it ends up in the entry, never raised."""
    from game.content.loader import load_scenario

    entry = ScenarioEntry(path, origin)
    if not path.exists():
        entry.failure = _("no such file: {path}").format(path=path)
        return entry
    try:
        entry.loaded = load_scenario(path)
    except Exception as exc:  # a hostile file must not take the game down with it
        log.exception("loading %s failed", path)
        entry.failure = str(exc) or type(exc).__name__
    return entry


def discover(extra: Path | None = None) -> list[ScenarioEntry]:
    """Every scenario the picker lists: ``--scenario`` first, then bundled, then the user's."""
    entries: list[ScenarioEntry] = []
    if extra is not None:
        entries.append(load_entry(extra, "command line"))
    seen = {e.path.resolve() for e in entries}
    for folder, origin in ((paths.SCENARIOS_DIR, "bundled"),
                           (paths.user_scenarios_dir(), "user")):
        for path in scenario_files(folder):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                entries.append(load_entry(path, origin))
    return entries


@dataclass
class Session:
    """The app's game: which scenario, which seed, and the save that lets it continue."""

    scenario_arg: Path | None = None
    seed_arg: int | None = None
    save_dir: Path | None = None
    entries: list[ScenarioEntry] | None = None
    entry: ScenarioEntry | None = None
    game: Game | None = None
    feed_seen: dict[int, tuple[int, int]] = field(default_factory=dict)
    desk: dict[str, Any] = field(default_factory=dict)  # the composer's last choices
    info_view: str = "feed"  # in a narrow window: "feed" or "indicators"
    timer_turn: int | None = None
    timer_left: float = 0.0

    # -- scenarios ------------------------------------------------------------------------

    def scenarios(self, refresh: bool = False) -> list[ScenarioEntry]:
        if self.entries is None or refresh:
            self.entries = discover(self.scenario_arg)
        return self.entries

    def default_entry(self) -> ScenarioEntry | None:
        """What “New game” plays: the ``--scenario`` file, else the first playable one."""
        entries = self.scenarios()
        if self.scenario_arg is not None and entries:
            return entries[0]
        return next((e for e in entries if e.playable), None)

    # -- games ----------------------------------------------------------------------------

    def new_game(self, entry: ScenarioEntry) -> Game:
        from game.engine.game import Game

        assert entry.loaded is not None and entry.loaded.scenario is not None
        seed = self.seed_arg if self.seed_arg is not None else secrets.randbelow(1_000_000)
        self.entry = entry
        self.game = Game(entry.loaded.scenario, seed)
        self.feed_seen, self.desk, self.timer_turn = {}, {}, None
        return self.game

    def end_game(self) -> None:
        self.game = None
        self.entry = None

    # -- autosave -------------------------------------------------------------------------

    @property
    def save_path(self) -> Path:
        return (self.save_dir or paths.user_data_dir()) / AUTOSAVE_FILE

    def autosave(self) -> None:
        """Save after every phase change (not after the debrief: the game is over)."""
        game, entry = self.game, self.entry
        if game is None or entry is None or entry.loaded is None:
            return
        if game.is_over() and str(game.phase) == "debrief":
            self.clear_autosave()
            return
        data = {"format": AUTOSAVE_FORMAT, "version": 1, "scenario": str(entry.path),
                "content_hash": entry.loaded.content_hash, "state": game.state.to_dict()}
        try:
            self.save_path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.save_path, json.dumps(data, ensure_ascii=False))
        except OSError as exc:
            log.warning("autosave to %s failed: %s", self.save_path, exc)

    def clear_autosave(self) -> None:
        try:
            self.save_path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self.save_path, exc)

    def has_autosave(self) -> bool:
        return self.save_path.is_file()

    def resume(self) -> str | None:
        """Load the autosave into ``game``; returns None, or why it could not be resumed."""
        try:
            data: Any = json.loads(self.save_path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != AUTOSAVE_FORMAT:
                raise ValueError("not an autosave")
            entry = load_entry(Path(data["scenario"]), "save")
            if not entry.playable:
                return entry.problem()
            assert entry.loaded is not None
            if entry.loaded.content_hash != data.get("content_hash"):
                return _("The scenario file has changed since this game was saved.")
            return self._restore(entry, data["state"])
        except Exception as exc:  # a damaged save file is input like any other
            log.warning("autosave %s unusable: %s", self.save_path, exc)
            self.game = self.entry = None
            return _("The saved game could not be read.")

    def _restore(self, entry: ScenarioEntry, state_data: Any) -> str | None:
        from game.engine.game import Game
        from game.engine.state import GameState

        assert entry.loaded is not None and entry.loaded.scenario is not None
        state = GameState.from_dict(state_data)
        self.entry = entry
        self.game = Game(entry.loaded.scenario, state.seed, state=state)
        self.feed_seen = {i: (p.likes, p.shares) for i, p in enumerate(state.feed)}
        self.desk, self.timer_turn = {}, None
        return None
