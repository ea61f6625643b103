"""argparse's own words (usage, errors, section titles) in the user's language.

argparse looks its messages up through the module-level ``_`` and ``ngettext`` it took
from :mod:`gettext`; pointing them at the game's catalogs translates ``usage:``, ``error:``
and the usual mistakes ("the following arguments are required") like every other line of
the command line, French typography included.  A message this list does not know (a newer
Python's wording) stays in English.
"""

from __future__ import annotations

import argparse

from game import i18n
from game.i18n import N_

# The messages a user can meet (the others are programming errors in the parser's setup).
MESSAGES = (
    N_("usage: "),
    N_("%(prog)s: error: %(message)s\n"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
)


def translate_argparse() -> None:
    """Make argparse speak the current language (idempotent)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
