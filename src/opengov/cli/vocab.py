"""``opengov vocab``: print the vocabulary as a table, as JSON, or the model schemas."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``vocab`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "vocab",
        help="print the vocabulary (codes, labels, citations)",
        description="Print opengov's vocabulary: every code with its official Chinese "
        "label, English label and legal basis.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="VOCABULARY",
        help="only these vocabularies, e.g. ExemptionGround ReplyType (default: all)",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="print the vocabulary as JSON (the wire format)"
    )
    output.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of every public model"
    )
    parser.set_defaults(run=run)


def _select(vocabularies: dict[str, Any], names: list[str]) -> dict[str, Any]:
    from opengov.errors import UnknownCodeError

    if not names:
        return vocabularies
    unknown = [n for n in names if n not in vocabularies]
    if unknown:
        raise UnknownCodeError(
            f"unknown vocabulary {unknown[0]!r}; known: {', '.join(vocabularies)}"
        )
    return {n: vocabularies[n] for n in names}


def _render(args: argparse.Namespace) -> str:
    from opengov.vocabulary import export_vocabulary, json_schemas

    if args.schema:
        return json.dumps(_select(json_schemas(), args.names), ensure_ascii=False, indent=2)
    data = export_vocabulary()
    data["vocabularies"] = _select(data["vocabularies"], args.names)
    if args.json:
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines: list[str] = []
    for name, vocab in data["vocabularies"].items():
        lines.append(f"== {name}: {vocab['description']}")
        width = max(len(m["code"]) for m in vocab["members"])
        for m in vocab["members"]:
            basis = "; ".join(c["citation"] for c in m["basis"])
            lines.append(f"  {m['code']:<{width}}  {m['label_zh']}")
            lines.append(f"  {'':<{width}}  {m['label_en']} [{basis}]")
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print what ``args`` asks for; returns the exit status."""
    text = _render(args)
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (e.g. ``| head``) stopped early: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0
