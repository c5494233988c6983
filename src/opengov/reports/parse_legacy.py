"""Reading legacy annual reports (2008-2018 年度报告): statistics table and narrative.

The document is first split into tokens by the readers the 2019/2021 parsers use
(:func:`~opengov.reports.parse_text.text_tokens` for text, the HTML reader of
:mod:`~opengov.reports.parse_html` for pages), then read in two ways:

- **The statistics table** (政府信息公开情况统计表). As table cells (HTML, or a
  ``|`` dump) each row is a label, an optional unit (条/件/元) and one value per
  value column (本年度, and 历年累计 when printed). As plain text, where a page's
  table was flattened into one line ("受理依申请公开信息总数 条 1 1 其中：1、当面申请数
  条 0 0 …"), a row is the text before a unit and the whitespace-separated numbers
  after it. A row whose numbers cannot be placed one per column, e.g. digits run
  together ("条20263542": 2026 and 3542, or 202 and 63542?), is unread, its text
  kept: a number is never guessed.
- **The narrative**: counts stated in sentences ("共收到有关政府信息公开的申请21条，
  其中当面申请数18条", "未收到有关政府信息公开行政复议申请"), each kept with its
  sentence. A stated wording that is not known ("其它公开答复数2条") is kept
  unmapped.

Labels are matched tolerating numbering (1. 1、 （一） 一、), 其中, spaces, full-width
forms and a trailing 数 (:func:`~opengov.reports.legacy_report.label_key`). Every
pattern is linear in the length of the text.

Legal basis:
    - ogi-2007:32 (report contents; recalled [M]), ogi-2007:21 (reply types).

>>> from opengov.reports.parse_legacy import parse_legacy_report_text
>>> r = parse_legacy_report_text(
...     "某县2012年政府信息公开工作年度报告\\n"
...     "2012年共收到有关政府信息公开的申请3条，其中当面申请数3条。\\n"
...     "某县政府信息公开情况统计表 指标名称 计量单位 2012年度 受理依申请公开信息总数 条 3 "
...     "其中：1、当面申请数 条 3")
>>> [(v.label_zh, v.item.value, v.count, v.source.value) for v in r.values]
[('受理依申请公开信息总数', 'applications_total', 3, 'table'), ('其中：1、当面申请数', 'channel_in_person', 3, 'table'), ('收到有关政府信息公开的申请', 'applications_total', 3, 'narrative'), ('当面申请数', 'channel_in_person', 3, 'narrative')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from os import PathLike, fspath

from opengov.errors import InvalidInputError, ReportFormatError, ReportParseError
from opengov.reports._reader import (
    CELL,
    MAX_LEGACY_CHARS,
    PARA,
    TABLE_END,
    Tok,
    find_year_agency,
    legacy_evidence,
)
from opengov.reports.legacy_report import (
    LEGACY_YEARS,
    LegacyItem,
    LegacyReport,
    LegacySource,
    LegacyValue,
)
from opengov.reports.model import Cell

__all__ = [
    "legacy_evidence",
    "parse_legacy_report",
    "parse_legacy_report_html",
    "parse_legacy_report_text",
]

_MAX_CHARS = MAX_LEGACY_CHARS
_MAX_ROWS = 300
_MAX_STATED = 100  # narrative matches read per pattern
_UNITS = frozenset({"条", "件", "元", "万元", "项", "个", "人次"})
_CJK = re.compile(r"[\u4e00-\u9fff]")

# --------------------------------------------------------------- public API


def parse_legacy_report_text(
    text: str, *, agency: str | None = None, year: int | None = None
) -> LegacyReport:
    """Read a legacy report from text: a page's text, or a dump with ``|`` cells.

    ``agency`` and ``year`` default to what the title states. Raises
    :class:`~opengov.errors.ReportParseError` when no year is known and
    :class:`~opengov.errors.ReportFormatError` for a year outside 2008-2018.
    """
    from opengov.reports.parse_text import text_tokens

    _check_text(text, "text")
    return _read(text_tokens(text), agency=agency, year=year)


def parse_legacy_report_html(
    html: str, *, agency: str | None = None, year: int | None = None
) -> LegacyReport:
    """Read a legacy report from its HTML page; as :func:`parse_legacy_report_text`."""
    from opengov.reports.parse_html import html_tokens

    _check_text(html, "html")
    return _read(html_tokens(html), agency=agency, year=year)


def parse_legacy_report(
    path: str | PathLike[str], *, agency: str | None = None, year: int | None = None
) -> LegacyReport:
    """Read a legacy report file (HTML, text, PDF or Word, in any encoding
    :mod:`opengov.reports.files` reads), chosen by content."""
    from opengov.reports.files import naming_the_file, read_report_document

    document = read_report_document(path)
    try:
        if document.is_html:
            return parse_legacy_report_html(document.text, agency=agency, year=year)
        return parse_legacy_report_text(document.text, agency=agency, year=year)
    except ReportParseError as exc:
        raise naming_the_file(exc, fspath(path), document) from None


def _check_text(text: object, name: str) -> None:
    if not isinstance(text, str):
        raise InvalidInputError(f"{name} must be a str, got {type(text).__name__}")
    if len(text) > _MAX_CHARS:
        raise ReportParseError(
            f"the {name} has {len(text)} characters, more than the {_MAX_CHARS} a report "
            "is read up to; give the report's own page or text"
        )


# ------------------------------------------------------------------ reading


def _read(tokens: Sequence[Tok], *, agency: str | None, year: int | None) -> LegacyReport:
    if agency is not None and not isinstance(agency, str):
        raise InvalidInputError(f"agency must be a str, got {type(agency).__name__}")
    paras = [t.text for t in tokens if t.kind == PARA]
    found_year, found_agency = find_year_agency([_untitled(p) for p in paras[:40]])
    if year is None:
        year = found_year
    if year is None:
        raise ReportParseError(
            "the report year is not stated in a title like 'XX局2012年政府信息公开工作年度报告'; "
            "pass year= explicitly"
        )
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError(f"year must be an int, got {year!r}")
    if year not in LEGACY_YEARS:
        if year >= LEGACY_YEARS.stop:
            raise ReportFormatError(
                f"report year {year} is after 2018: reports from 2019 on follow the "
                "2019/2021 formats; read it with opengov.reports.parse_report"
            )
        raise ReportFormatError(
            f"report year {year} is before 2008: the 2007 Regulation took effect on "
            "2008-05-01, and the first annual reports are for 2008"
        )
    table_values, title = _table_from_cells(tokens)
    prose = "\n".join(paras)
    if not table_values:
        cut = _flat_table_start(prose)
        if cut is not None:
            start, title_text = cut
            table_values = _table_from_flat(prose[start:])
            title = title_text
            prose = prose[: start - len(title_text)].rstrip()
    narrative = _narrative(prose)
    return LegacyReport(
        agency=agency if agency is not None else found_agency,
        year=year,
        values=(*table_values, *narrative),
        table_title=title,
        text=prose,
    )


def _untitled(text: str) -> str:
    return re.sub(r"^\s*标题\s*[:：]\s*", "", text)


# ------------------------------------------------------------ table (cells)


def _rows(tokens: Sequence[Tok]) -> list[tuple[int, list[str]]]:
    """(table number, cells) of each row of cells; tables are split by table ends
    and by prose between rows."""
    out: list[tuple[int, list[str]]] = []
    table = 0
    row: list[str] = []
    for tok in tokens:
        if tok.kind == CELL:
            row.append(tok.text)
            continue
        while row and not row[0].strip():  # a "|" that opens a dump's line
            row.pop(0)
        if row:
            out.append((table, row))
            row = []
        if tok.kind in (TABLE_END, PARA):
            table += 1
    while row and not row[0].strip():
        row.pop(0)
    if row:
        out.append((table, row))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _is_header(cells: Sequence[str]) -> bool:
    return any(("累计" in _norm(c) or _norm(c).endswith("年度")) for c in cells)


def _table_from_cells(tokens: Sequence[Tok]) -> tuple[list[LegacyValue], str | None]:
    rows = _rows(tokens)
    mapped: dict[int, int] = {}
    for table, cells in rows:
        if cells and LegacyItem.from_label(cells[0]) is not None:
            mapped[table] = mapped.get(table, 0) + 1
    best = [t for t, n in mapped.items() if n >= 2]
    if not best:
        return [], None
    table = best[0]
    columns: int | None = None
    out: list[LegacyValue] = []
    for t, cells in rows:
        if t != table or not cells:
            continue
        if _is_header(cells):
            rest = [c for c in cells[1:] if "计量" not in _norm(c) and _norm(c) != "单位"]
            columns = len(rest) or None
            continue
        label = cells[0].strip()
        if not _CJK.search(label) or len(out) >= _MAX_ROWS:
            continue
        rest = list(cells[1:])
        unit = None
        if rest and _norm(rest[0]) in _UNITS:
            unit = _norm(rest.pop(0))
        out.append(_value(label, unit, rest, columns or len(rest)))
    return out, _title_before(tokens, table)


def _title_before(tokens: Sequence[Tok], table: int) -> str | None:
    """The last prose line naming a 统计表 before the table's first cell."""
    seen = 0
    title = None
    for i, tok in enumerate(tokens):
        if tok.kind in (TABLE_END, PARA):
            if tok.kind == PARA and "统计表" in tok.text and len(tok.text) <= 100:
                title = tok.text.strip()
            if seen == table and i > 0 and tokens[i - 1].kind == CELL:
                break
            seen += 1
        elif tok.kind == CELL and seen == table:
            return title
    return title


def _value(label: str, unit: str | None, values: Sequence[str], columns: int) -> LegacyValue:
    item = LegacyItem.from_label(label)
    money = (item is not None and item.is_money) or unit in ("元", "万元")
    texts = [v.strip() for v in values]
    if len(texts) == columns and columns >= 1 and all(_NUMBER.match(_norm(t)) for t in texts):
        cell = Cell.read(texts[0], money=money)
        cumulative = Cell.read(texts[1], money=money) if columns >= 2 else None
    else:
        raw = " | ".join(texts) if texts else None
        cell = Cell.unread(raw)
        cumulative = Cell.unread(raw) if columns >= 2 else None
    return LegacyValue(
        label_zh=label[:200],
        item=item,
        cell=cell,
        source=LegacySource.TABLE,
        unit=unit,
        cumulative=cumulative,
    )


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


# ------------------------------------------------------- table (flat text)

_FLAT_HEAD = re.compile(r"指标名称")
_FLAT_UNIT = re.compile(r"(万元|人次|条|件|元|项)(?=[ \t\u3000]*\d)")
_REGION = re.compile(r"[\d \t\u3000.、．]*")
_TRAILING_NUMBERING = re.compile(r"^\d{1,2}[.、．]$")


def _flat_table_start(prose: str) -> tuple[int, str] | None:
    """Where a flattened statistics table starts (its 指标名称 header), and the
    title printed just before it."""
    m = _FLAT_HEAD.search(prose)
    if m is None:
        return None
    before = prose[max(0, m.start() - 80) : m.start()]
    t = re.search(r"([^\s。；;]{0,60}统计表)\s*$", before)
    title = t.group(1) if t else ""
    start = m.start() - (len(before) - (t.start(1) if t else len(before)))
    return start + len(title), title


def _table_from_flat(segment: str) -> list[LegacyValue]:
    """Rows of a statistics table flattened into text: label, unit, numbers."""
    segment = segment[:20_000]
    units = list(_FLAT_UNIT.finditer(segment))
    if not units:
        return []
    header = segment[: units[0].start()]
    columns = 2 if "累计" in header else 1
    out: list[LegacyValue] = []
    label_start = 0
    carried = ""
    for m in units[:_MAX_ROWS]:
        label = carried + segment[label_start : m.start()].strip()
        carried = ""
        for cut in ("累计", "年度"):
            if cut in label:
                label = label.rsplit(cut, 1)[1].strip()
                break
        region = _REGION.match(segment, m.end())
        assert region is not None  # the pattern matches the empty string
        end = region.end()
        tokens = region.group(0).split()
        glued = end < len(segment) and bool(tokens) and not region.group(0)[-1].isspace()
        if glued and _TRAILING_NUMBERING.match(tokens[-1]):
            carried = tokens.pop()  # the numbering of the next label ("2.")
        elif glued:
            tokens[-1] = tokens[-1] + "…"  # digits run into the next label: not certain
        label_start = end
        if not label or not _CJK.search(label):
            continue
        out.append(_value(label, m.group(1), tokens, columns))
    return out


# ---------------------------------------------------------------- narrative

_SEP = "。；;\n"
_CHANNEL_WORDS = ("当面", "传真", "电子邮件", "网上", "网络", "信函", "其他形式", "其它形式")
_PATTERNS: tuple[tuple[str, LegacyItem | None, re.Pattern[str]], ...] = (
    (
        "none",
        LegacyItem.APPLICATIONS_TOTAL,
        re.compile(r"未(?:收到|受理)(?:有关)?(?:政府信息公开|信息公开)的?申请"),
    ),
    (
        "count",
        LegacyItem.APPLICATIONS_TOTAL,
        re.compile(
            r"(?:收到|受理)(?P<mid>[^。；;，,\d]{0,20}?)申请(?:数)?[ \t]*(?P<n>\d{1,9})[ \t]*[条件份个]"
        ),
    ),
    (
        "count",
        None,
        re.compile(
            r"(?P<label>(?:当面|传真|电子邮件|网上|网络|信函|其他形式|其它形式)申请(?:数)?)"
            r"[ \t]*(?P<n>\d{1,9})[ \t]*[条件份个]"
        ),
    ),
    (
        "count",
        LegacyItem.REPLIES_TOTAL,
        re.compile(r"(?P<label>答复总数)[ \t]*(?P<n>\d{1,9})[ \t]*[条件份个]"),
    ),
    (
        "count",
        None,
        re.compile(
            r"(?:其中|[，,；;、])[ \t]*(?P<label>[\u4e00-\u9fff]{2,12}?答复数)"
            r"[ \t]*(?P<n>\d{1,9})[ \t]*[条件份个]"
        ),
    ),
    (
        "count",
        LegacyItem.REVIEW,
        re.compile(r"收到(?P<n>\d{1,9})[ \t]*[份件个起]?(?:有关)?(?:政府信息公开)?的?行政复议"),
    ),
    (
        "count",
        LegacyItem.REVIEW,
        re.compile(r"行政复议(?:申请)?[ \t]*(?P<n>\d{1,9})[ \t]*[件起份个]"),
    ),
    (
        "none",
        LegacyItem.REVIEW,
        re.compile(
            r"未(?:收到|发生)(?:有关)?(?:政府信息公开)?的?行政复议(?P<lit>[、和及](?:提起)?行政诉讼)?"
        ),
    ),
    (
        "count",
        LegacyItem.LITIGATION,
        re.compile(r"行政诉讼(?:案件)?[ \t]*(?P<n>\d{1,9})[ \t]*[件起个]"),
    ),
    (
        "first",
        LegacyItem.PROACTIVE_TOTAL,
        re.compile(r"主动公开(?:政府)?信息[ \t]*(?P<n>\d{1,9})[ \t]*条"),
    ),
    (
        "none",
        LegacyItem.FEES_COLLECTED,
        re.compile(r"暂不收费|未收取(?:任何)?费用|不收取(?:任何)?费用"),
    ),
)


def _sentence(text: str, start: int, end: int) -> str:
    lo = start
    while lo > 0 and start - lo < 300 and text[lo - 1] not in _SEP:
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < 300 and text[hi] not in _SEP:
        hi += 1
    return text[lo:hi].strip()[:2000]


def _narrative(prose: str) -> list[LegacyValue]:
    found: list[tuple[int, LegacyValue]] = []
    seen: set[tuple[LegacyItem | None, str, int | None, str]] = set()

    def add(pos: int, label: str, item: LegacyItem | None, n: int, sentence: str) -> None:
        key = (item, label, n, sentence)
        if key in seen:
            return
        seen.add(key)
        found.append(
            (
                pos,
                LegacyValue(
                    label_zh=label[:200],
                    item=item,
                    cell=Cell.number(n),
                    source=LegacySource.NARRATIVE,
                    sentence=sentence,
                ),
            )
        )

    for kind, item, pattern in _PATTERNS:
        for k, m in enumerate(pattern.finditer(prose)):
            if k >= _MAX_STATED:
                break
            sentence = _sentence(prose, m.start(), m.end())
            if kind == "none":
                label = m.group(0)
                if item is LegacyItem.APPLICATIONS_TOTAL or item is LegacyItem.FEES_COLLECTED:
                    label = label.lstrip("未")
                if item is LegacyItem.REVIEW and m.group("lit"):
                    add(m.start(), "行政复议", item, 0, sentence)
                    add(m.start("lit"), "行政诉讼", LegacyItem.LITIGATION, 0, sentence)
                    continue
                add(
                    m.start(), "行政复议" if item is LegacyItem.REVIEW else label, item, 0, sentence
                )
                continue
            n = int(m.group("n"))
            groups = m.groupdict()
            if groups.get("mid") is not None:
                mid = groups["mid"]
                if "公开" not in mid or any(w in mid for w in (*_CHANNEL_WORDS, "复议", "诉讼")):
                    continue
                label = m.group(0)[: m.start("n") - m.start()].rstrip()
                add(m.start(), label, item, n, sentence)
            elif groups.get("label") is not None:
                label = re.sub(r"^其中", "", groups["label"])
                add(m.start(), label, item or LegacyItem.from_label(label), n, sentence)
            else:
                name = "行政复议" if item is LegacyItem.REVIEW else None
                if item is LegacyItem.LITIGATION:
                    name = "行政诉讼"
                if item is LegacyItem.PROACTIVE_TOTAL:
                    name = m.group(0)[: m.start("n") - m.start()].strip()
                add(m.start(), name or m.group(0), item, n, sentence)
            if kind == "first":
                break
    found.sort(key=lambda pv: pv[0])
    return [v for _, v in found]
