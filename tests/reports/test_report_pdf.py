"""PDF reports: text and ruled tables, tables continued over pages, scans refused.

The PDFs are the corpus forms (``tests/data/reports/forms/<slug>/report.pdf``,
printed from the agency's page by Chromium), each of which must read exactly as the
page it was printed from, prose included.
"""

from __future__ import annotations

import io
import sys
import zlib
from pathlib import Path

import pytest

from opengov.errors import MissingExtraError, ReportParseError
from opengov.reports import parse_report, parse_report_bytes
from opengov.reports._blocks import Box, Grid, Para
from opengov.reports._pdf import PageContent, PageTable, TextLine, assemble, converted

pytest.importorskip("pdfplumber")

DATA = Path(__file__).parent.parent / "data" / "reports"
# prints of pages whose tables have ruling lines (others: see the tests below)
SLUGS = ["pingtan-2023", "pingtan-2024", "pingtan-2025", "pingtan-shs-2024"]


@pytest.mark.parametrize("slug", SLUGS)
def test_a_printed_report_reads_as_its_page(slug: str) -> None:
    pdf = parse_report(DATA / "forms" / slug / "report.pdf")
    assert pdf == parse_report(DATA / "corpus" / slug / "page.html")


def test_the_pdf_of_2023_spans_pages() -> None:
    # table 三 starts on page 3 and ends on page 5 of this print: one table, with
    # the label 三、本年度办理结果 merged down over all three pages
    from opengov.reports._pdf import pdf_report_html

    html = pdf_report_html((DATA / "forms" / "pingtan-2023" / "report.pdf").read_bytes(), "r")
    assert html.notes == ()
    assert html.html.count("<table>") == 3  # 二, 三 and 四
    # 22 rows of the page, and two empty rows the print's page breaks drew
    assert '<td rowspan="24">三、本年度办理结果</td>' in html.html
    assert ">?<" not in html.html  # no slot left uncovered


def test_a_scanned_pdf_is_refused() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument((DATA / "forms" / "pingtan-2023" / "report.pdf").read_bytes())
    image = document[0].render(scale=1).to_pil()  # page 1 as a scan would give it
    scan = io.BytesIO()
    image.save(scan, format="PDF")
    with pytest.raises(ReportParseError, match="the PDF has no text layer") as caught:
        parse_report_bytes(scan.getvalue(), name="scan.pdf")
    assert str(caught.value) == (
        "cannot read report file 'scan.pdf': the PDF has no text layer (a scanned image); "
        "OCR is out of scope: use the agency's HTML page or an OCR tool first"
    )


def test_without_pdfplumber_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DATA / "forms" / "pingtan-2023" / "report.pdf").read_bytes()
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(MissingExtraError, match=r'pip install "opengov-cn\[pdf\]"'):
        parse_report_bytes(data, name="r.pdf")


def test_a_flate_bomb_is_refused_before_it_is_inflated(monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov.reports import _pdf

    cap = 8 << 20  # the cap made small, so the test is quick
    monkeypatch.setattr(_pdf, "MAX_INFLATED_BYTES", cap)
    packer = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    stream = b"".join(packer.compress(zeros) for _ in range((cap >> 20) + 1))
    stream += packer.flush()
    assert len(stream) < 16 << 10  # 9 MiB of zeros in 9 KiB
    pdf = (
        b"%%PDF-1.7\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream\nendobj\n%%EOF\n"
    )
    with pytest.raises(ReportParseError, match=r"inflates to more than \d+ bytes"):
        parse_report_bytes(pdf, name="bomb.pdf")


def test_a_pdf_over_the_page_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov.reports import _pdf

    monkeypatch.setattr(_pdf, "MAX_PAGES", 2)
    with pytest.raises(ReportParseError, match=r"it has 6 pages, more than 2"):
        parse_report(DATA / "forms" / "pingtan-2023" / "report.pdf")


def test_a_broken_pdf_is_a_report_parse_error() -> None:
    with pytest.raises(ReportParseError, match=r"'broken\.pdf'"):
        parse_report_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8, name="broken.pdf")


# ----------------------------------------------------------- pages to blocks
# Pages as the PDF reader lays them out (points from the top of an A4 page), for
# the rules that join them: running heads, page numbers, tables and paragraphs
# that go on over a page.

A4 = 842.0


def _line(text: str, top: float, x1: float = 560.0) -> TextLine:
    return TextLine(text, 40.0, x1, top, top + 12, full=x1 >= 540)


def _page(*items: TextLine | PageTable) -> PageContent:
    tops = [(i.top, i) for i in items]
    return PageContent(tops, A4, 560.0, 12.0, 100, 0, 0)


def _table(rows: list[list[str]], xs: tuple[float, ...], top: float, **flags: bool) -> PageTable:
    boxes = tuple(Box(r, c, 1, 1, text) for r, row in enumerate(rows) for c, text in enumerate(row))
    return PageTable(Grid(len(rows), len(xs) - 1, boxes), xs, top, top + 20 * len(rows), **flags)


XS = (40.0, 200.0, 380.0, 560.0)


def test_running_heads_and_page_numbers_are_dropped() -> None:
    head = "某局2023年政府信息公开工作年度报告"
    pages = [
        _page(_line(head, 20, 300), _line("一、总体情况", 80, 200), _line("- 1 -", 810, 320)),
        _page(
            _line(head, 20, 300),
            _line("二、主动公开政府信息情况", 80, 260),
            _line("- 2 -", 810, 320),
        ),
    ]
    assert assemble(pages) == [Para("一、总体情况"), Para("二、主动公开政府信息情况")]


def test_a_paragraph_goes_on_over_the_page() -> None:
    pages = [
        _page(_line("根据本年度行政规范性文件全面清理结果，对", 780)),
        _page(_line("- 2 -", 810, 320), _line("规范性文件数据库进行更新。", 40, 300)),
    ]
    assert assemble(pages) == [
        Para("根据本年度行政规范性文件全面清理结果，对规范性文件数据库进行更新。")
    ]


def test_a_table_goes_on_over_the_page_when_its_columns_agree() -> None:
    first = _table([["信息内容", "本年", "累计"], ["行政许可", "1", "2"]], XS, 700)
    # 1.5 pt off, as printers lay out each page's slice anew
    second = _table([["行政处罚", "3", "4"]], tuple(x + 1.5 for x in XS), 40)
    [joined] = assemble([_page(first), _page(second)])
    assert isinstance(joined, PageTable)
    assert [b.text for b in joined.grid.boxes][-3:] == ["行政处罚", "3", "4"]
    assert joined.grid.rows == 3


def test_tables_with_other_columns_stay_apart() -> None:
    first = _table([["行政许可", "1", "2"]], XS, 700)
    second = _table([["结果维持", "结果纠正"]], (40.0, 120.0, 300.0), 40)
    assert len(assemble([_page(first), _page(second)])) == 2
    # nor does a table join one after a line of text
    heading = _line("四、政府信息公开行政复议、行政诉讼情况", 20, 300)
    same = _table([["行政处罚", "3", "4"]], XS, 40)
    assert len(assemble([_page(first), _page(heading, same)])) == 3


def test_a_table_running_off_the_page_is_not_read_as_a_table() -> None:
    cut = _table([["一、本年新收政府信息公开申请数量", "12", "3"]], XS, 500, cut_off=True)
    result = converted([cut._replace(page=2)])
    assert "<table>" not in result.html
    assert result.notes == (
        "a table on page 2 runs off the page's edge, so its columns cannot all be known "
        "and its numbers were not read",
    )


def test_the_time_budget_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov.reports import _pdf

    monkeypatch.setattr(_pdf, "MAX_SECONDS", -1.0)
    with pytest.raises(ReportParseError, match=r"reading took more than -1 s \(at page 1\)"):
        parse_report(DATA / "forms" / "pingtan-2023" / "report.pdf")


def test_a_stream_compressed_twice_is_counted_inflated_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from opengov.reports import _pdf

    cap = 8 << 20
    monkeypatch.setattr(_pdf, "MAX_INFLATED_BYTES", cap)
    packer = zlib.compressobj(9)
    inner = b"".join(packer.compress(bytes(1 << 20)) for _ in range((cap >> 20) + 1))
    inner += packer.flush()
    stream = zlib.compress(inner, 9)  # /Filter [/FlateDecode /FlateDecode]
    assert len(stream) < 4 << 10
    pdf = (
        b"%%PDF-1.7\n1 0 obj\n<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n"
        % len(stream)
        + stream
        + b"\nendstream\nendobj\n%%EOF\n"
    )
    with pytest.raises(ReportParseError, match=r"inflates to more than"):
        parse_report_bytes(pdf, name="bomb.pdf")


def test_a_page_count_over_the_cap_is_refused_before_the_pages_are_listed() -> None:
    pdf = (
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 1000000 >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    with pytest.raises(ReportParseError, match=r"it has 1000000 pages, more than 500"):
        parse_report_bytes(pdf, name="many.pdf")


def test_a_pdf_turned_sideways_is_refused() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument((DATA / "forms" / "pingtan-2024" / "report.pdf").read_bytes())
    for page in document:
        page.set_rotation(90)  # as a viewer's "rotate page", saved
    turned = io.BytesIO()
    document.save(turned)
    with pytest.raises(ReportParseError, match=r"most of its text runs sideways"):
        parse_report_bytes(turned.getvalue(), name="turned.pdf")


def _differing(slug: str) -> set[str]:
    """The cells where a form's PDF and its page read differently."""
    pdf = parse_report(DATA / "forms" / slug / "report.pdf")
    page = parse_report(DATA / "corpus" / slug / "page.html")
    assert (pdf.agency, pdf.year, pdf.format) == (page.agency, page.year, page.format)
    return {str(ref) for ref, cell in pdf.items() if cell != page.cell(ref)}


@pytest.mark.parametrize("slug", ["pingtan-zrz-2019", "pingtan-zrz-2020", "pingtan-gwh-2020"])
def test_tables_without_ruling_lines_are_read_from_the_laid_out_text(slug: str) -> None:
    # every table of these prints is drawn without lines: the text reader reads them
    # all but one row of table 二, whose long label runs into its first value
    assert _differing(slug) == {
        f"disclosure[other_services, {column}]"
        for column in ("previous_year_items", "change", "decisions")
    }


def test_a_pdf_with_ruled_and_unruled_tables_reads_both() -> None:
    # table 三 is ruled, tables 二 and 四 are not: 三 is read from its grid, 二 and 四
    # from the laid-out text; only 二's fee row (label run into its value) is unread
    # besides the cells the page itself leaves unread
    pdf = parse_report(DATA / "forms" / "pingtan-scj-2024" / "report.pdf")
    page = parse_report(DATA / "corpus" / "pingtan-scj-2024" / "page.html")
    assert _differing("pingtan-scj-2024") == {"disclosure[administrative_fees, fee_amount]"}
    assert pdf.completeness().unread == page.completeness().unread + 1
