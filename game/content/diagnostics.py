"""Problems found in a scenario file, located by line and column, in the user's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from game.content.messages import render


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where it is, how bad, a stable code and the parameters of its message.

    The message is rendered when asked for, so the same diagnostic reads in French or
    English depending on the language current at that moment.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return render(self.code, self.params)

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.file, self.line, self.column, self.severity is Severity.WARNING, self.code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


class ProblemError(Exception):
    """Raised while reading a file when it cannot be read any further."""

    def __init__(self, code: str, line: int = 1, column: int = 1, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column
        self.params = params

    def to_diagnostic(self, file: str) -> Diagnostic:
        return Diagnostic(file, self.line, self.column, Severity.ERROR, self.code, self.params)
