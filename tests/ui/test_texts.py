"""What the screens say, composed from pieces: quotes, French prepositions, rounding, story
time, the feed's order, post texts, action descriptions, official terms."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game import i18n
from game.content.loader import load_scenario
from game.content.model import Scenario
from game.engine.actions import Counter, PostMessage, action_to_dict
from game.engine.game import Game
from game.engine.vocabulary import Channel, Measure, Tone
from game.paths import SCENARIOS_DIR
from game.presentation import labels, viewmodel
from game.reports.content import official_term

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def scenario(name: str) -> Scenario:
    loaded = load_scenario(SCENARIOS_DIR / f"{name}.yaml").scenario
    assert loaded is not None
    return loaded


def at_desk(s: Scenario, seed: int = 1) -> Game:
    game = Game(s, seed)
    game.start()
    game.open_desk()
    return game


def play_to(game: Game, turn: int) -> None:
    while game.state.turn < turn and not game.is_over():
        game.pass_turn()
        game.resolve()
        game.advance()
        if game.may_open_desk():
            game.open_desk()


# -- quotes -----------------------------------------------------------------------------------

def test_titles_are_quoted_the_way_each_language_quotes() -> None:
    i18n.set_language("fr")
    assert labels.quoted("Les faux billets") == f"«{NBSP}Les faux billets{NBSP}»"
    assert labels.quoted(f"La vidéo «{NBSP}truquée{NBSP}» du jour") == \
        f"«{NBSP}La vidéo “truquée” du jour{NBSP}»"
    assert labels.quoted(f"«{NBSP}Les faux billets{NBSP}»") == f"«{NBSP}Les faux billets{NBSP}»"
    assert labels.source_title("Désinformation", "« Les faux billets »") == \
        f"Désinformation — «{NBSP}Les faux billets{NBSP}»"
    assert labels.source_title("Désinformation", "Les faux billets") == \
        f"Désinformation — «{NBSP}Les faux billets{NBSP}»"
    i18n.set_language("en")
    assert labels.quoted("The fake tickets") == "“The fake tickets”"
    assert labels.quoted("The “hacked” machines") == "“The ‘hacked’ machines”"
    # Quotes the author put around the whole title are not doubled by the game's.
    assert labels.quoted("“The fake tickets”") == "“The fake tickets”"
    assert labels.quoted('"The fake tickets"') == "“The fake tickets”"
    assert labels.quoted("“Fake” and “real”") == "“‘Fake’ and ‘real’”"
    assert labels.quoted('The "hacked" machines') == "“The ‘hacked’ machines”"


# -- numbers ----------------------------------------------------------------------------------

def test_a_change_is_the_difference_of_the_rounded_values() -> None:
    assert labels.change(35.4, 19.6) == -15  # shown "from 35 to 20", so -15, not -16
    assert labels.change(45.4, 46.4) == 1  # "from 45 to 46": +1, not +2 or +0.9
    assert labels.fmt_change(0.3) == "" and labels.fmt_change(-0.4) == ""
    assert labels.fmt_change(1.6) == "+2" and labels.fmt_change(-2.5) == "-2"
    i18n.set_language("fr")
    assert viewmodel.deltas_text({"credibility": 2.4, "domestic_support": 0.3,
                                  "tension": -5.0}) == "Crédibilité +2 · Tension -5"


def test_a_gauge_change_is_the_difference_of_the_values_it_shows() -> None:
    game = at_desk(scenario("tutorial"))
    game.state.history[0]["indicators"]["credibility"] = 49.6  # shown 50
    game.state.history.append({**game.state.history[0], "indicators": {
        **game.state.history[0]["indicators"], "credibility": 49.6}})
    game.state.indicators["credibility"] = 50.4  # shown 50: no change to show
    gauge = next(g for g in viewmodel.gauges(game) if g.key == "credibility")
    assert gauge.delta == 0 and viewmodel.trend(gauge.delta) == 0


# -- story time -------------------------------------------------------------------------------

def test_turns_are_days_or_hours_since_the_start() -> None:
    i18n.set_language("fr")
    assert labels.turn_time(3) == "Jour 3"
    assert labels.turn_time(3, 8) == "H+16 à H+24"
    i18n.set_language("en")
    assert labels.turn_time(1, 8) == "H+0 to H+8"


def test_the_feed_of_an_eight_hour_scenario_counts_hours_not_days() -> None:
    game = at_desk(scenario("earthquake_72h"))
    play_to(game, 2)
    times = {post.when for post in viewmodel.feed_posts(game)}
    assert times == {"H+0 to H+8", "H+8 to H+16"}


def test_a_rumour_comes_before_the_posts_that_answer_it() -> None:
    """Hostile hashtag, turn 7: the commission denies the voting-machine rumour that the
    same event launches; the engine adds the denial first."""
    s = scenario("hostile_hashtag")
    game = at_desk(s)
    game.fire(s.event_by_id["local_rumour"])
    feed = game.state.feed
    assert [p.kind for p in feed[-2:]] == ["actor", "narrative"]  # the engine's order
    shown = viewmodel.feed_posts(game)  # newest first
    kinds = [p.kind for p in shown[:2]]
    assert kinds == ["actor", "narrative"], "the denial is newer than the rumour"
    assert len(shown) == len(feed)
    assert sorted(p.key for p in shown) == list(range(len(feed)))


def test_the_players_posts_come_after_the_events_of_their_turn() -> None:
    game = at_desk(scenario("tutorial"))
    game.play(PostMessage(Channel.PHOTO, "alvarians", Tone.FACTUAL, "culture_week", "en"))
    game.pass_turn()
    game.resolve()
    assert game.state.feed[-1].kind == "player"
    shown = viewmodel.feed_posts(game)
    assert shown[0].kind == "player"
    assert all(p.kind != "player" for p in shown[1:])


# -- crises -----------------------------------------------------------------------------------

def test_a_deadline_never_goes_beyond_the_last_turn() -> None:
    s = scenario("tutorial")
    game = at_desk(s)
    play_to(game, s.meta.turns)
    event = s.events[0]
    game.state.crises[event.id] = game.state.turn + 1  # two turns on paper
    assert viewmodel.crisis_turns_left(game, event.id) == 1
    i18n.set_language("fr")
    assert labels.deadline_text(1) == "Dernier tour pour répondre\u202f!"


def test_a_crisis_without_headline_is_named_after_who_raised_it() -> None:
    s = scenario("deepfake_summit")
    event = next(e for e in s.events if e.posts)
    untitled = event.model_copy(update={"headline": None})
    actor = s.actor_by_id[event.posts[0].actor]
    i18n.set_language("fr")
    # No preposition: « de Gouvernement de Kordavie » needed « du », as names ask.
    assert viewmodel.crisis_title(untitled, s) == "Message — " + i18n.pick(actor.name)


# -- what the player plans --------------------------------------------------------------------

def test_a_post_is_described_in_the_interfaces_words() -> None:
    game = at_desk(scenario("tutorial"))
    post = {"kind": "post", "channel": "photo", "audience": "alvarians", "tone": "empathetic",
            "topic": "culture_week", "language": "en"}
    i18n.set_language("fr")
    text = viewmodel.describe_action(game, post)
    assert "en anglais" in text and "English" not in text
    assert f"cible{NBSP}:" in text and "public :" not in text.replace(NBSP, " ")
    i18n.set_language("en")
    assert viewmodel.describe_action(game, post).endswith("in English")


def test_the_media_literacy_campaign_is_for_every_audience_not_a_narrative() -> None:
    s = scenario("hostile_hashtag")
    game = at_desk(s)
    play_to(game, 3)
    narrative = game.live_narratives()[0].id
    action = Counter(narrative, Measure.LITERACY, None)
    text = viewmodel.describe_action(game, action_to_dict(action))
    assert text == "Media-literacy campaign, for every audience"
    assert i18n.pick(s.narrative_by_id[narrative].title) not in text


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("tone", list(Tone))
def test_a_post_names_its_topic_and_suits_it(lang: str, tone: Tone) -> None:
    """A culture-week post does not offer sympathy to "everyone affected"; an answer to a
    rumour speaks of facts.  (Topics without the scenario's own drafts, as in v1 files.)"""
    s = scenario("tutorial")
    s = s.model_copy(update={"topics": [t.model_copy(update={"drafts": []}) for t in s.topics]})
    s.__dict__.pop("topic_by_id", None)  # the lookup cached from the original's topics
    for topic in s.topics:
        text = viewmodel.post_text(s, {"topic": topic.id, "tone": tone.value,
                                       "language": lang})
        assert text.startswith(i18n.pick(topic.name, lang) + " — ")
        body = text.split(" — ", 1)[1]
        table = labels.ANSWER_TEMPLATES if topic.narrative else labels.POST_TEMPLATES
        with labels.in_language(lang):
            assert body == i18n._(table[tone.value])
        assert "affected" not in body and "touchées" not in body


def test_the_official_term_is_shown_only_when_it_says_more() -> None:
    s = scenario("deepfake_summit")
    concept = next(c for c in s.concepts if c.official_term is not None)
    same = concept.model_copy(update={"official_term": concept.title})
    i18n.set_language("en")
    assert official_term(same) == ""
    shouting = concept.model_copy(update={"official_term": concept.title.model_copy(
        update={"en": i18n.pick(concept.title, "en").upper()})})
    assert official_term(shouting) == ""
    other = concept.model_copy(update={"official_term": concept.title.model_copy(
        update={"en": "something else entirely"})})
    assert official_term(other) == "something else entirely"


def test_the_post_language_is_named_in_the_interfaces_language() -> None:
    i18n.set_language("fr")
    assert viewmodel.post_language("en") == "Anglais"
    assert viewmodel.post_language_in("en") == "en anglais"
    i18n.set_language("en")
    assert viewmodel.post_language("fr") == "French"


def test_every_tone_has_both_kinds_of_post() -> None:
    tones = {t.value for t in Tone}
    assert set(labels.POST_TEMPLATES) == tones == set(labels.ANSWER_TEMPLATES)


# -- the day's news and the turn's results ----------------------------------------------------

def test_changes_of_an_event_without_headline_have_a_label_of_their_own() -> None:
    from game.ui.scenes.feed import news_blocks

    s = scenario("tutorial")
    game = at_desk(s)
    event = s.event_by_id["platform_suspends"]
    assert event.headline is None and event.alert is None and event.effects
    game.fire(event)
    i18n.set_language("fr")
    blocks = news_blocks(game)
    changes = next(i for i, b in enumerate(blocks) if b.text == "Crédibilité +1")
    label = blocks[changes - 1]
    actor = i18n.pick(s.actor_by_id[event.posts[0].actor].name)
    assert label.bold and label.text == "Message — " + actor


def test_an_early_ending_does_not_say_it_was_the_last_turn() -> None:
    from game.ui.scenes.resolve import results_blocks

    s = scenario("tutorial")
    game = at_desk(s)
    game.state.forced_ending = s.endings[-1].id
    game.pass_turn()
    game.resolve()
    assert game.is_over() and game.state.turn < game.turns
    texts = [b.text for b in results_blocks(game)]
    assert "The game ends here, before its last turn: see how it ends." in texts
    assert "This was the last turn: see how it ends." not in texts


def test_the_debrief_shows_the_change_between_the_values_it_shows() -> None:
    from game.ui.scenes.debrief import indicators_section

    report = {"game": {"turns_played": 3}, "indicators": [
        {"name": "Tension", "start": 35.4, "end": 19.6, "lower_is_better": True,
         "values": [[0, 35.4], [3, 19.6]]},
        {"name": "Reach", "start": 40.2, "end": 39.9, "lower_is_better": False,
         "values": [[0, 40.2], [3, 39.9]]}]}
    chart = indicators_section(report)[-1].figure
    assert [s.summary for s in chart.series] == ["from 35 to 20 (-15)", "from 40 to 40"]
