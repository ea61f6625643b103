"""The game's fixed vocabulary: indicators, tones, channels, counter-measures, techniques.

Scenario files name these values; the engine gives them their rules.  Their player-facing
names are UI strings (see ``game/presentation/labels.py``), not part of a scenario.
"""

from __future__ import annotations

from enum import StrEnum


class Indicator(StrEnum):
    """The six gauges of the design brief, each 0-100."""

    CREDIBILITY = "credibility"
    REACH = "reach"
    SOFT_POWER = "soft_power"
    TENSION = "tension"
    DOMESTIC_SUPPORT = "domestic_support"
    CYBER_SECURITY = "cyber_security"


INDICATORS: tuple[Indicator, ...] = tuple(Indicator)


class Tone(StrEnum):
    FACTUAL = "factual"
    EMPATHETIC = "empathetic"
    ASSERTIVE = "assertive"
    HUMOROUS = "humorous"
    CONFRONTATIONAL = "confrontational"


class Channel(StrEnum):
    """Fictional analogues of a microblog, a photo network, a video network, a forum."""

    MICROBLOG = "microblog"
    PHOTO = "photo"
    VIDEO = "video"
    FORUM = "forum"


class Measure(StrEnum):
    """The counter-measures a player can take against a disinformation narrative."""

    DEBUNK = "debunk"
    PREBUNK = "prebunk"
    REPORT = "report"
    FACTCHECK = "factcheck"
    ATTRIBUTE = "attribute"
    MONITOR = "monitor"
    LITERACY = "literacy"
    SUPPORT = "support"  # protect and publicly support a person targeted by harassment


class Technique(StrEnum):
    """Disinformation techniques the seeds describe."""

    FAKE_NEWS = "fake_news"
    DEEPFAKE = "deepfake"
    IMPERSONATION = "impersonation"
    HACKED_ACCOUNT = "hacked_account"
    BOTS = "bots"
    ASTROTURFING = "astroturfing"
    TROLLING = "trolling"
    HARASSMENT = "harassment"
    POLARISATION = "polarisation"
    PROPAGANDA = "propaganda"
    ELECTION_INTERFERENCE = "election_interference"
    HASHTAG_CAMPAIGN = "hashtag_campaign"
    RUMOUR = "rumour"


# Platforms act fastest on inauthentic behaviour: fake accounts, bots, stolen accounts.
INAUTHENTIC_TECHNIQUES = frozenset({
    Technique.BOTS, Technique.ASTROTURFING, Technique.IMPERSONATION,
    Technique.HACKED_ACCOUNT, Technique.HASHTAG_CAMPAIGN,
})


class AudienceKind(StrEnum):
    DOMESTIC = "domestic"
    FOREIGN = "foreign"
    DIASPORA = "diaspora"
    JOURNALISTS = "journalists"
    COUNTRY = "country"


class ActorKind(StrEnum):
    GOVERNMENT = "government"
    LEADER = "leader"
    DIPLOMAT = "diplomat"
    EMBASSY = "embassy"
    MEDIA = "media"
    JOURNALIST = "journalist"
    PLATFORM = "platform"
    FACT_CHECKER = "fact_checker"
    NGO = "ngo"
    ORGANISATION = "organisation"
    CITIZEN = "citizen"
    ACTIVIST = "activist"
    INFLUENCER = "influencer"
    BOT_NETWORK = "bot_network"
    TROLL = "troll"
    UNKNOWN = "unknown"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class EndingTone(StrEnum):
    SUCCESS = "success"
    MIXED = "mixed"
    FAILURE = "failure"


class NarrativePhase(StrEnum):
    """Life of a disinformation narrative, as the debrief explains it."""

    DORMANT = "dormant"
    EMERGING = "emerging"
    SPREADING = "spreading"
    VIRAL = "viral"
    ENTRENCHED = "entrenched"
    DEBUNKED = "debunked"
    FADED = "faded"


class Phase(StrEnum):
    """Phases of a turn: the states of the turn machine."""

    BRIEFING = "briefing"
    FEED = "feed"
    DECIDE = "decide"
    RESOLVE = "resolve"
    DEBRIEF = "debrief"
