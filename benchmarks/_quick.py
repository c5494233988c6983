"""Quick mode for the benchmark scripts, shared by all of them.

With ``OPENGOV_BENCH_QUICK=1`` in the environment every script does a token amount
of work (a few calls, small arrays, one repeat) so that the whole suite runs in
seconds; the tests use it to check that each script still runs and prints its
table. The numbers it prints then mean nothing.
"""

from __future__ import annotations

import os

QUICK = os.environ.get("OPENGOV_BENCH_QUICK", "").strip() not in ("", "0")


def scaled(full: int, quick: int = 1) -> int:
    """``full`` normally, ``quick`` in quick mode (repeats, loop counts, sizes)."""
    return quick if QUICK else full


def seconds(full: float, quick: float = 0.02) -> float:
    """A measuring time: ``full`` seconds normally, ``quick`` in quick mode."""
    return quick if QUICK else full
