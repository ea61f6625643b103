"""Scenario images in the feed (avatars, post pictures): checked again, bounded, scaled, cached.

A scenario comes from anyone, so an image is treated as hostile input even though the
checker already accepted its path: the path is checked again (inside the scenario's
folder, PNG or JPEG, at most 2 MB), its pixel size is read from the file's header and
refused above :data:`MAX_SIDE` *before* decoding (a small PNG can unpack to gigabytes),
and any decoder error means "no image": the feed then draws the actor's initials.  Only
the scaled-down copies are cached, never the full-size pictures.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from pathlib import Path

import pygame

from game.content.checker import check_asset_path

log = logging.getLogger(__name__)

MAX_SIDE = 4096  # pixels, each way: larger images are refused unread
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (they carry the size); C4, C8 and CC are other segments.
JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height written in a PNG or JPEG header, or None if it cannot be read."""
    if data.startswith(PNG_SIGNATURE):
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD9)):  # markers without a length
            at += 2
            continue
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if marker in JPEG_FRAMES:
            if at + 9 > len(data):
                return None
            height = int.from_bytes(data[at + 5:at + 7], "big")
            width = int.from_bytes(data[at + 7:at + 9], "big")
            return width, height
        if length < 2:
            return None
        at += 2 + length
    return None


def avatar(folder: Path | None, value: str | None, size: int) -> pygame.Surface | None:
    """The image *value* as a round avatar *size* pixels wide, or None (draw initials)."""
    if folder is None or not value or size < 1:
        return None
    return _render(str(folder), value, size, size, True)


def picture(folder: Path | None, value: str | None, max_width: int,
            max_height: int) -> pygame.Surface | None:
    """The image *value* scaled down to fit the box (never up), or None."""
    if folder is None or not value or max_width < 1 or max_height < 1:
        return None
    natural = _probe(str(folder), value)
    if natural is None:
        return None
    scale = min(1.0, max_width / natural[0], max_height / natural[1])
    size = (max(1, round(natural[0] * scale)), max(1, round(natural[1] * scale)))
    return _render(str(folder), value, size[0], size[1], False)


_forgotten = 0  # how many times the cache was dropped: drawings that used images key on it


def generation() -> int:
    """Changes whenever :func:`forget` drops the cache (a drawn feed card is then stale)."""
    return _forgotten


def forget() -> None:
    """Drop the cache (F5: the author may have replaced an image)."""
    global _forgotten
    _probe.cache_clear()
    _render.cache_clear()
    _forgotten += 1


@lru_cache(maxsize=128)
def _probe(folder: str, value: str) -> tuple[int, int] | None:
    """The image's size once its path and header are found safe; None (and a warning) if not."""
    checked = _checked(folder, value)
    return checked[1] if checked is not None else None


def _checked(folder: str, value: str) -> tuple[bytes, tuple[int, int]] | None:
    """The file's bytes and pixel size, read now (not cached: the file may have changed)."""
    try:
        problem = check_asset_path(Path(folder), value)
        if problem is not None:
            log.warning("image %s in %s refused (%s); not shown", value, folder, problem[0])
            return None
        data = (Path(folder) / value.replace("\\", "/")).resolve(strict=True).read_bytes()
    except (OSError, RuntimeError, ValueError) as exc:
        log.warning("image %s in %s cannot be read (%s); not shown", value, folder, exc)
        return None
    size = image_size(data)
    if size is None or min(size) < 1:
        log.warning("image %s in %s: its size cannot be read; not shown", value, folder)
        return None
    if max(size) > MAX_SIDE:
        log.warning("image %s in %s is %d×%d pixels (at most %d each way); not shown",
                    value, folder, size[0], size[1], MAX_SIDE)
        return None
    return data, size


@lru_cache(maxsize=256)
def _render(folder: str, value: str, width: int, height: int,
            round_crop: bool) -> pygame.Surface | None:
    checked = _checked(folder, value)
    if checked is None:
        return None
    try:
        scaled = _decode_scaled(checked[0], value, (width, height), round_crop)
    except Exception as exc:  # a damaged or hostile file: the feed shows initials instead
        log.warning("image %s in %s cannot be decoded (%s); not shown", value, folder, exc)
        return None
    out = pygame.Surface((width, height), pygame.SRCALPHA)
    out.blit(scaled, (0, 0))
    if round_crop:
        mask = pygame.Surface((width, height), pygame.SRCALPHA)
        pygame.draw.circle(mask, (255, 255, 255, 255), (width / 2, height / 2), width / 2)
        out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return out


def _decode_scaled(data: bytes, value: str, size: tuple[int, int],
                   square: bool) -> pygame.Surface:
    source = pygame.image.load(io.BytesIO(data), Path(value).suffix.lstrip(".").lower())
    if source.get_bitsize() not in (24, 32):  # smoothscale wants true colour (palette PNGs)
        rgba = pygame.Surface(source.get_size(), pygame.SRCALPHA)
        rgba.blit(source, (0, 0))
        source = rgba
    if square:
        side = min(source.get_size())
        crop = pygame.Rect(0, 0, side, side)
        crop.center = source.get_rect().center
        source = source.subsurface(crop)
    return pygame.transform.smoothscale(source, size)
