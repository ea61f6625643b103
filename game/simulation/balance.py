"""The balance tables of the bundled scenarios, written to ``docs/balance.md``.

    python -m game.simulation.balance            # print the tables
    python -m game.simulation.balance --write    # rewrite docs/balance.md

Every scenario is played ``RUNS`` times per strategy with seed 1 (the same command an
instructor can run: ``python main.py simulate FILE --runs 2000 --strategy all --seed 1``).
A scenario is balanced when every ending is reached by some player, every event happens
in some game, and the teaching verdict (``verdict.py``) says it teaches: the lesson wins,
no shortcut does.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from game.content.loader import load_scenario
from game.content.model import Scenario
from game.content.reference import language
from game.engine.vocabulary import EndingTone
from game.i18n import DEFAULT_LANGUAGE, pick
from game.paths import ROOT, SCENARIOS_DIR
from game.simulation.runner import StrategySummary, report, simulate
from game.simulation.strategies import ANSWER_KEY_READERS, SHORTCUTS, STRATEGIES
from game.simulation.verdict import success_rate, verdict_lines

RUNS = int(os.environ.get("HD_BALANCE_RUNS", "2000"))
SEED = 1

# The seed concepts that were only text before the rules issue, and the mechanic that
# now teaches each in play (the rest are listed in each scenario's concept cards).
MECHANICS: tuple[tuple[str, str, str], ...] = (
    ("early-warning monitoring (seed 003)",
     "monitoring a narrative before it spreads makes every fitting counter 30 % stronger",
     "every scenario (the tutorial teaches it at step 2)"),
    ("the ministry's own hashtag campaign, and its hijacking (seed 003)",
     "launching #AskYourMinister raises reach and soft power and sets off a harder hijack "
     "by trolls (event hijack_trending); the moderation charter and reporting answer it, "
     "a public debunk feeds it",
     "ask_your_minister"),
    ("algorithmic amplification (seed 004)",
     "TarvaNet's engagement-ranked Trends raise the boycott's virality once the desk posts "
     "angrily or the hashtag gains traction (event trending_algorithm); outraged replies "
     "feed it, publishing Open Key's study and asking for transparent trends cuts it",
     "digital_sovereignty"),
    ("propaganda for recruitment (seeds 000, 003)",
     "Tamra's Sword hijacks the protest hashtag to recruit (narrative armed_recruitment); "
     "reporting and prebunking fit, attribution backfires; left at reach 25 it ends in "
     "violence that feeds the regime's story (event march_violence)",
     "digital_spring"),
    ("trolling and cyber-harassment of diplomats (seed 003)",
     "a public debunk feeds trolls and harassers; reporting and protecting the target fit",
     "ask_your_minister, digital_spring"),
    ("transparency is not telling everything (seeds 000, 003, 004)",
     "in at least one crisis of every scenario the answer that sounds most open is a trap "
     "(an unverified confirmation, an attribution without evidence, a detail that "
     "endangers people, a rumour repeated); the `sounds_open` player, the lesson in all "
     "but its crisis answers, must lose",
     "all"),
    ("a worried public's rumour (seed 003, « réponse rapide et transparente »)",
     "clear information answers it; debunking or reporting citizens backfires",
     "all but ask_your_minister (the tutorial teaches it at step 3)"),
)


@dataclass
class Balance:
    scenario: Scenario
    results: dict[str, StrategySummary]
    unreached_endings: list[str]
    unreached_events: list[str]
    verdict: dict[str, object]

    def success_rate(self, name: str) -> float:
        return success_rate(self.results[name].as_dict())

    def mean(self, name: str) -> float:
        scores = self.results[name].scores
        return sum(scores) / len(scores) if scores else 0.0

    def best(self) -> str:
        return max(self.results, key=self.mean)

    def problems(self) -> list[str]:
        found = []
        if self.unreached_endings:
            found.append("endings never reached: " + ", ".join(self.unreached_endings))
        if self.unreached_events:
            found.append("events that never happen: " + ", ".join(self.unreached_events))
        with language("en"):
            data = {n: r.as_dict() for n, r in self.results.items()}
            found += [line.strip() for line in verdict_lines(self.verdict, data)[1:]]
        return found


def measure(path: Path, runs: int = RUNS, seed: int = SEED) -> Balance:
    loaded = load_scenario(path)
    if not loaded.playable or loaded.scenario is None:
        raise ValueError(f"{path}: has errors; run python main.py check {path}")
    scenario = loaded.scenario
    results = simulate(scenario, loaded.path, runs, list(STRATEGIES), seed)
    summary = report(scenario, runs, seed, results)
    return Balance(scenario, results, summary["unreached_endings"], summary["unreached_events"],
                   summary["verdict"])


def table(path: Path, balance: Balance) -> str:
    s = balance.scenario
    endings = [e.id for e in s.endings]
    head = ("| player | mean score | min–max | success | mixed | failure | "
            + " | ".join(endings) + " |")
    rule = "|---|---:|---:|---:|---:|---:|" + "---:|" * len(endings)
    rows = []
    for name, summary in balance.results.items():
        shares = [f"{100 * summary.endings.get(e, 0) / summary.runs:.0f} %" for e in endings]
        tones = [f"{100 * summary.tones[t.value] / summary.runs:.0f} %" for t in EndingTone]
        scores = summary.scores
        label = f"{name} (answer key)" if name in ANSWER_KEY_READERS else name
        rows.append(f"| {label} | {balance.mean(name):.1f} | {min(scores)}–{max(scores)} | "
                    + " | ".join(tones + shares) + " |")
    problems = balance.problems()
    status = "teaches" if balance.verdict["teaches"] and not problems else \
        "**does not teach yet**: " + "; ".join(problems)
    title = pick(s.meta.title, DEFAULT_LANGUAGE) or s.meta.id
    return "\n".join([f"## {title} (`{path.relative_to(ROOT)}`)", "",
                      f"Teaching verdict: {status}.", "",
                      head, rule, *rows, ""])


def summary_table(measured: list[tuple[Path, Balance]]) -> str:
    rows = ["| scenario | lesson success | lesson mean | best shortcut (mean) | lead | "
            "most successful shortcut | verdict |", "|---|---:|---:|---|---:|---|---|"]
    for path, b in measured:
        shortcuts = [n for n in SHORTCUTS if n in b.results]
        best = max(shortcuts, key=b.mean)
        top = max(shortcuts, key=b.success_rate)
        lead = b.mean("lesson") - b.mean(best)
        verdict = "teaches" if b.verdict["teaches"] and not b.problems() else "**no**"
        rows.append(f"| `{path.stem}` | {100 * b.success_rate('lesson'):.0f} % | "
                    f"{b.mean('lesson'):.1f} | {best} ({b.mean(best):.1f}) | {lead:+.1f} | "
                    f"{top} ({100 * b.success_rate(top):.0f} %) | {verdict} |")
    return "\n".join(rows) + "\n"


def mechanics_table() -> str:
    rows = ["| concept | mechanic | scenario |", "|---|---|---|"]
    rows += [f"| {c} | {m} | {s} |" for c, m, s in MECHANICS]
    return "\n".join(rows) + "\n"


def bundled() -> list[Path]:
    return sorted(p for p in SCENARIOS_DIR.glob("*.yaml"))


def render(paths: list[Path]) -> str:
    measured = [(path, measure(path)) for path in paths]
    parts = ["# Balance of the bundled scenarios", "",
             f"Generated by `python -m game.simulation.balance --write` ({RUNS} games per "
             f"player, seed {SEED}: `python main.py simulate FILE --runs {RUNS} --strategy all "
             f"--seed {SEED}`); do not edit by hand. The players are described in "
             "`game/simulation/strategies.py`, `lesson.py` and `shortcuts.py`; *success*, "
             "*mixed* and *failure* are the shares of games ending with an ending of that "
             "tone. A scenario **teaches** when `lesson` reaches a success ending in at "
             "least 50 % of its games with a mean score at least 10 points above every "
             "shortcut player's, and no shortcut player (" + ", ".join(SHORTCUTS) + ") "
             "reaches a success ending in more than 10 % of its games. Players marked "
             "*answer key* read the effect numbers in the file: upper bounds, not students.",
             "", summary_table(measured), "## Seed concepts taught by a mechanic", "",
             mechanics_table()]
    for path, balance in measured:
        parts.append(table(path, balance))
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")] or bundled()
    text = render([p.resolve() for p in paths])
    if "--write" in argv:
        (ROOT / "docs" / "balance.md").write_text(text, "utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
