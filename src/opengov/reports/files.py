"""Reading a report file (年度报告文件): HTML, text, PDF or Word, chosen by content.

:func:`parse_report` reads a file (only a regular file, at most
:data:`MAX_DOCUMENT_FILE_BYTES`); :func:`parse_report_bytes` does the same for
bytes already in memory. The first bytes decide what the file is, never its
extension: a PDF (``pdf`` extra) or a Word ``.docx`` (``docx`` extra) is turned
into minimal HTML for :func:`~opengov.reports.parse_html.parse_report_html`; other
files are decoded (at most :data:`MAX_TEXT_FILE_BYTES`) and handed to
:func:`parse_report_source`: HTML markup (:func:`looks_like_html`) goes to
:func:`~opengov.reports.parse_html.parse_report_html`, anything else to
:func:`~opengov.reports.parse_text.parse_report_text`. Legacy Word and WPS files,
OFD, images and other binaries are refused with what to do instead.

Encodings: a byte-order mark (UTF-8, UTF-16) decides; then UTF-16 without a mark
(its NUL bytes); then valid UTF-8; then a charset the page declares (``<meta
charset>``; GB2312 and GBK are read as GB18030, their superset); then GB18030 when
its characters are everyday simplified Chinese, or Big5 when they are everyday
traditional Chinese. A declared charset that does not decode the bytes is an error
naming the charset and the byte offset, never a silent second guess; undecodable
bytes likewise. Errors name the file, and for text read by a guess, the encoding.

Legal basis:
    - report-format-2019, report-format-2021 (through the two parsers).

>>> from opengov.reports import parse_report
>>> parse_report("examples/data/hunjiang-minzheng-2019.txt").completeness().ratio
1.0
"""

from __future__ import annotations

import re
from os import PathLike, fspath
from typing import NamedTuple

from opengov._files import read_capped_file
from opengov._show import show_path
from opengov.errors import InvalidInputError, LegacyReportError, ReportParseError
from opengov.outcomes import ReportFormat
from opengov.reports._decode import codec_name, decode_report_bytes
from opengov.reports._kinds import file_kind
from opengov.reports.model import AnnualReport

__all__ = [
    "MAX_DOCUMENT_FILE_BYTES",
    "MAX_TEXT_FILE_BYTES",
    "ReportDocument",
    "looks_like_html",
    "naming_the_file",
    "parse_report",
    "parse_report_bytes",
    "parse_report_source",
    "read_report_document",
    "report_document",
]

# The size caps, the one place they are set. A report's page or text is well under a
# megabyte; a PDF or Word file with its fonts and images a few megabytes.

#: The largest HTML or text report file read (20 MiB); a larger one is refused.
MAX_TEXT_FILE_BYTES = 20 << 20
#: The largest PDF or Word (.docx) report file read (50 MiB); a larger one is refused
#: unread.
MAX_DOCUMENT_FILE_BYTES = 50 << 20

_TOO_LARGE_TEXT = "a report's page or text is well under a megabyte: give one report's file"
_TOO_LARGE_DOCUMENT = (
    "a report's PDF or Word file is a few megabytes: give one report's file, or its HTML page"
)

_HTML = re.compile(r"<\s*(?:html|table|body|tr|td|p|div)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when the text contains HTML markup (a table, paragraph or body tag)."""
    return bool(_HTML.search(text[:200_000]))


def parse_report_source(
    text: str,
    *,
    agency: str | None = None,
    year: int | None = None,
    format: ReportFormat | str | None = None,
) -> AnnualReport:
    """Parse report text that may be HTML or a ``|``-separated dump."""
    if looks_like_html(text):
        from opengov.reports.parse_html import parse_report_html

        return parse_report_html(text, agency=agency, year=year, format=format)
    from opengov.reports.parse_text import parse_report_text

    return parse_report_text(text, agency=agency, year=year, format=format)


class ReportDocument(NamedTuple):
    """A report file as the parsers take it: HTML or plain text, and how it was read."""

    text: str
    is_html: bool
    how: str  # e.g. "read as UTF-8, detected" or "a PDF document", for error messages
    notes: tuple[str, ...] = ()  # what a conversion left out, added to errors
    # a PDF's text laid out in lines, for the text reader when the HTML of its ruled
    # tables holds no table 三 (a table drawn without ruling lines)
    layout: str = ""


def read_report_document(path: str | PathLike[str]) -> ReportDocument:
    """Read a report file (a regular file, capped) into HTML or text, by its content.

    Both :func:`parse_report` and the 2008-2018 reader
    (:func:`~opengov.reports.parse_legacy.parse_legacy_report`) read files this way.
    """
    if not isinstance(path, (str, PathLike)):
        raise InvalidInputError(f"path must be a str or Path, got {type(path).__name__}")
    data = read_capped_file(
        path,
        MAX_DOCUMENT_FILE_BYTES,
        what="report file",
        error=ReportParseError,
        not_regular="give the path of the report's file (HTML, text, PDF or .docx)",
        too_large=_TOO_LARGE_DOCUMENT,
    )
    return report_document(data, name=fspath(path))


def report_document(data: bytes, *, name: str = "<bytes>") -> ReportDocument:
    """A report file's bytes as HTML or text: PDF and Word converted to HTML, other
    files decoded; ``name`` is used in errors."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InvalidInputError(f"data must be bytes, got {type(data).__name__}")
    if not isinstance(name, str):
        raise InvalidInputError(f"name must be a str, got {type(name).__name__}")
    data = bytes(data)
    kind = file_kind(data, name)
    limit = MAX_TEXT_FILE_BYTES if kind == "text" else MAX_DOCUMENT_FILE_BYTES
    if len(data) > limit:
        raise ReportParseError(
            f"report file {show_path(name)} is larger than {limit} bytes; "
            + (_TOO_LARGE_TEXT if kind == "text" else _TOO_LARGE_DOCUMENT)
        )
    if kind == "docx":
        from opengov.reports._docx import docx_report_html

        return ReportDocument(docx_report_html(data, name), True, "a Word document")
    if kind == "pdf":
        from opengov.reports._pdf import pdf_report_html

        converted = pdf_report_html(data, name)
        return ReportDocument(
            converted.html, True, "a PDF document", converted.notes, converted.layout
        )
    decoded = decode_report_bytes(data, name)
    how = f"read as {codec_name(decoded.encoding)}, {decoded.reason}"
    return ReportDocument(decoded.text, looks_like_html(decoded.text), how)


def naming_the_file(exc: ReportParseError, name: str, document: ReportDocument) -> ReportParseError:
    """``exc`` again, of the same class (a LegacyReportError stays one), naming the
    file, how it was read and what its conversion left out."""
    also = "".join(f"; {note}" for note in document.notes)
    return type(exc)(f"report file {show_path(name)} ({document.how}): {exc}{also}")


def parse_report(
    path: str | PathLike[str],
    *,
    agency: str | None = None,
    year: int | None = None,
    format: ReportFormat | str | None = None,
) -> AnnualReport:
    """Read a report file: HTML, a text dump, PDF or Word, in any encoding the module
    names."""
    return _parse(read_report_document(path), fspath(path), agency, year, format)


def parse_report_bytes(
    data: bytes,
    *,
    name: str = "<bytes>",
    agency: str | None = None,
    year: int | None = None,
    format: ReportFormat | str | None = None,
) -> AnnualReport:
    """Parse a report file's bytes (e.g. a downloaded page); ``name`` is used in errors.

    >>> page = "<p>某局2021年政府信息公开工作年度报告</p>".encode("gbk")
    >>> parse_report_bytes(page, name="page.html")
    Traceback (most recent call last):
    opengov.errors.ReportParseError: report file 'page.html' (read as GB18030, detected): no table 三 found: ...
    """
    return _parse(report_document(data, name=name), name, agency, year, format)


def _filled(report: AnnualReport, layout: str) -> AnnualReport:
    """``report`` with the cells it left unread taken from a PDF's laid-out text.

    A PDF may draw some tables with ruling lines and others without: the HTML of
    its ruled tables reads the first, the text reader the others. A cell is taken
    only where the ruled reading has none, from a reading of the same year and
    format, and never a number split from digits run together (its record would be
    missing); where both readings hold a cell, the ruled one stands.
    """
    from opengov.reports.model import CellKind
    from opengov.reports.parse_text import parse_report_text

    try:
        other = parse_report_text(layout, year=report.year, format=report.format)
    except ReportParseError:
        return report
    for ref, cell in report.items():
        if cell.kind is CellKind.UNREAD:
            found = other.cell(ref)
            if found.kind is not CellKind.UNREAD and not found.recovered:
                report = report.with_cell(ref, found)
    return report


def _parse(
    document: ReportDocument,
    name: str,
    agency: str | None,
    year: int | None,
    format: ReportFormat | str | None,
) -> AnnualReport:
    from opengov.reports.parse_text import parse_report_text

    try:
        if document.is_html:
            from opengov.reports.parse_html import parse_report_html

            report = parse_report_html(document.text, agency=agency, year=year, format=format)
            if document.layout and report.completeness().unread:
                return _filled(report, document.layout)
            return report
        return parse_report_text(document.text, agency=agency, year=year, format=format)
    except LegacyReportError as exc:
        raise naming_the_file(exc, name, document) from None
    except ReportParseError as exc:
        if document.layout:  # a PDF whose tables have no ruling lines: read its text
            try:
                return parse_report_text(document.layout, agency=agency, year=year, format=format)
            except ReportParseError:
                pass
        raise naming_the_file(exc, name, document) from None
