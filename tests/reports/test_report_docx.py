"""Word (.docx) reports: paragraphs and tables with merged cells, in document order.

The Word files are made here with python-docx from the real report pages in
``tests/data/reports`` (their paragraphs and tables, merged cells made with
python-docx's own ``merge``, which writes ``w:gridSpan`` and ``w:vMerge`` as Word
does), so each must read exactly as the page it was made from.
"""

from __future__ import annotations

import functools
import io
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from opengov.errors import MissingExtraError, ReportParseError
from opengov.outcomes import OutcomeRow
from opengov.reports import ApplicantColumn, parse_report, parse_report_bytes

docx = pytest.importorskip("docx")

DATA = Path(__file__).parent.parent / "data" / "reports"

# (text, rowspan, colspan) per cell, rows of cells
Table = list[list[tuple[str, int, int]]]
# (row, col, text, rowspan, colspan) per cell
Placed = list[tuple[int, int, str, int, int]]


_CELLS = ("td", "th")
_PARAS = ("p", "h1", "h2", "title")


class _Page(HTMLParser):
    """A page's paragraphs and tables in order (enough for the fixture pages)."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str | Table] = []
        self._text: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.blocks.append([])
        elif tag == "tr":
            table = self.blocks[-1]
            assert isinstance(table, list)
            table.append([])
        elif tag in _CELLS or tag in _PARAS:
            self._text = []
            self._span = (int(a.get("rowspan") or 1), int(a.get("colspan") or 1))

    def handle_endtag(self, tag: str) -> None:
        if self._text is None:
            return
        text = "".join(self._text).strip()
        if tag in _CELLS:
            table = self.blocks[-1]
            assert isinstance(table, list)
            table[-1].append((text, *self._span))
            self._text = None
        elif tag in _PARAS:
            self.blocks.append(text)
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _placed(table: Table) -> tuple[int, Placed]:
    """Each cell's (row, col, text, rowspan, colspan), as HTML places it, and the width."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, text, rs, cs))
            taken.update((r + i, c + j) for i in range(rs) for j in range(cs))
            c += cs
    return max(c for _, c in taken) + 1, out


def _add_table(document: Any, width: int, cells: Placed) -> None:
    word = document.add_table(rows=max(r + rs for r, _, _, rs, _ in cells), cols=width)
    for r, c, text, rs, cs in cells:
        cell = word.cell(r, c)
        if rs > 1 or cs > 1:
            cell = cell.merge(word.cell(r + rs - 1, c + cs - 1))
        cell.text = text


def _split(cells: Placed, at: int, header: int) -> tuple[Placed, Placed]:
    """A table cut before row ``at`` as Word cuts it: a cell merged down across the cut
    goes on, empty, in the second part, which starts with the ``header`` rows again."""
    first = [(r, c, t, min(rs, at - r), cs) for r, c, t, rs, cs in cells if r < at]
    second = [cell for cell in cells if cell[0] + cell[3] <= header]
    for r, c, t, rs, cs in cells:
        if r >= at:
            second.append((r - at + header, c, t, rs, cs))
        elif r + rs > at:
            second.append((header, c, "", r + rs - at, cs))
    return first, second


def _docx(blocks: list[str | Table], *, split: int | None = None) -> bytes:
    """A Word file of the blocks; ``split`` cuts the table with that many rows in two at
    row 12 with a page break between, the second part repeating the 3 header rows."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width, cells = _placed(block)
        if len(block) == split:
            first, second = _split(cells, 12, 3)
            _add_table(document, width, first)
            document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
            _add_table(document, width, second)
        else:
            _add_table(document, width, cells)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page(name: str) -> list[str | Table]:
    page = _Page()
    page.feed((DATA / name).read_text(encoding="utf-8"))
    return page.blocks


@functools.cache
def _word(name: str) -> bytes:
    """The page as a Word file (python-docx takes seconds to merge cells: made once)."""
    return _docx(_page(name))


@pytest.mark.parametrize("name", ["f2021-spans.html", "f2019-errors.html"])
def test_a_word_report_reads_as_the_page_it_was_made_from(name: str) -> None:
    report = parse_report_bytes(_word(name), name="report.docx")
    assert report == parse_report(DATA / name)


def test_the_same_from_a_file_named_anything(tmp_path: Path) -> None:
    path = tmp_path / "report.html"  # the content decides, not the name
    path.write_bytes(_word("f2021-spans.html"))
    assert parse_report(path) == parse_report(DATA / "f2021-spans.html")


def test_merged_cells_keep_their_number_once() -> None:
    from opengov.reports._docx import docx_report_html

    # the page's 0 over 科研机构 and 社会公益组织 (colspan=4 in its grid) is one cell,
    # as on the page: python-docx's cell objects would repeat it in every slot
    html = docx_report_html(_word("f2021-spans.html"), "r.docx")
    assert (
        '<tr><td>2.没有现成信息需要另行制作</td><td colspan="2">0</td><td colspan="2">0</td>'
        '<td colspan="4">0</td><td colspan="2">0</td><td colspan="2">0</td>'
        '<td colspan="2">0</td></tr>'
    ) in html
    report = parse_report_bytes(_word("f2021-spans.html"))
    page = parse_report(DATA / "f2021-spans.html")
    for column in ApplicantColumn:  # read as the HTML reader reads the page
        row = OutcomeRow.UNABLE_NEEDS_CREATION
        assert report.applications.cell(row, column) == page.applications.cell(row, column)
    # the page's 0 spread over two columns is 0 in both, as in HTML
    for col in (ApplicantColumn.RESEARCH_INSTITUTION, ApplicantColumn.SOCIAL_WELFARE_ORGANIZATION):
        assert report.applications.value(OutcomeRow.UNABLE_NEEDS_CREATION, col) == 0
    assert report.applications.cell(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON).value == 12


def test_a_table_split_by_a_page_break_is_one_table() -> None:
    blocks = _page("f2021-spans.html")
    three = next(b for b in blocks if isinstance(b, list) and len(b) > 20)
    data = _docx(blocks, split=len(three))
    document = docx.Document(io.BytesIO(data))
    assert len(document.tables) == 4  # 二, 三 in two parts, 四
    assert parse_report_bytes(data) == parse_report(DATA / "f2021-spans.html")


def test_a_layout_table_around_the_report_is_looked_through() -> None:
    inner = _word("f2019-errors.html")
    document = docx.Document(io.BytesIO(inner))
    body = document.element.body
    wrapper = document.add_table(rows=1, cols=1)
    cell = wrapper.cell(0, 0)._tc
    for element in list(body)[:-2]:  # everything but the wrapper and the section
        cell.append(element)
    out = io.BytesIO()
    document.save(out)
    assert len(docx.Document(io.BytesIO(out.getvalue())).tables) == 1
    assert parse_report_bytes(out.getvalue()) == parse_report(DATA / "f2019-errors.html")


def test_the_grid_of_a_merged_table() -> None:
    from opengov.reports._docx import docx_report_html

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "三、本年度办理结果"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "总计"
    table.cell(1, 1).text = "6"
    table.cell(1, 2).text = "8"
    table.cell(2, 1).text = "<7>"
    out = io.BytesIO()
    document.save(out)
    assert docx_report_html(out.getvalue(), "t.docx").splitlines()[1:-1] == [
        "<table>",
        '<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">总计</td></tr>',
        "<tr><td>6</td><td>8</td></tr>",
        "<tr><td>&lt;7&gt;</td><td></td></tr>",
        "</table>",
    ]


def test_deleted_text_of_tracked_changes_is_left_out() -> None:
    from opengov.reports._docx import docx_report_html

    document = docx.Document()
    paragraph = document.add_paragraph("本年共收到申请")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    deleted = paragraph._p.makeelement(w + "del", {})
    run = paragraph.add_run("12")._r
    deleted.append(run)
    paragraph._p.append(deleted)
    paragraph.add_run("15件。")
    out = io.BytesIO()
    document.save(out)
    assert "<p>本年共收到申请15件。</p>" in docx_report_html(out.getvalue(), "t.docx")


def test_a_word_file_of_images_only_is_a_scan() -> None:
    from PIL import Image

    image = io.BytesIO()
    Image.new("L", (40, 20), 255).save(image, format="PNG")
    document = docx.Document()
    document.add_picture(image)
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(
        ReportParseError, match=r"holds only images \(a scan\); OCR is out of scope"
    ):
        parse_report_bytes(out.getvalue(), name="scan.docx")


def test_without_python_docx_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _word("f2019-errors.html")
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now fails
    with pytest.raises(MissingExtraError, match=r'pip install "opengov-cn\[docx\]"'):
        parse_report_bytes(data, name="r.docx")


def test_a_word_package_that_unpacks_too_large_is_refused_unread() -> None:
    import zipfile

    from opengov.reports._docx import MAX_UNPACKED_BYTES

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/image1.bmp", bytes(MAX_UNPACKED_BYTES))  # about 256 KiB packed
    with pytest.raises(ReportParseError, match=r"unpacks to \d+ bytes, more than"):
        parse_report_bytes(out.getvalue(), name="bomb.docx")


def test_a_report_error_names_the_word_file() -> None:
    document = docx.Document()
    document.add_paragraph("某局2021年政府信息公开工作年度报告")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(ReportParseError, match=r"'r\.docx' \(a Word document\): no table 三"):
        parse_report_bytes(out.getvalue(), name="r.docx")


def test_a_broken_word_package_is_a_report_parse_error() -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document><unclosed>")
    with pytest.raises(ReportParseError, match=r"'broken\.docx': not a readable Word document"):
        parse_report_bytes(out.getvalue(), name="broken.docx")


def test_a_word_text_over_its_cap_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov.reports import _docx

    monkeypatch.setattr(_docx, "MAX_BODY_BYTES", 1000)
    with pytest.raises(ReportParseError, match=r"its text \(word/document\.xml\) is \d+ bytes"):
        parse_report_bytes(_word("f2019-errors.html"), name="r.docx")


CORPUS_FORMS = sorted(p.parent.name for p in (DATA / "forms").glob("*/report.docx"))


@pytest.mark.parametrize("slug", CORPUS_FORMS)
def test_a_corpus_word_form_reads_as_its_page(slug: str) -> None:
    # made by LibreOffice from the agency's page (tests/data/reports/forms/README.md)
    word = parse_report(DATA / "forms" / slug / "report.docx")
    assert word == parse_report(DATA / "corpus" / slug / "page.html")
