"""Where the game's bundled files live and where the user's own files go."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "hashtag-diplomacy"
ROOT = Path(__file__).resolve().parent.parent
SCENARIOS_DIR = ROOT / "scenarios"
ASSETS_DIR = ROOT / "assets"
LOCALES_DIR = ROOT / "locales"
SEEDS_NAMES = (
    "000_8df0cc01016fcea4.txt",
    "001_3104dc3768bf4006.txt",
    "002_9ab7991269d38396.txt",
    "003_664e542d1cea9b51.txt",
    "004_b0d189294b0814ab.txt",
)


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
