"""Pins on remedy periods: the law switching dates, and the not-informed path.

Counting (Civil Code Arts. 201-203): day 1 is the day after the start; a month
period ends on the corresponding day (or the month's last); a last day that is a
rest day rolls to the next working day. Days below are from the bundled notices:
2019 春节 rest 02-04..10; 2024 元旦 rest 2023-12-30..2024-01-01, 端午 06-10;
2026 劳动节 rest 05-01..05, 国庆节 10-01..07.

The review law: 行政复议法 2017 Art. 9 for acts known before 2024-01-01, 2023 Art. 20
from that day (the 2023 revision is in force from 2024-01-01); its one-year cap for an
applicant not told of the remedy (2023 Art. 20 para. 3) only from then. The
litigation cap (行诉解释 2018 Art. 64) applies from 2018-02-08.
"""

from __future__ import annotations

from datetime import date

import pytest

from opengov.calendar import official_calendar
from opengov.deadlines import DeadlineKind, DeadlineOptions, PeriodUnit, RegionalRestDays
from opengov.errors import (
    CalendarCoverageError,
    InvalidDateError,
    InvalidInputError,
    LawNotInForceError,
)
from opengov.remedies import (
    NEWER_REGULATIONS_LEAD,
    NO_REPLY_REVIEW_START,
    REMEDY_CAP_COUNTING,
    litigation_after_review_deadline,
    litigation_deadline,
    no_reply_litigation_deadline,
    no_reply_review_deadline,
    review_deadline,
)

D = date.fromisoformat


def basis(d: object) -> list[str]:
    return [str(c) for c in d.basis]  # type: ignore[attr-defined]


def test_review_law_switches_on_2024_01_01() -> None:
    # Known Sun 2023-12-31: day 1 = 2024-01-01, day 31 = 01-31, day 60 = Thu 02-29
    old = review_deadline(D("2023-12-31"))
    assert basis(old) == ["admin-reconsideration-2017:9", "civil-code:201", "civil-code:203"]
    assert (old.nominal_due, old.due) == (D("2024-02-29"), D("2024-02-29"))
    assert (old.kind, old.unit, old.days, old.edition) == (
        DeadlineKind.ADMINISTRATIVE_REVIEW,
        PeriodUnit.DAYS,
        60,
        None,
    )
    # Known Mon 2024-01-01: day 60 = Fri 03-01
    new = review_deadline(D("2024-01-01"))
    assert basis(new)[0] == "admin-reconsideration-2023:20"
    assert new.due == D("2024-03-01")


def test_not_told_of_review_only_from_2024() -> None:
    # the statute book has no review cap before 行政复议法 2023 (Art. 20 para. 3)
    with pytest.raises(
        LawNotInForceError,
        match=r"^review\.not_informed_cap_months: the law set no value on 2023-12-31 .*"
        r"a value applies from 2024-01-01$",
    ):
        review_deadline(D("2023-12-31"), remedies_notified=False)
    # 2024-01-01 + 1 year = Wed 2025-01-01, 元旦 → Thu 2025-01-02
    d = review_deadline(D("2024-01-01"), remedies_notified=False)
    assert (d.nominal_due, d.due) == (D("2025-01-01"), D("2025-01-02"))
    assert (d.unit, d.days) == (PeriodUnit.MONTHS, 12)
    assert "admin-reconsideration-2023:20.3" in basis(d)


def test_not_told_of_litigation_one_year_from_2018_02_08() -> None:
    # the day before: 法释〔2000〕8号 Art. 41's two-year cap; 2018-02-07 + 2 years =
    # Fri 2020-02-07, a working day (2020 春节 rest ended Sun 02-02)
    old = litigation_deadline(D("2018-02-07"), remedies_notified=False)
    assert (old.nominal_due, old.due) == (D("2020-02-07"), D("2020-02-07"))
    assert basis(old)[:2] == ["admin-litigation-2017:46", "admin-litigation-interpretation-2000:41"]
    # 2018-02-08 + 1 year = Fri 2019-02-08, in 春节 (02-04..10) → Mon 02-11
    d = litigation_deadline(D("2018-02-08"), remedies_notified=False)
    assert (d.nominal_due, d.due) == (D("2019-02-08"), D("2019-02-11"))
    assert [r[1] for r in d.rolled] == ["春节", "春节", "春节"]
    assert basis(d)[:2] == ["admin-litigation-2017:46", "admin-litigation-interpretation-2018:64"]
    assert d.kind is DeadlineKind.LITIGATION
    assert d.notes[1] == REMEDY_CAP_COUNTING
    assert "no day is given on which they learnt of it" in d.notes[0]


def test_no_reply_review_switches_law_and_notes_on_2024_01_01() -> None:
    old = no_reply_review_deadline(D("2023-12-31"))
    assert basis(old)[:2] == [
        "admin-reconsideration-2017:9",
        "admin-reconsideration-regs-2007:16(1)",
    ]
    assert old.notes == (
        "no reply: counted from 2023-12-31, the day the reply period expired",
        NO_REPLY_REVIEW_START,
    )
    assert old.due == D("2024-02-29")
    new = no_reply_review_deadline(D("2024-01-01"))
    assert basis(new)[0] == "admin-reconsideration-2023:20"
    assert len(new.notes) == 4
    assert new.notes[2].startswith("open question: whether 行政复议法实施条例 (2007) Art. 16")
    assert new.notes[3] == NEWER_REGULATIONS_LEAD
    assert new.due == D("2024-03-01")


def test_no_reply_litigation_notes_review_first_from_2024() -> None:
    # 2023-12-31 + 6 months = Sun 2024-06-30 → Mon 07-01
    old = no_reply_litigation_deadline(D("2023-12-31"))
    assert (old.nominal_due, old.due) == (D("2024-06-30"), D("2024-07-01"))
    assert old.notes == ("no reply: counted from 2023-12-31, the day the reply period expired",)
    assert (old.unit, old.days) == (PeriodUnit.MONTHS, 6)
    new = no_reply_litigation_deadline(D("2024-01-01"))
    assert new.due == D("2024-07-01")
    assert len(new.notes) == 3
    assert "行政复议法 2023 Art. 23(1)(3)" in new.notes[1]
    assert new.notes[2] == NEWER_REGULATIONS_LEAD
    assert basis(new)[:2] == [
        "admin-litigation-interpretation-2018:66",
        "admin-litigation-2017:47.1",
    ]


# -- not informed: options and calendar are used on every path -----------------------------

EXTRA = RegionalRestDays(name="某节", days=(D("2026-10-08"), D("2026-05-06"), D("2026-09-01")))
OPTS = DeadlineOptions(regional_rest_days=(EXTRA,))


def calendars() -> list[dict[str, object]]:
    cal = official_calendar().with_extra_rest_days(EXTRA.days, EXTRA.name)
    return [{"options": OPTS}, {"calendar": cal}]


@pytest.mark.parametrize("how", calendars())
def test_cap_without_informed_on_uses_the_calendar_given(how: dict[str, object]) -> None:
    # known 2025-10-03 + 1 year = Sat 2026-10-03 (国庆节) → 10-08, a local rest day too → 10-09
    d = review_deadline(D("2025-10-03"), remedies_notified=False, **how)  # type: ignore[arg-type]
    assert (d.nominal_due, d.due) == (D("2026-10-03"), D("2026-10-09"))
    if "options" in how:
        assert d.options is OPTS


@pytest.mark.parametrize("how", calendars())
def test_ordinary_period_after_informed_on_uses_the_calendar_given(how: dict[str, object]) -> None:
    # informed Mon 2026-03-02: day 1 = 03-03, day 29 = 03-31, day 59 = 04-30, day 60 =
    # Fri 05-01 (劳动节 05-01..05) → Wed 05-06, a local rest day → Thu 05-07. The cap
    # (2027-01-05) is later.
    d = review_deadline(
        D("2026-01-05"),
        remedies_notified=False,
        informed_on=D("2026-03-02"),
        **how,  # type: ignore[arg-type]
    )
    assert (d.start, d.nominal_due, d.due) == (D("2026-03-02"), D("2026-05-01"), D("2026-05-07"))
    if "options" in how:
        assert d.options is OPTS


@pytest.mark.parametrize("how", calendars())
def test_cap_after_informed_on_uses_the_calendar_given(how: dict[str, object]) -> None:
    # known 2025-09-01, informed 2026-08-01: 60 days would end 09-30, after the cap
    # 2026-09-01 (Tue), a local rest day here → Wed 09-02
    d = review_deadline(
        D("2025-09-01"),
        remedies_notified=False,
        informed_on=D("2026-08-01"),
        **how,  # type: ignore[arg-type]
    )
    assert (d.start, d.nominal_due, d.due) == (D("2025-09-01"), D("2026-09-01"), D("2026-09-02"))
    assert "would end 2026-09-30 (before any roll-forward)" in d.notes[0]
    if "options" in how:
        assert d.options is OPTS


def test_ordinary_period_ending_on_the_cap_day_is_the_ordinary_one() -> None:
    # informed Fri 2026-07-03: day 28 = 07-31, day 59 = 08-31, day 60 = Tue 09-01, the
    # cap's own last day (known 2025-09-01): the ordinary period, counted from 07-03
    d = review_deadline(D("2025-09-01"), remedies_notified=False, informed_on=D("2026-07-03"))
    assert (d.start, d.due) == (D("2026-07-03"), D("2026-09-01"))
    assert d.notes == (
        "the reply did not tell the applicant of the remedy (60 days): 60 days counted from "
        "2026-07-03, the day they learnt of it; within the one-year cap from 2025-09-01, whose "
        "last day is 2026-09-01 before any roll-forward",
        REMEDY_CAP_COUNTING,
    )
    # a day later and the cap applies, from the day they knew the reply
    d = review_deadline(D("2025-09-01"), remedies_notified=False, informed_on=D("2026-07-04"))
    assert (d.start, d.due) == (D("2025-09-01"), D("2026-09-01"))


def test_litigation_not_informed_with_informed_on() -> None:
    # known 2025-09-01, informed 2026-01-05: 6 months → Sun 2026-07-05, within the cap
    # (2026-09-01) → Mon 07-06
    d = litigation_deadline(D("2025-09-01"), remedies_notified=False, informed_on=D("2026-01-05"))
    assert (d.start, d.nominal_due, d.due) == (D("2026-01-05"), D("2026-07-05"), D("2026-07-06"))
    assert (d.unit, d.days) == (PeriodUnit.MONTHS, 6)
    assert "(6 months): 6 months counted from 2026-01-05" in d.notes[0]


def test_informed_on_checks() -> None:
    with pytest.raises(InvalidInputError, match="informed_on 2025-08-31 is before known_on"):
        review_deadline(D("2025-09-01"), remedies_notified=False, informed_on=D("2025-08-31"))
    # the same day is fine: 60 days from 2025-09-01 = Fri 10-31
    same = review_deadline(D("2025-09-01"), remedies_notified=False, informed_on=D("2025-09-01"))
    assert same.due == D("2025-10-31")
    with pytest.raises(InvalidInputError, match="pass remedies_notified=False with it"):
        review_deadline(D("2025-09-01"), informed_on=D("2025-09-02"))
    with pytest.raises(InvalidInputError, match="remedies_notified must be True or False, got str"):
        litigation_deadline(D("2025-09-01"), remedies_notified="no")  # type: ignore[arg-type]


def test_litigation_after_review_uses_the_calendar_given() -> None:
    # 15 days after Mon 2026-09-14 = Tue 09-29; a local rest day → Wed 09-30
    cal = official_calendar().with_extra_rest_days([D("2026-09-29")], "某节")
    d = litigation_after_review_deadline(D("2026-09-14"), calendar=cal)
    assert (d.nominal_due, d.due) == (D("2026-09-29"), D("2026-09-30"))
    assert (d.kind, d.unit, d.days) == (DeadlineKind.LITIGATION_AFTER_REVIEW, PeriodUnit.DAYS, 15)
    assert basis(d) == ["admin-litigation-2017:45", "civil-code:201", "civil-code:203"]
    assert [n.year for n in d.notices] == [2026]


@pytest.mark.parametrize("how", calendars())
def test_every_remedy_uses_the_options_and_calendar_given(how: dict[str, object]) -> None:
    # local rest days 05-06, 09-01, 10-08 (2026)
    # review: 60 days after Mon 2026-03-02 = Fri 05-01 (劳动节) → 05-06 (local) → Thu 05-07
    d = review_deadline(D("2026-03-02"), **how)  # type: ignore[arg-type]
    assert (d.kind, d.due) == (DeadlineKind.ADMINISTRATIVE_REVIEW, D("2026-05-07"))
    # litigation: 6 months after 2026-03-01 = Tue 09-01 (local) → Wed 09-02
    d = litigation_deadline(D("2026-03-01"), **how)  # type: ignore[arg-type]
    assert (d.kind, d.due) == (DeadlineKind.LITIGATION, D("2026-09-02"))
    # after review: 15 days after Thu 2026-09-17 = Fri 10-02 (国庆节) → 10-08 (local) → 10-09
    d = litigation_after_review_deadline(D("2026-09-17"), **how)  # type: ignore[arg-type]
    assert d.due == D("2026-10-09")
    # no reply: 6 months after 2026-03-01 → 09-02 as above; 60 days after 03-02 → 05-07
    assert no_reply_litigation_deadline(D("2026-03-01"), **how).due == D("2026-09-02")  # type: ignore[arg-type]
    assert no_reply_review_deadline(D("2026-03-02"), **how).due == D("2026-05-07")  # type: ignore[arg-type]
    # litigation not told, cap from 2025-09-01: Tue 2026-09-01 (local) → 09-02
    d = litigation_deadline(D("2025-09-01"), remedies_notified=False, **how)  # type: ignore[arg-type]
    assert (d.kind, d.due) == (DeadlineKind.LITIGATION, D("2026-09-02"))
    # … and with informed_on 2026-04-01: 6 months = Thu 10-01 (国庆节) is after the cap
    d = litigation_deadline(
        D("2025-09-01"),
        remedies_notified=False,
        informed_on=D("2026-04-01"),
        **how,  # type: ignore[arg-type]
    )
    assert (d.kind, d.start, d.due) == (DeadlineKind.LITIGATION, D("2025-09-01"), D("2026-09-02"))


def test_cap_kind_and_the_end_of_the_date_range() -> None:
    d = review_deadline(D("2025-09-01"), remedies_notified=False, informed_on=D("2026-08-01"))
    assert d.kind is DeadlineKind.ADMINISTRATIVE_REVIEW
    with pytest.raises(
        CalendarCoverageError,
        match=r"^a one-year period from 9998-01-01 ends after 9997; no working-day calendar "
        r"covers it$",
    ):
        review_deadline(D("9998-01-01"), remedies_notified=False, informed_on=D("9998-01-02"))


def test_remedy_errors_name_the_argument() -> None:
    with pytest.raises(InvalidDateError, match=r"^known_on must be a datetime\.date"):
        review_deadline("2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^known_on must be a datetime\.date"):
        litigation_deadline("2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^informed_on must be a datetime\.date"):
        review_deadline(D("2026-03-02"), remedies_notified=False, informed_on="2026-03-03")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^decision_received_on must be a datetime\.date"):
        litigation_after_review_deadline("2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^reply_due must be a datetime\.date"):
        no_reply_litigation_deadline("2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match=r"^reply_due must be a datetime\.date"):
        no_reply_review_deadline("2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidInputError,
        match=r"^informed_on is the day an applicant not told of the remedy learnt of it; "
        r"pass remedies_notified=False with it, or leave it out$",
    ):
        litigation_deadline(D("2025-09-01"), informed_on=D("2025-09-02"))
    with pytest.raises(
        InvalidInputError, match=r"^remedies_notified must be True or False, got int$"
    ):
        review_deadline(D("2025-09-01"), remedies_notified=1)  # type: ignore[arg-type]


def test_a_remedy_period_is_a_plain_calendar_period() -> None:
    from opengov.deadlines import Deadline

    # 60 days after Sun 2026-08-02: day 60 = Thu 10-01 (国庆节) → Thu 10-08
    d = review_deadline(D("2026-08-02"))
    assert d.model_fields_set == set(Deadline.model_fields)
    assert (d.extension_days, d.original_due, d.excluded, d.runs) == (0, None, (), ())
    assert [r[0] for r in d.rolled] == [D(f"2026-10-0{i}") for i in range(1, 8)]
    assert d.rolled[0][1:] == ("国庆节", "National Day")
    with pytest.raises(
        CalendarCoverageError,
        match=r"^a period starting 9999-01-01 ends after 9999-12-31; no working-day calendar "
        r"covers it$",
    ):
        review_deadline(D("9999-01-01"))
