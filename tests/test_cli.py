from __future__ import annotations

import subprocess
import sys


def test_closed_pipe_ends_quietly() -> None:
    # The reader closes the pipe before opengov writes (as `| head` does).
    proc = subprocess.Popen(
        [sys.executable, "-m", "opengov", "calendar", "2026"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err


def test_help_lists_every_area() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "opengov", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("vocab", "calendar", "workdays", "deadline", "report"):
        assert command in out
