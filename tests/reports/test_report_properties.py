"""Hypothesis properties: render/parse round trips and single-cell alterations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import ApplicantType, OutcomeRow, ReportFormat
from opengov.reports import (
    AnnualReport,
    ApplicationTable,
    Cell,
    CellKind,
    CellRef,
    ReportTable,
    ReviewKind,
    ReviewResult,
    ReviewTable,
    check_report,
    parse_report_html,
    parse_report_text,
    to_html,
    to_markdown,
    to_text,
)

counts = st.integers(min_value=0, max_value=5000)


YEARS = {
    None: st.integers(min_value=2019, max_value=2030),
    ReportFormat.F2019: st.integers(min_value=2019, max_value=2020),
    ReportFormat.F2021: st.integers(min_value=2021, max_value=2030),
}


@st.composite
def consistent_reports(draw: st.DrawFn, fmt: ReportFormat | None = None) -> AnnualReport:
    """A report from random consistent counts: 一 and 二 split into results and 四."""
    year = draw(YEARS[fmt])
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
    for back in (
        parse_report_text(to_text(report)),
        parse_report_text(to_markdown(report)),
        parse_report_html(to_html(report)),
    ):
        assert (back.agency, back.year, back.format) == (report.agency, report.year, report.format)
        assert back.applications == report.applications
        assert back.review == report.review


printed_cells = st.one_of(
    st.integers(0, 5000).map(Cell.number),
    st.just(Cell.blank()),
    st.sampled_from(["/", "—", "不适用"]).map(Cell.not_applicable),
)


@st.composite
def printed_reports(draw: st.DrawFn) -> AnnualReport:
    """A report whose tables 三 and 四 hold any mix of numbers, blanks and "/"."""
    fmt = draw(st.sampled_from(list(ReportFormat)))
    cells = tuple(tuple(draw(printed_cells) for _ in range(7)) for _ in fmt.rows)
    review = ReviewTable(cells=tuple(draw(printed_cells) for _ in range(15)))
    return AnnualReport.create(
        agency="某区民政局",
        year=draw(YEARS[fmt]),
        applications=ApplicationTable(format=fmt, cells=cells),
        review=review,
    )


@settings(max_examples=60, deadline=None)
@given(printed_reports())
def test_blank_and_not_applicable_cells_round_trip_in_every_format(report: AnnualReport) -> None:
    for render, parse in (
        (to_text, parse_report_text),
        (to_markdown, parse_report_text),
        (to_html, parse_report_html),
    ):
        back = parse(render(report))
        assert back.applications == report.applications, render.__name__
        assert back.review == report.review, render.__name__


@settings(max_examples=40, deadline=None)
@given(consistent_reports())
def test_json_round_trip(report: AnnualReport) -> None:
    assert AnnualReport.from_json(report.to_json()) == report


@pytest.mark.parametrize("table", [ReportTable.APPLICATIONS, ReportTable.REVIEW])
@pytest.mark.parametrize("fmt", list(ReportFormat))
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_any_single_altered_cell_is_named_by_an_error(
    fmt: ReportFormat, table: ReportTable, data: st.DataObject
) -> None:
    report = data.draw(consistent_reports(fmt))
    assert report.format is fmt
    refs = [ref for ref, _ in report.items() if ref.table is table]
    ref: CellRef = data.draw(st.sampled_from(refs))
    old = report.cell(ref).value
    assert isinstance(old, int)
    new = data.draw(st.integers(-5, 6000).filter(lambda n: n != old))
    altered = report.with_cell(ref, Cell.number(new))
    errors = [f for f in check_report(altered) if f.severity.value == "error"]
    assert any(f.names(ref) for f in errors), (ref, old, new)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_row_wrapped_anywhere_reads_the_same_or_stays_unread(data: st.DataObject) -> None:
    # Any table-三 row of a rendered report, broken over two lines at any position
    # (inside its labels, between cells or inside a number), parses to the same
    # numbers or leaves that row unread: never a different or shifted number.
    report = data.draw(st.one_of(consistent_reports(), printed_reports()))
    lines = to_text(report).splitlines()
    first = next(i for i, line in enumerate(lines) if "本年新收" in line)
    rows = lines[first : first + len(report.format.rows)]
    assert "结转下年度继续办理" in rows[-1]
    i = first + data.draw(st.integers(0, len(rows) - 1), label="row")
    line = lines[i]
    at = data.draw(st.integers(1, len(line.rstrip()) - 1), label="at")
    wrapped = [*lines[:i], line[:at], line[at:], *lines[i + 1 :]]
    back = parse_report_text("\n".join(wrapped))
    assert (back.agency, back.year, back.format) == (report.agency, report.year, report.format)
    assert back.review == report.review
    for n, (got, want) in enumerate(
        zip(back.applications.cells, report.applications.cells, strict=True)
    ):
        if got != want:
            assert n == i - first, (line[:at], line[at:], n)
            assert all(c.kind is CellKind.UNREAD for c in got), (line[:at], line[at:])
