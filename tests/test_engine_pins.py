"""Pins on the working-day counting engine: runs, excluded days, pause endpoints.

Every expected value is worked out by hand below from the 2026 notice
(国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号): Mid-Autumn rest
09-25..27, National Day rest 10-01..07, make-up working days Sun 09-20 and Sat 10-10.

Working days of autumn 2026 after Mon 09-28 (reply period day numbers, 20 WD, Art. 33):
09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), Sat 10-10 (5), 10-12..16 (6-10),
10-19..23 (11-15), 10-26..30 (16-20); then 11-02..06, 11-09..13, 11-16..20,
11-23..27, 11-30, 12-01..04.

The tests go through the public API (``reply_deadline``, ``Application`` and the
``Deadline`` it returns: ``runs``, ``excluded``, ``original_due``), so they hold
whichever module the engine lives in.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from opengov.applicants import ApplicantType
from opengov.applications import (
    Application,
    ConsultationSent,
    ConsultedParty,
    ExtensionApproved,
    FeeNoticeSent,
    FeePaid,
    OpinionReceived,
)
from opengov.calendar import official_calendar
from opengov.channels import SubmissionChannel
from opengov.deadlines import (
    CountedRun,
    Deadline,
    DeadlineOptions,
    FeeWindow,
    PauseEndpoints,
    PauseKind,
    ReceiptDay,
    RegionalRestDays,
    proactive_disclosure_deadline,
    reply_deadline,
)
from opengov.errors import CalendarCoverageError, InvalidDateError, InvalidInputError
from opengov.fees import fee_per_page

D = date.fromisoformat
TP = ConsultedParty.THIRD_PARTY
AG = ConsultedParty.AGENCY


def new(received: str = "2026-09-28", **kw: Any) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=D(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        **kw,
    )


def run(after: str, days: int, through: str, first: int, ext: bool = False) -> CountedRun:
    return CountedRun(after=D(after), days=days, through=D(through), first_day=first, extension=ext)


def excluded(d: Deadline) -> list[tuple[PauseKind, date, date, int, bool]]:
    return [(e.kind, e.start, e.end, e.working_days, e.open) for e in d.excluded]


def test_plain_period_is_one_run() -> None:
    d = reply_deadline(D("2026-09-28"))
    assert d.runs == (run("2026-09-28", 20, "2026-10-30", 1),)
    assert (d.excluded, d.excluded_working_days, d.original_due) == ((), 0, None)


def test_extension_is_a_second_run_numbered_from_21() -> None:
    # 10-30 + 20 WD: 11-02..06 (21-25), 11-09..13, 11-16..20, 11-23..27 (36-40) → 11-27
    d = reply_deadline(D("2026-09-28"), extended=True)
    assert d.runs == (
        run("2026-09-28", 20, "2026-10-30", 1),
        run("2026-10-30", 20, "2026-11-27", 21, ext=True),
    )
    assert (d.original_due, d.due, d.extension_days) == (D("2026-10-30"), D("2026-11-27"), 20)


def test_receipt_day_counted_anchors_the_count_the_day_before() -> None:
    # Receipt day Mon 09-28 is day 1: the count runs after Sun 09-27 and ends one WD
    # earlier, Thu 10-29.
    d = reply_deadline(D("2026-09-28"), options=DeadlineOptions(receipt_day=ReceiptDay.COUNTED))
    assert d.runs == (run("2026-09-27", 20, "2026-10-29", 1),)
    assert d.start == D("2026-09-28")


def test_two_separate_consultations() -> None:
    # Third party: sent Fri 10-09, opinion Tue 10-13 → (10-09, 10-13] = 10-10, 10-12,
    # 10-13 = 3 WD. Agency: sent Mon 10-19, opinion Wed 10-21 → 10-20, 10-21 = 2 WD.
    # Days 1-4 to 10-09; 5-8 = 10-14, 15, 16, 19; 9-20 = 10-22, 23, 10-26..30, 11-02..06.
    app = (
        new()
        .record(ConsultationSent(on=D("2026-10-09"), party=TP, name="甲公司"))
        .record(OpinionReceived(on=D("2026-10-13"), party=TP, name="甲公司"))
        .record(ConsultationSent(on=D("2026-10-19"), party=AG, name="某局"))
        .record(OpinionReceived(on=D("2026-10-21"), party=AG, name="某局"))
    )
    d = app.reply_deadline()
    assert d.due == D("2026-11-06")
    assert d.runs == (
        run("2026-09-28", 4, "2026-10-09", 1),
        run("2026-10-13", 4, "2026-10-19", 5),
        run("2026-10-21", 12, "2026-11-06", 9),
    )
    assert excluded(d) == [
        (PauseKind.THIRD_PARTY_CONSULTATION, D("2026-10-09"), D("2026-10-13"), 3, False),
        (PauseKind.AGENCY_CONSULTATION, D("2026-10-19"), D("2026-10-21"), 2, False),
    ]
    assert d.excluded_working_days == 5
    assert all(e.endpoints is PauseEndpoints.AFTER_START_THROUGH_END for e in d.excluded)


def test_nested_and_overlapping_consultations_count_each_day_once() -> None:
    # A: 甲 sent 10-09, opinion 10-16 → (10-09, 10-16] = 10-10, 10-12..16 = 6 WD.
    # B: 乙 sent 10-12, opinion 10-14, inside A → removes nothing more: 0 WD.
    # C: agency sent 10-19, opinion 10-21 → 10-20, 10-21 = 2 WD.
    # Days 1-4 to 10-09; day 5 = 10-19 (the sending day is counted); days 6-20 =
    # 10-22, 23, 10-26..30, 11-02..06, 11-09, 10, 11 → Wed 11-11 (= 10-30 + 8 WD).
    app = (
        new()
        .record(ConsultationSent(on=D("2026-10-09"), party=TP, name="甲"))
        .record(ConsultationSent(on=D("2026-10-12"), party=TP, name="乙"))
        .record(OpinionReceived(on=D("2026-10-14"), party=TP, name="乙"))
        .record(OpinionReceived(on=D("2026-10-16"), party=TP, name="甲"))
        .record(ConsultationSent(on=D("2026-10-19"), party=AG))
        .record(OpinionReceived(on=D("2026-10-21"), party=AG))
    )
    d = app.reply_deadline()
    assert d.due == D("2026-11-11")
    assert d.runs == (
        run("2026-09-28", 4, "2026-10-09", 1),
        run("2026-10-16", 1, "2026-10-19", 5),
        run("2026-10-21", 15, "2026-11-11", 6),
    )
    assert [e.working_days for e in d.excluded] == [6, 0, 2]
    assert [e.start for e in d.excluded] == [D("2026-10-09"), D("2026-10-12"), D("2026-10-19")]


def test_a_consultation_starting_inside_another_adds_only_its_own_days() -> None:
    # A: sent 10-09, opinion 10-16 → 6 WD (10-10, 10-12..16). B: agency sent 10-13,
    # opinion 10-20 → (10-13, 10-20] but 10-14..16 are already out: 10-19, 10-20 = 2 WD.
    # Days 5-20 from 10-20: 10-21, 22, 23, 10-26..30, 11-02..06, 11-09..11 → 11-11.
    app = (
        new()
        .record(ConsultationSent(on=D("2026-10-09"), party=TP))
        .record(ConsultationSent(on=D("2026-10-13"), party=AG))
        .record(OpinionReceived(on=D("2026-10-16"), party=TP))
        .record(OpinionReceived(on=D("2026-10-20"), party=AG))
    )
    d = app.reply_deadline()
    assert d.due == D("2026-11-11")
    assert [e.working_days for e in d.excluded] == [6, 2]
    assert d.runs == (
        run("2026-09-28", 4, "2026-10-09", 1),
        run("2026-10-20", 16, "2026-11-11", 5),
    )


def test_pause_after_the_original_due_counts_in_the_extension() -> None:
    # Third party 10-09 → 10-13: 3 WD, so the 20 days end Wed 11-04 (10-30 + 3 WD).
    # Extension of 20 approved Mon 11-02. Agency consulted Thu 11-05, which is
    # extension day 21 (the sending day is counted), opinion Mon 11-09:
    # (11-05, 11-09] = 11-06, 11-09 = 2 WD. Days 22-40 from 11-09: 11-10..13 (25),
    # 11-16..20 (30), 11-23..27 (35), 11-30, 12-01..04 (40) → Fri 12-04.
    app = (
        new()
        .record(ConsultationSent(on=D("2026-10-09"), party=TP))
        .record(OpinionReceived(on=D("2026-10-13"), party=TP))
        .record(ExtensionApproved(on=D("2026-11-02"), days=20))
        .record(ConsultationSent(on=D("2026-11-05"), party=AG))
        .record(OpinionReceived(on=D("2026-11-09"), party=AG))
    )
    d = app.reply_deadline()
    assert (d.original_due, d.due, d.extension_days) == (D("2026-11-04"), D("2026-12-04"), 20)
    assert d.runs == (
        run("2026-09-28", 4, "2026-10-09", 1),
        run("2026-10-13", 16, "2026-11-04", 5),
        run("2026-11-04", 1, "2026-11-05", 21, ext=True),
        run("2026-11-09", 19, "2026-12-04", 22, ext=True),
    )
    assert [e.working_days for e in d.excluded] == [3, 2]


def test_a_pause_after_the_due_date_removes_nothing() -> None:
    # Due 11-04 as above; the agency is consulted on 11-05, after it (a late reply):
    # the due date stays, and the interval removed 0 working days.
    app = (
        new()
        .record(ConsultationSent(on=D("2026-10-09"), party=TP))
        .record(OpinionReceived(on=D("2026-10-13"), party=TP))
        .record(ConsultationSent(on=D("2026-11-05"), party=AG))
        .record(OpinionReceived(on=D("2026-11-09"), party=AG))
    )
    d = app.reply_deadline()
    assert d.due == D("2026-11-04")
    assert [e.working_days for e in d.excluded] == [3, 0]
    assert d.runs == (
        run("2026-09-28", 4, "2026-10-09", 1),
        run("2026-10-13", 16, "2026-11-04", 5),
    )


def test_a_letter_sent_on_the_due_day_does_not_move_it() -> None:
    # Sent Fri 10-30, day 20 itself: the 20 days are already used up when the pause
    # starts, so the due date stays 10-30 and nothing is excluded.
    app = (
        new()
        .record(ConsultationSent(on=D("2026-10-30"), party=TP))
        .record(OpinionReceived(on=D("2026-11-03"), party=TP))
    )
    d = app.reply_deadline()
    assert d.due == D("2026-10-30")
    assert [e.working_days for e in d.excluded] == [0]
    assert d.runs == (run("2026-09-28", 20, "2026-10-30", 1),)
    # sent the day before (Thu 10-29, day 19): one day is left after the opinion
    # (11-03): Wed 11-04; excluded (10-29, 11-03] = 10-30, 11-02, 11-03 = 3 WD.
    app = (
        new()
        .record(ConsultationSent(on=D("2026-10-29"), party=TP))
        .record(OpinionReceived(on=D("2026-11-03"), party=TP))
    )
    d = app.reply_deadline()
    assert d.due == D("2026-11-04")
    assert d.runs == (
        run("2026-09-28", 19, "2026-10-29", 1),
        run("2026-11-03", 1, "2026-11-04", 20),
    )
    assert [e.working_days for e in d.excluded] == [3]


def test_fee_window_before_a_consultation_is_counted_in_date_order() -> None:
    # Fee notice sent Mon 10-12, paid Mon 10-19 → (10-12, 10-19] = 10-13..16, 10-19 =
    # 5 WD; then a third party, sent Tue 10-20, opinion Thu 10-22 → 10-21, 10-22 = 2.
    # Days 1-6 to 10-12; day 7 = 10-20; days 8-20 = 10-23, 10-26..30, 11-02..06,
    # 11-09, 10 → Tue 11-10 (= 10-30 + 7 WD).
    app = (
        new(options=DeadlineOptions(fee_window=FeeWindow.EXCLUDED))
        .record(
            FeeNoticeSent(on=D("2026-10-12"), fee=fee_per_page(120), delivered_on=D("2026-10-13"))
        )
        .record(FeePaid(on=D("2026-10-19")))
        .record(ConsultationSent(on=D("2026-10-20"), party=TP))
        .record(OpinionReceived(on=D("2026-10-22"), party=TP))
    )
    d = app.reply_deadline()
    assert d.due == D("2026-11-10")
    assert [(e.kind, e.working_days) for e in d.excluded] == [
        (PauseKind.FEE_PAYMENT, 5),
        (PauseKind.THIRD_PARTY_CONSULTATION, 2),
    ]
    assert d.runs == (
        run("2026-09-28", 6, "2026-10-12", 1),
        run("2026-10-19", 1, "2026-10-20", 7),
        run("2026-10-22", 13, "2026-11-10", 8),
    )


@pytest.mark.parametrize(
    ("endpoints", "removed", "due", "first_run"),
    [
        # (10-09, 10-13]: 10-10, 10-12, 10-13; days 5-20 from 10-13 → 11-04
        (PauseEndpoints.AFTER_START_THROUGH_END, 3, "2026-11-04", ("2026-10-09", 4)),
        # [10-09, 10-13]: the sending day too, so only 3 days (to 10-08) come first;
        # days 4-20 from 10-13: 10-14..16, 10-19..23, 10-26..30, 11-02..05 → 11-05
        (PauseEndpoints.START_THROUGH_END, 4, "2026-11-05", ("2026-10-08", 3)),
        # (10-09, 10-13): 10-10, 10-12; the arrival day 10-13 is day 5 → 11-03
        (PauseEndpoints.AFTER_START_BEFORE_END, 2, "2026-11-03", ("2026-10-09", 4)),
    ],
)
def test_pause_endpoint_conventions(
    endpoints: PauseEndpoints, removed: int, due: str, first_run: tuple[str, int]
) -> None:
    app = (
        new(options=DeadlineOptions(pause_endpoints=endpoints))
        .record(ConsultationSent(on=D("2026-10-09"), party=TP))
        .record(OpinionReceived(on=D("2026-10-13"), party=TP))
    )
    d = app.reply_deadline()
    assert (d.due, d.excluded_working_days) == (D(due), removed)
    assert d.excluded[0].endpoints is endpoints
    assert (d.excluded[0].start, d.excluded[0].end) == (D("2026-10-09"), D("2026-10-13"))
    assert d.runs[0] == run("2026-09-28", first_run[1], first_run[0], 1)
    assert d.options.pause_endpoints is endpoints


def test_pause_endpoint_bounds() -> None:
    # bounds(start, end) = (lo, hi): working days in (lo, hi] are not counted
    s, e = D("2026-10-09"), D("2026-10-13")
    assert PauseEndpoints.AFTER_START_THROUGH_END.bounds(s, e) == (s, e)
    assert PauseEndpoints.START_THROUGH_END.bounds(s, e) == (D("2026-10-08"), e)
    assert PauseEndpoints.AFTER_START_BEFORE_END.bounds(s, e) == (s, D("2026-10-12"))
    # an answer the same day leaves nothing strictly between: an empty interval
    assert PauseEndpoints.AFTER_START_BEFORE_END.bounds(s, s) == (s, s)
    assert PauseEndpoints.START_THROUGH_END.bounds(s, s) == (D("2026-10-08"), s)


def test_same_day_opinion_between_sending_and_arrival_removes_nothing() -> None:
    app = (
        new(options=DeadlineOptions(pause_endpoints=PauseEndpoints.AFTER_START_BEFORE_END))
        .record(ConsultationSent(on=D("2026-10-09"), party=TP))
        .record(OpinionReceived(on=D("2026-10-09"), party=TP))
    )
    d = app.reply_deadline()
    assert (d.due, d.excluded_working_days) == (D("2026-10-30"), 0)


def test_regional_rest_days_of_every_group_are_skipped() -> None:
    # Two local groups: Mon 10-12, and Tue 10-13 + Wed 10-14: 3 more rest days, so
    # 10-30 + 3 WD = Wed 11-04.
    opts = DeadlineOptions(
        regional_rest_days=(
            RegionalRestDays(name="古尔邦节", days=(D("2026-10-12"),)),
            RegionalRestDays(name="某节", days=(D("2026-10-13"), D("2026-10-14"))),
        )
    )
    d = reply_deadline(D("2026-09-28"), options=opts)
    assert d.due == D("2026-11-04")
    assert d.options is opts
    assert proactive_disclosure_deadline(D("2026-09-28"), options=opts).due == D("2026-11-04")
    # on a calendar passed in, the local days are added too
    assert reply_deadline(D("2026-09-28"), options=opts, calendar=official_calendar()).due == D(
        "2026-11-04"
    )


def test_a_calendar_passed_in_is_the_one_counted_on() -> None:
    cal = official_calendar().with_extra_rest_days([D("2026-10-29"), D("2026-10-30")], "某节")
    # 10-29, 10-30 off: days 19, 20 are 11-02, 11-03
    assert reply_deadline(D("2026-09-28"), calendar=cal).due == D("2026-11-03")
    assert proactive_disclosure_deadline(D("2026-09-28"), calendar=cal).due == D("2026-11-03")
    with pytest.raises(
        InvalidInputError,
        match=r"^calendar must be a WorkdayCalendar \(e\.g\. default_calendar\(\)\), got str$",
    ):
        reply_deadline(D("2026-09-28"), calendar="official")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^options must be a DeadlineOptions, got dict$"):
        reply_deadline(D("2026-09-28"), options={"provisional": True})  # type: ignore[arg-type]


def test_notices_named_by_a_deadline() -> None:
    d = reply_deadline(D("2026-09-28"))
    assert [(n.year, n.revision, n.label, n.origin.value) for n in d.notices] == [
        (2026, 0, "国办发明电〔2025〕7号", "bundled")
    ]
    # a period reaching 29 December rests on the next year's notice too (not covered)
    with pytest.raises(CalendarCoverageError, match="2026-12-28"):
        reply_deadline(D("2026-12-01"))


def test_proactive_disclosure_local_rule_note() -> None:
    d = proactive_disclosure_deadline(D("2026-09-28"), days=20)
    assert d.notes == ()  # the statutory length: no local rule to note
    # 1000 is the largest local rule accepted (2010: the 2007 edition, Art. 18: also 20 WD)
    d = proactive_disclosure_deadline(D("2010-01-04"), days=1000)
    assert d.days == 1000
    assert d.notes == ("local rule: 1000 working days instead of the statutory 20",)
    with pytest.raises(InvalidInputError, match="days must be an int from 1 to 1000"):
        proactive_disclosure_deadline(D("2026-09-28"), days=1001)
    with pytest.raises(InvalidInputError, match="days must be an int from 1 to 1000"):
        proactive_disclosure_deadline(D("2026-09-28"), days=True)


# -- fixed dates and the other entry points -------------------------------------------------


def test_annual_report_due_is_a_complete_fixed_date() -> None:
    from opengov.citations import cite
    from opengov.deadlines import AgencyKind, DeadlineKind, PeriodUnit, annual_report_due
    from opengov.editions import Edition

    # 2019 edition Art. 49: departments by 31 January, governments by 31 March
    d = annual_report_due(2025, AgencyKind.DEPARTMENT)
    assert d == Deadline(
        kind=DeadlineKind.ANNUAL_REPORT,
        due=D("2026-01-31"),
        start=D("2025-12-31"),
        days=0,
        unit=PeriodUnit.FIXED_DATE,
        edition=Edition.REG_2019,
        basis=(cite("ogi-2019:49.1"),),
    )
    assert d.model_fields_set == set(Deadline.model_fields)
    assert annual_report_due(2025, AgencyKind.GOVERNMENT).basis == (cite("ogi-2019:49.2"),)
    # report year 2008, the first: due 2009-03-31 under the 2007 edition (Art. 31)
    first = annual_report_due(2008, AgencyKind.GOVERNMENT)
    assert (first.due, first.start, first.edition) == (
        D("2009-03-31"),
        D("2008-12-31"),
        Edition.REG_2007,
    )
    assert [str(c) for c in first.basis] == ["ogi-2007:31"]
    assert annual_report_due(9000, AgencyKind.DEPARTMENT).due == D("9001-01-31")
    with pytest.raises(InvalidInputError, match="report_year must be 2008 or later"):
        annual_report_due(9001, AgencyKind.DEPARTMENT)
    with pytest.raises(InvalidInputError, match="report_year must be an int, got True"):
        annual_report_due(True, AgencyKind.DEPARTMENT)
    with pytest.raises(InvalidInputError, match="unknown agency kind 'ministry'"):
        annual_report_due(2025, "ministry")  # type: ignore[arg-type]


def test_computed_deadlines_have_every_field_set_and_pickle() -> None:
    import pickle

    d = reply_deadline(D("2026-09-28"), extended=True)
    assert d.model_fields_set == set(Deadline.model_fields)
    assert pickle.loads(pickle.dumps(d)) == d


def test_explanation_lines_are_numbered_from_one() -> None:
    # the title, then one numbered line per step
    e = reply_deadline(D("2026-09-28")).explain()
    en, zh = e.to_en().split("\n"), e.to_zh().split("\n")
    assert len(en) == len(zh) == len(e.steps) + 1
    assert en[0] == e.title_en
    assert zh[0] == e.title_zh
    assert en[1].startswith("1. Start: 2026-09-28 (Mon)")
    assert en[-1] == f"{len(e.steps)}. Due: 2026-10-30 (Fri)"
    assert zh[1].startswith("1. ")


def test_explain_names_the_rest_days_of_the_calendar_given() -> None:
    cal = official_calendar().with_extra_rest_days([D("2026-10-29"), D("2026-10-30")], "某节")
    d = reply_deadline(D("2026-09-28"), calendar=cal)
    rest = [s for s in d.explain(cal).steps if s.kind.value == "rest_days"]
    assert (D("2026-10-29"), "某节", "某节") in rest[0].names


def test_proactive_disclosure_fields() -> None:
    from opengov.deadlines import DeadlineKind
    from opengov.editions import Edition

    d = proactive_disclosure_deadline(D("2026-09-28"))
    assert (d.kind, d.edition, d.notes, d.days) == (
        DeadlineKind.PROACTIVE_DISCLOSURE,
        Edition.REG_2019,
        (),
        20,
    )
    # the shortest local rule, 1 working day: Tue 09-29
    one = proactive_disclosure_deadline(D("2026-09-28"), days=1)
    assert one.due == D("2026-09-29")
    assert one.notes == ("local rule: 1 working days instead of the statutory 20",)
    with pytest.raises(InvalidDateError, match=r"^formed_on must be a datetime\.date"):
        proactive_disclosure_deadline("2026-09-28")  # type: ignore[arg-type]


def test_notices_of_a_new_calendar() -> None:
    # a calendar built here (new notice records): the references are built afresh
    from opengov.calendar import WorkdayCalendar

    cal = WorkdayCalendar(official_calendar().notices)
    d = reply_deadline(D("2026-09-28"), calendar=cal)
    assert [
        (n.year, n.revision, n.label, n.origin.value, n.path, n.evidence) for n in d.notices
    ] == [(2026, 0, "国办发明电〔2025〕7号", "bundled", None, "partly_verified")]
    # a span from December 2025 rests on the 2025 and 2026 notices (29 December on)
    d = reply_deadline(D("2025-12-15"), calendar=cal)
    assert [n.year for n in d.notices] == [2025, 2026]


def test_aware_datetimes_are_read_in_china_time() -> None:
    from datetime import datetime, timedelta, timezone

    # 2026-09-27 17:00 UTC is 2026-09-28 01:00 in China (UTC+8): received Mon 09-28
    late = datetime(2026, 9, 27, 17, 0, tzinfo=timezone.utc)
    assert reply_deadline(late).due == D("2026-10-30")
    assert reply_deadline(late).start == D("2026-09-28")
    cst = datetime(2026, 9, 28, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    assert proactive_disclosure_deadline(cst).due == D("2026-10-30")
