"""The social feed: post cards with avatar, handle, time and growing likes and shares."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import pygame

from game.i18n import fmt_number, get_language, ngettext
from game.presentation.viewmodel import PostView
from game.ui import images
from game.ui.theme import Theme, font_file
from game.ui.widgets.canvas import Canvas
from game.ui.widgets.textlayout import wrap

T = TypeVar("T")

GROW_SECONDS = 0.8  # likes and shares count up to their new value in this time
# Steps of the count-up a second: numbers ticking faster cannot be read, and every step
# redraws the feed (at 60 steps, two thirds of a pilot game's feed redraws).
COUNT_STEPS = 20
PICTURE_LINES = 9  # a post's picture is at most this many lines of text tall


def counts_text(likes: int, shares: int) -> str:
    return "{likes} · {shares}".format(
        likes=ngettext("{n} like", "{n} likes", likes).format(n=fmt_number(likes)),
        shares=ngettext("{n} share", "{n} shares", shares).format(n=fmt_number(shares)))


def _avatar_size(theme: Theme) -> int:
    return round(theme.line("body") * 1.8)


def _text_x(theme: Theme) -> int:
    return theme.pad * 2 + _avatar_size(theme)


# Wrapped cards remembered across screens, least recently used dropped first: a full feed
# (300 cards) at the two feed widths, with room for the cards whose counts grew this turn.
def _kept(cache: OrderedDict[Any, T], key: Any, bound: int, make: Callable[[], T]) -> T:
    """*cache*[*key*], made by *make* if missing; at most *bound* entries, the least
    recently used dropped first."""
    value = cache.get(key)
    if value is None:
        value = cache[key] = make()
        if len(cache) > bound:
            cache.popitem(last=False)
    else:
        cache.move_to_end(key)
    return value


# Emptying the whole cache when full made memory rise and fall over a long game.
ROWS_KEPT = 800
_rows: OrderedDict[tuple[object, ...], list[tuple[str, str]]] = OrderedDict()


def card_rows(theme: Theme, post: PostView, width: int) -> list[tuple[str, str]]:
    """The card's lines as (style, text), wrapped once per text and width: every screen
    of a turn lays out the whole feed again, 300 cards in a long game (do not modify)."""
    key = (theme.base, font_file(False), width, get_language(), post.name, post.handle,
           post.when, post.tag, post.text, post.likes, post.shares)
    return _kept(_rows, key, ROWS_KEPT, lambda: _card_rows(theme, post, width))


def _card_rows(theme: Theme, post: PostView, width: int) -> list[tuple[str, str]]:
    """The name wraps rather than being cut, and the time goes beside the handle when there
    is room."""
    t = theme
    text_w = width - _text_x(t) - t.pad
    rows = [("name", line) for line in wrap(post.name, t.font("body", True), text_w)]
    beside = t.text_width(post.handle, "small") + t.line("small") + t.text_width(
        post.when, "small") + 2 * t.gap
    rows.append(("handle_when" if beside <= text_w else "handle", post.handle))
    if beside > text_w:
        rows.append(("when", post.when))
    tag_font = t.font("small", True)  # the tag is drawn in bold: wrapped in bold too
    rows += [("tag", line) for line in wrap(post.tag, tag_font, text_w)] if post.tag else []
    rows += [("text", line) for line in wrap(post.text, t.font("body"), text_w)] if post.text \
        else []
    counts = counts_text(post.likes, post.shares)
    rows += [("counts", line) for line in wrap(counts, t.font("small"), text_w)]
    return rows


ROW_ROLE = {"name": "body", "text": "body"}


# Drawn cards remembered across screens: every rebuild of a turn screen builds a new feed
# widget, which drew the same visible cards again (~40 % of a feed's cost in a game).  A
# screen shows fewer than a dozen; the bound keeps memory flat (a card is ~0.3 MB).
CARDS_KEPT = 24
_cards: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()


def _look(theme: Theme, post: PostView, width: int) -> tuple[object, ...]:
    """Everything a drawn card shows: text size, contrast, font, language, the post, and
    the images as last loaded."""
    return (theme.base, theme.high_contrast, font_file(False), width, get_language(),
            images.generation(), *vars(post).values())


def cached_card(theme: Theme, post: PostView, width: int) -> pygame.Surface:
    """:func:`render_card` at the post's final counts, drawn once per look of the card
    (everything it shows is in the key: text size, contrast, font, language, the post,
    and the images as last loaded)."""
    return _kept(_cards, _look(theme, post, width), CARDS_KEPT,
                 lambda: render_card(theme, post, width, post.likes, post.shares))


def post_picture(theme: Theme, post: PostView, width: int) -> pygame.Surface | None:
    """The post's own image, scaled to the text column (None if it has none or it is bad)."""
    if not post.image:
        return None
    return images.picture(post.folder, post.image, width - _text_x(theme) - theme.pad,
                          theme.line("body") * PICTURE_LINES)


def card_height(theme: Theme, post: PostView, width: int) -> int:
    rows = card_rows(theme, post, width)
    picture = post_picture(theme, post, width)
    extra = picture.get_height() + theme.gap if picture is not None else 0
    return 2 * theme.pad + theme.gap + extra + sum(theme.line(ROW_ROLE.get(kind, "small"))
                                                   for kind, _ in rows)


def draw_avatar(surface: pygame.Surface, theme: Theme, post: PostView, x: int, y: int) -> None:
    """The actor's image when the scenario gives one (and it loads), else initials."""
    size = _avatar_size(theme)
    centre = (x + size // 2, y + size // 2)
    image = images.avatar(post.folder, post.avatar, size)
    if image is not None:
        surface.blit(image, (x, y))
    else:
        player = post.kind == "player"
        colour = theme.colour("player") if player else theme.avatar_colour(post.colour_key)
        pygame.draw.circle(surface, colour, centre, size // 2)
        text = theme.font("body", True).render(post.initials, True,
                                               (0, 0, 0) if player else (255, 255, 255))
        surface.blit(text, text.get_rect(center=centre))
    if theme.high_contrast:
        pygame.draw.circle(surface, theme.colour("text"), centre, size // 2, width=2)


def render_card(theme: Theme, post: PostView, width: int, likes: int,
                shares: int) -> pygame.Surface:
    """One post as a card (also used for the composer's preview)."""
    surface, counts_y = _card_body(theme, post, width)
    draw_counts(surface, theme, width, likes, shares, (0, counts_y))
    return surface


def _card_body(theme: Theme, post: PostView, width: int) -> tuple[pygame.Surface, int]:
    """The card without its counts, and where the counts go."""
    t = theme
    surface = pygame.Surface((width, card_height(t, post, width) - t.gap), pygame.SRCALPHA)
    box = surface.get_rect()
    pygame.draw.rect(surface, t.colour("card_new" if post.new else "card"), box, border_radius=8)
    narrative = post.kind == "narrative"
    pygame.draw.rect(surface, t.colour("narrative" if narrative else "border"), box,
                     width=2 if narrative else t.border, border_radius=8)
    draw_avatar(surface, t, post, t.pad, t.pad)
    y = t.pad
    rows = [row for row in card_rows(t, post, width) if row[0] != "counts"]
    for kind, text in rows:
        _draw_row(surface, t, post, kind, text, y)
        y += t.line(ROW_ROLE.get(kind, "small"))
    picture = post_picture(t, post, width)
    if picture is not None:
        surface.blit(picture, (_text_x(t), y + t.gap // 2))
        y += picture.get_height() + t.gap
    return surface, y


def draw_counts(surface: pygame.Surface, theme: Theme, width: int, likes: int, shares: int,
                at: tuple[int, int]) -> None:
    """The likes and shares of a card whose top-left corner is *at* on *surface*."""
    t = theme
    # The counts grow while they animate: wrapped again here rather than taken from the rows.
    x, small = at[0] + _text_x(t), t.font("small")
    y = at[1]
    for line in wrap(counts_text(likes, shares), small, width - _text_x(t) - t.pad):
        surface.blit(small.render(line, True, t.colour("muted")), (x, y))
        y += t.line("small")


# The cards of a count-up without their counts: 0.8 s of frames redrew every visible card
# in full (18 % of a pilot game's CPU); now each frame draws its counts only.
_bodies: OrderedDict[tuple[object, ...], tuple[pygame.Surface, int]] = OrderedDict()


def _cached_body(theme: Theme, post: PostView, width: int) -> tuple[pygame.Surface, int]:
    return _kept(_bodies, _look(theme, post, width), CARDS_KEPT,
                 lambda: _card_body(theme, post, width))


def _draw_row(surface: pygame.Surface, t: Theme, post: PostView, kind: str, text: str,
              y: int) -> None:
    x, small, muted = _text_x(t), t.font("small"), t.colour("muted")
    if kind == "name":
        surface.blit(t.font("body", True).render(text, True, t.colour("text")), (x, y))
    elif kind in ("handle", "handle_when", "when"):
        surface.blit(small.render(text, True, muted), (x, y))
        if post.verified and kind != "when":
            r = max(4, t.line("small") // 4)
            centre = (x + t.text_width(text, "small") + t.gap + r, y + t.line("small") // 2)
            pygame.draw.circle(surface, t.colour("accent"), centre, r)
        if kind == "handle_when":
            when = small.render(post.when, True, muted)
            surface.blit(when, (surface.get_width() - t.pad - when.get_width(), y))
    elif kind == "tag":
        colour = t.colour("narrative" if post.kind == "narrative" else "accent")
        surface.blit(t.font("small", True).render(text, True, colour), (x, y))
    elif kind == "text":
        surface.blit(t.font("body").render(text, True, t.colour("text")), (x, y))


class FeedView(Canvas):
    """All posts, newest first; only visible cards are drawn, each rendered once."""

    def __init__(self, rect: pygame.Rect, manager: Any, theme: Theme, posts: list[PostView],
                 seen: dict[int, tuple[int, int]], *, object_id: str | None = None) -> None:
        self.posts = posts
        self.seen = seen  # likes/shares shown last time, per post: they grow from there
        self.tops: list[int] = []
        self.heights: list[int] = []
        self.age = 0.0
        for post in posts:  # a post seen for the first time starts from its current counts
            seen.setdefault(post.key, (post.likes, post.shares))
        super().__init__(rect, manager, theme, object_id=object_id, background="bg")

    def relayout(self) -> None:
        width = self.rect.width - self.scrollbar_width
        self.heights = [card_height(self.theme, post, width) for post in self.posts]
        self.tops = []
        y = 0
        for height in self.heights:
            self.tops.append(y)
            y += height
        self.content_height = y

    def animating(self) -> bool:
        return self.age < GROW_SECONDS and any(
            self.seen.get(p.key, (p.likes, p.shares)) != (p.likes, p.shares) for p in self.posts)

    def update(self, time_delta: float) -> None:
        if self.animating():
            step = self._step()
            self.age += time_delta
            if self._step() != step or self.age >= GROW_SECONDS:
                self.mark_dirty()  # the counts change COUNT_STEPS times a second, not every frame
            if self.age >= GROW_SECONDS:
                for post in self.posts:
                    self.seen[post.key] = (post.likes, post.shares)
        super().update(time_delta)

    def _step(self) -> int:
        return int(self.age * COUNT_STEPS)

    def counts(self, post: PostView) -> tuple[int, int]:
        old = self.seen.get(post.key)
        if old is None or self.age >= GROW_SECONDS:
            return post.likes, post.shares
        k = min(1.0, self._step() / COUNT_STEPS / GROW_SECONDS)
        return (round(old[0] + (post.likes - old[0]) * k),
                round(old[1] + (post.shares - old[1]) * k))

    def draw_content(self, surface: pygame.Surface, top: int) -> None:
        width = self.rect.width - self.scrollbar_width
        for post, y, height in zip(self.posts, self.tops, self.heights, strict=True):
            if y > top + self.rect.height:
                break
            if y + height < top:
                continue
            likes, shares = self.counts(post)
            if (likes, shares) == (post.likes, post.shares):  # not a step of the count-up
                surface.blit(cached_card(self.theme, post, width), (0, y - top))
            else:
                body, counts_y = _cached_body(self.theme, post, width)
                surface.blit(body, (0, y - top))
                draw_counts(surface, self.theme, width, likes, shares, (0, y - top + counts_y))

    def texts(self) -> list[str]:
        out = []
        for post in self.posts:
            out += [post.name, post.handle, post.when, post.text, post.tag,
                    counts_text(post.likes, post.shares)]
        return [t for t in out if t]
