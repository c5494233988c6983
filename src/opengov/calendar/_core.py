"""The working-day calendar itself: an immutable index over every day it covers."""

from __future__ import annotations

import warnings
from _thread import allocate_lock
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from dateutil.relativedelta import relativedelta

from opengov._dates import as_date
from opengov._show import show
from opengov.calendar._records import (
    OPEN_DAYS_FROM,
    DateRange,
    Festival,
    HolidayNotice,
    Immutable,
    NoticeSource,
    PeriodEnd,
    RestDay,
    WorkdayOffset,
)
from opengov.errors import (
    CalendarCoverageError,
    CalendarDataError,
    InvalidInputError,
    ProvisionalCalendarWarning,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np
    import numpy.typing as npt

    from opengov.calendar._array import DayIndex

__all__ = [
    "PROVISIONAL_LAST_YEAR",
    "WorkdayCalendar",
    "official_calendar",
    "rest_days_passed",
]

#: Provisional calendars extend to the end of this year.
PROVISIONAL_LAST_YEAR = 2099

_WEEKEND = ("周末", "weekend")

# Official data for the last year stops the day before the next notice may reach
# back (see OPEN_DAYS_FROM).
_SETTLED_UNTIL = (OPEN_DAYS_FROM[0], OPEN_DAYS_FROM[1] - 1)
_ONE_DAY = timedelta(days=1)
_MAX_ORDINAL = date.max.toordinal()


def _int(value: object, name: str) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(
            f"{name} must be an int, got {type(value).__name__} ({show(value)})"
        )
    return int(value)


def _sources(notices: Iterable[HolidayNotice | NoticeSource]) -> tuple[NoticeSource, ...]:
    """Each notice with its origin: a plain notice is bundled if opengov ships it."""
    out: list[NoticeSource] = []
    bundled: frozenset[HolidayNotice] | None = None
    for item in notices:
        if isinstance(item, NoticeSource):
            out.append(item)
        elif isinstance(item, HolidayNotice):
            if bundled is None:
                from opengov.calendar._data import bundled_notices

                bundled = frozenset(bundled_notices())
            out.append(NoticeSource(item, "bundled" if item in bundled else "added"))
        else:
            raise CalendarDataError(
                f"expected HolidayNotice (or NoticeSource) records, got {show(item)}"
            )
    return tuple(out)


def _resolve(notices: Iterable[HolidayNotice]) -> dict[int, dict[str, tuple[Festival, str]]]:
    """Per year, the festivals in force after amendments, with the notice each came from."""
    by_year: dict[int, list[HolidayNotice]] = {}
    for notice in notices:
        by_year.setdefault(notice.year, []).append(notice)
    resolved: dict[int, dict[str, tuple[Festival, str]]] = {}
    for year, group in by_year.items():
        group.sort(key=lambda n: n.revision)
        revisions = [n.revision for n in group]
        if len(set(revisions)) != len(revisions):
            raise CalendarDataError(f"two {year} notices share revision {revisions}")
        if revisions[0] != 0:
            raise CalendarDataError(
                f"the {year} data has amendments but no annual notice (revision 0)"
            )
        festivals: dict[str, tuple[Festival, str]] = {}
        for notice in group:
            for fest in notice.festivals:
                festivals[fest.zh] = (fest, notice.label)
        resolved[year] = festivals
    return resolved


def _is_iterable(value: object) -> bool:
    return not isinstance(value, (str, bytes)) and hasattr(value, "__iter__")


def _extra_rest_days(
    groups: object,
) -> tuple[tuple[str, tuple[date, ...]], ...]:
    """Check ``extra_rest_days``: an iterable of (name, iterable of dates) pairs."""
    shape = "extra_rest_days must be an iterable of (name, days) pairs, e.g. [('古尔邦节', [date])]"
    if not _is_iterable(groups):
        raise InvalidInputError(f"{shape}; got {type(groups).__name__}")
    out: list[tuple[str, tuple[date, ...]]] = []
    for group in groups:  # type: ignore[attr-defined]
        if not isinstance(group, tuple) or len(group) != 2:
            raise InvalidInputError(f"{shape}; got the item {show(group)}")
        name, days = group
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError(
                f"extra rest days need a name, e.g. '古尔邦节'; got {show(name)}"
            )
        if not _is_iterable(days):
            raise InvalidInputError(f"the days of {name} must be an iterable of dates")
        out.append((name, tuple(as_date(d, "extra rest day") for d in days)))
    return tuple(out)


_PERIOD_RULES = (
    "periods.start_day_not_counted",
    "periods.month_corresponding_day",
    "periods.last_day_rolls_forward",
)
_PERIOD_BASIS: dict[tuple[date, bool], tuple[str, ...]] = {}


def period_basis(start: date, *, months: bool) -> tuple[str, ...]:
    """The citations of the period-counting rules in force on ``start``.

    Read from the statute book (``periods.*``): a period follows the rules in force
    on the day it starts. A period of days cites the start-day and roll-forward
    rules; a month or year period also the corresponding-day rule.

    >>> from datetime import date
    >>> period_basis(date(2016, 3, 1), months=True)
    ('civil-principles-1986:154.2', 'civil-principles-1986:154.1', 'civil-principles-1986:154.3')
    >>> period_basis(date(2021, 1, 1), months=False)
    ('civil-code:201', 'civil-code:203')
    """
    from opengov import law  # the book holds pydantic models: imported on first use

    names = _PERIOD_RULES if months else (_PERIOD_RULES[0], _PERIOD_RULES[2])
    entries = [law.parameter(n).at(start) for n in names]
    key = (max(e.since for e in entries), months)
    found = _PERIOD_BASIS.get(key)
    if found is None:
        found = tuple(str(c) for e in entries for c in e.basis)
        _PERIOD_BASIS[key] = found
    return found


class WorkdayCalendar(Immutable):
    """An immutable mainland-China working-day calendar (工作日历).

    A day is a working day (工作日) unless it is a Saturday or Sunday or a rest day
    of a State Council holiday notice; weekend days a notice names as make-up
    working days (调休上班) are working days. Build one with
    :func:`official_calendar`; derive others with :meth:`with_notice` and
    :meth:`with_extra_rest_days`. Every query is O(1): the calendar keeps, for each
    day it covers, the number of working days up to it, and the list of working
    days in order.
    """

    _hint = "; use with_notice() or friends"
    __slots__ = (
        "_between",
        "_coverage",
        "_cum",
        "_extra",
        "_hi",
        "_lo",
        "_memo",
        "_names",
        "_nwd",
        "_off_hi",
        "_provisional",
        "_size",
        "_sources",
        "_wd",
        "_work",
        "notices",
        "sources",
    )

    notices: tuple[HolidayNotice, ...]
    sources: tuple[NoticeSource, ...]
    _coverage: DateRange
    _provisional: bool
    _extra: tuple[tuple[str, tuple[date, ...]], ...]
    _lo: int
    _hi: int
    _off_hi: int
    _work: bytearray
    _size: int
    _cum: list[int]
    _wd: list[int]
    _nwd: int
    _names: dict[int, tuple[str, str]]
    _sources: dict[int, str]
    _between: dict[tuple[int, int], tuple[NoticeSource, ...]]
    _memo: dict[str, Any]

    def __init__(
        self,
        notices: Iterable[HolidayNotice | NoticeSource],
        *,
        provisional: bool = False,
        extra_rest_days: Iterable[tuple[str, Iterable[date]]] = (),
    ) -> None:
        if type(provisional) is not bool:
            raise InvalidInputError(f"provisional must be True or False, got {show(provisional)}")
        if isinstance(notices, (str, bytes)) or not hasattr(notices, "__iter__"):
            raise InvalidInputError(
                "notices must be an iterable of HolidayNotice records, got "
                f"{type(notices).__name__}; start from official_calendar().notices"
            )
        origins = _sources(notices)
        plain = tuple(src.notice for src in origins)
        resolved = _resolve(plain)
        if not resolved:
            raise CalendarDataError("a calendar needs at least one holiday notice")
        years = sorted(resolved)
        missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
        if missing:
            raise CalendarDataError(
                f"holiday notices must cover consecutive years; no notice for {missing[0]}"
            )
        extra = _extra_rest_days(extra_rest_days)
        first = date(years[0], 1, 1)
        last = date(years[-1], *_SETTLED_UNTIL)
        lo = first.toordinal()
        off_hi = last.toordinal()
        hi = (
            date(max(PROVISIONAL_LAST_YEAR, years[-1]), 12, 31).toordinal()
            if provisional
            else off_hi
        )
        size = hi - lo + 1
        # 1 = working day. Start from the weekly pattern (Saturday, Sunday off).
        first_weekday = first.weekday()
        pattern = bytes(1 if (first_weekday + i) % 7 < 5 else 0 for i in range(7))
        work = bytearray((pattern * (size // 7 + 1))[:size])
        names: dict[int, tuple[str, str]] = {}
        sources: dict[int, str] = {}

        def apply(fest: Festival, label: str) -> None:
            rest = fest.rest_days()
            span = fest.span
            if span is not None:
                # Weekend days inside the block belong to the festival's rest too.
                for day in span:
                    i = day.toordinal() - lo
                    if 0 <= i < size and day.weekday() >= 5 and day not in fest.workdays:
                        names[i] = (fest.zh, fest.en)
            for day in rest:
                i = day.toordinal() - lo
                if 0 <= i < size:
                    work[i] = 0
                    names[i] = (fest.zh, fest.en)
                    sources[i] = label
            for day in fest.workdays:
                i = day.toordinal() - lo
                if 0 <= i < size:
                    work[i] = 1
                    sources[i] = label

        for year in years:
            for fest, label in resolved[year].values():
                apply(fest, label)
        if provisional and years[-1] < PROVISIONAL_LAST_YEAR:
            from opengov.calendar._provisional import statutory_festivals

            for year in range(years[-1] + 1, PROVISIONAL_LAST_YEAR + 1):
                for fest in statutory_festivals(year):
                    for day in fest.rest_days():
                        # The next year's New Year block can reach back into this one.
                        if day.toordinal() > off_hi:
                            i = day.toordinal() - lo
                            if i < size:
                                work[i] = 0
                                names[i] = (fest.zh, fest.en)
                                sources[i] = "provisional: 全国年节及纪念日放假办法"
        for name, days in extra:
            for day in days:
                i = day.toordinal() - lo
                if 0 <= i < size:
                    work[i] = 0
                    names[i] = (name, name)
                    sources[i] = f"extra rest day: {name}"
        cum = [0] * (size + 1)
        wd: list[int] = []
        count = 0
        for i in range(size):
            if work[i]:
                count += 1
                wd.append(lo + i)
            cum[i + 1] = count
        self._init(
            notices=plain,
            sources=origins,
            _between={},
            _coverage=DateRange(first, last),
            _provisional=provisional,
            _extra=extra,
            _lo=lo,
            _hi=hi,
            _off_hi=off_hi,
            _work=work,
            _size=size,
            _cum=cum,
            _wd=wd,
            _nwd=len(wd),
            _names=names,
            _sources=sources,
            _memo={},  # derived values (index views), built on first use
        )

    # An immutable value: a copy is the calendar itself, and a pickle carries what
    # it was built from (the notices with their origins, the options), so the
    # receiving process rebuilds the same calendar, added notices included.
    def __copy__(self) -> WorkdayCalendar:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> WorkdayCalendar:
        return self

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_rebuild, (self.sources, self._provisional, self._extra))

    def __repr__(self) -> str:
        mode = ", provisional=True" if self._provisional else ""
        return f"<WorkdayCalendar {self._coverage}{mode}>"

    # -- what the calendar covers ---------------------------------------------------

    @property
    def coverage(self) -> DateRange:
        """First and last day covered by official notice data."""
        return self._coverage

    @property
    def provisional(self) -> bool:
        """Whether the calendar answers for years after its notices (opt-in)."""
        return self._provisional

    def is_provisional(self, day: date | datetime) -> bool:
        """Whether ``day`` lies after the official data (its status is a forecast).

        True for every day after :attr:`coverage`, whether or not this calendar
        was built with ``provisional=True``.
        """
        return as_date(day, "day").toordinal() > self._off_hi

    def _coverage_error(self, day_ordinal: int, what: str) -> CalendarCoverageError:
        cov = self._coverage
        if day_ordinal < self._lo:
            return CalendarCoverageError(
                f"{what} falls before {cov.first.isoformat()}, the first day with State "
                f"Council holiday-notice data (coverage {cov}); opengov has no official "
                "working-day data for earlier years"
            )
        if day_ordinal > self._hi and self._provisional:
            return CalendarCoverageError(
                f"{what} falls after {date.fromordinal(self._hi).isoformat()}, the end of "
                "the provisional calendar; no working-day answer can be given that far ahead"
            )
        year = date.fromordinal(min(day_ordinal, _MAX_ORDINAL)).year
        if year == cov.last.year:
            return CalendarCoverageError(
                f"{what} falls after {cov.last.isoformat()}: the {year + 1} State Council "
                f"holiday notice can still move the last days of {year} (the 2019 notice "
                f"made 2018-12-29 a working day and 2018-12-31 a rest day), so opengov "
                f"gives no official answer for them yet. Install the {year + 1} notice "
                "once for every use (opengov calendar add-notice FILE, or install_notice(), "
                "or a file in the OPENGOV_NOTICES directory), or opt in to a provisional "
                "answer with provisional=True"
            )
        return CalendarCoverageError(
            f"{what} falls in {year}, which no State Council holiday notice in this "
            f"calendar covers (official data: {cov}). Install the {year} notice once "
            "for every use (opengov calendar add-notice FILE, or install_notice(), or a "
            "file in the OPENGOV_NOTICES directory), or opt in to a provisional answer "
            "from the statutory holiday rules with provisional=True"
        )

    def _index(self, day: object, name: str) -> int:
        d = day if type(day) is date else as_date(day, name)
        i = d.toordinal() - self._lo
        if i < 0 or i >= len(self._work):
            raise self._coverage_error(d.toordinal(), f"{name} {d.isoformat()}")
        return i

    def _warn(self, what: str) -> None:
        warnings.warn(
            f"{what} rests on provisional calendar data after {self._coverage.last} "
            "(statutory holidays only, no 调休); check it once the State Council "
            "notice for that year is published",
            ProvisionalCalendarWarning,
            stacklevel=3,
        )

    # -- single days -----------------------------------------------------------------

    def is_working_day(self, day: date | datetime) -> bool:
        """Whether ``day`` is a working day (工作日).

        Raises :class:`CalendarCoverageError` outside the calendar (a yes/no
        answer there would be a guess); warns on a provisional day.
        """
        i = self._index(day, "day")
        if i + self._lo > self._off_hi:
            self._warn(f"is_working_day({date.fromordinal(i + self._lo)})")
        return bool(self._work[i])

    def holiday_name(self, day: date | datetime) -> tuple[str, str] | None:
        """The (Chinese, English) name of the festival whose rest block holds ``day``.

        ``None`` for working days and ordinary weekends. Weekend days inside a
        festival's block (for example the Sunday of a three-day 端午 weekend) carry
        the festival's name.
        """
        i = self._index(day, "day")
        if i + self._lo > self._off_hi:
            self._warn(f"holiday_name({date.fromordinal(i + self._lo)})")
        if self._work[i]:
            return None
        return self._names.get(i)

    def source(self, day: date | datetime) -> str | None:
        """The notice (document number or title) that set ``day``'s status, if any."""
        i = self._index(day, "day")
        return self._sources.get(i)

    # -- counting --------------------------------------------------------------------

    def add_working_days(self, start: date | datetime, n: int) -> date:
        """The ``n``-th working day after ``start`` (``n`` < 0: before it).

        The start day itself is never counted (Civil Code Art. 201): for ``n`` > 0
        day 1 is the first working day strictly after ``start``, so a start on a
        rest day gives the same answer as a start on the last working day before
        it. For ``n`` < 0 the result is the ``|n|``-th working day strictly before
        ``start``. ``n == 0`` returns ``start`` unchanged (even on a rest day).
        """
        d = start if type(start) is date else as_date(start, "start")
        if type(n) is not int:
            n = _int(n, "n")
        i = d.toordinal() - self._lo
        if i < 0 or i >= self._size:
            raise self._coverage_error(d.toordinal(), f"start {d.isoformat()}")
        if n > 0:
            j = self._cum[i + 1] + n - 1
            if j >= self._nwd:
                raise self._beyond(d, n)
        elif n < 0:
            j = self._cum[i] + n
            if j < 0:
                raise self._beyond(d, n)
        else:
            if i + self._lo > self._off_hi:
                self._warn(f"add_working_days({d}, 0)")
            return d
        o = self._wd[j]
        if o > self._off_hi or i + self._lo > self._off_hi:
            self._warn(f"add_working_days({d}, {n})")
        return date.fromordinal(o)

    def _beyond(self, d: date, n: int) -> CalendarCoverageError:
        if n > 0:
            edge = self._hi + 1
            where = f"{show(n)} working days after {d.isoformat()}"
        else:
            edge = self._lo - 1
            where = f"{show(-n)} working days before {d.isoformat()}"
        return self._coverage_error(edge, where)

    def working_days_between(self, start: date | datetime, end: date | datetime) -> int:
        """Working days in (start, end]; for ``end < start``, minus those in [end, start).

        So ``add_working_days(start, working_days_between(start, end)) <= end``
        when ``end >= start``, and ``working_days_between(s, add_working_days(s, n))
        == n`` for every ``n``.
        """
        i = self._index(start, "start")
        k = self._index(end, "end")
        if max(i, k) + self._lo > self._off_hi:
            self._warn(f"working_days_between({start}, {end})")
        if k >= i:
            return self._cum[k + 1] - self._cum[i + 1]
        return self._cum[k] - self._cum[i]

    def _rest_day(self, i: int) -> RestDay:
        name = self._names.get(i, _WEEKEND)
        return RestDay(date.fromordinal(i + self._lo), name[0], name[1])

    def offset(self, start: date | datetime, n: int) -> WorkdayOffset:
        """Like :meth:`add_working_days`, with the rest days passed over and a flag.

        >>> from datetime import date
        >>> r = official_calendar().offset(date(2026, 9, 30), 1)
        >>> r.due, len(r.skipped), r.skipped[0].name_zh
        (datetime.date(2026, 10, 8), 7, '国庆节')
        """
        d = as_date(start, "start")
        n = _int(n, "n")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            due = self.add_working_days(d, n)
        lo_i, hi_i = sorted((d.toordinal() - self._lo, due.toordinal() - self._lo))
        skipped = tuple(self._rest_day(i) for i in range(lo_i + 1, hi_i) if not self._work[i])
        provisional = n != 0 and max(d, due).toordinal() > self._off_hi
        provisional = provisional or d.toordinal() > self._off_hi
        if provisional:
            self._warn(f"offset({d}, {n})")
        return WorkdayOffset(d, n, due, provisional, skipped)

    # -- calendar-day and month periods -----------------------------------------------

    def add_period(
        self,
        start: date | datetime,
        *,
        days: int | None = None,
        months: int | None = None,
        roll: Literal["rest_days", "festival_days"] = "rest_days",
    ) -> PeriodEnd:
        """The last day of a period of ``days`` days or ``months`` months after ``start``.

        Counting starts on the day after ``start`` (Civil Code Art. 201). A month
        period ends on the corresponding day of the last month, or that month's
        last day where it has none (Art. 202). A last day that is a 法定休假日 rolls
        to the day after the rest ends (Art. 203). ``basis`` cites the rules in
        force on ``start`` (:func:`period_basis`): 民法通则 Art. 154 before
        2017-10-01, 民法总则 Arts. 201-203 until 2020-12-31. Which days are 法定休假日 is an
        interpretation, chosen by ``roll``:

        - ``"rest_days"`` (default): every non-working day of this calendar
          (weekends, festival rest days, 调休 rest days), as courts do in practice;
        - ``"festival_days"``: only days inside a notice's festival block; the
          period then ends on the day after that block, even if it is a weekend.

        >>> from datetime import date
        >>> p = official_calendar().add_period(date(2026, 8, 31), months=1)
        >>> p.nominal_end, p.due, [r.name_zh for r in p.rolled]
        (datetime.date(2026, 9, 30), datetime.date(2026, 9, 30), [])
        >>> p = official_calendar().add_period(date(2026, 9, 15), days=15)
        >>> p.nominal_end, p.due, len(p.rolled)
        (datetime.date(2026, 9, 30), datetime.date(2026, 9, 30), 0)
        >>> official_calendar().add_period(date(2026, 9, 16), days=15).due
        datetime.date(2026, 10, 8)
        """
        d = as_date(start, "start")
        if (days is None) == (months is None):
            raise InvalidInputError("give exactly one of days= or months=")
        if roll not in ("rest_days", "festival_days"):
            raise InvalidInputError(
                f"roll must be 'rest_days' or 'festival_days', got {show(roll)}"
            )
        if days is not None:
            count = _int(days, "days")
            if count < 1:
                raise InvalidInputError(f"days must be at least 1, got {show(count)}")
            if count > 100_000:
                raise InvalidInputError(f"days={show(count)} is beyond any statutory period")
            nominal_ord = d.toordinal() + count
        else:
            count = _int(months, "months")
            if count < 1:
                raise InvalidInputError(f"months must be at least 1, got {show(count)}")
            if count > 1200:
                raise InvalidInputError(f"months={show(count)} is beyond any statutory period")
            if (d.year * 12 + d.month - 1 + count) // 12 > date.max.year:
                raise self._coverage_error(_MAX_ORDINAL, "the period's last day")
            # relativedelta keeps the day of the month, or takes the month's last day
            # where it has none: Art. 202's corresponding day
            nominal_ord = (d + relativedelta(months=count)).toordinal()
        i = nominal_ord - self._lo
        if i < 0 or i >= len(self._work):
            raise self._coverage_error(nominal_ord, "the period's last day")
        rolled: list[RestDay] = []
        if roll == "rest_days":
            while not self._work[i]:
                rolled.append(self._rest_day(i))
                i += 1
                if i >= len(self._work):
                    raise self._coverage_error(i + self._lo, "the period's last day")
        else:
            while not self._work[i] and i in self._names:
                rolled.append(self._rest_day(i))
                i += 1
                if i >= len(self._work):
                    raise self._coverage_error(i + self._lo, "the period's last day")
        due = date.fromordinal(i + self._lo)
        provisional = due.toordinal() > self._off_hi
        if provisional:
            self._warn(f"add_period({d})")
        basis = period_basis(d, months=months is not None)
        return PeriodEnd(d, date.fromordinal(nominal_ord), due, tuple(rolled), provisional, basis)

    # -- listing ---------------------------------------------------------------------

    def _year_span(self, year: int) -> tuple[int, int]:
        year = _int(year, "year")
        if not 1 < year < 9999:
            raise InvalidInputError(f"year must be between 2 and 9998, got {show(year)}")
        first = self._index(date(year, 1, 1), "year start")
        end = date(year, 12, 31).toordinal()
        if not self._provisional and year == self._coverage.last.year and end > self._hi:
            # The listing of the last year stops where the settled data does.
            last = self._hi - self._lo
        else:
            last = self._index(date(year, 12, 31), "year end")
        if last + self._lo > self._off_hi:
            self._warn(f"the {year} listing")
        return first, last

    def rest_days(self, year: int) -> tuple[RestDay, ...]:
        """Every festival, 调休 and extra rest day of ``year`` (not plain weekends)."""
        first, last = self._year_span(year)
        return tuple(
            self._rest_day(i)
            for i in range(first, last + 1)
            if not self._work[i] and i in self._names
        )

    def make_up_workdays(self, year: int) -> tuple[date, ...]:
        """Every Saturday or Sunday of ``year`` that is a working day (调休上班)."""
        first, last = self._year_span(year)
        return tuple(
            date.fromordinal(i + self._lo)
            for i in range(first, last + 1)
            if self._work[i] and date.fromordinal(i + self._lo).weekday() >= 5
        )

    def sources_between(self, first: date, last: date) -> tuple[NoticeSource, ...]:
        """The notices whose days the span ``first``..``last`` rests on, with origins.

        A notice for year Y sets the days from 29 December of Y-1 to 31 December of
        Y (:data:`~opengov.calendar.OPEN_DAYS_FROM`), so a span reaching 29
        December rests on the next year's notice too. Amendments are included.

        >>> from datetime import date
        >>> [(s.notice.year, s.origin) for s in official_calendar().sources_between(
        ...     date(2025, 12, 20), date(2026, 1, 20))]
        [(2025, 'bundled'), (2026, 'bundled')]
        """
        a = first if type(first) is date else as_date(first, "first")
        b = last if type(last) is date else as_date(last, "last")
        if b < a:
            a, b = b, a
        # The notice year of a day: 29-31 December belong to the next year's notice.
        key = (
            a.year + 1 if (a.month, a.day) >= OPEN_DAYS_FROM else a.year,
            b.year + 1 if (b.month, b.day) >= OPEN_DAYS_FROM else b.year,
        )
        found = self._between.get(key)
        if found is None:
            lo, hi = key
            found = tuple(
                src
                for src in sorted(self.sources, key=lambda s: (s.notice.year, s.notice.revision))
                if lo <= src.notice.year <= hi
            )
            self._between[key] = found  # a cache of derived values: the calendar is unchanged
        return found

    def notices_for(self, year: int) -> tuple[HolidayNotice, ...]:
        """The notices for ``year`` in revision order (empty if none)."""
        year = _int(year, "year")
        return tuple(sorted((n for n in self.notices if n.year == year), key=lambda n: n.revision))

    # -- derived calendars ----------------------------------------------------------

    def with_notice(
        self, notice: HolidayNotice | NoticeSource, *, check: bool = True
    ) -> WorkdayCalendar:
        """A new calendar with ``notice`` added (the next year, or an amendment).

        A notice for a year already covered must be an amendment: give it a
        ``revision`` above the year's existing ones; it replaces the festivals it
        names. The notice is checked first (:func:`~opengov.calendar.check_notice`:
        festival names, block lengths, make-up days, the statutory days of the
        holiday measures) and refused with :class:`~opengov.errors.NoticeRejectedError`
        if it fails; ``check=False`` skips those plausibility checks (for a notice
        already checked), never the rule that a notice sets only the days of its
        own year (enforced by :class:`HolidayNotice` itself).
        """
        source = notice if isinstance(notice, NoticeSource) else None
        if source is None and isinstance(notice, HolidayNotice):
            source = NoticeSource(notice, "added")
        if source is None:
            raise InvalidInputError(
                f"with_notice needs a HolidayNotice (see load_notice, parse_notice_text), "
                f"got {type(notice).__name__}"
            )
        new = source.notice
        for old in self.notices:
            if old.year == new.year and old.revision == new.revision:
                raise CalendarDataError(
                    f"the calendar already has the {new.year} notice with revision "
                    f"{new.revision} ({old.label}); give an amendment a higher revision"
                )
        last = max(n.year for n in self.notices)
        if new.year > last + 1:
            raise CalendarDataError(
                f"holiday notices must cover consecutive years: this calendar ends with "
                f"{last}, so add the {last + 1} notice before the {new.year} one"
            )
        if new.revision and not self.notices_for(new.year):
            raise CalendarDataError(
                f"the {new.year} notice has revision {new.revision} but the calendar has no "
                f"annual notice (revision 0) for {new.year} to amend"
            )
        if type(check) is not bool:
            raise InvalidInputError(f"check must be True or False, got {show(check)}")
        if check:
            from opengov.calendar._validate import check_notice

            check_notice(new, self)
        return WorkdayCalendar(
            (*self.sources, source), provisional=self._provisional, extra_rest_days=self._extra
        )

    def with_extra_rest_days(self, days: Iterable[date], name: str) -> WorkdayCalendar:
        """A new calendar where ``days`` are also rest days (regional festivals).

        Local governments set rest days for minority festivals (全国年节及纪念日放假
        办法 Art. 4); agencies in those areas do not work on them.

        >>> from datetime import date
        >>> cal = official_calendar().with_extra_rest_days([date(2026, 3, 20)], "肉孜节")
        >>> cal.is_working_day(date(2026, 3, 20)), cal.holiday_name(date(2026, 3, 20))
        (False, ('肉孜节', '肉孜节'))
        """
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError("extra rest days need a name, e.g. '古尔邦节'")
        if not _is_iterable(days):
            raise InvalidInputError("days must be an iterable of dates")
        extra = (*self._extra, (name, tuple(as_date(d, "extra rest day") for d in days)))
        return WorkdayCalendar(self.sources, provisional=self._provisional, extra_rest_days=extra)

    def with_provisional(self, provisional: bool = True) -> WorkdayCalendar:
        """The same notices, with provisional answers switched on or off."""
        if type(provisional) is not bool:
            raise InvalidInputError(f"provisional must be True or False, got {show(provisional)}")
        if provisional is self._provisional:
            return self
        return WorkdayCalendar(self.sources, provisional=provisional, extra_rest_days=self._extra)

    # -- arrays (numpy, the ``analysis`` extra) -------------------------------------

    def add_working_days_array(
        self, dates: npt.ArrayLike, n: npt.ArrayLike
    ) -> np.ndarray[Any, np.dtype[np.datetime64]]:
        """Vectorised :meth:`add_working_days` over a ``datetime64[D]`` array."""
        from opengov.calendar._array import add_array

        return add_array(self._day_index(), dates, n)

    def working_days_between_array(
        self, starts: npt.ArrayLike, ends: npt.ArrayLike
    ) -> np.ndarray[Any, np.dtype[np.int64]]:
        """Vectorised :meth:`working_days_between` over ``datetime64[D]`` arrays."""
        from opengov.calendar._array import between_array

        return between_array(self._day_index(), starts, ends)

    def _day_index(self) -> DayIndex:
        """The calendar's index as numpy arrays for :mod:`._array` (built once).

        The vectorised functions see only this value, never the calendar: the
        index is a derived cache, kept in ``_memo`` (the calendar is unchanged).
        """
        found: DayIndex | None = self._memo.get("day_index")
        if found is None:
            from opengov.calendar._array import day_index

            found = day_index(
                lo=self._lo,
                settled_until=self._off_hi,
                cum=self._cum,
                working_days=self._wd,
                first=self._coverage.first,
                last=date.fromordinal(self._hi),
                settled_last=self._coverage.last,
                coverage_error=self._coverage_error,
            )
            self._memo["day_index"] = found
        return found


def rest_days_passed(
    cal: WorkdayCalendar, after: date, n: int
) -> tuple[tuple[date, str, str], ...] | None:
    """The rest days counting ``n`` > 0 working days after ``after`` passes over.

    As ``(day, name_zh, name_en)`` tuples: what ``cal.offset(after, n).skipped``
    holds, without building a :class:`RestDay` per day (for the explanations of
    :mod:`opengov._engine`). ``None`` when the count leaves the calendar or
    touches provisional days: call :meth:`WorkdayCalendar.offset` then, which
    raises or warns.
    """
    lo = cal._lo
    i = after.toordinal() - lo
    if n <= 0 or i < 0 or i >= cal._size or i + lo > cal._off_hi:
        return None
    j = cal._cum[i + 1] + n - 1
    if j >= cal._nwd or cal._wd[j] > cal._off_hi:
        return None
    work, names, day = cal._work, cal._names, date.fromordinal
    out: list[tuple[date, str, str]] = []
    for k in range(i + 1, cal._wd[j] - lo):
        if not work[k]:
            zh, en = names.get(k, _WEEKEND)
            out.append((day(k + lo), zh, en))
    return tuple(out)


def _rebuild(
    sources: tuple[NoticeSource, ...],
    provisional: bool,
    extra: tuple[tuple[str, tuple[date, ...]], ...],
) -> WorkdayCalendar:
    """Unpickle a calendar: build it again from what it was built from."""
    return WorkdayCalendar(sources, provisional=provisional, extra_rest_days=extra)


_LOCK = allocate_lock()
_CACHE: dict[bool, WorkdayCalendar] = {}


def official_calendar(*, provisional: bool = False) -> WorkdayCalendar:
    """The mainland calendar from the bundled State Council notices (built once).

    Strict by default: a date after :attr:`WorkdayCalendar.coverage` raises
    :class:`~opengov.errors.CalendarCoverageError`. With ``provisional=True`` years
    after the notices follow the statutory festival rules, and every answer that
    rests on them is flagged.

    >>> from datetime import date
    >>> cal = official_calendar()
    >>> cal.add_working_days(date(2026, 9, 28), 20)
    datetime.date(2026, 10, 30)
    >>> cal.coverage.first, cal.coverage.last
    (datetime.date(2004, 1, 1), datetime.date(2026, 12, 28))
    """
    if type(provisional) is not bool:
        raise InvalidInputError(f"provisional must be True or False, got {show(provisional)}")
    cal = _CACHE.get(provisional)
    if cal is None:
        with _LOCK:
            cal = _CACHE.get(provisional)
            if cal is None:
                from opengov.calendar._data import bundled_notices

                base = _CACHE.get(not provisional)
                if base is not None:
                    cal = base.with_provisional(provisional)
                else:
                    cal = WorkdayCalendar(
                        [NoticeSource(n, "bundled") for n in bundled_notices()],
                        provisional=provisional,
                    )
                _CACHE[provisional] = cal
    return cal
