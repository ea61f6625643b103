"""A small JSON file describing the screen, for tests driving a real window (``HD_TEST_STATUS``)."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.i18n import get_language
from game.ui.settings import write_atomic

if TYPE_CHECKING:
    from game.ui.scenes.base import SceneHost

log = logging.getLogger(__name__)


def widget_rects(app: SceneHost) -> dict[str, list[int]]:
    """Screen rectangles of the scene's widgets (and of each list item) by id."""
    rects: dict[str, list[int]] = {}
    for ident, element in app.scene.widgets.items():
        if element.alive() and element.visible:
            rects[ident] = list(element.rect)
            for index in range(len(getattr(element, "items", []))):
                item = element.item_rect(index)
                if item is not None and item.height > 0:
                    rects[f"{ident}#{index}"] = list(item)
    return rects


class StatusFile:
    """Rewritten whenever what it describes changes (never on every frame)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.started = time.time()
        self.first_frame: float | None = None
        self.first_frame_cpu: float | None = None  # CPU seconds (user + system) until then
        self._last: Any = None

    @classmethod
    def from_env(cls) -> StatusFile | None:
        value = os.environ.get("HD_TEST_STATUS")
        return cls(Path(value)) if value else None

    def update(self, app: SceneHost) -> None:
        if self.first_frame is None:
            self.first_frame = time.time()
            self.first_frame_cpu = time.process_time()
        scene = app.scene
        game = app.session.game
        data = {
            "scene": scene.name,
            "phase": str(game.phase) if game is not None else None,
            "turn": game.state.turn if game is not None else None,
            "ending": game.state.ending if game is not None else None,
            "language": get_language(),
            "focused": scene.ring.current_id,
            "modal": scene.modal.ident if scene.modal else None,
            "size": list(app.size),
            "widgets": widget_rects(app),
            "disabled": sorted(k for k, w in scene.widgets.items()
                               if not getattr(w, "is_enabled", True)),
            "texts": scene.texts(),
            "inputs": app.inputs,
        }
        if data == self._last:
            return
        self._last = data
        payload = dict(data, frame=app.frame_count, first_frame=self.first_frame,
                       first_frame_cpu=self.first_frame_cpu, pid=os.getpid())
        try:
            write_atomic(self.path, json.dumps(payload, ensure_ascii=False))
        except OSError as exc:
            log.warning("cannot write status file %s: %s", self.path, exc)
