"""Deadlines that moved when the calendar changed (重新计算期限).

When a State Council holiday notice is added (or amended), deadlines already given
to applicants or entered in a case-handling system may move. :func:`changed_deadlines`
computes every deadline of each case on the old and the new calendar and returns
those that differ: the old date, the new date, and the days whose status the new
calendar changed within the period. A case whose old deadline could not be computed
(no notice yet, strict calendar) appears with ``old_due`` ``None``.

Legal basis:
    - ogi-2019:33.2 (working-day periods); holiday-measures-2024:2 (the notices set
      which days are worked).

>>> from datetime import date
>>> from opengov.calendar import DateRange, Festival, HolidayNotice, official_calendar
>>> old = official_calendar()
>>> change = HolidayNotice(2026, (Festival("中秋节", "Mid-Autumn Festival",
...     (DateRange(date(2026, 9, 24), date(2026, 9, 27)),), (date(2026, 9, 19),)),), revision=1)
>>> moved = changed_deadlines({"A-1": date(2026, 9, 21)}, old, old.with_notice(change))
>>> [(m.case, m.old_due, m.new_due, m.days) for m in moved]
[('A-1', datetime.date(2026, 10, 26), datetime.date(2026, 10, 27), (datetime.date(2026, 9, 24),))]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from opengov._model import FrozenModel
from opengov.deadlines import Deadline, DeadlineKind, reply_deadline
from opengov.errors import CalendarCoverageError, InvalidInputError, ProvisionalCalendarWarning

if TYPE_CHECKING:
    from opengov.applications import Application
    from opengov.calendar import WorkdayCalendar

__all__ = ["DeadlineChange", "changed_deadlines"]

_ONE_DAY = timedelta(days=1)
# A period spans weeks, a remedy period a year; no span to scan is longer.
_MAX_SPAN_DAYS = 800


class DeadlineChange(FrozenModel):
    """One deadline of one case that differs between two calendars.

    ``days`` are the days from the period's start to the later due date whose
    status (working day or rest day) differs between the calendars: what moved it.
    ``old_due`` or ``new_due`` is ``None`` where that calendar gave no answer
    (``old_error``/``new_error`` say why).
    """

    case: str
    kind: DeadlineKind
    start: date
    old_due: date | None
    new_due: date | None
    days: tuple[date, ...] = ()
    old_error: str | None = None
    new_error: str | None = None


def _deadlines(case: Any, cal: WorkdayCalendar) -> tuple[tuple[Deadline, ...], str | None]:
    from opengov.applications import Application

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            if isinstance(case, Application):
                return case.deadlines(calendar=cal), None
            return (reply_deadline(case, calendar=cal),), None
    except CalendarCoverageError as exc:
        return (), str(exc)


def _status(cal: WorkdayCalendar, day: date) -> bool | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            return cal.is_working_day(day)
    except CalendarCoverageError:
        return None


def _differing(old: WorkdayCalendar, new: WorkdayCalendar, first: date, last: date) -> list[date]:
    days = []
    day = first
    stop = min(last, first + timedelta(days=_MAX_SPAN_DAYS))
    while day <= stop:
        before, after = _status(old, day), _status(new, day)
        if before is not None and after is not None and before != after:
            days.append(day)
        day += _ONE_DAY
    return days


def _by_kind(deadlines: tuple[Deadline, ...]) -> dict[tuple[DeadlineKind, int], Deadline]:
    seen: dict[DeadlineKind, int] = {}
    out = {}
    for d in deadlines:
        n = seen.get(d.kind, 0)
        seen[d.kind] = n + 1
        out[(d.kind, n)] = d
    return out


def changed_deadlines(
    cases: Mapping[str, Application | date] | Iterable[tuple[str, Application | date]],
    old: WorkdayCalendar,
    new: WorkdayCalendar,
) -> tuple[DeadlineChange, ...]:
    """Every deadline of ``cases`` that differs between ``old`` and ``new``.

    ``cases`` maps a case identifier to an :class:`~opengov.applications.Application`
    (all of :meth:`~opengov.applications.Application.deadlines` are compared) or to
    the date an application was received (its reply deadline is compared). The
    result is in case order, then in the order of the application's deadlines.
    """
    from opengov.applications import Application
    from opengov.calendar import WorkdayCalendar

    for cal, name in ((old, "old"), (new, "new")):
        if not isinstance(cal, WorkdayCalendar):
            raise InvalidInputError(f"{name} must be a WorkdayCalendar, got {type(cal).__name__}")
    items = cases.items() if isinstance(cases, Mapping) else cases
    out: list[DeadlineChange] = []
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2):
            raise InvalidInputError(
                f"each case is (identifier, Application or receipt date), got {item!r:.80}"
            )
        case_id, case = item
        if not isinstance(case, (Application, date)):
            raise InvalidInputError(
                f"case {case_id!r}: expected an Application or a receipt date, "
                f"got {type(case).__name__}"
            )
        before, old_error = _deadlines(case, old)
        after, new_error = _deadlines(case, new)
        old_map, new_map = _by_kind(before), _by_kind(after)
        for key in dict.fromkeys([*old_map, *new_map]):
            a, b = old_map.get(key), new_map.get(key)
            if a is not None and b is not None and a.due == b.due:
                continue
            start = (a or b).start  # type: ignore[union-attr]  # one of them is set
            last = max(d.due for d in (a, b) if d is not None)
            days = _differing(old, new, start, last) if a is not None and b is not None else []
            out.append(
                DeadlineChange(
                    case=str(case_id),
                    kind=key[0],
                    start=start,
                    old_due=None if a is None else a.due,
                    new_due=None if b is None else b.due,
                    days=tuple(days),
                    old_error=old_error if a is None else None,
                    new_error=new_error if b is None else None,
                )
            )
    return tuple(out)
