"""``opengov calendar`` and ``opengov workdays``: the working-day calendar on the command line.

``opengov calendar 2026`` lists a year's rest days and make-up working days with
the notice that sets them; ``opengov workdays add 2026-09-28 20`` and ``opengov
workdays between 2026-09-28 2026-10-30`` count working days. ``--provisional``
opts in to statutory-rule answers for years without a notice (marked as such).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from opengov._show import show
from opengov.errors import (
    CalendarCoverageError,
    InvalidDateError,
    InvalidInputError,
    ProvisionalCalendarWarning,
)

_WEEKDAYS = "一二三四五六日"


def _date(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(f"{name} must be a date like 2026-09-28, got {show(text)}") from None


def _int(text: str, name: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InvalidInputError(f"{name} must be a whole number, got {show(text)}") from None


def _calendar(args: argparse.Namespace) -> Any:
    from opengov.calendar import official_calendar

    return official_calendar(provisional=bool(args.provisional))


@contextmanager
def _coverage_hint(args: argparse.Namespace) -> Iterator[None]:
    """Point command-line users at ``--provisional`` rather than the Python call."""
    try:
        yield
    except CalendarCoverageError as exc:
        if args.provisional or "provisional=True" not in str(exc):
            raise
        raise CalendarCoverageError(
            f"{exc}; on the command line, add --provisional for a flagged answer"
        ) from None


def _run_calendar(args: argparse.Namespace) -> int:
    year = _int(args.year, "year")
    cal = _calendar(args)
    with _coverage_hint(args), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        rest = cal.rest_days(year)
        makeup = cal.make_up_workdays(year)
    notices = cal.notices_for(year)
    out = sys.stdout
    if notices:
        for notice in notices:
            number = notice.notice_no or "document number unknown"
            published = notice.published.isoformat() if notice.published else "date unknown"
            out.write(f"{notice.title} ({number}; {published}; evidence: {notice.evidence})\n")
    else:
        out.write(
            f"{year}: PROVISIONAL - no State Council notice; statutory holidays only "
            "(全国年节及纪念日放假办法), no 调休\n"
        )
    out.write("rest days (besides ordinary weekends):\n")
    for r in rest:
        out.write(
            f"  {r.day.isoformat()} 周{_WEEKDAYS[r.day.weekday()]}  {r.name_zh} {r.name_en}\n"
        )
    out.write("make-up working days (调休上班):\n")
    for d in makeup:
        out.write(f"  {d.isoformat()} 周{_WEEKDAYS[d.weekday()]}  {cal.source(d) or ''}\n")
    if not makeup:
        out.write("  none\n")
    if caught:
        print("opengov: warning: provisional calendar data (no notice yet)", file=sys.stderr)
    return 0


def _run_add(args: argparse.Namespace) -> int:
    start = _date(args.start, "start")
    n = _int(args.n, "n")
    cal = _calendar(args)
    with _coverage_hint(args), warnings.catch_warnings(record=True):
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        result = cal.offset(start, n)
    flag = "  (provisional)" if result.provisional else ""
    print(f"{result.due.isoformat()}{flag}")
    if args.explain:
        for r in result.skipped:
            print(f"  skipped {r.day.isoformat()} 周{_WEEKDAYS[r.day.weekday()]} {r.name_zh}")
    return 0


def _run_between(args: argparse.Namespace) -> int:
    start = _date(args.start, "start")
    end = _date(args.end, "end")
    cal = _calendar(args)
    with _coverage_hint(args), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        count = cal.working_days_between(start, end)
    print(f"{count}{'  (provisional)' if caught else ''}")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``calendar`` and ``workdays`` commands."""
    provisional = argparse.ArgumentParser(add_help=False)
    provisional.add_argument(
        "--provisional",
        action="store_true",
        help="answer years without a State Council notice from the statutory rules (flagged)",
    )
    cal = subparsers.add_parser(
        "calendar",
        parents=[provisional],
        help="a year's rest days and make-up working days, with their notice",
    )
    cal.add_argument("year", help="e.g. 2026")
    cal.set_defaults(run=_run_calendar)

    wd = subparsers.add_parser("workdays", help="count working days (工作日)")
    wd_sub = wd.add_subparsers(dest="workdays_command", required=True, metavar="ACTION")
    add = wd_sub.add_parser(
        "add",
        parents=[provisional],
        help="the N-th working day after START (the start day is not counted)",
    )
    add.add_argument("start", help="e.g. 2026-09-28")
    add.add_argument("n", help="working days; negative counts backwards")
    add.add_argument("--explain", action="store_true", help="list the rest days passed over")
    add.set_defaults(run=_run_add)
    between = wd_sub.add_parser(
        "between", parents=[provisional], help="working days in (START, END]"
    )
    between.add_argument("start")
    between.add_argument("end")
    between.set_defaults(run=_run_between)
