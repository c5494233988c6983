"""``opengov serve``: run the HTTP service (needs the ``server`` extra)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="run the HTTP service (JSON API under /v1, report-check page at /)",
        description="Run opengov as an HTTP service for systems in other languages. "
        "Binds 127.0.0.1 unless told otherwise; when OPENGOV_TOKEN or --token-file "
        "gives a token, every endpoint but /health needs 'Authorization: Bearer "
        '<token>\'. Needs the server extra: pip install "opengov-cn[server]".',
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--token-file",
        metavar="FILE",
        help="read the bearer token from FILE (first line) instead of $OPENGOV_TOKEN",
    )
    parser.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser calls from ORIGIN, e.g. https://portal.example (repeatable; "
        "default: none)",
    )
    parser.add_argument(
        "--max-report-mb", type=int, default=20, help="largest report upload in MiB (default 20)"
    )
    parser.add_argument(
        "--report-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="time limit for reading one report (default 30)",
    )
    parser.add_argument(
        "--report-workers",
        type=int,
        default=2,
        help="reports read at the same time, each in its own process (default 2)",
    )
    parser.add_argument(
        "--proxy-headers",
        action="store_true",
        help="trust X-Forwarded-* from the reverse proxy at --forwarded-allow-ips",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="addresses of the trusted reverse proxy (default 127.0.0.1)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; returns the exit status."""
    from opengov.errors import InvalidInputError
    from opengov.server import ServerSettings, serve

    if not 0 <= args.port <= 65535:
        raise InvalidInputError(f"--port must be 0-65535, got {args.port}")
    if not 1 <= args.max_report_mb <= 1024:
        raise InvalidInputError(f"--max-report-mb must be 1-1024, got {args.max_report_mb}")
    settings = ServerSettings.from_env(
        token_file=args.token_file,
        host=args.host,
        port=args.port,
        cors_origins=tuple(args.cors_origin),
        max_report_bytes=args.max_report_mb << 20,
        report_timeout_seconds=args.report_timeout,
        report_workers=args.report_workers,
    )
    serve(
        settings,
        proxy_headers=args.proxy_headers,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    return 0
