"""The one base class for opengov's domain models, and its one validation bypass."""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

__all__ = ["FrozenModel", "trusted"]


class FrozenModel(BaseModel):
    """Immutable, closed pydantic model.

    ``frozen`` makes instances hashable and read-only; ``extra="forbid"`` rejects
    misspelt fields instead of dropping them. Models hold tuples and frozensets,
    never lists or dicts. State changes are named methods that validate a new
    object; never use ``model_copy(update=...)``, which skips validation.

    Every assignment and deletion is refused, private (``obj._x = 1``) and dunder
    names included, with pydantic's own ``frozen_instance`` error: pydantic on
    its own lets a frozen model take undeclared private attributes.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise _frozen(type(self), name, value)

    def __delattr__(self, name: str) -> NoReturn:
        raise _frozen(type(self), name, None)


def _frozen(cls: type[BaseModel], name: str, value: object) -> ValidationError:
    return ValidationError.from_exception_data(
        cls.__name__, [{"type": "frozen_instance", "loc": (name,), "input": value}]
    )


_M = TypeVar("_M", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def trusted(cls: type[_M], **values: Any) -> _M:
    """Build ``cls`` from values opengov computed itself, skipping validation.

    This is opengov's only way around model validation (it replaces pydantic's
    ``model_construct``, which is slower and fills in defaults). It is for
    results built inside the package on the hot paths, where validating nested
    models would cost more than computing them: the counting engine's deadlines
    and the report reader's tables. The caller passes **every** field, each
    already of its declared type (tuples, enums, dates, nested models that are
    themselves valid); anything that comes from a user goes through normal
    validation instead. Tests compare trusted results with validated rebuilds
    (``Type.model_validate(obj.model_dump())``).
    """
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    if cls.__pydantic_post_init__:
        # private attributes start at their defaults, as after validation (a
        # model keeps derived state there, e.g. an application's replayed history)
        obj.model_post_init(None)
    return obj
