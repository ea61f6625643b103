"""Results of the turn (resolve phase): what happened because of each action, then next turn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.badges import answered_narrative, earned_now
from game.engine.techniques import POST
from game.engine.vocabulary import Phase
from game.i18n import _, fmt_number, ngettext, pick
from game.presentation import labels, viewmodel
from game.presentation.badge_text import badge_entry, earned_line, how_line
from game.presentation.post_reasons import post_reasons
from game.presentation.turn_changes import ShownChange, turn_changes
from game.ui.scenes.common import button_row, text_view
from game.ui.scenes.turn import TurnScene
from game.ui.spread_model import SpreadModel, spread_lines, spread_model
from game.ui.widgets.spread import DURATION, SpreadView
from game.ui.widgets.textlayout import Block

if TYPE_CHECKING:
    from game.content.model import Choice
    from game.engine.game import Game
    from game.engine.state import Outcome


def outcome_title(game: Game, outcome: Outcome) -> str:
    """What caused an outcome, in one line."""
    s = game.scenario
    if outcome.source in labels.PLAYER_SOURCES:
        return viewmodel.describe_action(game, outcome.ref)
    source = labels.label(labels.SOURCES, outcome.source)
    if outcome.source == "event":
        source = _("This morning's news")
    narrative = s.narrative_by_id.get(str(outcome.ref.get("narrative")))
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if narrative is not None:
        title = pick(narrative.title)
    elif event is not None:
        title = viewmodel.crisis_title(event, game.scenario)
    elif outcome.ref.get("events"):  # silence: the crises left waiting, by name
        events = [s.event_by_id[e] for e in outcome.ref["events"] if e in s.event_by_id]
        return _("{source} — {crises}").format(source=source, crises=", ".join(
            labels.quoted(viewmodel.crisis_title(e, s)) for e in events))
    else:
        return source
    return labels.source_title(source, title) if title else source


def _choice(game: Game, outcome: Outcome) -> Choice | None:
    event = game.scenario.event_by_id.get(str(outcome.ref.get("event")))
    if event is None or event.crisis is None:
        return None
    return next((c for c in event.crisis.choices if c.id == outcome.ref.get("choice")), None)


def scenario_texts(game: Game, outcome: Outcome) -> list[str]:
    """The scenario's own words about an outcome: a choice's result, an expired crisis."""
    s = game.scenario
    event = s.event_by_id.get(str(outcome.ref.get("event")))
    if event is None or event.crisis is None:
        return []
    if outcome.source == "answer":
        choice = _choice(game, outcome)
        return [pick(choice.outcome)] if choice is not None and choice.outcome else []
    if outcome.source == "deadline" and event.crisis.expire_text is not None:
        return [pick(event.crisis.expire_text)]
    return []


def lesson_blocks(game: Game, outcome: Outcome) -> list[Block]:
    """Why a crisis answer did what it did, at once: the author's lesson line (the one the
    debrief also shows), marked as the answer the lesson recommends or warns against."""
    choice = _choice(game, outcome) if outcome.source == "answer" else None
    if choice is None or choice.debrief is None:
        return []
    verdict = {"recommended": (_("Why it works: {lesson}"), "good"),
               "poor": (_("Why it costs you: {lesson}"), "bad")}.get(
        choice.lesson or "", (_("Why: {lesson}"), "text"))
    return [Block(verdict[0].format(lesson=pick(choice.debrief)), role="small",
                  colour=verdict[1])]


def post_reason_blocks(game: Game, outcome: Outcome,
                       shown: ShownChange | None = None) -> list[Block]:
    """Why a post moved the gauges it moved: its tone, and the audience it spoke to, in
    words that agree with the changes shown beside them (``post_reasons``)."""
    shown = shown if shown is not None else turn_changes(game).of(outcome)
    return [Block(line, role="small", colour="text")
            for line in post_reasons(game, outcome, shown.deltas)]


def note_text(game: Game, outcome: Outcome, code: str) -> str:
    """A note, naming the narrative when it is about one (a post on its topic)."""
    template = labels.NARRATIVE_NOTES.get(code)
    topic = game.scenario.topic_by_id.get(str(outcome.ref.get("topic")))
    narrative = game.scenario.narrative_by_id.get(topic.narrative or "") if topic else None
    if template is None or narrative is None:
        return labels.note(code)
    return _(template).format(title=labels.nested(pick(narrative.title)))


def no_change_text(outcome: Outcome) -> str:
    """A player's action that moved nothing visible: a counter says where its effect
    shows, so « the right answer » never stands unexplained beside « no change »."""
    measure = str(outcome.ref.get("measure", "")) if outcome.source == "counter" else ""
    if measure in labels.COUNTER_LATER:
        return labels.label(labels.COUNTER_LATER, measure)
    return _("No change you can see on the gauges this turn.")


def outcome_blocks(game: Game, outcome: Outcome, shown: ShownChange | None = None) -> list[Block]:
    """One outcome: what caused it, what it changed (whole points that add up to the
    gauges: ``turn_changes``) and why."""
    shown = shown if shown is not None else turn_changes(game).of(outcome)
    mine = outcome.source in labels.PLAYER_SOURCES
    blocks = [Block(outcome_title(game, outcome), bold=True, space_before=0.7,
                    colour="text" if mine else "accent")]
    blocks += [Block(text, colour="text") for text in scenario_texts(game, outcome)]
    changes = viewmodel.deltas_text(shown.deltas)
    if changes:
        blocks.append(Block(changes, role="small", colour="muted"))
    blocks += [Block(line, role="small", colour="muted")
               for line in viewmodel.reach_change_text(game, shown.reach)]
    if mine and not shown.visible:
        blocks.append(Block(no_change_text(outcome), role="small", colour="muted"))
    blocks += lesson_blocks(game, outcome)
    blocks += [Block(note_text(game, outcome, code), bullet=True) for code in outcome.notes]
    blocks += post_reason_blocks(game, outcome, shown)
    why = viewmodel.counter_reason(game, outcome)
    if why:
        blocks.append(Block(why, role="small", colour="text"))
    return blocks


def most_liked_blocks(game: Game) -> list[Block]:
    """The game's most-liked post so far, called out the turn it becomes so, and why a
    post of its tone is liked."""
    st = game.state
    mine = [p for p in st.feed if p.kind == viewmodel.PLAYER and p.post]
    if not mine:
        return []
    best = max(mine, key=lambda p: p.likes)
    if best.turn != st.turn or best.post is None:
        return []
    data = best.post
    topic = game.scenario.topic_by_id.get(str(data.get("topic")))
    likes = ngettext("{n} like", "{n} likes", best.likes).format(n=fmt_number(best.likes))
    tone = labels.label(labels.TONES, data.get("tone", "")).lower()
    return [Block(_("Your most-liked post so far: {likes}, {tone} tone, about “{topic}”.").format(
                likes=likes, tone=tone,
                topic=labels.nested(pick(topic.name)) if topic else "?"),
                  bold=True, colour="accent", space_before=0.9),
            Block(labels.label(labels.LIKED_BECAUSE, data.get("tone", "")), role="small")]


def badge_topic(game: Game, badge: dict[str, object]) -> str | None:
    """The topic of the post that earned *badge* this turn, or None (a counter earned it)."""
    if badge.get("counter") != POST:
        return None
    for outcome in game.state.outcomes:
        if outcome.turn == badge.get("turn") and outcome.source == "post" and \
                answered_narrative(game, outcome) == badge.get("narrative"):
            topic = game.scenario.topic_by_id.get(str(outcome.ref.get("topic")))
            return pick(topic.name) if topic is not None else None
    return None


def badge_blocks(game: Game) -> list[Block]:
    """The badges this turn earned, at the top of the results: the named technique and
    why the counter fitted it (the moment the lesson is learnt)."""
    blocks: list[Block] = []
    for badge in earned_now(game):
        entry = badge_entry(game, badge)
        blocks += [Block(earned_line(entry), role="heading", bold=True, colour="good",
                         space_before=0.5 if blocks else 0.0),
                   Block(how_line(entry), colour="text")]
        topic = badge_topic(game, badge)
        if topic:  # a post earns it by its topic: say which, lest it seem aimed elsewhere
            blocks.append(Block(_("Your post was about “{topic}”: that topic answers "
                                  "“{narrative}”.").format(
                topic=labels.nested(topic), narrative=labels.nested(entry["narrative_title"])),
                role="small", colour="text"))
        if entry["why"]:
            blocks.append(Block(entry["why"], role="small", colour="text"))
    return blocks


def spread_blocks(model: SpreadModel | None) -> list[Block]:
    """The spread view in words, for the keyboard and screen readers."""
    if model is None:
        return []
    blocks = [Block(_("How the narratives spread this turn"), role="heading", bold=True,
                    space_before=1.2)]
    return blocks + [Block(line, role="small", colour="text") for line in spread_lines(model)]


def _worth_showing(game: Game, line: ShownChange) -> bool:
    """A world outcome with nothing to say is left out (no heading over nothing)."""
    o = line.outcome
    return line.visible or bool(o.notes) or bool(scenario_texts(game, o))


def results_blocks(game: Game) -> list[Block]:
    """What happened since the desk: the player's actions first, then the world's.  Every
    change the gauges and the reaches show since the desk is listed, and the lines add up
    (the morning's news is in the figures they start from: ``turn_changes``)."""
    st = game.state
    changes = turn_changes(game)
    mine = [line for line in changes.lines if line.outcome.source in labels.PLAYER_SOURCES]
    world = [line for line in changes.lines if line.outcome.source not in labels.PLAYER_SOURCES
             and _worth_showing(game, line)]
    blocks = badge_blocks(game)
    blocks.append(Block(_("Because of what you did"), role="heading", bold=True,
                        space_before=1.2 if blocks else 0.0))
    if not mine:
        blocks.append(Block(_("You took no action this turn."), colour="muted"))
    for line in mine:
        blocks += outcome_blocks(game, line.outcome, line)
    blocks += most_liked_blocks(game)
    blocks.append(Block(_("What happened in the world"), role="heading", bold=True,
                        space_before=1.2))
    if not world:
        blocks.append(Block(_("A quiet day."), colour="muted"))
    for line in world:
        blocks += outcome_blocks(game, line.outcome, line)
    blocks += spread_blocks(spread_model(game))
    if game.is_over():
        text = _("This was the last turn: see how it ends.") if st.turn >= game.turns else \
            _("The game ends here, before its last turn: see how it ends.")
        blocks.append(Block(text, colour="warn", bold=True, space_before=1.2))
    return blocks


class ResolveScene(TurnScene):
    name = "resolve"
    phase = Phase.RESOLVE
    default_focus = "next"
    spread_age = 0.0  # how far the spread view's move has played (kept across rebuilds)

    def build(self) -> None:
        t = self.theme
        body = self.top_bar()
        left = pygame.Rect(body.x, body.y, round(body.width * 0.62), body.height)
        right = pygame.Rect(left.right + t.gap, body.y, body.right - left.right - t.gap,
                            body.height)
        text = _("See how it ends") if self.game.is_over() else _("Next turn")
        rest = button_row(self, [("next", text, self.advance, True)], left, group=None)
        rest = self.build_spread(rest)
        text_view(self, "results", rest, results_blocks(self.game))
        self.build_indicators(right)

    def build_spread(self, rect: pygame.Rect) -> pygame.Rect:
        """The spread view on top of *rect* (as tall as it needs, up to 55 %); the rest."""
        model = spread_model(self.game)
        if model is None:
            return rect
        t = self.theme
        most = round(rect.height * 0.55)
        view = SpreadView(rect, self.ui, t, model, age=self.spread_age, max_height=most)
        height = min(view.content_height, most)
        view.set_dimensions((rect.width, height))
        view.mark_dirty(relayout=True)
        # Taller than its room (largest text, many narratives): the keys can scroll it too.
        view.focusable = view.max_scroll > 0
        self.canvas("spread", view)
        return pygame.Rect(rect.x, rect.y + height + t.gap, rect.width,
                           rect.height - height - t.gap)

    def _spread(self) -> SpreadView | None:
        view = self.widgets.get("spread")
        return view if isinstance(view, SpreadView) and view.alive() else None

    def update(self, dt: float) -> None:
        view = self._spread()
        self.spread_age = view.age if view is not None else DURATION

    def animating(self) -> bool:
        view = self._spread()
        return bool(view is not None and view.animating()) or super().animating()

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Any key or click ends the spread's move; the key or click still does what it
        does (a student who presses Enter at once goes to the next turn, never ignored)."""
        view = self._spread()
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and view is not None:
            view.skip()
            self.spread_age = DURATION
        return super().handle_event(event)

    def advance(self) -> None:
        game = self.game
        if game.may_finish() or game.may_next_turn():
            game.advance()
