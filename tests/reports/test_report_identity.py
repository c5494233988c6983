"""Which file a report and a finding come from; duplicates; reports without an agency."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import ApplicantType, OutcomeRow
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    ApplicationTable,
    Cell,
    CellRef,
    CheckRule,
    Finding,
    ReviewTable,
    Severity,
    check_carry_forward,
    check_report,
    check_reports,
)

NP = ApplicantType.NATURAL_PERSON


def _report(
    year: int, over: int, forward: int, agency: str | None = "某局", source: str | None = None
) -> AnnualReport:
    """A consistent report: 5 disclosed, ``over`` carried over, ``forward`` carried forward."""
    t = ApplicationTable.from_counts(
        year,
        {
            OutcomeRow.RECEIVED: {NP: 5 + forward - over},
            OutcomeRow.CARRIED_OVER: {NP: over},
            OutcomeRow.DISCLOSED: {NP: 5},
            OutcomeRow.CARRIED_FORWARD: {NP: forward},
        },
    )
    r = AnnualReport.create(
        agency=agency, year=year, applications=t, review=ReviewTable.from_counts({})
    )
    return _at(r, source)


def _at(report: AnnualReport, source: str | None) -> AnnualReport:
    return AnnualReport.model_validate({**dict(report), "source": source})


def _rules(findings: tuple[Finding, ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule.value, f.severity.value, f.sources) for f in findings]


def test_a_report_keeps_its_source_through_json() -> None:
    r = _report(2021, 0, 0, source="平潭/财政金融局2021.html")
    assert AnnualReport.from_json(r.to_json()).source == "平潭/财政金融局2021.html"
    assert _report(2021, 0, 0).source is None


def test_single_report_findings_name_its_file() -> None:
    bad = _report(2021, 0, 0, source="a.txt").with_cell(
        CellRef.applications(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON), Cell.number(9)
    )
    # a report with one cell corrected still comes from its file
    findings = check_report(bad)
    # 一 9 + 二 0 - （七） 5 = 4, but 四 is 0; the 总计 column (5) is not 9 either.
    assert {f.rule for f in findings} == {CheckRule.BALANCE, CheckRule.COLUMN_TOTAL}
    assert all(f.sources == ("a.txt",) for f in findings)
    assert all(f.sources == () for f in check_report(_at(bad, None)))


def test_carry_forward_findings_name_both_files_this_years_first() -> None:
    y2020 = _report(2020, 0, 3, source="2020.html")
    y2021 = _report(2021, 2, 0, source="2021.html")
    # 2021 二 is 2 (natural persons and total), 2020 四 is 3: two errors.
    findings = check_carry_forward(y2020, y2021)
    assert [(f.cells[0].ref.column, f.expected, f.actual) for f in findings] == [
        ("natural_person", 3, 2),
        ("total", 3, 2),
    ]
    assert all(f.sources == ("2021.html", "2020.html") for f in findings)


def test_reports_without_an_agency_are_never_compared() -> None:
    a, b = _report(2020, 0, 3, agency=None), _report(2021, 2, 0, agency=None)
    # before: two agency-less reports of consecutive years were compared, and the
    # mismatch between two unrelated reports was reported as an error
    assert check_reports([a, b]) == ()
    same_year = [_report(2021, 0, 0, agency=None), _report(2021, 2, 1, agency=None)]
    assert check_reports(same_year) == ()
    (warning,) = check_carry_forward(a, b)
    assert warning.severity is Severity.WARNING
    assert "agency of a report is not known" in warning.message


def test_agency_names_compare_without_spaces_and_full_width_forms() -> None:
    y2020 = _report(2020, 0, 3, agency="平潭综合实验区 君山片区管理局")
    y2021 = _report(2021, 2, 0, agency="平潭综合实验区君山片区管理局")
    assert [f.expected for f in check_carry_forward(y2020, y2021)] == [3, 3]


def test_the_same_report_read_twice_is_a_duplicate_warning() -> None:
    html = _report(2021, 2, 0, source="x/page.html")
    txt = _at(html, "x/page.txt")
    prior = _report(2020, 0, 3, source="x/2020.html")
    findings = check_reports([txt, prior, html])
    (dup,) = [f for f in findings if f.rule is CheckRule.DUPLICATE]
    assert (dup.severity, dup.sources, dup.year) == (
        Severity.WARNING,
        ("x/page.html", "x/page.txt"),
        2021,
    )
    assert "identical" in dup.message
    # identical copies are compared with last year once, not once per copy
    carry = [f for f in findings if f.rule is CheckRule.CARRY_FORWARD]
    assert [f.sources for f in carry] == [("x/page.html", "x/2020.html")] * 2


def test_two_different_reports_for_one_year_are_an_error_and_both_are_checked() -> None:
    first = _report(2021, 3, 0, source="a/2021.html")  # 二 is 3: agrees with 2020
    second = _report(2021, 2, 0, source="b/2021.html")  # 二 is 2: does not
    prior = _report(2020, 0, 3, source="a/2020.html")
    findings = check_reports([second, prior, first])
    assert _rules(findings) == [
        ("duplicate", "error", ("a/2021.html", "b/2021.html")),
        ("carry_forward", "error", ("b/2021.html", "a/2020.html")),
        ("carry_forward", "error", ("b/2021.html", "a/2020.html")),
    ]
    assert "differ" in findings[0].message


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(7)))
def test_check_reports_does_not_depend_on_input_order(order: list[int]) -> None:
    reports = [
        _report(2020, 0, 3, source="a/2020.html"),
        _report(2021, 2, 0, source="a/2021.html"),
        _report(2021, 2, 0, source="a/2021.txt"),  # the same report again
        _report(2021, 3, 1, source="b/2021.html"),  # a different one
        _report(2021, 1, 0, agency=None, source="c.html"),
        _report(2022, 0, 0, agency=None),
        _report(2022, 1, 0, agency="乙局"),
    ]
    expected = check_reports(reports)
    assert check_reports([reports[i] for i in order]) == expected
    assert [f.rule for f in expected].count(CheckRule.DUPLICATE) == 2


def test_frames_keep_the_files() -> None:
    pytest.importorskip("pandas")
    from opengov.reports import findings_to_frame, to_frame

    y2020 = _report(2020, 0, 3, source="2020.html")
    y2021 = _report(2021, 2, 0, source="2021.html")
    cells = to_frame([y2020, y2021])
    assert sorted(cells["source"].unique()) == ["2020.html", "2021.html"]
    findings = findings_to_frame(check_reports([y2021, y2020]))
    assert list(findings["sources"]) == [("2021.html", "2020.html")] * 2
    # one row per file a finding is about, to join with the cells
    joined = findings.explode("sources").merge(
        cells[["source", "agency"]].drop_duplicates(), left_on="sources", right_on="source"
    )
    assert sorted(joined["source"]) == ["2020.html", "2020.html", "2021.html", "2021.html"]


def test_a_reading_in_part_of_the_same_report_is_a_duplicate_warning() -> None:
    whole = _report(2021, 2, 0, source="2021/page.html")
    ref = CellRef.applications(OutcomeRow.CARRIED_OVER, ApplicantColumn.TOTAL)
    # the same report, its text read with the 二 总计 cell unread
    part = _at(whole.with_cell(ref, Cell.unread("2 2")), "2021/page.txt")
    prior = _report(2020, 0, 3, source="2020/page.html")
    findings = check_reports([part, prior, whole])
    dup = next(f for f in findings if f.rule is CheckRule.DUPLICATE)
    assert dup.severity is Severity.WARNING
    assert dup.message.endswith(
        "their tables agree wherever both were read (the same report, read in part from "
        "one of them)"
    )
    # the carry-forward is checked once, on the reading with more cells read
    carry = [f for f in findings if f.rule is CheckRule.CARRY_FORWARD]
    assert [(f.cells[0].ref.column, f.sources) for f in carry] == [
        ("natural_person", ("2021/page.html", "2020/page.html")),
        ("total", ("2021/page.html", "2020/page.html")),
    ]
