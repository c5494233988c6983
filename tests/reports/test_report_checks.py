"""The 勾稽 checks: sources, carry-forward, blanks, narrative."""

from __future__ import annotations

from opengov import ApplicantType, OutcomeRow
from opengov.citations import cite
from opengov.reports import (
    BALANCE_NOTE,
    AnnualReport,
    ApplicantColumn,
    ApplicationTable,
    Cell,
    CellRef,
    CheckRule,
    ReportText,
    ReviewTable,
    check_carry_forward,
    check_report,
    check_reports,
)

NP = ApplicantType.NATURAL_PERSON


def _report(year: int, over: int, forward: int, agency: str = "某局") -> AnnualReport:
    t = ApplicationTable.from_counts(
        year,
        {
            OutcomeRow.RECEIVED: {NP: 5 + forward - over},
            OutcomeRow.CARRIED_OVER: {NP: over},
            OutcomeRow.DISCLOSED: {NP: 5},
            OutcomeRow.CARRIED_FORWARD: {NP: forward},
        },
    )
    return AnnualReport.create(
        agency=agency, year=year, applications=t, review=ReviewTable.from_counts({})
    )


def test_balance_rule_cites_the_printed_note() -> None:
    assert CheckRule.BALANCE.source == BALANCE_NOTE
    r = _report(2021, 1, 2)
    bad = r.with_cell(
        CellRef.applications(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON), Cell.number(9)
    )
    f = next(f for f in check_report(bad) if f.rule is CheckRule.BALANCE)
    assert f.basis == cite("report-format-2021")
    assert f.source.startswith("（本列数据的勾稽关系为")
    assert (f.expected, f.actual) == (5, 2)
    assert [c.value for c in f.cells] == [9, 1, 5, 2]


def test_carry_forward_between_years() -> None:
    y2020, y2021 = _report(2020, 0, 3), _report(2021, 2, 0)
    f, f_total = check_carry_forward(y2020, y2021)
    assert f_total.cells[0].ref.column == "total"
    assert (f.rule, f.severity.value, f.expected, f.actual) == (
        CheckRule.CARRY_FORWARD,
        "error",
        3,
        2,
    )
    assert f.cells[0].ref == CellRef.applications(
        OutcomeRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON
    )
    # both cells are named, each with its report year
    last_year = CellRef.applications(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON)
    assert [(c.ref, c.year, c.value) for c in f.cells] == [
        (f.cells[0].ref, 2021, 2),
        (last_year, 2020, 3),
    ]
    assert f.names(last_year, year=2020)
    assert not f.names(last_year, year=2021)
    assert check_carry_forward(y2020, _report(2021, 3, 0)) == ()
    assert [f.rule for f in check_reports([y2020, _report(2021, 3, 0)])] == []
    other = check_carry_forward(y2020, _report(2021, 2, 0, agency="乙局"))
    assert [f.severity.value for f in other] == ["warning"]


def test_blank_cells_count_as_zero_unless_asked() -> None:
    r = _report(2021, 0, 0).with_cell(
        CellRef.applications(OutcomeRow.WITHHELD_STATE_SECRET, ApplicantColumn.TOTAL),
        Cell.blank(),
    )
    assert check_report(r) == ()
    strict = check_report(r, blank_as_zero=False)
    assert [f.rule for f in strict] == [CheckRule.INCOMPLETE]


def test_negative_and_fractional_counts_are_errors() -> None:
    ref = CellRef.applications(OutcomeRow.WITHHELD_STATE_SECRET, ApplicantColumn.NATURAL_PERSON)
    from decimal import Decimal

    for bad in (Cell.number(-1), Cell.number(Decimal("0.5"))):
        r = _report(2021, 0, 0).with_cell(ref, bad)
        rules = {f.rule for f in check_report(r) if f.names(ref)}
        assert CheckRule.NON_NEGATIVE_INTEGER in rules


def test_narrative_number_is_compared_with_the_table() -> None:
    r = _report(2021, 0, 0)
    text = ReportText(overview="本年度共收到政府信息公开申请5件。")
    ok = AnnualReport.create(
        agency="某局", year=2021, applications=r.applications, review=r.review, text=text
    )
    assert check_report(ok) == ()
    text = ReportText(overview="2021年，共受理政府信息公开申请7件。")
    bad = AnnualReport.create(
        agency="某局", year=2021, applications=r.applications, review=r.review, text=text
    )
    (f,) = check_report(bad)
    assert (f.rule, f.severity.value, f.expected, f.actual) == (
        CheckRule.NARRATIVE,
        "warning",
        7,
        5,
    )


def test_unread_table_gives_one_incomplete_warning_per_table() -> None:
    r = AnnualReport.create(agency=None, year=2019)
    fs = check_report(r)
    assert [f.rule for f in fs] == [CheckRule.INCOMPLETE, CheckRule.INCOMPLETE]
    assert len(fs[0].cells) == 23 * 7
