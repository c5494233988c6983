"""The HTTP service under load, on loopback: deadlines, applications and report checks.

Starts ``opengov serve`` in its own process on a free 127.0.0.1 port, then sends a
fixed number of requests (20,000 by default) over 64 keep-alive connections from an
asyncio client in this process: reply deadlines with an extension, application
histories replayed into status and deadlines (with explanations), and report checks
(the hand-made 2021 report of ``tests/data/reports``, read in a child process per
upload). Prints the latency percentiles per kind of request, the throughput, and
the number of errors (any answer but 200, or a broken connection); exits 1 if there
was one.

Run: ``python benchmarks/bench_server.py [--requests N] [--connections C]
[--report-share S]`` (needs the ``server`` extra); ``OPENGOV_BENCH_QUICK=1`` makes it
a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from _quick import QUICK, scaled

ROOT = Path(__file__).resolve().parent.parent
REPORT = (ROOT / "tests" / "data" / "reports" / "f2021-errors.txt").read_bytes()
APP = {
    "channel": "in_person",
    "applicant_type": "natural_person",
    "submitted_on": "2026-09-28",
    "events": [
        {"kind": "consultation_sent", "on": "2026-10-09", "party": "third_party"},
        {"kind": "opinion_received", "on": "2026-10-16", "party": "third_party"},
        {"kind": "extension_approved", "on": "2026-10-20", "days": 10},
    ],
}
BODIES = {
    "deadline": (
        "/v1/deadlines/reply",
        "application/json",
        json.dumps({"received_on": "2026-09-28", "extended": True}).encode(),
    ),
    "application": (
        "/v1/applications/status",
        "application/json",
        json.dumps({"application": APP, "as_of": "2026-10-21"}).encode(),
    ),
    "report": ("/v1/reports/check", "text/plain; charset=utf-8", REPORT),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start(port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    env.pop("OPENGOV_TOKEN", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "opengov", "serve", "--port", str(port), "--report-workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    limit = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            if server.poll() is not None or time.monotonic() > limit:
                raise RuntimeError("the service did not start") from None
            time.sleep(0.1)


async def _request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, kind: str
) -> tuple[int, bytes]:
    path, ctype, body = BODIES[kind]
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {ctype}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    writer.write(head + body)
    await writer.drain()
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _worker(port: int, plan: list[str], out: list[tuple[str, float, bool]]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for kind in plan:
            start = time.perf_counter()
            try:
                status, _ = await _request(reader, writer, kind)
                ok = status == 200
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
                ok = False
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            out.append((kind, time.perf_counter() - start, ok))
    finally:
        writer.close()


def _plan(requests: int, report_share: float) -> list[str]:
    every = max(1, round(1 / report_share)) if report_share > 0 else 0
    plan = []
    for i in range(requests):
        if every and i % every == every - 1:
            plan.append("report")
        else:
            plan.append("deadline" if i % 2 else "application")
    return plan


async def _run(
    port: int, requests: int, connections: int, share: float
) -> tuple[list[tuple[str, float, bool]], float]:
    plan = _plan(requests, share)
    out: list[tuple[str, float, bool]] = []
    start = time.perf_counter()
    await asyncio.gather(*(_worker(port, plan[i::connections], out) for i in range(connections)))
    return out, time.perf_counter() - start


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=scaled(20_000, 60))
    parser.add_argument("--connections", type=int, default=scaled(64, 4))
    parser.add_argument("--report-share", type=float, default=0.05)
    args = parser.parse_args(argv)
    header = "kind           requests  errors    p50 ms    p90 ms    p99 ms    max ms"
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        print(header)
        print('skipped: the server extra is not installed (pip install "opengov-cn[server]")')
        return 0
    port = _free_port()
    server = _start(port)
    try:
        # warm up: first answers build the calendar tables and the fork server
        asyncio.run(_run(port, 30, 3, 0.34))
        out, wall = asyncio.run(_run(port, args.requests, args.connections, args.report_share))
    finally:
        server.terminate()
        server.wait(20)
    print(header)
    errors = 0
    for kind in ("deadline", "application", "report", "all"):
        rows = [(k, t, ok) for k, t, ok in out if kind in ("all", k)]
        if not rows:
            continue
        times = [t for _, t, _ in rows]
        bad = sum(not ok for _, _, ok in rows)
        if kind == "all":
            errors = bad
        print(
            f"{kind:<14} {len(rows):>8} {bad:>7} {_pct(times, 50):>9.2f} {_pct(times, 90):>9.2f} "
            f"{_pct(times, 99):>9.2f} {max(times) * 1000:>9.2f}"
        )
    print(
        f"{len(out)} requests in {wall:.1f} s: {len(out) / wall:,.0f} requests/s over "
        f"{args.connections} connections; mean {statistics.fmean(t for _, t, _ in out) * 1000:.2f} ms"
        + (" (quick mode: numbers mean nothing)" if QUICK else "")
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
