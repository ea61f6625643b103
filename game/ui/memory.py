"""Process memory: hand memory that big, short-lived allocations freed back to the system."""

from __future__ import annotations

from typing import Any

_malloc_trim: Any = None


def release_freed_memory() -> None:
    """Hand the memory a save used back to the system.  A save builds the whole state as
    JSON and reads the previous file back: megabytes late in a long game, freed at once,
    but glibc keeps freed heap memory, so the process grew by that much again and again
    (+30 MB over 1,000 turns; benchmarks/RESULTS.md).  Elsewhere than glibc: nothing."""
    global _malloc_trim
    if _malloc_trim is None:
        import ctypes
        import ctypes.util

        try:
            _malloc_trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)
