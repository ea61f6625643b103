"""The cause and the fix of every checker message (English msgids, French in `core`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.i18n import N_


@dataclass(frozen=True)
class Help:
    """Why a message appears and what to do about it, with an example of its parameters."""

    cause: str
    fix: str
    example: dict[str, Any] = field(default_factory=dict)


HELP: dict[str, Help] = {
    # reading the file
    "file_unreadable": Help(
        N_("The file does not exist, is a folder without `scenario.yaml`, or you may not read it."),
        N_("Check the path you typed; for a scenario folder, the file inside must be called "
           "`scenario.yaml`."),
        {"reason": "No such file or directory"}),
    "file_too_large": Help(
        N_("Scenario files are limited to 8 MB so that a hostile file cannot freeze the game."),
        N_("Images belong in `assets/`, not in the text; split a huge scenario into several."),
        {"size": 9_437_184, "limit": 8_388_608}),
    "binary_file": Help(
        N_("The file is a word-processor document, an image or a zip, not plain text."),
        N_("Write scenarios in a plain-text editor (VS Code, Notepad, TextEdit in plain-text "
           "mode) and save as `.yaml`."),
        {}),
    "not_utf8": Help(
        N_("The editor saved the file in an old encoding (Latin-1, Windows-1252), so accented "
           "letters cannot be read."),
        N_("Save the file again choosing the UTF-8 encoding."),
        {"byte": "0xE9"}),
    "utf16_file": Help(
        N_("The editor saved the file as UTF-16 (Notepad calls it “Unicode”), two bytes per "
           "letter; the game reads UTF-8 only."),
        N_("Save the file again choosing the UTF-8 encoding (in Notepad: “Save as”, "
           "Encoding: UTF-8)."),
        {}),
    "not_regular_file": Help(
        N_("The path names a device (like `/dev/zero`), a pipe or something else that is not "
           "a file saved on disk; the game never reads those."),
        N_("Give the path of the `.yaml` file itself, or of the scenario's folder."),
        {}),
    "empty_file": Help(
        N_("The file holds nothing but blank lines or comments."),
        N_("Create a starter with `{command} new my_scenario.yaml`, or copy a "
           "bundled scenario."),
        {}),
    "multiple_documents": Help(
        N_("A line with three dashes starts a second YAML document; a scenario is one "
           "document."),
        N_("Delete the `---` line (one at the very top is allowed) or move what follows to "
           "another file."),
        {}),
    # YAML syntax
    "tab_indent": Help(
        N_("A line is indented with the Tab key. YAML only accepts spaces."),
        N_("Replace the tab with spaces; most editors can show tabs and convert them "
           "(“Convert indentation to spaces”)."),
        {}),
    "tab_in_line": Help(
        N_("The Tab key was pressed after a colon or at the end of a value. Some YAML readers "
           "accept it, others do not; the game refuses it everywhere so that a file reads the "
           "same on every computer."),
        N_("Replace the tab with a space (most editors can show tabs and convert them)."),
        {}),
    "unclosed_quote": Help(
        N_("A text opened with `\"` has no closing `\"` on the same line, so YAML reads on into "
           "the following lines."),
        N_("Add the closing quote at the end of the text. To put a quote inside a text, use "
           "« » or ’ instead."),
        {}),
    "bad_escape": Help(
        N_("Inside double quotes a backslash starts an escape (`\\n` is a line break), so a "
           "Windows path like `\"C:\\dossier\"` holds an escape YAML does not know."),
        N_("Put the text in single quotes (`'C:\\dossier\\quiz.txt'`), or write each "
           "backslash twice inside double quotes."),
        {"escape": "\\d"}),
    "empty_key": Help(
        N_("A line starts with a colon: the key before it is missing or was deleted."),
        N_("Write the key before the colon, or join the line to the one above if it is the "
           "end of a text."),
        {}),
    "empty_item_key": Help(
        N_("A list item (`- `) holds a colon with no key before it."),
        N_("Write the key after the dash (`- id: ...`), or remove the colon if the item is a "
           "plain text."),
        {}),
    "text_after_quote": Help(
        N_("A value starts with a quoted text and goes on after the closing quote, like "
           "`text: \"#tag\" more`; YAML reads the quotes as the whole value."),
        N_("Put the whole value inside the quotes: `text: \"#tag more\"`."),
        {}),
    "colon_in_value": Help(
        N_("A text contains a colon followed by a space, so YAML takes the start of the text "
           "for a key."),
        N_("Put the whole text in double quotes: `fr: \"Attention : fausse vidéo\"`."),
        {}),
    "expected_colon": Help(
        N_("A line holds a word alone where YAML expects `key: value`."),
        N_("Add the missing colon after the key, or indent the line if it continues the text "
           "above."),
        {}),
    "bad_indent": Help(
        N_("A key is indented by more or fewer spaces than its neighbours, so YAML cannot "
           "tell which map it belongs to."),
        N_("Line it up with the other keys of the same level (two spaces per level is the "
           "custom)."),
        {}),
    "indent_less": Help(
        N_("A key has fewer spaces before it than the keys of its map, so YAML closes the map "
           "there (an error often shows a line later, at the next key)."),
        N_("Give the key named in the message as many spaces as the key it names: keys of "
           "one map start in the same column."),
        {"key": "deadline", "found": 4, "expected": 6, "neighbour": "prompt"}),
    "indent_more": Help(
        N_("A key has more spaces before it than the key above it, which already has a "
           "value, so YAML reads it as the continuation of that value."),
        N_("Remove the extra spaces so that the key starts in the same column as the key "
           "above it."),
        {"key": "virality", "found": 5, "expected": 4, "neighbour": "source"}),
    "undefined_alias": Help(
        N_("A `*name` refers to an anchor `&name` that is not written above it."),
        N_("Define the anchor first, or write the value in full."),
        {}),
    "yaml_syntax": Help(
        N_("Another YAML syntax mistake; the message gives the parser's own words."),
        N_("Look at the line shown and the one above it: a missing quote, bracket or dash is "
           "the usual cause."),
        {"problem": "expected ',' or ']', but got '<stream end>'", "context": ""}),
    "too_many_nodes": Help(
        N_("Anchors and aliases repeat each other until the file would expand into millions "
           "of values (a “billion laughs” file)."),
        N_("Do not nest aliases inside each other; write the values in full."),
        {"limit": 500_000}),
    "tag_not_allowed": Help(
        N_("The file uses a YAML tag (`!!python/…`, `!include`…) that could run code or read "
           "other files."),
        N_("Remove the tag. Scenario files hold only texts, numbers, lists and maps."),
        {"tag": "!!python/object/apply:os.system"}),
    "scalar_too_long": Help(
        N_("One value is longer than 20,000 characters."),
        N_("Shorten it; a text the player reads is limited to 4,000 characters anyway."),
        {"limit": 20_000}),
    "control_character": Help(
        N_("A text holds an invisible control character, usually written as an escape inside "
           "double quotes (`\\0`, `\\e`, `\\a`, `\\x1b`) or pasted from another program. "
           "The game cannot draw it, and a terminal would obey it."),
        N_("Delete the character (or the escape that writes it). Tabs and line breaks are "
           "the only control characters allowed."),
        {"char": "U+0000"}),
    "number_too_large": Help(
        N_("A number has more than 30 digits, or a whole number is written as a huge "
           "decimal (like `1e308`)."),
        N_("Use a realistic number."),
        {}),
    "bad_tagged_value": Help(
        N_("A value is tagged with a type (`!!int`, `!!float`…) it does not have."),
        N_("Remove the tag; the game knows the expected type."),
        {"tag": "!!int", "value": "three"}),
    "complex_key": Help(
        N_("A key is a list or a map (for example `[a, b]: value`)."),
        N_("Keys are plain words such as `title` or `turns`."),
        {}),
    "too_deep": Help(
        N_("Lists and maps are nested more than 40 levels deep."),
        N_("Flatten the file; no scenario needs that many levels."),
        {"limit": 40}),
    "bad_merge": Help(
        N_("`<<:` merges a map into another, but what follows it is not a map."),
        N_("Write `<<: *anchor` with an anchor on a map, or write the keys in full."),
        {}),
    "duplicate_key": Help(
        N_("The same key is written twice in one map; YAML would silently keep only the "
           "second."),
        N_("Delete one of them, or merge their contents."),
        {"key": "author", "first_line": 6}),
    # structure and types
    "top_not_mapping": Help(
        N_("The file starts with a list or a single text instead of keys such as "
           "`schema_version` and `meta`."),
        N_("Start from `{command} new`, or copy the top of a bundled scenario."),
        {"found": "list"}),
    "schema_version": Help(
        N_("`schema_version` says which version of the format the file follows; this game "
           "reads version 1."),
        N_("Write `schema_version: 1`."),
        {"found": 2, "supported": 1}),
    "missing_key": Help(
        N_("A required key is not written in this map."),
        N_("Add the key; the reference below says which keys are required."),
        {"key": "turns"}),
    "unknown_key": Help(
        N_("The key is misspelt, or belongs to another level of indentation."),
        N_("Use the suggested spelling, or check the reference for the keys allowed here."),
        {"key": "turnz", "suggestion": "turns"}),
    "wrong_type": Help(
        N_("The value is of the wrong kind: a text where a list is expected, a map where a "
           "number is expected…"),
        N_("Compare with the type given in the reference; a list is written with dashes or "
           "`[a, b]`, a map with keys."),
        {"expected": "list", "found": "text"}),
    "number_for_text": Help(
        N_("A text field holds a bare number (`version: 2`, `fr: 2024`). The editor's schema "
           "and `check` follow one rule: a number is not a text."),
        N_("Put it in quotes: `version: \"2\"`."),
        {"value": 2024}),
    "text_for_boolean": Help(
        N_("A yes/no key holds `yes`, `no`, `on` or `off`: in a scenario (as in the editor's "
           "YAML 1.2), only `true` and `false` are booleans, the other words are text."),
        N_("Write `true` or `false`."),
        {"value": "yes"}),
    "quoted_number": Help(
        N_("A number is written in quotes (`turns: \"6\"`), which makes it text in YAML. "
           "The editor's schema and `check` follow one rule: a number in quotes is text."),
        N_("Remove the quotes around the number (`turns: 6`, not `turns: \"6\"`)."),
        {"value": "6"}),
    "bool_for_text": Help(
        N_("An unquoted `yes`, `no`, `true` or `false` where a text is expected."),
        N_("Put the text in quotes: `label: {fr: \"Oui\", en: \"Yes\"}`."),
        {}),
    "text_map_expected": Help(
        N_("A text the player reads is written as plain text instead of one text per "
           "language."),
        N_("Write `{fr: \"…\", en: \"…\"}`, or `fr:` and `en:` on two indented lines."),
        {}),
    "not_one_of": Help(
        N_("The value is not one of the words the game knows for this key."),
        N_("Use one of the listed values, spelt exactly (lower case, with `_`)."),
        {"value": "sucess", "allowed": ["success", "mixed", "failure"],
         "suggestion": "success"}),
    "too_small": Help(
        N_("The number is below the smallest value allowed."),
        N_("Use a number within the limits given in the reference."),
        {"limit": 1}),
    "too_big": Help(
        N_("The number is above the largest value allowed."),
        N_("Use a number within the limits given in the reference (gauges go from 0 to 100)."),
        {"limit": 100}),
    "too_few_items": Help(
        N_("The list has fewer items than required (a crisis needs at least two choices)."),
        N_("Add items to the list."),
        {"limit": 2}),
    "too_many_items": Help(
        N_("The list has more items than allowed (six choices per crisis, for example)."),
        N_("Remove items, or split them over several events."),
        {"limit": 6}),
    "text_too_long": Help(
        N_("A text is longer than 4,000 characters, or a topic's draft longer than 280 (a "
           "post's length)."),
        N_("Shorten it; the player reads it on a screen."),
        {"limit": 4000}),
    "text_empty": Help(
        N_("A text is empty in every language."),
        N_("Write the text, or remove the key if it is optional."),
        {}),
    "bad_id": Help(
        N_("An id contains capitals, spaces, accents or starts with a digit."),
        N_("Use lower-case letters, digits, `_` or `-`: `fake_video`, `rival-tweet`."),
        {"value": "Fake Video"}),
    "bad_number": Help(
        N_("A number is expected but the value is a word, or uses a decimal comma."),
        N_("Write the number with a decimal point: `0.5`, not `0,5`."),
        {"value": "0,5"}),
    "bad_whole_number": Help(
        N_("A whole number is expected but the value is a word or has decimals."),
        N_("Write the number in digits: `4`, not `four` or `4.5`."),
        {"value": "four"}),
    "bad_handle": Help(
        N_("An account handle must start with `@` and hold only letters, digits and `_`."),
        N_("Write it in quotes, like `\"@MFA_Valmeria\"` (no spaces, no accents, no dots)."),
        {"value": "@MAE Valmérie"}),
    "bad_language": Help(
        N_("A language is written as a name instead of its two-letter code."),
        N_("Write `fr` for French, `en` for English."),
        {"value": "french"}),
    "invalid": Help(
        N_("Another problem with a value; the message gives the details."),
        N_("Compare the value with the reference below."),
        {"detail": "value is not valid"}),
    "call_shape": Help(
        N_("A condition or effect is written with several keys, or as a plain word."),
        N_("Write each one as a map with one key naming it: `{set_flag: video_seen}`. "
           "For several effects, use a list: `[{…}, {…}]`."),
        {"kind": "effect", "example": "{change: {credibility: 5}}"}),
    "unknown_condition": Help(
        N_("The condition name is misspelt or does not exist."),
        N_("Use one of the conditions listed in the reference."),
        {"name": "flag_set", "suggestion": "flag"}),
    "unknown_effect": Help(
        N_("The effect name is misspelt or does not exist."),
        N_("Use one of the effects listed in the reference."),
        {"name": "set_flags", "suggestion": "set_flag"}),
    # meaning
    "duplicate_id": Help(
        N_("Two items of the same list have the same id, so references to it are ambiguous."),
        N_("Rename one of them (and the references that meant it)."),
        {"kind": "event", "id": "press_conference", "first_line": 40}),
    "choice_id_duplicate": Help(
        N_("Two choices of one crisis have the same id."),
        N_("Give each choice of the crisis its own id."),
        {"id": "stay_silent"}),
    "unknown_ref": Help(
        N_("An id names something that is not defined: a typo, or an item you have not "
           "written yet."),
        N_("Fix the spelling (see the suggestion) or add the missing item."),
        {"kind": "actor", "id": "rivall", "suggestion": "rival"}),
    "unknown_choice": Help(
        N_("`choice_made` names a choice that the crisis of that event does not have."),
        N_("Use the id of one of that crisis's choices."),
        {"event": "rival_tweet", "id": "call", "suggestion": "call_privately"}),
    "missing_translation": Help(
        N_("A text is written in one language only, but `meta.languages` declares both."),
        N_("Add the missing language (`{fr: \"…\", en: \"…\"}`), or declare only the language "
           "you write in."),
        {"missing": "en"}),
    "language_not_declared": Help(
        N_("A language is used that `meta.languages` does not declare."),
        N_("Add it to `meta.languages`, or remove the texts in that language."),
        {"language": "en"}),
    "duplicate_audience_language": Help(
        N_("The desk can post in a language that no audience speaks."),
        N_("Remove that language from `country.post_languages`, or add an audience speaking "
           "it."),
        {"language": "de"}),
    "flag_never_set": Help(
        N_("A condition (or an `evidence_flag`) tests a flag that no `set_flag` effect ever sets, "
           "so it is always false: often a typo in the flag's name."),
        N_("Fix the spelling, or add `{set_flag: …}` to the choice or event that should set "
           "it."),
        {"flag": "video_verifed", "suggestion": "video_verified"}),
    "flag_never_tested": Help(
        N_("A flag is set but no condition reads it, so setting it changes nothing."),
        N_("Test it somewhere (`{flag: …}` in an event's or ending's `when`), or remove "
           "the `set_flag`."),
        {"flag": "apology_made"}),
    "event_turn_out_of_range": Help(
        N_("The event's turn is after the scenario's last turn (`meta.turns`)."),
        N_("Lower the `turn`, or raise `meta.turns`."),
        {"turn": 12, "turns": 10}),
    "start_turn_out_of_range": Help(
        N_("The narrative starts after the scenario's last turn."),
        N_("Lower `start_turn`, or raise `meta.turns`."),
        {"turn": 12, "turns": 10}),
    "from_turn_out_of_range": Help(
        N_("The topic is offered from a turn after the scenario's last turn, so no student "
           "can ever post about it."),
        N_("Lower `from_turn`, or raise `meta.turns`."),
        {"turn": 12, "turns": 10}),
    "event_unreachable": Help(
        N_("Nothing can make this event happen: it has no `turn`, no `when`, and no effect "
           "schedules it; or its condition needs something that never happens."),
        N_("Give it a `turn` or a `when`, or schedule it with `follow_up` or `schedule_event` "
           "from another event or choice."),
        {"id": "press_conference", "reason": "reason_no_trigger"}),
    "ending_unreachable": Help(
        N_("The ending can never be chosen: an ending without a condition comes before it "
           "(endings are tried in order), or its condition can never hold. The message points "
           "at the part of the condition that cannot hold: turn bounds that leave no turn "
           "(an ending without `early: true` is tested after the last turn only), a flag "
           "required both set and not set, or set only after the last turn it is tested, "
           "indicator bounds that leave no value."),
        N_("Move the ending without `when` to the end of the list, or fix the part of the "
           "condition the message points at."),
        {"id": "summit_saved", "reason": "reason_after_default"}),
    "event_never_played": Help(
        N_("`check --play N` played N quick games, shared among every scripted player, and "
           "this event never fired: its condition is possible on paper but needs gauges, "
           "flags or answers that no player reached."),
        N_("Lower the bound it waits for, or make the flag it needs easier to set; then run "
           "`{command} simulate FILE --strategy all` to see how often it comes."),
        {"id": "press_conference", "games": 100}),
    "ending_never_played": Help(
        N_("`check --play N` played N quick games, shared among every scripted player, and "
           "none reached this ending."),
        N_("Loosen its condition, or move it before an ending that catches the same games; "
           "`{command} simulate FILE --strategy all --html report.html` shows which "
           "endings each player reaches."),
        {"id": "summit_saved", "games": 100}),
    "no_default_ending": Help(
        N_("Every ending has a condition, so a game could end with none of them."),
        N_("Add a last ending without `when` (a `mixed` ending is usual)."),
        {}),
    "narrative_never_launched": Help(
        N_("The narrative has no `start_turn` and no `launch_narrative` effect starts it."),
        N_("Give it a `start_turn`, or add `{launch_narrative: …}` to an event."),
        {"id": "fake_video"}),
    "path_absolute": Help(
        N_("An image path starts at the root of your disk (`C:\\…` or `/home/…`), so it would "
           "not exist on a colleague's computer."),
        N_("Put the image in the scenario's `assets/` folder and write `assets/name.png`."),
        {"path": "C:/Users/me/logo.png"}),
    "path_escapes": Help(
        N_("An image path goes up out of the scenario's folder (`..`) or through a link that "
           "leads elsewhere."),
        N_("Copy the image into the scenario's `assets/` folder."),
        {"path": "../secret.png"}),
    "path_bad_character": Help(
        N_("An image path holds a control character or a direction override (like U+202E, "
           "which shows “gnp.exe” as “exe.png”): the name would not read as what it is."),
        N_("Rename the image with plain letters, digits, “_” or “-”, and write the new "
           "name in the scenario."),
        {"path": "assets/\u202egnp.png", "char": "U+202E"}),
    "path_missing": Help(
        N_("No file has this name in the scenario's folder (capitals count)."),
        N_("Check the spelling and that the image is in `assets/`."),
        {"path": "assets/horizon.png"}),
    "path_not_image": Help(
        N_("The file is not a PNG or JPEG image (perhaps a GIF, a WebP or a renamed file)."),
        N_("Convert the image to PNG or JPEG."),
        {"path": "assets/logo.gif"}),
    "path_too_large": Help(
        N_("The image is larger than 2 MB."),
        N_("Resize it (a few hundred pixels wide is plenty) or save it as JPEG."),
        {"path": "assets/photo.png", "size": 5_242_880, "limit": 2_097_152}),
    "concept_unused": Help(
        N_("A concept card is written but no event, choice or narrative names it, so the "
           "debrief never shows it."),
        N_("Add its id to the `concepts` of the event, choice or narrative where the idea "
           "comes up."),
        {"id": "prebunking"}),
    "event_no_debrief": Help(
        N_("A crisis has no `debrief` text, on the event or on any choice, so the debrief "
           "cannot explain it."),
        N_("Add a `debrief` to the event or to its choices: why this answer is good or bad."),
        {"id": "rival_tweet"}),
    "text_too_long_screen": Help(
        N_("The text is longer than its place on screen at the largest text size."),
        N_("Shorten it; put details in the debrief, which has more room."),
        {"length": 340, "limit": 280}),
    "dominant_choice": Help(
        N_("One choice is better than every other on every gauge and costs no more: students "
           "will always pick it and learn nothing."),
        N_("Give it a price: a cost, a gauge that drops, or a follow-up event."),
        {"id": "apologise"}),
    "longest_label_best": Help(
        N_("The answer the lesson recommends has a much longer label than every other "
           "choice (a quarter longer, in one of the languages). Students soon learn to pick "
           "the longest label without reading."),
        N_("Make the labels about the same length: give the other choices the same detail, "
           "or say the recommended one more briefly."),
        {"id": "apologise_fix"}),
    "open_answer_always_best": Help(
        N_("In every crisis of the scenario, the answer marked `lesson: recommended` is the "
           "one whose label sounds most open: the most words like publish, confirm, name, "
           "everything or transparency, the fewest like quietly, wait, nothing or accuse. "
           "The simulator's `sounds_open` player, a student who always reaches for the most "
           "transparent-sounding answer, then answers every crisis as the lesson wants "
           "without weighing the situation."),
        N_("Write at least one crisis where the open-sounding answer is the trap, as the "
           "source documents teach it (naming a culprit before the evidence, confirming "
           "what is not verified, exposing people at risk), or word the recommended answer "
           "plainly; then run `python main.py simulate FILE --strategy all`: `sounds_open` "
           "must not win."),
        {"id": "publish_everything", "count": 3}),
    "lesson_contradicts_effects": Help(
        N_("A choice marked `lesson: recommended` has worse effects than a choice marked "
           "`lesson: poor` (credibility, low tension, soft power, support and security "
           "weighed together): the game would reward the answer the lesson warns against."),
        N_("Change the effects so that the recommended answer pays off, or change the "
           "marks."),
        {"id": "apologise_fix", "other": "defend_map"}),
    "no_lesson_marks": Help(
        N_("Without `lesson: recommended` on one of its choices, the simulator's lesson "
           "player picks an answer from the effects and the debrief cannot say which "
           "answer the lesson recommends."),
        N_("Add `lesson: recommended` to the answer the lesson teaches, and `lesson: poor` "
           "to the answers it warns against."),
        {}),
    "item_cue": Help(
        N_("A before/after item's text says how trustworthy it is (“(account created "
           "yesterday)”, “verified account”, “forwarded message”): students answer from "
           "that cue, so the item measures reading, not judgement."),
        N_("Remove the cue from the text; the item's `source:` may say who published it, "
           "which is what students should weigh. Give reliable and manipulative items the "
           "same kinds of sources."),
        {"id": "q_refund", "cue": "(account created yesterday)"}),
    "items_unbalanced": Help(
        N_("The scenario's own `questions:` hold more than one item more of one kind "
           "(reliable or manipulative) than of the other; forms drawn from them lean to one "
           "answer."),
        N_("Write as many reliable items as manipulative ones (one more of either at most)."),
        {"reliable": 4, "manipulative": 1}),
    "ending_threshold_differs": Help(
        N_("An ending's condition asks a narrative to end below one reach, while the game "
           "marks every narrative's bar, and the briefing names, another: "
           "`rules.disinformation_threshold` (30% unless the scenario sets it). A student "
           "who brings the rumour under the mark shown still misses the ending, and cannot "
           "tell why until the end. Only conditions every game must meet are compared: "
           "`narrative_reach_below` directly or inside `all`, and `not` of "
           "`narrative_reach_at_least`; one inside `any` is an alternative, not a bar."),
        N_("Write the threshold's number in the condition, or set "
           "`rules.disinformation_threshold` to the number the ending needs, so the bar "
           "shows it; then run `{command} simulate FILE --strategy all` again."),
        {"id": "summit_saved", "narrative": "fake_video", "reach": 20, "threshold": 30}),
}
