"""Deadlines: worked examples computed by hand from the State Council notices.

2026 (国务院办公厅关于2026年部分节假日安排的通知): National Day rest 10-01..10-07,
make-up working days Sun 09-20 and Sat 10-10; Mid-Autumn rest 09-25..09-27.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov.deadlines import (
    AgencyKind,
    DeadlineKind,
    DeadlineOptions,
    ReceiptDay,
    StepKind,
    annual_report_due,
    proactive_disclosure_deadline,
    reply_deadline,
)
from opengov.editions import Edition
from opengov.errors import (
    CalendarCoverageError,
    InvalidDateError,
    InvalidInputError,
    ProvisionalCalendarWarning,
)
from opengov.remedies import (
    litigation_after_review_deadline,
    litigation_deadline,
    review_deadline,
)


def assert_deadline(received: str, expect: str, *, extended: bool = False) -> None:
    got = reply_deadline(date.fromisoformat(received), extended=extended).due
    assert got == date.fromisoformat(expect)


def test_plain_reply_across_national_day_2026() -> None:
    # Received Mon 09-28 (not counted). Day 1 Tue 09-29, day 2 Wed 09-30; 10-01..07 rest;
    # day 3 Thu 10-08, 4 Fri 10-09, 5 Sat 10-10 (make-up); 6-10 = 10-12..16;
    # 11-15 = 10-19..23; 16-20 = 10-26..30.  Due Fri 2026-10-30.
    d = reply_deadline(date(2026, 9, 28))
    assert d.due == date(2026, 10, 30)
    assert d.kind is DeadlineKind.REPLY
    assert d.edition is Edition.REG_2019
    assert [str(c) for c in d.basis] == ["ogi-2019:33.2", "civil-code:201"]
    assert not d.provisional
    steps = d.explain().steps
    assert [s.kind for s in steps] == [
        StepKind.START,
        StepKind.COUNT,
        StepKind.REST_DAYS,
        StepKind.CALENDAR,
        StepKind.DUE,
    ]
    rest = steps[2]
    assert (date(2026, 10, 1), "国庆节", "National Day") in rest.names
    assert date(2026, 10, 10) not in [n[0] for n in rest.names]
    assert "国庆节" in d.explain().to_zh()


def test_rest_day_receipt_counts_from_the_next_working_day() -> None:
    # Received Sat 2026-10-03 (in the National Day block). Day 1 is Thu 10-08:
    # 10-08, 10-09, 10-10 (make-up) = 1-3; 10-12..16 = 4-8; 10-19..23 = 9-13;
    # 10-26..30 = 14-18; 11-02 = 19, 11-03 = 20.
    assert_deadline("2026-10-03", "2026-11-03")
    # the same as a receipt on Wed 09-30, the last working day before the rest
    assert reply_deadline(date(2026, 10, 3)).due == reply_deadline(date(2026, 9, 30)).due
    assert "rest day" in reply_deadline(date(2026, 10, 3)).explain().to_en()


def test_receipt_day_counted_option() -> None:
    # With the receipt day counted, Mon 09-28 is day 1 and the due date is one WD earlier.
    opts = DeadlineOptions(receipt_day=ReceiptDay.COUNTED)
    d = reply_deadline(date(2026, 9, 28), options=opts)
    assert d.due == date(2026, 10, 29)
    assert d.options.receipt_day is ReceiptDay.COUNTED
    # a rest-day receipt is unaffected
    assert reply_deadline(date(2026, 10, 3), options=opts).due == date(2026, 11, 3)


def test_2018_application_uses_the_2007_edition() -> None:
    # 2007 edition: 15 WD. 2018 National Day: rest 10-01..10-07, make-up Sat 09-29 and
    # Sun 09-30. Received Fri 09-28: 09-29, 09-30 = 1-2; 10-08..12 = 3-7;
    # 10-15..19 = 8-12; 10-22, 23, 24 = 13-15. Due Wed 2018-10-24.
    d = reply_deadline(date(2018, 9, 28))
    assert d.edition is Edition.REG_2007
    assert (d.days, d.due) == (15, date(2018, 10, 24))
    assert str(d.basis[0]) == "ogi-2007:24.2"
    # extension: at most 15 more under 2007: 10-25,26; 10-29..11-02; 11-05..09; 11-12..14
    assert reply_deadline(date(2018, 9, 28), extended=True).due == date(2018, 11, 14)


def test_extension_adds_the_edition_maximum() -> None:
    d = reply_deadline(date(2026, 9, 28), extended=True)
    # 10-30 + 20 WD: 11-02..06, 09..13, 16..20, 23..27
    assert (d.original_due, d.due, d.extension_days) == (
        date(2026, 10, 30),
        date(2026, 11, 27),
        20,
    )
    assert StepKind.EXTENSION in [s.kind for s in d.explain().steps]


def test_json_round_trip_of_deadline_and_explanation() -> None:
    d = reply_deadline(date(2026, 9, 28), extended=True)
    assert type(d).model_validate_json(d.model_dump_json()) == d
    data = json.loads(d.explain().model_dump_json())
    assert data["steps"][-1]["kind"] == "due"
    assert data["steps"][-1]["text_en"] == "Due: 2026-11-27 (Fri)"


def test_outside_coverage_raises_unless_provisional() -> None:
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-20 falls after 2026-12-28"
    ):
        reply_deadline(date(2026, 12, 20))
    with pytest.warns(ProvisionalCalendarWarning):
        d = reply_deadline(date(2026, 12, 20), options=DeadlineOptions(provisional=True))
    assert d.provisional


@pytest.mark.parametrize("bad", ["2026-09-28", None, 20260928])
def test_bad_input(bad: object) -> None:
    with pytest.raises(InvalidDateError, match=r"^received_on must be a datetime\.date"):
        reply_deadline(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="extended must be True or False, got 1"):
        reply_deadline(date(2026, 9, 28), extended=1)  # type: ignore[arg-type]


def test_proactive_disclosure() -> None:
    assert proactive_disclosure_deadline(date(2026, 9, 28)).due == date(2026, 10, 30)
    # a local 5-WD rule: 09-29, 09-30, 10-08, 10-09, 10-10
    local = proactive_disclosure_deadline(date(2026, 9, 28), days=5)
    assert local.due == date(2026, 10, 10)
    assert local.notes
    assert str(local.basis[0]) == "ogi-2019:26"
    with pytest.raises(InvalidInputError, match="days must be an int from 1 to 1000, got 0"):
        proactive_disclosure_deadline(date(2026, 9, 28), days=0)


def test_annual_report_due_dates() -> None:
    assert annual_report_due(2025, AgencyKind.DEPARTMENT).due == date(2026, 1, 31)
    assert annual_report_due(2025, AgencyKind.GOVERNMENT).due == date(2026, 3, 31)
    # report year 2018 falls due under the 2007 edition: 31 March for everyone
    d = annual_report_due(2018, AgencyKind.DEPARTMENT)
    assert (d.due, d.edition) == (date(2019, 3, 31), Edition.REG_2007)
    assert annual_report_due(2019, "department").due == date(2020, 1, 31)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="report_year must be 2008 or later"):
        annual_report_due(2007, AgencyKind.GOVERNMENT)
    assert annual_report_due(2025, AgencyKind.GOVERNMENT).explain().steps[-1].end == date(
        2026, 3, 31
    )


def test_remedy_period_ending_on_a_holiday() -> None:
    # Known Sun 2026-08-02: day 1 = 08-03, day 29 = 08-31, day 59 = 09-30, day 60 = Thu
    # 10-01, in National Day; rolls over 10-01..07 to Thu 10-08.
    d = review_deadline(date(2026, 8, 2))
    assert (d.nominal_due, d.due) == (date(2026, 10, 1), date(2026, 10, 8))
    assert d.rolled[0][1] == "国庆节"
    assert next(str(c) for c in d.basis) == "admin-reconsideration-2023:20"
    # before 2024 the 2017 Law applies
    assert str(review_deadline(date(2023, 5, 4)).basis[0]) == "admin-reconsideration-2017:9"
    # 6 months from 04-03 is Sat 10-03 (National Day) → 10-08
    assert litigation_deadline(date(2026, 4, 3)).due == date(2026, 10, 8)
    # 15 days after Thu 09-10 is Fri 09-25, Mid-Autumn → rolls to Mon 09-28
    d15 = litigation_after_review_deadline(date(2026, 9, 10))
    assert (d15.nominal_due, d15.due) == (date(2026, 9, 25), date(2026, 9, 28))
    assert "顺延" in d15.explain().to_zh()


received = st.dates(min_value=date(2008, 5, 1), max_value=date(2026, 9, 30))


@given(received)
def test_due_is_a_working_day_after_receipt(day: date) -> None:
    from opengov.calendar import official_calendar

    d = reply_deadline(day)
    cal = official_calendar()
    assert cal.is_working_day(d.due)
    assert cal.working_days_between(day, d.due) == d.days


@given(received)
def test_extension_moves_the_deadline_by_exactly_its_working_days(day: date) -> None:
    from opengov.calendar import official_calendar

    plain, ext = reply_deadline(day), reply_deadline(day, extended=True)
    assert official_calendar().working_days_between(plain.due, ext.due) == ext.extension_days


@given(received, st.integers(0, 10))
def test_later_receipt_never_gives_an_earlier_deadline(day: date, shift: int) -> None:
    later = min(day + timedelta(days=shift), date(2026, 9, 30))
    assert reply_deadline(later).due >= reply_deadline(day).due
