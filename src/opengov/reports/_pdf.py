"""Reading a PDF report (private; the ``pdf`` extra, pdfplumber).

pdfplumber (MIT, on pdfminer.six) gives each page's characters and its ruled
tables. A table's cells are placed on the grid of its drawn column and row edges,
so a merged cell gets its exact row and column span, and each character goes to
the cell its centre lies in. Text outside tables is read as lines, and lines as
paragraphs: a line continues the one above when that one runs to the right margin.

- A table that ends one page and one that starts the next, with nothing between
  but page furniture (page numbers, running heads), are one table when their
  column edges agree (within 3 pt; one part may lack edges the other has, where
  its cells are merged or the page cut a merged cell). Header rows the second part
  repeats are dropped; a row the page break cut open (no border drawn at the
  break) is joined again; a label merged down over the break goes on.
- A table running off the page (a cell reaching the page's edge) is cut: its
  columns cannot all be known, so its text is kept as paragraphs and none of its
  numbers is read. Characters beyond the page's edges are not read: they are not
  shown.
- A table whose cells overlap cannot be placed: its text is kept as paragraphs and
  none of its numbers is read. A slot inside a table that no drawn cell covers is
  unread; text found there is kept with the note "(outside any drawn cell)".
- Tables without ruling lines are not found as tables; their text reads as
  paragraphs. The PDF's text laid out in lines (:attr:`Converted.layout`) is kept
  for the text reader, which reads such tables by the spaces between their cells.
- CJK radicals that some PDF writers map characters to (⼀ for 一, ⺠ for 民) are
  read as the ideographs Unicode names as their equivalents; characters drawn twice
  (fake bold) are read once.
- A PDF without text (a scan) is refused; OCR is out of scope. So is a PDF whose
  fonts carry no Unicode mapping (text comes out as ``(cid:123)``), and one whose
  text mostly runs sideways (pages turned for display): its tables cannot be read.

Bounds: at most :data:`MAX_PAGES` pages, :data:`MAX_PAGE_CONTENT_BYTES` of drawing
instructions and :data:`MAX_CHARS_PER_PAGE` characters a page, and
:data:`MAX_SECONDS` of reading (checked between pages); streams other than images
that would inflate past :data:`MAX_INFLATED_BYTES` in all are refused before the
PDF library reads them.

pdfminer's warnings about malformed fonts go to the ``pdfminer`` logger; unless an
application has set that logger's level, it is set to ERROR here, as they say
nothing a report reader can act on.
"""

from __future__ import annotations

import bisect
import io
import logging
import re
import time
import zlib
from collections.abc import Sequence
from statistics import median
from typing import Any, NamedTuple

from opengov._show import show_path
from opengov.errors import MissingExtraError, ReportParseError
from opengov.reports._blocks import (
    Block,
    Box,
    Grid,
    Para,
    blocks_html,
    drop_empty_boundaries,
    join_grids,
    join_lines,
)
from opengov.reports._radicals import RADICALS

__all__ = [
    "MAX_CHARS_PER_PAGE",
    "MAX_INFLATED_BYTES",
    "MAX_PAGES",
    "MAX_PAGE_CONTENT_BYTES",
    "MAX_SECONDS",
    "Converted",
    "PageContent",
    "PageTable",
    "TextLine",
    "assemble",
    "converted",
    "pdf_report_html",
]

MAX_PAGES = 500
MAX_CHARS_PER_PAGE = 100_000
MAX_SECONDS = 120.0
MAX_INFLATED_BYTES = 256 << 20
MAX_PAGE_CONTENT_BYTES = 8 << 20

# pdfplumber snaps ruling lines within 3 pt of each other page-wide, so one table's
# border can pull another table's column edge several points: 1.5 pt still makes
# one edge of the two borders of neighbouring cells drawn apart (HTML's separated
# borders), and leaves other tables' edges alone.
_TABLE_SETTINGS = {"snap_tolerance": 1.5, "join_tolerance": 1.5}
_EDGE_TOLERANCE = 1.0  # pt: edges of one table closer than this are one edge
_CUT_TOLERANCE = 2.0  # pt: a border ending this close to a line meets it
_JOIN_TOLERANCE = 3.0  # pt: column edges of two parts of a table on two pages
_FURNITURE_MARGIN = 0.1  # share of the page height at top and bottom
_PAGE_NUMBER = re.compile(
    r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–\s]*$"
)
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")


def _fold(text: str) -> str:
    return text.translate(RADICALS)


class _TooLarge(Exception):
    """A page over one of the bounds."""


class TextLine(NamedTuple):
    """A line of text outside tables, with where it stands on its page (pt)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    full: bool = False  # it runs to the right margin of its page's text


class PageTable(NamedTuple):
    """A ruled table found on a page (or joined over pages), with its column edges."""

    grid: Grid
    xs: tuple[float, ...]  # column edges
    top: float
    bottom: float
    cut_top: bool = False  # its first row goes on from the previous page
    cut_bottom: bool = False  # its last row goes on on the next page
    cut_off: bool = False  # it runs off the page: its columns cannot all be known
    page: int = 0  # the number of the page it starts on


class PageContent(NamedTuple):
    """What one page holds: lines and tables from top to bottom, and its counts."""

    items: list[tuple[float, TextLine | PageTable]]  # by their top
    height: float
    right: float  # the right margin of its text lines
    size: float  # the median height of its text lines
    chars: int  # characters other than spaces
    cid: int  # characters without a Unicode mapping
    images: int
    sideways: int = 0  # characters not upright (a page turned for display)
    layout: str = ""  # the page's text laid out in lines, cells set apart by spaces


# ------------------------------------------------------------------- bounds


_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")


def _drained(inflater: Any, data: bytes) -> int:
    """How many bytes ``data`` inflates to, in chunks of 1 MiB (stopping past the cap)."""
    size = len(inflater.decompress(data, 1 << 20))
    while inflater.unconsumed_tail and size <= MAX_INFLATED_BYTES:
        size += len(inflater.decompress(inflater.unconsumed_tail, 1 << 20))
    return size


def _check_inflation(data: bytes, name: str) -> None:
    """Refuse a PDF whose Flate streams (other than images) inflate past the cap.

    pdfminer inflates a stream in one piece; a small stream of zeros can inflate to
    gigabytes. Each stream is inflated here in bounded chunks and only counted,
    twice over for a stream that is itself compressed data.
    """
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        head = data[max(0, start - 4096) : start]
        head = head[head.rfind(b"obj") + 1 :]  # this stream's own dictionary
        if _IMAGE.search(head):
            continue
        inflater = zlib.decompressobj()
        inner: Any = None
        pending = data[start : start + (1 << 20)]
        position = start + len(pending)
        while True:
            try:
                chunk = inflater.decompress(pending, 1 << 20)
            except zlib.error:
                break
            if inner is None:
                inner = zlib.decompressobj() if chunk[:1] == b"x" else False
            if inner:
                try:
                    total += _drained(inner, chunk)
                except zlib.error:
                    inner = False
            total += len(chunk)
            if total > MAX_INFLATED_BYTES:
                raise ReportParseError(
                    f"cannot read report file {show_path(name)}: its compressed content inflates "
                    f"to more than {MAX_INFLATED_BYTES} bytes; a report's PDF is a few "
                    "megabytes: give the agency's HTML page"
                )
            if inflater.eof:
                break
            pending = inflater.unconsumed_tail
            if not pending:
                pending = data[position : position + (1 << 20)]
                position += len(pending)
                if not pending:
                    break


# ------------------------------------------------------------------- tables


def _edges(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _EDGE_TOLERANCE:
            out.append(v)
    return out


def _nearest(edges: Sequence[float], value: float) -> int:
    i = bisect.bisect_left(edges, value)
    if i == len(edges) or (i > 0 and value - edges[i - 1] < edges[i] - value):
        i -= 1
    return i


def _slot(edges: Sequence[float], value: float) -> int | None:
    """The index of the band between two edges that ``value`` lies in."""
    i = bisect.bisect_right(edges, value) - 1
    return i if 0 <= i < len(edges) - 1 else None


def _cell_text(chars: list[dict[str, Any]], extract_text: Any) -> str:
    if not chars:
        return ""
    return _fold(join_lines(extract_text(chars).split("\n")))


def _at_edge(cell: tuple[float, float, float, float], page: tuple[float, ...]) -> bool:
    """Whether a cell reaches the edge of the page (what lies beyond is not drawn)."""
    x0, top, x1, bottom = cell
    return (
        x0 <= page[0] + 0.5
        or top <= page[1] + 0.5
        or x1 >= page[2] - 0.5
        or bottom >= page[3] - 0.5
    )


def _table(
    table: Any,
    chars: Sequence[dict[str, Any]],
    extract_text: Any,
    page: tuple[float, float, float, float],
) -> PageTable:
    cells = table.cells
    xs = _edges([c[0] for c in cells] + [c[2] for c in cells])
    ys = _edges([c[1] for c in cells] + [c[3] for c in cells])
    placed: list[tuple[int, int, int, int]] = []
    cut: list[bool] = []
    for cell in cells:
        x0, top, x1, bottom = cell
        c0, c1 = _nearest(xs, x0), _nearest(xs, x1)
        r0, r1 = _nearest(ys, top), _nearest(ys, bottom)
        if c1 > c0 and r1 > r0:
            placed.append((r0, c0, r1 - r0, c1 - c0))
            cut.append(_at_edge(cell, page))
    owner: dict[tuple[int, int], int] = {}
    for i, (r, c, rs, cs) in enumerate(placed):
        for dr in range(rs):
            for dc in range(cs):
                owner.setdefault((r + dr, c + dc), i)
    texts: list[list[dict[str, Any]]] = [[] for _ in placed]
    loose: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for ch in chars:
        col = _slot(xs, (ch["x0"] + ch["x1"]) / 2)
        row = _slot(ys, (ch["top"] + ch["bottom"]) / 2)
        if col is None or row is None:
            continue
        at = owner.get((row, col))
        if at is None:
            loose.setdefault((row, col), []).append(ch)
        else:
            texts[at].append(ch)
    boxes = [
        Box(r, c, rs, cs, _cell_text(texts[i], extract_text))
        for i, (r, c, rs, cs) in enumerate(placed)
    ]
    for (r, c), found in sorted(loose.items()):
        text = _cell_text(found, extract_text)
        if text:
            boxes.append(Box(r, c, 1, 1, f"{text} (outside any drawn cell)"))
    grid = Grid(len(ys) - 1, len(xs) - 1, tuple(boxes))
    return PageTable(grid, tuple(xs), ys[0], ys[-1], cut_off=any(cut))


def _regrid(table: PageTable, edges: Sequence[float]) -> Grid:
    """The table's grid on finer column ``edges`` (each of its own edges is one of them)."""
    index = [_nearest(edges, x) for x in table.xs]
    boxes = tuple(
        b._replace(col=index[b.col], colspan=index[b.col + b.colspan] - index[b.col])
        for b in table.grid.boxes
    )
    return Grid(table.grid.rows, len(edges) - 1, boxes)


def _shared_edges(first: Sequence[float], second: Sequence[float]) -> list[float] | None:
    """The column edges of two parts of one table, or ``None`` if they are two tables.

    Each part may lack edges the other has: where its cells are merged, or at its
    sides where the page cut a merged cell and no cell is drawn there. So the parts
    are one table when at least three of their edges, and three quarters of the
    edges of the part with fewer, are the same (within 3 pt); the table's edges are
    then those of both.
    """
    common = sum(1 for x in second if abs(first[_nearest(first, x)] - x) <= _JOIN_TOLERANCE)
    if common < 3 or common < 0.75 * min(len(first), len(second)):
        return None
    edges = list(first)
    for x in second:
        if abs(edges[_nearest(edges, x)] - x) > _JOIN_TOLERANCE:
            bisect.insort(edges, x)
    return edges


def _join(first: PageTable, second: PageTable) -> PageTable | None:
    edges = _shared_edges(first.xs, second.xs)
    if edges is None:
        return None
    split = first.cut_bottom and second.cut_top
    grid = join_grids(_regrid(first, edges), _regrid(second, edges), split_row=split)
    return PageTable(
        grid,
        tuple(edges),
        first.top,
        second.bottom,
        first.cut_top,
        second.cut_bottom,
        first.cut_off or second.cut_off,
        first.page,
    )


# -------------------------------------------------------------------- pages


def _cuts(edges: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float | None, float | None]:
    """Lines closing table cells that a page break cut open, and where they are.

    A table row split over two pages is drawn without a border at the break: its
    cells' vertical borders run to the bottom of the drawing on the first page, and
    from the top on the next, with no horizontal line there. A line is drawn in
    (for pdfplumber) across those borders, and the row's two parts are joined again
    when the table's two parts are.
    """
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if not vertical:
        return [], None, None

    def closed(x: float, y: float) -> bool:
        return any(
            abs(h["top"] - y) <= _CUT_TOLERANCE
            and h["x0"] - _CUT_TOLERANCE <= x <= h["x1"] + _CUT_TOLERANCE
            for h in horizontal
        )

    lines: list[dict[str, Any]] = []
    found: list[float | None] = []
    for y, end in (
        (min(e["top"] for e in vertical), "top"),
        (max(e["bottom"] for e in vertical), "bottom"),
    ):
        open_ends = [
            e["x0"]
            for e in vertical
            if abs(e[end] - y) <= _CUT_TOLERANCE and not closed(e["x0"], e[end])
        ]
        if len(open_ends) < 2:
            found.append(None)
            continue
        found.append(y)
        lines.append(
            {"object_type": "line", "x0": min(open_ends), "x1": max(open_ends), "top": y,
             "bottom": y, "width": max(open_ends) - min(open_ends), "height": 0.0}
        )  # fmt: skip
    return lines, found[0], found[1]


def _on_baseline(ch: dict[str, Any]) -> dict[str, Any]:
    """The character with its box set from its baseline and size.

    Fonts give glyph boxes of their own heights, so Latin digits set in a Latin font
    next to Chinese in a CJK font stand a few points lower or higher, and would be
    read as a line of their own. Upright characters on one baseline share one box.
    """
    matrix = ch.get("matrix")
    if not ch.get("upright", True) or not matrix or len(matrix) != 6:
        return ch
    baseline = ch["top"] + (ch["y1"] - matrix[5])
    return {**ch, "top": baseline - ch["size"], "bottom": baseline}


def _content_bytes(page: Any) -> int:
    """The page's content streams' length (pdfminer inflates them to lay it out)."""
    from pdfminer.pdftypes import resolve1

    contents = resolve1(getattr(page.page_obj, "contents", None)) or []
    if not isinstance(contents, list):
        contents = [contents]
    return sum(len(resolve1(stream).get_data()) for stream in contents)


def _read_page(page: Any, text: Any) -> PageContent:
    if _content_bytes(page) > MAX_PAGE_CONTENT_BYTES:
        raise _TooLarge(
            f"page {page.page_number} draws more than {MAX_PAGE_CONTENT_BYTES} bytes of content"
        )
    if len(page.chars) > MAX_CHARS_PER_PAGE:
        raise _TooLarge(f"page {page.page_number} has more than {MAX_CHARS_PER_PAGE} characters")
    # characters beyond the page's edges are not shown (a table running off the page)
    chars = [_on_baseline(ch) for ch in text.dedupe_chars(page.chars) if _within(ch, page.bbox)]
    finder = page.debug_tablefinder(_TABLE_SETTINGS)
    closing, cut_top, cut_bottom = _cuts(finder.edges)
    if closing:
        finder = page.debug_tablefinder(dict(_TABLE_SETTINGS, explicit_horizontal_lines=closing))
    tables = [t for t in finder.tables if len(t.cells) > 1]
    items: list[tuple[float, TextLine | PageTable]] = []
    boxes = []
    for found in tables:
        x0, top, x1, bottom = found.bbox
        boxes.append((x0 - 1, top - 1, x1 + 1, bottom + 1))
        inside = [ch for ch in chars if _within(ch, boxes[-1])]
        table = _table(found, inside, text.extract_text, page.bbox)._replace(
            cut_top=cut_top is not None and abs(top - cut_top) <= _EDGE_TOLERANCE,
            cut_bottom=cut_bottom is not None and abs(bottom - cut_bottom) <= _EDGE_TOLERANCE,
            page=page.page_number,
        )
        items.append((table.top, table))
    outside = [ch for ch in chars if not any(_within(ch, box) for box in boxes)]
    found_lines = (
        text.chars_to_textmap(outside).extract_text_lines(return_chars=False) if outside else []
    )
    for line in found_lines:
        words = _fold(" ".join(line["text"].split()))
        if words:
            items.append(
                (line["top"], TextLine(words, line["x0"], line["x1"], line["top"], line["bottom"]))
            )
    items.sort(key=lambda item: item[0])
    lines = [item for _, item in items if isinstance(item, TextLine)]
    right = max((line.x1 for line in lines), default=0.0)
    size = median(line.bottom - line.top for line in lines) if lines else 0.0
    items = [
        (
            top,
            item._replace(full=item.x1 >= right - 3 * size) if isinstance(item, TextLine) else item,
        )
        for top, item in items
    ]
    visible = sum(1 for ch in chars if not ch["text"].isspace())
    cid = sum(1 for ch in chars if ch["text"].startswith("(cid:"))
    sideways = sum(1 for ch in chars if not ch.get("upright", True))
    layout = (
        text.chars_to_textmap(
            chars,
            layout=True,
            layout_width=page.width,
            layout_height=page.height,
            layout_bbox=page.bbox,
        ).as_string
        if chars
        else ""
    )
    return PageContent(
        items,
        float(page.height),
        right,
        size,
        visible,
        cid,
        len(page.images),
        sideways,
        _fold(layout),
    )


def _within(ch: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return bool(box[0] <= cx <= box[2] and box[1] <= cy <= box[3])


def _margin(line: TextLine, height: float) -> bool:
    margin = height * _FURNITURE_MARGIN
    return line.bottom <= margin or line.top >= height - margin


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _running(pages: Sequence[PageContent]) -> set[str]:
    """Texts (digits aside) printed in the margin of at least two pages and half of them."""
    seen: dict[str, int] = {}
    for page in pages:
        shapes = {
            _shape(item.text)
            for _, item in page.items
            if isinstance(item, TextLine) and _margin(item, page.height)
        }
        for shape in shapes:
            seen[shape] = seen.get(shape, 0) + 1
    return {shape for shape, n in seen.items() if n >= 2 and n * 2 >= len(pages)}


def _furniture(line: TextLine, page: PageContent, running: set[str]) -> bool:
    """A page number, or a running head or foot."""
    if _HEADING.match(line.text):
        return False
    if _PAGE_NUMBER.match(line.text):
        return True
    return _margin(line, page.height) and _shape(line.text) in running


def _continues(previous: TextLine, line: TextLine, page: PageContent, across: bool) -> bool:
    """Whether ``line`` goes on with the paragraph ``previous`` ends.

    It does when ``previous`` runs to the right margin and ``line`` is no heading,
    and follows close below, or starts the next page.
    """
    if not previous.full or _HEADING.match(line.text):
        return False
    return across or line.top - previous.bottom <= page.size


def assemble(pages: Sequence[PageContent]) -> list[Para | PageTable]:
    """The pages as paragraphs and tables in reading order, without page furniture."""
    running = _running(pages)
    blocks: list[Para | PageTable] = []
    paragraph: list[str] = []
    previous: TextLine | None = None  # the last line of the paragraph
    # the last block's table while nothing but page furniture has followed it
    last: PageTable | None = None

    def flush() -> None:
        if paragraph:
            blocks.append(Para(join_lines(paragraph)))
            paragraph.clear()

    for page in pages:
        content = [
            item
            for _, item in page.items
            if not (isinstance(item, TextLine) and _furniture(item, page, running))
        ]
        for k, item in enumerate(content):
            if isinstance(item, TextLine):
                if previous is None or not _continues(previous, item, page, k == 0):
                    flush()
                paragraph.append(item.text)
                previous = item
                last = None
                continue
            if k == 0 and last is not None:  # the page goes on with the table
                joined = _join(last, item)
                if joined is not None:
                    blocks[-1] = joined
                    last = joined
                    continue
            flush()
            previous = None
            blocks.append(item)
            last = item
    flush()
    return blocks


def _stated_pages(pdf: Any) -> int:
    """The page count the document's page tree states (-1 if it states none)."""
    from pdfminer.pdftypes import resolve1

    tree = resolve1(pdf.doc.catalog.get("Pages"))
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    return count if isinstance(count, int) else -1


def _open_pdfplumber() -> tuple[Any, Any]:
    try:
        import pdfplumber
        from pdfplumber.utils import text
    except ImportError as exc:
        raise MissingExtraError(
            f"reading PDF reports needs pdfplumber ({exc}); install it with: "
            'pip install "opengov-cn[pdf]"'
        ) from None
    quiet = logging.getLogger("pdfminer")
    if quiet.level == logging.NOTSET:
        quiet.setLevel(logging.ERROR)
    return pdfplumber, text


def pdf_report_html(data: bytes, name: str) -> Converted:
    """A PDF report's paragraphs and tables as minimal HTML for the HTML reader."""
    pdfplumber, text = _open_pdfplumber()
    _check_inflation(data, name)
    started = time.monotonic()
    pages: list[PageContent] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            # the count the page tree states first: listing a million pages is slow
            count = max(_stated_pages(pdf), 0)
            if count <= MAX_PAGES:
                count = len(pdf.pages)
            if count > MAX_PAGES:
                raise ReportParseError(
                    f"cannot read report file {show_path(name)}: it has {count} pages, "
                    f"more than {MAX_PAGES}; give one report's file"
                )
            for page in pdf.pages:
                if time.monotonic() - started > MAX_SECONDS:
                    raise ReportParseError(
                        f"cannot read report file {show_path(name)}: reading took more than "
                        f"{MAX_SECONDS:.0f} s (at page {page.page_number}); give the "
                        "agency's HTML page"
                    )
                pages.append(_read_page(page, text))
                page.close()
    except ReportParseError:
        raise
    except _TooLarge as exc:
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: {exc}; a report's page is far smaller: "
            "give the agency's HTML page"
        ) from None
    except Exception as exc:  # the PDF library's errors on a broken file vary
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: not a readable PDF "
            f"({type(exc).__name__}: {exc}); give the agency's HTML page"
        ) from None
    visible = sum(p.chars for p in pages)
    if visible == 0:
        scan = any(p.images for p in pages)
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: the PDF has no text layer"
            + (" (a scanned image)" if scan else "")
            + "; OCR is out of scope: use the agency's HTML page or an OCR tool first"
        )
    if sum(p.sideways for p in pages) * 2 > visible:
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: most of its text runs sideways (its "
            "pages are turned); turn the pages upright in a PDF editor and save it again, "
            "or use the agency's HTML page"
        )
    if sum(p.cid for p in pages) * 10 > visible:
        raise ReportParseError(
            f"cannot read report file {show_path(name)}: its fonts carry no Unicode mapping, so "
            "its text cannot be extracted; use the agency's HTML page"
        )
    return converted(assemble(pages))._replace(layout="\n".join(p.layout for p in pages))


class Converted(NamedTuple):
    """A PDF as HTML for the HTML reader, and what was left unread and why.

    ``layout`` is the PDF's text laid out in lines with its cells set apart by
    spaces (as ``pdftotext -layout`` gives it), for the text reader when the HTML
    holds no table 三: a table drawn without ruling lines is found there.
    """

    html: str
    notes: tuple[str, ...]
    layout: str = ""


def converted(assembled: Sequence[Para | PageTable]) -> Converted:
    """The HTML of assembled pages; a table that runs off its page becomes prose."""
    blocks: list[Block] = []
    notes: list[str] = []
    for block in assembled:
        if isinstance(block, Para):
            blocks.append(block)
        elif block.cut_off:
            blocks.extend(Para(b.text) for b in sorted(block.grid.boxes) if b.text)
            notes.append(
                f"a table on page {block.page} runs off the page's edge, so its columns "
                "cannot all be known and its numbers were not read"
            )
        else:
            blocks.append(drop_empty_boundaries(block.grid))
    return Converted(blocks_html(blocks), tuple(notes))
