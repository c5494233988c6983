"""The numpy array methods agree with the scalar ones."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov import (
    CalendarCoverageError,
    InvalidDateError,
    InvalidInputError,
    ProvisionalCalendarWarning,
)
from opengov.calendar import official_calendar

CAL = official_calendar()
days = st.lists(
    st.dates(min_value=date(2004, 6, 1), max_value=date(2026, 6, 30)), min_size=1, max_size=20
)


def _arr(values: list[date]) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]")


@given(days, st.integers(min_value=-100, max_value=100))
def test_add_array_matches_scalar(starts: list[date], n: int) -> None:
    out = CAL.add_working_days_array(_arr(starts), n)
    assert [d.item() for d in out] == [CAL.add_working_days(s, n) for s in starts]


@given(days, st.lists(st.integers(min_value=-50, max_value=50), min_size=20, max_size=20))
def test_add_array_with_per_element_n(starts: list[date], ns: list[int]) -> None:
    steps = np.array(ns[: len(starts)])
    out = CAL.add_working_days_array(_arr(starts), steps)
    assert [d.item() for d in out] == [
        CAL.add_working_days(s, n) for s, n in zip(starts, ns[: len(starts)], strict=True)
    ]


@given(days, days)
def test_between_array_matches_scalar(a: list[date], b: list[date]) -> None:
    k = min(len(a), len(b))
    out = CAL.working_days_between_array(_arr(a[:k]), _arr(b[:k]))
    assert out.tolist() == [
        CAL.working_days_between(x, y) for x, y in zip(a[:k], b[:k], strict=True)
    ]


def test_array_errors() -> None:
    with pytest.raises(
        InvalidDateError,
        match=r"start must be a numpy datetime64\[D\] array, got dtype datetime64\[h\]",
    ):
        CAL.add_working_days_array(np.array(["2026-01-05T10"], dtype="datetime64[h]"), 1)
    with pytest.raises(InvalidDateError, match="start contains NaT"):
        CAL.add_working_days_array(np.array(["NaT"], dtype="datetime64[D]"), 1)
    with pytest.raises(InvalidInputError, match="n must be integers, got dtype float64"):
        CAL.add_working_days_array(_arr([date(2026, 1, 5)]), 1.5)
    with pytest.raises(
        CalendarCoverageError,
        match=r"some results fall outside the calendar \(2004-01-01 to 2026-12-28\)",
    ):
        CAL.add_working_days_array(_arr([date(2026, 12, 20)]), 20)
    with pytest.raises(CalendarCoverageError, match="a start date falls before 2004-01-01"):
        CAL.add_working_days_array(_arr([date(2003, 12, 20)]), 1)


def test_provisional_arrays_warn() -> None:
    prov = official_calendar(provisional=True)
    with pytest.warns(ProvisionalCalendarWarning):
        out = prov.add_working_days_array(_arr([date(2026, 12, 20)]), 20)
    assert out[0].item() == date(2027, 1, 18)
