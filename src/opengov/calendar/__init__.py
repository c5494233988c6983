"""Working-day calendar (工作日, Arts. 26, 30, 32-34; Civil Code Arts. 201-203).

Every period of the Regulation is counted in working days (工作日): 20 to reply
(Art. 33), 7 to ask for corrections (Art. 30), 15 for third-party and agency
opinions (Arts. 32, 34), 20 for proactive disclosure (Art. 26). A working day is a
day that is not a Saturday or Sunday (国务院关于职工工作时间的规定 Art. 7) nor a
rest day of the State Council's annual holiday notice; weekend days the notice turns
into working days (调休上班) are working days. :func:`official_calendar` gives the
mainland calendar from the notices of 2004 to 2026, with provenance per notice.
Official data stops on 28 December of the last notice year, because the next
year's notice can still move 29-31 December; later dates raise
:class:`~opengov.errors.CalendarCoverageError` unless the caller opts in to
provisional answers, which are always flagged. :func:`default_calendar` is the
calendar every deadline counts on unless given one: the bundled notices plus the
notices a deployment installed (``OPENGOV_NOTICES``, the user's data directory,
``opengov calendar add-notice``), each checked by :func:`check_notice` first.

Counting never includes the start day (Civil Code Art. 201): the first working day
after it is day 1. Calendar-day and month periods follow Civil Code Arts. 201-203.

Legal basis:
    - ogi-2019:26, ogi-2019:30, ogi-2019:32, ogi-2019:33, ogi-2019:34 (periods in 工作日).
    - working-hours-1995:7 (Saturday and Sunday are the weekly rest days).
    - holiday-measures-2024:2, holiday-measures-2024:6 (festivals; 补假).
    - civil-code:201, civil-code:202, civil-code:203 (counting periods).

>>> from datetime import date
>>> from opengov.calendar import official_calendar
>>> cal = official_calendar()
>>> cal.is_working_day(date(2026, 10, 10))  # a Saturday made a working day
True
>>> cal.holiday_name(date(2026, 10, 3))
('国庆节', 'National Day')
>>> cal.add_working_days(date(2026, 9, 28), 20)
datetime.date(2026, 10, 30)
>>> cal.working_days_between(date(2026, 9, 28), date(2026, 10, 30))
20
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from opengov.calendar._core import PROVISIONAL_LAST_YEAR, WorkdayCalendar, official_calendar
from opengov.calendar._data import load_notice
from opengov.calendar._default import (
    NOTICES_ENV,
    default_calendar,
    install_notice,
    installed_notices,
    notice_dirs,
    reload_default_calendar,
    remove_notice,
    set_default_calendar,
    user_notice_dir,
)
from opengov.calendar._records import (
    EVIDENCE_LEVELS,
    NOTICE_ORIGINS,
    OPEN_DAYS_FROM,
    DateRange,
    Festival,
    HolidayNotice,
    NoticeSource,
    PeriodEnd,
    RestDay,
    WorkdayOffset,
)

__all__ = [
    "EVIDENCE_LEVELS",
    "NOTICES_ENV",
    "NOTICE_ORIGINS",
    "OPEN_DAYS_FROM",
    "PROVISIONAL_LAST_YEAR",
    "DateRange",
    "Festival",
    "HolidayNotice",
    "NoticeSource",
    "PeriodEnd",
    "RestDay",
    "WorkdayCalendar",
    "WorkdayOffset",
    "check_notice",
    "default_calendar",
    "install_notice",
    "installed_notices",
    "load_notice",
    "notice_dirs",
    "official_calendar",
    "parse_notice_text",
    "reload_default_calendar",
    "remove_notice",
    "set_default_calendar",
    "user_notice_dir",
]

if TYPE_CHECKING:
    from opengov.calendar._parse import parse_notice_text
    from opengov.calendar._validate import check_notice


def __getattr__(name: str) -> Any:
    # The notice-text parser and the checks need ``re`` and the lunar dates of
    # ``holidays``; load them only when asked for.
    if name == "parse_notice_text":
        from opengov.calendar._parse import parse_notice_text

        return parse_notice_text
    if name == "check_notice":
        from opengov.calendar._validate import check_notice

        return check_notice
    raise AttributeError(f"module 'opengov.calendar' has no attribute {name!r}")
