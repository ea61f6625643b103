"""The ending (debrief state of the turn machine): how the game ended and the score."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from babel.lists import format_list

from game.engine.score import ScorePart, leftover_costs, raw_score, score_breakdown
from game.engine.vocabulary import Phase
from game.i18n import _, babel_locale, fmt_number, fmt_percent, pick
from game.presentation import labels
from game.presentation.ending_reasons import ending_reason_data
from game.ui.scenes import registry
from game.ui.scenes.base import Scene
from game.ui.scenes.common import button_row, page, text_view
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.engine.game import Game

TONE_COLOURS = {"success": "good", "mixed": "warn", "failure": "bad"}


def ending_blocks(game: Game) -> list[Block]:
    st = game.state
    ending = game.scenario.ending_by_id.get(st.ending or "")
    if ending is None:
        return [Block(_("The game is over."), role="title", bold=True)]
    tone = str(ending.tone)
    blocks = [Block(pick(ending.title), role="title", bold=True,
                    colour=TONE_COLOURS.get(tone, "text")),
              Block(labels.label(labels.ENDING_TONES, tone), bold=True,
                    colour=TONE_COLOURS.get(tone, "text")),
              Block(pick(ending.text), space_before=0.6)]
    blocks += reason_blocks(ending_reason_data(game))
    if st.score is not None:
        blocks.append(Block(_("Score: {score} / 100").format(score=fmt_number(st.score)),
                            role="heading", bold=True, colour="accent", space_before=0.8))
        blocks += breakdown_blocks(game)  # names each narrative left standing
    blocks += barred_blocks(game)
    if ending.debrief is not None:
        blocks.append(Block(pick(ending.debrief), colour="muted", space_before=0.6))
    return blocks


def reason_blocks(data: dict[str, Any]) -> list[Block]:
    """Which of the ending's conditions held in this game, and what kept out each better
    ending (``ending_reasons``): the ending text told for this game."""
    blocks: list[Block] = []
    if data["held"]:
        blocks.append(Block(_("In this game:"), bold=True, space_before=0.6))
        blocks += [Block(r["text"], bullet=True, role="small",
                         colour="good" if r["held"] else "bad") for r in data["held"]]
    for missed in data["missed"]:
        blocks.append(Block(_("What kept you from “{title}”:").format(
            title=labels.nested(missed["title"])), bold=True, space_before=0.6))
        blocks += [Block(r["text"], bullet=True, role="small", colour="bad")
                   for r in missed["lines"]]
    return blocks


def tenths(values: list[float], total: int) -> list[int]:
    """*values* in tenths of a point, rounded so that they add up to *total* tenths
    (largest remainders): the lines of the breakdown add up to the total shown."""
    scaled = [v * 10 for v in values]
    out = [math.floor(v) for v in scaled]
    order = sorted(range(len(values)), key=lambda i: scaled[i] - out[i], reverse=True)
    short = total - sum(out)
    for step in range(abs(short)):
        i = order[step % len(order)] if short > 0 else order[-1 - step % len(order)]
        out[i] += 1 if short > 0 else -1
    return out


def shown_total(raw: float, score: int) -> int:
    """The raw score in tenths, as shown above the rounded score: the nearest tenth that
    still rounds to *score* (56.54 shows 56.6, not 56.5, beside a score of 57)."""
    total = round(raw * 10)
    if not abs(total / 10 - score) < 0.5 and 0 < score < 100:
        total += 1 if score * 10 > total else -1
    return total


def product_decimals(value: float, weight: float, tenths_shown: int) -> int:
    """How many decimals of *value* a student needs for *value* × *weight*, rounded as at
    school, to give the points shown (74.17 × 25 %: "74.2" gives 18.55, read 18.6, beside
    18.5; "74.17" gives 18.54).  One when no precision does (a line nudged by a tenth so
    that the lines add up to the total)."""
    for decimals in (1, 2, 3):
        if labels.half_up(round(value, decimals) * weight, 1) == tenths_shown / 10:
            return decimals
    return 1


def part_line(game: Game, part: ScorePart, share: int) -> str:
    """One line of the breakdown; *share* is its points in tenths, as shown."""
    s = game.scenario
    points = labels.signed_points(share / 10)
    if part.kind == "gauge":
        # The gauge as shown ("64") and the exact value the score used when they differ
        # ("64 (63.6 exactly)": "64 × 25 %: +15.9" would not add up for a student).
        lower = part.key in labels.LOWER_IS_BETTER
        counted = 100 - part.level if lower else part.level
        # A weight that is no whole percent (1/6) shown to a hundredth of a percent,
        # and the products checked with the weight as shown.
        weight = round(part.weight * 100, 2)
        decimals = product_decimals(counted, weight / 100, share)
        level = labels.whole_and_exact(part.level, decimals)
        if lower:
            level = _("{level}, counted as {counted} (lower is better)").format(
                level=level, counted=labels.trimmed(counted, decimals))
        return _("{gauge} {level} × {weight}: {points}").format(
            gauge=labels.indicator(part.key), level=level, points=points,
            weight=labels.as_percent(labels.trimmed(weight, 2)))
    if part.kind == "residual":
        # Each narrative's reach named, to a tenth: the mean of the whole figures the
        # bars showed (10 % and 3 %) is not the mean the score used (9.6 % and 3.0 %).
        values = [run.weighted for run in game.state.narratives.values()
                  if run.live]  # the narratives the score's mean counts
        # Two decimals when the mean of the tenths, rounded as at school, is not the mean
        # shown.
        tenths_mean = sum(round(v, 1) for v in values) / len(values) if values else 0.0
        decimals = 1 if fmt_number(labels.half_up(tenths_mean, 1), 1) == \
            fmt_number(part.level, 1) else 2
        reaches = [labels.as_percent(labels.trimmed(v, decimals)) for v in values]
        return _("Every narrative launched, above the threshold or below it (mean reach "
                 "{reach} of {reaches}, × {factor} per point of reach): {points}").format(
                     reach=labels.percent_exact(part.level), factor=fmt_number(part.weight, 2),
                     reaches=format_list(reaches, locale=babel_locale()), points=points)
    if part.kind == "leftover":
        return _("“{title}”, reach still above {threshold} at the end ({reach}): "
                 "{points}").format(
            title=labels.nested(pick(s.narrative_by_id[part.key].title)),
            threshold=fmt_percent(part.weight / 100),
            reach=labels.percent_exact(part.level), points=points)
    return _("The ending, “{title}”: {points}").format(
        title=labels.nested(pick(s.ending_by_id[part.key].title)), points=points)


def breakdown_blocks(game: Game) -> list[Block]:
    """Where the score comes from: each gauge's share, the disinformation still going
    round, each narrative left standing, the ending's bonus; the lines add up to the total
    (to a tenth), and the total rounds to the score."""
    s, st = game.scenario, game.state
    if st.score is None:
        return []
    parts = score_breakdown(s, st)
    raw = raw_score(s, st)
    total = shown_total(raw, st.score)
    shares = tenths([p.points for p in parts], total)
    blocks = [Block(_("How the score is made"), bold=True, space_before=0.6)]
    for part, share in zip(parts, shares, strict=True):
        blocks.append(Block(part_line(game, part, share), bullet=True, role="small"))
    if 0 <= raw <= 100:
        text = _("Total: {total}, rounded to {score} / 100.")
    else:
        text = _("Total: {total}; a score stays between 0 and 100: {score} / 100.")
    blocks.append(Block(text.format(total=fmt_number(total / 10, 1),
                                    score=fmt_number(st.score)), role="small", bold=True))
    return blocks


def leftover_blocks(game: Game) -> list[Block]:
    """Which narratives were left standing, and what each cost in the score."""
    s, st = game.scenario, game.state
    costs = leftover_costs(s, st)
    if not costs:
        return []
    blocks = [Block(_("Disinformation left standing"), bold=True, colour="bad",
                    space_before=0.8)]
    for narrative_id, points in costs.items():
        blocks.append(Block(_("{title}: reach {reach} at the end, {points} off the "
                              "score").format(
            title=pick(s.narrative_by_id[narrative_id].title),
            reach=labels.percent_exact(st.narratives[narrative_id].weighted),
            points=labels.points(points)), bullet=True))
    return blocks + barred_blocks(game)


def barred_blocks(game: Game) -> list[Block]:
    """Why the best endings were out of reach, when disinformation was left standing."""
    s = game.scenario
    if not s.rules.disinformation_bars_success or not leftover_costs(s, game.state):
        return []
    return [Block(_("While disinformation is left above {threshold} reach, the best endings "
                    "are out of reach.").format(
        threshold=fmt_percent(s.rules.disinformation_threshold / 100)), role="small",
        colour="muted", space_before=0.6)]


class EndingScene(Scene):
    name = "ending"
    phase = Phase.DEBRIEF
    default_focus = "debrief"

    def build(self) -> None:
        area = page(self, _("How it ends"))
        rest = button_row(self, [("title_screen", _("Back to the title"), self.to_title, False),
                                 ("debrief", _("See the debrief"), self.debrief, True)], area)
        text_view(self, "ending_text", rest, ending_blocks(self.game))

    def debrief(self) -> None:
        """The debrief, with the questions after the game on top of it while they are not
        all answered: the debrief says which headlines were reliable, so the ratings after
        the game must come first (or they measure having read the answers)."""
        self.app.push(registry.debrief(self.app))
        if self.app.session.questions_left("post"):
            self.app.push(registry.questions(self.app, "post"))

    def to_title(self) -> None:
        self.app.session.end_game()
        self.app.show(registry.title(self.app))

    def on_escape(self) -> None:
        self.focus.focus("title_screen")
