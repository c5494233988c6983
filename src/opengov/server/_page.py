"""The report-check page at ``/``: one server-rendered page, a few lines of script.

The page holds a file picker; the script sends the chosen file to ``/page/check``
and puts the HTML the server renders into the page: the official tables (二, 三,
四) with the cells of failed checks highlighted and unread cells marked, then the
findings in Chinese, with a button that switches them to English.
"""

from __future__ import annotations

from html import escape
from typing import Any

from opengov.outcomes import OutcomeRow
from opengov.reports.checks import Finding, Severity
from opengov.reports.model import AnnualReport, Cell, CellKind, CellRef
from opengov.server._wire import DataBasis

__all__ = ["page_html", "problem_html", "report_html"]

_STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em} h2{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0 1em} td,th{border:1px solid #999;padding:2px 6px}
th{background:#f2f2f2;font-weight:normal} td.v{text-align:right;min-width:2.5em}
td.fail{background:#f8c9c4;outline:2px solid #c0392b} td.warn{background:#fbeec1}
td.unread{background:repeating-linear-gradient(45deg,#eee,#eee 4px,#ddd 4px,#ddd 8px);color:#777}
li.error{color:#a02318} li.warning{color:#7a5b00} .problem{color:#a02318;font-weight:bold}
.legend span{display:inline-block;padding:0 .5em;margin-right:.5em}
body.en [lang="zh-CN"].t{display:none} body:not(.en) [lang="en"].t{display:none}
.basis{color:#666;font-size:.85em}
"""

_SCRIPT = """
const form = document.getElementById("upload");
const out = document.getElementById("result");
document.getElementById("lang").addEventListener("click", () => {
  document.body.classList.toggle("en");
});
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const file = document.getElementById("file").files[0];
  if (!file) { return; }
  const query = new URLSearchParams();
  for (const name of ["agency", "year"]) {
    const value = document.getElementById(name).value.trim();
    if (value) { query.set(name, value); }
  }
  const headers = {"Content-Type": "application/octet-stream"};
  const token = document.getElementById("token");
  if (token && token.value) { headers["Authorization"] = "Bearer " + token.value; }
  out.setAttribute("aria-busy", "true");
  out.textContent = "…";
  try {
    const response = await fetch("page/check?" + query, {method: "POST", body: file, headers});
    out.innerHTML = await response.text();
  } catch (error) {
    out.textContent = String(error);
  }
  out.setAttribute("aria-busy", "false");
  out.dataset.done = "1";
});
"""


def _t(zh: str, en: str) -> str:
    """Both languages; the page shows one (the button switches)."""
    return f'<span lang="zh-CN" class="t">{escape(zh)}</span><span lang="en" class="t">{escape(en)}</span>'


def page_html(*, token_needed: bool) -> str:
    """The whole page (no data in it)."""
    token = (
        '<label>访问令牌 token <input id="token" type="password" autocomplete="off"></label> '
        if token_needed
        else ""
    )
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>政府信息公开工作年度报告检查 opengov</title>"
        f'<meta name="viewport" content="width=device-width"><style>{_STYLE}</style></head><body>'
        "<h1>" + _t("政府信息公开工作年度报告检查", "Annual report check") + "</h1>"
        '<p><button id="lang" type="button">English / 中文</button></p>'
        '<form id="upload"><p>'
        '<input id="file" type="file" required> '
        '<label>机关 agency <input id="agency" size="16"></label> '
        '<label>年度 year <input id="year" size="5" inputmode="numeric"></label> '
        f'{token}<button type="submit">检查 Check</button></p></form>'
        + _t(
            "上传一份年度报告（网页、文本、PDF或Word文件），显示官方表格、检查结果。",
            "Upload one annual report (web page, text, PDF or Word); the official tables "
            "and the findings are shown.",
        )
        + '<div id="result" aria-live="polite"></div>'
        f"<script>{_SCRIPT}</script></body></html>"
    )


def problem_html(problem: dict[str, Any]) -> str:
    """A refused upload, as the fragment the page shows."""
    return (
        f'<p class="problem" data-code="{escape(str(problem["code"]))}">'
        + _t("无法检查：", "Cannot check: ")
        + f"{escape(str(problem['detail']))}</p>"
    )


def _value(cell: Cell) -> str:
    if cell.kind is CellKind.NUMBER:
        return str(cell.value)
    if cell.kind is CellKind.NOT_APPLICABLE:
        return cell.raw or "/"
    if cell.kind is CellKind.UNREAD:
        return "?"
    return ""


def _tables(report: AnnualReport, findings: tuple[Finding, ...]) -> list[str]:
    errors = {
        c.ref for f in findings if f.severity is Severity.ERROR for c in f.cells if c.year is None
    }
    warns = {
        c.ref for f in findings if f.severity is Severity.WARNING for c in f.cells if c.year is None
    }
    by_table: dict[str, list[tuple[CellRef, Cell]]] = {}
    for ref, cell in report.items():
        by_table.setdefault(ref.table.value, []).append((ref, cell))
    out: list[str] = []
    for items in by_table.values():
        table = items[0][0].table
        out.append(f'<h2>{escape(table.label_zh)}</h2><table data-table="{table.value}">')
        rows: dict[str, list[tuple[CellRef, Cell]]] = {}
        for ref, cell in items:
            rows.setdefault(ref.row, []).append((ref, cell))
        groups = [_group_of(cells[0][0]) for cells in rows.values()]
        two = any(groups)  # table 三: a column for the groups （三）（四）（五）（六）
        header: tuple[str, ...] = ()
        for i, cells in enumerate(rows.values()):
            columns = tuple(ref.column_label_zh for ref, _ in cells)
            if columns != header:
                header = columns
                corner = '<th colspan="2"></th>' if two else "<th></th>"
                out.append(
                    f"<tr>{corner}" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>"
                )
            label = escape(cells[0][0].row_label_zh)
            group = groups[i]
            if group is None:
                out.append(f'<tr><th colspan="2">{label}</th>' if two else f"<tr><th>{label}</th>")
            elif i == 0 or groups[i - 1] != group:
                span = 1
                while i + span < len(groups) and groups[i + span] == group:
                    span += 1
                out.append(f'<tr><th rowspan="{span}">{escape(group)}</th><th>{label}</th>')
            else:
                out.append(f"<tr><th>{label}</th>")
            for ref, cell in cells:
                classes = ["v"]
                if ref in errors:
                    classes.append("fail")
                elif ref in warns:
                    classes.append("warn")
                if cell.kind is CellKind.UNREAD:
                    classes.append("unread")
                title = ref.label_zh + (f"（原文：{cell.raw}）" if cell.raw else "")
                out.append(
                    f'<td class="{" ".join(classes)}" data-ref="{escape(str(ref))}" '
                    f'title="{escape(title)}">{escape(_value(cell))}</td>'
                )
            out.append("</tr>")
        out.append("</table>")
    return out


def _group_of(ref: CellRef) -> str | None:
    """The group label a row of table 三 is printed under (（三）不予公开 …), if any."""
    if ref.table.value != "applications":
        return None
    row = OutcomeRow(ref.row)
    group = row.group
    if group is None or row.printed_zh.startswith(group.number_zh):
        return None
    return group.number_zh + group.label_zh


def _finding(f: Finding) -> str:
    where = "、".join(c.ref.label_zh for c in f.cells[:4]) + ("等" if len(f.cells) > 4 else "")
    zh = f"{f.severity.label_zh}：{f.rule.label_zh}"
    if where:
        zh += f"（{where}）"
    if f.expected is not None or f.actual is not None:
        zh += f"：应为{f.expected}，实为{f.actual}"
    en = f"{f.severity.label_en}: {f.rule.label_en}: {f.message}"
    return f'<li class="{f.severity.value}" data-rule="{f.rule.value}">{_t(zh, en)}</li>'


def report_html(result: dict[str, Any], basis: DataBasis) -> str:
    """The checked report as the fragment the page shows."""
    report = AnnualReport.model_validate(result["report"])
    findings = tuple(Finding.model_validate(f) for f in result["findings"])
    done = result["completeness"]
    title = f"{report.agency or ''}{report.year}年政府信息公开工作年度报告"
    parts = [
        f'<h1 id="report-title">{escape(title)}</h1>',
        '<p class="legend"><span class="fail" style="background:#f8c9c4">'
        + _t("核对不符", "failed check")
        + '</span><span style="background:#ddd">'
        + _t("未能读取", "not read")
        + "</span></p>",
        "<p>"
        + _t(
            f"已读取{done['read']}/{done['total']}个单元格；{result['errors']}个错误，"
            f"{result['warnings']}个提示。",
            f"{done['read']} of {done['total']} cells read; {result['errors']} errors, "
            f"{result['warnings']} warnings.",
        )
        + "</p>",
        "<h2>" + _t("检查结果", "Findings") + "</h2>",
        '<ol id="findings">' + "".join(_finding(f) for f in findings) + "</ol>",
    ]
    if not findings:
        parts.append("<p>" + _t("未发现问题。", "No findings.") + "</p>")
    parts.extend(_tables(report, findings))
    parts.append(
        '<p class="basis">opengov '
        + escape(basis.opengov_version)
        + " · calendar "
        + escape(basis.calendar_id)
        + "</p>"
    )
    return "".join(parts)
