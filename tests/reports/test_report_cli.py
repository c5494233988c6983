"""``opengov report`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opengov.cli import main

DATA = Path(__file__).parent.parent / "data" / "reports"
SEED = str(Path(__file__).parent.parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt")


def test_check_clean_report_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", SEED]) == 0
    out = capsys.readouterr().out
    assert "浑江区民政局 2019" in out
    assert "no findings" in out


def test_check_with_errors_exits_1_and_lists_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["report", "check", str(DATA / "f2021-errors.txt"), str(DATA / "f2019-errors.html")])
        == 1
    )
    out = capsys.readouterr().out
    assert "column_total" in out
    assert "review_total" in out
    assert "narrative" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", "--json", str(DATA / "f2021-errors.txt")]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["findings"]] == [
        "column_total",
        "balance",
        "review_total",
        "narrative",
    ]
    assert data["reports"][0]["format"] == "2021"


def test_render_md_and_html(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "render", SEED, "--format", "md"]) == 0
    assert "| 一、本年新收政府信息公开申请数量 |" in capsys.readouterr().out
    assert main(["report", "render", SEED, "--format", "html"]) == 0
    assert 'rowspan="20"' in capsys.readouterr().out


def test_unreadable_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("nothing here", encoding="utf-8")
    assert main(["report", "check", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("opengov: error [report_parse]")
    assert err.count("\n") == 1
