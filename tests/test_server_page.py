"""The report-check page in a real browser: headless Chromium driven over the DevTools
protocol (a websocket; ``websocket-client`` from the dev extra).

The test uploads the hand-made report ``tests/data/reports/f2021-errors.txt`` with
one cell spoiled by a superscript (二、上年结转, 商业企业: ``0³``, which opengov must
not read as a number), then reads what the page shows: the failing cells, the unread
cell, the findings in Chinese and, after the language button, in English.

Chromium is looked up as ``chromium``, ``chromium-browser``, ``google-chrome`` or
``$OPENGOV_CHROMIUM``; without one the test is skipped and says how to install it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from opengov.server import ServerSettings
from server_support import running

websocket = pytest.importorskip(
    "websocket", reason="pip install websocket-client (in the dev extra) to drive Chromium"
)

DATA = Path(__file__).parent / "data" / "reports"
HOWTO = (
    "no Chromium found: install it (Debian/Ubuntu: apt-get install chromium) or set "
    "OPENGOV_CHROMIUM to a Chromium or Chrome executable to test the report-check page"
)


def _chromium() -> str | None:
    named = os.environ.get("OPENGOV_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium page, driven by DevTools commands."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="opengov-chromium-")
        # Chromium's log goes to a file, so that a full pipe can never stall it.
        self.log = Path(self.profile) / "chromium.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    executable,
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0",
                    f"--user-data-dir={self.profile}",
                    "about:blank",
                ],
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        port = self._port()
        limit = time.monotonic() + 30
        page = None
        while page is None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
                targets = json.load(r)
            page = next((t for t in targets if t.get("type") == "page"), None)
            if page is None:
                assert time.monotonic() < limit, "Chromium opened no page"
                time.sleep(0.1)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0

    def _port(self) -> int:
        limit = time.monotonic() + 30
        text = ""
        while time.monotonic() < limit:
            text = self.log.read_text(encoding="utf-8", errors="replace")
            if found := re.search(r"DevTools listening on ws://[^:]+:(\d+)/", text):
                return int(found[1])
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"Chromium did not start its DevTools endpoint: {text[-500:]}")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                result: dict[str, Any] = message["result"]
                return result

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60) -> Any:
        limit = time.monotonic() + timeout
        while time.monotonic() < limit:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {expression}")

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = _chromium()
    if executable is None:
        pytest.skip(HOWTO)
    b = Browser(executable)
    try:
        yield b
    finally:
        b.close()


def _upload(browser: Browser, base: str, path: Path) -> None:
    browser.send("Page.enable")
    browser.send("Page.navigate", url=base + "/")
    browser.wait_for("document.readyState === 'complete' && !!document.getElementById('file')")
    root = browser.send("DOM.getDocument")["root"]["nodeId"]
    node = browser.send("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
    browser.send("DOM.setFileInputFiles", files=[str(path)], nodeId=node)
    browser.js("document.getElementById('upload').requestSubmit()")
    browser.wait_for("document.getElementById('result').dataset.done === '1'")


def test_the_page_shows_failing_and_unread_cells_and_findings_in_both_languages(
    browser: Browser, tmp_path: Path
) -> None:
    text = (DATA / "f2021-errors.txt").read_text(encoding="utf-8")
    row = "二、上年结转政府信息公开申请数量 |  |  | 2 | 0 | 0 |"
    assert row in text
    report = tmp_path / "report.txt"
    report.write_text(text.replace(row, row.replace("| 0 | 0 |", "| 0³ | 0 |", 1)), "utf-8")
    with running(ServerSettings()) as base:
        _upload(browser, base, report)
        title = browser.js("document.getElementById('report-title').textContent")
        failing = browser.js("[...document.querySelectorAll('td.fail')].map(td => td.dataset.ref)")
        unread = browser.js(
            "[...document.querySelectorAll('td.unread')].map(td => [td.dataset.ref, td.textContent])"
        )
        zh = browser.js("document.getElementById('findings').innerText")
        browser.js("document.getElementById('lang').click()")
        en = browser.js("document.getElementById('findings').innerText")
    assert title == "某市交通运输局2021年政府信息公开工作年度报告"
    # 四、结转下年度继续办理: 3 + 1 in the columns, 3 in 总计 (the fixture's error)
    assert "applications[carried_forward, total]" in failing
    assert "applications[carried_forward, commercial_enterprise]" in failing
    # 三、（二）行政复议: 1 + 1 + 0 + 1 results, 2 in 总计
    assert "review[administrative_review, total]" in failing
    assert unread == [["applications[carried_over, commercial_enterprise]", "?"]]
    assert "错误：总计列等于六类申请人之和" in zh
    assert "应为4，实为3" in zh
    assert "单元格未能读取" in zh
    assert "the total column is the sum of the six applicant columns" not in zh
    assert "error: the total column is the sum of the six applicant columns" in en
    assert "错误" not in en


def test_the_page_reports_a_file_it_cannot_read(browser: Browser, tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("这不是年度报告。", encoding="utf-8")
    with running(ServerSettings()) as base:
        _upload(browser, base, junk)
        code = browser.js("document.querySelector('#result .problem').dataset.code")
    assert code == "report_parse"
