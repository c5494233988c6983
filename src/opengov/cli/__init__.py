"""The ``opengov`` command line.

Each area registers its subcommands from its own module in this package; errors a
user can cause are printed as one line and give exit status 2 (1 is kept for
"the command ran and found problems", e.g. a report check with error findings).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from opengov.errors import OpenGovError

# Modules with a ``register(subparsers)`` function, in the order shown in --help.
_AREAS: tuple[str, ...] = (
    "vocab",
    "calendar",
    "deadline",
    "report",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (exposed for documentation and tests)."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="opengov",
        description="China's Regulations on Open Government Information: "
        "vocabulary, working-day deadlines and annual reports.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in _AREAS:
        importlib.import_module(f"opengov.cli.{area}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from pydantic import ValidationError

    try:
        status: int = args.run(args)
    except OpenGovError as exc:
        print(f"opengov: error [{exc.code}]: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "input"
        print(f"opengov: error [invalid_input]: {where}: {first['msg']}", file=sys.stderr)
        return 2
    return status
