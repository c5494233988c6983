"""Frozen records of the working-day calendar: notices, festivals and results.

Small frozen classes with slots (no pydantic, no dataclasses: both cost more to
import than the whole calendar), so that the fast path imports nothing heavy.
Every field is an immutable value: dates, strings, tuples. Instances compare and
hash by value and refuse attribute assignment.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from opengov._show import show
from opengov.errors import CalendarDataError, InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "EVIDENCE_LEVELS",
    "NOTICE_ORIGINS",
    "OPEN_DAYS_FROM",
    "DateRange",
    "Festival",
    "HolidayNotice",
    "Immutable",
    "NoticeSource",
    "PeriodEnd",
    "RestDay",
    "WorkdayOffset",
]

#: How well a notice record has been checked against the notice itself.
EVIDENCE_LEVELS: tuple[str, ...] = ("verified", "partly_verified", "recalled")

#: The first day of the previous year that a notice may still set (month, day).
#: The next year's notice can move the last days of December: the 元旦 block
#: reaches back when 1 January is a Tuesday (2007-12-29 and 2018-12-29 became
#: working days, 2007-12-31 and 2018-12-31 rest days; 2005-12-31, 2006-12-30/31
#: and 2011-12-31 were also moved). Since 2004 no notice has reached further back
#: than 29 December, so a calendar's data for its last year is settled until 28
#: December, and a notice for year Y sets only days from 29 December of Y-1 on.
OPEN_DAYS_FROM: tuple[int, int] = (12, 29)

#: Where a calendar got a notice: shipped with opengov, read from a notices
#: directory of the deployment (see :func:`opengov.calendar.default_calendar`), or
#: given in code (:meth:`WorkdayCalendar.with_notice`).
NOTICE_ORIGINS: tuple[str, ...] = ("bundled", "installed", "added")


def _check_result(record: str, **fields: tuple[object, type]) -> None:
    """Refuse a result field of the wrong type (results are built by the calendar)."""
    for name, (value, kind) in fields.items():
        if kind is date:
            ok = type(value) is date
        elif kind is bool or kind is int:
            ok = type(value) is kind
        else:
            ok = isinstance(value, kind)
        if not ok:
            raise InvalidInputError(
                f"{record}.{name} has the wrong type ({type(value).__name__}: {show(value)}); "
                "results are built by WorkdayCalendar methods, not by hand"
            )


def _check_items(record: str, name: str, values: tuple[object, ...], kind: type) -> None:
    for value in values:
        if type(value) is not kind:
            raise InvalidInputError(
                f"{record}.{name} must hold {kind.__name__} values, got "
                f"{type(value).__name__} ({show(value)})"
            )


def _check_date(value: object, what: str) -> date:
    if type(value) is not date:
        raise CalendarDataError(f"{what} must be a datetime.date, got {show(value)}")
    return value


class Immutable:
    """The calendar's one immutability guard (its objects are not pydantic models).

    Every assignment and deletion raises ``AttributeError``; the values are set
    once, in the constructor, with :meth:`_init`. ``_hint`` says what to do
    instead.
    """

    __slots__ = ()
    _hint: ClassVar[str] = ""

    def _init(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable{self._hint}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")


class _Frozen(Immutable):
    """Base of the calendar's value objects: immutable, compared by value."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self._key()))

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({args})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), self._key())


class DateRange(_Frozen):
    """An inclusive range of calendar days, ``first`` to ``last``.

    >>> from datetime import date
    >>> r = DateRange(date(2026, 10, 1), date(2026, 10, 7))
    >>> len(r), date(2026, 10, 7) in r
    (7, True)
    """

    __slots__ = ("first", "last")
    _fields = __slots__
    first: date
    last: date

    def __init__(self, first: date, last: date) -> None:
        _check_date(first, "first day of a range")
        _check_date(last, "last day of a range")
        if last < first:
            raise CalendarDataError(f"range {first} to {last} ends before it starts")
        self._init(first=first, last=last)

    def __contains__(self, day: object) -> bool:
        return type(day) is date and self.first <= day <= self.last

    def __len__(self) -> int:
        return (self.last - self.first).days + 1

    def __iter__(self) -> Iterator[date]:
        # By ordinal: adding a day to date.max would overflow.
        for ordinal in range(self.first.toordinal(), self.last.toordinal() + 1):
            yield date.fromordinal(ordinal)

    def __str__(self) -> str:
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


class Festival(_Frozen):
    """One item of a holiday notice: a festival's rest days and make-up working days.

    ``rest`` holds the rest-day ranges as the notice states them (weekends inside a
    block included); ``workdays`` the weekend days the notice turns into working days
    (调休上班). ``zh`` and ``en`` name the festival; a notice item covering two
    festivals (国庆节、中秋节) keeps the notice's joint name. ``special`` marks an
    item that is not one of the statutory festivals of the holiday measures, or
    departs from them on purpose (the 2015 anniversary rest day, the 2020 Spring
    Festival extension); such an item is exempt from the plausibility checks of
    :func:`~opengov.calendar.check_notice`, never from the settled-days rule.
    """

    __slots__ = ("zh", "en", "rest", "workdays", "special")  # noqa: RUF023  (constructor order)
    _fields = __slots__
    zh: str
    en: str
    rest: tuple[DateRange, ...]
    workdays: tuple[date, ...]
    special: bool

    def __init__(
        self,
        zh: str,
        en: str,
        rest: tuple[DateRange, ...],
        workdays: tuple[date, ...] = (),
        special: bool = False,
    ) -> None:
        self._init(zh=zh, en=en, rest=rest, workdays=workdays, special=special)
        if type(self.special) is not bool:
            raise CalendarDataError(
                f"festival {show(self.zh)}: special must be true or false, got {show(self.special)}"
            )
        if not isinstance(self.zh, str) or not self.zh.strip():
            raise CalendarDataError(f"a festival needs a Chinese name, got {show(self.zh)}")
        if not isinstance(self.en, str) or not self.en.strip():
            raise CalendarDataError(
                f"festival {self.zh} needs an English name, got {show(self.en)}"
            )
        if not isinstance(self.rest, tuple) or not all(isinstance(r, DateRange) for r in self.rest):
            raise CalendarDataError(f"festival {self.zh}: rest must be a tuple of DateRange")
        if not isinstance(self.workdays, tuple):
            raise CalendarDataError(f"festival {self.zh}: workdays must be a tuple of dates")
        for day in self.workdays:
            _check_date(day, f"festival {self.zh}: make-up working day")
            if day.weekday() < 5:
                raise CalendarDataError(
                    f"festival {self.zh}: make-up working day {day} is a "
                    f"{day.strftime('%A')}, not a weekend day; a notice only turns "
                    "Saturdays and Sundays into working days"
                )
        clash = sorted(set(self.rest_days()).intersection(self.workdays))
        if clash:
            raise CalendarDataError(
                f"festival {self.zh}: {clash[0]} is both a rest day and a make-up working day"
            )

    def rest_days(self) -> tuple[date, ...]:
        """Every rest day of the festival, in order."""
        return tuple(day for r in self.rest for day in r)

    @property
    def span(self) -> DateRange | None:
        """The block from the first to the last rest day (``None`` without rest days)."""
        if not self.rest:
            return None
        return DateRange(min(r.first for r in self.rest), max(r.last for r in self.rest))


class HolidayNotice(_Frozen):
    """One State Council holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知).

    ``revision`` is 0 for the annual notice and 1, 2, … for later notices of the
    same year; a later notice replaces the festivals it names (same ``zh``) and
    adds any others (2019 Labour Day, the 2020 Spring Festival extension, the
    one-off 2015 anniversary). ``notice_no`` is the document number
    (国办发明电〔YYYY〕N号) or ``None`` where it is not known; ``evidence`` says how
    well the record was checked: one of ``verified``, ``partly_verified``,
    ``recalled``.

    >>> from datetime import date
    >>> n = HolidayNotice(2027, (Festival("元旦", "New Year's Day",
    ...     (DateRange(date(2027, 1, 1), date(2027, 1, 3)),)),))
    >>> n.title
    '国务院办公厅关于2027年部分节假日安排的通知'
    >>> n.rest_days()[-1]
    datetime.date(2027, 1, 3)
    """

    __slots__ = (  # noqa: RUF023  (constructor order)
        "year",
        "festivals",
        "revision",
        "notice_no",
        "title",
        "published",
        "source_url",
        "evidence",
        "note",
    )
    _fields = __slots__
    year: int
    festivals: tuple[Festival, ...]
    revision: int
    notice_no: str | None
    title: str
    published: date | None
    source_url: str | None
    evidence: str
    note: str | None

    def __init__(
        self,
        year: int,
        festivals: tuple[Festival, ...],
        revision: int = 0,
        notice_no: str | None = None,
        title: str = "",
        published: date | None = None,
        source_url: str | None = None,
        evidence: str = "verified",
        note: str | None = None,
    ) -> None:
        self._init(
            year=year,
            festivals=festivals,
            revision=revision,
            notice_no=notice_no,
            title=title,
            published=published,
            source_url=source_url,
            evidence=evidence,
            note=note,
        )
        if type(self.year) is not int or not 1949 < self.year < 10000:
            raise CalendarDataError(
                f"a notice year must be an int such as 2027, got {show(self.year)}"
            )
        if type(self.revision) is not int or self.revision < 0:
            raise CalendarDataError(f"revision must be an int >= 0, got {show(self.revision)}")
        if not isinstance(self.festivals, tuple) or not all(
            isinstance(f, Festival) for f in self.festivals
        ):
            raise CalendarDataError("festivals must be a tuple of Festival")
        if not self.festivals:
            raise CalendarDataError(f"the {self.year} notice names no festival")
        names = [f.zh for f in self.festivals]
        if len(set(names)) != len(names):
            raise CalendarDataError(f"the {self.year} notice names a festival twice: {names}")
        if self.evidence not in EVIDENCE_LEVELS:
            raise CalendarDataError(
                f"evidence must be one of {', '.join(EVIDENCE_LEVELS)}; got {show(self.evidence)}"
            )
        if self.published is not None:
            _check_date(self.published, "publication date")
        for text, what in ((self.notice_no, "notice_no"), (self.source_url, "source_url")):
            if text is not None and not isinstance(text, str):
                raise CalendarDataError(f"{what} must be a string or None, got {show(text)}")
        if self.note is not None and not isinstance(self.note, str):
            raise CalendarDataError(f"note must be a string or None, got {show(self.note)}")
        if not isinstance(self.title, str):
            raise CalendarDataError(f"title must be a string, got {show(self.title)}")
        if not self.title:
            self._init(title=f"国务院办公厅关于{self.year}年部分节假日安排的通知")
        seen: dict[date, str] = {}
        for fest in self.festivals:
            for day in (*fest.rest_days(), *fest.workdays):
                if day in seen:
                    raise CalendarDataError(
                        f"the {self.year} notice lists {day} under both {seen[day]} and {fest.zh}"
                    )
                seen[day] = fest.zh
                if not date(self.year - 1, *OPEN_DAYS_FROM) <= day <= date(self.year, 12, 31):
                    from opengov.errors import NoticeRejectedError

                    raise NoticeRejectedError(
                        f"the {self.year} notice lists {day.isoformat()} under {fest.zh}: a "
                        f"notice for {self.year} may set only days from "
                        f"{self.year - 1}-12-{OPEN_DAYS_FROM[1]} to {self.year}-12-31 (earlier "
                        f"days are settled by the {self.year - 1} notice); check the year of "
                        "the notice and the dates of that item"
                    )

    @property
    def label(self) -> str:
        """The document number, or the title where the number is unknown."""
        return self.notice_no or self.title

    def rest_days(self) -> tuple[date, ...]:
        """Every rest day the notice sets, in date order."""
        return tuple(sorted(d for f in self.festivals for d in f.rest_days()))

    def make_up_workdays(self) -> tuple[date, ...]:
        """Every weekend day the notice turns into a working day, in date order."""
        return tuple(sorted(d for f in self.festivals for d in f.workdays))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form read back by :func:`opengov.calendar.load_notice`."""
        return {
            "year": self.year,
            "revision": self.revision,
            "notice_no": self.notice_no,
            "title": self.title,
            "published": None if self.published is None else self.published.isoformat(),
            "source_url": self.source_url,
            "evidence": self.evidence,
            "note": self.note,
            "festivals": [
                {
                    "zh": f.zh,
                    "en": f.en,
                    "rest": [[r.first.isoformat(), r.last.isoformat()] for r in f.rest],
                    "workdays": [d.isoformat() for d in f.workdays],
                    **({"special": True} if f.special else {}),
                }
                for f in self.festivals
            ],
        }

    def to_json(self) -> str:
        """The record as a JSON document (UTF-8 text, Chinese kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)


class RestDay(_Frozen):
    """A rest day passed over by a computation, with the reason it is not worked.

    ``name_zh``/``name_en`` are the festival of the rest block (e.g. 国庆节), or
    ``"周末"``/``"weekend"`` for an ordinary Saturday or Sunday.
    """

    __slots__ = ("day", "name_zh", "name_en")  # noqa: RUF023  (constructor order)
    _fields = __slots__
    day: date
    name_zh: str
    name_en: str

    def __init__(self, day: date, name_zh: str, name_en: str) -> None:
        _check_result("RestDay", day=(day, date), name_zh=(name_zh, str), name_en=(name_en, str))
        self._init(day=day, name_zh=name_zh, name_en=name_en)


class WorkdayOffset(_Frozen):
    """The result of counting ``n`` working days from ``start``.

    ``skipped`` lists the rest days between ``start`` and ``due`` (both excluded),
    in date order. ``provisional`` is true when any day counted lies after the
    official data (see :meth:`WorkdayCalendar.is_provisional`).
    """

    __slots__ = ("start", "n", "due", "provisional", "skipped")  # noqa: RUF023  (constructor order)
    _fields = __slots__
    start: date
    n: int
    due: date
    provisional: bool
    skipped: tuple[RestDay, ...]

    def __init__(
        self, start: date, n: int, due: date, provisional: bool, skipped: tuple[RestDay, ...]
    ) -> None:
        _check_result(
            "WorkdayOffset",
            start=(start, date),
            n=(n, int),
            due=(due, date),
            provisional=(provisional, bool),
            skipped=(skipped, tuple),
        )
        _check_items("WorkdayOffset", "skipped", skipped, RestDay)
        self._init(start=start, n=n, due=due, provisional=provisional, skipped=skipped)


class PeriodEnd(_Frozen):
    """The last day of a calendar-day or month period (Civil Code Arts. 201-203).

    ``nominal_end`` is the last day before any roll-over; ``due`` the last day
    after rolling over rest days (``rolled``, in order); ``basis`` the citations
    (canonical strings, see :mod:`opengov.citations`).
    """

    __slots__ = ("start", "nominal_end", "due", "rolled", "provisional", "basis")  # noqa: RUF023  (constructor order)
    _fields = __slots__
    start: date
    nominal_end: date
    due: date
    rolled: tuple[RestDay, ...]
    provisional: bool
    basis: tuple[str, ...]

    def __init__(
        self,
        start: date,
        nominal_end: date,
        due: date,
        rolled: tuple[RestDay, ...],
        provisional: bool,
        basis: tuple[str, ...],
    ) -> None:
        _check_result(
            "PeriodEnd",
            start=(start, date),
            nominal_end=(nominal_end, date),
            due=(due, date),
            rolled=(rolled, tuple),
            provisional=(provisional, bool),
            basis=(basis, tuple),
        )
        _check_items("PeriodEnd", "rolled", rolled, RestDay)
        _check_items("PeriodEnd", "basis", basis, str)
        self._init(
            start=start,
            nominal_end=nominal_end,
            due=due,
            rolled=rolled,
            provisional=provisional,
            basis=basis,
        )


class NoticeSource(_Frozen):
    """A notice of a calendar and where the calendar got it.

    ``origin`` is one of :data:`NOTICE_ORIGINS`; ``path`` is the file an
    installed notice was read from (``None`` otherwise).
    """

    __slots__ = ("notice", "origin", "path")
    _fields = __slots__
    notice: HolidayNotice
    origin: str
    path: str | None

    def __init__(self, notice: HolidayNotice, origin: str, path: str | None = None) -> None:
        if not isinstance(notice, HolidayNotice):
            raise InvalidInputError(
                f"NoticeSource.notice must be a HolidayNotice, got {show(notice)}"
            )
        if origin not in NOTICE_ORIGINS:
            raise InvalidInputError(
                f"a notice's origin is one of {', '.join(NOTICE_ORIGINS)}; got {show(origin)}"
            )
        if path is not None and not isinstance(path, str):
            raise InvalidInputError(f"NoticeSource.path must be a string or None, got {show(path)}")
        self._init(notice=notice, origin=origin, path=path)
