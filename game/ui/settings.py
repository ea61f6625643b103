"""Player settings (language, text size, contrast, turn timer), saved as JSON in the config dir."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from game import paths
from game.i18n import N_, known_language
from game.regular_file import read_regular

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"

# Text size steps: body font size in pixels at the default window (1280×720).
TEXT_SIZES: dict[str, int] = {"normal": 16, "large": 20, "largest": 24}
TEXT_SIZE_LABELS: dict[str, str] = {
    "normal": N_("Normal"), "large": N_("Large"), "largest": N_("Largest")}
# Turn timer choices in seconds; 0 is off (the default: no timer unless asked for).
TIMER_CHOICES: tuple[int, ...] = (0, 60, 120, 180, 300)


@dataclass
class Settings:
    """What the player chose; unknown or broken values fall back to the defaults."""

    language: str | None = None  # None: not chosen yet (the language screen asks)
    text_size: str = "normal"
    high_contrast: bool = False
    turn_timer: int = 0

    def validated(self) -> Settings:
        return Settings(
            language=self.language if known_language(self.language) else None,
            text_size=self.text_size if self.text_size in TEXT_SIZES else "normal",
            high_contrast=_flag(self.high_contrast),
            turn_timer=self.turn_timer if type(self.turn_timer) is int  # not 60.0, not true
            and self.turn_timer in TIMER_CHOICES else 0,
        )

    @property
    def font_size(self) -> int:
        return TEXT_SIZES.get(self.text_size, TEXT_SIZES["normal"])


def _flag(value: Any) -> bool:
    """A yes/no setting: JSON ``true``, or the text "true" written by hand; anything else
    (``"false"``, ``"no"``, a number, a list) is the default, off."""
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return value is True


def settings_path(folder: Path | None = None) -> Path:
    return (folder or paths.user_config_dir()) / SETTINGS_FILE


MAX_SETTINGS_BYTES = 64 * 1024  # ours is ~100 bytes


def load_settings(folder: Path | None = None) -> Settings:
    """The saved settings, or the defaults if there are none or the file is damaged (then
    :func:`settings_damaged` is true, and the title screen says so)."""
    global _damaged
    _damaged = False
    path = settings_path(folder)
    try:
        data = _read(path)
        known = {f.name for f in fields(Settings)}
        return Settings(**{k: v for k, v in data.items() if k in known}).validated()
    except FileNotFoundError:
        return Settings()
    except Exception as exc:  # noqa: BLE001 - any way the file is wrong means "damaged"
        log.warning("settings file %s unreadable (%s): using defaults", path,
                    f"{type(exc).__name__}: {str(exc)[:200]}")
        _damaged = True
        return Settings()


def _read(path: Path) -> dict[str, Any]:
    """The settings file's object: a regular file, a bounded read, finite JSON (deep
    nesting, ``Infinity`` and the like raise)."""
    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a number JSON allows")

    data = json.loads(read_regular(path, MAX_SETTINGS_BYTES).decode("utf-8"),
                      parse_constant=no_constant)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


_damaged = False


def settings_damaged() -> bool:
    """The last :func:`load_settings` found a settings file it could not use."""
    return _damaged


def save_settings(settings: Settings, folder: Path | None = None) -> bool:
    """Write the settings atomically; a read-only disk only costs a warning."""
    path = settings_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(asdict(settings), indent=2, ensure_ascii=False))
    except OSError as exc:
        log.warning("could not save settings to %s: %s", path, exc)
        return False
    return True


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a crash never leaves half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
