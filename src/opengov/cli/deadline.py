"""``opengov deadline DATE``: the reply deadline for an application, explained."""

from __future__ import annotations

import argparse
import json
import warnings
from typing import Any

from opengov.cli._common import add_provisional_flag, coverage_hint, parse_date
from opengov.errors import ProvisionalCalendarWarning


def register(subparsers: Any) -> None:
    """Add the ``deadline`` subcommand."""
    from opengov.channels import SubmissionChannel

    p: argparse.ArgumentParser = subparsers.add_parser(
        "deadline",
        help="reply deadline for an application received on DATE, with its explanation",
        description="Reply deadline (Art. 33) for an application received on DATE "
        "(YYYY-MM-DD), counted on the official working-day calendar.",
    )
    p.add_argument("date", help="receipt date, YYYY-MM-DD (the Art. 31 day for the channel)")
    p.add_argument(
        "--channel",
        choices=[c.value for c in SubmissionChannel],
        default=None,
        help="how the application arrived (printed with the Art. 31 receipt rule)",
    )
    p.add_argument("--extended", action="store_true", help="add the maximum extension")
    p.add_argument("--json", action="store_true", help="print the deadline and explanation as JSON")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="explanation language")
    add_provisional_flag(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the deadline; errors propagate as OpenGovError (exit status 2)."""
    from opengov.channels import SubmissionChannel
    from opengov.deadlines import DeadlineOptions, reply_deadline

    received = parse_date(args.date, "the receipt date")
    channel = SubmissionChannel(args.channel) if args.channel else None
    options = DeadlineOptions(provisional=bool(args.provisional))
    with coverage_hint(args), warnings.catch_warnings():
        # The result carries the flag; it is printed below instead of a warning.
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        d = reply_deadline(received, extended=args.extended, options=options)
        explanation = d.explain()
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
