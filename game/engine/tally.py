"""Running counts over a game's record: what the rules ask about earlier posts and
counter-measures, kept up as the record grows instead of scanned at each question.

Scanning every earlier post at each new one made long games quadratic
(``benchmarks/RESULTS.md``); each count here reads only the records added since the last
question, so a state loaded from a save is counted from its start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.state import GameState


class Tally:
    """Counts over ``state.posts`` and ``state.counters`` (records are only appended)."""

    def __init__(self, state: GameState) -> None:
        self.state = state
        self._posts_counted = 0  # posts already in _post_counts: (tone, audience) → n
        self._post_counts: dict[tuple[str, str], int] = {}
        self._counters_counted = 0  # the same for counters: (narrative, measure) → n
        self._counter_uses: dict[tuple[str, str], int] = {}
        self._counter_first: dict[tuple[str, str], int] = {}  # → the first turn used

    def posts_like(self, tone: str, audience: str) -> int:
        """How many posts of the game had this tone and audience (audience fatigue)."""
        posts, counts = self.state.posts, self._post_counts
        for post in posts[self._posts_counted:]:  # added since the last look (or loaded)
            key = (post["tone"], post["audience"])
            counts[key] = counts.get(key, 0) + 1
        self._posts_counted = len(posts)
        return counts.get((str(tone), audience), 0)

    def counter_uses(self, narrative: str, measure: str) -> int:
        """How many times the game has used *measure* against *narrative*."""
        self._count_counters()
        return self._counter_uses.get((narrative, str(measure)), 0)

    def first_counter_turn(self, narrative: str, measure: str) -> int | None:
        """The first turn *measure* was used against *narrative*, or None."""
        self._count_counters()
        return self._counter_first.get((narrative, str(measure)))

    def _count_counters(self) -> None:
        counters, uses, first = self.state.counters, self._counter_uses, self._counter_first
        for record in counters[self._counters_counted:]:  # added since the last look
            key = (record["narrative"], record["measure"])
            uses[key] = uses.get(key, 0) + 1
            turn = record["turn"]
            if key not in first or turn < first[key]:
                first[key] = turn
        self._counters_counted = len(counters)
