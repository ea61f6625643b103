"""The scenario's ids and texts: they live in :mod:`game.text`, below the engine and this
layer; this name stays for the callers that use it."""

from game.text import (
    BUNDLED_LANGUAGES,
    LANGUAGE_PATTERN,
    MAX_TEXT_CHARS,
    Bool,
    Id,
    LanguageCode,
    Strict,
    Text,
    is_french,
)

__all__ = ["BUNDLED_LANGUAGES", "LANGUAGE_PATTERN", "MAX_TEXT_CHARS", "Bool", "Id",
           "LanguageCode", "Strict", "Text", "is_french"]
