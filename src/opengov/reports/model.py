"""Annual-report model (政府信息公开工作年度报告, Art. 49-50): cells, tables, report.

A report has six parts; three are tables: 二 (主动公开, the 第二十条 items), 三
(收到和处理政府信息公开申请情况: applicant columns × :class:`~opengov.OutcomeRow`
rows) and 四 (行政复议、行政诉讼: 15 cells). The columns of table 二 differ between the
2019 and 2021 formats, and 第二十条第（九）项 exists only in 2019.

Every cell is a :class:`Cell`: a number (0 included), blank, not applicable ("/",
"—", "不适用") or unread (the parser saw something it could not read, or nothing at
all). A parser never turns an unreadable cell into a number.

Shown in a notebook, a report displays its tables in the official layout with the
checks' findings: failing cells marked, each finding's message on hover
(:func:`~opengov.reports.to_styled_html`).

Legal basis:
    - ogi-2019:50 (report contents);
    - report-format-2019 (国办公开办函〔2019〕60号), report-format-2021
      (国办公开办函〔2021〕30号): the tables, rows and columns.

>>> from opengov import ApplicantType, OutcomeRow
>>> from opengov.reports import AnnualReport, ApplicationTable, ApplicantColumn
>>> t = ApplicationTable.from_counts(2019, {OutcomeRow.RECEIVED: {ApplicantType.NATURAL_PERSON: 3}})
>>> t.value(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL)
3
>>> r = AnnualReport.create(agency="某局", year=2019, applications=t)
>>> r.format.value, r.completeness().unread > 0
('2019', True)
"""

from __future__ import annotations

from opengov.errors import InvalidInputError
from opengov.reports import _tables as tables
from opengov.reports._tables import APPLICANT_COLUMNS as APPLICANT_COLUMNS
from opengov.reports._tables import (
    BALANCE_NOTE,
    ApplicantColumn,
    ApplicationTable,
    Cell,
    CellKind,
    CellRef,
    Completeness,
    DisclosureColumn,
    DisclosureRow,
    DisclosureSection,
    DisclosureTable,
    Recovery,
    RecoveryRule,
    ReportData,
    ReportTable,
    ReportText,
    ReviewKind,
    ReviewResult,
    ReviewTable,
    disclosure_layout,
)
from opengov.reports._tables import NOT_APPLICABLE_MARKERS as NOT_APPLICABLE_MARKERS
from opengov.reports._tables import ODD_DIGIT as ODD_DIGIT
from opengov.reports._tables import REVIEW_KEYS as REVIEW_KEYS
from opengov.reports._tables import TYPE_COLUMNS as TYPE_COLUMNS
from opengov.reports._tables import prose_digits as prose_digits

# The cells, tables and layout live in a private module that the checks and the
# renderers import; this module adds the report's notebook display, which calls
# them. The ``X as X`` names are read from here by other modules of the package.
__all__ = [
    "BALANCE_NOTE",
    "AnnualReport",
    "ApplicantColumn",
    "ApplicationTable",
    "Cell",
    "CellKind",
    "CellRef",
    "Completeness",
    "DisclosureColumn",
    "DisclosureRow",
    "DisclosureSection",
    "DisclosureTable",
    "Recovery",
    "RecoveryRule",
    "ReportTable",
    "ReportText",
    "ReviewKind",
    "ReviewResult",
    "ReviewTable",
    "disclosure_layout",
]


class AnnualReport(ReportData):
    """One agency's annual report for one year, in one official format.

    The format must match the tables'. :meth:`create` picks the format from the
    year (:meth:`ReportFormat.for_year`) unless one is given.
    """

    def _repr_html_(self) -> str:
        """The notebook display: the styled tables, failing cells marked, each
        finding of :func:`~opengov.reports.check_report` shown on hover."""
        from opengov.reports.render import to_styled_html

        return to_styled_html(self)


def require_report(value: object, name: str = "report") -> AnnualReport:
    """``value`` if it is an :class:`AnnualReport`, else ``InvalidInputError``.

    The check and its message are the table layer's (:func:`tables.require_report`);
    this narrows the type to the displayable class every reader builds.
    """
    report = tables.require_report(value, name)
    if not isinstance(report, AnnualReport):  # a bare ReportData, which no reader builds
        raise InvalidInputError(f"{name} must be an AnnualReport, got {type(report).__name__}")
    return report


def report_list(reports: object) -> list[AnnualReport]:
    """The reports of an iterable, each checked to be an AnnualReport."""
    return [require_report(r, "each report") for r in tables.report_list(reports)]
