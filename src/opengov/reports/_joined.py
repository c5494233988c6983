"""Rows printed as one run of digits: splitting them by arithmetic (private).

Some copies of a report lose the separators between a row's cells: a crawler
that joins a table row's text prints 58, 0, 0, 0, 0, 0, 58 as ``5800000 58``
(a space survives where a cell held one). Such a run is split only when exactly
one split is possible:

- every cell holds a whole number; a count of two or more digits never starts
  with 0 (a printed 0 is a cell of its own), and no count has more than
  :data:`MAX_PART_DIGITS` digits;
- a printed space is a cell boundary;
- the row's arithmetic holds: in table 三 the six applicant columns sum to 总计,
  in table 四 each group's four results sum to its 总计 (table 二 has none: there
  only a run with one digit per cell has one split);
- where the row alone admits several splits, table 三's balances between rows
  (一 + 二 = （七）+ 四 and the result rows summing to （七）, column by column)
  may leave one.

The search is bounded: runs longer than :data:`MAX_RUN_DIGITS` digits are not
split, the depth-first search over cell boundaries stops after
:data:`MAX_STEPS` steps (giving up leaves the cells unread), and the balances
are tried only while the combinations of candidate rows number at most
:data:`MAX_COMBINATIONS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from itertools import product
from typing import NamedTuple

from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.reports.model import (
    APPLICANT_COLUMNS,
    AnnualReport,
    ApplicationTable,
    Cell,
    CellKind,
    CellRef,
    DisclosureTable,
    Recovery,
    RecoveryRule,
    ReviewTable,
    disclosure_layout,
)

MAX_PART_DIGITS = 7  # a count of 10 million or more is not a report's
MAX_RUN_DIGITS = 96
MAX_STEPS = 60_000  # per run
MAX_REPORT_STEPS = 250_000  # per report, all runs together
MAX_COMBINATIONS = 4096
KEEP = 20  # candidate splits kept in a Recovery (as many as it allows)

_RUN = re.compile(r"[0-9]+(?:[ \t\u3000]+[0-9]+)*")


class Group(NamedTuple):
    """Consecutive cells of a row: ``addends`` numbers, then their sum if ``total``."""

    addends: int
    total: bool


APPLICATION_ROW = (Group(6, True),)
REVIEW_ROW = (Group(4, True),) * 3


class Splits(NamedTuple):
    """The splits of a run: the first :data:`KEEP` and how many there are in all
    (``None`` when the search gave up)."""

    found: tuple[tuple[int, ...], ...]
    number: int | None


class _GiveUp(Exception):
    pass


class Budget:
    """Search steps left; one budget is shared by all the runs of a report."""

    def __init__(self, steps: int) -> None:
        self.steps = steps


def is_run(text: str | None) -> bool:
    """True when ``text`` is digits, maybe with spaces between them, and nothing else.

    >>> is_run("5800000 58"), is_run("58|0"), is_run("")
    (True, False, False)
    """
    return text is not None and _RUN.fullmatch(text.strip()) is not None


def splits(
    printed: str, groups: Sequence[Group], keep: int = KEEP, budget: Budget | None = None
) -> Splits:
    """Every way to cut ``printed`` into the cells of ``groups`` that the rules allow.

    The ways are counted by dynamic programming over (position, cells left, sum
    left), so the count is exact; then the first ``keep`` are listed by walking
    only into branches that lead to one.

    >>> splits("5800000 58", APPLICATION_ROW)
    Splits(found=((58, 0, 0, 0, 0, 0, 58),), number=1)
    >>> splits("270020130", APPLICATION_ROW).found  # the row alone leaves two
    ((2, 7, 0, 0, 20, 1, 30), (27, 0, 0, 2, 0, 1, 30))
    >>> splits("3", APPLICATION_ROW)
    Splits(found=(), number=0)
    """
    if not is_run(printed):
        return Splits((), 0)
    chunks = printed.split()
    digits = "".join(chunks)
    length = len(digits)
    cells = sum(g.addends + g.total for g in groups)
    if length < cells or length > cells * MAX_PART_DIGITS:
        return Splits((), 0)
    if length > MAX_RUN_DIGITS:
        return Splits((), None)
    # next_break[i]: the first printed boundary after position i (or the end)
    breaks = set()
    at = 0
    for chunk in chunks[:-1]:
        at += len(chunk)
        breaks.add(at)
    next_break = [length] * (length + 1)
    for i in range(length - 1, -1, -1):
        next_break[i] = i + 1 if (i + 1) in breaks else next_break[i + 1]
    shared = budget if budget is not None else Budget(MAX_STEPS)
    steps = min(MAX_STEPS, shared.steps)

    def tick() -> None:
        nonlocal steps
        steps -= 1
        shared.steps -= 1
        if steps < 0:
            raise _GiveUp

    def parts_at(i: int, end: int) -> Iterator[tuple[int, int]]:
        """(value, end) of each count that may start at ``i`` and end by ``end``."""
        stop = min(end, next_break[i], i + (1 if digits[i] == "0" else MAX_PART_DIGITS))
        for e in range(i + 1, stop + 1):
            yield int(digits[i:e]), e

    part_memo: dict[tuple[int, int, int, int], int] = {}

    def ways(i: int, end: int, k: int, left: int) -> int:
        """Ways to cut digits[i:end] into ``k`` counts summing to ``left`` (-1: any)."""
        if k == 0:
            return int(i == end and left <= 0)
        width = MAX_PART_DIGITS if left < 0 else len(str(left))  # no count exceeds ``left``
        if not k <= end - i <= k * width:
            return 0
        if left == 0:
            return int(digits[i:end] == "0" * k)
        if left > 0:
            # the longest of k counts has at least ceil(n/k) digits, hence a value of
            # at least 10**(that - 1); the largest sum has one count of n-k+1 digits
            n = end - i
            if left < 10 ** (-(-n // k) - 1) or left > 10 ** (n - k + 1) + 9 * k:
                return 0
        key = (i, end, k, left)
        if key not in part_memo:
            tick()
            total = 0
            for value, e in parts_at(i, end):
                if left >= 0 and value > left:
                    break
                total += ways(e, end, k - 1, left - value if left >= 0 else -1)
            part_memo[key] = total
        return part_memo[key]

    def totals(pos: int, group: Group) -> Iterator[tuple[int, int, int]]:
        """(end of the addends, the group's total, end of the group) that may follow.

        No addend has more digits than the total, so the addends take at most
        ``addends`` times as many digits as the total."""
        if not group.total:
            yield length, -1, length
            return
        k = group.addends
        for a_end in range(pos + k, min(length - 1, pos + k * MAX_PART_DIGITS) + 1):
            for value, g_end in parts_at(a_end, length):
                if a_end - pos <= k * (g_end - a_end):
                    yield a_end, value, g_end

    group_memo: dict[tuple[int, int], int] = {}

    def rest(pos: int, gi: int) -> int:
        """Ways to read digits[pos:] as groups[gi:]."""
        if gi == len(groups):
            return int(pos == length)
        key = (pos, gi)
        if key not in group_memo:
            tick()
            total = 0
            for a_end, value, g_end in totals(pos, groups[gi]):
                inner = ways(pos, a_end, groups[gi].addends, value)
                if inner:
                    total += inner * rest(g_end, gi + 1)
            group_memo[key] = total
        return group_memo[key]

    def listed(i: int, end: int, k: int, left: int) -> Iterator[tuple[int, ...]]:
        if k == 0:
            yield ()
            return
        for value, e in parts_at(i, end):
            if left >= 0 and value > left:
                break
            after = left - value if left >= 0 else -1
            if ways(e, end, k - 1, after):
                for tail in listed(e, end, k - 1, after):
                    yield (value, *tail)

    def walk(pos: int, gi: int) -> Iterator[tuple[int, ...]]:
        if gi == len(groups):
            yield ()
            return
        group = groups[gi]
        for a_end, value, g_end in totals(pos, group):
            if ways(pos, a_end, group.addends, value) and rest(g_end, gi + 1):
                for head in listed(pos, a_end, group.addends, value):
                    for tail in walk(g_end, gi + 1):
                        yield (*head, *((value,) if group.total else ()), *tail)

    if steps <= 0:
        return Splits((), None)
    try:
        number = rest(0, 0)
        found: list[tuple[int, ...]] = []
        for split in walk(0, 0):
            if len(found) >= keep:
                break
            found.append(split)
    except _GiveUp:
        return Splits((), None)
    return Splits(tuple(found), number)


# ------------------------------------------------------------------ the report


def recover(report: AnnualReport) -> AnnualReport:
    """``report`` with its joined runs split where exactly one split is possible.

    A row is a joined run when all its cells are unread with the same raw text,
    digits and spaces only (how the readers mark a run they could not place).
    Every run considered is recorded in :attr:`AnnualReport.recoveries`.
    """
    budget = Budget(MAX_REPORT_STEPS)
    disclosure, rec2 = _disclosure(report.disclosure, budget)
    applications, rec3 = _applications(report.applications, budget)
    review, rec4 = _review(report.review, budget)
    if not (rec2 or rec3 or rec4):
        return report
    return AnnualReport(
        **{
            **dict(report),
            "disclosure": disclosure,
            "applications": applications,
            "review": review,
            "recoveries": (*report.recoveries, *rec2, *rec3, *rec4),
        }
    )


def _run_of(cells: Sequence[Cell]) -> str | None:
    """The printed run when every cell is unread with it as raw text."""
    first = cells[0].raw
    if len(cells) < 2 or not is_run(first):
        return None
    if all(c.kind is CellKind.UNREAD and c.raw == first for c in cells):
        return first
    return None


def _recovered(values: Sequence[int], money: Sequence[bool] | None = None) -> tuple[Cell, ...]:
    flags = money or [False] * len(values)
    return tuple(
        Cell(kind=CellKind.NUMBER, value=Decimal(v) if m else v, recovered=True)
        for v, m in zip(values, flags, strict=True)
    )


def _record(
    refs: Sequence[CellRef],
    printed: str,
    found: Splits,
    values: tuple[int, ...] | None,
    rule: RecoveryRule,
) -> Recovery:
    return Recovery(
        cells=tuple(refs),
        printed=printed,
        values=values,
        rule=rule if values is not None else RecoveryRule.UNRESOLVED,
        row_splits=found.number,
        candidates=found.found[:KEEP],
    )


def _review(table: ReviewTable, budget: Budget) -> tuple[ReviewTable, tuple[Recovery, ...]]:
    run = _run_of(table.cells)
    if run is None:
        return table, ()
    found = splits(run, REVIEW_ROW, budget=budget)
    refs = [ref for ref, _ in table.items()]
    if found.number != 1:
        return table, (_record(refs, run, found, None, RecoveryRule.UNRESOLVED),)
    values = found.found[0]
    rec = _record(refs, run, found, values, RecoveryRule.ROW)
    return ReviewTable(cells=_recovered(values)), (rec,)


def _disclosure(
    table: DisclosureTable, budget: Budget
) -> tuple[DisclosureTable, tuple[Recovery, ...]]:
    cells = list(table.cells)
    items = list(table.items())
    records: list[Recovery] = []
    i = 0
    for section in disclosure_layout(table.format):
        n = len(section.columns)
        money = [c.is_money for c in section.columns]
        for _row in section.rows:
            run = _run_of(cells[i : i + n])
            if run is not None:
                found = splits(run, (Group(n, False),), budget=budget)
                refs = [ref for ref, _ in items[i : i + n]]
                if found.number == 1:
                    values = found.found[0]
                    cells[i : i + n] = _recovered(values, money)
                    records.append(_record(refs, run, found, values, RecoveryRule.ROW))
                else:
                    records.append(_record(refs, run, found, None, RecoveryRule.UNRESOLVED))
            i += n
    if not records:
        return table, ()
    return DisclosureTable(format=table.format, cells=tuple(cells)), tuple(records)


# Table 三's balances, column by column: rows with their signs summing to zero.
def _balances(
    fmt: ReportFormat,
) -> Iterator[tuple[RecoveryRule, tuple[tuple[OutcomeRow, int], ...]]]:
    yield (
        RecoveryRule.BALANCE,
        (
            (OutcomeRow.RECEIVED, 1),
            (OutcomeRow.CARRIED_OVER, 1),
            (OutcomeRow.TOTAL, -1),
            (OutcomeRow.CARRIED_FORWARD, -1),
        ),
    )
    yield (
        RecoveryRule.RESULTS,
        (*((r, 1) for r in fmt.counted_rows), (OutcomeRow.TOTAL, -1)),
    )


def _known(cells: Sequence[Cell]) -> tuple[int, ...] | None:
    """The row's numbers for the balances (blank as 0), or ``None``."""
    out: list[int] = []
    for c in cells:
        n = c.as_count()
        if n is None or n != int(n):
            return None
        out.append(int(n))
    return tuple(out)


def _applications(
    table: ApplicationTable, budget: Budget
) -> tuple[ApplicationTable, tuple[Recovery, ...]]:
    fmt = table.format
    runs: dict[OutcomeRow, tuple[str, Splits]] = {}
    options: dict[OutcomeRow, list[tuple[int, ...]] | None] = {}
    for row, cells in zip(fmt.rows, table.cells, strict=True):
        run = _run_of(cells)
        if run is None:
            known = _known(cells)
            options[row] = None if known is None else [known]
            continue
        found = splits(run, APPLICATION_ROW, budget=budget)
        runs[row] = (run, found)
        usable = found.number is not None and 0 < found.number <= KEEP
        options[row] = list(found.found) if usable else None
    if not runs:
        return table, ()
    decided = _narrow(fmt, options)
    rows = list(table.cells)
    records: list[Recovery] = []
    for i, row in enumerate(fmt.rows):
        if row not in runs:
            continue
        run, found = runs[row]
        left = options[row]
        refs = [CellRef.applications(row, c) for c in APPLICANT_COLUMNS]
        if left is not None and len(left) == 1:
            rule = RecoveryRule.ROW if found.number == 1 else decided[row]
            rows[i] = _recovered(left[0])
            records.append(_record(refs, run, found, left[0], rule))
        else:
            records.append(_record(refs, run, found, None, RecoveryRule.UNRESOLVED))
    return ApplicationTable(format=fmt, cells=tuple(rows)), tuple(records)


def _narrow(
    fmt: ReportFormat, options: dict[OutcomeRow, list[tuple[int, ...]] | None]
) -> dict[OutcomeRow, RecoveryRule]:
    """Drop candidate splits no combination satisfying a balance uses; the rule that
    left one candidate for a row, by row. A balance no combination satisfies (the
    published table does not add up) tells nothing and is skipped."""
    decided: dict[OutcomeRow, RecoveryRule] = {}
    balances = list(_balances(fmt))
    changed = True
    while changed:
        changed = False
        for rule, terms in balances:
            sets = [options[r] for r, _ in terms]
            if any(s is None for s in sets):
                continue
            choices = [s for s in sets if s is not None]
            open_rows = [k for k, s in enumerate(choices) if len(s) > 1]
            if not open_rows:
                continue
            size = 1
            for k in open_rows:
                size *= len(choices[k])
            if size > MAX_COMBINATIONS:
                continue
            fixed = [0] * 7
            for k, (_, sign) in enumerate(terms):
                if k not in open_rows:
                    fixed = [f + sign * v for f, v in zip(fixed, choices[k][0], strict=True)]
            used: dict[int, set[tuple[int, ...]]] = {k: set() for k in open_rows}
            for combo in product(*(choices[k] for k in open_rows)):
                sums = list(fixed)
                for k, vector in zip(open_rows, combo, strict=True):
                    sign = terms[k][1]
                    sums = [s + sign * v for s, v in zip(sums, vector, strict=True)]
                if not any(sums):
                    for k, vector in zip(open_rows, combo, strict=True):
                        used[k].add(vector)
            if not any(used.values()):
                continue
            for k in open_rows:
                row = terms[k][0]
                kept = [c for c in choices[k] if c in used[k]]
                if len(kept) < len(choices[k]):
                    options[row] = kept
                    changed = True
                    if len(kept) == 1:
                        decided[row] = rule
    return decided
