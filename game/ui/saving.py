"""Save slots as the player sees them: file names, what each slot holds, and the sentences
that explain a save that cannot be opened.

The file format and the atomic writes live in ``game.engine.save``; the session
(``game.ui.session``) saves and opens games with them.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from game.i18n import _, fmt_datetime, pick

if TYPE_CHECKING:
    from game.engine.save import SaveData, SaveProblem

SAVES_FOLDER = "saves"
AUTOSAVE = "autosave"
SLOTS = ("slot1", "slot2", "slot3")
ASIDE = "aside"  # a game in progress put aside by New game when every slot is taken
BACKUP_SUFFIX = ".bak"  # engine.save.BACKUP_SUFFIX (the title must not import the save code)
ALL_SLOTS = (AUTOSAVE, *SLOTS, ASIDE)
MAX_LABEL = 40  # characters of a slot's name


def slot_file(slot: str) -> str:
    if slot not in ALL_SLOTS:
        raise ValueError(f"unknown save slot {slot!r}")
    return f"{slot}.json"


def slot_name(slot: str) -> str:
    if slot == AUTOSAVE:
        return _("Automatic save")
    if slot == ASIDE:
        return _("Game put aside")
    return _("Slot {n}").format(n=SLOTS.index(slot) + 1)


@dataclass
class SlotInfo:
    """One slot read from disk: its save, or the problem with it, and a usable backup."""

    slot: str
    path: Path
    save: SaveData | None = None
    problem: SaveProblem | None = None
    backup: SaveData | None = None

    @property
    def empty(self) -> bool:
        return self.save is None and self.backup is None and (
            self.problem is None or self.problem.code == "missing")

    @property
    def usable(self) -> bool:
        """Something can be offered: the save, an edited save, or its backup."""
        return not self.empty

    def title(self) -> str:
        label = str(self.save.extra.get("label") or "") if self.save is not None else ""
        return f"{slot_name(self.slot)} — {label}" if label else slot_name(self.slot)

    def details(self) -> str:
        if self.save is not None:
            return describe(self.save)
        if self.empty:
            return _("Empty")
        assert self.problem is not None or self.backup is not None
        return problem_text(self.problem)


def slot_info(slot: str, path: Path) -> SlotInfo:
    """What *slot* holds, each file decoded once; only what the lists show is kept of a
    save (a long game's state is dropped as soon as it has been checked)."""
    info = SlotInfo(slot, path)
    if not path.parent.is_dir():  # nothing saved yet (a first start): not importing the
        return info               # save code saves ~10 ms of the title screen's start-up
    from game.engine.save import SaveProblem, backup_path, read_save

    try:
        info.save = _light(read_save(path))
    except SaveProblem as problem:
        info.problem = problem
        with contextlib.suppress(SaveProblem):
            info.backup = _light(read_save(backup_path(path)))
    return info


def slot_usable(slot: str, path: Path) -> bool:
    """``slot_info(slot, path).usable`` without decoding a save that is there: the title
    screen only enables its buttons, and a file there, damaged or not, is offered (its
    problem is shown when it is opened).  Importing and running the save code for that
    was 10-25 ms of the start-up; it still runs when only a backup is left."""
    try:
        path.stat()
        return True
    except FileNotFoundError:
        try:
            path.with_name(path.name + BACKUP_SUFFIX).stat()
        except FileNotFoundError:
            return False  # neither a save nor a backup: empty
        except OSError:
            pass
    except OSError:
        pass
    return slot_info(slot, path).usable  # what the save code makes of it


def _light(save: SaveData) -> SaveData:
    from dataclasses import replace

    state = {key: save.state.get(key) for key in ("turn", "phase", "ending", "seed")}
    return replace(save, state=state)


def aside_slot(infos: list[SlotInfo]) -> str:
    """Where New game puts the game in progress: the first empty slot, else ``aside``."""
    return next((i.slot for i in infos if i.slot in SLOTS and i.empty), ASIDE)


def aside_label() -> str:
    return _("Put aside by New game")


def readable(path: Path) -> bool:
    from game.engine.save import SaveProblem, read_save

    try:
        read_save(path)
    except SaveProblem:
        return False
    return True


def describe(save: SaveData) -> str:
    """“The deepfake summit · turn 3 of 8 · 14 March 2026 10:42”."""
    title = pick(save.title) or save.scenario_id
    if save.finished:
        where = _("finished")
    else:
        where = _("turn {turn} of {total}").format(turn=save.turn, total=save.turns or "?")
    parts = [title, where]
    when = saved_when(save)
    if when:
        parts.append(when)
    return " · ".join(parts)


def saved_when(save: SaveData) -> str:
    try:
        from datetime import datetime  # dates of saves shown: not at start-up

        return fmt_datetime(datetime.fromisoformat(save.saved_at))
    except ValueError:
        return ""


def problem_text(problem: SaveProblem | None) -> str:
    """The sentence explaining why a save cannot be opened as it is."""
    code = problem.code if problem is not None else "invalid"
    texts = {
        "missing": _("There is no saved game here."),
        "unreadable": _("The save file could not be opened (is the disk still there?)."),
        "empty": _("The save file is empty: the game was probably stopped while saving."),
        "truncated": _("The save file is cut short: the game was probably stopped while "
                       "saving."),
        "damaged": _("The save file is damaged and cannot be read."),
        "foreign": _("This file is not a Hashtag Diplomacy save."),
        "version": _("This save was made by another version of the game, which saves "
                     "games differently."),
        "edited": _("This save was changed outside the game: it may not play as it was "
                    "saved."),
        "invalid": _("This save was changed or damaged and no longer fits its scenario."),
    }
    return texts.get(code, texts["invalid"])


def missing_text(save: SaveData) -> str:
    return _("The scenario of this game, “{title}”, is no longer on this computer.").format(
        title=pick(save.title) or save.scenario_id)


class Titled(Protocol):
    """A scenario entry as this module needs it (the session's ``ScenarioEntry``, which
    imports this module: a Protocol keeps the two out of an import circle)."""

    @property
    def title(self) -> str: ...


def changed_text(save: SaveData, entry: Titled, replay: bool = False) -> str:
    if replay:
        return _("The scenario “{title}” has changed since this game was saved. The game "
                 "can be replayed on the new version, with the same seed and the same "
                 "choices, to where you were; or started over.").format(title=entry.title)
    return _("The scenario “{title}” has changed since this game was saved, so the game "
             "cannot go on with the new version. You can start it over.").format(
        title=entry.title)


def write_problem_text(exc: OSError | ValueError) -> str:
    """Why a save could not be written, in words a student can act on."""
    import errno

    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT):
        reason = _("the disk is full")
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = _("the game may not write in its data folder (read-only, or no permission)")
    else:
        reason = str(getattr(exc, "strerror", None) or exc)
    return _("The game could not be saved: {reason}").format(reason=reason)


def unsaved_notice(problem: str) -> str:
    """The notice shown when the automatic save failed: what happened, and that nothing
    is lost yet."""
    return problem + " " + _("The previous save is kept, and the game goes on.")


def answers_from(data: Any) -> dict[str, dict[str, int | None]]:
    """Question ratings read back from a save, keeping only well-formed ones."""
    out: dict[str, dict[str, int | None]] = {}
    if not isinstance(data, dict):
        return out
    for when in ("pre", "post"):
        ratings = data.get(when)
        if isinstance(ratings, dict):
            out[when] = {str(k): v if isinstance(v, int) and 1 <= v <= 7 else None
                         for k, v in ratings.items()}
    return out


# -- the desk left: its tab and its forms' choices (the student's unfinished words too) ----

DESK_FORMS = ("post", "counter")
MAX_DESK_VALUE = 400  # more than a post's 280 characters; ids and codes are short


def desk_to_save(desk: dict[str, Any]) -> dict[str, Any]:
    """The session's desk memory as plain, bounded JSON."""
    out: dict[str, Any] = {}
    if isinstance(desk.get("tab"), str) and isinstance(desk.get("tab_turn"), int):
        out["tab"], out["tab_turn"] = desk["tab"][:20], desk["tab_turn"]
    for form in DESK_FORMS:
        values = desk.get(form)
        if isinstance(values, dict):
            out[form] = {str(k)[:40]: v[:MAX_DESK_VALUE] for k, v in values.items()
                         if isinstance(v, str)}
    return out


def desk_from_save(data: Any) -> dict[str, Any]:
    """The desk memory a save kept; anything unexpected is dropped (the forms check every
    value against the scenario before using it, the words are cleaned again)."""
    if not isinstance(data, dict):
        return {}
    from game.engine.actions import post_words

    out: dict[str, Any] = {}
    if isinstance(data.get("tab"), str) and type(data.get("tab_turn")) is int:
        out["tab"], out["tab_turn"] = data["tab"][:20], data["tab_turn"]
    for form in DESK_FORMS:
        values = data.get(form)
        if isinstance(values, dict):
            out[form] = {str(k)[:40]: str(v)[:MAX_DESK_VALUE] for k, v in values.items()
                         if isinstance(v, str)}
    if "own_text" in out.get("post", {}):
        out["post"]["own_text"] = post_words(out["post"]["own_text"])
    return out
