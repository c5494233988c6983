"""Analysis across a corpus of reports (跨报告核对): hierarchy, carry-forward, year over year.

A researcher holding many agencies' reports over many years asks what no single
report can answer:

- :func:`check_hierarchy`: does a government's report hold at least what its
  departments' reports add up to (or exactly that, when every department is there)?
- :func:`check_corpus`: across a whole corpus, with agency names normalised
  (:func:`agency_key`, ``aliases``), does each year carry on from the one before?
  Table 三: this year's 二、上年结转 = last year's 四、结转下年度继续办理
  (:func:`~opengov.reports.check_carry_forward`). Table 二 (2021 format): last
  year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 = this year's 现行有效件数,
  for 规章 and 行政规范性文件. Table 二 (2019 format): this year's 上一年项目数量 =
  last year's 上一年项目数量 + 本年增/减, for the licensing, penalty, coercion and fee
  rows.
- :func:`year_over_year`: one agency-row per line, one column per year, from a
  :func:`~opengov.reports.to_frame` frame.

Every finding has a stable :func:`fingerprint`: a hash of what the finding is about
(rule, agency, year, cells; files only for a finding without cells), never of its
message, so that a reviewer's :class:`Review` (confirmed or dismissed) is applied
again when the corpus is checked again (:func:`apply_reviews`,
:func:`read_reviews`, :func:`write_reviews`).

Legal basis:
    - ogi-2019:49 (departments' reports and the government's report);
    - report-format-2019, report-format-2021 (the cells compared).

>>> from opengov.reports import AnnualReport, ApplicationTable
>>> from opengov import ApplicantType, OutcomeRow
>>> def report(agency, n):
...     t = ApplicationTable.from_counts(2021, {OutcomeRow.RECEIVED: {ApplicantType.NATURAL_PERSON: n},
...                                             OutcomeRow.DISCLOSED: {ApplicantType.NATURAL_PERSON: n}})
...     return AnnualReport.create(agency=agency, year=2021, applications=t)
>>> found = check_hierarchy(report("某市人民政府", 3), [report("某市甲局", 2), report("某市乙局", 2)])
>>> print(found[0].message)
三 一、本年新收政府信息公开申请数量 / 自然人: the departments add up to 4, more than the government's 3
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import Field

from opengov._extras import require
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov.citations import Citation, cite
from opengov.errors import InvalidInputError
from opengov.outcomes import ReportFormat
from opengov.reports.aggregate import aggregate_reports
from opengov.reports.checks import (
    CellValue,
    Finding,
    Severity,
    check_carry_forward,
)
from opengov.reports.model import (
    AnnualReport,
    CellRef,
    DisclosureColumn,
    DisclosureRow,
    ReportTable,
    require_report,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "CorpusFinding",
    "CorpusRule",
    "Review",
    "Verdict",
    "agency_key",
    "apply_reviews",
    "check_corpus",
    "check_hierarchy",
    "fingerprint",
    "one_reading",
    "read_reviews",
    "write_reviews",
    "year_over_year",
]


class CorpusRule(CodeEnum):
    """A check across reports, with a stable id (its value)."""

    HIERARCHY = "hierarchy"
    IN_FORCE = "in_force"
    ITEMS = "items"

    @property
    def label_zh(self) -> str:
        """Short Chinese statement of the rule."""
        return {
            "hierarchy": "本级政府年度报告不少于所属部门年度报告之和",
            "in_force": "上年现行有效件数加本年制发件数减本年废止件数等于本年现行有效件数",
            "items": "本年上一年项目数量等于上年上一年项目数量加上年本年增/减",
        }[self.value]

    @property
    def label_en(self) -> str:
        """Short English statement of the rule."""
        return {
            "hierarchy": "a government's report holds at least the sum of its departments'",
            "in_force": "last year's in force + issued - repealed = this year's in force",
            "items": "this year's items last year = last year's items last year + change",
        }[self.value]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """What the rule rests on."""
        if self is CorpusRule.HIERARCHY:
            return (cite("ogi-2019:49"),)
        if self is CorpusRule.IN_FORCE:
            return (cite("report-format-2021"),)
        return (cite("report-format-2019"),)


class CorpusFinding(FrozenModel):
    """One result of a check across reports.

    ``cells`` name the cells compared, each with the year of its report;
    ``sources`` the files (the government's first for ``hierarchy``, this year's
    first for the carry-forward rules). Findings are warnings: each rule rests on
    an interpretation (docs/interpretations.md).
    """

    severity: Severity
    rule: CorpusRule
    agency: str | None
    year: int
    message: str
    cells: tuple[CellValue, ...] = ()
    expected: int | Decimal | None = None
    actual: int | Decimal | None = None
    sources: tuple[str, ...] = ()

    @property
    def fingerprint(self) -> str:
        """The finding's :func:`fingerprint`."""
        return fingerprint(self)

    def __str__(self) -> str:
        return f"{self.severity.value} {self.rule.value}: {self.message}"


AnyFinding = Finding | CorpusFinding


# ------------------------------------------------------------------ agencies


def agency_key(name: str | None, aliases: Mapping[str, str] | None = None) -> str | None:
    """An agency name for comparing: full-width forms folded (NFKC), spaces dropped,
    then mapped through ``aliases`` (keys and values folded the same way), so that
    one agency named two ways is one. ``None`` for no name.

    >>> agency_key("平潭综合实验区 管委会", {"平潭综合实验区管委会": "平潭综合实验区"})
    '平潭综合实验区'
    """
    if name is None:
        return None
    key = _fold(name)
    if aliases:
        table = {_fold(k): _fold(v) for k, v in aliases.items()}
        key = table.get(key, key)
    return key or None


def _fold(name: str) -> str:
    if not isinstance(name, str):
        raise InvalidInputError(f"an agency name must be a str, got {type(name).__name__}")
    return "".join(unicodedata.normalize("NFKC", name).split())


def _aliases(aliases: object) -> Mapping[str, str] | None:
    if aliases is None:
        return None
    if not isinstance(aliases, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()
    ):
        raise InvalidInputError("aliases must map agency names (str) to the name to use (str)")
    return aliases


# ----------------------------------------------------------------- hierarchy


def check_hierarchy(
    government: AnnualReport,
    departments: Iterable[AnnualReport],
    *,
    complete: bool = False,
) -> tuple[CorpusFinding, ...]:
    """Compare a government's tables 三 and 四 with the sum of its departments'.

    With ``complete=False`` (some departments missing, as in most crawls), a cell
    is a finding when the departments add up to **more** than the government's;
    with ``complete=True`` (every department is there), when the sum differs. A
    cell unread or not applicable in any report is not compared. All reports must
    be of one year and format. Findings are warnings: whether a government's
    report counts its departments' applications is opengov's interpretation of
    Art. 49 (docs/interpretations.md).
    """
    gov = require_report(government, "government")
    deps = [require_report(d, "each department") for d in _iterable(departments, "departments")]
    if type(complete) is not bool:
        raise InvalidInputError(f"complete must be True or False, got {complete!r}")
    if not deps:
        return ()
    if any(d.year != gov.year or d.format is not gov.format for d in deps):
        raise InvalidInputError(
            f"the departments' reports must be of the government's year and format "
            f"({gov.year}, {gov.format.value})"
        )
    total = aggregate_reports(deps, agency="各部门合计")
    out: list[CorpusFinding] = []
    sources = tuple(r.source for r in (gov, *deps) if r.source is not None)
    for (ref, g), (_, s) in zip(gov.items(), total.items(), strict=True):
        if ref.table is ReportTable.DISCLOSURE or g.value is None or s.value is None:
            continue
        if s.value > g.value or (complete and s.value != g.value):
            how = "more than" if s.value > g.value else "less than"
            out.append(
                CorpusFinding(
                    severity=Severity.WARNING,
                    rule=CorpusRule.HIERARCHY,
                    agency=gov.agency,
                    year=gov.year,
                    message=f"{_where(ref)}: the departments add up to {s.value}, {how} "
                    f"the government's {g.value}",
                    cells=(CellValue.of(ref, g, gov.year),),
                    expected=s.value,
                    actual=g.value,
                    sources=sources,
                )
            )
    return tuple(out)


def _where(ref: CellRef) -> str:
    part = ref.table.label_zh.split("、", 1)[0]
    return f"{part} {ref.row_label_zh} / {ref.column_label_zh}"


def _iterable(value: object, name: str) -> Iterable[Any]:
    if isinstance(value, (str, bytes, AnnualReport)) or not isinstance(value, Iterable):
        raise InvalidInputError(
            f"{name} must be an iterable of AnnualReport, got {type(value).__name__}"
        )
    return value


# ------------------------------------------------------------- carry-forward


def _rename(report: AnnualReport, agency: str | None) -> AnnualReport:
    if report.agency == agency:
        return report
    return AnnualReport.model_validate({**dict(report), "agency": agency})


def _readings(
    reports: list[AnnualReport], aliases: Mapping[str, str] | None
) -> dict[tuple[str, int], AnnualReport]:
    """One reading per agency (normalised) and year: the one with the most cells read,
    the first of them on a tie (a report read from its page and from its text is
    one report); reports without an agency are left out."""
    out: dict[tuple[str, int], AnnualReport] = {}
    for r in reports:
        key = agency_key(r.agency, aliases)
        if key is None:
            continue
        kept = out.get((key, r.year))
        if kept is None or r.completeness().read > kept.completeness().read:
            out[(key, r.year)] = r
    return out


def check_corpus(
    reports: Iterable[AnnualReport],
    *,
    aliases: Mapping[str, str] | None = None,
    blank_as_zero: bool = True,
) -> tuple[AnyFinding, ...]:
    """The carry-forward of every agency from each year to the next, across a corpus.

    Agencies are matched by :func:`agency_key` (``aliases`` maps other names of an
    agency to one). Of several readings of one agency-year, the one with the most
    cells read is compared (:func:`~opengov.reports.check_reports` reports the
    duplicates). For each pair of consecutive years: table 三's carry-forward
    (:class:`~opengov.reports.Finding`, rule ``carry_forward``), then table 二's
    (:class:`CorpusFinding`, rules ``in_force`` for 2021-format pairs and ``items``
    for 2019-format pairs; a pair across the two formats has no table-二 rule).
    Findings come by agency and year, whatever the order of ``reports``.
    """
    rs = [require_report(r, "each report") for r in _iterable(reports, "reports")]
    names = _aliases(aliases)
    if type(blank_as_zero) is not bool:
        raise InvalidInputError(f"blank_as_zero must be True or False, got {blank_as_zero!r}")
    readings = _readings(rs, names)
    out: list[AnyFinding] = []
    for key, year in sorted(readings):
        prev = readings.get((key, year - 1))
        if prev is None:
            continue
        cur = readings[(key, year)]
        p, c = _rename(prev, key), _rename(cur, key)
        out.extend(check_carry_forward(p, c, blank_as_zero=blank_as_zero))
        out.extend(_disclosure_carry(p, c, cur.agency))
    return tuple(out)


_IN_FORCE_ROWS = (DisclosureRow.RULES, DisclosureRow.NORMATIVE_DOCUMENTS)
_ITEM_ROWS = (
    DisclosureRow.LICENSING,
    DisclosureRow.OTHER_SERVICES,
    DisclosureRow.PENALTIES,
    DisclosureRow.COERCIVE_MEASURES,
    DisclosureRow.ADMINISTRATIVE_FEES,
)


def _disclosure_carry(
    prev: AnnualReport, cur: AnnualReport, agency: str | None
) -> list[CorpusFinding]:
    C = DisclosureColumn
    out: list[CorpusFinding] = []
    Part = tuple[AnnualReport, DisclosureRow, DisclosureColumn, int]
    checks: list[
        tuple[DisclosureRow, tuple[Part, ...], tuple[AnnualReport, DisclosureRow, DisclosureColumn]]
    ]
    if prev.format is ReportFormat.F2021 and cur.format is ReportFormat.F2021:
        rule = CorpusRule.IN_FORCE
        checks = [
            (
                row,
                ((prev, row, C.IN_FORCE, 1), (cur, row, C.ISSUED, 1), (cur, row, C.REPEALED, -1)),
                (cur, row, C.IN_FORCE),
            )
            for row in _IN_FORCE_ROWS
        ]
        what = "上年现行有效 + 本年制发 − 本年废止"
    elif prev.format is ReportFormat.F2019 and cur.format is ReportFormat.F2019:
        rule = CorpusRule.ITEMS
        checks = [
            (
                row,
                ((prev, row, C.PREVIOUS_YEAR_ITEMS, 1), (prev, row, C.CHANGE, 1)),
                (cur, row, C.PREVIOUS_YEAR_ITEMS),
            )
            for row in _ITEM_ROWS
        ]
        what = "上年的上一年项目数量 + 本年增/减"
    else:
        return out
    for row, parts, (tr, trow, tcol) in checks:
        values: list[CellValue] = []
        expected: int | Decimal = 0
        ok = True
        for r, prow, pcol, sign in parts:
            ref = CellRef.disclosure(prow, pcol)
            cell = r.cell(ref)
            n = cell.as_count()
            values.append(CellValue.of(ref, cell, r.year))
            if n is None:
                ok = False
            else:
                expected += sign * n
        tref = CellRef.disclosure(trow, tcol)
        tcell = tr.cell(tref)
        actual = tcell.as_count()
        if not ok or actual is None or actual == expected:
            continue
        out.append(
            CorpusFinding(
                severity=Severity.WARNING,
                rule=rule,
                agency=agency,
                year=cur.year,
                message=f"二 {row.label_zh_in(cur.format)}: {what} is {expected}, but "
                f"{cur.year} {tcol.label_zh} is {actual}",
                cells=(CellValue.of(tref, tcell, tr.year), *values),
                expected=expected,
                actual=actual,
                sources=tuple(r.source for r in (cur, prev) if r.source is not None),
            )
        )
    return out


# ------------------------------------------------------------ year over year


def one_reading(frame: pd.DataFrame, *, aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` (from :func:`~opengov.reports.to_frame`) with one reading per agency
    and year: of the sources of one agency-year (a page and its text, read twice),
    the one with the most cells read, the first on a tie; rows without an agency are
    kept. Adds ``agency_key`` (:func:`agency_key` with ``aliases``), so that sums
    over a corpus count each report once.
    """
    pd = require("pandas", "analysis", "one_reading")
    names = _aliases(aliases)
    needed = {"source", "agency", "year", "table", "row", "column", "value", "kind"}
    if not isinstance(frame, pd.DataFrame) or not needed <= set(frame.columns):
        raise InvalidInputError("frame must be a DataFrame from to_frame")
    keys = {a: agency_key(str(a), names) for a in frame["agency"].dropna().unique()}
    df = frame.assign(agency_key=frame["agency"].map(keys).astype(object))
    has = df[df["agency_key"].notna()]
    read = (
        has.assign(read=(has["kind"] != "unread"), order=range(len(has)))
        .groupby(["agency_key", "year", "source"], observed=True, sort=False)
        .agg(read=("read", "sum"), order=("order", "min"))
        .reset_index()
        .sort_values(["agency_key", "year", "read", "order"], ascending=[True, True, False, True])
        .drop_duplicates(["agency_key", "year"])
    )
    chosen = list(zip(read["agency_key"], read["year"], read["source"].astype(str), strict=True))
    rows = pd.MultiIndex.from_arrays(
        [df["agency_key"], df["year"], df["source"].astype(object).astype(str)]
    )
    return df[rows.isin(chosen) | df["agency_key"].isna().to_numpy()]


def year_over_year(
    frame: pd.DataFrame,
    *,
    table: str = "applications",
    column: str = "total",
    aliases: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One line per agency and row, one column per year: the values of ``column``
    in ``table`` of a :func:`~opengov.reports.to_frame` frame.

    Agencies are matched by :func:`agency_key` with ``aliases`` (the index shows
    the first name seen); of several readings of one agency-year (a page and its
    text) the one with the most cells read is used. Rows keep the official order;
    a year an agency has no report for is ``<NA>``. ``.diff(axis=1)`` gives the
    changes.
    """
    names = _aliases(aliases)
    df = one_reading(frame, aliases=names)
    df = df[df["agency"].notna()]
    df = df[(df["table"] == table) & (df["column"] == column)]
    first_name = df.groupby("agency_key", observed=True)["agency"].first().astype(str)
    out = df.pivot_table(
        index=["agency_key", "row"], columns="year", values="value", aggfunc="first", observed=True
    )
    out = out.rename(index=first_name.to_dict(), level=0)
    out.index = out.index.set_names(["agency", "row"])
    out.columns = out.columns.astype(int)
    return out.astype("Int64")


# ----------------------------------------------------------------- reviews


def fingerprint(finding: AnyFinding) -> str:
    """A stable id of a finding: a hash of its rule, agency (:func:`agency_key`),
    year and cells (address and report year), and, for a finding without cells,
    its files; never of its message or values. A finding found again on a later
    run, from the same reports, has the same fingerprint.

    >>> from opengov.reports import Finding, CheckRule, Severity
    >>> from opengov.citations import cite
    >>> f = Finding(severity=Severity.ERROR, rule=CheckRule.BALANCE, basis=cite("report-format-2021"),
    ...             agency="某局", year=2021, message="expected 1, found 2")
    >>> g = Finding(severity=Severity.ERROR, rule=CheckRule.BALANCE, basis=cite("report-format-2021"),
    ...             agency="某 局", year=2021, message="worded otherwise")
    >>> fingerprint(f) == fingerprint(g), len(fingerprint(f))
    (True, 20)
    """
    if not isinstance(finding, (Finding, CorpusFinding)):
        raise InvalidInputError(
            f"finding must be a Finding or a CorpusFinding, got {type(finding).__name__}"
        )
    cells = sorted(
        (c.ref.table.value, c.ref.row, c.ref.column, finding.year if c.year is None else c.year)
        for c in finding.cells
    )
    identity = {
        "rule": finding.rule.value,
        "agency": agency_key(finding.agency),
        "year": finding.year,
        "cells": cells,
        "sources": [] if cells else sorted(finding.sources),
    }
    text = json.dumps(identity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class Verdict(CodeEnum):
    """A reviewer's verdict on a finding."""

    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"

    @property
    def label_zh(self) -> str:
        """Chinese name."""
        return "确认" if self is Verdict.CONFIRMED else "排除"

    @property
    def label_en(self) -> str:
        """English name."""
        return self.value


class Review(FrozenModel):
    """A reviewer's verdict on the finding with ``fingerprint``, and why."""

    fingerprint: str = Field(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$")
    verdict: Verdict
    note: str = Field(default="", max_length=2000)


def apply_reviews(
    findings: Iterable[AnyFinding], reviews: Iterable[Review] | Mapping[str, Review]
) -> tuple[tuple[AnyFinding, Review | None], ...]:
    """Each finding with its review (by fingerprint), or ``None`` when not reviewed."""
    if isinstance(reviews, (str, bytes)) or not isinstance(reviews, Iterable):
        raise InvalidInputError(
            f"reviews must be Review objects or a mapping of them, got {type(reviews).__name__}"
        )
    given = list(reviews.values()) if isinstance(reviews, Mapping) else list(reviews)
    if not all(isinstance(r, Review) for r in given):
        raise InvalidInputError("reviews must hold Review objects (see read_reviews)")
    table = {r.fingerprint: r for r in given}
    if isinstance(findings, (str, bytes)) or not isinstance(findings, Iterable):
        raise InvalidInputError(
            f"findings must be an iterable of findings, got {type(findings).__name__}"
        )
    return tuple((f, table.get(fingerprint(f))) for f in findings)


def read_reviews(path: str | os.PathLike[str]) -> dict[str, Review]:
    """Reviews from a JSON Lines file (one :class:`Review` a line; the last one for a
    fingerprint wins); a missing file holds none."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        return {}
    out: dict[str, Review] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            review = Review.model_validate_json(line)
        except ValueError as exc:
            raise InvalidInputError(
                f"{os.fspath(path)!r} line {n} is not a review: {exc}"
            ) from None
        out[review.fingerprint] = review
    return out


def write_reviews(
    path: str | os.PathLike[str], reviews: Iterable[Review] | Mapping[str, Review]
) -> None:
    """Write reviews as JSON Lines, sorted by fingerprint (one line each)."""
    items: Sequence[Review] = (
        list(reviews.values()) if isinstance(reviews, Mapping) else list(reviews)
    )
    lines = [r.model_dump_json() for r in sorted(items, key=lambda r: r.fingerprint)]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))
