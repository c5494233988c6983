"""Catalogue records (政府信息公开目录, Art. 12) and the metadata blocks pages print.

Art. 12 para. 3: the catalogue lists each piece of information with its index,
name, summary and date of formation (索引、名称、内容概述、生成日期等). Government
websites print these as a metadata block above each document, with labels that vary
by site: 索引号 (索 引 号), 信息名称/标题, 内容概述/摘要, 生成日期/成文日期/发文日期,
发布机构/发文机关, 主题分类/组配分类, 文号/发文字号/发布文号, 发布日期, 有效性.

:func:`parse_catalogue_record` reads such a block, copied as text (one field a line,
tab- or pipe-separated, a flattened HTML table; half- or full-width colons), into a
:class:`CatalogueRecord`. Where the 索引号 begins with an 18-character 统一社会信用代码
(GB 32100-2015), its check character is verified with python-stdnum's ``cn.uscc``
(the ``catalogue`` extra); without python-stdnum the record says the check was not
performed (:attr:`CatalogueRecord.uscc_check`), it never passes silently.

Legal basis:
    - ogi-2019:12 (guide and catalogue), ogi-2019:26 (the dates that time
      proactive disclosure).

>>> r = parse_catalogue_record('''索 引 号：000014349/2018-00222   主题分类：卫生、体育\\\\医药管理
... 发文机关：国务院   成文日期：2018年12月21日
... 发文字号：国发〔2018〕43号   发布日期：2018年12月29日''')
>>> r.index_no, r.publisher, r.formed_on, r.published_on
('000014349/2018-00222', '国务院', datetime.date(2018, 12, 21), datetime.date(2018, 12, 29))
>>> r.doc_number, r.uscc_check.value
('国发〔2018〕43号', 'no_uscc')
"""

from __future__ import annotations

import importlib
import re
from datetime import date

from pydantic import Field

from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov.citations import Citation, cite
from opengov.disclosure import DocumentKind
from opengov.errors import CatalogueParseError, MissingExtraError

__all__ = [
    "MAX_CATALOGUE_CHARS",
    "CatalogueRecord",
    "UsccCheck",
    "parse_catalogue_record",
]

#: Longest text :func:`parse_catalogue_record` reads (a page's text, not a book).
MAX_CATALOGUE_CHARS = 200_000
_MAX_VALUE = 2000


class UsccCheck(CodeEnum):
    """Whether the 统一社会信用代码 in a 索引号 was checked."""

    VALID = "valid"
    NOT_PERFORMED = "not_performed"
    NO_USCC = "no_uscc"

    @property
    def label_zh(self) -> str:
        """Chinese label."""
        return {
            "valid": "统一社会信用代码校验码正确",
            "not_performed": "未校验（未安装 python-stdnum）",
            "no_uscc": "索引号不含统一社会信用代码",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English label."""
        return {
            "valid": "check character verified",
            "not_performed": "not checked (python-stdnum is not installed)",
            "no_uscc": "the index number has no unified social credit code",
        }[self.value]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The catalogue's index (Art. 12 para. 3)."""
        return (cite("ogi-2019:12.3"),)


class CatalogueRecord(FrozenModel):
    """One entry of a government information catalogue (Art. 12 para. 3).

    ``formed_on`` is the date of formation (生成日期, printed also as 成文日期 or
    发文日期), from which Art. 26 runs; ``published_on`` the date the site published
    it (发布日期/公开日期). ``topic_category`` is 主题分类 and ``grouping_category``
    组配分类. ``document_kind`` is set only when a field says so plainly (a
    category or document type that is exactly 规章, 规范性文件 or 行政规范性文件).
    ``uscc`` is the 统一社会信用代码 the 索引号 begins with, if any, and
    ``uscc_check`` whether its check character was verified. ``extra`` keeps every
    other labelled field, and a second value for a field already read, in order.
    """

    index_no: str = Field(default="", max_length=100)
    title: str = Field(default="", max_length=_MAX_VALUE)
    summary: str = Field(default="", max_length=_MAX_VALUE)
    formed_on: date | None = None
    published_on: date | None = None
    publisher: str = Field(default="", max_length=500)
    topic_category: str = Field(default="", max_length=500)
    grouping_category: str = Field(default="", max_length=500)
    doc_number: str = Field(default="", max_length=200)
    validity: str = Field(default="", max_length=100)
    repealed_on: date | None = None
    document_kind: DocumentKind | None = None
    uscc: str | None = None
    uscc_check: UsccCheck = UsccCheck.NO_USCC
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def agency(self) -> str:
        """The publishing agency (发布机构)."""
        return self.publisher

    @property
    def category(self) -> str:
        """组配分类 where printed, else 主题分类."""
        return self.grouping_category or self.topic_category

    @property
    def issued_on(self) -> date | None:
        """The day the document was made (制发): its date of formation."""
        return self.formed_on


# -- labels ------------------------------------------------------------------------------------

# field -> the labels sites print for it (spaces between characters are allowed)
_LABELS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "信息索引号"),
    "title": ("信息名称", "标题", "文件名称", "名称"),
    "summary": ("内容概述", "内容概要", "摘要"),
    "formed_on": ("生成日期", "成文日期", "发文日期", "印发日期"),
    "published_on": ("发布日期", "公开日期", "发布时间"),
    "publisher": ("发布机构", "发文机关", "发文机构", "发布单位", "公开责任部门"),
    "topic_category": ("主题分类", "信息分类", "分类"),
    "grouping_category": ("组配分类",),
    "doc_number": ("发布文号", "发文字号", "文件编号", "文号"),
    "validity": ("有效性",),
    "repealed_on": ("废止日期", "失效日期"),
    "_kind": ("公文种类", "文件类型", "体裁分类"),
    "_other": ("主题词", "来源", "实施日期", "统一编号", "所属栏目", "关键词", "有效期"),
}
_LIMITS = {"index_no": 100, "publisher": 500, "topic_category": 500,
           "grouping_category": 500, "doc_number": 200, "validity": 100}  # fmt: skip
_WS = "[ \\t\\u3000\\xa0]"


def _label_pattern(label: str) -> str:
    return f"{_WS}*".join(re.escape(ch) for ch in label)


_FIELD_OF: dict[str, str] = {}
for _field, _labels in _LABELS.items():
    for _label in _labels:
        _FIELD_OF[_label] = _field
# Longest labels first, so 发布文号 wins over 文号 and 信息分类 over 分类.
_ALL = sorted(_FIELD_OF, key=len, reverse=True)
# A label starts the text or follows a separator, and is followed by a colon (half- or
# full-width) or, in tab/pipe-separated copies, by a tab or a pipe. No nested
# quantifiers: the search is linear in the text.
_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s|•·;；,，>]))"
    r"(?P<label>"
    + "|".join(_label_pattern(lb) for lb in _ALL)
    + r")"
    + _WS
    + r"*(?:[:：]|(?=[\t|]))"
)
_TAG_RE = re.compile(r"<[^<>]{0,2000}>")
_ENTITY = {"&nbsp;": " ", "&emsp;": " ", "&ensp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">"}
_ENTITY_RE = re.compile("|".join(map(re.escape, _ENTITY)))
_SPACES_RE = re.compile(r"\s+")
_DATE_RE = re.compile(
    r"(?P<y>\d{4})\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})\s*日?"
    r"|(?P<y8>\d{4})(?P<m8>\d{2})(?P<d8>\d{2})"
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# 统一社会信用代码: 18 characters from digits and capitals without I, O, Z, S, V
# (GB 32100-2015), at the start of the 索引号 and followed by a separator or the end.
_USCC_RE = re.compile(r"^([0-9A-HJ-NPQRTUWXY]{18})(?=$|[/\-－—_ ])")
_KIND_OF: dict[str, DocumentKind] = {
    "规章": DocumentKind.RULE,
    "政府规章": DocumentKind.RULE,
    "部门规章": DocumentKind.RULE,
    "规范性文件": DocumentKind.NORMATIVE_DOCUMENT,
    "行政规范性文件": DocumentKind.NORMATIVE_DOCUMENT,
}


def _clean(text: str) -> str:
    text = _ENTITY_RE.sub(lambda m: _ENTITY[m[0]], text)
    return _TAG_RE.sub("\n", text)


def _value(raw: str, last: bool) -> str:
    """A field's printed value: whitespace collapsed, separators trimmed.

    The last field of a block runs to the end of the text, which is usually the
    page's body; only its first non-empty line is kept.
    """
    if last:
        lines = [ln for ln in raw.splitlines() if ln.strip(" \t\u3000\xa0|•·")]
        raw = lines[0] if lines else ""
    lines = [ln.strip(" \t\u3000\xa0|•·") for ln in raw.splitlines()]
    # A value wrapped over lines (a long title) is one value: CJK text joins without a space.
    joined = "".join(ln for ln in lines if ln)
    return _SPACES_RE.sub(" ", joined).strip(" |•·;；")


def _date(field: str, label: str, value: str) -> date | None:
    if not value:
        return None
    m = _DATE_RE.search(value.translate(_FULLWIDTH_DIGITS))
    if m is None:
        raise CatalogueParseError(
            f"{field} ({label}): {value[:40]!r} is not a date such as 2024年4月6日 or 2024-04-06"
        )
    y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y8"], m["m8"], m["d8"])
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        raise CatalogueParseError(
            f"{field} ({label}): {value[:40]!r} is not a day of the calendar"
        ) from None
    if not 1949 <= day.year <= 2100:
        raise CatalogueParseError(f"{field} ({label}): year {day.year} is implausible")
    return day


def _check_uscc(code: str, required: bool) -> UsccCheck:
    try:
        uscc = importlib.import_module("stdnum.cn.uscc")
    except ImportError:
        if required:
            raise MissingExtraError(
                "checking the 统一社会信用代码 in a 索引号 needs python-stdnum: "
                'pip install "opengov-cn[catalogue]"'
            ) from None
        return UsccCheck.NOT_PERFORMED
    if not uscc.is_valid(code):
        raise CatalogueParseError(
            f"index_no (索引号): {code} has the shape of a 统一社会信用代码 but its check "
            f"character is wrong (GB 32100-2015); check the number as printed"
        )
    return UsccCheck.VALID


def parse_catalogue_record(text: str, *, require_uscc_check: bool = False) -> CatalogueRecord:
    """Read a catalogue metadata block (see the module docs).

    Raises :class:`~opengov.errors.CatalogueParseError` naming the field for text
    over :data:`MAX_CATALOGUE_CHARS`, text with no known label, a date that does
    not exist, or a 统一社会信用代码 whose check character is wrong. With
    ``require_uscc_check=True``, a 索引号 holding such a code raises
    :class:`~opengov.errors.MissingExtraError` when python-stdnum is not installed
    (by default the record says ``uscc_check=not_performed``).
    """
    if not isinstance(text, str):
        raise CatalogueParseError(f"text must be a str, got {type(text).__name__}")
    if len(text) > MAX_CATALOGUE_CHARS:
        raise CatalogueParseError(
            f"text: {len(text):,} characters is over the limit of {MAX_CATALOGUE_CHARS:,}; "
            f"pass the metadata block, not a whole site"
        )
    text = _clean(text)
    matches = list(_LABEL_RE.finditer(text))
    if not matches:
        raise CatalogueParseError(
            "text: no catalogue label found (索引号, 信息名称/标题, 生成日期/成文日期, "
            "发布机构, 文号...) followed by a colon, tab or pipe"
        )
    values: dict[str, str] = {}
    labels: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for i, m in enumerate(matches):
        label = _SPACES_RE.sub("", m["label"]).replace("\u3000", "").replace("\xa0", "")
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = _value(text[m.end() : end], last=i + 1 == len(matches))
        field = _FIELD_OF[label]
        if field.startswith("_") or (field in values and value and value != values[field]):
            if value:
                extra.append((label, value[:_MAX_VALUE]))
            continue
        if field not in values or not values[field]:
            values[field] = value
            labels[field] = label
    record: dict[str, object] = {}
    for field in ("index_no", "title", "summary", "publisher", "topic_category",
                  "grouping_category", "doc_number", "validity"):  # fmt: skip
        v = values.get(field, "")
        limit = _LIMITS.get(field, _MAX_VALUE)
        if len(v) > limit:
            raise CatalogueParseError(
                f"{field} ({labels[field]}): {len(v):,} characters, more than {limit:,}; "
                f"is the block's text complete and separated into fields?"
            )
        record[field] = v
    for field in ("formed_on", "published_on", "repealed_on"):
        record[field] = _date(field, labels.get(field, field), values.get(field, ""))
    kinds = [_KIND_OF.get(v) for lb, v in extra if _FIELD_OF.get(lb) == "_kind"]
    kinds += [_KIND_OF.get(str(record[f])) for f in ("topic_category", "grouping_category")]
    found = {k for k in kinds if k is not None}
    record["document_kind"] = found.pop() if len(found) == 1 else None
    index_no = str(record["index_no"]).replace(" ", "")
    record["index_no"] = index_no
    code = _USCC_RE.match(index_no.upper())
    if code is not None:
        record["uscc"] = code[1]
        record["uscc_check"] = _check_uscc(code[1], require_uscc_check)
    record["extra"] = tuple(extra)
    return CatalogueRecord.model_validate(record)
