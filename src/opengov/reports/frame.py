"""Annual reports as tidy pandas DataFrames (年度报告数据表, ``analysis`` extra).

:func:`to_frame` gives one row per table cell: agency, year, format, table, row,
column, value (float, NaN unless the cell holds a number), kind, the Chinese
row and column labels, and the file the report was read from (``source``). pandas
is imported only when these functions run.
:func:`findings_to_frame` gives one row per check finding.

Legal basis:
    - report-format-2019, report-format-2021 (the tables, rows and columns).

>>> from opengov.reports import parse_report, to_frame
>>> df = to_frame([parse_report("examples/data/hunjiang-minzheng-2019.txt")])
>>> df.shape[0], sorted(df["table"].unique())
(198, ['applications', 'disclosure', 'review'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from opengov.errors import InvalidInputError
from opengov.reports.checks import Finding
from opengov.reports.model import AnnualReport, report_list

__all__ = ["COLUMNS", "findings_to_frame", "to_frame"]

COLUMNS = (
    "agency",
    "year",
    "format",
    "table",
    "row",
    "column",
    "value",
    "kind",
    "row_zh",
    "column_zh",
    "source",
)


def to_frame(reports: AnnualReport | Iterable[AnnualReport]) -> Any:
    """One DataFrame row per cell of every report (a single report is accepted)."""
    import pandas as pd

    rs = [reports] if isinstance(reports, AnnualReport) else report_list(reports)
    records = [
        (
            r.agency,
            r.year,
            r.format.value,
            ref.table.value,
            ref.row,
            ref.column,
            float(cell.value) if cell.value is not None else float("nan"),
            cell.kind.value,
            ref.row_label_zh,
            ref.column_label_zh,
            r.source,
        )
        for r in rs
        for ref, cell in r.items()
    ]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def findings_to_frame(findings: Iterable[Finding]) -> Any:
    """One DataFrame row per finding: agency, year, severity, rule, message, cells,
    expected and actual values, and the files it is about (``sources``, a tuple:
    ``frame.explode("sources")`` joins it to :func:`to_frame`'s ``source``)."""
    import pandas as pd

    if isinstance(findings, (str, bytes)) or not isinstance(findings, Iterable):
        raise InvalidInputError(
            f"findings must be an iterable of Finding, got {type(findings).__name__}"
        )
    findings = list(findings)
    if not all(isinstance(f, Finding) for f in findings):
        raise InvalidInputError("findings must hold Finding objects (from check_report)")
    rows = [
        (
            f.agency,
            f.year,
            f.severity.value,
            f.rule.value,
            f.message,
            ", ".join(str(c) for c in f.cells),
            f.expected,
            f.actual,
            f.sources,
        )
        for f in findings
    ]
    return pd.DataFrame.from_records(
        rows,
        columns=[
            "agency",
            "year",
            "severity",
            "rule",
            "message",
            "cells",
            "expected",
            "actual",
            "sources",
        ],
    )
