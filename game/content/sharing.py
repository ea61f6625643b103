"""Share scenarios safely: import a zipped scenario folder, export one as a zip.

A zip from a colleague is untrusted.  :func:`import_zip` refuses paths that leave the
folder (absolute, ``..``, symbolic links), zip bombs (total size, compression ratio,
number of files), oversized files and anything but ``scenario.yaml`` and PNG or JPEG
images under ``assets/``; it checks the scenario and installs it under a new folder name,
never over an existing one.  Every refusal is a :class:`Refusal` with a translated
message, never an exception.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

from game import paths
from game.content.checker import IMAGE_MAGIC, MAX_IMAGE_BYTES
from game.content.controls import code_point, unsafe_in_name
from game.content.diagnostics import ProblemError
from game.content.loader import LoadedScenario, load_scenario, scenario_file
from game.content.sharing_rules import (
    IGNORED_NAMES,
    IMAGE_SUFFIXES,
    MAX_ENTRIES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    MAX_ZIP_BYTES,
    SCENARIO_NAMES,
    Refusal,
    Refused,
    unsafe_name,
)
from game.content.starter import scenario_id
from game.content.yaml_source import MAX_FILE_BYTES, load_file
from game.paths import SCENARIOS_DIR

CHUNK = 64 * 1024


@dataclass
class ImportResult:
    """What happened to an imported zip: where it went, or why it was refused."""

    folder: Path | None = None
    refusal: Refusal | None = None
    loaded: LoadedScenario | None = None  # the checked scenario (its warnings, or errors)
    renamed_from: str | None = None  # the folder name that was taken already
    same_id: list[str] = field(default_factory=list)  # installed folders with the same id
    ignored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.refusal is None and self.folder is not None


@dataclass(frozen=True)
class Member:
    """A file of the zip that will be extracted, and where it goes in the scenario folder."""

    info: zipfile.ZipInfo
    target: str  # "scenario.yaml" or "assets/…"
    limit: int


def import_zip(zip_path: Path, into: Path | None = None) -> ImportResult:
    """Import the scenario zipped in *zip_path* into *into* (the user's scenario folder)."""
    target_dir = into if into is not None else paths.user_scenarios_dir()
    try:
        return _import(zip_path, target_dir)
    except Refused as refused:
        return ImportResult(refusal=refused.refusal, loaded=refused.loaded)


def _import(zip_path: Path, target_dir: Path) -> ImportResult:
    _check_archive_file(zip_path)
    try:
        with zipfile.ZipFile(zip_path) as archive:
            members, ignored, folder_name = _plan(archive, zip_path)
            staging = _staging_dir(target_dir)
            try:
                _extract(archive, members, staging)
                loaded = _checked(staging, members)
                same_id = _id_taken(loaded, target_dir)
                folder, renamed = _install(staging, target_dir, folder_name)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise Refused("zip_unreadable", reason=str(exc) or type(exc).__name__) from exc
    except OSError as exc:
        raise Refused("zip_unreadable", reason=exc.strerror or str(exc)) from exc
    loaded = load_scenario(folder / "scenario.yaml")
    return ImportResult(folder=folder, loaded=loaded, ignored=ignored,
                        renamed_from=folder_name if renamed else None, same_id=same_id)


def _check_archive_file(zip_path: Path) -> None:
    if not zip_path.is_file():
        raise Refused("zip_missing", path=str(zip_path))
    size = zip_path.stat().st_size
    if size > MAX_ZIP_BYTES:
        raise Refused("zip_too_large", size=size, limit=MAX_ZIP_BYTES)
    if not zipfile.is_zipfile(zip_path):
        raise Refused("zip_not_zip", path=zip_path.name)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _screen(info: zipfile.ZipInfo) -> None:
    """Refuse one entry of the archive that is unsafe whatever the layout."""
    name = info.filename
    if unsafe_name(name):
        raise Refused("zip_unsafe_path", name=name)
    odd = unsafe_in_name(name)
    if odd is not None:  # ESC, BEL, a right-to-left override…: never a file name here
        raise Refused("zip_bad_character", name=name, char=code_point(odd))
    if _is_symlink(info):
        raise Refused("zip_symlink", name=name)
    if info.flag_bits & 0x1:
        raise Refused("zip_encrypted", name=name)
    if info.file_size > CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise Refused("zip_bomb_ratio", name=name,
                      ratio=info.file_size // max(info.compress_size, 1))


def _plan(archive: zipfile.ZipFile, zip_path: Path) -> tuple[list[Member], list[str], str]:
    """The files to extract, the files ignored, and the folder name to install under."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise Refused("zip_too_many_files", count=len(infos), limit=MAX_ENTRIES)
    for info in infos:
        _screen(info)
    files = [i for i in infos if not i.is_dir()]
    total = sum(i.file_size for i in files)
    if total > MAX_TOTAL_BYTES:
        raise Refused("zip_bomb_total", size=total, limit=MAX_TOTAL_BYTES)
    ignored = [i.filename for i in files if _ignored(i.filename)]
    kept = [i for i in files if not _ignored(i.filename)]
    prefix, scenario = _scenario_entry(kept)
    folder_name = PurePosixPath(prefix).name if prefix else zip_path.stem
    members = [_member(info, prefix, scenario) for info in kept]
    twice = [t for t, n in Counter(m.target.lower() for m in members).items() if n > 1]
    if twice:  # two entries would be written to one file
        raise Refused("zip_duplicate", name=next(
            m.info.filename for m in members if m.target.lower() == twice[0]))
    return members, ignored, scenario_id(Path(folder_name + ".yaml"))


def _ignored(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return parts[0] == "__MACOSX" or parts[-1] in IGNORED_NAMES or parts[-1].startswith("._")


def _scenario_entry(files: list[zipfile.ZipInfo]) -> tuple[str, str]:
    """The folder prefix of the scenario inside the zip, and its scenario file's name."""
    names = [i.filename for i in files]
    tops = {n.split("/", 1)[0] for n in names}
    prefix = ""
    if len(tops) == 1 and all("/" in n for n in names):
        prefix = tops.pop() + "/"
    local = [n[len(prefix):] for n in names]
    for candidate in SCENARIO_NAMES:
        if candidate in local:
            return prefix, candidate
    yamls = [n for n in local if "/" not in n and n.lower().endswith((".yaml", ".yml"))]
    if len(yamls) == 1:
        return prefix, yamls[0]
    if yamls:
        raise Refused("zip_layout")
    raise Refused("zip_no_scenario")


def _member(info: zipfile.ZipInfo, prefix: str, scenario: str) -> Member:
    local = info.filename[len(prefix):]
    if local == scenario:
        limit = MAX_FILE_BYTES
        target = "scenario.yaml"
    elif local.startswith("assets/") and local.lower().endswith(IMAGE_SUFFIXES):
        limit = MAX_IMAGE_BYTES
        target = local
    else:
        raise Refused("zip_bad_type", name=info.filename)
    if info.file_size > limit:
        raise Refused("zip_file_too_large", name=info.filename, size=info.file_size,
                      limit=limit)
    return Member(info, target, limit)


def _staging_dir(target_dir: Path) -> Path:
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".importing-", dir=target_dir))
    except OSError as exc:
        raise Refused("zip_write_failed", folder=str(target_dir),
                      reason=exc.strerror or str(exc)) from exc


def _extract(archive: zipfile.ZipFile, members: list[Member], staging: Path) -> None:
    """Copy each member, counting the bytes really read: the sizes a zip declares can lie."""
    for member in members:
        out = staging / member.target
        out.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with archive.open(member.info) as src, out.open("xb") as dst:
            while chunk := src.read(CHUNK):
                written += len(chunk)
                if written > member.limit or written > member.info.file_size:
                    raise Refused("zip_size_mismatch", name=member.info.filename)
                dst.write(chunk)
        if member.target != "scenario.yaml":
            with out.open("rb") as fh:
                head = fh.read(8)
            if not any(head.startswith(magic) for magic in IMAGE_MAGIC):
                raise Refused("zip_not_image", name=member.info.filename)


def _checked(staging: Path, members: list[Member]) -> LoadedScenario:
    scenario = next(m for m in members if m.target == "scenario.yaml")
    loaded = load_scenario(staging / "scenario.yaml", display=scenario.info.filename)
    if loaded.errors:
        raise Refused("zip_has_errors", loaded=loaded, count=len(loaded.errors))
    return loaded


def _id_taken(loaded: LoadedScenario, target_dir: Path) -> list[str]:
    """Refuse the id of a bundled scenario; the folders already installed with this id."""
    assert loaded.scenario is not None
    ident = loaded.scenario.meta.id
    if ident in bundled_ids():
        raise Refused("zip_bundled_id", loaded=loaded, id=ident)
    return sorted(name for name, other in installed_ids(target_dir) if other == ident)


def bundled_ids() -> frozenset[str]:
    """The ids of the scenarios that come with the game (the tutorial first of all)."""
    return _bundled_ids(SCENARIOS_DIR)


@cache
def _bundled_ids(folder: Path) -> frozenset[str]:
    return frozenset(ident for _name, ident in _ids_in(sorted(folder.glob("*.y*ml"))))


def installed_ids(folder: Path) -> list[tuple[str, str]]:
    """(file or folder name, scenario id) of every scenario installed in *folder*."""
    if not folder.is_dir():
        return []
    files = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue  # a staging folder of an import under way
        file = scenario_file(child) if child.is_dir() else child
        if file.suffix in (".yaml", ".yml") and file.is_file():
            files.append(file)
    return list(_ids_in(files))


def _ids_in(files: list[Path]) -> Iterator[tuple[str, str]]:
    for file in files:
        try:
            data = load_file(file).data
        except ProblemError:
            continue
        meta = data.get("meta") if isinstance(data, dict) else None
        if isinstance(meta, dict) and isinstance(meta.get("id"), str):
            name = file.parent.name if file.name in SCENARIO_NAMES else file.name
            yield name, meta["id"]


def _install(staging: Path, target_dir: Path, name: str) -> tuple[Path, bool]:
    """Move the checked scenario to a folder of its own; never onto an existing one."""
    for n in range(1, 1000):
        folder = target_dir / (name if n == 1 else f"{name}-{n}")
        if folder.exists() or (target_dir / f"{folder.name}.yaml").exists():
            continue
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        for child in staging.iterdir():
            os.replace(child, folder / child.name)
        return folder, n > 1
    raise Refused("zip_write_failed", folder=str(target_dir), reason="no free folder name")
