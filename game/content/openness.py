"""How open an answer *sounds*: the impression its label gives a student who has not
learnt the lesson and reaches for the most transparent-sounding answer.

Only the words of the label count (a student sees nothing else): words of openness
(publish, everything, name, confirm, transparency…) add a point, words of reserve
(quietly, nothing, wait, no comment…) and of confrontation (accuse, demand, ban…) take
one away: the student wants to look transparent *and* virtuous.  Both languages of the
label are read, so a faithful translation weighs the same in either; a language the lists
do not know counts for nothing.  The lists are word starts matched at word boundaries:
crude on purpose, like the impression they imitate.  Nothing here reads a scenario id or
an effect: the same lists judge every scenario, an instructor's included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from game.text import Text

OPEN_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("transparen", "full", "fully", "whole", "every", "everything", "all",
           "complete", "publish", "public", "publicly", "release", "disclos", "reveal",
           "name", "naming", "admit", "acknowledg", "confirm", "open", "tell", "truth",
           "detail", "figure", "list", "live", "plainly", "announce", "explain", "share"),
    "fr": ("transparen", "tout", "toute", "tous", "entier", "entiere", "integral",
           "complet", "publi", "divulg", "revel", "devoil", "nomm", "reconnai", "confirm",
           "ouvert", "dire", "verite", "detail", "chiffre", "liste", "direct", "annonc",
           "expliqu", "partag"),
}
RESERVED_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("quiet", "discreet", "private", "nothing", "silence", "silent", "wait",
           "without", "secret", "dormant", "ignore", "hide", "delete", "no comment",
           "do not comment", "off the record"),
    "fr": ("discret", "discrete", "discretement", "prive", "rien", "silence", "attend",
           "sans", "secret", "taire", "tais", "ignor", "cach", "effac", "aucun commentaire",
           "pas de commentaire"),
}
# Words of confrontation sound neither open nor virtuous: the student who wants to look
# transparent avoids them as much as silence.
HOSTILE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("accus", "denounc", "condemn", "demand", "threaten", "hit back", "mock", "blame",
           "retaliat", "expel", "boycott", "ban", "fake", "deny", "denial", "firm"),
    "fr": ("accus", "denonc", "condamn", "exig", "menac", "riposte", "moqu", "blam",
           "represaill", "expuls", "boycott", "interdi", "faux", "fausse", "dement", "ferme"),
}


def _plain(text: str) -> str:
    """Lower case without accents, so « Publiez » and « publier » meet « publi »."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")


def _patterns(words: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, stems)) + r")")
            for lang, stems in words.items()}


_OPEN = _patterns(OPEN_WORDS)
_RESERVED = _patterns({lang: RESERVED_WORDS[lang] + HOSTILE_WORDS[lang]
                       for lang in RESERVED_WORDS})


def openness(label: Text) -> int:
    """Words of openness minus words of reserve, over every language of *label*."""
    score = 0
    for lang, text in label.as_dict().items():
        if lang in _OPEN and text:
            plain = _plain(text)
            score += len(_OPEN[lang].findall(plain)) - len(_RESERVED[lang].findall(plain))
    return score


def most_open(labels: Iterable[Text]) -> int:
    """The index of the label that sounds most open; the first one on a tie (the student
    takes the first of equals in the order shown)."""
    scores = [openness(label) for label in labels]
    return scores.index(max(scores))
