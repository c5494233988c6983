"""Functions the calendar tests run in other processes (importable by name)."""

from __future__ import annotations

from pathlib import Path

from opengov.calendar import WorkdayCalendar, parse_notice_text

INVENTED_2027 = Path(__file__).parent / "data" / "invented_notice_2027.txt"


def add_invented_2027(base: WorkdayCalendar) -> WorkdayCalendar:
    """``base`` (received pickled) with the invented 2027 notice added, built here."""
    notice = parse_notice_text(2027, INVENTED_2027.read_text(encoding="utf-8"))
    return base.with_notice(notice)
