"""Rendering, aggregation, comparison and DataFrames."""

from __future__ import annotations

from pathlib import Path

import pytest

from opengov import InvalidInputError, OutcomeRow
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    CellKind,
    aggregate_reports,
    check_report,
    compare_reports,
    findings_to_frame,
    parse_report,
    to_frame,
    to_html,
    to_markdown,
)

DATA = Path(__file__).parent.parent / "data" / "reports"
SEED = Path(__file__).parent.parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"


@pytest.fixture(scope="module")
def reports() -> list[AnnualReport]:
    return [
        parse_report(SEED),
        parse_report(DATA / "f2019-errors.html"),
        parse_report(DATA / "f2021-errors.txt"),
    ]


def test_html_has_official_rowspans(reports: list[AnnualReport]) -> None:
    html = to_html(reports[2])
    assert '<td rowspan="22">三、本年度办理结果</td>' in html
    assert '<td rowspan="3">（六）其他处理</td>' in html
    assert '<td rowspan="20">三、本年度办理结果</td>' in to_html(reports[0])
    # a notebook shows the same tables, styled (tests/reports/test_report_notebook.py)
    assert '<td rowspan="20">三、本年度办理结果</td>' in reports[0]._repr_html_()


def test_markdown_has_every_row(reports: list[AnnualReport]) -> None:
    md = to_markdown(reports[2])
    for row in reports[2].format.rows:
        assert row.printed_zh in md
    assert "| 行政复议 | 3 | 1 | 0 | 1 | 2 |" not in md  # table 四 transposed: 5 cells a row
    assert "| 行政复议 | 1 | 1 | 0 | 1 | 2 |" in md


def test_aggregate_sums_cell_by_cell(reports: list[AnnualReport]) -> None:
    seed, html19, _ = reports
    s = aggregate_reports([seed, html19], agency="合计")
    assert s.applications.value(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL) == 10
    # "/" next to a number is skipped; unread anywhere would stay unread
    cell = s.applications.cell(
        OutcomeRow.WITHHELD_STATE_SECRET, ApplicantColumn.LEGAL_SERVICE_INSTITUTION
    )
    assert (cell.kind, cell.value) == (CellKind.NUMBER, 0)
    with pytest.raises(InvalidInputError, match="different formats"):
        aggregate_reports(reports, agency="x")


def test_compare_two_years(reports: list[AnnualReport]) -> None:
    changes = compare_reports(reports[1], reports[2])
    by_ref = {str(c.ref): c for c in changes}
    assert by_ref["applications[received, total]"].change == 14
    assert "applications[other, total]" not in by_ref  # 2019-only row
    assert "applications[other_misc, total]" not in by_ref  # 2021-only row


def test_tidy_frame(reports: list[AnnualReport]) -> None:
    df = to_frame(reports)
    assert list(df.columns[:10]) == [
        "source",
        "agency",
        "year",
        "format",
        "legacy",
        "table",
        "group",
        "row",
        "column",
        "value",
    ]
    assert len(df) == 198 + 198 + 200
    sel = df[(df.table == "applications") & (df.row == "received") & (df.column == "total")]
    assert sel.value.tolist() == [0, 10, 24]
    ff = findings_to_frame(check_report(reports[2]))
    assert ff.rule.tolist() == ["column_total", "balance", "review_total", "narrative"]
