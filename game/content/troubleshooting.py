"""The troubleshooting section of the authoring guide: every checker message, its cause, its fix.

Each code of :data:`game.content.messages.MESSAGES` has an entry here with parameters
for a realistic example; the guide shows the message exactly as ``check`` prints it, in
the reader's language.  A test fails when a code has no entry.
"""

from __future__ import annotations

import re

from game.content.messages import render
from game.content.troubleshooting_help import HELP
from game.i18n import N_, _, get_language
from game.invocation import with_command

# The guides are read beside a clone: they show its command (the README names the others).
GUIDE_COMMAND = "python main.py"

# Codes that are parts of other messages (the reason an event can never fire), not messages.
PARTS = ("reason_no_trigger", "reason_condition", "reason_after_default", "reason_turns",
         "reason_flag_both", "reason_flag_late", "reason_flag_never", "reason_indicator",
         "reason_no_alternative", "reason_event_never", "reason_narrative_never",
         "reason_scheduled_never")

GROUPS: list[tuple[str, tuple[str, ...]]] = [
    (N_("Reading the file"), ("file_unreadable", "not_regular_file", "file_too_large",
                              "binary_file", "not_utf8", "utf16_file", "empty_file",
                              "multiple_documents")),
    (N_("YAML syntax"), ("tab_indent", "tab_in_line", "unclosed_quote", "bad_escape",
                         "colon_in_value", "expected_colon", "empty_key", "empty_item_key",
                         "text_after_quote",
                         "bad_indent", "indent_less", "indent_more", "undefined_alias",
                         "yaml_syntax", "too_many_nodes",
                         "tag_not_allowed", "scalar_too_long", "control_character",
                         "number_too_large", "bad_tagged_value", "complex_key", "too_deep",
                         "bad_merge", "duplicate_key")),
    (N_("Keys and values"), ("top_not_mapping", "schema_version", "missing_key", "unknown_key",
                             "wrong_type", "bool_for_text", "number_for_text", "quoted_number",
                             "text_for_boolean",
                             "text_map_expected", "not_one_of",
                             "too_small", "too_big", "too_few_items", "too_many_items",
                             "text_too_long", "text_empty", "bad_id", "bad_number",
                             "bad_whole_number", "bad_handle", "bad_language", "invalid",
                             "call_shape", "unknown_condition", "unknown_effect")),
    (N_("Ids, translations and flags"), (
        "duplicate_id", "choice_id_duplicate", "unknown_ref", "unknown_choice",
        "missing_translation", "language_not_declared", "duplicate_audience_language",
        "flag_never_set", "flag_never_tested")),
    (N_("Turns, events and endings"), (
        "event_turn_out_of_range", "start_turn_out_of_range", "from_turn_out_of_range",
        "event_unreachable",
        "ending_unreachable", "event_never_played", "ending_never_played",
        "no_default_ending", "narrative_never_launched")),
    (N_("Images"), ("path_absolute", "path_escapes", "path_bad_character", "path_missing",
                    "path_not_image", "path_too_large")),
    (N_("Teaching"), ("concept_unused", "event_no_debrief", "text_too_long_screen",
                      "dominant_choice", "longest_label_best", "lesson_contradicts_effects",
                      "no_lesson_marks", "open_answer_always_best", "item_cue",
                      "items_unbalanced",
                      "ending_threshold_differs")),
]

_CODE = re.compile(r"`([^`]+)`")


def fix_advice(code: str) -> str | None:
    """What to do about a diagnostic, as the guide says it, in plain text (for ``check``
    and the F5 dialog): the guide's `code` marks become quotes."""
    help_ = HELP.get(code)
    if help_ is None:
        return None
    opening, closing = ("«\u00a0", "\u00a0»") if get_language() == "fr" else ("“", "”")
    fix = with_command(_(help_.fix))
    return _CODE.sub(lambda m: opening + m.group(1) + closing, fix)


def example_message(code: str) -> str:
    """The message of *code* as ``check`` prints it, with the example's parameters."""
    return render(code, {"command": GUIDE_COMMAND, **HELP[code].example})


def render_troubleshooting() -> str:
    """The troubleshooting section in the current language (Markdown)."""
    out: list[str] = []
    cause_word, fix_word = _("Cause:"), _("Fix:")
    for title, codes in GROUPS:
        heading = _(title)
        out.append(f"### {heading}\n")
        for code in codes:
            help_ = HELP[code]
            message = example_message(code).replace("*", "\\*").replace("<", "&lt;")
            cause, fix = (_(text).replace("{command}", GUIDE_COMMAND)
                          for text in (help_.cause, help_.fix))
            out.append(f"- **{message}** `[{code}]`\n\n  *{cause_word}* {cause}\n\n"
                       f"  *{fix_word}* {fix}\n")
    return "\n".join(out)
