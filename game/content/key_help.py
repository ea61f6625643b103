"""What each key of the scenario format means, for the generated authoring reference.

One English sentence per ``Model.field`` of :mod:`game.content.model` (French in the
``core`` catalog); ``tests/content/test_reference.py`` fails when a field has no entry or
an entry names a field that no longer exists.
"""

from __future__ import annotations

from game.i18n import N_

# Each model (a section of the reference): where it is written, and what it is for.
SECTIONS: dict[str, tuple[str, str]] = {
    "Scenario": ("", N_("The top level of the file.")),
    "Meta": ("meta", N_("What the scenario picker and the briefing show.")),
    "Country": ("country", N_("The player's fictional country and its ministry.")),
    "Indicators": ("indicators", N_("Starting values of the six gauges, from 0 to 100.")),
    "Audience": ("audiences[]", N_("The publics the player can address and that narratives "
                                   "reach.")),
    "Actor": ("actors[]", N_("Who posts in the feed. Always fictional.")),
    "ChannelSpec": ("channels[]", N_("Optional: rename a channel, change how well it reaches "
                                     "each audience, or offer only some channels.")),
    "Topic": ("topics[]", N_("What the player can post about.")),
    "Narrative": ("narratives[]", N_("A disinformation campaign: who spreads it, how, how fast, "
                                     "and what it costs.")),
    "CounterOverride": ("narratives[].counters", N_("Optional: this scenario's own verdict "
                                                   "on one counter against this narrative, "
                                                   "in place of the technique table's.")),
    "Event": ("events[]", N_("Something that happens at the start of a turn.")),
    "FeedItem": ("events[].posts[]", N_("A post that appears in the feed when its event "
                                        "happens.")),
    "Crisis": ("events[].crisis", N_("A dilemma the player must answer before a deadline.")),
    "Choice": ("events[].crisis.choices[]", N_("One possible answer to a crisis.")),
    "Ending": ("endings[]", N_("How the game can end. The last ending has no condition.")),
    "Concept": ("concepts[]", N_("A debrief card: one idea the scenario teaches, with its "
                                 "source.")),
    "SourceRef": ("concepts[].source", N_("Where a concept card comes from.")),
    "Question": ("questions[]", N_("Optional: a headline the student rates from 1 to 7 before "
                                   "and after playing.")),
    "Rules": ("rules", N_("Optional tuning of the game model for this scenario.")),
}

KEYS: dict[str, str] = {
    # Scenario
    "Scenario.schema_version": N_("Always 1: the version of this file format."),
    "Scenario.meta": N_("Title, author, languages, number of turns…"),
    "Scenario.country": N_("The player's country and ministry."),
    "Scenario.indicators": N_("Starting values of the gauges."),
    "Scenario.audiences": N_("The publics of the scenario."),
    "Scenario.actors": N_("The accounts that post in the feed."),
    "Scenario.channels": N_("Which social networks are offered, and their names."),
    "Scenario.topics": N_("What the player can post about."),
    "Scenario.narratives": N_("The disinformation campaigns."),
    "Scenario.events": N_("What happens, and when."),
    "Scenario.endings": N_("How the game can end; the last one without a condition."),
    "Scenario.concepts": N_("The debrief cards, each citing its source."),
    "Scenario.questions": N_("Reliability questions asked before and after playing."),
    "Scenario.rules": N_("Tuning of the model (penalties, tones, score weights)."),
    # Meta
    "Meta.id": N_("The scenario's id; saves and reports refer to it."),
    "Meta.title": N_("The title in the scenario picker."),
    "Meta.summary": N_("A few sentences shown in the picker and the briefing."),
    "Meta.author": N_("Who wrote the scenario."),
    "Meta.version": N_("Your own version number of the file, in quotes: `\"1.2\"`."),
    "Meta.languages": N_("The languages every text is written in, as codes: `[fr, en]` "
                         "(every bundled scenario), `[en]`, `[fr, en, de]`…"),
    "Meta.turns": N_("How many turns the game lasts; a turn is one day of the crisis."),
    "Meta.difficulty": N_("Shown in the picker."),
    "Meta.sources": N_("File names of the source documents the scenario draws on."),
    "Meta.learning_goals": N_("What the student will learn, shown in the briefing."),
    "Meta.actions_per_turn": N_("Action points the player spends each turn."),
    "Meta.minutes": N_("Expected playing time, shown in the picker."),
    "Meta.hours_per_turn": N_("How long a turn lasts in the story, in hours (default 24: a "
                              "day). The game shows days, or hours since the start."),
    # Country
    "Country.name": N_("The country's name."),
    "Country.ministry": N_("The ministry's name, as its posts are signed."),
    "Country.handle": N_("The ministry's account, like `\"@MFA_Valmeria\"` (in quotes)."),
    "Country.post_languages": N_("The languages the desk can post in."),
    # Indicators
    "Indicators.credibility": N_("Trust in the ministry's word."),
    "Indicators.reach": N_("How many people the ministry's posts reach."),
    "Indicators.soft_power": N_("The country's attractiveness abroad."),
    "Indicators.tension": N_("International tension; lower is better."),
    "Indicators.domestic_support": N_("Support at home."),
    "Indicators.cyber_security": N_("How well the ministry's accounts are protected."),
    # Audience
    "Audience.id": N_("The audience's id, used by narratives, channels and conditions."),
    "Audience.name": N_("Its name on the player's desk."),
    "Audience.kind": N_("What sort of public it is; it decides which gauge a post to it "
                        "moves most."),
    "Audience.language": N_("Its language: a post in another language lands less well (see "
                            "`rules.language_mismatch`)."),
    "Audience.size": N_("Its weight when a narrative's overall reach is computed."),
    "Audience.echo_chamber": N_("0 to 1: how closed it is. High values believe narratives more "
                                "and resist debunks."),
    # Actor
    "Actor.id": N_("The actor's id, used by posts and narratives."),
    "Actor.name": N_("The name shown above its posts."),
    "Actor.handle": N_("Its fictional account, like `\"@HorizonNews\"` (in quotes)."),
    "Actor.kind": N_("What sort of account it is."),
    "Actor.country": N_("The country it belongs to, if any."),
    "Actor.verified": N_("Shows a verified badge."),
    "Actor.avatar": N_("A PNG or JPEG image inside the scenario's folder, like "
                       "`assets/horizon.png`."),
    # ChannelSpec
    "ChannelSpec.id": N_("Which of the four channels."),
    "ChannelSpec.name": N_("Its name in this scenario, like `{fr: \"Pépie\", en: \"Chirp\"}`."),
    "ChannelSpec.affinity": N_("Audience id → how well the channel reaches it (1 = normal, "
                               "0 to 3)."),
    # Topic
    "Topic.id": N_("The topic's id."),
    "Topic.name": N_("Its name on the player's desk."),
    "Topic.narrative": N_("The narrative a post on this topic answers: factual or empathetic "
                          "posts reduce it, confrontational ones feed it."),
    "Topic.effects": N_("Effects applied every time the player posts on this topic."),
    "Topic.drafts": N_("Up to 6 wordings the composer offers for a post on this topic, each "
                       "in every language of the scenario and at most 280 characters; the "
                       "student may also write their own. Without drafts, the game's wordings "
                       "for the chosen tone. What a post says never changes its effects."),
    "Topic.from_turn": N_("The first turn the topic is offered (it is offered from the start "
                          "when left out)."),
    "Topic.after_event": N_("An event id: the topic is offered once this event has happened. "
                            "A topic with a `narrative` is offered once that narrative has "
                            "started."),
    # Narrative
    "Narrative.id": N_("The narrative's id."),
    "Narrative.title": N_("Its short name on the player's desk."),
    "Narrative.claim": N_("What the disinformation says, as the public reads it."),
    "Narrative.technique": N_("The disinformation technique it uses."),
    "Narrative.source": N_("The id of the actor who spreads it."),
    "Narrative.state_sponsored": N_("Is a public attribution to a state justified? Attributing "
                                    "a narrative that is not costs credibility."),
    "Narrative.virality": N_("How fast it spreads (0 to 2)."),
    "Narrative.decay": N_("How fast it fades by itself (0 to 1)."),
    "Narrative.start_turn": N_("The turn it starts on; or leave it out and start it with the "
                               "`launch_narrative` effect."),
    "Narrative.seed_reach": N_("Audience id → its reach there when it starts (5 for each "
                               "audience not named)."),
    "Narrative.impact": N_("Indicator → change per turn when it reaches everyone (scaled "
                             "down by its reach)."),
    "Narrative.evidence_flag": N_("A flag: until it is set, debunks are half as strong (no "
                                  "evidence yet)."),
    "Narrative.concepts": N_("Ids of the concept cards met when it starts."),
    "Narrative.debrief": N_("What the debrief says about it."),
    "Narrative.counters": N_("Counter (`debunk`, `report`, … or `post`) → `{fit, reason}`: "
                             "overrides the technique table for this narrative."),
    "CounterOverride.fit": N_("`fits` (works in full and answers the narrative), `weak` "
                              "(does little, answers nothing) or `backfires` (feeds the "
                              "narrative and costs trust)."),
    "CounterOverride.reason": N_("Why, in one sentence: shown on the results screen when "
                                 "the counter is used."),
    # Event
    "Event.id": N_("The event's id."),
    "Event.turn": N_("The turn it happens on."),
    "Event.when": N_("A condition: it happens at the start of the first turn where the "
                     "condition holds (with turn, only on that turn)."),
    "Event.repeat": N_("Happen again each time the condition holds, not just once."),
    "Event.headline": N_("A headline shown at the top of the feed."),
    "Event.alert": N_("A monitoring alert for the desk."),
    "Event.posts": N_("Posts that appear in the feed."),
    "Event.effects": N_("Effects applied when it happens."),
    "Event.crisis": N_("A dilemma the player must answer."),
    "Event.concepts": N_("Ids of the concept cards met when it happens."),
    "Event.debrief": N_("What the debrief says about it."),
    # FeedItem
    "FeedItem.actor": N_("The id of the actor who posts it."),
    "FeedItem.text": N_("The post's text (about 280 characters at most)."),
    "FeedItem.likes": N_("Likes shown under the post."),
    "FeedItem.shares": N_("Shares shown under the post."),
    "FeedItem.image": N_("A PNG or JPEG image inside the scenario's folder."),
    # Crisis
    "Crisis.prompt": N_("The question put to the player."),
    "Crisis.deadline": N_("Turns the player has to answer, this one included."),
    "Crisis.choices": N_("The possible answers (2 to 6)."),
    "Crisis.on_expire": N_("Effects applied if the deadline passes with no answer."),
    "Crisis.expire_text": N_("What the player reads when the deadline passes."),
    "Crisis.topics": N_("Topic ids: a post on one of them counts as a holding statement, "
                        "so the crisis is not met with silence that turn (other posts do "
                        "not count)."),
    # Choice
    "Choice.id": N_("The choice's id, unique in its crisis."),
    "Choice.label": N_("The answer as the player reads it on the button."),
    "Choice.cost": N_("Action points it costs."),
    "Choice.effects": N_("Effects applied when the turn is resolved."),
    "Choice.outcome": N_("What the player reads after the turn is resolved."),
    "Choice.debrief": N_("Why it matters, for the debrief."),
    "Choice.concepts": N_("Ids of the concept cards met with this choice."),
    "Choice.lesson": N_("`recommended` for the answer the lesson teaches, `poor` for one it "
                        "warns against; the debrief and the simulator's lesson player read "
                        "it, and `check` compares it with the effects."),
    # Ending
    "Ending.id": N_("The ending's id."),
    "Ending.title": N_("Its title on the last screen."),
    "Ending.text": N_("What the player reads at the end."),
    "Ending.tone": N_("`success`, `mixed` or `failure`: colours the last screen and the balance "
                      "report."),
    "Ending.when": N_("The condition for this ending; leave it out on the last one."),
    "Ending.early": N_("End the game as soon as the condition holds, without waiting for the "
                       "last turn."),
    "Ending.bonus": N_("Points added to (or taken from) the score."),
    "Ending.debrief": N_("What the debrief says about this ending."),
    # Concept
    "Concept.id": N_("The card's id, named by events, choices and narratives."),
    "Concept.title": N_("The card's title."),
    "Concept.text": N_("The card's text."),
    "Concept.source": N_("The source document and the passage the card comes from."),
    "Concept.official_term": N_("The official term, if there is one (hypertrucage for "
                                "deepfake)."),
    # SourceRef
    "SourceRef.document": N_("The source document's file name."),
    "SourceRef.passage": N_("The passage, quoted."),
    # Question
    "Question.id": N_("The question's id."),
    "Question.text": N_("The headline or post to rate."),
    "Question.source": N_("Who published it, as the student sees it."),
    "Question.reliable": N_("Whether it is in fact reliable (`true` or `false`)."),
    "Question.technique": N_("The disinformation technique the item shows, or whose topic "
                             "a reliable item shares (optional); the before and after "
                             "forms are drawn to match the scenario's techniques."),
    # Rules
    "Rules.silence_penalty": N_("Credibility lost per turn a crisis waits unanswered (a post "
                                "on one of the crisis's `topics` counts as an answer)."),
    "Rules.late_penalty": N_("Credibility lost per turn a spreading narrative goes "
                             "unanswered."),
    "Rules.language_mismatch": N_("How much a post lands when not in the audience's "
                                  "language."),
    "Rules.tone_effects": N_("Tone → indicator changes, replacing the default effects of a "
                             "post in that tone."),
    "Rules.score_weights": N_("Indicator → its weight in the final score."),
    "Rules.measures": N_("The counter-measures offered (all of them if left out)."),
    "Rules.disinformation_threshold": N_("Reach above which a narrative left standing at "
                                         "the end costs points. Every narrative's bar is "
                                         "marked at it: an ending that wants a narrative "
                                         "below some reach should use this number."),
    "Rules.disinformation_cost": N_("Points lost per reach point above the threshold, for "
                                    "each narrative."),
    "Rules.disinformation_bars_success": N_("Whether a narrative left above the threshold "
                                            "bars every success ending."),
}
