"""opengov: China's Regulations on Open Government Information as typed, cited data.

Importing the package is cheap and silent: names are loaded from their submodules on
first use (PEP 562), so ``import opengov`` does no I/O and pulls in neither pydantic
nor the calendar tables until they are needed.

>>> import opengov
>>> opengov.Edition.REG_2019.rules.reply_days
20
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> submodule that defines it. The one list of the public API.
_EXPORTS: dict[str, str] = {
    # errors and warnings
    "OpenGovError": "opengov.errors",
    "InvalidInputError": "opengov.errors",
    "InvalidDateError": "opengov.errors",
    "CitationError": "opengov.errors",
    "UnknownCodeError": "opengov.errors",
    "EditionNotInForceError": "opengov.errors",
    "NeedsInterpretationError": "opengov.errors",
    "CalendarCoverageError": "opengov.errors",
    "CalendarDataError": "opengov.errors",
    "NoticeParseError": "opengov.errors",
    "ReportFormatError": "opengov.errors",
    "InvalidEventError": "opengov.errors",
    "ReportParseError": "opengov.errors",
    "OpenGovWarning": "opengov.errors",
    "ProvisionalCalendarWarning": "opengov.errors",
    # legal sources
    "Citation": "opengov.citations",
    "Instrument": "opengov.citations",
    "Edition": "opengov.editions",
    "EditionRules": "opengov.editions",
    "edition_in_force": "opengov.editions",
    # vocabulary
    "ApplicantGroup": "opengov.applicants",
    "ApplicantType": "opengov.applicants",
    "OutcomeGroup": "opengov.outcomes",
    "OutcomeRow": "opengov.outcomes",
    "ReportFormat": "opengov.outcomes",
    # vocabulary: categories, channels, exemptions, replies, legacy wording
    # working-day calendar and periods
    # applications, deadlines and fees
    # annual reports
    "AnnualReport": "opengov.reports.model",
    "ApplicationTable": "opengov.reports.model",
    "Cell": "opengov.reports.model",
    "CellKind": "opengov.reports.model",
    "CellRef": "opengov.reports.model",
    "DisclosureTable": "opengov.reports.model",
    "ReviewTable": "opengov.reports.model",
    "CheckRule": "opengov.reports.checks",
    "Finding": "opengov.reports.checks",
    "Severity": "opengov.reports.checks",
    "check_report": "opengov.reports.checks",
    "check_reports": "opengov.reports.checks",
    "check_carry_forward": "opengov.reports.checks",
    "parse_report": "opengov.reports.files",
    "parse_report_text": "opengov.reports.parse_text",
    "parse_report_html": "opengov.reports.parse_html",
    "CaseRecord": "opengov.reports.build",
    "build_application_table": "opengov.reports.build",
    "aggregate_reports": "opengov.reports.aggregate",
    "compare_reports": "opengov.reports.aggregate",
}

# Kept literal so tools can read it; a test checks it equals _EXPORTS.
__all__ = [
    "AnnualReport",
    "ApplicantGroup",
    "ApplicantType",
    "ApplicationTable",
    "CalendarCoverageError",
    "CalendarDataError",
    "CaseRecord",
    "Cell",
    "CellKind",
    "CellRef",
    "CheckRule",
    "Citation",
    "CitationError",
    "DisclosureTable",
    "Edition",
    "EditionNotInForceError",
    "EditionRules",
    "Finding",
    "Instrument",
    "InvalidDateError",
    "InvalidEventError",
    "InvalidInputError",
    "NeedsInterpretationError",
    "NoticeParseError",
    "OpenGovError",
    "OpenGovWarning",
    "OutcomeGroup",
    "OutcomeRow",
    "ProvisionalCalendarWarning",
    "ReportFormat",
    "ReportFormatError",
    "ReportParseError",
    "ReviewTable",
    "Severity",
    "UnknownCodeError",
    "__version__",
    "aggregate_reports",
    "build_application_table",
    "check_carry_forward",
    "check_report",
    "check_reports",
    "compare_reports",
    "edition_in_force",
    "parse_report",
    "parse_report_html",
    "parse_report_text",
]

if TYPE_CHECKING:
    from opengov.applicants import ApplicantGroup, ApplicantType
    from opengov.citations import Citation, Instrument
    from opengov.editions import Edition, EditionRules, edition_in_force
    from opengov.errors import (
        CalendarCoverageError,
        CalendarDataError,
        CitationError,
        EditionNotInForceError,
        InvalidDateError,
        InvalidEventError,
        InvalidInputError,
        NeedsInterpretationError,
        NoticeParseError,
        OpenGovError,
        OpenGovWarning,
        ProvisionalCalendarWarning,
        ReportFormatError,
        ReportParseError,
        UnknownCodeError,
    )
    from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat
    from opengov.reports.aggregate import aggregate_reports, compare_reports
    from opengov.reports.build import CaseRecord, build_application_table
    from opengov.reports.checks import (
        CheckRule,
        Finding,
        Severity,
        check_carry_forward,
        check_report,
        check_reports,
    )
    from opengov.reports.files import parse_report
    from opengov.reports.model import (
        AnnualReport,
        ApplicationTable,
        Cell,
        CellKind,
        CellRef,
        DisclosureTable,
        ReviewTable,
    )
    from opengov.reports.parse_html import parse_report_html
    from opengov.reports.parse_text import parse_report_text


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'opengov' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
