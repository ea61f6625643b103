"""Building blocks of the scenario model: the strict base model, ids and texts per language.

Below both the engine (its effects take ids and texts) and the content layer (the model is
made of them), so that neither imports the other to use them; ``game.content.text`` keeps
the old name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from game.i18n import french_typography

MAX_TEXT_CHARS = 4000

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]{0,63}$")]
Bool = Annotated[bool, Field(strict=True)]
"""``true`` or ``false`` only: in a scenario, ``yes``/``no``/``on``/``off`` are text."""
"""An identifier written by the author: lower-case letters, digits, ``_`` or ``-``."""

# A language as gettext and Babel name it: ``fr``, ``en``, ``de``.
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
# What the bundled scenarios declare (a test holds them to it), and so what the editor's
# schema asks of a text unless told otherwise; a scenario of one's own declares its own.
BUNDLED_LANGUAGES: tuple[str, ...] = ("fr", "en")


class Strict(BaseModel):
    """Frozen, and refuses unknown keys: a typo is reported, never ignored."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        coerce_numbers_to_str=True,
        use_enum_values=False,
    )


class Text(RootModel[dict[LanguageCode, Annotated[str, Field(max_length=MAX_TEXT_CHARS)]]]):
    """A text the player reads, as a map from language code to text: ``{fr: "…", en: "…"}``.

    Any language code is a key (``de``, ``es``…): which ones a scenario must have is its
    ``meta.languages``, which the checker enforces.  French texts get French typography
    (no-break spaces before ``: ; ! ?`` and inside « ») when loaded, so authors may type
    ordinary spaces.
    """

    model_config = ConfigDict(frozen=True, coerce_numbers_to_str=True)

    @field_validator("root")
    @classmethod
    def _french_typography(cls, value: dict[str, str]) -> dict[str, str]:
        return {lang: french_typography(text) if text and is_french(lang) else text
                for lang, text in value.items()}

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not self.as_dict():
            raise PydanticCustomError("text_empty", "text_empty")
        return self

    def __hash__(self) -> int:  # frozen: usable as a key, like the other scenario models
        return hash(tuple(sorted(self.root.items())))

    def get(self, lang: str) -> str | None:
        """The text in *lang*, or None when it has none (or only blanks)."""
        value = self.root.get(lang)
        return value if value and value.strip() else None

    def as_dict(self) -> dict[str, str]:
        """Every language this text has something in, and the text in it (what saves and
        the feed store)."""
        return {lang: value for lang, value in self.root.items() if value.strip()}

    def languages(self) -> set[str]:
        return set(self.as_dict())

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Self:
        """A copy; ``update={"en": "…"}`` replaces or adds that language's text (as when
        each language was a field). Like pydantic's, the copy is not validated again."""
        if update and "root" not in update:
            update = {"root": {**self.root, **update}}
        return super().model_copy(update=update, deep=deep)

    # Attribute access for the two languages code and tests name most often.
    @property
    def fr(self) -> str | None:
        return self.get("fr")

    @property
    def en(self) -> str | None:
        return self.get("en")


def is_french(lang: str) -> bool:
    return lang == "fr"
