"""Player-facing names of the engine's vocabulary and sentences for its note and reason codes."""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from game import i18n
from game.i18n import N_, _, ngettext

log = logging.getLogger(__name__)

INDICATORS = {
    "credibility": N_("Credibility"),
    "reach": N_("Reach"),
    "soft_power": N_("Soft power"),
    "tension": N_("Tension"),
    "domestic_support": N_("Domestic support"),
    "cyber_security": N_("Cyber-security"),
}
# Indicators where a rise is bad news (drawn in the "bad" colour).
LOWER_IS_BETTER = frozenset({"tension"})

TONES = {
    "factual": N_("Factual"),
    "empathetic": N_("Empathetic"),
    "assertive": N_("Assertive"),
    "humorous": N_("Humorous"),
    "confrontational": N_("Confrontational"),
}

# Fictional platforms standing for a microblog, a photo network, a video network, a forum.
CHANNELS = {
    "microblog": N_("Chirp"),
    "photo": N_("Pictogram"),
    "video": N_("ViewTube"),
    "forum": N_("Agora"),
}
CHANNEL_KINDS = {
    "microblog": N_("microblog"),
    "photo": N_("photo network"),
    "video": N_("video network"),
    "forum": N_("forum"),
}

MEASURES = {
    "debunk": N_("Debunk with evidence"),
    "prebunk": N_("Prebunk an audience"),
    "report": N_("Report to the platform"),
    "factcheck": N_("Work with fact-checkers"),
    "attribute": N_("Attribute it publicly"),
    "monitor": N_("Monitor"),
    "literacy": N_("Media-literacy campaign"),
    "support": N_("Protect and support the target"),
}
# Why the desk cannot plan a measure (``viewmodel.measure_unavailable``), on its message
# line: « Surveiller : déjà en place sur ce récit. » (the selector only marks it).
MEASURE_UNAVAILABLE = {
    "in_effect": N_("already in place on this narrative"),
    "measure_used": N_("already used against this narrative"),
    "measure_used_game": N_("already used this game"),
    "already_planned": N_("already in this turn's plan"),
    "over_budget": N_("not enough action points left"),
}
MEASURE_HELP = {
    "debunk": N_("Publish the facts against the claim. Strong with evidence, weak without; "
                 "debunking what almost nobody has seen can spread it."),
    "prebunk": N_("Warn one audience about the technique before the claim reaches it "
                  "(inoculation). Best done early."),
    "report": N_("Ask the platform to act. It acts next turn, hardest on fake accounts "
                 "and bots. Once per narrative."),
    "factcheck": N_("Bring in independent fact-checkers: the narrative fades faster and "
                    "later debunks hit harder. Once per narrative."),
    "attribute": N_("Name the state behind the campaign. It slows the campaign but raises "
                    "tension; a wrong accusation costs a lot of credibility."),
    "monitor": N_("Watch the narrative closely (early warning). Costs nothing, answers "
                  "nothing."),
    "literacy": N_("A media-literacy campaign: slow, but every audience resists every "
                   "narrative a little more each turn. Once per game."),
    "support": N_("Stand publicly by the person a campaign targets and help them secure "
                  "their accounts: the answer to harassment. Once per narrative."),
}

# Why a counter shows nothing on the gauges the turn it is played: where its effect shows
# (so that « the right answer » never stands unexplained beside « no visible change »).
COUNTER_LATER = {
    "prebunk": N_("Nothing shows on the gauges yet: the warned audience now resists the "
                  "claim, so it spreads less there in the turns to come."),
    "report": N_("Nothing shows on the gauges yet: the platform acts next turn."),
    "factcheck": N_("Nothing shows on the gauges yet: the narrative now fades faster each "
                    "turn, and later debunks hit harder."),
    "attribute": N_("Nothing shows on the gauges yet: the campaign now spreads more slowly "
                    "in the turns to come."),
    "support": N_("Nothing shows on the gauges yet: the harassment now spreads more slowly "
                  "in the turns to come."),
    "literacy": N_("Nothing shows on the gauges yet: every audience resists a little more "
                   "each turn from next turn."),
    "debunk": N_("Nothing shows on the gauges yet: the narrative's reach was too small to "
                 "cut by a whole point."),
}

TECHNIQUES = {
    "fake_news": N_("fake news"),
    "deepfake": N_("deepfake"),
    "impersonation": N_("impersonation"),
    "hacked_account": N_("hacked account"),
    "bots": N_("bots"),
    "astroturfing": N_("astroturfing"),
    "trolling": N_("trolling"),
    "harassment": N_("cyber-harassment"),
    "polarisation": N_("polarisation"),
    "propaganda": N_("propaganda"),
    "election_interference": N_("election interference"),
    "hashtag_campaign": N_("hashtag campaign"),
    "rumour": N_("rumour"),
}

# One sentence per technique, shown where a narrative first appears and on the counter
# tab: a student meets "astroturfing" or "trolling" before any concept card names it.
TECHNIQUE_HELP = {
    "fake_news": N_("False information dressed up as news, made to be shared."),
    "deepfake": N_("A video, image or voice faked with AI to make someone say or do what "
                   "they never said or did."),
    "impersonation": N_("An account posing as a real person or institution to speak in "
                        "its name."),
    "hacked_account": N_("A genuine account taken over by attackers, who post in its "
                         "owner's name."),
    "bots": N_("Automated accounts that post and share at scale to make a message look "
               "popular."),
    "astroturfing": N_("A fake grassroots movement: networks of fake accounts pretending "
                       "to be ordinary citizens."),
    "trolling": N_("Provocative posts meant to anger and derail the debate; answering "
                   "them gives them a stage."),
    "harassment": N_("Repeated attacks on one person online, to intimidate or silence "
                     "them."),
    "polarisation": N_("Content that sets groups against each other to widen a divide."),
    "propaganda": N_("One-sided messages spread by a state or group to bend opinion its "
                     "way."),
    "election_interference": N_("Foreign efforts to sway or discredit an election with "
                                "manipulated information."),
    "hashtag_campaign": N_("A coordinated push to make a hashtag trend and frame the "
                           "debate."),
    "rumour": N_("An unverified story passed on by worried people, often in good faith."),
}

# A badge per technique, earned by answering a narrative of that technique with a counter
# that fits it (``engine/badges.py``).
BADGES = {
    "fake_news": N_("Fake news corrected"),
    "deepfake": N_("Deepfake unmasked"),
    "impersonation": N_("Impostor exposed"),
    "hacked_account": N_("Account hijack exposed"),
    "bots": N_("Bot network exposed"),
    "astroturfing": N_("Fake grassroots exposed"),
    "trolling": N_("Trolls denied a stage"),
    "harassment": N_("Target protected"),
    "polarisation": N_("Divide bridged"),
    "propaganda": N_("Propaganda defused"),
    "election_interference": N_("Election defended"),
    "hashtag_campaign": N_("Hashtag reclaimed"),
    "rumour": N_("Rumour calmed"),
}
COUNTER_POST = N_("A calm post on the topic")
COUNTER_POST_WHERE = N_("a calm post on the narrative's topic (Post tab)")

PHASES = {
    "briefing": N_("Briefing"),
    "feed": N_("News feed"),
    "decide": N_("Your desk"),
    "resolve": N_("Results"),
    "debrief": N_("Debrief"),
}

NARRATIVE_PHASES = {
    "dormant": N_("dormant"),
    "emerging": N_("emerging"),
    "spreading": N_("spreading"),
    "viral": N_("viral"),
    "entrenched": N_("entrenched"),
    "debunked": N_("debunked"),
    "faded": N_("faded"),
}



DIFFICULTIES = {"easy": N_("easy"), "medium": N_("medium"), "hard": N_("hard")}
ENDING_TONES = {"success": N_("Success"), "mixed": N_("Mixed result"),
                "failure": N_("Failure")}


def language_names() -> dict[str, str]:
    """Every language the player may choose, each named in itself on purpose (a player
    who does not read the current language still finds their own).  The pseudo-locale
    is listed while it is on (``--lang qps``) or with ``HD_DEBUG=1``."""
    pseudo = True if i18n.get_language() == i18n.PSEUDO_LANGUAGE else None
    return {code: i18n.language_name(code) for code in i18n.languages(pseudo=pseudo)}


# The language of a post, in the interface's language: a choice, and within a sentence.
POST_LANGUAGES = {"fr": N_("French"), "en": N_("English")}
POST_LANGUAGES_IN = {"fr": N_("in French"), "en": N_("in English")}

SOURCES = {
    "post": N_("Your post"),
    "answer": N_("Your answer"),
    "counter": N_("Your counter-measure"),
    "event": N_("Event"),
    "narrative": N_("Disinformation"),
    "platform": N_("The platform"),
    "deadline": N_("Missed deadline"),
    "silence": N_("Silence"),
    "late": N_("Late response"),
}
PLAYER_SOURCES = frozenset({"post", "answer", "counter"})

NOTES = {
    "channel_strong": N_("This platform reaches this audience well."),
    "channel_weak": N_("This platform reaches this audience poorly."),
    "language_match": N_("Written in the audience's own language: it lands in full."),
    "language_mismatch": N_("Not in the audience's language: it carries much less weight."),
    "humour_in_crisis": N_("Joking during a crisis looks like not taking it seriously."),
    "audience_fatigue": N_("Same tone to the same audience again: it is tiring of it and "
                           "listens less."),
    "answers_narrative": N_("The post answers the narrative on its topic and slows it down."),
    "informs_a_little": N_("The post informs a few people on the topic, but it does not "
                           "answer the narrative."),
    "counter_fits": N_("The right answer to this technique."),
    "counter_weak": N_("This does little against this technique, and the narrative still "
                       "counts as unanswered."),
    "counter_backfires": N_("This backfires against this technique: it fed the narrative."),
    "early_warning": N_("Spotted early by monitoring: this counter hit harder."),
    "early_report": N_("Spotted early by monitoring: your report made the platform act "
                       "harder."),
    "target_supported": N_("The person targeted is protected and supported: the harassers "
                           "lose their audience."),
    "fuels_narrative": N_("A confrontational post on this topic feeds the narrative."),
    "prebunk_late": N_("Prebunking came late: this audience had already seen the claim."),
    "prebunk_early": N_("Prebunked early: the audience was warned before the claim reached it."),
    "report_pending": N_("Reported: the platform will act next turn."),
    "monitoring": N_("You are now monitoring this narrative."),
    "amplified": N_("Debunking a claim almost nobody had seen gave it an audience."),
    "no_evidence": N_("Without evidence, the debunk convinced fewer people."),
    "repeated_debunk": N_("Debunked again: each new denial convinces fewer people."),
    "entrenched": N_("The narrative is entrenched: corrections work less well."),
    "with_factcheckers": N_("Fact-checkers made the debunk stronger."),
    "rapid_response": N_("A rapid response: credibility gained."),
    "debunked": N_("The debunk cut the narrative's reach."),
    "attributed": N_("Public attribution: the campaign slows down, but tension rises."),
    "unproven_attribution": N_("Named before the evidence was in: the accusation looks like a "
                               "reflex. Credibility suffers and tension rises."),
    "false_attribution": N_("Wrong accusation: this narrative was not run by a state. "
                            "Credibility suffers and tension rises."),
    "platform_removed_accounts": N_("The platform removed the fake accounts spreading it."),
    "platform_acted": N_("The platform limited the reported posts."),
    "phase_emerging": N_("The narrative is emerging."),
    "phase_spreading": N_("The narrative is spreading."),
    "phase_viral": N_("The narrative has gone viral."),
    "phase_entrenched": N_("The narrative is now entrenched."),
    "phase_debunked": N_("The narrative has been debunked."),
    "phase_faded": N_("The narrative has faded away."),
    "late_response": N_("The narrative spread unanswered for too long: trust erodes."),
    "deadline_missed": N_("The deadline passed without an answer."),
    "silence": N_("Silence while a crisis is open costs credibility."),
}

# Notes about a post on a narrative's topic, naming the narrative ({title}).
NARRATIVE_NOTES = {
    "answers_narrative": N_("The post answers “{title}” on its topic and slows it down."),
    "informs_a_little": N_("The post informs a few people on the topic, but it does not "
                           "answer “{title}”."),
    "fuels_narrative": N_("A confrontational post on this topic feeds “{title}”."),
}

# What a tone usually does (``rules.TONE_EFFECTS``): a tendency, not a claim about this
# post (whose own changes are shown beside it, rounded, after its audience's weights).
TONE_REASONS = {
    "factual": N_("A factual tone usually builds credibility and a little reach, and calms "
                  "tension."),
    "empathetic": N_("An empathetic tone usually wins sympathy abroad (soft power) and at "
                     "home, and a little credibility."),
    "assertive": N_("An assertive tone usually rallies support at home and carries far, but "
                    "raises tension a little."),
    "humorous": N_("A humorous tone usually carries far and charms (soft power), but costs a "
                   "little credibility."),
    "confrontational": N_("A confrontational tone usually carries farthest and rallies home, "
                          "but raises tension and costs soft power and credibility."),
}
# An audience's kind, within « {audience}: {kind}; this audience amplifies… »
# (``post_reasons``; the gauges it amplifies come from ``rules.AUDIENCE_FOCUS``).
AUDIENCE_KIND_SAID = {
    "domestic": N_("opinion at home"),
    "foreign": N_("a foreign public"),
    "diaspora": N_("the diaspora"),
    "journalists": N_("journalists"),
    "country": N_("a government, which reads every post as a statement to it"),
}

REASONS = {
    "factual": N_("Factual tone: builds credibility and a little reach, and calms tension."),
    "empathetic": N_("Empathetic tone: wins sympathy abroad (soft power) and at home, and a "
                     "little credibility."),
    "assertive": N_("Assertive tone: rallies support at home and carries far, but raises "
                    "tension a little."),
    "humorous": N_("Humorous tone: carries far and charms (soft power), but costs a little "
                   "credibility."),
    "confrontational": N_("Confrontational tone: carries farthest and rallies home, but "
                          "raises tension and costs soft power and credibility."),
}
AUDIENCE_REASONS = {
    "domestic": N_("{audience}: opinion at home, so domestic support moves most."),
    "foreign": N_("{audience}: a foreign public, so soft power moves most."),
    "diaspora": N_("{audience}: the diaspora, so soft power and support at home move."),
    "journalists": N_("{audience}: journalists, so credibility and reach move most."),
    "country": N_("{audience}: a government reads every post as a statement to it, so "
                  "tension and soft power move most."),
}

REASONS = {
    "over_budget": N_("Not enough action points left this turn."),
    "no_such_crisis": N_("This crisis is no longer open."),
    "already_planned": N_("Already planned for this turn."),
    "unknown_choice": N_("This answer does not exist."),
    "unknown_channel": N_("This platform is not used in this scenario."),
    "unknown_audience": N_("This audience does not exist in this scenario."),
    "unknown_topic": N_("This topic does not exist in this scenario."),
    "unknown_language": N_("The ministry does not post in this language."),
    "unknown_narrative": N_("This narrative does not exist."),
    "narrative_not_live": N_("This narrative is not circulating."),
    "measure_not_available": N_("This counter-measure is not available in this scenario."),
    "needs_audience": N_("Choose an audience to prebunk."),
    "measure_used": N_("Already used: this counter-measure works only once."),
    "not_deciding": N_("Actions are planned at your desk."),
}

# What a post says, by tone, in the language of the post, after the topic's name: about a
# topic that answers a disinformation narrative, and about any other (news, an event, a
# position), so that it reads sensibly whatever the topic.
POST_TEMPLATES = {
    "factual": N_("The facts, with our sources. Any questions? Ask us."),
    "empathetic": N_("We know this matters to many of you. We are listening, and we will "
                     "keep you informed."),
    "assertive": N_("Our position is clear, and we will stand by it with our partners."),
    "humorous": N_("Spoiler: the real story is even better than what you have heard."),
    "confrontational": N_("Nobody speaks for our country but us. Here is the truth."),
}
ANSWER_TEMPLATES = {
    "factual": N_("Here are the verified facts, with our sources. Check before you share."),
    "empathetic": N_("We hear your concerns. Here is what we know, and we will keep you "
                     "informed."),
    "assertive": N_("The facts are established, and we will defend them with our partners."),
    "humorous": N_("Plot twist: the truth is more interesting than the rumours."),
    "confrontational": N_("Enough lies about our country. We will not stay silent."),
}

# The wordings a student chooses among, by tone: the template above first, then two more
# (what the post says changes; its effects come from platform, audience, tone, topic and
# language only).
POST_WORDINGS = {
    "factual": (POST_TEMPLATES["factual"],
                N_("What we know today, and where it comes from: everything is in the link."),
                N_("Three facts to remember, each with its source.")),
    "empathetic": (POST_TEMPLATES["empathetic"],
                   N_("Behind every figure there are people. We are thinking of them, and we "
                      "are acting."),
                   N_("Thank you for your messages. We read them, and we answer them.")),
    "assertive": (POST_TEMPLATES["assertive"],
                  N_("We said what we would do, and we are doing it."),
                  N_("Our country keeps its word. Our partners know it.")),
    "humorous": (POST_TEMPLATES["humorous"],
                 N_("Breaking news: diplomats can post. Here is the proof."),
                 N_("Rumour has it we have a sense of humour. Confirmed.")),
    "confrontational": (POST_TEMPLATES["confrontational"],
                        N_("We will not take lessons from anyone."),
                        N_("Some would rather shout. We will answer, and loudly.")),
}
ANSWER_WORDINGS = {
    "factual": (ANSWER_TEMPLATES["factual"],
                N_("False. Here is the original, and here is how to check it yourself."),
                N_("Before you share: the source, the date, the original. Here they are.")),
    "empathetic": (ANSWER_TEMPLATES["empathetic"],
                   N_("It is normal to be worried. Here are the facts, calmly."),
                   N_("We understand why this story spread. Here is what really happened.")),
    "assertive": (ANSWER_TEMPLATES["assertive"],
                  N_("This claim is false. We have the evidence and we are publishing it."),
                  N_("We will not let a lie set the agenda. The facts are on our side.")),
    "humorous": (ANSWER_TEMPLATES["humorous"],
                 N_("We checked under the bed: no conspiracy there either."),
                 N_("Fact-check of the day: nope.")),
    "confrontational": (ANSWER_TEMPLATES["confrontational"],
                        N_("Those who spread this lie know exactly what they are doing."),
                        N_("This is a smear, and we will name those behind it.")),
}

# Why the most-liked post of the game so far was liked, by tone: likes are not the score.
LIKED_BECAUSE = {
    "factual": N_("Facts rarely go viral: this one did, and it builds trust that lasts."),
    "empathetic": N_("Warmth is shared: people pass on what speaks to them."),
    "assertive": N_("A firm line rallies your own side, and they share it."),
    "humorous": N_("Humour travels well; during a crisis it can still cost trust."),
    "confrontational": N_("Outrage travels fastest: the likes came, and so did the tension. "
                          "Likes are not the score."),
}

# How the public answers the ministry's posts in the feed, by tone (in the audience's
# language), and when a post is not in its language.
REPLIES = {
    "factual": (N_("Thanks for the sources. Clear and checkable."),
                N_("Finally some facts. Shared.")),
    "empathetic": (N_("Thank you for listening. It matters."),
                   N_("Nice words. We will see what you do.")),
    "assertive": (N_("Good, hold the line."),
                  N_("Firm words. Will the partners follow?")),
    "humorous": (N_("Ha! Whoever runs this account deserves a raise."),
                 N_("Funny, but is this really the moment?")),
    "confrontational": (N_("Finally someone says it!"),
                        N_("Calm down. This only makes things worse.")),
}
REPLY_OTHER_LANGUAGE = N_("Could you post this in our language?")


def wordings(tone: object, answers: bool) -> tuple[str, ...]:
    """The wordings (untranslated) a post of *tone* may take; *answers*: on a topic that
    answers a narrative."""
    table = ANSWER_WORDINGS if answers else POST_WORDINGS
    return table.get(str(getattr(tone, "value", tone)), ("",))


def label(table: dict[str, str], code: object) -> str:
    """The translated label of *code* in *table*; an unknown code is shown, and logged."""
    key = str(getattr(code, "value", code))
    text = table.get(key)
    if text is None:
        log.warning("no UI label for code %r", key)
        return key.replace("_", " ")
    return _(text)


def note(code: str) -> str:
    return label(NOTES, code)


def reason(code: str | None) -> str:
    return "" if code is None else label(REASONS, code)


def indicator(code: object) -> str:
    return label(INDICATORS, code)


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Translate in *lang* inside the block (posts are written in their own language).
    The pseudo-locale stays on: while testing with it, every text shown is marked."""
    previous = i18n.get_language()
    if previous == i18n.PSEUDO_LANGUAGE:
        lang = previous
    if i18n.known_language(lang) and lang != previous:
        i18n.set_language(lang)
    try:
        yield
    finally:
        if i18n.get_language() != previous:
            i18n.set_language(previous)


# -- quotes ------------------------------------------------------------------------------

_NESTED = (re.compile(r"«[\s\u00a0\u202f]*(.+?)[\s\u00a0\u202f]*»"), re.compile(r"“(.+?)”"),
           re.compile(r'"(.+?)"'))


# A title the author already wrote in quotes, whole: the game's own quotes replace them.
_WRAPPED = re.compile(r'^\s*(?:«[\s\u00a0\u202f]*(?P<a>[^«»]+?)[\s\u00a0\u202f]*»'
                      r'|“(?P<b>[^“”]+)”|"(?P<c>[^"]+)")\s*$')


def nested(text: str) -> str:
    """*text* ready to sit inside quotation marks: its own quotes become the inner style
    (“ ” inside « » in French, ‘ ’ inside “ ” in English), and quotes around the whole
    text are dropped (the game adds its own: never « « … » »)."""
    wrapped = _WRAPPED.match(text)
    if wrapped:
        text = wrapped.group("a") or wrapped.group("b") or wrapped.group("c")
    for pattern in _NESTED:
        text = pattern.sub(lambda m: _("‘{text}’").format(text=m.group(1)), text)
    return text


def quoted(text: str) -> str:
    """*text* in quotation marks: « … » in French, “…” in English (nested quotes handled)."""
    return _("“{text}”").format(text=nested(text))


def source_title(source: str, title: str) -> str:
    """What caused an outcome, and about what: "Disinformation — “The fake tickets”"."""
    return _("{source} — “{title}”").format(source=source, title=nested(title))


def fold(text: str) -> str:
    """*text* without case and accents, to compare two names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# -- numbers and plurals -----------------------------------------------------------------

def fmt_delta(value: float, decimals: int = 1) -> str:
    """A signed change, by locale: ``+2,5`` in French, ``+2.5`` in English."""
    text = i18n.fmt_number(abs(value), decimals)
    return ("+" if value >= 0 else "-") + text


def whole(value: float) -> int:
    """*value* rounded as the gauges show it (half to even, as Babel formats numbers)."""
    return int(round(value))


def change(start: float, end: float) -> int:
    """The change the player sees: between the rounded values, not the exact ones (35.4 to
    19.6 shows "from 35 to 20", so the change is -15, not -16)."""
    return whole(end) - whole(start)


def fmt_change(value: float) -> str:
    """A change rounded to a whole number, signed (``+2``, ``-1``); "" when it rounds to 0."""
    rounded = whole(value)
    return fmt_delta(rounded, 0) if rounded else ""


def turns_left(n: int) -> str:
    """The turns after the current one ("3 turns left" beside "Turn 1 of 4" read as if
    the current turn did not count)."""
    if n <= 0:
        return _("last turn")
    return ngettext("{n} more turn after this one", "{n} more turns after this one",
                    n).format(n=n)


def action_points(n: int) -> str:
    return ngettext("{n} action point", "{n} action points", n).format(n=n)


def points(value: float) -> str:
    """Score points lost or won, rounded to one decimal, with the right plural."""
    shown = round(value, 1)
    whole = shown == int(shown)
    # A fraction takes the plural of its whole part's neighbour: 0.5 → “points” in
    # English, « point » in French; 1.5 → plural in both.
    count = int(shown) if whole else (2 if shown > 1 else 0)
    return ngettext("{n} point", "{n} points", count).format(
        n=i18n.fmt_number(shown, 0 if whole else 1))


def signed_points(value: float) -> str:
    """Score points added or taken, signed, to one decimal: "+17.0 points", "-0.7 point"
    (the plural as :func:`points` chooses it)."""
    shown = round(value, 1)
    count = abs(shown) if abs(shown) == int(abs(shown)) else (2 if abs(shown) > 1 else 0)
    return ngettext("{n} point", "{n} points", int(count)).format(n=fmt_delta(shown, 1))


def tenth(value: float) -> str:
    """*value* to a tenth, without ",0" when whole: the figures the score breakdown
    computes with (a gauge shows 63.6 as "64"; "64 × 25 %: +15.9" would not add up)."""
    rounded = round(value, 1)
    return i18n.fmt_number(rounded, 0 if rounded.is_integer() else 1)


def as_percent(number: str) -> str:
    """*number*, already written, with the locale's own percent sign and spacing (« 0 % »
    with its no-break space): Babel's percent format would round it again."""
    return i18n.fmt_percent(0).replace("0", number, 1)


def half_up(value: float, decimals: int = 0) -> float:
    """*value* rounded as taught at school (halves up), as a student checking a figure
    by hand rounds it; Python and Babel round halves to even."""
    scale = 10 ** decimals
    return math.floor(value * scale + 0.5) / scale


def percent_tenth(value: float) -> str:
    """A reach as a percentage to a tenth, without ",0" when whole (a bound: 15 %, 22,5 %)."""
    return as_percent(tenth(value))


def whole_and_exact(value: float, decimals: int = 1) -> str:
    """*value* as the gauges show it and, when that hides a tenth, the exact value a sum
    uses, to at least *decimals*: "83 (82.5 exactly)" (the gauge read 83; "82.5 × 25 %"
    is what adds up)."""
    shown = i18n.fmt_number(whole(value))
    if tenth(value) == shown and decimals == 1:
        return shown
    # More decimals when the tenth would round, as taught at school, to another whole
    # number than the one shown (59.46 shown 59: "59 (59.5)" would read as a mistake).
    while decimals < 4 and half_up(round(value, decimals)) != whole(value):
        decimals += 1
    exact = trimmed(value, decimals)
    return shown if exact == shown else _("{shown} ({exact} exactly)").format(shown=shown,
                                                                               exact=exact)


def trimmed(value: float, decimals: int) -> str:
    """*value* to *decimals*, without them when it is whole at that precision."""
    rounded = round(value, decimals)
    return i18n.fmt_number(rounded, 0 if rounded.is_integer() else decimals)


def beside_bound(value: float, bound: float, at_least: bool, percent: bool = False, *,
                 strict: bool = False) -> str:
    """*value* whole, as the gauges and bars show it, or to as many decimals as it takes
    for the number shown to fall on the same side of *bound* as the value itself, and off
    the bound: 57.6 against "at least 58" shows 57.6, not a "58" marked as missed.  With
    *strict*, the bound is "above" rather than "at least" (a reach of 20.3 tagged "above
    20 %" shows 20.3 %, not 20 %)."""
    def side(x: float) -> bool:
        if at_least:
            return x > bound if strict else x >= bound
        return x <= bound if strict else x < bound

    # Nor on the bound itself unless it is the bound: 14.8 against 15 shows 14.8 whether
    # the bound is read "below" (an ending) or "above" (a narrative's tag), so the ending
    # and the narrative's bar show the same figure.
    held = side(value)
    decimals = 0
    while decimals < 4 and (side(round(value, decimals)) != held
                            or round(value, decimals) == bound != value):
        decimals += 1
    number = i18n.fmt_number(round(value, decimals), decimals)  # the value tested above
    return as_percent(number) if percent else number


def percent_exact(value: float) -> str:
    """A reach or a share to one decimal, as a percentage ("23.3%", « 23,3 % »)."""
    return as_percent(i18n.fmt_number(value, 1))


def turn_of(turn: int, total: int) -> str:
    return _("Turn {turn} of {total}").format(turn=turn, total=total)


def turn_time(turn: int, hours_per_turn: int = 24) -> str:
    """When a turn happens in the story: "Day 3", or "H+16 to H+24" when turns are not days."""
    if hours_per_turn == 24:
        return _("Day {day}").format(day=i18n.fmt_number(turn))
    return _("H+{start} to H+{end}").format(start=(turn - 1) * hours_per_turn,
                                            end=turn * hours_per_turn)


def deadline_text(turns: int) -> str:
    """How long a crisis stays open, from the current turn (1 = answer this turn)."""
    if turns <= 1:
        return _("Last turn to answer!")
    return ngettext("Answer within {n} turn", "Answer within {n} turns", turns).format(n=turns)
