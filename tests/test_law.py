"""The statute book (opengov.law): one walk over every parameter, and no fact twice.

The walk checks what the issue asks of every dated value: values ascend by date,
every non-empty value has a basis, every entry names its source and evidence. The
grep checks that the in-force days the book holds are not written again as date
literals in the code (they were in citations.py, remedies.py and applications.py).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from opengov import law
from opengov.calendar import official_calendar
from opengov.citations import Instrument
from opengov.errors import InvalidInputError, LawNotInForceError, UnknownCodeError
from opengov.remedies import litigation_deadline

ROOT = Path(__file__).parent.parent


def test_every_parameter_ascends_and_every_value_has_a_basis() -> None:
    names = [p.name for p in law.STATUTE_BOOK]
    assert len(names) == len(set(names))
    for p in law.STATUTE_BOOK:
        days = p.change_days()
        assert list(days) == sorted(set(days)), p.name
        for v in p.values:
            assert v.source, (p.name, v.since)
            if v.value is not None:
                assert v.basis, (p.name, v.since)
            else:
                assert v.note, (p.name, v.since)
            # the typed reader agrees with the entry on its own first day
            assert p.at(v.since) == v
        # the day before the first value is refused, with the parameter's name
        with pytest.raises(LawNotInForceError, match=re.escape(p.name)):
            p.at(p.first - timedelta(days=1))


def test_a_value_holds_until_the_next_one() -> None:
    p = law.parameter("ogi.reply_days")
    assert p.int_at(date(2019, 5, 14)) == 15  # 2007 Art. 24 para. 2
    assert p.int_at(date(2019, 5, 15)) == 20  # 2019 Art. 33 para. 2, in force 2019-05-15
    assert p.int_at(date(2099, 1, 1)) == 20


def test_an_empty_value_is_refused_by_the_typed_reader_with_its_note() -> None:
    # the 2007 Regulation set no 补正 notice period; the 2019 one sets 7 working days
    p = law.parameter("ogi.correction_notice_days")
    assert p.at(date(2010, 1, 4)).value is None
    with pytest.raises(LawNotInForceError, match="2007 Regulation set no such period"):
        p.int_at(date(2010, 1, 4))
    assert p.int_at(date(2019, 5, 15)) == 7


def test_unknown_parameter_lists_the_known_ones() -> None:
    with pytest.raises(UnknownCodeError, match=re.escape("ogi.reply_days")):
        law.parameter("ogi.reply_dayz")


def test_instrument_in_force_days_come_from_the_book() -> None:
    assert law.in_force(Instrument.ADMIN_RECONSIDERATION_2023) == date(2024, 1, 1)  # Art. 90
    assert law.in_force(Instrument.ADMIN_LITIGATION_INTERPRETATION_2018) == date(2018, 2, 8)
    assert law.in_force(Instrument.OGI_2019) == date(2019, 5, 15)  # 2019 Art. 56
    assert law.in_force("ogi-2007") == date(2008, 5, 1)  # 2007 Art. 38, by its code
    assert law.in_force(Instrument.REPORT_FORMAT_2021) is None  # cited, not dated
    # the book is the one home of these days: the instrument itself holds none
    assert not hasattr(Instrument.OGI_2019, "effective")
    # 法释〔2015〕9号 took effect with the amended Law (SPC announcement, secondary copies)
    assert law.in_force(Instrument.ADMIN_LITIGATION_INTERPRETATION_2015) == date(2015, 5, 1)
    assert Instrument.ADMIN_LITIGATION_INTERPRETATION_2015.document_no == "法释〔2015〕9号"
    # 法释〔2000〕8号: the number is verified (法释〔2018〕1号 Art. 163 para. 2 repeals it by it)
    assert Instrument.ADMIN_LITIGATION_INTERPRETATION_2000.document_no == "法释〔2000〕8号"
    # 109号's 2021-01-01 rests on the 黑龙江省财政厅 notice of 2021-01-06 (not the Measures'
    # own article): partly verified, upgraded from recalled
    fee = law.parameter("in_force.fee-measures-2020").values[0]
    assert fee.evidence is law.Evidence.PARTLY_VERIFIED
    assert "黑龙江省财政厅" in fee.source
    # the recalled ones say so
    hours = law.parameter("in_force.working-hours-1995").values[0]
    assert hours.evidence is law.Evidence.RECALLED


def test_in_force_refuses_an_unknown_instrument_code() -> None:
    with pytest.raises(UnknownCodeError, match="unknown Instrument code 'ogi-2020'"):
        law.in_force("ogi-2020")


# The days the issue found written in several places. Each lives in law.py only.
_BOOK_DAYS = {
    date(2008, 5, 1): "2007 Regulation in force",
    date(2019, 5, 15): "2019 Regulation in force",
    date(2015, 5, 1): "行政诉讼法 2014 amendment in force",
    date(2018, 2, 8): "行诉解释 2018 in force",
    date(2024, 1, 1): "行政复议法 2023 in force",
    date(2021, 1, 1): "信息处理费 Measures in force",
}


def _code_lines(text: str) -> list[str]:
    # doctest examples and their output are documentation, not facts the code reads
    return [ln for ln in text.splitlines() if not ln.lstrip().startswith((">>>", "..."))]


def test_no_book_fact_is_written_twice_in_the_code() -> None:
    src = ROOT / "src" / "opengov"
    offenders: list[str] = []
    for path in sorted(src.rglob("*.py")):
        if path.name == "law.py":
            continue
        lines = _code_lines(path.read_text(encoding="utf-8"))
        for day, what in _BOOK_DAYS.items():
            literal = re.compile(rf"date\(\s*{day.year}\s*,\s*{day.month}\s*,\s*{day.day}\s*\)")
            offenders += [f"{path.name}: {what}" for ln in lines if literal.search(ln)]
    assert offenders == []


def test_the_book_holds_each_of_those_days() -> None:
    days = {v.since for p in law.STATUTE_BOOK for v in p.values}
    assert set(_BOOK_DAYS) <= days


# the last official day is 2026-12-28: six months from 2026-06-27 stays inside it
_DAYS = st.dates(min_value=date(2008, 5, 1), max_value=date(2026, 6, 27))


@given(st.sampled_from(law.STATUTE_BOOK), st.dates(min_value=date(1990, 1, 1)))
def test_at_is_the_last_value_on_or_before_the_day(p: law.Parameter, day: date) -> None:
    earlier = [v for v in p.values if v.since <= day]
    if not earlier:
        with pytest.raises(LawNotInForceError):
            p.at(day)
    else:
        assert p.at(day) == earlier[-1]


@given(_DAYS)
def test_litigation_period_is_the_books_value_on_the_day(day: date) -> None:
    # the nominal last day is the corresponding day of the book's months (Civil Code
    # Art. 202, via relativedelta); rolling only moves it later, onto a working day
    months = law.parameter("litigation.period_months").int_at(day)
    assert months == (3 if day < date(2015, 5, 1) else 6)
    # 法释〔2015〕9号 Art. 26 para. 1: a 3-month period still running on 2015-05-01 becomes
    # 6 months. By hand: known 2015-01-31 → 04-30 (Thu, a working day: expired); known
    # 2015-02-01 → 05-01 (劳动节 → 05-04: running); so from 2015-02-01 on, 6 months.
    if date(2015, 2, 1) <= day:
        months = 6
    d = litigation_deadline(day)
    assert d.days == months
    assert d.nominal_due == day + relativedelta(months=months)
    assert d.due >= d.nominal_due
    assert official_calendar().is_working_day(d.due)


@given(_DAYS, _DAYS)
def test_litigation_due_never_moves_earlier_for_a_later_day(a: date, b: date) -> None:
    first, second = sorted((a, b))
    assert litigation_deadline(first).due <= litigation_deadline(second).due


def test_a_reader_for_another_unit_is_refused_by_name() -> None:
    # fee bands are (count, yuan) pairs (109号 Art. 4), not a number; a period in months
    # is not a yes/no rule: each reader names the parameter, its unit and what to use
    day = date(2022, 1, 1)
    with pytest.raises(InvalidInputError, match=r"^fees\.per_item_bands is a yuan_bands "):
        law.parameter("fees.per_item_bands").int_at(day)
    with pytest.raises(
        InvalidInputError, match=r"^litigation\.period_months is a months .*flag_at"
    ):
        law.parameter("litigation.period_months").flag_at(day)
    with pytest.raises(InvalidInputError, match=r"code_at does not read"):
        law.parameter("ogi.reply_days").code_at(day)
    with pytest.raises(InvalidInputError, match=r"bands_at does not read"):
        law.parameter("ogi.reply_days").bands_at(day)
