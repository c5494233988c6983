"""Turning caller input into ``datetime.date``: the one place that decides how.

A ``date`` is used as is. A timezone-aware ``datetime`` is converted to China
Standard Time (UTC+8, the Asia/Shanghai offset since 1992; mainland China has not
observed daylight saving time since 1991) and its calendar date is used. A naive
``datetime`` is refused: its timezone is unknown and guessing could move a deadline
by a day. Strings are refused here; parsing is the ``parse_*`` functions' job.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from opengov.errors import InvalidDateError

CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")


def as_date(value: object, name: str = "date") -> date:
    """Return the mainland-China calendar date of ``value`` (see module docs)."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidDateError(
                f"{name} is a naive datetime ({value.isoformat()}); pass a date, or a "
                "timezone-aware datetime (it is read in China Standard Time, UTC+8)"
            )
        try:
            return value.astimezone(CHINA_STANDARD_TIME).date()
        except OverflowError:
            raise InvalidDateError(
                f"{name} ({value.isoformat()}) is out of range once read in China Standard "
                "Time (UTC+8)"
            ) from None
    if isinstance(value, date):
        return value
    raise InvalidDateError(
        f"{name} must be a datetime.date or an aware datetime, got {type(value).__name__} "
        f"({value!r}); parse strings first, e.g. date.fromisoformat('2026-09-28')"
    )
