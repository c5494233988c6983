"""opengov: the Regulations on Open Government Information (政府信息公开条例) as typed, cited data.

Importing the package is cheap and silent: names are loaded from their submodules on
first use (PEP 562), so ``import opengov`` does no I/O and pulls in neither pydantic
nor the calendar tables until they are needed. ``opengov.__all__`` is the public
API; ``docs/api.md`` lists it by module.

Legal basis:
    - ogi-2019 (国务院令第711号) and ogi-2007 (国务院令第492号); every rule carries
      its own citations (``basis``).

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
    "LawNotInForceError": "opengov.errors",
    "NeedsInterpretationError": "opengov.errors",
    "CalendarCoverageError": "opengov.errors",
    "CalendarDataError": "opengov.errors",
    "NoticeParseError": "opengov.errors",
    "NoticeRejectedError": "opengov.errors",
    "ReportFormatError": "opengov.errors",
    "InvalidEventError": "opengov.errors",
    "ReportParseError": "opengov.errors",
    "LegacyReportError": "opengov.errors",
    "MissingExtraError": "opengov.errors",
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
    "DisclosureMode": "opengov.categories",
    "GovernmentLevel": "opengov.categories",
    "LocalProactiveItem": "opengov.categories",
    "ProactiveItem": "opengov.categories",
    "ReceiptRule": "opengov.channels",
    "SubmissionChannel": "opengov.channels",
    "receipt_date": "opengov.channels",
    "ExemptionGround": "opengov.exemptions",
    "ExemptionKind": "opengov.exemptions",
    "Override": "opengov.exemptions",
    "Reply": "opengov.replies",
    "ReplyType": "opengov.replies",
    "LegacyOutcome": "opengov.legacy",
    "export_vocabulary": "opengov.vocabulary",
    "json_schemas": "opengov.vocabulary",
    "lookup": "opengov.vocabulary",
    # working-day calendar and periods
    "DateRange": "opengov.calendar",
    "Festival": "opengov.calendar",
    "HolidayNotice": "opengov.calendar",
    "PeriodEnd": "opengov.calendar",
    "RestDay": "opengov.calendar",
    "WorkdayCalendar": "opengov.calendar",
    "WorkdayOffset": "opengov.calendar",
    "load_notice": "opengov.calendar",
    "official_calendar": "opengov.calendar",
    "default_calendar": "opengov.calendar",
    "parse_notice_text": "opengov.calendar",
    # applications, deadlines and fees
    "Application": "opengov.applications",
    "ApplicationFlag": "opengov.applications",
    "ApplicationState": "opengov.applications",
    "ApplicationStatus": "opengov.applications",
    "ConsultationSent": "opengov.applications",
    "ConsultedParty": "opengov.applications",
    "CorrectionNotReceived": "opengov.applications",
    "CorrectionReceived": "opengov.applications",
    "CorrectionRequested": "opengov.applications",
    "ExtensionApproved": "opengov.applications",
    "FeeNotPaid": "opengov.applications",
    "FeeNoticeSent": "opengov.applications",
    "FeePaid": "opengov.applications",
    "OpinionReceived": "opengov.applications",
    "ReplyDelayed": "opengov.applications",
    "ReplyIssued": "opengov.applications",
    "StatusKind": "opengov.applications",
    "Withdrawn": "opengov.applications",
    "NoticeOrigin": "opengov.deadlines",
    "NoticeRef": "opengov.deadlines",
    "AgencyKind": "opengov.deadlines",
    "Deadline": "opengov.deadlines",
    "DeadlineKind": "opengov.deadlines",
    "DeadlineOptions": "opengov.deadlines",
    "ExcludedInterval": "opengov.deadlines",
    "Explanation": "opengov.deadlines",
    "FeeWindow": "opengov.deadlines",
    "PauseEndpoints": "opengov.deadlines",
    "ReceiptDay": "opengov.deadlines",
    "RegionalRestDays": "opengov.deadlines",
    "annual_report_due": "opengov.deadlines",
    "proactive_disclosure_deadline": "opengov.deadlines",
    "reply_deadline": "opengov.deadlines",
    "litigation_after_review_deadline": "opengov.remedies",
    "litigation_deadline": "opengov.remedies",
    "no_reply_litigation_deadline": "opengov.remedies",
    "no_reply_review_deadline": "opengov.remedies",
    "review_deadline": "opengov.remedies",
    "FeeMode": "opengov.fees",
    "FeeQuote": "opengov.fees",
    "assess_fee": "opengov.fees",
    "fee_per_item": "opengov.fees",
    "fee_per_page": "opengov.fees",
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
    "ReportResult": "opengov.reports.batch",
    "read_reports": "opengov.reports.batch",
    "parse_report_text": "opengov.reports.parse_text",
    "parse_report_html": "opengov.reports.parse_html",
    "CaseRecord": "opengov.reports.build",
    "build_application_table": "opengov.reports.build",
    "aggregate_reports": "opengov.reports.aggregate",
    "compare_reports": "opengov.reports.aggregate",
}

# Kept literal so tools can read it; a test checks it equals _EXPORTS.
__all__ = [
    "AgencyKind",
    "AnnualReport",
    "ApplicantGroup",
    "ApplicantType",
    "Application",
    "ApplicationFlag",
    "ApplicationState",
    "ApplicationStatus",
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
    "ConsultationSent",
    "ConsultedParty",
    "CorrectionNotReceived",
    "CorrectionReceived",
    "CorrectionRequested",
    "DateRange",
    "Deadline",
    "DeadlineKind",
    "DeadlineOptions",
    "DisclosureMode",
    "DisclosureTable",
    "Edition",
    "EditionNotInForceError",
    "EditionRules",
    "ExcludedInterval",
    "ExemptionGround",
    "ExemptionKind",
    "Explanation",
    "ExtensionApproved",
    "FeeMode",
    "FeeNotPaid",
    "FeeNoticeSent",
    "FeePaid",
    "FeeQuote",
    "FeeWindow",
    "Festival",
    "Finding",
    "GovernmentLevel",
    "HolidayNotice",
    "Instrument",
    "InvalidDateError",
    "InvalidEventError",
    "InvalidInputError",
    "LawNotInForceError",
    "LegacyOutcome",
    "LegacyReportError",
    "LocalProactiveItem",
    "MissingExtraError",
    "NeedsInterpretationError",
    "NoticeOrigin",
    "NoticeParseError",
    "NoticeRef",
    "NoticeRejectedError",
    "OpenGovError",
    "OpenGovWarning",
    "OpinionReceived",
    "OutcomeGroup",
    "OutcomeRow",
    "Override",
    "PauseEndpoints",
    "PeriodEnd",
    "ProactiveItem",
    "ProvisionalCalendarWarning",
    "ReceiptDay",
    "ReceiptRule",
    "RegionalRestDays",
    "Reply",
    "ReplyDelayed",
    "ReplyIssued",
    "ReplyType",
    "ReportFormat",
    "ReportFormatError",
    "ReportParseError",
    "ReportResult",
    "RestDay",
    "ReviewTable",
    "Severity",
    "StatusKind",
    "SubmissionChannel",
    "UnknownCodeError",
    "Withdrawn",
    "WorkdayCalendar",
    "WorkdayOffset",
    "__version__",
    "aggregate_reports",
    "annual_report_due",
    "assess_fee",
    "build_application_table",
    "check_carry_forward",
    "check_report",
    "check_reports",
    "compare_reports",
    "default_calendar",
    "edition_in_force",
    "export_vocabulary",
    "fee_per_item",
    "fee_per_page",
    "json_schemas",
    "litigation_after_review_deadline",
    "litigation_deadline",
    "load_notice",
    "lookup",
    "no_reply_litigation_deadline",
    "no_reply_review_deadline",
    "official_calendar",
    "parse_notice_text",
    "parse_report",
    "parse_report_html",
    "parse_report_text",
    "proactive_disclosure_deadline",
    "read_reports",
    "receipt_date",
    "reply_deadline",
    "review_deadline",
]

if TYPE_CHECKING:
    from opengov.applicants import ApplicantGroup, ApplicantType
    from opengov.applications import (
        Application,
        ApplicationFlag,
        ApplicationState,
        ApplicationStatus,
        ConsultationSent,
        ConsultedParty,
        CorrectionNotReceived,
        CorrectionReceived,
        CorrectionRequested,
        ExtensionApproved,
        FeeNoticeSent,
        FeeNotPaid,
        FeePaid,
        OpinionReceived,
        ReplyDelayed,
        ReplyIssued,
        StatusKind,
        Withdrawn,
    )
    from opengov.calendar import (
        DateRange,
        Festival,
        HolidayNotice,
        PeriodEnd,
        RestDay,
        WorkdayCalendar,
        WorkdayOffset,
        default_calendar,
        load_notice,
        official_calendar,
        parse_notice_text,
    )
    from opengov.categories import (
        DisclosureMode,
        GovernmentLevel,
        LocalProactiveItem,
        ProactiveItem,
    )
    from opengov.channels import ReceiptRule, SubmissionChannel, receipt_date
    from opengov.citations import Citation, Instrument
    from opengov.deadlines import (
        AgencyKind,
        Deadline,
        DeadlineKind,
        DeadlineOptions,
        ExcludedInterval,
        Explanation,
        FeeWindow,
        NoticeOrigin,
        NoticeRef,
        PauseEndpoints,
        ReceiptDay,
        RegionalRestDays,
        annual_report_due,
        proactive_disclosure_deadline,
        reply_deadline,
    )
    from opengov.editions import Edition, EditionRules, edition_in_force
    from opengov.errors import (
        CalendarCoverageError,
        CalendarDataError,
        CitationError,
        EditionNotInForceError,
        InvalidDateError,
        InvalidEventError,
        InvalidInputError,
        LawNotInForceError,
        LegacyReportError,
        MissingExtraError,
        NeedsInterpretationError,
        NoticeParseError,
        NoticeRejectedError,
        OpenGovError,
        OpenGovWarning,
        ProvisionalCalendarWarning,
        ReportFormatError,
        ReportParseError,
        UnknownCodeError,
    )
    from opengov.exemptions import ExemptionGround, ExemptionKind, Override
    from opengov.fees import FeeMode, FeeQuote, assess_fee, fee_per_item, fee_per_page
    from opengov.legacy import LegacyOutcome
    from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat
    from opengov.remedies import (
        litigation_after_review_deadline,
        litigation_deadline,
        no_reply_litigation_deadline,
        no_reply_review_deadline,
        review_deadline,
    )
    from opengov.replies import Reply, ReplyType
    from opengov.reports.aggregate import aggregate_reports, compare_reports
    from opengov.reports.batch import ReportResult, read_reports
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
    from opengov.vocabulary import export_vocabulary, json_schemas, lookup


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'opengov' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
