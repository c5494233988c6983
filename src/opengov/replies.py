"""Reply types (答复类型, Arts. 30, 35-39) and their annual-report rows.

A :class:`ReplyType` is what an agency decided on an application: the seven replies
of Art. 36, partial disclosure (Art. 37), the 无法提供 cases (Arts. 30, 36(四)(五),
38), the 不予处理 cases (Arts. 35, 36(六), 39) and the 其他处理 cases (no correction,
fee not paid, other). A :class:`Reply` is a reply type with its exemption grounds.

Every reply maps to exactly one row of table 三 in each report format
(:meth:`Reply.report_row`). Where the mapping is an interpretation, the reply type's
``note`` says so.

Legal basis:
    - ogi-2019:36 (items 1-7), ogi-2019:37, ogi-2019:38, ogi-2019:30, ogi-2019:35,
      ogi-2019:39.1, ogi-2019:39.2; fee-measures-2020; report-format-2021;
    - 更正 requests (:class:`CorrectionReply`): ogi-2019:41, ogi-2007:25.2,
      ogi-cases-2011:1(4).

>>> from opengov.replies import Reply, ReplyType
>>> from opengov.exemptions import ExemptionGround
>>> from opengov.outcomes import ReportFormat
>>> r = Reply(type=ReplyType.WITHHELD, grounds=(ExemptionGround.STATE_SECRET,))
>>> r.report_row(ReportFormat.F2021).printed_zh
'1.属于国家秘密'
>>> Reply(type=ReplyType.FEE_NOT_PAID).report_row(ReportFormat.F2019).printed_zh
'（六）其他处理'
"""

from __future__ import annotations

from typing import NamedTuple

from pydantic import model_validator

from opengov._lookup import CodeEnum, lookup
from opengov._model import FrozenModel
from opengov._show import show
from opengov.citations import Citation, cite
from opengov.editions import Edition
from opengov.errors import InvalidInputError
from opengov.exemptions import ExemptionGround
from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat

__all__ = ["CorrectionReply", "Reply", "ReplyType"]


class _ReplyInfo(NamedTuple):
    label_zh: str
    label_en: str
    group: OutcomeGroup
    basis: tuple[Citation, ...]
    row_2019: OutcomeRow | None  # None: the row comes from the ground
    row_2021: OutcomeRow | None
    note: str | None


class ReplyType(CodeEnum):
    """What the agency decided. Values are stable wire codes."""

    ALREADY_PUBLIC = "already_public"
    DISCLOSED = "disclosed"
    PARTIALLY_DISCLOSED = "partially_disclosed"
    WITHHELD = "withheld"
    NOT_EXIST = "not_exist"
    NOT_RESPONSIBLE = "not_responsible"
    NEEDS_CREATION = "needs_creation"
    STILL_UNCLEAR = "still_unclear"
    PETITION = "petition"
    REPEAT_REQUEST = "repeat_request"
    PUBLICATION = "publication"
    EXCESSIVE = "excessive"
    CONFIRMATION = "confirmation"
    SPECIAL_PROCEDURE = "special_procedure"
    NOT_CORRECTED = "not_corrected"
    FEE_NOT_PAID = "fee_not_paid"
    OTHER = "other"
    NOT_GOVERNMENT_INFORMATION = "not_government_information"

    @property
    def label_zh(self) -> str:
        """Official wording: quoted from the cited article or the report row."""
        return _REPLIES[self].label_zh

    @property
    def label_en(self) -> str:
        """English description."""
        return _REPLIES[self].label_en

    @property
    def group(self) -> OutcomeGroup:
        """The report's result group (（一）…（六）)."""
        return _REPLIES[self].group

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the reply is provided for."""
        return _REPLIES[self].basis

    @property
    def note(self) -> str | None:
        """Where the report mapping is an interpretation, what it is."""
        return _REPLIES[self].note

    @property
    def needs_grounds(self) -> bool:
        """True for 不予公开: the reply must name at least one ground (Art. 36(三))."""
        return self is ReplyType.WITHHELD

    @property
    def allows_grounds(self) -> bool:
        """Grounds may be given for withholding and for the withheld parts of 区分处理."""
        return self in (ReplyType.WITHHELD, ReplyType.PARTIALLY_DISCLOSED)


_G = OutcomeGroup
_R = OutcomeRow
_REPLIES: dict[ReplyType, _ReplyInfo] = {
    ReplyType.ALREADY_PUBLIC: _ReplyInfo(
        "所申请公开信息已经主动公开",
        "Already proactively disclosed; applicant told where to get it",
        _G.DISCLOSED,
        (cite("ogi-2019:36(1)"),),
        _R.DISCLOSED,
        _R.DISCLOSED,
        "Counted under （一）予以公开: the applicant is given the information's "
        "location, which the report formats do not count separately.",
    ),
    ReplyType.DISCLOSED: _ReplyInfo(
        "所申请公开信息可以公开",
        "Disclosed",
        _G.DISCLOSED,
        (cite("ogi-2019:36(2)"),),
        _R.DISCLOSED,
        _R.DISCLOSED,
        None,
    ),
    ReplyType.PARTIALLY_DISCLOSED: _ReplyInfo(
        "部分公开",
        "Partially disclosed (区分处理)",
        _G.PARTIALLY_DISCLOSED,
        (cite("ogi-2019:37"),),
        _R.PARTIALLY_DISCLOSED,
        _R.PARTIALLY_DISCLOSED,
        None,
    ),
    ReplyType.WITHHELD: _ReplyInfo(
        "不予公开",
        "Withheld",
        _G.WITHHELD,
        (cite("ogi-2019:36(3)"),),
        None,
        None,
        None,
    ),
    ReplyType.NOT_EXIST: _ReplyInfo(
        "经检索没有所申请公开信息",
        "Does not exist after a search",
        _G.UNABLE_TO_PROVIDE,
        (cite("ogi-2019:36(4)"),),
        _R.UNABLE_NOT_HELD,
        _R.UNABLE_NOT_HELD,
        None,
    ),
    ReplyType.NOT_RESPONSIBLE: _ReplyInfo(
        "所申请公开信息不属于本行政机关负责公开",
        "Another agency is responsible for disclosing it",
        _G.UNABLE_TO_PROVIDE,
        (cite("ogi-2019:36(5)"),),
        _R.UNABLE_NOT_HELD,
        _R.UNABLE_NOT_HELD,
        None,
    ),
    ReplyType.NEEDS_CREATION: _ReplyInfo(
        "没有现成信息需要另行制作",
        "No existing information; it would have to be created or processed",
        _G.UNABLE_TO_PROVIDE,
        (cite("ogi-2019:38"),),
        _R.UNABLE_NEEDS_CREATION,
        _R.UNABLE_NEEDS_CREATION,
        None,
    ),
    ReplyType.STILL_UNCLEAR: _ReplyInfo(
        "补正后申请内容仍不明确",
        "Still unclear after correction",
        _G.UNABLE_TO_PROVIDE,
        (cite("ogi-2019:30"),),
        _R.UNABLE_STILL_UNCLEAR,
        _R.UNABLE_STILL_UNCLEAR,
        None,
    ),
    ReplyType.PETITION: _ReplyInfo(
        "信访举报投诉类申请",
        "A petition, report or complaint made as an application",
        _G.NOT_PROCESSED,
        (cite("ogi-2019:39.1"),),
        _R.NOT_PROCESSED_PETITION,
        _R.NOT_PROCESSED_PETITION,
        None,
    ),
    ReplyType.REPEAT_REQUEST: _ReplyInfo(
        "重复申请",
        "Repeated application for information already answered",
        _G.NOT_PROCESSED,
        (cite("ogi-2019:36(6)"),),
        _R.NOT_PROCESSED_REPEAT,
        _R.NOT_PROCESSED_REPEAT,
        None,
    ),
    ReplyType.PUBLICATION: _ReplyInfo(
        "要求提供公开出版物",
        "Request for a public publication",
        _G.NOT_PROCESSED,
        (cite("ogi-2019:39.2"),),
        _R.NOT_PROCESSED_PUBLICATION,
        _R.NOT_PROCESSED_PUBLICATION,
        None,
    ),
    ReplyType.EXCESSIVE: _ReplyInfo(
        "无正当理由大量反复申请",
        "Unreasonable number or frequency of applications",
        _G.NOT_PROCESSED,
        (cite("ogi-2019:35"),),
        _R.NOT_PROCESSED_EXCESSIVE,
        _R.NOT_PROCESSED_EXCESSIVE,
        None,
    ),
    ReplyType.CONFIRMATION: _ReplyInfo(
        "要求行政机关确认或重新出具已获取信息",
        "Request to confirm or re-issue information already obtained",
        _G.NOT_PROCESSED,
        (cite("report-format-2019"), cite("report-format-2021")),
        _R.NOT_PROCESSED_CONFIRMATION,
        _R.NOT_PROCESSED_CONFIRMATION,
        "No article of the Regulation provides for this reply; it exists as report row （五）5.",
    ),
    ReplyType.SPECIAL_PROCEDURE: _ReplyInfo(
        "有关法律、行政法规对信息的获取有特别规定",
        "Access is governed by a special law (e.g. 工商, 不动产登记 records)",
        _G.WITHHELD,
        (cite("ogi-2019:36(7)"),),
        _R.WITHHELD_ADMINISTRATIVE_INQUIRY,
        _R.WITHHELD_ADMINISTRATIVE_INQUIRY,
        "Counted under （三）8 属于行政查询事项: opengov reads that row as the "
        "Art. 36(7) case; the formats do not say so.",
    ),
    ReplyType.NOT_CORRECTED: _ReplyInfo(
        "申请人无正当理由逾期不补正",
        "Applicant did not correct the application in time; treated as abandoned",
        _G.OTHER,
        (cite("ogi-2019:30"),),
        _R.OTHER,
        _R.OTHER_NOT_CORRECTED,
        None,
    ),
    ReplyType.FEE_NOT_PAID: _ReplyInfo(
        "申请人逾期未按收费通知要求缴纳费用",
        "Applicant did not pay the processing fee in time; treated as abandoned",
        _G.OTHER,
        (cite("fee-measures-2020"), cite("ogi-2019:42")),
        _R.OTHER,
        _R.OTHER_FEE_NOT_PAID,
        None,
    ),
    ReplyType.OTHER: _ReplyInfo(
        "其他处理",
        "Other handling (e.g. the applicant withdrew)",
        _G.OTHER,
        (cite("report-format-2019"), cite("report-format-2021")),
        _R.OTHER,
        _R.OTHER_MISC,
        None,
    ),
    ReplyType.NOT_GOVERNMENT_INFORMATION: _ReplyInfo(
        "不属于政府信息",
        "What was asked for is not government information (Art. 2)",
        _G.OTHER,
        (cite("ogi-2019:2"),),
        _R.OTHER,
        _R.OTHER_MISC,
        "Art. 36 has no item for this reply and the formats no row: opengov counts it "
        "under （六）其他处理 (2021: （六）3.其他), as the 2008-2018 line 不是《条例》所指"
        "政府信息 converts; some agencies count it under （四） or （五） instead.",
    ),
}


class Reply(FrozenModel):
    """A reply: its type and, for withholding, the grounds in order of weight.

    ``grounds`` are required for :attr:`ReplyType.WITHHELD`, allowed for
    :attr:`ReplyType.PARTIALLY_DISCLOSED` (the grounds for the withheld parts) and
    refused for every other type.
    """

    type: ReplyType
    grounds: tuple[ExemptionGround, ...] = ()

    @model_validator(mode="after")
    def _grounds_fit_type(self) -> Reply:
        if self.type.needs_grounds and not self.grounds:
            raise ValueError(
                "a withheld reply must name at least one exemption ground (Art. 36(三) "
                "requires the reason); pass grounds=(ExemptionGround.…,)"
            )
        if self.grounds and not self.type.allows_grounds:
            raise ValueError(
                f"a {show(self.type.value)} reply takes no exemption grounds; grounds are for "
                "'withheld' and 'partially_disclosed' replies"
            )
        if len(set(self.grounds)) != len(self.grounds):
            raise ValueError("each exemption ground may be given once")
        if ExemptionGround.ADMINISTRATIVE_INQUIRY in self.grounds:
            raise ValueError(
                "Art. 36(7) (有关法律、行政法规对信息的获取有特别规定) is a referral, not an "
                "exemption ground: record Reply(type=ReplyType.SPECIAL_PROCEDURE), counted in "
                "the same report row （三）8 属于行政查询事项"
            )
        return self

    def report_row(self, fmt: ReportFormat | str) -> OutcomeRow:
        """The one table-三 row this reply is counted in under ``fmt``.

        A withheld reply with several grounds is counted once, under its first
        ground: the formats count applications, not grounds, and do not say which
        ground decides. Partial disclosure is counted under （二） whatever its
        grounds (the row label says so).
        """
        fmt = lookup(ReportFormat, fmt)
        info = _REPLIES[self.type]
        row = info.row_2019 if fmt is ReportFormat.F2019 else info.row_2021
        if row is None:
            row = self.grounds[0].report_row
        return row


# -- Art. 41 更正 requests ---------------------------------------------------------------


class _CorrectionInfo(NamedTuple):
    label_zh: str
    label_en: str
    basis: tuple[Citation, ...]
    basis_2007: tuple[Citation, ...] | None  # None: not open under the 2007 Regulation


class CorrectionReply(CodeEnum):
    """The answer to a request to correct a record (更正, 2019 Art. 41; 2007 Art. 25 para. 2).

    A person with evidence that a government information record about them is
    inaccurate "可以要求行政机关更正. 有权更正的行政机关审核属实的，应当予以更正并告知
    申请人；不属于本行政机关职能范围的，行政机关可以转送有权更正的行政机关处理并告知申请人，
    或者告知申请人向有权更正的行政机关提出" (2019 Art. 41). Under the 2007 text the agency
    without power to correct "应当转送有权更正的行政机关处理，并告知申请人" (Art. 25 para. 2):
    telling the applicant to apply elsewhere (:attr:`DIRECTED`) was not open then.

    A 更正 request is not a 政府信息公开申请: table 三 of the annual report
    (收到和处理政府信息公开申请情况) has no row for it in either format, so
    :meth:`report_row` is ``None``. It is not review-first: 行政复议法 2023 Art. 23(1)(4)
    covers refusals to disclose only. Values are stable wire codes.

    >>> CorrectionReply.REFERRED.label_zh
    '转送有权更正的行政机关处理并告知申请人'
    >>> CorrectionReply.CORRECTED.report_row("2021") is None
    True
    """

    CORRECTED = "corrected"
    REFUSED = "refused"
    REFERRED = "referred"
    DIRECTED = "directed"

    @property
    def label_zh(self) -> str:
        """Official wording: Art. 41, or (for a refusal) 法释〔2011〕17号 Art. 1(4)."""
        return _CORRECTIONS[self].label_zh

    @property
    def label_en(self) -> str:
        """English description."""
        return _CORRECTIONS[self].label_en

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where this answer comes from under the 2019 Regulation."""
        return _CORRECTIONS[self].basis

    def basis_for(self, edition: Edition | str) -> tuple[Citation, ...]:
        """The basis under ``edition``; raises where that edition did not allow this answer.

        >>> [str(c) for c in CorrectionReply.REFERRED.basis_for("2007")]
        ['ogi-2007:25.2']
        """
        ed = lookup(Edition, edition)
        if ed is Edition.REG_2019:
            return self.basis
        found = _CORRECTIONS[self].basis_2007
        if found is None:
            raise InvalidInputError(
                f"a {show(self.value)} answer to a 更正 request has no basis in the 2007 "
                "Regulation: its Art. 25 para. 2 says 该行政机关无权更正的，应当转送有权更正的"
                "行政机关处理，并告知申请人; record CorrectionReply.REFERRED"
            )
        return found

    @property
    def review_first(self) -> bool:
        """Always ``False``: review before suit (行政复议法 2023 Art. 23(1)(4)) is for
        refusals to disclose, and a 更正 answer is not one."""
        return False

    def report_row(self, fmt: ReportFormat | str) -> OutcomeRow | None:
        """The table-三 row: ``None`` in every format. Table 三 counts 政府信息公开申请,
        and neither the 2019 nor the 2021 format has a row for a 更正 request (Art. 41).
        Typed like :meth:`Reply.report_row` with a possible ``None``, so that code
        counting both handles the missing row."""
        lookup(ReportFormat, fmt)
        return None


_ART_41 = cite("ogi-2019:41")
_CORRECTIONS: dict[CorrectionReply, _CorrectionInfo] = {
    CorrectionReply.CORRECTED: _CorrectionInfo(
        "予以更正并告知申请人",
        "The record is corrected and the applicant told",
        (_ART_41,),
        (cite("ogi-2007:25.2"),),
    ),
    CorrectionReply.REFUSED: _CorrectionInfo(
        "拒绝更正",
        "Correction refused: the record was not found inaccurate",
        (_ART_41, cite("ogi-cases-2011:1(4)")),
        (cite("ogi-2007:25.2"), cite("ogi-cases-2011:1(4)")),
    ),
    CorrectionReply.REFERRED: _CorrectionInfo(
        "转送有权更正的行政机关处理并告知申请人",
        "Referred to the agency with power to correct, and the applicant told",
        (_ART_41,),
        (cite("ogi-2007:25.2"),),
    ),
    CorrectionReply.DIRECTED: _CorrectionInfo(
        "告知申请人向有权更正的行政机关提出",
        "Applicant told to ask the agency with power to correct",
        (_ART_41,),
        None,
    ),
}
