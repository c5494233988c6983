"""The calendar commands of the ``opengov`` command line."""

from __future__ import annotations

import pytest

from opengov.cli import main


def test_calendar_2026(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026"]) == 0
    out = capsys.readouterr().out
    assert "国务院办公厅关于2026年部分节假日安排的通知" in out
    assert "2025-11-04" in out
    assert "2026-10-07 周三  国庆节 National Day" in out
    assert "2026-10-10 周六" in out


def test_calendar_2019_lists_the_amendment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2019"]) == 0
    out = capsys.readouterr().out
    assert "国办发明电〔2019〕3号" in out
    assert "2019-04-28 周日  国办发明电〔2019〕3号" in out


def test_workdays_add_and_between(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["workdays", "add", "2026-09-28", "20"]) == 0
    assert capsys.readouterr().out == "2026-10-30\n"
    assert main(["workdays", "between", "2026-09-28", "2026-10-30"]) == 0
    assert capsys.readouterr().out == "20\n"
    assert main(["workdays", "add", "2026-09-30", "1", "--explain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2026-10-08\n")
    assert "skipped 2026-10-01 周四 国庆节" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["workdays", "add", "2026-12-20", "20"],
        ["workdays", "add", "28/09/2026", "20"],
        ["workdays", "add", "2026-09-28", "twenty"],
        ["calendar", "2027"],
        ["calendar", "year"],
    ],
)
def test_errors_are_one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("opengov: error [")
    assert err.count("\n") == 1


def test_provisional_is_marked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["workdays", "add", "2026-12-20", "20", "--provisional"]) == 0
    assert capsys.readouterr().out == "2027-01-18  (provisional)\n"
    assert main(["calendar", "2027", "--provisional"]) == 0
    captured = capsys.readouterr()
    assert "PROVISIONAL" in captured.out
    assert "warning" in captured.err
