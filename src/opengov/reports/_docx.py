"""Reading a Word (.docx) report (private; the ``docx`` extra, python-docx).

python-docx opens the package; the body is then read from its XML in document
order: paragraphs, and tables as grids with their merged cells (``w:gridSpan``
across, ``w:vMerge`` down, the legacy ``w:hMerge``, and the grid columns a row skips
with ``w:gridBefore``). python-docx's own cell objects repeat a merged cell in every
slot it covers, which would read one number into several cells; the XML says which
cell starts where.

- A table holding another table is a layout table (a page template converted to
  Word): its cells' paragraphs and tables are read in order as if they stood alone.
- Two tables with the same grid columns separated only by empty paragraphs (a page
  break, or a table split to start a page) are one table; header rows that the
  second part repeats are dropped.
- Deleted and moved-away text of tracked changes is left out; text boxes are read
  where they are anchored, once (not again from their VML fallback).

A package whose parts unpack to more than :data:`MAX_UNPACKED_BYTES`, whose text
(``word/document.xml``) to more than :data:`MAX_BODY_BYTES`, or with more than
:data:`MAX_PARTS` parts, is refused before python-docx reads it (python-docx loads
every part into memory). The sizes are those the archive declares, which Python's
zipfile enforces as it inflates.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from opengov._show import show_path
from opengov.errors import MissingExtraError, ReportParseError
from opengov.reports._blocks import Block, Box, Grid, Para, blocks_html, join_grids, join_lines

__all__ = ["MAX_BODY_BYTES", "MAX_PARTS", "MAX_UNPACKED_BYTES", "docx_report_html"]

MAX_UNPACKED_BYTES = 256 << 20
MAX_BODY_BYTES = 64 << 20
MAX_PARTS = 10_000
_MAX_SPAN = 1000  # columns one cell may span (a Word table has at most 63)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_CONTAINERS = frozenset({_W + "sdt", _W + "sdtContent", _W + "customXml"})
_SKIPPED = frozenset({_MC_FALLBACK, _W + "del", _W + "moveFrom"})
_TEXT = frozenset({_W + "t"})
_SPACE = frozenset({_W + "tab", _W + "br", _W + "cr"})
_DRAWINGS = frozenset({_W + "drawing", _W + "pict", _W + "object"})


def _check_package(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: a damaged Word package ({exc})"
        ) from None
    if len(infos) > MAX_PARTS:
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: the Word package has {len(infos)} parts, "
            f"more than {MAX_PARTS}; save the document again from Word or as PDF"
        )
    body = next((i.file_size for i in infos if i.filename == "word/document.xml"), 0)
    if body > MAX_BODY_BYTES:
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: its text (word/document.xml) is "
            f"{body} bytes, more than {MAX_BODY_BYTES}; a report's is well under a "
            "megabyte: give one report's file"
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: the Word package unpacks to {unpacked} "
            f"bytes, more than {MAX_UNPACKED_BYTES}; save the document again without large "
            "images, or as PDF"
        )


def _content(parent: Any) -> Iterator[Any]:
    """Block-level children (paragraphs and tables), looking into content controls."""
    for child in parent:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _content(child)


def _skipped(element: Any, stop: Any) -> bool:
    node = element.getparent()
    while node is not None and node is not stop:
        if node.tag in _SKIPPED:
            return True
        node = node.getparent()
    return False


def _para_text(p: Any) -> str:
    parts: list[str] = []
    for element in p.iter():
        tag = element.tag
        if tag in _TEXT:
            if element.text and not _skipped(element, p):
                parts.append(element.text)
        elif tag in _SPACE and not _skipped(element, p):
            parts.append(" ")
    return " ".join("".join(parts).split()) if parts else ""


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking into content controls (rows and cells may be in one)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _int_val(parent: Any, path: str, default: int) -> int:
    element = parent.find(path)
    if element is None:
        return default
    try:
        return int(element.get(_W + "val", default))
    except ValueError:
        return default


def _merge(tc: Any, kind: str) -> str | None:
    """``"restart"``, ``"continue"`` or ``None`` for a cell's ``w:vMerge``/``w:hMerge``."""
    element = tc.find(f"{_W}tcPr/{_W}{kind}")
    if element is None:
        return None
    return "restart" if element.get(_W + "val") == "restart" else "continue"


def _cell_text(tc: Any) -> str:
    return join_lines(_para_text(p) for p in _content(tc) if p.tag == _P)


def _grid(tbl: Any) -> Grid:
    boxes: list[Box] = []
    # the box a vertical merge continues, by (column, span)
    open_down: dict[tuple[int, int], int] = {}
    rows = list(_children(tbl, _TR))
    width = 0
    for r, tr in enumerate(rows):
        col = min(_int_val(tr, f"{_W}trPr/{_W}gridBefore", 0), _MAX_SPAN)
        still_open: dict[tuple[int, int], int] = {}
        last: int | None = None  # the box a legacy horizontal merge continues
        for tc in _children(tr, _TC):
            span = max(1, min(_int_val(tc, f"{_W}tcPr/{_W}gridSpan", 1), _MAX_SPAN))
            text = _cell_text(tc)
            down = _merge(tc, "vMerge")
            across = _merge(tc, "hMerge")
            if across == "continue" and last is not None and boxes[last].row == r:
                boxes[last] = boxes[last]._replace(colspan=boxes[last].colspan + span)
            elif down == "continue" and (col, span) in open_down:
                i = open_down[(col, span)]
                boxes[i] = boxes[i]._replace(rowspan=boxes[i].rowspan + 1)
                still_open[(col, span)] = i
                last = None
            else:
                boxes.append(Box(r, col, 1, span, text))
                last = len(boxes) - 1
                if down == "restart":
                    still_open[(col, span)] = last
            col += span
        open_down = still_open
        width = max(width, col)
    return Grid(len(rows), width, tuple(boxes))


def _widths(tbl: Any) -> tuple[int, ...]:
    out = []
    for col in tbl.iterfind(f"{_W}tblGrid/{_W}gridCol"):
        try:
            out.append(int(col.get(_W + "w", "0")))
        except ValueError:
            out.append(0)
    return tuple(out)


def _same_columns(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return bool(a) and len(a) == len(b) and all(abs(x - y) <= 30 for x, y in zip(a, b, strict=True))


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        # the grid columns of the last block when it is a table, kept while only
        # empty paragraphs follow it
        self.widths: tuple[int, ...] = ()
        self.drawings = False

    def read(self, parent: Any) -> None:
        for element in _content(parent):
            if element.tag == _P:
                text = _para_text(element)
                if not self.drawings and any(e.tag in _DRAWINGS for e in element.iter()):
                    self.drawings = True
                if text:
                    self.blocks.append(Para(text))
                    self.widths = ()
            elif any(True for _ in element.iterdescendants(_TBL)):  # a layout table
                for tr in _children(element, _TR):
                    for tc in _children(tr, _TC):
                        self.read(tc)
            else:
                grid = _grid(element)
                widths = _widths(element)
                previous = self.blocks[-1] if self.blocks else None
                if (
                    isinstance(previous, Grid)
                    and previous.cols == grid.cols
                    and _same_columns(self.widths, widths)
                ):
                    self.blocks[-1] = join_grids(previous, grid)
                elif grid.rows:
                    self.blocks.append(grid)
                self.widths = widths


def docx_report_html(data: bytes, name: str) -> str:
    """A Word report's paragraphs and tables as minimal HTML for the HTML reader."""
    _check_package(data, name)
    try:
        import docx
    except ImportError as exc:
        raise MissingExtraError(
            f"reading the Word report {show_path(name)} needs python-docx ({exc}); install it "
            'with: pip install "opengov-cn[docx]"'
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # the library's errors on a broken package vary
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: not a readable Word document "
            f"({type(exc).__name__}: {exc}); save it again from Word, or as PDF"
        ) from None
    reader = _Reader()
    reader.read(body)
    if not reader.blocks:
        what = "only images (a scan)" if reader.drawings else "no text"
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: the Word document holds {what}; "
            "OCR is out of scope: use the agency's HTML page or an OCR tool first"
        )
    return blocks_html(reader.blocks)
