"""The debrief's dialogs: replay from a turn (pick the turn, confirm) and export the report
(name, class, folder; then where the files went)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import paths
from game.i18n import _, fmt_number, ngettext
from game.presentation import labels
from game.ui.scenes.common import button_row, message_dialog, text_view
from game.ui.widgets.listview import Item, ListView
from game.ui.widgets.textentry import TextEntry
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.ui.scenes.base import Scene

REPORTS_FOLDER = "reports"


def game_report(scene: Scene) -> dict[str, Any]:
    """The report of the game *scene* shows: the debrief's text, the exported files."""
    from game.reports.content import build_report  # only once a game has ended

    session = scene.app.session
    answers = session.answers if session.questions_on else {}
    return build_report(scene.game, answers, session.player)


# -- replay from a turn ---------------------------------------------------------------

def turn_items(scene: Scene) -> list[Item]:
    """One item per turn that can be replayed: the gauges then, and the decisions taken."""
    from game.simulation.replay import replayable_turns  # only when the replay list opens

    game = scene.game
    history = {snap["turn"]: snap for snap in game.state.history}
    items = []
    for turn in replayable_turns(game):
        snap = history.get(turn - 1, {}).get("indicators", {})
        gauges = " · ".join(f"{labels.indicator(k)} {fmt_number(snap[k])}"
                            for k in ("credibility", "tension") if k in snap)
        planned = game.state.turn_log[turn - 1] if turn <= len(game.state.turn_log) else []
        decided = ngettext("{n} decision taken that turn", "{n} decisions taken that turn",
                           len(planned)).format(n=fmt_number(len(planned)))
        items.append(Item(str(turn), _("Back to the start of turn {n}").format(n=turn),
                          [(gauges, "muted"), (decided, "accent")],
                          prefix=f"{turn}." if turn <= 9 else ""))
    return items


def open_replay(scene: Scene) -> None:
    items = turn_items(scene)
    if not items:
        message_dialog(scene, "replay_none", _("Replay from a turn"), [Block(_(
            "This game was saved by an older version of the game, which did not record the "
            "decisions: it cannot be replayed."))], [("close", _("Close"), scene.close_modal,
                                                      True)])
        return
    t = scene.theme

    def build() -> None:
        assert scene.modal is not None
        inner = scene.modal.inner(t.pad * 2)
        scene.label("replay_title", _("Replay from a turn"),
                    pygame.Rect(inner.x, inner.y, inner.width, t.button_height),
                    style="#heading", role="heading", bold=True)
        body = pygame.Rect(inner.x, inner.y + t.button_height + t.gap, inner.width,
                           inner.height - t.button_height - t.gap)
        rest = button_row(scene, [("replay_cancel", _("Cancel"), scene.close_modal, False)],
                          body, group="replay_buttons")
        intro_h = t.line("body") * 3
        text_view(scene, "replay_intro", pygame.Rect(rest.x, rest.y, rest.width, intro_h), [
            Block(_("The game goes back to the start of the turn you choose, with the same "
                    "dice: choose differently and see what changes."), colour="muted")],
            background="panel")
        listing = ListView(pygame.Rect(rest.x, rest.y + intro_h + t.gap, rest.width,
                                       rest.height - intro_h - t.gap), scene.ui, t, items,
                           lambda item: scene.later(lambda: confirm_replay(scene,
                                                                            int(item.key))),
                           starting_height=scene.layer)
        scene.canvas("replay_turns", listing)

    scene.open_modal("replay", (760, 620), build, focus="replay_turns")


def confirm_replay(scene: Scene, turn: int) -> None:
    message_dialog(scene, "replay_confirm", _("Replay from turn {n}?").format(n=turn), [
        Block(_("This debrief will be replaced by the new game. Export your report first if "
                "you want to keep it."))],
        [("replay_cancel", _("Cancel"), scene.close_modal, False),
         ("replay_go", _("Replay from turn {n}").format(n=turn),
          lambda: replay_from(scene, turn), True)], size=(720, 340))


def replay_from(scene: Scene, turn: int) -> None:
    from game.simulation.replay import replay_to_turn  # only when a replay is asked for

    session = scene.app.session
    try:
        game = replay_to_turn(scene.game.scenario, scene.game, turn)
    except ValueError:
        message_dialog(scene, "replay_failed", _("Replay from a turn"), [Block(
            _("This turn cannot be replayed."), colour="bad")],
            [("close", _("Close"), scene.close_modal, True)])
        return
    scene.close_modal(notify=False)
    session.replace_game(game)
    scene.app.enter_game()


# -- export the report ----------------------------------------------------------------

def default_folder(scene: Scene) -> Path:
    return (scene.app.session.save_dir or paths.user_data_dir()) / REPORTS_FOLDER


def export_folder(typed: str, default: Path) -> Path:
    """The folder a student typed: ``~`` expanded, a relative one taken from their home
    folder (“Documents” means theirs, not wherever the game was started from)."""
    typed = typed.strip()
    if not typed:
        return default
    path = Path(typed).expanduser()
    return path if path.is_absolute() else Path.home() / path


def open_export(scene: Scene, folder: str | None = None) -> None:
    state = {"folder": folder or str(default_folder(scene))}
    t = scene.theme
    height = (5 * t.button_height + 3 * (t.line("body") + 4) + 4 * t.line("small")
              + 6 * t.gap + 4 * t.pad)
    scene.open_modal("export", (760, height), lambda: build_export(scene, state),
                     focus="export_name")


def field(scene: Scene, ident: str, caption: str, text: str, top: int,
          rect: pygame.Rect, on_enter: Any, max_length: int = 60) -> int:
    """A caption and a text field under it; returns the y under them."""
    t = scene.theme
    scene.label(f"{ident}_caption", caption, pygame.Rect(rect.x, top, rect.width,
                                                         t.line("body") + 4))
    top += t.line("body") + 4
    entry = TextEntry(pygame.Rect(rect.x, top, rect.width, t.button_height), scene.ui, t, text,
                      max_length=max_length, starting_height=scene.layer,
                      on_focus=lambda e: scene.ring.focus_element(e))
    scene.canvas(ident, entry, activate=on_enter)
    return top + t.button_height + t.gap


def export_done(scene: Scene, html: Path, json_file: Path) -> None:
    message_dialog(scene, "exported", _("Report saved"), [
        Block(_("Your report is in this folder:")),
        Block(str(html.parent), colour="accent"),
        Block(_("Files: {html} (to read and print) and {json} (for your teacher's class "
                "summary).").format(html=html.name, json=json_file.name), space_before=0.6)],
        [("close", _("Close"), scene.close_modal, True)])


def export_failed(scene: Scene, folder: str, reason: str) -> None:
    message_dialog(scene, "export_failed", _("The report could not be saved"), [
        Block(_("Nothing was written in {folder}: {reason}").format(folder=folder,
                                                                     reason=reason),
              colour="bad"),
        Block(_("Choose another folder, for example your documents or a USB stick."))],
        [("close", _("Close"), lambda: open_export(scene, folder), True)])


def build_export(scene: Scene, state: dict[str, str]) -> None:
    """The form: name, class, folder; a note when the questions after the game are due."""
    assert scene.modal is not None
    t = scene.theme
    inner = scene.modal.inner(t.pad * 2)
    scene.label("export_title", _("Export my report"),
                pygame.Rect(inner.x, inner.y, inner.width, t.button_height), style="#heading",
                role="heading", bold=True)
    body = pygame.Rect(inner.x, inner.y + t.button_height + t.gap, inner.width,
                       inner.height - t.button_height - t.gap)
    rest = button_row(scene, [("export_cancel", _("Cancel"), scene.close_modal, False),
                              ("export_go", _("Save the report"),
                               lambda: export(scene, state), True)],
                      body, group="export_buttons")
    player = scene.app.session.player
    y = field(scene, "export_name", _("Your name"), player.get("name", ""), rest.y, rest,
              lambda: scene.ring.focus("export_class"))
    y = field(scene, "export_class", _("Your class"), player.get("class", ""), y, rest,
              lambda: scene.ring.focus("export_folder"))
    y = field(scene, "export_folder", _("Folder"), state["folder"], y, rest,
              lambda: scene.later(lambda: export(scene, state)), max_length=400)
    notes = [Block(_("Two files are written: a page to read and print, and a data file for "
                     "your teacher."), role="small", colour="muted")]
    if scene.app.session.questions_left("post"):
        notes.insert(0, Block(_("You have not rated the headlines again after the game: the "
                                "report will not show how your ratings changed."),
                              role="small", colour="warn"))
    if rest.bottom - y > t.line("small") * 2:
        text_view(scene, "export_notes", pygame.Rect(rest.x, y, rest.width, rest.bottom - y),
                  notes)


def export(scene: Scene, state: dict[str, str]) -> None:
    from game.reports.files import write_report  # the HTML writer: only on export

    widgets = scene.widgets
    name = widgets["export_name"].text.strip()
    klass = widgets["export_class"].text.strip()
    folder = widgets["export_folder"].text.strip() or str(default_folder(scene))
    state["folder"] = folder
    scene.app.session.player = {"name": name, "class": klass}
    report = game_report(scene)
    try:
        files = write_report(report, export_folder(folder, default_folder(scene)))
    except OSError as exc:
        scene.close_modal(notify=False)
        export_failed(scene, folder, str(exc.strerror or exc))
        return
    scene.app.autosave()  # remembers the name for the next report
    scene.close_modal(notify=False)
    export_done(scene, files.html, files.json)
