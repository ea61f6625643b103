"""The first screen's button shapes, kept on disk from one start to the next.

pygame_gui draws every rounded button shape 4× supersampled, then scales it down: the
title's shapes cost ~15 ms of CPU before its first frame (benchmarks/RESULTS.md), the
same pixels at every start.  pygame_gui keeps drawn shapes in its ``SurfaceCache``, under
an id holding everything the shape looks like (kind, size, shadow, borders, corners,
colours); this store writes the shapes the first screen used into the user's cache folder
and puts them back into that cache at the next start, so pygame_gui finds them instead of
drawing them.  Text is drawn on top by pygame_gui as always: the store holds backgrounds.

The file is untrusted (any program can write the cache folder): a file that is not
exactly what :func:`save` writes (magic, bounded sizes, a checksum of the pixels, a stamp
of the pygame, pygame_gui and theme that drew them) is ignored, and the shapes are drawn
as if there were no store.  It is written atomically (a temporary file, then a rename).
``$HASHTAG_DIPLOMACY_CACHE`` moves the cache folder, ``off`` turns the store off.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import zlib
from pathlib import Path
from typing import NamedTuple

import platformdirs
import pygame
from pygame_gui.core import drawable_shapes
from pygame_gui.core.surface_cache import SurfaceCache

from game.paths import APP_NAME, THEME_FILE

log = logging.getLogger(__name__)

CACHE_ENV = "HASHTAG_DIPLOMACY_CACHE"  # the same switch as the checked-scenario cache
FILE_NAME = "first-screen.shapes"
MAGIC = b"HDSHAPE1"
PIXEL_FORMAT = "BGRA"  # the byte order of pygame's own 32-bit SRCALPHA surfaces
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_HEADER_BYTES = 256 * 1024
MAX_SHAPES = 96  # a first screen draws ~10; each language, text size and contrast adds some
MAX_SIDE = 1024  # pygame_gui caches no larger shape
MAX_ID_CHARS = 512
LENGTH_BYTES = 4  # the header's length, little-endian


class StoredShape(NamedTuple):
    size: tuple[int, int]
    pixels: bytes


def store_path() -> Path | None:
    """The store's file, or None when the cache is off."""
    override = os.environ.get(CACHE_ENV)
    if override == "off":
        return None
    folder = Path(override) if override else Path(
        platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return folder / "shapes" / FILE_NAME


def stamp() -> str:
    """What drew the stored pixels besides the id's parameters: pygame (and its scaling
    code), pygame_gui's shape drawing, and the game's theme file."""
    parts = [pygame.version.ver, ".".join(map(str, pygame.get_sdl_version())),
             pygame.transform.get_smoothscale_backend()]
    source = getattr(drawable_shapes, "__file__", None)  # None in some frozen builds
    shapes_folder = Path(source).parent if source else None
    for folder in (shapes_folder, shapes_folder.parent) if shapes_folder else ():
        for name in ("drawable_shape.py", "rounded_rect_drawable_shape.py",
                     "rect_drawable_shape.py", "ellipse_drawable_shape.py", "ui_shadow.py",
                     "utility.py"):
            with contextlib.suppress(OSError):
                info = (folder / name).stat()
                parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    try:
        parts.append(f"theme:{zlib.crc32(THEME_FILE.read_bytes())}")
    except OSError:
        parts.append("theme:-")
    return "|".join(parts)


def read(path: Path, expected_stamp: str) -> dict[str, StoredShape]:
    """The shapes in *path*; empty when it is missing, damaged, foreign or stale."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError:
        return {}
    try:
        return _parse(data, expected_stamp)
    except (ValueError, TypeError, KeyError) as exc:
        log.info("shape store %s ignored: %s", path, exc)
        return {}


def _parse(data: bytes, expected_stamp: str) -> dict[str, StoredShape]:
    if len(data) > MAX_FILE_BYTES:
        raise ValueError("too large")
    if not data.startswith(MAGIC):
        raise ValueError("not a shape store")
    start = len(MAGIC) + LENGTH_BYTES
    header_length = int.from_bytes(data[len(MAGIC):start], "little")
    if len(data) < start or header_length > MAX_HEADER_BYTES \
            or start + header_length > len(data):
        raise ValueError("bad header length")
    header = json.loads(data[start:start + header_length].decode("utf-8"))
    if not isinstance(header, dict) or set(header) != {"stamp", "crc", "shapes"}:
        raise ValueError("bad header")
    if header["stamp"] != expected_stamp:
        raise ValueError("drawn by another version")  # not damage: simply stale
    blob = memoryview(data)[start + header_length:]
    if zlib.crc32(blob) != header["crc"]:
        raise ValueError("checksum mismatch")
    entries = header["shapes"]
    if not isinstance(entries, list) or len(entries) > MAX_SHAPES:
        raise ValueError("bad shape list")
    shapes: dict[str, StoredShape] = {}
    offset = 0
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str)
                and len(entry[0]) <= MAX_ID_CHARS
                and all(type(n) is int and 0 < n <= MAX_SIDE for n in entry[1:])):
            raise ValueError("bad shape entry")
        shape_id, width, height = entry
        length = width * height * 4
        if offset + length > len(blob):
            raise ValueError("pixels missing")
        shapes[shape_id] = StoredShape((width, height), bytes(blob[offset:offset + length]))
        offset += length
    if offset != len(blob):
        raise ValueError("trailing bytes")
    return shapes


def write(path: Path, shapes: dict[str, StoredShape], file_stamp: str) -> None:
    """Write *shapes* to *path* atomically; a disk that refuses is only logged (the store
    saves time, it holds nothing the game needs)."""
    kept = list(shapes.items())[:MAX_SHAPES]
    blob = b"".join(shape.pixels for _id, shape in kept)
    header = json.dumps({"stamp": file_stamp, "crc": zlib.crc32(blob),
                         "shapes": [[i, *shape.size] for i, shape in kept]}).encode("utf-8")
    if len(MAGIC) + LENGTH_BYTES + len(header) + len(blob) > MAX_FILE_BYTES:
        return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".shapes-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + len(header).to_bytes(LENGTH_BYTES, "little") + header + blob)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        log.info("shape store %s not written: %s", path, exc)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class ShapeStore:
    """The store of one process: loaded into its shape cache once, saved once."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stamp = ""
        self._loaded: set[str] = set()
        self._saved = path is None

    def load_into(self, cache: SurfaceCache) -> int:
        """Put the stored shapes into *cache*'s short-term level, where pygame_gui looks
        first (and from where it moves them into its atlas, one per frame).  Returns how
        many."""
        if self.path is None:
            return 0
        self._stamp = stamp()
        shapes = read(self.path, self._stamp)
        for shape_id, shape in shapes.items():
            if shape_id in cache.cache_short_term_lookup or shape_id in \
                    cache.cache_long_term_lookup:
                continue
            try:
                surface = pygame.image.frombytes(shape.pixels, shape.size, PIXEL_FORMAT)
            except (pygame.error, ValueError) as exc:  # the sizes were checked: not expected
                log.info("stored shape %s ignored: %s", shape_id, exc)
                continue
            cache.cache_short_term_lookup[shape_id] = {"surface": surface, "uses": 0}
        self._loaded = set(shapes)
        return len(shapes)

    def save_from(self, cache: SurfaceCache) -> bool:
        """Write the shapes *cache* holds now (the first screen's, and the ones loaded),
        those used in this process first; only once, and only when they changed."""
        if self._saved or self.path is None:
            return False
        self._saved = True
        found: list[tuple[int, str, pygame.Surface]] = []
        for shape_id, short in cache.cache_short_term_lookup.items():
            found.append((short["uses"], shape_id, short["surface"]))
        for shape_id, long in cache.cache_long_term_lookup.items():
            found.append((long["total_uses"], shape_id, long["surface"]))
        found.sort(key=lambda item: item[0] == 0)  # stable: used ones first
        shapes = {}
        for _uses, shape_id, surface in found:
            width, height = surface.get_size()
            if 0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE \
                    and len(shape_id) <= MAX_ID_CHARS and shape_id not in shapes:
                shapes[shape_id] = StoredShape(
                    (width, height), pygame.image.tobytes(surface, PIXEL_FORMAT))
        if set(shapes) <= self._loaded or not shapes:
            return False  # nothing new was drawn: the file on disk is already right
        write(self.path, shapes, self._stamp or stamp())
        return True
