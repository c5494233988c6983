"""Report text in the shapes it arrives in: tokens for the reader (private).

A text copy of a report holds its tables in one of these shapes:

- ``|``-separated cells (a dump, Markdown): read by :func:`text_tokens`, unchanged;
- tab-separated cells, one row per line (a browser's copy of an HTML table);
- columns aligned by spaces (``pdftotext -layout``): a row's label, then its values
  separated by spaces (a label may hold single spaces, columns of text are
  separated by two or more spaces or U+3000);
- one cell per line (plain ``pdftotext``): a row label on one line (maybe wrapped
  over several), then each value on a line of its own;
- joined text (crawler output): labels and values run together with no
  separator, a row's numbers as one run of digits (``一、本年新收政府信息公开申请数量
  5800000 58``); such runs are split by :mod:`opengov.reports._joined`.

The shape is decided from the text, never assumed, and a misread shape must not
produce numbers: cells it cannot place stay unread. Text with a ``|`` cell is a
``|`` dump; text where table-三 labels run straight into digits is joined text;
otherwise each line is read by what it holds, and when most values of a table
stand on lines of their own the text is read one cell per line, trusting a value
only after its own row label (see :func:`_one_per_line`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from opengov.citations import to_chinese_numeral
from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat
from opengov.reports._reader import CELL, PARA, ROW_END, Tok, core, heading_part, norm
from opengov.reports.model import (
    ApplicantColumn,
    Cell,
    CellKind,
    DisclosureRow,
    disclosure_layout,
)

_PIPE = re.compile(r"(?<!\\)\|")
_CJK = "\u4e00-\u9fff"
_NUMERAL = "一二三四五六七八九十"

# Numbering that starts a row label inside a longer piece of text: （一） / 一、 / 1.
_MARKER = re.compile(rf"(?<!第)(?:\([{_NUMERAL}]+\)|[{_NUMERAL}]+、)|\d[.、](?=[{_CJK}\"“(])")

# Joined text: a value run is digits, maybe with decimals, thousands separators or
# single spaces between digits; the digit before "2." of "2.其他…" is numbering.
_RUN = re.compile(r"\d(?:\d|[,.](?=\d)| (?=\d))*")
_NUMBERING_AFTER = re.compile(rf"[.、](?=[{_CJK}\"“(])")
# Digits running into 年/月/日: a date in the prose after a table ("…行政事业性收费0"
# then "2025年，我局…"), whose digits cannot be told from the last cell's.
_INTO_DATE = re.compile(r"[年月日]")

# Headings of the six parts as printed (crawler text keeps them inside one line).
_PARTS = re.compile(
    r"[一二三四五六]、(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况"
    r"|政府信息公开行政复议[、和及]?行政诉讼情况"
    r"|(?:政府信息公开(?:工作)?)?存在的主要问题(?:[及和](?:改进情况|改进措施|明年工作计划|下一步工作计划))?"
    r"|其他需要报告的事项)"
)
_CRAWLER_TITLE = re.compile(r"^\s*标题\s*[:：]\s*(.+?)\s*$")
_GAP = re.compile(r"(?:[ \t]{2,}|\u3000+)")

# Words split out of a run of label text in joined text: the rows of table 二 and
# the headers of table 四 (which the reader finds as cells of their own).
_WORDS = tuple(
    sorted(
        {
            *(r.label_zh for r in DisclosureRow),
            "行政规范性文件",
            "行政复议",
            "行政诉讼",
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "未经复议直接起诉",
            "复议后起诉",
        },
        key=len,
        reverse=True,
    )
)
_WORD = re.compile("|".join(re.escape(w) for w in _WORDS))

_ROW_CORES: tuple[tuple[str, OutcomeRow], ...] = tuple((core(r.label_zh), r) for r in OutcomeRow)
_LONG_CORES = tuple(sorted({c for c, _ in _ROW_CORES if len(c) >= 4}, key=len, reverse=True))
# a label, then digits that are not the numbering of the next label ("1.申请人…")
_ADJACENT = re.compile("(" + "|".join(re.escape(c) for c in _LONG_CORES) + r") ?(?!\d[.、])\d")
# digits running straight into the number of the next label: 9二、 / 0（二） / 02.其他
_INTO_LABEL = re.compile(rf"\d ?(?:[{_NUMERAL}]+、|\([{_NUMERAL}]+\)|\d[.、][{_CJK}])")
_LABEL_PUNCT = re.compile(r"[“”\"'‘’「」《》,。:;()\[\]【】/]")  # not spaces, "." or "、"
# headings of groups of rows (（三）不予公开 …), which no values follow
_GROUP_CORES = frozenset(
    core(g.label_zh) for g in OutcomeGroup if sum(r.group is g for r in OutcomeRow) > 1
) | {"本年度办理结果"}
_DISCLOSURE_CORES = frozenset({*(core(r.label_zh) for r in DisclosureRow), "行政规范性文件"})


def shape_tokens(text: str, text_tokens: Callable[[str], list[Tok]]) -> tuple[list[Tok], bool]:
    """The reader's tokens for ``text``, and whether it is joined text (whose runs
    of digits :func:`opengov.reports._joined.recover` may split).

    Text with ``|`` cells goes to ``text_tokens``
    (:func:`opengov.reports.parse_text.text_tokens`, which calls this module).
    """
    lines = text.splitlines()
    if any(_is_pipe_row(line) for line in lines):
        return text_tokens(text), False
    if any(is_joined(line) for line in lines):
        return joined_tokens(lines), True
    if any(_SEPARATOR_LINE.match(line) for line in lines):
        lines = rejoin_cells(lines)
    return line_tokens(lines), False


def _is_pipe_row(line: str) -> bool:
    """True for a line of ``|``-separated cells with a value or a table label among
    them (a page footer ``使用帮助 | 联系我们`` is not a table row).

    >>> _is_pipe_row("规章 | 0 | 0 | 1 |"), _is_pipe_row("使用帮助 | 联系我们 | 隐私保护")
    (True, False)
    """
    if not _PIPE.search(line):
        return False
    for piece in _PIPE.split(line):
        text = piece.strip()
        if not text:
            continue
        c = core(text)
        if (
            _is_value(text)
            or c in _EXACT
            or c in _GROUP_CORES
            or _row_label(text) is not None
            or norm(text).startswith("第二十条")
            or c in ("行政复议", "行政诉讼", "信息内容", "申请人情况")
        ):
            return True
    return False


# ----------------------------------------------------------------- joined text


def is_joined(line: str) -> bool:
    """True when table-三 row labels run into digits (at most one space between) and
    digits run straight into the number of a next label.

    >>> is_joined("一、本年新收政府信息公开申请数量5800000 58二、上年结转政府信息公开申请数量0000000三、")
    True
    >>> is_joined("一、本年新收政府信息公开申请数量  58  0  0  0  0  0  58")
    False
    """
    folded = unicodedata.normalize("NFKC", line)
    labels = {m.group(1) for m in _ADJACENT.finditer(_LABEL_PUNCT.sub("", folded))}
    return len(labels) >= 2 and _INTO_LABEL.search(folded) is not None


def _squeeze(text: str) -> str:
    """NFKC, and whitespace kept only between two digits (a cell boundary there)."""
    s = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    return re.sub(r"(?<!\d) | (?!\d)", "", s)


def joined_tokens(lines: Sequence[str]) -> list[Tok]:
    """Tokens for joined text: prose as paragraphs, the tables from the heading of
    part 二 (or the first table label) to that of part 五 as label cells and value
    runs, each run one cell ended by a row end."""
    out: list[Tok] = []
    body: list[str] = []
    for line in lines:
        title = _CRAWLER_TITLE.match(line)
        if title and not body:
            out.append(Tok(title.group(1), PARA))
        elif line.strip():
            body.append(line.strip())
    text = "\n".join(body)
    start, end = _table_region(text)
    out.extend(_prose(text[:start]))
    table = text[start:end]
    at = 0
    for m in _PARTS.finditer(table):
        out.extend(_table_part(table[at : m.start()]))
        out.append(Tok(m.group(0), PARA))
        at = m.end()
    out.extend(_table_part(table[at:]))
    out.extend(_prose(text[end:]))
    return out


def _table_region(text: str) -> tuple[int, int]:
    firsts = [
        i
        for i in (
            next((m.start() for m in _PARTS.finditer(text) if "主动公开" in m.group(0)), -1),
            text.find("第二十条第"),
            text.find("本年新收政府信息公开申请数量"),
        )
        if i >= 0
    ]
    if not firsts:
        return len(text), len(text)
    start = min(firsts)
    end = next(
        (
            m.start()
            for m in _PARTS.finditer(text, start)
            if "存在的主要问题" in m.group(0) or "其他需要报告" in m.group(0)
        ),
        len(text),
    )
    return start, end


def _prose(text: str) -> list[Tok]:
    """Paragraphs: the lines of ``text``, cut before and after each part heading."""
    out: list[Tok] = []
    at = 0
    for m in _PARTS.finditer(text):
        out.extend(Tok(p.strip(), PARA) for p in text[at : m.start()].split("\n") if p.strip())
        out.append(Tok(m.group(0), PARA))
        at = m.end()
    out.extend(Tok(p.strip(), PARA) for p in text[at:].split("\n") if p.strip())
    return out


def _table_part(raw: str) -> list[Tok]:
    """Label cells and value runs of joined table text."""
    s = _squeeze(raw)
    out: list[Tok] = []
    label_start = 0
    pos = 0
    while pos < len(s):
        m = _RUN.match(s, pos) if s[pos].isdigit() else None
        if m is None:
            pos += 1
            continue
        end = m.end()
        if _NUMBERING_AFTER.match(s, end):
            end -= 1  # "…00000002.其他…": the 2 numbers the next label
        if _INTO_DATE.match(s, end):
            pass  # where the value ends is not known: left as text, the row unread
        elif end > pos:
            out.extend(_label_cells(s[label_start:pos]))
            out.append(Tok(s[pos:end].strip(), CELL))
            out.append(Tok("", ROW_END))
            label_start = end
        pos = max(end, pos + 1)
    out.extend(_label_cells(s[label_start:]))
    return out


def _label_cells(text: str) -> list[Tok]:
    """Label text cut before each row number and around the words of tables 二 and 四."""
    return [Tok(piece, CELL) for piece in split_labels(text, words=True)]


def split_labels(text: str, *, words: bool = False) -> list[str]:
    """``text`` cut before each numbering (（一）, 一、, 1.) that is not at its start,
    and, with ``words``, around the row labels of table 二 and the headers of 四.

    >>> split_labels("三、本年度办理结果（一）予以公开")
    ['三、本年度办理结果', '（一）予以公开']
    >>> split_labels("现行有效件数规章", words=True)
    ['现行有效件数', '规章']
    """
    cuts = {0, len(text)}
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) == len(text):
        cuts.update(m.start() for m in _MARKER.finditer(folded))
        if words:
            for m in _WORD.finditer(folded):
                cuts.update((m.start(), m.end()))
    pieces = [text[a:b].strip() for a, b in zip(sorted(cuts), sorted(cuts)[1:], strict=False)]
    return [p for p in pieces if p]


# ------------------------------------------------------- tabs, layout, one per line

_SEPARATOR_LINE = re.compile(r"^[ \u00a0]*\t[\t \u00a0]*$")
_BLANK = re.compile(r"^[ \u00a0\u3000]*$")


def rejoin_cells(lines: Sequence[str]) -> list[str]:
    r"""A browser copy whose cells hold paragraphs, one row per line again.

    Chromium copies a table whose cells hold ``<p>`` paragraphs with each paragraph
    on a line of its own, blank lines around them, a line holding only a tab between
    two cells and at least two blank lines between rows. The lines of a cell closed
    by a tab are one cell (``商业`` / ``企业``: 商业企业); a value ends its cell, so a
    value then text is a row end (the table's last row, then the next paragraph);
    the last cell of a row is its first line, the lines after it stay lines; a
    part heading is a line of its own.

    >>> rejoin_cells(["商业", "", "企业", "", "\t", "", "科研", "机构", "", "", "", "规章", "", "\t", "0"])
    ['商业企业\t科研', '机构', '规章\t0']
    """
    out: list[str] = []
    row: list[str] = []  # the cells of the row being read
    cell: list[str] = []  # the lines of the cell being read
    blanks = 0

    def end_row() -> None:
        rest = cell[1:]
        if cell:
            row.append(cell[0])
        if row:
            out.append("\t".join(row))
        out.extend(rest)
        row.clear()
        cell.clear()

    for line in lines:
        if _SEPARATOR_LINE.match(line):
            row.append("".join(cell))
            row.extend([""] * (line.count("\t") - 1))
            cell.clear()
            blanks = 0
            continue
        if _BLANK.match(line):
            blanks += 1
            continue
        text = line.replace("\u00a0", " ").strip()
        if heading_part(text):  # a part heading is a line of its own
            end_row()
            out.append(text)
            blanks = 0
            continue
        value = _is_value(text)
        if blanks >= 2 or (cell and (value or _is_value(cell[-1]))):
            end_row()
        cell.append(text)
        blanks = 0
    end_row()
    return out


class _Item(NamedTuple):
    text: str
    value: bool
    line: int


def _is_value(text: str) -> bool:
    return Cell.read(text).kind in (CellKind.NUMBER, CellKind.NOT_APPLICABLE)


def _line_items(line: str, number: int) -> tuple[list[_Item], bool]:
    """The cells of one line, and whether the line is a table row (several cells)."""
    if "\t" in line:
        pieces = [p.strip() for p in line.split("\t")]
        filled = [p for p in pieces if p]
        if len(filled) >= 2:
            return [_Item(p, _is_value(p), number) for p in pieces], True
        return [_Item(p, _is_value(p), number) for p in filled], False
    words = line.split()
    values: list[str] = []
    while words and _is_value(words[-1]):
        values.append(words.pop())
    values.reverse()
    label = line.strip()
    if values:
        # the label is what precedes the first value, spaces inside it kept
        cut = len(line.rstrip())
        for v in reversed(values):
            cut = line.rstrip().rfind(v, 0, cut)
        label = line[:cut].strip()
    pieces = [p for part in _GAP.split(label) for p in split_labels(part)] if label else []
    items = [_Item(p, False, number) for p in pieces] + [_Item(v, True, number) for v in values]
    return items, len(items) >= 2


def line_tokens(lines: Sequence[str]) -> list[Tok]:
    """Tokens for text without ``|`` and without joined runs.

    Outside the tables every line is a paragraph. In them, a line with tabs, with
    columns set apart by wide gaps, or with a label followed by values is a row (its
    cells, then a row end); a line holding one cell is a cell of its own. When more
    values of the tables stand alone on their lines than in rows, the tables are
    read one cell per line (:func:`_one_per_line`).
    """
    parsed = [_line_items(line, n) for n, line in enumerate(lines)]
    start, end = _line_region(lines)
    region = parsed[start:end]
    lone = sum(1 for items, row in region if not row and items and items[0].value)
    rows = sum(1 for items, row in region if row and any(i.value for i in items))
    out: list[Tok] = [
        Tok(line.strip(), PARA, n) for n, line in enumerate(lines[:start]) if line.strip()
    ]
    if lone > rows:
        out.extend(_one_per_line([i for items, _ in region for i in items]))
    else:
        mended = _mend_labels(
            _mend_split_rows(
                [
                    [] if "\t" in line else items
                    for line, (items, _) in zip(lines, parsed, strict=True)
                ]
            )
        )
        mended = [
            p[0] if "\t" in line else m for line, p, m in zip(lines, parsed, mended, strict=True)
        ]
        for n in range(start, end):
            items = mended[n]
            text = lines[n].strip()
            if not items:
                continue
            if heading_part(text) or (len(text) > 40 and "。" in text):
                out.append(Tok(text, PARA, n))
                continue
            out.extend(Tok(i.text, CELL, n) for i in items)
            out.append(Tok("", ROW_END, n))
    out.extend(
        Tok(line.strip(), PARA, n) for n, line in enumerate(lines) if n >= end and line.strip()
    )
    return out


_NUMBER_ONLY = re.compile(rf"^(?:\d[.、．]|[(（][{_NUMERAL}]+[)）]|[{_NUMERAL}]+、)$")
_EXACT = frozenset({*(c for c, _ in _ROW_CORES), *_DISCLOSURE_CORES})


def _mend_labels(lines: Sequence[list[_Item]]) -> list[list[_Item]]:
    """Row labels wrapped around their values made whole again.

    ``pdftotext -layout`` prints a label cell of several lines around the line of
    its values: ``5.要求行政机关确认或重新出`` above ``具已获取信息 0 2 …``, the number
    ``1.`` on a line of its own, words below the values. For a line of values whose
    label is not a row label of the formats, the texts of up to three lines just
    above and below that hold no values are tried with it, numbers first; the label
    is mended when exactly one label results, word for word a row label. A label
    on the line just above may also stand alone, the text beside the values being a
    piece of a group heading (``提供`` of （四）无法提供), when the next line holds
    values of its own (so these values cannot be the next row's). Lines copied
    with tabs hold whole cells and are given here empty, so they are left alone.
    """
    out = [list(items) for items in lines]
    for n, items in enumerate(out):
        values = [i for i in items if i.value]
        texts = [i for i in items if not i.value]
        if not values or (texts and core(texts[-1].text) in _EXACT):
            continue
        last = texts[-1] if texts else None
        ups = _text_lines(out, n, -1)
        downs = _text_lines(out, n, 1)
        hits: dict[str, tuple[str, int, int, str]] = {}  # by the row label read
        # the text beside the values, or its end after a space (``他处理 用、行政…``
        # begins with a piece of the group heading), or none of it
        owns = [""] if last is None else [*dict.fromkeys([last.text, last.text.split()[-1]]), ""]
        for a in range(len(ups) + 1):
            for b in range(len(downs) + 1):
                for own in owns:
                    if last is not None and not own and (b or not a or not _values_follow(out, n)):
                        continue  # the text beside the values left out: the label above alone
                    pieces = [out[k][-1].text for k in reversed(ups[:a])]
                    pieces += [own] if own else []
                    pieces += [out[k][0].text for k in downs[:b]]
                    if not pieces:
                        continue
                    numbers = [p for p in pieces if _NUMBER_ONLY.match(p)]
                    label = "".join(numbers + [p for p in pieces if not _NUMBER_ONLY.match(p)])
                    if core(label) in _EXACT:
                        hits.setdefault(core(label), (label, a, b, own))
        if len(hits) != 1:
            continue
        ((label, a, b, own),) = hits.values()
        for k in ups[:a]:
            out[k].pop()
        for k in downs[:b]:
            out[k].pop(0)
        mended = _Item(label, False, values[0].line)
        if own and last is not None:
            items[items.index(last)] = mended
            if own != last.text:  # keep the piece of the heading before the label
                items.insert(
                    items.index(mended), last._replace(text=last.text[: -len(own)].strip())
                )
        else:
            items.insert(items.index(values[0]), mended)
    return out


_ROW_WIDTH = len(ApplicantColumn)


def _mend_split_rows(lines: Sequence[list[_Item]]) -> list[list[_Item]]:
    """Table-三 rows whose values ``pdftotext -layout`` split between the lines of a
    wrapped label, made whole where their order does not matter.

    A value may be printed beside the label's first line and the others on a later
    line (``2.没有现成信息需要另行制作 0`` above ``提供 0 0 0 0 0 0``); which column
    the lone value is in is not printed. The values are joined only when the two
    lines, with at most two lines of text between, hold a row's values exactly and
    they are all the same, so that every order reads alike; the label is the one
    beside the first values, or the pieces of the lines joined (numbers first) when
    that is word for word a row label, and no other row label is in the lines.
    """
    out = [list(items) for items in lines]
    cores = {c for c, _ in _ROW_CORES}
    for n, items in enumerate(out):
        first = [i for i in items if i.value]
        texts = [i for i in items if not i.value]
        if not first or len(first) >= _ROW_WIDTH or not texts:
            continue
        between: list[int] = []
        k = n + 1
        while k < len(out) and out[k] and not any(i.value for i in out[k]) and len(between) < 2:
            between.append(k)
            k += 1
        if k >= len(out) or not out[k]:
            continue
        second = [i for i in out[k] if i.value]
        later = [i for i in out[k] if not i.value]
        values = first + second
        if len(values) != _ROW_WIDTH or len({v.text for v in values}) != 1:
            continue
        others = [i.text for j in between for i in out[j]] + [i.text for i in later]
        if any(core(t) in cores for t in others):
            continue
        if core(texts[-1].text) in cores:
            label = None
        else:
            pieces = [texts[-1].text, *(out[j][0].text for j in between)]
            pieces += [later[0].text] if later else []
            numbers = [p for p in pieces if _NUMBER_ONLY.match(p)]
            label = "".join(numbers + [p for p in pieces if not _NUMBER_ONLY.match(p)])
            if core(label) not in cores:
                continue
            for j in between:
                out[j].pop(0)
            if later:
                out[k].remove(later[0])
            items[items.index(texts[-1])] = texts[-1]._replace(text=label)
        out[k] = [i for i in out[k] if not i.value]
        items.extend(second)
    return out


def _text_lines(lines: Sequence[list[_Item]], n: int, step: int) -> list[int]:
    """Up to three lines next to line ``n`` (above for -1, below for 1) holding text
    and no values, nearest first; a blank line or a line of values ends them."""
    found: list[int] = []
    k = n + step
    while 0 <= k < len(lines) and len(found) < 3 and lines[k]:
        if any(i.value for i in lines[k]):
            break
        found.append(k)
        k += step
    return found


def _values_follow(lines: Sequence[list[_Item]], n: int) -> bool:
    """True when the next line after ``n`` that is not blank holds values."""
    for items in lines[n + 1 :]:
        if items:
            return any(i.value for i in items)
    return False


def _line_region(lines: Sequence[str]) -> tuple[int, int]:
    """The lines of the tables: from the first table label to the heading of part 五."""
    start = next(
        (
            n
            for n, line in enumerate(lines)
            if "第二十条" in line or "本年新收" in line or "申请人情况" in line
        ),
        len(lines),
    )
    end = next(
        (
            n
            for n in range(start, len(lines))
            if heading_part(lines[n].strip()) in ("problems", "other_matters")
        ),
        len(lines),
    )
    return start, end


def _row_label(text: str) -> OutcomeRow | None:
    c = core(text)
    for label, row in _ROW_CORES:
        if c == label or (len(c) >= 4 and len(label) >= 4 and label.startswith(c)):
            return row
    return None


def _is_row(text: str) -> bool:
    """A label a row of values follows: a row of table 三 or 二, not a group heading."""
    c = core(text)
    if c in _DISCLOSURE_CORES:
        return True
    return _row_label(text) is not None and c not in _GROUP_CORES


def _one_per_line(items: Sequence[_Item]) -> Iterable[Tok]:
    """Tokens for tables printed one cell per line, keeping values only where the
    order of the text is plainly label-then-values.

    ``pdftotext`` orders text by its position on the page, and a label set lower in
    its cell than the values comes after them: a value would then be read for the
    row below. So in each table (each 第二十条 item of 二, then 三) values are kept
    only when every run of values follows a row label (or the last line of a
    wrapped one), and every row label but a group heading is followed by values
    before the next; else all that table's values are dropped and its cells stay
    unread. Table 四 has one row of values after its headings and is kept as read.
    """
    tables: list[list[_Item]] = [[]]
    for item in items:
        t = norm(item.text)
        if not item.value and (
            t.startswith("第二十条") or "申请人情况" in t or core(item.text) == "行政复议"
        ):
            tables.append([])
        tables[-1].append(item)
    fmt = (
        ReportFormat.F2021
        if any(m in norm(i.text) for i in items for m in _F2021_MARKERS)
        else ReportFormat.F2019
    )
    for table in tables:
        review = bool(table) and core(table[0].text) == "行政复议"
        keep = review or _label_then_values(table, _width(table, fmt))
        for item in table:
            if item.value and not keep:
                continue
            kind = PARA if not item.value and heading_part(item.text) else CELL
            yield Tok(item.text, kind, item.line)


_F2021_MARKERS = ("本年制发件数", "逾期不补正", "缴纳费用", "收费通知")
_ITEM = re.compile(rf"^第二十条第\(([{_NUMERAL}]+)\)项")


def _width(table: Sequence[_Item], fmt: ReportFormat) -> int | None:
    """How many values each row of ``table`` holds: 7 in table 三, the columns of
    its 第二十条 item in table 二; ``None`` when that is not known."""
    if not table or table[0].value:
        return None
    m = _ITEM.match(norm(table[0].text))
    if m is None:
        return 7 if any(_row_label(i.text) for i in table if not i.value) else None
    for section in disclosure_layout(fmt):
        if to_chinese_numeral(section.item) == m.group(1):
            return len(section.columns)
    return None


def _label_then_values(table: Sequence[_Item], width: int | None) -> bool:
    waiting = False  # a row label not yet followed by its values
    for k, item in enumerate(table):
        if item.value:
            if k and table[k - 1].value:
                continue  # inside a run of values
            before = table[k - 1].text if k else ""
            if not (_is_row(before) or core(before) == "其他处理" or _continues(table, k)):
                return False
            run = next((j for j in range(k, len(table)) if not table[j].value), len(table)) - k
            if width is None or run != width:
                return False  # a value missing or out of place: the row cannot be placed
            waiting = False
        elif _is_row(item.text):
            if waiting:
                return False  # the row label before got no values: the order flipped
            waiting = True
    return not waiting


def _continues(table: Sequence[_Item], k: int) -> bool:
    """True when the two or three texts just before ``table[k]`` join into a row label."""
    texts: list[str] = []
    j = k - 1
    while j >= 0 and not table[j].value and len(texts) < 3:
        texts.insert(0, table[j].text)
        joined = "".join(texts)
        row = _row_label(joined)
        if len(texts) > 1 and row is not None and core(joined) == core(row.label_zh):
            return True
        j -= 1
    return False
