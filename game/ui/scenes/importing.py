"""The picker's import dialog: a path typed, pasted or dropped, then ``sharing.import_zip``.

There is no native file dialog in the game, so the path of the .zip is typed or pasted
(Ctrl+V) into a text field, or the file is dropped onto the window.  A refusal keeps the
dialog open with its reason (and each error of a scenario that does not pass the checker);
an import closes it, refreshes the list and selects the new scenario.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

import pygame

from game import paths
from game.i18n import _, fmt_number, ngettext, pick
from game.presentation.labels import nested
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, message_dialog, text_view
from game.ui.widgets.textentry import TextEntry
from game.ui.widgets.textlayout import Block, layout_blocks

if TYPE_CHECKING:
    from game.content.loader import LoadedScenario
    from game.content.sharing import ImportResult

MAX_PATH = 1024


class ScenarioListScene(Scene):
    """A scene listing the scenarios, which the import dialog adds one to (the picker):
    what the dialog needs of it, so that this module does not import the picker's."""

    def select_path(self, path: Path | None) -> None:
        """Select the scenario at *path* (a freshly imported one)."""
        raise NotImplementedError

    def play(self) -> None:
        """Start the selected scenario."""
        raise NotImplementedError


def typed_path(text: str) -> Path | None:
    """The path in what was typed or pasted: quotes, ``file://`` URLs and ``~`` allowed."""
    text = text.strip().strip("\"'").strip()
    if text.startswith("file://"):
        text = unquote(urlparse(text).path)
    return Path(text).expanduser() if text else None


def intro_blocks() -> list[Block]:
    return [Block(_("Type or paste (Ctrl+V) the path of a scenario .zip, or drop the file "
                    "on this window. The scenario is checked, then copied into your "
                    "scenario folder:"), colour="muted"),
            Block(str(paths.user_scenarios_dir()), role="small", colour="muted")]


def open_import(scene: ScenarioListScene, path: str = "",
                result: list[Block] | None = None) -> None:
    """Open the dialog (again, with *result* saying why the last attempt failed): the
    explanation, the path field under it, then the result, if any."""

    def build() -> None:
        assert scene.modal is not None
        t = scene.theme
        inner = scene.modal.inner(t.pad * 2)
        scene.label("import_title", _("Import a scenario"),
                    pygame.Rect(inner.x, inner.y, inner.width, t.button_height),
                    style="#heading", role="heading", bold=True)
        body = pygame.Rect(inner.x, inner.y + t.button_height + t.gap, inner.width,
                           inner.height - t.button_height - t.gap)
        rest = button_row(scene, [("import_cancel", _("Cancel"), scene.close_modal, False),
                                  ("import_go", _("Import"), lambda: do_import(scene), True)],
                          body, group="import_buttons")
        intro = text_view(scene, "import_intro", rest, intro_blocks())
        room = rest.height // 2 if result else rest.height - t.button_height - t.gap
        intro.set_dimensions((rest.width, min(intro.content_height, room)))
        intro.mark_dirty(relayout=True)
        field = pygame.Rect(rest.x, intro.rect.bottom + t.gap, rest.width, t.button_height)
        entry = TextEntry(field, scene.ui, t, path, max_length=MAX_PATH,
                          placeholder=_("for example: ~/Downloads/scenario.zip"),
                          starting_height=scene.layer,
                          on_focus=lambda e: scene.ring.focus_element(e))
        scene.canvas("import_path", entry, activate=lambda: scene.later(lambda: do_import(scene)))
        if result:
            top = field.bottom + t.gap
            text_view(scene, "import_text", pygame.Rect(rest.x, top, rest.width,
                                                        rest.bottom - top), result)

    scene.open_modal("import", (900, 560 if result else compact_height(scene)), build,
                     focus="import_path")


def compact_height(scene: ScenarioListScene) -> int:
    """The dialog's height with nothing to report yet: the explanation, the field, buttons."""
    t = scene.theme
    width = min(900, scene.app.size[0] - 2 * t.pad) - 4 * t.pad
    text = layout_blocks(intro_blocks(), t, width - 3 * t.pad - 6).height + 2 * t.pad
    return text + 3 * t.button_height + 4 * t.gap + 6 * t.pad


def handle_import_event(scene: ScenarioListScene, event: pygame.event.Event) -> bool:
    """A .zip dropped on the window (Ctrl+V in the path field is the field's own key)."""
    if event.type == pygame.DROPFILE:
        scene.later(lambda: open_import(scene, str(event.file)))
        return True
    return False


def do_import(scene: ScenarioListScene) -> None:
    from game.content.sharing import import_zip  # zipfile and the checker: only on import

    entry = scene.widgets.get("import_path")
    text = entry.text if entry is not None else ""
    path = typed_path(text)
    if path is None:
        open_import(scene, text, [Block(_("Type the path of a .zip file first."),
                                        colour="warn")])
        return
    result = import_zip(path)
    if not result.ok:
        open_import(scene, text, refusal_blocks(result))
        return
    scene.close_modal(notify=False)
    scene.app.session.scenarios(refresh=True)
    scene.select_path(result.folder)
    scene.rebuild()
    imported_dialog(scene, result)


def refusal_blocks(result: ImportResult) -> list[Block]:
    assert result.refusal is not None
    blocks = [Block(_("Refused: {reason}.").format(
        reason=result.refusal.message), colour="bad", bold=True)]
    if result.loaded is not None and result.loaded.errors:
        blocks += diagnostic_blocks(result.loaded)
    return blocks


def diagnostic_blocks(loaded: LoadedScenario) -> list[Block]:
    """Each error as ``file:line:col`` and its message (in the player's language)."""
    blocks = []
    for diag in loaded.errors:
        where = f"{Path(diag.file).name}:{diag.line}:{diag.column}"  # as editors parse it
        blocks.append(Block(where, bold=True, colour="accent", space_before=0.6))
        blocks.append(Block(diag.message, colour="bad"))
    return blocks


def imported_dialog(scene: ScenarioListScene, result: ImportResult) -> None:
    assert result.folder is not None and result.loaded is not None
    scenario = result.loaded.scenario
    title = pick(scenario.meta.title) if scenario is not None else result.folder.name
    blocks = [Block(_("“{title}” is now in your scenario folder:").format(title=nested(title)),
                    bold=True),
              Block(str(result.folder), role="small", colour="muted")]
    if result.renamed_from:
        blocks.append(Block(_("A folder named “{name}” was there already: this one was "
                              "installed beside it.").format(name=result.renamed_from),
                            colour="warn", space_before=0.6))
    if result.ignored:
        blocks.append(Block(_("Left out (files the system adds): {names}").format(
            names=", ".join(result.ignored)), colour="muted", space_before=0.6))
    warnings = len(result.loaded.warnings)
    if warnings:
        blocks.append(Block(ngettext("The checker has {n} warning about it.",
                                     "The checker has {n} warnings about it.", warnings)
                            .format(n=fmt_number(warnings)), colour="muted",
                            space_before=0.6))
    message_dialog(scene, "imported", _("Scenario imported"), blocks,
                   [("imported_close", _("Close"), scene.close_modal, False),
                    ("imported_play", _("Play it"), scene.play, True)])
