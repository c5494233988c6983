"""The ``opengov`` command line.

Each area registers its subcommands from its own module in this package; errors a
user can cause are printed as one line and give exit status 2 (1 is kept for
"the command ran and found problems", e.g. a report check with error findings).
No traceback reaches the user: an error opengov did not expect is one line too,
asking for a report (exit status 2), and Ctrl-C ends with status 130.
``opengov --version`` prints the distribution's name and version.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from opengov.cli._common import Parser, one_line
from opengov.errors import OpenGovError

DISTRIBUTION = "opengov-cn"  # the name opengov is installed under (pip install opengov-cn)

# Modules with a ``register(subparsers)`` function, in the order shown in --help.
_AREAS: tuple[str, ...] = (
    "vocab",
    "calendar",
    "deadline",
    "report",
    "serve",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (exposed for documentation and tests)."""
    import importlib

    from opengov._version import VERSION

    parser = Parser(
        prog="opengov",
        description="China's Regulations on Open Government Information: "
        "vocabulary, working-day deadlines and annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"{DISTRIBUTION} {VERSION}")
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
        print(f"opengov: error [{exc.code}]: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. `opengov calendar 2026 | head`): stop quietly,
        # and point stdout at devnull so the interpreter's final flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "input"
        print(f"opengov: error [invalid_input]: {where}: {first['msg']}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("opengov: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, not a traceback
        print(
            f"opengov: internal error ({type(exc).__name__}): {one_line(str(exc))}; "
            "please report it with the command you ran",
            file=sys.stderr,
        )
        return 2
    return status
