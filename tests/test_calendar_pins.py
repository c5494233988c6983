"""Pins on the working-day calendar: edges of years, of coverage and of periods.

Expected values worked out by hand from the bundled State Council notices
(src/opengov/calendar/data/notices.json):

- 2004 notice: 元旦 rest Thu 2004-01-01 only; the data starts on 2004-01-01.
- 2019 notice (国办发明电〔2018〕15号): 元旦 rest Sun 2018-12-30 .. Tue 2019-01-01,
  make-up working day Sat 2018-12-29, so the last days of 2018 are set by the 2019
  notice.
- 2024 notice (国办发明电〔2023〕7号): 元旦 rest Sat 2023-12-30 .. Mon 2024-01-01.
- 2026 notice (国办发明电〔2025〕7号): 元旦 rest 01-01..03, make-up Sun 01-04; 春节
  rest 02-15..23, make-up Sat 02-14 and Sat 02-28; 中秋节 rest 09-25..27; 国庆节 rest
  10-01..07, make-up Sun 09-20 and Sat 10-10. The data settles 2026 up to Mon 12-28.
- the invented 2027 notice of tests/calendar/data (never bundled): 元旦 rest
  2027-01-01..03, nothing in December 2026.

Only the public calendar API is used (``opengov.calendar``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from opengov.calendar import WorkdayCalendar, official_calendar, parse_notice_text
from opengov.errors import (
    CalendarCoverageError,
    CalendarDataError,
    InvalidDateError,
    InvalidInputError,
    ProvisionalCalendarWarning,
)

D = date.fromisoformat
CAL = official_calendar()
INVENTED_2027 = parse_notice_text(
    2027,
    (Path(__file__).parent / "calendar" / "data" / "invented_notice_2027.txt").read_text(
        encoding="utf-8"
    ),
)


# -- the edges of coverage -----------------------------------------------------------------


def test_counting_from_before_2004_raises() -> None:
    for n in (1, 0, -1):
        with pytest.raises(CalendarCoverageError, match="before 2004-01-01"):
            CAL.add_working_days(D("2003-12-31"), n)
    # the first covered day is a start like any other: Thu 01-01 is 元旦, Fri 01-02 is
    # the first working day, Mon 01-05 the second
    assert CAL.add_working_days(D("2004-01-01"), 0) == D("2004-01-01")
    assert CAL.add_working_days(D("2004-01-01"), 1) == D("2004-01-02")
    assert CAL.add_working_days(D("2004-01-01"), 2) == D("2004-01-05")
    assert CAL.add_working_days(D("2004-01-05"), -1) == D("2004-01-02")
    # no working day before Fri 01-02 is covered
    with pytest.raises(CalendarCoverageError, match="1 working days before 2004-01-02"):
        CAL.add_working_days(D("2004-01-02"), -1)


def test_the_last_settled_day_and_the_day_after() -> None:
    assert CAL.coverage.last == D("2026-12-28")
    assert CAL.add_working_days(D("2026-12-25"), 1) == D("2026-12-28")
    assert CAL.add_working_days(D("2026-12-28"), 0) == D("2026-12-28")
    assert CAL.add_working_days(D("2026-12-28"), -1) == D("2026-12-25")
    with pytest.raises(CalendarCoverageError, match="2027 State Council holiday notice"):
        CAL.add_working_days(D("2026-12-28"), 1)
    with pytest.raises(CalendarCoverageError, match="start 2026-12-29"):
        CAL.add_working_days(D("2026-12-29"), 0)
    assert CAL.is_working_day(D("2026-12-28"))
    with pytest.raises(CalendarCoverageError, match="day 2026-12-29"):
        CAL.is_working_day(D("2026-12-29"))
    assert not CAL.is_provisional(D("2026-12-28"))
    assert CAL.is_provisional(D("2026-12-29"))


def test_between_at_the_edges() -> None:
    # (2004-01-01, 2004-01-05]: Fri 01-02 and Mon 01-05
    assert CAL.working_days_between(D("2004-01-01"), D("2004-01-05")) == 2
    # backwards: minus the working days in [end, start): [01-01, 01-05) holds 01-02
    assert CAL.working_days_between(D("2004-01-05"), D("2004-01-01")) == -1
    # [01-02, 01-06) holds Fri 01-02 and Mon 01-05
    assert CAL.working_days_between(D("2004-01-06"), D("2004-01-02")) == -2
    # (12-25, 12-28]: Mon 12-28 only
    assert CAL.working_days_between(D("2026-12-25"), D("2026-12-28")) == 1
    assert CAL.working_days_between(D("2026-12-28"), D("2026-12-28")) == 0
    with pytest.raises(CalendarCoverageError, match="end 2026-12-29"):
        CAL.working_days_between(D("2026-12-25"), D("2026-12-29"))


# -- periods -------------------------------------------------------------------------------


def test_one_day_periods() -> None:
    # day 1 after Thu 09-24 is Fri 09-25, 中秋节: rolls over 09-25..27 to Mon 09-28
    p = CAL.add_period(D("2026-09-24"), days=1)
    assert (p.nominal_end, p.due) == (D("2026-09-25"), D("2026-09-28"))
    assert [(r.day, r.name_zh) for r in p.rolled] == [
        (D("2026-09-25"), "中秋节"),
        (D("2026-09-26"), "中秋节"),
        (D("2026-09-27"), "中秋节"),
    ]
    # day 1 after Mon 09-28 is Tue 09-29, a working day: nothing rolls
    p = CAL.add_period(D("2026-09-28"), days=1)
    assert (p.nominal_end, p.due, p.rolled) == (D("2026-09-29"), D("2026-09-29"), ())
    assert p.start == D("2026-09-28")
    with pytest.raises(InvalidInputError, match="days must be at least 1, got 0"):
        CAL.add_period(D("2026-09-28"), days=0)


def test_one_day_period_ending_on_an_ordinary_weekend() -> None:
    # day 1 after Fri 2026-03-06 is Sat 03-07, a plain weekend: "rest_days" rolls over
    # Sat and Sun (named 周末) to Mon 03-09; "festival_days" does not roll at all
    p = CAL.add_period(D("2026-03-06"), days=1)
    assert p.due == D("2026-03-09")
    assert [(r.day, r.name_zh, r.name_en) for r in p.rolled] == [
        (D("2026-03-07"), "周末", "weekend"),
        (D("2026-03-08"), "周末", "weekend"),
    ]
    p = CAL.add_period(D("2026-03-06"), days=1, roll="festival_days")
    assert (p.due, p.rolled) == (D("2026-03-07"), ())
    # 国庆节 block: both readings roll to Thu 10-08 (day 1 after 09-30 is 10-01)
    for roll in ("rest_days", "festival_days"):
        p = CAL.add_period(D("2026-09-30"), days=1, roll=roll)
        assert (p.due, len(p.rolled)) == (D("2026-10-08"), 7)


def test_month_periods_ending_in_december() -> None:
    # 7 months after 2025-05-31: December has a 31st, Wed 2025-12-31, a working day
    p = CAL.add_period(D("2025-05-31"), months=7)
    assert (p.nominal_end, p.due) == (D("2025-12-31"), D("2025-12-31"))
    # 6 months after 2025-06-30: Tue 2025-12-30
    assert CAL.add_period(D("2025-06-30"), months=6).nominal_end == D("2025-12-30")
    # 1 month after 2024-11-30: Mon 2024-12-30; after 2024-11-29: Sun 12-29 → Mon 12-30
    assert CAL.add_period(D("2024-11-30"), months=1).due == D("2024-12-30")
    p = CAL.add_period(D("2024-11-29"), months=1)
    assert (p.nominal_end, p.due) == (D("2024-12-29"), D("2024-12-30"))
    # 1 month after 2023-11-30 is Sat 2023-12-30, 元旦 (2024 notice): rolls over
    # 12-30, 12-31 and 2024-01-01 to Tue 2024-01-02
    p = CAL.add_period(D("2023-11-30"), months=1)
    assert (p.nominal_end, p.due) == (D("2023-12-30"), D("2024-01-02"))
    assert [r.name_zh for r in p.rolled] == ["元旦", "元旦", "元旦"]
    # from December into January: 2025-12-15 + 1 month = Thu 2026-01-15
    assert CAL.add_period(D("2025-12-15"), months=1).due == D("2026-01-15")
    # 12 months from 2024-12-31 = 2025-12-31; 13 months = 2026-01-31 (Sat) → Mon 02-02
    assert CAL.add_period(D("2024-12-31"), months=12).due == D("2025-12-31")
    assert CAL.add_period(D("2024-12-31"), months=13).due == D("2026-02-02")


def test_month_periods_ending_in_february() -> None:
    # 6 months after 2025-08-31: February 2026 has 28 days; Sat 02-28 is a make-up day
    p = CAL.add_period(D("2025-08-31"), months=6)
    assert (p.nominal_end, p.due, p.rolled) == (D("2026-02-28"), D("2026-02-28"), ())
    # 2024 is a leap year: 2023-08-31 + 6 months = Thu 2024-02-29
    assert CAL.add_period(D("2023-08-31"), months=6).due == D("2024-02-29")


def test_period_limits() -> None:
    # the largest accepted lengths go beyond the data: a coverage error, not a refusal
    with pytest.raises(CalendarCoverageError, match="the period's last day"):
        CAL.add_period(D("2004-01-01"), days=100_000)
    with pytest.raises(InvalidInputError, match="days=100001 is beyond any statutory period"):
        CAL.add_period(D("2004-01-01"), days=100_001)
    with pytest.raises(CalendarCoverageError, match="the period's last day"):
        CAL.add_period(D("2004-01-01"), months=1200)
    with pytest.raises(InvalidInputError, match="months=1201 is beyond any statutory period"):
        CAL.add_period(D("2004-01-01"), months=1201)
    with pytest.raises(InvalidInputError, match="months must be at least 1, got 0"):
        CAL.add_period(D("2004-01-01"), months=0)
    with pytest.raises(InvalidInputError, match="give exactly one of days= or months="):
        CAL.add_period(D("2004-01-01"))
    with pytest.raises(InvalidInputError, match="roll must be 'rest_days' or 'festival_days'"):
        CAL.add_period(D("2004-01-01"), days=1, roll="weekends")  # type: ignore[arg-type]
    # 12-28 is settled, day 1 after it is not
    with pytest.raises(CalendarCoverageError, match="the period's last day"):
        CAL.add_period(D("2026-12-28"), days=1)
    assert CAL.add_period(D("2026-12-27"), days=1).due == D("2026-12-28")


def test_period_rolling_off_the_end_of_the_data_raises() -> None:
    # A strict calendar ends Mon 2026-12-28; a provisional one at the end of 2099. A
    # last day of Sun 2026-12-27 is a weekend and rolls to Mon 12-28; Sat 2099-12-26
    # would roll past 2099-12-31 (Sun 12-27, then Mon 12-28 is a working day: fine);
    # and Thu 2099-12-31 itself is a working day of the statutory rules.
    assert CAL.add_period(D("2026-12-25"), days=2).due == D("2026-12-28")
    prov = official_calendar(provisional=True)
    with pytest.warns(ProvisionalCalendarWarning):
        p = prov.add_period(D("2099-12-30"), days=1)
    assert (p.due, p.provisional) == (D("2099-12-31"), True)
    with pytest.raises(CalendarCoverageError, match="the end of the provisional calendar"):
        prov.add_period(D("2099-12-31"), days=1)


# -- listings of a year --------------------------------------------------------------------


def test_rest_days_include_the_last_days_of_the_year() -> None:
    # 2018 ends with the 2019 元旦 block: Sun 12-30 and Mon 12-31 (named 元旦)
    rest = CAL.rest_days(2018)
    assert [(r.day, r.name_zh) for r in rest[-2:]] == [
        (D("2018-12-30"), "元旦"),
        (D("2018-12-31"), "元旦"),
    ]
    # 2023 ends with the 2024 元旦 block: Sat 12-30, Sun 12-31
    assert [r.day for r in CAL.rest_days(2023)[-2:]] == [D("2023-12-30"), D("2023-12-31")]
    # and 2024 starts with its last day, Mon 01-01
    assert CAL.rest_days(2024)[0].day == D("2024-01-01")
    # the listing of the last year stops at the settled data: 国庆节 10-07 is the last
    assert CAL.rest_days(2026)[-1].day == D("2026-10-07")
    assert CAL.rest_days(2026)[0].day == D("2026-01-01")


def test_make_up_workdays_include_the_last_days_of_the_year() -> None:
    # Sat 2018-12-29 is a make-up working day of the 2019 notice, the last of 2018
    assert CAL.make_up_workdays(2018)[-1] == D("2018-12-29")
    assert CAL.make_up_workdays(2026) == (
        D("2026-01-04"),
        D("2026-02-14"),
        D("2026-02-28"),
        D("2026-05-09"),
        D("2026-09-20"),
        D("2026-10-10"),
    )
    # the first day of a year: Sun 2017-01-22 is 2017's first make-up day; and 2004's
    # are Sat 01-17 and Sun 01-18
    assert CAL.make_up_workdays(2017)[0] == D("2017-01-22")
    assert CAL.make_up_workdays(2004)[:2] == (D("2004-01-17"), D("2004-01-18"))


def test_listing_a_year_outside_the_data_raises() -> None:
    with pytest.raises(CalendarCoverageError, match="year start 2003-01-01"):
        CAL.rest_days(2003)
    with pytest.raises(CalendarCoverageError, match="year start 2027-01-01"):
        CAL.make_up_workdays(2027)
    with pytest.raises(InvalidInputError, match="year must be between 2 and 9998"):
        CAL.rest_days(9999)


# -- derived calendars keep what they were built with --------------------------------------


def test_with_notice_keeps_provisional_and_extra_rest_days() -> None:
    base = (
        official_calendar(provisional=True)
        .with_extra_rest_days([D("2026-03-20")], "肉孜节")
        .with_extra_rest_days([D("2026-05-27")], "古尔邦节")
    )
    assert base.provisional
    cal = base.with_notice(INVENTED_2027)
    assert cal.provisional
    assert cal.holiday_name(D("2026-03-20")) == ("肉孜节", "肉孜节")
    assert cal.holiday_name(D("2026-05-27")) == ("古尔邦节", "古尔邦节")
    assert not cal.is_working_day(D("2027-01-01"))
    # the 2027 notice now settles 2026-12-29 .. 2027-12-28: no warning for 2026-12-31
    assert cal.coverage.last == D("2027-12-28")
    assert cal.is_working_day(D("2026-12-31"))
    # and a strict calendar stays strict
    strict = CAL.with_notice(INVENTED_2027)
    assert not strict.provisional
    with pytest.raises(CalendarCoverageError, match="2028"):
        strict.is_working_day(D("2027-12-29"))


def test_with_extra_rest_days_keeps_provisional_and_earlier_groups() -> None:
    cal = official_calendar(provisional=True).with_extra_rest_days([D("2026-03-20")], "肉孜节")
    assert cal.provisional
    # a provisional day of 2027 answers (with a warning) instead of raising
    with pytest.warns(ProvisionalCalendarWarning):
        assert cal.is_working_day(D("2027-03-03"))
    both = CAL.with_extra_rest_days([D("2026-03-20")], "肉孜节").with_extra_rest_days(
        [D("2026-05-27"), D("2026-05-28")], "古尔邦节"
    )
    assert not both.provisional
    assert [both.is_working_day(D(x)) for x in ("2026-03-20", "2026-05-27", "2026-05-28")] == [
        False,
        False,
        False,
    ]
    assert both.source(D("2026-05-28")) == "extra rest day: 古尔邦节"
    # (03-19, 03-23]: Fri 03-20 is off, so only Mon 03-23
    assert both.working_days_between(D("2026-03-19"), D("2026-03-23")) == 1
    with pytest.raises(InvalidInputError, match="extra rest days need a name"):
        CAL.with_extra_rest_days([D("2026-03-20")], " ")
    with pytest.raises(InvalidInputError, match="days must be an iterable of dates"):
        CAL.with_extra_rest_days(D("2026-03-20"), "肉孜节")  # type: ignore[arg-type]


def test_with_provisional_round_trip() -> None:
    prov = CAL.with_provisional()
    assert prov.provisional
    assert prov.with_provisional(False).provisional is False
    assert CAL.with_provisional(False) is CAL
    with pytest.raises(InvalidInputError, match="provisional must be True or False"):
        CAL.with_provisional(1)  # type: ignore[arg-type]


# -- what the errors and warnings say ------------------------------------------------------

PROV = official_calendar(provisional=True)
INSTALL = (
    "once for every use (opengov calendar add-notice FILE, or install_notice(), or a file in "
    "the OPENGOV_NOTICES directory), or opt in to a provisional answer"
)


def _full(text: str) -> str:
    return "^" + re.escape(text) + "$"


def test_coverage_errors_say_where_the_data_ends_and_what_to_do() -> None:
    with pytest.raises(CalendarCoverageError, match=_full(
        "start 2003-12-31 falls before 2004-01-01, the first day with State Council "
        "holiday-notice data (coverage 2004-01-01..2026-12-28); opengov has no official "
        "working-day data for earlier years"
    )):  # fmt: skip
        CAL.add_working_days(D("2003-12-31"), 1)
    with pytest.raises(CalendarCoverageError, match=_full(
        "1 working days before 2004-01-02 falls before 2004-01-01, the first day with State "
        "Council holiday-notice data (coverage 2004-01-01..2026-12-28); opengov has no "
        "official working-day data for earlier years"
    )):  # fmt: skip
        CAL.add_working_days(D("2004-01-02"), -1)
    with pytest.raises(CalendarCoverageError, match=_full(
        "1 working days after 2026-12-28 falls after 2026-12-28: the 2027 State Council "
        "holiday notice can still move the last days of 2026 (the 2019 notice made 2018-12-29 "
        "a working day and 2018-12-31 a rest day), so opengov gives no official answer for "
        f"them yet. Install the 2027 notice {INSTALL} with provisional=True"
    )):  # fmt: skip
        CAL.add_working_days(D("2026-12-28"), 1)
    with pytest.raises(CalendarCoverageError, match=_full(
        "day 2027-03-01 falls in 2027, which no State Council holiday notice in this calendar "
        "covers (official data: 2004-01-01..2026-12-28). Install the 2027 notice "
        f"{INSTALL} from the statutory holiday rules with provisional=True"
    )):  # fmt: skip
        CAL.is_working_day(D("2027-03-01"))
    with pytest.raises(CalendarCoverageError, match=_full(
        "1 working days after 2099-12-31 falls after 2099-12-31, the end of the provisional "
        "calendar; no working-day answer can be given that far ahead"
    )):  # fmt: skip
        PROV.add_working_days(D("2099-12-31"), 1)
    # a month period whose year leaves the date range: no calendar covers 9999
    with pytest.raises(CalendarCoverageError, match=r"^the period's last day falls in 9999"):
        CAL.add_period(date(9999, 12, 1), months=1)


def test_period_outside_the_data_at_both_ends() -> None:
    # from Tue 2003-12-30, day 1 is 12-31: before the data
    with pytest.raises(
        CalendarCoverageError, match=r"^the period's last day falls before 2004-01-01"
    ):
        CAL.add_period(D("2003-12-30"), days=1)
    # from Wed 2003-12-31, day 1 is Thu 2004-01-01 (元旦), the first day of the data:
    # it rolls to Fri 01-02
    p = CAL.add_period(D("2003-12-31"), days=1)
    assert (p.nominal_end, p.due) == (D("2004-01-01"), D("2004-01-02"))
    # a calendar whose last day is a rest day: rolling runs off its end
    cal = CAL.with_extra_rest_days([D("2026-12-28")], "某节")
    for roll in ("rest_days", "festival_days"):
        with pytest.raises(CalendarCoverageError, match=r"^the period's last day falls after"):
            cal.add_period(D("2026-12-27"), days=1, roll=roll)


def test_provisional_warnings_name_the_call() -> None:
    with pytest.warns(ProvisionalCalendarWarning, match=_full(
        "is_working_day(2027-03-03) rests on provisional calendar data after 2026-12-28 "
        "(statutory holidays only, no 调休); check it once the State Council notice for that "
        "year is published"
    )):  # fmt: skip
        PROV.is_working_day(D("2027-03-03"))
    with pytest.warns(ProvisionalCalendarWarning, match=r"^holiday_name\(2027-03-03\) rests on"):
        assert PROV.holiday_name(D("2027-03-03")) is None


def test_single_day_questions_name_the_argument() -> None:
    for ask in (CAL.holiday_name, CAL.source, CAL.is_provisional, CAL.is_working_day):
        with pytest.raises(InvalidDateError, match=r"^day must be a datetime\.date"):
            ask("2026-01-05")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^months must be an int, got bool"):
        CAL.add_period(D("2026-01-05"), months=True)
    with pytest.raises(
        InvalidInputError, match=r"^roll must be 'rest_days' or 'festival_days', got 'weekends'$"
    ):
        CAL.add_period(D("2026-01-05"), days=1, roll="weekends")  # type: ignore[arg-type]


def test_notice_origins_repr_and_immutability() -> None:
    from opengov.calendar import WorkdayCalendar

    cal = WorkdayCalendar([*CAL.notices, INVENTED_2027])
    assert {s.origin for s in cal.sources[:-1]} == {"bundled"}
    assert (cal.sources[-1].notice, cal.sources[-1].origin) == (INVENTED_2027, "added")
    with pytest.raises(
        CalendarDataError, match=r"^expected HolidayNotice \(or NoticeSource\) records, got 1$"
    ):
        WorkdayCalendar([1])  # type: ignore[list-item]
    assert repr(CAL) == "<WorkdayCalendar 2004-01-01..2026-12-28>"
    assert repr(PROV) == "<WorkdayCalendar 2004-01-01..2026-12-28, provisional=True>"
    with pytest.raises(AttributeError, match=r"^WorkdayCalendar is immutable$"):
        del CAL.notices


def test_extra_rest_days_given_to_the_constructor_are_checked() -> None:
    from opengov.calendar import WorkdayCalendar

    day = D("2026-03-20")
    shape = re.escape(
        "extra_rest_days must be an iterable of (name, days) pairs, e.g. [('古尔邦节', [date])]"
    )
    with pytest.raises(InvalidInputError, match=f"^{shape}; got int$"):
        WorkdayCalendar(CAL.notices, extra_rest_days=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=f"^{shape}; got the item"):
        WorkdayCalendar(CAL.notices, extra_rest_days=[("肉孜节",)])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=f"^{shape}; got the item"):
        WorkdayCalendar(CAL.notices, extra_rest_days=[["肉孜节", [day]]])  # type: ignore[list-item]
    for name in ("", 1):
        with pytest.raises(InvalidInputError, match=r"^extra rest days need a name"):
            WorkdayCalendar(CAL.notices, extra_rest_days=[(name, [day])])  # type: ignore[list-item]
    cal = WorkdayCalendar(CAL.notices, extra_rest_days=[("肉孜节", [day])])
    assert cal.holiday_name(day) == ("肉孜节", "肉孜节")
    with pytest.raises(CalendarDataError, match=r"^two 2026 notices share revision \[0, 0\]$"):
        WorkdayCalendar([*CAL.notices, CAL.notices_for(2026)[0]])


def test_sources_between_reads_29_december_as_the_next_year() -> None:
    from datetime import datetime, timezone

    def years(a: object, b: object) -> list[int]:
        return [s.notice.year for s in CAL.sources_between(a, b)]  # type: ignore[arg-type]

    # a notice for year Y sets the days from 29 December of Y-1 (OPEN_DAYS_FROM)
    assert years(D("2025-12-28"), D("2025-12-28")) == [2025]
    assert years(D("2025-12-29"), D("2025-12-29")) == [2026]
    assert years(D("2025-12-29"), D("2026-03-01")) == [2026]
    assert years(D("2024-12-29"), D("2024-12-29")) == [2025]
    assert years(D("2024-12-28"), D("2025-12-29")) == [2024, 2025, 2026]
    # reversed, the same span
    assert years(D("2026-01-20"), D("2025-12-20")) == [2025, 2026]
    # aware datetimes are read in China time: 2025-12-28 17:00 UTC is 12-29 in Beijing
    late = datetime(2025, 12, 28, 17, 0, tzinfo=timezone.utc)
    assert years(late, late) == [2026]
    with pytest.raises(InvalidDateError, match=r"^first must be a datetime\.date"):
        CAL.sources_between("2025-12-28", D("2025-12-28"))  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^last must be a datetime\.date"):
        CAL.sources_between(D("2025-12-28"), "2025-12-28")  # type: ignore[arg-type]


def test_year_listing_arguments_and_warnings() -> None:
    with pytest.raises(InvalidInputError, match=r"^year must be an int, got str"):
        CAL.rest_days("2020")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^year must be between 2 and 9998, got 1$"):
        CAL.rest_days(1)
    # year 2 passes the range check and is then outside the data
    with pytest.raises(CalendarCoverageError, match=r"^year start 0002-01-01 falls before"):
        CAL.make_up_workdays(2)
    with pytest.warns(ProvisionalCalendarWarning, match=r"^the 2027 listing rests on provisional"):
        PROV.rest_days(2027)
    with pytest.warns(ProvisionalCalendarWarning, match=r"^add_period\(2099-12-30\) rests on"):
        PROV.add_period(D("2099-12-30"), days=1)


def test_extra_rest_days_survive_copies_and_mode_changes() -> None:
    import pickle

    cal = CAL.with_extra_rest_days([D("2026-03-20")], "肉孜节")
    assert cal.with_provisional().holiday_name(D("2026-03-20")) == ("肉孜节", "肉孜节")
    assert pickle.loads(pickle.dumps(cal)).holiday_name(D("2026-03-20")) == ("肉孜节", "肉孜节")
    with pytest.raises(InvalidDateError, match=r"^extra rest day must be a datetime\.date"):
        CAL.with_extra_rest_days(["2026-03-20"], "肉孜节")  # type: ignore[list-item]
    with pytest.raises(InvalidDateError, match=r"^extra rest day must be a datetime\.date"):
        WorkdayCalendar(CAL.notices, extra_rest_days=[("肉孜节", ["2026-03-20"])])  # type: ignore[list-item]
