"""The main job: opengov on real data.

Run with ``make demo``. It parses and checks a real published annual report (the
2019 report of 浑江区民政局, as a text dump), computes a reply deadline on the
official calendar with its explanation, and prints the Regulation's vocabulary:
editions, exemption grounds, reply types and their report rows.
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


def show_deadline() -> None:
    from datetime import date

    print("== Reply deadline for an application received on 2026-09-28 ==")
    deadline = opengov.reply_deadline(date(2026, 9, 28))
    print(deadline.explain().to_zh())
    print(deadline.explain().to_en())
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

    # The checks at work: the same report with one mistyped cell, as agencies
    # compiling the table by hand often publish it.
    from opengov.reports import Cell, CellRef

    typo = CellRef.applications(opengov.OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON)
    altered = report.with_cell(typo, Cell.number(3))
    print(f"== The same report with {typo.label_zh} typed as 3 ==")
    for finding in opengov.check_report(altered):
        print(f"  {finding}")
    print()


def _row(row: opengov.OutcomeRow) -> str:
    """A result row with its group's number, e.g. （三）1.属于国家秘密."""
    if row.group is not None and not row.number_zh.startswith("（"):
        return row.group.number_zh + row.printed_zh
    return row.printed_zh


def show_grounds_and_replies() -> None:
    print("== Exemption grounds (Arts. 14-16) ==")
    for g in opengov.ExemptionGround:
        overrides = ", ".join(o.value for o in g.overrides) or "-"
        articles = "; ".join(str(c) for c in g.basis)
        print(f"{g.value:<24} {g.kind.value:<14} overrides: {overrides:<40} {articles}")
        print(f"{'':<24} {g.label_zh} -> {_row(g.report_row)}")
    print()
    print("== Reply types and their table-三 rows (2019 / 2021 format) ==")
    for t in opengov.ReplyType:
        if t.needs_grounds:
            rows = "row of the first exemption ground"
        else:
            reply = opengov.Reply(type=t)
            rows = " / ".join(_row(reply.report_row(f)) for f in opengov.ReportFormat)
        flag = "  [interpretation]" if t.note else ""
        print(f"{t.value:<20} {t.label_zh}: {rows}{flag}")
    print()
    print("== 2008-2018 wording -> 2021 rows ==")
    for m in opengov.LegacyOutcome:
        if m.is_total:
            print(f"{m.label_zh:<24} total: convert its sub-reasons")
            continue
        row = _row(m.assume_report_row(opengov.ReportFormat.F2021))
        how = "lossless" if m.is_lossless else "assumed"
        print(f"{m.label_zh:<24} {how:<9} {row}")
    print()


def main() -> None:
    show_seed_report()
    show_deadline()
    show_editions()
    show_grounds_and_replies()


if __name__ == "__main__":
    main()
