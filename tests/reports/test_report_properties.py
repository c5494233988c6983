"""Hypothesis properties: render/parse round trips and single-cell alterations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import ApplicantType, OutcomeRow, ReportFormat
from opengov.reports import (
    AnnualReport,
    ApplicationTable,
    Cell,
    CellRef,
    ReportTable,
    ReviewKind,
    ReviewResult,
    ReviewTable,
    check_report,
    parse_report_html,
    parse_report_text,
    to_html,
    to_text,
)

counts = st.integers(min_value=0, max_value=5000)


@st.composite
def consistent_reports(draw: st.DrawFn) -> AnnualReport:
    """A report from random consistent counts: 一 and 二 split into results and 四."""
    year = draw(st.integers(min_value=2019, max_value=2030))
    fmt = ReportFormat.for_year(year)
    table: dict[OutcomeRow, dict[ApplicantType, int]] = {}
    for t in ApplicantType:
        results = {row: draw(st.integers(0, 300)) for row in fmt.counted_rows}
        forward = draw(st.integers(0, 50))
        handled = sum(results.values()) + forward
        over = draw(st.integers(0, handled))
        for row, n in results.items():
            table.setdefault(row, {})[t] = n
        table.setdefault(OutcomeRow.CARRIED_FORWARD, {})[t] = forward
        table.setdefault(OutcomeRow.CARRIED_OVER, {})[t] = over
        table.setdefault(OutcomeRow.RECEIVED, {})[t] = handled - over
    review = ReviewTable.from_counts(
        {
            k: {r: draw(counts) for r in ReviewResult if r is not ReviewResult.TOTAL}
            for k in ReviewKind
        }
    )
    agency = draw(st.sampled_from(["某市人民政府办公室", "某区民政局", "某县自然资源局"]))
    return AnnualReport.create(
        agency=agency,
        year=year,
        applications=ApplicationTable.from_counts(fmt, table),
        review=review,
    )


@settings(max_examples=40, deadline=None)
@given(consistent_reports())
def test_consistent_reports_have_no_error_findings(report: AnnualReport) -> None:
    assert [f for f in check_report(report) if f.severity.value == "error"] == []


@settings(max_examples=40, deadline=None)
@given(consistent_reports())
def test_text_and_html_round_trip_to_the_same_numbers(report: AnnualReport) -> None:
    for back in (parse_report_text(to_text(report)), parse_report_html(to_html(report))):
        assert (back.agency, back.year, back.format) == (report.agency, report.year, report.format)
        assert back.applications == report.applications
        assert back.review == report.review


@settings(max_examples=40, deadline=None)
@given(consistent_reports())
def test_json_round_trip(report: AnnualReport) -> None:
    assert AnnualReport.from_json(report.to_json()) == report


@settings(max_examples=200, deadline=None)
@given(consistent_reports(), st.data())
def test_any_single_altered_cell_is_named_by_an_error(
    report: AnnualReport, data: st.DataObject
) -> None:
    refs = [ref for ref, _ in report.items() if ref.table is not ReportTable.DISCLOSURE]
    ref: CellRef = data.draw(st.sampled_from(refs))
    old = report.cell(ref).value
    assert isinstance(old, int)
    new = data.draw(st.integers(-5, 6000).filter(lambda n: n != old))
    altered = report.with_cell(ref, Cell.number(new))
    errors = [f for f in check_report(altered) if f.severity.value == "error"]
    assert any(f.names(ref) for f in errors), (ref, old, new)
