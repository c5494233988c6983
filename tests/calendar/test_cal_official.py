"""The official calendar agrees with every State Council notice, day by day.

Cross-checked against python-holidays (a runtime dependency) and chinese-calendar
(a dev dependency). Known disagreements are listed in ``KNOWN_DISAGREEMENTS``.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import holidays
import pytest

from opengov.calendar import HolidayNotice, official_calendar
from opengov.errors import CalendarCoverageError

CAL = official_calendar()
COVERED_YEARS = range(CAL.coverage.first.year, CAL.coverage.last.year + 1)

# (source, day) -> why the source is wrong.
KNOWN_DISAGREEMENTS: dict[tuple[str, date], str] = {
    (
        "chinese-calendar",
        date(2005, 12, 31),
    ): "lists Saturday 2005-12-31 as a rest day; 国办发明电〔2005〕35号 made it a working day",
}

_HOLIDAYS_CN = holidays.country_holidays("CN", years=range(2003, 2028))


def _label(year: int) -> str:
    return " + ".join(n.label for n in CAL.notices_for(year))


def _days(year: int) -> list[date]:
    first = date(year, 1, 1)
    last = min(date(year, 12, 31), CAL.coverage.last)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@pytest.mark.parametrize("year", COVERED_YEARS, ids=lambda y: f"{y}-{_label(y)}")
def test_year_agrees_with_its_notice_and_both_libraries(year: int) -> None:
    notices: tuple[HolidayNotice, ...] = CAL.notices_for(year)
    assert notices, f"no notice for {year}"
    # The notice's own days, as resolved (amendments replace festivals by name).
    in_force = {}
    for notice in notices:
        for fest in notice.festivals:
            in_force[fest.zh] = fest
    for fest in in_force.values():
        for day in fest.rest_days():
            if CAL.coverage.first <= day <= CAL.coverage.last:
                assert not CAL.is_working_day(day), (day, fest.zh)
        for day in fest.workdays:
            if CAL.coverage.first <= day <= CAL.coverage.last:
                assert CAL.is_working_day(day), (day, fest.zh)
    for day in _days(year):
        ours = CAL.is_working_day(day)
        theirs = {
            "python-holidays": _HOLIDAYS_CN.is_working_day(day),
            "chinese-calendar": chinese_calendar.is_workday(day),
        }
        for source, answer in theirs.items():
            if (source, day) in KNOWN_DISAGREEMENTS:
                assert answer != ours, f"{source} now agrees on {day}; drop the entry"
            else:
                assert answer == ours, f"{day}: {source} says {answer}, {_label(year)} {ours}"


def test_coverage_is_2004_to_2026_12_28() -> None:
    assert (CAL.coverage.first, CAL.coverage.last) == (date(2004, 1, 1), date(2026, 12, 28))


@pytest.mark.parametrize("day", [date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)])
def test_last_days_of_the_last_year_wait_for_the_next_notice(day: date) -> None:
    # The next year's notice has moved days as late as 29 December (2007, 2018).
    with pytest.raises(CalendarCoverageError, match="2027 State Council holiday notice can still"):
        CAL.is_working_day(day)
    with pytest.raises(CalendarCoverageError, match="2018-12-29"):
        CAL.add_working_days(date(2026, 12, 18), 7)


def test_year_end_days_moved_by_the_next_notice_are_within_29_to_31_december() -> None:
    # The claim behind stopping official data on 28 December: every year-end day a
    # later notice moved lies on 29-31 December.
    moved = [
        day
        for year in COVERED_YEARS[:-1]
        for day in (date(year, 12, d) for d in range(1, 32))
        if CAL.is_working_day(day) != (day.weekday() < 5)
        and all(n.year == year + 1 for n in CAL.notices if n.label == CAL.source(day))
    ]
    assert moved
    assert all(day.day >= 29 for day in moved), moved


def test_every_covered_year_has_exactly_one_annual_notice() -> None:
    for year in COVERED_YEARS:
        assert CAL.notices_for(year)[0].revision == 0


def test_2005_12_31_was_a_working_saturday() -> None:
    assert CAL.is_working_day(date(2005, 12, 31))
    assert CAL.source(date(2005, 12, 31)) == "国办发明电〔2005〕35号"


def test_2019_labour_day_amendment() -> None:
    assert CAL.is_working_day(date(2019, 4, 28))
    assert CAL.is_working_day(date(2019, 5, 5))
    for d in range(1, 5):
        assert not CAL.is_working_day(date(2019, 5, d))
    assert CAL.source(date(2019, 5, 2)) == "国办发明电〔2019〕3号"


def test_2020_spring_festival_extension() -> None:
    for day in (date(2020, 1, 31), date(2020, 2, 1), date(2020, 2, 2)):
        assert not CAL.is_working_day(day)
        assert CAL.holiday_name(day) == ("春节", "Spring Festival")
    assert CAL.source(date(2020, 2, 1)) == "国办发明电〔2020〕1号"
    assert CAL.is_working_day(date(2020, 2, 3))


def test_2026_matches_the_verified_notice() -> None:
    rest = {r.day for r in CAL.rest_days(2026)}
    assert len(rest) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert CAL.make_up_workdays(2026) == (
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    )
    assert CAL.make_up_workdays(2025) == (
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    )


def test_provenance_of_recent_notices() -> None:
    (n2026,) = CAL.notices_for(2026)
    assert n2026.notice_no == "国办发明电〔2025〕7号"
    assert n2026.published == date(2025, 11, 4)
    assert n2026.evidence == "partly_verified"
    (n2025,) = CAL.notices_for(2025)
    assert n2025.notice_no == "国办发明电〔2024〕12号"
    assert n2025.published == date(2024, 11, 12)
    assert CAL.notices_for(2017)[0].evidence == "partly_verified"
    assert CAL.notices_for(2015)[1].title.startswith("国务院关于中国人民抗日战争")


def test_holiday_names_cover_weekends_inside_a_block() -> None:
    assert CAL.holiday_name(date(2011, 6, 5)) == ("端午节", "Dragon Boat Festival")
    assert CAL.holiday_name(date(2025, 10, 6)) == (
        "国庆节、中秋节",
        "National Day and Mid-Autumn Festival",
    )
    assert CAL.holiday_name(date(2026, 3, 7)) is None  # an ordinary Saturday
    assert CAL.holiday_name(date(2026, 10, 10)) is None  # a make-up working day
