"""The main job: opengov on real data.

Run with ``make demo``. Prints the Regulation's vocabulary as the library knows it.
"""

from __future__ import annotations

from pathlib import Path

import opengov

SEED_REPORT = Path(__file__).parent / "data" / "hunjiang-minzheng-2019.txt"


def show_editions() -> None:
    print("== Editions of the Regulation ==")
    for edition in opengov.Edition:
        r = edition.rules
        print(
            f"{edition.label_zh}: in force {r.in_force}, reply {r.reply_days} WD "
            f"(+{r.max_extension_days} WD extension) [{r.reply_basis.to_zh()}]"
        )
    print()


def show_report_rows() -> None:
    print("== Annual report, table 三 (2021 format) ==")
    for row in opengov.ReportFormat.F2021.rows:
        group = row.group.label_zh if row.group else ""
        print(f"{row.printed_zh:<50} {group:<8} {row.value}")
    print()


def show_seed_report() -> None:
    from opengov.reports import ApplicantColumn

    report = opengov.parse_report(SEED_REPORT)
    c = report.completeness()
    print(f"== Annual report: {report.agency} {report.year} ({report.format.document_no}) ==")
    print(f"cells read: {c.read}/{c.total}")
    header = " ".join(f"{col.label_zh:>6}" for col in ApplicantColumn)
    print(f"{'table 三':<40} {header}")
    for row, cells in zip(report.format.rows, report.applications.cells, strict=True):
        values = " ".join(f"{cell.display():>6}" for cell in cells)
        print(f"{row.printed_zh[:20]:<40} {values}")
    findings = opengov.check_report(report)
    print(f"findings: {len(findings)}")
    for finding in findings:
        print(f"  {finding}")
    print()


def main() -> None:
    show_editions()
    show_report_rows()
    show_seed_report()


if __name__ == "__main__":
    main()
