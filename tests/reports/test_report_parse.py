"""Parsing published reports: the seed, hand-made fixtures, label variants."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from opengov import ApplicantType, OutcomeRow, ReportFormat, ReportParseError
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    ApplicationTable,
    Cell,
    CellKind,
    CellRef,
    DisclosureColumn,
    DisclosureRow,
    ReviewKind,
    ReviewResult,
    ReviewTable,
    check_carry_forward,
    check_report,
    check_reports,
    parse_html_tables,
    parse_report,
    parse_report_html,
    parse_report_text,
)

DATA = Path(__file__).parent.parent / "data" / "reports"
SEED = Path(__file__).parent.parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"


@pytest.fixture(scope="module")
def seed() -> AnnualReport:
    """The real 2019 report of 浑江区民政局 (text dump)."""
    return parse_report(SEED)


def test_seed_is_the_2019_format_with_every_table_three_number(seed: AnnualReport) -> None:
    assert (seed.agency, seed.year, seed.format) == ("浑江区民政局", 2019, ReportFormat.F2019)
    assert len(seed.applications.cells) == 23
    for row in ReportFormat.F2019.rows:
        for col in ApplicantColumn:
            cell = seed.applications.cell(row, col)
            assert (cell.kind, cell.value) == (CellKind.NUMBER, 0), (row, col)
    assert all(c.value == 0 for c in seed.review.cells)
    assert seed.completeness().unread == 0
    assert check_report(seed) == ()


def test_seed_table_two_reads_the_licensing_row(seed: AnnualReport) -> None:
    d = seed.disclosure
    assert d.cell(DisclosureRow.LICENSING, DisclosureColumn.PREVIOUS_YEAR_ITEMS).value == 3
    assert d.cell(DisclosureRow.LICENSING, DisclosureColumn.CHANGE).value == 3  # printed "+3"
    assert d.cell(DisclosureRow.LICENSING, DisclosureColumn.DECISIONS).value == 6
    assert (
        d.cell(DisclosureRow.CENTRALISED_PROCUREMENT, DisclosureColumn.PROCUREMENT_AMOUNT).value
        == 0
    )


def test_seed_text_parts(seed: AnnualReport) -> None:
    assert seed.text.overview.startswith("(一)2019年信息发布情况")
    assert "二、强化权力监督" in seed.text.overview  # a sub-heading, not part 二
    assert seed.text.problems.startswith("一年来")
    assert seed.text.other_matters == ""


def _summary(report: AnnualReport) -> list[tuple[str, str, str, object, object]]:
    return [
        (
            f.severity.value,
            f.rule.value,
            str(f.cells[0].ref) if f.cells else "",
            f.expected,
            f.actual,
        )
        for f in check_report(report)
    ]


def test_2021_text_fixture_gives_exactly_the_planted_findings() -> None:
    r = parse_report(DATA / "f2021-errors.txt")
    assert (r.agency, r.year, r.format) == ("某市交通运输局", 2021, ReportFormat.F2021)
    assert r.completeness().unread == 0
    np = ApplicantColumn.NATURAL_PERSON
    assert r.applications.value(OutcomeRow.RECEIVED, np) == 20  # printed full-width ２０
    assert r.applications.value(OutcomeRow.UNABLE_NOT_HELD, np) == 4  # printed "1、"
    assert r.applications.value(OutcomeRow.OTHER_NOT_CORRECTED, np) == 1
    assert r.disclosure.cell(
        DisclosureRow.ADMINISTRATIVE_FEES, DisclosureColumn.FEE_AMOUNT
    ).value == Decimal("12.5")
    assert r.information_fee_yuan == Decimal(380)
    assert _summary(r) == [
        ("error", "column_total", "applications[carried_forward, natural_person]", 4, 3),
        ("error", "balance", "applications[received, natural_person]", 2, 3),
        ("error", "review_total", "review[administrative_review, upheld]", 3, 2),
        ("warning", "narrative", "applications[received, total]", 25, 24),
    ]


def test_2019_html_fixture_gives_exactly_the_planted_findings() -> None:
    r = parse_report(DATA / "f2019-errors.html")
    assert (r.agency, r.year, r.format) == ("某县自然资源局", 2019, ReportFormat.F2019)
    assert r.disclosure.cell(DisclosureRow.LICENSING, DisclosureColumn.CHANGE).value == -2
    assert r.disclosure.cell(
        DisclosureRow.CENTRALISED_PROCUREMENT, DisclosureColumn.PROCUREMENT_AMOUNT
    ).value == Decimal("35.6")
    na = r.applications.cell(
        OutcomeRow.WITHHELD_STATE_SECRET, ApplicantColumn.LEGAL_SERVICE_INSTITUTION
    )
    assert na.kind is CellKind.NOT_APPLICABLE
    assert r.review.cell(ReviewKind.LITIGATION_AFTER_REVIEW, ReviewResult.TOTAL).value == 2
    assert _summary(r) == [
        ("error", "column_total", "applications[total, natural_person]", 11, 10),
        ("error", "result_total", "applications[disclosed, commercial_enterprise]", 1, 2),
        ("error", "balance", "applications[received, commercial_enterprise]", -1, 0),
        (
            "warning",
            "incomplete",
            "applications[withheld_state_secret, legal_service_institution]",
            None,
            None,
        ),
    ]


def test_html_tables_expand_rowspan_and_colspan() -> None:
    html = (DATA / "f2019-errors.html").read_text(encoding="utf-8")
    tables = parse_html_tables(html)
    assert len(tables) == 3
    grid = tables[1].grid()
    assert all(len(row) == 10 for row in grid)
    assert grid[0][:3] == (grid[0][0],) * 3
    assert "勾稽" in grid[0][0]
    assert [row[0] for row in grid[5:25]] == ["三、本年度办理结果"] * 20
    assert grid[1][3] == grid[2][3] == "自然人"
    review = tables[2].grid()
    assert review[0][:5] == ("行政复议",) * 5
    assert review[0][5:] == ("行政诉讼",) * 10


ROW_PER_LINE = """某局2020年政府信息公开工作年度报告
一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
三、本年度办理结果 | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 |
"""


def test_rows_that_cannot_be_placed_are_unread_never_guessed() -> None:
    r = parse_report_text(ROW_PER_LINE)
    assert r.format is ReportFormat.F2019  # no （六） rows: the year decides
    assert r.applications.value(OutcomeRow.DISCLOSED, ApplicantColumn.TOTAL) == 3
    # 四 has a blank first cell and only 6 values: its position is blank, not guessed
    assert (
        r.applications.cell(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON).kind
        is CellKind.BLANK
    )
    # rows absent from the dump are unread
    assert (
        r.applications.cell(OutcomeRow.WITHHELD_STATE_SECRET, ApplicantColumn.TOTAL).kind
        is CellKind.UNREAD
    )
    assert 0 < r.completeness().ratio < 1


def test_too_few_cells_mark_the_row_unread() -> None:
    text = "某局2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 | 3 | 3 |\n"
    r = parse_report_text(text)
    row = r.applications.cells[0]
    assert all(c.kind is CellKind.UNREAD for c in row)
    assert row[0].raw == "3 | 3"


def test_2021_rows_decide_the_format_over_the_year() -> None:
    text = (
        "某局2020年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    )
    r = parse_report_text(text)
    assert r.format is ReportFormat.F2021
    assert next(f.rule.value for f in check_report(r)) == "format_year"


def test_explicit_metadata_wins() -> None:
    r = parse_report_text(ROW_PER_LINE, agency="乙局", year=2020, format="2019")
    assert (r.agency, r.year) == ("乙局", 2020)


def test_no_table_three_raises() -> None:
    with pytest.raises(ReportParseError, match="no table 三"):
        parse_report_text("某局2020年政府信息公开工作年度报告\n没有表格")
    with pytest.raises(ReportParseError, match="year"):
        parse_report_html("<table><tr><td>一、本年新收政府信息公开申请数量</td></tr></table>")


def test_missing_file_raises_report_parse_error(tmp_path: object) -> None:
    with pytest.raises(ReportParseError, match="cannot read"):
        parse_report("/nonexistent/report.txt")
    with pytest.raises(ReportParseError, match="not a valid path"):
        parse_report("report\x00.txt")


@pytest.mark.parametrize("junk", [None, b"bytes", 3])
def test_junk_input_raises_opengov_errors(junk: object) -> None:
    from opengov import InvalidInputError

    with pytest.raises(InvalidInputError, match=r"^text must be a str, got (NoneType|bytes|int)"):
        parse_report_text(junk)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^html must be a str, got (NoneType|bytes|int)"):
        parse_report_html(junk)  # type: ignore[arg-type]


def test_applicant_type_columns_follow_the_vocabulary() -> None:
    assert [c.applicant_type for c in ApplicantColumn][:6] == list(ApplicantType)


def test_html_values_are_placed_by_column_under_spans() -> None:
    # A 2021 report as word processors export it: every column two grid columns
    # wide (value cells carry colspan="2"), one value split over two cells, a filler
    # cell after a label, rowspan'd labels, a "/" merged down five rows and a "0"
    # merged across two columns. Planted: 二 natural person printed blank (should
    # be 1), （二）总计 3 (should be 2), 复议 总计 3 (should be 2).
    r = parse_report(DATA / "f2021-spans.html")
    assert (r.agency, r.year, r.format) == ("某市生态环境局", 2021, ReportFormat.F2021)
    app = r.applications
    np, total = ApplicantColumn.NATURAL_PERSON, ApplicantColumn.TOTAL
    assert app.value(OutcomeRow.RECEIVED, np) == 12  # printed as <td></td><td>12</td>
    assert app.cell(OutcomeRow.CARRIED_OVER, np).kind is CellKind.BLANK  # after a filler cell
    assert app.value(OutcomeRow.CARRIED_OVER, total) == 1
    assert app.value(OutcomeRow.UNABLE_NOT_HELD, ApplicantColumn.COMMERCIAL_ENTERPRISE) == 1
    # a 0 in one cell over two columns is 0 in each: counts are never negative, so
    # whether it is meant as their sum or as each one's count, each is 0
    for col in (ApplicantColumn.RESEARCH_INSTITUTION, ApplicantColumn.SOCIAL_WELFARE_ORGANIZATION):
        assert app.value(OutcomeRow.UNABLE_NEEDS_CREATION, col) == 0
    assert app.value(OutcomeRow.UNABLE_NEEDS_CREATION, ApplicantColumn.OTHER_ORGANIZATION) == 0
    # "/" merged down the five 不予处理 rows is "/" in each; the row's other cells stay put
    for row in ReportFormat.F2021.rows[15:20]:
        assert app.cell(row, ApplicantColumn.LEGAL_SERVICE_INSTITUTION).kind is (
            CellKind.NOT_APPLICABLE
        ), row
        assert app.value(row, ApplicantColumn.OTHER_ORGANIZATION) == 0, row
    assert r.review.cell(ReviewKind.ADMINISTRATIVE_REVIEW, ReviewResult.TOTAL).value == 3
    assert r.review.cell(ReviewKind.LITIGATION_WITHOUT_REVIEW, ReviewResult.TOTAL).value == 1
    assert r.review.cell(ReviewKind.LITIGATION_AFTER_REVIEW, ReviewResult.UPHELD).kind is (
        CellKind.NOT_APPLICABLE
    )
    assert r.disclosure.cell(
        DisclosureRow.LICENSING, DisclosureColumn.DECISIONS_THIS_YEAR
    ).value == (412)
    assert r.completeness().unread == 0  # the two cells under the merged 0 are read
    assert _summary(r) == [
        ("error", "column_total", "applications[carried_over, natural_person]", 0, 1),
        ("error", "column_total", "applications[partially_disclosed, natural_person]", 2, 3),
        ("error", "result_total", "applications[disclosed, total]", 16, 15),
        ("error", "balance", "applications[received, natural_person]", 0, 1),
        ("error", "review_total", "review[administrative_review, upheld]", 2, 3),
        (
            "warning",
            "incomplete",
            # the first cell without a number: the "/" merged down the （五） rows
            "applications[not_processed_petition, legal_service_institution]",
            None,
            None,
        ),
        ("warning", "incomplete", "review[litigation_after_review, upheld]", None, None),
    ]


def test_html_tables_without_headings_keep_document_order() -> None:
    # no 自然人 … 总计 headings: values are read in document order, as before
    html = (
        "<p>某局2021年政府信息公开工作年度报告</p><table>"
        "<tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td>"
        "<td>0</td><td>0</td><td>0</td><td>1</td></tr></table>"
    )
    r = parse_report_html(html)
    assert r.applications.value(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL) == 1


def test_huge_spans_are_refused_by_grid() -> None:
    from opengov import InvalidInputError

    row = '<td colspan="1000">x</td>' * 300
    table = parse_html_tables(f"<table><tr>{row}</tr></table>")[0]
    with pytest.raises(InvalidInputError, match="200000"):
        table.grid()
    # the report parser falls back to document order instead of failing
    with pytest.raises(ReportParseError, match="no table 三"):
        parse_report_html(f"<table><tr>{row}</tr></table>")


def _grid(report: AnnualReport) -> list[list[int | Decimal | None]]:
    """Table 三 as numbers, one list per row; every cell must hold a number."""
    assert all(c.kind is CellKind.NUMBER for row in report.applications.cells for c in row)
    return [[c.value for c in row] for row in report.applications.cells]


def _cells(report: AnnualReport, refs: list[CellRef]) -> list[tuple[str, int | Decimal | None]]:
    return [(str(ref), report.cell(ref).value) for ref in refs]


def _findings(
    report: AnnualReport,
) -> list[tuple[str, str, list[tuple[str, object]], object, object]]:
    return [
        (
            f.severity.value,
            f.rule.value,
            [(str(c.ref), c.value) for c in f.cells],
            f.expected,
            f.actual,
        )
        for f in check_report(report)
    ]


# Table 三 of f2019-errors.txt as printed, rows in the order of the 2019 format:
# 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
F2019_TEXT_TABLE_THREE = [
    [30, 5, 1, 0, 2, 1, 39],  # 一、本年新收
    [2, 1, 0, 0, 0, 0, 4],  # 二、上年结转 (planted: 总计 4, the cells sum to 3)
    [15, 3, 1, 0, 1, 0, 20],  # （一）予以公开
    [4, 1, 0, 0, 0, 0, 5],  # （二）部分公开
    [0, 0, 0, 0, 0, 0, 0],  # （三）1 国家秘密
    [0, 0, 0, 0, 0, 0, 0],  # （三）2 法律行政法规禁止
    [1, 0, 0, 0, 0, 0, 1],  # （三）3 三安全一稳定
    [1, 1, 0, 0, 0, 0, 2],  # （三）4 第三方合法权益
    [0, 0, 0, 0, 0, 0, 0],  # （三）5 内部事务
    [1, 0, 0, 0, 0, 0, 1],  # （三）6 过程性信息
    [0, 0, 0, 0, 0, 0, 0],  # （三）7 行政执法案卷
    [0, 0, 0, 0, 0, 0, 0],  # （三）8 行政查询事项
    [5, 0, 0, 0, 1, 0, 6],  # （四）1 不掌握
    [1, 0, 0, 0, 0, 0, 1],  # （四）2 另行制作
    [0, 0, 0, 0, 0, 0, 0],  # （四）3 仍不明确
    [2, 0, 0, 0, 0, 0, 2],  # （五）1 信访举报投诉
    [1, 0, 0, 0, 0, 0, 1],  # （五）2 重复申请 (planted: left out of （七）)
    [0, 0, 0, 0, 0, 0, 0],  # （五）3 公开出版物
    [0, 0, 0, 0, 0, 0, 0],  # （五）4 大量反复申请
    [1, 0, 0, 0, 0, 0, 1],  # （五）5 确认或重新出具
    [0, 0, 0, 0, 0, 1, 1],  # （六）其他处理
    [31, 5, 1, 0, 2, 1, 40],  # （七）总计
    [1, 2, 0, 0, 0, 0, 3],  # 四、结转下年度 (planted: 商业企业 2, balance calls for 1)
]


def test_2019_text_fixture_gives_exactly_the_planted_findings() -> None:
    # Cells one per line (as seed 003 prints them), a whole row per line, a label on
    # its own line with the values on the next, a row label and a sub-label on one
    # line; full-width brackets on some labels, half-width on others; table 四's 15
    # values on three lines. Planted:
    # - 二、上年结转 总计 printed 4, its six cells sum to 3 (column_total);
    # - 四、结转下年度 商业企业 printed 2 where 5 + 1 - 5 = 1 (balance in that column;
    #   the row's 总计 3 adds the printed cells, and with 二's 总计 4 the 总计 column
    #   happens to balance: 39 + 4 = 40 + 3);
    # - （五）2 重复申请 counts one natural-person case that （七）总计 leaves out
    #   (result_total in 自然人 and in 总计);
    # - 行政复议 总计 printed 3, its four cells sum to 4 (review_total);
    # - part 一 says 本年新收…申请41件, the table says 39 (narrative).
    r = parse_report(DATA / "f2019-errors.txt")
    assert (r.agency, r.year, r.format) == ("某县卫生健康局", 2019, ReportFormat.F2019)
    assert r.completeness().unread == 0
    assert _grid(r) == F2019_TEXT_TABLE_THREE
    assert [c.value for c in r.review.cells] == [2, 1, 0, 1, 3, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1]
    d, dr, dc = r.disclosure, DisclosureRow, DisclosureColumn
    assert all(c.kind is CellKind.NUMBER for c in d.cells)
    assert {(str(ref), c.value) for ref, c in d.items()} == {
        (str(CellRef.disclosure(row, col)), v)
        for row, col, v in [
            (dr.RULES, dc.NEWLY_MADE, 1),
            (dr.RULES, dc.NEWLY_PUBLISHED, 1),
            (dr.RULES, dc.TOTAL_PUBLISHED, 3),
            (dr.NORMATIVE_DOCUMENTS, dc.NEWLY_MADE, 4),  # printed 规范性文件
            (dr.NORMATIVE_DOCUMENTS, dc.NEWLY_PUBLISHED, 4),
            (dr.NORMATIVE_DOCUMENTS, dc.TOTAL_PUBLISHED, 17),
            (dr.LICENSING, dc.PREVIOUS_YEAR_ITEMS, 12),
            (dr.LICENSING, dc.CHANGE, 2),  # printed "+2"
            (dr.LICENSING, dc.DECISIONS, 356),
            (dr.OTHER_SERVICES, dc.PREVIOUS_YEAR_ITEMS, 3),
            (dr.OTHER_SERVICES, dc.CHANGE, 0),
            (dr.OTHER_SERVICES, dc.DECISIONS, 25),
            (dr.PENALTIES, dc.PREVIOUS_YEAR_ITEMS, 8),
            (dr.PENALTIES, dc.CHANGE, -1),
            (dr.PENALTIES, dc.DECISIONS, 27),
            (dr.COERCIVE_MEASURES, dc.PREVIOUS_YEAR_ITEMS, 2),
            (dr.COERCIVE_MEASURES, dc.CHANGE, 0),
            (dr.COERCIVE_MEASURES, dc.DECISIONS, 4),
            (dr.ADMINISTRATIVE_FEES, dc.PREVIOUS_YEAR_ITEMS, 2),
            (dr.ADMINISTRATIVE_FEES, dc.CHANGE, -1),
            (dr.CENTRALISED_PROCUREMENT, dc.PROCUREMENT_ITEMS, 6),
            (dr.CENTRALISED_PROCUREMENT, dc.PROCUREMENT_AMOUNT, Decimal("128.35")),
        ]
    }
    assert r.text.overview.startswith("(一)主动公开情况")
    assert r.text.problems.startswith("一是政策解读")
    assert r.information_fee_yuan is None

    a = CellRef.applications
    np, ce, total = (
        ApplicantColumn.NATURAL_PERSON,
        ApplicantColumn.COMMERCIAL_ENTERPRISE,
        ApplicantColumn.TOTAL,
    )
    six = [c for c in ApplicantColumn if c is not total]
    counted = ReportFormat.F2019.counted_rows
    rk, rr = ReviewKind.ADMINISTRATIVE_REVIEW, ReviewResult
    assert _findings(r) == [
        (
            "error",
            "column_total",
            _cells(r, [a(OutcomeRow.CARRIED_OVER, c) for c in [*six, total]]),
            3,
            4,
        ),
        (
            "error",
            "result_total",
            _cells(r, [*(a(row, np) for row in counted), a(OutcomeRow.TOTAL, np)]),
            32,
            31,
        ),
        (
            "error",
            "result_total",
            _cells(r, [*(a(row, total) for row in counted), a(OutcomeRow.TOTAL, total)]),
            41,
            40,
        ),
        (
            "error",
            "balance",
            _cells(
                r,
                [
                    a(OutcomeRow.RECEIVED, ce),
                    a(OutcomeRow.CARRIED_OVER, ce),
                    a(OutcomeRow.TOTAL, ce),
                    a(OutcomeRow.CARRIED_FORWARD, ce),
                ],
            ),
            1,
            2,
        ),
        (
            "error",
            "review_total",
            _cells(
                r,
                [
                    CellRef.review(rk, rr.UPHELD),
                    CellRef.review(rk, rr.CORRECTED),
                    CellRef.review(rk, rr.OTHER),
                    CellRef.review(rk, rr.PENDING),
                    CellRef.review(rk, rr.TOTAL),
                ],
            ),
            4,
            3,
        ),
        ("warning", "narrative", _cells(r, [a(OutcomeRow.RECEIVED, total)]), 41, 39),
    ]


F2021_CLEAN_TABLE_THREE = [
    [48, 7, 2, 1, 3, 2, 63],  # 一、本年新收
    [3, 1, 0, 0, 1, 0, 5],  # 二、上年结转
    [20, 4, 1, 1, 1, 1, 28],  # （一）予以公开
    [6, 1, 0, 0, 1, 0, 8],  # （二）部分公开
    [0, 0, 0, 0, 0, 0, 0],  # （三）1 国家秘密
    [1, 0, 0, 0, 0, 0, 1],  # （三）2 法律行政法规禁止
    [0, 0, 0, 0, 0, 0, 0],  # （三）3 三安全一稳定
    [2, 1, 0, 0, 0, 0, 3],  # （三）4 第三方合法权益
    [1, 0, 0, 0, 0, 0, 1],  # （三）5 内部事务
    [2, 0, 0, 0, 0, 0, 2],  # （三）6 过程性信息
    [0, 0, 0, 0, 0, 0, 0],  # （三）7 行政执法案卷
    [1, 0, 0, 0, 0, 0, 1],  # （三）8 行政查询事项
    [7, 0, 1, 0, 1, 0, 9],  # （四）1 不掌握
    [2, 0, 0, 0, 0, 0, 2],  # （四）2 另行制作
    [1, 0, 0, 0, 0, 0, 1],  # （四）3 仍不明确
    [1, 0, 0, 0, 0, 0, 1],  # （五）1 信访举报投诉
    [1, 0, 0, 0, 0, 0, 1],  # （五）2 重复申请
    [0, 0, 0, 0, 0, 0, 0],  # （五）3 公开出版物
    [0, 0, 0, 0, 0, 0, 0],  # （五）4 大量反复申请
    [0, 0, 0, 0, 0, 1, 1],  # （五）5 确认或重新出具
    [2, 0, 0, 0, 0, 0, 2],  # （六）1 逾期不补正
    [1, 0, 0, 0, 0, 0, 1],  # （六）2 逾期未缴纳费用
    [0, 1, 0, 0, 0, 0, 1],  # （六）3 其他
    [48, 7, 2, 1, 3, 2, 63],  # （七）总计
    [3, 1, 0, 0, 1, 0, 5],  # 四、结转下年度
]


def test_consistent_2021_text_fixture_has_no_findings() -> None:
    # One cell per line throughout (as seed 003 prints them), the three （六） rows
    # of the 2021 format, a thousands separator in table 二, and the text stating
    # 新收 63, 上年结转 5, 结转下年度 5 and the 信息处理费, all as the tables say.
    r = parse_report(DATA / "f2021-clean.txt")
    assert (r.agency, r.year, r.format) == ("某市市场监督管理局", 2021, ReportFormat.F2021)
    assert r.completeness().unread == 0
    assert _grid(r) == F2021_CLEAN_TABLE_THREE
    assert [c.value for c in r.review.cells] == [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 1, 0, 0, 2]
    d, dr, dc = r.disclosure, DisclosureRow, DisclosureColumn
    assert all(c.kind is CellKind.NUMBER for c in d.cells)
    assert {(str(ref), c.value) for ref, c in d.items()} == {
        (str(CellRef.disclosure(row, col)), v)
        for row, col, v in [
            (dr.RULES, dc.ISSUED, 1),
            (dr.RULES, dc.REPEALED, 0),
            (dr.RULES, dc.IN_FORCE, 6),
            (dr.NORMATIVE_DOCUMENTS, dc.ISSUED, 5),  # printed 行政规范性文件
            (dr.NORMATIVE_DOCUMENTS, dc.REPEALED, 2),
            (dr.NORMATIVE_DOCUMENTS, dc.IN_FORCE, 23),
            (dr.LICENSING, dc.DECISIONS_THIS_YEAR, 1284),  # printed "1,284"
            (dr.PENALTIES, dc.DECISIONS_THIS_YEAR, 86),
            (dr.COERCIVE_MEASURES, dc.DECISIONS_THIS_YEAR, 9),
            (dr.ADMINISTRATIVE_FEES, dc.FEE_AMOUNT, Decimal("3.60")),
        ]
    }
    assert r.information_fee_yuan == 400
    assert r.text.other_matters.endswith("2021年收取信息处理费共计400元。")
    assert check_report(r) == ()
    # the narrative was read, not skipped: a different table total is noticed
    received = CellRef.applications(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL)
    narrative = [
        (f.rule.value, f.expected, f.actual)
        for f in check_report(r.with_cell(received, Cell.number(62)))
        if f.rule.value == "narrative"
    ]
    assert narrative == [("narrative", 63, 62)]


def test_rows_wrapped_over_two_lines_are_joined() -> None:
    # The numbers of f2021-clean.txt printed a row per line, five rows wrapped: the
    # values of 一 and （七） continue on the next line (after a "|" ending the line,
    # and on a line starting with "|"), and the labels of （二）, （五）5 and （六）2
    # are split, the last with its first piece on a line without "|".
    r = parse_report(DATA / "f2021-wrapped.txt")
    assert (r.agency, r.year, r.format) == ("某县交通运输局", 2021, ReportFormat.F2021)
    assert r.completeness().unread == 0
    assert _grid(r) == F2021_CLEAN_TABLE_THREE
    apps, col = r.applications, ApplicantColumn

    def row(outcome: OutcomeRow) -> list[object]:
        return [apps.cell(outcome, c).value for c in ApplicantColumn]

    assert row(OutcomeRow.RECEIVED) == [48, 7, 2, 1, 3, 2, 63]
    assert row(OutcomeRow.TOTAL) == [48, 7, 2, 1, 3, 2, 63]
    assert row(OutcomeRow.PARTIALLY_DISCLOSED) == [6, 1, 0, 0, 1, 0, 8]
    assert apps.cell(OutcomeRow.NOT_PROCESSED_CONFIRMATION, col.OTHER_ORGANIZATION).value == 1
    assert apps.cell(OutcomeRow.OTHER_FEE_NOT_PAID, col.NATURAL_PERSON).value == 1
    assert [c.value for c in r.review.cells] == [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 1, 0, 0, 2]
    assert r.disclosure == parse_report(DATA / "f2021-clean.txt").disclosure
    assert check_report(r) == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a number split in two: "6" and "3" are not read as 63, nor as 6
        (" | （七）总计 |  | 48 | 7 | 2 | 1 | 3 | 2 | 6", "3 |"),
        # a blank cell may be lost at the break: the row is not shifted
        (" | （七）总计 |  | 48 | 7 | 2 | 1 | 3 |  ", " |  | 63 |"),
        # too few cells once joined (one value missing)
        (" | （七）总计 |  | 48 | 7 | 2 | 1 | 3 |", " 2 |"),
    ],
)
def test_rows_wrapped_ambiguously_stay_unread(first: str, second: str) -> None:
    text = (DATA / "f2021-wrapped.txt").read_text(encoding="utf-8")
    wrapped = " | （七）总计 |  | 48 | 7 | 2 | 1\n | 3 | 2 | 63 |\n"
    assert wrapped in text
    r = parse_report_text(text.replace(wrapped, f"{first}\n{second}\n"))
    total = [r.applications.cell(OutcomeRow.TOTAL, c) for c in ApplicantColumn]
    assert all(c.kind is CellKind.UNREAD for c in total)
    assert r.completeness().unread == 7


def test_consecutive_reports_with_mismatched_carry_forward_name_both_cells() -> None:
    # Last year's report of the same agency carried 6 applications forward (商业企业
    # 2); this year's report (f2021-clean.txt) says 5 were carried over (商业企业 1).
    y2021 = parse_report(DATA / "f2021-clean.txt")
    nt, ce = ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE
    ls = ApplicantType.LEGAL_SERVICE_INSTITUTION
    y2020 = AnnualReport.create(
        agency=y2021.agency,
        year=2020,
        applications=ApplicationTable.from_counts(
            2020,
            {
                OutcomeRow.RECEIVED: {nt: 10, ce: 3, ls: 1},
                OutcomeRow.DISCLOSED: {nt: 7, ce: 1},
                OutcomeRow.CARRIED_FORWARD: {nt: 3, ce: 2, ls: 1},
            },
        ),
        review=ReviewTable.from_counts({}),
    )
    assert check_report(y2020) == ()
    a = CellRef.applications
    expected = [
        (
            "error",
            "carry_forward",
            [
                (str(a(OutcomeRow.CARRIED_OVER, col)), 2021, now),
                (str(a(OutcomeRow.CARRIED_FORWARD, col)), 2020, before),
            ],
            before,
            now,
        )
        for col, before, now in [
            (ApplicantColumn.COMMERCIAL_ENTERPRISE, 2, 1),
            (ApplicantColumn.TOTAL, 6, 5),
        ]
    ]
    for findings in (check_carry_forward(y2020, y2021), check_reports([y2021, y2020])):
        assert [
            (
                f.severity.value,
                f.rule.value,
                [(str(c.ref), c.year, c.value) for c in f.cells],
                f.expected,
                f.actual,
            )
            for f in findings
        ] == expected
    f = check_carry_forward(y2020, y2021)[0]
    assert (f.agency, f.year) == ("某市市场监督管理局", 2021)
    last_year = a(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.COMMERCIAL_ENTERPRISE)
    assert f.names(last_year, year=2020)
    assert not f.names(last_year, year=2021)
    assert str(f).endswith(
        "[applications[carried_over, commercial_enterprise] (2021), "
        "applications[carried_forward, commercial_enterprise] (2020)]"
    )


@pytest.mark.parametrize(
    ("sentence", "yuan"),
    [
        ("2021年收取信息处理费共计400元。", Decimal(400)),
        ("本年度收取信息处理费共计1,200元。", Decimal(1200)),  # not 200
        ("本年度收取信息处理费共计１，２００元。", Decimal(1200)),  # full-width
        ("收取信息处理费，共计0.12万元。", Decimal(1200)),
        ("收取信息处理费12,34元。", None),  # not a number as printed: not guessed
        ("本年度未收取信息处理费。", None),
    ],
)
def test_information_fee_is_read_whole(sentence: str, yuan: Decimal | None) -> None:
    text = ROW_PER_LINE.replace("2020年", "2021年") + f"六、其他需要报告的事项\n{sentence}\n"
    assert parse_report_text(text).information_fee_yuan == yuan


@pytest.mark.parametrize("printed", ["2", "12", "1,000"])
def test_a_number_other_than_0_over_two_columns_is_never_read_as_two(printed: str) -> None:
    # f2021-spans.html prints table 三's 2.没有现成信息需要另行制作 row with one cell
    # over the 科研机构 and 社会公益组织 columns; any count but 0 there could be
    # either column's, or their sum: both stay unread, with the text kept.
    page = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    merged = '<td colspan="4">0</td>'
    assert page.count(merged) == 1
    r = parse_report_html(page.replace(merged, f'<td colspan="4">{printed}</td>'))
    for col in (ApplicantColumn.RESEARCH_INSTITUTION, ApplicantColumn.SOCIAL_WELFARE_ORGANIZATION):
        cell = r.applications.cell(OutcomeRow.UNABLE_NEEDS_CREATION, col)
        assert (cell.kind, cell.raw) == (CellKind.UNREAD, f"{printed} (one cell over 2 columns)")
