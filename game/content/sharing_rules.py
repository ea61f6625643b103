"""The limits of a shared scenario zip and the messages that explain a refusal."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.content.controls import escaped
from game.i18n import N_, _, fmt_number, ngettext

if TYPE_CHECKING:
    from game.content.loader import LoadedScenario

MAX_ZIP_BYTES = 40 * 1024 * 1024  # the .zip file itself
MAX_TOTAL_BYTES = 60 * 1024 * 1024  # everything in it, unpacked
MAX_ENTRIES = 300
MAX_RATIO = 100  # unpacked size / packed size, per file: text rarely packs better than 20
SCENARIO_NAMES = ("scenario.yaml", "scenario.yml")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
# What operating systems and editors add to a folder; skipped, never extracted.
IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "scenario.schema.json",
                           "scenario.schema.fr.json"})

REFUSALS: dict[str, str] = {
    "zip_missing": N_("no such file: {path}"),
    "zip_not_zip": N_("“{path}” is not a zip archive"),
    "zip_too_large": N_("the zip is {size} bytes; a shared scenario may be at most {limit} "
                        "bytes"),
    "zip_unreadable": N_("the zip cannot be read (damaged or unsupported): {reason}"),
    "zip_too_many_files": N_("the zip holds {count} entries; a scenario may hold at most "
                             "{limit}"),
    "zip_unsafe_path": N_("“{name}” has an unsafe path (absolute, or going up with “..”); "
                          "nothing was imported"),
    "zip_bad_character": N_("“{name}” has an invisible or direction-changing character "
                            "({char}) in its name; rename the file and zip the folder again; "
                            "nothing was imported"),
    "zip_duplicate": N_("“{name}” is in the zip twice; zip the folder again; nothing was "
                        "imported"),
    "zip_bundled_id": N_("the scenario's id “{id}” is the id of a scenario that comes with "
                         "the game; change meta.id in scenario.yaml; nothing was imported"),
    "zip_symlink": N_("“{name}” is a symbolic link; nothing was imported"),
    "zip_encrypted": N_("“{name}” is protected by a password; zip the folder again without "
                        "one"),
    "zip_bomb_total": N_("once unpacked the zip would take {size} bytes (at most {limit}); "
                         "nothing was imported"),
    "zip_bomb_ratio": N_("“{name}” unpacks to {ratio} times its packed size, like a zip "
                         "bomb; nothing was imported"),
    "zip_size_mismatch": N_("“{name}” is larger than the zip declares; nothing was imported"),
    "zip_file_too_large": N_("“{name}” is {size} bytes; at most {limit} bytes for this kind "
                             "of file"),
    "zip_bad_type": N_("“{name}” is not allowed: a scenario zip holds scenario.yaml and PNG "
                       "or JPEG images in assets/"),
    "zip_not_image": N_("“{name}” is not a PNG or JPEG image"),
    "zip_no_scenario": N_("the zip holds no scenario.yaml"),
    "zip_layout": N_("the zip holds several scenario files; zip one scenario folder at a "
                     "time"),
    "zip_write_failed": N_("cannot write into {folder}: {reason}"),
    "export_not_zip": N_("the shared file's name must end in .zip: {path}"),
    "export_exists": N_("{path} already exists; choose another name (nothing was "
                        "overwritten)"),
    "export_outside_assets": N_("the image “{path}” must be in the scenario's assets/ folder "
                                "to be shared"),
}

_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_name(name: str) -> bool:
    """True for an archive path that is absolute or climbs out of the folder (“zip slip”)."""
    if not name or "\x00" in name:
        return True
    unified = name.replace("\\", "/")
    if unified.startswith("/") or _DRIVE.match(unified):
        return True
    return any(part == ".." for part in unified.split("/"))


@dataclass(frozen=True)
class Refusal:
    """Why a zip was refused: a stable code and the parameters of its message."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        count = int(self.params.get("count", 0))
        if self.code == "zip_has_errors":
            return ngettext("the scenario has {count} error; nothing was imported",
                            "the scenario has {count} errors; nothing was imported",
                            count).format(count=count)
        if self.code == "export_has_errors":
            return ngettext("the scenario has {count} error; nothing was exported",
                            "the scenario has {count} errors; nothing was exported",
                            count).format(count=count)
        shown = {k: fmt_number(v) if k in ("size", "limit", "count", "ratio") and isinstance(
            v, int) else escaped(v) if isinstance(v, str) else v
            for k, v in self.params.items()}
        return _(REFUSALS[self.code]).format(**shown)


class Refused(Exception):
    """Raised inside the importer; :func:`game.content.sharing.import_zip` returns it."""

    def __init__(self, code: str, loaded: LoadedScenario | None = None, **params: Any) -> None:
        super().__init__(code)
        self.refusal = Refusal(code, params)
        self.loaded = loaded
