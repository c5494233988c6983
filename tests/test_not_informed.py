"""Remedies when the reply did not tell the applicant of them: worked examples by hand.

行政复议法 2023 Art. 20 para. 3: the 60-day review period runs from the day the
applicant learnt of the right to review, the review body and the period, but at most
one year from knowing the reply's content. 行诉解释 2018 Art. 64: the same for the
6-month litigation period. The year ends on the corresponding day (Civil Code
Arts. 201-202) and, like any period, rolls forward over rest days (Art. 203).

2026 rest days used here (国务院办公厅关于2026年部分节假日安排的通知): 劳动节 05-01..05,
端午节 06-19..21, 国庆节 10-01..07 (make-up working days Sat 05-09, Sat 10-10).
2025: Thu 06-19 and Thu 10-09 are working days.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov.applicants import ApplicantType
from opengov.applications import Application, ReplyIssued
from opengov.calendar import official_calendar
from opengov.channels import SubmissionChannel
from opengov.deadlines import Deadline, DeadlineKind, PeriodUnit
from opengov.errors import InvalidEventError, InvalidInputError, LawNotInForceError
from opengov.remedies import REMEDY_CAP_COUNTING, litigation_deadline, review_deadline
from opengov.replies import Reply, ReplyType

D = date.fromisoformat
DISCLOSED = Reply(type=ReplyType.DISCLOSED)
WITHHELD = Reply.model_validate({"type": "withheld", "grounds": ["state_secret"]})


def basis(d: Deadline) -> list[str]:
    return [str(c) for c in d.basis]


def test_review_not_told_no_day_known_gives_the_one_year_cap() -> None:
    # Reply received Thu 2025-06-19 (not counted; 06-20 is day 1). One year ends on the
    # corresponding day, Fri 2026-06-19 (Civil Code Art. 202): 端午节 2026-06-19..21, so
    # it rolls to Mon 06-22 (Art. 203).
    d = review_deadline(D("2025-06-19"), remedies_notified=False)
    assert d.kind is DeadlineKind.ADMINISTRATIVE_REVIEW
    assert (d.start, d.days, d.unit) == (D("2025-06-19"), 12, PeriodUnit.MONTHS)
    assert (d.nominal_due, d.due) == (D("2026-06-19"), D("2026-06-22"))
    assert [r[0] for r in d.rolled] == [D("2026-06-19"), D("2026-06-20"), D("2026-06-21")]
    assert basis(d) == [
        "admin-reconsideration-2023:20",
        "admin-reconsideration-2023:20.3",
        "civil-code:201",
        "civil-code:202",
        "civil-code:203",
    ]
    assert "one-year cap" in d.notes[0]
    assert "not the ordinary period" in d.notes[0]
    assert REMEDY_CAP_COUNTING in d.notes
    # the ordinary reading would have ended 60 days after 06-19: 2025-08-18
    assert review_deadline(D("2025-06-19")).due == D("2025-08-18")


def test_review_not_told_counts_60_days_from_the_day_learnt() -> None:
    # Learnt Wed 2026-03-04 (not counted). Day 1 = 03-05, 03-31 = day 27, 04-30 = day 57,
    # day 60 = Sun 05-03, in 劳动节 (05-01..05) → Wed 05-06. The cap (nominal 2026-06-19)
    # is later, so the 60 days apply.
    d = review_deadline(D("2025-06-19"), remedies_notified=False, informed_on=D("2026-03-04"))
    assert (d.start, d.days, d.unit) == (D("2026-03-04"), 60, PeriodUnit.DAYS)
    assert (d.nominal_due, d.due) == (D("2026-05-03"), D("2026-05-06"))
    assert "admin-reconsideration-2023:20.3" in basis(d)
    assert "counted from 2026-03-04" in d.notes[0]
    assert "2026-06-19" in d.notes[0]
    assert d == review_deadline(D("2026-03-04")).model_copy(
        update={"basis": d.basis, "notes": d.notes}
    )


def test_review_not_told_60_days_ending_on_the_cap_day() -> None:
    # Learnt Mon 2026-04-20: 04-30 = day 10, 05-31 = day 41, day 60 = Fri 06-19, the same
    # nominal day as the cap; both roll over 端午节 to Mon 06-22.
    d = review_deadline(D("2025-06-19"), remedies_notified=False, informed_on=D("2026-04-20"))
    assert (d.start, d.unit, d.nominal_due, d.due) == (
        D("2026-04-20"),
        PeriodUnit.DAYS,
        D("2026-06-19"),
        D("2026-06-22"),
    )


def test_review_not_told_learnt_late_is_capped() -> None:
    # Learnt Mon 2026-05-18: 05-31 = day 13, 06-30 = day 43, day 60 = Fri 07-17, after the
    # cap's nominal last day 2026-06-19; the cap applies and rolls to Mon 06-22.
    d = review_deadline(D("2025-06-19"), remedies_notified=False, informed_on=D("2026-05-18"))
    assert (d.start, d.days, d.unit) == (D("2025-06-19"), 12, PeriodUnit.MONTHS)
    assert (d.nominal_due, d.due) == (D("2026-06-19"), D("2026-06-22"))
    assert "2026-07-17" in d.notes[0]
    assert "the cap applies" in d.notes[0]
    assert REMEDY_CAP_COUNTING in d.notes


def test_litigation_not_told() -> None:
    # Reply received Thu 2025-10-09; the cap ends on Fri 2026-10-09 (a working day; 国庆节
    # ended 10-07).
    known = D("2025-10-09")
    cap = litigation_deadline(known, remedies_notified=False)
    assert (cap.start, cap.days, cap.unit) == (known, 12, PeriodUnit.MONTHS)
    assert (cap.nominal_due, cap.due, cap.rolled) == (D("2026-10-09"), D("2026-10-09"), ())
    assert basis(cap)[:2] == ["admin-litigation-2017:46", "admin-litigation-interpretation-2018:64"]
    # Learnt Fri 2026-04-03: 6 months end on the corresponding day, Sat 10-03, in 国庆节
    # (10-01..07) → Thu 10-08; before the cap, so the 6 months apply.
    d = litigation_deadline(known, remedies_notified=False, informed_on=D("2026-04-03"))
    assert (d.start, d.unit, d.nominal_due, d.due) == (
        D("2026-04-03"),
        PeriodUnit.MONTHS,
        D("2026-10-03"),
        D("2026-10-08"),
    )
    # Learnt Fri 2026-04-10: 6 months end Sat 10-10, after the cap's 10-09: the cap.
    late = litigation_deadline(known, remedies_notified=False, informed_on=D("2026-04-10"))
    assert (late.start, late.nominal_due, late.due) == (known, D("2026-10-09"), D("2026-10-09"))
    # told of the period: 6 months from 2025-10-09 end Thu 2026-04-09
    assert litigation_deadline(known).due == D("2026-04-09")


def test_cap_from_29_february_ends_on_28_february() -> None:
    # Known Thu 2024-02-29: 2025 has no 02-29, so the year ends on the month's last day,
    # Fri 2025-02-28 (Civil Code Art. 202), a working day.
    for f in (review_deadline, litigation_deadline):
        d = f(D("2024-02-29"), remedies_notified=False)
        assert (d.nominal_due, d.due) == (D("2025-02-28"), D("2025-02-28"))


def test_not_told_refuses_what_it_cannot_answer() -> None:
    with pytest.raises(InvalidInputError, match="remedies_notified=False"):
        review_deadline(D("2026-03-04"), informed_on=D("2026-03-05"))
    with pytest.raises(InvalidInputError, match="before known_on"):
        review_deadline(D("2026-03-04"), remedies_notified=False, informed_on=D("2026-03-03"))
    with pytest.raises(InvalidInputError, match="before known_on"):
        litigation_deadline(D("2026-03-04"), remedies_notified=False, informed_on=D("2026-03-03"))
    with pytest.raises(InvalidInputError, match="True or False"):
        review_deadline(D("2026-03-04"), remedies_notified="no")  # type: ignore[arg-type]
    # the review cap is the 2023 Law's (no cap is modelled before it); the litigation
    # cap is the 2018 interpretation's from 2018-02-08 and the 2000 one's before
    # (tests/test_law_dated.py)
    with pytest.raises(LawNotInForceError, match="2024-01-01"):
        review_deadline(D("2023-12-31"), remedies_notified=False)
    assert litigation_deadline(D("2018-02-08"), remedies_notified=False).due == D("2019-02-11")


# -- on an application ---------------------------------------------------------------------


def new(received: str) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=D(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
    )


def test_application_reply_not_telling_of_remedies() -> None:
    app = new("2025-06-03")
    told = app.record(
        ReplyIssued(on=D("2025-06-18"), reply=DISCLOSED, delivered_on=D("2025-06-19"))
    )
    # default: told of the remedies; 60 days from 06-19 = 08-18, 6 months = 12-19
    assert [d.due for d in told.remedy_deadlines()] == [D("2025-08-18"), D("2025-12-19")]
    not_told = app.record(
        ReplyIssued(
            on=D("2025-06-18"),
            reply=DISCLOSED,
            delivered_on=D("2025-06-19"),
            remedies_notified=False,
        )
    )
    # no day learnt: both are the one-year cap from 06-19, 2026-06-19 → 06-22 (端午节)
    review, suit = not_told.remedy_deadlines()
    assert (review.kind, review.due) == (DeadlineKind.ADMINISTRATIVE_REVIEW, D("2026-06-22"))
    assert (suit.kind, suit.due) == (DeadlineKind.LITIGATION, D("2026-06-22"))
    learnt = app.record(
        {
            "kind": "reply_issued",
            "on": "2025-06-18",
            "reply": {"type": "disclosed"},
            "delivered_on": "2025-06-19",
            "remedies_notified": False,
            "remedies_informed_on": "2026-03-04",
        }
    )
    # review: 60 days from 03-04 → 05-03 → 05-06 (above); litigation: 6 months from 03-04
    # end 09-04, after the cap (2026-06-19), so the cap: 06-22
    review, suit = learnt.remedy_deadlines()
    assert (review.start, review.due) == (D("2026-03-04"), D("2026-05-06"))
    assert (suit.start, suit.due) == (D("2025-06-19"), D("2026-06-22"))
    assert Application.model_validate_json(learnt.model_dump_json()) == learnt
    # a withheld reply must go to review first: only the review period
    withheld = app.record(
        ReplyIssued(
            on=D("2025-06-18"),
            reply=WITHHELD,
            delivered_on=D("2025-06-19"),
            remedies_notified=False,
        )
    )
    assert [d.kind for d in withheld.remedy_deadlines()] == [DeadlineKind.ADMINISTRATIVE_REVIEW]


def test_existing_reply_json_stays_valid_and_told() -> None:
    event: dict[str, Any] = {
        "kind": "reply_issued",
        "on": "2026-03-20",
        "reply": {"type": "disclosed"},
    }
    app = new("2026-03-02").record(event)
    closing = app.events[-1]
    assert isinstance(closing, ReplyIssued)
    assert (closing.remedies_notified, closing.remedies_informed_on) == (True, None)
    assert app.remedy_deadlines()[0] == review_deadline(D("2026-03-20"))


def test_application_refuses_inconsistent_remedy_facts() -> None:
    app = new("2026-03-02")
    with pytest.raises(InvalidEventError, match="remedies_notified"):
        app.record(
            ReplyIssued(on=D("2026-03-20"), reply=DISCLOSED, remedies_informed_on=D("2026-04-01"))
        )
    with pytest.raises(InvalidEventError, match="before the applicant received"):
        app.record(
            ReplyIssued(
                on=D("2026-03-20"),
                reply=DISCLOSED,
                delivered_on=D("2026-03-23"),
                remedies_notified=False,
                remedies_informed_on=D("2026-03-21"),
            )
        )


# -- properties ------------------------------------------------------------------------------

# known from 2024 (the 2023 Law) to late 2025, so that the cap lies in the official data
knowns = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 20))


@given(knowns, st.one_of(st.none(), st.integers(0, 420)))
def test_not_told_is_never_earlier_than_told_nor_later_than_the_cap(
    known: date, learnt_after: int | None
) -> None:
    cal = official_calendar()
    cap = cal.add_period(known, months=12)  # the one-year cap, after roll-forward
    informed = None if learnt_after is None else known + timedelta(days=learnt_after)
    for f in (review_deadline, litigation_deadline):
        told = f(known)
        not_told = f(known, remedies_notified=False, informed_on=informed)
        assert told.due <= not_told.due <= cap.due
        assert cal.is_working_day(not_told.due)
        assert REMEDY_CAP_COUNTING in not_told.notes
        if informed is None:
            assert not_told.due == cap.due
        elif not_told.start == informed:
            # the ordinary period from the day learnt, unchanged but for the citations
            assert not_told.due == f(informed).due
        else:
            assert (not_told.start, not_told.due) == (known, cap.due)
