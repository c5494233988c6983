"""The main job: opengov on real data.

Run with ``make demo``. Prints the Regulation's vocabulary as the library knows it.
"""

from __future__ import annotations

import opengov


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


def show_deadline() -> None:
    from datetime import date

    print("== Reply deadline for an application received on 2026-09-28 ==")
    deadline = opengov.reply_deadline(date(2026, 9, 28))
    print(deadline.explain().to_zh())
    print(deadline.explain().to_en())


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
    show_editions()
    show_report_rows()
    show_deadline()
    show_grounds_and_replies()


if __name__ == "__main__":
    main()
