"""Which civil-law rule counts a period: the one in force on the day the period starts.

Sources (the statute book, ``periods.*``):
- 民法通则 Art. 154 (in force 1987-01-01 to 2020-12-31): para. 1 Gregorian years, months
  and days; para. 2 规定按照日、月、年计算期间的，开始的当天不算入，从下一天开始计算;
  para. 3 期间的最后一天是星期日或者其他法定休假日的，以休假日的次日为期间的最后一天.
  Secondary copies: ffmin.cn (chapter 9 of the Law), a Civil Code commentary on
  m.zhangyue.com quoting Art. 154 in full.
- 民法总则 Arts. 201-203 (in force 2017-10-01, Art. 206; copy at ccpit-patent.com.cn).
- 民法典 Arts. 201-203 (in force 2021-01-01, Art. 1260).
The arithmetic is the same in the three; 民法通则 has no corresponding-day rule for
months, and opengov applies the later Art. 202 (an interpretation, docs/interpretations.md).

Days off used below (bundled State Council notices): 2016 劳动节 rest Sat 04-30 to Mon 05-02.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import law
from opengov.calendar import official_calendar
from opengov.calendar._core import period_basis
from opengov.deadlines import StepKind, reply_deadline
from opengov.remedies import litigation_after_review_deadline, litigation_deadline, review_deadline

D = date.fromisoformat


def basis(d: object) -> list[str]:
    return [str(c) for c in d.basis]  # type: ignore[attr-defined]


def test_review_period_known_in_2016_cites_the_general_principles() -> None:
    # 60 days from Tue 2016-03-01: day 1 = 03-02; March gives 30 days (03-02..03-31),
    # April 30 more: day 60 = Sat 2016-04-30, in the 劳动节 rest (04-30..05-02) → Tue 05-03
    d = review_deadline(D("2016-03-01"))
    assert (d.nominal_due, d.due) == (D("2016-04-30"), D("2016-05-03"))
    assert basis(d)[1:] == ["civil-principles-1986:154.2", "civil-principles-1986:154.3"]
    steps = d.explain().steps
    assert "《中华人民共和国民法通则》第一百五十四条第二款" in steps[0].text_zh
    (roll,) = [s for s in steps if s.kind is StepKind.ROLL_FORWARD]
    assert "General Principles of the Civil Law (1986) art. 154 para. 3" in roll.text_en


def test_month_period_started_before_2017_10_01_ends_on_the_month_end() -> None:
    # 6 months from Thu 2017-08-31: February 2018 has no 31st → its last day, Wed 02-28,
    # a working day (春节 2018 rest was 02-15..21). The 民法通则 has no corresponding-day
    # rule: opengov applies the later Art. 202 reading (interpretations.md)
    d = litigation_deadline(D("2017-08-31"))
    assert (d.nominal_due, d.due) == (D("2018-02-28"), D("2018-02-28"))
    assert basis(d)[1:] == [
        "civil-principles-1986:154.2",
        "civil-principles-1986:154.1",
        "civil-principles-1986:154.3",
    ]


def test_month_period_from_2017_10_01_cites_the_general_rules() -> None:
    # 6 months from Wed 2018-01-31: the corresponding day Tue 2018-07-31 (a working day)
    d = litigation_deadline(D("2018-01-31"))
    assert d.due == D("2018-07-31")
    assert basis(d)[1:] == [
        "civil-general-rules-2017:201",
        "civil-general-rules-2017:202",
        "civil-general-rules-2017:203",
    ]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("2017-09-30", "civil-principles-1986:154.2"),
        ("2017-10-01", "civil-general-rules-2017:201"),  # 民法总则 Art. 206
        ("2020-12-31", "civil-general-rules-2017:201"),
        ("2021-01-01", "civil-code:201"),  # 民法典 Art. 1260
    ],
)
def test_the_rule_switches_on_the_in_force_days(start: str, expected: str) -> None:
    assert period_basis(D(start), months=False)[0] == expected
    # 15 days after the review decision (行政诉讼法 Art. 45) follows the same rule
    assert basis(litigation_after_review_deadline(D(start)))[1] == expected


def test_reply_deadline_cites_the_rule_on_the_receipt_day() -> None:
    # 2007 Regulation Art. 24: 15 working days; the start day rule of 民法通则 Art. 154
    old = reply_deadline(D("2010-03-01"))
    assert basis(old) == ["ogi-2007:24.2", "civil-principles-1986:154.2"]
    assert basis(reply_deadline(D("2026-03-02"))) == ["ogi-2019:33.2", "civil-code:201"]


def test_the_calendar_period_end_carries_the_same_basis() -> None:
    end = official_calendar().add_period(D("2016-03-01"), days=60)
    assert end.basis == ("civil-principles-1986:154.2", "civil-principles-1986:154.3")


def test_the_book_dates_the_three_regimes_with_evidence() -> None:
    p = law.parameter("periods.last_day_rolls_forward")
    assert p.change_days() == (D("1987-01-01"), D("2017-10-01"), D("2021-01-01"))
    assert [v.evidence for v in p.values] == [
        law.Evidence.PARTLY_VERIFIED,
        law.Evidence.PARTLY_VERIFIED,
        law.Evidence.VERIFIED,
    ]
    months = law.parameter("periods.month_corresponding_day").values[0]
    assert "no corresponding-day" in months.note


def _regime(day: date) -> str:
    # worked out from the in-force days: 民法总则 Art. 206, 民法典 Art. 1260
    if day < date(2017, 10, 1):
        return "civil-principles-1986"
    if day < date(2021, 1, 1):
        return "civil-general-rules-2017"
    return "civil-code"


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2008, 5, 1), max_value=date(2026, 6, 27)))
def test_every_period_cites_one_regime_the_one_of_its_start_day(day: date) -> None:
    for d in (review_deadline(day), litigation_deadline(day), reply_deadline(day)):
        civil = {c.instrument.value for c in d.basis if c.instrument.value.startswith("civil")}
        assert civil == {_regime(day)}
