"""How the checker shows its findings to an instructor: sorted, with the line and a caret."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from game.content.controls import escaped
from game.content.diagnostics import Diagnostic, Severity
from game.content.loader import LoadedScenario
from game.content.troubleshooting import fix_advice
from game.i18n import _, get_language, ngettext

_RED, _YELLOW, _BOLD, _DIM, _RESET = "\033[31m", "\033[33m", "\033[1m", "\033[2m", "\033[0m"


def severity_word(severity: Severity) -> str:
    return _("error") if severity is Severity.ERROR else _("warning")


def format_diagnostic(diag: Diagnostic, lines: Sequence[str], color: bool) -> str:
    """``file:line:col: error: message [code]`` then the line and a caret under the column."""
    word = severity_word(diag.severity)
    if color:
        tint = _RED if diag.severity is Severity.ERROR else _YELLOW
        word = f"{tint}{_BOLD}{word}{_RESET}"
    # "file:line:col:" stays as editors parse it; the rest follows the reader's typography.
    colon = "\u00a0:" if get_language() == "fr" else ":"
    # Nothing read from a file reaches the terminal as is: no escape sequence is obeyed.
    message = escaped(diag.message, keep_newlines=True)
    head = (f"{escaped(diag.file)}:{diag.line}:{diag.column}: {word}{colon} {message} "
            f"[{escaped(diag.code)}]")
    if not (1 <= diag.line <= len(lines)):
        return head
    raw = lines[diag.line - 1].replace("\t", " ")
    source = escaped(raw)
    if len(source) > 160:
        source = source[:157] + "…"
    number = str(diag.line)
    gutter = " " * len(number)
    caret = " " * min(len(escaped(raw[:diag.column - 1])), len(source)) + "^"
    if color:
        caret = f"{_BOLD}{caret}{_RESET}"
        number, source = f"{_DIM}{number}{_RESET}", source
    fix = fix_advice(diag.code)
    # TRANSLATORS: the word before the advice under a checker message ("= fix: …").
    fix_word = _("fix")
    advice = f"\n {gutter} = {fix_word}{colon} {fix}" if fix else ""
    return f"{head}\n {number} | {source}\n {gutter} | {caret}{advice}"


def summary_line(files: int, errors: int, warnings: int) -> str:
    parts = [
        ngettext("%(n)s file checked", "%(n)s files checked", files) % {"n": files},
        ngettext("%(n)s error", "%(n)s errors", errors) % {"n": errors},
        ngettext("%(n)s warning", "%(n)s warnings", warnings) % {"n": warnings},
    ]
    return ", ".join(parts)


def text_report(results: Sequence[LoadedScenario], color: bool) -> str:
    out: list[str] = []
    errors = warnings = 0
    for loaded in results:
        lines = loaded.lines
        for diag in sorted(loaded.diagnostics, key=Diagnostic.sort_key):
            out.append(format_diagnostic(diag, lines, color))
        errors += len(loaded.errors)
        warnings += len(loaded.warnings)
    out.append(summary_line(len(results), errors, warnings))
    return "\n".join(out)


def json_report(results: Sequence[LoadedScenario]) -> str:
    items: list[dict[str, Any]] = []
    for loaded in results:
        for diag in sorted(loaded.diagnostics, key=Diagnostic.sort_key):
            items.append({**diag.as_dict(), "fix": fix_advice(diag.code)})
    return json.dumps(items, ensure_ascii=False, indent=2)
