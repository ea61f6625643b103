"""Actor avatars and post pictures from the scenario folder; bad images fall back to initials."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pygame
import pytest

from game.ui import images
from game.ui.images import image_size
from game.ui.pilot import Pilot
from tests.ui.authoring_kit import BLUE, GREEN, huge_png_header, image_bytes, scenario_folder

Start = Callable[..., AbstractContextManager[Pilot]]


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    images.forget()


def to_first_feed(pilot: Pilot) -> None:
    pilot.press(pygame.K_RETURN, pygame.K_RETURN)  # title: new game; briefing: start
    assert pilot.scene == "feed"


def avatar_pixel(pilot: Pilot, handle: str) -> tuple[int, int, int]:
    """The colour inside the avatar of the newest post by *handle*, above its initials."""
    feed = pilot.widget("feed")
    index = next(i for i, post in enumerate(feed.posts) if post.handle == handle)
    t = pilot.app.theme
    size = round(t.line("body") * 1.8)
    feed.ensure_visible(feed.tops[index], feed.tops[index] + size)
    pilot.settle()
    pilot.app.draw()
    x = feed.rect.x + t.pad + size // 2
    y = feed.rect.y + feed.tops[index] - feed.scroll + t.pad + size // 2 - size * 3 // 8
    return tuple(pilot.app.screen.get_at((x, y)))[:3]  # type: ignore[return-value]


def near(colour: tuple[int, ...], expected: tuple[int, ...], within: int = 8) -> bool:
    """Blending may shift a channel by a unit or two."""
    return all(abs(a - b) <= within for a, b in zip(colour, expected, strict=False))


def test_header_sizes_are_read_without_decoding() -> None:
    assert image_size(image_bytes(GREEN, (30, 20))) == (30, 20)
    assert image_size(image_bytes(GREEN, (33, 21), "jpg")) == (33, 21)
    assert image_size(huge_png_header(5000, 6000)) == (5000, 6000)
    assert image_size(b"GIF89a....") is None
    assert image_size(b"\xff\xd8\xff\xe0\x00") is None  # a JPEG cut short


def test_an_actor_avatar_is_shown_in_the_feed(start: Start, tmp_path: Path) -> None:
    folder = scenario_folder(tmp_path, avatar=image_bytes(GREEN), picture=image_bytes(BLUE,
                                                                                     (320, 180)))
    with start(scenario=folder) as pilot:
        to_first_feed(pilot)
        assert near(avatar_pixel(pilot, "@HorizonNews"), GREEN)
        feed = pilot.widget("feed")
        with_picture = next(p for p in feed.posts if p.image)
        assert with_picture.image == "assets/video.png"
        index = feed.posts.index(with_picture)
        text_only = with_picture.__class__(**{**vars(with_picture), "image": None})
        from game.ui.widgets.feed import card_height

        width = feed.rect.width - feed.scrollbar_width
        assert feed.heights[index] > card_height(pilot.app.theme, text_only, width) + 50


def test_a_corrupt_avatar_falls_back_to_initials(start: Start, tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    damaged = image_bytes(GREEN)[:40] + b"\0garbage" * 20  # a PNG header, then nonsense
    folder = scenario_folder(tmp_path, avatar=damaged)
    with caplog.at_level(logging.WARNING, "game.ui.images"), start(scenario=folder) as pilot:
        assert pilot.app.session.default_entry().playable  # the checker lets it through
        to_first_feed(pilot)
        colour = avatar_pixel(pilot, "@HorizonNews")
        assert near(colour, tuple(pilot.app.theme.avatar_colour("rival_media")))
        assert not near(colour, GREEN)
        assert pilot.widget("feed").texts().count("Horizon TV") >= 1
    assert any("cannot be decoded" in r.getMessage() for r in caplog.records)


def test_an_image_too_large_in_pixels_is_refused_unread(start: Start, tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[object] = []
    real_load = pygame.image.load
    monkeypatch.setattr(pygame.image, "load",
                        lambda *a, **k: decoded.append(a) or real_load(*a, **k))
    folder = scenario_folder(tmp_path, avatar=huge_png_header(5000, 5000))
    with caplog.at_level(logging.WARNING, "game.ui.images"), start(scenario=folder) as pilot:
        to_first_feed(pilot)
        colour = avatar_pixel(pilot, "@HorizonNews")
        assert near(colour, tuple(pilot.app.theme.avatar_colour("rival_media")))
        assert not near(colour, GREEN)
    assert decoded == []
    assert any("5000×5000" in r.getMessage() for r in caplog.records)


def test_an_image_path_that_left_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(image_bytes(GREEN))
    folder = tmp_path / "s"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "link.png").symlink_to(outside)
    assert images.avatar(folder, "assets/link.png", 32) is None
    assert images.avatar(folder, "../outside.png", 32) is None
    assert images.avatar(folder, str(outside), 32) is None
    (folder / "assets" / "ok.png").write_bytes(image_bytes(GREEN))
    shown = images.avatar(folder, "assets/ok.png", 32)
    assert shown is not None and shown.get_size() == (32, 32)
    assert shown.get_at((0, 0)).a == 0 and tuple(shown.get_at((16, 16)))[:3] == GREEN
    picture = images.picture(folder, "assets/ok.png", 500, 20)
    assert picture is not None and picture.get_size() == (20, 20)  # fits, never enlarged
