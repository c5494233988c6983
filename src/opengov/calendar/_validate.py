"""Plausibility checks for a holiday notice before it enters a calendar.

A notice is pasted or typed by a clerk, and one wrong digit moves deadlines. Every
check here compares the notice with what the holiday measures (全国年节及纪念日放假
办法) allow, so a typo is refused with the item and the day named instead of
giving wrong deadlines:

- each item names statutory festivals (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节,
  国庆节, or a joint item such as 国庆节、中秋节), unless it is marked ``special``;
- an annual notice (revision 0) names every festival of the measures in force,
  once;
- each item's rest block holds its festivals' statutory days and is at most
  :data:`MAX_EXTRA_BLOCK_DAYS` longer than they are; each make-up working day lies
  within :data:`MAX_MAKE_UP_DISTANCE` days of its block;
- an item marked ``special`` is exempt from the measures but not from proportion:
  its block is at most :data:`MAX_SPECIAL_BLOCK_DAYS` long and its make-up days lie
  near it;
- over the year, the weekdays off less the make-up working days equal the
  statutory days (Art. 6 of the measures: a statutory day on a weekend is made up
  on a weekday; 调休 swaps a weekday for a weekend day). Every notice from 2004 to
  2026 satisfies this exactly, except the two marked ``special``.

The rule that a notice for year Y sets only days from 29 December of Y-1 to 31
December of Y is enforced by :class:`~opengov.calendar.HolidayNotice` itself.

Legal basis:
    - holiday-measures-2024:2 (the festivals and their days; earlier revisions in
      :mod:`opengov.calendar._measures`), holiday-measures-2024:6 (补假).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from opengov.calendar._measures import STATUTORY_FESTIVALS, revision_in_force, statutory_days
from opengov.calendar._records import DateRange, Festival, HolidayNotice
from opengov.errors import InvalidInputError, NoticeRejectedError


class _Notices(Protocol):
    """What the checks read of a calendar (a :class:`~opengov.calendar.WorkdayCalendar`)."""

    def notices_for(self, year: int) -> tuple[HolidayNotice, ...]: ...


__all__ = [
    "MAX_EXTRA_BLOCK_DAYS",
    "MAX_MAKE_UP_DISTANCE",
    "MAX_SPECIAL_BLOCK_DAYS",
    "check_notice",
    "festival_names",
]

#: A rest block is at most this many days longer than its statutory days. The
#: longest stretch since 2004 is 5 (the nine-day 2026 Spring Festival around its
#: four statutory days); a week leaves room for a notice bridging two weekends.
MAX_EXTRA_BLOCK_DAYS = 7

#: A make-up working day (调休上班) lies at most this many days before or after its
#: rest block. The farthest since 2004 is 11 days (Sunday 2026-09-20 for the
#: National Day block); three weeks leaves room without accepting a stray date.
MAX_MAKE_UP_DISTANCE = 21

#: A special item (a one-off rest day, an extension) is at most this long: the 2020
#: Spring Festival extension, the longest, ran 24 January to 2 February.
MAX_SPECIAL_BLOCK_DAYS = 10

# Other ways notices have written a festival's name.
_ALIASES = {"新年": "元旦", "清明": "清明节"}
_NUMERALS = "一二三四五六七八九十"


def festival_names(item: Festival) -> tuple[str, ...]:
    """The statutory festivals an item names (a joint item names two); unknown names kept."""
    parts = [p.strip() for p in re.split(r"[、和与]", item.zh) if p.strip()]
    return tuple(_ALIASES.get(p, p) for p in parts)


def _where(notice: HolidayNotice, index: int, item: Festival) -> str:
    number = _NUMERALS[index] if index < len(_NUMERALS) else str(index + 1)
    return f"the {notice.year} notice ({notice.label}), item {number} ({item.zh})"


def _net_weekdays(item: Festival) -> int:
    """Weekdays off in the item less its make-up working days."""
    return sum(1 for d in item.rest_days() if d.weekday() < 5) - len(item.workdays)


def _check_make_up_days(where: str, item: Festival, span: DateRange) -> None:
    for work in item.workdays:
        distance = min(abs((work - span.first).days), abs((work - span.last).days))
        if distance > MAX_MAKE_UP_DISTANCE:
            raise NoticeRejectedError(
                f"{where}: the make-up working day {work.isoformat()} is {distance} days from "
                f"the rest block {span}; make-up days lie within {MAX_MAKE_UP_DISTANCE} days "
                "of their block: check its date"
            )


def _check_item(
    notice: HolidayNotice, index: int, item: Festival, statutory: dict[str, tuple[date, ...]]
) -> None:
    where = _where(notice, index, item)
    names = festival_names(item)
    unknown = [n for n in names if n not in STATUTORY_FESTIVALS]
    if unknown:
        raise NoticeRejectedError(
            f"{where}: {unknown[0]!r} is not a festival of the holiday measures "
            f"({'、'.join(STATUTORY_FESTIVALS)}); check the item's name, or mark the item "
            "special if the State Council declared a one-off rest day"
        )
    missing = [n for n in names if n not in statutory]
    if missing:
        raise NoticeRejectedError(
            f"{where}: the holiday measures in force in {notice.year} have no {missing[0]}; "
            "check the year of the notice"
        )
    span = item.span
    if span is None:
        raise NoticeRejectedError(f"{where}: the item has no rest days")
    days = sorted({d for n in names for d in statutory[n]})
    for day in days:
        if day not in span:
            raise NoticeRejectedError(
                f"{where}: the rest block {span} does not hold the statutory day "
                f"{day.isoformat()}; check the item's dates"
            )
    if len(span) > len(days) + MAX_EXTRA_BLOCK_DAYS:
        raise NoticeRejectedError(
            f"{where}: a rest block of {len(span)} days ({span}) for {len(days)} statutory "
            f"day(s) is longer than any notice gives; check the item's last day"
        )
    _check_make_up_days(where, item, span)


def _check_special(notice: HolidayNotice, index: int, item: Festival) -> None:
    """A special item is exempt from the measures, not from proportion."""
    where = _where(notice, index, item)
    span = item.span
    if span is None:
        raise NoticeRejectedError(f"{where}: the item has no rest days")
    if len(span) > MAX_SPECIAL_BLOCK_DAYS:
        raise NoticeRejectedError(
            f"{where}: a special rest block of {len(span)} days ({span}); the longest "
            f"special rest since 2004 lasted {MAX_SPECIAL_BLOCK_DAYS} days (the 2020 Spring "
            "Festival extension): check the item's dates"
        )
    _check_make_up_days(where, item, span)


def _year_items(notice: HolidayNotice, calendar: _Notices | None) -> list[Festival]:
    """The year's items in force once ``notice`` is added (amendments replace by name)."""
    items: dict[str, Festival] = {}
    if notice.revision and calendar is not None:
        for earlier in calendar.notices_for(notice.year):
            if earlier.revision < notice.revision:
                for item in earlier.festivals:
                    items[item.zh] = item
    for item in notice.festivals:
        items[item.zh] = item
    return list(items.values())


def check_notice(notice: HolidayNotice, calendar: _Notices | None = None) -> None:
    """Refuse a notice that a clerk's typo could have produced (see the module docs).

    ``calendar`` is the calendar the notice is to join: an amendment is checked
    together with the earlier notices of its year. Raises
    :class:`~opengov.errors.NoticeRejectedError` naming the item, the day and what
    to check; returns ``None`` when the notice is plausible.

    >>> from opengov.calendar import load_notice
    >>> n = load_notice('''{"year": 2027, "festivals": [{"zh": "元旦", "en": "New Year's Day",
    ...   "rest": [["2027-01-01", "2027-12-31"]], "workdays": []}]}''')
    >>> check_notice(n)
    Traceback (most recent call last):
    ...
    opengov.errors.NoticeRejectedError: the 2027 notice (国务院办公厅关于2027年部分节假日安排的通知), item 一 (元旦): a rest block of 365 days (2027-01-01..2027-12-31) for 1 statutory day(s) is longer than any notice gives; check the item's last day
    """
    if not isinstance(notice, HolidayNotice):
        raise InvalidInputError(f"check_notice needs a HolidayNotice, got {type(notice).__name__}")
    statutory = statutory_days(notice.year)
    for index, item in enumerate(notice.festivals):
        if item.special:
            _check_special(notice, index, item)
    regular = [(i, f) for i, f in enumerate(notice.festivals) if not f.special]
    for index, item in regular:
        _check_item(notice, index, item, statutory)
    if notice.revision == 0:
        named = [n for _, f in regular for n in festival_names(f)]
        twice = sorted({n for n in named if named.count(n) > 1})
        if twice:
            raise NoticeRejectedError(
                f"the {notice.year} notice ({notice.label}) names {twice[0]} in two items; "
                "check the items' names"
            )
        absent = [n for n in statutory if n not in named]
        if absent:
            raise NoticeRejectedError(
                f"the {notice.year} notice ({notice.label}) has no item for {absent[0]}, which "
                f"the holiday measures in force in {notice.year} give; an annual notice "
                "names every festival: check that no item was left out"
            )
    items = [f for f in _year_items(notice, calendar) if not f.special]
    owed = sum(len(statutory[n]) for f in items for n in festival_names(f) if n in statutory)
    given = sum(_net_weekdays(f) for f in items)
    if given != owed:
        detail = "; ".join(f"{f.zh} {_net_weekdays(f)}" for f in items)
        raise NoticeRejectedError(
            f"the {notice.year} notice ({notice.label}) gives {given} weekdays off net of "
            f"make-up working days ({detail}), but the holiday measures in force "
            f"({revision_in_force(notice.year).instrument}, Arts. 2 and 6) give "
            f"{owed} statutory days for these festivals; check each item's dates and its "
            "上班 days (a genuine extension is marked special)"
        )
