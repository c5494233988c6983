"""Disclosure decisions: the review trail, Art. 26 deadlines, Art. 18 re-evaluation.

Expected dates are counted by hand on the State Council holiday notices (2026:
National Day 10-01 to 10-07 off, Saturday 10-10 a working day).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import (
    Approved,
    Changed,
    ConfidentialityReview,
    DecisionKind,
    DisclosureDecision,
    DocumentKind,
    DraftingOpinion,
    ExemptionGround,
    InvalidDecisionError,
    OpenGovError,
    PeriodSource,
    PublicationPeriod,
    Published,
    Reevaluated,
    ReferralAnswered,
    ReferralSent,
    ReferralTarget,
    Repealed,
    ReviewOutcome,
)

NORMATIVE = DocumentKind.NORMATIVE_DOCUMENT


def reviewed(
    formed: date = date(2026, 9, 28),
    *,
    kind: DocumentKind = NORMATIVE,
    period: PublicationPeriod | None = None,
    outcome: ReviewOutcome = ReviewOutcome.NO_SECRET,
) -> DisclosureDecision:
    d = DisclosureDecision.form(
        "某市财政局关于印发某某资金管理办法的通知",
        formed_on=formed,
        document_kind=kind,
        doc_number="某财规〔2026〕3号",
        period=period,
    )
    d = d.record(
        DraftingOpinion(on=formed - timedelta(days=7), proposed=DecisionKind.PROACTIVE, item=1)
    )
    return d.record(ConfidentialityReview(on=formed - timedelta(days=6), outcome=outcome))


def approved(d: DisclosureDecision, on: date, **kw: object) -> DisclosureDecision:
    return d.record(Approved.model_validate({"on": on, **kw}))


# -- the worked example (docs/howto/disclosure-review.md) ------------------------------------


SEED_LOCAL_RULE = PublicationPeriod(
    days=5,
    source=PeriodSource.LOCAL_RULE,
    reference="一般公开事项发生后5个工作日内必须予以公开",
)


def test_worked_example_statutory_period() -> None:
    # Formed Mon 2026-09-28. Working days after it: 09-29 (1), 09-30 (2), National Day
    # 10-01..10-07 off, 10-08 (3), 10-09 (4), Sat 10-10 (5, make-up day), 10-12..16 (6-10),
    # 10-19..23 (11-15), 10-26..30 (16-20): due Fri 2026-10-30.
    d = approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    d = d.record(Published(on=date(2026, 10, 12)))
    t = d.timeliness()
    assert t.deadline.due == date(2026, 10, 30)
    assert (t.late, t.working_days_elapsed, t.working_days_late) == (False, 6, 0)


def test_worked_example_stricter_local_rule_is_late() -> None:
    # Same document under the seed's local rule (5 working days): due Sat 2026-10-10;
    # published Mon 10-12, the 6th working day: one working day late.
    d = approved(reviewed(period=SEED_LOCAL_RULE), date(2026, 9, 25),
                 decision=DecisionKind.PROACTIVE, item=1)  # fmt: skip
    d = d.record(Published(on=date(2026, 10, 12)))
    t = d.timeliness()
    assert t.deadline.due == date(2026, 10, 10)
    assert (t.late, t.working_days_late) == (True, 1)
    assert any("stricter local rule: 5 working days" in n for n in t.deadline.notes)


def test_unpublished_is_late_only_after_the_due_day() -> None:
    d = approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    assert d.timeliness(date(2026, 10, 30)).late is False
    later = d.timeliness(date(2026, 11, 2))
    assert (later.late, later.working_days_late, later.published_on) == (True, 1, None)


def test_law_period_is_recorded() -> None:
    p = PublicationPeriod(days=30, source=PeriodSource.LAW, reference="某法第十条")
    d = approved(reviewed(period=p), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    dl = d.publication_deadline()
    assert dl is not None
    assert dl.days == 30
    assert any("law or regulation's own period" in n for n in dl.notes)


def test_local_rule_cannot_extend_art_26() -> None:
    with pytest.raises(
        InvalidDecisionError, match=r"period\.days: a local rule can only be stricter"
    ):
        DisclosureDecision.form(
            "x",
            formed_on=date(2026, 9, 28),
            period=PublicationPeriod(days=25, source=PeriodSource.LOCAL_RULE),
        )


# -- rules ----------------------------------------------------------------------------------


def test_withholding_needs_grounds_and_nothing_changes() -> None:
    d = reviewed()
    with pytest.raises(InvalidDecisionError, match=r"approved\.grounds: .* needs its grounds"):
        approved(d, date(2026, 9, 25), decision=DecisionKind.WITHHELD)
    assert len(d.events) == 2
    assert d.decision is None


def test_proactive_decision_takes_no_ground() -> None:
    with pytest.raises(InvalidDecisionError, match=r"approved\.grounds: a 主动公开"):
        approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1,
                 grounds=[ExemptionGround.THIRD_PARTY_RIGHTS])  # fmt: skip


def test_a_normative_document_is_never_left_to_requests() -> None:
    with pytest.raises(InvalidDecisionError, match=r"approved\.decision: .*Art\. 20\(1\)"):
        approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.ON_REQUEST)


def test_an_art_21_item_is_never_left_to_requests() -> None:
    d = DisclosureDecision.form("征收公告", formed_on=date(2026, 9, 28))
    with pytest.raises(InvalidDecisionError, match=r"drafting_opinion\.local_item"):
        d.record({"kind": "drafting_opinion", "on": "2026-09-20", "proposed": "on_request",
                  "local_item": "land_expropriation"})  # fmt: skip


def test_unknown_item_number_names_the_field() -> None:
    with pytest.raises(InvalidDecisionError, match=r"approved\.item: Art\. 20 has items 1 to 15"):
        approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=16)


def test_unknown_local_item_code_names_the_field() -> None:
    d = DisclosureDecision.form("x", formed_on=date(2026, 9, 28))
    with pytest.raises(InvalidDecisionError, match=r"approved\.local_item"):
        d.record({"kind": "approved", "on": "2026-09-20", "decision": "proactive",
                  "local_item": "moon_landing"})  # fmt: skip


def test_absolute_ground_is_never_published() -> None:
    d = approved(reviewed(outcome=ReviewOutcome.STATE_SECRET), date(2026, 9, 25),
                 decision=DecisionKind.WITHHELD, grounds=[ExemptionGround.STATE_SECRET])  # fmt: skip
    with pytest.raises(InvalidDecisionError, match=r"published: .*absolute ground \(state_secret"):
        d.record(Published(on=date(2026, 10, 1)))
    assert d.publication_deadline() is None


def test_state_secret_found_in_review_blocks_full_publication() -> None:
    d = reviewed(outcome=ReviewOutcome.STATE_SECRET)
    with pytest.raises(
        InvalidDecisionError, match=r"approved\.decision: the review found a state secret"
    ):
        approved(d, date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    with pytest.raises(InvalidDecisionError, match=r"approved\.grounds: the review found"):
        approved(d, date(2026, 9, 25), decision=DecisionKind.PARTIAL, item=1,
                 grounds=[ExemptionGround.THIRD_PARTY_RIGHTS])  # fmt: skip
    ok = approved(d, date(2026, 9, 25), decision=DecisionKind.PARTIAL, item=1,
                  grounds=[ExemptionGround.STATE_SECRET])  # fmt: skip
    assert ok.record(Published(on=date(2026, 9, 28))).published_on == date(2026, 9, 28)


def test_uncertain_review_waits_for_the_referral() -> None:
    d = reviewed(outcome=ReviewOutcome.UNCERTAIN)
    with pytest.raises(InvalidDecisionError, match=r"Art\. 17 para\. 3"):
        approved(d, date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    d = d.record(ReferralSent(on=date(2026, 9, 23), to=ReferralTarget.SECRECY_ADMINISTRATION))
    d = d.record(ReferralAnswered(on=date(2026, 9, 24), disclosable=True))
    d = approved(d, date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    assert d.decision is DecisionKind.PROACTIVE


def test_referral_only_after_an_uncertain_review() -> None:
    with pytest.raises(InvalidDecisionError, match=r"referral_sent: a referral"):
        reviewed().record(
            ReferralSent(on=date(2026, 9, 23), to=ReferralTarget.COMPETENT_DEPARTMENT)
        )


def test_publication_needs_review_and_approval() -> None:
    d = DisclosureDecision.form("x", formed_on=date(2026, 9, 28), document_kind=NORMATIVE)
    with pytest.raises(InvalidDecisionError, match=r"approved\.decision: .*confidentiality review"):
        approved(d, date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    with pytest.raises(InvalidDecisionError, match=r"published: publish after"):
        d.record(Published(on=date(2026, 9, 29)))


def test_dates_out_of_order_name_the_field() -> None:
    d = approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    with pytest.raises(
        InvalidDecisionError, match=r"published\.on: 2026-09-24 is before the last event"
    ):
        d.record(Published(on=date(2026, 9, 24)))


def test_publication_before_formation_is_refused() -> None:
    d = approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    with pytest.raises(
        InvalidDecisionError,
        match=r"published\.on: 2026-09-26 is before the information was formed",
    ):
        d.record(Published(on=date(2026, 9, 26)))


def test_a_change_restarts_art_26() -> None:
    d = approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    d = d.record(Published(on=date(2026, 9, 29)))
    d = d.record(Changed(on=date(2026, 11, 2), note="第五条修改"))
    assert d.published_on is None
    dl = d.publication_deadline()
    # From Mon 11-02: 11-03..06 (4), 11-09..13 (9), 11-16..20 (14), 11-23..27 (19), 11-30 (20).
    assert dl is not None
    assert (dl.start, dl.due) == (date(2026, 11, 2), date(2026, 11, 30))
    with pytest.raises(InvalidDecisionError, match=r"published: publish after"):
        d.record(Published(on=date(2026, 11, 3)))
    d = d.record(ConfidentialityReview(on=date(2026, 11, 3), outcome=ReviewOutcome.NO_SECRET))
    d = approved(d, date(2026, 11, 4), decision=DecisionKind.PROACTIVE, item=1)
    assert d.record(Published(on=date(2026, 11, 5))).timeliness().working_days_elapsed == 3


def test_reevaluation_interval_is_policy_and_month_end_rolls_back() -> None:
    d = DisclosureDecision.form("内部工作流程", formed_on=date(2026, 1, 20))
    d = d.record(ConfidentialityReview(on=date(2026, 1, 25), outcome=ReviewOutcome.NO_SECRET))
    d = approved(d, date(2026, 1, 31), decision=DecisionKind.WITHHELD,
                 grounds=[ExemptionGround.INTERNAL_AFFAIRS])  # fmt: skip
    assert d.reevaluation_due(12).due == date(2027, 1, 31)
    one = d.reevaluation_due(1, as_of=date(2026, 3, 1))
    assert (one.due, one.overdue) == (date(2026, 2, 28), True)  # no 31 February (Civil Code 202)
    d = d.record(Reevaluated(on=date(2026, 7, 1), still_withheld=True))
    assert d.reevaluation_due(6).due == date(2027, 1, 1)


def test_reevaluated_as_disclosable_runs_art_26_from_that_day() -> None:
    d = DisclosureDecision.form("某项目审批材料", formed_on=date(2026, 1, 20))
    d = d.record(ConfidentialityReview(on=date(2026, 1, 25), outcome=ReviewOutcome.NO_SECRET))
    d = approved(d, date(2026, 1, 31), decision=DecisionKind.WITHHELD,
                 grounds=[ExemptionGround.PROCESS_INFORMATION])  # fmt: skip
    d = d.record(Reevaluated(on=date(2026, 9, 28), still_withheld=False))
    dl = d.publication_deadline()
    assert dl is not None
    assert dl.due == date(2026, 10, 30)
    with pytest.raises(InvalidDecisionError, match=r"decision: only information decided withheld"):
        d.reevaluation_due(12)


def test_reevaluation_only_for_withheld() -> None:
    d = approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    with pytest.raises(InvalidDecisionError, match=r"reevaluated: only information"):
        d.record(Reevaluated(on=date(2026, 10, 1), still_withheld=True))
    with pytest.raises(InvalidDecisionError, match=r"interval_months: an int from 1 to 120"):
        d.reevaluation_due(0)


def test_repeal_only_for_rules_and_normative_documents() -> None:
    d = DisclosureDecision.form("x", formed_on=date(2026, 9, 28))
    with pytest.raises(InvalidDecisionError, match=r"repealed: only a 规章 or 规范性文件"):
        d.record(Repealed(on=date(2026, 10, 1)))


def test_before_the_2019_regulation_is_refused() -> None:
    with pytest.raises(InvalidDecisionError, match=r"formed_on: 2019-05-14 is before"):
        DisclosureDecision.form("x", formed_on=date(2019, 5, 14))


def test_history_round_trips_through_json() -> None:
    d = approved(reviewed(), date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1)
    d = d.record(Published(on=date(2026, 10, 12), url="https://example.gov.cn/a.html"))
    again = DisclosureDecision.model_validate_json(d.model_dump_json())
    assert again == d
    assert again.timeliness() == d.timeliness()


def test_errors_are_opengov_errors_and_value_errors() -> None:
    assert issubclass(InvalidDecisionError, OpenGovError)
    assert issubclass(InvalidDecisionError, ValueError)
    assert InvalidDecisionError.code == "invalid_decision"


@settings(max_examples=60, deadline=None)
@given(
    formed=st.dates(min_value=date(2019, 6, 1), max_value=date(2026, 10, 31)),
    gap=st.integers(min_value=0, max_value=60),
    days=st.one_of(st.none(), st.integers(min_value=1, max_value=20)),
)
def test_late_iff_more_working_days_than_allowed(formed: date, gap: int, days: int | None) -> None:
    period = None if days is None else PublicationPeriod(days=days, source=PeriodSource.LOCAL_RULE)
    d = DisclosureDecision.form("x", formed_on=formed, document_kind=NORMATIVE, period=period)
    d = d.record(ConfidentialityReview(on=formed, outcome=ReviewOutcome.NO_SECRET))
    d = approved(d, formed, decision=DecisionKind.PROACTIVE, item=1)
    d = d.record(Published(on=formed + timedelta(days=gap)))
    t = d.timeliness()
    allowed = 20 if days is None else days
    assert t.working_days_elapsed is not None
    published_after_due = t.published_on is not None and t.published_on > t.deadline.due
    assert t.late == published_after_due
    # More working days than allowed is late; a rest day just after the due day is late
    # with the allowed number of working days (nothing published on it is in time).
    assert t.late == (t.working_days_elapsed > allowed or published_after_due)
    if t.late:
        assert t.working_days_elapsed - t.working_days_late == allowed


def test_referral_targets_are_art_17_words(legal_reference: str) -> None:
    import re

    m = re.search(r"> 第十七条 (.*?)(?=\n\n> 第)", legal_reference, flags=re.S)
    assert m is not None
    para3 = m.group(1).split("\n>\n> ")[2]
    assert para3.startswith("行政机关不能确定政府信息是否可以公开的")
    for target in ReferralTarget:
        assert target.label_zh in para3
    assert "对拟公开的政府信息进行审查" in m.group(1)  # ConfidentialityReview, para. 2


def test_catalogue_fields_are_art_12_words(legal_reference: str) -> None:
    assert "政府信息公开目录包括政府信息的索引、名称、内容概述、生成日期等内容。" in legal_reference


def test_published_on_the_rest_day_after_the_due_day_is_late() -> None:
    # Formed Mon 2019-06-17, a 19-working-day local rule (端午 2019 was Fri 06-07, before
    # the start; no rest day between): 06-18..21 (4), 06-24..28 (9), 07-01..05 (14),
    # 07-08..12 (19) -> due Fri 2019-07-12. Published Sat 07-13: no working day added.
    period = PublicationPeriod(days=19, source=PeriodSource.LOCAL_RULE)
    d = DisclosureDecision.form(
        "x", formed_on=date(2019, 6, 17), document_kind=NORMATIVE, period=period
    )
    d = d.record(ConfidentialityReview(on=date(2019, 6, 17), outcome=ReviewOutcome.NO_SECRET))
    d = approved(d, date(2019, 6, 17), decision=DecisionKind.PROACTIVE, item=1)
    d = d.record(Published(on=date(2019, 7, 13)))
    t = d.timeliness()
    assert t.deadline.due == date(2019, 7, 12)
    assert (t.working_days_elapsed, t.working_days_late, t.late) == (19, 0, True)
