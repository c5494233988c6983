"""Remedies when the agency never replies (不履行法定职责): worked examples by hand.

2026 rest days used here (国务院办公厅关于2026年部分节假日安排的通知): 清明节 04-04..06,
劳动节 05-01..05, 端午节 06-19..21, 国庆节 10-01..07. 2018: 劳动节 04-29..05-01,
中秋节 09-24 (after the weekend 09-22..23).

Review: 60 days counted from the last day of the reply period, which is not counted
(行政复议法实施条例 2007 Art. 16(1), opengov's reading). Litigation: 6 months from
the same day (行诉解释 2018 Art. 66). A last day on a rest day rolls forward.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov.applicants import ApplicantType
from opengov.applications import (
    Application,
    ConsultationSent,
    ConsultedParty,
    CorrectionReceived,
    CorrectionRequested,
    FeeNoticeSent,
    OpinionReceived,
    ReplyIssued,
    StatusKind,
    Withdrawn,
)
from opengov.calendar import official_calendar
from opengov.channels import SubmissionChannel
from opengov.deadlines import DeadlineKind, DeadlineOptions, FeeWindow, PeriodUnit
from opengov.errors import CalendarCoverageError, InvalidDateError, ProvisionalCalendarWarning
from opengov.fees import fee_per_page
from opengov.remedies import (
    NO_REPLY_REVIEW_START,
    litigation_deadline,
    no_reply_litigation_deadline,
    no_reply_review_deadline,
    review_deadline,
)
from opengov.replies import Reply, ReplyType

D = date.fromisoformat


def new(received: str, **kw: Any) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=D(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        **kw,
    )


def test_no_reply_worked_example_spring_2026() -> None:
    # Received Mon 03-02 (not counted). Working days 1-4 = 03-03..06, 5-9 = 03-09..13,
    # 10-14 = 03-16..20, 15-19 = 03-23..27, 20 = Mon 03-30: the reply period expires
    # on 03-30.
    app = new("2026-03-02")
    assert app.reply_deadline().due == D("2026-03-30")
    # on 03-30 the agency still has the day: nothing yet; no date given: nothing either
    assert app.remedy_deadlines(as_of=D("2026-03-30")) == ()
    assert app.remedy_deadlines() == ()
    assert app.status(D("2026-03-31")).kind is StatusKind.OVERDUE
    review, suit = app.remedy_deadlines(as_of=D("2026-03-31"))
    # Review: 03-30 not counted; 03-31 is day 1, 04-30 day 31, 05-29 day 60 (Fri, a
    # working day: 劳动节 ended 05-05, 端午节 starts 06-19). No roll-forward.
    assert review.kind is DeadlineKind.ADMINISTRATIVE_REVIEW
    assert (review.start, review.days, review.unit) == (D("2026-03-30"), 60, PeriodUnit.DAYS)
    assert (review.nominal_due, review.due, review.rolled) == (D("2026-05-29"), D("2026-05-29"), ())
    assert [str(c) for c in review.basis] == [
        "admin-reconsideration-2023:20",
        "admin-reconsideration-regs-2007:16(1)",
        "civil-code:201",
        "civil-code:203",
    ]
    # the interpretation and the open question are recorded on the result
    assert NO_REPLY_REVIEW_START in review.notes
    assert any("2023 revision" in n for n in review.notes)
    # Litigation: 6 months from 03-30 end on the corresponding day, Wed 09-30, a
    # working day (国庆节 starts 10-01). No roll-forward.
    assert suit.kind is DeadlineKind.LITIGATION
    assert (suit.start, suit.days, suit.unit) == (D("2026-03-30"), 6, PeriodUnit.MONTHS)
    assert (suit.nominal_due, suit.due, suit.rolled) == (D("2026-09-30"), D("2026-09-30"), ())
    assert [str(c) for c in suit.basis[:2]] == [
        "admin-litigation-interpretation-2018:66",
        "admin-litigation-2017:47.1",
    ]
    assert any("Art. 23(1)(3)" in n for n in suit.notes)
    # the same periods, later on
    assert app.remedy_deadlines(as_of=D("2026-07-01")) == (review, suit)
    assert review == no_reply_review_deadline(D("2026-03-30"))
    assert suit == no_reply_litigation_deadline(D("2026-03-30"))


def test_no_reply_litigation_rolls_over_national_day() -> None:
    # Received Fri 03-06. Working days 1-5 = 03-09..13, 6-10 = 03-16..20,
    # 11-15 = 03-23..27, 16-20 = 03-30..04-03: expires Fri 04-03 (清明节 follows).
    app = new("2026-03-06")
    review, suit = app.remedy_deadlines(as_of=D("2026-04-07"))
    # Review: 04-04 is day 1, 04-30 day 27, 05-31 day 58, Tue 06-02 day 60.
    assert (review.nominal_due, review.due) == (D("2026-06-02"), D("2026-06-02"))
    # Litigation: 6 months from 04-03 is Sat 10-03, in 国庆节 (10-01..07); it rolls
    # over 10-03..10-07 (5 days) to Thu 10-08.
    assert (suit.nominal_due, suit.due) == (D("2026-10-03"), D("2026-10-08"))
    assert [d for d, _, _ in suit.rolled] == [D("2026-10-03") + timedelta(i) for i in range(5)]
    assert {zh for _, zh, _ in suit.rolled} == {"国庆节"}
    text = suit.explain().to_en()
    assert "no reply: counted from 2026-04-03" in text
    assert "rolls forward" in text
    assert "Due: 2026-10-08 (Thu)" in text


def test_no_reply_review_rolls_over_national_day_and_litigation_needs_2027() -> None:
    # Received Mon 07-06. Working days 1-4 = 07-07..10, 5-9 = 07-13..17,
    # 10-14 = 07-20..24, 15-19 = 07-27..31, 20 = Mon 08-03.
    app = new("2026-07-06")
    # Review: 08-04 is day 1, 08-31 day 28, 09-30 day 58, 10-01 day 59, Fri 10-02
    # day 60, in 国庆节: rolls over 10-02..10-07 (6 days) to Thu 10-08.
    review = no_reply_review_deadline(D("2026-08-03"))
    assert (review.nominal_due, review.due, len(review.rolled)) == (
        D("2026-10-02"),
        D("2026-10-08"),
        6,
    )
    assert "顺延" in review.explain().to_zh()
    # Litigation: 6 months from 08-03 is 2027-02-03; there is no 2027 notice yet, so
    # the application refuses to guess ...
    with pytest.raises(CalendarCoverageError, match="2027"):
        app.remedy_deadlines(as_of=D("2026-08-04"))
    # ... unless asked for a provisional answer: Wed 2027-02-03 is a working day under
    # the statutory rules (春节 2027 rest starts on 除夕, 02-05).
    provisional = app.with_options(DeadlineOptions(provisional=True))
    with pytest.warns(ProvisionalCalendarWarning):
        review_p, suit = provisional.remedy_deadlines(as_of=D("2026-08-04"))
    assert review_p.due == D("2026-10-08")
    assert not review_p.provisional
    assert (suit.due, suit.provisional) == (D("2027-02-03"), True)


def test_no_reply_under_the_2007_edition_and_the_2017_law() -> None:
    # Received Thu 2018-03-01, 15 working days: 1 = Fri 03-02, 2-6 = 03-05..09,
    # 7-11 = 03-12..16, 12-15 = 03-19..22: expires Thu 03-22.
    app = new("2018-03-01")
    review, suit = app.remedy_deadlines(as_of=D("2018-04-02"))
    # Review (2017 Law Art. 9): 03-23 is day 1, 03-31 day 9, 04-30 day 39, Mon 05-21
    # day 60.
    assert review.due == D("2018-05-21")
    assert [str(c) for c in review.basis[:2]] == [
        "admin-reconsideration-2017:9",
        "admin-reconsideration-regs-2007:16(1)",
    ]
    assert NO_REPLY_REVIEW_START in review.notes
    assert not any("2023 revision" in n for n in review.notes)
    # Litigation: 6 months is Sat 09-22; 09-22..23 weekend, 09-24 中秋节 → Tue 09-25.
    assert (suit.nominal_due, suit.due) == (D("2018-09-22"), D("2018-09-25"))
    assert [zh for _, zh, _ in suit.rolled] == ["周末", "周末", "中秋节"]
    assert not any("Art. 23" in n for n in suit.notes)


def test_no_reply_follows_a_paused_reply_deadline() -> None:
    # Received Mon 03-02; third party consulted Tue 03-10, opinion Fri 03-20. Working
    # days 03-11..03-20 are not counted (8: 11-13, 16-20). Counted: 1-6 = 03-03..03-10,
    # then 7-11 = 03-23..27, 12-16 = 03-30..04-03, 17-20 = 04-07..10 (清明节 04-04..06):
    # expires Fri 04-10.
    app = (
        new("2026-03-02")
        .record(ConsultationSent(on=D("2026-03-10"), party=ConsultedParty.THIRD_PARTY))
        .record(OpinionReceived(on=D("2026-03-20"), party=ConsultedParty.THIRD_PARTY))
    )
    assert app.reply_deadline().due == D("2026-04-10")
    assert app.remedy_deadlines(as_of=D("2026-04-10")) == ()
    # while the consultation runs, the pause lasts to the opinion deadline: not overdue
    assert app.remedy_deadlines(as_of=D("2026-03-15")) == ()
    review, suit = app.remedy_deadlines(as_of=D("2026-04-13"))
    # Review: 04-11 is day 1, 04-30 day 20, 05-31 day 51, Tue 06-09 day 60.
    assert review.due == D("2026-06-09")
    # Litigation: Sat 10-10 is a make-up working day (调休), so no roll-forward.
    assert (suit.nominal_due, suit.due) == (D("2026-10-10"), D("2026-10-10"))


def test_a_late_reply_replaces_the_no_reply_periods() -> None:
    app = new("2026-03-02").record(
        ReplyIssued(on=D("2026-04-08"), reply=Reply(type=ReplyType.DISCLOSED))
    )
    # before the late reply, the agency was in default ...
    assert [d.notes[0] for d in app.remedy_deadlines(as_of=D("2026-04-07"))] == [
        "no reply: counted from 2026-03-30, the day the reply period expired"
    ] * 2
    # ... from it on, the periods run from the reply (as without as_of)
    after = app.remedy_deadlines(as_of=D("2026-04-08"))
    assert after == app.remedy_deadlines()
    assert after == (review_deadline(D("2026-04-08")), litigation_deadline(D("2026-04-08")))


def test_no_periods_while_the_applicant_is_awaited_or_after_closing() -> None:
    late = D("2026-06-30")
    # 补正 requested and not yet answered: the reply period has not started again
    waiting = new("2026-03-02").record(CorrectionRequested(on=D("2026-03-04"), period_days=10))
    assert waiting.remedy_deadlines(as_of=late) == ()
    # once corrected (Fri 03-13), the period restarts from that day: 1-5 = 03-16..20,
    # 6-10 = 03-23..27, 11-15 = 03-30..04-03, (清明节 04-04..06), 16-19 = 04-07..10,
    # 20 = Mon 04-13
    corrected = waiting.record(CorrectionReceived(on=D("2026-03-13")))
    assert corrected.reply_deadline().due == D("2026-04-13")
    assert corrected.remedy_deadlines(as_of=D("2026-04-13")) == ()
    assert corrected.remedy_deadlines(as_of=D("2026-04-14"))[0].start == D("2026-04-13")
    # a fee is awaited from the applicant
    fee = new("2026-03-02", options=DeadlineOptions(fee_window=FeeWindow.COUNTED)).record(
        FeeNoticeSent(on=D("2026-03-20"), fee=fee_per_page(120))
    )
    assert fee.remedy_deadlines(as_of=D("2026-04-20")) == ()
    # withdrawn
    withdrawn = new("2026-03-02").record(Withdrawn(on=D("2026-03-05")))
    assert withdrawn.remedy_deadlines(as_of=late) == ()


def test_bad_dates_are_refused() -> None:
    with pytest.raises(InvalidDateError, match=r"as_of must be a datetime\.date"):
        new("2026-03-02").remedy_deadlines(as_of="2026-04-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"reply_due must be a datetime\.date"):
        no_reply_review_deadline(None)  # type: ignore[arg-type]


expiries = st.dates(min_value=date(2008, 5, 1), max_value=date(2026, 6, 27))


@given(expiries)
def test_no_reply_periods_end_on_the_nominal_day_or_the_next_working_day(day: date) -> None:
    cal = official_calendar()
    review, suit = no_reply_review_deadline(day), no_reply_litigation_deadline(day)
    assert review.nominal_due == day + timedelta(days=60)
    # 6 months: the corresponding day, or the month's last day (Civil Code Art. 202)
    year, month = day.year + (day.month + 5) // 12, (day.month + 5) % 12 + 1
    last = calendar.monthrange(year, month)[1]
    assert suit.nominal_due == date(year, month, min(day.day, last))
    for d in (review, suit):
        assert d.nominal_due is not None
        assert cal.is_working_day(d.due)
        assert d.due >= d.nominal_due
        # every day passed over was a rest day
        assert [r[0] for r in d.rolled] == [
            d.nominal_due + timedelta(i) for i in range((d.due - d.nominal_due).days)
        ]
        assert all(not cal.is_working_day(r[0]) for r in d.rolled)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2008, 5, 1), max_value=date(2026, 5, 15)), st.integers(-5, 40))
def test_application_periods_open_the_day_after_the_reply_deadline(
    received: date, offset: int
) -> None:
    app = new(received.isoformat())
    due = app.reply_deadline().due
    got = app.remedy_deadlines(as_of=due + timedelta(days=offset))
    if offset <= 0:
        assert got == ()
    else:
        assert got == (no_reply_review_deadline(due), no_reply_litigation_deadline(due))


def test_the_newer_regulations_lead_is_noted_from_2024_only() -> None:
    # Legal review (2026-11-30), lead A3: a public code module cites a newer
    # 行政复议法实施条例 putting 受理后不予答复 under 行政复议法 2023 Art. 23(1)(3) (review
    # first); text, number and date not found. Behaviour unchanged: the periods are as
    # before (2026-03-30 + 60 days → Fri 05-29; + 6 months → Wed 09-30), each with the note.
    from opengov.remedies import NEWER_REGULATIONS_LEAD

    review = no_reply_review_deadline(D("2026-03-30"))
    suit = no_reply_litigation_deadline(D("2026-03-30"))
    assert (review.due, suit.due) == (D("2026-05-29"), D("2026-09-30"))
    assert NEWER_REGULATIONS_LEAD in review.notes
    assert NEWER_REGULATIONS_LEAD in suit.notes
    # a reply period that expired under the 2017 Law: the lead does not concern it
    assert NEWER_REGULATIONS_LEAD not in no_reply_review_deadline(D("2018-03-22")).notes
