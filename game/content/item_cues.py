"""Badly written reliability items: the giveaways ``check`` warns about.

The before/after items measure whether students judge a claim by its content and its
source.  An item whose own text says how trustworthy it is ("(account created
yesterday)", "verified account", "forwarded message") measures reading, not judgement;
a set of own items with many more reliable than manipulative ones (or the reverse)
lets a student score by always answering the same way.  The item's ``source:`` line
may say who published it: that is the information students should weigh.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.content.model import Question

# Giveaways in brackets, the way a post's metadata is often pasted: "(verified account)".
_BRACKETED = (r"\((?:[^)]*\b(?:verified|certified|official|fake|forwarded|created "
              r"(?:yesterday|today)|certifié|officiel|transféré|faux|créé (?:hier|aujourd))"
              r"\b[^)]*)\)")
# The same giveaways written as words of the text.
_PHRASES = (
    r"\b(?:verified|certified) account\b",
    r"\baccount (?:was )?(?:created|opened) (?:yesterday|today|last (?:night|week)|this week"
    r"|(?:a few|\d+) (?:hours|days) ago)\b",
    r"\bforwarded (?:message|many times|\d+ times)\b",
    r"\bcompte (?:certifié|vérifié)\b",
    r"\bcompte (?:a été )?(?:créé|ouvert) (?:hier|aujourd['’]hui|cette semaine"
    r"|la semaine dernière|il y a (?:quelques|\d+) (?:heures|jours))",
    r"\bmessage transféré\b",
    r"\btransféré (?:plusieurs|de nombreuses|\d+) fois\b",
)
CUES = re.compile("|".join((_BRACKETED, *_PHRASES)), re.IGNORECASE)


def cue_in(text: str) -> str | None:
    """The giveaway *text* carries, as written, or None."""
    found = CUES.search(text)
    return found.group() if found else None


def unbalanced(questions: list[Question]) -> tuple[int, int] | None:
    """(reliable, manipulative) counts of the own items when they differ by more than
    one, else None."""
    reliable = sum(bool(q.reliable) for q in questions)
    manipulative = len(questions) - reliable
    return (reliable, manipulative) if questions and abs(reliable - manipulative) > 1 else None
