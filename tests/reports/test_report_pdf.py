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

pytest.importorskip("pdfplumber")

DATA = Path(__file__).parent.parent / "data" / "reports"
SLUGS = sorted(p.parent.name for p in (DATA / "forms").glob("*/report.pdf"))


@pytest.mark.parametrize("slug", SLUGS)
def test_a_printed_report_reads_as_its_page(slug: str) -> None:
    pdf = parse_report(DATA / "forms" / slug / "report.pdf")
    assert pdf == parse_report(DATA / "corpus" / slug / "page.html")
    assert pdf.completeness().unread == 0


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
    with pytest.raises(ReportParseError) as caught:
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


def test_a_flate_bomb_is_refused_before_it_is_inflated() -> None:
    from opengov.reports._pdf import MAX_INFLATED_BYTES

    packer = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    stream = b"".join(packer.compress(zeros) for _ in range((MAX_INFLATED_BYTES >> 20) + 1))
    stream += packer.flush()
    assert len(stream) < 1 << 20  # well under a megabyte on disk
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
