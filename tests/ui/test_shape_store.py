"""The first screen's button shapes kept on disk (game/ui/shape_store.py): the next start
finds them instead of drawing them, pixel for pixel the same, and a damaged, foreign or
stale file is ignored."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.ui import app as app_module
from game.ui import shape_store
from game.ui.shape_store import MAGIC, ShapeStore, SurfaceCache  # after the app's pygame_gui


@pytest.fixture
def display() -> Iterator[None]:
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    yield
    pygame.display.quit()


def _shape(colour: tuple[int, int, int, int], size: tuple[int, int] = (30, 12)) -> pygame.Surface:
    surface = pygame.Surface(size, pygame.SRCALPHA, 32)
    surface.fill(colour)
    pygame.draw.circle(surface, (250, 20, 90, 140), (size[0] // 3, size[1] // 2), 5)
    return surface


def _pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_shapes_saved_come_back_pixel_for_pixel(tmp_path: Path, display: None) -> None:
    path = tmp_path / "shapes" / "first.shapes"
    drawn = SurfaceCache()
    first, second = _shape((10, 20, 30, 255)), _shape((200, 100, 0, 77), (17, 40))
    drawn.add_surface_to_cache(first, "rounded_rectangle_a")
    drawn.add_surface_to_cache(second, "rounded_rectangle_b")
    drawn.update()  # one moves into pygame_gui's atlas, the other stays in the short term
    store = ShapeStore(path)
    assert store.load_into(drawn) == 0  # nothing stored yet
    assert store.save_from(drawn)
    assert not store.save_from(drawn)  # once per process

    fresh = SurfaceCache()
    assert ShapeStore(path).load_into(fresh) == 2
    for shape_id, original in (("rounded_rectangle_a", first), ("rounded_rectangle_b", second)):
        found = fresh.find_surface_in_cache(shape_id)
        assert found is not None and found.get_size() == original.get_size()
        assert _pixels(found) == _pixels(original)
    fresh.update()  # into the atlas, as pygame_gui does with its own: still the same
    found = fresh.find_surface_in_cache("rounded_rectangle_a")
    assert found is not None and _pixels(found) == _pixels(first)


def test_nothing_new_drawn_nothing_written(tmp_path: Path, display: None) -> None:
    path = tmp_path / "first.shapes"
    cache = SurfaceCache()
    cache.add_surface_to_cache(_shape((1, 2, 3, 255)), "a")
    ShapeStore(path).save_from(cache)
    written = path.stat().st_mtime_ns
    again = SurfaceCache()
    store = ShapeStore(path)
    store.load_into(again)
    assert not store.save_from(again)
    assert path.stat().st_mtime_ns == written
    again.add_surface_to_cache(_shape((9, 9, 9, 255)), "b")  # a new shape: written again
    other = ShapeStore(path)
    other.load_into(SurfaceCache())
    assert other.save_from(again)
    assert ShapeStore(path).load_into(SurfaceCache()) == 2


def _valid_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "first.shapes"
    cache = SurfaceCache()
    cache.add_surface_to_cache(_shape((5, 6, 7, 255)), "a")
    ShapeStore(path).save_from(cache)
    return path, path.read_bytes()


def _with_header(data: bytes, edit: dict[str, object]) -> bytes:
    import json

    start = len(MAGIC) + shape_store.LENGTH_BYTES
    length = int.from_bytes(data[len(MAGIC):start], "little")
    header = json.loads(data[start:start + length])
    header.update(edit)
    raw = json.dumps(header).encode()
    return MAGIC + len(raw).to_bytes(4, "little") + raw + data[start + length:]


@pytest.mark.parametrize("damage", [
    "empty", "garbage", "truncated", "pixel_flipped", "other_stamp", "huge_header_length",
    "bad_entry", "too_large_side", "extra_key", "not_json", "trailing"])
def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path, display: None,
                                              damage: str) -> None:
    path, data = _valid_file(tmp_path)
    start = len(MAGIC) + shape_store.LENGTH_BYTES
    damaged = {
        "empty": b"",
        "garbage": b"\x00\xff" * 300,
        "truncated": data[:-7],
        "pixel_flipped": data[:-1] + bytes([data[-1] ^ 0xFF]),
        "other_stamp": _with_header(data, {"stamp": "pygame 0.1"}),
        "huge_header_length": MAGIC + (10 ** 9).to_bytes(4, "little") + data[start:],
        "bad_entry": _with_header(data, {"shapes": [["a", "30", 12]]}),
        "too_large_side": _with_header(data, {"shapes": [["a", 4096, 1]]}),
        "extra_key": _with_header(data, {"code": "print()"}),
        "not_json": MAGIC + (5).to_bytes(4, "little") + b"{nope" + data[start:],
        "trailing": data + b"\x00" * 4,
    }[damage]
    path.write_bytes(damaged)
    cache = SurfaceCache()
    assert ShapeStore(path).load_into(cache) == 0
    assert cache.find_surface_in_cache("a") is None


def test_shapes_drawn_with_another_theme_are_not_used(tmp_path: Path, display: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path, _data = _valid_file(tmp_path)
    assert ShapeStore(path).load_into(SurfaceCache()) == 1
    other_theme = tmp_path / "theme.json"
    other_theme.write_text('{"palettes": {}}', encoding="utf-8")
    monkeypatch.setattr(shape_store, "THEME_FILE", other_theme)
    assert ShapeStore(path).load_into(SurfaceCache()) == 0


def test_a_file_past_the_size_limit_is_not_read(tmp_path: Path, display: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path, data = _valid_file(tmp_path)
    monkeypatch.setattr(shape_store, "MAX_FILE_BYTES", len(data) - 1)
    assert ShapeStore(path).load_into(SurfaceCache()) == 0


def test_off_means_no_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(shape_store.CACHE_ENV, "off")
    assert shape_store.store_path() is None
    monkeypatch.setenv(shape_store.CACHE_ENV, str(tmp_path))
    assert shape_store.store_path() == tmp_path / "shapes" / shape_store.FILE_NAME


def test_an_unwritable_folder_is_not_an_error(tmp_path: Path, display: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = SurfaceCache()
    cache.add_surface_to_cache(_shape((1, 1, 1, 255)), "a")
    ShapeStore(blocker / "sub" / "first.shapes").save_from(cache)  # logged, not raised
    assert not list(tmp_path.glob("**/.shapes-*"))


def _title_pixels(tmp_path: Path) -> tuple[bytes, int]:
    """The title's first frame, and how many stored shapes it used."""
    args = argparse.Namespace(lang="fr", scenario=None, seed=1, frames=1, fullscreen=False,
                              no_questions=True)
    app_module._shape_cache.clear()  # a new process: its own cache and store
    app_module._shape_store.clear()
    app = app_module.App(args, config_dir=tmp_path / "c", data_dir=tmp_path / "d")
    try:
        app.frame([], 0.0)
        cache = app_module._shape_cache[0]
        used = [shape_id for shape_id in app_module._shape_store[0]._loaded
                if cache.cache_short_term_lookup.get(shape_id, {}).get("uses", 0)
                or cache.cache_long_term_lookup.get(shape_id, {}).get("total_uses", 0)]
        return pygame.image.tobytes(app.screen, "RGB"), len(used)
    finally:
        app.close()
        app_module._shape_cache.clear()
        app_module._shape_store.clear()


def test_the_title_drawn_from_the_store_looks_the_same(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(shape_store.CACHE_ENV, str(tmp_path / "cache"))
    drawn, used = _title_pixels(tmp_path)  # first start: draws, and stores at close
    assert used == 0
    path = shape_store.store_path()
    assert path is not None and path.is_file()
    again, used = _title_pixels(tmp_path)
    assert used >= 2  # the buttons' shapes (several buttons share one) came from the file
    assert again == drawn
