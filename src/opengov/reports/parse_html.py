"""Parsing annual reports from HTML (年度报告网页), with the standard library only.

Governments publish reports as web pages whose tables use ``rowspan`` and
``colspan`` like the official format, and often more: pages exported from word
processors split the grid further, so value cells carry a ``colspan`` of their
own, or a filler cell sits next to a label. :func:`parse_html_tables` reads every
table into an :class:`HtmlTable` (cells with their spans, and
:meth:`HtmlTable.grid`, the rectangular grid with spanned cells repeated).

:func:`parse_report_html` reads the whole report. Values in tables 三 and 四 are
placed by grid position under their printed column headings (自然人 … 总计; the
15 结果维持 … 总计 columns of table 四), so spans on label and value cells do not
shift a number into the wrong column. A number never fills more than one cell:
a numeric cell that spans several value columns or rows is read as unread in each
of them (a blank or "/" cell fills every slot it covers). A table whose headings
cannot be found is read in document order. Prose outside tables gives the text
parts.

What a browser would not show is not read as part of a number: a cell with
superscript or subscript text, or hidden text holding a digit (``hidden``,
``display:none``, ``visibility:hidden``), is unread with that text noted after its
own (``"1 (superscript 2)"``); hidden prose is left out. Pages saved by Word read
as others do (``<o:p>``, conditional comments and ``<xml>`` islands give no text),
and a table 三 that a page break split into two tables, the second maybe repeating
the header, is read as one table when the rows after the break line up with the
columns before it.

Legal basis:
    - report-format-2019, report-format-2021 (the labels searched for).

>>> from opengov.reports import parse_html_tables
>>> t = parse_html_tables('<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>')[0]
>>> t.grid()
(('a', 'b'), ('a', 'c'))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html.parser import HTMLParser
from itertools import pairwise
from typing import Any, NamedTuple

from opengov._model import FrozenModel
from opengov.errors import InvalidInputError
from opengov.outcomes import ReportFormat
from opengov.reports._markup import feed_plain
from opengov.reports._reader import (
    CELL,
    PARA,
    ROW_END,
    TABLE_END,
    Tok,
    core,
    format_arg,
    norm,
    read_report,
)
from opengov.reports.model import NOT_APPLICABLE_MARKERS, AnnualReport

__all__ = ["HtmlCell", "HtmlTable", "html_tokens", "parse_html_tables", "parse_report_html"]

_BLOCKS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "title", "section", "article"}
)
# Elements whose text is never shown: scripts, styles, Word's XML islands (<xml>
# holding <w:WordDocument> settings, when not already inside a conditional comment).
_SKIP = frozenset({"script", "style", "xml"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _hides(attrs: list[tuple[str, str | None]]) -> bool:
    """An element a browser does not show: ``hidden``, ``display:none`` or
    ``visibility:hidden``."""
    if not attrs:  # most tags
        return False
    return any(
        name == "hidden" or (name == "style" and value and _HIDING_STYLE.search(value))
        for name, value in attrs
    )


# Grid slots a table may cover before position-based reading gives up (spans are
# capped per cell, but many wide cells could still make a huge grid), and all the
# tables of a page together (a page of many such tables would take long to place).
_MAX_SLOTS = 200_000
_PAGE_SLOTS = 1_000_000


class HtmlCell(FrozenModel):
    """A ``td``/``th`` with its text and spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


class _Placed(NamedTuple):
    row: int
    col: int
    rowspan: int
    cell: HtmlCell


def _place(
    rows: Sequence[Sequence[HtmlCell]],
) -> tuple[list[_Placed], dict[tuple[int, int], _Placed]] | None:
    """Where each cell sits in the grid (``None`` when the grid is unreasonably big).

    A ``rowspan`` reaching past the last row is cut at the last row, as browsers do.
    """
    placed: list[_Placed] = []
    occupied: dict[tuple[int, int], _Placed] = {}
    height = len(rows)
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in occupied:
                c += 1
            rowspan = min(cell.rowspan, height - r)
            if len(occupied) + rowspan * cell.colspan > _MAX_SLOTS:
                return None
            p = _Placed(r, c, rowspan, cell)
            placed.append(p)
            if rowspan == 1 and cell.colspan == 1:  # most cells: one slot
                occupied[(r, c)] = p
                c += 1
                continue
            for dr in range(rowspan):
                for dc in range(cell.colspan):
                    occupied[(r + dr, c + dc)] = p
            c += cell.colspan
    return placed, occupied


class HtmlTable(FrozenModel):
    """A table as published: rows of cells with their spans."""

    rows: tuple[tuple[HtmlCell, ...], ...]

    def grid(self) -> tuple[tuple[str, ...], ...]:
        """The table as a rectangle: a spanned cell's text fills every slot it covers.

        Raises :class:`~opengov.errors.InvalidInputError` for a table whose spans
        would make a grid of more than 200,000 slots.
        """
        layout = _place(self.rows)
        if layout is None:
            raise InvalidInputError(
                f"the table's spans make a grid of more than {_MAX_SLOTS} cells; "
                "read its cells from HtmlTable.rows instead"
            )
        occupied = layout[1]
        width = max((c + 1 for _, c in occupied), default=0)
        height = max((r + 1 for r, _ in occupied), default=0)
        return tuple(
            tuple(occupied[(r, c)].cell.text if (r, c) in occupied else "" for c in range(width))
            for r in range(height)
        )


def _span(value: str | None) -> int:
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return n if 1 <= n <= 1000 else 1


@lru_cache(maxsize=4096)
def _html_cell(text: str, rowspan: int, colspan: int) -> HtmlCell:
    # frozen, so the many cells alike ("0", "", "/") share one instance
    return HtmlCell(text=text, rowspan=rowspan, colspan=colspan)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Tok] = []
        self.tables: list[list[list[HtmlCell]]] = []
        # token slice [start, end) of each table, and whether it holds another table
        self.slices: list[list[int]] = []
        self.nested: list[bool] = []
        self._open: list[int] = []
        self._cell: list[str] | None = None
        self._spans = (1, 1)
        self._para: list[str] = []
        self._skip = 0
        # Open hidden elements, as [tag, depth of that tag]; those opened in a cell
        # end with it. Text in them, and in <sup>/<sub> within a cell, is kept
        # apart: a cell is not read with it as part of its number.
        self._hidden: list[list[Any]] = []
        self._hidden_at_cell = 0
        self._marked: list[str] = []  # open <sup>/<sub> (a cell or paragraph ends them)
        self._cell_hidden: list[str] = []
        self._cell_marked: list[tuple[str, str]] = []

    def _flush_para(self) -> None:
        self._marked = []
        text = " ".join("".join(self._para).split())
        if text:
            self.tokens.append(Tok(text, PARA))
        self._para = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("table", "tr", "td", "th") and self._cell is not None:
            self._end_cell()  # before this tag's own hiding is noted
        if tag == "tr":  # a new row ends a hidden row left open
            while self._hidden and self._hidden[-1][0] in ("tr", "td", "th"):
                self._hidden.pop()
        if self._hidden and self._hidden[-1][0] == tag:
            self._hidden[-1][1] += 1
        elif tag not in _VOID and _hides(attrs):
            self._hidden.append([tag, 1])
        if tag in ("sup", "sub"):
            self._marked.append(tag)
        if tag in _SKIP:
            self._skip += 1
        elif tag == "table":
            self._flush_para()
            if self._cell is not None:
                self._end_cell()
            for i in self._open:
                self.nested[i] = True
            self._open.append(len(self.tables))
            self.tables.append([])
            self.slices.append([len(self.tokens), len(self.tokens)])
            self.nested.append(False)
        elif tag == "tr" and self._open:
            if self._cell is not None:
                self._end_cell()
            self.tables[self._open[-1]].append([])
        elif tag in ("td", "th") and self._open:
            if self._cell is not None:
                self._end_cell()
            self._cell = []
            self._hidden_at_cell = len(self._hidden) - (1 if _hides(attrs) else 0)
            if attrs:
                a = dict(attrs)
                self._spans = (_span(a.get("rowspan")), _span(a.get("colspan")))
            else:
                self._spans = (1, 1)
        elif tag in _BLOCKS and self._cell is not None:
            self._cell.append(" ")  # paragraphs of a cell do not run together
        elif tag in _BLOCKS:
            self._flush_para()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden and self._hidden[-1][0] == tag:
            self._hidden[-1][1] -= 1
            if not self._hidden[-1][1]:
                self._hidden.pop()
        if tag in ("sup", "sub") and self._marked and self._marked[-1] == tag:
            self._marked.pop()
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._cell is not None:
            self._end_cell()
        elif tag == "tr" and self._open:
            if self._cell is not None:
                self._end_cell()
            self.tokens.append(Tok("", ROW_END))
        elif tag == "table" and self._open:
            if self._cell is not None:
                self._end_cell()
            self.tokens.append(Tok("", TABLE_END))
            self.slices[self._open.pop()][1] = len(self.tokens)
        elif tag in _BLOCKS and self._cell is not None:
            self._cell.append(" ")
        elif tag in _BLOCKS:
            self._flush_para()

    def _end_cell(self) -> None:
        assert self._cell is not None
        text = _cell_text(
            " ".join("".join(self._cell).split()), self._cell_marked, "".join(self._cell_hidden)
        )
        del self._hidden[self._hidden_at_cell :]
        self._marked, self._cell_marked, self._cell_hidden = [], [], []
        self.tokens.append(Tok(text, CELL))
        if self._open:
            rows = self.tables[self._open[-1]]
            if not rows:  # a cell outside any <tr>
                rows.append([])
            rows[-1].append(
                _html_cell(text, *self._spans)
                if len(text) <= 64
                else HtmlCell(text=text, rowspan=self._spans[0], colspan=self._spans[1])
            )
        self._cell = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._hidden:
            if self._cell is not None:
                self._cell_hidden.append(data)
        elif self._cell is not None:
            if self._marked:
                self._cell_marked.append((self._marked[-1], data))
            else:
                self._cell.append(data)
        elif not self._open:
            # a superscript's digits stay superscript: prose numbers are not read
            # with them (see prose_digits)
            if self._marked:
                data = data.translate(_SUPER if self._marked[-1] == "sup" else _SUB)
            self._para.append(data)

    def close(self) -> None:
        super().close()
        if self._cell is not None:
            self._end_cell()
        while self._open:
            self.tokens.append(Tok("", TABLE_END))
            self.slices[self._open.pop()][1] = len(self.tokens)
        self._flush_para()


def _cell_text(shown: str, marked: Sequence[tuple[str, str]], hidden: str) -> str:
    """A cell's text: what is shown, and a note of what a number must not be read
    with. Superscript or subscript text in a cell that is not a label (``1<sup>2</sup>``
    is not 12) and hidden text holding a digit (``12<span hidden>3</span>`` is not
    123) are named after it, so the cell is unread with its text kept; a label's
    footnote marks and hidden text without digits are dropped.
    """
    if not marked and not hidden:  # most cells: nothing to note
        return shown
    notes: list[str] = []
    if not _CJK.search(shown):
        for kind, words in (("superscript", "sup"), ("subscript", "sub")):
            text = " ".join("".join(d for k, d in marked if k == words).split())
            if text:
                notes.append(f"{kind} {text}")
    if any(c.isdigit() for c in hidden):
        notes.append(f"hidden {' '.join(hidden.split())}")
    return f"{shown} ({'; '.join(notes)})".strip() if notes else shown


def _collect(html: str) -> _Collector:
    if not isinstance(html, str):
        raise InvalidInputError(f"html must be a str, got {type(html).__name__}")
    c = _Collector()
    if not feed_plain(html, c):  # not plainly written: html.parser reads it afresh
        c = _Collector()
        c.feed(html)
    c.close()
    return c


# ------------------------------------------------------------ value placement

_APPLICANT_HEADINGS = (
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)
_REVIEW_HEADINGS = frozenset({"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"})


def _is_blank_or_na(text: str) -> bool:
    t = norm(text)
    return not t or t in NOT_APPLICABLE_MARKERS or text.strip() in NOT_APPLICABLE_MARKERS


def _value(r: int, band: tuple[int, int], bands: Sequence[tuple[int, int]],
           occupied: dict[tuple[int, int], _Placed]) -> str:  # fmt: skip
    """The text to read for one value column of grid row ``r``.

    A missing cell reads as unread ("?"); a number spread over several columns
    or rows, or a label reaching into the values, is unread with its text kept.
    """
    lo, hi = band
    found: list[_Placed] = []
    if hi - lo == 1:  # most bands: one column
        p = occupied.get((r, lo))
        if p is not None:
            found.append(p)
    else:
        for c in range(lo, hi):
            p = occupied.get((r, c))
            if p is not None and p not in found:
                found.append(p)
    if not found:
        return "?"
    texts: list[str] = []
    for p in found:
        if _is_blank_or_na(p.cell.text):
            if len(found) == 1:
                return p.cell.text
            continue
        if p.col < bands[0][0]:
            return f"{p.cell.text} (label cell over the values)"
        end = p.col + p.cell.colspan
        # bands never overlap: a cell inside its own band covers no other
        covered = (
            1 if lo <= p.col and end <= hi else sum(1 for a, b in bands if a < end and p.col < b)
        )
        if norm(p.cell.text) == "0":
            # A 0 spread over several cells is 0 in each, whether it was meant as
            # their sum or as each one's count: tables 三 and 四 hold counts, none
            # negative. Any other number spread so is unread below.
            texts.append(p.cell.text)
            continue
        if covered > 1:
            return f"{p.cell.text} (one cell over {covered} columns)"
        if p.rowspan > 1:
            return f"{p.cell.text} (one cell over {p.rowspan} rows)"
        texts.append(p.cell.text)
    if not texts:
        return ""
    return texts[0] if len(texts) == 1 else " / ".join(texts)


def _bands(
    placed: Sequence[_Placed], labels: Sequence[str], before: int
) -> list[tuple[int, int]] | None:
    """Column bands [lo, hi) of the headings ``labels`` (in order) in rows before ``before``."""
    out: list[tuple[int, int]] = []
    for label in labels:
        match = next((p for p in placed if p.row < before and core(p.cell.text) == label
                      and (not out or p.col >= out[-1][1])), None)  # fmt: skip
        if match is None:
            return None
        out.append((match.col, match.col + match.cell.colspan))
    return out


def _rows_by_position(
    placed: Sequence[_Placed],
    occupied: dict[tuple[int, int], _Placed],
    bands: Sequence[tuple[int, int]],
    first: int,
    last: int,
) -> list[Tok]:
    """Tokens for grid rows ``first``..``last - 1``: labels, then one token per band."""
    out: list[Tok] = []
    by_row: dict[int, list[_Placed]] = {}
    for p in placed:
        by_row.setdefault(p.row, []).append(p)
    for r in range(first, last):
        own = by_row.get(r, [])
        if not own:
            continue
        out.extend(Tok(p.cell.text, CELL) for p in own if p.col < bands[0][0] and p.cell.text)
        out.extend(Tok(_value(r, b, bands, occupied), CELL) for b in bands)
        out.append(Tok("", ROW_END))
    return out


def _doc_order(placed: Sequence[_Placed], first: int, last: int) -> list[Tok]:
    out: list[Tok] = []
    row = first
    for p in placed:
        if not first <= p.row < last:
            continue
        while row < p.row:
            out.append(Tok("", ROW_END))
            row += 1
        out.append(Tok(p.cell.text, CELL))
    if placed and first < last:
        out.append(Tok("", ROW_END))
    return out


def _names_table(text: str) -> bool:
    """A cell that starts table 三 or 四, as :func:`_normalised` looks for them."""
    return "本年新收" in norm(text) or core(text) == "行政复议"


def _normalised(rows: Sequence[Sequence[HtmlCell]]) -> list[Tok] | None:
    """Tokens for table 三 or 四 with values placed by column, or ``None`` to keep as is."""
    if not any(_names_table(cell.text) for row in rows for cell in row):
        return None  # neither table: no need to place its cells
    layout = _place(rows)
    if layout is None:
        return None
    placed, occupied = layout
    height = len(rows)
    received = next((p.row for p in placed if "本年新收" in norm(p.cell.text)), None)
    if received is not None:
        bands = _bands(placed, _APPLICANT_HEADINGS, received)
        if bands is None:
            return None
        # a table 四 printed in the same table starts at its 行政复议 heading
        end = next((p.row for p in placed if p.row > received and core(p.cell.text) == "行政复议"),
                   height)  # fmt: skip
        return [
            *_doc_order(placed, 0, received),
            *_rows_by_position(placed, occupied, bands, received, end),
            *_doc_order(placed, end, height),
            Tok("", TABLE_END),
        ]
    start = next((p.row for p in placed if core(p.cell.text) == "行政复议"), None)
    if start is None:
        return None
    heads = sorted(
        {
            p.col: p for p in placed if p.row >= start and core(p.cell.text) in _REVIEW_HEADINGS
        }.values(),
        key=lambda p: p.col,
    )
    if len(heads) != 15:
        return None
    bands = [(p.col, p.col + p.cell.colspan) for p in heads]
    if any(a[1] > b[0] for a, b in pairwise(bands)):
        return None
    header_end = max(p.row + p.rowspan for p in heads)
    return [
        *_doc_order(placed, 0, header_end),
        *_rows_by_position(placed, occupied, bands, header_end, height),
        Tok("", TABLE_END),
    ]


def _report_tokens(c: _Collector) -> list[Tok]:
    """The document's tokens, with tables 三 and 四 re-read by grid position.

    The tables re-read hold no other table, so their token slices do not overlap:
    the result is put together in one pass (splicing each table into the whole list
    in turn took time quadratic in the number of tables). Past 1,000,000 grid slots
    for the page, tables are read in document order. A table 三 split over several
    tables (a page break in a word processor) is read as one: see
    :func:`_continuation`.
    """
    out: list[Tok] = []
    done = 0
    budget = _PAGE_SLOTS
    i = 0
    while i < len(c.tables):
        first = last = i
        table = c.tables[i]
        i += 1
        if c.nested[first] or not any(_may_be_read(cell.text) for row in table for cell in row):
            continue
        if (
            i < len(c.tables)
            and _next_rows(c, last) is not None
            and any("本年新收" in norm(cell.text) for row in table for cell in row)
            and _slots(table) <= budget
        ):
            width = _width(table)
            table = _clipped(table)
            used = _slots(table)
            while width and i < len(c.tables):
                more = _continuation(c, last, width, min(budget, _MAX_SLOTS) - used)
                if more is None:
                    break
                table.extend(more)
                used += _slots(more)
                last = i
                i += 1
        slots = _slots(table)
        if slots > budget:
            continue
        budget -= slots
        new = _normalised(table)
        if new is not None:
            lo, hi = c.slices[first][0], c.slices[last][1]
            out.extend(c.tokens[done:lo])
            out.extend(new)
            done = hi
    out.extend(c.tokens[done:])
    return out


_HEADER_WORDS = frozenset({"申请人情况", "法人或其他组织", *_APPLICANT_HEADINGS})


def _continuation(c: _Collector, last: int, width: int, room: int) -> list[list[HtmlCell]] | None:
    """The rows of the table after table ``last`` when it continues a table 三 whose
    grid is ``width`` columns wide, without a repeated header; else ``None``.

    It continues the table when nothing but blank paragraphs (a page break) lies
    between the two, it holds no table of its own, no 本年新收 row (another table
    三) and no 行政复议 heading, and each of its rows ends at column ``width``, as a
    browser shows it (its spans cut at its own last row): a continuation whose
    columns do not line up (a label column missing) is left to be read in document
    order. It may fill at most ``room`` grid slots.
    """
    rows = _next_rows(c, last)
    if rows is None:
        return None
    body = _clipped(rows)
    if _slots(body) > room:
        return None
    layout = _place(body)
    if layout is None:  # pragma: no cover - guarded by the slot count
        return None
    occupied = layout[1]
    if any((r, width - 1) not in occupied or (r, width) in occupied for r in range(len(body))):
        return None  # a row of it ends short of, or past, the table's right edge
    return body


def _next_rows(c: _Collector, last: int) -> list[list[HtmlCell]] | None:
    """The rows of the table after table ``last``, without header rows, when it may
    continue it (see :func:`_continuation`); else ``None``."""
    nxt = last + 1
    if nxt >= len(c.tables) or c.slices[last][1] != c.slices[nxt][0] or c.nested[nxt]:
        return None
    more = c.tables[nxt]
    if any("本年新收" in (t := norm(cell.text)) or t == "行政复议" for row in more for cell in row):
        return None
    start = 0
    while start < len(more) and all(
        not (t := core(cell.text)) or t in _HEADER_WORDS or "勾稽" in t for cell in more[start]
    ):
        start += 1
    body = [row for row in more[start:] if row]
    return body or None


def _clipped(rows: Sequence[Sequence[HtmlCell]]) -> list[list[HtmlCell]]:
    """``rows`` with every ``rowspan`` cut at the last row, as browsers show them."""
    height = len(rows)
    return [
        [
            cell
            if cell.rowspan <= height - r
            else HtmlCell.model_validate({**dict(cell), "rowspan": height - r})
            for cell in row
        ]
        for r, row in enumerate(rows)
    ]


def _width(rows: Sequence[Sequence[HtmlCell]]) -> int:
    """How many grid columns ``rows`` span (0 for an unreasonable grid)."""
    layout = _place(rows)
    if layout is None:
        return 0
    return max((col + 1 for _, col in layout[1]), default=0)


def _slots(rows: Sequence[Sequence[HtmlCell]]) -> int:
    """How many grid slots :func:`_place` would fill for ``rows``."""
    height = len(rows)
    return sum(
        min(cell.rowspan, height - r) * cell.colspan for r, row in enumerate(rows) for cell in row
    )


def _may_be_read(text: str) -> bool:
    """A cell that :func:`_normalised` looks for (cheaper than placing a grid)."""
    t = norm(text)
    return "本年新收" in t or "行政复议" in t


def html_tokens(html: str) -> list[Tok]:
    """A page's text as the readers' tokens: paragraphs, and table cells in document
    order (no table placed by grid position); the 2008-2018 reader reads these."""
    return _collect(html).tokens


def parse_html_tables(html: str) -> tuple[HtmlTable, ...]:
    """Every table in a page, in document order."""
    c = _collect(html)
    return tuple(HtmlTable(rows=tuple(tuple(row) for row in table if row)) for table in c.tables)


def parse_report_html(
    html: str,
    *,
    agency: str | None = None,
    year: int | None = None,
    format: ReportFormat | str | None = None,
) -> AnnualReport:
    """Parse a report from its HTML page; same options as :func:`parse_report_text`."""
    c = _collect(html)
    return read_report(_report_tokens(c), agency=agency, year=year, format=format_arg(format))
