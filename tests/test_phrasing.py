"""Phrasings that read right whatever the names and actions put in them: a crisis titled
by who posted it needs no French article rule, and no line stacks two colons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game import i18n
from game.content.loader import load_scenario
from game.paths import SCENARIOS_DIR
from game.presentation import viewmodel

SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_crisis_without_headline_is_titled_without_a_preposition(lang: str) -> None:
    i18n.set_language(lang)
    seen = 0
    for path in SCENARIOS:
        s = load_scenario(path).scenario
        assert s is not None
        for event in s.events:
            if event.headline is not None or not event.posts:
                continue
            actor = s.actor_by_id[event.posts[0].actor]
            title = viewmodel.event_title(event, s)
            # « Message de Gouvernement de Kordavie » needed « du »: the name stands alone.
            assert title.endswith(f"— {i18n.pick(actor.name)}"), title
            assert not re.match(r"Message (de|du|des|d'|from) ", title), title
            seen += 1
    assert seen, "the test needs a crisis titled by its poster"


# The briefing says the student runs the desk: no character may be introduced as its head.
HEAD_OF_THE_DESK = re.compile(
    r"(?<!ancienne )(?<!ancien )\b(cheffe?|chef) de (la )?cellule\b|\bwho runs the desk\b|"
    r"(?<!former )\bhead of the desk\b", re.IGNORECASE)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_character_runs_the_desk_the_student_runs(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [m.group(0) for m in HEAD_OF_THE_DESK.finditer(text)]
    assert found == [], f"{path.name}: {found}"
