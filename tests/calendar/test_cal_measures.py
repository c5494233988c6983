"""The statutory festival days of the holiday measures, the one table the checks and
the provisional calendar read."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov.calendar._measures import REVISIONS, revision_in_force, statutory_days
from opengov.errors import CalendarDataError


@pytest.mark.parametrize(
    ("year", "festival", "first"),
    [
        # 正月初一 of 2024, 2025 and 2026 (the bundled notices' 春节 blocks hold them);
        # from 2025 the statutory days start on 除夕, the day before.
        (2024, "春节", date(2024, 2, 10)),
        (2025, "春节", date(2025, 1, 28)),
        (2026, "春节", date(2026, 2, 16)),
        (2010, "春节", date(2010, 2, 13)),  # 2008-2013: 除夕, 初一, 初二
        (2026, "清明节", date(2026, 4, 5)),
        (2026, "端午节", date(2026, 6, 19)),
        (2026, "中秋节", date(2026, 9, 25)),
        (2020, "中秋节", date(2020, 10, 1)),  # the year 中秋 fell on National Day
        (2004, "劳动节", date(2004, 5, 1)),
    ],
)
def test_known_statutory_days(year: int, festival: str, first: date) -> None:
    assert statutory_days(year)[festival][0] == first


@pytest.mark.parametrize(
    ("year", "total", "festivals"),
    [(2004, 10, 4), (2007, 10, 4), (2008, 11, 7), (2013, 11, 7), (2014, 11, 7), (2025, 13, 7)],
)
def test_days_per_revision(year: int, total: int, festivals: int) -> None:
    # 1999 measures: 10 days in 4 festivals; 2007 and 2013 revisions: 11 in 7;
    # 2024 revision: 13 (春节 and 劳动节 one day longer).
    days = statutory_days(year)
    assert len(days) == festivals
    assert sum(len(v) for v in days.values()) == total


def test_revisions_are_in_order_and_years_before_them_are_refused() -> None:
    assert [r.first_year for r in REVISIONS] == sorted(r.first_year for r in REVISIONS)
    assert revision_in_force(2026).instrument == "国务院令第795号"
    with pytest.raises(
        CalendarDataError,
        match="no revision of the holiday measures in opengov's table governs 1990",
    ):
        statutory_days(1990)


@given(st.integers(2004, 2099))
def test_lunar_days_fall_where_they_can(year: int) -> None:
    days = statutory_days(year)
    spring = days["春节"]
    new_year = spring[1] if len(spring) == 4 or year in range(2008, 2014) else spring[0]
    assert date(year, 1, 20) <= spring[0] <= date(year, 2, 20)
    assert all((b - a).days == 1 for a, b in pairwise(spring))
    if year >= 2008:
        assert date(year, 4, 4) <= days["清明节"][0] <= date(year, 4, 6)
        assert date(year, 9, 7) <= days["中秋节"][0] <= date(year, 10, 8)
        # 端午 is the 5th day of the 5th lunar month: four lunar months and four
        # days after 正月初一 (about 122 days), five months in a year with a leap
        # month before it (2020: 152 days).
        assert 115 <= (days["端午节"][0] - new_year).days <= 160
