"""Working-day arithmetic: add, between, offset, periods, errors and invariants."""

from __future__ import annotations

import pickle
import warnings
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov import (
    CalendarCoverageError,
    InvalidDateError,
    InvalidInputError,
    OpenGovError,
    ProvisionalCalendarWarning,
)
from opengov.calendar import WorkdayCalendar, official_calendar

CAL = official_calendar()
FIRST, LAST = CAL.coverage.first, CAL.coverage.last
covered_days = st.dates(min_value=date(2004, 6, 1), max_value=date(2026, 6, 30))
steps = st.integers(min_value=-100, max_value=100)


def assert_due(received: str, n: int, expect: str) -> None:
    assert CAL.add_working_days(date.fromisoformat(received), n) == date.fromisoformat(expect)


def test_twenty_working_days_over_national_day_2026() -> None:
    assert_due("2026-09-28", 20, "2026-10-30")


def test_rest_day_start_counts_like_the_working_day_before() -> None:
    # Saturday 2026-09-26 (中秋节) and Thursday 2026-09-24 give the same deadline.
    assert_due("2026-09-26", 20, "2026-10-29")
    assert_due("2026-09-24", 20, "2026-10-29")
    assert_due("2026-10-03", 1, "2026-10-08")


def test_negative_and_zero() -> None:
    assert_due("2026-10-08", -1, "2026-09-30")
    assert_due("2026-10-03", 0, "2026-10-03")  # n == 0 returns the start as is


def test_between_sign_and_examples() -> None:
    a, b = date(2026, 9, 28), date(2026, 10, 30)
    assert CAL.working_days_between(a, b) == 20
    assert CAL.working_days_between(b, a) == -20
    assert CAL.working_days_between(a, a) == 0
    assert CAL.working_days_between(date(2026, 10, 1), date(2026, 10, 7)) == 0


def test_offset_lists_skipped_rest_days() -> None:
    r = CAL.offset(date(2026, 9, 25), 2)
    assert r.due == date(2026, 9, 29)
    assert [(s.day.isoformat(), s.name_zh) for s in r.skipped] == [
        ("2026-09-26", "中秋节"),
        ("2026-09-27", "中秋节"),
    ]
    assert r.provisional is False


def test_offset_weekend_entries() -> None:
    r = CAL.offset(date(2026, 3, 6), 1)  # Friday -> Monday
    assert r.due == date(2026, 3, 9)
    assert [(s.name_zh, s.name_en) for s in r.skipped] == [("周末", "weekend")] * 2


def test_datetimes_aware_converted_naive_refused() -> None:
    late_utc = datetime(2026, 9, 27, 17, 0, tzinfo=timezone.utc)  # 2026-09-28 01:00 CST
    assert CAL.add_working_days(late_utc, 20) == date(2026, 10, 30)
    with pytest.raises(InvalidDateError, match="naive datetime"):
        CAL.add_working_days(datetime(2026, 9, 28, 9, 0), 20)


@pytest.mark.parametrize("bad", [True, 1.0, "20", None])
def test_n_must_be_an_int(bad: object) -> None:
    with pytest.raises(InvalidInputError, match=r"^n must be an int, got"):
        CAL.add_working_days(date(2026, 1, 5), bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["2026-01-05", 20260105, None, b"x"])
def test_start_must_be_a_date(bad: object) -> None:
    with pytest.raises(InvalidDateError, match=r"^start must be a datetime\.date"):
        CAL.add_working_days(bad, 1)  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^day must be a datetime\.date"):
        CAL.is_working_day(bad)  # type: ignore[arg-type]


def test_outside_coverage_names_the_year_and_the_fix() -> None:
    with pytest.raises(
        CalendarCoverageError, match=r"2027.*add-notice.*OPENGOV_NOTICES.*provisional=True"
    ):
        CAL.add_working_days(date(2026, 12, 20), 20)
    with pytest.raises(CalendarCoverageError, match="2027"):
        CAL.is_working_day(date(2027, 1, 4))
    with pytest.raises(CalendarCoverageError, match="before 2004-01-01"):
        CAL.is_working_day(date(2003, 12, 31))
    with pytest.raises(CalendarCoverageError, match="before 2004-01-01"):
        CAL.add_working_days(date(2004, 1, 5), -10)
    with pytest.raises(LookupError, match="end 2027-01-01 falls in 2027"):
        CAL.working_days_between(date(2026, 1, 1), date(2027, 1, 1))


@pytest.mark.parametrize("n", [10**6, 10**30, -(10**30)])
def test_huge_n_is_a_coverage_error(n: int) -> None:
    with pytest.raises(
        CalendarCoverageError,
        match=r"working days (after|before) 2026-01-05 falls (after 2026-12-28|before 2004-01-01)",
    ):
        CAL.add_working_days(date(2026, 1, 5), n)


def test_calendar_is_immutable_and_picklable_results() -> None:
    with pytest.raises(AttributeError, match="WorkdayCalendar is immutable"):
        CAL.notices = ()
    r = CAL.offset(date(2026, 9, 30), 3)
    with pytest.raises(AttributeError, match="WorkdayOffset is immutable"):
        r.due = date(2026, 1, 1)
    assert pickle.loads(pickle.dumps(r)) == r
    assert hash(r) == hash(pickle.loads(pickle.dumps(r)))


def test_official_calendar_is_cached() -> None:
    assert official_calendar() is CAL
    assert isinstance(CAL, WorkdayCalendar)
    with pytest.raises(InvalidInputError, match="provisional must be True or False, got 1"):
        official_calendar(provisional=1)  # type: ignore[arg-type]


# -- calendar-day and month periods ---------------------------------------------------


def test_month_period_corresponding_day_and_month_end() -> None:
    p = CAL.add_period(date(2026, 1, 31), months=1)
    assert p.nominal_end == date(2026, 2, 28)
    assert p.due == date(2026, 2, 28)  # a Saturday, but a make-up working day in 2026
    assert p.rolled == ()
    assert p.basis == ("civil-code:201", "civil-code:202", "civil-code:203")
    assert CAL.add_period(date(2024, 1, 31), months=1).nominal_end == date(2024, 2, 29)
    assert CAL.add_period(date(2025, 8, 15), months=6).nominal_end == date(2026, 2, 15)


def test_period_rolls_over_festival_and_weekend() -> None:
    p = CAL.add_period(date(2026, 8, 2), days=60)
    assert p.nominal_end == date(2026, 10, 1)
    assert p.due == date(2026, 10, 8)
    assert len(p.rolled) == 7
    assert p.basis == ("civil-code:201", "civil-code:203")


def test_period_festival_days_interpretation() -> None:
    # Saturday 2026-03-07 is an ordinary weekend: only "rest_days" rolls over it.
    assert CAL.add_period(date(2026, 2, 7), months=1).due == date(2026, 3, 9)
    assert CAL.add_period(date(2026, 2, 7), months=1, roll="festival_days").due == date(2026, 3, 7)
    # Inside the 2026 National Day block both roll to the day after it.
    assert CAL.add_period(date(2026, 8, 2), days=60, roll="festival_days").due == date(2026, 10, 8)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"days": 1, "months": 1}, {"days": 0}, {"months": -1}, {"days": True}, {"days": 10**9}],
)
def test_period_bad_input(kwargs: dict[str, int]) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"^(days must be|months must be|days=\d+ is beyond|give exactly one of days= or months=)",
    ):
        CAL.add_period(date(2026, 1, 5), **kwargs)  # type: ignore[arg-type]


# -- invariants -------------------------------------------------------------------------


@given(covered_days, steps)
def test_round_trip(start: date, n: int) -> None:
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


@given(covered_days, covered_days)
def test_add_between_never_passes_end(start: date, end: date) -> None:
    k = CAL.working_days_between(start, end)
    if end >= start:
        assert CAL.add_working_days(start, k) <= end
    else:
        assert k <= 0
        assert CAL.add_working_days(start, k) >= end


@given(covered_days, steps, steps)
def test_monotone_in_n(start: date, a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert CAL.add_working_days(start, lo) <= CAL.add_working_days(start, hi)


@given(covered_days, steps.filter(lambda n: n != 0))
def test_results_are_working_days(start: date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert CAL.is_working_day(due)
    assert (due > start) == (n > 0)


@given(covered_days, st.integers(min_value=0, max_value=60))
def test_offset_agrees_with_day_by_day_walk(start: date, n: int) -> None:
    day, left = start, n
    while left:
        day += timedelta(days=1)
        left -= CAL.is_working_day(day)
    assert CAL.add_working_days(start, n) == day
    skipped = [s.day for s in CAL.offset(start, n).skipped]
    walk = [
        start + timedelta(days=i)
        for i in range(1, (day - start).days)
        if not CAL.is_working_day(start + timedelta(days=i))
    ]
    assert skipped == walk


@given(st.one_of(st.none(), st.text(max_size=3), st.floats(), st.booleans(), st.binary()))
def test_junk_input_raises_opengov_errors(junk: object) -> None:
    for call in (
        lambda: CAL.add_working_days(junk, 1),  # type: ignore[arg-type]
        lambda: CAL.add_working_days(date(2020, 1, 6), junk),  # type: ignore[arg-type]
        lambda: CAL.working_days_between(junk, date(2020, 1, 6)),  # type: ignore[arg-type]
        lambda: CAL.add_period(junk, days=3),  # type: ignore[arg-type]
        lambda: CAL.offset(date(2020, 1, 6), junk),  # type: ignore[arg-type]
    ):
        with pytest.raises(OpenGovError, match=r"^(start|n) must be"):
            call()


def test_strict_calendar_never_warns() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ProvisionalCalendarWarning)
        CAL.add_working_days(date(2026, 12, 1), 15)
