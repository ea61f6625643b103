"""Saved games: a versioned, checksummed JSON envelope around the state, written atomically.

A save file holds the scenario's id, path and content hash, the game state
(:meth:`GameState.to_dict`, never pickle) and a few things the session keeps (the pre/post
question ratings).  :func:`write_save` never leaves half a file: it writes a temporary
file, flushes and fsyncs it, keeps the previous save as ``<name>.bak`` (a hard link, so
there is no moment without a save), renames the new file over the old one and fsyncs the
folder.  :func:`read_save` turns every way a file can be wrong into a :class:`SaveProblem`
with a code the UI explains (``empty``, ``truncated``, ``version``, ``edited``…).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.actions import Action, AnswerCrisis, PostMessage, action_from_dict
from game.engine.state import GameState, check_plain, check_state_data
from game.engine.vocabulary import INDICATORS, Phase, Technique
from game.regular_file import FileTooLarge, NotRegular, read_regular

if TYPE_CHECKING:
    from game.engine.scenario_spec import ScenarioSpec as Scenario

log = logging.getLogger(__name__)

SAVE_FORMAT = "hashtag-diplomacy-save"
SAVE_VERSION = 1
BACKUP_SUFFIX = ".bak"
TMP_SUFFIX = ".tmp"
# A classroom save is ~50 KB; the longest game a scenario allows (1,000 turns) measured
# 1.2-3.3 MB depending on how busy the player was (docs/saves-and-reports.md): 8 MB keeps
# a margin of 2.4 over the busiest, and decoding and checking it takes well under a second.
MAX_SAVE_BYTES = 8 * 1024 * 1024
MAX_SCENARIO_TURNS = 1000  # game.content.model.MAX_TURNS (the engine may not import it)

# Why a save cannot be used (the UI has a sentence for each).
PROBLEMS = ("missing", "unreadable", "empty", "truncated", "damaged", "foreign", "version",
            "edited", "invalid")


class SaveProblem(Exception):
    """A save that cannot be loaded as it is; ``code`` is one of :data:`PROBLEMS`.

    ``save`` is set for an ``edited`` file that is still well formed: the player may choose
    to load it anyway."""

    def __init__(self, code: str, detail: str = "", save: SaveData | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.save = save


@dataclass
class SaveData:
    """What a save file holds, unpacked."""

    scenario_id: str
    scenario_path: str
    content_hash: str
    state: dict[str, Any]
    title: dict[str, str] = field(default_factory=dict)  # the scenario's title, per language
    turns: int = 0                                       # the scenario's number of turns
    extra: dict[str, Any] = field(default_factory=dict)  # the session's own data
    saved_at: str = ""                                   # ISO 8601, local time

    @property
    def turn(self) -> int:
        return int(self.state.get("turn", 0))

    @property
    def phase(self) -> str:
        return str(self.state.get("phase", ""))

    @property
    def finished(self) -> bool:
        return self.state.get("ending") is not None


# -- encoding ----------------------------------------------------------------------------

def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _body(save: SaveData) -> dict[str, Any]:
    return {
        "scenario": {"id": save.scenario_id, "path": save.scenario_path,
                     "content_hash": save.content_hash, "title": dict(save.title),
                     "turns": save.turns},
        "saved_at": save.saved_at,
        "state": save.state,
        "extra": save.extra,
    }


def encode(save: SaveData) -> bytes:
    """The file's bytes: the envelope, with a checksum of its body (detects hand edits).

    The body is written in its canonical form, the very bytes the checksum covers: one
    encoding instead of two, which matters for long games (a 1,000-turn save is ~2 MB)."""
    body = _canonical(_body(save))
    head = json.dumps({"format": SAVE_FORMAT, "version": SAVE_VERSION,
                       "checksum": hashlib.sha256(body).hexdigest()}, separators=(",", ":"))
    return b"".join((head[:-1].encode("utf-8"), b",", memoryview(body)[1:], b"\n"))


def decode(raw: bytes) -> SaveData:
    """Unpack a save file's bytes, every field checked; raises :class:`SaveProblem` and
    nothing else, whatever the bytes (nesting deep enough to exhaust the parser's stack,
    ``1e999``, ``Infinity``, a wrong type anywhere)."""
    if not raw.strip():
        raise SaveProblem("empty")
    data = _parse(raw)
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveProblem("foreign")
    if data.get("version") != SAVE_VERSION:
        raise SaveProblem("version", str(data.get("version"))[:40])
    try:
        save = _unpack(data)
        check_state_data(save.state)
        checksum = hashlib.sha256(_canonical(_body(save))).hexdigest()
    except Exception as exc:  # noqa: BLE001 - a save is input: anything wrong is "invalid"
        raise SaveProblem("invalid", f"{type(exc).__name__}: {str(exc)[:200]}") from None
    if checksum != data.get("checksum"):
        raise SaveProblem("edited", "checksum mismatch", save)
    return save


def _parse(raw: bytes) -> Any:
    """The JSON of a save; ``NaN`` and ``Infinity`` (which JSON does not have) and numbers
    too large for a float are refused, and so is anything the parser chokes on."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant,
                          parse_float=_finite_float)
    except UnicodeDecodeError as exc:
        raise SaveProblem("damaged", str(exc)) from None
    except ValueError as exc:
        # Our files always end with "}": one that does not was cut short.
        code = "damaged" if raw.rstrip().endswith(b"}") else "truncated"
        raise SaveProblem(code, str(exc)[:200]) from None
    except (RecursionError, MemoryError, OverflowError) as exc:
        raise SaveProblem("damaged", type(exc).__name__) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is too large")
    return value


def _unpack(data: dict[str, Any]) -> SaveData:
    scenario, state, extra = data["scenario"], data["state"], data.get("extra", {})
    if not all(isinstance(part, dict) for part in (scenario, state, extra)):
        raise TypeError("scenario, state and extra must be objects")
    title, turns = scenario.get("title", {}), scenario.get("turns", 0)
    texts = (scenario["id"], scenario["path"], scenario["content_hash"],
             data.get("saved_at", ""))
    if not isinstance(title, dict) or not all(isinstance(t, str) and len(t) <= 10_000
                                              for t in (*texts, *title, *title.values())):
        raise TypeError("the scenario's id, path, hash and title must be texts")
    if type(turns) is not int or not 0 <= turns <= MAX_SCENARIO_TURNS:
        raise ValueError(f"turns: {str(turns)[:20]}")
    _check_extra(extra)
    return SaveData(scenario_id=texts[0], scenario_path=texts[1], content_hash=texts[2],
                    state=state, title=dict(title), turns=turns, extra=extra,
                    saved_at=texts[3])


def _check_extra(extra: dict[str, Any]) -> None:
    """The session's part: plain JSON, read field by field by ``game.ui.saving``."""
    check_plain(extra)


# -- files -------------------------------------------------------------------------------

def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def read_save(path: Path) -> SaveData:
    """Read and unpack a save file; raises :class:`SaveProblem`."""
    return decode(_read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_SAVE_BYTES)
    except FileNotFoundError:
        raise SaveProblem("missing") from None
    except FileTooLarge:
        raise SaveProblem("foreign", "too large") from None
    except NotRegular:
        raise SaveProblem("foreign", "not a regular file") from None
    except OSError as exc:
        raise SaveProblem("unreadable", str(exc)) from None


def write_save(path: Path, save: SaveData, *, keep_backup: bool = True) -> None:
    """Write *save* to *path* atomically, keeping the previous good save as the backup.

    *keep_backup* False leaves the backup as it is: the game written is not trusted yet (a
    save opened "anyway"), so what it replaces must not push the good backup out.
    Raises OSError (a full or read-only disk); the files already there are then intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(path)
    data = encode(save)
    tmp = _write_temporary(path, data)
    try:
        if keep_backup and _is_good_save(path):  # a damaged file never pushes it out
            _keep_as_backup(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _written[str(path)] = hashlib.sha256(data).hexdigest()
    _fsync_folder(path.parent)


def _write_temporary(path: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _keep_as_backup(path: Path) -> None:
    """Make ``<name>.bak`` the current file, atomically: a hard link renamed over the old
    backup (no copy, no moment without a save); a copy where links are not supported."""
    backup = backup_path(path)
    staging = path.with_name(f"{path.name}.{os.getpid()}.link{TMP_SUFFIX}")
    staging.unlink(missing_ok=True)
    try:
        os.link(path, staging)
    except OSError:  # FAT drives, some network shares
        os.replace(_write_temporary(backup, path.read_bytes()), backup)
        return
    os.replace(staging, backup)


# The digest of the bytes this process last wrote to each save file.  A file that still
# has them is known good without being decoded again: decoding a long game's save at every
# autosave cost time and left the memory high-water mark growing with the game.
_written: dict[str, str] = {}


def _is_good_save(path: Path) -> bool:
    try:
        raw = _read_bytes(path)
        if _written.get(str(path)) != hashlib.sha256(raw).hexdigest():
            decode(raw)
    except SaveProblem:
        return False
    return True


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files left by a game that was killed while saving."""
    for stale in path.parent.glob(f"{path.name}.*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_save(path: Path) -> None:
    """Delete a save and its backup (a slot the player empties)."""
    for target in (path, backup_path(path)):
        target.unlink(missing_ok=True)


# -- checking a state against its scenario ------------------------------------------------

def restore_state(save: SaveData, scenario: Scenario) -> GameState:
    """The saved state, checked against *scenario*; raises ``SaveProblem("invalid")``
    when it refers to things the scenario does not have or holds impossible values."""
    try:
        state = GameState.from_dict(save.state)
        reason = state_problem(state, scenario)
    except Exception as exc:  # noqa: BLE001 - a save is input: anything wrong is "invalid"
        raise SaveProblem("invalid", f"{type(exc).__name__}: {str(exc)[:200]}") from None
    if reason is not None:
        raise SaveProblem("invalid", reason)
    return state


def state_problem(state: GameState, scenario: Scenario) -> str | None:
    """Why *state* cannot be a game of *scenario*, or None (a hand-edited file could
    otherwise crash the game several turns later)."""
    events = set(scenario.event_by_id)
    checks: list[tuple[bool, str]] = [
        (state.scenario_id == scenario.meta.id, "another scenario"),
        (set(state.narratives) == set(scenario.narrative_by_id), "unknown narratives"),
        (set(state.inoculation) == set(scenario.audience_by_id), "unknown audiences"),
        (all(_gauge(state.indicators[k]) for k in INDICATORS), "indicator out of range"),
        (all(_gauge(v, 1.0) for v in state.inoculation.values()), "inoculation out of range"),
        (0 <= state.turn <= scenario.meta.turns, "turn out of range"),
        (state.phase in {p.value for p in Phase}, "unknown phase"),
        (set(state.fired) | set(state.crises) | set(state.answers) | set(state.missed)
         <= events, "unknown events"),
        (state.ending is None or state.ending in scenario.ending_by_id, "unknown ending"),
        (state.phase != Phase.DEBRIEF or state.ending is not None, "debrief without ending"),
        (state.budget <= scenario.meta.actions_per_turn + state.extra_actions,
         "budget out of range"),
        (all(set(run.reach) <= set(scenario.audience_by_id)
             for run in state.narratives.values()), "unknown audiences in a narrative"),
        (all(snap["turn"] <= state.turn and set(snap["indicators"]) <= set(INDICATORS)
             and set(snap["narratives"]) <= set(scenario.narrative_by_id)
             for snap in state.history), "history out of range"),
        (len(state.turn_log) <= state.turn, "turn log longer than the game"),
        (all(b["narrative"] in scenario.narrative_by_id and b["turn"] <= state.turn
             and b["technique"] in _TECHNIQUES for b in state.badges), "unknown badge"),
        (all(n in scenario.narrative_by_id and set(r) <= set(scenario.audience_by_id)
             for n, r in state.reach_before.items()), "unknown narratives in the spread"),
    ]
    for ok, reason in checks:
        if not ok:
            return reason
    try:
        actions = [action_from_dict(data) for data in
                   [*state.planned, *(a for turn in state.turn_log for a in turn)]]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return f"unknown action: {exc}"
    if not all(_action_fits(action, scenario) for action in actions):
        return "an action refers to something the scenario does not have"
    return None


_TECHNIQUES = frozenset(t.value for t in Technique)


def _action_fits(action: Action, scenario: Scenario) -> bool:
    if isinstance(action, PostMessage):
        return action.audience in scenario.audience_by_id and action.topic in scenario.topic_by_id
    if isinstance(action, AnswerCrisis):
        event = scenario.event_by_id.get(action.event)
        return bool(event and event.crisis and any(c.id == action.choice
                                                   for c in event.crisis.choices))
    return action.narrative in scenario.narrative_by_id and (
        action.audience is None or action.audience in scenario.audience_by_id)


def _gauge(value: float, top: float = 100.0) -> bool:
    return math.isfinite(value) and 0.0 <= value <= top
