"""Reading a report file (年度报告文件): HTML or text, chosen by content.

:func:`parse_report` reads a file as UTF-8, or as GB18030 (as many portals publish
it) when it is not UTF-8, and hands the text to :func:`parse_report_source`: HTML
markup (:func:`looks_like_html`) goes to
:func:`~opengov.reports.parse_html.parse_report_html`, anything else to
:func:`~opengov.reports.parse_text.parse_report_text`.

Legal basis:
    - report-format-2019, report-format-2021 (through the two parsers).

>>> from opengov.reports import parse_report
>>> parse_report("examples/data/hunjiang-minzheng-2019.txt").completeness().ratio
1.0
"""

from __future__ import annotations

import re
from os import PathLike

from opengov._files import read_capped_file
from opengov.errors import InvalidInputError, ReportParseError
from opengov.outcomes import ReportFormat
from opengov.reports.model import AnnualReport

__all__ = ["MAX_TEXT_FILE_BYTES", "looks_like_html", "parse_report", "parse_report_source"]

#: The largest report file read (20 MiB); a larger one is refused unread. A report's
#: page or text is well under a megabyte.
MAX_TEXT_FILE_BYTES = 20 << 20

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


def parse_report(
    path: str | PathLike[str],
    *,
    agency: str | None = None,
    year: int | None = None,
    format: ReportFormat | str | None = None,
) -> AnnualReport:
    """Read a report file (UTF-8, or GB18030 as published by many portals)."""
    if not isinstance(path, (str, PathLike)):
        raise InvalidInputError(f"path must be a str or Path, got {type(path).__name__}")
    data = read_capped_file(
        path,
        MAX_TEXT_FILE_BYTES,
        what="report file",
        error=ReportParseError,
        not_regular="give the path of the report's HTML page or text",
        too_large="a report is well under a megabyte: give one report's file",
    )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ReportParseError(f"cannot decode {str(path)!r}: save it as UTF-8")
    return parse_report_source(text, agency=agency, year=year, format=format)
