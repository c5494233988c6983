"""Annual reports (政府信息公开工作年度报告, Art. 49-50): model, checks, parsing, rendering.

Submodules, each small and named for what it holds:

- :mod:`~opengov.reports.model`: cells, tables 二/三/四, :class:`AnnualReport`;
- :mod:`~opengov.reports.checks`: the 勾稽 rules as findings;
- :mod:`~opengov.reports.parse_text`, :mod:`~opengov.reports.parse_html`: reading
  published reports;
- :mod:`~opengov.reports.batch`: reading folders of report files, one result per
  file, bad files as data;
- :mod:`~opengov.reports.render`: Markdown, text, HTML and JSON;
- :mod:`~opengov.reports.build`: table 三 from case records;
- :mod:`~opengov.reports.build_disclosure`: table 二 item 1 (规章, 规范性文件) from
  document records;
- :mod:`~opengov.reports.aggregate`: sums and year-on-year comparison;
- :mod:`~opengov.reports.frame`: tidy pandas DataFrames (``analysis`` extra);
- :mod:`~opengov.reports.corpus`: analysis across reports (hierarchy,
  carry-forward across a corpus, year over year, findings' fingerprints and reviews);
- :mod:`~opengov.reports.plots`: charts of a corpus (matplotlib, ``analysis`` extra);
- :mod:`~opengov.reports.legacy_report`, :mod:`~opengov.reports.parse_legacy`,
  :mod:`~opengov.reports.legacy_series`: 2008-2018 reports, their checks, and one
  series with later reports.

Names are loaded lazily, like the top-level package.

Legal basis:
    - ogi-2019:49, ogi-2019:50; report-format-2019, report-format-2021.

>>> from opengov.reports import parse_report, check_report
>>> r = parse_report("examples/data/hunjiang-minzheng-2019.txt")
>>> r.agency, r.year, r.format.value, check_report(r)
('浑江区民政局', 2019, '2019', ())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "AnnualReport": "opengov.reports.model",
    "ApplicantColumn": "opengov.reports.model",
    "ApplicationTable": "opengov.reports.model",
    "Cell": "opengov.reports.model",
    "CellKind": "opengov.reports.model",
    "CellRef": "opengov.reports.model",
    "Completeness": "opengov.reports.model",
    "DisclosureColumn": "opengov.reports.model",
    "DisclosureRow": "opengov.reports.model",
    "DisclosureSection": "opengov.reports.model",
    "DisclosureTable": "opengov.reports.model",
    "Recovery": "opengov.reports.model",
    "RecoveryRule": "opengov.reports.model",
    "ReportTable": "opengov.reports.model",
    "ReportText": "opengov.reports.model",
    "ReviewKind": "opengov.reports.model",
    "ReviewResult": "opengov.reports.model",
    "ReviewTable": "opengov.reports.model",
    "disclosure_layout": "opengov.reports.model",
    "BALANCE_NOTE": "opengov.reports.model",
    "CellValue": "opengov.reports.checks",
    "CheckRule": "opengov.reports.checks",
    "Finding": "opengov.reports.checks",
    "Severity": "opengov.reports.checks",
    "check_carry_forward": "opengov.reports.checks",
    "check_report": "opengov.reports.checks",
    "check_reports": "opengov.reports.checks",
    "parse_report_text": "opengov.reports.parse_text",
    "HtmlCell": "opengov.reports.parse_html",
    "HtmlTable": "opengov.reports.parse_html",
    "parse_html_tables": "opengov.reports.parse_html",
    "parse_report_html": "opengov.reports.parse_html",
    "parse_report": "opengov.reports.files",
    "MAX_DOCUMENT_FILE_BYTES": "opengov.reports.files",
    "MAX_TEXT_FILE_BYTES": "opengov.reports.files",
    "parse_report_bytes": "opengov.reports.files",
    "ReportDocument": "opengov.reports.files",
    "naming_the_file": "opengov.reports.files",
    "read_report_document": "opengov.reports.files",
    "report_document": "opengov.reports.files",
    "html_tokens": "opengov.reports.parse_html",
    "REPORT_SUFFIXES": "opengov.reports.batch",
    "Origin": "opengov.reports.batch",
    "ReadError": "opengov.reports.batch",
    "ReportResult": "opengov.reports.batch",
    "read_reports": "opengov.reports.batch",
    "report_files": "opengov.reports.batch",
    "to_html": "opengov.reports.render",
    "to_markdown": "opengov.reports.render",
    "to_styled_html": "opengov.reports.render",
    "to_text": "opengov.reports.render",
    "CaseRecord": "opengov.reports.build",
    "build_application_table": "opengov.reports.build",
    "build_report": "opengov.reports.build",
    "DocumentRecord": "opengov.reports.build_disclosure",
    "build_disclosure_table": "opengov.reports.build_disclosure",
    "CellChange": "opengov.reports.aggregate",
    "aggregate_reports": "opengov.reports.aggregate",
    "compare_reports": "opengov.reports.aggregate",
    "LEGACY_YEARS": "opengov.reports.legacy_report",
    "LegacyFinding": "opengov.reports.legacy_report",
    "LegacyItem": "opengov.reports.legacy_report",
    "LegacyReport": "opengov.reports.legacy_report",
    "LegacyRule": "opengov.reports.legacy_report",
    "LegacySource": "opengov.reports.legacy_report",
    "LegacyValue": "opengov.reports.legacy_report",
    "check_legacy_report": "opengov.reports.legacy_report",
    "legacy_evidence": "opengov.reports.parse_legacy",
    "parse_legacy_report": "opengov.reports.parse_legacy",
    "parse_legacy_report_html": "opengov.reports.parse_legacy",
    "parse_legacy_report_text": "opengov.reports.parse_legacy",
    "LegacyLine": "opengov.reports.legacy_series",
    "SeriesRow": "opengov.reports.legacy_series",
    "SeriesSource": "opengov.reports.legacy_series",
    "legacy_conversion": "opengov.reports.legacy_series",
    "report_series": "opengov.reports.legacy_series",
    "series_frame": "opengov.reports.legacy_series",
    "CorpusFinding": "opengov.reports.corpus",
    "CorpusRule": "opengov.reports.corpus",
    "Review": "opengov.reports.corpus",
    "Verdict": "opengov.reports.corpus",
    "agency_key": "opengov.reports.corpus",
    "apply_reviews": "opengov.reports.corpus",
    "check_corpus": "opengov.reports.corpus",
    "check_hierarchy": "opengov.reports.corpus",
    "fingerprint": "opengov.reports.corpus",
    "one_reading": "opengov.reports.corpus",
    "read_reviews": "opengov.reports.corpus",
    "write_reviews": "opengov.reports.corpus",
    "year_over_year": "opengov.reports.corpus",
    "findings_to_frame": "opengov.reports.frame",
    "to_frame": "opengov.reports.frame",
    "to_parquet": "opengov.reports.frame",
    "to_wide_frame": "opengov.reports.frame",
}

__all__ = [
    "BALANCE_NOTE",
    "LEGACY_YEARS",
    "MAX_DOCUMENT_FILE_BYTES",
    "MAX_TEXT_FILE_BYTES",
    "REPORT_SUFFIXES",
    "AnnualReport",
    "ApplicantColumn",
    "ApplicationTable",
    "CaseRecord",
    "Cell",
    "CellChange",
    "CellKind",
    "CellRef",
    "CellValue",
    "CheckRule",
    "Completeness",
    "CorpusFinding",
    "CorpusRule",
    "DisclosureColumn",
    "DisclosureRow",
    "DisclosureSection",
    "DisclosureTable",
    "DocumentRecord",
    "Finding",
    "HtmlCell",
    "HtmlTable",
    "LegacyFinding",
    "LegacyItem",
    "LegacyLine",
    "LegacyReport",
    "LegacyRule",
    "LegacySource",
    "LegacyValue",
    "Origin",
    "ReadError",
    "Recovery",
    "RecoveryRule",
    "ReportDocument",
    "ReportResult",
    "ReportTable",
    "ReportText",
    "Review",
    "ReviewKind",
    "ReviewResult",
    "ReviewTable",
    "SeriesRow",
    "SeriesSource",
    "Severity",
    "Verdict",
    "agency_key",
    "aggregate_reports",
    "apply_reviews",
    "build_application_table",
    "build_disclosure_table",
    "build_report",
    "check_carry_forward",
    "check_corpus",
    "check_hierarchy",
    "check_legacy_report",
    "check_report",
    "check_reports",
    "compare_reports",
    "disclosure_layout",
    "findings_to_frame",
    "fingerprint",
    "html_tokens",
    "legacy_conversion",
    "legacy_evidence",
    "naming_the_file",
    "one_reading",
    "parse_html_tables",
    "parse_legacy_report",
    "parse_legacy_report_html",
    "parse_legacy_report_text",
    "parse_report",
    "parse_report_bytes",
    "parse_report_html",
    "parse_report_text",
    "read_report_document",
    "read_reports",
    "read_reviews",
    "report_document",
    "report_files",
    "report_series",
    "series_frame",
    "to_frame",
    "to_html",
    "to_markdown",
    "to_parquet",
    "to_styled_html",
    "to_text",
    "to_wide_frame",
    "write_reviews",
    "year_over_year",
]

if TYPE_CHECKING:
    from opengov.reports.aggregate import CellChange, aggregate_reports, compare_reports
    from opengov.reports.batch import (
        REPORT_SUFFIXES,
        Origin,
        ReadError,
        ReportResult,
        read_reports,
        report_files,
    )
    from opengov.reports.build import CaseRecord, build_application_table, build_report
    from opengov.reports.build_disclosure import DocumentRecord, build_disclosure_table
    from opengov.reports.checks import (
        CellValue,
        CheckRule,
        Finding,
        Severity,
        check_carry_forward,
        check_report,
        check_reports,
    )
    from opengov.reports.corpus import (
        CorpusFinding,
        CorpusRule,
        Review,
        Verdict,
        agency_key,
        apply_reviews,
        check_corpus,
        check_hierarchy,
        fingerprint,
        one_reading,
        read_reviews,
        write_reviews,
        year_over_year,
    )
    from opengov.reports.files import (
        MAX_DOCUMENT_FILE_BYTES,
        MAX_TEXT_FILE_BYTES,
        ReportDocument,
        naming_the_file,
        parse_report,
        parse_report_bytes,
        read_report_document,
        report_document,
    )
    from opengov.reports.frame import findings_to_frame, to_frame, to_parquet, to_wide_frame
    from opengov.reports.legacy_report import (
        LEGACY_YEARS,
        LegacyFinding,
        LegacyItem,
        LegacyReport,
        LegacyRule,
        LegacySource,
        LegacyValue,
        check_legacy_report,
    )
    from opengov.reports.legacy_series import (
        LegacyLine,
        SeriesRow,
        SeriesSource,
        legacy_conversion,
        report_series,
        series_frame,
    )
    from opengov.reports.model import (
        BALANCE_NOTE,
        AnnualReport,
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
        ReportTable,
        ReportText,
        ReviewKind,
        ReviewResult,
        ReviewTable,
        disclosure_layout,
    )
    from opengov.reports.parse_html import (
        HtmlCell,
        HtmlTable,
        html_tokens,
        parse_html_tables,
        parse_report_html,
    )
    from opengov.reports.parse_legacy import (
        legacy_evidence,
        parse_legacy_report,
        parse_legacy_report_html,
        parse_legacy_report_text,
    )
    from opengov.reports.parse_text import parse_report_text
    from opengov.reports.render import to_html, to_markdown, to_styled_html, to_text


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'opengov.reports' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
