"""`make demo` (examples/demo.py) runs without a traceback and shows what it promises.

Expected values come from the corpus: tables as read by hand into expected.json, the
published errors described in the corpus README, and deadlines counted by hand on
the 2026 calendar (国办发明电〔2025〕7号: 1-7 October off, Saturday 10 October worked).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "data" / "reports" / "corpus"


@pytest.fixture(scope="module")
def output() -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def _section(output: str, title: str) -> list[str]:
    """The lines of the section whose heading starts with ``== title``."""
    start = output.index(f"== {title}")
    end = output.find("\n== ", start + 1)
    return output[start : end if end != -1 else None].splitlines()


def _columns(text: str) -> int:
    """Terminal columns, counted here from the Unicode East Asian Width property."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


_VALUES = re.compile(r"(?:\s+(\d+))+$")


def _values(line: str) -> tuple[str, ...]:
    m = _VALUES.search(line)
    return tuple(m[0].split()) if m else ()


def test_it_leads_with_a_real_report_with_numbers(output: str) -> None:
    assert output.startswith("== A published annual report: 平潭综合实验区 2024 ==\n")
    lines = _section(output, "A published annual report")
    assert "file: tests/data/reports/corpus/pingtan-2024/page.html" in lines
    expected = json.loads((CORPUS / "pingtan-2024" / "expected.json").read_text("utf-8"))
    table_3 = lines[lines.index("三、收到和处理政府信息公开申请情况") :]
    table_3 = table_3[: table_3.index("")]
    rows = [v for v in map(_values, table_3) if len(v) == 7]
    assert rows == [tuple(r["cells"]) for r in expected["applications"]]
    table_4 = lines[lines.index("四、政府信息公开行政复议、行政诉讼情况") :]
    table_4 = table_4[: table_4.index("")]
    review = [v for v in map(_values, table_4) if len(v) == 5]
    assert [c for row in review for c in row] == expected["review"]
    assert "checks: every 勾稽 relation holds (no findings)" in lines


def test_tables_are_aligned_in_terminal_columns(output: str) -> None:
    lines = _section(output, "A published annual report")
    header = next(line for line in lines if "自然人" in line)
    assert header.endswith("总计")
    with_values = [line for line in lines if len(_values(line)) == 7]
    assert len(with_values) == 25  # the rows of the 2021 format
    assert {_columns(line) for line in with_values} == {_columns(header)}


def test_row_labels_are_whole_and_under_their_group_headings(output: str) -> None:
    lines = _section(output, "A published annual report")
    results = lines.index("三、本年度办理结果")
    withheld = lines.index("  （三）不予公开")
    assert results < withheld
    assert lines[withheld + 1].startswith("    1.属于国家秘密 ")
    # Long labels wrap onto the next lines; none is cut.
    text = re.sub(r"\s+", "", re.sub(r"(?: +\d+)+$", "", "\n".join(lines), flags=re.M))
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in text
    assert "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" in text
    # A line never starts with a pause mark (、，).
    assert not any(line.lstrip().startswith(("、", "，")) for line in lines)


def test_the_checks_catch_the_errors_the_agencies_published(output: str) -> None:
    zrz = _section(
        output, "Checks catch a published error: 平潭综合实验区自然资源与生态环境局 2023"
    )
    # 商业企业 1 printed in （二） and （七）, left out of their 总计 (8 and 19).
    assert any(
        line.startswith("  （二）部分公开") and _values(line) == ("8", "1", "0", "0", "0", "0", "8")
        for line in zrz
    )
    errors = [line for line in zrz if line.startswith("error [")]
    assert any("column_total" in e and "expected 9, found 8" in e for e in errors)
    assert any("column_total" in e and "expected 20, found 19" in e for e in errors)
    shs = _section(output, "Checks catch a published error: 平潭综合实验区社会事业局 2024")
    assert any(
        line.startswith("行政诉讼 复议后起诉") and _values(line) == ("13", "2", "4", "0", "15")
        for line in shs
    )
    assert any("review_total" in e and "expected 19, found 15" in e for e in shs)


def test_one_agency_over_the_years_and_the_plot_slot(output: str) -> None:
    lines = _section(output, "One agency over the years")
    # Applications received, from the reports' tables (2011: none; 2024: 218).
    years = {line.split()[0]: line.split()[1:] for line in lines if re.match(r"20\d\d ", line)}
    assert sorted(years) == ["2011", "2013", "2014", "2018", "2019", "2023", "2024", "2025"]
    assert years["2011"][0] == "0*"
    assert years["2024"] == ["218", "218"]
    assert any(line.startswith("plot: ") for line in lines)


def test_a_deadline_through_a_correction_and_a_consultation(output: str) -> None:
    lines = _section(output, "One application")
    # Received 2026-09-28: day 1 is 29 September; 1-7 October off, 10 October worked.
    assert "received online 2026-09-28: reply due 2026-10-30 (Art. 33)" in lines
    # 补正 sent 30 September, 10 working days: 8, 9, 10, 12-16, 19, 20 October.
    assert any(
        line.startswith("补正 asked") and line.endswith("until 2026-10-20") for line in lines
    )
    # The corrected application arrives 13 October: 20 working days from the 14th.
    assert any(line.endswith("the period restarts, due 2026-11-10") for line in lines)
    # 14-20 October are working days 1-5; 21-29 October (7 working days) do not
    # count; 30 October is day 6, and 19 November day 20.
    assert any(line.endswith("reply due 2026-11-19") for line in lines)
    assert "8. 期限届满：2026-11-19（星期四）" in lines
    assert "8. Due: 2026-11-19 (Thu)" in lines
