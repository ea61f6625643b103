"""Every engine code and vocabulary value has a translated label, and every UI string can be
drawn by the bundled font in both languages, with French typography."""

from __future__ import annotations

import hashlib
import re

import pygame
import pytest
from babel.messages.pofile import read_po

from game import i18n
from game.engine import rules
from game.engine import vocabulary as v
from game.engine.vocabulary import NarrativePhase
from game.paths import LOCALES_DIR, ROOT
from game.presentation import labels, viewmodel
from game.reports.content import narrative_part
from game.ui.theme import FONT_BOLD, FONT_REGULAR
from tests.ui.test_feedback import at_desk
from tests.ui.test_texts import scenario

ENGINE = ROOT / "game" / "engine"


def engine_codes(pattern: str) -> set[str]:
    found: set[str] = set()
    for path in ENGINE.glob("*.py"):
        found |= set(re.findall(pattern, path.read_text("utf-8")))
    return found


def note_codes() -> set[str]:
    """String literals on the engine's lines that write outcome notes."""
    found: set[str] = set()
    for path in ENGINE.glob("*.py"):
        for line in path.read_text("utf-8").splitlines():
            for part in re.findall(r"notes\.append\((.*)\)|notes=\[(.*?)\]|\bnote = (.*)",
                                   line):
                found |= set(re.findall(r'"([a-z_]+)"', "".join(part)))
    return found


def test_every_note_code_the_engine_writes_has_a_sentence() -> None:
    notes = note_codes()
    notes |= {f"phase_{phase.value}" for phase in v.NarrativePhase} - {"phase_dormant"}
    assert len(notes) > 20  # the scan itself still finds the codes
    assert notes - set(labels.NOTES) == set()


def test_every_reason_code_the_engine_returns_has_a_sentence() -> None:
    reasons = engine_codes(r'return "([a-z_]+)"')
    assert {"over_budget", "measure_used", "needs_audience"} <= reasons
    assert reasons - set(labels.REASONS) == set()


@pytest.mark.parametrize(("enum", "table"), [
    (v.Indicator, labels.INDICATORS), (v.Tone, labels.TONES), (v.Channel, labels.CHANNELS),
    (v.Measure, labels.MEASURES), (v.Measure, labels.MEASURE_HELP),
    (v.Technique, labels.TECHNIQUES), (v.Technique, labels.TECHNIQUE_HELP),
    (v.Phase, labels.PHASES),
    (v.NarrativePhase, labels.NARRATIVE_PHASES), (v.Difficulty, labels.DIFFICULTIES),
    (v.EndingTone, labels.ENDING_TONES), (v.Tone, labels.POST_TEMPLATES),
])
def test_every_vocabulary_value_has_a_label(enum: type, table: dict[str, str]) -> None:
    assert {m.value for m in enum} - set(table) == set()  # type: ignore[attr-defined]


def test_unknown_codes_are_shown_readably_not_crashing() -> None:
    assert labels.note("brand_new_code") == "brand new code"


def test_labels_are_translated() -> None:
    i18n.set_language("fr")
    assert labels.note("language_match").startswith("Écrite dans la langue")
    assert labels.turns_left(1) == "encore 1 tour après celui-ci"
    assert labels.turns_left(0) == "dernier tour"
    assert labels.turns_left(3) == "encore 3 tours après celui-ci"
    assert labels.fmt_delta(-2.5) == "-2,5"
    assert labels.deadline_text(1) == "Dernier tour pour répondre\u202f!"


def catalog(lang: str) -> list[str]:
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "ui.po").open("rb") as fh:
        messages = read_po(fh, locale=lang)
    out: list[str] = []
    for message in messages:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            out += [s for s in strings if s]
    return out


def test_french_ui_strings_follow_french_typography() -> None:
    bad = [s for s in catalog("fr") if re.search(r"[^\s\u00a0\u202f][:;!?](\s|$)", s)
           and not re.search(r"https?:|\d:\d", s)]
    assert bad == []
    assert not [s for s in catalog("fr") if re.search(r" [:;!?»]|« ", s)]
    assert not [s for s in catalog("fr") if '"' in s], "French uses « », not straight quotes"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_bundled_font_draws_every_character_of_the_ui(lang: str) -> None:
    pygame.font.init()
    chars = set("".join(catalog(lang))) | set("«»\u00a0\u202fÉÈÀÇÊÔŒœ’‹›…—–·")
    for path in (FONT_REGULAR, FONT_BOLD):
        font = pygame.font.Font(str(path), 16)

        def digest(text: str, font: pygame.font.Font = font) -> str:
            surface = font.render(text, True, (255, 255, 255), (0, 0, 0))
            return hashlib.md5(pygame.image.tobytes(surface, "RGB")).hexdigest()

        missing = digest("\ue000")  # a private-use character: surely the "missing" box
        tofu = sorted(c for c in chars if not c.isspace() and digest(c) == missing)
        assert tofu == [], f"{path.name} cannot draw {tofu}"


def test_a_faded_narrative_whose_reach_comes_back_is_shown_by_one_rule_everywhere() -> None:
    """The engine keeps "faded" until ``RESURGENCE_AT``; every screen and the report show a
    faded narrative back at or above ``FADED_BELOW`` as a new one at that reach would be."""
    assert viewmodel.shown_phase("faded", rules.FADED_BELOW - 0.1) == "faded"
    assert viewmodel.shown_phase("faded", rules.FADED_BELOW) == "emerging"
    assert viewmodel.shown_phase("faded", rules.SPREADING_AT) == "spreading"
    assert viewmodel.shown_phase("debunked", 12.0) == "debunked"  # the engine's own rule
    game = at_desk(scenario("tutorial"), turn=3)
    run = game.state.narratives["fake_tickets"]
    assert run.live
    run.phase, run.weighted = NarrativePhase.FADED, 12.0
    i18n.set_language("fr")
    (view,) = [n for n in viewmodel.narratives(game) if n.id == "fake_tickets"]
    assert view.phase == "emerging"
    (part,) = [n for n in narrative_part(game) if n["id"] == "fake_tickets"]
    assert part["phase"] == "faded" and part["phase_label"] == labels.label(
        labels.NARRATIVE_PHASES, "emerging") != labels.label(labels.NARRATIVE_PHASES, "faded")
    run.weighted = 2.0
    assert [n.phase for n in viewmodel.narratives(game) if n.id == "fake_tickets"] == ["faded"]


# A past participle right after a title (« « La rumeur » laissé… ») agrees with a noun the
# sentence does not know: a title may be feminine, plural, or a hashtag.
_AGREES_WITH_TITLE = re.compile(
    r"\{(?:title|titles|narrative)\}[\s\u00a0\u202f]*»?[\s\u00a0\u202f]+"
    r"(?:est |a été |ont été |sont |reste |restée? )?(\w+(?:é|ée|és|ées))\b")


def test_no_generated_french_text_makes_a_word_agree_with_a_title() -> None:
    found = []
    for domain in ("ui", "core"):
        with (LOCALES_DIR / "fr" / "LC_MESSAGES" / f"{domain}.po").open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            strings = message.string if isinstance(message.string, tuple) else (
                message.string,)
            for text in strings:
                for match in _AGREES_WITH_TITLE.finditer(text or ""):
                    found.append((domain, match.group(1), text))
    assert found == [], found
