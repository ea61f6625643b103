"""Generated parts of the docs: keys, conditions and effects, troubleshooting, in each language.

Docs embed them between ``<!-- BEGIN GENERATED: name -->`` and ``<!-- END GENERATED -->``
(*name* is ``keys``, ``calls``, ``troubleshooting`` or ``techniques``);
``python -m game.content.reference --write`` refreshes them and a test fails when they are
stale, so the reference cannot drift from the code.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import game.content.calls  # noqa: F401  (fills the registries)
from game import i18n
from game.content.ref_render import render_calls, render_keys, render_vocabulary
from game.content.ref_techniques import render_techniques
from game.content.troubleshooting import render_troubleshooting
from game.paths import ROOT

END = "<!-- END GENERATED -->"
BLOCK = re.compile(r"<!-- BEGIN GENERATED: ([a-z_]+) -->.*?" + re.escape(END), re.S)
# Each generated doc and the language it is written in.
DOCS: dict[str, str] = {
    "docs/scenario-format.md": "en",
    "docs/authoring.en.md": "en",
    "docs/authoring.fr.md": "fr",
    "docs/model.md": "en",
}
RENDERERS: dict[str, Callable[[], str]] = {
    "keys": render_keys,
    "calls": lambda: render_vocabulary() + "\n" + render_calls(),
    "troubleshooting": render_troubleshooting,
    "techniques": render_techniques,
}


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render in *lang*, then restore the language that was current."""
    previous = i18n.get_language()
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language(previous)


# Code spans and HTML entities keep their characters: French spacing is for prose.
VERBATIM = re.compile(r"(``.+?``|`[^`\n]+`|&#?\w+;)")
# ``troubleshooting`` shows each message exactly as ``check`` prints it: left as it is.
PROSE_BLOCKS = frozenset({"keys", "calls", "techniques"})


def prose_typography(markdown: str, lang: str) -> str:
    """French typography (no-break spaces before ``; : ! ?`` and inside « ») on the prose of
    *markdown*, never inside code spans: the text joins and the translations of every
    generated block get it, so no renderer needs its own French punctuation."""
    if lang != "fr":
        return markdown
    parts = VERBATIM.split(markdown)
    return "".join(part if i % 2 else i18n.french_typography(part)
                   for i, part in enumerate(parts))


def render(name: str = "calls", lang: str = "en") -> str:
    """One generated block, markers included."""
    with language(lang):
        body = RENDERERS[name]()
    if name in PROSE_BLOCKS:
        body = prose_typography(body, lang)
    return f"<!-- BEGIN GENERATED: {name} -->\n\n{body.rstrip()}\n\n{END}"


def refreshed(text: str, lang: str = "en") -> str:
    return BLOCK.sub(lambda m: render(m.group(1), lang), text)


def stale_docs() -> list[str]:
    """The generated docs whose committed text differs from what the code generates now."""
    stale = []
    for doc, lang in DOCS.items():
        path = ROOT / doc
        text = path.read_text("utf-8") if path.exists() else ""
        if not BLOCK.search(text) or text != refreshed(text, lang):
            stale.append(doc)
    return stale


def main(argv: list[str]) -> int:
    if "--write" in argv:
        for doc, lang in DOCS.items():
            path: Path = ROOT / doc
            path.write_text(refreshed(path.read_text("utf-8"), lang), "utf-8")
        return 0
    lang = "fr" if "--lang=fr" in argv or "fr" in argv else "en"
    names = [a for a in argv if a in RENDERERS] or list(RENDERERS)
    print("\n\n".join(render(name, lang) for name in names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
