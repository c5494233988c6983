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

from opengov import _exports
from opengov._version import VERSION as __version__

_EXPORTS: dict[str, str] = _exports.EXPORTS  # the one list of the public API

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
    "Approved",
    "CalendarCoverageError",
    "CalendarDataError",
    "CaseRecord",
    "CatalogueParseError",
    "CatalogueRecord",
    "Cell",
    "CellKind",
    "CellRef",
    "Changed",
    "CheckRule",
    "Citation",
    "CitationError",
    "ConfidentialityReview",
    "ConsultationSent",
    "ConsultedParty",
    "CorrectionEdition",
    "CorrectionNotReceived",
    "CorrectionReceived",
    "CorrectionReply",
    "CorrectionRequested",
    "DateRange",
    "Deadline",
    "DeadlineKind",
    "DeadlineOptions",
    "DecisionKind",
    "DisclosureDecision",
    "DisclosureMode",
    "DisclosureTable",
    "DocumentKind",
    "DocumentRecord",
    "DraftingOpinion",
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
    "InvalidDecisionError",
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
    "PeriodSource",
    "ProactiveItem",
    "ProvisionalCalendarWarning",
    "PublicationPeriod",
    "Published",
    "ReceiptDay",
    "ReceiptRule",
    "Reevaluated",
    "ReevaluationDue",
    "ReferralAnswered",
    "ReferralSent",
    "ReferralTarget",
    "RegionalRestDays",
    "Repealed",
    "Reply",
    "ReplyDelayed",
    "ReplyIssued",
    "ReplyType",
    "ReportFormat",
    "ReportFormatError",
    "ReportParseError",
    "ReportResult",
    "ReportTimeoutError",
    "RestDay",
    "ReviewOutcome",
    "ReviewTable",
    "Severity",
    "StatusKind",
    "SubmissionChannel",
    "Timeliness",
    "UnknownCodeError",
    "UsccCheck",
    "Withdrawn",
    "WorkdayCalendar",
    "WorkdayOffset",
    "__version__",
    "aggregate_reports",
    "annual_report_due",
    "assess_fee",
    "build_application_table",
    "build_disclosure_table",
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
    "parse_catalogue_record",
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
    from opengov.catalogue import CatalogueRecord, UsccCheck, parse_catalogue_record
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
        CorrectionEdition,
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
    from opengov.disclosure import (
        Approved,
        Changed,
        ConfidentialityReview,
        DecisionKind,
        DisclosureDecision,
        DocumentKind,
        DraftingOpinion,
        PeriodSource,
        PublicationPeriod,
        Published,
        Reevaluated,
        ReevaluationDue,
        ReferralAnswered,
        ReferralSent,
        ReferralTarget,
        Repealed,
        ReviewOutcome,
        Timeliness,
    )
    from opengov.editions import Edition, EditionRules, edition_in_force
    from opengov.errors import (
        CalendarCoverageError,
        CalendarDataError,
        CatalogueParseError,
        CitationError,
        EditionNotInForceError,
        InvalidDateError,
        InvalidDecisionError,
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
        ReportTimeoutError,
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
    from opengov.replies import CorrectionReply, Reply, ReplyType
    from opengov.reports.aggregate import aggregate_reports, compare_reports
    from opengov.reports.batch import ReportResult, read_reports
    from opengov.reports.build import CaseRecord, build_application_table
    from opengov.reports.build_disclosure import DocumentRecord, build_disclosure_table
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
