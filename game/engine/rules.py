"""The numbers of the game model, in one place, with the reasons for them.

``docs/model.md`` explains the model for instructors; this module is its source of truth.
Scenarios tune some of these through their ``rules:`` section.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from game.engine.vocabulary import AudienceKind, Channel, Indicator, Tone

I = Indicator

# --- posts -------------------------------------------------------------------------
# What one post does, before multipliers.  A confrontational post wins reach and home
# support but raises tension and costs attractiveness; a factual one builds credibility
# slowly (seed 003: transparency builds trust; seed 002: persuasion, not coercion).
TONE_EFFECTS: Final = MappingProxyType({
    Tone.FACTUAL: {I.CREDIBILITY: 2.0, I.REACH: 1.0, I.TENSION: -0.5},
    Tone.EMPATHETIC: {I.SOFT_POWER: 2.0, I.DOMESTIC_SUPPORT: 1.0, I.CREDIBILITY: 1.0},
    Tone.ASSERTIVE: {I.DOMESTIC_SUPPORT: 2.0, I.REACH: 2.0, I.TENSION: 1.0},
    Tone.HUMOROUS: {I.REACH: 3.0, I.SOFT_POWER: 1.5, I.CREDIBILITY: -0.5},
    Tone.CONFRONTATIONAL: {I.REACH: 4.0, I.DOMESTIC_SUPPORT: 2.5, I.TENSION: 4.0,
                           I.SOFT_POWER: -2.0, I.CREDIBILITY: -1.0},
})

# Joking while a crisis is open or a narrative is viral reads as not taking it seriously.
HUMOUR_IN_CRISIS: Final = MappingProxyType({I.CREDIBILITY: -3.0, I.DOMESTIC_SUPPORT: -1.0})

# Which gauges an audience moves most: home opinion moves domestic support, foreign
# publics move soft power, journalists carry credibility, a named country's government
# reads every post as a statement to it (tension).
AUDIENCE_FOCUS: Final = MappingProxyType({
    AudienceKind.DOMESTIC: {I.DOMESTIC_SUPPORT: 1.5, I.SOFT_POWER: 0.5},
    AudienceKind.FOREIGN: {I.SOFT_POWER: 1.5, I.DOMESTIC_SUPPORT: 0.3},
    AudienceKind.DIASPORA: {I.SOFT_POWER: 1.2, I.DOMESTIC_SUPPORT: 0.8},
    AudienceKind.JOURNALISTS: {I.CREDIBILITY: 1.5, I.REACH: 1.3},
    AudienceKind.COUNTRY: {I.TENSION: 1.5, I.SOFT_POWER: 1.2},
})

# How well each channel reaches each kind of audience (scenario ``channels`` may override
# per audience id).
CHANNEL_AFFINITY: Final = MappingProxyType({
    Channel.MICROBLOG: {AudienceKind.JOURNALISTS: 1.3, AudienceKind.COUNTRY: 1.2},
    Channel.PHOTO: {AudienceKind.FOREIGN: 1.2, AudienceKind.DIASPORA: 1.2,
                    AudienceKind.JOURNALISTS: 0.7},
    Channel.VIDEO: {AudienceKind.DOMESTIC: 1.1, AudienceKind.FOREIGN: 1.1,
                    AudienceKind.JOURNALISTS: 0.8},
    Channel.FORUM: {AudienceKind.DIASPORA: 1.3, AudienceKind.DOMESTIC: 0.9,
                    AudienceKind.JOURNALISTS: 0.8, AudienceKind.COUNTRY: 0.8},
})

LANGUAGE_MISMATCH: Final = 0.6      # a post not in its audience's language lands at 60 %
# Audiences tire of hearing the same thing: the k-th earlier post with the same tone to the
# same audience lands at 1 / (1 + 0.3·k).  Variety of tone and audience pays.
POST_FATIGUE: Final = 0.3
# Gains come harder near the top: a post's gain on a gauge above 50 shrinks linearly to
# nothing at 100 (credibility of 90 is hard to raise by posting, easy to lose).
HEADROOM_FROM: Final = 50.0
POST_NOISE: Final = 0.15            # +-15 % on a post's effects: audiences are not machines
TOPIC_COUNTER: Final = 4.0          # reach a factual/empathetic post on a narrative's topic removes
TOPIC_FUEL: Final = 3.0             # reach a confrontational post on it adds (it feeds the row)

# --- crises ------------------------------------------------------------------------
SILENCE_PENALTY: Final = 2.0        # credibility lost per turn of silence with a crisis open

# --- narratives: spread ------------------------------------------------------------
# Per audience a, each turn:  r += g·r·(1 - r/100) + spill - decay·r·(1 - ½·echo) + noise
# where g = virality · (0.6 + 0.8·echo) · (1 - inoculation).  Echo chambers (seed 003
# « echo chambers », seed 002) are more receptive and forget more slowly.
RECEPTIVENESS_BASE: Final = 0.6
RECEPTIVENESS_ECHO: Final = 0.8
SPILLOVER: Final = 0.08             # share of the other audiences' mean reach that leaks in
SPREAD_NOISE: Final = 1.0           # standard deviation of the noise, times virality
ECHO_MEMORY: Final = 0.5            # echo chambers halve the natural decay
INOCULATION_CAP: Final = 0.8

# --- narratives: life cycle (weighted reach thresholds) ----------------------------
SPREADING_AT: Final = 15.0
VIRAL_AT: Final = 45.0
VIRAL_BACK_BELOW: Final = 35.0
ENTRENCHED_AFTER: Final = 2         # turns viral before a narrative becomes entrenched
DEBUNKED_BELOW: Final = 10.0
FADED_BELOW: Final = 5.0
RESURGENCE_AT: Final = 20.0
LATE_AFTER: Final = 2               # turns a spreading narrative may go without any answer
LATE_PENALTY: Final = 1.5           # credibility lost per turn after that, until answered

# --- counter-measures --------------------------------------------------------------
# Each measure's cost: its entry in ``engine/measures.py``.
# How a counter lands depends on the technique it meets (``engine/techniques.py``): a
# fitting counter works in full and answers the narrative; one that does little works at
# this share and answers nothing; one that backfires feeds the narrative and costs trust.
WEAK_FACTOR: Final = 0.3
BACKFIRE_BOOST: Final = 6.0         # reach added in every audience
BACKFIRE_EFFECTS: Final = MappingProxyType({I.CREDIBILITY: -2.0, I.DOMESTIC_SUPPORT: -1.5})
# Early warning (seed 003: « identifier rapidement les tensions… intervention précoce »):
# a narrative monitored before it spreads is understood, and fitting counters hit harder.
EARLY_WARNING_BONUS: Final = 1.3

SUPPORT_FACTOR: Final = 0.6         # virality kept once the target is protected
SUPPORT_EFFECTS: Final = MappingProxyType({I.CREDIBILITY: 1.0, I.SOFT_POWER: 1.0})

# A correction travels less far than the falsehood: a debunk removes a share of the reach,
# and each new debunk of the same narrative convinces fewer people than the last.
DEBUNK_SHARE: Final = 0.4           # share of reach removed per audience at full strength
DEBUNK_MAX_SHARE: Final = 0.8
DEBUNK_REPEAT: Final = 0.7          # each earlier debunk of the narrative multiplies by this
DEBUNK_NO_EVIDENCE: Final = 0.5     # without the evidence (its evidence_flag unset)
DEBUNK_ECHO_RESISTANCE: Final = 0.6  # echo chambers resist correction
DEBUNK_ENTRENCHED: Final = 0.5
DEBUNK_WITH_FACTCHECKERS: Final = 1.5
STREISAND_BELOW: Final = 8.0        # debunking what almost nobody has seen spreads it
STREISAND_BOOST: Final = 5.0
RAPID_RESPONSE_BONUS: Final = 2.0   # credibility for a debunk within a turn of spreading
RESPONSE_BONUS: Final = 1.0

PREBUNK_GAIN: Final = 0.3
PREBUNK_LATE_REACH: Final = 40.0    # above this reach in the audience, prebunking is late

REPORT_DELAY: Final = 1             # platforms act on a report the turn after
REPORT_FACTOR: Final = 0.6
REPORT_FACTOR_INAUTHENTIC: Final = 0.35

FACTCHECK_DECAY: Final = 0.06
FACTCHECK_CREDIBILITY: Final = 1.5

ATTRIBUTE_FACTOR: Final = 0.75
ATTRIBUTE_EFFECTS: Final = MappingProxyType({I.CREDIBILITY: 2.0, I.TENSION: 8.0})
FALSE_ATTRIBUTION_EFFECTS: Final = MappingProxyType({I.CREDIBILITY: -8.0, I.TENSION: 6.0})
# Naming a state before the evidence is in (the narrative's evidence_flag unset): the
# accusation may be right, but it looks like a reflex, and the other side says so.
UNPROVEN_ATTRIBUTION_FACTOR: Final = 0.9
UNPROVEN_ATTRIBUTION_EFFECTS: Final = MappingProxyType({I.CREDIBILITY: -4.0, I.TENSION: 8.0})

LITERACY_GAIN_PER_TURN: Final = 0.04
LITERACY_EFFECTS: Final = MappingProxyType({I.DOMESTIC_SUPPORT: 1.0, I.SOFT_POWER: 1.0})

# --- score ---------------------------------------------------------------------------
# Weighted mean of the gauges (tension counts as 100 - tension), minus the disinformation
# still circulating, plus the ending's bonus.  Scenarios may change the weights.
SCORE_WEIGHTS: Final = MappingProxyType({
    I.CREDIBILITY: 0.25, I.SOFT_POWER: 0.15, I.DOMESTIC_SUPPORT: 0.15, I.REACH: 0.10,
    I.CYBER_SECURITY: 0.10, I.TENSION: 0.25,
})
SCORE_RESIDUAL_REACH: Final = 0.15
# Disinformation left standing: each narrative whose reach ends above the threshold costs
# points per reach point above it, and bars the success endings (scenario ``rules`` may
# change all three).
LEFTOVER_THRESHOLD: Final = 30.0
LEFTOVER_COST: Final = 0.2

DEFAULT_ACTIONS_PER_TURN: Final = 3
