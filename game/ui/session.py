"""The game in progress and the scenarios to choose from: discovery, new game, saves."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import paths
from game.i18n import _, fmt_number, ngettext, pick
from game.ui import saving

if TYPE_CHECKING:
    from game.content.loader import LoadedScenario
    from game.engine.game import Game
    from game.engine.save import SaveData

log = logging.getLogger(__name__)
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
class Opened:
    """What opening a save gave: the game (``problem`` None), or why not and what to offer."""

    problem: str | None = None
    message: str = ""
    backup: bool = False                    # the backup can be opened instead
    anyway: bool = False                    # edited outside the game, but it can be opened
    start_over: ScenarioEntry | None = None  # the scenario changed: a new game of it
    replay: bool = False                    # ... or the same game replayed on it (as F5)


@dataclass
class Session:
    """The app's game: which scenario, which seed, the saves that let it continue, and the
    student's answers to the scenario's questions."""

    scenario_arg: Path | None = None
    seed_arg: int | None = None
    save_dir: Path | None = None  # the data folder (``saves/`` is made in it)
    entries: list[ScenarioEntry] | None = None
    entry: ScenarioEntry | None = None
    game: Game | None = None
    # Likes and shares the feed showed last, per post key (see feed_keys): they grow from there.
    feed_seen: dict[int, tuple[int, int]] = field(default_factory=dict)
    _feed_keys: list[tuple[Any, int]] = field(default_factory=list, repr=False)
    _next_feed_key: int = 0
    desk: dict[str, Any] = field(default_factory=dict)  # the composer's last choices
    info_view: str = "feed"  # in a narrow window: "feed" or "indicators"
    timer_turn: int | None = None
    timer_left: float = 0.0
    questions_on: bool = True  # ``--no-questions`` turns the pre/post questions off
    # "pre"/"post" -> question id -> rating 1-7, or None when the student skipped it
    answers: dict[str, dict[str, int | None]] = field(default_factory=dict)
    player: dict[str, str] = field(default_factory=dict)  # name and class of the last report
    # A save opened "anyway" (edited outside the game) is not trusted until it has played a
    # turn without error: until then it is not autosaved, so neither the save nor its good
    # backup is replaced (closing the window writes it, the backup kept).  The turn it
    # was opened at; None for a trusted game.
    untrusted_turn: int | None = None

    # -- scenarios ------------------------------------------------------------------------

    def scenarios(self, refresh: bool = False) -> list[ScenarioEntry]:
        if self.entries is None or refresh:
            self.entries = discover(self.scenario_arg)
        return self.entries

    def reread(self, entry: ScenarioEntry) -> ScenarioEntry:
        """*entry* read from its file again, in the list in its place."""
        fresh = load_entry(entry.path, entry.origin)
        for place, known in enumerate(self.entries or []):
            if known is entry:
                self.entries[place] = fresh  # type: ignore[index]
        return fresh

    def default_entry(self) -> ScenarioEntry | None:
        """What “New game” plays: the ``--scenario`` file, else the first playable one."""
        entries = self.scenarios()
        if self.scenario_arg is not None and entries:
            return entries[0]
        return next((e for e in entries if e.playable), None)

    # -- games ----------------------------------------------------------------------------

    def new_game(self, entry: ScenarioEntry, *, keep_answers: bool = False) -> Game:
        """A new game of *entry*.  “Play again” (*keep_answers*) keeps the ratings given
        before the first game: the student has seen the scenario since."""
        import secrets  # here, not at start-up: it imports hashlib and hmac (~2 ms)

        from game.engine.game import Game

        assert entry.loaded is not None and entry.loaded.scenario is not None
        seed = self.seed_arg if self.seed_arg is not None else secrets.randbelow(1_000_000)
        same = self.entry is not None and self.entry.path == entry.path
        self.answers = {"pre": self.answers["pre"]} if (
            keep_answers and same and "pre" in self.answers) else {}
        self.entry = entry
        self._install(Game(entry.loaded.scenario, seed))
        self.untrusted_turn = None
        return self.game  # type: ignore[return-value]

    def replace_game(self, game: Game) -> None:
        """Go on with *game*, of the same scenario (the debrief's “replay from this turn”);
        the ratings after the game belong to the game that ended."""
        self.answers.pop("post", None)
        self._install(game)
        self.autosave()

    def _install(self, game: Game) -> None:
        self.game = game
        self.reset_feed()
        self.desk, self.timer_turn = {}, None

    def reset_feed(self) -> None:
        """A new, loaded or reloaded game: its posts show their counts as they are now."""
        self._feed_keys, self.feed_seen = [], {}
        feed = self.game.state.feed if self.game is not None else []
        self.feed_seen.update((key, (post.likes, post.shares))
                              for key, post in zip(self.feed_keys(), feed, strict=True))

    def feed_keys(self) -> list[int]:
        """A key per post of the feed that stays the same while the post is in it.

        A post's place in the list is not enough: once the feed holds its maximum, the
        engine drops the oldest posts and every place shifts (the likes of one post would
        then count up from another's).  The posts are the engine's own objects, changed in
        place, so they are known by identity; the list keeps them alive, so an identity is
        never reused while it is remembered.  Keys of dropped posts are forgotten."""
        feed = self.game.state.feed if self.game is not None else []
        known = {id(post): key for post, key in self._feed_keys}
        keys = []
        for post in feed:
            key = known.get(id(post))
            if key is None:
                key, self._next_feed_key = self._next_feed_key, self._next_feed_key + 1
            keys.append(key)
        self._feed_keys = list(zip(feed, keys, strict=True))
        alive = set(keys)
        for gone in [k for k in self.feed_seen if k not in alive]:
            del self.feed_seen[gone]  # in place: the feed on screen holds this dict
        return keys

    def end_game(self) -> None:
        self.game = None
        self.entry = None
        self.untrusted_turn = None

    def questions(self, when: str = "pre") -> list[Any]:
        """The items rated *when* ("pre" or "post") in the game being played: one of the
        scenario's two forms (``game.reports.forms``); none when they are turned off."""
        from game.reports.forms import items_for

        if not self.questions_on or self.game is None:
            return []
        game = self.game
        return list(items_for(game.scenario, game.state.seed, when, self.answers)[1])

    def questions_left(self, when: str) -> bool:
        """True while an item of the form rated *when* has no answer yet (a rating given is
        kept at once, so a student who quit half-way goes on from the next item)."""
        given = self.answers.get(when, {})
        return any(q.id not in given for q in self.questions(when))

    def rated(self, when: str) -> bool:
        """True when at least one item of the form *when* was rated (not skipped): the
        words "as before the game" and "Change my ratings" need ratings to refer to."""
        return any(value is not None for value in self.answers.get(when, {}).values())

    def questions_due(self) -> bool:
        """True before the briefing of a game whose questions have not all been answered."""
        game = self.game
        return bool(game is not None and str(game.phase) == "briefing"
                    and self.questions_left("pre"))

    # -- saves ----------------------------------------------------------------------------

    @property
    def saves_dir(self) -> Path:
        return (self.save_dir or paths.user_data_dir()) / saving.SAVES_FOLDER

    @property
    def save_path(self) -> Path:
        return self.slot_path(saving.AUTOSAVE)

    def slot_path(self, slot: str) -> Path:
        return self.saves_dir / saving.slot_file(slot)

    def make_save(self, label: str = "") -> SaveData | None:
        from datetime import datetime

        from game.engine.save import SaveData

        game, entry = self.game, self.entry
        if game is None or entry is None or entry.loaded is None:
            return None
        title = game.scenario.meta.title
        return SaveData(
            game.scenario.meta.id, str(entry.path), entry.loaded.content_hash,
            game.state.to_dict(), title=title.as_dict(), turns=game.turns,
            extra={"answers": self.answers, "player": self.player, "label": label,
                   "desk": saving.desk_to_save(self.desk)},
            saved_at=datetime.now().isoformat(timespec="seconds"))

    def autosave(self, *, final: bool = False) -> str | None:
        """Save the game in the autosave slot (at every phase change, and on quit:
        *final*); returns None, or why it could not be saved (a full or read-only disk: the
        game goes on, the previous save stays as it was, and the window says so)."""
        game = self.game
        if self.untrusted_turn is not None and game is not None:
            if game.state.turn > self.untrusted_turn or game.state.ending is not None:
                self.untrusted_turn = None  # it has played a turn: a game like any other
            elif not final:
                return None
            else:
                return self.save_to(saving.AUTOSAVE, keep_backup=False)
        problem = self.save_to(saving.AUTOSAVE)
        if problem is not None:
            log.warning("autosave to %s failed", self.save_path)
        return problem

    def save_to(self, slot: str, label: str = "", *, keep_backup: bool = True) -> str | None:
        """Save the game in *slot*; returns None, or why it could not be saved."""
        from game.engine.save import write_save

        save = self.make_save(label)
        if save is None:
            return None
        try:
            write_save(self.slot_path(slot), save, keep_backup=keep_backup)
        except (OSError, ValueError) as exc:
            log.warning("saving to %s failed: %s", self.slot_path(slot), exc)
            return saving.write_problem_text(exc)
        return None

    def has_autosave(self) -> bool:
        return saving.slot_usable(saving.AUTOSAVE, self.save_path)

    def has_saves(self) -> bool:
        """Any slot, the autosave included, holds something to open (no save decoded)."""
        return any(saving.slot_usable(slot, self.slot_path(slot)) for slot in saving.ALL_SLOTS)

    def slot_infos(self) -> list[saving.SlotInfo]:
        """Every slot, the autosave first, each file decoded once."""
        return [self.slot_info(slot) for slot in saving.ALL_SLOTS]

    def in_progress(self) -> saving.SlotInfo | None:
        """The automatic save, when it holds a game that is not finished (New game must
        not replace it without asking)."""
        info = self.slot_info(saving.AUTOSAVE)
        save = info.save or info.backup
        played = save is not None and save.turn >= 1 and not save.finished
        return info if played else None  # a game not begun yet has nothing to lose

    def put_aside(self) -> str | None:
        """Copy the game in progress (the automatic save, or its backup if the save is
        damaged) into a slot of its own, before something else takes the automatic save:
        the first empty slot, else the "put aside" slot.  Returns the slot, or None when
        there was nothing to keep or it could not be written (then nothing was changed and
        the caller must not go on: the reason is logged)."""
        from game.engine.save import SaveProblem, backup_path, read_save, write_save

        path = self.save_path
        for source in (path, backup_path(path)):
            try:
                save = read_save(source)
            except SaveProblem:
                continue
            slot = saving.aside_slot(self.slot_infos())
            save.extra = {**save.extra, "label": saving.aside_label()}
            try:
                write_save(self.slot_path(slot), save)
            except (OSError, ValueError) as exc:
                log.warning("putting the game in progress aside failed: %s", exc)
                return None
            return slot
        return None

    def slot_info(self, slot: str) -> saving.SlotInfo:
        return saving.slot_info(slot, self.slot_path(slot))

    def resume(self) -> str | None:
        """Open the autosave; returns None, or why it could not be opened."""
        opened = self.open_save(saving.AUTOSAVE)
        return None if opened.problem is None else opened.message

    def open_save(self, slot: str, *, backup: bool = False, anyway: bool = False) -> Opened:
        """Load *slot* (or its backup) into ``game``; never raises for a bad file."""
        from game.engine.save import SaveProblem, backup_path, read_save

        path = self.slot_path(slot)
        offer_backup = not backup and saving.readable(backup_path(path))
        try:
            trusted = True
            try:
                save = read_save(backup_path(path) if backup else path)
            except SaveProblem as problem:
                if not (anyway and problem.code == "edited" and problem.save is not None):
                    raise
                save, trusted = problem.save, False
            opened = self._open(save)
            if opened.problem is None and not trusted:
                assert self.game is not None
                self.untrusted_turn = self.game.state.turn
            return opened
        except SaveProblem as problem:
            log.warning("save %s unusable: %s", path, problem)
            return Opened(problem.code, saving.problem_text(problem), backup=offer_backup,
                          anyway=problem.code == "edited" and problem.save is not None)
        except Exception:  # a save file is input like any other: never a crash
            log.exception("opening the save %s failed", path)
            return Opened("invalid", saving.problem_text(None), backup=offer_backup)

    def _open(self, save: SaveData) -> Opened:
        from game.engine.game import Game
        from game.engine.save import restore_state

        entry = self._entry_for(save)
        if entry is None:
            return Opened("scenario_missing", saving.missing_text(save))
        if not entry.playable:
            return Opened("scenario_broken", entry.problem())
        assert entry.loaded is not None and entry.loaded.scenario is not None
        if entry.loaded.content_hash != save.content_hash:
            replay = bool(save.state.get("turn_log")) or save.state.get("phase") != "briefing"
            return Opened("scenario_changed", saving.changed_text(save, entry, replay),
                          start_over=entry, replay=replay)
        state = restore_state(save, entry.loaded.scenario)
        self._take(save, entry, Game(entry.loaded.scenario, state.seed, state=state))
        return Opened()

    def _take(self, save: SaveData, entry: ScenarioEntry, game: Game) -> None:
        """Go on with *game*, opened from *save*, with the save's ratings and player."""
        self.entry = entry
        self._install(game)
        self.untrusted_turn = None
        self.answers = saving.answers_from(save.extra.get("answers"))
        self.desk = saving.desk_from_save(save.extra.get("desk"))  # the tab and form left
        player = save.extra.get("player")
        self.player = {str(k): str(v) for k, v in player.items()} \
            if isinstance(player, dict) else {}

    def replay_save(self, slot: str) -> tuple[int, int] | None:
        """The game of *slot*, whose scenario changed since, replayed on the new version to
        where the student was (what F5 does in a game: same seed, same actions); returns
        (turn reached, actions the new version refused), or None if it cannot be done."""
        from game.engine.save import read_save
        from game.engine.state import GameState
        from game.engine.vocabulary import Phase
        from game.simulation.replay import fast_forward

        try:
            save = read_save(self.slot_path(slot))
            entry = self._entry_for(save)
            if entry is None or entry.loaded is None or entry.loaded.scenario is None:
                return None
            state = GameState.from_dict(save.state)
            old = _Played(state, Phase(state.phase))
            result = fast_forward(entry.loaded.scenario, old)  # type: ignore[arg-type]
        except Exception:  # a save and a scenario are input: never a crash
            log.exception("replaying the save %s on its changed scenario failed", slot)
            return None
        self._take(save, entry, result.game)
        return result.game.state.turn, len(result.skipped)

    def _entry_for(self, save: SaveData) -> ScenarioEntry | None:
        """The scenario a save was made with, found by its id among the scenarios the game
        knows (``--scenario``, bundled, the player's folder), the same content first.  The
        path stored in the save is never opened: it could name anything (a device, a FIFO,
        another computer's file)."""
        same_id = [e for e in self.scenarios() if e.loaded is not None
                   and e.loaded.scenario is not None
                   and e.loaded.scenario.meta.id == save.scenario_id]
        # Among them: the file it was played from (compared, not opened), then the same
        # content (a copy on another computer), then any.
        same_id.sort(key=lambda e: (str(e.path) != save.scenario_path,
                                    e.loaded is None or e.loaded.content_hash != save.content_hash))
        return same_id[0] if same_id else None


@dataclass
class _Played:
    """What :func:`game.simulation.replay.fast_forward` reads of the game it replays: the
    saved state and its phase (the old version of the scenario is gone)."""

    state: Any
    phase: Any
