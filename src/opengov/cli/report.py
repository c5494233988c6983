"""``opengov report``: check and render published annual reports.

``opengov report check PATH...`` reads report files, folders (recursively) and glob
patterns (:func:`~opengov.reports.read_reports`), checks each report, the duplicates
and the carry-forward between consecutive years of one agency, and prints every
file with its findings. A file that cannot be read is named with its error and the
others are still read. ``opengov report render FILE --format md|html|text|json``
prints the report in the official layout.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengov.reports.batch import ReportResult
    from opengov.reports.checks import Finding
    from opengov.reports.legacy_report import LegacyFinding, LegacyReport
    from opengov.reports.model import AnnualReport

EXIT_STATUS = """\
exit status (the highest that applies):
  2  a file could not be read (it is named with its error), or the command was wrong
  1  a finding is an error, or a report was read only in part (some cells unread,
     so rules involving them were not checked) and --allow-partial was not given
  0  every file was read whole and no finding is an error
"""


def register(subparsers: Any) -> None:
    """Add the ``report`` command and its subcommands."""
    parser = subparsers.add_parser("report", help="check and render annual reports (年度报告)")
    sub = parser.add_subparsers(dest="report_command", required=True, metavar="SUBCOMMAND")

    check = sub.add_parser(
        "check",
        help="check reports against the 勾稽 rules",
        description="Read report files, folders (recursively: .htm .html .shtml .txt .pdf\n"
        ".doc .docx files, hidden ones skipped) and glob patterns; check each report,\n"
        "duplicates (one agency-year in two files) and the carry-forward between\n"
        "consecutive years of an agency. A file that cannot be read is named with its\n"
        "error, and the others are still read.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="report file, folder or glob pattern"
    )
    check.add_argument(
        "--format",
        choices=("table", "json", "ndjson", "csv"),
        help="table (default; unreadable files on stderr), one JSON document, JSON lines "
        "(one per file as it is read, then the findings), or CSV rows",
    )
    check.add_argument("--json", action="store_true", help="deprecated: use --format json")
    check.add_argument("--year", type=int, help="report year of every file (else its title's)")
    check.add_argument("--agency", help="agency of every file (else its title's)")
    check.add_argument(
        "--allow-partial",
        action="store_true",
        help="a report read only in part does not make the exit status 1",
    )
    check.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="read in N processes (0: one per CPU; default 1)",
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress and no line per file: the findings and the unreadable files only",
    )
    check.set_defaults(run=_check)

    render = sub.add_parser("render", help="print a report in the official layout")
    render.add_argument("file", metavar="FILE")
    render.add_argument("--format", choices=("md", "html", "text", "json"), default="md")
    render.add_argument("--year", type=int)
    render.add_argument("--agency")
    render.set_defaults(run=_render)


# -------------------------------------------------------------------- check


def _check(args: argparse.Namespace) -> int:
    from opengov.reports.batch import read_reports, report_files
    from opengov.reports.checks import Severity, check_reports
    from opengov.reports.legacy_report import LegacyReport, check_legacy_report
    from opengov.reports.model import AnnualReport

    fmt = args.format or ("json" if args.json else "table")
    if args.json and not args.quiet:
        print("opengov: note: --json is deprecated; use --format json", file=sys.stderr)
    files = report_files(args.paths)
    stream = read_reports(files, agency=args.agency, year=args.year, workers=args.workers)
    results: list[ReportResult] = []
    out = sys.stdout
    for result in _progress(stream, len(files), enabled=not args.quiet):
        results.append(result)
        if fmt == "ndjson":
            _line(out, {"type": "report", **_result_json(result)})
    reports = [r.report for r in results if isinstance(r.report, AnnualReport)]
    findings = check_reports(reports)
    # 2008-2018 reports have their own checks; never compared with later formats.
    legacy = tuple(
        (r.source, f)
        for r in results
        if isinstance(r.report, LegacyReport)
        for f in check_legacy_report(r.report)
    )
    status = _status(results, findings, allow_partial=args.allow_partial)
    if status == 0 and any(f.severity is Severity.ERROR for _, f in legacy):
        status = 1
    summary = _summary(results, findings, status)
    summary["errors"] += sum(f.severity is Severity.ERROR for _, f in legacy)
    summary["warnings"] += sum(f.severity is Severity.WARNING for _, f in legacy)
    if fmt == "json":
        document = {
            "status": status,
            "summary": summary,
            "reports": [_result_json(r) for r in results],
            "findings": [_finding_json(f) for f in findings],
            "legacy_findings": [_legacy_json(src, f) for src, f in legacy],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
    elif fmt == "ndjson":
        for finding in findings:
            _line(out, {"type": "finding", **_finding_json(finding)})
        for src, lf in legacy:
            _line(out, {"type": "legacy_finding", **_legacy_json(src, lf)})
        _line(out, {"type": "summary", "status": status, **summary})
    elif fmt == "csv":
        _csv(out, results, findings, legacy)
    else:
        _table(out, results, findings, summary, legacy, quiet=args.quiet)
    return status


def _status(
    results: list[ReportResult], findings: Iterable[Finding], *, allow_partial: bool
) -> int:
    """2 if a file could not be read; else 1 for an error finding or a partial read
    (unless allowed); else 0."""
    from opengov.reports.checks import Severity

    if any(r.error is not None for r in results):
        return 2
    if any(f.severity is Severity.ERROR for f in findings):
        return 1
    if not allow_partial and any(r.partial for r in results):
        return 1
    return 0


def _summary(
    results: list[ReportResult], findings: tuple[Finding, ...], status: int
) -> dict[str, int]:
    from opengov.reports.checks import Severity

    return {
        "files": len(results),
        "read": sum(r.report is not None for r in results),
        "partial": sum(r.partial for r in results),
        "unreadable": sum(r.error is not None for r in results),
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
    }


def _result_json(r: ReportResult) -> dict[str, Any]:
    report = r.report
    c = report.completeness() if report is not None else None
    return {
        "file": r.source,
        "agency": report.agency if report is not None else None,
        "year": report.year if report is not None else None,
        "format": _format_code(report),
        "completeness": round(c.ratio, 4) if c is not None else None,
        "partial": r.partial,
        "agency_from": r.agency_from,
        "year_from": r.year_from,
        "warnings": list(r.warnings),
        "error": r.error.model_dump() if r.error is not None else None,
    }


def _format_code(report: AnnualReport | LegacyReport | None) -> str | None:
    """The format's code: '2019', '2021', or 'legacy' for the 2008-2018 form."""
    from opengov.reports.model import AnnualReport

    if report is None:
        return None
    return report.format.value if isinstance(report, AnnualReport) else "legacy"


def _form_name(report: AnnualReport | LegacyReport) -> str:
    from opengov.reports.model import AnnualReport

    if isinstance(report, AnnualReport):
        return f"{report.format.document_no} format"
    return "2008-2018 statistics form"


def _legacy_json(source: str, f: LegacyFinding) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(f.model_dump_json())
    return {"file": source, **data}


def _finding_json(f: Finding) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(f.model_dump_json())
    return data


def _line(out: IO[str], data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False), file=out, flush=True)


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _cells(finding: Finding) -> str:
    return ", ".join(
        f"{c}={c.value if c.value is not None else c.kind.value}" for c in finding.cells[:8]
    )


def _table(
    out: IO[str],
    results: list[ReportResult],
    findings: tuple[Finding, ...],
    summary: dict[str, int],
    legacy: tuple[tuple[str, LegacyFinding], ...],
    *,
    quiet: bool,
) -> None:
    for r in results:
        if r.error is not None:
            # Errors from reading a file name it already; others get the file first.
            where = "" if r.source in r.error.message else f"{_one_line(r.source)}: "
            print(
                f"opengov: error [{r.error.code}] {where}{_one_line(r.error.message)}",
                file=sys.stderr,
            )
            continue
        if quiet or r.report is None:
            continue
        report = r.report
        c = report.completeness()
        part = " (read in part: rules involving unread cells not checked)" if r.partial else ""
        form = _form_name(report)
        print(
            f"{r.source}: {report.agency or '?'} {report.year}, {form}, "
            f"{c.read}/{c.total} cells read{part}",
            file=out,
        )
        for warning in r.warnings:
            print(f"  note: {_one_line(warning)}", file=out)
    if not findings and not legacy and not quiet:
        print("no findings", file=out)
    for source, lf in legacy:
        print(
            f"{lf.severity.value:<8}{lf.rule.value:<22}{lf.agency or '?'} {lf.year}  "
            f"{lf.message}  in {source}",
            file=out,
        )
    for finding in findings:
        cells = _cells(finding)
        where = " and ".join(finding.sources)
        print(
            f"{finding.severity.value:<8}{finding.rule.value:<22}"
            f"{finding.agency or '?'} {finding.year}  {finding.message}"
            + (f"  [{cells}]" if cells else "")
            + (f"  in {where}" if where else ""),
            file=out,
        )
    if not quiet:
        print(
            f"{summary['files']} file(s): {summary['read']} read ({summary['partial']} in "
            f"part), {summary['unreadable']} could not be read; {summary['errors']} "
            f"error(s), {summary['warnings']} warning(s)",
            file=out,
        )


CSV_COLUMNS = (
    "kind",
    "source",
    "sources",
    "agency",
    "year",
    "severity",
    "rule",
    "message",
    "cells",
    "expected",
    "actual",
)


def _csv(
    out: IO[str],
    results: list[ReportResult],
    findings: tuple[Finding, ...],
    legacy: tuple[tuple[str, LegacyFinding], ...],
) -> None:
    """One row per unreadable file (kind ``file_error``), per reading warning
    (``file_warning``) and per finding (``finding``); ``sources`` joined by ``;``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in results:
        if r.error is not None:
            writer.writerow(
                [
                    "file_error",
                    r.source,
                    r.source,
                    "",
                    "",
                    "error",
                    r.error.code,
                    r.error.message,
                    "",
                    "",
                    "",
                ]
            )
        for warning in r.warnings:
            agency = r.report.agency if r.report is not None else None
            year = r.report.year if r.report is not None else ""
            writer.writerow(
                [
                    "file_warning",
                    r.source,
                    r.source,
                    agency or "",
                    year,
                    "warning",
                    "reading",
                    warning,
                    "",
                    "",
                    "",
                ]
            )
    for f in findings:
        writer.writerow(
            [
                "finding",
                f.sources[0] if f.sources else "",
                ";".join(f.sources),
                f.agency or "",
                f.year,
                f.severity.value,
                f.rule.value,
                f.message,
                _cells(f),
                "" if f.expected is None else f.expected,
                "" if f.actual is None else f.actual,
            ]
        )
    for source, lf in legacy:
        writer.writerow(
            [
                "legacy_finding",
                source,
                source,
                lf.agency or "",
                lf.year,
                lf.severity.value,
                lf.rule.value,
                lf.message,
                ";".join(lf.labels),
                "" if lf.expected is None else lf.expected,
                "" if lf.actual is None else lf.actual,
            ]
        )


# ------------------------------------------------------------------ progress


def _progress(
    results: Iterator[ReportResult], total: int, *, enabled: bool
) -> Iterator[ReportResult]:
    """``results``, with a progress bar on stderr when it is a terminal.

    tqdm draws it when installed (the ``progress`` extra: rate and time left);
    otherwise a one-line counter does, since a count of files read is what a long
    run needs and it costs no dependency. Nothing is drawn when stderr is not a
    terminal (a log, a pipe), with ``--quiet``, or for a single file.
    """
    err = sys.stderr
    if not enabled or total < 2 or not err.isatty():
        yield from results
        return
    try:
        import importlib

        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        tqdm = None
    if tqdm is not None:
        bar = tqdm(total=total, file=err, unit="file", leave=False, desc="opengov")
        try:
            for result in results:
                bar.update(1)
                yield result
        finally:
            bar.close()
        return
    shown = 0.0
    done = 0
    try:
        for result in results:
            done += 1
            now = time.monotonic()
            if now - shown >= 0.1 or done == total:
                err.write(f"\ropengov: read {done}/{total} files")
                err.flush()
                shown = now
            yield result
    finally:
        if shown:
            err.write("\r" + " " * (len(f"opengov: read {total}/{total} files")) + "\r")
            err.flush()


# -------------------------------------------------------------------- render


def _render(args: argparse.Namespace) -> int:
    from opengov.reports.files import parse_report
    from opengov.reports.render import to_html, to_markdown, to_text

    report = parse_report(args.file, agency=args.agency, year=args.year)
    if args.format == "json":
        print(report.to_json())
    else:
        render = {"md": to_markdown, "html": to_html, "text": to_text}[args.format]
        print(render(report), end="")
    return 0
