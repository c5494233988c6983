"""Running the real service on a loopback port, and talking to it with the stdlib.

:func:`running` starts uvicorn in a thread on an ephemeral port of 127.0.0.1 and
stops it afterwards; :func:`call` sends one request and returns the status, the
headers and the body (never raising on a 4xx/5xx).
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import pytest

uvicorn = pytest.importorskip(
    "uvicorn", reason='the service needs the server extra: pip install -e ".[server]"'
)
pytest.importorskip(
    "fastapi", reason='the service needs the server extra: pip install -e ".[server]"'
)

from opengov.server import ServerSettings, create_app  # noqa: E402


class Reply(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@contextmanager
def running(settings: ServerSettings | None = None, **kwargs: Any) -> Iterator[str]:
    """The base URL of a live service (uvicorn in a thread, loopback, ephemeral port)."""
    app = create_app(settings or ServerSettings(), **kwargs)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="critical", lifespan="off", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    limit = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > limit or not thread.is_alive():
            raise RuntimeError("the service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def call(
    base: str,
    method: str,
    path: str,
    body: object = None,
    *,
    content_type: str | None = None,
    token: str | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> Reply:
    """One request; a dict or list body is sent as JSON."""
    data: bytes | None
    if body is None or isinstance(body, bytes):
        data = body
    else:
        data = json.dumps(body).encode()
        content_type = content_type or "application/json"
    sent = dict(headers or {})
    if content_type is not None:
        sent["Content-Type"] = content_type
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, data=data, method=method, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, dict(response.headers.items()), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers.items()), error.read())
