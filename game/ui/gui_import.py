"""Import pygame_gui with only the modules the title screen uses (the others on first use).

``pygame_gui/__init__.py`` and ``pygame_gui/elements/__init__.py`` import every element
and window pygame_gui has (text boxes, forms, sliders, file and colour dialogs...): ~5 ms
of the start-up's CPU time spent before the title's first frame on screens it does not
show.  Here those two packages are created without running their ``__init__``; a name
they would have imported (``pygame_gui.UIManager``, ``pygame_gui.elements.UIButton``,
``from pygame_gui.elements import UITooltip``) is imported from the module their
``__init__`` names the first time it is asked for (PEP 562 module ``__getattr__``).  The
map from names to modules is read from those ``__init__`` files themselves (a few
``from X import Y`` lines), so a pygame_gui release that adds an element still works;
anything unexpected in them falls back to the plain import.

PyYAML is hidden meanwhile: python-i18n, which pygame_gui uses, imports it only to choose
a default file format that pygame_gui then sets to JSON (~8 % of the start-up), and the
title screen reads no YAML.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import logging
import sys
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger(__name__)

LAZY_PACKAGES = ("pygame_gui", "pygame_gui.elements")


def _names(source: str, package: str) -> dict[str, str]:
    """Name -> module of every ``from X import Y`` in a package's ``__init__``; raises
    ValueError for anything else than imports, ``__all__`` and docstrings (a new kind of
    ``__init__``: then it is run as it is)."""
    names: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if alias.name == "*":
                    raise ValueError("star import")
                names[alias.asname or alias.name] = (
                    f"{package}.{alias.name}" if node.module == package else node.module)
        elif isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] \
                == ["__all__"]:
            continue
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        else:
            raise ValueError(f"unexpected statement at line {node.lineno}")
    return names


def _attribute_getter(module: ModuleType, names: dict[str, str]) -> Callable[[str], object]:
    def get(name: str) -> object:
        source = names.get(name)
        if source is None:
            raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
        found = importlib.import_module(source)
        if source != f"{module.__name__}.{name}":  # a name in a module, not a subpackage
            found = getattr(found, name)
        setattr(module, name, found)  # asked once
        return found

    return get


def _lazy_package(name: str) -> ModuleType | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None or spec.submodule_search_locations is None:
        return None
    try:
        with open(spec.origin, encoding="utf-8") as fh:
            names = _names(fh.read(), name)
    except (OSError, ValueError, SyntaxError) as exc:
        log.info("%s imported whole: %s", name, exc)
        return None
    module = importlib.util.module_from_spec(spec)
    module.__getattr__ = _attribute_getter(module, names)  # type: ignore[method-assign]
    module.__all__ = list(names)  # type: ignore[attr-defined]
    return module


def import_pygame_gui() -> None:
    """Import pygame_gui (see the module's docstring); nothing to do if it already is."""
    if "pygame_gui" in sys.modules:
        return
    hide_yaml = "yaml" not in sys.modules
    if hide_yaml:
        sys.modules["yaml"] = None  # type: ignore[assignment]  # "import yaml" fails for now
    try:
        for name in LAZY_PACKAGES:  # each registered before the next is looked for: finding
            module = _lazy_package(name)  # a subpackage imports its parent
            if module is None:
                break
            sys.modules[name] = module
        else:
            root = sys.modules["pygame_gui"]
            root.elements = sys.modules["pygame_gui.elements"]  # type: ignore[attr-defined]
            importlib.import_module("pygame_gui.ui_manager")  # with python-i18n: no YAML
        if "pygame_gui.elements" not in sys.modules:
            sys.modules.pop("pygame_gui", None)
            import pygame_gui  # noqa: F401
    except Exception:  # noqa: BLE001 - whatever went wrong, the plain import is the answer
        log.warning("pygame_gui imported whole", exc_info=True)
        for name in LAZY_PACKAGES:  # no half-made package left behind
            sys.modules.pop(name, None)
        import pygame_gui  # noqa: F401
    finally:
        if hide_yaml:
            del sys.modules["yaml"]  # the real PyYAML can be imported from now on
