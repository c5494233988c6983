"""Annual-report formats and the rows of table 三 (收到和处理政府信息公开申请情况, Art. 50).

Two official formats exist: the 2019 trial format (国办公开办函〔2019〕60号, report
years 2019 and 2020) and the 2021 format (国办公开办函〔2021〕30号, report years from
2021). Table 三 has the same rows in both except （六）其他处理, a single row in 2019
and a group of three rows in 2021. Result rows (三、本年度办理结果) number 20 in the
2019 format and 22 in the 2021 format, counting （七）总计.

Every :class:`OutcomeRow` knows its printed number and label, its group and the
formats that contain it. Labels are the official wording character for character
(full-width brackets, “” quotes).

Legal basis:
    - ogi-2019:50 (report contents; 全国政府信息公开工作主管部门 publishes the format);
    - report-format-2019, report-format-2021.

>>> from opengov.outcomes import OutcomeRow, ReportFormat
>>> OutcomeRow.PARTIALLY_DISCLOSED.printed_zh
'（二）部分公开（区分处理的，只计这一情形，不计其他情形）'
>>> len(ReportFormat.F2019.result_rows), len(ReportFormat.F2021.result_rows)
(20, 22)
>>> ReportFormat.for_year(2020)
<ReportFormat.F2019: '2019'>
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import NamedTuple

from opengov import law
from opengov._lookup import CodeEnum
from opengov._show import show
from opengov.citations import Citation, cite
from opengov.errors import InvalidInputError, ReportFormatError

__all__ = ["OutcomeGroup", "OutcomeRow", "ReportFormat"]


class ReportFormat(CodeEnum):
    """An official annual-report format. Values are stable wire codes."""

    F2019 = "2019"
    F2021 = "2021"

    @property
    def document_no(self) -> str:
        """The notice that issued the format."""
        return (
            "国办公开办函〔2019〕60号" if self is ReportFormat.F2019 else "国办公开办函〔2021〕30号"
        )

    @property
    def basis(self) -> Citation:
        """The format notice as a citation."""
        if self is ReportFormat.F2019:
            return cite("report-format-2019")
        return cite("report-format-2021")

    @property
    def first_report_year(self) -> int:
        """The first report year the format applies to."""
        return next(
            v.since.year for v in law.parameter("reports.format").values if v.value == self.value
        )

    @property
    def rows(self) -> tuple[OutcomeRow, ...]:
        """Every row of table 三 in this format, in printed order."""
        return _rows(self)

    @property
    def result_rows(self) -> tuple[OutcomeRow, ...]:
        """The rows under 三、本年度办理结果, （七）总计 included."""
        return _result_rows(self)

    @property
    def counted_rows(self) -> tuple[OutcomeRow, ...]:
        """The result rows whose sum is （七）总计 (every result row but the total)."""
        return _counted_rows(self)

    @classmethod
    def for_year(cls, report_year: int) -> ReportFormat:
        """The format for a report year: 2019-2020 → 2019 format, 2021 on → 2021.

        The 2019 notice only *encouraged* the trial format for report year 2019;
        it is still the format such reports follow when they follow one.

        Raises :class:`~opengov.errors.ReportFormatError` before 2019, when agencies
        used other wording (see :mod:`opengov.legacy`).
        """
        if isinstance(report_year, bool) or not isinstance(report_year, int):
            raise InvalidInputError(f"report_year must be an int, got {show(report_year)}")
        book = law.parameter("reports.format")
        if 2 <= report_year <= 9998 and date(report_year, 1, 1) >= book.first:
            code = book.at(date(report_year, 1, 1)).value
            if isinstance(code, str):
                return cls(code)
        raise ReportFormatError(
            f"no standard report format applies to report year {show(report_year)}: the first "
            "(国办公开办函〔2019〕60号) starts with report year 2019; for 2008-2018 "
            "reports use the legacy outcome wording in opengov.legacy"
        )


class OutcomeGroup(CodeEnum):
    """The groups of result rows: （一）…（六） and the total （七）."""

    DISCLOSED = "disclosed"
    PARTIALLY_DISCLOSED = "partially_disclosed"
    WITHHELD = "withheld"
    UNABLE_TO_PROVIDE = "unable_to_provide"
    NOT_PROCESSED = "not_processed"
    OTHER = "other"
    TOTAL = "total"

    @property
    def number_zh(self) -> str:
        """The printed number, e.g. （三）."""
        return _GROUP_INFO[self][0]

    @property
    def label_zh(self) -> str:
        """The printed label without its number, e.g. 不予公开."""
        return _GROUP_INFO[self][1]

    @property
    def label_en(self) -> str:
        """English label."""
        return _GROUP_INFO[self][2]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The format notices that print the group."""
        return tuple(f.basis for f in ReportFormat)


_GROUP_INFO: dict[OutcomeGroup, tuple[str, str, str]] = {
    OutcomeGroup.DISCLOSED: ("（一）", "予以公开", "Disclosed"),
    OutcomeGroup.PARTIALLY_DISCLOSED: (
        "（二）",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        "Partially disclosed",
    ),
    OutcomeGroup.WITHHELD: ("（三）", "不予公开", "Withheld"),
    OutcomeGroup.UNABLE_TO_PROVIDE: ("（四）", "无法提供", "Unable to provide"),
    OutcomeGroup.NOT_PROCESSED: ("（五）", "不予处理", "Not processed"),
    OutcomeGroup.OTHER: ("（六）", "其他处理", "Other handling"),
    OutcomeGroup.TOTAL: ("（七）", "总计", "Total"),
}

_BOTH = frozenset({ReportFormat.F2019, ReportFormat.F2021})
_ONLY_2019 = frozenset({ReportFormat.F2019})
_ONLY_2021 = frozenset({ReportFormat.F2021})


class _RowInfo(NamedTuple):
    number_zh: str
    label_zh: str
    label_en: str
    group: OutcomeGroup | None
    formats: frozenset[ReportFormat]


class OutcomeRow(CodeEnum):
    """A row of table 三, in printed order. Values are stable wire codes."""

    RECEIVED = "received"
    CARRIED_OVER = "carried_over"
    DISCLOSED = "disclosed"
    PARTIALLY_DISCLOSED = "partially_disclosed"
    WITHHELD_STATE_SECRET = "withheld_state_secret"
    WITHHELD_PROHIBITED_BY_LAW = "withheld_prohibited_by_law"
    WITHHELD_SECURITY_STABILITY = "withheld_security_stability"
    WITHHELD_THIRD_PARTY = "withheld_third_party"
    WITHHELD_INTERNAL_AFFAIRS = "withheld_internal_affairs"
    WITHHELD_PROCESS_INFORMATION = "withheld_process_information"
    WITHHELD_ENFORCEMENT_FILES = "withheld_enforcement_files"
    WITHHELD_ADMINISTRATIVE_INQUIRY = "withheld_administrative_inquiry"
    UNABLE_NOT_HELD = "unable_not_held"
    UNABLE_NEEDS_CREATION = "unable_needs_creation"
    UNABLE_STILL_UNCLEAR = "unable_still_unclear"
    NOT_PROCESSED_PETITION = "not_processed_petition"
    NOT_PROCESSED_REPEAT = "not_processed_repeat"
    NOT_PROCESSED_PUBLICATION = "not_processed_publication"
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive"
    NOT_PROCESSED_CONFIRMATION = "not_processed_confirmation"
    OTHER = "other"
    OTHER_NOT_CORRECTED = "other_not_corrected"
    OTHER_FEE_NOT_PAID = "other_fee_not_paid"
    OTHER_MISC = "other_misc"
    TOTAL = "total"
    CARRIED_FORWARD = "carried_forward"

    @property
    def number_zh(self) -> str:
        """The printed number: 一、 / （一） / 1. ."""
        return _ROWS[self].number_zh

    @property
    def label_zh(self) -> str:
        """The printed label without its number."""
        return _ROWS[self].label_zh

    @property
    def printed_zh(self) -> str:
        """Number and label, exactly as the row is printed."""
        return _ROWS[self].number_zh + _ROWS[self].label_zh

    @property
    def label_en(self) -> str:
        """English label."""
        return _ROWS[self].label_en

    @property
    def group(self) -> OutcomeGroup | None:
        """The result group; ``None`` for rows 一, 二 and 四 (not results)."""
        return _ROWS[self].group

    @property
    def formats(self) -> frozenset[ReportFormat]:
        """The formats whose table 三 contains this row."""
        return _ROWS[self].formats

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The format notices that define the row."""
        return tuple(f.basis for f in ReportFormat if f in self.formats)


_G = OutcomeGroup
_ROWS: dict[OutcomeRow, _RowInfo] = {
    OutcomeRow.RECEIVED: _RowInfo(
        "一、", "本年新收政府信息公开申请数量", "New applications this year", None, _BOTH
    ),
    OutcomeRow.CARRIED_OVER: _RowInfo(
        "二、", "上年结转政府信息公开申请数量", "Carried over from last year", None, _BOTH
    ),
    OutcomeRow.DISCLOSED: _RowInfo("（一）", "予以公开", "Disclosed", _G.DISCLOSED, _BOTH),
    OutcomeRow.PARTIALLY_DISCLOSED: _RowInfo(
        "（二）",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        "Partially disclosed (counted here only)",
        _G.PARTIALLY_DISCLOSED,
        _BOTH,
    ),
    OutcomeRow.WITHHELD_STATE_SECRET: _RowInfo(
        "1.", "属于国家秘密", "State secret", _G.WITHHELD, _BOTH
    ),
    OutcomeRow.WITHHELD_PROHIBITED_BY_LAW: _RowInfo(
        "2.",
        "其他法律行政法规禁止公开",
        "Other laws or administrative regulations prohibit disclosure",
        _G.WITHHELD,
        _BOTH,
    ),
    OutcomeRow.WITHHELD_SECURITY_STABILITY: _RowInfo(
        "3.",
        "危及“三安全一稳定”",
        "Endangers national, public or economic security or social stability",
        _G.WITHHELD,
        _BOTH,
    ),
    OutcomeRow.WITHHELD_THIRD_PARTY: _RowInfo(
        "4.", "保护第三方合法权益", "Protects third parties' lawful rights", _G.WITHHELD, _BOTH
    ),
    OutcomeRow.WITHHELD_INTERNAL_AFFAIRS: _RowInfo(
        "5.", "属于三类内部事务信息", "Internal-affairs information", _G.WITHHELD, _BOTH
    ),
    OutcomeRow.WITHHELD_PROCESS_INFORMATION: _RowInfo(
        "6.", "属于四类过程性信息", "Process information", _G.WITHHELD, _BOTH
    ),
    OutcomeRow.WITHHELD_ENFORCEMENT_FILES: _RowInfo(
        "7.", "属于行政执法案卷", "Administrative law-enforcement files", _G.WITHHELD, _BOTH
    ),
    OutcomeRow.WITHHELD_ADMINISTRATIVE_INQUIRY: _RowInfo(
        "8.", "属于行政查询事项", "Administrative inquiry matter", _G.WITHHELD, _BOTH
    ),
    OutcomeRow.UNABLE_NOT_HELD: _RowInfo(
        "1.", "本机关不掌握相关政府信息", "Not held by this agency", _G.UNABLE_TO_PROVIDE, _BOTH
    ),
    OutcomeRow.UNABLE_NEEDS_CREATION: _RowInfo(
        "2.",
        "没有现成信息需要另行制作",
        "No existing information; would need to be created",
        _G.UNABLE_TO_PROVIDE,
        _BOTH,
    ),
    OutcomeRow.UNABLE_STILL_UNCLEAR: _RowInfo(
        "3.",
        "补正后申请内容仍不明确",
        "Still unclear after correction",
        _G.UNABLE_TO_PROVIDE,
        _BOTH,
    ),
    OutcomeRow.NOT_PROCESSED_PETITION: _RowInfo(
        "1.",
        "信访举报投诉类申请",
        "Petition, report or complaint made as an application",
        _G.NOT_PROCESSED,
        _BOTH,
    ),
    OutcomeRow.NOT_PROCESSED_REPEAT: _RowInfo(
        "2.", "重复申请", "Repeated application", _G.NOT_PROCESSED, _BOTH
    ),
    OutcomeRow.NOT_PROCESSED_PUBLICATION: _RowInfo(
        "3.", "要求提供公开出版物", "Request for a public publication", _G.NOT_PROCESSED, _BOTH
    ),
    OutcomeRow.NOT_PROCESSED_EXCESSIVE: _RowInfo(
        "4.",
        "无正当理由大量反复申请",
        "Large numbers of repeated applications without good reason",
        _G.NOT_PROCESSED,
        _BOTH,
    ),
    OutcomeRow.NOT_PROCESSED_CONFIRMATION: _RowInfo(
        "5.",
        "要求行政机关确认或重新出具已获取信息",
        "Request to confirm or re-issue information already obtained",
        _G.NOT_PROCESSED,
        _BOTH,
    ),
    OutcomeRow.OTHER: _RowInfo("（六）", "其他处理", "Other handling", _G.OTHER, _ONLY_2019),
    OutcomeRow.OTHER_NOT_CORRECTED: _RowInfo(
        "1.",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "Applicant did not correct in time; no longer processed",
        _G.OTHER,
        _ONLY_2021,
    ),
    OutcomeRow.OTHER_FEE_NOT_PAID: _RowInfo(
        "2.",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "Applicant did not pay the fee in time; no longer processed",
        _G.OTHER,
        _ONLY_2021,
    ),
    OutcomeRow.OTHER_MISC: _RowInfo("3.", "其他", "Other", _G.OTHER, _ONLY_2021),
    OutcomeRow.TOTAL: _RowInfo("（七）", "总计", "Total", _G.TOTAL, _BOTH),
    OutcomeRow.CARRIED_FORWARD: _RowInfo(
        "四、", "结转下年度继续办理", "Carried forward to next year", None, _BOTH
    ),
}


# The rows of a format are read for every cell of every report: computed once.
@cache
def _rows(fmt: ReportFormat) -> tuple[OutcomeRow, ...]:
    return tuple(r for r in OutcomeRow if fmt in r.formats)


@cache
def _result_rows(fmt: ReportFormat) -> tuple[OutcomeRow, ...]:
    return tuple(r for r in _rows(fmt) if r.group is not None)


@cache
def _counted_rows(fmt: ReportFormat) -> tuple[OutcomeRow, ...]:
    return tuple(r for r in _result_rows(fmt) if r is not OutcomeRow.TOTAL)
