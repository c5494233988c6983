"""Building the tidy frame of many reports: the columnar ``to_frame`` against the
record-per-cell implementation it replaced (kept here as ``before``).

The reports are the real corpus (``tests/data/reports/corpus``: 2019-2025 reports
read from their pages, as a batch read gives them), each repeated under another
source name until there are N reports, as a national crawl would hold many reports
of the same shapes. For each N the table gives the wall time of the build (best of
3), the frame's memory (``memory_usage(deep=True)``), the peak of the memory
allocated while building it (tracemalloc, measured in a run of its own) and the
bytes per cell. ``before`` is measured on fewer reports (it takes about 1.4 ms a
cell); its cost is linear in cells. ``OPENGOV_BENCH_QUICK=1`` makes it a smoke run.
Targets (issue 12): 10,000 reports' cells in at most 2 s and 100 MB, linear in
reports.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _quick import scaled
from opengov.reports import AnnualReport, read_reports, to_frame

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "data" / "reports" / "corpus"


def before(reports: list[AnnualReport]) -> Any:
    """The implementation ``to_frame`` replaced: one record tuple per cell, floats."""
    import pandas as pd

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
        for r in reports
        for ref, cell in r.items()
    ]
    columns = ["agency", "year", "format", "table", "row", "column", "value", "kind"]
    return pd.DataFrame.from_records(records, columns=[*columns, "row_zh", "column_zh", "source"])


def _corpus(n: int) -> list[AnnualReport]:
    seed = [
        r.report
        for r in read_reports(str(CORPUS))
        if isinstance(r.report, AnnualReport) and not r.source.startswith(str(CORPUS / "legacy"))
    ]
    out = []
    for i in range(n):
        r = seed[i % len(seed)]
        out.append(AnnualReport.model_validate({**dict(r), "source": f"crawl/{i:06d}/{r.source}"}))
    return out


def _best(
    build: Callable[[list[AnnualReport]], Any], reports: list[AnnualReport]
) -> tuple[float, Any]:
    best = float("inf")
    frame = None
    for _ in range(scaled(3)):
        frame = None
        gc.collect()
        t = time.perf_counter()
        frame = build(reports)
        best = min(best, time.perf_counter() - t)
    return best, frame


def _peak(build: Callable[[list[AnnualReport]], Any], reports: list[AnnualReport]) -> int:
    gc.collect()
    tracemalloc.start()
    frame = build(reports)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del frame
    return peak


def main() -> None:
    sizes = [scaled(1_000, 10), scaled(10_000, 20), scaled(20_000, 40)]
    before_size = scaled(1_000, 10)
    print(
        f"{'build':<8} {'reports':>8} {'cells':>10} {'wall s':>8} {'frame MB':>9} "
        f"{'peak MB':>8} {'B/cell':>7} {'µs/cell':>8}"
    )
    rows = [("before", before, before_size)] + [("to_frame", to_frame, n) for n in sizes]
    for name, build, n in rows:
        reports = _corpus(n)
        wall, frame = _best(build, reports)
        size = int(frame.memory_usage(deep=True).sum())
        cells = len(frame)
        del frame
        peak = _peak(build, reports)
        print(
            f"{name:<8} {n:>8,} {cells:>10,} {wall:>8.3f} {size / 1e6:>9.1f} "
            f"{peak / 1e6:>8.1f} {size / cells:>7.1f} {wall / cells * 1e6:>8.3f}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
