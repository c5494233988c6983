"""Legacy 2008-2018 reply statistics (2008-2018 年度报告申请答复数) as table-三 result rows.

Reports for 2008-2018 counted replies in the wording of the old statistics form
(:class:`~opengov.legacy.LegacyOutcome`), with no applicant columns. These functions
turn such counts into counts by :class:`~opengov.OutcomeRow` of a 2019/2021 format,
for comparison with later reports (the 总计 column only):

- :func:`to_result_counts` is lossless: it raises
  :class:`~opengov.errors.NeedsInterpretationError` when any line with a non-zero
  count has no exact row;
- :func:`assume_result_counts` accepts opengov's interpretation for every line
  (see each member's ``note``).

The 不同意公开 total is never converted: give its sub-reasons. When only the total is
given, both functions raise, since its split cannot be known.

Legal basis:
    - ogi-2007:21-23 (reply types); report-format-2019, report-format-2021.

>>> from opengov.legacy import LegacyOutcome as L
>>> from opengov import ReportFormat
>>> from opengov.reports.legacy import assume_result_counts
>>> counts = {L.AGREED: 5, L.ALREADY_PUBLIC: 2, L.NOT_EXIST: 1}
>>> {r.value: n for r, n in assume_result_counts(counts, ReportFormat.F2021).items()}
{'disclosed': 7, 'unable_not_held': 1, 'total': 8}
"""

from __future__ import annotations

from collections.abc import Mapping

from opengov.errors import InvalidInputError, NeedsInterpretationError
from opengov.legacy import LegacyOutcome
from opengov.outcomes import OutcomeRow, ReportFormat

__all__ = ["assume_result_counts", "to_result_counts"]


def _convert(
    counts: Mapping[LegacyOutcome, int], fmt: ReportFormat, *, assume: bool
) -> dict[OutcomeRow, int]:
    out: dict[OutcomeRow, int] = {}
    parts_given = any(counts.get(p, 0) for m in LegacyOutcome if m.is_total for p in m.parts)
    for outcome, n in counts.items():
        m = LegacyOutcome(outcome)
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InvalidInputError(f"count for {m.label_zh} must be a non-negative int, got {n!r}")
        if n == 0:
            continue
        if m.is_total:
            if not parts_given:
                raise NeedsInterpretationError(
                    f"{m.label_zh} ({n}) is a total whose reasons are not given; "
                    "give the counts of its sub-reasons instead"
                )
            continue
        row = m.assume_report_row(fmt) if assume else m.to_report_row(fmt)
        out[row] = out.get(row, 0) + n
    out[OutcomeRow.TOTAL] = sum(out.values())
    return out


def to_result_counts(
    counts: Mapping[LegacyOutcome, int], fmt: ReportFormat
) -> dict[OutcomeRow, int]:
    """Lossless conversion to result-row counts (with （七）总计)."""
    return _convert(counts, fmt, assume=False)


def assume_result_counts(
    counts: Mapping[LegacyOutcome, int], fmt: ReportFormat
) -> dict[OutcomeRow, int]:
    """Conversion to result-row counts accepting opengov's interpretations."""
    return _convert(counts, fmt, assume=True)
