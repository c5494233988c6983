"""Looking up a vocabulary member by its wire code: the one place that decides how."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from opengov._show import show
from opengov.errors import InvalidInputError, UnknownCodeError

E = TypeVar("E", bound=Enum)


def _unknown(enum_type: type[Enum], code: object) -> UnknownCodeError:
    known = ", ".join(repr(m.value) for m in enum_type)
    return UnknownCodeError(
        f"unknown {enum_type.__name__} code {show(code)}; known codes: {known}"
        + ("" if isinstance(code, str) else f" (codes are strings, got {type(code).__name__})")
    )


class CodeEnum(str, Enum):
    """Base of the vocabulary enums: ``Member(code)`` refuses unknown codes clearly.

    An unknown code raises :class:`~opengov.errors.UnknownCodeError` listing the
    known codes; it is also a ``ValueError``, what ``Enum(value)`` raises by default.

    >>> from opengov.outcomes import ReportFormat
    >>> ReportFormat("2020")
    Traceback (most recent call last):
    ...
    opengov.errors.UnknownCodeError: unknown ReportFormat code '2020'; known codes: '2019', '2021'
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        raise _unknown(cls, value)


def lookup(enum_type: type[E], code: object) -> E:
    """The member of ``enum_type`` whose value is ``code``; a member is returned as is.

    A member of another enum is refused even when its value matches: mixing up
    vocabularies is a bug, not a code.

    Raises :class:`~opengov.errors.UnknownCodeError` (a ``LookupError``) naming the
    known codes when ``code`` is not one of them, whatever its type.

    >>> from opengov.outcomes import ReportFormat
    >>> lookup(ReportFormat, "2021")
    <ReportFormat.F2021: '2021'>
    >>> lookup(ReportFormat, "2020")
    Traceback (most recent call last):
    ...
    opengov.errors.UnknownCodeError: unknown ReportFormat code '2020'; known codes: '2019', '2021'
    """
    if not (isinstance(enum_type, type) and issubclass(enum_type, Enum)):
        raise InvalidInputError(
            f"lookup needs a vocabulary enum class first, e.g. lookup(ReportFormat, '2021'); "
            f"got {show(enum_type)}"
        )
    if isinstance(code, enum_type):
        return code
    if isinstance(code, Enum):
        raise UnknownCodeError(
            f"expected a {enum_type.__name__} or its code, got {type(code).__name__}.{code.name}"
            f"; convert between vocabularies with their named methods"
        )
    if isinstance(code, str):
        for member in enum_type:
            if member.value == code:
                return member
    raise _unknown(enum_type, code)


def member(enum_type: type[E], value: object) -> E:
    """A member of ``enum_type`` from a member or its code; ``UnknownCodeError`` if none.

    The hot-path form of :func:`lookup` for the report model: the enum's own
    constructor first (which also takes a member of another ``str`` enum with the
    same value), :func:`lookup` and its error otherwise.
    """
    if isinstance(value, enum_type):
        return value  # what enum_type(value) returns for a member, without the call
    try:
        return enum_type(value)
    except (ValueError, TypeError):
        return lookup(enum_type, value)
