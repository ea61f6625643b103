"""The briefing tells the gauges a success ending asks for, under its "Aim for" line (a
playtest met « crédibilité ≥ 58 » and « tension < 30 » only on the ending screen), and the
reach it names is the one the endings ask for."""

from __future__ import annotations

import pytest

from game import i18n
from game.engine.vocabulary import EndingTone
from game.i18n import fmt_percent
from game.ui.scenes.briefing import briefing_blocks
from tests.conftest import BUNDLED
from tests.ui.test_texts import scenario

NBSP = "\u00a0"


def goals_after_aim(name: str) -> list[str]:
    blocks = briefing_blocks(scenario(name), 1)
    start = next(i for i, b in enumerate(blocks) if b.colour == "good")
    goals = []
    for block in blocks[start + 1:]:
        if not block.indent:
            break
        goals.append(block.text)
    return goals


def test_the_tutorial_briefing_names_the_numbers_its_best_ending_asks() -> None:
    assert goals_after_aim("tutorial") == ["Credibility: at least 62", "Tension: below 30"]
    i18n.set_language("fr")
    assert goals_after_aim("tutorial") == [f"Crédibilité{NBSP}: au moins 62",
                                           f"Tension{NBSP}: sous 30"]


@pytest.mark.parametrize("name", [p.stem for p in BUNDLED])
def test_each_success_aim_is_followed_by_its_gauge_bounds_and_the_threshold_is_told(
        name: str) -> None:
    s = scenario(name)
    blocks = briefing_blocks(s, 1)
    aims = [b for b in blocks if b.colour == "good"]
    assert len(aims) == sum(e.tone is EndingTone.SUCCESS for e in s.endings)
    threshold = fmt_percent(s.rules.disinformation_threshold / 100)
    assert any(f"above {threshold} overall reach" in b.text for b in blocks)
    assert all(b.text.split(": ")[0] in {"Credibility", "Tension", "Reach", "Soft power",
                                         "Domestic support", "Cyber-security"}
               for b in blocks if b.indent), [b.text for b in blocks if b.indent]
