"""Silent misreads: printed text that once gave a wrong number now gives none."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import OutcomeRow, ReportParseError
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    Cell,
    CellKind,
    DisclosureColumn,
    DisclosureRow,
    HtmlCell,
    HtmlTable,
    check_report,
    parse_html_tables,
    parse_report,
    parse_report_html,
    parse_report_text,
)
from opengov.reports._reader import TABLE_END, Tok

# ------------------------------------------------------------------ Cell.read


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("12", 12),
        ("１２", 12),  # full-width digits
        (" 7 ", 7),
        ("1,284", 1284),
        ("１，２８４", 1284),  # full-width separator
        ("12,345,678", 12345678),
        ("3件", 3),
        ("3 件", 3),
        ("25人次", 25),
        ("+3", 3),
        ("-2", -2),
        ("－２", -2),
        ("3.60", Decimal("3.60")),  # a count with a fraction is kept for the checks
        ("999999999999999", 999_999_999_999_999),  # 15 digits
    ],
)
def test_plain_counts_are_read(printed: str, value: int | Decimal) -> None:
    cell = Cell.read(printed)
    assert (cell.kind, cell.value) == (CellKind.NUMBER, value)
    assert type(cell.value) is type(value)


def test_money_reads_decimals() -> None:
    assert Cell.read("128.35", money=True).value == Decimal("128.35")
    assert Cell.read("3.6万元", money=True).value == Decimal("3.6")
    assert Cell.read("12", money=True).value == Decimal(12)
    # amounts are in 万元: one printed in 元 was read as that many 万元
    assert Cell.read("36000元", money=True) == Cell.unread("36000元")
    assert Cell.read("75394432.52元", money=True) == Cell.unread("75394432.52元")


def test_a_fee_printed_in_yuan_is_not_read_as_wan_yuan() -> None:
    text = (DATA / "f2021-clean.txt").read_text(encoding="utf-8")
    assert "行政事业性收费 |\n3.60 |\n" in text
    r = parse_report_text(
        text.replace("行政事业性收费 |\n3.60 |\n", "行政事业性收费 |\n36000元 |\n")
    )
    fee = r.disclosure.cell(DisclosureRow.ADMINISTRATIVE_FEES, DisclosureColumn.FEE_AMOUNT)
    assert (fee.kind, fee.raw) == (CellKind.UNREAD, "36000元")


@pytest.mark.parametrize(
    "printed",
    [
        "5²",  # NFKC once made this 52
        "①",  # and this 1
        "⑴",
        "1 0",  # and this 10
        "12 34",  # and this 1234
        "1\u30002",  # an ideographic space inside the number
        "١٢",  # Arabic-Indic digits
        "𝟏𝟐",  # mathematical digits
        "12,34",  # separators not in groups of three
        "1,2345",
        ",123",
        "1.",
        "约3",
        "3件5",
        "+ 3",
        "9999999999999999",  # 16 digits: not a count
        "9" * 5000,  # past int()'s digit limit: once a bare ValueError
    ],
)
def test_anything_else_is_unread_with_its_text(printed: str) -> None:
    cell = Cell.read(printed)
    assert cell.kind is CellKind.UNREAD
    assert cell.raw == printed


@pytest.mark.parametrize("printed", ["/", "／", "—", "——", "-", "－", "不适用", " 不 适 用 ", "无"])
def test_not_applicable_markers_are_kept(printed: str) -> None:
    cell = Cell.read(printed)
    assert cell.kind is CellKind.NOT_APPLICABLE
    assert cell.raw == printed.strip()


@pytest.mark.parametrize("printed", ["", "   ", "\u3000", "\xa0"])
def test_whitespace_is_blank(printed: str) -> None:
    assert Cell.read(printed).kind is CellKind.BLANK


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_any_count_reads_as_itself(n: int) -> None:
    assert Cell.read(str(n)) == Cell.number(n)
    assert Cell.read(f"{n:,}") == Cell.number(n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=10**15, max_value=10**60))
def test_counts_past_fifteen_digits_are_unread(n: int) -> None:
    assert Cell.read(str(n)) == Cell.unread(str(n))


def _digit_like(c: str) -> bool:
    """A character that is, or folds to, a digit other than ASCII and full-width ones."""
    if "0" <= c <= "9" or "０" <= c <= "９":
        return False
    return unicodedata.digit(c, None) is not None or any(
        ch.isdigit() for ch in unicodedata.normalize("NFKC", c)
    )


@cache
def _digit_likes() -> list[str]:
    """Every digit-like character (some 900; listed once, when first needed)."""
    return [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000 and _digit_like(chr(i))]


_DIGIT_LIKE = st.deferred(lambda: st.sampled_from(_digit_likes()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789１２,.+- 件元", max_size=8), _DIGIT_LIKE, st.data())
def test_a_digit_like_character_is_never_read_as_a_digit(
    around: str, odd: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(around)))
    text = around[:at] + odd + around[at:]
    assert Cell.read(text).kind is not CellKind.NUMBER, text


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_read_never_raises(text: str, money: bool) -> None:
    cell = Cell.read(text, money=money)
    if cell.kind is CellKind.UNREAD:
        assert cell.raw == text.strip()


TEXT_REPORT = """某局2021年政府信息公开工作年度报告
一、本年新收政府信息公开申请数量 | {cell} | 0 | 0 | 0 | 0 | 0 | 3 |
"""


@pytest.mark.parametrize("printed", ["5²", "①", "1 0", "9" * 5000])
def test_a_report_cell_that_is_not_a_plain_count_is_unread(printed: str) -> None:
    r = parse_report_text(TEXT_REPORT.format(cell=printed))
    cell = r.applications.cell(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON)
    assert (cell.kind, cell.raw) == (CellKind.UNREAD, printed)
    assert r.applications.value(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL) == 3


def test_the_digit_like_characters_include_the_misread_ones() -> None:
    assert {"²", "①", "⑴", "٣", "𝟏"} <= set(_digit_likes())
    assert not {"1", "１", "万", "三"} & set(_digit_likes())


# ---------------------------------------------------------------- prose numbers

PROSE_REPORT = """某局2021年政府信息公开工作年度报告
一、总体情况
{overview}
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
六、其他需要报告的事项
{other}
"""


@pytest.mark.parametrize(
    ("sentence", "yuan"),
    [
        ("收取信息处理费１，２００元。", Decimal(1200)),
        ("收取信息处理费 300 元。", Decimal(300)),
        ("收取信息处理费1 200元。", None),  # once 1200: two numbers, or one spaced
        ("收取信息处理费1²元。", None),  # once 12
        ("收取信息处理费²00元。", None),  # once 200
        ("收取信息处理费٣٠٠元。", None),  # once 300: Arabic-Indic digits
        ("收取信息处理费" + "9" * 20 + "元。", None),  # once a 20-digit amount
        ("收取信息处理费" + "9" * 5000 + "元。", None),
    ],
)
def test_information_fee_reads_plain_numbers_only(sentence: str, yuan: Decimal | None) -> None:
    r = parse_report_text(PROSE_REPORT.format(overview="", other=sentence))
    assert r.information_fee_yuan == yuan


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("2021年共收到政府信息公开申请４件。", 4),  # full-width: read, differs from 3
        ("2021年共收到政府信息公开申请3件。", None),  # as the table says
        ("2021年共收到政府信息公开申请1²件。", None),  # once read as 12
        ("2021年共收到政府信息公开申请²4件。", None),  # once read as 24
        ("2021年共收到政府信息公开申请1 2件。", None),
        ("2021年共收到政府信息公开申请" + "9" * 5000 + "件。", None),  # once ValueError
    ],
)
def test_narrative_check_reads_plain_counts_only(sentence: str, stated: int | None) -> None:
    r = parse_report_text(PROSE_REPORT.format(overview=sentence, other=""))
    found = [f.expected for f in check_report(r) if f.rule.value == "narrative"]
    assert found == ([] if stated is None else [stated])


# ------------------------------------------------------------ text rule lines

REVIEW_DUMP = """某局2021年政府信息公开工作年度报告
一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼 |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
{rule}
{values}
五、存在的主要问题及改进情况
"""


@pytest.mark.parametrize("rule", ["|||||", "|---|---|---|---|---|", "| :---: | ---: |"])
def test_a_rule_line_is_not_read_as_blank_cells(rule: str) -> None:
    # Ten values for fifteen columns: which ten is not known, so none is read. The
    # rule's five empty pieces once made them fifteen, the 复议 numbers landing in
    # the 诉讼 columns.
    values = "3 | 1 | 0 | 1 | 5 | 2 | 0 | 1 | 0 | 3 |"
    r = parse_report_text(REVIEW_DUMP.format(rule=rule, values=values))
    assert all(c.kind is CellKind.UNREAD for c in r.review.cells)
    whole = "3 | 1 | 0 | 1 | 5 | 2 | 0 | 1 | 0 | 3 | 1 | 1 | 0 | 0 | 2 |"
    r = parse_report_text(REVIEW_DUMP.format(rule=rule, values=whole))
    assert [c.value for c in r.review.cells] == [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 1, 0, 0, 2]


MARKDOWN_REVIEW = """某局2021年政府信息公开工作年度报告
一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
## 四、政府信息公开行政复议、行政诉讼情况
|  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|---|
| 行政复议 | 3 | 1 | 0 | 1 | 5 |
| 行政诉讼：未经复议直接起诉 | 2 | 0 | 1 | 0 | 3 |
| 行政诉讼：复议后起诉 | 1 | 1 | 0 | 0 | 2 |
|||||||||||||||
"""


def test_a_rule_after_a_markdown_table_is_not_read_as_its_values() -> None:
    # The fifteen empty pieces once made the last row's values the 复议 row's.
    r = parse_report_text(MARKDOWN_REVIEW)
    assert [c.value for c in r.review.cells] == [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 1, 0, 0, 2]


def test_a_single_separator_line_is_still_a_blank_cell() -> None:
    # One cell per line: "|" alone is a blank cell, not a rule.
    text = "某局2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 |\n" + (
        "1 |\n|\n0 |\n0 |\n0 |\n0 |\n1 |\n"
    )
    r = parse_report_text(text)
    row = r.applications.cells[0]
    assert [c.kind.value for c in row[:2]] == ["number", "blank"]
    assert [c.value for c in row] == [1, None, 0, 0, 0, 0, 1]


# ------------------------------------------------------------- lost cell lines

DATA = Path(__file__).parent.parent / "data" / "reports"


def _all_cells(report: AnnualReport) -> list[Cell]:
    return [
        *(c for row in report.applications.cells for c in row),
        *report.review.cells,
        *report.disclosure.cells,
    ]


def test_a_lost_cell_line_leaves_its_row_unread() -> None:
    # 规章's "1" lost: "0 | 6 |" and the row's closing "|" were read as 0, 6 and a
    # blank, and no check noticed.
    text = (DATA / "f2021-clean.txt").read_text(encoding="utf-8")
    assert "规章 |\n1 |\n0 |\n6 |\n|\n" in text
    r = parse_report_text(text.replace("规章 |\n1 |\n0 |\n6 |\n|\n", "规章 |\n0 |\n6 |\n|\n"))
    dc = DisclosureColumn
    rules = [
        r.disclosure.cell(DisclosureRow.RULES, c) for c in (dc.ISSUED, dc.REPEALED, dc.IN_FORCE)
    ]
    assert [(c.kind, c.raw) for c in rules] == [(CellKind.UNREAD, "0 | 6 | ")] * 3
    normative = DisclosureRow.NORMATIVE_DOCUMENTS
    assert r.disclosure.cell(normative, DisclosureColumn.IN_FORCE).value == 23
    # the last row of a table may lack its closing line: it is read
    assert r.disclosure.cell(
        DisclosureRow.ADMINISTRATIVE_FEES, DisclosureColumn.FEE_AMOUNT
    ).value == Decimal("3.60")


@pytest.mark.parametrize("name", ["f2021-clean.txt", "f2019-errors.txt"])
def test_any_lost_line_never_changes_a_number(name: str) -> None:
    # Dumps printing one cell per line (and some rows on a line): with any one line
    # dropped, every cell reads as before or is unread.
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    want = _all_cells(parse_report_text("\n".join(lines)))
    for i, line in enumerate(lines):
        if "|" not in line or "本年新收" in line:
            continue
        got = _all_cells(parse_report_text("\n".join(lines[:i] + lines[i + 1 :])))
        changed = [
            (k, w, g) for k, (w, g) in enumerate(zip(want, got, strict=True))
            if g != w and g.kind is not CellKind.UNREAD
        ]  # fmt: skip
        assert not changed, (i, line, changed[:3])


# -------------------------------------------------------------- big HTML pages


def _table(html: str, n: int) -> str:
    tables: list[str] = re.findall(r"<table.*?</table>", html, re.S)
    return tables[n]


def test_a_page_of_many_tables_is_put_together_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 100 copies of table 三 and 100 tables of no report: each table is placed a
    # fixed number of times (the others only to see whether they continue the table
    # before them), and the tokens are joined once (splicing every table into the
    # whole token list in turn made such a page quadratic).
    from opengov.reports import parse_html

    spans = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    other = "<table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>某</td></tr></table>"

    def page(copies: int) -> str:
        return spans.replace("</body>", (_table(spans, 1) + other) * copies + "</body>")

    def tokens(copies: int) -> list[Tok]:
        return parse_html._report_tokens(parse_html._collect(page(copies)))

    one_copy = len(tokens(1)) - len(tokens(0))
    placed: list[int] = []
    place = parse_html._place

    def counting(rows: Sequence[Sequence[HtmlCell]]) -> object:
        placed.append(len(rows))
        return place(rows)

    monkeypatch.setattr(parse_html, "_place", counting)
    many = tokens(100)
    # the page's own 三 and 四, then each copy: placed to know its width, the table
    # after it (not a continuation: its rows end short of the right edge), then the
    # copy read
    assert placed == [28, 4] + [28, 2, 28] * 100
    assert len(many) == len(tokens(0)) + 100 * one_copy
    assert sum(t.kind == TABLE_END for t in many) == 3 + 200


def test_grid_slots_placed_for_a_page_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tables whose few cells span many rows fill many grid slots: past the page's
    # cap (1,000,000 slots; 2,000 here), tables are read in document order instead.
    from opengov.reports import parse_html

    assert parse_html._PAGE_SLOTS == 1_000_000
    monkeypatch.setattr(parse_html, "_PAGE_SLOTS", 2_000)
    cells = '<td rowspan="10">0</td>' * 50
    label = "<td>一、本年新收政府信息公开申请数量</td>"
    table = f"<table><tr>{label}{cells}</tr>{'<tr></tr>' * 9}</table>"
    placed: list[int] = []
    place = parse_html._place

    def counting(rows: Sequence[Sequence[HtmlCell]]) -> object:
        placed.append(parse_html._slots(rows))
        return place(rows)

    monkeypatch.setattr(parse_html, "_place", counting)
    r = parse_report_html("<p>某局2021年政府信息公开工作年度报告</p>" + table * 40)
    assert placed == [501] * 3  # a fourth would pass the cap
    assert all(c.kind is CellKind.UNREAD for c in r.applications.cells[0])


# --------------------------------------------------- superscripts, hidden text

RECEIVED_ROW = '<td></td><td>12</td><td colspan="2">3</td>'


@pytest.mark.parametrize(
    ("cells", "natural_person", "commercial"),
    [
        # once read as 12: the cell is unread, its text kept
        ('<td></td><td>1<sup>2</sup></td><td colspan="2">3</td>', "1 (superscript 2)", 3),
        ('<td></td><td>1<sub>2</sub></td><td colspan="2">3</td>', "1 (subscript 2)", 3),
        # once read as 123
        (
            '<td></td><td>12<span style="display:none">3</span></td><td colspan="2">3</td>',
            "12 (hidden 3)",
            3,
        ),
        ('<td></td><td>12</td><td colspan="2"><span hidden>1</span>3</td>', 12, "3 (hidden 1)"),
        (
            '<td></td><td>12</td><td colspan="2">3<b style="Visibility: Hidden">0</b></td>',
            12,
            "3 (hidden 0)",
        ),
        # two paragraphs in one cell were run together as 12
        ('<td></td><td><p>1</p><p>2</p></td><td colspan="2">3</td>', "1 2", 3),
        # hidden text without digits is dropped; so is Word's empty <o:p>
        ('<td></td><td>12<span style="display: none">件</span></td><td colspan="2">3</td>', 12, 3),
        ('<td></td><td><span lang=EN-US>12<o:p></o:p></span></td><td colspan="2">3</td>', 12, 3),
    ],
)
def test_superscripts_and_hidden_digits_leave_a_cell_unread(
    cells: str, natural_person: int | str, commercial: int | str
) -> None:
    html = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    assert RECEIVED_ROW in html
    r = parse_report_html(html.replace(RECEIVED_ROW, cells))
    app = r.applications
    for col, want in (
        (ApplicantColumn.NATURAL_PERSON, natural_person),
        (ApplicantColumn.COMMERCIAL_ENTERPRISE, commercial),
    ):
        cell = app.cell(OutcomeRow.RECEIVED, col)
        if isinstance(want, int):
            assert (cell.kind, cell.value) == (CellKind.NUMBER, want)
        else:
            assert (cell.kind, cell.raw) == (CellKind.UNREAD, want)
    assert app.value(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL) == 15


def test_a_footnote_mark_on_a_label_is_dropped() -> None:
    html = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    label = "<td>行政许可</td>"
    assert label in html
    r = parse_report_html(html.replace(label, "<td>行政许可<sup>1</sup></td>"))
    assert (
        r.disclosure.cell(DisclosureRow.LICENSING, DisclosureColumn.DECISIONS_THIS_YEAR).value
        == 412
    )


def test_hidden_prose_and_superscript_digits_are_not_read_in_the_text() -> None:
    html = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    said = "<p>2021年，本局共收到政府信息公开申请15件，均已按时答复。</p>"
    assert said in html
    # "1<sup>5</sup>件" once read as 15: the stated count is not read (no finding)
    r = parse_report_html(html.replace(said, said.replace("15件", "1<sup>5</sup>件")))
    assert r.text.overview == "2021年，本局共收到政府信息公开申请1⁵件，均已按时答复。"
    assert not [f for f in check_report(r) if f.rule.value == "narrative"]
    # hidden prose is not shown, and not read
    hidden = '<p style="display:none">2021年，本局共收到政府信息公开申请99件。</p>'
    r = parse_report_html(html.replace(said, hidden + said))
    assert "99" not in r.text.overview


# ---------------------------------------------------------- two reports in one


def test_a_text_holding_two_reports_is_refused() -> None:
    first = (DATA / "f2021-clean.txt").read_text(encoding="utf-8")
    second = (DATA / "f2019-errors.txt").read_text(encoding="utf-8")
    assert first.count("\n") == 334  # so the second report's title is on line 335
    assert second.startswith("某县卫生健康局2019年")
    # once: the first report's numbers, and not a word of the second
    with pytest.raises(ReportParseError, match="holds 2 reports") as e:
        parse_report_text(first + second)
    assert "“某县卫生健康局2019年政府信息公开工作年度报告” (line 335)" in str(e.value)
    assert "split" in str(e.value)
    with pytest.raises(ReportParseError, match="holds 3 reports"):
        parse_report_text(first + second + first)


def test_an_html_page_holding_two_reports_is_refused() -> None:
    first = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    second = (DATA / "f2019-errors.html").read_text(encoding="utf-8")
    with pytest.raises(ReportParseError, match="holds 2 reports") as e:
        parse_report_html(first + second)
    assert "“某县自然资源局2019年政府信息公开工作年度报告”" in str(e.value)


def test_a_second_table_three_after_a_table_four_is_another_report() -> None:
    # no title between: the second report is named by its first row
    text = REVIEW_DUMP.format(
        rule="", values="0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    )
    with pytest.raises(ReportParseError, match="holds 2 reports") as e:
        parse_report_text(text + "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n")
    assert "“一、本年新收政府信息公开申请数量” (line 10)" in str(e.value)


def test_a_table_three_printed_twice_is_one_report() -> None:
    # no table 四 and no title between the two: not taken for a second report
    row = "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
    r = parse_report_text("某局2021年政府信息公开工作年度报告\n" + row + "附表\n" + row)
    assert r.applications.value(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL) == 3


# ---------------------------------------------------------- Word-exported HTML

WORD_TABLE_THREE = [
    [21, 4, 0, 1, 2, 0, 28],  # 一、本年新收
    [2, 1, 0, 0, 0, 0, 3],  # 二、上年结转
    [9, 2, 0, 1, 1, 0, 13],  # （一）予以公开
    [3, 1, 0, 0, 0, 0, 4],  # （二）部分公开
    [0, 0, 0, 0, 0, 0, 0],  # （三）1
    [0, 0, 0, 0, 0, 0, 0],  # （三）2
    [1, 0, 0, 0, 0, 0, 1],  # （三）3
    [1, 0, 0, 0, 0, 0, 1],  # （三）4
    [0, 0, 0, 0, 0, 0, 0],  # （三）5
    [1, 0, 0, 0, 0, 0, 1],  # （三）6
    [0, 0, 0, 0, 0, 0, 0],  # （三）7
    [0, 0, 0, 0, 0, 0, 0],  # （三）8
    [4, 1, 0, 0, 1, 0, 6],  # （四）1
    [1, 0, 0, 0, 0, 0, 1],  # （四）2
    [0, 0, 0, 0, 0, 0, 0],  # （四）3 (the last row before the page break)
    [1, 0, 0, 0, "/", 0, 1],  # （五）1 ("/" merged down the five （五） rows)
    [0, 0, 0, 0, "/", 0, 0],  # （五）2
    [0, 0, 0, 0, "/", 0, 0],  # （五）3
    [0, 0, 0, 0, "/", 0, 0],  # （五）4
    [0, 0, 0, 0, "/", 0, 0],  # （五）5 (its label holds hidden text without digits)
    [1, 0, 0, 0, 0, 0, 1],  # （六）1
    [0, 0, 0, 0, 0, 0, 0],  # （六）2
    [0, 0, 0, 0, 0, 0, 0],  # （六）3
    [22, 4, 0, 1, 2, 0, 29],  # （七）总计
    [1, 1, 0, 0, 0, 0, 2],  # 四、结转下年度
]


def _printed(report: AnnualReport) -> list[list[object]]:
    return [
        [c.value if c.kind is CellKind.NUMBER else c.display() for c in row]
        for row in report.applications.cells
    ]


def test_word_exported_html_reads_every_number() -> None:
    # Word markup throughout (see tests/data/reports/README.md) and table 三 split by
    # a page break into two tables, the second repeating the header: the rows after
    # the break were read in document order, and the "/" merged down five rows left
    # four of them unread (28 cells); they are now placed under the headings.
    r = parse_report(DATA / "f2021-word.html")
    assert (r.agency, r.year, r.format.value) == ("某区人力资源和社会保障局", 2022, "2021")
    assert _printed(r) == WORD_TABLE_THREE
    assert r.completeness().unread == 0
    assert [c.value for c in r.review.cells] == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
    d, dr, dc = r.disclosure, DisclosureRow, DisclosureColumn
    assert [
        d.cell(dr.RULES, dc.ISSUED).value,
        d.cell(dr.NORMATIVE_DOCUMENTS, dc.ISSUED).value,
        d.cell(dr.NORMATIVE_DOCUMENTS, dc.REPEALED).value,
        d.cell(dr.NORMATIVE_DOCUMENTS, dc.IN_FORCE).value,
        d.cell(dr.LICENSING, dc.DECISIONS_THIS_YEAR).value,
        d.cell(dr.PENALTIES, dc.DECISIONS_THIS_YEAR).value,
        d.cell(dr.COERCIVE_MEASURES, dc.DECISIONS_THIS_YEAR).value,
        d.cell(dr.ADMINISTRATIVE_FEES, dc.FEE_AMOUNT).value,
    ] == [0, 2, 1, 15, 1035, 27, 0, Decimal(0)]
    assert (
        r.text.overview
        == "2022年，本机关共收到政府信息公开申请28件，上年结转3件，结转下年度继续办理2件。"
    )
    assert r.text.problems.startswith("1. 政策解读形式还不够丰富。")
    assert "Administrator" not in r.text.overview  # the <xml> islands are not text
    findings = check_report(r)
    assert [(f.rule.value, len(f.cells)) for f in findings] == [("incomplete", 5)]
    assert {c.kind for c in findings[0].cells} == {CellKind.NOT_APPLICABLE}


def test_a_continuation_whose_columns_do_not_line_up_is_not_joined() -> None:
    # Without the empty cell continuing the label column, the rows after the page
    # break would sit one column left under the headings: they are read in document
    # order instead, where the rows the "/" spans lack a cell and stay unread.
    html = (DATA / "f2021-word.html").read_text(encoding="utf-8")
    cont = re.search(r"<td width=57 valign=top rowspan=9 .*?</td>\n  ", html, re.S)
    assert cont is not None
    r = parse_report_html(html.replace(cont.group(0), ""))
    got = _printed(r)
    for n, (row, want) in enumerate(zip(got, WORD_TABLE_THREE, strict=True)):
        if row != want:
            assert 16 <= n <= 19, n  # （五）2-5
            assert all(c.kind is CellKind.UNREAD for c in r.applications.cells[n])


def _split(table: HtmlTable, k: int, header: int) -> str:
    """``table`` split into two at a page break before row ``k``, as an author splitting
    it would: spans cut at the break, the second table repeating ``header`` rows and
    a cell the break cuts (its text again) for the rest of that cell's rows."""
    from opengov.reports import parse_html

    layout = parse_html._place(table.rows)
    assert layout is not None
    parts: list[list[list[tuple[int, str]]]] = [
        [[] for _ in range(k)],
        [[] for _ in range(len(table.rows) - k)],
    ]

    def td(text: str, rowspan: int, colspan: int) -> str:
        return f'<td rowspan="{rowspan}" colspan="{colspan}">{text}</td>'

    for p in layout[0]:
        span = p.cell.colspan
        if p.row < k:
            parts[0][p.row].append((p.col, td(p.cell.text, min(p.rowspan, k - p.row), span)))
            if p.row + p.rowspan > k:
                parts[1][0].append((p.col, td(p.cell.text, p.row + p.rowspan - k, span)))
        else:
            parts[1][p.row - k].append((p.col, td(p.cell.text, p.rowspan, span)))
    first, second = (
        ["<tr>" + "".join(t for _, t in sorted(row)) + "</tr>" for row in part] for part in parts
    )
    return f"<table>{''.join(first)}</table><p><br clear=all style='page-break-before:always'></p><table>{''.join(first[:header] + second)}</table>"


def test_a_split_table_three_reads_as_the_whole_one() -> None:
    # f2021-spans.html's table 三 (value cells two grid columns wide, a "/" over five
    # rows, a number over two columns) split before any row as Word splits a table,
    # with or without the three header rows repeated: every cell reads as in the
    # whole table (the rows after the break were read in document order).
    html = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    whole = _table(html, 1)
    table = parse_html_tables(html)[1]
    want = parse_report_html(html).applications
    for k in range(4, len(table.rows)):
        for header in (0, 3):
            got = parse_report_html(html.replace(whole, _split(table, k, header))).applications
            assert got == want, (k, header)


def test_a_split_whose_second_part_lacks_the_label_column_is_not_joined() -> None:
    # Spans not cut at the break and no cell continuing them: a browser shows the
    # rows after the break one column left, so they are not placed under the
    # headings of the rows before; read in document order, no number is wrong.
    html = (DATA / "f2021-spans.html").read_text(encoding="utf-8")
    whole = _table(html, 1)
    rows: list[str] = re.findall(r"<tr>.*?</tr>", whole, re.S)
    want = parse_report_html(html).applications.cells
    for k in range(4, len(rows)):
        split = f"<table>{''.join(rows[:k])}</table><table>{''.join(rows[k:])}</table>"
        got = parse_report_html(html.replace(whole, split)).applications.cells
        for n, (g, w) in enumerate(zip(got, want, strict=True)):
            assert g == w or all(c.kind is CellKind.UNREAD for c in g), (k, n)


def test_a_hidden_cell_after_one_left_open_is_still_hidden() -> None:
    # <td> not closed before a hidden <td>: the hidden cell's "5" was read
    tables = parse_html_tables(
        '<table><tr><td>1<td style="display:none">5</td><td>7</td></tr>'
        "<tr hidden><td>9</td><tr><td>3</td></table>"
    )
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["1", "(hidden 5)", "7"],
        ["(hidden 9)"],
        ["3"],
    ]


def test_a_not_applicable_marker_cut_by_a_wrap_leaves_its_row_unread() -> None:
    # f2021-clean.txt rendered one row per line, its （七）总计 row printed with 不适用
    # in the 总计 cell and the line wrapped inside the marker ("| 2 | 不适" / "用 |").
    # The cut marker ended the line's cells early, and the blank label column before
    # 48 was read as the first value: ['', 48, 7, 2, 1, 3, 2], each number one
    # column right of where it is printed.
    from opengov.reports import to_text

    clean = parse_report(DATA / "f2021-clean.txt")
    lines = to_text(clean).splitlines()
    i = next(n for n, line in enumerate(lines) if "（七）总计" in line)
    assert lines[i] == " | （七）总计 |  | 48 | 7 | 2 | 1 | 3 | 2 | 63 |"  # as printed
    wrapped = [*lines[:i], lines[i][: -len("63 |")] + "不适", "用 |", *lines[i + 1 :]]
    report = parse_report_text("\n".join(wrapped))
    row = report.applications.cells[list(report.format.rows).index(OutcomeRow.TOTAL)]
    assert all(c.kind is CellKind.UNREAD for c in row)
    assert report.applications.cells[0] == clean.applications.cells[0]  # the rest as before


def test_a_row_wrapped_before_its_last_separators_is_not_read_short() -> None:
    # Row 一 of f2021-clean.txt, rendered one row per line, printed with its last two
    # cells blank and the line wrapped inside them: "…| 0 |  " / "|  |". The rest,
    # "|  |", looks like a rule line; read as one, the row was two cells short and
    # read as ['', '', 0, 0, 0, 0, 0]: every value two columns right of its place.
    from opengov.reports import to_text

    clean = parse_report(DATA / "f2021-clean.txt")
    cells = list(clean.applications.cells)
    cells[0] = (*(Cell.number(0),) * 5, Cell.blank(), Cell.blank())
    table = clean.applications.model_validate({"format": clean.format, "cells": tuple(cells)})
    printed = AnnualReport.model_validate({**dict(clean), "applications": table})
    lines = to_text(printed).splitlines()
    i = next(n for n, line in enumerate(lines) if "本年新收" in line)
    assert lines[i].endswith("| 0 | 0 | 0 | 0 | 0 |  |  |")
    at = len(lines[i]) - len("|  |")
    wrapped = [*lines[:i], lines[i][:at], lines[i][at:], *lines[i + 1 :]]
    assert wrapped[i].endswith("| 0 |  ")
    assert wrapped[i + 1] == "|  |"
    row = parse_report_text("\n".join(wrapped)).applications.cells[0]
    assert row == cells[0] or all(c.kind is CellKind.UNREAD for c in row)


def test_a_markdown_delimiter_row_after_a_header_with_trailing_space_is_a_rule() -> None:
    # A header line ending "| " (a space after its last "|") leaves the line open;
    # the "|---|" row after it is still a rule, and row 一 reads as printed (a guard).
    text = "\n".join(
        [
            "某区某局2021年政府信息公开工作年度报告",
            "三、收到和处理政府信息公开申请情况",
            "| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 | ",
            "|---|---|---|---|---|---|---|---|",
            "| 一、本年新收政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |",
        ]
    )
    row = parse_report_text(text).applications.cells[0]
    assert [c.value for c in row] == [2, 1, 0, 0, 0, 0, 3]
