"""Building table 二 item 1 from records (规章和规范性文件台账 → 年度报告表二第二十条第（一）项).

Agencies fill the first section of table 二 (第二十条第（一）项: 规章 and
（行政）规范性文件) from their register of documents. Given records with the
:class:`DocumentRecord` shape (a :class:`~opengov.DisclosureDecision`, a
:class:`~opengov.CatalogueRecord` with its ``document_kind`` set, or anything
alike) and a report year, :func:`build_disclosure_table` counts, per kind:

- 2021 format: 本年制发件数 (issued in the year), 本年废止件数 (repealed in the
  year), 现行有效件数 (issued by 31 December and not repealed by then);
- 2019 format: 本年新制作数量 (issued in the year), 本年新公开数量 (published in
  the year), 对外公开总数量 (published by 31 December and not repealed by then).

Records of other kinds (or of no known kind) are not counted. The other sections
of table 二 (items 5, 6, 8, 9) are not known from these records: their cells stay
unread; fill them with :meth:`~opengov.reports.DisclosureTable.with_cell`.

Legal basis:
    - ogi-2019:20(1), ogi-2019:50 (report contents); report-format-2019,
      report-format-2021.

>>> from datetime import date
>>> from opengov import DocumentKind
>>> from opengov.reports import DisclosureColumn, DisclosureRow, build_disclosure_table
>>> class Doc:
...     document_kind = DocumentKind.NORMATIVE_DOCUMENT
...     issued_on = date(2023, 3, 1)
...     published_on = date(2023, 3, 2)
...     repealed_on = date(2024, 6, 30)
>>> t = build_disclosure_table([Doc()], 2024)
>>> [t.cell(DisclosureRow.NORMATIVE_DOCUMENTS, c).value for c in
...  (DisclosureColumn.ISSUED, DisclosureColumn.REPEALED, DisclosureColumn.IN_FORCE)]
[0, 1, 0]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol, runtime_checkable

from opengov._dates import as_date
from opengov.disclosure import DocumentKind
from opengov.errors import InvalidInputError
from opengov.outcomes import ReportFormat
from opengov.reports.model import Cell, DisclosureColumn, DisclosureRow, DisclosureTable

__all__ = ["DocumentRecord", "build_disclosure_table"]


@runtime_checkable
class DocumentRecord(Protocol):
    """What table 二 item 1 needs to know about one document."""

    @property
    def document_kind(self) -> DocumentKind | None:
        """规章, 规范性文件 or other (``None``: unknown, not counted)."""

    @property
    def issued_on(self) -> date | None:
        """The day the document was made (制发; its formation)."""

    @property
    def published_on(self) -> date | None:
        """The day it was first published (the 2019 format's columns need it)."""

    @property
    def repealed_on(self) -> date | None:
        """The day it was repealed or ceased to be in force, if it did."""


_ROWS = {
    DocumentKind.RULE: DisclosureRow.RULES,
    DocumentKind.NORMATIVE_DOCUMENT: DisclosureRow.NORMATIVE_DOCUMENTS,
}


def _day(rec: Any, name: str) -> date | None:
    value = getattr(rec, name)
    return None if value is None else as_date(value, name)


def build_disclosure_table(
    records: Iterable[DocumentRecord], year: int, fmt: ReportFormat | None = None
) -> DisclosureTable:
    """Count document records into table 二 item 1 for a report year (format from the year).

    Raises :class:`~opengov.errors.InvalidInputError` for a record without the
    :class:`DocumentRecord` attributes, repealed before it was issued, or (2019
    format) a counted record without a publication date.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError(f"year must be an int, got {year!r}")
    if not 1 < year < 9999:
        raise InvalidInputError(f"year must be a report year such as 2024, got {year}")
    f = ReportFormat.for_year(year) if fmt is None else ReportFormat(fmt)
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InvalidInputError(
            f"records must be an iterable of document records, got {type(records).__name__}"
        )
    start, end = date(year, 1, 1), date(year, 12, 31)
    if f is ReportFormat.F2021:
        columns = (DisclosureColumn.ISSUED, DisclosureColumn.REPEALED, DisclosureColumn.IN_FORCE)
    else:
        columns = (
            DisclosureColumn.NEWLY_MADE,
            DisclosureColumn.NEWLY_PUBLISHED,
            DisclosureColumn.TOTAL_PUBLISHED,
        )
    counts = {(row, col): 0 for row in _ROWS.values() for col in columns}
    for i, rec in enumerate(records):
        missing = [a for a in ("document_kind", "issued_on", "published_on", "repealed_on")
                   if not hasattr(rec, a)]  # fmt: skip
        if missing:
            raise InvalidInputError(
                f"record {i}: a document record needs {', '.join(missing)} "
                f"(see DocumentRecord); got {type(rec).__name__}"
            )
        kind = rec.document_kind
        if kind is None or kind not in _ROWS:
            continue
        row = _ROWS[DocumentKind(kind)]
        issued = _day(rec, "issued_on")
        repealed = _day(rec, "repealed_on")
        published = _day(rec, "published_on")
        if issued is None:
            raise InvalidInputError(
                f"record {i}: issued_on is missing for a {row.label_zh_in(f)}; table 二 counts "
                f"documents by the day they were made"
            )
        if repealed is not None and repealed < issued:
            raise InvalidInputError(
                f"record {i}: repealed_on {repealed} is before issued_on {issued}: fix the record"
            )
        in_force = issued <= end and (repealed is None or repealed > end)
        made = start <= issued <= end
        if f is ReportFormat.F2021:
            counts[row, DisclosureColumn.ISSUED] += made
            counts[row, DisclosureColumn.REPEALED] += (
                repealed is not None and start <= repealed <= end
            )
            counts[row, DisclosureColumn.IN_FORCE] += in_force
            continue
        if published is None:
            raise InvalidInputError(
                f"record {i}: published_on is missing; the 2019 format counts publication "
                f"(本年新公开数量, 对外公开总数量)"
            )
        counts[row, DisclosureColumn.NEWLY_MADE] += made
        counts[row, DisclosureColumn.NEWLY_PUBLISHED] += start <= published <= end
        counts[row, DisclosureColumn.TOTAL_PUBLISHED] += published <= end and (
            repealed is None or repealed > end
        )
    table = DisclosureTable.empty(f)
    for (row, col), n in counts.items():
        table = table.with_cell(row, col, Cell.number(int(n)))
    return table
