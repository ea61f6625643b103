"""The reference of every condition and effect, generated from the registries' docstrings.

Docs embed it between ``<!-- BEGIN GENERATED: calls -->`` and ``<!-- END GENERATED -->``;
``python -m game.content.reference --write`` refreshes them and a test fails when they
are stale, so the reference cannot drift from the code.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import game.content.calls  # noqa: F401  (fills the registries)
from game.engine.registry import CONDITIONS, EFFECTS, Entry, Registry
from game.paths import ROOT

BEGIN = "<!-- BEGIN GENERATED: calls -->"
END = "<!-- END GENERATED -->"
DOCS = ("docs/scenario-format.md",)


def _yaml_inline(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return re.sub(r'"([a-z_][a-z0-9_]*)":', r"\1:", text).replace('"…"', "…")


def _entry(entry: Entry) -> str:
    example = f"{{{entry.name}: {_yaml_inline(entry.example)}}}"
    paragraphs = [" ".join(p.split()) for p in entry.doc.split("\n\n")]
    body = "\n\n  ".join(paragraphs).replace("``", "`")
    return f"- **`{entry.name}`** — {body}\n\n  `{example}`\n"


def _section(title: str, registry: Registry) -> str:
    entries = sorted(registry.entries.values(), key=lambda e: e.name)
    return f"### {title}\n\n" + "\n".join(_entry(e) for e in entries)


def render() -> str:
    return "\n".join([
        BEGIN,
        "",
        _section("Conditions", CONDITIONS),
        _section("Effects", EFFECTS),
        END,
    ])


def refreshed(text: str) -> str:
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    return pattern.sub(lambda _m: render(), text)


def stale_docs() -> list[str]:
    return [doc for doc in DOCS if (ROOT / doc).read_text("utf-8") != refreshed(
        (ROOT / doc).read_text("utf-8"))]


def main(argv: list[str]) -> int:
    if "--write" in argv:
        for doc in DOCS:
            path: Path = ROOT / doc
            path.write_text(refreshed(path.read_text("utf-8")), "utf-8")
        return 0
    print(render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
