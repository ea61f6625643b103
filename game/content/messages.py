"""The checker's messages: one stable code per problem, one translatable sentence per code.

Codes are part of ``check --json`` output and of the tests; sentences are gettext
messages (English msgids, French in ``locales/fr``).  Parameters are named, so a
translation may reorder them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from game.content.controls import escaped
from game.i18n import N_, _, babel_locale, fmt_number, fmt_percent, get_language, language_name
from game.invocation import command_name

MESSAGES: dict[str, str] = {
    # reading the file
    "file_unreadable": N_("cannot read the file: {reason}"),
    "file_too_large": N_("the file is {size} bytes; a scenario file may be at most {limit} bytes"),
    "binary_file": N_("this is not a text file (it contains binary data); a scenario is a "
                      "YAML text file saved as UTF-8"),
    "not_utf8": N_("the file is not UTF-8 (byte {byte} here); save it again as UTF-8 "
                   "(in most editors: “Save with encoding” → UTF-8)"),
    "utf16_file": N_("the file is saved as UTF-16 (“Unicode” in some editors); save it "
                     "again as UTF-8"),
    "not_regular_file": N_("this is not an ordinary file (a device, a pipe or a folder); a "
                           "scenario is a YAML text file"),
    "empty_file": N_("the file is empty; start from “{command} new FILE”"),
    "multiple_documents": N_("a scenario file holds one YAML document; remove this “---” and "
                             "what follows, or put it in its own file"),
    # YAML syntax
    "tab_indent": N_("a tab character is used for indentation; YAML needs spaces"),
    "tab_in_line": N_("a tab character between a key and its value, or after a value; YAML "
                      "needs spaces there: replace the tab with a space"),
    "unclosed_quote": N_("this quote is never closed on its line; add the closing quote"),
    "bad_escape": N_("“{escape}” is not an escape YAML knows inside double quotes; write "
                     "each backslash twice (\\\\) or put the text in single quotes"),
    "empty_key": N_("a colon with no key before it; write the key first (“key: value”)"),
    "empty_item_key": N_("this list item is a colon with no key; write “- key: value”, or "
                         "remove the colon"),
    "text_after_quote": N_("text goes on after the closing quote; put the whole value "
                           "inside the quotes"),
    "colon_in_value": N_("a “: ” inside a value; put the whole value in quotes"),
    "expected_colon": N_("expected “key: value” here; is a colon missing?"),
    "bad_indent": N_("the indentation does not match the lines above; indent with the same "
                     "number of spaces as the other keys at this level"),
    "indent_less": N_("indentation: “{key}” is indented by {found} (spaces), “{neighbour}” "
                      "next to it by {expected}; the keys of one map line up: indent “{key}” "
                      "like “{neighbour}”"),
    "indent_more": N_("indentation: “{key}” is indented by {found} (spaces), “{neighbour}” "
                      "above it by {expected}; the keys of one map line up: indent “{key}” "
                      "like “{neighbour}”"),
    "undefined_alias": N_("this alias (*name) refers to an anchor (&name) that is not defined "
                          "above it"),
    "yaml_syntax": N_("YAML syntax error: {problem} {context}"),
    "too_many_nodes": N_("the file expands to more than {limit} values (anchors and aliases "
                         "repeated inside each other?); refusing to read further"),
    "tag_not_allowed": N_("the tag “{tag}” is not allowed: scenario files hold only text, "
                          "numbers, lists and maps, never code"),
    "scalar_too_long": N_("this value is longer than {limit} characters"),
    "control_character": N_("this value holds the invisible control character {char}, which "
                            "the game cannot show; remove it (only tabs and line breaks are "
                            "allowed)"),
    "number_too_large": N_("this number is too large"),
    "bad_tagged_value": N_("“{value}” is not a valid {tag}"),
    "complex_key": N_("a key must be plain text, not a list or a map"),
    "too_deep": N_("the file is nested more than {limit} levels deep"),
    "bad_merge": N_("“<<” must merge a map (an alias to an anchored map)"),
    "duplicate_key": N_("the key “{key}” is written twice in this map (first at line "
                        "{first_line}); YAML would keep only the last one"),
    # structure and types
    "top_not_mapping": N_("a scenario is a map of keys (schema_version, meta, …), not {found}"),
    "schema_version": N_("schema_version {found} is not supported; this game reads version "
                         "{supported}"),
    "missing_key": N_("the key “{key}” is required here"),
    "unknown_key": N_("unknown key “{key}”"),
    "wrong_type": N_("expected {expected}, found {found}"),
    "bool_for_text": N_("expected text, found a yes/no value; put the text in quotes"),
    "number_for_text": N_("expected text, found the number {value}; put it in quotes to "
                          "make it text"),
    "text_for_boolean": N_("“{value}” is text in a scenario; write true or false"),
    "quoted_number": N_("“{value}” is in quotes, so it is text; write the number without "
                        "quotes"),
    "text_map_expected": N_("a text the player reads is written in each language, like "
                            "{{fr: \"…\", en: \"…\"}}"),
    "not_one_of": N_("“{value}” is not one of: {allowed}"),
    "too_small": N_("must be at least {limit}"),
    "too_big": N_("must be at most {limit}"),
    "too_few_items": N_("needs at least {limit} item(s)"),
    "too_many_items": N_("may have at most {limit} item(s)"),
    "text_too_long": N_("this text is longer than {limit} characters"),
    "text_empty": N_("this text is empty"),
    "bad_id": N_("“{value}” is not a valid id: use lower-case letters, digits, “_” or “-”, "
                 "starting with a letter"),
    "bad_number": N_("expected a number, found “{value}”"),
    "bad_whole_number": N_("expected a whole number, found “{value}”"),
    "invalid": N_("invalid value: {detail}"),
    "call_shape": N_("write each {kind} as a single key naming it, like “{example}”"),
    "unknown_condition": N_("unknown condition “{name}”"),
    "unknown_effect": N_("unknown effect “{name}”"),
    # meaning
    "duplicate_id": N_("the {kind} id “{id}” is already used at line {first_line}"),
    "unknown_ref": N_("no {kind} has the id “{id}”"),  # TRANSLATORS: {kinds} is the plural
    "unknown_choice": N_("the event “{event}” has no choice “{id}”"),
    "missing_translation": N_("this text has no {missing}"),
    "language_not_declared": N_("“{language}” is not in meta.languages"),
    "flag_never_set": N_("the flag “{flag}” is tested but no effect ever sets it"),
    "flag_never_tested": N_("the flag “{flag}” is set but no condition ever tests it"),
    "event_turn_out_of_range": N_("turn {turn} is after the last turn ({turns}): this event "
                                  "can never fire"),
    "event_unreachable": N_("the event “{id}” can never fire: {reason}"),
    "ending_unreachable": N_("the ending “{id}” can never be reached: {reason}"),
    "event_never_played": N_("the event “{id}” did not fire in any of {games} quick games "
                             "played by the scripted players: rare, or it needs something no "
                             "player does"),
    "ending_never_played": N_("the ending “{id}” was not reached in any of {games} quick games "
                              "played by the scripted players: rare, or it needs something no "
                              "player does"),
    "reason_no_trigger": N_("it has no turn, no condition, and no effect schedules it"),
    "reason_condition": N_("its condition can never hold"),
    "reason_after_default": N_("an ending without a condition comes before it"),
    "reason_turns": N_("this turn bound leaves no turn at which the condition holds (it is "
                       "tested on {window})"),
    "reason_flag_both": N_("it needs the flag “{flag}” both set and not set"),
    "reason_flag_late": N_("the flag “{flag}” is set on turn {turn} at the earliest, after "
                           "the last turn this is tested ({last})"),
    "reason_flag_never": N_("the flag “{flag}” is never set by anything that can happen"),
    "reason_indicator": N_("its bounds on “{indicator}” leave no value between 0 and 100"),
    "reason_no_alternative": N_("none of the conditions under “any” can ever hold"),
    "reason_event_never": N_("the event “{event}” cannot have fired by then (or has no "
                             "crisis)"),
    "reason_narrative_never": N_("the narrative “{narrative}” cannot have started by then"),
    "reason_scheduled_never": N_("only effects schedule it, and none of them can happen "
                                 "before the last turn"),
    "bad_handle": N_("“{value}” is not a handle: write “@” then up to 30 letters, digits or “_”"),
    "bad_language": N_("“{value}” is not a language code (two letters, like “fr” or “en”)"),
    "no_default_ending": N_("no ending without a condition: the last ending should have no "
                            "“when”, so that every game ends somewhere"),
    "narrative_never_launched": N_("the narrative “{id}” never starts: give it a start_turn or "
                                   "launch it with an effect"),
    "start_turn_out_of_range": N_("start_turn {turn} is after the last turn ({turns})"),
    "from_turn_out_of_range": N_("from_turn {turn} is after the last turn ({turns}): this "
                                 "topic is never offered"),
    "choice_id_duplicate": N_("the choice id “{id}” is used twice in this event"),
    "path_absolute": N_("“{path}” is an absolute path; use a path inside the scenario's folder"),
    "path_escapes": N_("“{path}” leads outside the scenario's folder"),
    "path_bad_character": N_("“{path}” holds an invisible or direction-changing character "
                             "({char}); rename the file with plain letters"),
    "path_missing": N_("the file “{path}” does not exist next to the scenario"),
    "path_not_image": N_("“{path}” is not a PNG or JPEG image"),
    "path_too_large": N_("“{path}” is {size} bytes; an image may be at most {limit} bytes"),
    "concept_unused": N_("the concept card “{id}” is never met: no event, choice or narrative "
                         "names it"),
    "event_no_debrief": N_("the crisis “{id}” has no debrief explanation on any of its choices"),
    "text_too_long_screen": N_("this text has {length} characters; at the largest text size "
                               "the screen shows about {limit}"),
    "dominant_choice": N_("the choice “{id}” is better than every other choice of this crisis "
                          "on every indicator: the dilemma teaches nothing"),
    "longest_label_best": N_("the recommended answer “{id}” is clearly the longest label of "
                             "this crisis: students who pick the longest label win without "
                             "the lesson"),
    "lesson_contradicts_effects": N_("the choice “{id}” is marked as recommended, but its "
                                     "effects are worse than those of “{other}”, marked as "
                                     "poor: the game rewards the answer the lesson warns "
                                     "against"),
    "no_lesson_marks": N_("no choice of this crisis is marked “lesson: recommended”: the "
                          "lesson player and the debrief cannot tell the answer the lesson "
                          "teaches"),
    "item_cue": N_("the item “{id}” gives its answer away (“{cue}”): students rate the cue, "
                   "not the claim"),
    "items_unbalanced": N_("this scenario's own items are {reliable} reliable and "
                           "{manipulative} manipulative: a student who always answers the "
                           "same way scores well"),
    "duplicate_audience_language": N_("post language “{language}” is not spoken by any audience"),
    "open_answer_always_best": N_("in every crisis ({count}), the recommended answer is the "
                                  "one that sounds most open, as “{id}” here: students who "
                                  "pick the most transparent-sounding answer win without the "
                                  "lesson"),
    "ending_threshold_differs": N_("the ending “{id}” wants “{narrative}” below {reach} reach, "
                                   "but every narrative's bar is marked at the disinformation "
                                   "threshold, {threshold}: the student aims for the number "
                                   "shown; write {threshold} here or set "
                                   "rules.disinformation_threshold"),
}

DID_YOU_MEAN = N_("did you mean “{suggestion}”?")

_KIND_NAMES: dict[str, str] = {
    "actor": N_("actor"),
    "audience": N_("audience"),
    "narrative": N_("narrative"),
    "event": N_("event"),
    "ending": N_("ending"),
    "concept": N_("concept card"),
    "topic": N_("topic"),
    "flag": N_("flag"),
    "choice": N_("choice"),
    "indicator": N_("indicator"),
    "channel": N_("channel"),
    "condition": N_("condition"),
    "effect": N_("effect"),
}

# Plurals, for sentences where a singular would need a grammatical gender in French.
_KIND_PLURALS: dict[str, str] = {
    "actor": N_("actors"),
    "audience": N_("audiences"),
    "narrative": N_("narratives"),
    "event": N_("events"),
    "ending": N_("endings"),
    "concept": N_("concept cards"),
    "topic": N_("topics"),
    "flag": N_("flags"),
    "choice": N_("choices"),
    "indicator": N_("indicators"),
    "channel": N_("channels"),
    "condition": N_("conditions"),
    "effect": N_("effects"),
}

_TYPE_NAMES: dict[str, str] = {
    "text": N_("text"),
    "number": N_("a number"),
    "whole number": N_("a whole number"),
    "yes/no": N_("true or false"),
    "list": N_("a list"),
    "map": N_("a map of keys"),
    "nothing": N_("nothing"),
}

# TRANSLATORS: adjectives agreeing with "version" ("version française").
_LANGUAGE_ADJECTIVES = {"fr": N_("French version"), "en": N_("English version")}


def kind_name(kind: str) -> str:
    return _(_KIND_NAMES.get(kind, kind))


def type_name(name: str) -> str:
    return _(_TYPE_NAMES.get(name, name))


def _param(key: str, value: Any) -> Any:
    if key == "reason":
        return _(MESSAGES.get(str(value), str(value)))
    if key == "window" and isinstance(value, list | tuple) and len(value) == 2:
        first, last = value
        if first == last:
            return _("turn {turn}").format(turn=fmt_number(first))
        return _("turns {first} to {last}").format(first=fmt_number(first),
                                                    last=fmt_number(last))
    if key == "kind":
        return kind_name(str(value))
    if key in ("expected", "found"):
        return type_name(str(value))
    if key == "missing" and str(value) in _LANGUAGE_ADJECTIVES:
        return _(_LANGUAGE_ADJECTIVES[str(value)])
    if key == "missing":  # a language added as data: named by Babel, in lower case
        name = language_name(str(value), babel_locale()).lower()
        return _("version in {language}").format(language=name)
    if key in ("reach", "threshold") and isinstance(value, int | float):
        return fmt_percent(value / 100)  # a reach, shown as on the narrative's bar
    if key in ("size", "limit", "games") and isinstance(value, int):
        return fmt_number(value)
    if isinstance(value, list | tuple):
        sep = ", "
        return escaped(sep.join(str(v) for v in value))
    if isinstance(value, str):  # a value read from the file: its control characters shown
        return escaped(value)
    return value


def render(code: str, params: Mapping[str, Any]) -> str:
    """The message for *code* in the current language, with its parameters filled in."""
    template = MESSAGES.get(code)
    shown = {k: _param(k, v) for k, v in params.items()}
    shown.setdefault("command", command_name())  # how the user started us, to retype it
    if "reason" in params:  # a reason may name the flag, turn or event it is about
        with contextlib.suppress(KeyError, IndexError, ValueError):
            shown["reason"] = str(shown["reason"]).format(**shown)
    if "kind" in params:
        shown["kinds"] = _(_KIND_PLURALS.get(str(params["kind"]), str(params["kind"])))
    if template is None:
        text = code + (": " + str(dict(params)) if params else "")
    else:
        try:
            text = _(template).format(**shown)
        except (KeyError, IndexError):  # a translation that names a parameter wrongly
            text = template.format(**shown)
    suggestion = params.get("suggestion")
    if suggestion:
        hint = _(DID_YOU_MEAN).format(suggestion=escaped(str(suggestion)))
        text += "\u202f; " + hint if get_language() == "fr" else "; " + hint
    return text.strip()
