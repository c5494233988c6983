"""Annual-report checks (勾稽关系): findings, never exceptions.

:func:`check_report` applies the arithmetic rules to one report and returns a tuple of
:class:`Finding`; :func:`check_carry_forward` compares two consecutive reports of the
same agency; :func:`check_reports` does both for a collection. A bad report never
raises: every problem is a finding with a severity, the rule and its source, the
cells involved with their values, and the expected value.

Rules and their sources:

- ``balance`` (error): 一 + 二 = 三（七）总计 + 四, in every column (总计 included).
  Source: the note printed in table 三's header, "（本列数据的勾稽关系为：第一项加
  第二项之和，等于第三项加第四项之和）".
- ``column_total`` (error): 总计 column = sum of the six applicant columns, on every
  row. Source: the table structure (申请人情况 … 总计).
- ``result_total`` (error): （七）总计 = sum of the counted result rows
  (:attr:`ReportFormat.counted_rows`). Source: the table structure.
- ``review_total`` (error): each table-四 总计 = 结果维持 + 结果纠正 + 其他结果 +
  尚未审结, for 复议, 直接起诉 and 复议后起诉. Source: the table structure.
- ``non_negative_integer`` (error): counts in tables 三 and 四, and every table-二
  count but 本年增/减, are integers >= 0.
- ``carry_forward`` (error): this year's 二、上年结转 = last year's 四、结转下年度继续
  办理, column by column, for the same agency. The finding names both cells, each
  with its report year (:attr:`CellValue.year`).
- ``narrative`` (warning): a number stated in the prose (e.g. "本年新收…申请N件")
  equals the table. Extraction is by pattern, hence a warning.
- ``format_year`` (warning): the report's format is not the one its year calls for.
- ``incomplete`` (warning): some cells are unread or not applicable where a number
  is expected; rules involving them were not checked.
- ``duplicate`` (error, or warning when the tables say the same wherever both were
  read): one agency has two reports for one year, read from two sources. Source: Art. 49 (each agency
  publishes its report for the previous year).

Each finding names the files it is about (:attr:`Finding.sources`): the report's
:attr:`~opengov.reports.AnnualReport.source`, or, for ``carry_forward`` and
``duplicate``, both files. :func:`check_reports` gives the same findings in the same
order whatever the order of its input; reports without an agency are checked alone,
never compared with each other.

Blank cells count as 0 (``blank_as_zero=True``, the default): agencies often leave a
zero cell empty. Pass ``blank_as_zero=False`` to treat blanks like unread cells.

Legal basis:
    - report-format-2019, report-format-2021 (table 三 header note and structure).

>>> from opengov import ApplicantType, OutcomeRow
>>> from opengov.reports import AnnualReport, ApplicationTable, check_report
>>> t = ApplicationTable.from_counts(2021, {
...     OutcomeRow.RECEIVED: {ApplicantType.NATURAL_PERSON: 2},
...     OutcomeRow.DISCLOSED: {ApplicantType.NATURAL_PERSON: 2}})
>>> r = AnnualReport.create(agency="某局", year=2021, applications=t)
>>> [f.rule.value for f in check_report(r) if f.severity.value == "error"]
[]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from itertools import groupby

from pydantic import Field

from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov.citations import Citation
from opengov.errors import InvalidInputError
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.reports._tables import (
    APPLICANT_COLUMNS,
    BALANCE_NOTE,
    TYPE_COLUMNS,
    ApplicantColumn,
    Cell,
    CellKind,
    CellRef,
    DisclosureColumn,
    ReportData,
    ReportTable,
    ReviewKind,
    ReviewResult,
    prose_digits,
    report_list,
    require_report,
)

__all__ = [
    "CellValue",
    "CheckRule",
    "Finding",
    "Severity",
    "check_carry_forward",
    "check_report",
    "check_reports",
]


class Severity(CodeEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label_zh(self) -> str:
        """Chinese name."""
        return "错误" if self is Severity.ERROR else "提示"

    @property
    def label_en(self) -> str:
        """English name."""
        return self.value


class CheckRule(CodeEnum):
    """A check, with a stable id (its value)."""

    BALANCE = "balance"
    COLUMN_TOTAL = "column_total"
    RESULT_TOTAL = "result_total"
    REVIEW_TOTAL = "review_total"
    NON_NEGATIVE_INTEGER = "non_negative_integer"
    CARRY_FORWARD = "carry_forward"
    NARRATIVE = "narrative"
    FORMAT_YEAR = "format_year"
    INCOMPLETE = "incomplete"
    DUPLICATE = "duplicate"

    @property
    def label_zh(self) -> str:
        """Short Chinese statement of the rule."""
        return _RULES[self][0]

    @property
    def label_en(self) -> str:
        """Short English statement of the rule."""
        return _RULES[self][1]

    @property
    def source(self) -> str:
        """Where the rule comes from: the printed note or the table structure."""
        return _RULES[self][2]


_STRUCTURE = "表格结构 (table structure)"
_RULES: dict[CheckRule, tuple[str, str, str]] = {
    CheckRule.BALANCE: (
        "第一项加第二项之和，等于第三项加第四项之和",
        "received + carried over = total handled + carried forward",
        BALANCE_NOTE,
    ),
    CheckRule.COLUMN_TOTAL: (
        "总计列等于六类申请人之和",
        "the total column is the sum of the six applicant columns",
        _STRUCTURE,
    ),
    CheckRule.RESULT_TOTAL: (
        "（七）总计等于各办理结果之和",
        "row (七) total is the sum of the result rows",
        _STRUCTURE,
    ),
    CheckRule.REVIEW_TOTAL: (
        "总计等于结果维持、结果纠正、其他结果、尚未审结之和",
        "each table-四 total is the sum of its four cells",
        _STRUCTURE,
    ),
    CheckRule.NON_NEGATIVE_INTEGER: (
        "件数为非负整数",
        "counts are non-negative integers",
        _STRUCTURE,
    ),
    CheckRule.CARRY_FORWARD: (
        "本年上年结转数等于上年结转下年度继续办理数",
        "this year's carried-over equals last year's carried-forward",
        "表格结构：二、上年结转 / 四、结转下年度继续办理 (table structure across years)",
    ),
    CheckRule.NARRATIVE: (
        "正文所述数字与表格一致",
        "numbers stated in the text match the table",
        "正文与表格 (text and table of the same report)",
    ),
    CheckRule.FORMAT_YEAR: (
        "报告格式与报告年度相符",
        "the format is the one for the report year",
        "国办公开办函〔2019〕60号；国办公开办函〔2021〕30号",
    ),
    CheckRule.INCOMPLETE: (
        "单元格未能读取，相关规则未检查",
        "cells could not be read; rules involving them were not checked",
        _STRUCTURE,
    ),
    CheckRule.DUPLICATE: (
        "同一机关同一年度只有一份年度报告",
        "one report per agency and year",
        "《条例》第四十九条、第五十条：行政机关每年公布本行政机关上一年度的年度报告 "
        "(each agency publishes one report for each year)",
    ),
}


class CellValue(FrozenModel):
    """A cell involved in a finding, with what it holds.

    ``year`` is the report year the cell belongs to when a finding compares two
    reports (``carry_forward`` names last year's 四 and this year's 二); it is
    ``None`` for a cell of the finding's own report.
    """

    ref: CellRef
    kind: CellKind
    value: int | Decimal | None = None
    year: int | None = Field(default=None, ge=2019, le=2100, strict=True)

    @classmethod
    def of(cls, ref: CellRef, cell: Cell, year: int | None = None) -> CellValue:
        """Snapshot of a cell (of the report of ``year``, when given)."""
        return cls(ref=ref, kind=cell.kind, value=cell.value, year=year)

    def __str__(self) -> str:
        return str(self.ref) if self.year is None else f"{self.ref} ({self.year})"


class Finding(FrozenModel):
    """One result of a check.

    ``sources`` names the files the finding is about, so that findings join back to
    the reports they came from: the report's
    :attr:`~opengov.reports.AnnualReport.source`, or for a finding across two
    reports (``carry_forward``, ``duplicate``) both files, this year's (or the
    first) first. A report built in code has no source, and adds none. (The name
    ``source`` is taken: it is the rule's source, :attr:`source`.)
    """

    severity: Severity
    rule: CheckRule
    basis: Citation
    agency: str | None
    year: int
    message: str
    cells: tuple[CellValue, ...] = ()
    expected: int | Decimal | None = None
    actual: int | Decimal | None = None
    sources: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The rule's source (printed note or table structure)."""
        return self.rule.source

    def names(self, ref: CellRef, year: int | None = None) -> bool:
        """True when the finding involves the cell ``ref`` (of the report of ``year``,
        when given; a cell without a year is of the finding's year)."""
        return any(
            c.ref == ref and (year is None or (self.year if c.year is None else c.year) == year)
            for c in self.cells
        )

    def __str__(self) -> str:
        where = ", ".join(str(c) for c in self.cells[:4])
        if len(self.cells) > 4:
            where += ", …"
        return f"{self.severity.value} {self.rule.value}: {self.message} [{where}]"


class _Ctx:
    def __init__(self, report: ReportData, blank_as_zero: bool) -> None:
        self.report = report
        self.blank_as_zero = blank_as_zero
        self.out: list[Finding] = []
        self.skipped: dict[ReportTable, list[tuple[CellRef, Cell]]] = {}

    def add(
        self,
        severity: Severity,
        rule: CheckRule,
        message: str,
        cells: Iterable[tuple[CellRef, Cell]] = (),
        expected: int | Decimal | None = None,
        actual: int | Decimal | None = None,
    ) -> None:
        self.out.append(
            Finding(
                severity=severity,
                rule=rule,
                basis=self.report.basis,
                agency=self.report.agency,
                year=self.report.year,
                message=message,
                cells=tuple(CellValue.of(r, c) for r, c in cells),
                expected=expected,
                actual=actual,
                sources=_sources(self.report),
            )
        )

    def num(self, cell: Cell) -> int | Decimal | None:
        return cell.as_count(blank_as_zero=self.blank_as_zero)


def _sum_rule(
    ctx: _Ctx,
    rule: CheckRule,
    total: tuple[CellRef, Cell],
    parts: Sequence[tuple[CellRef, Cell]],
    what: str,
    minus: Sequence[tuple[CellRef, Cell]] = (),
) -> None:
    """total == sum(parts) - sum(minus); skipped when a cell holds no number."""
    involved = [*parts, *minus, total]
    nums: list[int | Decimal] = []
    for _, c in involved:
        n = ctx.num(c)
        if n is None:
            return
        nums.append(n)
    k = len(parts)
    expected = sum(nums[:k]) - sum(nums[k:-1])
    actual = nums[-1]
    if actual != expected:
        ctx.add(
            Severity.ERROR,
            rule,
            f"{what}: expected {expected}, found {actual}",
            involved,
            expected,
            actual,
        )


def check_report(report: ReportData, *, blank_as_zero: bool = True) -> tuple[Finding, ...]:
    """Apply every single-report rule; returns findings, errors first.

    Never raises on a well-typed report, however wrong its numbers are.
    """
    report = require_report(report)
    _require_flag(blank_as_zero)
    ctx = _Ctx(report, blank_as_zero)
    fmt = report.format
    if ReportFormat.for_year(report.year) is not fmt:
        ctx.add(
            Severity.WARNING,
            CheckRule.FORMAT_YEAR,
            f"report year {report.year} calls for the {ReportFormat.for_year(report.year).value} "
            f"format ({ReportFormat.for_year(report.year).document_no}), "
            f"the report follows the {fmt.value} format",
        )
    _check_values(ctx)
    apps = report.applications

    refs, at = _application_refs(fmt), _row_index(fmt)

    def c(row: OutcomeRow, col: ApplicantColumn) -> tuple[CellRef, Cell]:
        # CellRef.applications(row, col), apps.cell(row, col) by index: rows of the format
        i, j = at[row], _COLUMN_INDEX[col]
        return refs[i][j], apps.cells[i][j]

    # 总计 column = six applicant columns, every row.
    for row in fmt.rows:
        _sum_rule(
            ctx,
            CheckRule.COLUMN_TOTAL,
            c(row, ApplicantColumn.TOTAL),
            [c(row, col) for col in TYPE_COLUMNS],
            f"{row.printed_zh}: 总计 should be the sum of the six applicant columns",
        )
    # （七）总计 = counted result rows, every column.
    for col in APPLICANT_COLUMNS:
        _sum_rule(
            ctx,
            CheckRule.RESULT_TOTAL,
            c(OutcomeRow.TOTAL, col),
            [c(row, col) for row in fmt.counted_rows],
            f"{col.label_zh}: （七）总计 should be the sum of the result rows",
        )
    # 一 + 二 = （七） + 四, every column: written as 四 = 一 + 二 - （七）.
    for col in APPLICANT_COLUMNS:
        _sum_rule(
            ctx,
            CheckRule.BALANCE,
            c(OutcomeRow.CARRIED_FORWARD, col),
            [c(OutcomeRow.RECEIVED, col), c(OutcomeRow.CARRIED_OVER, col)],
            f"{col.label_zh}: 一+二 should equal （七）总计+四, so 四 should be 一+二-（七）",
            minus=[c(OutcomeRow.TOTAL, col)],
        )
    # table 四 totals.
    rev = report.review
    for kind in ReviewKind:
        _sum_rule(
            ctx,
            CheckRule.REVIEW_TOTAL,
            (CellRef.review(kind, ReviewResult.TOTAL), rev.cell(kind, ReviewResult.TOTAL)),
            [
                (CellRef.review(kind, r), rev.cell(kind, r))
                for r in ReviewResult
                if r is not ReviewResult.TOTAL
            ],
            f"{kind.label_zh}: 总计 should be the sum of its four results",
        )
    _check_narrative(ctx)
    for table, cells in ctx.skipped.items():
        ctx.add(
            Severity.WARNING,
            CheckRule.INCOMPLETE,
            f"{len(cells)} cell(s) of {table.label_zh} hold no number; "
            "rules involving them were not checked",
            cells,
        )
    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    return tuple(sorted(ctx.out, key=lambda f: order[f.severity]))


def _check_values(ctx: _Ctx) -> None:
    report = ctx.report
    for ref, cell in report.items():
        if cell.kind is CellKind.NUMBER:
            v = cell.value
            assert v is not None
            money = False
            signed = False
            if ref.table is ReportTable.DISCLOSURE:
                money, signed = _money_signed(ref.column)
            if money:
                if v < 0:
                    ctx.add(
                        Severity.ERROR,
                        CheckRule.NON_NEGATIVE_INTEGER,
                        f"{ref.label_zh}: an amount cannot be negative",
                        [(ref, cell)],
                    )
                continue
            integral = isinstance(v, int) or v == v.to_integral_value()
            if not integral or (v < 0 and not signed):
                ctx.add(
                    Severity.ERROR,
                    CheckRule.NON_NEGATIVE_INTEGER,
                    f"{ref.label_zh}: {v} is not a "
                    + ("whole number" if signed else "non-negative whole number"),
                    [(ref, cell)],
                )
        elif ref.table is not ReportTable.DISCLOSURE and (
            cell.kind is not CellKind.BLANK or not ctx.blank_as_zero
        ):
            ctx.skipped.setdefault(ref.table, []).append((ref, cell))


@cache
def _money_signed(column: str) -> tuple[bool, bool]:
    """Whether a table-二 column holds amounts, and whether it may be negative."""
    col = DisclosureColumn(column)
    return col.is_money, col.is_signed


# A stated count is whole ASCII digits of at most 15, not the tail of a longer number,
# and no filler between the words and it holds a digit ("¤" is ODD_DIGIT: a digit
# prose_digits would not have a pattern read).
_COUNT = r"(?<![0-9¤.,])([0-9]{1,15})\s*件"
_NARRATIVE: tuple[tuple[OutcomeRow, re.Pattern[str]], ...] = (
    (
        OutcomeRow.RECEIVED,
        re.compile(
            r"(?:本年|全年|年度|年内|\d{4}年)[^。；;]{0,12}?(?:新收|收到|受理|新增)"
            r"[^。；;，,\d¤]{0,20}?申请[^。；;，,\d¤]{0,6}?" + _COUNT
        ),
    ),
    (
        OutcomeRow.CARRIED_OVER,
        re.compile(r"上年(?:度)?结转[^。；;，,\d¤]{0,16}?" + _COUNT),
    ),
    (
        OutcomeRow.CARRIED_FORWARD,
        re.compile(r"结转(?:至)?下(?:一)?年度?[^。；;，,\d¤]{0,16}?" + _COUNT),
    ),
)


def _check_narrative(ctx: _Ctx) -> None:
    t = ctx.report.text
    prose = prose_digits("\n".join((t.overview, t.applications, t.other_matters)))
    for row, pattern in _NARRATIVE:
        m = pattern.search(prose)
        if m is None:
            continue
        stated = int(m.group(1))
        ref = CellRef.applications(row, ApplicantColumn.TOTAL)
        cell = ctx.report.applications.cell(row, ApplicantColumn.TOTAL)
        n = ctx.num(cell)
        if n is not None and n != stated:
            ctx.add(
                Severity.WARNING,
                CheckRule.NARRATIVE,
                f"the text says “{m.group(0)}” but {row.printed_zh}/总计 is {n}",
                [(ref, cell)],
                expected=stated,
                actual=n,
            )


def check_carry_forward(
    previous: ReportData, current: ReportData, *, blank_as_zero: bool = True
) -> tuple[Finding, ...]:
    """Compare last year's 四、结转下年度 with this year's 二、上年结转, column by column.

    Each finding names this year's 二 cell and last year's 四 cell, in that order,
    each with its report year, and both files (``sources``, this year's first).

    The two reports must be of the same agency (spaces and full-width forms aside)
    and consecutive years; otherwise a single warning says why nothing was compared.
    A report without an agency is never taken to be of the same agency as another.
    """
    previous = require_report(previous, "previous")
    current = require_report(current, "current")
    _require_flag(blank_as_zero)
    out: list[Finding] = []
    base = {
        "basis": current.basis,
        "agency": current.agency,
        "year": current.year,
        "rule": CheckRule.CARRY_FORWARD,
        "sources": _sources(current, previous),
    }
    agency = _agency_key(current.agency)
    if agency is None or agency != _agency_key(previous.agency):
        why = "the agency of a report is not known" if agency is None else "not one agency"
    elif previous.year + 1 != current.year:
        why = "not consecutive years"
    else:
        why = ""
    if why:
        out.append(
            Finding(
                severity=Severity.WARNING,
                message=f"not compared: {previous.agency} {previous.year} and "
                f"{current.agency} {current.year} are not consecutive reports of one "
                f"agency ({why})",
                **base,
            )
        )
        return tuple(out)
    for col in APPLICANT_COLUMNS:
        prev_cell = previous.applications.cell(OutcomeRow.CARRIED_FORWARD, col)
        cur_cell = current.applications.cell(OutcomeRow.CARRIED_OVER, col)
        p = prev_cell.as_count(blank_as_zero=blank_as_zero)
        n = cur_cell.as_count(blank_as_zero=blank_as_zero)
        if p is None or n is None or p == n:
            continue
        out.append(
            Finding(
                severity=Severity.ERROR,
                message=f"{col.label_zh}: {current.year} 二、上年结转 is {n}, "
                f"but {previous.year} 四、结转下年度继续办理 is {p}",
                cells=(
                    CellValue.of(
                        CellRef.applications(OutcomeRow.CARRIED_OVER, col), cur_cell, current.year
                    ),
                    CellValue.of(
                        CellRef.applications(OutcomeRow.CARRIED_FORWARD, col),
                        prev_cell,
                        previous.year,
                    ),
                ),
                expected=p,
                actual=n,
                **base,
            )
        )
    return tuple(out)


def _require_flag(value: object) -> None:
    if type(value) is not bool:
        raise InvalidInputError(f"blank_as_zero must be True or False, got {value!r}")


# Table 三 by index (its cells are rows of the format by APPLICANT_COLUMNS), built once.
_COLUMN_INDEX: dict[ApplicantColumn, int] = {c: i for i, c in enumerate(APPLICANT_COLUMNS)}


@cache
def _application_refs(fmt: ReportFormat) -> tuple[tuple[CellRef, ...], ...]:
    return tuple(tuple(CellRef.applications(r, c) for c in APPLICANT_COLUMNS) for r in fmt.rows)


@cache
def _row_index(fmt: ReportFormat) -> dict[OutcomeRow, int]:
    return {r: i for i, r in enumerate(fmt.rows)}


def _sources(*reports: ReportData) -> tuple[str, ...]:
    """The files of ``reports`` that are known, in order."""
    return tuple(r.source for r in reports if r.source is not None)


def _agency_key(agency: str | None) -> str | None:
    """An agency name for comparing: full-width forms folded, spaces dropped;
    ``None`` when there is no name to compare."""
    if agency is None:
        return None
    key = "".join(unicodedata.normalize("NFKC", agency).split())
    return key or None


def _readings(report: ReportData) -> list[object]:
    """What each table cell says, for comparing two readings of a report: its number
    (a blank counts as 0), "n/a", or ``None`` for a cell not read."""
    out: list[object] = []
    for _, c in report.items():
        if c.kind is CellKind.UNREAD:
            out.append(None)
        elif c.kind is CellKind.NOT_APPLICABLE:
            out.append("n/a")
        else:
            out.append(c.as_count(blank_as_zero=True))
    return out


def _agree(a: ReportData, b: ReportData) -> bool:
    """True when the tables of ``a`` and ``b`` say the same wherever both were read."""
    if a.format is not b.format:
        return False
    pairs = zip(_readings(a), _readings(b), strict=True)  # one format: the same cells
    return all(x is None or y is None or x == y for x, y in pairs)


def _same_tables(a: ReportData, b: ReportData) -> bool:
    return (a.format, a.disclosure, a.applications, a.review) == (
        b.format,
        b.disclosure,
        b.applications,
        b.review,
    )


def _ordered(reports: list[ReportData]) -> list[ReportData]:
    """``reports`` by agency, year and source; reports alike in all three by their
    content, so that no order of the input shows in the output."""

    def key(r: ReportData) -> tuple[bool, str, int, bool, str]:
        agency = _agency_key(r.agency)
        return (agency is not None, agency or "", r.year, r.source is not None, r.source or "")

    out: list[ReportData] = []
    for _, alike in groupby(sorted(reports, key=key), key=key):
        group = list(alike)
        if len(group) > 1:
            group.sort(key=lambda r: r.model_dump_json())
        out.extend(group)
    return out


def _duplicates(group: Sequence[ReportData]) -> list[Finding]:
    """One finding for each report of an agency-year after the first: a warning when
    the two say the same wherever both were read (one report read twice, perhaps in
    part from one file), an error when they differ."""
    first = group[0]
    out: list[Finding] = []
    for other in group[1:]:
        files = " and ".join(
            repr(r.source) if r.source is not None else "a report without a source"
            for r in (first, other)
        )
        if _same_tables(first, other):
            how = "their tables are identical (the same report read twice)"
        elif _agree(first, other):
            how = (
                "their tables agree wherever both were read (the same report, read in "
                "part from one of them)"
            )
        else:
            how = "their tables differ; keep the one the agency published"
        out.append(
            Finding(
                severity=Severity.ERROR
                if how.startswith("their tables differ")
                else Severity.WARNING,
                rule=CheckRule.DUPLICATE,
                basis=first.basis,
                agency=first.agency,
                year=first.year,
                message=f"{first.agency} has two reports for {first.year}, read from {files}: {how}",
                sources=_sources(first, other),
            )
        )
    return out


def _distinct(group: Sequence[ReportData]) -> list[ReportData]:
    """One report for each different reading in ``group``: of readings that agree
    (:func:`_agree`), the one with the most cells read (the first, on a tie)."""
    by_read = sorted(group, key=lambda r: -r.completeness().read)  # stable: ties keep order
    out: list[ReportData] = []
    for r in by_read:
        if not any(_agree(r, kept) for kept in out):
            out.append(r)
    return [r for r in group if any(r is kept for kept in out)]


def check_reports(
    reports: Iterable[ReportData], *, blank_as_zero: bool = True
) -> tuple[Finding, ...]:
    """Check each report; report duplicates; compare consecutive years of an agency.

    - Every report gets :func:`check_report`.
    - Two reports of one agency and year (from two sources) give a ``duplicate``
      finding naming both: a warning when their tables say the same wherever both
      were read (one report read twice, perhaps in part), an error when they
      differ. Neither replaces the other.
    - The carry-forward is checked between every pair of consecutive years of an
      agency (:func:`check_carry_forward`); where a year has two different reports,
      each is compared, and each finding names its two files. Of readings that
      agree, the one with the most cells read is compared.
    - A report without an agency is checked alone: it is never a duplicate of, nor
      compared with, another report.

    The findings, and their order, do not depend on the order of ``reports``:
    reports are taken by agency, year and source.
    """
    _require_flag(blank_as_zero)
    rs = _ordered(report_list(reports))
    out: list[Finding] = []
    for r in rs:
        out.extend(check_report(r, blank_as_zero=blank_as_zero))
    groups: dict[tuple[str, int], list[ReportData]] = {}
    for r in rs:
        agency = _agency_key(r.agency)
        if agency is not None:
            groups.setdefault((agency, r.year), []).append(r)
    for (agency, year), group in groups.items():  # in the order of rs, hence sorted
        if len(group) > 1:
            out.extend(_duplicates(group))
        previous = groups.get((agency, year - 1))
        if previous is None:
            continue
        for prev in _distinct(previous):
            for cur in _distinct(group):
                out.extend(check_carry_forward(prev, cur, blank_as_zero=blank_as_zero))
    return tuple(out)
