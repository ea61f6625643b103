"""Build hook: the wheel carries the top-level data folders inside the ``game`` package.

The project keeps ``scenarios/``, ``assets/`` and ``locales/`` at the top of the clone
(authors and translators work there); a wheel has no top level, so they are copied to
``game/_bundled/`` at build time, where ``game/paths.py`` looks for them.  Everything else
is declared in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("scenarios", "assets", "locales")
LEFT_OUT = ("*.po", "*.pot", "__pycache__")  # catalog sources: the game reads the .mo files


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the clone's folders directly
        target = Path(self.build_lib) / "game" / "_bundled"
        for name in BUNDLED:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(name, target / name, ignore=shutil.ignore_patterns(*LEFT_OUT))


setup(cmdclass={"build_py": BuildPyWithData})
