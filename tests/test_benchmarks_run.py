"""The benchmark scripts still run: ``benchmarks/run.py`` in quick mode.

``OPENGOV_BENCH_QUICK=1`` (read in ``benchmarks/_quick.py``) shrinks repeats and
sizes so the whole suite takes seconds. Only that each script ran and printed its
table header is checked, never a timing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"

# the first line of each script's table
HEADERS = {
    "bench_applications": r"building a history of N events\s+cpu ms\s+µs/event\s+vs N=10\s+vs holidays",
    "bench_batch": r"workers\s+files\s+wall s\s+files/s\s+speed-up\s+cpu s\s+cpus used",
    "bench_calendar": r"benchmark\s+time\s+notes",
    "bench_disclosure": r"building a trail of N events\s+cpu ms\s+µs/event\s+vs N=10\s+rebuild ÷ this",
    "bench_deadlines": r"computation\s+µs/call\s+vs holidays",
    "bench_frame": r"build\s+reports\s+cells\s+wall s\s+frame MB\s+peak MB\s+B/cell\s+µs/cell",
    "bench_notice_parse": r"case\s+chars\s+ms\s+ns/char\s+outcome",
    "bench_reports": r"case\s+reports/s",
    "bench_server": r"kind\s+requests\s+errors\s+p50 ms\s+p90 ms\s+p99 ms\s+max ms",
}


def test_every_benchmark_script_runs_in_quick_mode() -> None:
    scripts = sorted(p.stem for p in BENCH.glob("bench_*.py"))
    # a new script needs its header here, so that it is checked too
    assert scripts == sorted(HEADERS)
    env = {**os.environ, "OPENGOV_BENCH_QUICK": "1"}
    out = subprocess.run(
        [sys.executable, str(BENCH / "run.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=BENCH.parent,
        timeout=600,  # only so that a hang fails instead of blocking the run
        check=False,
    )
    assert out.returncode == 0, out.stderr
    sections = dict(re.findall(r"^### (\S+)\n(.*?)(?=^### |\Z)", out.stdout, re.M | re.S))
    assert sorted(sections) == scripts, out.stdout
    for name, header in HEADERS.items():
        lines = sections[name].splitlines()
        assert lines, f"{name} printed nothing"
        assert re.fullmatch(header, lines[0].strip()), f"{name}: {lines[0]!r}"
        assert len(lines) > 1, f"{name} printed a header but no rows"
