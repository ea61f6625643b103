"""What a YAML syntax error most likely means, said in the author's words.

The parser's own words ("expected <block end>, but found '<scalar>'") name a symptom; the
lines around the error usually show the cause: a quote left open, a key indented unlike
its siblings, a colon with no key, text after a closing quote, a Windows path in double
quotes.
"""

from __future__ import annotations

import yaml

from game.content.diagnostics import ProblemError
from game.content.indentation import indent_problem
from game.content.yaml_lines import Positions

# Syntax problems whose cause is known from the parser's words: no guessing from the lines.
# (Text after a closing quote may also be a quote left open lines above: that is checked.)
_PRECISE = frozenset({"bad_escape", "empty_key", "empty_item_key"})


def explain(exc: yaml.MarkedYAMLError, lines: list[str], positions: Positions) -> ProblemError:
    """The problem to report for a syntax error of the file of *lines*."""
    problem = _syntax_problem(exc, lines, positions)
    if problem.code in _PRECISE:
        return problem
    quote = _unclosed_quote(lines, problem.line)
    indent = None if quote or problem.code == "text_after_quote" else \
        indent_problem(lines, problem.code, problem.line)
    return quote or indent or problem


def _unclosed_quote(lines: list[str], error_line: int) -> ProblemError | None:
    """The usual cause of a confusing syntax error: a line that opens a quote and never
    closes it, so the parser reads on into the following lines."""
    for number, line in enumerate(lines[:error_line], start=1):
        if line.lstrip().startswith("#"):
            continue
        quotes = _double_quotes_before_comment(line)
        if len(quotes) % 2 == 1 and "'" not in line[:quotes[-1]]:
            return ProblemError("unclosed_quote", number, quotes[-1] + 1, end_line=len(lines))
    return None


def _double_quotes_before_comment(line: str) -> list[int]:
    """Columns of the unescaped double quotes of *line*, up to a comment; a `` #`` inside a
    quoted text (a hashtag) is text, not a comment."""
    quotes: list[int] = []
    for i, c in enumerate(line):
        if c == '"' and (i == 0 or line[i - 1] != "\\"):
            quotes.append(i)
        elif c == "#" and i > 0 and line[i - 1] in " \t" and len(quotes) % 2 == 0:
            break
    return quotes


def _syntax_problem(exc: yaml.MarkedYAMLError, lines: list[str],
                    positions: Positions) -> ProblemError:
    line, col = positions.of(exc.problem_mark or exc.context_mark)
    problem = exc.problem or ""
    context = exc.context or ""
    if "'\\t'" in problem or "\t" in problem:
        text = lines[line - 1] if 1 <= line <= len(lines) else ""
        if text[:col - 1].strip(" \t"):  # after a key or a value, not indentation
            return ProblemError("tab_in_line", line, col)
        return ProblemError("tab_indent", line, col)
    if "unknown escape character" in problem:  # "C:\dossier": \d is no escape
        char = problem.rsplit(" ", 1)[-1].strip("'")
        return ProblemError("bad_escape", line, max(col - 1, 1), escape="\\" + char)
    if "quoted scalar" in context and exc.context_mark is not None:
        start = positions.of(exc.context_mark)
        return ProblemError("unclosed_quote", start.line, start.column, end_line=line)
    if "mapping values are not allowed" in problem:
        return ProblemError("colon_in_value", line, col)
    if "could not find expected ':'" in problem or "expected ':'" in problem:
        return ProblemError("expected_colon", line, col)
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return _block_end_problem(problem, lines, line, col)
    if "undefined alias" in problem or "found undefined" in problem:
        return ProblemError("undefined_alias", line, col)
    return ProblemError("yaml_syntax", line, col, problem=problem, context=context)


def _block_end_problem(problem: str, lines: list[str], line: int, col: int) -> ProblemError:
    """What "expected <block end>" means at (*line*, *col*): a colon with no key before it,
    text after a closing quote, or (the parser's usual reason) an indentation mismatch."""
    text = lines[line - 1] if 1 <= line <= len(lines) else ""
    before = text[:col - 1].rstrip()
    if "found ':'" in problem:
        if before == "":
            return ProblemError("empty_key", line, col)
        if before.lstrip() == "-" or before.endswith(" -"):
            return ProblemError("empty_item_key", line, col)
    if "found '<scalar>'" in problem and before.endswith(("\"", "'")):
        return ProblemError("text_after_quote", line, col)
    return ProblemError("bad_indent", line, col)
