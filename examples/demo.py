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
    print()


def main() -> None:
    show_editions()
    show_report_rows()
    show_deadline()


if __name__ == "__main__":
    main()
