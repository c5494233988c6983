"""The public record of recovered cells: Cell.recovered, Recovery, AnnualReport.recoveries."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from opengov import OutcomeRow
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    Cell,
    CellKind,
    CellRef,
    Recovery,
    RecoveryRule,
)

ROW = tuple(CellRef.applications(OutcomeRow.RECEIVED, c) for c in ApplicantColumn)


def test_a_recovered_cell_is_a_number() -> None:
    cell = Cell(kind=CellKind.NUMBER, value=58, recovered=True)
    assert cell.display() == "58"
    assert cell != Cell.number(58)  # the flag is part of the value
    with pytest.raises(ValidationError, match="only a number can be recovered"):
        Cell(kind=CellKind.UNREAD, raw="5800000 58", recovered=True)


def test_a_recovery_has_values_exactly_when_resolved() -> None:
    done = Recovery(
        cells=ROW,
        printed="5800000 58",
        values=(58, 0, 0, 0, 0, 0, 58),
        rule=RecoveryRule.ROW,
        row_splits=1,
        candidates=((58, 0, 0, 0, 0, 0, 58),),
    )
    assert done.recovered
    left = Recovery(cells=ROW, printed="1120000 2", rule=RecoveryRule.UNRESOLVED, row_splits=0)
    assert not left.recovered
    with pytest.raises(ValidationError, match="exactly when its rule"):
        Recovery(cells=ROW, printed="0000000", rule=RecoveryRule.ROW)
    with pytest.raises(ValidationError, match="has 7 values"):
        Recovery(cells=ROW, printed="000000", values=(0,) * 6, rule=RecoveryRule.ROW)
    with pytest.raises(ValidationError, match="each candidate"):
        Recovery(cells=ROW, printed="00", rule=RecoveryRule.UNRESOLVED, candidates=((0, 0),))


def test_recoveries_survive_json_and_with_cell() -> None:
    rec = Recovery(
        cells=ROW,
        printed="0000000",
        values=(0,) * 7,
        rule=RecoveryRule.ROW,
        row_splits=1,
        candidates=((0,) * 7,),
    )
    blank = AnnualReport.create(agency="某局", year=2021)
    report = AnnualReport(**{**dict(blank), "recoveries": (rec,)})
    again = AnnualReport.from_json(report.to_json())
    assert again == report
    assert again.recoveries == (rec,)
    edited = report.with_cell(ROW[0], Cell.number(1))
    assert edited.recoveries == (rec,)
    assert RecoveryRule.BALANCE.label_en.startswith("Table 三")
    assert RecoveryRule.UNRESOLVED.label_zh == "无法唯一确定"
