"""The desk's tabs: post composer with preview, crises and their dialog, counter-measures, plan."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import measures
from game.engine.actions import (
    MAX_POST_CHARS,
    Action,
    AnswerCrisis,
    Counter,
    PostMessage,
    action_to_dict,
    post_words,
)
from game.engine.vocabulary import Channel, Tone
from game.i18n import _, fmt_number, french_typography, ngettext, pick
from game.presentation import labels, viewmodel
from game.ui.scenes.common import ButtonSpec, button_row, text_view
from game.ui.scenes.feed import news_blocks
from game.ui.scenes.turn import TurnScene
from game.ui.widgets.listview import Item, ListView
from game.ui.widgets.preview import PostPreview
from game.ui.widgets.selector import Selector
from game.ui.widgets.textbox import TextBox
from game.ui.widgets.textlayout import Block, layout_blocks

Row = tuple[str, str, list[tuple[str, str]], str, Any]  # id, caption, options, value, setter


class DeskScene(TurnScene):
    """What the desk's tabs need of the scene that shows them (the decide scene), declared
    here so that this module does not import that one."""

    message: tuple[str, str] | None  # (text, palette colour) under the tab's form
    focus_next: str | None
    selectors: dict[str, Selector]  # the tab's choices, by id
    wording_in_form: bool  # False: the post's wording is chosen in the preview

    @property
    def memory(self) -> dict[str, Any]:
        """Composer choices, kept across turns in the session."""
        return self.app.session.desk

    def plan(self, action: Action) -> bool:
        """Add *action* to the turn's plan; False when the rules refuse it."""
        raise NotImplementedError

    def cancel(self, index: int) -> None:
        """Take the *index*-th action out of the plan."""
        raise NotImplementedError


def selector_layout(scene: DeskScene, width: int, rows: list[Row]) -> tuple[str, int]:
    return Selector.layout(scene.theme, width, [(row[1], [text for _key, text in row[2]])
                                          for row in rows])


def place_selectors(scene: DeskScene, area: pygame.Rect, rows: list[Row],
                    layout: tuple[str, int] | None = None) -> int:
    """Selectors one under the other (*layout*: the mode and caption width, else chosen
    for these rows); returns the y under the last one."""
    t = scene.theme
    mode, caption_w = layout or selector_layout(scene, area.width, rows)
    y = area.y
    for ident, caption, options, value, setter in rows:
        scene.selectors[ident] = Selector(
            scene, ident, caption, options, value, pygame.Rect(area.x, y, area.width, 0),
            setter, caption_width=caption_w, mode=mode, group="form")
        y += Selector.height(scene.theme, mode) + t.gap // 2
    return y


def shown_message(scene: DeskScene, reason: str) -> tuple[str, str]:
    """What the message line says: what was just done (planned, cancelled, refused) until
    the player changes something, else why the tab's action is refused, if it is."""
    if scene.message is not None:
        return scene.message
    return (reason, "warn") if reason else ("", "muted")


def message_blocks(scene: DeskScene, reason: str) -> list[Block]:
    message, colour = shown_message(scene, reason)
    return [Block(message, role="small", colour=colour)] if message else []


def message_height(scene: DeskScene, width: int, reason: str) -> int:
    """The message's height across *width*: at least two lines (a refusal fits without a
    scroll bar), as many as the message needs."""
    t = scene.theme
    scrollbar = max(6, t.pad) + 6  # as TextView lays its text out (Canvas.scrollbar_width)
    needed = layout_blocks(message_blocks(scene, reason), t, width - 2 * t.pad - scrollbar
                           ).height
    return max(2 * t.line("small"), needed) + 2 * t.pad


def bottom_with_message(scene: DeskScene, area: pygame.Rect, ident: str, text: str,
                        action: Any, enabled: bool, reason: str, primary: bool = True,
                        before: list[ButtonSpec] | None = None) -> pygame.Rect:
    """The tab's action button at the bottom right (*before*: more buttons on its left),
    the message (what was just done, or why the action is refused) across the tab above
    them; returns the space above the message."""
    t = scene.theme
    buttons = [*(before or []), (ident, text, action, primary and enabled)]
    above = button_row(scene, buttons, area, group=None)
    if not enabled:
        scene.widgets[ident].disable()
    height = min(message_height(scene, area.width, reason), above.height)
    box = pygame.Rect(area.x, above.bottom - height, area.width, height)
    text_view(scene, "message", box, message_blocks(scene, reason), background="bg")
    return pygame.Rect(area.x, area.y, area.width, max(0, box.y - t.gap - area.y))


# -- news ------------------------------------------------------------------------------------

def build_news_tab(scene: DeskScene, area: pygame.Rect) -> None:
    """What the feed phase said this turn (the guide's alerts, the headlines, the crises), to
    read again while deciding."""
    text_view(scene, "news_text", area, news_blocks(scene.game, points=False))


# -- post ------------------------------------------------------------------------------------

def post_choices(scene: DeskScene) -> dict[str, str]:
    s = scene.game.scenario
    mem: dict[str, str] = scene.memory.setdefault("post", {})
    audience = s.audience_by_id.get(mem.get("audience", "")) or s.audiences[0]
    languages = list(s.country.post_languages)
    topics = viewmodel.available_topics(scene.game)
    defaults = {"channel": str(s.channel_ids[0]), "audience": audience.id,
                "tone": str(Tone.FACTUAL), "topic": topics[0].id,
                "language": audience.language if audience.language in languages else languages[0]}
    valid = {"channel": {str(c) for c in s.channel_ids}, "audience": set(s.audience_by_id),
             "tone": {str(x) for x in Tone}, "topic": {t.id for t in topics},
             "language": set(languages)}
    for key, value in defaults.items():
        if mem.get(key) not in valid[key]:
            mem[key] = value
    count = len(viewmodel.post_wordings(s, mem))
    if mem.get("wording") not in {str(i) for i in range(count)} | {viewmodel.OWN_WORDING}:
        mem["wording"] = "0"
    mem.setdefault("own_text", "")
    return mem


def writes_own(scene: DeskScene) -> bool:
    return post_choices(scene)["wording"] == viewmodel.OWN_WORDING


def post_action(scene: DeskScene) -> PostMessage:
    """The post the form describes, with the words it will say: the chosen draft as shown,
    or the student's own (cleaned as the engine keeps them)."""
    m = post_choices(scene)
    wording = "" if m["wording"] == "0" else m["wording"]
    base = PostMessage(Channel(m["channel"]), m["audience"], Tone(m["tone"]), m["topic"],
                       m["language"], wording)
    if wording == viewmodel.OWN_WORDING:
        words = post_words(m["own_text"])
        if m["language"] == "fr":  # « guillemets » and : ; ! ? as French typography wants
            words = post_words(french_typography(words))
    else:
        words = viewmodel.post_text(scene.game.scenario, action_to_dict(base))
    return PostMessage(base.channel, base.audience, base.tone, base.topic, base.language,
                       wording, words)


def post_reason(scene: DeskScene) -> str:
    """Why the post cannot be planned, if it cannot: the rules' reason, or own words that
    are still to be written."""
    action = post_action(scene)
    if writes_own(scene) and not action.text:
        return _("Write your post in the field, or choose one of the drafts.")
    return labels.reason(scene.game.why_not(action))


def wording_options(scene: DeskScene) -> list[tuple[str, str]]:
    """The drafted wordings for the post's topic (or tone), in the post's language, then
    the student's own words."""
    texts = viewmodel.post_wordings(scene.game.scenario, post_choices(scene))
    # Quoted, as words the ministry will say (in the post's language, perhaps not the
    # interface's).
    return [*((str(i), labels.quoted(text)) for i, text in enumerate(texts)),
            (viewmodel.OWN_WORDING, _("Write my own…"))]


def post_preview(scene: DeskScene) -> tuple[viewmodel.PostView, list[tuple[str, str]]]:
    game = scene.game
    action = post_action(scene)
    data = {"channel": str(action.channel), "audience": action.audience,
            "tone": str(action.tone), "topic": action.topic, "language": action.language,
            "wording": action.wording, "text": action.text}
    s = game.scenario
    audience = s.audience_by_id[action.audience]
    ministry = pick(s.country.ministry)
    view = viewmodel.PostView(
        key=-1, name=ministry, handle=s.country.handle, initials=viewmodel.initials(ministry),
        colour_key="player", verified=True, when=_("Preview"),
        text=viewmodel.post_text(s, data) if action.text or not writes_own(scene) else "…",
        likes=0, shares=0, kind="player", new=True,
        tag=viewmodel.language_mark(_("on {platform}, audience: {audience}").format(
            platform=viewmodel.channel_name(s, data["channel"]), audience=pick(audience.name)),
            action.language))
    notes = [(labels.note(code), "good" if code in ("channel_strong", "language_match")
              else "warn") for code in viewmodel.expected_post_notes(game, action)]
    cost = _("Cost: {points}").format(points=labels.action_points(game.cost(action)))
    if writes_own(scene):  # what is left of a post's length, on the cost's line (room)
        left = ngettext("{count} character left", "{count} characters left",
                        MAX_POST_CHARS - len(action.text)).format(
            count=fmt_number(MAX_POST_CHARS - len(action.text)))
        cost = _("{first} · {second}").format(first=left, second=cost)
    notes.append((cost, "muted"))
    return view, notes


def build_post_tab(scene: DeskScene, area: pygame.Rect) -> None:
    s = scene.game.scenario
    m = post_choices(scene)

    def setter(key: str) -> Any:
        def set_value(value: str) -> None:
            m[key] = value
            scene.message = None
            if key in ("tone", "topic", "language"):  # the wordings on offer change
                scene.rebuild()
            else:
                refresh_post(scene)
        return set_value

    rows: list[Row] = [
        ("post_channel", _("Platform"), [(str(c), viewmodel.channel_name(s, str(c)))
                                         for c in s.channel_ids], m["channel"], setter("channel")),
        ("post_audience", _("Audience"), [(a.id, pick(a.name)) for a in s.audiences],
         m["audience"], setter("audience")),
        ("post_tone", _("Tone"), [(str(x), labels.label(labels.TONES, x)) for x in Tone],
         m["tone"], setter("tone")),
        ("post_topic", _("Topic"), [(x.id, pick(x.name))
                                    for x in viewmodel.available_topics(scene.game)], m["topic"],
         setter("topic")),
        ("post_language", _("Language"), [(code, viewmodel.post_language(code))
                                          for code in s.country.post_languages],
         m["language"], setter("language")),
    ]
    t = scene.theme
    reason = post_reason(scene)
    # Laid out for every topic of the scenario, not only those offered today: the form
    # keeps one layout through the game (a topic that appeared with a long name moved the
    # captions into the buttons between two turns).  The wordings' long texts never change
    # the layout either (the wording's caption takes its part in the caption column).
    topic = rows[3]
    sizing = [*rows[:3], (topic[0], topic[1], [(x.id, pick(x.name)) for x in s.topics],
                          topic[3], topic[4]), *rows[4:]]
    layout = selector_layout(scene, area.width, [*sizing, ("", _("Wording"), [], "", None)])
    step = Selector.height(scene.theme, layout[0]) + t.gap // 2
    own = own_entry_height(scene) if writes_own(scene) else 0
    under = t.button_height + 2 * t.gap + message_height(scene, area.width, reason)
    # The wording (and the own words' field) go in the form when they fit, else in the
    # preview's dialog.
    in_form = scene.wording_in_form = area.height - (len(rows) + 1) * step - own >= under
    if in_form:
        rows.append(wording_row(scene))
    else:
        layout = selector_layout(scene, area.width, sizing)
    y = place_selectors(scene, area, rows, layout)
    if in_form and own:
        y = place_own_entry(scene, pygame.Rect(area.x, y, area.width, own))
    below = pygame.Rect(area.x, y, area.width, area.bottom - y)
    room = below.height - under
    # No room under the form (small window, large text): the preview opens on demand.
    short = room < 4 * t.line("body") or not in_form
    before: list[ButtonSpec] = [("show_preview", _("Preview"), lambda: open_preview(scene),
                                 False)] if short else []
    rest = bottom_with_message(scene, below, "plan_post", _("Plan this post"),
                               lambda: plan_post(scene), not reason, reason,
                               before=before)
    if not short:
        view, notes = post_preview(scene)
        scene.canvas("preview", PostPreview(rest, scene.ui, t, view, notes))


def wording_row(scene: DeskScene) -> Row:
    m = post_choices(scene)

    def set_wording(value: str) -> None:
        was_own = writes_own(scene)
        m["wording"] = value
        scene.message = None
        if was_own != writes_own(scene):  # the field for own words comes or goes
            scene.rebuild()
            if not scene.wording_in_form and scene.modal is None:
                # The field no longer fits in the form: the wording moved to the preview.
                open_preview(scene, focus="post_wording")
        else:
            refresh_post(scene)

    return ("post_wording", _("Wording"), wording_options(scene), m["wording"], set_wording)


def own_entry_height(scene: DeskScene) -> int:
    """Three lines: most posts are seen whole while they are written."""
    t = scene.theme
    return 3 * t.line("body") + 2 * t.pad + t.gap // 2


def place_own_entry(scene: DeskScene, area: pygame.Rect) -> int:
    """The field where the student writes their own post (in the post's language, up to a
    post's length); returns the y under it."""
    t = scene.theme
    m = post_choices(scene)

    def changed(text: str) -> None:
        m["own_text"] = text
        scene.message = None
        refresh_post(scene)

    placeholder = _("Your post, {in_language} ({count} characters at most)").format(
        in_language=viewmodel.post_language_in(m["language"]),
        count=fmt_number(MAX_POST_CHARS))
    entry = TextBox(pygame.Rect(area.x, area.y, area.width, area.height - t.gap // 2),
                    scene.ui, t,
                    m["own_text"], max_length=MAX_POST_CHARS, placeholder=placeholder,
                    starting_height=scene.layer, on_change=changed,
                    on_focus=lambda e: scene.ring.focus_element(e))
    scene.canvas("post_own", entry)
    return area.y + area.height


def open_preview(scene: DeskScene, focus: str | None = None) -> None:
    def build() -> None:
        assert scene.modal is not None
        inner = scene.modal.inner(2 * scene.theme.pad)
        reason = post_reason(scene)
        rest = button_row(scene, [("preview_close", _("Close"), scene.close_modal, False),
                                  ("preview_plan", _("Plan this post"),
                                   lambda: plan_post(scene), not reason)],
                          inner, group=None)
        if reason:
            scene.widgets["preview_plan"].disable()
        if not scene.wording_in_form:  # no room in the form: chosen here
            y = place_selectors(scene, rest, [wording_row(scene)])
            if writes_own(scene):
                y = place_own_entry(scene, pygame.Rect(rest.x, y, rest.width,
                                                       own_entry_height(scene)))
            rest = pygame.Rect(rest.x, y, rest.width, rest.bottom - y)
        view, notes = post_preview(scene)
        preview = PostPreview(rest, scene.ui, scene.theme, view, dialog_notes(scene, notes),
                              starting_height=scene.layer)
        scene.canvas("preview_dialog", preview)

    scene.open_modal("preview", (760, 520), build, focus=focus)


def dialog_notes(scene: DeskScene, notes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The preview dialog's notes: the form's message line is under the dialog, so why the
    post cannot be planned is said here too."""
    reason = post_reason(scene)
    return [*notes, (reason, "warn")] if reason else notes


def plan_post(scene: DeskScene) -> None:
    """Plan the post; own words once planned leave the field empty for the next post."""
    action = post_action(scene)
    scene.close_modal(notify=False)
    if scene.plan(action) and action.wording == viewmodel.OWN_WORDING:
        post_choices(scene)["own_text"] = ""
        scene.rebuild()


def refresh_post(scene: DeskScene) -> None:
    view, notes = post_preview(scene)
    if "preview" in scene.widgets:
        scene.widgets["preview"].set_post(view, notes)
    if "preview_dialog" in scene.widgets:
        scene.widgets["preview_dialog"].set_post(view, dialog_notes(scene, notes))
    reason = post_reason(scene)
    for ident in ("plan_post", "preview_plan"):
        if ident in scene.widgets:
            button = scene.widgets[ident]
            button.disable() if reason else button.enable()
    scene.widgets["message"].set_blocks(message_blocks(scene, reason))


# -- crises ----------------------------------------------------------------------------------

def build_crises_tab(scene: DeskScene, area: pygame.Rect) -> None:
    game = scene.game
    items = []
    for n, event in enumerate(game.open_crises(), start=1):
        assert event.crisis is not None
        left = viewmodel.crisis_turns_left(game, event.id)
        items.append(Item(event.id, viewmodel.crisis_title(event, game.scenario),
                          [(pick(event.crisis.prompt), "text"),
                           (labels.deadline_text(left), "warn")], prefix=f"{n}."))
    for planned in game.state.planned:
        if planned["kind"] == "answer":
            items.append(Item(planned["event"], viewmodel.describe_action(game, planned),
                              [(_("Answer planned for this turn."), "good")], enabled=False))
    rest = bottom_with_message(scene, area, "open_crisis", _("Open this crisis"),
                               lambda: open_selected_crisis(scene), bool(game.open_crises()), "")
    t = scene.theme
    if game.open_crises():  # how to open one (nothing to say once they are all answered)
        hint = [Block(_("Press Enter, a number key or click to open a crisis."), role="small",
                      colour="muted")]
        hint_h = min(rest.height // 3, layout_blocks(hint, t, rest.width - 2 * t.pad - 12
                                                     ).height + 2 * t.pad)
        rest.height -= hint_h + t.gap
        text_view(scene, "crises_hint", pygame.Rect(rest.x, rest.bottom + t.gap, rest.width,
                                                    hint_h), hint, background="bg")
    view = ListView(rest, scene.ui, scene.theme, items,
                    lambda item: scene.later(lambda: open_crisis(scene, item.key)),
                    empty_text=_("No crisis is waiting for an answer."))
    scene.canvas("crisis_list", view)


def open_selected_crisis(scene: DeskScene) -> None:
    """The crisis highlighted in the list (the first one unless the player moved)."""
    view = scene.widgets.get("crisis_list")
    if view is not None and view.current is not None and view.current.enabled:
        open_crisis(scene, view.current.key)


def crisis_items(scene: DeskScene, event_id: str) -> list[Item]:
    game = scene.game
    items = []
    # Shown in the game's own shuffled order: no position (first, last) gives the answer.
    for n, choice in enumerate(game.choices_shown(game.scenario.event_by_id[event_id]),
                               start=1):
        why = game.why_not(AnswerCrisis(event_id, choice.id))
        lines = [(_("Cost: {points}").format(points=labels.action_points(choice.cost)),
                  "muted")]
        if why:
            lines.append((labels.reason(why), "warn"))
        items.append(Item(choice.id, pick(choice.label), lines, enabled=why is None,
                          prefix=f"{n}."))
    return items


def open_crisis(scene: DeskScene, event_id: str) -> None:
    """The crisis dialog: title, prompt, deadline, numbered choices (keys 1-9 choose)."""
    game = scene.game
    event = game.scenario.event_by_id[event_id]
    crisis = event.crisis
    assert crisis is not None
    t = scene.theme
    blocks = [Block(viewmodel.crisis_title(event, game.scenario), role="heading", bold=True),
              Block(pick(crisis.prompt)),
              Block(labels.deadline_text(viewmodel.crisis_turns_left(game, event_id)),
                    colour="warn", bold=True)]
    # Wider with larger text, so long answers wrap onto fewer lines.
    width = min(round(820 * t.base / 16), scene.app.size[0] - 2 * t.pad)
    inner_w = width - 4 * t.pad
    header = layout_blocks(blocks, t, inner_w - 2 * t.pad - max(6, t.pad) - 6).height + 2 * t.pad
    listed = ListView.measure(t, crisis_items(scene, event_id), inner_w)
    height = header + listed + t.button_height + 2 * t.gap + 4 * t.pad + t.pad

    def answer(item: Item) -> None:
        scene.close_modal(notify=False)
        scene.plan(AnswerCrisis(event_id, item.key))

    def build() -> None:
        assert scene.modal is not None
        inner = scene.modal.inner(2 * t.pad)
        rest = button_row(scene, [("crisis_close", _("Close"), scene.close_modal, False)],
                          inner, group=None)
        top = min(header, rest.height // 2)
        text_view(scene, "crisis_prompt", pygame.Rect(rest.x, rest.y, rest.width, top), blocks)
        choices = pygame.Rect(rest.x, rest.y + top + t.gap, rest.width,
                              rest.height - top - t.gap)
        view = ListView(choices, scene.ui, t, crisis_items(scene, event_id),
                        lambda item: scene.later(lambda: answer(item)),
                        starting_height=scene.layer, more_text=_("More answers below"))
        scene.canvas("crisis_choices", view)

    scene.open_modal("crisis", (width, height), build, focus="crisis_choices")


# -- counter-measures ------------------------------------------------------------------------

def unavailable_text(code: str) -> str:
    """Why a measure is greyed out, in words (a rules code the table lacks: its reason)."""
    if code in labels.MEASURE_UNAVAILABLE:
        return labels.label(labels.MEASURE_UNAVAILABLE, code)
    return labels.reason(code)


def measure_options(scene: DeskScene, narrative: str) -> list[tuple[str, str]]:
    """The Measure selector's values: "Choose…", then every measure of the scenario in one
    order all game long; one that cannot be planned now says why after its name (it
    stays in its place: a student counting ‹ › clicks must not land on another)."""
    options = [("", _("Choose…"))]
    for measure, code in viewmodel.counter_menu(scene.game, narrative):
        name = labels.label(labels.MEASURES, measure)
        # A short marker only: the whole reason would be cut in the selector, and the
        # message line says it in full (counter_reason).
        options.append((str(measure), name if code is None else _(
            "{measure} (unavailable)").format(measure=name)))
    return options


def chosen_unavailable(scene: DeskScene) -> str | None:
    """Why the chosen measure cannot be planned against the chosen narrative, or None."""
    m = counter_choices(scene)
    if not m["measure"]:
        return None
    return viewmodel.measure_unavailable(scene.game, m["narrative"], m["measure"])


def counter_choices(scene: DeskScene) -> dict[str, str]:
    """The counter form's choices.  The measure starts unchosen, and is unchosen again after
    each plan, at each new turn and on each change of narrative: one stray click on Plan
    never plans a counter the student did not pick."""
    game = scene.game
    s = game.scenario
    mem: dict[str, str] = scene.memory.setdefault("counter", {})
    if mem.get("turn") != str(game.state.turn):
        mem["turn"] = str(game.state.turn)
        mem["measure"] = ""
        # A narrative that appeared today is the one to look at (the oldest was kept).
        new = [run.id for run in game.live_narratives() if run.launched_turn == game.state.turn]
        if new:
            mem["narrative"] = new[-1]
    live = [run.id for run in game.live_narratives()]
    if mem.get("narrative") not in live and live:
        mem["narrative"] = live[0]
    if mem.get("measure") not in {str(m) for m in s.measures}:
        mem["measure"] = ""
    if mem.get("audience") not in s.audience_by_id:
        mem["audience"] = s.audiences[0].id
    return mem


def counter_action(scene: DeskScene) -> Counter | None:
    """The counter the form describes, or None while no measure is chosen."""
    m = counter_choices(scene)
    if not m["measure"]:
        return None
    # The scenario's own member (a Measure), found by its value.
    measure = next((x for x in scene.game.scenario.measures if x == m["measure"]), None)
    if measure is None:
        return None
    return Counter(m["narrative"], measure,
                   m["audience"] if measures.MEASURES[measure].needs_audience else None)


def counter_reason(scene: DeskScene) -> str:
    action = counter_action(scene)
    if action is None:
        return _("Choose a counter-measure first.")
    off = chosen_unavailable(scene)
    if off is not None and off != "over_budget":
        return _("{measure}: {why}.").format(measure=labels.label(labels.MEASURES,
                                                                  action.measure),
                                             why=unavailable_text(off))
    return labels.reason(scene.game.why_not(action))


def plan_counter(scene: DeskScene) -> None:
    action = counter_action(scene)
    # A greyed-out measure is never planned, whatever the rules would let through (a
    # measure already in effect, as monitoring twice, is legal but pointless).
    if action is not None and chosen_unavailable(scene) is None and scene.plan(action):
        scene.memory["counter"]["measure"] = ""
        if scene.game.state.budget > 0:  # the ring on the choice to make next, not the tab
            scene.focus_next = "counter_measure"
        scene.rebuild()


def counter_blocks(scene: DeskScene) -> list[Block]:
    game = scene.game
    m = counter_choices(scene)
    action = counter_action(scene)
    run = game.state.narratives[m["narrative"]]
    narrative = game.scenario.narrative_by_id[m["narrative"]]
    status = _("“{title}” is {phase}: reach {reach}.").format(
        title=labels.nested(pick(narrative.title)),
        phase=viewmodel.phase_label(run.phase, run.weighted),
        reach=viewmodel.reach_text(run.weighted))
    # The status comes first: it names the narrative in full, which its selector may cut.
    if action is None:
        return [Block(status, colour="muted"),
                Block(_("Choose a counter-measure: each suits some techniques and backfires "
                        "against others. This narrative's technique: {technique}.").format(
                    technique=labels.label(labels.TECHNIQUES, narrative.technique))),
                Block(labels.label(labels.TECHNIQUE_HELP, narrative.technique),
                      colour="muted")]
    # A greyed-out measure's reason is the message line's (counter_reason), said once.  The
    # technique's one sentence stays: it is what the chosen measure is weighed against.
    return [Block(status, colour="muted"),
            Block(_("This narrative's technique: {technique}.").format(
                technique=labels.label(labels.TECHNIQUES, narrative.technique)), bold=True),
            Block(labels.label(labels.TECHNIQUE_HELP, narrative.technique), colour="muted"),
            # Named in full: the selector cuts long names (« Pré-réfuter auprès d'un pub… »).
            Block(_("{measure}: {help}").format(
                measure=labels.label(labels.MEASURES, action.measure),
                help=labels.label(labels.MEASURE_HELP, action.measure))),
            Block(_("Cost: {points}").format(points=labels.action_points(game.cost(action))),
                  colour="accent")]


def build_counter_tab(scene: DeskScene, area: pygame.Rect) -> None:
    game = scene.game
    s = game.scenario
    if not game.live_narratives():
        text_view(scene, "counter_empty", area, [Block(_(
            "No disinformation narrative is circulating yet. Keep an eye on the feed: "
            "monitoring flags a narrative as soon as it appears."), colour="muted")])
        return
    m = counter_choices(scene)

    def setter(key: str) -> Any:
        def set_value(value: str) -> None:
            scene.message = None
            if key == "narrative":  # the measures on offer depend on the narrative,
                if m[key] != value:  # and one picked for another narrative is not chosen
                    m["measure"] = ""
                m[key] = value
                scene.rebuild()
            else:
                m[key] = value
                refresh_counter(scene)
        return set_value

    rows: list[Row] = [
        ("counter_narrative", _("Narrative"), [(run.id, pick(s.narrative_by_id[run.id].title))
                                               for run in game.live_narratives()],
         m["narrative"], setter("narrative")),
        ("counter_measure", _("Measure"), measure_options(scene, m["narrative"]),
         m["measure"], setter("measure")),
        ("counter_audience", _("Audience"), [(a.id, pick(a.name)) for a in s.audiences],
         m["audience"], setter("audience")),
    ]
    # Laid out for the measures' names: a greyed-out one's reason is cut in its button
    # rather than pushing the form onto two rows per selector (the message line says it
    # whole).
    names = [(key, labels.label(labels.MEASURES, key) if key else text)
             for key, text in rows[1][2]]
    # And for every narrative of the scenario: one layout through the game.
    every = [(n.id, pick(n.title)) for n in s.narratives]
    sized = [(rows[0][0], rows[0][1], every, rows[0][3], rows[0][4]),
             (rows[1][0], rows[1][1], names, rows[1][3], rows[1][4]), rows[2]]
    y = place_selectors(scene, area, rows, selector_layout(scene, area.width, sized))
    reason = counter_reason(scene)
    rest = bottom_with_message(scene, pygame.Rect(area.x, y, area.width, area.bottom - y),
                               "plan_counter", _("Plan this counter-measure"),
                               lambda: plan_counter(scene), not reason, reason)
    text_view(scene, "counter_help", rest, counter_blocks(scene))
    refresh_counter(scene)


def refresh_counter(scene: DeskScene) -> None:
    action = counter_action(scene)
    measure = action.measure if action is not None else None
    # Only prebunking has an audience; the media-literacy campaign has no narrative (it
    # reaches every audience against every narrative).
    entry = measures.MEASURES[measure] if measure is not None else None
    for ident, used in (("counter_audience", entry is not None and entry.needs_audience),
                        ("counter_narrative", entry is None or entry.targets_narrative)):
        selector = scene.selectors.get(ident)
        if selector is not None:
            selector.set_enabled(used)
    scene.widgets["counter_help"].set_blocks(counter_blocks(scene))
    reason = counter_reason(scene)
    button = scene.widgets["plan_counter"]
    button.disable() if reason else button.enable()
    scene.widgets["message"].set_blocks(message_blocks(scene, reason))


# -- plan ------------------------------------------------------------------------------------

def build_plan_tab(scene: DeskScene, area: pygame.Rect) -> None:
    game = scene.game
    items = [Item(str(i), viewmodel.describe_action(game, p),
                  [(_("Cost: {points}").format(points=labels.action_points(
                      game.cost(action))), "muted"),
                   (_("Enter or a double click cancels it."), "muted")])
             for i, (p, action) in enumerate(zip(game.state.planned, game.planned_actions(),
                                                 strict=True))]
    rest = bottom_with_message(scene, area, "cancel_planned", _("Cancel the selected action"),
                               lambda: _cancel_selected(scene), bool(items), "", primary=False)
    view = ListView(rest, scene.ui, scene.theme, items,
                    lambda item: scene.later(lambda: scene.cancel(int(item.key))),
                    # A click selects: one click meant to read an action cancelled it.
                    activate_on_click=False,
                    empty_text=_("Nothing planned yet: use the other tabs to plan actions."))
    scene.canvas("plan_list", view)


def _cancel_selected(scene: DeskScene) -> None:
    view = scene.widgets.get("plan_list")
    if view is not None and view.current is not None:
        scene.cancel(int(view.current.key))
