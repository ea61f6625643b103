"""Reading a scenario file's bytes safely and decoding them, with a clear word for what
is not a UTF-8 text (binary data, UTF-16, Latin-1)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from game.content.diagnostics import ProblemError

MAX_FILE_BYTES = 8 * 1024 * 1024


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most *limit* bytes, read once.

    A device (``/dev/zero`` says its size is 0 and never ends) or a pipe (it blocks until
    someone writes) is refused before a byte is read, and the read itself stops at
    *limit*: a file that grows meanwhile cannot make it read more.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ProblemError("file_unreadable", reason=exc.strerror or str(exc)) from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ProblemError("not_regular_file")
            if info.st_size > limit:
                raise ProblemError("file_too_large", size=info.st_size, limit=limit)
            data = fh.read(limit + 1)
        except OSError as exc:
            raise ProblemError("file_unreadable", reason=exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise ProblemError("file_too_large", size=max(info.st_size, len(data)), limit=limit)
    return data


def decode(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM); refuse binary data and other encodings clearly
    (UTF-16 by its name: Windows editors save "Unicode" as UTF-16)."""
    if len(raw) > MAX_FILE_BYTES:
        raise ProblemError("file_too_large", size=len(raw), limit=MAX_FILE_BYTES)
    if _looks_utf16(raw):
        raise ProblemError("utf16_file")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        raise ProblemError("binary_file", line, col)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        raise ProblemError("not_utf8", line, col, byte=f"0x{raw[exc.start]:02X}") from exc


def _looks_utf16(raw: bytes) -> bool:
    """A UTF-16 text (Notepad's "Unicode"): a byte-order mark, or ASCII letters each
    beside a zero byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = raw[:512]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return odds.count(0) >= len(odds) * 0.9 or evens.count(0) >= len(evens) * 0.9


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column
