"""Building blocks of the scenario model: the strict base model, ids and bilingual texts."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
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

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class Strict(BaseModel):
    """Frozen, and refuses unknown keys: a typo is reported, never ignored."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        coerce_numbers_to_str=True,
        use_enum_values=False,
    )


class Text(Strict):
    """A text the player reads, in each language: ``{fr: "…", en: "…"}``.

    French texts get French typography (no-break spaces before ``: ; ! ?`` and inside
    « ») when loaded, so authors may type ordinary spaces.
    """

    fr: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    en: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)

    @field_validator("fr")
    @classmethod
    def _french_typography(cls, value: str | None) -> str | None:
        return french_typography(value) if value else value

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not (self.fr or "").strip() and not (self.en or "").strip():
            raise PydanticCustomError("text_empty", "text_empty")
        return self

    def get(self, lang: str) -> str | None:
        value = getattr(self, lang, None)
        return value if isinstance(value, str) and value.strip() else None

    def languages(self) -> set[str]:
        return {lang for lang in ("fr", "en") if self.get(lang)}
