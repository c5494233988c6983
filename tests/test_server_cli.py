"""``opengov serve``: starts, binds loopback, reads its token, explains a missing extra."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from opengov.cli import main

ROOT = Path(__file__).parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    env.pop("OPENGOV_TOKEN", None)
    return env


def _status(url: str, token: str | None = None) -> int:
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return e.code


def test_serve_starts_on_loopback_with_a_token_file(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn", reason='pip install "opengov-cn[server]"')
    token = "file-token-0123456789abcdef"
    (tmp_path / "token").write_text(token + "\n", encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "opengov", "serve", "--port", str(port), "--token-file",
         str(tmp_path / "token")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
    )  # fmt: skip
    try:
        limit = time.monotonic() + 60
        while True:
            try:
                assert _status(f"http://127.0.0.1:{port}/health") == 200
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < limit, "the service did not start"
                time.sleep(0.1)
        assert _status(f"http://127.0.0.1:{port}/v1/vocabulary") == 401
        assert _status(f"http://127.0.0.1:{port}/v1/vocabulary", token) == 200
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert b"127.0.0.1:" in err  # uvicorn's start line names the loopback address


def test_serve_without_the_extra_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['fastapi'] = None\n"
        "from opengov.cli import main\n"
        "sys.exit(main(['serve']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=60
    )
    assert done.returncode == 2
    assert "opengov: error [missing_extra]" in done.stderr
    assert 'pip install "opengov-cn[server]"' in done.stderr
    assert "Traceback" not in done.stderr


def test_a_short_token_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "token").write_text("short\n", encoding="utf-8")
    assert main(["serve", "--token-file", str(tmp_path / "token")]) == 2
    assert "at least 16 characters" in capsys.readouterr().err


def test_a_missing_token_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--token-file", "no/such/token"]) == 2
    err = capsys.readouterr().err
    assert "cannot read the token file" in err
    assert err.count("\n") == 1
