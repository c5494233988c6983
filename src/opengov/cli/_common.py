"""Helpers shared by the command-line areas: dates, numbers, the calendar, notice files."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from opengov._show import show
from opengov.errors import (
    CalendarCoverageError,
    CalendarDataError,
    InvalidDateError,
    InvalidInputError,
)

if TYPE_CHECKING:
    from opengov.calendar import HolidayNotice, WorkdayCalendar


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {one_line(message)} (see '{self.prog} --help')\n")


def one_line(text: str) -> str:
    """``text`` with line breaks shown as escapes, so an error stays on one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def parse_date(text: str, name: str) -> date:
    """A YYYY-MM-DD argument as a date, or InvalidDateError saying how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(f"{name} must be a date like 2026-09-28, got {show(text)}") from None


def parse_int(text: str, name: str) -> int:
    """A whole-number argument, or InvalidInputError."""
    try:
        return int(text)
    except ValueError:
        raise InvalidInputError(f"{name} must be a whole number, got {show(text)}") from None


def add_provisional_flag(parser: argparse.ArgumentParser) -> None:
    """The ``--provisional`` opt-in, worded the same for every command."""
    parser.add_argument(
        "--provisional",
        action="store_true",
        help="answer years without a State Council notice from the statutory rules (flagged)",
    )


@contextmanager
def coverage_hint(args: argparse.Namespace) -> Iterator[None]:
    """Point command-line users at ``--provisional`` rather than the Python call."""
    try:
        yield
    except CalendarCoverageError as exc:
        if args.provisional or "provisional=True" not in str(exc):
            raise
        raise CalendarCoverageError(
            f"{exc}; on the command line, add --provisional for a flagged answer"
        ) from None


def read_notice_file(path: str, year: int | None = None) -> HolidayNotice:
    """A notice from a file: its JSON record, or the notice's own text.

    For text, the year comes from ``year`` or from the title (关于2027年部分节假日
    安排的通知) in the text.
    """
    import re

    from opengov.calendar import load_notice, parse_notice_text
    from opengov.calendar._data import read_notice_file_bytes

    raw = read_notice_file_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalendarDataError(
            f"{show(path)} is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from None
    if text.lstrip().startswith("{"):
        return load_notice(text)
    if year is None:
        found = re.search(r"关于(\d{4})年(?:部分)?节假日安排", text[:4000])
        if found is None:
            raise CalendarDataError(
                f"{show(path)}: the year of the notice is not in its title "
                "(关于YYYY年部分节假日安排的通知); give it with --year"
            )
        year = int(found[1])
    return parse_notice_text(year, text)


def add_calendar_flags(parser: argparse.ArgumentParser) -> None:
    """``--provisional`` and ``--notice FILE``, worded the same for every command."""
    add_provisional_flag(parser)
    parser.add_argument(
        "--notice",
        action="append",
        default=[],
        metavar="FILE",
        help="also use this holiday notice (JSON record or the notice's text); repeatable",
    )


def calendar_from_args(args: argparse.Namespace) -> WorkdayCalendar:
    """The calendar in use, plus the ``--notice`` files, strict or provisional."""
    from opengov.calendar import default_calendar

    notices = [read_notice_file(path) for path in getattr(args, "notice", ())]
    return with_notices(default_calendar(provisional=bool(args.provisional)), notices)


def with_notices(cal: WorkdayCalendar, notices: list[HolidayNotice]) -> WorkdayCalendar:
    """``cal`` with ``notices`` added, skipping those it already has."""
    for notice in notices:
        have = [n for n in cal.notices if (n.year, n.revision) == (notice.year, notice.revision)]
        if have and have[0].festivals == notice.festivals:
            continue  # already in the calendar in use
        cal = cal.with_notice(notice)
    return cal
