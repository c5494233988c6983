"""The calendar's fast path stays light, and the one-time build is thread-safe."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date

import pytest

from opengov.calendar import _core


def test_first_answer_imports_nothing_heavy() -> None:
    code = (
        "import sys, warnings\n"
        "warnings.simplefilter('error')\n"
        "import opengov\n"
        "from datetime import date\n"
        "print(opengov.official_calendar().add_working_days(date(2026, 9, 28), 20))\n"
        "heavy = ('pydantic', 'holidays', 'numpy', 'pandas', 'importlib.resources')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr == ""
    assert out.stdout.split("\n")[:2] == ["2026-10-30", "[]"]


def test_concurrent_first_use_builds_one_calendar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_core, "_CACHE", {})
    seen: list[object] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        cal = _core.official_calendar()
        seen.append(cal)
        assert cal.add_working_days(date(2026, 9, 28), 20) == date(2026, 10, 30)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8
    assert len({id(c) for c in seen}) == 1
