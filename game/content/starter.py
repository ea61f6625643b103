"""A commented starter scenario for ``python main.py new``: valid, clean and playable at once.

The template (``starter_template.yaml``) holds every comment in both languages, on lines
starting ``#en`` or ``#fr``; the starter keeps the author's language only.  Its texts
are in both languages, so the scenario plays in either.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from game.content.model import scenario_json_schema
from game.content.schema_editor import schema_file_name
from game.i18n import _, french_typography
from game.invocation import command_name

TEMPLATE = Path(__file__).with_name("starter_template.yaml")
_COMMENT = re.compile(r"^(\s*)#(en|fr) ?(.*)$")


class StarterRefused(Exception):
    """Why a starter cannot be written there (the message is translated)."""


@dataclass
class Written:
    """What ``new`` wrote: the scenario file, and the schema file if it was missing."""

    scenario: Path
    extra: list[Path] = field(default_factory=list)


def french_prose(text: str) -> str:
    """French typography outside `code` spans, which keep their spaces as typed."""
    parts = text.split("`")
    return "`".join(french_typography(p) if i % 2 == 0 else p for i, p in enumerate(parts))


def scenario_id(path: Path) -> str:
    """An id for the scenario from its file (or folder) name: ``Mon Scénario.yaml`` →
    ``mon_scenario``."""
    stem = path.parent.name if path.name in ("scenario.yaml", "scenario.yml") else path.stem
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_-]+", "_", ascii_.lower()).strip("_-")
    if not slug or not slug[0].isalpha():
        slug = "scenario_" + slug
    return slug[:64].rstrip("_-") or "my_scenario"


def starter_text(lang: str, path: Path, author: str | None = None) -> str:
    """The starter scenario, its comments in *lang*."""
    out: list[str] = []
    for line in TEMPLATE.read_text("utf-8").splitlines():
        match = _COMMENT.match(line)
        if match is None:
            out.append(line)
            continue
        indent, comment_lang, text = match.groups()
        if comment_lang == lang:
            text = french_prose(text) if lang == "fr" else text
            out.append(f"{indent}# {text}".rstrip())
    text = "\n".join(out) + "\n"
    shown = path.as_posix()
    if " " in shown:
        shown = f'"{shown}"'
    replacements = {"@PATH@": shown, "@COMMAND@": command_name(),
                    "@SCHEMA@": schema_file_name(lang), "@ID@": scenario_id(path),
                    "@AUTHOR@": (author or _("Your name")).replace('"', "'")}
    for key, value in replacements.items():
        text = text.replace(key, value)
    return text


def target_file(path: Path) -> Path:
    """The file ``new PATH`` writes: PATH itself for a ``.yaml`` name, or ``PATH/scenario.yaml``
    (with an ``assets/`` folder) for a name without a suffix."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return path
    if path.suffix:
        raise StarterRefused(_("a scenario file name ends in .yaml: {path}").format(path=path))
    return path / "scenario.yaml"


def write_starter(path: Path, lang: str, author: str | None = None) -> Written:
    """Write a starter scenario at *path*; never overwrites anything."""
    file = target_file(path)
    if path.exists() and (file == path or file.exists()):
        raise StarterRefused(_("{path} already exists; choose another name (nothing was "
                               "overwritten)").format(path=path))
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with file.open("x", encoding="utf-8") as fh:
            fh.write(starter_text(lang, file, author))
    except FileExistsError as exc:
        raise StarterRefused(_("{path} already exists; choose another name (nothing was "
                               "overwritten)").format(path=file)) from exc
    except OSError as exc:
        raise StarterRefused(_("cannot write {path}: {reason}").format(
            path=file, reason=exc.strerror or exc)) from exc
    written = Written(file)
    if file != path:  # a scenario folder: its images go in assets/
        (path / "assets").mkdir(exist_ok=True)
    schema = file.parent / schema_file_name(lang)
    if not schema.exists():
        schema.write_text(json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2)
                          + "\n", "utf-8")
        written.extra.append(schema)
    return written
