"""``opengov deadline DATE``: the reply deadline for an application, explained.

``opengov deadline --input CASES`` computes many at once: CASES is a CSV file (header
row with ``received_on``, and optionally ``id``, ``extended``, ``channel``) or JSON
Lines with the same keys, or ``-`` for standard input; one row is written per case,
as CSV or JSON Lines (``--format``), with an ``error`` column for a case that has no
answer. The exit status is 1 when any case failed, 2 when the input cannot be read.
"""

from __future__ import annotations

import argparse
import json
import warnings
from typing import Any

from opengov.cli._common import (
    add_calendar_flags,
    calendar_from_args,
    coverage_hint,
    parse_date,
)
from opengov.errors import InvalidInputError, OpenGovError, ProvisionalCalendarWarning


def register(subparsers: Any) -> None:
    """Add the ``deadline`` subcommand."""
    from opengov.channels import SubmissionChannel

    p: argparse.ArgumentParser = subparsers.add_parser(
        "deadline",
        help="reply deadline for an application received on DATE, with its explanation",
        description="Reply deadline (Art. 33) for an application received on DATE "
        "(YYYY-MM-DD), counted on the official working-day calendar.",
    )
    p.add_argument(
        "date", nargs="?", help="receipt date, YYYY-MM-DD (the Art. 31 day for the channel)"
    )
    p.add_argument(
        "--input",
        metavar="CASES",
        help="compute a deadline for every case in a CSV or JSON Lines file (- for stdin)",
    )
    p.add_argument(
        "--format",
        choices=["csv", "jsonl"],
        default=None,
        help="output of --input (default: the input's form)",
    )
    p.add_argument(
        "--channel",
        choices=[c.value for c in SubmissionChannel],
        default=None,
        help="how the application arrived (printed with the Art. 31 receipt rule)",
    )
    p.add_argument("--extended", action="store_true", help="add the maximum extension")
    p.add_argument("--json", action="store_true", help="print the deadline and explanation as JSON")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="explanation language")
    add_calendar_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the deadline; errors propagate as OpenGovError (exit status 2)."""
    from opengov.channels import SubmissionChannel
    from opengov.deadlines import DeadlineOptions, reply_deadline

    if args.input is not None:
        if args.date is not None:
            raise InvalidInputError("give either a DATE or --input CASES, not both")
        return _run_batch(args)
    if args.date is None:
        raise InvalidInputError("give the receipt date (YYYY-MM-DD) or --input CASES")
    received = parse_date(args.date, "the receipt date")
    channel = SubmissionChannel(args.channel) if args.channel else None
    options = DeadlineOptions(provisional=bool(args.provisional))
    cal = calendar_from_args(args)
    with coverage_hint(args), warnings.catch_warnings():
        # The result carries the flag; it is printed below instead of a warning.
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        d = reply_deadline(received, extended=args.extended, options=options, calendar=cal)
        explanation = d.explain(cal)
    if args.json:
        out: dict[str, Any] = {
            "deadline": json.loads(d.model_dump_json()),
            "explanation": json.loads(explanation.model_dump_json()),
        }
        if channel is not None and d.edition is not None:
            out["channel"] = channel.value
            out["receipt_rule"] = channel.receipt_rule(d.edition).value
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(
        d.due.isoformat()
        + ("  (provisional: no State Council notice yet)" if d.provisional else "")
    )
    if channel is not None and d.edition is not None:
        rule = channel.receipt_rule(d.edition)
        print(rule.label_zh if args.lang == "zh" else rule.label_en)
    print(explanation.to_zh() if args.lang == "zh" else explanation.to_en())
    return 0


_FIELDS = [
    "id",
    "received_on",
    "extended",
    "due",
    "days",
    "extension_days",
    "provisional",
    "notices",
    "error",
]


def _flag(value: object, where: str) -> bool:
    if value in (None, "", False, "0", "false", "no"):
        return False
    if value in (True, "1", "true", "yes"):
        return True
    raise InvalidInputError(f"{where}: extended must be true or false, got {value!r:.40}")


def _run_batch(args: argparse.Namespace) -> int:
    from opengov.cli._cases import received_on, rows, write_rows
    from opengov.deadlines import DeadlineOptions, reply_deadline

    cal = calendar_from_args(args)
    options = DeadlineOptions(provisional=bool(args.provisional))
    name = "standard input" if args.input == "-" else args.input
    failed = 0
    fmt = args.format

    def records() -> Any:
        nonlocal failed
        for number, row in rows(args.input):
            where = f"{name} line {number}"
            out: dict[str, Any] = {"id": row.get("id"), "received_on": row.get("received_on")}
            try:
                day = received_on(row, where)
                extended = _flag(row.get("extended"), where)
                out["extended"] = extended
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ProvisionalCalendarWarning)
                    d = reply_deadline(day, extended=extended, options=options, calendar=cal)
                out.update(
                    due=d.due.isoformat(),
                    days=d.days,
                    extension_days=d.extension_days,
                    provisional=d.provisional,
                    notices="; ".join(f"{r.label} ({r.origin.value})" for r in d.notices),
                    error=None,
                )
            except OpenGovError as exc:
                failed += 1
                out["error"] = f"[{exc.code}] {exc}"
            yield out

    if fmt is None:
        lowered = args.input.lower()
        fmt = "csv" if lowered.endswith(".csv") else "jsonl"
    write_rows(records(), fmt, _FIELDS)
    return 1 if failed else 0
