"""F5 while playing: read the scenario file again and go on where the player was, or say why not.

A valid new version replaces the game by the same game replayed on it (same seed, same
actions, same phase: :func:`game.simulation.replay.fast_forward`); a broken one changes
nothing, and an overlay lists its errors as ``file:line:col`` and a message in the
player's language.  Actions the new version no longer allows are listed the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.content.troubleshooting import fix_advice
from game.i18n import _, fmt_number, ngettext
from game.invocation import command_name
from game.presentation import labels, viewmodel
from game.ui import images
from game.ui.scenes.common import message_dialog
from game.ui.session import ScenarioEntry, Session
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.content.loader import LoadedScenario
    from game.engine.game import Game
    from game.ui.scenes.base import Scene

log = logging.getLogger(__name__)

Skipped = Sequence[tuple[int, dict[str, Any], str]]


def reload_game(scene: Scene) -> None:
    """Reload the scenario of the game in progress (the scene shows that game)."""
    from game.simulation.replay import fast_forward, reload_scenario  # on F5 only

    session = scene.app.session
    game, entry = session.game, session.entry
    if game is None or entry is None:
        return
    try:
        reloaded = reload_scenario(entry.path)
        if reloaded.scenario is None:
            show_errors(scene, reloaded.loaded)
            return
        result = fast_forward(reloaded.scenario, game)
    except Exception as exc:  # a strange file must not end the game: the old one goes on
        log.exception("reloading %s failed", entry.path)
        show_failure(scene, str(exc) or type(exc).__name__)
        return
    images.forget()  # the author may have replaced an image
    session.entry = fresh_entry(session, entry, reloaded.loaded)
    # The same game goes on: the composer's choices and the turn timer are kept.
    session.game = result.game
    session.reset_feed()
    scene.app.enter_game()
    shown = scene.app.scene
    if result.skipped:
        show_skipped(shown, game, result.skipped)
    else:
        notify(shown, reloaded_text(game, result.game, len(reloaded.loaded.warnings)))


def fresh_entry(session: Session, entry: ScenarioEntry, loaded: LoadedScenario) -> ScenarioEntry:
    """The entry of the new version, also in the picker's list."""
    fresh = ScenarioEntry(entry.path, entry.origin, loaded)
    if session.entries is not None:
        session.entries = [fresh if e.path == entry.path else e for e in session.entries]
    return fresh


def reloaded_text(old: Game, new: Game, warnings: int) -> str:
    turn = new.state.turn
    if turn == old.state.turn and new.phase is old.phase:
        text = _("Scenario reloaded: turn {turn}, same seed, same choices.").format(
            turn=fmt_number(turn))
    else:
        text = _("Scenario reloaded: this version is at turn {turn} (you were at turn "
                 "{old}).").format(turn=fmt_number(turn), old=fmt_number(old.state.turn))
    if warnings:
        text += " " + ngettext("{n} warning: {command} check shows it.",
                               "{n} warnings: {command} check shows them.",
                               warnings).format(n=fmt_number(warnings), command=command_name())
    return text


def notify(scene: Scene, text: str) -> None:
    scene.app.notify(text)


# -- the overlays ---------------------------------------------------------------------------

def _buttons(scene: Scene, ident: str) -> list[tuple[str, str, Any, bool]]:
    return [(f"{ident}_reload", _("Reload (F5)"), lambda: reload_game(scene), False),
            (f"{ident}_close", _("Close"), scene.close_modal, True)]


def show_errors(scene: Scene, loaded: LoadedScenario) -> None:
    message_dialog(scene, "reload_errors", _("This version cannot be played"),
                   error_blocks(loaded), _buttons(scene, "reload_errors"), size=(960, 640),
                   focus="reload_errors_text")


def error_blocks(loaded: LoadedScenario) -> list[Block]:
    """Each error as ``file:line:col``, its message and the line it is about."""
    errors = loaded.errors
    blocks = [Block(_("The game goes on with the version loaded before. Correct the file, "
                      "save it and press F5 again."), colour="muted"),
              Block(ngettext("{n} error in {file}", "{n} errors in {file}",
                             len(errors)).format(n=fmt_number(len(errors)),
                                                 file=loaded.display),
                    bold=True, space_before=0.8)]
    if not errors:
        blocks.append(Block(_("The file could not be read."), colour="bad"))
    for diag in errors:
        where = f"{Path(diag.file).name}:{diag.line}:{diag.column}"  # as editors parse it
        blocks.append(Block(where, bold=True, colour="accent", space_before=0.8))
        blocks.append(Block(diag.message, colour="bad"))
        if 1 <= diag.line <= len(loaded.lines):
            source = loaded.lines[diag.line - 1].strip()
            blocks.append(Block(source[:160] + ("…" if len(source) > 160 else ""),
                                role="small", colour="muted"))
        fix = fix_advice(diag.code)  # the same advice as "python main.py check" prints
        if fix:
            blocks.append(Block(_("Fix: {advice}").format(advice=fix), role="small"))
    return blocks


def show_failure(scene: Scene, reason: str) -> None:
    message_dialog(scene, "reload_errors", _("This version cannot be played"),
                   [Block(_("The game goes on with the version loaded before."),
                          colour="muted"), Block(reason, colour="bad", space_before=0.8)],
                   _buttons(scene, "reload_errors"))


def show_skipped(scene: Scene, old: Game, skipped: Skipped) -> None:
    message_dialog(scene, "reload_skipped", _("Reloaded, without some of your actions"),
                   skipped_blocks(old, skipped),
                   [("reload_skipped_close", _("Close"), scene.close_modal, True)],
                   size=(960, 560), focus="reload_skipped_text")


def skipped_blocks(old: Game, skipped: Skipped) -> list[Block]:
    """Each action the new version refused: when, what (as the old version named it), why."""
    blocks = [Block(_("The new version does not allow these actions any more; the game "
                      "was replayed without them:"))]
    for turn, data, why in skipped:
        action = viewmodel.describe_action(old, data)
        blocks.append(Block(_("Turn {turn}: {action}").format(turn=fmt_number(turn),
                                                              action=action),
                            bullet=True, space_before=0.6))
        reason = labels.reason(why) if why in labels.REASONS else _(
            "It does not fit the new version of the scenario.")
        blocks.append(Block(reason, colour="warn", indent=24))
    return blocks
