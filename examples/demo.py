"""The main job: opengov on real published data.

Run with ``make demo``. In order, it

1. reads a real annual report (平潭综合实验区, 2024, as published) and prints its
   tables 三 and 四 with every row under its group heading, and the checks;
2. catches the arithmetic errors two agencies actually published;
3. reads one agency's reports from 2011 to 2025 (2008-2018 wording included) as one
   series, with a marked place for saving it as a plot;
4. follows an application through a 补正 and a third-party consultation to its
   reply deadline, explained in Chinese and English;
5. prints the Regulation's vocabulary: editions, exemption grounds, reply types and
   their report rows.

The reports are the development corpus in tests/data/reports/corpus (its README
gives each page's provenance and what is odd about it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import opengov
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    CellRef,
    Finding,
    LegacyReport,
    ReportTable,
    ReviewKind,
    ReviewResult,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reports" / "corpus"
LEAD_REPORT = CORPUS / "pingtan-2024" / "page.html"
# Reports whose published tables do not add up (see the corpus README's notes).
PUBLISHED_ERRORS = (
    CORPUS / "pingtan-zrz-2023" / "page.html",
    CORPUS / "pingtan-shs-2024" / "page.html",
)
SERIES_AGENCY = "平潭综合实验区"
SERIES_FILES = (
    *(CORPUS / "legacy" / f"pingtan-zone-{y}" / "page.txt" for y in (2011, 2013, 2014, 2018)),
    CORPUS / "pingtan-2019" / "page.txt",
    *(CORPUS / f"pingtan-{y}" / "page.html" for y in (2023, 2024, 2025)),
)

# --- Text in a terminal: CJK characters take two columns -------------------------
#
# The standard library's East Asian Width property is enough here: the demo prints
# the official forms' labels, which hold CJK ideographs and full-width punctuation
# (W/F: two columns), ASCII (one) and the quotes of 危及“三安全一稳定” (ambiguous:
# one column, as wcwidth counts them too); no emoji, no zero-width joiners, nothing
# for which wcwidth's tables would give another answer. So no extra dependency.

LABEL_WIDTH = 34  # columns for a row label; longer labels wrap, never cut
CELL_WIDTH = 9  # a column heading wraps at 8 columns: 社会公益 / 组织
# Punctuation that may not begin a line (a simple 禁则): it takes the character
# before it to the next line.
NO_LINE_START = "、，。；：）》」』”！？"


def width(text: str) -> int:
    """Terminal columns of ``text``."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def ljust(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def rjust(text: str, columns: int) -> str:
    return " " * max(0, columns - width(text)) + text


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` terminal columns (CJK text has no spaces)."""
    lines = [""]
    for ch in text:
        if lines[-1] and width(lines[-1] + ch) > columns:
            carried = lines[-1][-1] if ch in NO_LINE_START and len(lines[-1]) > 1 else ""
            lines[-1] = lines[-1][: len(lines[-1]) - len(carried)]
            lines.append(carried)
        lines[-1] += ch
    return lines


def table_row(label: str, indent: int, cells: Sequence[str]) -> list[str]:
    """A row: the label wrapped in its column, the cells right-aligned on the first line."""
    lines = wrap(label, LABEL_WIDTH - indent)
    values = "".join(rjust(c, CELL_WIDTH) for c in cells)
    out = [ljust(" " * indent + lines[0], LABEL_WIDTH) + values]
    out.extend(" " * (indent + 1) + line for line in lines[1:])
    return out


def header(labels: Sequence[str]) -> list[str]:
    """Column headings, each wrapped to two lines of the cell width."""
    parts = [wrap(label, CELL_WIDTH - 1) for label in labels]
    lines = []
    for i in range(max(len(p) for p in parts)):
        cells = "".join(rjust(p[i] if i < len(p) else "", CELL_WIDTH) for p in parts)
        lines.append((" " * LABEL_WIDTH + cells).rstrip())
    return lines


# --- Table 三 and table 四 as printed ----------------------------------------------

RESULTS_HEADING = "三、本年度办理结果"  # printed above the result rows in both formats


def applications_lines(
    report: AnnualReport, rows: Iterable[opengov.OutcomeRow] | None = None
) -> list[str]:
    """Table 三, each row under its headings (三、本年度办理结果, （三）不予公开, …)."""
    wanted = set(report.format.rows if rows is None else rows)
    lines = [ReportTable.APPLICATIONS.label_zh, *header([c.label_zh for c in ApplicantColumn])]
    headings_done: set[str] = set()
    for row in report.format.rows:
        if row not in wanted:
            continue
        indent = 0
        if row.group is not None:  # a result row, under 三、本年度办理结果
            if RESULTS_HEADING not in headings_done:
                headings_done.add(RESULTS_HEADING)
                lines.append(RESULTS_HEADING)
            indent = 2
            if not row.number_zh.startswith("（"):  # a numbered row inside a group
                group = row.group.number_zh + row.group.label_zh
                if group not in headings_done:
                    headings_done.add(group)
                    lines.append(" " * indent + group)
                indent = 4
        cells = [report.applications.cell(row, c).display() for c in ApplicantColumn]
        lines.extend(table_row(row.printed_zh, indent, cells))
    return lines


def review_lines(report: AnnualReport, kinds: Iterable[ReviewKind] | None = None) -> list[str]:
    """Table 四: 行政复议, then the two kinds of 行政诉讼."""
    wanted = set(ReviewKind if kinds is None else kinds)
    lines = [ReportTable.REVIEW.label_zh, *header([r.label_zh for r in ReviewResult])]
    for kind in ReviewKind:
        if kind not in wanted:
            continue
        label = (
            kind.label_zh
            if kind is ReviewKind.ADMINISTRATIVE_REVIEW
            else "行政诉讼 " + kind.label_zh
        )
        cells = [report.review.cell(kind, r).display() for r in ReviewResult]
        lines.extend(table_row(label, 0, cells))
    return lines


def print_findings(findings: Sequence[Finding]) -> None:
    if not findings:
        print("checks: every 勾稽 relation holds (no findings)")
    for f in findings:
        print(f"{f.severity.value} [{f.rule.value}] {f.message}")


def show_lead_report() -> None:
    report = opengov.parse_report(LEAD_REPORT)
    c = report.completeness()
    print(f"== A published annual report: {report.agency} {report.year} ==")
    print(f"file: {LEAD_REPORT.relative_to(ROOT).as_posix()}")
    print(f"format: {report.format.document_no}; cells read: {c.read}/{c.total}")
    print()
    print("\n".join(applications_lines(report)))
    print()
    print("\n".join(review_lines(report)))
    print()
    print_findings(opengov.check_report(report))
    print()


def show_published_errors() -> None:
    """The checks on reports whose published tables do not add up."""
    for path in PUBLISHED_ERRORS:
        report = opengov.parse_report(path)
        findings = opengov.check_report(report)
        print(f"== Checks catch a published error: {report.agency} {report.year} ==")
        print(f"file: {path.relative_to(ROOT).as_posix()}")
        refs: list[CellRef] = [v.ref for f in findings for v in f.cells]
        rows = {opengov.OutcomeRow(r.row) for r in refs if r.table is ReportTable.APPLICATIONS}
        kinds = {ReviewKind(r.row) for r in refs if r.table is ReportTable.REVIEW}
        if rows:
            print("\n".join(applications_lines(report, rows)))
        if kinds:
            print("\n".join(review_lines(report, kinds)))
        print_findings(findings)
        print()


def show_series() -> None:
    """One agency's reports from 2011 to 2025 as one series (2008-2018 wording included)."""
    from opengov.reports.legacy_series import report_series

    print(f"== One agency over the years: {SERIES_AGENCY}, 2011-2025 ==")
    results = list(opengov.read_reports(SERIES_FILES, agency=SERIES_AGENCY))
    reports = [r.report for r in results if r.report is not None]
    for r in results:
        if r.error is not None:
            print(f"not read: {r.source}: {r.error.message}")
    series = report_series(reports)
    wanted = {opengov.OutcomeRow.RECEIVED: "一、本年新收", opengov.OutcomeRow.TOTAL: "（七）总计"}
    print(ljust("year", 6) + "".join(rjust(label, 14) for label in wanted.values()))
    by_year: dict[int, dict[opengov.OutcomeRow, str]] = {}
    interpreted = False
    for s in series:
        if s.row in wanted:
            mark = "*" if s.interpreted else ""
            interpreted = interpreted or s.interpreted
            value = "-" if s.value is None else f"{s.value}{mark}"
            by_year.setdefault(s.year, {})[s.row] = value
    for year, values in sorted(by_year.items()):
        print(ljust(str(year), 6) + "".join(rjust(values.get(r, "-"), 14) for r in wanted))
    if interpreted:
        print("* a 2008-2018 line read as this row: opengov's interpretation, named on the row")

    # The same series drawn and saved as a picture (the `analysis` extra's plots).
    save_series_plot(reports)
    print()


def save_series_plot(reports: Sequence[AnnualReport | LegacyReport]) -> None:
    """Table 三's outcome mix by year for the series, saved as a PNG under build/."""
    import warnings

    from opengov.reports.plots import CJKFontWarning, plot_outcomes

    out = ROOT / "build" / "demo" / "outcomes-by-year.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CJKFontWarning)
        figure = plot_outcomes(reports, agency=SERIES_AGENCY)
    figure.savefig(out, dpi=100)
    print(f"plot: {out.relative_to(ROOT).as_posix()} (outcomes by year, 2008-2018 years marked †)")
    for w in caught:
        print(f"note: {w.message}")


def show_application() -> None:
    """An application through 补正 and a third-party consultation, by the public API."""
    from opengov import (
        ApplicantType,
        Application,
        ConsultationSent,
        ConsultedParty,
        CorrectionReceived,
        CorrectionRequested,
        OpinionReceived,
        SubmissionChannel,
    )

    print("== One application: 补正, then a third-party consultation ==")
    app = Application.receive(
        SubmissionChannel.ONLINE,
        submitted_on=date(2026, 9, 27),
        confirmed_on=date(2026, 9, 28),
        applicant_type=ApplicantType.NATURAL_PERSON,
        agency="某市自然资源局",
    )
    print(f"received online {app.received_on}: reply due {app.reply_deadline().due} (Art. 33)")
    app = app.record(CorrectionRequested(on=date(2026, 9, 30), period_days=10))
    status = app.status(date(2026, 10, 9))
    print(f"补正 asked 2026-09-30, 10 working days: {status.kind.value} until {status.due}")
    app = app.record(CorrectionReceived(on=date(2026, 10, 13)))
    print(f"corrected application 2026-10-13: the period restarts, due {app.reply_deadline().due}")
    app = app.record(
        ConsultationSent(on=date(2026, 10, 20), party=ConsultedParty.THIRD_PARTY, name="某公司")
    )
    app = app.record(
        OpinionReceived(on=date(2026, 10, 29), party=ConsultedParty.THIRD_PARTY, name="某公司")
    )
    deadline = app.reply_deadline()
    print(f"third party consulted 2026-10-20 to 2026-10-29: reply due {deadline.due}")
    print()
    print(deadline.explain().to_zh())
    print()
    print(deadline.explain().to_en())
    print()


# --- The vocabulary -------------------------------------------------------------


def row_with_heading(row: opengov.OutcomeRow) -> str:
    """A result row under its group heading, e.g. （三）不予公开 › 1.属于国家秘密."""
    if row.group is not None and not row.number_zh.startswith("（"):
        return f"{row.group.number_zh}{row.group.label_zh} › {row.printed_zh}"
    return row.printed_zh


def show_editions() -> None:
    print("== Editions of the Regulation ==")
    for edition in opengov.Edition:
        r = edition.rules
        print(
            f"{edition.label_zh}: in force {r.in_force}, reply {r.reply_days} WD "
            f"(+{r.max_extension_days} WD extension) [{r.reply_basis.to_zh()}]"
        )
    print()


def show_grounds_and_replies() -> None:
    print("== Exemption grounds (Arts. 14-16) and their table-三 rows ==")
    for g in opengov.ExemptionGround:
        articles = "; ".join(str(c) for c in g.basis)
        print(f"{g.value:<24} {g.kind.value:<14} {articles}")
        print(f"{'':<24} {g.label_zh} -> {row_with_heading(g.report_row)}")
    print()
    print("== Reply types and their table-三 rows (2019 / 2021 format where they differ) ==")
    for t in opengov.ReplyType:
        if t.needs_grounds:
            rows = "the row of the first exemption ground"
        else:
            reply = opengov.Reply(type=t)
            by_format = [row_with_heading(reply.report_row(f)) for f in opengov.ReportFormat]
            rows = " / ".join(dict.fromkeys(by_format))  # once when both formats agree
        flag = "  [interpretation]" if t.note else ""
        print(f"{t.value:<20} {t.label_zh}: {rows}{flag}")
    print()
    print("== 2008-2018 wording -> 2021 rows ==")
    for m in opengov.LegacyOutcome:
        if m.is_total:
            print(f"{ljust(m.label_zh, 24)} total: convert its sub-reasons")
            continue
        row = row_with_heading(m.assume_report_row(opengov.ReportFormat.F2021))
        how = "lossless" if m.is_lossless else "assumed"
        print(f"{ljust(m.label_zh, 24)} {how:<9} {row}")
    print()


def main() -> None:
    show_lead_report()
    show_published_errors()
    show_series()
    show_application()
    show_editions()
    show_grounds_and_replies()


if __name__ == "__main__":
    main()
