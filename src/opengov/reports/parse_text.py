"""Parsing annual reports from text dumps (年度报告文本).

A text dump is what copying a published report out of a web page or PDF gives:
prose lines, and table cells separated by ``|`` — one cell per line (as many
portals export them) or a whole row per line (Markdown tables included). Lines
without ``|`` are prose. Empty cells between ``|`` are kept: inside a row they are
blank cells; on a row-per-line line, blank cells between the label and the values
are taken for label columns when the row has more cells than values. A row
wrapped over two lines is joined when that is unambiguous: a label whose two
pieces together read exactly as a row label, or values continuing on the next
line that bring the row to as many cells as the table's other rows hold.

Text without ``|`` is read in the shape it comes in, decided from the text:

- tab-separated cells, one row per line (a browser's copy of the page; cells that
  hold paragraphs, which Chromium puts on lines of their own, are rejoined);
- columns aligned by spaces (``pdftotext -layout``): a label, then its values;
  a label wrapped around the line of its values is mended when exactly one join
  of the lines around reads as a row label;
- one cell per line (plain ``pdftotext``): values are kept only where every run of
  values follows its row label and fills the row, so that text ordered by position
  on the page (a label printed after its values) gives unread cells, not the
  values of the row next to it;
- crawler text whose cells run together (``一、本年新收政府信息公开申请数量5800000 58``):
  each row's numbers are one run of digits, split only when exactly one split
  satisfies the row's arithmetic, or table 三's balances between rows. The cells
  split are marked :attr:`Cell.recovered` and every run considered is listed in
  :attr:`AnnualReport.recoveries`; a run with no such split stays unread, with the
  run as its raw text.

The tables are found by their printed labels, tolerating full-/half-width brackets
and digits, spaces, 规范性文件 vs 行政规范性文件 and truncated headers. Cells that
cannot be placed or read are unread, never guessed; see
:meth:`AnnualReport.completeness`.

Legal basis:
    - report-format-2019, report-format-2021 (the labels searched for).

>>> from opengov.reports import parse_report_text
>>> text = '''某区某局2021年政府信息公开工作年度报告
... 三、收到和处理政府信息公开申请情况
... 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
... '''
>>> r = parse_report_text(text)
>>> r.agency, r.year, r.format.value
('某区某局', 2021, '2021')
>>> r.applications.cells[0][-1].value
2
"""

from __future__ import annotations

import re
from functools import partial

from opengov.errors import InvalidInputError
from opengov.outcomes import ReportFormat
from opengov.reports._joined import recover
from opengov.reports._reader import CELL, PARA, ROW_END, RULE, Tok, format_arg, read_report
from opengov.reports._shapes import shape_tokens
from opengov.reports.model import AnnualReport

__all__ = ["parse_report_text", "text_tokens"]


_SEPARATOR = re.compile(r"(?<!\\)\|")  # a "|" not escaped as "\|" (Markdown)
_tok = partial(tuple.__new__, Tok)  # Tok(text, kind, line) from a tuple, without the call
# A Markdown delimiter cell: "---", ":---:", ":-", "-:".
_DELIMITER = re.compile(r":?-{3,}:?|:-+:?|-+:")
_RULE_LINE = re.compile(r"[\s|:-]*")  # a rule line has no other character


def _is_rule(pieces: list[str]) -> bool:
    """A line that draws a table rule, not a row: ``|||||`` or ``|---|:---:|``.

    Its pieces are all empty or Markdown delimiters; a line holding nothing but a
    single ``|`` is a blank cell of a dump that prints one cell per line.
    """
    cells = [p.strip() for p in pieces]
    if not all(not c or _DELIMITER.fullmatch(c) for c in cells):
        return False
    return len(cells) > 2 or any(cells)


def text_tokens(text: str) -> list[Tok]:
    """Split a dump into cells (``|``-separated) and prose lines.

    Each token keeps the number of its line, so that a table row wrapped over two
    lines can be joined. A ``ROW_END`` reads ``|`` when its line ended with a
    separator; a line that starts with one gives a first cell that is empty. A rule
    line (``|||||``, Markdown's ``|---|---|``) gives a ``RULE``, no cells: its empty
    pieces are not blank cells, which would shift the values after them.
    """
    out: list[Tok] = []
    append = out.append
    open_cell = False  # the line before was a row ending in a cell begun, not closed
    for number, line in enumerate(text.splitlines()):
        if "|" not in line:
            line = line.strip()
            if line:
                append(Tok(line, PARA, number))
            open_cell = False
            continue
        escaped = "\\|" in line
        # with no "|" escaped, str.split gives the pattern's pieces
        pieces = _SEPARATOR.split(line) if escaped else line.split("|")
        if (
            _RULE_LINE.fullmatch(line)
            and _is_rule(pieces)
            and not (open_cell and line.lstrip().startswith("|") and "-" not in line)
        ):
            # After a row that does not end at a "|" ("| 0 " or "|  "), a line "|  |"
            # may be the rest of that row, wrapped: read as cells, the row is then
            # joined or unread, never read short. A Markdown delimiter row ("|---|")
            # is a rule wherever it stands.
            out.append(Tok("", RULE, number))
            open_cell = False
            continue
        open_cell = len(pieces) > 2 and pieces[-1] != ""  # text or space after the last |
        if escaped:
            pieces = [p.replace("\\|", "|") for p in pieces]
        ends_with_separator = not pieces[-1].strip()
        if ends_with_separator:
            pieces.pop()  # the separator that ends the line
        if len(pieces) == 1:  # one cell on its line: no row end
            append(_tok((pieces[0].strip(), CELL, number)))
            continue
        pieces = [p.strip() for p in pieces]
        out.extend([_tok((p, CELL, number)) for p in pieces])
        if len(pieces) > 1 and any(pieces):
            # a whole table row on one line
            out.append(Tok("|" if ends_with_separator else "", ROW_END, number))
    return out


def parse_report_text(
    text: str,
    *,
    agency: str | None = None,
    year: int | None = None,
    format: ReportFormat | str | None = None,
) -> AnnualReport:
    """Parse a report from a text dump.

    ``agency`` and ``year`` default to what the title states; ``format`` defaults to
    the one the table-三 rows show (（六） split in three means 2021), else the one
    for the year. Raises :class:`~opengov.errors.ReportParseError` when no table 三
    is found, no year is known, or the text holds more than one report (a second
    table 三 after the first report's table 四 or after another report title).
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"text must be a str, got {type(text).__name__}")
    fmt = format_arg(format)
    tokens, joined = shape_tokens(text, text_tokens)
    report = read_report(tokens, agency=agency, year=year, format=fmt)
    return recover(report) if joined else report
