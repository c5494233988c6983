"""``opengov calendar`` and ``opengov workdays``: the working-day calendar on the command line.

``opengov calendar 2026`` lists a year's rest days and make-up working days with
the notice that sets them; ``opengov calendar add-notice FILE`` checks a new State
Council notice and installs it for every later use, ``opengov calendar notices``
lists the notices in use with their origin, ``opengov calendar remove-notice YEAR``
removes an installed one, and ``opengov calendar recompute CASES --notice FILE``
lists the deadlines a notice moves. ``opengov workdays add 2026-09-28 20`` and
``opengov workdays between 2026-09-28 2026-10-30`` count working days.
``--provisional`` opts in to statutory-rule answers for years without a notice
(marked as such); ``--notice FILE`` adds a notice for one command.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

from opengov.cli._common import (
    Parser,
    add_calendar_flags,
    calendar_from_args,
    coverage_hint,
    parse_date,
    parse_int,
    read_notice_file,
    with_notices,
)
from opengov.errors import InvalidInputError, ProvisionalCalendarWarning

_WEEKDAYS = "一二三四五六日"


def _run_calendar(args: argparse.Namespace) -> int:
    year = parse_int(args.year, "year")
    cal = calendar_from_args(args)
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
    cal = calendar_from_args(args)
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
    cal = calendar_from_args(args)
    with coverage_hint(args), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        count = cal.working_days_between(start, end)
    print(f"{count}{'  (provisional)' if caught else ''}")
    return 0


def _run_add_notice(args: argparse.Namespace) -> int:
    from opengov.calendar import install_notice

    year = None if args.year is None else parse_int(args.year, "--year")
    notice = read_notice_file(args.file, year)
    source = install_notice(notice, directory=args.dir)
    where = f"installed at {source.path}" if source.path else "already shipped with opengov"
    print(f"{notice.year} (revision {notice.revision}) {notice.label}: {where}")
    if args.dir is not None:
        from pathlib import Path

        from opengov.calendar import notice_dirs

        if Path(args.dir).resolve() not in {d.resolve() for d in notice_dirs()}:
            print(
                f"opengov: warning: {args.dir} is not a notice directory in use; name it in "
                "OPENGOV_NOTICES for opengov to read it",
                file=sys.stderr,
            )
    return 0


def _source_row(source: Any) -> dict[str, Any]:
    n = source.notice
    return {
        "year": n.year,
        "revision": n.revision,
        "notice_no": n.notice_no,
        "title": n.title,
        "published": n.published.isoformat() if n.published else None,
        "evidence": n.evidence,
        "origin": source.origin,
        "path": source.path,
    }


def _run_notices(args: argparse.Namespace) -> int:
    import json

    cal = calendar_from_args(args)
    rows = [_source_row(s) for s in cal.sources]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        origin = r["origin"] + (f" {r['path']}" if r["path"] else "")
        number = r["notice_no"] or r["title"]
        print(f"{r['year']} r{r['revision']}  {number}  [{r['evidence']}]  {origin}")
    print(f"official data through {cal.coverage.last.isoformat()}")
    return 0


def _run_remove_notice(args: argparse.Namespace) -> int:
    from opengov.calendar import remove_notice

    year = parse_int(args.year, "year")
    revision = parse_int(args.revision, "--revision")
    for path in remove_notice(year, revision, directory=args.dir):
        print(f"removed {path}")
    return 0


def _run_recompute(args: argparse.Namespace) -> int:
    from opengov.calendar import WorkdayCalendar, default_calendar
    from opengov.cli._cases import read_cases, write_changes
    from opengov.recompute import changed_deadlines

    if not args.notice:
        raise InvalidInputError(
            "recompute needs the new notice: --notice FILE (the notice's JSON or text)"
        )
    notices = [read_notice_file(path) for path in args.notice]
    new = with_notices(default_calendar(), notices)
    added = {(n.year, n.revision) for n in notices}
    # The old calendar is the new one without the given notices (whether or not
    # they are installed already), strict or provisional as the old answers were.
    old = WorkdayCalendar(
        [s for s in new.sources if (s.notice.year, s.notice.revision) not in added],
        provisional=bool(args.provisional),
    )
    cases = read_cases(args.cases)
    changes = changed_deadlines(cases, old, new)
    write_changes(changes, args.format)
    return 0


def register(subparsers: Any) -> None:
    """Add the ``calendar`` and ``workdays`` commands."""
    flags = argparse.ArgumentParser(add_help=False)
    add_calendar_flags(flags)
    cal = subparsers.add_parser(
        "calendar",
        help="a year's rest days; add, list and remove holiday notices; recompute",
        description="opengov calendar YEAR lists a year's rest days and make-up working "
        "days. Actions: add-notice FILE, notices, remove-notice YEAR, recompute CASES "
        "--notice FILE (each has its own --help).",
    )
    cal.add_argument(
        "what", nargs="?", metavar="YEAR|ACTION", help="a year such as 2026, or an action"
    )
    cal.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    actions: dict[str, argparse.ArgumentParser] = {}

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        p = Parser(prog=f"opengov calendar {name}", description=help_)
        actions[name] = p
        return p

    show = action("show", "a year's rest days and make-up working days, with their notice")
    show.add_argument("year", help="e.g. 2026")
    add_calendar_flags(show)
    show.set_defaults(run=_run_calendar)
    add_notice = action(
        "add-notice",
        "check a State Council holiday notice and install it for this user, so every "
        "later command and library call uses it",
    )
    add_notice.add_argument("file", help="the notice's JSON record, or its text (UTF-8)")
    add_notice.add_argument("--year", help="the notice's year, if its text has no title")
    add_notice.add_argument("--dir", help="install here instead of the user's notice directory")
    add_notice.set_defaults(run=_run_add_notice)
    notices = action("notices", "the notices in use, with their origin and file")
    notices.add_argument("--json", action="store_true", help="print JSON")
    add_calendar_flags(notices)
    notices.set_defaults(run=_run_notices)
    remove = action("remove-notice", "remove an installed notice from the user's directory")
    remove.add_argument("year")
    remove.add_argument("--revision", default="0", help="the amendment's revision (default 0)")
    remove.add_argument("--dir", help="remove from here instead of the user's notice directory")
    remove.set_defaults(run=_run_remove_notice)
    recompute = action(
        "recompute",
        "the deadlines of the cases in CASES (JSON Lines: id with received_on or "
        "application) that move when the --notice files are added",
    )
    recompute.add_argument("cases", help="a JSON Lines file of cases, or - for standard input")
    recompute.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    add_calendar_flags(recompute)
    recompute.set_defaults(run=_run_recompute)

    def dispatch(args: argparse.Namespace) -> int:
        if args.what is None:
            raise InvalidInputError(
                f"give a year (opengov calendar 2026) or an action: {', '.join(actions)}"
            )
        name = args.what if args.what in actions else "show"
        argv = list(args.rest) if name == args.what else [args.what, *args.rest]
        parsed = actions[name].parse_args(
            argv, namespace=argparse.Namespace(**vars(flags.parse_args([])))
        )
        if args.provisional:
            parsed.provisional = True
        parsed.notice = [*args.notice, *getattr(parsed, "notice", [])]
        run: Any = parsed.run
        return int(run(parsed))

    add_calendar_flags(cal)
    cal.set_defaults(run=dispatch)

    wd = subparsers.add_parser("workdays", help="count working days (工作日)")
    wd_sub = wd.add_subparsers(dest="workdays_command", required=True, metavar="ACTION")
    add = wd_sub.add_parser(
        "add",
        parents=[flags],
        help="the N-th working day after START (the start day is not counted)",
    )
    add.add_argument("start", help="e.g. 2026-09-28")
    add.add_argument("n", help="working days; negative counts backwards")
    add.add_argument("--explain", action="store_true", help="list the rest days passed over")
    add.set_defaults(run=_run_add)
    between = wd_sub.add_parser("between", parents=[flags], help="working days in (START, END]")
    between.add_argument("start")
    between.add_argument("end")
    between.set_defaults(run=_run_between)
