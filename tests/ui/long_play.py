"""Long play: a generated scenario of up to 1,000 turns, played turn after turn through the
pilot (real scenes, real clicks), measuring memory and frame time as it goes.

Used by ``tests/ui/test_long_play.py`` (memory growth) and ``benchmarks/ui_long_play.py``
(frame-time stability).  The scenario has an event with two posts every turn, a crisis
every fifth turn, a few disinformation narratives launched along the way and no early
ending, so a game lasts exactly *turns* turns.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game.ui.pilot import Pilot

TECHNIQUES = ("fake_news", "deepfake", "bots", "astroturfing", "trolling")

HEAD = """schema_version: 1
meta:
  id: long-play
  title: {{fr: "Partie longue", en: "Long play"}}
  summary: {{fr: "Endurance : {turns} tours.", en: "Endurance: {turns} turns."}}
  author: Tests
  languages: [fr, en]
  turns: {turns}
  sources: [003_664e542d1cea9b51.txt]
  learning_goals:
    - {{fr: "Tenir la distance", en: "Go the distance"}}
country:
  name: {{fr: "Valmérie", en: "Valmeria"}}
  ministry: {{fr: "Ministère des Affaires étrangères", en: "Ministry of Foreign Affairs"}}
  handle: "@MAE_Valmerie"
audiences:
  - {{id: domestic, name: {{fr: "Public national", en: "Domestic public"}}, kind: domestic,
     language: fr, size: 2, echo_chamber: 0.2}}
  - {{id: foreign, name: {{fr: "Public étranger", en: "Foreign public"}}, kind: foreign,
     language: en, size: 1, echo_chamber: 0.6}}
actors:
  - {{id: rival, name: {{fr: "Le rival", en: "The rival"}}, handle: "@Rival", kind: leader}}
  - {{id: press, name: {{fr: "La Gazette", en: "The Gazette"}}, handle: "@Gazette", kind: media}}
topics:
"""

TOPIC = '  - {{id: topic_{n}, name: {{fr: "Sujet {n}", en: "Topic {n}"}}, narrative: rumour_{n}}}\n'

NARRATIVE = """  - id: rumour_{n}
    title: {{fr: "Rumeur {n}", en: "Rumour {n}"}}
    claim: {{fr: "Affirmation fausse numéro {n}.", en: "False claim number {n}."}}
    technique: {technique}
    source: rival
    virality: 0.6
    decay: 0.06
    start_turn: {start}
    seed_reach: {{domestic: 5, foreign: 8}}
    impact: {{credibility: -1}}
    concepts: [endurance]
"""

EVENT = """  - id: day_{t}
    turn: {t}
    headline: {{fr: "Jour {t}", en: "Day {t}"}}
    posts:
      - actor: press
        text:
          fr: "Les nouvelles du jour {t}, avec assez de mots pour remplir deux lignes."
          en: "The news of day {t}, with enough words to fill two lines of the card."
        likes: {likes}
      - actor: rival
        text: {{fr: "Le rival réagit au jour {t} !", en: "The rival reacts to day {t}!"}}
        likes: {t}
        shares: 3
    effects: [{{change: {{tension: {drift}}}}}]
"""

CRISIS = """    crisis:
      prompt: {{fr: "Crise du jour {t} : que faire ?", en: "Crisis of day {t}: what now?"}}
      deadline: 2
      choices:
        - id: calm
          label: {{fr: "Apaiser", en: "Calm down"}}
          effects: [{{change: {{tension: -2}}}}]
          debrief: {{fr: "Garder son calme, jour après jour.", en: "Keep calm, day after day."}}
        - id: firm
          label: {{fr: "Rester ferme", en: "Stand firm"}}
          effects: [{{change: {{tension: 2, domestic_support: 1}}}}]
"""

TAIL = """endings:
  - id: steady
    title: {fr: "Tenu", en: "Held"}
    text: {fr: "La cellule a tenu.", en: "The desk held."}
    tone: success
    when: {indicator_at_least: {credibility: 50}}
  - id: worn
    title: {fr: "Usé", en: "Worn out"}
    text: {fr: "La cellule est épuisée.", en: "The desk is worn out."}
    tone: mixed
concepts:
  - id: endurance
    title: {fr: "Endurance", en: "Endurance"}
    text: {fr: "Une longue campagne.", en: "A long campaign."}
    source:
      document: 003_664e542d1cea9b51.txt
      passage: "« deepfakes » et manipulation d’images et de vidéos"
"""


def long_scenario(folder: Path, turns: int = 1000, narratives: int = 4) -> Path:
    """Write the long scenario of *turns* turns (at most 1,000) in *folder*: a classroom
    scenario's cast (two audiences, *narratives* narratives with the bundled scenarios'
    virality and decay, launched at even intervals) stretched over *turns* turns."""
    parts = [HEAD.format(turns=turns)]
    parts += [TOPIC.format(n=n) for n in range(narratives)]
    parts.append("narratives:\n")
    parts += [NARRATIVE.format(n=n, technique=TECHNIQUES[n % len(TECHNIQUES)],
                               start=1 + n * turns // narratives) for n in range(narratives)]
    parts.append("events:\n")
    for t in range(1, turns + 1):
        parts.append(EVENT.format(t=t, likes=10 * t, drift=1 if t % 2 else -1))
        if t % 5 == 0 and t < turns:
            parts.append(CRISIS.format(t=t))
    parts.append(TAIL)
    path = folder / f"long_{turns}_{narratives}.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


# -- playing it ---------------------------------------------------------------------------

def rss_mb() -> float:
    """This process's resident memory now (Linux: /proc; elsewhere 0)."""
    try:
        status = Path("/proc/self/status").read_text("ascii")
    except OSError:
        return 0.0
    line = next(ln for ln in status.splitlines() if ln.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def desk_frames(pilot: Pilot, frames: int) -> list[float]:
    """Seconds per frame at the desk while the pointer moves over it (as ``ui_frame``)."""
    app = pilot.app
    for _ in range(120):  # let the likes finish counting up: measure the steady desk
        if not app.scene.animating():
            break
        app.frame([], 1 / 60)
    side = app.scene.widgets["end_turn"].rect
    times = []
    for n in range(frames):
        pos = (side.x + n % side.width, max(0, side.y - 200 + (n * 7) % 180))
        event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0),
                                   touch=False)
        start = time.perf_counter()
        app.busy()
        app.frame([event], 1 / 60)
        times.append(time.perf_counter() - start)
    return times


def play_desk(pilot: Pilot, turn: int) -> None:
    """One turn at the desk with the mouse: answer a crisis, plan a post (and a
    counter-measure every other turn), end the turn."""
    game = pilot.game
    if game.open_crises():
        pilot.click("tab_crises")
        pilot.click("crisis_list", 0)
        pilot.click("crisis_choices", turn % 2)
    pilot.click("tab_post")
    pilot.click("post_audience_next" if turn % 3 else "post_tone_next")
    if pilot.enabled("plan_post"):
        pilot.click("plan_post")
    if turn % 2 and game.state.budget > 0 and game.live_narratives():
        pilot.click("tab_counter")
        if pilot.enabled("plan_counter"):
            pilot.click("plan_counter")
    pilot.click("end_turn")
    if pilot.modal == "confirm_end":
        pilot.click("confirm_end_turn")


BUTTONS = {"briefing": "start", "feed": "open_desk", "resolve": "next"}


@dataclass
class LongPlay:
    """What a long game measured: RSS (MB) and desk frame medians (ms) by turn, and the
    wall time of each turn (s)."""

    rss: dict[int, float] = field(default_factory=dict)
    frame_ms: dict[int, float] = field(default_factory=dict)
    turn_seconds: dict[int, float] = field(default_factory=dict)

    def growth(self, warm: int, end: int) -> float:
        """RSS at *end* relative to RSS at *warm* (0.05 = 5 % more)."""
        return self.rss[end] / self.rss[warm] - 1


def play_long(pilot: Pilot, turns: int, *, sample: Callable[[int], bool],
              frames: int = 0, from_title: bool = True) -> LongPlay:
    """From the title screen (or from the scene shown), play until the ending of a game of
    *turns* turns; at the desk of every turn where ``sample(turn)`` holds, collect garbage,
    record RSS and (with *frames*) the median frame time."""
    out = LongPlay()
    if from_title:
        pilot.click("new_game")
    started = time.perf_counter()
    while pilot.scene != "ending":
        scene = pilot.scene
        pilot.draw()  # each screen once, as the window draws it (the pilot's frames do not)
        if scene == "decide":
            turn = pilot.game.state.turn
            if sample(turn):
                gc.collect()
                out.rss[turn] = rss_mb()
                if frames:
                    out.frame_ms[turn] = statistics.median(desk_frames(pilot, frames)) * 1000
            play_desk(pilot, turn)
            now = time.perf_counter()
            out.turn_seconds[turn], started = now - started, now
        elif scene in BUTTONS:
            pilot.click(BUTTONS[scene])
        else:
            raise AssertionError(f"unexpected scene {scene} at turn {pilot.game.state.turn}")
        if pilot.game is not None and pilot.game.state.turn > turns:
            raise AssertionError("the game went past its last turn")
    return out
