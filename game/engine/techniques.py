"""Which counter fits which disinformation technique: the table the rules, the feedback,
the simulator's lesson player and the authoring guides all read.

Each technique says which counters *fit* (full effect, and they count as an answer to the
narrative), which *backfire* (they feed the narrative and cost trust) and, for the rest,
that they *do little* (a weak effect, and the narrative still counts as unanswered).  Every
verdict carries a one-sentence reason drawn from the seeds, shown on the results screen.
A scenario may override one cell for one narrative (``counters:`` in the narrative).

"post" is a counter too: a factual or empathetic post on the narrative's topic.  It is the
fitting answer only where the table says so (a good-faith rumour, a hashtag to reclaim,
a divided public); elsewhere it informs a little but answers nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from game.engine import measures
from game.engine.vocabulary import Measure, Technique
from game.i18n import N_

if TYPE_CHECKING:
    from game.text import Text

M, T = Measure, Technique
POST: Final = "post"
COUNTERS: Final = (*(str(m) for m in measures.MEASURES), POST)


class Fit(StrEnum):
    FITS = "fits"
    WEAK = "weak"
    BACKFIRES = "backfires"


@dataclass(frozen=True)
class Verdict:
    """What the table (or the scenario) says of one counter against one narrative."""

    fit: Fit
    reason: str | None = None          # an English msgid, translated by the UI
    text: Text | None = None           # the scenario's own reason, when it overrides

    @property
    def answers(self) -> bool:
        """Only a fitting counter answers a narrative (stops the unanswered cost)."""
        return self.fit is Fit.FITS


# Reasons shared by several techniques.  Sources: seed 003 (« réponse rapide et
# transparente », vérification des sources, collaboration avec les plateformes, éducation
# aux médias, cyber-harcèlement, propagande et radicalisation), seed 004 (trolling and
# astroturfing with fake accounts and bots, misinformation, bias in algorithms), seed 002
# (echo chambers, disagreement that hardens belief).
_R = {
    "debunk_facts": N_("A false claim is answered with verified facts and sources: a "
                       "transparent correction is the fitting answer."),
    "debunk_feeds": N_("A public denial gives trolls the attention they want: it feeds the "
                       "row instead of ending it."),
    "debunk_harass": N_("Arguing publicly with harassers puts the targeted person back in "
                        "the spotlight: protect them instead."),
    "debunk_divides": N_("Telling a divided public it is wrong hardens both camps: "
                         "disagreement makes beliefs stronger."),
    "debunk_citizen": N_("Publicly “debunking” a worried citizen's question looks like "
                         "the state silencing its own people: clear information works better."),
    "debunk_volume": N_("Bots do not read corrections: a denial barely dents a network "
                        "that posts thousands of times a day."),
    "debunk_long": N_("A long-running propaganda story is not undone by one denial: it "
                      "is met by exposing its source and preparing audiences."),
    "debunk_hashtag": N_("Denying a hashtag repeats it: reclaim it with your own message "
                         "and report the fake accounts behind it."),
    "report_fake": N_("Fake, stolen or coordinated accounts break the platforms' rules: "
                      "reporting them gets them removed."),
    "report_content": N_("Platforms remove illegal and manipulated content they are shown: "
                         "reporting it is the right channel."),
    "report_speech": N_("A false claim shared by real people breaks no platform rule: the "
                        "platform does little."),
    "report_citizen": N_("Reporting citizens for a worried question looks like censorship "
                         "and costs their trust."),
    "factcheck_fits": N_("Independent fact-checkers are believed where a ministry is "
                         "not: their verdict makes every correction stronger."),
    "factcheck_little": N_("There is no factual claim here for fact-checkers to rate."),
    "prebunk_fits": N_("Warning an audience about the technique before it reaches them "
                       "works better than correcting them afterwards."),
    "prebunk_little": N_("This is not a technique an audience needs to learn to spot: "
                         "a warning changes little."),
    "attribute_fits": N_("Naming the state behind a coordinated campaign, with evidence, "
                         "raises its cost and slows it down."),
    "attribute_little": N_("There is no state campaign to name here: an accusation only "
                           "raises the temperature."),
    "attribute_no_state": N_("No state runs this campaign: naming one is a false "
                             "accusation, and it costs credibility."),
    "attribute_citizen": N_("Accusing a foreign state over a citizen's rumour is an "
                            "accusation without evidence: it costs credibility."),
    "literacy_fits": N_("Media-literacy campaigns make every audience better at spotting "
                        "this technique: slow, but lasting."),
    "literacy_little": N_("A media-literacy campaign is too slow to matter against this."),
    "support_fits": N_("Protecting and publicly supporting the person targeted is the "
                       "answer to harassment: it isolates the harassers."),
    "support_little": N_("No one person is targeted here: support changes little."),
    "post_fits": N_("Clear, calm information on the topic is the fitting answer: it "
                    "gives people what they were looking for."),
    "post_little": N_("A post on the topic informs a few people, but it does not answer "
                      "the campaign itself: use a counter-measure."),
    "post_feeds": N_("Engaging the trolls on their topic gives them a stage."),
    "monitor": N_("Watching is not answering; but a narrative spotted before it spreads "
                  "makes every later counter stronger (early warning)."),
}

# technique -> counter -> (fit, reason key).  A counter not listed does little, with the
# counter's generic "little" reason.
_FITS, _WEAK, _BACK = Fit.FITS, Fit.WEAK, Fit.BACKFIRES
_TABLE: dict[Technique, dict[str, tuple[Fit, str]]] = {
    T.FAKE_NEWS: {M.DEBUNK: (_FITS, "debunk_facts"), M.FACTCHECK: (_FITS, "factcheck_fits"),
                  M.PREBUNK: (_FITS, "prebunk_fits"), M.LITERACY: (_FITS, "literacy_fits"),
                  M.REPORT: (_WEAK, "report_speech")},
    T.DEEPFAKE: {M.DEBUNK: (_FITS, "debunk_facts"), M.FACTCHECK: (_FITS, "factcheck_fits"),
                 M.REPORT: (_FITS, "report_content"), M.PREBUNK: (_FITS, "prebunk_fits"),
                 M.ATTRIBUTE: (_FITS, "attribute_fits")},
    T.IMPERSONATION: {M.REPORT: (_FITS, "report_fake"), M.DEBUNK: (_FITS, "debunk_facts"),
                      M.PREBUNK: (_FITS, "prebunk_fits")},
    T.HACKED_ACCOUNT: {M.REPORT: (_FITS, "report_fake"), M.DEBUNK: (_FITS, "debunk_facts"),
                       M.ATTRIBUTE: (_FITS, "attribute_fits")},
    T.BOTS: {M.REPORT: (_FITS, "report_fake"), M.ATTRIBUTE: (_FITS, "attribute_fits"),
             M.LITERACY: (_FITS, "literacy_fits"), M.DEBUNK: (_WEAK, "debunk_volume")},
    T.ASTROTURFING: {M.REPORT: (_FITS, "report_fake"), M.ATTRIBUTE: (_FITS, "attribute_fits"),
                     M.FACTCHECK: (_FITS, "factcheck_fits"),
                     M.DEBUNK: (_WEAK, "debunk_volume")},
    T.TROLLING: {M.REPORT: (_FITS, "report_fake"), M.LITERACY: (_FITS, "literacy_fits"),
                 M.PREBUNK: (_FITS, "prebunk_fits"), M.DEBUNK: (_BACK, "debunk_feeds"),
                 M.ATTRIBUTE: (_BACK, "debunk_feeds"), POST: (_BACK, "post_feeds")},
    T.HARASSMENT: {M.SUPPORT: (_FITS, "support_fits"), M.REPORT: (_FITS, "report_fake"),
                   M.DEBUNK: (_BACK, "debunk_harass"), M.ATTRIBUTE: (_BACK, "debunk_harass"),
                   POST: (_BACK, "debunk_harass")},
    T.POLARISATION: {M.LITERACY: (_FITS, "literacy_fits"), M.PREBUNK: (_FITS, "prebunk_fits"),
                     POST: (_FITS, "post_fits"), M.DEBUNK: (_BACK, "debunk_divides"),
                     M.ATTRIBUTE: (_BACK, "debunk_divides")},
    T.PROPAGANDA: {M.PREBUNK: (_FITS, "prebunk_fits"), M.LITERACY: (_FITS, "literacy_fits"),
                   M.FACTCHECK: (_FITS, "factcheck_fits"), M.REPORT: (_FITS, "report_content"),
                   M.ATTRIBUTE: (_FITS, "attribute_fits"), M.DEBUNK: (_WEAK, "debunk_long")},
    T.ELECTION_INTERFERENCE: {M.REPORT: (_FITS, "report_fake"),
                              M.FACTCHECK: (_FITS, "factcheck_fits"),
                              M.ATTRIBUTE: (_FITS, "attribute_fits"),
                              M.DEBUNK: (_FITS, "debunk_facts"),
                              M.PREBUNK: (_FITS, "prebunk_fits")},
    T.HASHTAG_CAMPAIGN: {M.REPORT: (_FITS, "report_fake"), POST: (_FITS, "post_fits"),
                         M.ATTRIBUTE: (_FITS, "attribute_fits"),
                         M.DEBUNK: (_WEAK, "debunk_hashtag")},
    T.RUMOUR: {POST: (_FITS, "post_fits"), M.FACTCHECK: (_FITS, "factcheck_fits"),
               M.LITERACY: (_FITS, "literacy_fits"), M.DEBUNK: (_BACK, "debunk_citizen"),
               M.REPORT: (_BACK, "report_citizen"), M.ATTRIBUTE: (_BACK, "attribute_citizen")},
}
_LITTLE = {M.DEBUNK: "debunk_long", M.PREBUNK: "prebunk_little", M.REPORT: "report_speech",
           M.FACTCHECK: "factcheck_little", M.ATTRIBUTE: "attribute_little",
           M.MONITOR: "monitor", M.LITERACY: "literacy_little", M.SUPPORT: "support_little",
           POST: "post_little"}


def _verdict(technique: Technique, counter: str) -> Verdict:
    """A cell: the table above for the measures it has a column for, else the column in
    the measure's own entry (``engine/measures.py``)."""
    row = _TABLE[technique]
    if counter in row or counter in _LITTLE:
        fit, key = row.get(counter, (Fit.WEAK, _LITTLE[counter]))
        return Verdict(fit, _R[key])
    entry = measures.MEASURES[counter]
    fit_name, reason = entry.column.get(technique, (Fit.WEAK, entry.little))
    return Verdict(Fit(fit_name), reason)


TABLE: Final = MappingProxyType({
    technique: MappingProxyType({counter: _verdict(technique, counter) for counter in COUNTERS})
    for technique in _TABLE})


_FALSE_ACCUSATION: Final = Verdict(Fit.BACKFIRES, _R["attribute_no_state"])


def judge(narrative: Any, counter: str) -> Verdict:
    """The verdict on *counter* ("post" or a measure's value) against *narrative* (the
    scenario's model): the narrative's own override if it has one, else the table; naming
    a state behind a campaign no state runs always backfires."""
    override = (getattr(narrative, "counters", None) or {}).get(str(counter))
    if override is not None:
        return Verdict(Fit(override.fit), None, override.reason)
    if str(counter) == Measure.ATTRIBUTE and not narrative.state_sponsored:
        return _FALSE_ACCUSATION  # the table's "fits" assumes a state campaign
    row = TABLE.get(narrative.technique)  # a Technique already, from the model
    if row is None:
        row = TABLE[Technique(narrative.technique)]
    verdict = row.get(str(counter))
    if verdict is None:  # a measure registered after this module was imported
        return _verdict(Technique(narrative.technique), str(counter))
    return verdict


def fitting(narrative: Any) -> list[str]:
    """The counters that fit *narrative*, in the table's order."""
    return [c for c in (*measures.MEASURES, POST) if judge(narrative, c).fit is Fit.FITS]
