"""Objects frozen out of the cyclic garbage collector's reach, tracked here.

The game freezes what is alive once its scenarios are loaded (later collections then scan
only new objects); the scenario loader must know whether anything is frozen, and
``gc.get_freeze_count()`` walks the whole frozen list to count it (~1.5 ms once the game
has frozen its start-up objects, after every load)."""

from __future__ import annotations

import gc

_frozen = False


def freeze() -> None:
    """Move every object alive now out of the collector's scans."""
    global _frozen
    gc.freeze()
    _frozen = True


def unfreeze() -> None:
    global _frozen
    gc.unfreeze()
    _frozen = False


def anything_frozen() -> bool:
    return _frozen
