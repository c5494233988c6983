from __future__ import annotations

import re

import pytest

from opengov.applicants import ApplicantType
from opengov.errors import ReportFormatError
from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat


def _normalise(text: str) -> str:
    return text.strip()


def _rows_in_reference_block(reference: str, heading: str, fence: int) -> list[str]:
    """Lines of the n-th fenced block after ``heading`` in the legal reference."""
    start = reference.index(heading)
    blocks = re.findall(r"```\n(.*?)```", reference[start:], flags=re.S)
    return [ln.split("<-")[0].split("(row-span")[0].strip() for ln in blocks[fence].splitlines()]


def test_2019_rows_match_the_reference_character_for_character(legal_reference: str) -> None:
    printed = [r for r in _rows_in_reference_block(legal_reference, "### 3.4", 0) if r]
    ours = [r.printed_zh for r in ReportFormat.F2019.rows]
    # The reference lists the group headings （三）（四）（五） and 三、本年度办理结果
    # as lines of their own; they are groups, not rows.
    headings = {"三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"}
    assert [r for r in printed if r not in headings] == ours


def test_2021_other_rows_match_the_reference(legal_reference: str) -> None:
    printed = [r for r in _rows_in_reference_block(legal_reference, "### 3.5", 0) if r]
    assert printed[0] == OutcomeGroup.OTHER.number_zh + OutcomeGroup.OTHER.label_zh
    assert printed[1:] == [
        r.printed_zh
        for r in (
            OutcomeRow.OTHER_NOT_CORRECTED,
            OutcomeRow.OTHER_FEE_NOT_PAID,
            OutcomeRow.OTHER_MISC,
        )
    ]


def test_row_counts_per_format() -> None:
    assert len(ReportFormat.F2019.result_rows) == 20
    assert len(ReportFormat.F2021.result_rows) == 22
    assert len(ReportFormat.F2019.rows) == 23
    assert len(ReportFormat.F2021.rows) == 25
    assert OutcomeRow.OTHER in ReportFormat.F2019.rows
    assert OutcomeRow.OTHER not in ReportFormat.F2021.rows
    assert OutcomeRow.TOTAL not in ReportFormat.F2021.counted_rows


@pytest.mark.parametrize(
    ("year", "fmt"),
    [
        (2019, ReportFormat.F2019),
        (2020, ReportFormat.F2019),
        (2021, ReportFormat.F2021),
        (2030, ReportFormat.F2021),
    ],
)
def test_format_for_year(year: int, fmt: ReportFormat) -> None:
    assert ReportFormat.for_year(year) is fmt


def test_no_format_before_2019() -> None:
    with pytest.raises(ReportFormatError, match="2018"):
        ReportFormat.for_year(2018)


def test_applicant_columns_match_the_reference(legal_reference: str) -> None:
    section = legal_reference[legal_reference.index('Column group "申请人情况"') :]
    section = section[: section.index("That is 7 numeric columns")]
    assert "- 自然人" in section
    orgs = re.search(r"法人或其他组织: (.*)", section)
    assert orgs is not None
    assert orgs.group(1).split(" / ") == [t.label_zh for t in list(ApplicantType)[1:]]


def test_every_row_has_a_basis() -> None:
    for row in OutcomeRow:
        assert row.basis, row
    for t in ApplicantType:
        assert t.basis, t
