"""Reading a published report from a stream of tokens (private).

Both parsers (text dumps and HTML) turn a document into tokens: table cells, prose
paragraphs, and row/table ends. This module finds the tables by their printed labels
and reads the cells after each label. It never invents a number: when the cells after
a label cannot be placed unambiguously, they are all marked unread.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache, partial
from typing import NamedTuple

from opengov._model import trusted
from opengov.citations import to_chinese_numeral
from opengov.errors import (
    InvalidInputError,
    LegacyReportError,
    ReportFormatError,
    ReportParseError,
)
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.reports.model import (
    ODD_DIGIT,
    AnnualReport,
    ApplicationTable,
    Cell,
    CellKind,
    DisclosureRow,
    DisclosureTable,
    ReportText,
    ReviewKind,
    ReviewTable,
    disclosure_layout,
    prose_digits,
)

CELL, PARA, ROW_END, TABLE_END = 0, 1, 2, 3
RULE = 4  # a text dump's rule line (|||||, |---|): holds no cell, ends a run of them


class Tok(NamedTuple):
    text: str
    kind: int
    line: int = -1  # the line of a text dump the token comes from; -1 in HTML


_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+(?:[.、]|(?=\D)))"
)
_PUNCT = re.compile(r"[\s“”\"'‘’「」《》、,.。:;()\[\]【】/]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


_WS = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """NFKC (full-width to half-width), no whitespace."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)
def core(text: str) -> str:
    """A label without its numbering and punctuation, for matching."""
    s = norm(text)
    s = _NUMBERING.sub("", s, count=1)
    return _PUNCT.sub("", s)


def _label_matches(token_core: str, label: str) -> bool:
    lab = core(label)
    if token_core == lab:
        return True
    if len(lab) >= 4 and token_core.startswith(lab):
        return True
    return len(lab) >= 4 and len(token_core) >= 4 and lab.startswith(token_core)


# Row labels as some reports print them, other than the format's wording: a
# misprint that names the same row and no other (案件 for 案卷 in 7.属于行政执法案卷,
# seen in a published 2025 report of 平潭综合实验区市场监督管理局).
_PRINTED_VARIANTS: dict[OutcomeRow, tuple[str, ...]] = {
    OutcomeRow.WITHHELD_ENFORCEMENT_FILES: ("属于行政执法案件",),
}


# The row predicates are asked about the same texts row after row: answered once.
@lru_cache(maxsize=8192)
def _row_exact(text: str, row: OutcomeRow) -> bool:
    """The label of ``row`` exactly (numbering and punctuation aside)."""
    c = core(text)
    if row is OutcomeRow.PARTIALLY_DISCLOSED:
        return c in ("部分公开", core(row.label_zh))
    return c == core(row.label_zh) or c in _PRINTED_VARIANTS.get(row, ())


@lru_cache(maxsize=8192)
def _row_matches(token: str, row: OutcomeRow) -> bool:
    c = core(token)
    if any(_label_matches(c, v) for v in _PRINTED_VARIANTS.get(row, ())):
        return True
    if row is OutcomeRow.PARTIALLY_DISCLOSED:
        return c.startswith("部分公开")
    if row is OutcomeRow.OTHER_MISC or row is OutcomeRow.TOTAL:
        return c == core(row.label_zh)
    return _label_matches(c, row.label_zh)


def is_boundary(tok: Tok) -> bool:
    """A token that ends the cells of a row: a label, prose, or a row/table end."""
    if tok.kind != CELL:
        return True
    return _is_label(tok.text)


@lru_cache(maxsize=8192)
def _is_label(text: str) -> bool:
    """Text that reads as a label: Chinese characters and not a cell value."""
    return bool(_CJK.search(text)) and Cell.read(text).kind is CellKind.UNREAD


def take(span: Sequence[Tok], n: int, money: Sequence[bool] | None = None) -> tuple[Cell, ...]:
    """Place ``n`` cells from the tokens after a label, or mark them all unread.

    When the span runs to the end of a row (it ends with a ``ROW_END`` token) and
    has more cells than ``n``, all extra ones leading and blank, the values are the
    last ``n``: label columns sit on the left of a row, so blank cells between a
    label and its values (a second or third label column) are not values.
    """
    texts = [t.text for t in span if t.kind == CELL]
    flags = list(money) if money is not None else [False] * n

    def cells(values: Sequence[str]) -> tuple[Cell, ...]:
        if money is None:
            return tuple([Cell.read(v) for v in values[:n]])
        return tuple([Cell.read(v, money=m) for v, m in zip(values, flags, strict=False)])

    whole_row = bool(span) and span[-1].kind == ROW_END
    extra = len(texts) - n
    if whole_row and extra > 0 and not any(t.strip() for t in texts[:extra]):
        return cells(texts[extra:])
    filled = [i for i, v in enumerate(texts) if v.strip()]
    if len(texts) >= n and (not filled or filled[-1] < n):  # every filled cell among the first n
        return cells(texts[:n])
    lo, hi = 0, len(texts)
    while lo < hi and not texts[lo].strip():
        lo += 1
    while hi > lo and not texts[hi - 1].strip():
        hi -= 1
    if hi - lo == n:
        return cells(texts[lo:hi])
    if len(filled) == n:
        return cells([texts[i] for i in filled])
    raw = " | ".join(texts) or None
    return (Cell.unread(raw),) * n


def span_after(tokens: Sequence[Tok], i: int, end: int) -> list[Tok]:
    """The cells after the label at ``i``, and the ``ROW_END`` that ends them, if one does."""
    out: list[Tok] = []
    j = i + 1
    while j < end:
        tok = tokens[j]
        if tok.kind != CELL or _is_label(tok.text):  # is_boundary(tok), inline
            break
        out.append(tok)
        j += 1
    if j < end and tokens[j].kind == ROW_END:
        out.append(tokens[j])
    return out


# ------------------------------------------------------------ wrapped rows
#
# A text dump may wrap a long table row over two lines: the label ("5.要求行政机关
# 确认或重新出具" / "已获取信息 | 0 | …") or the values ("… | 48 | 7 |" / "2 | 1 | …").
# Such a row is joined only when that is unambiguous: a label only when the two
# pieces together read exactly as the row's label, values only when the line break
# falls on a ``|`` (not inside a cell) and the next line holds nothing but values.


def line_join(tokens: Sequence[Tok], j: int, end: int) -> int | None:
    """The token that continues the text of token ``j`` on the next line, if any.

    ``j`` must end its line (a ``ROW_END`` may follow) and the continuation must be
    the first token of the very next line: a cell of text, not a value.
    """
    text, kind, line = tokens[j]
    if line < 0 or kind not in (CELL, PARA) or not text:
        return None
    k = j + 1
    if k >= end:
        return None
    nxt = tokens[k]
    if nxt.kind == ROW_END and nxt.line == line:
        k += 1
        if k >= end:
            return None
        nxt = tokens[k]
    if nxt.kind != CELL or nxt.line != line + 1 or not nxt.text:
        return None
    if not _unread(nxt.text):
        return None
    return k


@lru_cache(maxsize=8192)
def _unread(text: str) -> bool:
    """``Cell.read(text)`` is unread: the text is not a value."""
    return Cell.read(text).kind is CellKind.UNREAD


def row_width(tokens: Sequence[Tok], start: int, end: int) -> int | None:
    """The most common number of cells on the lines of ``tokens[start:end]`` that
    hold a whole row (``None`` when there are none or two counts tie)."""
    counts: Counter[int] = Counter()
    line, cells = -1, 0
    for tok in tokens[start:end]:
        if tok.line != line:
            line, cells = tok.line, 0
        if tok.kind == CELL:
            cells += 1
        elif tok.kind == ROW_END and line >= 0:
            counts[cells] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _value_line(tokens: Sequence[Tok], k: int, end: int) -> list[Tok] | None:
    """The cells of the line starting at ``k`` when they are all values (or blank)
    and the line before is the one just above it; else ``None``."""
    if k >= end or k == 0 or tokens[k].kind != CELL:
        return None
    line = tokens[k].line
    if line < 0 or tokens[k - 1].line != line - 1:
        return None
    out: list[Tok] = []
    i = k
    while i < end and tokens[i].line == line and tokens[i].kind != ROW_END:
        if tokens[i].kind != CELL or is_boundary(tokens[i]):
            return None
        out.append(tokens[i])
        i += 1
    return out


def _cells_on_line(tokens: Sequence[Tok], j: int) -> int:
    line = tokens[j].line
    lo = j
    while lo > 0 and tokens[lo - 1].line == line:
        lo -= 1
    hi = j
    while hi + 1 < len(tokens) and tokens[hi + 1].line == line:
        hi += 1
    return sum(1 for t in tokens[lo : hi + 1] if t.kind in (CELL, PARA))


def _all_unread(cells: Sequence[Cell]) -> bool:
    return all(c.kind is CellKind.UNREAD for c in cells)


def _cells_after(
    tokens: Sequence[Tok],
    j: int,
    end: int,
    n: int,
    money: Sequence[bool] | None,
    width: int | None,
) -> tuple[Cell, ...]:
    """The ``n`` cells after the label at ``j``, their values maybe on the next line.

    When the line of the label is followed by a line of values only, the row may
    have been wrapped. A break inside a cell (no ``|`` on either side of it) makes
    the row unread. A line that already holds ``width`` cells, as the table's other
    rows do, is a whole row. Else the two lines are joined as one (a ``|`` on both
    sides of the break leaves a blank cell between them) when together they hold
    ``width`` cells; if they do not, the row is unread.
    """
    unread = (Cell.unread(),) * n
    if tokens[j].kind == PARA:  # a label on a line of its own
        head: list[Tok] = []
        after_separator = False
        k = j + 1
    else:
        span = span_after(tokens, j, end)
        if not span or span[-1].kind != ROW_END:
            stop = j + len(span) + 1
            if stop < end and 0 <= tokens[j].line == tokens[stop].line:
                # Text after the values on the label's own line (a 不适用 cut by a
                # wrap, a note): where the row's values end is not known.
                return unread
            return take(span, n, money)
        head = span[:-1]
        after_separator = span[-1].text == "|"
        k = j + len(span) + 1
    more = _value_line(tokens, k, end)
    if more is None:
        return unread if tokens[j].kind == PARA else take(span, n, money)
    starts_with_separator = bool(more) and not more[0].text  # the line began with "|"
    if not after_separator and not starts_with_separator:
        return unread  # the break fell inside a cell
    on_line = _cells_on_line(tokens, j)
    if tokens[j].kind == CELL and on_line == width:
        return take(span, n, money)
    if not after_separator:
        more = more[1:]  # the "|" that began the line ends the cell before it
    if width is None or on_line + len(more) != width:
        return unread
    return take([*head, *more, Tok("", ROW_END)], n, money)


def find_row(
    tokens: Sequence[Tok],
    start: int,
    end: int,
    matches: Callable[[str], bool],
    exact: Callable[[str], bool],
    n: int,
    money: Sequence[bool] | None = None,
    width: int | None = None,
) -> tuple[tuple[Cell, ...], int] | None:
    """The first row from ``start`` whose label ``matches``: its ``n`` cells and the
    index of its (last) label token; ``None`` when no label matches.

    A label wrapped over two lines is found when its pieces joined are ``exact``;
    values wrapped onto the next line are joined as :func:`_cells_after` says.
    """
    for j in range(start, end):
        text, kind, line = tokens[j]
        if kind != CELL and kind != PARA:
            continue
        cells = None
        if matches(text):
            cells = _cells_after(tokens, j, end, n, money, width)
            if not _all_unread(cells):
                return cells, j
        k = line_join(tokens, j, end) if line >= 0 else None  # no lines in HTML
        if k is not None and exact(text + tokens[k].text):
            return _cells_after(tokens, k, end, n, money, width), k
        if cells is not None and kind == CELL:
            return cells, j
    return None


# ---------------------------------------------------------------- short rows
#
# A dump printing one cell per line shows where a row ends only by the next label,
# and often ends each row with a line of its own: a rule ("||") or a blank cell
# ("|"). A cell line lost from such a row makes it one cell short: its values would
# be read shifted left, the closing blank taken for the last value. The rows of one
# table run the same number of lines past their values, so a row that runs fewer
# than most rows do and ends in a blank cell lacks a value, which one is not known:
# all its cells are unread. (A row that runs short and ends in a value lacks its
# closing line, as the last row of a table may.)


class Run(NamedTuple):
    """The lines after a label printed one cell per line: how many beyond the
    values (a closing rule counts), whether the last cell is blank, whether the
    table goes on after them (another label or rule follows), their text."""

    extra: int
    ends_blank: bool
    table_goes_on: bool
    raw: str


def cell_run(tokens: Sequence[Tok], j: int, end: int, n: int) -> Run | None:
    """The :class:`Run` after the label at ``j`` (``n`` values), when the label and
    each cell up to the next label or rule sit on lines of their own; else ``None``."""
    if tokens[j].line < 0:
        return None
    span = span_after(tokens, j, end)
    line = tokens[j].line
    for tok in span:
        if tok.kind != CELL or tok.line <= line:
            return None
        line = tok.line
    if not span:
        return None
    after = j + 1 + len(span)
    ruled = after < end and tokens[after].kind == RULE
    goes_on = after < end and tokens[after].kind in (CELL, RULE)
    raw = " | ".join(t.text for t in span)
    return Run(len(span) + ruled - n, not span[-1].text.strip(), goes_on, raw)


def unread_short_rows(
    rows: Sequence[tuple[Cell, ...]], runs: Sequence[Run | None]
) -> list[tuple[Cell, ...]]:
    """``rows`` with those whose run is short and ends in a blank unread.

    What is short is what most runs are not; a run at the end of a table, which may
    lack its closing line, is not counted for that.
    """
    counts = Counter(run.extra for run in runs if run is not None and run.table_goes_on)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return list(rows)
    usual = ranked[0][0]
    return [
        tuple(Cell.unread(run.raw) for _ in row)
        if run is not None and run.extra < usual and run.ends_blank
        else row
        for row, run in zip(rows, runs, strict=True)
    ]


# ------------------------------------------------------------------ metadata
#
# A report's title names its agency and year: 平潭综合实验区财政金融局2021年政府信息
# 公开工作年度报告. Published titles also write 年度 (平潭综合实验区2021年度…), put the
# year first (2019年上海市人民政府办公厅政府信息公开工作年度报告), drop 工作 or 政府
# (…地方税务局2013年信息公开年度报告), leave the agency out (2021年度政府信息公开工作
# 报告), put spaces around the year, have digits in the agency's name (海口市12345
# 政务服务便民热线中心), and sit in a line with breadcrumbs (当前位置：首页…政府信息公开
# 年报 平潭综合实验区2021年度…). A report named in 《》 is another document (《…关于
# 编制公布2021年政府信息公开工作年度报告有关事项的通知》), not the title.

_KIND = r"(?:政府信息|政务信息|信息|政务)公开(?:工作)?(?:年度)?(?:工作)?报告"
# What ends an agency's name on the left: punctuation (after NFKC), breadcrumb and
# file-name separators. Spaces are weaker (see _agency_before).
_BREAKS = r",.;:!?、。《》<>“”\"'「」『』【】\[\]|/\\_=»›·…"
_TITLE_PARTS = re.compile(
    rf"(?<!\d)(?P<year>(?:19|20)\d{{2}})\s?年度?\s?(?P<after>[^\s{_BREAKS}]{{0,30}}?)\s?{_KIND}"
)
_BREAK = re.compile(rf"[{_BREAKS}]")
# Breadcrumb words: a space-separated piece holding one is not part of a name.
_CRUMBS = ("位置", "首页", "年报", "栏目", "来源", "时间", "标题", "正文")
_LEADING_NOISE = re.compile(r"^(?:特向社会公布|现将|现公布|公布|根据.*规定|本机关|关于)+")
_LONGEST_NAME = 40  # longer is a sentence, not an agency's name


def _collapse(text: str) -> str:
    """NFKC (full-width to half-width), each run of whitespace one space."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def _clean_agency(name: str) -> str | None:
    """``name`` less leading words of a sentence; ``None`` when nothing is left or it
    cannot be a name (too long, or it holds a report's title)."""
    name = _LEADING_NOISE.sub("", name).strip("的 ")
    if not name or len(name) > _LONGEST_NAME or "报告" in name:
        return None
    return name


def _agency_before(text: str, end: int) -> str | None:
    """The agency's name just before ``end``: back to the last punctuation, less the
    breadcrumbs (space-separated pieces holding a breadcrumb word)."""
    window = text[max(0, end - 4 * _LONGEST_NAME) : end]  # bounded: linear in the text
    pieces = _BREAK.split(window)[-1].split()
    while pieces and any(w in pieces[0] for w in _CRUMBS):
        pieces.pop(0)
    return _clean_agency("".join(pieces))


def _agency_after(name: str) -> str | None:
    """The agency between the year and the kind of report (2019年X政府信息公开…)."""
    if name.endswith("人民"):  # 人民政府信息公开…: the 政府 is the agency's
        name += "政府"
    return _clean_agency(name)


def title_matches(text: str) -> Iterator[tuple[int, str | None]]:
    """The year and agency of every report title in ``text`` (not in 《》), in order.

    >>> list(title_matches("平潭综合实验区君山片区管理局 2022年政府信息公开工作年度报告"))
    [(2022, '平潭综合实验区君山片区管理局')]
    """
    t = _collapse(text)
    depth = seen = 0  # how deep in 《》 the text is at ``seen``
    for m in _TITLE_PARTS.finditer(t):
        depth += t.count("《", seen, m.start()) - t.count("》", seen, m.start())
        seen = m.start()
        if depth > 0:  # inside 《…》: the title of another document
            continue
        agency = _agency_before(t, m.start()) or _agency_after(m.group("after"))
        yield int(m.group("year")), agency


def find_year_agency(texts: Sequence[str]) -> tuple[int | None, str | None]:
    """The report year and agency from the first title among ``texts``.

    A title without an agency (2021年度政府信息公开工作报告) gives its year and
    ``None``, unless a later title of the same year names the agency.
    """
    year: int | None = None
    for raw in texts:
        for found_year, agency in title_matches(raw):
            if year is None:
                year = found_year
            if found_year == year and agency is not None:
                return year, agency
    return year, None


# --------------------------------------------------------------------- prose

_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("总体情况", "基本情况", "概述")),
    ("disclosure", ("主动公开",)),
    ("applications", ("收到和处理", "依申请公开")),
    ("review", ("行政复议", "行政诉讼")),
    ("problems", ("存在的主要问题", "存在的问题", "改进情况")),
    ("other_matters", ("其他需要报告",)),
)
_PART = re.compile(r"^[一二三四五六]、")


def heading_part(text: str) -> str | None:
    t = norm(text)
    if not _PART.match(t) or len(t) > 40:
        return None
    for part, words in _HEADINGS:
        if any(w in t for w in words):
            return part
    return None


def split_text(tokens: Sequence[Tok]) -> ReportText:
    parts: dict[str, list[str]] = {p: [] for p, _ in _HEADINGS}
    current: str | None = None
    for tok in tokens:
        if tok.kind != PARA:
            continue
        part = heading_part(tok.text)
        if part is not None:
            current = part
            continue
        if current is not None:
            parts[current].append(tok.text.strip())
    return ReportText(**{p: "\n".join(v) for p, v in parts.items()})


# The amount is a whole number: never the tail of one ("1,200" is not 200, "1 200"
# is not read), and thousands separators are read ("1,200元" is 1200). A "," not
# after a digit is a full-width "，" folded by NFKC, a plain separator in the prose.
_FEE = re.compile(
    r"信息处理费[^。;]{0,40}?"
    r"([0-9]{1,3}(?:,[0-9]{3}){1,4}(?:\.[0-9]{1,15})?|[0-9]{1,15}(?:\.[0-9]{1,15})?)"
    r"\s*(万元|元)"
)
_DIGIT_BEFORE = re.compile(rf"[0-9{ODD_DIGIT}][\s,.]*$")


def find_information_fee(other_matters: str) -> Decimal | None:
    """The 信息处理费 amount (元) stated in part 六, if any.

    >>> find_information_fee("本年度收取信息处理费共计1,200元。")
    Decimal('1200')
    """
    text = prose_digits(other_matters)
    m = _FEE.search(text)
    if m is None or _DIGIT_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)):
        return None
    try:
        amount = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        return None
    return amount * 10000 if m.group(2) == "万元" else amount


# -------------------------------------------------------------------- tables

_2021_MARKERS = ("逾期不补正", "缴纳费用", "收费通知")
_2021_MARKER = re.compile("|".join(_2021_MARKERS))  # any of them, in one search


@lru_cache(maxsize=4096)
def _marks_2021(text: str) -> bool:
    return _2021_MARKER.search(norm(text)) is not None


def _find(tokens: Sequence[Tok], start: int, end: int, pred: Callable[[str], bool]) -> int | None:
    for j in range(start, end):
        if tokens[j].kind == CELL and pred(tokens[j].text):
            return j
    return None


# A report's title: a short paragraph naming a year's 政府信息公开工作年度报告.
def _require_one_report(tokens: Sequence[Tok], i3: int) -> None:
    """Raise when the text holds more than one report.

    A second report starts at a 本年新收 cell that follows a table 四 (a 行政复议
    heading) or a report title after the table 三 before it. A 本年新收 cell with
    neither between (a table 三 printed twice, or split over two tables) is not
    taken for another report.
    """
    starts: list[tuple[int, Tok | None]] = []
    after_review = False
    title: Tok | None = None
    for j in range(i3 + 1, len(tokens)):
        tok = tokens[j]
        if tok.kind == PARA:
            t = norm(tok.text)
            if title is None and len(t) <= 80 and next(title_matches(t), None) is not None:
                title = tok  # the first title after the previous table 三
        elif tok.kind == CELL:
            if "本年新收" in norm(tok.text):
                if after_review or title is not None:
                    starts.append((j, title))
                after_review, title = False, None
            elif core(tok.text) == "行政复议":
                after_review = True
    if not starts:
        return
    j, title = starts[0]
    where = title if title is not None else tokens[j]
    line = f" (line {where.line + 1})" if where.line >= 0 else ""
    raise ReportParseError(
        f"the text holds {len(starts) + 1} reports: a second table 三 begins after the "
        f"first report's tables, at “{where.text[:60]}”{line}; split the text into one "
        "report each and parse them one by one"
    )


def read_report(
    tokens: Sequence[Tok],
    *,
    agency: str | None,
    year: int | None,
    format: ReportFormat | None,
) -> AnnualReport:
    n = len(tokens)
    i3 = _find(tokens, 0, n, lambda s: "本年新收" in norm(s))
    if i3 is None:
        i3 = _find_wrapped(tokens, n, OutcomeRow.RECEIVED)
    if i3 is None:
        _refuse_legacy(tokens)
        raise ReportParseError(
            "no table 三 found: no cell reads 一、本年新收政府信息公开申请数量; give the "
            "report's HTML, or its text with table cells separated by '|', tabs or "
            "wide spaces, one cell per line, or run together as crawlers save them"
        )
    _require_one_report(tokens, i3)
    found_year, found_agency = find_year_agency(
        [t.text for t in tokens[:i3] if t.kind == PARA][:40]
    )
    if year is None:
        year = found_year
    if year is None:
        raise ReportParseError(
            "the report year is not stated in a title like 'XX局2021年政府信息公开工作年度报告'; "
            "pass year= explicitly"
        )
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError(f"year must be an int, got {year!r}")
    if not 2019 <= year <= 2100:
        ReportFormat.for_year(year)  # ReportFormatError before 2019, with advice
        raise ReportFormatError(
            f"report year {year} is beyond 2100, the last year opengov reads reports for"
        )
    if agency is not None and not isinstance(agency, str):
        raise InvalidInputError(f"agency must be a str, got {type(agency).__name__}")
    if agency is None:
        agency = found_agency
    # Table 四 starts at the first 行政复议 header after table 三.
    i4 = _find(tokens, i3, n, lambda s: core(s) == "行政复议")
    end3 = i4 if i4 is not None else n
    if format is None:
        has_2021_rows = has_2019_other = False  # in one pass over the cells of table 三
        for tok in tokens[i3:end3]:
            if tok.kind == CELL:
                if _marks_2021(tok.text):
                    has_2021_rows = True
                    break
                has_2019_other = has_2019_other or core(tok.text) == "其他处理"
        if has_2021_rows:
            format = ReportFormat.F2021
        elif has_2019_other:
            format = ReportFormat.F2019
        else:
            format = ReportFormat.for_year(year)
    applications = _read_applications(tokens, i3, end3, format)
    review = _read_review(tokens, i4, n) if i4 is not None else ReviewTable.empty()
    i2 = _find(tokens, 0, i3, lambda s: norm(s).startswith("第二十条"))
    disclosure = (
        _read_disclosure(tokens, i2, i3, format)
        if i2 is not None
        else DisclosureTable.empty(format)
    )
    text = split_text(tokens)
    return AnnualReport(
        agency=agency,
        year=year,
        format=format,
        disclosure=disclosure,
        applications=applications,
        review=review,
        text=text,
        information_fee_yuan=find_information_fee(text.other_matters),
    )


#: The most characters of a legacy report's text that are read.
MAX_LEGACY_CHARS = 5_000_000

# Wordings that only 2008-2018 reports print (the legacy statistics form and its
# local variants), for telling a legacy report from a 2019/2021 one.
_LEGACY_EVIDENCE = (
    "同意公开答复",
    "同意部分公开答复",
    "否决公开答复",
    "不同意公开答复",
    "不予公开答复",
    "受理依申请公开信息总数",
    "对申请的答复",
    "政府信息公开情况统计表",
)


def legacy_evidence(texts: Iterable[str]) -> str | None:
    """The first legacy wording in ``texts`` (e.g. ``'同意公开答复'``), or ``None``.

    >>> legacy_evidence(["其中：1、同意公开答复数 条 0 0"])
    '同意公开答复'
    >>> legacy_evidence(["一、本年新收政府信息公开申请数量"]) is None
    True
    """
    for text in texts:
        t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text[:MAX_LEGACY_CHARS]))
        for marker in _LEGACY_EVIDENCE:
            if marker in t:
                return marker
    return None


def _refuse_legacy(tokens: Sequence[Tok]) -> None:
    """Raise :class:`LegacyReportError` when the text shows 2008-2018 wording."""
    from opengov.reports.legacy_report import LEGACY_YEARS

    # A report whose title states 2019 or later is not a legacy one, whatever its
    # prose says (a later report may quote the old wording, e.g. 同意公开答复).
    year, _ = find_year_agency([t.text for t in tokens[:5000] if t.kind == PARA][:40])
    if year is not None and year not in LEGACY_YEARS:
        return
    marker = legacy_evidence(t.text for t in tokens[:5000])
    if marker is not None:
        raise LegacyReportError(
            f"no table 三 found, but the text prints {marker!r}, wording of the 2008-2018 "
            "statistics tables: this is a report under the 2007 Regulation, which has no "
            "table 三; read it with opengov.reports.parse_legacy_report (or "
            "parse_legacy_report_text / parse_legacy_report_html), or read a folder of "
            "both eras with opengov.read_reports"
        )


def _find_wrapped(tokens: Sequence[Tok], end: int, row: OutcomeRow) -> int | None:
    """The first token of the label of ``row`` when a wrapped line splits it from its
    values or splits the label itself, if any."""
    for j in range(end):
        if tokens[j].kind not in (CELL, PARA):
            continue
        if tokens[j].kind == PARA and _row_exact(tokens[j].text, row):
            return j  # the label on a line of its own, its values on the next
        k = line_join(tokens, j, end)
        if k is not None and _row_exact(tokens[j].text + tokens[k].text, row):
            return j
    return None


def _read_applications(
    tokens: Sequence[Tok], start: int, end: int, fmt: ReportFormat
) -> ApplicationTable:
    rows: list[tuple[Cell, ...]] = []
    runs: list[Run | None] = []
    p = start
    width = row_width(tokens, start, end)
    for row in fmt.rows:
        found = find_row(
            tokens,
            p,
            end,
            lambda s, row=row: _row_matches(s, row),  # type: ignore[misc]
            lambda s, row=row: _row_exact(s, row),  # type: ignore[misc]
            7,
            width=width,
        )
        if found is None:
            rows.append((Cell.unread(),) * 7)
            runs.append(None)
            continue
        cells, j = found
        rows.append(cells)
        runs.append(cell_run(tokens, j, end, 7))
        p = j + 1
    # Every cell is a frozen Cell already; the shape is checked when the report is built.
    return trusted(ApplicationTable, format=fmt, cells=tuple(unread_short_rows(rows, runs)))


def _read_review(tokens: Sequence[Tok], start: int, end: int) -> ReviewTable:
    """Table 四: the official layout (15 values in one row after the headings), or
    one row of 5 values per 复议 / 直接起诉 / 复议后起诉 (the Markdown layout)."""
    span: list[Tok] = []
    j = start + 1
    while j < end and tokens[j].kind not in (PARA, TABLE_END):
        tok = tokens[j]
        if tok.kind == CELL:
            if is_boundary(tok):
                span = []
            else:
                span.append(tok)
        j += 1
    cells = take(span, 15)
    if any(c.kind is not CellKind.UNREAD for c in cells):
        return ReviewTable(cells=cells)
    by_kind: list[Cell] = []
    for kind in ReviewKind:
        label = core(kind.label_zh)
        row = None
        for i in range(start, j):
            if tokens[i].kind == CELL and core(tokens[i].text).endswith(label):
                found = take(span_after(tokens, i, j), 5)
                if any(c.kind is not CellKind.UNREAD for c in found):
                    row = found
                    break
        if row is None:
            return ReviewTable(cells=cells)
        by_kind.extend(row)
    return ReviewTable(cells=tuple(by_kind))


def _starts(text: str, prefix: str) -> bool:
    return norm(text).startswith(prefix)


@lru_cache(maxsize=4096)
def _disclosure_row_matches(text: str, row: DisclosureRow) -> bool:
    c = core(text)
    if row is DisclosureRow.NORMATIVE_DOCUMENTS:
        return c in ("规范性文件", "行政规范性文件")
    return c == core(row.label_zh)


def _read_disclosure(
    tokens: Sequence[Tok], start: int, end: int, fmt: ReportFormat
) -> DisclosureTable:
    rows: list[tuple[Cell, ...]] = []
    runs: list[Run | None] = []
    # The cells that start with 第二十条, found once: a section heading is one of them,
    # and so is the cell that ends its section.
    starts = [
        j
        for j in range(start, end)
        if tokens[j].kind == CELL and norm(tokens[j].text).startswith("第二十条")
    ]
    for section in disclosure_layout(fmt):
        heading = f"第二十条第({to_chinese_numeral(section.item)})项"
        h = next((j for j in starts if _starts(tokens[j].text, heading)), None)
        s_end = end
        if h is not None:
            nxt = next((j for j in starts if j > h), None)
            s_end = nxt if nxt is not None else end
        money = [c.is_money for c in section.columns]
        width = row_width(tokens, h, s_end) if h is not None else None
        for row in section.rows:
            found = None
            if h is not None:
                matches = partial(_disclosure_row_matches, row=row)
                found = find_row(
                    tokens, h, s_end, matches, matches, len(section.columns), money, width
                )
            if found is None:
                rows.append(tuple(Cell.unread() for _ in section.columns))
                runs.append(None)
            else:
                rows.append(found[0])
                runs.append(cell_run(tokens, found[1], end, len(section.columns)))
    cells = tuple(c for row in unread_short_rows(rows, runs) for c in row)
    # As for table 三: the cells are frozen Cells, the shape is checked with the report.
    return trusted(DisclosureTable, format=fmt, cells=cells)


def format_arg(format: ReportFormat | str | None) -> ReportFormat | None:
    """A ``format=`` argument of the parsers: a ReportFormat, its code, or None."""
    if format is None:
        return None
    try:
        return ReportFormat(format)
    except ValueError:
        raise InvalidInputError(f"unknown report format {format!r}: use '2019' or '2021'") from None
