"""Legacy 2008-2018 reply statistics as result rows."""

from __future__ import annotations

import pytest

from opengov import NeedsInterpretationError, OutcomeRow, ReportFormat
from opengov.legacy import LegacyOutcome as L
from opengov.reports.legacy import assume_result_counts, to_result_counts


def test_lossless_lines_convert() -> None:
    got = to_result_counts({L.AGREED: 3, L.REFUSED_PRIVACY: 1}, ReportFormat.F2019)
    assert got == {
        OutcomeRow.DISCLOSED: 3,
        OutcomeRow.WITHHELD_THIRD_PARTY: 1,
        OutcomeRow.TOTAL: 4,
    }


def test_interpretation_needs_assume() -> None:
    counts = {L.TOLD_TO_AMEND: 2, L.REFUSED: 1, L.REFUSED_STATE_SECRET: 1}
    with pytest.raises(NeedsInterpretationError, match="has no lossless 2021-format row"):
        to_result_counts(counts, ReportFormat.F2021)
    got = assume_result_counts(counts, ReportFormat.F2021)
    assert got[OutcomeRow.OTHER_NOT_CORRECTED] == 2
    assert got[OutcomeRow.TOTAL] == 3  # the 不同意公开 total is not counted twice


def test_refusal_total_without_reasons_is_refused() -> None:
    with pytest.raises(NeedsInterpretationError, match="sub-reasons"):
        assume_result_counts({L.REFUSED: 4}, ReportFormat.F2021)
