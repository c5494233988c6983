"""The law as it stood on the day: hand-computed answers for the dated fixes.

Each expected day below was worked out by hand from the article cited and a
calendar, then checked against the bundled holiday notices' rest days (named in
each comment). Counting: the start day is not counted, a month period ends on the
corresponding day or the month's last day, a last day on a rest day rolls forward
(Civil Code Arts. 201-203; before 2021 the same rules stood in 民事诉讼法 Art. 82
and 行诉解释, which opengov applies unchanged).
"""

from __future__ import annotations

from datetime import date

import pytest

from opengov.applicants import ApplicantType
from opengov.applications import (
    Application,
    CorrectionNotReceived,
    CorrectionReceived,
    CorrectionRequested,
    ExtensionApproved,
    FeeNoticeSent,
    FeeNotPaid,
)
from opengov.channels import SubmissionChannel
from opengov.deadlines import (
    CorrectionEdition,
    Deadline,
    DeadlineOptions,
    FeeWindow,
    PeriodUnit,
)
from opengov.editions import Edition
from opengov.errors import (
    CalendarCoverageError,
    InvalidEventError,
    InvalidInputError,
    LawNotInForceError,
    ProvisionalCalendarWarning,
)
from opengov.fees import fee_per_page, require_fee_chargeable
from opengov.remedies import (
    BAR_COUNTING,
    CLOSURE_REMEDY_START,
    PERIOD_TRANSITION,
    litigation_bar,
    litigation_deadline,
    review_bar,
    review_deadline,
)

D = date.fromisoformat


def basis(d: Deadline) -> list[str]:
    return [str(c) for c in d.basis]


# -- direct litigation: 3 months before 2015-05-01 (行政诉讼法 1989 Art. 39) -----------


def test_litigation_before_2015_is_three_months() -> None:
    # Known Tue 2014-06-03: 3 months → Wed 2014-09-03, a working day (中秋 2014 was 09-08).
    # Before this fix: 6 months (2014-12-03), later than the law allowed.
    d = litigation_deadline(D("2014-06-03"))
    assert (d.days, d.unit) == (3, PeriodUnit.MONTHS)
    assert (d.nominal_due, d.due) == (D("2014-09-03"), D("2014-09-03"))
    assert basis(d)[0] == "admin-litigation-1989:39"
    # the 1989 text was read in a secondary copy only: the result says so
    assert any("partly_verified" in n for n in d.notes)


def test_litigation_before_2015_month_end_and_roll_forward() -> None:
    # Known Sun 2014-08-31: 3 months → Sun 2014-11-30 (Art. 202: corresponding day),
    # a weekend → Mon 2014-12-01 (Art. 203).
    d = litigation_deadline(D("2014-08-31"))
    assert (d.nominal_due, d.due) == (D("2014-11-30"), D("2014-12-01"))
    # Known Sun 2014-11-30: 3 months → 2015-02-30 does not exist → Sat 2015-02-28, the
    # month's last day; that Saturday was a make-up working day of the 2015 Spring
    # Festival notice (2月28日（星期六）上班), so nothing rolls.
    d = litigation_deadline(D("2014-11-30"))
    assert (d.nominal_due, d.due) == (D("2015-02-28"), D("2015-02-28"))


def test_litigation_from_2015_05_01_is_six_months() -> None:
    # Known Fri 2015-05-01 (the amendment's first day): 6 months → Sun 2015-11-01 → Mon 11-02.
    d = litigation_deadline(D("2015-05-01"))
    assert (d.days, d.nominal_due, d.due) == (6, D("2015-11-01"), D("2015-11-02"))
    assert basis(d)[0] == "admin-litigation-2017:46"
    # Known Thu 2015-04-30, the day before: its 3 months (→ 2015-07-30) were still running
    # on 2015-05-01, so 法释〔2015〕9号 Art. 26 para. 1 gives 6 months → Fri 2015-10-30.
    d = litigation_deadline(D("2015-04-30"))
    assert (d.days, d.due) == (6, D("2015-10-30"))
    assert PERIOD_TRANSITION in d.notes


# -- the 2015 transition (法释〔2015〕9号 Art. 26 para. 1) ---------------------------------
# "2015年5月1日前起诉期限尚未届满的，适用修改后的行政诉讼法关于起诉期限的规定。"
# Source: LawRefBook/Laws, 司法解释/最高人民法院关于适用《行政诉讼法》若干问题的解释
# (2015-04-22).md, Art. 26 (verified as mirrored). 尚未届满: the 3-month period's last day,
# after any roll-forward, is on or after 2015-05-01. Rest days from the 2015 notice
# (国办发明电〔2014〕28号): 劳动节 05-01..03 (Fri-Sun), no make-up day near it.


def test_transition_expired_before_2015_05_01_stays_three_months() -> None:
    # Known Thu 2015-01-15: 3 months → Wed 2015-04-15, a working day, before 05-01:
    # expired, so 1989 Art. 39's 3 months stand.
    d = litigation_deadline(D("2015-01-15"))
    assert (d.days, d.nominal_due, d.due) == (3, D("2015-04-15"), D("2015-04-15"))
    assert basis(d)[0] == "admin-litigation-1989:39"
    assert "admin-litigation-interpretation-2015:26.1" not in basis(d)
    assert PERIOD_TRANSITION in d.notes


def test_transition_running_on_2015_05_01_becomes_six_months() -> None:
    # Known Tue 2015-02-10: 3 months → Sun 2015-05-10 → Mon 05-11, on or after 05-01:
    # still running, so 6 months from the same day → Mon 2015-08-10, a working day.
    d = litigation_deadline(D("2015-02-10"))
    assert (d.days, d.nominal_due, d.due) == (6, D("2015-08-10"), D("2015-08-10"))
    assert basis(d)[:2] == ["admin-litigation-2017:46", "admin-litigation-interpretation-2015:26.1"]
    assert any("2015-05-11" in n and "尚未届满" in n for n in d.notes)


def test_transition_boundary() -> None:
    # Known Sat 2015-01-31: 3 months → 04-31 does not exist → Thu 2015-04-30 (Art. 202,
    # the month's last day), a working day: the last day before 05-01, expired → 3 months.
    d = litigation_deadline(D("2015-01-31"))
    assert (d.days, d.due) == (3, D("2015-04-30"))
    # Known Sun 2015-02-01: 3 months → Fri 2015-05-01, 劳动节 → rolls to Mon 05-04, on or
    # after 05-01: running → 6 months → Sat 2015-08-01 → Mon 2015-08-03.
    d = litigation_deadline(D("2015-02-01"))
    assert (d.days, d.nominal_due, d.due) == (6, D("2015-08-01"), D("2015-08-03"))
    assert any("2015-05-04" in n for n in d.notes)


def test_transition_not_told_and_learnt_after_2015() -> None:
    # Known Tue 2013-01-01, not told; learnt of the period Mon 2016-01-04. The ordinary
    # period from 2016-01-04 had not even begun on 2015-05-01 (not expired) → 6 months →
    # 2016-07-04; the 2-year cap from 2013-01-01 (Thu 2015-01-01, 元旦 → Sun 01-04, a make-up
    # working day of the 2015 notice) is earlier and applies.
    d = litigation_deadline(D("2013-01-01"), remedies_notified=False, informed_on=D("2016-01-04"))
    assert (d.nominal_due, d.due) == (D("2015-01-01"), D("2015-01-04"))
    assert "2016-07-04" in d.notes[0]


def test_review_and_litigation_read_the_same_way() -> None:
    # 行政复议法 2017 Art. 9 / 2023 Art. 20: 60 days either side of 2024-01-01.
    # Known Fri 2023-12-29: day 60 = Tue 2024-02-27, a working day.
    d = review_deadline(D("2023-12-29"))
    assert (d.days, d.unit, d.due) == (60, PeriodUnit.DAYS, D("2024-02-27"))
    assert basis(d)[0] == "admin-reconsideration-2017:9"
    assert basis(review_deadline(D("2024-01-02")))[0] == "admin-reconsideration-2023:20"
    with pytest.raises(LawNotInForceError, match="2008-05-01"):
        litigation_deadline(D("2008-04-30"))


# -- not told of the litigation period before 2018-02-08 (法释〔2000〕8号 Art. 41) ---------


def test_not_told_before_2018_has_the_two_year_cap() -> None:
    # Known Mon 2016-02-29, not told, no day learnt: the cap is 2 years (24 months) →
    # 2018-02-29 does not exist → Wed 2018-02-28, a working day (春节 2018: 02-15..21).
    d = litigation_deadline(D("2016-02-29"), remedies_notified=False)
    assert (d.nominal_due, d.due) == (D("2018-02-28"), D("2018-02-28"))
    assert "admin-litigation-interpretation-2000:41" in basis(d)
    assert "24-month cap" in d.notes[0]
    # between 2015-05-01 and 2018-02-07: 法释〔2015〕9号 sets no cap and Art. 27 kept the
    # 2000 interpretation's Art. 41 (read in full in the mirror); the result says so
    assert "admin-litigation-interpretation-2015:27" in basis(d)
    assert any("sets no cap" in n for n in d.notes)
    assert not any("safe course" in n for n in d.notes)


def test_not_told_before_2015_learnt_later_gets_three_months() -> None:
    # Known Thu 2012-03-15, learnt of the period Mon 2013-01-07: 3 months → Sun
    # 2013-04-07, a make-up working day of the 2013 清明 notice (4月7日（星期日）上班);
    # the 2-year cap (2014-03-15) is later, so the 3 months apply.
    d = litigation_deadline(D("2012-03-15"), remedies_notified=False, informed_on=D("2013-01-07"))
    assert (d.start, d.days, d.due) == (D("2013-01-07"), 3, D("2013-04-07"))
    assert "2014-03-15" in d.notes[0]


# -- the longest bars (行政诉讼法 Art. 46 para. 2; 行政复议法 2023 Art. 21) -------------


def test_litigation_bar_five_years() -> None:
    # Made Thu 2016-03-10: 5 years → Wed 2021-03-10, a working day.
    d = litigation_bar(D("2016-03-10"))
    assert (d.nominal_due, d.due) == (D("2021-03-10"), D("2021-03-10"))
    assert basis(d)[0] == "admin-litigation-2017:46.2"
    assert BAR_COUNTING in d.notes
    # Made Tue 2010-06-01: 5 years → Mon 2015-06-01, under the 2000 interpretation
    d = litigation_bar(D("2010-06-01"))
    assert d.due == D("2015-06-01")
    assert basis(d)[0] == "admin-litigation-interpretation-2000:42"


def test_bar_twenty_years_for_real_property() -> None:
    # Made Mon 2008-05-05: 20 years → Fri 2028-05-05. No notice covers 2028 yet, so the
    # answer is provisional (opt-in) and flagged; the nominal day is the corresponding day.
    opts = DeadlineOptions(provisional=True)
    with pytest.warns(ProvisionalCalendarWarning):
        d = litigation_bar(D("2008-05-05"), real_property=True, options=opts)
    assert (d.days, d.nominal_due, d.provisional) == (240, D("2028-05-05"), True)
    assert basis(d)[0] == "admin-litigation-interpretation-2000:42"
    # without the opt-in it is refused, naming the year
    with pytest.raises(CalendarCoverageError, match="2028"):
        litigation_bar(D("2008-05-05"), real_property=True)
    # an act before opengov's book (2008-05-01) is refused, not guessed
    with pytest.raises(LawNotInForceError, match="2008-05-01"):
        litigation_bar(D("2006-06-04"), real_property=True)


def test_review_bar_applies_from_2024_to_older_acts() -> None:
    # Made Mon 2019-06-03: 5 years → Mon 2024-06-03 (端午 2024 was 06-10), read from
    # 行政复议法 2023 Art. 21, which governs applications from 2024-01-01.
    d = review_bar(D("2019-06-03"))
    assert (d.nominal_due, d.due) == (D("2024-06-03"), D("2024-06-03"))
    assert basis(d)[0] == "admin-reconsideration-2023:21"
    assert any("took effect on 2024-01-01" in n for n in d.notes)
    with pytest.raises(InvalidInputError, match="True or False"):
        review_bar(D("2019-06-03"), real_property="yes")  # type: ignore[arg-type]


# -- fees only under 国办函〔2020〕109号 ----------------------------------------------------


def _app(received: str) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=D(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        agency="某市自然资源局",
    )


@pytest.mark.parametrize("received", ["2018-06-04", "2020-06-01", "2020-12-31"])
def test_no_fee_notice_before_the_measures(received: str) -> None:
    app = _app(received)
    notice = FeeNoticeSent(on=D(received), fee=fee_per_page(120))
    with pytest.raises(InvalidEventError, match="exist only under 国办函〔2020〕109号"):
        app.record(notice)


def test_fee_notice_from_the_measures_in_force_day() -> None:
    require_fee_chargeable(D("2021-01-01"))
    app = _app("2021-03-01").record(FeeNoticeSent(on=D("2021-03-02"), fee=fee_per_page(120)))
    assert app.events[-1].kind == "fee_notice_sent"
    # the day rests on the 黑龙江省财政厅 notice of 2021-01-06 ("自2021年1月1日起"):
    # partly verified, and the refusal says so
    with pytest.raises(InvalidEventError, match="partly verified"):
        require_fee_chargeable(D("2020-12-31"))


# -- remedies after 不再处理 closures ------------------------------------------------------


def test_remedies_after_no_correction() -> None:
    # Received Mon 2026-03-02; 补正 asked Tue 03-03 with 10 working days: 03-04..06 (3),
    # 03-09..13 (8), 03-16, 03-17 (10) → window ends Tue 03-17 (Art. 30). Closed 03-18.
    # Review: 60 days from 03-17 → Sat 05-16, a rest day → Mon 05-18. Suit: 6 months
    # → Thu 09-17. (2026 notice: 05-09 is the only make-up Saturday in May.)
    app = _app("2026-03-02").record(CorrectionRequested(on=D("2026-03-03"), period_days=10))
    app = app.record(CorrectionNotReceived(on=D("2026-03-18")))
    review, suit = app.remedy_deadlines()
    assert (review.start, review.due) == (D("2026-03-17"), D("2026-05-18"))
    assert (suit.start, suit.due) == (D("2026-03-17"), D("2026-09-17"))
    assert "ogi-2019:30" in basis(review)
    assert CLOSURE_REMEDY_START in suit.notes


def test_remedies_after_fee_not_paid() -> None:
    # Fee notice received Tue 2026-03-10: 20 working days from 03-11: 03-11..13 (3),
    # 16-20 (8), 23-27 (13), 30-31 (15), 04-01..03 (18), 清明 04-04..06, 04-07 (19),
    # 04-08 (20). Closed 04-09. Review: 60 days from 04-08 → Sun 06-07 → Mon 06-08.
    # Suit: 6 months → Thu 10-08, the first working day after 国庆 (10-01..07).
    app = _app("2026-03-02").record(
        FeeNoticeSent(on=D("2026-03-10"), fee=fee_per_page(120), delivered_on=D("2026-03-10"))
    )
    app = app.record(FeeNotPaid(on=D("2026-04-09")))
    review, suit = app.remedy_deadlines()
    assert (review.start, review.due) == (D("2026-04-08"), D("2026-06-08"))
    assert suit.due == D("2026-10-08")
    assert "fee-measures-2020" in basis(suit)


def test_no_reply_litigation_before_2018_says_the_rule_was_not_checked() -> None:
    from opengov.remedies import no_reply_litigation_deadline

    # reply period expired Fri 2017-03-10: 法释〔2015〕9号 Art. 4 ("应当在行政机关履行法定
    # 职责期限届满之日起六个月内提出", mirror, verified) → Sun 2017-09-10 → Mon 09-11
    d = no_reply_litigation_deadline(D("2017-03-10"))
    assert (d.nominal_due, d.due) == (D("2017-09-10"), D("2017-09-11"))
    assert basis(d)[0] == "admin-litigation-interpretation-2015:4"
    assert not any("was not checked" in n for n in d.notes)
    # from 2018-02-08: 法释〔2018〕1号 Art. 66, the same six months
    assert basis(no_reply_litigation_deadline(D("2018-03-09")))[0] == (
        "admin-litigation-interpretation-2018:66"
    )
    # before 2015-05-01 the rule stays unchecked: expired Wed 2014-03-12 → 6 months →
    # Fri 2014-09-12, with the note
    d = no_reply_litigation_deadline(D("2014-03-12"))
    assert d.due == D("2014-09-12")
    assert any("was not checked" in n for n in d.notes)


# -- 补正 under the 2007 edition, and 程序从新 across 2019-05-15 ---------------------------
# 2019 notice (国办发明电〔2018〕15号, amended by 国办发明电〔2019〕2号): 劳动节 05-01..04,
# make-up Sun 05-05; 端午 Fri 06-07..Sun 06-09, no make-up day.


def _deadline(app: Application, kind: str) -> Deadline:
    return next(d for d in app.deadlines() if d.kind.value == kind)


def test_correction_period_cites_the_2007_article_under_the_2007_edition() -> None:
    # 2007 Art. 21(4) "申请内容不明确的，应当告知申请人作出更改、补充"; 2019 Art. 30 only
    # from 2019-05-15. Received Mon 2018-03-05, notice Tue 03-06, 5 working days from 03-07:
    # 03-07, 08, 09, 12, 13 → Tue 2018-03-13.
    app = _app("2018-03-05").record(CorrectionRequested(on=D("2018-03-06"), period_days=5))
    d = _deadline(app, "correction")
    assert d.due == D("2018-03-13")
    assert basis(d) == ["ogi-2007:21(4)"]
    # under the 2019 edition the same notice cites Art. 30
    app = _app("2026-03-02").record(CorrectionRequested(on=D("2026-03-03"), period_days=5))
    assert basis(_deadline(app, "correction")) == ["ogi-2019:30"]


def _corrected(
    received: str, corrected: str, options: DeadlineOptions | None = None
) -> Application:
    app = Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=D(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        options=options,
    )
    app = app.record(CorrectionRequested(on=D(received), period_days=15))
    return app.record(CorrectionReceived(on=D(corrected)))


def test_corrected_after_2019_05_15_keeps_15_working_days_by_default() -> None:
    # Received Mon 2019-05-06 (2007 edition), corrected Thu 2019-05-16 (2019 in force).
    # Default: 2007 Art. 24 para. 2's 15 working days from 05-17: 05-17 (1), 05-20..24
    # (6), 05-27..31 (11), 06-03..06 (15) → Thu 2019-06-06.
    d = _corrected("2019-05-06", "2019-05-16").reply_deadline()
    assert (d.start, d.days, d.due) == (D("2019-05-16"), 15, D("2019-06-06"))
    assert d.edition is Edition.REG_2007
    assert "ogi-2007:21(4)" in basis(d)


def test_corrected_after_2019_05_15_procedure_from_new_gives_20() -> None:
    # CorrectionEdition.CORRECTION (程序从新): 2019 Art. 33 para. 2's 20 working days:
    # ... 06-06 (15), 端午 06-07, 06-10..14 (20) → Fri 2019-06-14.
    opts = DeadlineOptions(correction_edition=CorrectionEdition.CORRECTION)
    app = _corrected("2019-05-06", "2019-05-16", opts)
    d = app.reply_deadline()
    assert (d.days, d.due, d.edition) == (20, D("2019-06-14"), Edition.REG_2019)
    assert "ogi-2019:33.2" in basis(d)
    assert any("程序从新" in n for n in d.notes)
    # an extension up to the 2019 edition's 20 working days; by default at most 15
    assert app.record(ExtensionApproved(on=D("2019-06-03"), days=20)).reply_deadline().days == 20
    with pytest.raises(InvalidEventError, match="at most 15 working days"):
        _corrected("2019-05-06", "2019-05-16").record(
            ExtensionApproved(on=D("2019-06-03"), days=20)
        )


def test_corrected_before_2019_05_15_stays_2007_under_either_option() -> None:
    # Corrected Tue 2019-05-14, the day before the 2019 edition: 15 working days from
    # 05-15: 05-15..17 (3), 05-20..24 (8), 05-27..31 (13), 06-03, 06-04 (15) → Tue 06-04.
    opts = DeadlineOptions(correction_edition=CorrectionEdition.CORRECTION)
    for o in (None, opts):
        d = _corrected("2019-05-06", "2019-05-14", o).reply_deadline()
        assert (d.days, d.due, d.edition) == (15, D("2019-06-04"), Edition.REG_2007)


def test_fee_window_read_from_the_book_on_the_notice_day() -> None:
    # 109号 as reported ("收到收费通知次日起20个工作日内"): notice received Tue 2026-03-10 →
    # Wed 2026-04-08 (hand count in test_remedies_after_fee_not_paid), basis the Measures.
    app = _app("2026-03-02").record(
        FeeNoticeSent(on=D("2026-03-10"), fee=fee_per_page(120), delivered_on=D("2026-03-10"))
    )
    app = Application.model_validate(
        {**dict(app), "options": DeadlineOptions(fee_window=FeeWindow.COUNTED)}
    )
    d = _deadline(app, "fee_payment")
    assert (d.days, d.due) == (20, D("2026-04-08"))
    assert basis(d) == ["fee-measures-2020"]
