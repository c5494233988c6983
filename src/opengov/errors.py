"""Errors and warnings (错误与警告).

Every failure a caller can cause raises a subclass of :class:`OpenGovError`. Each
leaf also inherits the builtin exception a caller would expect (``ValueError`` for
bad input, ``LookupError`` for something that is not there), so code written against
the builtins keeps working. Each class has a stable ``code`` for logs and for systems
in other languages; codes never change once released.

Messages say what was wrong and what to do about it.

Warnings derive from :class:`OpenGovWarning`, a ``UserWarning``.

Legal basis:
    - none of its own: where a refused input breaks a legal rule, the message cites
      it (e.g. ``ogi-2019:33.2`` for an extension over 20 working days).

>>> from opengov.errors import OpenGovError, CalendarCoverageError
>>> issubclass(CalendarCoverageError, LookupError)
True
>>> CalendarCoverageError.code
'calendar_coverage'
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "CalendarCoverageError",
    "CalendarDataError",
    "CatalogueParseError",
    "CitationError",
    "EditionNotInForceError",
    "InvalidDateError",
    "InvalidDecisionError",
    "InvalidEventError",
    "InvalidInputError",
    "LawNotInForceError",
    "LegacyReportError",
    "MissingExtraError",
    "NeedsInterpretationError",
    "NoticeParseError",
    "NoticeRejectedError",
    "OpenGovError",
    "OpenGovWarning",
    "ProvisionalCalendarWarning",
    "ReportFormatError",
    "ReportParseError",
    "ReportTimeoutError",
    "UnknownCodeError",
]


class OpenGovError(Exception):
    """Root of every error opengov raises on purpose."""

    code: ClassVar[str] = "opengov_error"


class InvalidInputError(OpenGovError, ValueError):
    """A value given to opengov has the wrong type or is out of range."""

    code: ClassVar[str] = "invalid_input"


class InvalidDateError(InvalidInputError, TypeError):
    """A date argument is not a ``date`` or a timezone-aware ``datetime``.

    Naive datetimes are refused: opengov does not guess their timezone.
    """

    code: ClassVar[str] = "invalid_date"


class CitationError(InvalidInputError):
    """A citation string cannot be parsed, or names an unknown instrument."""

    code: ClassVar[str] = "citation"


class UnknownCodeError(OpenGovError, LookupError, ValueError):
    """A vocabulary code (an enum value) is not known.

    A ``LookupError`` (the code is not there) and, since ``Enum(code)`` raises it
    too, a ``ValueError`` as Python's enums do.
    """

    code: ClassVar[str] = "unknown_code"


class EditionNotInForceError(OpenGovError, LookupError):
    """No edition of the Regulation was in force on the date asked about."""

    code: ClassVar[str] = "edition_not_in_force"


class LawNotInForceError(OpenGovError, LookupError):
    """The statute book has no value for a rule on the day asked about.

    Either the day is before the parameter's first value (opengov's book starts
    with the 2007 Regulation, or with the instrument), or the law set no such rule
    on that day (e.g. no information processing fee before 国办函〔2020〕109号).
    """

    code: ClassVar[str] = "law_not_in_force"


class NeedsInterpretationError(OpenGovError, LookupError):
    """A lossless ``to_*`` conversion does not exist; an ``assume_*`` one may."""

    code: ClassVar[str] = "needs_interpretation"


class CalendarCoverageError(OpenGovError, LookupError):
    """A date lies outside the days covered by official holiday notices."""

    code: ClassVar[str] = "calendar_coverage"


class CalendarDataError(OpenGovError, ValueError):
    """Holiday-notice data is malformed or contradicts itself."""

    code: ClassVar[str] = "calendar_data"


class NoticeParseError(CalendarDataError):
    """The text of a State Council holiday notice could not be read."""

    code: ClassVar[str] = "notice_parse"


class NoticeRejectedError(CalendarDataError):
    """A holiday notice is well formed but cannot be accepted into a calendar.

    It would change days another notice has settled, clashes with a notice already
    installed, or fails a plausibility check against the holiday measures (an
    unknown festival, a block or a make-up day out of proportion). The message
    names the notice, the item and the day, and what to check.
    """

    code: ClassVar[str] = "notice_rejected"


class ReportFormatError(OpenGovError, LookupError):
    """No official annual-report format applies to the report year asked about."""

    code: ClassVar[str] = "report_format"


class InvalidEventError(OpenGovError, ValueError):
    """An event cannot be recorded on an application in its current state."""

    code: ClassVar[str] = "invalid_event"


class InvalidDecisionError(OpenGovError, ValueError):
    """A disclosure decision, or an event on its review trail, breaks a rule.

    The message names the field (``grounds``, ``item``, ``on``...) and the rule
    (e.g. grounds are required to withhold; an absolute ground is never published);
    the decision is left unchanged.
    """

    code: ClassVar[str] = "invalid_decision"


class CatalogueParseError(OpenGovError, ValueError):
    """A catalogue record (政府信息公开目录 metadata block) cannot be read.

    The text is too long, has no known label, or a field is malformed (a date that
    does not exist, a 统一社会信用代码 in the 索引号 whose check character is wrong);
    the message names the field.
    """

    code: ClassVar[str] = "catalogue_parse"


class ReportParseError(OpenGovError, ValueError):
    """A published annual report could not be parsed at all."""

    code: ClassVar[str] = "report_parse"


class ReportTimeoutError(OpenGovError, TimeoutError, ValueError):
    """Reading an uploaded report took longer than the service allows.

    Raised by the service (:mod:`opengov.server`), which reads each upload in a
    child process with a time limit and stops it then. A ``TimeoutError`` and, as
    input too costly to read, a ``ValueError``; the message says what to send
    instead.
    """

    code: ClassVar[str] = "report_timeout"


class LegacyReportError(ReportParseError):
    """The report is a 2008-2018 one (2007 Regulation): it has no table 三.

    Read it with :func:`opengov.reports.parse_legacy_report`.
    """

    code: ClassVar[str] = "legacy_report"


class MissingExtraError(OpenGovError, ImportError, LookupError):
    """An optional extra that a call needs is not installed.

    The message names the extra and the command that installs it, e.g.
    ``pip install "opengov-cn[pdf]"`` to read PDF reports. An ``ImportError`` and,
    as something that is not there, a ``LookupError``.
    """

    code: ClassVar[str] = "missing_extra"


class OpenGovWarning(UserWarning):
    """Root of every warning opengov emits."""


class ProvisionalCalendarWarning(OpenGovWarning):
    """A result rests on provisional calendar data (no official notice yet)."""
