"""The before/after reliability items: two parallel forms per scenario, drawn from the bank
of transfer items (``item_bank.yaml``) and the scenario's own ``questions:``.

- **Pool.** The scenario's own items first, then the bank's items of the scenario's
  narrative techniques (in the order the narratives use them), then the rest of the bank,
  each kind (reliable, manipulative) apart.
- **Forms.** The first ``2 × per_kind`` items of each kind are dealt alternately to form A
  and form B, so the two forms are disjoint, have as many reliable as manipulative items
  and share out each technique; each form is then shuffled with a fixed seed (the same
  order for the whole class).  A scenario without ``questions:`` has no forms.
- **Order.** The game's seed decides which form comes before and which after (even: A
  first), so half a class rates each form first: a class is counterbalanced.  Ratings
  already given decide instead (“Play again” keeps the ratings before the game).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import TypeAdapter, ValidationError

from game.content.item_cues import cue_in, unbalanced
from game.content.model import Question

if TYPE_CHECKING:
    from game.content.model import Scenario

log = logging.getLogger(__name__)
BANK_FILE = Path(__file__).with_name("item_bank.yaml")
PER_KIND = 4          # reliable and manipulative items per form: 8 items a form
MIN_PER_KIND = 3      # a form has at least 6 items
FORMS = ("A", "B")
Answers = Mapping[str, Mapping[str, int | None]]

@cache
def bank() -> tuple[Question, ...]:
    """The bank's items, checked with the scenario format's own model (a damaged bank is
    logged and gives no items: the scenario's own items still make forms)."""
    try:
        data = yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))
        return tuple(TypeAdapter(list[Question]).validate_python(data))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        log.warning("item bank %s could not be read: %s", BANK_FILE, exc)
        return ()


def techniques(s: Scenario) -> list[str]:
    """The scenario's narrative techniques, in the order its narratives use them."""
    return list(dict.fromkeys(str(n.technique) for n in s.narratives))


def pool(s: Scenario, reliable: bool) -> list[Question]:
    """Items of one kind in the order they are dealt: the scenario's techniques one after
    the other (its own items first within each, untagged own items before all), then the
    bank's other items.  Dealing consecutive pairs to the two forms then gives each form
    the same techniques."""
    order = {t: i for i, t in enumerate(techniques(s))}
    taken = {q.id for q in s.questions}
    own = [q for q in s.questions if bool(q.reliable) is reliable]
    bank_items = [q for q in bank() if bool(q.reliable) is reliable and q.id not in taken]
    matching = [*own, *(q for q in bank_items if str(q.technique) in order)]

    def rank(q: Question) -> int:
        return -1 if q.technique is None else order.get(str(q.technique), len(order))

    others = [q for q in bank_items if str(q.technique) not in order]
    return sorted(matching, key=rank) + others  # sorted() keeps own items first


def _deal(items: Sequence[Question], per_kind: int, own: set[str]
          ) -> tuple[list[Question], list[Question]]:
    """Pairs of the same technique where the pool has them (one of each pair to each
    form), leftovers paired after; pairs holding one of the scenario's own items first,
    then the pool's order: the first *per_kind* pairs make the two forms."""
    groups: dict[str, list[Question]] = {}
    for q in items:
        groups.setdefault(str(q.technique), []).append(q)
    pairs, singles = [], []
    for group in groups.values():
        pairs += [(group[i], group[i + 1]) for i in range(0, len(group) - 1, 2)]
        singles += group[len(group) // 2 * 2:]
    pairs += [(singles[i], singles[i + 1]) for i in range(0, len(singles) - 1, 2)]
    pairs.sort(key=lambda pair: not (pair[0].id in own or pair[1].id in own))  # stable
    chosen = pairs[:per_kind]
    return [a for a, _ in chosen], [b for _, b in chosen]


def _forms(s: Scenario) -> dict[str, tuple[Question, ...]]:
    if not s.questions:
        return {}
    reliable, manipulative = pool(s, True), pool(s, False)
    per_kind = min(PER_KIND, len(reliable) // 2, len(manipulative) // 2)
    own = {q.id for q in s.questions}
    (ra, rb), (ma, mb) = _deal(reliable, per_kind, own), _deal(manipulative, per_kind, own)
    out = {}
    for name, items in (("A", ra + ma), ("B", rb + mb)):
        random.Random(f"{s.meta.id}/{name}").shuffle(items)  # same order for the class
        out[name] = tuple(items)
    return out


def forms(s: Scenario) -> dict[str, tuple[Question, ...]]:
    """Form name -> its items ({} for a scenario without ``questions:``)."""
    return _forms(s)


def order(s: Scenario, seed: int, answers: Answers | None = None) -> tuple[str, str]:
    """(form before, form after): the form the ratings before the game were given on, else
    the seed's parity."""
    drawn = forms(s)
    pre = (answers or {}).get("pre") or {}
    if drawn and pre:
        hits = {name: sum(q.id in pre for q in items) for name, items in drawn.items()}
        if hits["A"] != hits["B"]:
            first = max(hits, key=lambda k: hits[k])
            return (first, "B" if first == "A" else "A")
    return ("A", "B") if seed % 2 == 0 else ("B", "A")


def items_for(s: Scenario, seed: int, when: str, answers: Answers | None = None
              ) -> tuple[str, tuple[Question, ...]]:
    """(form name, its items) rated *when* ("pre" or "post") in the game of *seed*."""
    drawn = forms(s)
    if not drawn:
        return "", ()
    name = order(s, seed, answers)[0 if when == "pre" else 1]
    return name, drawn[name]


def item_problems(s: Scenario) -> list[tuple[str, str]]:
    """The checker's findings on a scenario's own items (``game.content.item_cues``), as
    (code, item id or ""): "cue", "unbalanced"; plus "short": fewer than 6 items a form."""
    problems = [("cue", q.id) for q in s.questions
                if any(cue_in(text or "") for text in q.text.as_dict().values())]
    if unbalanced(s.questions):
        problems.append(("unbalanced", ""))
    drawn = forms(s)
    if drawn and min(len(items) for items in drawn.values()) < 2 * MIN_PER_KIND:
        problems.append(("short", ""))
    return problems


def describe(items: Sequence[Question]) -> list[dict[str, Any]]:
    """Ids, kinds and techniques of a form (for tests and researchers)."""
    return [{"id": q.id, "reliable": bool(q.reliable),
             "technique": str(q.technique) if q.technique else None} for q in items]
