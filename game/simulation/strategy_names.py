"""The simulator's players named for readers: a name and a one-line description each,
shared by the balance page, its choices table and the exported student reports."""

from __future__ import annotations

from game.i18n import N_, _

STRATEGY_TEXT: dict[str, tuple[str, str]] = {
    "lesson": (N_("Lesson"), N_("plays what the scenario teaches: the answers its author "
                                "recommends, the counter that fits each technique, monitoring "
                                "early; never reads an effect number")),
    "random": (N_("Random"), N_("picks any legal action at random")),
    "passive": (N_("Passive"), N_("does nothing at all")),
    "always_confront": (N_("Always confront"), N_("hits back at everything, publicly")),
    "always_debunk": (N_("Always debunk"), N_("debunks every narrative at once, every turn")),
    "longest_label": (N_("Longest label"), N_("always picks the longest answer, posts facts, "
                                              "never counters")),
    "sounds_open": (N_("Sounds transparent"), N_("answers each crisis with the answer that "
                                                 "sounds most open, otherwise plays the "
                                                 "lesson")),
    "ignore_disinfo": (N_("Ignores disinformation"), N_("good crisis answers and calm posts, "
                                                        "but no counter-measure at all")),
    "topic_posts": (N_("Posts instead of countering"), N_("good crisis answers, and calm "
                                                          "posts on the narratives' topics "
                                                          "instead of counter-measures")),
    "same_post": (N_("Same post"), N_("sends one and the same post all game, answers no "
                                      "crisis")),
    "crisis_only": (N_("Crises only"), N_("good crisis answers, nothing else")),
    "good_start": (N_("Good start"), N_("plays the lesson for the first half of the game, "
                                        "then does nothing: later crises unanswered, "
                                        "narratives left to grow back")),
    "textbook": (N_("Textbook"), N_("reads the effect numbers in the file, which "
                                                 "no student sees: an upper bound, not a "
                                                 "student")),
    "empathetic": (N_("Empathetic"), N_("reads the effects, favours soft power "
                                                     "and support, never debunks or accuses: "
                                                     "an upper bound")),
    "firm": (N_("Firm"), N_("reads the effects, favours credibility, attributes "
                                         "and debunks: an upper bound")),
}


def strategy_name(name: str) -> str:
    return _(STRATEGY_TEXT[name][0]) if name in STRATEGY_TEXT else name
