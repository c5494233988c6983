"""Applications: every event date checked against the history, 补正 delivery, kept state.

Expected dates are worked out by hand on the official calendars:
- 2025 (国办发明电〔2024〕12号): no rest day in March; 清明 Fri 04-04 to Sun 04-06 off,
  no make-up day.
- 2026 (国办发明电〔2025〕7号): 国庆/中秋 10-01..07 off; make-up working days Sun 09-20
  and Sat 10-10; 10-08 (Thu) and 10-09 (Fri) are working days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from opengov.applicants import ApplicantType
from opengov.applications import (
    MAX_EVENTS,
    Application,
    ApplicationFlag,
    ApplicationState,
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
    ReplyIssued,
    StatusKind,
    Withdrawn,
)
from opengov.channels import SubmissionChannel
from opengov.deadlines import DeadlineKind, DeadlineOptions, FeeWindow
from opengov.errors import CalendarCoverageError, InvalidEventError, OpenGovError
from opengov.fees import fee_per_page
from opengov.replies import Reply, ReplyType

D = date.fromisoformat
TP = ConsultedParty.THIRD_PARTY
DISCLOSED = Reply(type=ReplyType.DISCLOSED)
EXCLUDED = DeadlineOptions(fee_window=FeeWindow.EXCLUDED)


def new(received: str, **kw: Any) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=D(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        **kw,
    )


def refused(app: Application, event: Any, match: str) -> None:
    """``event`` is refused and ``app`` answers exactly as before."""
    before = (app.model_dump_json(), app.state, app.flags)
    with pytest.raises(InvalidEventError, match=match):
        app.record(event)
    assert (app.model_dump_json(), app.state, app.flags) == before


# -- the reproducers ---------------------------------------------------------------
# Received Mon 2025-03-03. Reply due: 03-04..07 (4), 03-10..14 (9), 03-17..21 (14),
# 03-24..28 (19), Mon 03-31 (20).


def test_a_reply_delivered_before_it_was_issued_is_refused() -> None:
    app = new("2025-03-03")
    assert app.reply_deadline().due == D("2025-03-31")
    refused(
        app,
        {
            "kind": "reply_issued",
            "on": "2025-03-20",
            "reply": {"type": "disclosed"},
            "delivered_on": "2020-01-01",
        },
        r"reply_issued on 2025-03-20: delivered_on 2020-01-01 is before it was sent "
        r"\(on 2025-03-20\)",
    )
    assert app.remedy_deadlines() == ()


def test_remedies_run_from_the_reply_delivery() -> None:
    app = new("2025-03-03").record(
        ReplyIssued(on=D("2025-03-20"), reply=DISCLOSED, delivered_on=D("2025-03-24"))
    )
    review, suit = app.remedy_deadlines()
    # 60 days after Mon 03-24: 03-25..31 are days 1-7, 04-30 day 37, Fri 05-23 day 60
    assert review.due == D("2025-05-23")
    # 6 months after 03-24: Wed 09-24, a working day
    assert suit.due == D("2025-09-24")
    assert app.flags == ()
    # Not recorded: assumed received the reply day (Thu 03-20), flagged.
    # 60 days: 03-21..31 are days 1-11, 04-30 day 41, Mon 05-19 day 60.
    assumed = new("2025-03-03").record(ReplyIssued(on=D("2025-03-20"), reply=DISCLOSED))
    assert assumed.remedy_deadlines()[0].due == D("2025-05-19")
    assert assumed.flags == (ApplicationFlag.REPLY_DELIVERY_ASSUMED,)


def test_a_consultation_delivered_before_it_was_sent_is_refused() -> None:
    app = new("2025-03-03")
    refused(
        app,
        ConsultationSent(on=D("2025-03-10"), party=TP, delivered_on=D("2025-03-07")),
        r"consultation_sent on 2025-03-10: delivered_on 2025-03-07 is before it was sent",
    )
    # Delivered the day it was sent: the third party has 15 working days after Mon
    # 03-10: 03-11..14 (4), 03-17..21 (9), 03-24..28 (14), Mon 03-31 (15). Reply days
    # 1-5 are 03-04..07 and 03-10; (03-10, 03-31] is paused; days 6-8 are 04-01..03,
    # 04-04..06 is 清明, 04-07..11 (13), 04-14..18 (18), 04-21 (19), Tue 04-22 (20).
    same_day = app.record(
        ConsultationSent(on=D("2025-03-10"), party=TP, delivered_on=D("2025-03-10"))
    )
    assert same_day.reply_deadline().due == D("2025-04-22")


def test_consultation_delivery_moves_the_pause_and_bounds_the_opinion() -> None:
    app = new("2025-03-03").record(
        ConsultationSent(on=D("2025-03-10"), party=TP, delivered_on=D("2025-03-12"))
    )
    # 15 working days after Wed 03-12: 03-13..14 (2), 03-17..21 (7), 03-24..28 (12),
    # 03-31, 04-01, Wed 04-02 (15).
    assert app.status(D("2025-03-13")).due == D("2025-04-02")
    # Paused (03-10, 04-02]: 17 working days. Reply days 1-5 by 03-10, then Thu 04-03
    # (6), 04-07..11 (11), 04-14..18 (16), 04-21..24 (20) → Thu 04-24.
    d = app.reply_deadline()
    assert (d.due, d.excluded_working_days) == (D("2025-04-24"), 17)
    refused(
        app,
        OpinionReceived(on=D("2025-03-11"), party=TP),
        r"opinion_received on 2025-03-11: the letter reached third party '' on 2025-03-12",
    )


def test_a_fee_notice_delivered_before_it_was_sent_is_refused() -> None:
    app = new("2025-03-03", options=EXCLUDED)
    refused(
        app,
        FeeNoticeSent(on=D("2025-03-10"), fee=fee_per_page(120), delivered_on=D("2022-01-01")),
        r"fee_notice_sent on 2025-03-10: delivered_on 2022-01-01 is before it was sent",
    )
    sent = app.record(
        FeeNoticeSent(on=D("2025-03-10"), fee=fee_per_page(120), delivered_on=D("2025-03-14"))
    )
    refused(
        sent,
        FeePaid(on=D("2025-03-12")),
        r"fee_paid on 2025-03-12: the applicant received the fee notice on 2025-03-14",
    )
    assert sent.record(FeePaid(on=D("2025-03-14"))).state is ApplicationState.OPEN


def test_a_fee_notice_without_delivery_is_flagged() -> None:
    app = new("2025-03-03", options=EXCLUDED).record(
        FeeNoticeSent(on=D("2025-03-10"), fee=fee_per_page(120))
    )
    assert app.flags == (ApplicationFlag.FEE_NOTICE_DELIVERY_ASSUMED,)


# -- 补正 delivery (Art. 30) -----------------------------------------------------------------


def test_correction_delivery_shifts_the_applicants_deadline() -> None:
    # Received Mon 2026-09-28; the notice is sent Wed 09-30 (in time: day 2 of 7) and
    # reaches the applicant Fri 10-09, after 国庆 (10-01..07 off). Ten working days
    # from the day after delivery: Sat 10-10 (a make-up working day, 1), 10-12..16 (6),
    # 10-19..22 (10) → Thu 10-22. Counted from the sending day it would end on 10-20:
    # 10-08 (1), 10-09 (2), 10-10 (3), 10-12..16 (8), 10-19, 10-20 (10).
    app = new("2026-09-28").record(
        CorrectionRequested(on=D("2026-09-30"), period_days=10, delivered_on=D("2026-10-09"))
    )
    assert app.flags == ()
    s = app.status(D("2026-10-12"))
    assert (s.kind, s.due) == (StatusKind.AWAITING_CORRECTION, D("2026-10-22"))
    correction = next(d for d in app.deadlines() if d.kind is DeadlineKind.CORRECTION)
    assert (correction.start, correction.due) == (D("2026-10-09"), D("2026-10-22"))
    # 视为放弃申请 only once the period is over
    refused(app, CorrectionNotReceived(on=D("2026-10-21")), r"until 2026-10-22")
    refused(app, CorrectionNotReceived(on=D("2026-10-22")), r"until 2026-10-22")
    assert app.record(CorrectionNotReceived(on=D("2026-10-23"))).state is ApplicationState.CLOSED
    # a correction cannot come before the notice reached the applicant
    refused(
        app,
        CorrectionReceived(on=D("2026-10-08")),
        r"correction_received on 2026-10-08: the applicant received the correction notice "
        r"on 2026-10-09",
    )
    ontime = app.record(CorrectionReceived(on=D("2026-10-22")))
    assert ontime.flags == ()


def test_a_correction_after_the_period_is_kept_and_flagged() -> None:
    app = new("2026-09-28").record(
        CorrectionRequested(on=D("2026-09-30"), period_days=10, delivered_on=D("2026-10-09"))
    )
    late = app.record(CorrectionReceived(on=D("2026-10-23")))
    assert late.flags == (ApplicationFlag.LATE_CORRECTION,)
    # The reply period restarts from Fri 10-23: 10-26..30 (5), 11-02..06 (10),
    # 11-09..13 (15), 11-16..20 (20) → Fri 11-20.
    d = late.reply_deadline()
    assert (d.start, d.due) == (D("2026-10-23"), D("2026-11-20"))
    assert ApplicationFlag.LATE_CORRECTION.basis[0].to_zh().endswith("第三十条")


def test_correction_without_delivery_assumes_the_sending_day_and_flags_it() -> None:
    app = new("2026-09-28").record(CorrectionRequested(on=D("2026-09-30"), period_days=10))
    assert app.flags == (ApplicationFlag.CORRECTION_DELIVERY_ASSUMED,)
    assert app.status(D("2026-10-12")).due == D("2026-10-20")
    d = next(d for d in app.deadlines() if d.kind is DeadlineKind.CORRECTION)
    assert d.notes == ("notice assumed received the day it was sent",)
    flag = ApplicationFlag.CORRECTION_DELIVERY_ASSUMED
    assert "补正" in flag.label_zh
    assert "sent" in flag.label_en


def test_a_calendar_day_correction_period_runs_from_delivery() -> None:
    # 15 calendar days after Fri 2026-10-09: Sat 10-24, a rest day, so Mon 10-26.
    app = new("2026-09-28").record(
        CorrectionRequested(
            on=D("2026-09-30"), period_days=15, working_days=False, delivered_on=D("2026-10-09")
        )
    )
    assert app.status(D("2026-10-12")).due == D("2026-10-26")
    refused(app, CorrectionNotReceived(on=D("2026-10-26")), r"until 2026-10-26")


# -- after a reply or a closure: nothing -----------------------------------------------------


@pytest.mark.parametrize(
    ("closing", "word"),
    [
        (ReplyIssued(on=D("2026-10-20"), reply=DISCLOSED), "replied"),
        (Withdrawn(on=D("2026-10-20")), "closed"),
    ],
)
def test_nothing_is_recorded_after_a_reply_or_closure(closing: Any, word: str) -> None:
    app = new("2026-09-28").record(closing)
    for later in (
        Withdrawn(on=D("2026-10-21")),
        ReplyIssued(on=D("2026-10-20"), reply=DISCLOSED),
        ConsultationSent(on=D("2026-10-21"), party=TP),
    ):
        refused(app, later, rf"was {word} on 2026-10-20 \({closing.kind}\); nothing is recorded")


def test_remedies_informed_before_delivery_is_refused() -> None:
    refused(
        new("2025-03-03"),
        ReplyIssued(
            on=D("2025-03-20"),
            reply=DISCLOSED,
            delivered_on=D("2025-03-24"),
            remedies_notified=False,
            remedies_informed_on=D("2025-03-21"),
        ),
        r"remedies_informed_on 2025-03-21 is before the applicant received the reply "
        r"\(2025-03-24\)",
    )


def test_json_with_a_bad_delivery_is_refused_too() -> None:
    text = new("2025-03-03").model_dump_json()
    bad = text.replace(
        '"events":[]',
        '"events":[{"kind":"reply_issued","on":"2025-03-20","reply":{"type":"disclosed"},'
        '"delivered_on":"2020-01-01"}]',
    )
    assert bad != text
    # inside validation the InvalidEventError (a ValueError) becomes a ValidationError
    with pytest.raises(ValidationError, match="delivered_on 2020-01-01 is before it was sent"):
        Application.model_validate_json(bad)


# -- the kept state ------------------------------------------------------------------------


def _long(n: int) -> Application:
    """Received Mon 2026-01-05; n events: consultations and their opinions on 01-06."""
    app = new("2026-01-05")
    for i in range(n):
        name = str(i - i % 2)
        if i % 2 == 0:
            app = app.record(ConsultationSent(on=D("2026-01-06"), party=TP, name=name))
        else:
            app = app.record(OpinionReceived(on=D("2026-01-06"), party=TP, name=name))
    return app


def test_the_history_is_capped() -> None:
    app = _long(MAX_EVENTS)
    assert len(app.events) == MAX_EVENTS == 1000
    refused(app, Withdrawn(on=D("2026-01-07")), r"at most 1000 events")
    data = app.model_dump(mode="json")
    data["events"].append({"kind": "withdrawn", "on": "2026-01-07"})
    with pytest.raises(ValidationError, match="at most 1000 items"):
        Application.model_validate(data)


def test_the_state_is_not_a_field_and_equal_histories_are_equal() -> None:
    built = _long(6)
    again = Application.model_validate_json(built.model_dump_json())
    assert again == built
    assert hash(again) == hash(built)
    assert "_state" not in Application.model_json_schema()["properties"]
    assert "_state" not in built.model_dump()
    # Every consultation is answered the day it is sent (01-06), so nothing is
    # paused: 20 working days after Mon 01-05 (no rest day but weekends): 01-06..09
    # (4), 01-12..16 (9), 01-19..23 (14), 01-26..30 (19), Mon 02-02 (20).
    assert built.reply_deadline().due == again.reply_deadline().due == D("2026-02-02")


def test_copies_and_pickles_answer_like_the_original() -> None:
    import copy
    import pickle

    app = _long(6).record(ConsultationSent(on=D("2026-01-07"), party=TP, name="乙"))
    # The letter to 乙 (sent Wed 01-07) gives 15 working days: 01-08..09 (2),
    # 01-12..16 (7), 01-19..23 (12), 01-26..28 (15) → Wed 01-28.
    assert app.status(D("2026-01-08")).due == D("2026-01-28")
    for other in (copy.copy(app), copy.deepcopy(app), pickle.loads(pickle.dumps(app))):
        assert other == app
        assert other.status(D("2026-01-08")) == app.status(D("2026-01-08"))
    # model_copy(update=...) skips validation; the kept state is not trusted for it:
    # the new history is replayed (and checked) when first asked
    shorter = app.model_copy(update={"events": app.events[:6]})
    assert shorter.state is ApplicationState.OPEN
    wrong = app.model_copy(update={"events": (*app.events, Withdrawn(on=D("2025-12-31")))})
    with pytest.raises(InvalidEventError, match="dated before the application was received"):
        _ = wrong.state


def test_a_query_about_an_earlier_day_sees_only_the_events_up_to_it() -> None:
    app = (
        new("2026-09-28")
        .record(ConsultationSent(on=D("2026-10-09"), party=TP, name="甲"))
        .record(OpinionReceived(on=D("2026-10-16"), party=TP, name="甲"))
        .record(ReplyIssued(on=D("2026-10-30"), reply=DISCLOSED, delivered_on=D("2026-10-30")))
    )
    # On 10-12 the consultation was running: the third party's 15 working days from
    # Fri 10-09 end on 10-29 (10-10, 10-12..16, 10-19..23, 10-26..29).
    s = app.status(D("2026-10-12"))
    assert (s.kind, s.due) == (StatusKind.PAUSED_FOR_CONSULTATION, D("2026-10-29"))
    assert app.status(D("2026-10-30")).kind is StatusKind.REPLIED
    # before any event: the plain 20 working days (due 10-30)
    assert app.reply_deadline(as_of=D("2026-10-08")).due == D("2026-10-30")


# -- properties ----------------------------------------------------------------------------


def _event(kind: str, on: date, lag: int) -> Any:
    """An event of ``kind`` on ``on``; ``lag`` days to its delivery (negative: before)."""
    delivered = on + timedelta(days=lag)
    makers: dict[str, Callable[[], Any]] = {
        "correction_requested": lambda: CorrectionRequested(
            on=on, period_days=5, delivered_on=delivered
        ),
        "correction_received": lambda: CorrectionReceived(on=on),
        "correction_not_received": lambda: CorrectionNotReceived(on=on),
        "consultation_sent": lambda: ConsultationSent(on=on, party=TP, delivered_on=delivered),
        "opinion_received": lambda: OpinionReceived(on=on, party=TP),
        "agency_sent": lambda: ConsultationSent(on=on, party=ConsultedParty.AGENCY),
        "extension": lambda: ExtensionApproved(on=on, days=10),
        "fee_notice": lambda: FeeNoticeSent(on=on, fee=fee_per_page(40), delivered_on=delivered),
        "fee_paid": lambda: FeePaid(on=on),
        "fee_not_paid": lambda: FeeNotPaid(on=on),
        "reply": lambda: ReplyIssued(on=on, reply=DISCLOSED, delivered_on=delivered),
        "withdrawn": lambda: Withdrawn(on=on),
    }
    return makers[kind]()


KINDS = [
    "correction_requested",
    "correction_received",
    "correction_not_received",
    "consultation_sent",
    "opinion_received",
    "agency_sent",
    "extension",
    "fee_notice",
    "fee_paid",
    "fee_not_paid",
    "reply",
    "withdrawn",
]
steps = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 25), st.integers(-3, 10)), max_size=7
)


@settings(max_examples=80, deadline=None)
@given(steps, st.integers(0, 60))
def test_accepted_histories_give_no_deadline_before_receipt(
    history: list[tuple[str, int, int]], probe: int
) -> None:
    app = new("2026-03-02", options=EXCLUDED)
    on = app.received_on
    for kind, gap, lag in history:
        on = min(on + timedelta(days=gap), D("2026-08-31"))
        before = app.model_dump_json()
        try:
            app = app.record(_event(kind, on, lag))
        except OpenGovError:
            # refused: the application is unchanged, and so is the state kept with it
            assert app.model_dump_json() == before
            again = Application.model_validate_json(before)
            assert (again.state, again.flags) == (app.state, app.flags)
    day = app.received_on + timedelta(days=probe)
    try:
        every = [*app.deadlines(), *app.remedy_deadlines(as_of=day)]
    except CalendarCoverageError:
        return  # a period running into an uncovered year is refused, not guessed
    assert all(d.due >= app.received_on for d in every)
    # what the kept state answers is what a replay from JSON answers
    again = Application.model_validate_json(app.model_dump_json())
    assert again == app
    assert again.deadlines() == app.deadlines()
    assert (again.state, again.flags) == (app.state, app.flags)
    # a day before the last event is answered from the events up to that day
    prefix = tuple(e for e in app.events if e.on <= day)
    cut = Application.model_validate({**dict(app), "events": prefix})
    assert app.status(day) == cut.status(day)


def test_a_history_checked_on_its_calendar_may_not_hold_on_another() -> None:
    from opengov.calendar import official_calendar
    from opengov.deadlines import DeadlineKind

    # Received Mon 2025-03-03 (no rest day in March 2025 but weekends); 补正 notice
    # sent and delivered Tue 03-04 with 10 working days: 03-05 (1), 06, 07, 10, 11, 12,
    # 13, 14 (8), 17 (9), 18 (10) -> the applicant's period ends Tue 03-18, so
    # 视为放弃 on Wed 03-19 is allowed.
    app = Application.receive(
        SubmissionChannel.IN_PERSON,
        applicant_type=ApplicantType.NATURAL_PERSON,
        submitted_on=date(2025, 3, 3),
    )
    app = app.record(
        CorrectionRequested(on=date(2025, 3, 4), delivered_on=date(2025, 3, 4), period_days=10)
    )
    app = app.record(CorrectionNotReceived(on=date(2025, 3, 19)))
    kinds = {d.kind: d.due for d in app.deadlines()}
    assert kinds[DeadlineKind.CORRECTION] == date(2025, 3, 18)
    # With Mon 03-10 a local rest day the period ends Wed 03-19: on that calendar the
    # recorded 视为放弃 comes on the period's last day, which the rule refuses.
    local = official_calendar().with_extra_rest_days([date(2025, 3, 10)], "地方节日")
    with pytest.raises(
        InvalidEventError,
        match=r"^this history is valid on the calendar it was recorded with, but not on the "
        r"calendar given: .*correction_not_received.*regional_rest_days",
    ):
        app.deadlines(calendar=local)
