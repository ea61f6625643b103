"""Scenario folders written the way an instructor would, for the UI tests of the authoring kit."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pygame

from game.content.starter import write_starter

GREEN = (20, 200, 60)
BLUE = (30, 60, 220)


def image_bytes(colour: tuple[int, int, int], size: tuple[int, int] = (64, 64),
                kind: str = "png") -> bytes:
    """A plain PNG (or JPEG) of one colour, made with pygame as an author could."""
    surface = pygame.Surface(size)
    surface.fill(colour)
    out = io.BytesIO()
    pygame.image.save(surface, out, f"x.{kind}")
    return out.getvalue()


def huge_png_header(width: int, height: int) -> bytes:
    """The start of a PNG that claims to be *width*×*height* (the rest is junk)."""
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (b"\x89PNG\r\n\x1a\n" + len(ihdr).to_bytes(4, "big") + b"IHDR" + ihdr
            + b"\0\0\0\0" + b"\0" * 200)


def scenario_folder(root: Path, name: str = "with_images", *, lang: str = "en",
                    avatar: bytes | None = None, picture: bytes | None = None) -> Path:
    """A starter scenario folder whose rival media has an avatar and whose first event's
    post has a picture; the video appears on turn 1 so the feed shows them at once."""
    folder = root / name
    write_starter(folder, lang)
    text = (folder / "scenario.yaml").read_text("utf-8")
    text = text.replace("    turn: 2\n", "    turn: 1\n").replace("start_turn: 2", "start_turn: 1")
    if avatar is not None:
        (folder / "assets" / "horizon.png").write_bytes(avatar)
        text = text.replace('    handle: "@HorizonNews"\n',
                            '    handle: "@HorizonNews"\n    avatar: assets/horizon.png\n')
    if picture is not None:
        (folder / "assets" / "video.png").write_bytes(picture)
        text = text.replace("        likes: 1200\n",
                            "        likes: 1200\n        image: assets/video.png\n")
    (folder / "scenario.yaml").write_text(text, "utf-8")
    return folder


def zip_folder(folder: Path, out: Path) -> Path:
    """The folder zipped as ``export`` would (``name/scenario.yaml``, ``name/assets/…``)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != "scenario.schema.json":
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return out
