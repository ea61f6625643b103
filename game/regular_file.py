"""Reading a file that must be a plain file of bounded size (saves, settings).

Kept apart from the save code so that reading the settings at start-up does not import
the engine (the title screen is drawn before any game exists).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegular(OSError):
    """A device, a FIFO, a folder: never a file the game wrote."""


class FileTooLarge(OSError):
    """More bytes than the file may hold."""


def read_regular(path: Path, limit: int) -> bytes:
    """At most *limit* bytes of *path*, a regular file (raises :class:`NotRegular` for a
    device such as ``/dev/zero`` or a FIFO, which is opened without blocking and never
    read, and :class:`FileTooLarge` past *limit*)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(f"{path} is not a regular file")
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise FileTooLarge(f"{path} holds more than {limit} bytes")
    return raw
