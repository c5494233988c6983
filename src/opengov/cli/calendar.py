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
from typing import Any

from opengov.cli._common import add_provisional_flag, coverage_hint, parse_date, parse_int
from opengov.errors import (
    ProvisionalCalendarWarning,
)

_WEEKDAYS = "一二三四五六日"


def _calendar(args: argparse.Namespace) -> Any:
    from opengov.calendar import official_calendar

    return official_calendar(provisional=bool(args.provisional))


def _run_calendar(args: argparse.Namespace) -> int:
    year = parse_int(args.year, "year")
    cal = _calendar(args)
    with coverage_hint(args), warnings.catch_warnings(record=True) as caught:
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
    start = parse_date(args.start, "start")
    n = parse_int(args.n, "n")
    cal = _calendar(args)
    with coverage_hint(args), warnings.catch_warnings(record=True):
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        result = cal.offset(start, n)
    flag = "  (provisional)" if result.provisional else ""
    print(f"{result.due.isoformat()}{flag}")
    if args.explain:
        for r in result.skipped:
            print(f"  skipped {r.day.isoformat()} 周{_WEEKDAYS[r.day.weekday()]} {r.name_zh}")
    return 0


def _run_between(args: argparse.Namespace) -> int:
    start = parse_date(args.start, "start")
    end = parse_date(args.end, "end")
    cal = _calendar(args)
    with coverage_hint(args), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        count = cal.working_days_between(start, end)
    print(f"{count}{'  (provisional)' if caught else ''}")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``calendar`` and ``workdays`` commands."""
    provisional = argparse.ArgumentParser(add_help=False)
    add_provisional_flag(provisional)
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
