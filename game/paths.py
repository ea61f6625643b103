"""Where the game's bundled files live and where the user's own files go.

The bundled folders (``scenarios/``, ``assets/``, ``locales/``) sit at the top of a clone,
which an editable install also uses; a wheel carries them inside the package, under
``game/_bundled/`` (see ``setup.py``); a PyInstaller build unpacks them beside its
executable's internals (``sys._MEIPASS``, see ``packaging/hashtag_diplomacy.spec``).
Every other module asks here, so the four layouts behave the same.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "hashtag-diplomacy"
PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent  # the clone's root: docs, tests and catalogs sources (dev tools only)
BUNDLED_IN_WHEEL = "_bundled"
SEEDS_NAMES = (
    "000_8df0cc01016fcea4.txt",
    "001_3104dc3768bf4006.txt",
    "002_9ab7991269d38396.txt",
    "003_664e542d1cea9b51.txt",
    "004_b0d189294b0814ab.txt",
)


def is_frozen() -> bool:
    """True in a standalone (PyInstaller) build."""
    return bool(getattr(sys, "frozen", False))


def data_root() -> Path:
    """The folder holding ``scenarios/``, ``assets/`` and ``locales/`` in this layout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if is_frozen() and frozen_root:
        return Path(frozen_root)
    in_wheel = PACKAGE_DIR / BUNDLED_IN_WHEEL
    if in_wheel.is_dir():
        return in_wheel
    return ROOT  # a clone, or an editable install of one


DATA_ROOT = data_root()
SCENARIOS_DIR = DATA_ROOT / "scenarios"
ASSETS_DIR = DATA_ROOT / "assets"
LOCALES_DIR = DATA_ROOT / "locales"
# Data files kept beside the modules that read them (package data in a wheel).
THEME_FILE = PACKAGE_DIR / "ui" / "theme.json"
STARTER_TEMPLATE = PACKAGE_DIR / "content" / "starter_template.yaml"


def user_config_dir() -> Path:
    """Settings folder (created on demand by whoever writes there)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


DATA_DIR_ENV = "HASHTAG_DIPLOMACY_DATA"  # tests (and portable installs) point it elsewhere


def user_data_dir() -> Path:
    """Saves, reports and imported scenarios (``$HASHTAG_DIPLOMACY_DATA`` if set)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_scenarios_dir() -> Path:
    """Scenarios the instructor installed or imported."""
    return user_data_dir() / "scenarios"
