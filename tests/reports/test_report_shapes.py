"""Report text in every shape it arrives in: crawler text with joined digits first."""

from __future__ import annotations

import time
from decimal import Decimal
from itertools import combinations, pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import OutcomeRow, ReportFormat
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    CellKind,
    DisclosureColumn,
    DisclosureRow,
    RecoveryRule,
    ReportTable,
    check_report,
    parse_report,
    parse_report_text,
)
from opengov.reports._joined import APPLICATION_ROW, REVIEW_ROW, Group, splits
from opengov.reports._shapes import is_joined

CRAWLER = Path(__file__).parent.parent / "data" / "reports" / "crawler"
R = OutcomeRow


def _row(report: AnnualReport, row: OutcomeRow) -> tuple[object, ...]:
    return tuple(report.applications.value(row, c) for c in ApplicantColumn)


def _recovery(report: AnnualReport, row: OutcomeRow):  # type: ignore[no-untyped-def]
    return next(
        r
        for r in report.recoveries
        if r.cells[0].table is ReportTable.APPLICATIONS and r.cells[0].row == row.value
    )


# ------------------------------------------------------------- real crawler text

# 平潭综合实验区 2024, every cell read by hand from page.html (see the data README).
PINGTAN_2024 = {
    R.RECEIVED: (217, 1, 0, 0, 0, 0, 218),
    R.CARRIED_OVER: (0,) * 7,
    R.DISCLOSED: (71, 0, 0, 0, 0, 0, 71),
    R.PARTIALLY_DISCLOSED: (29, 0, 0, 0, 0, 0, 29),
    R.WITHHELD_STATE_SECRET: (4, 0, 0, 0, 0, 0, 4),
    R.WITHHELD_PROHIBITED_BY_LAW: (0,) * 7,
    R.WITHHELD_SECURITY_STABILITY: (0,) * 7,
    R.WITHHELD_THIRD_PARTY: (3, 0, 0, 0, 0, 0, 3),
    R.WITHHELD_INTERNAL_AFFAIRS: (32, 0, 0, 0, 0, 0, 32),
    R.WITHHELD_PROCESS_INFORMATION: (0,) * 7,
    R.WITHHELD_ENFORCEMENT_FILES: (0,) * 7,
    R.WITHHELD_ADMINISTRATIVE_INQUIRY: (0,) * 7,
    R.UNABLE_NOT_HELD: (75, 0, 0, 0, 0, 0, 75),
    R.UNABLE_NEEDS_CREATION: (0,) * 7,
    R.UNABLE_STILL_UNCLEAR: (0,) * 7,
    R.NOT_PROCESSED_PETITION: (0,) * 7,
    R.NOT_PROCESSED_REPEAT: (1, 0, 0, 0, 0, 0, 1),
    R.NOT_PROCESSED_PUBLICATION: (0,) * 7,
    R.NOT_PROCESSED_EXCESSIVE: (0,) * 7,
    R.NOT_PROCESSED_CONFIRMATION: (0,) * 7,
    R.OTHER_NOT_CORRECTED: (1, 0, 0, 0, 0, 0, 1),
    R.OTHER_FEE_NOT_PAID: (0,) * 7,
    R.OTHER_MISC: (1, 1, 0, 0, 0, 0, 2),
    R.TOTAL: (217, 1, 0, 0, 0, 0, 218),
    R.CARRIED_FORWARD: (0,) * 7,
}


@pytest.fixture(scope="module")
def pingtan_2024() -> AnnualReport:
    return parse_report(CRAWLER.parent / "corpus" / "pingtan-2024" / "page.txt")


def test_crawler_2024_table_three_is_recovered_cell_for_cell(pingtan_2024: AnnualReport) -> None:
    r = pingtan_2024
    assert (r.agency, r.year, r.format) == ("平潭综合实验区", 2024, ReportFormat.F2021)
    assert set(PINGTAN_2024) == set(r.format.rows)
    for row, expected in PINGTAN_2024.items():
        assert _row(r, row) == expected, row
        assert all(c.recovered for c in r.applications.cells[r.format.rows.index(row)])
    # "3200000326.属于四类过程性信息": the 6 numbers the next label, not the row
    assert _recovery(r, R.WITHHELD_INTERNAL_AFFAIRS).printed == "320000032"
    # a space the page kept inside a cell is a boundary
    assert _recovery(r, R.OTHER_NOT_CORRECTED).printed == "1000001"
    assert all(rec.rule is RecoveryRule.ROW for rec in r.recoveries if rec.recovered)
    assert check_report(r) == ()


def test_crawler_2024_tables_two_and_four(pingtan_2024: AnnualReport) -> None:
    r = pingtan_2024
    assert [c.value for c in r.review.cells] == [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]
    assert all(c.recovered for c in r.review.cells)
    d = r.disclosure
    rules = [d.cell(DisclosureRow.RULES, c) for c in _f2021_issued()]
    assert [(c.value, c.recovered) for c in rules] == [(0, True)] * 3  # "000": one digit each
    # "6233440" is 62 | 33 | 440 on the page, but table 二 has no sum to tell: unread
    normative = [d.cell(DisclosureRow.NORMATIVE_DOCUMENTS, c) for c in _f2021_issued()]
    assert all(c.kind is CellKind.UNREAD and c.raw == "6233440" for c in normative)
    rec = next(x for x in r.recoveries if x.cells[0].row == "normative_documents")
    assert (rec.values, rec.rule, rec.row_splits) == (None, RecoveryRule.UNRESOLVED, 15)
    assert (62, 33, 440) in rec.candidates
    # a single-cell row is read as printed, not recovered
    licensing = d.cell(DisclosureRow.LICENSING, DisclosureColumn.DECISIONS_THIS_YEAR)
    assert (licensing.value, licensing.recovered) == (4529, False)
    fees = d.cell(DisclosureRow.ADMINISTRATIVE_FEES, DisclosureColumn.FEE_AMOUNT)
    assert fees.value == Decimal("18651.06")
    assert r.text.other_matters == "2024年，无收取信息处理费情况。"


def _f2021_issued() -> tuple[DisclosureColumn, ...]:
    return (DisclosureColumn.ISSUED, DisclosureColumn.REPEALED, DisclosureColumn.IN_FORCE)


def test_crawler_2021_rows_the_row_alone_cannot_split_are_settled_by_the_results() -> None:
    r = parse_report(CRAWLER / "pingtan-2021.txt")
    assert (r.agency, r.year) == ("平潭综合实验区", 2021)
    disclosed = _recovery(r, R.DISCLOSED)
    assert disclosed.printed == "270020130"
    assert disclosed.row_splits == 2  # 2|7|0|0|20|1|30 also sums to 30
    assert (2, 7, 0, 0, 20, 1, 30) in disclosed.candidates
    assert disclosed.rule is RecoveryRule.RESULTS
    assert _row(r, R.DISCLOSED) == (27, 0, 0, 2, 0, 1, 30)  # as on the page
    not_held = _recovery(r, R.UNABLE_NOT_HELD)
    assert (not_held.row_splits, not_held.rule) == (2, RecoveryRule.RESULTS)
    assert _row(r, R.UNABLE_NOT_HELD) == (22, 0, 0, 0, 0, 3, 25)
    assert r.applications.value(R.PARTIALLY_DISCLOSED, ApplicantColumn.NATURAL_PERSON) == 5
    assert [c.value for c in r.review.cells][3:] == [0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]
    assert r.completeness().unread == 3  # 行政规范性文件 "693665" stays unread
    assert _row(r, R.RECEIVED)[:3] == (64, 0, 0)
    d = r.disclosure
    assert d.cell(DisclosureRow.PENALTIES, DisclosureColumn.DECISIONS_THIS_YEAR).value == 1282
    assert d.cell(DisclosureRow.COERCIVE_MEASURES, DisclosureColumn.DECISIONS_THIS_YEAR).value == 42
    fees = d.cell(DisclosureRow.ADMINISTRATIVE_FEES, DisclosureColumn.FEE_AMOUNT)
    assert fees.value == Decimal("24252.311082")  # as printed, 万元


# ------------------------------------------------------------ runs left unread

HEAD = "标题: 某局2021年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况"


def _joined(rows: str) -> AnnualReport:
    return parse_report_text(f"{HEAD}\n{rows}")


def test_a_run_with_two_splits_and_nothing_to_choose_stays_unread() -> None:
    r = _joined("一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000")
    cells = r.applications.cells[0]
    assert all(c.kind is CellKind.UNREAD and c.raw == "270020130" for c in cells)
    rec = _recovery(r, R.RECEIVED)
    assert (rec.values, rec.rule, rec.row_splits) == (None, RecoveryRule.UNRESOLVED, 2)
    assert _row(r, R.CARRIED_OVER) == (0,) * 7


def test_a_run_no_split_explains_stays_unread() -> None:
    # 1|0|0|0|0|0|0 does not add up, and no other split exists: never invent one
    r = _joined("一、本年新收政府信息公开申请数量1000000二、上年结转政府信息公开申请数量0000000")
    assert all(c.kind is CellKind.UNREAD for c in r.applications.cells[0])
    assert _recovery(r, R.RECEIVED).row_splits == 0


def test_a_balance_the_table_breaks_settles_nothing() -> None:
    # 一 + 二 = （七） + 四 would pick 27|0|0|2|0|1|30 if 四 were right; 四 is 9s
    r = _joined(
        "一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000"
        "（七）总计270020130四、结转下年度继续办理9000009"
    )
    assert all(c.kind is CellKind.UNREAD for c in r.applications.cells[0])


@pytest.mark.parametrize(("printed", "year"), [("0", "2025"), ("5", "2025"), ("0", "12")])
def test_a_run_running_into_a_date_after_the_table_stays_unread(printed: str, year: str) -> None:
    # as 平潭综合实验区市场监督管理局 2025 was saved: prose after the last row of a
    # table starts with a year, whose digits run into the row's value ("02025年"):
    # where the value ends is not known, so neither 2025 nor 52025 is read
    fee = f"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费{printed}{year}年，我局严格按照"
    r = parse_report_text(
        f"{HEAD}\n二、主动公开政府信息情况第二十条第（五）项信息内容本年处理决定数量行政许可7"
        f"{fee}三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量1000001"
        f"二、上年结转政府信息公开申请数量0000000（七）总计1000001"
        f"四、结转下年度继续办理0000000{year}年，我局共收到申请1件"
    )
    fees = r.disclosure.cell(DisclosureRow.ADMINISTRATIVE_FEES, DisclosureColumn.FEE_AMOUNT)
    assert fees.kind is CellKind.UNREAD
    licensing = r.disclosure.cell(DisclosureRow.LICENSING, DisclosureColumn.DECISIONS_THIS_YEAR)
    assert licensing.value == 7
    assert _row(r, R.RECEIVED) == (1, 0, 0, 0, 0, 0, 1)
    assert _row(r, R.CARRIED_FORWARD) == (None,) * 7


def test_joined_text_is_told_from_other_shapes() -> None:
    joined = "一、本年新收政府信息公开申请数量5800000 58二、上年结转政府信息公开申请数量0000000"
    assert is_joined(joined)
    assert not is_joined("一、本年新收政府信息公开申请数量  58  0  0  0  0  0  58")
    assert not is_joined("一、本年新收政府信息公开申请数量\t58\t0\t0\t0\t0\t0\t58")
    assert not is_joined("本年新收政府信息公开申请数量2件，上年结转政府信息公开申请数量")


# ------------------------------------------------------------------ the search


@st.composite
def table_three_rows(draw: st.DrawFn) -> tuple[int, ...]:
    six = draw(st.lists(st.integers(0, 400), min_size=6, max_size=6))
    return (*six, sum(six))


@given(table_three_rows(), st.lists(st.booleans(), min_size=6, max_size=6))
@settings(max_examples=300, deadline=None)
def test_the_printed_split_is_always_among_the_candidates(
    row: tuple[int, ...], spaces: list[bool]
) -> None:
    printed = "".join(f"{v}{' ' if s else ''}" for v, s in zip(row, [*spaces, False], strict=True))
    found = splits(printed, APPLICATION_ROW)
    assert found.number is not None
    assert found.number >= 1
    if found.number <= len(found.found):
        assert row in found.found
    for split in found.found:
        assert sum(split[:6]) == split[6]
        assert "".join(map(str, split)) == printed.replace(" ", "")


def _brute_force(digits: str, cells: int) -> set[tuple[int, ...]]:
    out = set()
    for cuts in combinations(range(1, len(digits)), cells - 1):
        bounds = (0, *cuts, len(digits))
        parts = [digits[a:b] for a, b in pairwise(bounds)]
        if any(len(p) > 1 and p[0] == "0" for p in parts):
            continue
        values = tuple(int(p) for p in parts)
        if sum(values[:-1]) == values[-1]:
            out.add(values)
    return out


@given(st.text(alphabet="0123456789", min_size=7, max_size=13))
@settings(max_examples=300, deadline=None)
def test_the_count_of_splits_is_exact(digits: str) -> None:
    found = splits(digits, APPLICATION_ROW, keep=10_000)
    assert found.number is not None
    assert set(found.found) == _brute_force(digits, 7)
    assert found.number == len(found.found)


@pytest.mark.parametrize(
    ("printed", "groups"),
    [
        ("1" * 48, APPLICATION_ROW),
        ("1" * 96, REVIEW_ROW),
        ("10" * 30, APPLICATION_ROW),
        ("1" * 40, (Group(14, True),)),
        ("9" * 100_000, APPLICATION_ROW),
    ],
)
def test_hostile_runs_are_given_up_on_in_bounded_time(
    printed: str, groups: tuple[Group, ...]
) -> None:
    start = time.perf_counter()
    found = splits(printed, groups)
    assert time.perf_counter() - start < 1.0
    assert found.number in (0, None)


# --------------------------------------------------- tabs, layout, one per line

TITLE = "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
ROWS_2021 = [
    ("一、本年新收政府信息公开申请数量", (12, 3, 0, 0, 0, 0, 15)),
    ("二、上年结转政府信息公开申请数量", (1, 0, 0, 0, 0, 0, 1)),
    ("（一）予以公开", (6, 2, 0, 0, 0, 0, 8)),
    ("（七）总计", (12, 3, 0, 0, 0, 0, 15)),
    ("四、结转下年度继续办理", (1, 0, 0, 0, 0, 0, 1)),
]


def test_a_browser_copy_with_tabs_is_read_by_cell() -> None:
    lines = [f"{label}\t\t" + "\t".join(map(str, v)) for label, v in ROWS_2021]
    review = "件数\t" + "\t".join(["1", "1", "0", "0", "2", "0", "0", "0", "0", "0"] + ["—"] * 5)
    text = (
        TITLE
        + "\n".join(lines)
        + "\n四、政府信息公开行政复议、行政诉讼情况\n类别\t行政复议\t行政诉讼\n"
        + review
        + "\n"
    )
    r = parse_report_text(text)
    assert _row(r, R.RECEIVED) == (12, 3, 0, 0, 0, 0, 15)
    assert _row(r, R.DISCLOSED) == (6, 2, 0, 0, 0, 0, 8)
    assert _row(r, R.CARRIED_FORWARD) == (1, 0, 0, 0, 0, 0, 1)
    assert [c.display() for c in r.review.cells][:5] == ["1", "1", "0", "0", "2"]
    assert r.review.cells[-1].kind is CellKind.NOT_APPLICABLE
    assert r.recoveries == ()
    assert not any(c.recovered for _, c in r.items())


LAYOUT = """某局2022年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容     本年制发件数 本年废止件数 现行有效件数
规章       0      0      1
行政规范性文件 3       1      27
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量             12 3  0  0   0   0 15
            属于国家秘密
             1.          0    0    1   0         0      0    1
     （四）无 2.没有现成信息需要另行制作 0 1 0 1
     法提供                                           2      0 4
          5.要求行政机关确认或重新出
          具已获取信息         0    2    0 0         0      0    2
（七）总计                     12 3  0 0   0  0 15
"""


def test_columns_aligned_by_spaces_are_read_by_line() -> None:
    r = parse_report_text(LAYOUT)
    assert _row(r, R.RECEIVED) == (12, 3, 0, 0, 0, 0, 15)
    # the number beside the values, the words on the line above
    assert _row(r, R.WITHHELD_STATE_SECRET) == (0, 0, 1, 0, 0, 0, 1)
    # a label wrapped over two lines, the values beside its second line
    assert _row(r, R.NOT_PROCESSED_CONFIRMATION) == (0, 2, 0, 0, 0, 0, 2)
    # values split over two lines cannot be placed: unread, not guessed
    needs_creation = r.applications.cells[r.format.rows.index(R.UNABLE_NEEDS_CREATION)]
    assert all(c.kind is CellKind.UNREAD for c in needs_creation)
    assert _row(r, R.TOTAL) == (12, 3, 0, 0, 0, 0, 15)
    d = r.disclosure
    assert d.cell(DisclosureRow.NORMATIVE_DOCUMENTS, DisclosureColumn.IN_FORCE).value == 27
    assert d.cell(DisclosureRow.RULES, DisclosureColumn.IN_FORCE).value == 1


def test_layout_values_split_over_a_wrapped_label_are_read_when_their_order_is_moot() -> None:
    # as pdftotext -layout printed 平潭综合实验区自然资源局 2019 and 2020: one value
    # beside the label's first line, six on a later line. All 0: read in any order.
    # 2 then 0 0 0 0 0 2: the 2 may be in any of the columns, every place adds up.
    text = (
        "某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量       2  0  0  0  0  0  2\n"
        "          本机关不掌握相关政府信息 2\n"
        "         1.                0   0   0   0   0   2\n\n"
        "（四）无法 2.没有现成信息需要另行制作 0\n"
        "提供                        0   0   0   0   0   0\n\n"
        "          要求行政机关确认或重新出 0\n"
        "         5.\n"
        "         具已获取信息            0   0   0   0   0   0\n\n"
        "（七）总计                 2   0   0   0   0   0   2\n"
    )
    r = parse_report_text(text)
    assert _row(r, R.UNABLE_NEEDS_CREATION) == (0,) * 7
    assert _row(r, R.NOT_PROCESSED_CONFIRMATION) == (0,) * 7
    assert _row(r, R.UNABLE_NOT_HELD) == (None,) * 7
    assert _row(r, R.TOTAL) == (2, 0, 0, 0, 0, 0, 2)


def test_one_cell_per_line_in_label_then_values_order_is_read() -> None:
    lines = [TITLE.rstrip("\n"), "申请人情况"]
    for label, values in ROWS_2021:
        lines += [label, *map(str, values)]
    r = parse_report_text("\n".join(lines))
    for label, values in ROWS_2021:
        row = next(row for row in r.format.rows if row.printed_zh == label)
        assert _row(r, row) == values


def test_one_cell_per_line_with_values_before_their_labels_reads_nothing() -> None:
    # pdftotext puts a label set low in its cell after its values: each row's values
    # would be read for the row above. Every value of the table stays unread.
    lines = [TITLE.rstrip("\n"), "申请人情况"]
    for label, values in ROWS_2021:
        lines += [*map(str, values), label]
    r = parse_report_text("\n".join(lines))
    assert all(c.kind is CellKind.UNREAD for row in r.applications.cells for c in row)


def test_a_row_label_without_values_means_the_order_flipped() -> None:
    lines = [TITLE.rstrip("\n"), "申请人情况"]
    (first, v1), (second, v2), *_ = ROWS_2021
    # 一 has no values after it, 二's values follow 二: the values after 二 could be
    # 一's printed late, so the table is not trusted
    lines += [first, second, *map(str, v2), "（一）予以公开", *map(str, v1)]
    r = parse_report_text("\n".join(lines))
    assert all(c.kind is CellKind.UNREAD for row in r.applications.cells for c in row)


# --------------------------------------------------- the corpus, in every shape

CORPUS = Path(__file__).parent.parent / "data" / "reports" / "corpus"
FORMS = Path(__file__).parent.parent / "data" / "reports" / "forms"
# The share of cells each text shape reads in every corpus file, at least; the
# rest stay unread (runs with several splits, rows broken across lines…).
MIN_READ = {"page.txt": 0.85, "tab.txt": 1.0, "layout.txt": 0.85, "raw.txt": 0.0}


def _rows(*rows: str) -> frozenset[str]:
    """The seven cells of each table-三 row named."""
    return frozenset(f"applications[{r}, {c.value}]" for r in rows for c in ApplicantColumn)


_PROCUREMENT = frozenset(
    {
        "disclosure[centralised_procurement, procurement_items]",
        "disclosure[centralised_procurement, procurement_amount]",
    }
)
# Cells a shape of one corpus file leaves unread, left out of its share read and
# required unread, each with the reason. "Cannot be read": the text does not say
# which number goes where. "Not read yet": the text does, the reader does not.
#  - split rows: pdftotext -layout puts one value of a row whose label wraps beside
#    the label's first line and the other six on a later line (（二）部分公开 "1" above
#    "0 0 0 0 0 1"); which column the lone value belongs to is not printed, and every
#    place for it adds up. (Split rows of seven equal values are read.)
#  - merged （六）: scj-2024 prints one 0 per column with rowspan=3 over （六）1-3; the
#    text gives one row of 0s or none, so what each row holds is not printed.
SHAPE_UNREAD: dict[tuple[str, str], tuple[str, frozenset[str]]] = {
    ("pingtan-gwh-2020", "tab.txt"): (
        "cannot be read: the procurement amount is printed as 3601627.4元 in a column "
        "of 万元, which Cell.read leaves unread",
        frozenset({"disclosure[centralised_procurement, procurement_amount]"}),
    ),
    ("pingtan-scj-2024", "tab.txt"): (
        "cannot be read: merged （六）; 1.不补正 is followed by the 0s, 2. and 3. by nothing",
        _rows("other_fee_not_paid", "other_misc"),
    ),
    ("pingtan-scj-2024", "layout.txt"): (
        "cannot be read: merged （六） (its 0s printed beside 2.), split row （二） (1 above "
        "0 0 0 0 0 1)",
        _rows("other_not_corrected", "other_fee_not_paid", "other_misc", "partially_disclosed"),
    ),
    ("pingtan-zrz-2019", "layout.txt"): (
        "cannot be read: split row （四）1. (2 above 0 0 0 0 0 2), the procurement amount "
        "printed as 万元 above 2059.2090; not read yet: the procurement items (8, then 万元 "
        "on its line)",
        _rows("unable_not_held") | _PROCUREMENT,
    ),
    ("pingtan-zrz-2020", "layout.txt"): (
        "cannot be read: split rows （二） (4 above 0 0 0 0 0 4) and （四）1. (1 above "
        "0 0 0 1 0 2), the procurement amount printed as 万元 above 1690.9913; not read "
        "yet: the procurement items (19, then 万元 on its line)",
        _rows("partially_disclosed", "unable_not_held") | _PROCUREMENT,
    ),
}


def _corpus_files() -> list[tuple[str, Path]]:
    out = []
    for expected in sorted(CORPUS.glob("*/expected.json")):
        for kind in MIN_READ:
            for path in (expected.parent / kind, FORMS / expected.parent.name / kind):
                if path.exists():
                    out.append((expected.parent.name, path))
    return out


def _expected_cells(slug: str) -> list[tuple[object, str, bool]]:
    import json

    from opengov.reports.model import REVIEW_KEYS, CellRef

    e = json.loads((CORPUS / slug / "expected.json").read_text(encoding="utf-8"))
    out: list[tuple[object, str, bool]] = []
    for entry in e["applications"]:
        for column, text in zip(ApplicantColumn, entry["cells"], strict=True):
            out.append((CellRef.applications(R(entry["row"]), column), text, False))
    for (kind, result), text in zip(REVIEW_KEYS, e["review"], strict=True):
        out.append((CellRef.review(kind, result), text, False))
    for row, columns in e.get("disclosure", {}).items():
        for column, text in columns.items():
            col = DisclosureColumn(column)
            out.append((CellRef.disclosure(DisclosureRow(row), col), text, col.is_money))
    return out


@pytest.mark.parametrize(
    ("slug", "path"), _corpus_files(), ids=[f"{s}/{p.name}" for s, p in _corpus_files()]
)
def test_no_shape_reads_a_number_the_page_does_not_print(slug: str, path: Path) -> None:
    from opengov.reports import Cell

    report = parse_report(path)
    _, unread = SHAPE_UNREAD.get((slug, path.name), ("", frozenset()))
    wrong, read, cells = [], 0, _expected_cells(slug)
    refs = {str(ref): ref for ref, _, _ in cells}
    assert unread <= refs.keys()
    assert [r for r in sorted(unread) if report.cell(refs[r]).kind is not CellKind.UNREAD] == []  # type: ignore[arg-type]
    cells = [c for c in cells if str(c[0]) not in unread]
    for ref, text, money in cells:
        got = report.cell(ref)  # type: ignore[arg-type]
        if got.kind is CellKind.UNREAD:
            continue
        want = Cell.read(text, money=money)
        same = want.kind is got.kind and (
            want.value is got.value
            or (
                want.value is not None
                and got.value is not None
                and Decimal(want.value) == Decimal(got.value)
            )
        )
        read += same
        if not same:
            wrong.append((str(ref), text, got.display()))
    assert wrong == []
    assert read / len(cells) >= MIN_READ[path.name]


def test_crawler_text_with_cells_set_apart_by_single_spaces() -> None:
    # as 平潭综合实验区财政金融局 2020 was saved: one space between cells and labels
    text = (
        f"{HEAD}\n一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0 二、上年结转政府信息公开申请数量 "
        "1 0 0 0 0 0 1 （七）总计 1 0 0 0 0 0 1 四、结转下年度继续办理 0 0 0 0 0 0 0 "
        "四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 "
        "尚未审结 总计 0 0 0 0 0 1 0 0 0 1 0 0 0 0 0 五、存在的主要问题及明年工作计划 无。"
    )
    r = parse_report_text(text)
    assert _row(r, R.CARRIED_OVER) == (1, 0, 0, 0, 0, 0, 1)
    assert _row(r, R.TOTAL) == (1, 0, 0, 0, 0, 0, 1)
    assert [c.value for c in r.review.cells][5:10] == [1, 0, 0, 0, 1]
    assert r.text.problems == "无。"


def test_text_in_no_known_shape_says_which_shapes_are_read() -> None:
    from opengov import ReportParseError

    with pytest.raises(ReportParseError, match="tabs or wide spaces, one cell per line"):
        parse_report_text("某局2021年政府信息公开工作年度报告\n本年共收到申请3件。")


# ------------------------------------------- properties: no shape invents numbers


@st.composite
def consistent_tables(draw: st.DrawFn) -> tuple[int, dict[OutcomeRow, tuple[int, ...]], list[int]]:
    """A year and a table 三 that adds up (rows by applicant column, 总计 last), and
    table 四's 15 numbers."""
    year = draw(st.integers(2019, 2025))
    fmt = ReportFormat.for_year(year)
    small = st.integers(0, 3) | st.integers(0, 300)
    columns: list[dict[OutcomeRow, int]] = []
    for _ in range(6):
        col = {row: draw(small) for row in fmt.counted_rows}
        col[R.TOTAL] = sum(col.values())
        col[R.CARRIED_FORWARD] = draw(small)
        handled = col[R.TOTAL] + col[R.CARRIED_FORWARD]
        col[R.CARRIED_OVER] = draw(st.integers(0, handled))
        col[R.RECEIVED] = handled - col[R.CARRIED_OVER]
        columns.append(col)
    rows = {row: (*(c[row] for c in columns), sum(c[row] for c in columns)) for row in fmt.rows}
    review: list[int] = []
    for _ in range(3):
        four = [draw(small) for _ in range(4)]
        review += [*four, sum(four)]
    return year, rows, review


def _check_never_wrong(
    text: str, rows: dict[OutcomeRow, tuple[int, ...]], review: list[int]
) -> int:
    r = parse_report_text(text)
    read = 0
    for row, values in rows.items():
        for column, value in zip(ApplicantColumn, values, strict=True):
            cell = r.applications.cell(row, column)
            if cell.kind is not CellKind.UNREAD:
                assert cell.value == value, (row, column)
                read += 1
    for cell, value in zip(r.review.cells, review, strict=True):
        if cell.kind is not CellKind.UNREAD:
            assert cell.value == value
    return read


REVIEW_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼"


@given(consistent_tables(), st.lists(st.booleans(), min_size=200, max_size=200))
@settings(max_examples=40, deadline=None)
def test_crawler_text_never_gives_a_number_the_table_does_not_hold(
    table: tuple[int, dict[OutcomeRow, tuple[int, ...]], list[int]], spaces: list[bool]
) -> None:
    year, rows, review = table
    gaps = iter(spaces * 3)
    body = "".join(
        row.printed_zh + "".join(f"{v}{' ' if next(gaps) else ''}" for v in values).rstrip()
        for row, values in rows.items()
    )
    text = (
        f"标题: 某局{year}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况{body}"
        f"{REVIEW_HEAD}{''.join(map(str, review))}五、存在的主要问题及改进情况"
    )
    _check_never_wrong(text, rows, review)


@given(consistent_tables(), st.integers(1, 4), st.sampled_from(["\t", "layout"]))
@settings(max_examples=40, deadline=None)
def test_tab_and_layout_rows_are_read_whole(
    table: tuple[int, dict[OutcomeRow, tuple[int, ...]], list[int]], gap: int, shape: str
) -> None:
    year, rows, review = table
    sep = "\t" if shape == "\t" else " " * gap
    lead = "\t" if shape == "\t" else " " * (gap + 1)
    lines = [f"{row.printed_zh}{lead}{sep.join(map(str, v))}" for row, v in rows.items()]
    text = (
        f"某局{year}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        + "\n".join(lines)
        + f"\n{REVIEW_HEAD.replace(' ', sep)}\n{sep.join(map(str, review))}\n"
    )
    assert _check_never_wrong(text, rows, review) == 7 * len(rows)


def test_unread_runs_render_as_unread_and_parse_back_unread() -> None:
    from opengov.reports import to_html, to_markdown, to_text

    r = parse_report(CRAWLER.parent / "corpus" / "pingtan-2024" / "page.txt")
    again = parse_report_text(to_text(r))
    for (ref, cell), (_, back) in zip(r.items(), again.items(), strict=True):
        if cell.kind is CellKind.UNREAD:
            assert back.kind is CellKind.UNREAD, ref
        else:
            assert back.value == cell.value, ref
    assert "?6233440" in to_text(r)
    assert "?6233440" in to_markdown(r)
    assert "?6233440" in to_html(r)


def test_a_page_footer_with_bars_does_not_make_crawler_text_a_bar_dump() -> None:
    text = (CRAWLER / "pingtan-2021.txt").read_text(encoding="utf-8")
    r = parse_report_text(text + "\n使用帮助 | 联系我们 | 隐私保护 | 新媒体矩阵")
    assert _row(r, R.DISCLOSED) == (27, 0, 0, 2, 0, 1, 30)
