"""Provisional rest days from the statutory festival rules, for years without a notice.

Used only by calendars built with ``provisional=True``. The rules are those of the
全国年节及纪念日放假办法 in force in the year: from 2025 (国务院令第795号) 元旦 1
day, 春节 4 (除夕, 正月初一 to 初三), 清明 1, 劳动节 2 (5 May 1-2), 端午 1, 中秋
1, 国庆 3 (10 October 1-3). No 调休 is guessed: the State Council decides it each
year. Art. 6 补假 is applied: each statutory day that falls on a Saturday or Sunday,
or on a day already taken by another festival, adds one rest day on the first
following weekday that is not already a rest day (the practice of every notice).

Lunar dates (春节, 端午, 中秋) and 清明 come from the ``holidays`` package, imported
here only.
"""

from __future__ import annotations

from datetime import date, timedelta

from opengov.calendar._records import DateRange, Festival
from opengov.errors import CalendarDataError

__all__ = ["statutory_festivals"]

_ONE_DAY = timedelta(days=1)


def _lunar(year: int) -> tuple[date, date, date, date]:
    """(正月初一, 清明, 端午, 中秋) of ``year``."""
    try:
        from holidays.calendars.chinese import _ChineseLunisolar
    except ImportError as exc:  # pragma: no cover - holidays is a runtime dependency
        raise CalendarDataError(f"provisional dates need the 'holidays' package: {exc}") from None
    lunisolar = _ChineseLunisolar()
    try:
        dates = (
            lunisolar.lunar_new_year_date(year)[0],
            lunisolar.qingming_date(year)[0],
            lunisolar.dragon_boat_date(year)[0],
            lunisolar.mid_autumn_date(year)[0],
        )
    except Exception as exc:
        raise CalendarDataError(f"no lunar-calendar dates for {year}: {exc}") from None
    new_year, qingming, dragon_boat, mid_autumn = dates
    if new_year is None or qingming is None or dragon_boat is None or mid_autumn is None:
        raise CalendarDataError(f"no lunar-calendar dates for {year}")
    return new_year, qingming, dragon_boat, mid_autumn


def _statutory_days(year: int) -> list[tuple[str, str, tuple[date, ...]]]:
    if year < 2008:
        raise CalendarDataError(
            f"provisional rules start with the 2007 revision of the holiday measures; "
            f"{year} needs its notice"
        )
    new_year, qingming, dragon_boat, mid_autumn = _lunar(year)
    if year >= 2025:  # 国务院令第795号
        spring = tuple(new_year + _ONE_DAY * k for k in (-1, 0, 1, 2))
        labour: tuple[date, ...] = (date(year, 5, 1), date(year, 5, 2))
    elif year >= 2014:  # 2013 revision
        spring = tuple(new_year + _ONE_DAY * k for k in (0, 1, 2))
        labour = (date(year, 5, 1),)
    else:  # 2007 revision
        spring = tuple(new_year + _ONE_DAY * k for k in (-1, 0, 1))
        labour = (date(year, 5, 1),)
    return sorted(
        [
            ("元旦", "New Year's Day", (date(year, 1, 1),)),
            ("春节", "Spring Festival", spring),
            ("清明节", "Qingming Festival", (qingming,)),
            ("劳动节", "Labour Day", labour),
            ("端午节", "Dragon Boat Festival", (dragon_boat,)),
            ("中秋节", "Mid-Autumn Festival", (mid_autumn,)),
            ("国庆节", "National Day", tuple(date(year, 10, d) for d in (1, 2, 3))),
        ],
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
