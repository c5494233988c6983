"""Looking up a vocabulary member by its wire code: the one place that decides how."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from opengov.errors import UnknownCodeError

E = TypeVar("E", bound=Enum)


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
    known = ", ".join(repr(m.value) for m in enum_type)
    raise UnknownCodeError(
        f"unknown {enum_type.__name__} code {code!r}; known codes: {known}"
        + ("" if isinstance(code, str) else f" (codes are strings, got {type(code).__name__})")
    )
