"""Briefing (first state of the turn machine): situation, objectives, learning goals."""

from __future__ import annotations

from game.engine.vocabulary import EndingTone, Phase
from game.i18n import _, fmt_number, fmt_percent, ngettext, pick
from game.presentation.ending_goals import gauge_goals
from game.presentation.labels import nested, quoted
from game.reports import sources
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, page, text_view
from game.ui.widgets.textlayout import Block


def briefing_blocks(scenario: object, seed: int) -> list[Block]:
    s = scenario
    meta, country = s.meta, s.country  # type: ignore[attr-defined]
    blocks = [Block(_("Situation"), role="heading", bold=True),
              Block(_("You run the digital-diplomacy desk. Your account: {ministry} "
                      "({handle}).").format(ministry=pick(country.ministry),
                                            handle=country.handle)),
              Block(pick(meta.summary)),
              Block(_("Your objectives"), role="heading", bold=True, space_before=0.8),
              Block(_("Keep the ministry credible and international tension under control."),
                    bullet=True),
              Block(_("Answer each crisis before its deadline: silence costs trust."),
                    bullet=True),
              Block(_("Spot disinformation narratives early and counter them at the right "
                      "moment."), bullet=True)]
    blocks.append(Block(leftover_rule(s), bullet=True))
    for ending in s.endings:  # type: ignore[attr-defined]
        if ending.tone is EndingTone.SUCCESS:
            blocks.append(Block(_("Aim for: “{title}”").format(title=nested(pick(ending.title))),
                                bullet=True, colour="good"))
            blocks += [Block(goal, indent=20, space_before=0.1)
                       for goal in gauge_goals(ending.when)]
    days = ngettext("{n} turn", "{n} turns", meta.turns).format(n=fmt_number(meta.turns))
    points = ngettext("{n} action point per turn", "{n} action points per turn",
                      meta.actions_per_turn).format(n=fmt_number(meta.actions_per_turn))
    hours = meta.hours_per_turn
    length = _("Each turn is one day: {days}, {points}.") if hours == 24 else ngettext(
        "Each turn is {hours} hour: {days}, {points}.",
        "Each turn is {hours} hours: {days}, {points}.", hours)
    blocks.append(Block(length.format(days=days, points=points, hours=fmt_number(hours)),
                        colour="accent", space_before=0.6))
    blocks.append(Block(_("What you will learn"), role="heading", bold=True, space_before=0.8))
    blocks += [Block(pick(goal), bullet=True) for goal in meta.learning_goals]
    # The documents by title, not by file name (« 003_664e….txt » told a student nothing).
    titles = [quoted(sources.title(document)) for document in meta.sources]
    blocks.append(Block(_("Sources: {files}").format(files=", ".join(titles)),
                        role="small", colour="muted", space_before=0.8))
    blocks.append(Block(_("Game number (seed): {seed}").format(seed=seed), role="small",
                        colour="muted"))
    return blocks


def leftover_rule(scenario: object) -> str:
    """The disinformation threshold, told before the game (it differs by scenario)."""
    rules = scenario.rules  # type: ignore[attr-defined]
    threshold = fmt_percent(rules.disinformation_threshold / 100)
    if rules.disinformation_bars_success:
        text = _("At the end, every narrative still above {threshold} overall reach costs "
                 "points and keeps the best endings out of reach: its line is marked on its "
                 "bar.")
    else:
        text = _("At the end, every narrative still above {threshold} overall reach costs "
                 "points: its line is marked on its bar.")
    # The score also takes off a little for every narrative launched, below the line too
    # (engine/score.py, "residual"): said here, or the ending's breakdown surprises.
    below = _("Every narrative launched also costs a little below that line: the lower its "
              "reach, the better.")
    return f"{text.format(threshold=threshold)} {below}"


class BriefingScene(Scene):
    name = "briefing"
    phase = Phase.BRIEFING
    default_focus = "start"

    def build(self) -> None:
        game = self.game
        area = page(self, pick(game.scenario.meta.title))
        days = game.scenario.meta.hours_per_turn == 24
        start = _("Start the first day") if days else _("Start the first turn")
        rest = button_row(self, [("back", _("Back to the title"), self.back, False),
                                 ("start", start, self.start, True)], area)
        text_view(self, "briefing_text", rest, briefing_blocks(game.scenario, game.state.seed))

    def start(self) -> None:
        if self.game.may_start():
            self.game.start()

    def back(self) -> None:
        self.app.session.end_game()
        self.app.show(registry.title(self.app))

    def on_escape(self) -> None:
        self.back()
