"""Where the checker's analyses put what they find: diagnostics at their YAML position."""

from __future__ import annotations

from typing import Any

from game.content.diagnostics import Diagnostic, Severity
from game.content.validation import Issue, Loc
from game.content.yaml_source import YamlDocument


class Findings:
    """Collects the checker's findings, each placed where its YAML path was written."""

    def __init__(self, doc: YamlDocument, display: str) -> None:
        self.doc = doc
        self.display = display
        self.found: list[Diagnostic] = []

    def add(self, severity: Severity, loc: Loc, code: str, at: str = "value",
            **params: Any) -> None:
        self.found.append(issue_diagnostic(Issue(loc, code, params, at), self.doc, self.display,
                                           severity))


def issue_diagnostic(issue: Issue, doc: YamlDocument, display: str,
                     severity: Severity = Severity.ERROR) -> Diagnostic:
    """Place an issue at the line and column where its path was written."""
    if issue.at == "parent":
        pos = doc.locate(issue.loc[:-1])
    else:
        pos = doc.locate(issue.loc, key=issue.at == "key")
    params = {k: v for k, v in issue.params.items() if v is not None or k != "suggestion"}
    return Diagnostic(display, pos.line, pos.column, severity, issue.code, params)
