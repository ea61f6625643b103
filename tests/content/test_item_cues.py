"""``check`` warns about badly written reliability items: a giveaway in an item's text,
and an unbalanced set of the scenario's own items."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import i18n
from game.content.item_cues import cue_in
from game.content.loader import load_scenario
from game.paths import ROOT

TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"


@pytest.mark.parametrize("text", [
    "Free concert tonight (account created yesterday)",
    "Concert gratuit ce soir (compte créé hier)",
    "The verified account of the ministry says the border is closed",
    "Forwarded many times: the water is poisoned",
    "Message transféré : l'eau est empoisonnée",
    "This account was created 2 days ago and already claims a coup",
    "Le compte a été créé il y a 3 jours et annonce un coup d'État",
])
def test_obvious_cues_are_found(text: str) -> None:
    assert cue_in(text) is not None


@pytest.mark.parametrize("text", [
    "Museum Night is on Saturday from 7 p.m. to midnight; the programme is on the city's website.",
    "The official statistics office publishes the census on Monday.",
    "Le compte rendu du conseil est en ligne depuis hier.",
])
def test_ordinary_texts_carry_no_cue(text: str) -> None:
    assert cue_in(text) is None


def _warnings(path: Path) -> list[tuple[str, int, str]]:
    loaded = load_scenario(path)
    assert loaded.playable, [d.message for d in loaded.diagnostics]
    return [(d.code, d.line, d.message) for d in loaded.diagnostics
            if d.code in ("item_cue", "items_unbalanced")]


def test_bundled_items_are_clean() -> None:
    assert _warnings(TUTORIAL) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_check_warns_on_a_cue_and_an_unbalanced_set(tmp_path: Path, lang: str) -> None:
    i18n.set_language(lang)
    text = TUTORIAL.read_text("utf-8")
    lines = text.split("\n")
    cue_line = next(i for i, ln in enumerate(lines) if "Museum Night is on Saturday" in ln)
    lines[cue_line] = lines[cue_line].replace("website.", "website (verified account).")
    # The manipulative item becomes reliable: two reliable items, none manipulative.
    flip = next(i for i, ln in enumerate(lines) if ln.strip() == "reliable: false"
                and i > cue_line)
    lines[flip] = lines[flip].replace("false", "true")
    edited = tmp_path / "cued.yaml"
    edited.write_text("\n".join(lines), "utf-8")
    found = _warnings(edited)
    codes = [(code, line) for code, line, _ in found]
    questions_line = lines.index("questions:") + 1
    assert codes == [("items_unbalanced", questions_line), ("item_cue", cue_line + 1)]
    assert "q_museum_night" in found[1][2] and "(verified account)" in found[1][2]
    assert ("2" in found[0][2]) and ("0" in found[0][2])
