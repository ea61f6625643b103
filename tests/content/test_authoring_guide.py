"""The authoring guides, as a new author uses them: the walk-through, copied block by block,
builds a scenario that checks clean and plays; the reference covers every key, condition,
effect and message, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game import i18n
from game.content.key_help import KEYS, SECTIONS
from game.content.loader import load_scenario
from game.content.messages import MESSAGES
from game.content.ref_render import models, translated_doc
from game.content.troubleshooting import GROUPS, PARTS, example_message
from game.content.troubleshooting_help import HELP
from game.engine.registry import CONDITIONS, EFFECTS
from game.paths import ROOT
from game.simulation.runner import play_once, report, simulate
from game.simulation.strategies import STRATEGIES

GUIDES = {"en": ROOT / "docs" / "authoring.en.md", "fr": ROOT / "docs" / "authoring.fr.md"}
WALKTHROUGH = {"en": "## Walk-through", "fr": "## Pas à pas"}
PLAYABLE_FROM_STEP = 4  # the guide says: "check and play" after step 4
_TOP_KEY = re.compile(r"^([a-z_]+):")


def walkthrough_blocks(lang: str) -> list[str]:
    text = GUIDES[lang].read_text("utf-8")
    start = text.index(WALKTHROUGH[lang])
    end = text.index("\n## ", start + 3)
    return re.findall(r"```yaml\n(.*?)```", text[start:end], re.S)


def assemble(file: dict[str, str], block: str) -> dict[str, str]:
    """Do what the guide tells the reader: a top-level section replaces the one of the same
    name (in place) or goes at the end; indented lines continue the file's last section."""
    sections: list[tuple[str | None, list[str]]] = []
    pending: list[str] = []
    for line in block.splitlines(keepends=True):
        match = _TOP_KEY.match(line)
        if match:
            sections.append((match.group(1), pending + [line]))
            pending = []
        elif sections:
            sections[-1][1].append(line)
        else:
            pending.append(line)
    result = dict(file)
    if pending and any(line.startswith(" ") for line in pending):
        last = list(result)[-1]
        result[last] = result[last].rstrip("\n") + "\n" + "".join(pending)
    elif pending:
        sections.insert(0, ("#preamble", pending))
    for key, lines in sections:
        assert key is not None
        result[key] = "".join(lines)
    return result


def _write(tmp_path: Path, file: dict[str, str], name: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(part.rstrip("\n") + "\n" for part in file.values()), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_walkthrough_builds_a_clean_playable_scenario(tmp_path: Path, lang: str) -> None:
    blocks = walkthrough_blocks(lang)
    assert len(blocks) >= 7
    file: dict[str, str] = {}
    for step, block in enumerate(blocks, start=1):
        file = assemble(file, block)
        if step >= PLAYABLE_FROM_STEP:
            loaded = load_scenario(_write(tmp_path, file, f"step{step}.yaml"))
            assert loaded.errors == [], (step, [d.message for d in loaded.errors])
    loaded = load_scenario(_write(tmp_path, file, "final.yaml"))
    assert loaded.diagnostics == [], [f"{d.line}: {d.message}" for d in loaded.diagnostics]
    assert loaded.scenario is not None
    endings = {play_once(loaded.scenario, name, 1).ending for name in STRATEGIES}
    assert len(endings) >= 2, "the walk-through scenario should be winnable and losable"


def test_the_two_guides_build_the_same_scenario(tmp_path: Path) -> None:
    built = {}
    for lang in GUIDES:
        file: dict[str, str] = {}
        for block in walkthrough_blocks(lang):
            file = assemble(file, block)
        # The titles, and the first line naming the schema of the guide's language, differ.
        built[lang] = {k: re.sub(r"# yaml-language-server: .*\n", "", v)
                       for k, v in file.items() if k != "meta"}
    assert built["en"] == built["fr"]


def test_every_key_of_the_model_is_described_and_nothing_else() -> None:
    fields = {f"{m.__name__}.{name}" for m in models() for name in m.model_fields}
    assert sorted(fields - set(KEYS)) == [], "describe these keys in game/content/key_help.py"
    assert sorted(set(KEYS) - fields) == [], "these keys no longer exist in the model"
    assert {m.__name__ for m in models()} == set(SECTIONS)


def test_every_message_has_a_cause_a_fix_and_a_place_in_the_troubleshooting() -> None:
    codes = set(MESSAGES) - set(PARTS)
    grouped = [code for _title, group in GROUPS for code in group]
    assert sorted(codes - set(HELP)) == [], "add them to troubleshooting_help.HELP"
    assert sorted(codes - set(grouped)) == [], "add them to a group in troubleshooting.py"
    assert len(grouped) == len(set(grouped))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_troubleshooting_example_renders_fully(lang: str) -> None:
    i18n.set_language(lang)
    for code in HELP:
        message = example_message(code)
        assert not re.search(r"\{[a-z_]+\}", message), (code, message)


def test_every_condition_and_effect_has_a_french_description() -> None:
    i18n.set_language("fr")
    missing = [e.name for r in (CONDITIONS, EFFECTS) for e in r.entries.values()
               if translated_doc(e) == e.doc]
    assert missing == [], "translate their docstrings in locales/fr/LC_MESSAGES/core.po"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_guides_show_every_key_condition_effect_and_message(lang: str) -> None:
    text = GUIDES[lang].read_text("utf-8")
    for name in [*CONDITIONS.names(), *EFFECTS.names()]:
        assert f"**`{name}`**" in text, name
    for key in KEYS:
        assert f"| `{key.split('.')[1]}` |" in text, key
    for code in set(MESSAGES) - set(PARTS):
        assert f"`[{code}]`" in text, code


def test_the_french_guide_puts_a_no_break_space_before_every_colon_of_its_lists() -> None:
    """The generated parts of the French guide (vocabulary, arguments) follow French
    typography like the written parts: « **ton** : … », never « **ton**: … »."""
    guide = (ROOT / "docs" / "authoring.fr.md").read_text(encoding="utf-8")
    assert not re.findall(r"\*\*: |`[a-z_]+`: ", guide)
    assert re.search(r"\*\*ton\*\*\u00a0: `factual`", guide)


def test_the_walkthrough_scenario_teaches(tmp_path: Path) -> None:
    """What the guide says of it in its last step: ``simulate --strategy all`` (500 games a
    player, the seed the guide's command uses) gives the verdict "teaches", and the
    walk-through shows the reliability items and the rules."""
    file: dict[str, str] = {}
    for block in walkthrough_blocks("en"):
        file = assemble(file, block)
    assert {"questions", "rules"} <= set(file)
    loaded = load_scenario(_write(tmp_path, file, "border_rumour.yaml"))
    assert loaded.scenario is not None and loaded.diagnostics == []
    results = simulate(loaded.scenario, loaded.path, 500, list(STRATEGIES), 1)
    verdict = report(loaded.scenario, 500, 1, results)["verdict"]
    assert verdict["teaches"], verdict


def test_the_starter_teaches(tmp_path: Path) -> None:
    """``new`` gives a scenario whose balance report already says "teaches": an author
    changes a working example, not a broken one."""
    from game.content.starter import starter_text

    path = tmp_path / "starter.yaml"
    path.write_text(starter_text("en", path), "utf-8")
    loaded = load_scenario(path)
    assert loaded.scenario is not None and loaded.diagnostics == []
    results = simulate(loaded.scenario, loaded.path, 500, list(STRATEGIES), 1)
    verdict = report(loaded.scenario, 500, 1, results)["verdict"]
    assert verdict["teaches"], verdict
