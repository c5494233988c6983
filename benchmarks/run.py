"""Run every benchmark script in this folder and print its table."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    scripts = sorted(p for p in HERE.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks yet")
        return 0
    for script in scripts:
        print(f"### {script.stem}")
        runpy.run_path(str(script), run_name="__main__")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
