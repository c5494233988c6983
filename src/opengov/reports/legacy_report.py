"""Legacy annual reports (2008-2018 年度报告) as whole documents: model and checks.

Reports for 2008-2018 were written under the 2007 Regulation (国务院令第492号), whose
Art. 32 listed what a report holds: proactive disclosure, applications and refusals,
fees and waivers, reconsideration and litigation. They have no table 三. Most
publish a statistics table (政府信息公开情况统计表) whose wording varies by province
and year; some state the counts only in the prose ("共收到…申请21条，其中当面申请数18
条").

A :class:`LegacyReport` keeps every printed line with its value as a
:class:`LegacyValue`: the label as printed, the canonical :class:`LegacyItem` it
maps to (``None`` when the label is not known: kept, never dropped), the cell
(:class:`~opengov.reports.Cell`, unread when not certain), and its source (the
statistics table or a sentence of the narrative, which is kept).

:func:`check_legacy_report` applies what such tables allow (the 其中 lines and their
total, the table against the prose) and returns :class:`LegacyFinding` results.

Legal basis:
    - ogi-2007:32 (report contents; the article's wording is recalled, level [M] in
      the project's legal reference), ogi-2007:21-22 (reply types), ogi-2007:27
      (fees); the table lines themselves are local table conventions.

>>> from opengov.reports.legacy_report import LegacyItem
>>> LegacyItem.from_label("其中：1、同意公开答复数")
<LegacyItem.REPLY_AGREED: 'reply_agreed'>
>>> LegacyItem.from_label("3.否决公开答复数").outcome.value
'refused'
>>> LegacyItem.from_label("某种新答复数") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from pydantic import Field, model_validator

from opengov._lookup import CodeEnum, lookup
from opengov._model import FrozenModel
from opengov.citations import Citation, cite
from opengov.errors import InvalidInputError
from opengov.legacy import LegacyOutcome
from opengov.reports.checks import Severity
from opengov.reports.model import Cell, CellKind, Completeness

__all__ = [
    "LEGACY_YEARS",
    "LegacyFinding",
    "LegacyItem",
    "LegacyReport",
    "LegacyRule",
    "LegacySource",
    "LegacyValue",
    "check_legacy_report",
]

LEGACY_YEARS = range(2008, 2019)
"""Report years written under the 2007 Regulation (in force 2008-05-01) and before
the 2019 format: 2008 to 2018."""


class _ItemInfo(NamedTuple):
    label_zh: str
    label_en: str
    group: str  # proactive / applications / channel / replies / reply / review / fees
    outcome: LegacyOutcome | None
    synonyms: tuple[str, ...]  # label keys (see _key) that map here
    note: str | None  # where the mapping of a wording is an interpretation


class LegacyItem(CodeEnum):
    """A canonical line of the 2008-2018 statistics tables, whatever its printed wording.

    ``label_zh`` is one printed wording (the most common seen); the wordings each
    item is read from are in :meth:`from_label`. Reply lines carry the
    :class:`~opengov.legacy.LegacyOutcome` they count, when there is one.
    """

    PROACTIVE_TOTAL = "proactive_total"
    PROACTIVE_WEBSITE = "proactive_website"
    PROACTIVE_GAZETTE = "proactive_gazette"
    APPLICATIONS_TOTAL = "applications_total"
    CHANNEL_IN_PERSON = "channel_in_person"
    CHANNEL_FAX = "channel_fax"
    CHANNEL_EMAIL = "channel_email"
    CHANNEL_ONLINE = "channel_online"
    CHANNEL_LETTER = "channel_letter"
    CHANNEL_LETTER_OR_FAX = "channel_letter_or_fax"
    CHANNEL_OTHER = "channel_other"
    REPLIES_TOTAL = "replies_total"
    REPLY_ALREADY_PUBLIC = "reply_already_public"
    REPLY_AGREED = "reply_agreed"
    REPLY_AGREED_PARTIALLY = "reply_agreed_partially"
    REPLY_REFUSED = "reply_refused"
    REFUSED_STATE_SECRET = "refused_state_secret"
    REFUSED_COMMERCIAL_SECRET = "refused_commercial_secret"
    REFUSED_PRIVACY = "refused_privacy"
    REFUSED_SECURITY_STABILITY = "refused_security_stability"
    REFUSED_NOT_GOVERNMENT_INFORMATION = "refused_not_government_information"
    REFUSED_OTHER_LAW = "refused_other_law"
    REPLY_NOT_THIS_AGENCY = "reply_not_this_agency"
    REPLY_NOT_EXIST = "reply_not_exist"
    REPLY_UNCLEAR = "reply_unclear"
    REPLY_TOLD_TO_AMEND = "reply_told_to_amend"
    REPLY_TOLD_OTHER_CHANNEL = "reply_told_other_channel"
    REPLY_OTHER = "reply_other"
    REVIEW = "review"
    LITIGATION = "litigation"
    PETITION = "petition"
    PETITION_OR_REPORT = "petition_or_report"
    LITIGATION_OR_REPORT = "litigation_or_report"
    FEES_COLLECTED = "fees_collected"
    FEES_WAIVED = "fees_waived"
    FEES_AND_WAIVERS = "fees_and_waivers"

    @property
    def label_zh(self) -> str:
        """A printed wording of the line."""
        return _ITEMS[self].label_zh

    @property
    def label_en(self) -> str:
        """English description."""
        return _ITEMS[self].label_en

    @property
    def group(self) -> str:
        """The block of the table: proactive, applications, channel, replies, reply,
        review or fees."""
        return _ITEMS[self].group

    @property
    def outcome(self) -> LegacyOutcome | None:
        """The reply line of the national form this line counts, if any."""
        return _ITEMS[self].outcome

    @property
    def note(self) -> str | None:
        """Where reading a wording as this item (or its outcome) is an interpretation."""
        return _ITEMS[self].note

    @property
    def is_money(self) -> bool:
        """True for the fee lines, printed in 元."""
        return self.group == "fees"

    @classmethod
    def from_label(cls, label: str) -> LegacyItem | None:
        """The item a printed label names, or ``None`` when the wording is not known.

        Numbering (1. 1、 （一） 一、), 其中, spaces, full-width forms, punctuation
        and a trailing 数 / 总数 are ignored.
        """
        if not isinstance(label, str):
            raise InvalidInputError(f"label must be a str, got {type(label).__name__}")
        return _BY_KEY.get(label_key(label))


_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、]?(?=\D))"
)
_PUNCT = re.compile(r"[\s“”\"'‘’「」《》〈〉、,.。:;()\[\]【】/·．]")


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    """A printed label reduced for matching: NFKC, no 其中, numbering, punctuation,
    spaces, nor a trailing 总数 / 数.

    >>> label_key("其中：2、同意部分公开答复数")
    '同意部分公开答复'
    >>> label_key("（三）受理依申请公开信息总数")
    '受理依申请公开信息'
    """
    s = unicodedata.normalize("NFKC", label[:200])
    s = re.sub(r"\s+", "", s)
    for _ in range(2):
        s = re.sub(r"^其中[:：]?", "", s)
        s = _NUMBERING.sub("", s, count=1)
    s = _PUNCT.sub("", s)
    for suffix in ("总数", "数"):
        if s.endswith(suffix) and len(s) > len(suffix) + 1:
            s = s[: -len(suffix)]
            break
    return s


_L = LegacyItem
_O = LegacyOutcome

_ITEMS: dict[LegacyItem, _ItemInfo] = {
    _L.PROACTIVE_TOTAL: _ItemInfo(
        "主动公开信息数",
        "Items proactively disclosed",
        "proactive",
        None,
        ("主动公开信息", "主动公开文件", "主动公开政府信息"),
        None,
    ),
    _L.PROACTIVE_WEBSITE: _ItemInfo(
        "网站公开",
        "of which: on the website",
        "proactive",
        None,
        ("网站公开", "政府网站公开"),
        None,
    ),
    _L.PROACTIVE_GAZETTE: _ItemInfo(
        "政府公报公开",
        "of which: in the government gazette",
        "proactive",
        None,
        ("政府公报公开", "公报公开"),
        None,
    ),
    _L.APPLICATIONS_TOTAL: _ItemInfo(
        "受理依申请公开信息总数",
        "Applications received",
        "applications",
        None,
        (
            "受理依申请公开信息",
            "受理政府信息依申请公开",
            "受理依申请公开",
            "收到申请",
            "受理申请",
            "依申请公开信息",
        ),
        None,
    ),
    _L.CHANNEL_IN_PERSON: _ItemInfo(
        "当面申请数", "of which: in person", "channel", None, ("当面申请",), None
    ),
    _L.CHANNEL_FAX: _ItemInfo(
        "传真申请数", "of which: by fax", "channel", None, ("传真申请",), None
    ),
    _L.CHANNEL_EMAIL: _ItemInfo(
        "电子邮件申请数", "of which: by e-mail", "channel", None, ("电子邮件申请",), None
    ),
    _L.CHANNEL_ONLINE: _ItemInfo(
        "网上申请数",
        "of which: online",
        "channel",
        None,
        ("网上申请", "网络申请"),
        None,
    ),
    _L.CHANNEL_LETTER: _ItemInfo(
        "信函申请数", "of which: by letter", "channel", None, ("信函申请",), None
    ),
    _L.CHANNEL_LETTER_OR_FAX: _ItemInfo(
        "信函、传真申请数",
        "of which: by letter or fax (one line)",
        "channel",
        None,
        ("信函传真申请",),
        None,
    ),
    _L.CHANNEL_OTHER: _ItemInfo(
        "其它形式申请数",
        "of which: in another form",
        "channel",
        None,
        ("其它形式申请", "其他形式申请", "其他申请", "其它申请"),
        None,
    ),
    _L.REPLIES_TOTAL: _ItemInfo(
        "对申请的答复总数",
        "Replies given",
        "replies",
        None,
        ("对申请的答复", "申请答复", "答复"),
        None,
    ),
    _L.REPLY_ALREADY_PUBLIC: _ItemInfo(
        "属于已主动公开范围数",
        "of which: already proactively disclosed",
        "reply",
        _O.ALREADY_PUBLIC,
        ("属于已主动公开范围",),
        None,
    ),
    _L.REPLY_AGREED: _ItemInfo(
        "同意公开答复数",
        "of which: disclosed",
        "reply",
        _O.AGREED,
        ("同意公开答复", "同意公开"),
        None,
    ),
    _L.REPLY_AGREED_PARTIALLY: _ItemInfo(
        "同意部分公开答复数",
        "of which: partially disclosed",
        "reply",
        _O.AGREED_PARTIALLY,
        ("同意部分公开答复", "同意部分公开", "部分公开答复"),
        None,
    ),
    _L.REPLY_REFUSED: _ItemInfo(
        "不同意公开答复数",
        "of which: refused (a total)",
        "reply",
        _O.REFUSED,
        (
            "不同意公开答复",
            "不同意公开",
            "否决公开答复",
            "否决公开",
            "不予公开答复",
            "不予公开",
        ),
        "否决公开答复数 (Fujian tables 2011-2013) and 不予公开答复数 (2014-2018) are read "
        "as the national form's 不同意公开 total: they stand where it stands, after "
        "同意公开 and 同意部分公开, in local forms of the period [P].",
    ),
    _L.REFUSED_STATE_SECRET: _ItemInfo(
        "涉及国家秘密",
        "refused: state secret",
        "reply",
        _O.REFUSED_STATE_SECRET,
        ("涉及国家秘密", "国家秘密"),
        None,
    ),
    _L.REFUSED_COMMERCIAL_SECRET: _ItemInfo(
        "涉及商业秘密",
        "refused: trade secret",
        "reply",
        _O.REFUSED_COMMERCIAL_SECRET,
        ("涉及商业秘密", "商业秘密"),
        None,
    ),
    _L.REFUSED_PRIVACY: _ItemInfo(
        "涉及个人隐私",
        "refused: personal privacy",
        "reply",
        _O.REFUSED_PRIVACY,
        ("涉及个人隐私", "个人隐私"),
        None,
    ),
    _L.REFUSED_SECURITY_STABILITY: _ItemInfo(
        "危及国家安全、公共安全、经济安全和社会稳定",
        "refused: security or stability",
        "reply",
        _O.REFUSED_SECURITY_STABILITY,
        ("危及国家安全公共安全经济安全和社会稳定",),
        None,
    ),
    _L.REFUSED_NOT_GOVERNMENT_INFORMATION: _ItemInfo(
        "不是《条例》所指政府信息",
        "refused: not government information",
        "reply",
        _O.REFUSED_NOT_GOVERNMENT_INFORMATION,
        ("不是条例所指政府信息", "非条例所指政府信息", "非规定所指政府信息"),
        None,
    ),
    _L.REFUSED_OTHER_LAW: _ItemInfo(
        "法律法规规定的其他情形",
        "refused: other cases under laws and regulations",
        "reply",
        _O.REFUSED_OTHER_LAW,
        ("法律法规规定的其他情形", "法律法规规定的其它情形"),
        None,
    ),
    _L.REPLY_NOT_THIS_AGENCY: _ItemInfo(
        "不属于本行政机关公开数",
        "of which: not for this agency",
        "reply",
        _O.NOT_THIS_AGENCY,
        ("不属于本行政机关公开", "非本机关政府信息", "非本部门掌握", "非本机关"),
        None,
    ),
    _L.REPLY_NOT_EXIST: _ItemInfo(
        "申请信息不存在数",
        "of which: information does not exist",
        "reply",
        _O.NOT_EXIST,
        ("申请信息不存在", "信息不存在", "政府信息不存在"),
        None,
    ),
    _L.REPLY_UNCLEAR: _ItemInfo(
        "申请内容不明确",
        "of which: application unclear",
        "reply",
        _O.TOLD_TO_AMEND,
        ("申请内容不明确",),
        "Counted as 告知作出更改补充: under 2007 Art. 21(4) the reply to an unclear "
        "application is to tell the applicant to amend or supplement it [I].",
    ),
    _L.REPLY_TOLD_TO_AMEND: _ItemInfo(
        "告知作出更改补充数",
        "of which: told to amend",
        "reply",
        _O.TOLD_TO_AMEND,
        ("告知作出更改补充",),
        None,
    ),
    _L.REPLY_TOLD_OTHER_CHANNEL: _ItemInfo(
        "告知通过其他途径办理数",
        "of which: told to use another procedure",
        "reply",
        _O.TOLD_OTHER_CHANNEL,
        ("告知通过其他途径办理",),
        None,
    ),
    _L.REPLY_OTHER: _ItemInfo(
        "其他类型答复数",
        "of which: replies of other types",
        "reply",
        None,
        ("其他类型答复", "其它类型答复"),
        None,
    ),
    _L.REVIEW: _ItemInfo(
        "行政复议数", "Administrative reconsiderations", "review", None, ("行政复议",), None
    ),
    _L.LITIGATION: _ItemInfo(
        "行政诉讼数", "Administrative lawsuits", "review", None, ("行政诉讼",), None
    ),
    _L.PETITION: _ItemInfo(
        "行政申诉数", "Administrative complaints (申诉)", "review", None, ("行政申诉",), None
    ),
    _L.PETITION_OR_REPORT: _ItemInfo(
        "行政申诉、举报数",
        "Complaints and reports (one line)",
        "review",
        None,
        ("行政申诉举报", "举报投诉", "申诉举报"),
        None,
    ),
    _L.LITIGATION_OR_REPORT: _ItemInfo(
        "接受行政诉讼、举报数",
        "Lawsuits and reports received (one line, as printed)",
        "review",
        None,
        ("接受行政诉讼举报",),
        "A line of the Fujian table 2014-2018 printed next to separate 行政复议数 and "
        "行政诉讼数 lines; what it counts beyond them is not stated.",
    ),
    _L.FEES_COLLECTED: _ItemInfo(
        "收取费用",
        "Fees collected (元)",
        "fees",
        None,
        ("收取费用", "收费金额", "收费"),
        None,
    ),
    _L.FEES_WAIVED: _ItemInfo(
        "减免费用", "Fees waived (元)", "fees", None, ("减免费用", "减免金额"), None
    ),
    _L.FEES_AND_WAIVERS: _ItemInfo(
        "政府信息公开收费减免金额",
        "Fees and waivers (元; one line, as printed)",
        "fees",
        None,
        ("政府信息公开收费减免金额", "收费减免金额"),
        "One amount printed for 收费减免: whether it is the fees collected, the fees "
        "waived or both together is not stated.",
    ),
}

_BY_KEY: dict[str, LegacyItem] = {}
for _item, _info in _ITEMS.items():
    for _syn in (*_info.synonyms, label_key(_info.label_zh)):
        _BY_KEY.setdefault(label_key(_syn), _item)
del _item, _info, _syn

CHANNELS: tuple[LegacyItem, ...] = tuple(i for i in LegacyItem if i.group == "channel")
REPLY_LINES: tuple[LegacyItem, ...] = (
    _L.REPLY_ALREADY_PUBLIC,
    _L.REPLY_AGREED,
    _L.REPLY_AGREED_PARTIALLY,
    _L.REPLY_REFUSED,
    _L.REPLY_NOT_THIS_AGENCY,
    _L.REPLY_NOT_EXIST,
    _L.REPLY_UNCLEAR,
    _L.REPLY_TOLD_TO_AMEND,
    _L.REPLY_TOLD_OTHER_CHANNEL,
    _L.REPLY_OTHER,
)
REFUSAL_REASONS: tuple[LegacyItem, ...] = (
    _L.REFUSED_STATE_SECRET,
    _L.REFUSED_COMMERCIAL_SECRET,
    _L.REFUSED_PRIVACY,
    _L.REFUSED_SECURITY_STABILITY,
    _L.REFUSED_NOT_GOVERNMENT_INFORMATION,
    _L.REFUSED_OTHER_LAW,
)


class LegacySource(CodeEnum):
    """Where a legacy value was read."""

    TABLE = "table"
    NARRATIVE = "narrative"

    @property
    def label_zh(self) -> str:
        """Chinese name."""
        return "统计表" if self is LegacySource.TABLE else "正文"

    @property
    def label_en(self) -> str:
        """English name."""
        return "statistics table" if self is LegacySource.TABLE else "narrative"


class LegacyValue(FrozenModel):
    """One printed line of a legacy report with its value.

    ``item`` is ``None`` when the wording is not known: the line is kept as printed.
    ``cumulative`` is the 历年累计 column of tables that print one. A narrative
    value keeps the ``sentence`` it was read from.
    """

    label_zh: str = Field(min_length=1, max_length=200)
    item: LegacyItem | None
    cell: Cell
    source: LegacySource
    unit: str | None = Field(default=None, max_length=10)
    cumulative: Cell | None = None
    sentence: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _narrative_has_sentence(self) -> LegacyValue:
        if (self.source is LegacySource.NARRATIVE) != (self.sentence is not None):
            raise ValueError("a narrative value has the sentence it was read from, and only it")
        return self

    @property
    def count(self) -> int | Decimal | None:
        """The value as a number, or ``None`` when the cell holds none."""
        return self.cell.as_count(blank_as_zero=False)


class LegacyReport(FrozenModel):
    """A 2008-2018 annual report: its printed statistics and narrative counts.

    ``values`` are in document order, table lines first. ``text`` is the prose
    (before the statistics table, when the table is printed inline).
    """

    agency: str | None = Field(default=None, max_length=200)
    year: int = Field(ge=LEGACY_YEARS.start, le=LEGACY_YEARS.stop - 1, strict=True)
    values: tuple[LegacyValue, ...] = ()
    table_title: str | None = Field(default=None, max_length=300)
    text: str = ""
    source: str | None = Field(
        default=None,
        description="The file the report was read from, as given to the reader; None "
        "for a report built in code.",
    )

    @property
    def basis(self) -> Citation:
        """The article listing a report's contents (2007 Art. 32)."""
        return cite("ogi-2007:32")

    @property
    def has_table(self) -> bool:
        """True when a statistics table was found."""
        return any(v.source is LegacySource.TABLE for v in self.values)

    def table(self, item: LegacyItem | str) -> LegacyValue | None:
        """The table line of ``item``, if the table prints one."""
        item = lookup(LegacyItem, item)
        return next(
            (v for v in self.values if v.source is LegacySource.TABLE and v.item is item), None
        )

    def narrative(self, item: LegacyItem | str) -> tuple[LegacyValue, ...]:
        """The narrative values of ``item``, in document order."""
        item = lookup(LegacyItem, item)
        return tuple(
            v for v in self.values if v.source is LegacySource.NARRATIVE and v.item is item
        )

    def value(self, item: LegacyItem | str) -> LegacyValue | None:
        """The value of ``item`` to use: the table's when it holds a number, else the
        first narrative one, else the table line (unread), else ``None``."""
        t = self.table(item)
        if t is not None and t.count is not None:
            return t
        told = self.narrative(item)
        return told[0] if told else t

    def count(self, item: LegacyItem | str) -> int | Decimal | None:
        """The number of :meth:`value`, or ``None``."""
        v = self.value(item)
        return None if v is None else v.count

    def completeness(self) -> Completeness:
        """How many of the statistics table's printed values were read (the narrative
        counts aside: a sentence gives a number or nothing)."""
        table = [v for v in self.values if v.source is LegacySource.TABLE]
        unread = sum(v.cell.kind is CellKind.UNREAD for v in table)
        return Completeness(total=len(table), read=len(table) - unread, unread=unread)

    def __repr__(self) -> str:
        done = self.completeness()
        agency = (
            self.agency if self.agency is None or len(self.agency) <= 40 else self.agency[:39] + "…"
        )
        source = self.source
        if source is not None and len(source) > 60:
            source = "…" + source[-59:]
        narrative = sum(v.source is LegacySource.NARRATIVE for v in self.values)
        return (
            f"<LegacyReport {agency!r} {self.year} table={done.read}/{done.total} read "
            f"narrative={narrative}" + (f" source={source!r}" if source is not None else "") + ">"
        )

    def unmapped(self) -> tuple[LegacyValue, ...]:
        """Lines whose wording is not a known item, kept as printed."""
        return tuple(v for v in self.values if v.item is None)

    def items(self, source: LegacySource | str | None = None) -> Iterator[LegacyValue]:
        """Every value, or those of one source."""
        src = None if source is None else lookup(LegacySource, source)
        return (v for v in self.values if src is None or v.source is src)


# ------------------------------------------------------------------- checks


class LegacyRule(CodeEnum):
    """A check on a legacy report, with a stable id."""

    REPLY_TOTAL = "reply_total"
    CHANNEL_TOTAL = "channel_total"
    REFUSAL_REASONS = "refusal_reasons"
    PROACTIVE_TOTAL = "proactive_total"
    CUMULATIVE = "cumulative"
    NON_NEGATIVE = "non_negative"
    NARRATIVE = "narrative"
    INCOMPLETE = "incomplete"

    @property
    def label_zh(self) -> str:
        """Short Chinese statement of the rule."""
        return _RULES[self][0]

    @property
    def label_en(self) -> str:
        """Short English statement of the rule."""
        return _RULES[self][1]

    @property
    def source(self) -> str:
        """Where the rule comes from: the law, or a convention of the tables."""
        return _RULES[self][2]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The 2007 articles the rule rests on; empty for a pure table convention."""
        return _RULES[self][3]


_CONVENTION = "统计表惯例 (table convention: 其中 lines under their total)"
_RULES: dict[LegacyRule, tuple[str, str, str, tuple[Citation, ...]]] = {
    LegacyRule.REPLY_TOTAL: (
        "各类答复数之和等于答复总数",
        "the reply lines sum to the replies total",
        _CONVENTION + "; the reply types are those of 2007 Art. 21",
        (cite("ogi-2007:21"),),
    ),
    LegacyRule.CHANNEL_TOTAL: (
        "各申请方式之和等于受理申请总数",
        "the channels sum to the applications total",
        _CONVENTION,
        (),
    ),
    LegacyRule.REFUSAL_REASONS: (
        "不同意公开各原因之和等于不同意公开数",
        "the refusal reasons sum to the refusals",
        _CONVENTION + "; refusal with reasons, 2007 Art. 21(2)",
        (cite("ogi-2007:21(2)"),),
    ),
    LegacyRule.PROACTIVE_TOTAL: (
        "各公开途径之和等于主动公开总数",
        "the disclosure channels sum to the proactive total",
        _CONVENTION,
        (),
    ),
    LegacyRule.CUMULATIVE: (
        "历年累计不小于本年度",
        "the running total is at least this year's count",
        "表格结构：本年度 / 历年累计 (table structure)",
        (),
    ),
    LegacyRule.NON_NEGATIVE: (
        "件数为非负整数",
        "counts are non-negative integers",
        "表格结构 (table structure)",
        (),
    ),
    LegacyRule.NARRATIVE: (
        "正文所述数字与统计表一致",
        "numbers stated in the text match the table",
        "正文与统计表 (text and table of the same report)",
        (cite("ogi-2007:32"),),
    ),
    LegacyRule.INCOMPLETE: (
        "统计表数字未能读取，相关规则未检查",
        "table values could not be read; rules involving them were not checked",
        "表格结构 (table structure)",
        (),
    ),
}


class LegacyFinding(FrozenModel):
    """One result of a legacy check.

    ``labels`` are the printed labels involved, ``source`` the values' source.
    """

    severity: Severity
    rule: LegacyRule
    agency: str | None
    year: int
    message: str
    labels: tuple[str, ...] = ()
    source: LegacySource | None = None
    expected: int | Decimal | None = None
    actual: int | Decimal | None = None

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The articles the rule rests on (empty for a table convention)."""
        return self.rule.basis

    def __str__(self) -> str:
        where = ", ".join(self.labels[:5]) + (", …" if len(self.labels) > 5 else "")
        return f"{self.severity.value} {self.rule.value}: {self.message} [{where}]"


def _sum_rule(
    out: list[LegacyFinding],
    report: LegacyReport,
    rule: LegacyRule,
    total_item: LegacyItem,
    parts: Sequence[LegacyItem],
    source: LegacySource,
    what: str,
) -> None:
    """The 其中 lines against their total, within one source.

    More than the total is an error; less is a warning, since a table or a sentence
    may leave out lines (and unmapped lines, named in the message, are not added).
    """
    if source is LegacySource.TABLE:
        total = report.table(total_item)
        lines = [v for p in parts if (v := report.table(p)) is not None]
        unknown: list[LegacyValue] = []
    else:
        told = report.narrative(total_item)
        total = told[0] if told else None
        lines = [v for p in parts for v in report.narrative(p)[:1]]
        unknown = [
            v
            for v in report.items(LegacySource.NARRATIVE)
            if v.item is None and total is not None and v.sentence == total.sentence
        ]
    if total is None or total.count is None or not lines:
        return
    counts = [v.count for v in lines]
    if any(c is None for c in counts):
        return
    got = sum(c for c in counts if c is not None)
    if got == total.count:
        return
    labels = (total.label_zh, *(v.label_zh for v in lines))
    extra = (
        "; not added, as their wording is not known: "
        + ", ".join(f"{v.label_zh} {v.cell.display()}" for v in unknown)
        if unknown
        else ""
    )
    severity = Severity.ERROR if got > total.count else Severity.WARNING
    relation = "exceed" if got > total.count else "fall short of"
    out.append(
        LegacyFinding(
            severity=severity,
            rule=rule,
            agency=report.agency,
            year=report.year,
            message=f"{what} ({source.label_en}): the lines sum to {got} and {relation} "
            f"{total.label_zh} {total.count}{extra}",
            labels=labels,
            source=source,
            expected=total.count,
            actual=got,
        )
    )


def check_legacy_report(report: LegacyReport) -> tuple[LegacyFinding, ...]:
    """Apply the rules legacy tables allow; returns findings, errors first.

    Within the table, and within the narrative, the 其中 lines are summed against
    their total (replies, channels, refusal reasons, disclosure channels); the
    running total (历年累计) must not be below this year's count; counts are
    non-negative integers; each narrative count is compared with the table line of
    the same item. Never raises on a well-typed report.
    """
    if not isinstance(report, LegacyReport):
        raise InvalidInputError(
            f"report must be a LegacyReport (read one with parse_legacy_report), "
            f"got {type(report).__name__}"
        )
    out: list[LegacyFinding] = []

    def add(
        severity: Severity,
        rule: LegacyRule,
        message: str,
        labels: Iterable[str],
        source: LegacySource | None,
        expected: int | Decimal | None = None,
        actual: int | Decimal | None = None,
    ) -> None:
        out.append(
            LegacyFinding(
                severity=severity,
                rule=rule,
                agency=report.agency,
                year=report.year,
                message=message,
                labels=tuple(labels),
                source=source,
                expected=expected,
                actual=actual,
            )
        )

    for source in LegacySource:
        _sum_rule(
            out, report, LegacyRule.REPLY_TOTAL, _L.REPLIES_TOTAL, REPLY_LINES, source, "replies"
        )
        _sum_rule(
            out,
            report,
            LegacyRule.CHANNEL_TOTAL,
            _L.APPLICATIONS_TOTAL,
            CHANNELS,
            source,
            "applications by channel",
        )
        _sum_rule(
            out,
            report,
            LegacyRule.REFUSAL_REASONS,
            _L.REPLY_REFUSED,
            REFUSAL_REASONS,
            source,
            "refusals by reason",
        )
        _sum_rule(
            out,
            report,
            LegacyRule.PROACTIVE_TOTAL,
            _L.PROACTIVE_TOTAL,
            (_L.PROACTIVE_WEBSITE, _L.PROACTIVE_GAZETTE),
            source,
            "proactive disclosure by channel",
        )
    unread: list[LegacyValue] = []
    for v in report.values:
        for cell, column in ((v.cell, "本年度"), (v.cumulative, "历年累计")):
            if cell is None:
                continue
            if cell.kind is CellKind.UNREAD:
                unread.append(v)
                continue
            n = cell.as_count(blank_as_zero=False)
            if n is None:
                continue
            money = v.item is not None and v.item.is_money
            whole = isinstance(n, int) or n == n.to_integral_value()
            if n < 0 or (not money and not whole):
                add(
                    Severity.ERROR,
                    LegacyRule.NON_NEGATIVE,
                    f"{v.label_zh} ({column}): {n} is not a non-negative "
                    + ("amount" if money else "whole number"),
                    [v.label_zh],
                    v.source,
                )
        if v.cumulative is not None and v.count is not None:
            total = v.cumulative.as_count(blank_as_zero=False)
            if total is not None and total < v.count:
                add(
                    Severity.ERROR,
                    LegacyRule.CUMULATIVE,
                    f"{v.label_zh}: 历年累计 {total} is below this year's {v.count}",
                    [v.label_zh],
                    v.source,
                    expected=v.count,
                    actual=total,
                )
    for told in report.items(LegacySource.NARRATIVE):
        if told.item is None or told.count is None:
            continue
        t = report.table(told.item)
        if t is None or t.count is None or t.count == told.count:
            continue
        add(
            Severity.WARNING,
            LegacyRule.NARRATIVE,
            f"the text says “{told.sentence}” ({told.label_zh} {told.count}) but the "
            f"table's {t.label_zh} is {t.count}",
            [told.label_zh, t.label_zh],
            LegacySource.NARRATIVE,
            expected=told.count,
            actual=t.count,
        )
    if unread:
        labels = list(dict.fromkeys(v.label_zh for v in unread))
        add(
            Severity.WARNING,
            LegacyRule.INCOMPLETE,
            f"{len(labels)} table line(s) hold values that could not be read; "
            "rules involving them were not checked",
            labels,
            LegacySource.TABLE,
        )
    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    return tuple(sorted(out, key=lambda f: order[f.severity]))
