"""The one base class for opengov's domain models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class FrozenModel(BaseModel):
    """Immutable, closed pydantic model.

    ``frozen`` makes instances hashable and read-only; ``extra="forbid"`` rejects
    misspelt fields instead of dropping them. Models hold tuples and frozensets,
    never lists or dicts. State changes are named methods that validate a new
    object; never use ``model_copy(update=...)``, which skips validation.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)
