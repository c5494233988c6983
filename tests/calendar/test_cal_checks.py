"""Hostile and mistyped holiday notices are refused; every bundled notice is accepted.

The invented 2027 notice (tests/calendar/data/invented_notice_2027.txt, never
bundled) is the base of most cases. Worked out by hand from its text, with the
holiday measures of 2024 (13 statutory days; 2027 lunar new year's day is Sat 02-06,
Qingming Mon 04-05, Dragon Boat Wed 06-09, Mid-Autumn Wed 09-15):

    item  rest block               weekdays off                 make-up days     net  owed
    元旦  01-01 Fri .. 01-03 Sun   01-01                          -                1    1
    春节  02-05 Fri .. 02-13 Sat   02-05, 02-08 .. 02-12 (6)      02-14, 02-20     4    4
    清明  04-03 Sat .. 04-05 Mon   04-05                          -                1    1
    劳动  05-01 Sat .. 05-05 Wed   05-03 .. 05-05 (3)             04-25            2    2
    端午  06-09 Wed                06-09                          -                1    1
    中秋  09-15 Wed                09-15                          -                1    1
    国庆  10-01 Fri .. 10-07 Thu   10-01, 10-04 .. 10-07 (5)      09-26, 10-09     3    3
                                                                           total  13   13
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov.calendar import (
    DateRange,
    Festival,
    HolidayNotice,
    WorkdayCalendar,
    check_notice,
    load_notice,
    official_calendar,
    parse_notice_text,
)
from opengov.deadlines import reply_deadline
from opengov.errors import CalendarCoverageError, CalendarDataError, NoticeRejectedError

DATA = Path(__file__).parent / "data"
CAL = official_calendar()
INVENTED = parse_notice_text(2027, (DATA / "invented_notice_2027.txt").read_text(encoding="utf-8"))
WITH_2027 = CAL.with_notice(INVENTED)

D = date.fromisoformat


def rest(first: str, last: str | None = None) -> tuple[DateRange, ...]:
    return (DateRange(D(first), D(last or first)),)


def with_item(notice: HolidayNotice, index: int, item: Festival | None) -> HolidayNotice:
    """``notice`` with item ``index`` replaced by ``item`` (or left out)."""
    items = list(notice.festivals)
    if item is None:
        del items[index]
    else:
        items[index] = item
    return HolidayNotice(notice.year, tuple(items), revision=notice.revision)


def weekdays_off_net(notice: HolidayNotice) -> int:
    """Weekdays among the notice's rest days less its make-up working days."""
    return sum(1 for d in notice.rest_days() if d.weekday() < 5) - len(notice.make_up_workdays())


# -- the invented notice itself ------------------------------------------------------


def test_the_invented_notice_reads_as_worked_out_above_and_passes() -> None:
    assert [f.zh for f in INVENTED.festivals] == [
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "中秋节",
        "国庆节",
    ]
    assert weekdays_off_net(INVENTED) == 13
    check_notice(INVENTED)
    check_notice(INVENTED, CAL)
    assert WITH_2027.coverage.last == date(2027, 12, 28)
    assert WITH_2027.notices_for(2027) == (INVENTED,)


# -- every bundled notice passes the checks it would meet today -----------------------

_BUNDLED = CAL.sources


@pytest.mark.parametrize(
    "index",
    range(len(_BUNDLED)),
    ids=[f"{s.notice.year}r{s.notice.revision}" for s in _BUNDLED],
)
def test_every_bundled_notice_passes_against_the_notices_before_it(index: int) -> None:
    notice = _BUNDLED[index].notice
    before = WorkdayCalendar(_BUNDLED[:index]) if index else None
    check_notice(notice, before)
    if before is not None:
        # and it joins that calendar exactly as the bundled calendar has it
        joined = before.with_notice(_BUNDLED[index])
        assert joined.sources == _BUNDLED[: index + 1]


def test_the_bundled_data_is_every_year_from_2004_with_its_amendments() -> None:
    # Without this, the parametrised test above could pass on an empty list.
    years = sorted({s.notice.year for s in _BUNDLED})
    assert years == list(range(2004, 2027))
    assert [(s.notice.year, s.notice.revision) for s in _BUNDLED if s.notice.revision] == [
        (2015, 1),
        (2019, 1),
        (2020, 1),
    ]


# -- the hostile notices of the issue -------------------------------------------------


def test_a_2027_notice_cannot_reach_back_into_december_2026() -> None:
    # Received Fri 2026-11-20. 20 working days: 11-23..27 = 1-5, 11-30..12-04 = 6-10,
    # 12-07..11 = 11-15, 12-14..18 = 16-20: due Fri 2026-12-18. With 12-07..11 off,
    # 12-14..18 would be 11-15 and 12-21..25 16-20: due 12-25. The notice is refused,
    # so the settled answer stands.
    assert reply_deadline(date(2026, 11, 20)).due == date(2026, 12, 18)
    hostile = rest("2026-12-07", "2026-12-11") + rest("2027-01-01", "2027-01-03")
    item = Festival("元旦", "New Year's Day", hostile)
    with pytest.raises(NoticeRejectedError, match=r"2026-12-07 under 元旦.*2026-12-29"):
        with_item(INVENTED, 0, item)
    # The same notice as JSON is refused by the reader too.
    record = INVENTED.to_dict()
    record["festivals"][0]["rest"] = [["2026-12-07", "2027-01-03"]]
    with pytest.raises(NoticeRejectedError, match="2026-12-07 under 元旦"):
        load_notice(json.dumps(record, ensure_ascii=False))
    # A make-up day outside the notice's year is refused the same way.
    shifted = Festival(
        "元旦", "New Year's Day", rest("2027-01-01", "2027-01-03"), (D("2026-12-05"),)
    )
    with pytest.raises(NoticeRejectedError, match="2026-12-05 under 元旦"):
        with_item(INVENTED, 0, shifted)
    assert reply_deadline(date(2026, 11, 20), calendar=WITH_2027).due == date(2026, 12, 18)


def test_a_2027_notice_written_as_text_reaching_into_2026_is_refused_as_such() -> None:
    line = "一、元旦：2026年12月7日（周一）至2027年1月3日（周日）放假，共28天。"
    with pytest.raises(NoticeRejectedError, match="2026-12-07 under 元旦"):
        parse_notice_text(2027, line)


def test_a_spring_festival_lasting_the_whole_year_is_refused() -> None:
    # 2027-01-01..12-31 is 365 days around 4 statutory days (02-05..02-08).
    alone = HolidayNotice(
        2027, (Festival("春节", "Spring Festival", rest("2027-01-01", "2027-12-31")),)
    )
    with pytest.raises(
        NoticeRejectedError,
        match=r"item 一 \(春节\): a rest block of 365 days \(2027-01-01..2027-12-31\)",
    ):
        check_notice(alone, CAL)
    with pytest.raises(NoticeRejectedError, match="365 days"):
        CAL.with_notice(alone)
    # As an amendment to the invented notice: 01-04..12-31 holds the statutory
    # days but is 362 days long.
    amend = HolidayNotice(
        2027, (Festival("春节", "Spring Festival", rest("2027-01-04", "2027-12-31")),), revision=1
    )
    with pytest.raises(NoticeRejectedError, match=r"\(春节\): a rest block of 362 days"):
        WITH_2027.with_notice(amend)


def test_three_hundred_and_sixty_five_one_day_festivals_are_refused() -> None:
    day = date(2027, 1, 1)
    items = tuple(
        Festival(f"节日{i}", f"Festival {i}", (DateRange(day + timedelta(i), day + timedelta(i)),))
        for i in range(365)
    )
    notice = HolidayNotice(2027, items)
    assert notice.rest_days()[-1] == date(2027, 12, 31)
    with pytest.raises(NoticeRejectedError, match=r"item 一 \(节日0\): '节日0' is not a festival"):
        check_notice(notice, CAL)
    with pytest.raises(NoticeRejectedError, match="'节日0' is not a festival"):
        CAL.with_notice(notice)


def test_a_make_up_day_ten_months_from_its_festival_is_refused() -> None:
    # Spring Festival's make-up Sat 02-20 moved to Sat 2027-12-11: still a Saturday, and
    # the year still nets 13 weekdays off, so only the distance check can catch it.
    # 12-11 is day 345 of 2027, the block ends 02-13 (day 44): 301 days away.
    assert date(2027, 12, 11).weekday() == 5
    spring = INVENTED.festivals[1]
    moved = Festival(spring.zh, spring.en, spring.rest, (D("2027-02-14"), D("2027-12-11")))
    notice = with_item(INVENTED, 1, moved)
    assert weekdays_off_net(notice) == 13
    with pytest.raises(
        NoticeRejectedError,
        match=r"item 二 \(春节\): the make-up working day 2027-12-11 is 301 days from the rest "
        r"block 2027-02-05..2027-02-13",
    ):
        CAL.with_notice(notice)


def test_an_unknown_festival_name_is_refused() -> None:
    dragon = INVENTED.festivals[4]
    renamed = Festival("植树节", "Tree Planting Day", dragon.rest, dragon.workdays)
    with pytest.raises(
        NoticeRejectedError, match=r"item 五 \(植树节\): '植树节' is not a festival"
    ):
        CAL.with_notice(with_item(INVENTED, 4, renamed))


def test_an_annual_notice_missing_national_day_is_refused() -> None:
    notice = with_item(INVENTED, 6, None)
    with pytest.raises(NoticeRejectedError, match="has no item for 国庆节"):
        CAL.with_notice(notice)


def test_a_festival_named_twice_is_refused() -> None:
    # 清明节 on Sat 04-03 and Mon 04-05, and a second item 清明 (the older name) on Sun
    # 04-04 and Tue 04-06: no day in two items, each block holds Qingming (Mon 04-05),
    # so only the count of names catches it.
    items = list(INVENTED.festivals)
    items[2] = Festival("清明节", "Qingming Festival", rest("2027-04-03") + rest("2027-04-05"))
    items.insert(3, Festival("清明", "Qingming Festival", rest("2027-04-04") + rest("2027-04-06")))
    notice = HolidayNotice(2027, tuple(items))
    with pytest.raises(NoticeRejectedError, match="names 清明节 in two items"):
        CAL.with_notice(notice)


def test_one_extra_weekday_off_is_refused_naming_the_count() -> None:
    # Labour Day 05-01 Sat .. 05-06 Thu: weekdays 05-03..05-06 = 4, less make-up 04-25
    # = 3 where 2 are owed; the year nets 13 + 1 = 14. The block (6 days for 2
    # statutory) is within the 7-day allowance, so only the year's count catches it.
    labour = INVENTED.festivals[3]
    longer = Festival(labour.zh, labour.en, rest("2027-05-01", "2027-05-06"), labour.workdays)
    notice = with_item(INVENTED, 3, longer)
    with pytest.raises(
        NoticeRejectedError, match=r"gives 14 weekdays off net .*劳动节 3.*give 13 statutory days"
    ):
        CAL.with_notice(notice)


def test_an_amendment_adding_a_weekday_off_without_a_make_up_day_is_refused() -> None:
    # 2027: Mid-Autumn Wed 09-15 widened to Tue 09-14..Wed 09-15: 2 weekdays for 1.
    amend = HolidayNotice(
        2027,
        (Festival("中秋节", "Mid-Autumn Festival", rest("2027-09-14", "2027-09-15")),),
        revision=1,
    )
    with pytest.raises(NoticeRejectedError, match="gives 14 weekdays off"):
        WITH_2027.with_notice(amend)
    # 2026 (bundled): Mid-Autumn Fri 09-25 .. Sun 09-27 widened to Thu 09-24. Refused
    # without a make-up day; with Sat 09-19 worked it nets the same and is accepted.
    widened = rest("2026-09-24", "2026-09-27")
    bare = HolidayNotice(2026, (Festival("中秋节", "Mid-Autumn Festival", widened),), revision=1)
    with pytest.raises(NoticeRejectedError, match="gives 14 weekdays off"):
        CAL.with_notice(bare)
    fair = HolidayNotice(
        2026, (Festival("中秋节", "Mid-Autumn Festival", widened, (D("2026-09-19"),)),), revision=1
    )
    cal = CAL.with_notice(fair)
    assert not cal.is_working_day(date(2026, 9, 24))
    assert cal.is_working_day(date(2026, 9, 19))


def test_an_amendment_needs_an_annual_notice_and_years_must_follow_on() -> None:
    amend = HolidayNotice(
        2027, (Festival("中秋节", "Mid-Autumn Festival", rest("2027-09-15")),), revision=1
    )
    with pytest.raises(CalendarDataError, match="no annual notice"):
        CAL.with_notice(amend)
    later = HolidayNotice(2028, (Festival("元旦", "New Year's Day", rest("2028-01-01")),))
    with pytest.raises(CalendarDataError, match="consecutive years"):
        CAL.with_notice(later)


def test_check_false_skips_plausibility_never_the_settled_days_rule() -> None:
    labour = INVENTED.festivals[3]
    longer = Festival(labour.zh, labour.en, rest("2027-05-01", "2027-05-06"), labour.workdays)
    cal = CAL.with_notice(with_item(INVENTED, 3, longer), check=False)
    assert not cal.is_working_day(date(2027, 5, 6))
    with pytest.raises(NoticeRejectedError, match="2026-12-07"):
        CAL.with_notice(
            HolidayNotice(2027, (Festival("元旦", "New Year's Day", rest("2026-12-07")),)),
            check=False,
        )


def test_special_items_are_exempt() -> None:
    # The 2015 anniversary (Thu 09-03 .. Sat 09-05, Sun 09-06 worked) is marked special
    # in the bundled data; the same item unmarked is refused by name.
    (annual, amendment) = CAL.notices_for(2015)
    (item,) = amendment.festivals
    assert item.special
    plain = Festival(item.zh, item.en, item.rest, item.workdays)
    before = WorkdayCalendar(tuple(s for s in CAL.sources if s.notice.year <= 2015)[:-1])
    check_notice(amendment, before)
    with pytest.raises(NoticeRejectedError, match="is not a festival"):
        check_notice(HolidayNotice(2015, (plain,), revision=1), before)
    assert annual.revision == 0


# -- properties ---------------------------------------------------------------------

# Every date of the invented notice that a typo could move: (item, what, index).
_TARGETS = [
    (i, "first" if end == 0 else "last", j)
    for i, f in enumerate(INVENTED.festivals)
    for j in range(len(f.rest))
    for end in (0, 1)
] + [(i, "workday", j) for i, f in enumerate(INVENTED.festivals) for j in range(len(f.workdays))]


def _mutate(item: Festival, what: str, j: int, shift: int) -> Festival:
    ranges = list(item.rest)
    workdays = list(item.workdays)
    step = timedelta(days=shift)
    if what == "first":
        ranges[j] = DateRange(ranges[j].first + step, ranges[j].last)
    elif what == "last":
        ranges[j] = DateRange(ranges[j].first, ranges[j].last + step)
    else:
        workdays[j] += step
    return Festival(item.zh, item.en, tuple(ranges), tuple(workdays))


def _weekdays(first: date, last: date) -> int:
    return sum(1 for k in range((last - first).days + 1) if (first + timedelta(k)).weekday() < 5)


@settings(max_examples=300, deadline=None)
@given(
    target=st.sampled_from(_TARGETS),
    shift=st.integers(1, 40).flatmap(lambda n: st.sampled_from([n, -n])),
)
def test_one_mistyped_date_is_refused_or_keeps_the_statutory_count(
    target: tuple[int, str, int], shift: int
) -> None:
    index, what, j = target
    try:
        notice = with_item(INVENTED, index, _mutate(INVENTED.festivals[index], what, j, shift))
        cal = CAL.with_notice(notice)
    except CalendarDataError:
        # refused: by DateRange/Festival/HolidayNotice (an empty range, a make-up day
        # on a weekday, a day in two items or outside the year) or by check_notice
        return
    assert weekdays_off_net(notice) == 13
    # The calendar agrees: 2026-12-29 .. 2027-12-28 (the days the 2027 notice sets and
    # the calendar settles) has 13 fewer working days than weekdays.
    first, last = date(2026, 12, 29), date(2027, 12, 28)
    assert cal.working_days_between(first - timedelta(1), last) == _weekdays(first, last) - 13


def test_some_mistyped_dates_are_accepted_so_the_property_has_teeth() -> None:
    # National Day ends Thu 10-07; a last day of Fri 10-08 is one weekday more and is
    # refused, but the 国庆 make-up Sun 09-26 moved a week to Sun 09-19 still nets 13
    # and lies 12 days from the block: accepted.
    national = INVENTED.festivals[6]
    with pytest.raises(NoticeRejectedError, match="gives 14"):
        CAL.with_notice(with_item(INVENTED, 6, _mutate(national, "last", 0, 1)))
    moved = CAL.with_notice(with_item(INVENTED, 6, _mutate(national, "workday", 0, -7)))
    assert moved.is_working_day(date(2027, 9, 19))
    assert not moved.is_working_day(date(2027, 9, 26))


_FIRST = CAL.coverage.first.toordinal()


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(2005, 2040),
    offset=st.integers(1, 8000),
    as_workday=st.booleans(),
)
def test_a_notice_never_sets_a_day_before_29_december_of_the_year_before(
    year: int, offset: int, as_workday: bool
) -> None:
    # A day 1..8000 days before 29 December of year-1.
    day = date(year - 1, 12, 29) - timedelta(offset)
    if as_workday and day.weekday() >= 5:
        item = Festival("元旦", "New Year's Day", rest(f"{year}-01-01"), (day,))
    else:
        item = Festival("元旦", "New Year's Day", (DateRange(day, day),))
    with pytest.raises(NoticeRejectedError, match=re.escape(f"lists {day.isoformat()} under 元旦")):
        HolidayNotice(year, (item,))


@settings(max_examples=200, deadline=None)
@given(day=st.integers(_FIRST, date(2026, 12, 28).toordinal()).map(date.fromordinal))
def test_adding_2027_leaves_every_settled_day_as_it_was(day: date) -> None:
    assert WITH_2027.is_working_day(day) == CAL.is_working_day(day)
    assert WITH_2027.holiday_name(day) == CAL.holiday_name(day)
    assert WITH_2027.source(day) == CAL.source(day)


@pytest.mark.parametrize("day", ["2026-12-29", "2026-12-30", "2026-12-31"])
def test_the_last_days_of_2026_wait_for_the_2027_notice(day: str) -> None:
    # Tue 12-29 .. Thu 12-31: unsettled on the bundled data, working days once the
    # invented 2027 notice (which sets nothing before 01-01) is added.
    with pytest.raises(CalendarCoverageError, match="2027"):
        CAL.is_working_day(D(day))
    assert WITH_2027.is_working_day(D(day))


def test_a_special_item_is_kept_in_proportion() -> None:
    from opengov.calendar import check_notice

    # A "special" March 2027: 31 days, three times the longest special rest since
    # 2004 (the ten-day 2020 extension).
    march = HolidayNotice(
        2027,
        (
            Festival(
                "特别休假",
                "special",
                (DateRange(date(2027, 3, 1), date(2027, 3, 31)),),
                special=True,
            ),
        ),
        revision=1,
    )
    with pytest.raises(NoticeRejectedError, match="special rest block of 31 days"):
        check_notice(march)
