"""``opengov report`` on the command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import opengov
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


# ------------------------------------------------------------ folders and batches

FOLDER = Path(__file__).parent.parent / "data" / "folder"
ROOT = Path(__file__).parent.parent.parent


def _crawl(root: Path) -> Path:
    """A folder with bad files between good ones, as a crawl leaves it.

    1-good.txt (the seed: clean), 2-junk.html (binary junk), 3-empty.txt,
    4-no-table.txt (a report without table 三), 5-pipe.txt (a FIFO, where the platform
    has them), 6-某局2021年政府信息公开工作年度报告.html/ (a folder named like a report,
    empty), 7-errors.txt (a report with error findings).
    """
    root.mkdir()
    (root / "1-good.txt").write_bytes(Path(SEED).read_bytes())
    (root / "2-junk.html").write_bytes(bytes(range(256)) * 16)
    (root / "3-empty.txt").write_bytes(b"")
    (root / "4-no-table.txt").write_text(
        "某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n", encoding="utf-8"
    )
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "5-pipe.txt")
    (root / "6-某局2021年政府信息公开工作年度报告.html").mkdir()
    (root / "7-errors.txt").write_bytes((DATA / "f2021-errors.txt").read_bytes())
    return root


def test_a_folder_with_bad_files_in_the_middle(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = _crawl(tmp_path / "crawl")
    # a file could not be read: 2, though a finding is an error (1) too
    assert main(["report", "check", str(root)]) == 2
    out, err = capsys.readouterr()
    no_table = (
        "(read as UTF-8, detected): no table 三 found: no cell reads "
        "一、本年新收政府信息公开申请数量; give the report's HTML, or its text with table cells "
        "separated by '|', tabs or wide spaces, one cell per line, or run together as "
        "crawlers save them"
    )
    assert err.splitlines() == [
        f"opengov: error [report_parse] cannot read report file {str(root / '2-junk.html')!r}: "
        "it is a binary file (it holds NUL bytes), not HTML, text, PDF or a Word document; "
        "give the report's HTML page, a text dump, PDF or .docx file",
        f"opengov: error [report_parse] report file {str(root / '3-empty.txt')!r} {no_table}",
        f"opengov: error [report_parse] report file {str(root / '4-no-table.txt')!r} {no_table}",
    ]
    lines = out.splitlines()
    assert lines[0] == (
        f"{root / '1-good.txt'}: 浑江区民政局 2019, 国办公开办函〔2019〕60号 format, "
        "198/198 cells read"
    )
    assert lines[1].startswith(f"{root / '7-errors.txt'}: 某市交通运输局 2021")
    assert lines[2].startswith("error   column_total          某市交通运输局 2021  ")
    assert lines[2].endswith(f"  in {root / '7-errors.txt'}")
    assert lines[-1] == (
        "5 file(s): 2 read (0 in part), 3 could not be read; 3 error(s), 1 warning(s)"
    )


def test_no_traceback_ever_reaches_the_user(tmp_path: Path) -> None:
    root = _crawl(tmp_path / "crawl")
    for args in (
        [str(root)],
        [str(root), "--format", "json"],
        [str(root), "--workers", "2"],
        [str(root / "5-pipe.txt"), str(root / "6-某局2021年政府信息公开工作年度报告.html")],
        [str(tmp_path / "missing.html")],
        [str(root), "--workers", "-1"],
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "opengov", "report", "check", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,  # only so that a hang (a FIFO read) fails instead of blocking
            check=False,
        )
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr + proc.stdout
        if "json" in args:  # the errors are results
            assert proc.stderr == ""
            assert json.loads(proc.stdout)["summary"]["unreadable"] == 3
        else:
            assert proc.stderr.startswith("opengov: error ["), (args, proc.stderr)


def test_fifo_and_a_folder_named_like_a_report_are_named_with_their_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = _crawl(tmp_path / "crawl")
    named = root / "6-某局2021年政府信息公开工作年度报告.html"
    assert main(["report", "check", str(named)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"opengov: error [report_parse] {str(named)!r} is a folder with no report "
        "files (files ending in .htm, .html, .shtml, .txt, .pdf, .doc, .docx); name the files "
        "to read them\n"
    )
    if hasattr(os, "mkfifo"):
        assert main(["report", "check", str(root / "5-pipe.txt")]) == 2
        assert "is not a regular file (a pipe, socket or device)" in capsys.readouterr().err


def test_json_has_every_file_the_status_and_the_sources(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["report", "check", str(FOLDER), "--format", "json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == 2
    assert data["summary"] == {
        "files": 5,
        "read": 3,
        "partial": 0,
        "unreadable": 2,
        "errors": 2,
        "warnings": 1,
    }
    assert [
        (Path(r["file"]).name, r["year"], (r["error"] or {}).get("code")) for r in data["reports"]
    ] == [
        ("2021.txt", 2021, None),
        ("empty.txt", None, "report_parse"),
        ("list.html", None, "report_parse"),
        ("某县卫生健康局2020年政府信息公开工作年度报告.txt", 2020, None),
        ("某县卫生健康局2021年政府信息公开工作年度报告.html", 2021, None),
    ]
    assert data["reports"][4]["agency_from"] == "file name"
    assert [(f["rule"], [Path(s).name for s in f["sources"]]) for f in data["findings"]] == [
        ("duplicate", ["2021.txt", "某县卫生健康局2021年政府信息公开工作年度报告.html"]),
        ("carry_forward", ["2021.txt", "某县卫生健康局2020年政府信息公开工作年度报告.txt"]),
        ("carry_forward", ["2021.txt", "某县卫生健康局2020年政府信息公开工作年度报告.txt"]),
    ]


def test_ndjson_is_one_line_per_file_then_the_findings_then_a_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["report", "check", str(FOLDER), "--format", "ndjson"]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["type"] for d in lines] == ["report"] * 5 + ["finding"] * 3 + ["summary"]
    assert lines[-1] == {
        "type": "summary",
        "status": 2,
        "files": 5,
        "read": 3,
        "partial": 0,
        "unreadable": 2,
        "errors": 2,
        "warnings": 1,
    }


def test_csv_rows_for_unreadable_files_and_findings(capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    assert main(["report", "check", str(FOLDER), "--format", "csv"]) == 2
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert [(r["kind"], Path(r["source"]).name, r["severity"], r["rule"]) for r in rows] == [
        ("file_error", "empty.txt", "error", "report_parse"),
        ("file_error", "list.html", "error", "report_parse"),
        ("finding", "2021.txt", "warning", "duplicate"),
        ("finding", "2021.txt", "error", "carry_forward"),
        ("finding", "2021.txt", "error", "carry_forward"),
    ]
    assert rows[3]["sources"] == (
        f"{FOLDER / 'copy' / '2021.txt'};{FOLDER / '某县卫生健康局2020年政府信息公开工作年度报告.txt'}"
    )
    assert (rows[3]["expected"], rows[3]["actual"]) == ("2", "3")


def _partial(tmp_path: Path) -> Path:
    """The seed report with one cell of table 三 unreadable: the balance of that column
    cannot be checked, and no rule finds an error."""
    text = Path(SEED).read_text(encoding="utf-8")
    row = "一、本年新收政府信息公开申请数量 |\n0 |\n"  # one cell a line: the label, 自然人
    assert text.count(row) == 1
    path = tmp_path / "partial.txt"
    path.write_text(text.replace(row, "一、本年新收政府信息公开申请数量 |\n见附件 |\n"), "utf-8")
    return path


def test_a_report_read_in_part_is_never_a_silent_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _partial(tmp_path)
    assert main(["report", "check", str(path)]) == 1
    out = capsys.readouterr().out
    # a cell that is not a number makes its row unread: 7 cells
    assert "191/198 cells read (read in part: rules involving unread cells not checked)" in out
    assert "warning incomplete" in out
    assert "error " not in out
    assert main(["report", "check", str(path), "--allow-partial"]) == 0
    capsys.readouterr()
    assert main(["report", "check", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["status"], data["summary"]["partial"], data["reports"][0]["partial"]) == (
        1,
        1,
        True,
    )


def test_json_flag_is_a_deprecated_alias(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", "--json", SEED]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["status"] == 0
    assert err == "opengov: note: --json is deprecated; use --format json\n"


def test_quiet_prints_findings_and_errors_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["report", "check", "-q", SEED]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["report", "check", "--quiet", str(FOLDER)]) == 2
    out, err = capsys.readouterr()
    assert [line.split()[1] for line in out.splitlines()] == [
        "duplicate",
        "carry_forward",
        "carry_forward",
    ]
    assert err.count("opengov: error [report_parse]") == 2


def test_workers_give_the_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", str(FOLDER), "--format", "json"]) == 2
    one = capsys.readouterr().out
    assert main(["report", "check", str(FOLDER), "--format", "json", "--workers", "2"]) == 2
    assert capsys.readouterr().out == one


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit, match=r"^0$") as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"opengov-cn {opengov.__version__}\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_counter_on_a_terminal_without_tqdm(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # not installed
    assert main(["report", "check", str(FOLDER / "copy"), SEED, str(DATA / "f2021-clean.txt")]) == 0
    shown = terminal.getvalue()
    assert "\ropengov: read 3/3 files" in shown
    assert shown.endswith("\r")  # the counter is wiped when done
    # not on a terminal, with --quiet, or for one file: no counter
    assert "opengov: read" not in capsys.readouterr().err


def test_tqdm_draws_the_bar_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[tuple[str, object]] = []

    class Bar:
        def __init__(self, **kwargs: object) -> None:
            drawn.append(("total", kwargs["total"]))

        def update(self, n: int) -> None:
            drawn.append(("update", n))

        def close(self) -> None:
            drawn.append(("close", None))

    fake = types.ModuleType("tqdm")
    fake.tqdm = Bar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm", fake)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert main(["report", "check", SEED, str(DATA / "f2021-clean.txt")]) == 0
    assert drawn == [("total", 2), ("update", 1), ("update", 1), ("close", None)]
    drawn.clear()
    assert main(["report", "check", "--quiet", SEED, str(DATA / "f2021-clean.txt")]) == 0
    assert drawn == []


def test_an_unexpected_error_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import opengov.reports.checks as checks

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(checks, "check_reports", broken)
    assert main(["report", "check", SEED]) == 2
    assert capsys.readouterr().err == (
        "opengov: internal error (RuntimeError): a bug\\nover two lines; please report it "
        "with the command you ran\n"
    )


def test_ctrl_c_ends_with_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import opengov.reports.checks as checks

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(checks, "check_reports", interrupted)
    assert main(["report", "check", SEED]) == 130
    assert capsys.readouterr().err == "opengov: interrupted\n"


LEGACY = Path(__file__).parent.parent / "data" / "reports" / "corpus" / "legacy"


def test_a_folder_of_both_eras_reads_each_report_in_its_form(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The 2014 report of 平潭综合实验区管委会 (its statistics table of 16 printed lines,
    # read by hand into expected.json) and the 2012 county table, whose 主动公开 lines
    # sum to 1795 against a printed 2026 (a warning, found by hand), beside a report
    # of the 2021 format: each read in its own form, none refused, none compared.
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a-2014.txt").write_bytes((LEGACY / "pingtan-zone-2014" / "page.txt").read_bytes())
    (crawl / "b-2012.html").write_bytes(
        (LEGACY / "pingtan-county-2012" / "table.html").read_bytes()
    )
    assert main(["report", "check", str(crawl), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [(r["file"], r["agency"], r["year"], r["format"]) for r in document["reports"]] == [
        (str(crawl / "a-2014.txt"), "平潭综合实验区管委会", 2014, "legacy"),
        (str(crawl / "b-2012.html"), document["reports"][1]["agency"], 2012, "legacy"),
    ]
    assert document["reports"][0]["completeness"] == 1.0
    assert [
        (f["file"], f["source"], f["severity"], f["rule"], f["expected"], f["actual"])
        for f in document["legacy_findings"]
    ] == [(str(crawl / "b-2012.html"), "table", "warning", "proactive_total", 2026, 1795)]
    assert document["findings"] == []
    assert main(["report", "check", str(crawl / "a-2014.txt")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{crawl / 'a-2014.txt'}: 平潭综合实验区管委会 2014, 2008-2018 statistics form, "
        "16/16 cells read"
    )
