"""Settings: language, text size, high contrast, turn timer; applied at once and saved."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.i18n import _, fmt_number, get_language, ngettext
from game.presentation import labels
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, page, text_view
from game.ui.settings import TEXT_SIZE_LABELS, TEXT_SIZES, TIMER_CHOICES, Settings
from game.ui.widgets.selector import Selector
from game.ui.widgets.textlayout import Block


def timer_label(seconds: int) -> str:
    if not seconds:
        return _("Off")
    minutes = seconds // 60
    return ngettext("{n} minute per turn", "{n} minutes per turn", minutes).format(
        n=fmt_number(minutes))


class SettingsScene(Scene):
    name = "settings"
    default_focus = "set_language"

    def build(self) -> None:
        t = self.theme
        area = page(self, _("Settings"), toggle=False)
        s = self.app.settings
        rows = [
            ("set_language", _("Language"), list(labels.language_names().items()), get_language(),
             lambda v: self._apply(language=v)),
            ("set_text_size", _("Text size"), [(k, _(TEXT_SIZE_LABELS[k])) for k in TEXT_SIZES],
             s.text_size, lambda v: self._apply(text_size=v)),
            ("set_contrast", _("High contrast"), [("off", _("Off")), ("on", _("On"))],
             "on" if s.high_contrast else "off", lambda v: self._apply(high_contrast=v == "on")),
            ("set_timer", _("Turn timer"), [(str(n), timer_label(n)) for n in TIMER_CHOICES],
             str(s.turn_timer), lambda v: self._apply(turn_timer=int(v))),
        ]
        width = min(area.width, max(560, area.width * 2 // 3))
        x = area.x + (area.width - width) // 2
        mode, caption_w = Selector.layout(
            self.theme, width, [(row[1], [text for _key, text in row[2]]) for row in rows])
        y = area.y + t.gap
        for ident, caption, options, value, change in rows:
            Selector(self, ident, caption, options, value, pygame.Rect(x, y, width, 0), change,
                     caption_width=caption_w, mode=mode, group="settings")
            y += Selector.height(self.theme, mode) + t.gap
        rest = button_row(self, [("back", _("Back"), self.app.pop, True)],
                          pygame.Rect(x, y, width, area.bottom - y), group=None)
        notes = [Block(_("Changes apply at once and are saved on this computer."),
                       colour="muted"),
                 Block(_("The turn timer is off unless you turn it on: when time runs out, "
                         "the turn ends with the actions already planned."), colour="muted")]
        if rest.height > t.line("body") * 2:
            text_view(self, "settings_notes", rest, notes)

    def _apply(self, **changes: object) -> None:
        new: Settings = replace(self.app.settings, **changes)  # type: ignore[arg-type]
        if "language" not in changes:
            new.language = self.app.settings.language or get_language()
        self.later(lambda: self.app.apply_settings(new))

    def on_escape(self) -> None:
        self.app.pop()
