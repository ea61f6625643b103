"""Fuzzing the loader: valid scenarios, mutated at the data and at the text level.

Whatever the mutation, loading never raises, every problem has a position and a message
in both languages, and a file that loads without errors plays to its end.
``HD_LONG_TESTS=1`` runs 10,000 cases per test instead of a few hundred.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import i18n
from game.content.diagnostics import Severity
from game.content.loader import load_scenario
from game.content.messages import MESSAGES
from game.simulation.runner import play_once
from tests.conftest import MINIMAL

LONG = os.environ.get("HD_LONG_TESTS") == "1"
CASES = 10_000 if LONG else 150
FUZZ = settings(max_examples=CASES, deadline=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])
BASE: dict[str, Any] = yaml.safe_load(MINIMAL.read_text("utf-8"))
BASE_TEXT = MINIMAL.read_text("utf-8")


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in *node*."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(paths(value, prefix + (key,)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(paths(value, prefix + (i,)))
    return found


ALL_PATHS = paths(BASE)

odd_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False), st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                         max_size=2),
    st.just("\u202e\u200b🙂 é « » \t"), st.just(10**30), st.just(-1),
    st.recursive(st.integers(), lambda inner: st.lists(inner, min_size=1, max_size=1),
                 max_leaves=60),
)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            last = path[-1]
            action = draw(st.sampled_from(["drop", "rename", "retype", "duplicate", "nest"]))
            if action == "drop":
                del parent[last]
            elif action == "rename" and isinstance(parent, dict):
                parent[str(last) + draw(st.sampled_from(["s", "_", "x", ""]))[:1] + "z"] = (
                    parent.pop(last))
            elif action == "retype":
                parent[last] = draw(odd_values)
            elif action == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[last]))
            else:
                value = parent[last]
                for _ in range(draw(st.integers(min_value=1, max_value=45))):
                    value = [value]
                parent[last] = value
        except (KeyError, IndexError, TypeError):
            continue
    return data


@st.composite
def mangled_text(draw: st.DrawFn) -> str:
    text = BASE_TEXT
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["tab", "drop_quote", "duplicate", "truncate", "insert",
                                       "colon", "anchor"]))
        if action == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
        elif action == "drop_quote":
            lines[i] = lines[i].replace('"', "", 1)
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "truncate":
            cut = draw(st.integers(min_value=0, max_value=max(0, len(lines[i]) - 1)))
            lines[i] = lines[i][:cut] + "\n"
        elif action == "insert":
            lines.insert(i, draw(st.text(max_size=40)) + "\n")
        elif action == "colon":
            lines[i] = lines[i].replace(": ", ": a: b ", 1)
        else:
            lines.insert(i, "x: &a [*a]\n" if i % 2 else "y: &b {k: *b}\n")
    return "".join(lines)


def check_contract(path: Path) -> None:
    loaded = load_scenario(path)
    for diag in loaded.diagnostics:
        assert diag.line >= 1 and diag.column >= 1
        assert diag.code in MESSAGES, diag.code
        for lang in ("en", "fr"):
            i18n.set_language(lang)
            assert diag.message
        i18n.set_language("en")
    if loaded.scenario is not None and not any(
            d.severity is Severity.ERROR for d in loaded.diagnostics):
        result = play_once(loaded.scenario, "random", 1)
        assert result.ending in loaded.scenario.ending_by_id


@FUZZ
@given(data=mutated())
def test_mutated_scenarios_are_reported_never_raised(tmp_path: Path, data: dict[str, Any]) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    check_contract(path)


@FUZZ
@given(text=mangled_text())
def test_mangled_yaml_text_is_reported_never_raised(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, "utf-8", errors="surrogatepass")
    check_contract(path)


@FUZZ
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_are_reported_never_raised(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(raw)
    check_contract(path)
