"""Provisional rest days from the statutory festival rules, for years without a notice.

Used only by calendars built with ``provisional=True``. The rules are those of the
全国年节及纪念日放假办法 in force in the year, read from the one table of them
(:mod:`opengov.calendar._measures`): from 2025 (国务院令第795号) 元旦 1 day, 春节 4
(除夕, 正月初一 to 初三), 清明 1, 劳动节 2 (5 May 1-2), 端午 1, 中秋 1, 国庆 3
(10 October 1-3). No 调休 is guessed: the State Council decides it each year.
Art. 6 补假 is applied: each statutory day that falls on a Saturday or Sunday, or on
a day already taken by another festival, adds one rest day on the first following
weekday that is not already a rest day (the practice of every notice).
"""

from __future__ import annotations

from datetime import date, timedelta

from opengov.calendar._measures import statutory_days
from opengov.calendar._records import DateRange, Festival
from opengov.errors import CalendarDataError

__all__ = ["statutory_festivals"]

_ONE_DAY = timedelta(days=1)


def _statutory_days(year: int) -> list[tuple[str, str, tuple[date, ...]]]:
    if year < 2008:
        raise CalendarDataError(
            f"provisional rules start with the 2007 revision of the holiday measures; "
            f"{year} needs its notice"
        )
    from opengov.calendar._parse import FESTIVAL_NAMES_EN

    return sorted(
        ((zh, FESTIVAL_NAMES_EN[zh], days) for zh, days in statutory_days(year).items()),
        key=lambda item: item[2][0],
    )


def _ranges(days: list[date]) -> tuple[DateRange, ...]:
    out: list[DateRange] = []
    for day in sorted(days):
        if out and out[-1].last + _ONE_DAY == day:
            out[-1] = DateRange(out[-1].first, day)
        else:
            out.append(DateRange(day, day))
    return tuple(out)


def statutory_festivals(year: int) -> tuple[Festival, ...]:
    """The festivals of ``year`` under the statutory rules, with Art. 6 补假 days.

    >>> [(f.zh, str(f.span)) for f in statutory_festivals(2027)][:2]
    [('元旦', '2027-01-01..2027-01-01'), ('春节', '2027-02-05..2027-02-10')]
    """
    items = _statutory_days(year)
    statutory = {d for _, _, days in items for d in days}
    taken: set[date] = set()
    festivals: list[Festival] = []
    for zh, en, days in items:
        owed = 0
        for day in days:
            if day.weekday() >= 5 or day in taken:
                owed += 1
            taken.add(day)
        rest = list(dict.fromkeys(days))
        candidate = max(days)
        while owed:
            candidate += _ONE_DAY
            if candidate.weekday() < 5 and candidate not in taken and candidate not in statutory:
                rest.append(candidate)
                taken.add(candidate)
                owed -= 1
        festivals.append(Festival(zh, en, _ranges(rest)))
    return tuple(festivals)
