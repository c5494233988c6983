"""The curl examples of docs/howto/embed-from-another-language.md, run for real.

Every ``$ curl`` line of a ``console`` block is run (with ``curl`` from the system)
against a live service, and each line of the output shown under it must appear in
the answer printed as indented JSON; ``…`` lines and lone brackets are skipped, a
trailing comma is ignored. The README's one-line start is checked too.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from opengov.server import ServerSettings
from server_support import running

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "docs" / "howto" / "embed-from-another-language.md"
DOCUMENTED = "http://127.0.0.1:8000"


def _examples() -> list[tuple[str, list[str]]]:
    text = PAGE.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        lines = block.splitlines()
        assert lines[0].startswith("$ curl "), lines[0]
        found.append((lines[0][2:], lines[1:]))
    return found


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed (Debian/Ubuntu: apt-get install curl)")
    with running(ServerSettings()) as url:
        yield url


def _shown(line: str) -> str:
    return line.strip().removesuffix(",")


def test_the_page_has_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=lambda x: str(x)[:40])
def test_curl_example(base: str, command: str, expected: list[str]) -> None:
    args = [arg.replace(DOCUMENTED, base) for arg in shlex.split(command)]
    done = subprocess.run(args, capture_output=True, cwd=ROOT, timeout=120, check=True)
    actual = json.dumps(json.loads(done.stdout), ensure_ascii=False, indent=2)
    lines = {_shown(line) for line in actual.splitlines()}
    for line in expected:
        want = _shown(line)
        if want in ("…", "{", "}", "[", "]", ""):
            continue
        assert want in lines, (want, actual[:3000])


def test_readme_shows_the_one_line_start() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install "opengov-cn[server]" && opengov serve' in readme
