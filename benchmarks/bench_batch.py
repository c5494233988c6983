"""Reading a folder of reports: one process and several, side by side.

A folder of 400 report files (copies of the real 2019 seed report as a text dump
and of the test reports as HTML and text dumps, under different names; one in ten
is a bad file, as in a crawl) is read with ``read_reports`` in one process and with
``workers=N``. The speed-up is the wall time in one process over the wall time with
N; it cannot pass the number of CPUs free. ``cpu s`` is the CPU time of this process
and its workers together: the work done, whoever did it; ``cpus used`` is that over
the wall time, how many CPUs the reading had (on a shared machine, fewer than it
asked for). Each row is the best of 5 runs (or of N: ``bench_batch.py N``), the
runs of each number of workers interleaved. ``OPENGOV_BENCH_QUICK=1`` makes it a
smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _quick import scaled
from opengov.reports import read_reports

ROOT = Path(__file__).parent.parent
SAMPLES = [
    ROOT / "examples" / "data" / "hunjiang-minzheng-2019.txt",
    ROOT / "tests" / "data" / "reports" / "f2019-errors.html",
    ROOT / "tests" / "data" / "reports" / "f2021-spans.html",
    ROOT / "tests" / "data" / "reports" / "f2021-errors.txt",
    ROOT / "tests" / "data" / "reports" / "f2021-wrapped.txt",
]


def _folder(root: Path, files: int) -> None:
    """``files`` files in folders of 50; every tenth is a page with no report."""
    for i in range(files):
        target = root / f"{i // 50:02d}" / f"{i:04d}"
        target.parent.mkdir(exist_ok=True)
        if i % 10 == 9:
            target.with_suffix(".html").write_text("<html><body>404</body></html>")
        else:
            sample = SAMPLES[i % len(SAMPLES)]
            shutil.copy(sample, target.with_suffix(sample.suffix))


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers, once reaped
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _measure(folder: Path, workers: list[int], repeats: int) -> dict[int, tuple[float, float, int]]:
    """For each number of workers, the best wall time, its CPU time and the number of
    results; the runs of each repeat are interleaved, so that a busy moment on a
    shared machine weighs on every number of workers alike."""
    best: dict[int, tuple[float, float, int]] = {}
    for _ in range(repeats):
        for w in workers:
            cpu = _cpu()
            start = time.perf_counter()
            count = sum(1 for _ in read_reports(folder, workers=w))
            wall = time.perf_counter() - start
            best[w] = min(best.get(w, (float("inf"), 0.0, 0)), (wall, _cpu() - cpu, count))
    return best


def main() -> None:
    files = scaled(400, 12)
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else scaled(5, 1)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    workers = sorted({1, 2, cpus})
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _folder(folder, files)
        list(read_reports(folder, workers=1))  # warm up: imports, pydantic schemas
        best = _measure(folder, workers, repeats)
    one = best[1][0]
    print(
        f"{'workers':<10}{'files':>7}{'wall s':>9}{'files/s':>10}{'speed-up':>10}"
        f"{'cpu s':>8}{'cpus used':>11}"
    )
    for w in workers:
        wall, cpu, n = best[w]
        print(
            f"{w:<10}{n:>7}{wall:>9.2f}{n / wall:>10.0f}{one / wall:>9.2f}x"
            f"{cpu:>8.2f}{cpu / wall:>11.2f}"
        )
    print(f"({cpus} CPUs; best of {repeats}; load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
