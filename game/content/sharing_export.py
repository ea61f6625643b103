"""Zip a checked scenario with the images it uses, ready for ``python main.py import``."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from game.content.loader import LoadedScenario, load_scenario
from game.content.sharing_rules import Refusal, Refused
from game.content.starter import scenario_id


def export_zip(path: Path, out: Path) -> tuple[Refusal | None, LoadedScenario | None]:
    """Write *out* holding ``NAME/scenario.yaml`` and ``NAME/assets/…``.

    Returns why it was refused (None when written) and the checked scenario, if it was
    read (its diagnostics explain a refusal for errors)."""
    try:
        return None, _export(path, out)
    except Refused as refused:
        return refused.refusal, refused.loaded


def _export(path: Path, out: Path) -> LoadedScenario:
    if out.suffix.lower() != ".zip":
        raise Refused("export_not_zip", path=str(out))
    if out.exists():
        raise Refused("export_exists", path=str(out))
    loaded = load_scenario(path)
    if loaded.scenario is None or loaded.errors:
        raise Refused("export_has_errors", loaded=loaded, count=len(loaded.errors))
    scenario = loaded.scenario
    images = [a.avatar for a in scenario.actors if a.avatar]
    images += [p.image for e in scenario.events for p in e.posts if p.image]
    name = scenario_id(loaded.path)
    for image in images:
        parts = PurePosixPath(image.replace("\\", "/")).parts
        if not parts or parts[0] != "assets":
            raise Refused("export_outside_assets", path=image)
    try:
        with zipfile.ZipFile(out, "x", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(loaded.path, f"{name}/scenario.yaml")
            for image in sorted(set(images)):
                archive.write(loaded.folder / image, f"{name}/{image.replace(chr(92), '/')}")
    except OSError as exc:
        out.unlink(missing_ok=True)
        raise Refused("zip_write_failed", folder=str(out.parent),
                      reason=exc.strerror or str(exc)) from exc
    return loaded
