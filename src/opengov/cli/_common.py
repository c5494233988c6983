"""Helpers shared by the command-line areas: dates, numbers, the provisional hint."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from opengov._show import show
from opengov.errors import CalendarCoverageError, InvalidDateError, InvalidInputError


def parse_date(text: str, name: str) -> date:
    """A YYYY-MM-DD argument as a date, or InvalidDateError saying how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(f"{name} must be a date like 2026-09-28, got {show(text)}") from None


def parse_int(text: str, name: str) -> int:
    """A whole-number argument, or InvalidInputError."""
    try:
        return int(text)
    except ValueError:
        raise InvalidInputError(f"{name} must be a whole number, got {show(text)}") from None


def add_provisional_flag(parser: argparse.ArgumentParser) -> None:
    """The ``--provisional`` opt-in, worded the same for every command."""
    parser.add_argument(
        "--provisional",
        action="store_true",
        help="answer years without a State Council notice from the statutory rules (flagged)",
    )


@contextmanager
def coverage_hint(args: argparse.Namespace) -> Iterator[None]:
    """Point command-line users at ``--provisional`` rather than the Python call."""
    try:
        yield
    except CalendarCoverageError as exc:
        if args.provisional or "provisional=True" not in str(exc):
            raise
        raise CalendarCoverageError(
            f"{exc}; on the command line, add --provisional for a flagged answer"
        ) from None
