"""What a notebook shows of a report: a short repr and a styled HTML table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from opengov.errors import InvalidInputError
from opengov.reports import (
    AnnualReport,
    CellRef,
    ReviewKind,
    ReviewResult,
    check_report,
    parse_report,
    read_reports,
    to_html,
)
from opengov.reports.render import to_styled_html

CORPUS = Path(__file__).parent.parent / "data" / "reports" / "corpus"


def _read(path: Path) -> AnnualReport:
    (result,) = read_reports(str(path))
    assert isinstance(result.report, AnnualReport)
    return result.report


def _td(html: str, value: str, cls: str) -> list[str]:
    return re.findall(rf'<td class="{cls}"(?: title="[^"]*")?>{value}</td>', html)


def test_repr_is_short_and_says_what_the_report_is() -> None:
    read = _read(CORPUS / "pingtan-2024" / "page.txt")
    r = AnnualReport.model_validate({**dict(read), "source": "corpus/pingtan-2024/page.txt"})
    text = repr(r)
    assert len(text) < 200
    assert text == (
        "<AnnualReport '平潭综合实验区' 2024 format=2021 cells=197/200 read "
        "source='corpus/pingtan-2024/page.txt'>"
    )
    long = AnnualReport.model_validate(
        {**dict(r), "agency": "某" * 150, "source": "/".join(["folder"] * 60) + "/page.html"}
    )
    assert len(repr(long)) < 200
    assert repr(long).endswith("/page.html'>")


def test_styled_html_has_charset_css_and_right_aligned_numbers() -> None:
    r = parse_report(CORPUS / "pingtan-2024" / "page.html")
    html = r._repr_html_()
    assert html.startswith('<meta charset="utf-8">\n<style>')
    assert "td.og-num { text-align: right;" in html
    # 一、本年新收 总计 218 (expected.json), a number cell
    assert _td(html, "218", "og-num")
    # the plain layout is kept: the official merged cells
    assert '<td rowspan="22">三、本年度办理结果</td>' in html
    assert "200/200 cells read · 0 error(s)" in html


def test_failing_cells_carry_the_finding_on_hover() -> None:
    # pingtan-zrz-2023 prints 商业企业 1 in （二）部分公开 but leaves it out of 总计 8
    # (corpus README): the 总计 cell is an error, its message in the title
    r = parse_report(CORPUS / "pingtan-zrz-2023" / "page.html")
    html = to_styled_html(r)
    cells = re.findall(r'<td class="og-num og-error" title="([^"]*)">8</td>', html)
    assert any("column_total" in t and "expected 9, found 8" in t for t in cells)
    # the messages are the findings' own
    messages = {f.message for f in check_report(r)}
    titles = set(re.findall(r'title="([^"]*)"', html))
    assert any(m.replace("“", "&quot;") in " ".join(titles) for m in messages)


def test_the_notebook_display_itself_marks_the_failing_cell() -> None:
    # the same report shown by the notebook (_repr_html_), not through to_styled_html:
    # 商业企业 1 in （二）部分公开 left out of 总计 8, so 总计 should be 9
    r = parse_report(CORPUS / "pingtan-zrz-2023" / "page.html")
    cells = re.findall(r'<td class="og-num og-error" title="([^"]*)">8</td>', r._repr_html_())
    assert any("column_total" in t and "expected 9, found 8" in t for t in cells)


def test_reports_made_from_reports_keep_the_display() -> None:
    # create, with_cell and from_json build AnnualReports, never a bare ReportData
    r = AnnualReport.create(agency="某局", year=2021)
    ref = CellRef.review(ReviewKind.ADMINISTRATIVE_REVIEW, ReviewResult.TOTAL)
    for made in (r, r.with_cell(ref, r.cell(ref)), AnnualReport.from_json(r.to_json())):
        assert type(made) is AnnualReport
        assert made._repr_html_().startswith('<meta charset="utf-8">')


def test_unread_and_recovered_cells_are_marked() -> None:
    # the crawler text of pingtan-2024 runs 本年新收's cells together: split by the
    # row's arithmetic (recovered); three cells of table 二 stay unread
    r = _read(CORPUS / "pingtan-2024" / "page.txt")
    html = to_styled_html(r)
    assert "og-recovered" in html
    recovered = re.findall(r'<td class="og-num og-recovered" title="([^"]*)">217</td>', html)
    assert recovered
    assert "recovered" in recovered[0]
    assert len(re.findall(r'class="og-unread"', html)) == r.completeness().unread == 3
    # given findings replace the checks
    assert "og-num og-error" not in to_styled_html(r, findings=[])


def test_plain_html_stays_plain() -> None:
    r = parse_report(CORPUS / "pingtan-2024" / "page.html")
    assert "<style>" not in to_html(r)
    assert "class=" not in to_html(r).split("</h1>", 1)[1].replace('class="opengov-report', "")


def test_findings_must_be_findings() -> None:
    r = parse_report(CORPUS / "pingtan-2024" / "page.html")
    not_findings: list[Any] = [
        CellRef.review(ReviewKind.ADMINISTRATIVE_REVIEW, ReviewResult.UPHELD)
    ]
    with pytest.raises(InvalidInputError, match="must hold Finding objects"):
        to_styled_html(r, findings=not_findings)


def test_a_legacy_report_has_a_short_repr_too() -> None:
    # 平潭县 2012: a table of 17 printed lines (legacy expected-table.json)
    (result,) = read_reports(str(CORPUS / "legacy" / "pingtan-county-2012" / "table.html"))
    text = repr(result.report)
    assert len(text) < 200
    assert text.startswith("<LegacyReport '平潭县人民政府' 2012 table=17/17 read narrative=")
