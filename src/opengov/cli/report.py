"""``opengov report``: check and render published annual reports.

``opengov report check FILE...`` parses each file (HTML or a ``|``-separated text
dump), checks it and the carry-forward between consecutive years of one agency, and
prints the findings as a table (or ``--json``). Exit status 1 when any finding is an
error. ``opengov report render FILE --format md|html|text|json`` prints the report in
the official layout.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``report`` command and its subcommands."""
    parser = subparsers.add_parser("report", help="check and render annual reports (年度报告)")
    sub = parser.add_subparsers(dest="report_command", required=True, metavar="SUBCOMMAND")

    check = sub.add_parser("check", help="check reports against the 勾稽 rules")
    check.add_argument("files", nargs="+", metavar="FILE", help="report HTML or text dump")
    check.add_argument("--json", action="store_true", help="print findings as JSON")
    check.add_argument("--year", type=int, help="report year, when the title does not say")
    check.add_argument("--agency", help="agency name, when the title does not say")
    check.set_defaults(run=_check)

    render = sub.add_parser("render", help="print a report in the official layout")
    render.add_argument("file", metavar="FILE")
    render.add_argument("--format", choices=("md", "html", "text", "json"), default="md")
    render.add_argument("--year", type=int)
    render.add_argument("--agency")
    render.set_defaults(run=_render)


def _check(args: argparse.Namespace) -> int:
    from opengov.reports.checks import Severity, check_reports
    from opengov.reports.files import parse_report

    reports = [parse_report(f, agency=args.agency, year=args.year) for f in args.files]
    findings = check_reports(reports)
    if args.json:
        out = {
            "reports": [
                {
                    "file": f,
                    "agency": r.agency,
                    "year": r.year,
                    "format": r.format.value,
                    "completeness": round(r.completeness().ratio, 4),
                }
                for f, r in zip(args.files, reports, strict=True)
            ],
            "findings": [json.loads(f.model_dump_json()) for f in findings],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for f, r in zip(args.files, reports, strict=True):
            c = r.completeness()
            print(
                f"{f}: {r.agency or '?'} {r.year}, {r.format.document_no} format, "
                f"{c.read}/{c.total} cells read"
            )
        if not findings:
            print("no findings")
        for finding in findings:
            cells = ", ".join(
                f"{c}={c.value if c.value is not None else c.kind.value}" for c in finding.cells[:8]
            )
            print(
                f"{finding.severity.value:<8}{finding.rule.value:<22}"
                f"{finding.agency or '?'} {finding.year}  {finding.message}"
                + (f"  [{cells}]" if cells else "")
            )
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


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
