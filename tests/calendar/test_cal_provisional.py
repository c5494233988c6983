"""Provisional answers: explicit opt-in, always flagged, never silent."""

from __future__ import annotations

import warnings
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov import CalendarCoverageError, ProvisionalCalendarWarning
from opengov.calendar import PROVISIONAL_LAST_YEAR, official_calendar
from opengov.calendar._provisional import statutory_festivals

PROV = official_calendar(provisional=True)
STRICT = official_calendar()


def test_official_days_are_unchanged_and_unflagged() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for day in (date(2005, 12, 31), date(2026, 10, 10), date(2026, 12, 28)):
            assert PROV.is_working_day(day) == STRICT.is_working_day(day)
        assert not PROV.offset(date(2026, 9, 28), 20).provisional


def test_2027_follows_the_2024_measures_with_buxiu() -> None:
    with pytest.warns(ProvisionalCalendarWarning):
        names = {r.day: r.name_zh for r in PROV.rest_days(2027)}
    # 元旦 Friday; 春节 除夕 Fri 02-05 to 初三 Mon 02-08, two weekend days made up.
    assert names[date(2027, 1, 1)] == "元旦"
    assert [d for d, n in names.items() if n == "春节"] == [
        date(2027, 2, d) for d in (5, 6, 7, 8, 9, 10)
    ]
    # 国庆 10-01 Friday to 10-03 Sunday: two make-up days on Monday and Tuesday.
    assert [d for d, n in names.items() if n == "国庆节"][-1] == date(2027, 10, 5)
    with pytest.warns(ProvisionalCalendarWarning):
        assert PROV.make_up_workdays(2027) == ()  # no 调休 is guessed


def test_results_are_flagged_and_warn() -> None:
    with pytest.warns(ProvisionalCalendarWarning, match="provisional"):
        r = PROV.offset(date(2026, 12, 20), 20)
    assert r.provisional
    with pytest.warns(ProvisionalCalendarWarning):
        p = PROV.add_period(date(2026, 12, 20), days=30)
    assert p.provisional
    assert PROV.is_provisional(date(2027, 1, 1))
    assert STRICT.is_provisional(date(2027, 1, 1))
    with pytest.warns(ProvisionalCalendarWarning):
        PROV.is_working_day(date(2027, 3, 1))


def test_qingming_and_lunar_dates_match_the_notices() -> None:
    # Under the same measures the provisional rules put 清明, 端午, 中秋 on the days
    # the official notices used (2014-2024 regime).
    for year in range(2014, 2025):
        fests = {f.zh: f.rest_days()[0] for f in statutory_festivals(year)}
        for zh in ("清明节", "端午节", "中秋节"):
            assert not STRICT.is_working_day(fests[zh]), (year, zh)


def test_limits() -> None:
    with pytest.raises(CalendarCoverageError, match="provisional calendar"):
        PROV.add_working_days(date(PROVISIONAL_LAST_YEAR, 12, 1), 100)
    with pytest.raises(CalendarCoverageError, match="before 2004"):
        PROV.is_working_day(date(2000, 1, 3))


@given(
    st.dates(min_value=date(2026, 6, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=-300, max_value=300),
)
def test_provisional_path_never_returns_unflagged_results(start: date, n: int) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = PROV.offset(start, n)
        due = PROV.add_working_days(start, n)
    touches = max(start, r.due) > STRICT.coverage.last
    assert r.due == due
    assert r.provisional == touches
    if touches:
        kinds = {w.category for w in caught}
        assert kinds == {ProvisionalCalendarWarning}
        assert len(caught) == 2  # one per call
    else:
        assert caught == []
        assert STRICT.add_working_days(start, n) == due


def test_unsettled_year_end_days_are_provisional() -> None:
    # 2026-12-29..31 can still be moved by the 2027 notice: flagged, with a warning.
    assert PROV.is_provisional(date(2026, 12, 29))
    assert not PROV.is_provisional(date(2026, 12, 28))
    with pytest.warns(ProvisionalCalendarWarning):
        r = PROV.offset(date(2026, 12, 18), 7)
    assert r.provisional
    assert r.due == date(2026, 12, 29)
