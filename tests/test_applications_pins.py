"""Pins for applications.py: whole results (deadlines, states, flags, statuses,
refusals) worked out by hand, so that a change to any part of them is noticed.

Calendars used (the State Council notices, shared/reference):
- 2025 (国办发明电〔2024〕12号): no rest day in March; 清明 Fri 04-04 to Sun 04-06;
  劳动节 05-01..05 (make-up Sun 04-27); 端午 05-31..06-02; 国庆/中秋 10-01..08.
- 2018, March only: no rest day but the weekends (春节 ended 02-21, 清明 04-05..07).

The base case: received Mon 2025-03-03 in person (2019 edition). Reply due, 20
working days, the receipt day not counted (Civil Code Art. 201): 03-04..07 (4),
03-10..14 (9), 03-17..21 (14), 03-24..28 (19), Mon 03-31 (20).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

import pytest

from opengov.applicants import ApplicantType
from opengov.applications import (
    MAX_EVENTS,
    Application,
    ApplicationFlag,
    ApplicationState,
    ApplicationStatus,
    ConsultationSent,
    ConsultedParty,
    CorrectionNotReceived,
    CorrectionReceived,
    CorrectionRequested,
    ExtensionApproved,
    FeeNoticeSent,
    FeeNotPaid,
    FeePaid,
    OpinionReceived,
    ReplyDelayed,
    ReplyIssued,
    StatusKind,
    Withdrawn,
)
from opengov.calendar import official_calendar
from opengov.channels import SubmissionChannel
from opengov.citations import cite
from opengov.deadlines import (
    CorrectionEdition,
    Deadline,
    DeadlineKind,
    DeadlineOptions,
    FeeWindow,
    PauseEndpoints,
    PauseKind,
    PeriodUnit,
    ReceiptDay,
)
from opengov.editions import Edition
from opengov.errors import InvalidDateError, InvalidEventError, NeedsInterpretationError
from opengov.fees import fee_per_page
from opengov.replies import Reply, ReplyType

D = date.fromisoformat
TP = ConsultedParty.THIRD_PARTY
AG = ConsultedParty.AGENCY
OTHER = ConsultedParty.OTHER_AGENCY
DISCLOSED = Reply(type=ReplyType.DISCLOSED)
EXCLUDED = DeadlineOptions(fee_window=FeeWindow.EXCLUDED)
COUNTED = DeadlineOptions(receipt_day=ReceiptDay.COUNTED)
FEE = fee_per_page(50)
DEFAULT_ENDS = PauseEndpoints.AFTER_START_THROUGH_END


def new(received: str = "2025-03-03", **kw: Any) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=D(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        **kw,
    )


def refused(app: Application, event: Any, message: str) -> None:
    """``event`` is refused with exactly ``message``; ``app`` is unchanged."""
    before = (app.model_dump_json(), app.state, app.flags)
    with pytest.raises(InvalidEventError, match=f"^{re.escape(message)}$"):
        app.record(event)
    assert (app.model_dump_json(), app.state, app.flags) == before


def status(
    on: str, kind: StatusKind, due: str | None, left: int | None, overdue: int | None, reply: Any
) -> ApplicationStatus:
    return ApplicationStatus(
        on=D(on),
        kind=kind,
        due=None if due is None else D(due),
        working_days_left=left,
        working_days_overdue=overdue,
        reply_deadline=reply,
    )


# -- receipt and rebuilding keep every receipt fact ------------------------------------------


def test_receive_keeps_the_receipt_facts_and_defaults() -> None:
    app = Application.receive(
        SubmissionChannel.REGISTERED_POST,
        signed_for_on=datetime(2025, 3, 3, 10, tzinfo=timezone.utc),
        applicant_type=ApplicantType.NATURAL_PERSON,
    )
    assert app == Application(
        channel=SubmissionChannel.REGISTERED_POST,
        applicant_type=ApplicantType.NATURAL_PERSON,
        submitted_on=None,
        signed_for_on=D("2025-03-03"),
        confirmed_on=None,
        agency="",
        on_the_spot=False,
        options=DeadlineOptions(),
        events=(),
    )
    online = Application.receive(
        SubmissionChannel.ONLINE,
        submitted_on=D("2025-03-01"),
        confirmed_on=D("2025-03-03"),
        applicant_type=ApplicantType.COMMERCIAL_ENTERPRISE,
        agency="某局",
        on_the_spot=True,
        options=COUNTED,
    )
    assert (online.agency, online.on_the_spot, online.options) == ("某局", True, COUNTED)
    assert (online.submitted_on, online.confirmed_on, online.received_on) == (
        D("2025-03-01"),
        D("2025-03-03"),
        D("2025-03-03"),
    )
    # record() and with_options() keep every field but the one they change
    later = online.record(Withdrawn(on=D("2025-03-04")))
    assert later.model_dump(exclude={"events"}) == online.model_dump(exclude={"events"})
    assert later.received_on == D("2025-03-03")
    other = later.with_options(EXCLUDED)
    assert other.model_dump(exclude={"options"}) == later.model_dump(exclude={"options"})
    assert other.options == EXCLUDED
    posted = app.record(Withdrawn(on=D("2025-03-04"))).with_options(COUNTED)
    assert (posted.signed_for_on, posted.received_on) == (D("2025-03-03"), D("2025-03-03"))


def test_query_days_must_be_dates() -> None:
    app = new()
    with pytest.raises(InvalidDateError, match=r"^as_of must be a datetime\.date"):
        app.reply_deadline(as_of="2025-03-20")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^on must be a datetime\.date"):
        app.status("2025-03-20")  # type: ignore[arg-type]


# -- on the spot and Art. 35: whole deadlines ------------------------------------------------


def test_on_the_spot_reply_is_due_the_day_received() -> None:
    app = new(on_the_spot=True, options=COUNTED)
    assert app.reply_deadline() == Deadline(
        kind=DeadlineKind.REPLY,
        due=D("2025-03-03"),
        start=D("2025-03-03"),
        days=0,
        unit=PeriodUnit.WORKING_DAYS,
        edition=Edition.REG_2019,
        basis=(cite("ogi-2019:33.1"),),  # 当场答复
        extension_days=0,
        original_due=None,
        nominal_due=None,
        excluded=(),
        runs=(),
        rolled=(),
        provisional=False,
        options=COUNTED,
        notes=("answerable on the spot: due the day it is received",),
        notices=(),
    )
    # no 补正 notice deadline for an application answered on the spot
    assert [d.kind for d in app.deadlines()] == [DeadlineKind.REPLY]
    # 2007 edition: Art. 24 para. 1 (能够当场答复的，应当当场予以答复)
    old = new("2018-03-05", on_the_spot=True)
    d = old.reply_deadline()
    assert (d.basis, d.edition, d.due) == (
        (cite("ogi-2007:24.1"),),
        Edition.REG_2007,
        D("2018-03-05"),
    )


def test_art_35_delay_is_the_whole_deadline() -> None:
    app = new(options=COUNTED).record(ReplyDelayed(on=D("2025-03-20"), until=D("2025-04-30")))
    assert app.reply_deadline() == Deadline(
        kind=DeadlineKind.REPLY,
        due=D("2025-04-30"),
        start=D("2025-03-03"),
        days=0,
        unit=PeriodUnit.FIXED_DATE,
        edition=Edition.REG_2019,
        basis=(cite("ogi-2019:35"),),
        extension_days=0,
        original_due=None,
        nominal_due=None,
        excluded=(),
        runs=(),
        rolled=(),
        provisional=False,
        options=COUNTED,
        notes=(
            "delayed reply (Art. 35): the agency set 2025-04-30 on 2025-03-20 and told "
            "the applicant",
        ),
        notices=(),
    )


def test_a_delay_may_be_set_on_the_last_day_and_only_once() -> None:
    # On the due day itself (03-31) the deadline has not passed.
    app = new().record(ReplyDelayed(on=D("2025-03-31"), until=D("2025-04-30")))
    assert app.reply_deadline().due == D("2025-04-30")
    refused(
        app,
        ReplyDelayed(on=D("2025-04-01"), until=D("2025-05-30")),
        "cannot record reply_delayed on 2025-04-01: a delayed reply period may be set only once",
    )
    refused(
        app,
        ExtensionApproved(on=D("2025-04-01"), days=10),
        "cannot record extension_approved on 2025-04-01: a delayed reply day was set "
        "(Art. 35); it is the deadline",
    )
    refused(
        new(),
        ReplyDelayed(on=D("2025-03-20"), until=D("2025-03-31")),
        "cannot record reply_delayed on 2025-03-20: until (2025-03-31) must be after the "
        "reply deadline (2025-03-31): Art. 35 applies when the agency cannot reply within "
        "the Art. 33 period",
    )
    refused(
        new("2018-03-05"),
        ReplyDelayed(on=D("2018-03-06"), until=D("2018-05-02")),
        "cannot record reply_delayed on 2018-03-06: a delayed reply (Art. 35) exists under "
        "the 2019 edition only",
    )


# -- options and calendars reach every deadline --------------------------------------------


def test_receipt_day_counted_reaches_reply_and_correction_notice() -> None:
    # COUNTED: Mon 03-03 is day 1: 03-03..07 (5), 03-10..14 (10), 03-17..21 (15),
    # 03-24..28 (20) → Fri 03-28. The 补正 notice (7 working days, Art. 30):
    # 03-03..07 (5), 03-10, 03-11 (7) → 03-11; not counted: 03-04..07 (4),
    # 03-10..12 (7) → 03-12.
    app = new(options=COUNTED)
    reply, notice = app.deadlines()
    assert (reply.kind, reply.due, reply.options) == (DeadlineKind.REPLY, D("2025-03-28"), COUNTED)
    assert (notice.kind, notice.start, notice.due) == (
        DeadlineKind.CORRECTION_NOTICE,
        D("2025-03-03"),
        D("2025-03-11"),
    )
    assert notice.basis == (cite("ogi-2019:30"), cite("civil-code:201"))
    assert (notice.edition, notice.days, notice.options) == (Edition.REG_2019, 7, COUNTED)
    assert new().deadlines()[1].due == D("2025-03-12")
    # the 2007 edition has no 补正 notice period
    assert [d.kind for d in new("2018-03-05").deadlines()] == [DeadlineKind.REPLY]


def _cal(*days: str) -> Any:
    # Extra rest days (a local festival, as Art. 4 of the holiday measures allows),
    # chosen to land on the days worked out below.
    days = days or ("2025-03-12", "2025-05-20", "2025-05-30", "2025-09-22", "2025-09-30")
    return official_calendar().with_extra_rest_days([D(x) for x in days], "地方节日")


def test_a_calendar_given_to_a_query_is_the_one_counted_on() -> None:
    cal = _cal()
    app = new()
    # Wed 03-12 off: 03-04..07 (4), 03-10, 11 (6), 03-13, 14 (8), 03-17..21 (13),
    # 03-24..28 (18), 03-31 (19), Tue 04-01 (20).
    assert app.reply_deadline(calendar=cal).due == D("2025-04-01")
    assert app.reply_deadline().due == D("2025-03-31")
    assert app.reply_deadline(as_of=D("2025-03-20"), calendar=cal).due == D("2025-04-01")
    assert app.deadlines(calendar=cal)[0].due == D("2025-04-01")
    # the 补正 notice: 03-04..07 (4), 03-10, 11 (6), 03-13 (7)
    assert app.deadlines(calendar=cal)[1].due == D("2025-03-13")
    s = app.status(D("2025-03-31"), calendar=cal)
    assert (s.kind, s.due, s.working_days_left) == (StatusKind.OPEN, D("2025-04-01"), 1)
    # after events too (a replay on the other calendar)
    later = app.record(ConsultationSent(on=D("2025-03-10"), party=OTHER, name="市局"))
    later = later.record(OpinionReceived(on=D("2025-03-11"), party=OTHER, name="市局"))
    # the pause (03-10, 03-11] takes 03-11: 03-04..07 (4), 03-10 (5), 03-13, 14 (7),
    # 03-17..21 (12), 03-24..28 (17), 03-31..04-02 (20) → Wed 04-02.
    assert later.reply_deadline(calendar=cal).due == D("2025-04-02")
    assert later.status(D("2025-03-12"), calendar=cal).due == D("2025-04-02")


def test_remedies_after_a_reply_use_the_options_and_calendar() -> None:
    app = new(options=COUNTED).record(
        ReplyIssued(on=D("2025-03-20"), reply=DISCLOSED, delivered_on=D("2025-03-21"))
    )
    # From delivery Fri 03-21: review 60 days → 03-21 + 60 = Tue 05-20; litigation
    # 6 months → Sun 09-21, rolled to Mon 09-22 (Civil Code Arts. 201-203).
    review, suit = app.remedy_deadlines()
    assert (review.due, suit.due) == (D("2025-05-20"), D("2025-09-22"))
    assert review.options == suit.options == COUNTED
    # with 05-20 and 09-22 rest days: Wed 05-21 and Tue 09-23
    review, suit = app.remedy_deadlines(calendar=_cal())
    assert (review.due, suit.due) == (D("2025-05-21"), D("2025-09-23"))
    assert [d.due for d in app.deadlines(calendar=_cal())[-2:]] == [
        D("2025-05-21"),
        D("2025-09-23"),
    ]


def test_remedies_after_no_reply_use_the_options_and_calendar() -> None:
    app = new(options=COUNTED)
    # COUNTED: due Fri 03-28. On 04-01 it has passed: review 60 days from 03-28 →
    # 05-27 (Tue); litigation 6 months → Sun 09-28, a make-up working day of 2025.
    review, suit = app.remedy_deadlines(as_of=D("2025-04-01"))
    assert (review.due, suit.due) == (D("2025-05-27"), D("2025-09-28"))
    assert review.options == suit.options == COUNTED
    plain = new()
    # due 03-31: review → 05-30 (Fri), litigation → 09-30 (Tue)
    assert [d.due for d in plain.remedy_deadlines(as_of=D("2025-04-01"))] == [
        D("2025-05-30"),
        D("2025-09-30"),
    ]
    # With 03-12 off the reply deadline is Tue 04-01 (ask on 04-02): review 60 days →
    # Sat 05-31, 端午 05-31..06-02, so Tue 06-03; 6 months → 10-01, 国庆 10-01..08, so
    # Thu 10-09. With 06-03 and 10-09 off as well: Wed 06-04 and Fri 10-10.
    cal = _cal("2025-03-12", "2025-06-03", "2025-10-09")
    assert [d.due for d in plain.remedy_deadlines(as_of=D("2025-04-02"), calendar=cal)] == [
        D("2025-06-04"),
        D("2025-10-10"),
    ]
    # While another agency is consulted without a time limit, the reply period has not
    # run out, however late it is asked.
    consulting = new().record(ConsultationSent(on=D("2025-03-10"), party=OTHER, name="丙局"))
    assert consulting.remedy_deadlines(as_of=D("2025-06-10")) == ()


def test_closure_remedies_run_from_the_end_of_the_window() -> None:
    # 补正 sent Wed 03-05, delivered Thu 03-06; 10 working days from 03-07: 03-07 (1),
    # 03-10..14 (6), 03-17..20 (10) → Thu 03-20; abandoned on 03-21.
    app = new(options=COUNTED).record(
        CorrectionRequested(on=D("2025-03-05"), period_days=10, delivered_on=D("2025-03-06"))
    )
    closed = app.record(CorrectionNotReceived(on=D("2025-03-21")))
    # 60 days from 03-20 → Mon 05-19; 6 months → Sat 09-20 → Mon 09-22
    review, suit = closed.remedy_deadlines()
    assert (review.due, suit.due) == (D("2025-05-19"), D("2025-09-22"))
    assert review.options == COUNTED
    assert review.notes[0] == (
        "不再处理 (not_corrected): counted from 2025-03-20, the last day of the correction window"
    )
    # (a calendar that also moved the 补正 period would refuse the history: 03-12 is
    # not among these rest days)
    assert closed.remedy_deadlines(calendar=_cal("2025-09-22"))[1].due == D("2025-09-23")
    assert closed.reply_type() is ReplyType.NOT_CORRECTED
    # Fee notice Mon 03-10, delivered Tue 03-11; 20 working days to pay: 03-12..14 (3),
    # 03-17..21 (8), 03-24..28 (13), 03-31..04-03 (17), 04-07..09 (20) → Wed 04-09.
    fee = new(options=EXCLUDED).record(
        FeeNoticeSent(on=D("2025-03-10"), fee=FEE, delivered_on=D("2025-03-11"))
    )
    refused(
        fee,
        FeeNotPaid(on=D("2025-04-09")),
        "cannot record fee_not_paid on 2025-04-09: the applicant has until 2025-04-09 to pay",
    )
    unpaid = fee.record(FeeNotPaid(on=D("2025-04-10")))
    # 60 days from 04-09 → Sun 06-08 → Mon 06-09; 6 months → Thu 10-09
    review, suit = unpaid.remedy_deadlines()
    assert (review.due, suit.due) == (D("2025-06-09"), D("2025-10-09"))
    assert review.options == EXCLUDED
    assert review.notes[0] == (
        "不再处理 (fee_not_paid): counted from 2025-04-09, the last day of the payment window"
    )
    assert unpaid.reply_type() is ReplyType.FEE_NOT_PAID


# -- statuses, whole ---------------------------------------------------------------------------


def test_status_open_on_the_due_day_and_overdue_after() -> None:
    app = new()
    # (03-20, 03-31]: 03-21, 03-24..28, 03-31 = 7 working days left
    assert app.status(D("2025-03-20")) == status(
        "2025-03-20", StatusKind.OPEN, "2025-03-31", 7, None, app.reply_deadline(D("2025-03-20"))
    )
    assert app.status(D("2025-03-31")) == status(
        "2025-03-31", StatusKind.OPEN, "2025-03-31", 0, None, app.reply_deadline(D("2025-03-31"))
    )
    # (03-31, 04-02]: 04-01, 04-02
    assert app.status(D("2025-04-02")) == status(
        "2025-04-02", StatusKind.OVERDUE, "2025-03-31", None, 2, app.reply_deadline(D("2025-04-02"))
    )
    assert app.status(D("2025-03-31")).reply_deadline.due == D("2025-03-31")  # type: ignore[union-attr]


def test_status_after_a_reply_or_a_closure() -> None:
    replied = new().record(ReplyIssued(on=D("2025-03-20"), reply=DISCLOSED))
    assert replied.status(D("2025-03-25")) == status(
        "2025-03-25", StatusKind.REPLIED, None, None, None, None
    )
    withdrawn = new().record(Withdrawn(on=D("2025-03-20")))
    assert withdrawn.status(D("2025-03-25")) == status(
        "2025-03-25", StatusKind.CLOSED, None, None, None, None
    )
    assert withdrawn.closed_on == D("2025-03-20")
    # before the closing event: open again
    assert withdrawn.status(D("2025-03-19")).kind is StatusKind.OPEN


def test_status_while_awaiting_payment_shows_the_reply_deadline_only_with_the_option() -> None:
    # Fee notice 03-10 delivered 03-11: payment due 04-09 (see above).
    # (03-20, 04-09]: 03-21 (1), 03-24..28 (6), 03-31..04-03 (10), 04-07..09 (13)
    default = new().record(FeeNoticeSent(on=D("2025-03-10"), fee=FEE, delivered_on=D("2025-03-11")))
    assert default.status(D("2025-03-20")) == status(
        "2025-03-20", StatusKind.AWAITING_PAYMENT, "2025-04-09", 13, None, None
    )
    # without the fee_window choice there is no reply deadline among the deadlines
    assert [d.kind for d in default.deadlines()] == [
        DeadlineKind.CORRECTION_NOTICE,
        DeadlineKind.FEE_PAYMENT,
    ]
    excluded = default.with_options(EXCLUDED)
    s = excluded.status(D("2025-03-20"))
    assert (s.kind, s.due, s.working_days_left) == (
        StatusKind.AWAITING_PAYMENT,
        D("2025-04-09"),
        13,
    )
    # the window still running is counted to its end, 04-09: 03-11..04-09 excluded
    # (21 working days); 03-04..07 (4), 03-10 (5), 04-10, 11 (7), 04-14..18 (12),
    # 04-21..25 (17), Sun 04-27 (a make-up working day, 18), 04-28, 29 (20) → Tue 04-29.
    assert s.reply_deadline is not None
    assert s.reply_deadline.due == D("2025-04-29")
    assert [d.kind for d in excluded.deadlines()][:1] == [DeadlineKind.REPLY]


# -- consultations -------------------------------------------------------------------------


def test_a_late_opinion_does_not_lengthen_the_pause() -> None:
    # Third party: letter Mon 03-10 (no delivery day: assumed that day); its 15 working
    # days (Art. 32): 03-11..14 (4), 03-17..21 (9), 03-24..28 (14), 03-31 (15). The
    # opinion arrives Thu 04-03: the pause ends 03-31. Reply: 03-04..07 (4), 03-10 (5),
    # 04-01..03 (8), 04-07..11 (13), 04-14..18 (18), 04-21, 22 (20) → Tue 04-22.
    app = new().record(ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司"))
    app = app.record(OpinionReceived(on=D("2025-04-03"), party=TP, name="甲公司"))
    d = app.reply_deadline()
    assert d.due == D("2025-04-22")
    (pause,) = d.excluded
    assert (pause.kind, pause.start, pause.end, pause.open, pause.working_days) == (
        PauseKind.THIRD_PARTY_CONSULTATION,
        D("2025-03-10"),
        D("2025-03-31"),
        False,
        15,
    )
    assert d.basis == (cite("ogi-2019:33.2"), cite("civil-code:201"), cite("ogi-2019:33.3"))
    opinion = next(x for x in app.deadlines() if x.kind is DeadlineKind.THIRD_PARTY_OPINION)
    assert (opinion.start, opinion.due, opinion.days) == (D("2025-03-10"), D("2025-03-31"), 15)
    assert opinion.basis == (cite("ogi-2019:32"),)
    assert opinion.notes == ("letter assumed received the day it was sent",)
    assert (opinion.edition, opinion.unit) == (Edition.REG_2019, PeriodUnit.WORKING_DAYS)


def test_opinion_deadlines_in_full() -> None:
    # Co-producing agency (Art. 34): letter Mon 03-10 delivered Wed 03-12: 15 working
    # days from 03-13: 03-13, 14 (2), 03-17..21 (7), 03-24..28 (12), 03-31..04-02 (15).
    cal = _cal()  # 03-12 is a rest day there: delivery counts from 03-13 either way
    app = new(options=COUNTED).record(
        ConsultationSent(on=D("2025-03-10"), party=AG, name="乙局", delivered_on=D("2025-03-12"))
    )
    d = next(x for x in app.deadlines(calendar=cal) if x.kind is DeadlineKind.AGENCY_OPINION)
    assert (d.start, d.due, d.days, d.basis, d.notes, d.options, d.edition) == (
        D("2025-03-12"),
        D("2025-04-02"),
        15,
        (cite("ogi-2019:34"),),
        (),
        COUNTED,
        Edition.REG_2019,
    )
    # another agency has no statutory period: no opinion deadline
    other = new().record(ConsultationSent(on=D("2025-03-10"), party=OTHER, name="丙局"))
    assert [x.kind for x in other.deadlines()] == [
        DeadlineKind.REPLY,
        DeadlineKind.CORRECTION_NOTICE,
    ]


def test_the_consulting_status_on_the_opinion_due_day() -> None:
    app = new().record(ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司"))
    # on 03-31, the last day of the third party's period: still consulting, 0 left
    s = app.status(D("2025-03-31"))
    assert (s.kind, s.due, s.working_days_left, s.working_days_overdue) == (
        StatusKind.PAUSED_FOR_CONSULTATION,
        D("2025-03-31"),
        0,
        None,
    )
    assert app.reply_deadline(as_of=D("2025-03-31")).excluded[0].open is True
    # the day after, silence ended it: open, due 04-22 (as above), closed interval
    assert app.state is ApplicationState.CONSULTING
    assert app.status(D("2025-04-01")).kind is StatusKind.OPEN
    assert app.reply_deadline(as_of=D("2025-04-01")).excluded[0].open is False
    assert app.reply_deadline(as_of=D("2025-04-01")).due == D("2025-04-22")


def test_a_party_is_consulted_once_at_a_time() -> None:
    app = new().record(ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司"))
    # still running on its last day (03-31)
    refused(
        app,
        ConsultationSent(on=D("2025-03-31"), party=TP, name="甲公司"),
        "cannot record consultation_sent on 2025-03-31: third party '甲公司' is already "
        "being consulted",
    )
    # lapsed the day after: a new letter is a second consultation, kept beside the first
    again = app.record(ConsultationSent(on=D("2025-04-01"), party=TP, name="甲公司"))
    opinions = [d for d in again.deadlines() if d.kind is DeadlineKind.THIRD_PARTY_OPINION]
    assert [d.start for d in opinions] == [D("2025-03-10"), D("2025-04-01")]
    # an opinion answers the older one; the newer one still runs
    answered = again.record(OpinionReceived(on=D("2025-04-02"), party=TP, name="甲公司"))
    assert answered.state is ApplicationState.CONSULTING
    assert len([d for d in answered.deadlines() if d.kind is DeadlineKind.THIRD_PARTY_OPINION]) == 2
    # an agency without a period runs until it answers
    other = new().record(ConsultationSent(on=D("2025-03-10"), party=OTHER, name="丙局"))
    refused(
        other,
        ConsultationSent(on=D("2025-06-10"), party=OTHER, name="丙局"),
        "cannot record consultation_sent on 2025-06-10: another agency (not a co-producer) "
        "'丙局' is already being consulted",
    )


def test_consultations_keep_the_order_they_were_sent_in() -> None:
    app = new()
    for day, name in (("2025-03-10", "A"), ("2025-03-11", "B"), ("2025-03-12", "C")):
        app = app.record(ConsultationSent(on=D(day), party=TP, name=name))
    app = app.record(OpinionReceived(on=D("2025-03-13"), party=TP, name="B"))
    starts = [d.start for d in app.deadlines() if d.kind is DeadlineKind.THIRD_PARTY_OPINION]
    assert starts == [D("2025-03-10"), D("2025-03-11"), D("2025-03-12")]


def test_the_state_follows_the_consultations_still_running() -> None:
    # Another agency (no period) and a third party (due 03-31); the third party answers:
    # the agency still runs.
    app = new().record(ConsultationSent(on=D("2025-03-10"), party=OTHER, name="丙局"))
    app = app.record(ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司"))
    assert app.status(D("2025-04-10")) == status(
        "2025-04-10",
        StatusKind.PAUSED_FOR_CONSULTATION,
        None,
        None,
        None,
        app.reply_deadline(as_of=D("2025-04-10")),
    )
    answered = app.record(OpinionReceived(on=D("2025-03-12"), party=TP, name="甲公司"))
    assert answered.state is ApplicationState.CONSULTING
    assert answered.status(D("2025-06-02")).kind is StatusKind.PAUSED_FOR_CONSULTATION
    # Two third parties; one answers, the other's period (03-31) runs out: open after it.
    two = new().record(ConsultationSent(on=D("2025-03-10"), party=TP, name="甲"))
    two = two.record(ConsultationSent(on=D("2025-03-10"), party=TP, name="乙"))
    two = two.record(OpinionReceived(on=D("2025-03-12"), party=TP, name="甲"))
    assert two.status(D("2025-03-31")).kind is StatusKind.PAUSED_FOR_CONSULTATION
    assert two.status(D("2025-04-01")).kind is StatusKind.OPEN
    # The other agency answers on 03-12: nothing runs any more.
    done = answered.record(OpinionReceived(on=D("2025-03-12"), party=OTHER, name="丙局"))
    assert done.state is ApplicationState.OPEN


def test_a_running_agency_consultation_is_counted_to_the_day_asked() -> None:
    # Another agency from Mon 03-10, no answer: the pause runs to the day asked.
    # As of Tue 04-08: 03-04..07 (4), 03-10 (5), 04-09..11 (8), 04-14..18 (13),
    # 04-21..25 (18), Sun 04-27 (make-up working day, 19), Mon 04-28 (20).
    # As of Tue 04-15: 5, then 04-16..18 (8), 04-21..25 (13), 04-27 (14),
    # 04-28..30 (17), 05-06..08 (20) → Thu 05-08 (05-01..05 劳动节).
    app = new().record(ConsultationSent(on=D("2025-03-10"), party=OTHER, name="丙局"))
    a = app.reply_deadline(as_of=D("2025-04-08"))
    b = app.reply_deadline(as_of=D("2025-04-15"))
    assert (a.due, b.due) == (D("2025-04-28"), D("2025-05-08"))
    (pause,) = b.excluded
    assert (pause.kind, pause.start, pause.end, pause.open) == (
        PauseKind.AGENCY_CONSULTATION,
        D("2025-03-10"),
        D("2025-04-15"),
        True,
    )
    # Extension, delay and reply on 04-08 are judged against 04-28 (counted to the
    # event's day; to the previous event's, 03-10, it would be 03-31, already passed).
    ext = app.record(ExtensionApproved(on=D("2025-04-08"), days=20))
    # extended by 20 from 04-28: 04-29, 30 (2), 05-06..09 (6), 05-12..16 (11),
    # 05-19..23 (16), 05-26..29 (20) → Thu 05-29
    assert ext.reply_deadline().due == D("2025-05-29")
    assert ext.reply_deadline().extension_days == 20
    delayed = app.record(ReplyDelayed(on=D("2025-04-08"), until=D("2025-05-30")))
    assert delayed.reply_deadline().due == D("2025-05-30")
    replied = app.record(ReplyIssued(on=D("2025-04-08"), reply=DISCLOSED))
    assert ApplicationFlag.LATE_REPLY not in replied.flags
    # the closed pause ends with the reply
    (cut,) = replied.reply_deadline().excluded
    assert (cut.end, cut.open) == (D("2025-04-08"), False)


def test_a_reply_cuts_a_running_pause() -> None:
    # Third party from 03-10 (due 03-31); reply on Thu 03-20: the pause ends 03-20.
    app = new().record(ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司"))
    replied = app.record(ReplyIssued(on=D("2025-03-20"), reply=DISCLOSED))
    (pause,) = replied.reply_deadline().excluded
    assert (pause.start, pause.end, pause.open, pause.working_days) == (
        D("2025-03-10"),
        D("2025-03-20"),
        False,
        8,  # 03-11..14, 03-17..20
    )


def test_an_opinion_not_before_the_letter_arrived() -> None:
    app = new().record(
        ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司", delivered_on=D("2025-03-12"))
    )
    refused(
        app,
        OpinionReceived(on=D("2025-03-11"), party=TP, name="甲公司"),
        "cannot record opinion_received on 2025-03-11: the letter reached third party "
        "'甲公司' on 2025-03-12 (consultation_sent.delivered_on); an opinion comes after it",
    )
    assert app.record(OpinionReceived(on=D("2025-03-12"), party=TP, name="甲公司")).state is (
        ApplicationState.OPEN
    )


def test_the_state_on_the_events_day_decides() -> None:
    # The third party's period ends 03-31 without an opinion: on 04-01 the
    # application is open again, and a fee notice may be sent.
    app = new().record(ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司"))
    fee = app.record(FeeNoticeSent(on=D("2025-04-01"), fee=FEE, delivered_on=D("2025-04-01")))
    assert fee.state is ApplicationState.AWAITING_PAYMENT
    refused(
        app,
        FeeNoticeSent(on=D("2025-03-31"), fee=FEE),
        "cannot record fee_notice_sent on 2025-03-31: the application is consulting",
    )


# -- the 2007 edition: only third-party time is not counted --------------------------------


def test_2007_edition_excludes_third_party_time_only() -> None:
    # Received Mon 2018-03-05 (2007 edition, 15 working days, Art. 24 para. 2).
    # Another agency is consulted 03-07..03-09 (counted: 2007 Art. 24 para. 3 leaves
    # out only the time for a third party's opinion); a third party 03-07..03-14:
    # 03-08, 09, 12, 13, 14 not counted. 03-06, 07 (2), 03-15, 16 (4), 03-19..23 (9),
    # 03-26..30 (14), Mon 04-02 (15).
    app = new("2018-03-05")
    app = app.record(ConsultationSent(on=D("2018-03-07"), party=OTHER, name="市局"))
    app = app.record(ConsultationSent(on=D("2018-03-07"), party=TP, name="甲公司"))
    app = app.record(OpinionReceived(on=D("2018-03-09"), party=OTHER, name="市局"))
    app = app.record(OpinionReceived(on=D("2018-03-14"), party=TP, name="甲公司"))
    d = app.reply_deadline()
    assert d.due == D("2018-04-02")
    assert [(p.kind, p.working_days) for p in d.excluded] == [
        (PauseKind.THIRD_PARTY_CONSULTATION, 5)
    ]
    assert d.basis[-1] == cite("ogi-2007:24.3")
    # no statutory period for the third party under 2007: no opinion deadline
    assert DeadlineKind.THIRD_PARTY_OPINION not in [x.kind for x in app.deadlines()]


def test_2007_correction_cites_article_21() -> None:
    # 2007 Art. 21(4): 申请内容不明确的，应当告知申请人作出更改、补充. 10 working days
    # from Tue 2018-03-06: 03-07..09 (3), 03-12..16 (8), 03-19, 20 (10).
    app = new("2018-03-05").record(
        CorrectionRequested(on=D("2018-03-06"), period_days=10, delivered_on=D("2018-03-06"))
    )
    d = next(x for x in app.deadlines() if x.kind is DeadlineKind.CORRECTION)
    assert (d.due, d.basis) == (D("2018-03-20"), (cite("ogi-2007:21(4)"),))
    assert app.flags == ()  # no 7-day notice rule under 2007
    corrected = app.record(CorrectionReceived(on=D("2018-03-12")))
    r = corrected.reply_deadline()
    # 15 working days from Mon 03-12: 03-13..16 (4), 03-19..23 (9), 03-26..30 (14), 04-02
    assert (r.start, r.due) == (D("2018-03-12"), D("2018-04-02"))
    assert r.basis[-1] == cite("ogi-2007:21(4)")


# -- 补正 --------------------------------------------------------------------------------------


def test_correction_deadlines_in_full() -> None:
    # 补正 sent Wed 03-05, delivered Thu 03-06; 10 working days → Thu 03-20 (above).
    app = new(options=COUNTED).record(
        CorrectionRequested(on=D("2025-03-05"), period_days=10, delivered_on=D("2025-03-06"))
    )
    d = next(x for x in app.deadlines() if x.kind is DeadlineKind.CORRECTION)
    assert (d.start, d.due, d.days, d.basis, d.notes, d.options, d.edition) == (
        D("2025-03-06"),
        D("2025-03-20"),
        10,
        (cite("ogi-2019:30"),),
        (),
        COUNTED,
        Edition.REG_2019,
    )
    # 03-12 off on the other calendar: Fri 03-21
    on_cal = next(x for x in app.deadlines(calendar=_cal()) if x.kind is DeadlineKind.CORRECTION)
    assert on_cal.due == D("2025-03-21")
    # Calendar days: 20 days after Thu 03-06 is Wed 03-26 (no rest day there); sent and
    # not recorded as delivered: from Wed 03-05 → Tue 03-25.
    cal_days = new(options=COUNTED).record(
        CorrectionRequested(on=D("2025-03-05"), period_days=20, working_days=False)
    )
    c = next(x for x in cal_days.deadlines() if x.kind is DeadlineKind.CORRECTION)
    # a calendar-day period: Civil Code Art. 201 (start) and Art. 203 (last day)
    assert (c.start, c.due, c.basis, c.options) == (
        D("2025-03-05"),
        D("2025-03-25"),
        (cite("ogi-2019:30"), cite("civil-code:201"), cite("civil-code:203")),
        COUNTED,
    )
    assert c.notes == ("notice assumed received the day it was sent",)
    # 20 calendar days from Thu 03-06 with 03-26 a rest day? No: Wed 03-26 is worked.
    # On the other calendar (03-12 off) a calendar-day period is unchanged.
    assert next(
        x for x in cal_days.deadlines(calendar=_cal()) if x.kind is DeadlineKind.CORRECTION
    ).due == D("2025-03-25")


def test_correction_refusals_name_the_rule() -> None:
    app = new().record(
        CorrectionRequested(on=D("2025-03-05"), period_days=10, delivered_on=D("2025-03-06"))
    )
    refused(
        app,
        CorrectionRequested(on=D("2025-03-07"), period_days=10),
        "cannot record correction_requested on 2025-03-07: a correction may be requested "
        "only once (一次性告知, Art. 30)",
    )
    refused(
        app,
        CorrectionReceived(on=D("2025-03-05")),
        "cannot record correction_received on 2025-03-05: the applicant received the "
        "correction notice on 2025-03-06 (correction_requested.delivered_on); a correction "
        "comes after it",
    )
    refused(
        app,
        CorrectionNotReceived(on=D("2025-03-20")),
        "cannot record correction_not_received on 2025-03-20: the applicant has until "
        "2025-03-20 to correct (the period runs from the day after the notice was delivered)",
    )
    refused(
        app,
        ExtensionApproved(on=D("2025-03-10"), days=5),
        "cannot record extension_approved on 2025-03-10: the reply period has not started: "
        "a correction is awaited",
    )
    refused(
        app,
        ConsultationSent(on=D("2025-03-10"), party=TP),
        "cannot record consultation_sent on 2025-03-10: the application is awaiting_correction",
    )
    refused(
        app,
        ReplyDelayed(on=D("2025-03-10"), until=D("2025-05-30")),
        "cannot record reply_delayed on 2025-03-10: the application is awaiting_correction",
    )
    refused(
        app,
        ReplyIssued(on=D("2025-03-10"), reply=DISCLOSED),
        "cannot record reply_issued on 2025-03-10: the application is awaiting_correction",
    )
    for event in (CorrectionReceived, CorrectionNotReceived):
        refused(
            new(),
            event(on=D("2025-03-10")),
            f"cannot record {event.model_fields['kind'].default} on 2025-03-10: no "
            "correction was requested",
        )
    consulting = new().record(ConsultationSent(on=D("2025-03-04"), party=TP))
    refused(
        consulting,
        CorrectionRequested(on=D("2025-03-05"), period_days=10),
        "cannot record correction_requested on 2025-03-05: the application is consulting",
    )


def test_a_correction_restarts_the_clock_and_consultations_follow() -> None:
    # Corrected Mon 03-10: the reply period runs from it: 03-11..14 (4), 03-17..21 (9),
    # 03-24..28 (14), 03-31..04-03 (18), 04-07, 08 (20) → Tue 04-08. A third party
    # consulted from Wed 03-12, answering Fri 03-14: 03-13, 14 not counted → Thu 04-10.
    app = new().record(
        CorrectionRequested(on=D("2025-03-05"), period_days=10, delivered_on=D("2025-03-06"))
    )
    app = app.record(CorrectionReceived(on=D("2025-03-10")))
    assert app.reply_deadline().due == D("2025-04-08")
    app = app.record(ConsultationSent(on=D("2025-03-12"), party=TP, name="甲公司"))
    app = app.record(OpinionReceived(on=D("2025-03-14"), party=TP, name="甲公司"))
    d = app.reply_deadline()
    assert (d.start, d.due) == (D("2025-03-10"), D("2025-04-10"))
    assert d.basis == (
        cite("ogi-2019:33.2"),
        cite("civil-code:201"),
        cite("ogi-2019:30"),
        cite("ogi-2019:33.3"),
    )


# -- extensions, fees, replies -------------------------------------------------------------


def test_extension_refusals() -> None:
    app = new().record(ExtensionApproved(on=D("2025-03-31"), days=20))  # on the due day
    refused(
        app,
        ExtensionApproved(on=D("2025-04-01"), days=5),
        "cannot record extension_approved on 2025-04-01: the reply period may be extended "
        "only once",
    )


def test_fee_window_as_a_pause() -> None:
    # Fee notice Mon 03-10, delivered Tue 03-11, paid Thu 03-20. EXCLUDED: (03-10, 03-20]
    # is not counted: 03-11..14, 03-17..20 (8). 03-04..07 (4), 03-10 (5), 03-21 (6),
    # 03-24..28 (11), 03-31..04-03 (15), 04-07..11 (20) → Fri 04-11.
    app = new(options=EXCLUDED).record(
        FeeNoticeSent(on=D("2025-03-10"), fee=FEE, delivered_on=D("2025-03-11"))
    )
    refused(
        app,
        FeePaid(on=D("2025-03-10")),
        "cannot record fee_paid on 2025-03-10: the applicant received the fee notice on "
        "2025-03-11 (fee_notice_sent.delivered_on); payment comes after it",
    )
    refused(
        app,
        FeePaid(on=D("2025-04-10")),
        "cannot record fee_paid on 2025-04-10: the payment window ended on 2025-04-09; record "
        "FeeNotPaid instead (unpaid in time is treated as abandoned)",
    )
    refused(
        app,
        FeeNoticeSent(on=D("2025-03-12"), fee=FEE),
        "cannot record fee_notice_sent on 2025-03-12: a fee notice was already sent",
    )
    assert app.record(FeePaid(on=D("2025-04-09"))).state is ApplicationState.OPEN  # last day
    paid = app.record(FeePaid(on=D("2025-03-20")))
    d = paid.reply_deadline()
    assert d.due == D("2025-04-11")
    (pause,) = d.excluded
    assert (pause.kind, pause.start, pause.end, pause.endpoints, pause.open) == (
        PauseKind.FEE_PAYMENT,
        D("2025-03-10"),
        D("2025-03-20"),
        DEFAULT_ENDS,
        False,
    )
    assert pause.working_days == 8
    fee = next(x for x in paid.deadlines() if x.kind is DeadlineKind.FEE_PAYMENT)
    assert (fee.start, fee.due, fee.days, fee.notes, fee.options) == (
        D("2025-03-11"),
        D("2025-04-09"),
        20,
        (),
        EXCLUDED,
    )
    assert fee.basis == (cite("fee-measures-2020"),)
    # unpaid so far: the window is counted to its end, 04-09, and marked open
    (running,) = app.reply_deadline().excluded
    assert (running.end, running.open) == (D("2025-04-09"), True)
    # withdrawn while awaiting payment: the window ends with the withdrawal
    gone = app.record(Withdrawn(on=D("2025-03-14")))
    (cut,) = gone.reply_deadline().excluded
    assert (cut.end, cut.open) == (D("2025-03-14"), False)


def test_fee_window_counted_and_undelivered_notice() -> None:
    counted = DeadlineOptions(fee_window=FeeWindow.COUNTED)
    app = new(options=counted).record(FeeNoticeSent(on=D("2025-03-10"), fee=FEE))
    d = app.reply_deadline()
    assert (d.due, d.excluded) == (D("2025-03-31"), ())
    assert d.notes == ("fee payment window counted in the reply period (fee_window=counted)",)
    assert app.flags == (ApplicationFlag.FEE_NOTICE_DELIVERY_ASSUMED,)
    # payment due 20 working days after Mon 03-10: 03-11..14 (4), 03-17..21 (9),
    # 03-24..28 (14), 03-31..04-03 (18), 04-07, 08 (20) → Tue 04-08
    fee = next(x for x in app.deadlines() if x.kind is DeadlineKind.FEE_PAYMENT)
    assert (fee.start, fee.due, fee.notes) == (
        D("2025-03-10"),
        D("2025-04-08"),
        ("notice assumed received the day it was sent",),
    )
    # a fee notice on the reply due day is in time; the day after is late
    on_time = new(options=counted).record(FeeNoticeSent(on=D("2025-03-31"), fee=FEE))
    assert ApplicationFlag.LATE_FEE_NOTICE not in on_time.flags
    late = new(options=counted).record(FeeNoticeSent(on=D("2025-04-01"), fee=FEE))
    assert ApplicationFlag.LATE_FEE_NOTICE in late.flags


def test_fee_refusals_without_a_notice() -> None:
    for event in (FeePaid, FeeNotPaid):
        refused(
            new(),
            event(on=D("2025-03-10")),
            f"cannot record {event.model_fields['kind'].default} on 2025-03-10: no fee is awaited",
        )


def test_late_reply_flag() -> None:
    # on the due day: in time; the day after: late
    assert new().record(ReplyIssued(on=D("2025-03-31"), reply=DISCLOSED)).flags == (
        ApplicationFlag.REPLY_DELIVERY_ASSUMED,
    )
    assert new().record(ReplyIssued(on=D("2025-04-01"), reply=DISCLOSED)).flags == (
        ApplicationFlag.LATE_REPLY,
        ApplicationFlag.REPLY_DELIVERY_ASSUMED,
    )
    # a fee notice without the fee_window choice: lateness is not judged
    fee = new().record(FeeNoticeSent(on=D("2025-03-10"), fee=FEE, delivered_on=D("2025-03-10")))
    paid = fee.record(FeePaid(on=D("2025-03-12")))
    replied = paid.record(
        ReplyIssued(on=D("2025-06-02"), reply=DISCLOSED, delivered_on=D("2025-06-03"))
    )
    assert replied.flags == ()
    # with the choice it is: EXCLUDED, paid 03-12: 03-11, 03-12 not counted → due 04-02
    # (03-04..07 (4), 03-10 (5), 03-13, 14 (7), 03-17..21 (12), 03-24..28 (17),
    # 03-31..04-02 (20)); a reply on 04-03 is late.
    late = paid.with_options(EXCLUDED).record(
        ReplyIssued(on=D("2025-04-03"), reply=DISCLOSED, delivered_on=D("2025-04-03"))
    )
    assert late.flags == (ApplicationFlag.LATE_REPLY,)


def test_remedies_informed_rules() -> None:
    app = new()
    refused(
        app,
        ReplyIssued(on=D("2025-03-20"), reply=DISCLOSED, remedies_informed_on=D("2025-03-25")),
        "cannot record reply_issued on 2025-03-20: remedies_informed_on is for a reply that "
        "did not tell the applicant of the remedies; set remedies_notified to False or leave "
        "it out",
    )
    # learnt of the remedies the day the reply arrived: accepted
    ok = app.record(
        ReplyIssued(
            on=D("2025-03-20"),
            reply=DISCLOSED,
            delivered_on=D("2025-03-21"),
            remedies_notified=False,
            remedies_informed_on=D("2025-03-21"),
        )
    )
    assert ok.state is ApplicationState.REPLIED


def test_nothing_after_a_closure_message() -> None:
    app = new().record(Withdrawn(on=D("2025-03-10")))
    refused(
        app,
        Withdrawn(on=D("2025-03-11")),
        "cannot record withdrawn on 2025-03-11: the application was closed on 2025-03-10 "
        "(withdrawn); nothing is recorded after a reply, a withdrawal or a closure",
    )


def test_the_cap_message_says_what_to_do() -> None:
    app = new("2026-01-05")
    for i in range(MAX_EVENTS // 2):
        app = app.record(ConsultationSent(on=D("2026-01-06"), party=TP, name=str(i)))
        app = app.record(OpinionReceived(on=D("2026-01-06"), party=TP, name=str(i)))
    refused(
        app,
        Withdrawn(on=D("2026-01-07")),
        "cannot record withdrawn on 2026-01-07: an application holds at most 1000 events "
        "(opengov.applications.MAX_EVENTS); record the rest of this case as a new application",
    )


def test_remedies_run_from_the_day_the_applicant_learnt_of_them() -> None:
    # The reply (delivered Fri 03-21) did not say how to challenge it; the applicant
    # learnt of it Tue 04-01. Review: 60 days from 04-01 → Sat 05-31, 端午 → Tue 06-03.
    # Litigation: 6 months from 04-01 → 10-01, 国庆 → Thu 10-09. Both well inside the
    # one-year cap from 03-21.
    app = new().record(
        ReplyIssued(
            on=D("2025-03-20"),
            reply=DISCLOSED,
            delivered_on=D("2025-03-21"),
            remedies_notified=False,
            remedies_informed_on=D("2025-04-01"),
        )
    )
    review, suit = app.remedy_deadlines()
    assert (review.due, suit.due) == (D("2025-06-03"), D("2025-10-09"))


def test_procedure_from_the_correction_under_the_new_edition() -> None:
    # Received Mon 2019-05-06 under the 2007 edition (the 2019 one is in force from
    # 05-15); 补正 on 05-07, corrected Thu 05-16. 2019 calendar (国办发明电〔2018〕15号 as
    # amended): 端午 Fri 06-07..Sun 06-09 off.
    app = new("2019-05-06").record(
        CorrectionRequested(on=D("2019-05-07"), period_days=10, delivered_on=D("2019-05-07"))
    )
    app = app.record(CorrectionReceived(on=D("2019-05-16")))
    # Default (the receipt's edition): 15 working days from 05-16: 05-17 (1),
    # 05-20..24 (6), 05-27..31 (11), 06-03..06 (15) → Thu 06-06.
    d = app.reply_deadline()
    assert (d.edition, d.due, d.notes) == (Edition.REG_2007, D("2019-06-06"), ())
    # a 2019 period: the start day is not counted under 民法总则 Art. 201 (before 2021)
    assert d.basis == (
        cite("ogi-2007:24.2"),
        cite("civil-general-rules-2017:201"),
        cite("ogi-2007:21(4)"),
    )
    # CORRECTION (程序从新): the 2019 period, 20 working days: 06-03..06 (15),
    # 06-10..14 (20) → Fri 06-14.
    opts = DeadlineOptions(correction_edition=CorrectionEdition.CORRECTION)
    new_rules = app.with_options(opts)
    d = new_rules.reply_deadline()
    assert (d.edition, d.due) == (Edition.REG_2019, D("2019-06-14"))
    assert d.basis == (
        cite("ogi-2019:33.2"),
        cite("civil-general-rules-2017:201"),
        cite("ogi-2007:21(4)"),
        cite("ogi-2019:56"),
    )
    assert d.notes == (
        "received under the 2007 edition, corrected on 2019-05-16: the reply period is the "
        "2019 edition's (correction_edition=correction, 程序从新); the default counts the "
        "receipt edition's, the shorter period",
    )
    # Another agency consulted from the day of the correction (05-16) to Mon 05-20 is a
    # pause under the 2019 edition (Art. 33 para. 3; the 2007 one left out only third
    # parties): 05-17 and 05-20 not counted → 06-14 + 2 working days → Tue 06-18.
    consulted = new_rules.record(ConsultationSent(on=D("2019-05-16"), party=OTHER, name="市局"))
    consulted = consulted.record(OpinionReceived(on=D("2019-05-20"), party=OTHER, name="市局"))
    assert consulted.reply_deadline().due == D("2019-06-18")
    assert [x.kind for x in consulted.deadlines()] == [DeadlineKind.REPLY, DeadlineKind.CORRECTION]
    # under the default (2007 edition) its time is counted in the period: still 06-06
    assert consulted.with_options(DeadlineOptions()).reply_deadline().due == D("2019-06-06")


def _fresh() -> Any:
    """A calendar no earlier query has used (one rest day added, far from the dates
    below), so nothing computed before is reused."""
    return official_calendar().with_extra_rest_days([D("2025-12-31")], "地方节日")


def test_reply_deadline_in_full_on_a_fresh_calendar() -> None:
    # COUNTED, third party Mon 03-10..Fri 03-14 (03-11..14 not counted, 4), extended by
    # 10: 03-03..07 (5), 03-10 (6), 03-17..21 (11), 03-24..28 (16), 03-31..04-03 (20)
    # → Thu 04-03; extension: 04-07..11 (5), 04-14..18 (10) → Fri 04-18.
    app = new(options=COUNTED).record(
        ConsultationSent(on=D("2025-03-10"), party=TP, name="甲公司", delivered_on=D("2025-03-10"))
    )
    app = app.record(OpinionReceived(on=D("2025-03-14"), party=TP, name="甲公司"))
    app = app.record(ExtensionApproved(on=D("2025-03-20"), days=10))
    d = app.reply_deadline(calendar=_fresh())
    assert (d.kind, d.start, d.days, d.unit, d.edition) == (
        DeadlineKind.REPLY,
        D("2025-03-03"),
        20,
        PeriodUnit.WORKING_DAYS,
        Edition.REG_2019,
    )
    assert (d.original_due, d.due, d.extension_days) == (D("2025-04-03"), D("2025-04-18"), 10)
    assert d.basis == (cite("ogi-2019:33.2"), cite("civil-code:201"), cite("ogi-2019:33.3"))
    assert [(p.kind, p.start, p.end, p.open, p.working_days) for p in d.excluded] == [
        (PauseKind.THIRD_PARTY_CONSULTATION, D("2025-03-10"), D("2025-03-14"), False, 4)
    ]
    assert d.options == COUNTED
    # the fee note reaches a fresh count too
    counted = DeadlineOptions(fee_window=FeeWindow.COUNTED)
    fee = new(options=counted).record(FeeNoticeSent(on=D("2025-03-10"), fee=FEE))
    assert fee.reply_deadline(calendar=_fresh()).notes == (
        "fee payment window counted in the reply period (fee_window=counted)",
    )
    # a running consultation is open in a fresh count
    running = new().record(ConsultationSent(on=D("2025-03-10"), party=TP, name="乙"))
    (p,) = running.reply_deadline(as_of=D("2025-03-20"), calendar=_fresh()).excluded
    assert (p.kind, p.open) == (PauseKind.THIRD_PARTY_CONSULTATION, True)


def test_a_calendar_day_correction_period_on_another_calendar() -> None:
    # 20 calendar days from Wed 03-05 → Tue 03-25; with 03-25 a rest day, Wed 03-26.
    app = new().record(CorrectionRequested(on=D("2025-03-05"), period_days=20, working_days=False))
    d = next(
        x for x in app.deadlines(calendar=_cal("2025-03-25")) if x.kind is DeadlineKind.CORRECTION
    )
    assert d.due == D("2025-03-26")


def test_a_fee_notice_needs_the_fee_window_choice() -> None:
    app = new().record(FeeNoticeSent(on=D("2025-03-10"), fee=FEE, delivered_on=D("2025-03-10")))
    message = (
        "this application has a fee notice: choose whether the payment window counts in "
        "the reply period with DeadlineOptions(fee_window=...): FeeWindow.EXCLUDED (the "
        "reading recalled from 国办函〔2020〕109号, not verified) or FeeWindow.COUNTED "
        "(conservative)"
    )
    with pytest.raises(NeedsInterpretationError, match=f"^{re.escape(message)}$"):
        app.reply_deadline()
