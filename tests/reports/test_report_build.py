"""Building table 三 from case records."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov import ApplicantType, InvalidInputError, OutcomeRow, ReportFormat
from opengov._model import FrozenModel
from opengov.reports import (
    ApplicantColumn,
    CaseRecord,
    CheckRule,
    build_application_table,
    build_report,
    check_report,
)


class Case(FrozenModel):
    """A test double with the CaseRecord shape."""

    applicant_type: ApplicantType
    received_on: date
    closed_on: date | None = None
    row: OutcomeRow = OutcomeRow.DISCLOSED

    def report_row(self, fmt: ReportFormat) -> OutcomeRow | None:
        if self.closed_on is None:
            return None
        if self.row is OutcomeRow.OTHER and fmt is ReportFormat.F2021:
            return OutcomeRow.OTHER_MISC
        return self.row


NP, CE = ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE
TOTAL = ApplicantColumn.TOTAL


def test_case_double_satisfies_the_protocol() -> None:
    assert isinstance(Case(applicant_type=NP, received_on=date(2024, 1, 1)), CaseRecord)


def test_rows_by_dates() -> None:
    cases = [
        Case(applicant_type=NP, received_on=date(2023, 12, 28), closed_on=date(2024, 1, 10)),
        Case(applicant_type=NP, received_on=date(2023, 11, 1), closed_on=date(2023, 12, 1)),
        Case(
            applicant_type=CE,
            received_on=date(2024, 3, 1),
            closed_on=date(2024, 3, 20),
            row=OutcomeRow.UNABLE_NOT_HELD,
        ),
        Case(applicant_type=NP, received_on=date(2024, 12, 30)),
        Case(applicant_type=NP, received_on=date(2024, 12, 20), closed_on=date(2025, 1, 5)),
        Case(applicant_type=NP, received_on=date(2025, 1, 2)),
        Case(
            applicant_type=CE,
            received_on=date(2024, 5, 1),
            closed_on=date(2024, 5, 2),
            row=OutcomeRow.OTHER,
        ),
    ]
    t = build_application_table(cases, 2024)
    assert t.format is ReportFormat.F2021
    assert t.value(OutcomeRow.RECEIVED, TOTAL) == 4
    assert t.value(OutcomeRow.CARRIED_OVER, TOTAL) == 1
    assert t.value(OutcomeRow.DISCLOSED, TOTAL) == 1
    assert t.value(OutcomeRow.UNABLE_NOT_HELD, ApplicantColumn.COMMERCIAL_ENTERPRISE) == 1
    assert t.value(OutcomeRow.OTHER_MISC, TOTAL) == 1
    assert t.value(OutcomeRow.TOTAL, TOTAL) == 3
    assert t.value(OutcomeRow.CARRIED_FORWARD, TOTAL) == 2
    r = build_report(cases, 2024, agency="某局")
    assert [f.rule for f in check_report(r)] == [CheckRule.INCOMPLETE]  # table 四 unread


def test_closed_case_without_result_row_is_refused() -> None:
    class Bad(Case):
        def report_row(self, fmt: ReportFormat) -> OutcomeRow | None:
            return OutcomeRow.RECEIVED

    with pytest.raises(InvalidInputError, match="result row"):
        build_application_table(
            [Bad(applicant_type=NP, received_on=date(2024, 1, 2), closed_on=date(2024, 1, 3))], 2024
        )


cases = st.builds(
    Case,
    applicant_type=st.sampled_from(list(ApplicantType)),
    received_on=st.dates(date(2018, 6, 1), date(2021, 6, 30)),
    closed_on=st.none() | st.integers(0, 500).map(lambda d: date(2018, 6, 1) + timedelta(days=d)),
    row=st.sampled_from(
        [OutcomeRow.DISCLOSED, OutcomeRow.WITHHELD_STATE_SECRET, OutcomeRow.NOT_PROCESSED_REPEAT]
    ),
).filter(lambda c: c.closed_on is None or c.closed_on >= c.received_on)


@given(st.lists(cases, max_size=40), st.integers(2019, 2021))
def test_built_tables_always_balance_and_carry_forward(records: list[Case], year: int) -> None:
    this = build_report(records, year, agency="某局")
    errors = [f for f in check_report(this) if f.severity.value == "error"]
    assert errors == []
    if year > 2019:
        prev = build_application_table(records, year - 1)
        for col in ApplicantColumn:
            assert prev.value(OutcomeRow.CARRIED_FORWARD, col) == this.applications.value(
                OutcomeRow.CARRIED_OVER, col
            )
