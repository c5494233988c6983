"""The annual report's cells, tables and layout, and its data (:class:`ReportData`).

The public names are documented where users import them,
:mod:`opengov.reports.model`, which re-exports them and adds the one thing this
module leaves out: :class:`~opengov.reports.model.AnnualReport`'s notebook display,
which calls the renderer and the checks. The checks and the renderers build on this
module, so the import graph stays one-way: ``_tables`` ← ``checks`` ← ``render`` ←
``model``.

Legal basis:
    - ogi-2019:50 (report contents);
    - report-format-2019 (国办公开办函〔2019〕60号), report-format-2021
      (国办公开办函〔2021〕30号): the tables, rows and columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, NamedTuple, TypeVar

from pydantic import Field, model_validator

from opengov._lookup import CodeEnum, member
from opengov._model import FrozenModel
from opengov.applicants import ApplicantType
from opengov.citations import Citation, cite
from opengov.errors import InvalidInputError
from opengov.outcomes import OutcomeRow, ReportFormat

__all__ = [
    "APPLICANT_COLUMNS",
    "BALANCE_NOTE",
    "NOT_APPLICABLE_MARKERS",
    "ODD_DIGIT",
    "REVIEW_KEYS",
    "TYPE_COLUMNS",
    "ApplicantColumn",
    "ApplicationTable",
    "Cell",
    "CellKind",
    "CellRef",
    "Completeness",
    "DisclosureColumn",
    "DisclosureRow",
    "DisclosureSection",
    "DisclosureTable",
    "Recovery",
    "RecoveryRule",
    "ReportData",
    "ReportTable",
    "ReportText",
    "ReviewKind",
    "ReviewResult",
    "ReviewTable",
    "disclosure_layout",
    "prose_digits",
    "report_list",
    "require_report",
]


def _mapping(value: object, what: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInputError(f"{what} must be a mapping, got {type(value).__name__}")
    return value


def _require_ref(value: object) -> None:
    if not isinstance(value, CellRef):
        raise InvalidInputError(
            f"a cell address must be a CellRef (e.g. CellRef.applications(row, column)), "
            f"got {type(value).__name__}"
        )


#: The 勾稽 note printed in the header of table 三 (its first label cell).
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def require_report(value: object, name: str = "report") -> ReportData:
    """``value`` if it is a report, else ``InvalidInputError``: the checks' and the
    renderers' guard (:func:`opengov.reports.model.require_report` is the same for an
    :class:`~opengov.reports.model.AnnualReport`)."""
    if not isinstance(value, ReportData):
        raise InvalidInputError(
            f"{name} must be an AnnualReport (parse one with parse_report), "
            f"got {type(value).__name__}"
        )
    return value


def report_list(reports: object) -> list[ReportData]:
    """The reports of an iterable, each checked with :func:`require_report`."""
    if isinstance(reports, (str, bytes, ReportData)) or not isinstance(reports, Iterable):
        raise InvalidInputError(
            f"reports must be an iterable of AnnualReport, got {type(reports).__name__}"
        )
    return [require_report(r, "each report") for r in reports]


# --------------------------------------------------------------------- cells


class CellKind(CodeEnum):
    """What a table cell holds."""

    NUMBER = "number"
    BLANK = "blank"
    NOT_APPLICABLE = "not_applicable"
    UNREAD = "unread"

    @property
    def label_zh(self) -> str:
        """Chinese name."""
        return {"number": "数字", "blank": "空白", "not_applicable": "不适用", "unread": "未读取"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        """English name."""
        return self.value.replace("_", " ")


# Printed markers read as "not applicable". 无 ("none") is read the same way: it is
# not a number, and reading it as 0 would invent one.
NOT_APPLICABLE_MARKERS: frozenset[str] = frozenset(
    {"/", "／", "—", "——", "–", "-", "－", "不适用", "无", "\\"}
)
# A printed count, after full-width digits and signs are made ASCII: a sign, at most
# 15 digits (in groups of three when separated by ","), a fractional part, and a
# unit. Only ASCII digits match: superscripts, circled and other Unicode digits do
# not, and neither do digits with a space between them.
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)"
    r"(?P<int>[0-9]{1,15}|[0-9]{1,3}(?:,[0-9]{3}){1,4})"
    r"(?:\.(?P<frac>[0-9]{1,15}))?"
    r"\s*(?P<unit>件|项|个|万元|元|人次)?"
)
_SPACES = re.compile(r"\s+")
_ASCII_DIGITS = str.maketrans("０１２３４５６７８９＋－，．", "0123456789+-,.")

# What prose numbers are read from: a character that is, or folds to, a digit but
# is neither an ASCII nor a full-width one becomes this mark, which no pattern reads.
ODD_DIGIT = "¤"


@lru_cache(maxsize=4096)
def _odd_digit(c: str) -> bool:
    if "０" <= c <= "９":
        return False
    return c.isdigit() or any("0" <= d <= "9" for d in unicodedata.normalize("NFKC", c))


def prose_digits(text: str) -> str:
    """``text`` folded by NFKC (full-width digits and punctuation made ASCII), with
    every other digit-like character (``²``, ``①``, Arabic-Indic digits) replaced by
    :data:`ODD_DIGIT` first, so that a pattern reading ``[0-9]`` never reads one.
    Whitespace is kept: ``"1 200"`` stays two numbers.

    >>> prose_digits("共１２件，其中5²件")
    '共12件,其中5¤件'
    """
    if not text.isascii() and _MAYBE_ODD.search(text):
        text = "".join(ODD_DIGIT if not c.isascii() and _odd_digit(c) else c for c in text)
    return unicodedata.normalize("NFKC", text)


# Characters that are never odd digits (the tests go through every one): ASCII,
# general punctuation, CJK symbols and punctuation, the unified ideographs and the
# full-width forms. Prose made of them alone needs no look at each character.
_MAYBE_ODD = re.compile("[^\x00-\x7f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


class Cell(FrozenModel):
    """One table cell: a number, blank, not applicable, or unread.

    ``raw`` keeps the printed text when it is not a plain number (e.g. ``"/"``).
    ``recovered`` is true for a number that was printed run together with its row's
    other numbers (``5800000 58``) and split by the row's arithmetic; the report's
    :attr:`AnnualReport.recoveries` say how.

    >>> Cell.read("１２").value, Cell.read("/").kind.value, Cell.read("").kind.value
    (12, 'not_applicable', 'blank')
    >>> Cell.read("约3").kind.value
    'unread'
    """

    kind: CellKind
    value: int | Decimal | None = None
    raw: str | None = None
    recovered: bool = False

    @model_validator(mode="after")
    def _value_iff_number(self) -> Cell:
        if (self.kind is CellKind.NUMBER) != (self.value is not None):
            raise ValueError("a cell has a value exactly when its kind is 'number'")
        if isinstance(self.value, bool):
            raise ValueError("a cell value is an int or a Decimal, not a bool")
        return self

    @model_validator(mode="after")
    def _recovered_is_a_number(self) -> Cell:
        if self.recovered and self.kind is not CellKind.NUMBER:
            raise ValueError("only a number can be recovered; an unrecovered run is unread")
        return self

    @classmethod
    def number(cls, value: int | Decimal) -> Cell:
        """A cell holding a number."""
        return cls(kind=CellKind.NUMBER, value=value)

    @classmethod
    def blank(cls) -> Cell:
        """An empty cell."""
        return _BLANK if cls is Cell else cls(kind=CellKind.BLANK)

    @classmethod
    def not_applicable(cls, raw: str = "/") -> Cell:
        """A cell printed as not applicable ("/", "—", "不适用")."""
        return cls(kind=CellKind.NOT_APPLICABLE, raw=raw)

    @classmethod
    def unread(cls, raw: str | None = None) -> Cell:
        """A cell that could not be read (``raw`` is what was there, if anything)."""
        if raw is None and cls is Cell:
            return _UNREAD
        return cls(kind=CellKind.UNREAD, raw=raw)

    @classmethod
    def read(cls, text: str, *, money: bool = False) -> Cell:
        """Read printed cell text; never invents a number.

        A number is ASCII or full-width digits, maybe signed, with thousands
        separators only in groups of three and a trailing unit 件/项/个/万元/元/人次;
        at most 15 digits before the decimal point. Anything else is unread with its
        text kept: digits with a space between them (``"1 0"``), superscripts,
        circled or other Unicode digits (``"5²"``, ``"①"``), misplaced separators
        (``"12,34"``). ``money`` reads a decimal amount in 万元, the unit of table
        二's amounts: one printed in 元 (``"36000元"``) is unread, not read as 36000
        万元. Counts with a fractional part are kept as decimals so that checks can
        report them.

        >>> Cell.read("1,284件").value, Cell.read("－2").value
        (1284, -2)
        >>> [Cell.read(t).kind.value for t in ("1 0", "5²", "①", "12,34")]
        ['unread', 'unread', 'unread', 'unread']
        """
        if not isinstance(text, str):
            raise InvalidInputError(
                f"cell text must be a str, got {type(text).__name__}; "
                "use Cell.number() for a number"
            )
        if cls is Cell and type(text) is str and len(text) <= _SHARED_TEXT and type(money) is bool:
            return _read_shared(text, money)  # frozen, so one instance per text is shared
        return cls._read_text(text, money=money)

    @classmethod
    def _read_text(cls, text: str, *, money: bool = False) -> Cell:
        """:meth:`read` without the cache (``text`` is a str)."""
        stripped = text.strip()
        if not stripped:
            return cls.blank()
        if stripped in NOT_APPLICABLE_MARKERS:
            return cls.not_applicable(stripped)
        m = _NUMBER.fullmatch(stripped.translate(_ASCII_DIGITS))
        if m is None:
            folded = _SPACES.sub("", unicodedata.normalize("NFKC", stripped))
            if not folded:
                return cls.blank()
            if folded in NOT_APPLICABLE_MARKERS:
                return cls.not_applicable(stripped)
            return cls.unread(stripped)
        if money and m["unit"] == "元":
            return cls.unread(stripped)
        number = m["sign"] + m["int"].replace(",", "")
        if m["frac"] is not None:
            return cls.number(Decimal(f"{number}.{m['frac']}"))
        return cls.number(Decimal(number) if money else int(number))

    @property
    def is_number(self) -> bool:
        """True when the cell holds a number."""
        return self.kind is CellKind.NUMBER

    def as_count(self, *, blank_as_zero: bool = True) -> int | Decimal | None:
        """The number for arithmetic: blank reads as 0 when ``blank_as_zero``."""
        if self.kind is CellKind.NUMBER:
            return self.value
        if self.kind is CellKind.BLANK and blank_as_zero:
            return 0
        return None

    def display(self) -> str:
        """The cell as printed: the number, empty, or the raw marker."""
        if self.kind is CellKind.NUMBER:
            return str(self.value)
        if self.kind is CellKind.BLANK:
            return ""
        if self.kind is CellKind.NOT_APPLICABLE:
            return self.raw or "/"
        return self.raw or "?"


_BLANK = Cell(kind=CellKind.BLANK)
_UNREAD = Cell(kind=CellKind.UNREAD)

# Cell.read is called for the same few texts ("0", "/", row labels) again and again,
# within a report and across reports: short texts are read once and the frozen Cell
# is shared, which saves the reading, the validation and the memory of a copy.
_SHARED_TEXT = 64


@lru_cache(maxsize=8192)
def _read_shared(text: str, money: bool) -> Cell:
    return Cell._read_text(text, money=money)


# ------------------------------------------------------------ cell addresses


class ReportTable(CodeEnum):
    """The tables of a report, by their part number."""

    DISCLOSURE = "disclosure"
    APPLICATIONS = "applications"
    REVIEW = "review"

    @property
    def label_zh(self) -> str:
        """The part heading as printed."""
        return {
            "disclosure": "二、主动公开政府信息情况",
            "applications": "三、收到和处理政府信息公开申请情况",
            "review": "四、政府信息公开行政复议、行政诉讼情况",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English name."""
        return {
            "disclosure": "Proactive disclosure",
            "applications": "Applications received and handled",
            "review": "Administrative review and litigation",
        }[self.value]


class ApplicantColumn(CodeEnum):
    """The 7 numeric columns of table 三: six applicant types and 总计."""

    NATURAL_PERSON = "natural_person"
    COMMERCIAL_ENTERPRISE = "commercial_enterprise"
    RESEARCH_INSTITUTION = "research_institution"
    SOCIAL_WELFARE_ORGANIZATION = "social_welfare_organization"
    LEGAL_SERVICE_INSTITUTION = "legal_service_institution"
    OTHER_ORGANIZATION = "other_organization"
    TOTAL = "total"

    @property
    def applicant_type(self) -> ApplicantType | None:
        """The applicant type; ``None`` for 总计."""
        return None if self is ApplicantColumn.TOTAL else ApplicantType(self.value)

    @property
    def label_zh(self) -> str:
        """Column heading as printed."""
        t = self.applicant_type
        return "总计" if t is None else t.label_zh

    @property
    def label_en(self) -> str:
        """English heading."""
        t = self.applicant_type
        return "Total" if t is None else t.label_en

    @classmethod
    def of(cls, applicant_type: ApplicantType) -> ApplicantColumn:
        """The column of an applicant type."""
        return cls(applicant_type.value)


APPLICANT_COLUMNS: tuple[ApplicantColumn, ...] = tuple(ApplicantColumn)
TYPE_COLUMNS: tuple[ApplicantColumn, ...] = APPLICANT_COLUMNS[:6]


class ReviewKind(CodeEnum):
    """The three column groups of table 四."""

    ADMINISTRATIVE_REVIEW = "administrative_review"
    LITIGATION_WITHOUT_REVIEW = "litigation_without_review"
    LITIGATION_AFTER_REVIEW = "litigation_after_review"

    @property
    def label_zh(self) -> str:
        """Group heading as printed."""
        return {
            "administrative_review": "行政复议",
            "litigation_without_review": "未经复议直接起诉",
            "litigation_after_review": "复议后起诉",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English heading."""
        return {
            "administrative_review": "Administrative review",
            "litigation_without_review": "Litigation without prior review",
            "litigation_after_review": "Litigation after review",
        }[self.value]


class ReviewResult(CodeEnum):
    """The five columns of each table-四 group."""

    UPHELD = "upheld"
    CORRECTED = "corrected"
    OTHER = "other"
    PENDING = "pending"
    TOTAL = "total"

    @property
    def label_zh(self) -> str:
        """Column heading as printed."""
        return {
            "upheld": "结果维持",
            "corrected": "结果纠正",
            "other": "其他结果",
            "pending": "尚未审结",
            "total": "总计",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English heading."""
        return {
            "upheld": "Upheld",
            "corrected": "Corrected",
            "other": "Other result",
            "pending": "Pending",
            "total": "Total",
        }[self.value]


class DisclosureRow(CodeEnum):
    """Rows (信息内容) of table 二."""

    RULES = "rules"
    NORMATIVE_DOCUMENTS = "normative_documents"
    LICENSING = "licensing"
    OTHER_SERVICES = "other_services"
    PENALTIES = "penalties"
    COERCIVE_MEASURES = "coercive_measures"
    ADMINISTRATIVE_FEES = "administrative_fees"
    CENTRALISED_PROCUREMENT = "centralised_procurement"

    def label_zh_in(self, fmt: ReportFormat) -> str:
        """The row label as printed in a format (规范性文件 became 行政规范性文件)."""
        if self is DisclosureRow.NORMATIVE_DOCUMENTS and fmt is ReportFormat.F2021:
            return "行政规范性文件"
        return self.label_zh

    @property
    def label_zh(self) -> str:
        """Row label as printed in the 2019 format."""
        return _DISCLOSURE_ROW_LABELS[self][0]

    @property
    def label_en(self) -> str:
        """English label."""
        return _DISCLOSURE_ROW_LABELS[self][1]


_DISCLOSURE_ROW_LABELS: dict[DisclosureRow, tuple[str, str]] = {
    DisclosureRow.RULES: ("规章", "Rules (规章)"),
    DisclosureRow.NORMATIVE_DOCUMENTS: ("规范性文件", "Normative documents"),
    DisclosureRow.LICENSING: ("行政许可", "Administrative licensing"),
    DisclosureRow.OTHER_SERVICES: ("其他对外管理服务事项", "Other external management services"),
    DisclosureRow.PENALTIES: ("行政处罚", "Administrative penalties"),
    DisclosureRow.COERCIVE_MEASURES: ("行政强制", "Administrative coercive measures"),
    DisclosureRow.ADMINISTRATIVE_FEES: ("行政事业性收费", "Administrative fees"),
    DisclosureRow.CENTRALISED_PROCUREMENT: ("政府集中采购", "Centralised government procurement"),
}


class DisclosureColumn(CodeEnum):
    """Columns of table 二 (both formats)."""

    NEWLY_MADE = "newly_made"
    NEWLY_PUBLISHED = "newly_published"
    TOTAL_PUBLISHED = "total_published"
    PREVIOUS_YEAR_ITEMS = "previous_year_items"
    CHANGE = "change"
    DECISIONS = "decisions"
    PROCUREMENT_ITEMS = "procurement_items"
    PROCUREMENT_AMOUNT = "procurement_amount"
    ISSUED = "issued"
    REPEALED = "repealed"
    IN_FORCE = "in_force"
    DECISIONS_THIS_YEAR = "decisions_this_year"
    FEE_AMOUNT = "fee_amount"

    @property
    def label_zh(self) -> str:
        """Column heading as printed."""
        return _DISCLOSURE_COLUMN_LABELS[self][0]

    @property
    def label_en(self) -> str:
        """English heading."""
        return _DISCLOSURE_COLUMN_LABELS[self][1]

    @property
    def is_money(self) -> bool:
        """True for amounts (decimals), false for counts."""
        return self in (DisclosureColumn.PROCUREMENT_AMOUNT, DisclosureColumn.FEE_AMOUNT)

    @property
    def is_signed(self) -> bool:
        """True for 本年增/减, the one column that may be negative."""
        return self is DisclosureColumn.CHANGE


_DISCLOSURE_COLUMN_LABELS: dict[DisclosureColumn, tuple[str, str]] = {
    DisclosureColumn.NEWLY_MADE: ("本年新制作数量", "Made this year"),
    DisclosureColumn.NEWLY_PUBLISHED: ("本年新公开数量", "Published this year"),
    DisclosureColumn.TOTAL_PUBLISHED: ("对外公开总数量", "Total published"),
    DisclosureColumn.PREVIOUS_YEAR_ITEMS: ("上一年项目数量", "Items last year"),
    DisclosureColumn.CHANGE: ("本年增/减", "Change this year"),
    DisclosureColumn.DECISIONS: ("处理决定数量", "Decisions"),
    DisclosureColumn.PROCUREMENT_ITEMS: ("采购项目数量", "Procurement items"),
    DisclosureColumn.PROCUREMENT_AMOUNT: ("采购总金额", "Procurement amount"),
    DisclosureColumn.ISSUED: ("本年制发件数", "Issued this year"),
    DisclosureColumn.REPEALED: ("本年废止件数", "Repealed this year"),
    DisclosureColumn.IN_FORCE: ("现行有效件数", "In force"),
    DisclosureColumn.DECISIONS_THIS_YEAR: ("本年处理决定数量", "Decisions this year"),
    DisclosureColumn.FEE_AMOUNT: ("本年收费金额（单位：万元）", "Fees collected (10,000 yuan)"),
}


class DisclosureSection(NamedTuple):
    """One 第二十条 item of table 二: its item number, rows and columns."""

    item: int
    rows: tuple[DisclosureRow, ...]
    columns: tuple[DisclosureColumn, ...]

    @property
    def heading_zh(self) -> str:
        """The section heading, e.g. 第二十条第（一）项."""
        from opengov.citations import to_chinese_numeral

        return f"第二十条第（{to_chinese_numeral(self.item)}）项"


_R = DisclosureRow
_C = DisclosureColumn
_DISCLOSURE_LAYOUT: dict[ReportFormat, tuple[DisclosureSection, ...]] = {
    ReportFormat.F2019: (
        DisclosureSection(
            1,
            (_R.RULES, _R.NORMATIVE_DOCUMENTS),
            (_C.NEWLY_MADE, _C.NEWLY_PUBLISHED, _C.TOTAL_PUBLISHED),
        ),
        DisclosureSection(
            5,
            (_R.LICENSING, _R.OTHER_SERVICES),
            (_C.PREVIOUS_YEAR_ITEMS, _C.CHANGE, _C.DECISIONS),
        ),
        DisclosureSection(
            6,
            (_R.PENALTIES, _R.COERCIVE_MEASURES),
            (_C.PREVIOUS_YEAR_ITEMS, _C.CHANGE, _C.DECISIONS),
        ),
        DisclosureSection(8, (_R.ADMINISTRATIVE_FEES,), (_C.PREVIOUS_YEAR_ITEMS, _C.CHANGE)),
        DisclosureSection(
            9, (_R.CENTRALISED_PROCUREMENT,), (_C.PROCUREMENT_ITEMS, _C.PROCUREMENT_AMOUNT)
        ),
    ),
    ReportFormat.F2021: (
        DisclosureSection(
            1, (_R.RULES, _R.NORMATIVE_DOCUMENTS), (_C.ISSUED, _C.REPEALED, _C.IN_FORCE)
        ),
        DisclosureSection(5, (_R.LICENSING,), (_C.DECISIONS_THIS_YEAR,)),
        DisclosureSection(6, (_R.PENALTIES, _R.COERCIVE_MEASURES), (_C.DECISIONS_THIS_YEAR,)),
        DisclosureSection(8, (_R.ADMINISTRATIVE_FEES,), (_C.FEE_AMOUNT,)),
    ),
}


def disclosure_layout(fmt: ReportFormat) -> tuple[DisclosureSection, ...]:
    """The sections of table 二 in a format, in printed order.

    >>> [s.item for s in disclosure_layout(ReportFormat.F2019)]
    [1, 5, 6, 8, 9]
    >>> [s.item for s in disclosure_layout(ReportFormat.F2021)]
    [1, 5, 6, 8]
    """
    return _DISCLOSURE_LAYOUT[ReportFormat(fmt)]


@cache
def _disclosure_keys(fmt: ReportFormat) -> tuple[tuple[DisclosureRow, DisclosureColumn], ...]:
    return tuple((r, c) for s in disclosure_layout(fmt) for r in s.rows for c in s.columns)


class CellRef(FrozenModel):
    """The address of one cell: table, row code and column code (wire codes).

    >>> ref = CellRef.applications(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL)
    >>> str(ref), ref.label_zh
    ('applications[received, total]', '三/一、本年新收政府信息公开申请数量/总计')
    """

    table: ReportTable
    row: str
    column: str

    @classmethod
    def applications(cls, row: OutcomeRow, column: ApplicantColumn) -> CellRef:
        """A cell of table 三."""
        return _ref(
            ReportTable.APPLICATIONS,
            member(OutcomeRow, row).value,
            member(ApplicantColumn, column).value,
        )

    @classmethod
    def review(cls, kind: ReviewKind, result: ReviewResult) -> CellRef:
        """A cell of table 四."""
        return _ref(
            ReportTable.REVIEW, member(ReviewKind, kind).value, member(ReviewResult, result).value
        )

    @classmethod
    def disclosure(cls, row: DisclosureRow, column: DisclosureColumn) -> CellRef:
        """A cell of table 二."""
        return _ref(
            ReportTable.DISCLOSURE,
            member(DisclosureRow, row).value,
            member(DisclosureColumn, column).value,
        )

    def __str__(self) -> str:
        return f"{self.table.value}[{self.row}, {self.column}]"

    @property
    def row_label_zh(self) -> str:
        """The printed row label."""
        if self.table is ReportTable.APPLICATIONS:
            return member(OutcomeRow, self.row).printed_zh
        if self.table is ReportTable.REVIEW:
            return member(ReviewKind, self.row).label_zh
        return member(DisclosureRow, self.row).label_zh

    @property
    def column_label_zh(self) -> str:
        """The printed column label."""
        if self.table is ReportTable.APPLICATIONS:
            return member(ApplicantColumn, self.column).label_zh
        if self.table is ReportTable.REVIEW:
            return member(ReviewResult, self.column).label_zh
        return member(DisclosureColumn, self.column).label_zh

    @property
    def label_zh(self) -> str:
        """Part number / row / column, in Chinese."""
        part = self.table.label_zh.split("、", 1)[0]
        return f"{part}/{self.row_label_zh}/{self.column_label_zh}"


@lru_cache(maxsize=4096)
def _ref(table: ReportTable, row: str, column: str) -> CellRef:
    # CellRef is frozen, so one instance per address can be shared.
    return CellRef(table=table, row=row, column=column)


# The addresses of every cell of a table, in the order of its cells, built once.
@cache
def _application_refs(fmt: ReportFormat) -> tuple[tuple[CellRef, ...], ...]:
    return tuple(tuple(CellRef.applications(r, c) for c in APPLICANT_COLUMNS) for r in fmt.rows)


@cache
def _review_refs() -> tuple[CellRef, ...]:
    return tuple(CellRef.review(k, r) for k, r in REVIEW_KEYS)


@cache
def _disclosure_refs(fmt: ReportFormat) -> tuple[CellRef, ...]:
    return tuple(CellRef.disclosure(r, c) for r, c in _disclosure_keys(fmt))


# -------------------------------------------------------------------- tables


def _as_format(fmt: ReportFormat | int | str) -> ReportFormat:
    if isinstance(fmt, ReportFormat):
        return fmt
    if isinstance(fmt, int) and not isinstance(fmt, bool):
        return ReportFormat.for_year(fmt)
    try:
        return ReportFormat(fmt)
    except ValueError:
        raise InvalidInputError(
            f"unknown report format {fmt!r}: give a ReportFormat, '2019', '2021' or a report year"
        ) from None


_COLUMN_INDEX: dict[ApplicantColumn, int] = {c: i for i, c in enumerate(APPLICANT_COLUMNS)}


@cache
def _row_index(fmt: ReportFormat) -> dict[OutcomeRow, int]:
    return {r: i for i, r in enumerate(fmt.rows)}


class ApplicationTable(FrozenModel):
    """Table 三: one row of 7 cells per :class:`OutcomeRow` of the format."""

    format: ReportFormat
    cells: tuple[tuple[Cell, ...], ...]

    @model_validator(mode="after")
    def _shape(self) -> ApplicationTable:
        rows = self.format.rows
        if len(self.cells) != len(rows) or any(len(r) != 7 for r in self.cells):
            raise ValueError(
                f"table 三 in the {self.format.value} format has {len(rows)} rows of 7 cells"
            )
        return self

    @classmethod
    def empty(cls, fmt: ReportFormat | int | str, cell: Cell = _UNREAD) -> ApplicationTable:
        """A table whose every cell is ``cell`` (unread by default)."""
        f = _as_format(fmt)
        return cls(format=f, cells=tuple((cell,) * 7 for _ in f.rows))

    @classmethod
    def from_counts(
        cls,
        fmt: ReportFormat | int | str,
        counts: Mapping[OutcomeRow, Mapping[ApplicantType, int]],
    ) -> ApplicationTable:
        """Build a consistent table from counts by row and applicant type.

        Missing counts are 0. The 总计 column is the sum of the six applicant columns,
        and （七）总计 the sum of the counted result rows (any TOTAL given is ignored).
        """
        f = _as_format(fmt)
        for row, given in _mapping(counts, "counts").items():
            if member(OutcomeRow, row) not in f.rows:
                raise InvalidInputError(
                    f"row {member(OutcomeRow, row).printed_zh} is not in the {f.value} format"
                )
            for t in _mapping(given, f"counts[{row!r}]"):
                member(ApplicantType, t)
        per: dict[OutcomeRow, list[int]] = {}
        for row in f.rows:
            given = counts.get(row, {})
            vals = []
            for t in ApplicantType:
                n = given.get(t, 0)
                if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                    raise InvalidInputError(f"counts are non-negative ints, got {n!r}")
                vals.append(n)
            per[row] = vals
        per[OutcomeRow.TOTAL] = [
            sum(per[r][i] for r in f.counted_rows) for i in range(len(TYPE_COLUMNS))
        ]
        cells = tuple(tuple(Cell.number(n) for n in (*per[row], sum(per[row]))) for row in f.rows)
        return cls(format=f, cells=cells)

    def cell(self, row: OutcomeRow, column: ApplicantColumn) -> Cell:
        """One cell; raises ``InvalidInputError`` for a row not in the format."""
        try:
            i = _row_index(self.format)[member(OutcomeRow, row)]
        except KeyError:
            raise InvalidInputError(
                f"row {member(OutcomeRow, row).printed_zh} is not in the {self.format.value} format"
            ) from None
        return self.cells[i][_COLUMN_INDEX[member(ApplicantColumn, column)]]

    def value(self, row: OutcomeRow, column: ApplicantColumn) -> int | Decimal | None:
        """The number in a cell, or ``None`` when it holds none."""
        return self.cell(row, column).value

    def with_cell(self, row: OutcomeRow, column: ApplicantColumn, cell: Cell) -> ApplicationTable:
        """A new table with one cell replaced."""
        i = self.format.rows.index(member(OutcomeRow, row))
        j = APPLICANT_COLUMNS.index(member(ApplicantColumn, column))
        new_row = (*self.cells[i][:j], cell, *self.cells[i][j + 1 :])
        return ApplicationTable(
            format=self.format, cells=(*self.cells[:i], new_row, *self.cells[i + 1 :])
        )

    def items(self) -> Iterator[tuple[CellRef, Cell]]:
        """Every cell with its address, row by row."""
        for refs, cells in zip(_application_refs(self.format), self.cells, strict=False):
            yield from zip(refs, cells, strict=False)


REVIEW_KEYS: tuple[tuple[ReviewKind, ReviewResult], ...] = tuple(
    (k, r) for k in ReviewKind for r in ReviewResult
)


class ReviewTable(FrozenModel):
    """Table 四: 15 cells, 复议 / 直接起诉 / 复议后起诉 × 5 results, in printed order."""

    cells: tuple[Cell, ...] = Field(min_length=15, max_length=15)

    @classmethod
    def empty(cls, cell: Cell = _UNREAD) -> ReviewTable:
        """A table whose every cell is ``cell`` (unread by default)."""
        return cls(cells=(cell,) * 15)

    @classmethod
    def from_counts(cls, counts: Mapping[ReviewKind, Mapping[ReviewResult, int]]) -> ReviewTable:
        """Build a consistent table; each 总计 is computed from the other four."""
        out: list[Cell] = []
        for k, given in _mapping(counts, "counts").items():
            member(ReviewKind, k)
            for r in _mapping(given, f"counts[{k!r}]"):
                member(ReviewResult, r)
        for k in ReviewKind:
            given = counts.get(k, {})
            four = [given.get(r, 0) for r in ReviewResult if r is not ReviewResult.TOTAL]
            if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in four):
                raise InvalidInputError(f"counts are non-negative ints, got {four!r}")
            out.extend(Cell.number(n) for n in (*four, sum(four)))
        return cls(cells=tuple(out))

    def cell(self, kind: ReviewKind, result: ReviewResult) -> Cell:
        """One cell."""
        return self.cells[
            REVIEW_KEYS.index((member(ReviewKind, kind), member(ReviewResult, result)))
        ]

    def with_cell(self, kind: ReviewKind, result: ReviewResult, cell: Cell) -> ReviewTable:
        """A new table with one cell replaced."""
        i = REVIEW_KEYS.index((member(ReviewKind, kind), member(ReviewResult, result)))
        return ReviewTable(cells=(*self.cells[:i], cell, *self.cells[i + 1 :]))

    def items(self) -> Iterator[tuple[CellRef, Cell]]:
        """Every cell with its address."""
        return zip(_review_refs(), self.cells, strict=False)


class DisclosureTable(FrozenModel):
    """Table 二: cells in the order of :func:`disclosure_layout` (section, row, column)."""

    format: ReportFormat
    cells: tuple[Cell, ...]

    @model_validator(mode="after")
    def _shape(self) -> DisclosureTable:
        n = len(_disclosure_keys(self.format))
        if len(self.cells) != n:
            raise ValueError(f"table 二 in the {self.format.value} format has {n} cells")
        return self

    @classmethod
    def empty(cls, fmt: ReportFormat | int | str, cell: Cell = _UNREAD) -> DisclosureTable:
        """A table whose every cell is ``cell`` (unread by default)."""
        f = _as_format(fmt)
        return cls(format=f, cells=(cell,) * len(_disclosure_keys(f)))

    @classmethod
    def from_values(
        cls,
        fmt: ReportFormat | int | str,
        values: Mapping[tuple[DisclosureRow, DisclosureColumn], int | Decimal],
    ) -> DisclosureTable:
        """Build a table from values; cells not given are blank."""
        f = _as_format(fmt)
        keys = _disclosure_keys(f)
        for k in _mapping(values, "values"):
            if k not in keys:
                raise InvalidInputError(f"cell {k!r} is not in table 二 of the {f.value} format")
        return cls(
            format=f,
            cells=tuple(Cell.number(values[k]) if k in values else _BLANK for k in keys),
        )

    def cell(self, row: DisclosureRow, column: DisclosureColumn) -> Cell:
        """One cell; raises ``InvalidInputError`` when the format has no such cell."""
        key = (member(DisclosureRow, row), member(DisclosureColumn, column))
        keys = _disclosure_keys(self.format)
        if key not in keys:
            raise InvalidInputError(
                f"table 二 of the {self.format.value} format has no cell "
                f"{key[0].label_zh}/{key[1].label_zh}"
            )
        return self.cells[keys.index(key)]

    def with_cell(
        self, row: DisclosureRow, column: DisclosureColumn, cell: Cell
    ) -> DisclosureTable:
        """A new table with one cell replaced."""
        self.cell(row, column)
        i = _disclosure_keys(self.format).index(
            (member(DisclosureRow, row), member(DisclosureColumn, column))
        )
        return DisclosureTable(
            format=self.format, cells=(*self.cells[:i], cell, *self.cells[i + 1 :])
        )

    def items(self) -> Iterator[tuple[CellRef, Cell]]:
        """Every cell with its address."""
        return zip(_disclosure_refs(self.format), self.cells, strict=False)


# ---------------------------------------------------------------------- text


class ReportText(FrozenModel):
    """The prose of the six parts (empty string where a part has none)."""

    overview: str = ""
    disclosure: str = ""
    applications: str = ""
    review: str = ""
    problems: str = ""
    other_matters: str = ""


class Completeness(NamedTuple):
    """How many table cells were read."""

    total: int
    read: int
    unread: int

    @property
    def ratio(self) -> float:
        """Share of cells read, 0.0-1.0."""
        return self.read / self.total if self.total else 1.0


# ---------------------------------------------------------------- recoveries


class RecoveryRule(CodeEnum):
    """The rule that left one way to split a run of digits printed without separators."""

    ROW = "row"
    BALANCE = "balance"
    RESULTS = "results"
    UNRESOLVED = "unresolved"

    @property
    def label_zh(self) -> str:
        """The rule, in Chinese."""
        return {
            "row": "本行勾稽",
            "balance": "表三各列：第一项加第二项之和等于第三项（七）加第四项",
            "results": "表三各列：办理结果各行之和等于（七）总计",
            "unresolved": "无法唯一确定",
        }[self.value]

    @property
    def label_en(self) -> str:
        """The rule, in English."""
        return {
            "row": "The row alone",
            "balance": "Table 三, each column: 一 + 二 = （七）总计 + 四",
            "results": "Table 三, each column: the result rows sum to （七）总计",
            "unresolved": "Not unique: the cells stay unread",
        }[self.value]


_MAX_CANDIDATES = 20  # splits a row alone admits kept in a Recovery


class Recovery(FrozenModel):
    """One row whose numbers were printed run together, and how they were split.

    Some copies of a report (crawler text, a scraper joining a row's cells) print a
    row's numbers with no separator: ``5800000 58`` for 58, 0, 0, 0, 0, 0, 58. A run
    is split only when exactly one split has no leading zeros in a multi-digit
    count, keeps printed spaces as cell boundaries and satisfies the arithmetic the
    row must satisfy: in table 三 the six applicant columns sum to 总计, in table 四
    each group's four results sum to its 总计. ``rule`` names what made the split
    unique: the row alone (:attr:`RecoveryRule.ROW`: ``row_splits`` is 1), else table
    三's balances between rows. When no rule leaves exactly one split the cells stay
    unread (``values`` is ``None``, ``rule`` is :attr:`RecoveryRule.UNRESOLVED`).

    ``candidates`` are the splits the row alone admits (the first 20); ``row_splits``
    counts them all, or is ``None`` when the run is too long to count in bounded
    time.
    """

    cells: tuple[CellRef, ...] = Field(min_length=1)
    printed: str
    values: tuple[int, ...] | None = None
    rule: RecoveryRule
    row_splits: int | None = Field(default=None, ge=0)
    candidates: tuple[tuple[int, ...], ...] = Field(default=(), max_length=_MAX_CANDIDATES)

    @model_validator(mode="after")
    def _consistent(self) -> Recovery:
        n = len(self.cells)
        if (self.values is None) != (self.rule is RecoveryRule.UNRESOLVED):
            raise ValueError("a recovery has values exactly when its rule is not 'unresolved'")
        if self.values is not None and len(self.values) != n:
            raise ValueError(f"a recovery of {n} cells has {n} values")
        if any(len(c) != n for c in self.candidates):
            raise ValueError(f"each candidate split of {n} cells has {n} values")
        if any(v < 0 for c in self.candidates for v in c) or any(v < 0 for v in self.values or ()):
            raise ValueError("recovered counts are non-negative")
        return self

    @property
    def recovered(self) -> bool:
        """True when the run was split and the cells hold its numbers."""
        return self.values is not None


# -------------------------------------------------------------------- report


_Report = TypeVar("_Report", bound="ReportData")


class ReportData(FrozenModel):
    """An annual report's data and methods: everything but its notebook display.

    Build and read reports as :class:`~opengov.reports.model.AnnualReport`, its one
    subclass, which adds the display. The checks and the renderers take a
    ``ReportData``, so they need not import the module that displays reports.
    """

    agency: str | None
    year: int = Field(ge=2019, le=2100, strict=True)
    format: ReportFormat
    disclosure: DisclosureTable
    applications: ApplicationTable
    review: ReviewTable
    text: ReportText = ReportText()
    information_fee_yuan: Decimal | None = None
    recoveries: tuple[Recovery, ...] = ()
    source: str | None = Field(
        default=None,
        description="The file the report was read from, as given to the reader; None "
        "for a report built in code.",
    )

    @model_validator(mode="after")
    def _formats_agree(self) -> ReportData:
        if self.applications.format is not self.format or self.disclosure.format is not self.format:
            raise ValueError("tables 二 and 三 must be in the report's format")
        return self

    @classmethod
    def create(
        cls: type[_Report],
        *,
        agency: str | None,
        year: int,
        format: ReportFormat | str | None = None,
        disclosure: DisclosureTable | None = None,
        applications: ApplicationTable | None = None,
        review: ReviewTable | None = None,
        text: ReportText | None = None,
        information_fee_yuan: Decimal | None = None,
    ) -> _Report:
        """Build a report; tables not given are entirely unread."""
        if format is not None:
            fmt = _as_format(format)
        elif applications is not None:
            fmt = applications.format
        else:
            fmt = ReportFormat.for_year(year)
        return cls(
            agency=agency,
            year=year,
            format=fmt,
            disclosure=disclosure if disclosure is not None else DisclosureTable.empty(fmt),
            applications=applications if applications is not None else ApplicationTable.empty(fmt),
            review=review if review is not None else ReviewTable.empty(),
            text=text if text is not None else ReportText(),
            information_fee_yuan=information_fee_yuan,
        )

    @property
    def basis(self) -> Citation:
        """The format notice the report follows."""
        return self.format.basis

    @property
    def law_basis(self) -> Citation:
        """The article requiring the report (ogi-2019:50)."""
        return cite("ogi-2019:50")

    def items(self) -> Iterator[tuple[CellRef, Cell]]:
        """Every table cell with its address: table 二, 三, then 四."""
        yield from self.disclosure.items()
        yield from self.applications.items()
        yield from self.review.items()

    def cell(self, ref: CellRef) -> Cell:
        """The cell at an address."""
        _require_ref(ref)
        if ref.table is ReportTable.APPLICATIONS:
            return self.applications.cell(
                member(OutcomeRow, ref.row), member(ApplicantColumn, ref.column)
            )
        if ref.table is ReportTable.REVIEW:
            return self.review.cell(member(ReviewKind, ref.row), member(ReviewResult, ref.column))
        return self.disclosure.cell(
            member(DisclosureRow, ref.row), member(DisclosureColumn, ref.column)
        )

    def with_cell(self: _Report, ref: CellRef, cell: Cell) -> _Report:
        """A new report with one cell replaced (e.g. to correct a typo)."""
        _require_ref(ref)
        d, a, r = self.disclosure, self.applications, self.review
        if ref.table is ReportTable.APPLICATIONS:
            a = a.with_cell(member(OutcomeRow, ref.row), member(ApplicantColumn, ref.column), cell)
        elif ref.table is ReportTable.REVIEW:
            r = r.with_cell(member(ReviewKind, ref.row), member(ReviewResult, ref.column), cell)
        else:
            d = d.with_cell(
                member(DisclosureRow, ref.row), member(DisclosureColumn, ref.column), cell
            )
        return type(self)(
            agency=self.agency,
            year=self.year,
            format=self.format,
            disclosure=d,
            applications=a,
            review=r,
            text=self.text,
            information_fee_yuan=self.information_fee_yuan,
            recoveries=self.recoveries,
            source=self.source,
        )

    def completeness(self) -> Completeness:
        """How many of the table cells hold something that was read."""
        total = unread = 0
        for _, c in self.items():
            total += 1
            unread += c.kind is CellKind.UNREAD
        return Completeness(total=total, read=total - unread, unread=unread)

    def to_json(self) -> str:
        """The report as JSON (decimals as strings); :meth:`from_json` reads it back."""
        return self.model_dump_json()

    @classmethod
    def from_json(cls: type[_Report], text: str | bytes) -> _Report:
        """Read a report written by :meth:`to_json`."""
        return cls.model_validate_json(text)

    def __repr__(self) -> str:
        done = self.completeness()
        agency = (
            self.agency if self.agency is None or len(self.agency) <= 40 else self.agency[:39] + "…"
        )
        source = self.source
        if source is not None and len(source) > 60:
            source = "…" + source[-59:]
        return (
            f"<{type(self).__name__} {agency!r} {self.year} format={self.format.value} "
            f"cells={done.read}/{done.total} read"
            + (f" source={source!r}" if source is not None else "")
            + ">"
        )
