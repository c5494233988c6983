"""Legacy outcome wording (2008-2018 年度报告的申请答复统计口径, 2007 Arts. 8, 14, 21-23).

Annual reports for 2008-2018 counted replies to applications in the wording of the
national statistics form (政府信息公开情况统计表) of the State Council's open
government office, not in the rows of the 2019 and 2021 formats. A
:class:`LegacyOutcome` is one line of that form's 申请答复数 block: 属于已主动公开范围,
同意公开, 同意部分公开, 不同意公开 (a total, with six sub-reasons),
不属于本行政机关公开, 申请信息不存在, 告知作出更改补充 and 告知通过其他途径办理.

**Evidence.** The form's wording is recalled, not verified against the form itself
(evidence level [M] in the project's legal reference); local templates of the period
confirm 同意公开, 同意部分公开 and the refusal breakdown (level [P]). Treat labels as
the best available wording, not as quoted text.

**Conversions.** Two, per the verb rules:

- :meth:`LegacyOutcome.to_report_row` is lossless and exists only where a 2019/2021
  row says the same thing; otherwise it raises
  :class:`~opengov.errors.NeedsInterpretationError`.
- :meth:`LegacyOutcome.assume_report_row` also covers the lines that need an
  interpretation; each such line's :attr:`~LegacyOutcome.note` says which. The
  不同意公开 total has no row: convert its sub-reasons instead.

Legal basis:
    - ogi-2007:21 (reply types), ogi-2007:22 (partial disclosure), ogi-2007:14.4 and
      ogi-2007:23 (secrets and privacy), ogi-2007:8 (security and stability),
      ogi-2007:2 (what government information is).

>>> from opengov.legacy import LegacyOutcome
>>> from opengov.outcomes import ReportFormat
>>> LegacyOutcome.REFUSED_PRIVACY.to_report_row(ReportFormat.F2021).printed_zh
'4.保护第三方合法权益'
>>> LegacyOutcome.TOLD_TO_AMEND.to_report_row(ReportFormat.F2021)
Traceback (most recent call last):
...
opengov.errors.NeedsInterpretationError: legacy outcome 'told_to_amend' (告知作出更改补充) has no lossless 2021-format row; call assume_report_row(ReportFormat.F2021) to accept opengov's interpretation: ...
>>> LegacyOutcome.TOLD_TO_AMEND.assume_report_row(ReportFormat.F2021).value
'other_not_corrected'
"""

from __future__ import annotations

from typing import NamedTuple

from opengov._lookup import CodeEnum, lookup
from opengov._show import show
from opengov.citations import Citation, cite
from opengov.errors import NeedsInterpretationError
from opengov.outcomes import OutcomeRow, ReportFormat

__all__ = ["LegacyOutcome"]


class _LegacyInfo(NamedTuple):
    label_zh: str
    label_en: str
    basis: tuple[Citation, ...]
    lossless: bool  # True: the rows below are an exact mapping
    row_2019: OutcomeRow | None  # None: no row (the 不同意公开 total)
    row_2021: OutcomeRow | None
    note: str | None


class LegacyOutcome(CodeEnum):
    """A line of the 2008-2018 statistics form's 申请答复数 block, in form order."""

    ALREADY_PUBLIC = "already_public"
    AGREED = "agreed"
    AGREED_PARTIALLY = "agreed_partially"
    REFUSED = "refused"
    REFUSED_STATE_SECRET = "refused_state_secret"
    REFUSED_COMMERCIAL_SECRET = "refused_commercial_secret"
    REFUSED_PRIVACY = "refused_privacy"
    REFUSED_SECURITY_STABILITY = "refused_security_stability"
    REFUSED_NOT_GOVERNMENT_INFORMATION = "refused_not_government_information"
    REFUSED_OTHER_LAW = "refused_other_law"
    NOT_THIS_AGENCY = "not_this_agency"
    NOT_EXIST = "not_exist"
    TOLD_TO_AMEND = "told_to_amend"
    TOLD_OTHER_CHANNEL = "told_other_channel"

    @property
    def label_zh(self) -> str:
        """The form's wording, without the trailing 数 (count) of the form line."""
        return _LEGACY[self].label_zh

    @property
    def label_en(self) -> str:
        """English description."""
        return _LEGACY[self].label_en

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The 2007-edition articles the line rests on."""
        return _LEGACY[self].basis

    @property
    def note(self) -> str | None:
        """Where the line's meaning or its conversion is an interpretation, what it is."""
        return _LEGACY[self].note

    @property
    def is_total(self) -> bool:
        """True for 不同意公开, the total of the six refusal sub-reasons."""
        return self is LegacyOutcome.REFUSED

    @property
    def parent(self) -> LegacyOutcome | None:
        """The total a sub-reason is counted in (``REFUSED``), else ``None``."""
        return LegacyOutcome.REFUSED if self in _REFUSAL_REASONS else None

    @property
    def parts(self) -> tuple[LegacyOutcome, ...]:
        """The sub-reasons of a total, in form order; empty for every other line."""
        return _REFUSAL_REASONS if self.is_total else ()

    @property
    def is_lossless(self) -> bool:
        """Whether :meth:`to_report_row` succeeds (the same in both formats)."""
        return _LEGACY[self].lossless

    def to_report_row(self, fmt: ReportFormat) -> OutcomeRow:
        """The row of table 三 under ``fmt`` that counts exactly this line.

        Raises :class:`~opengov.errors.NeedsInterpretationError` where no row says
        the same thing; :meth:`assume_report_row` then gives opengov's reading.
        """
        fmt = lookup(ReportFormat, fmt)
        info = _LEGACY[self]
        if not info.lossless:
            raise NeedsInterpretationError(
                f"legacy outcome {show(self.value)} ({info.label_zh}) has no lossless "
                f"{fmt.value}-format row; {_advice(self, fmt)}"
            )
        return self.assume_report_row(fmt)

    def assume_report_row(self, fmt: ReportFormat) -> OutcomeRow:
        """The row under ``fmt``, accepting opengov's interpretation where one is needed.

        The interpretation, if any, is :attr:`note`. Raises
        :class:`~opengov.errors.NeedsInterpretationError` for the 不同意公开 total,
        which has no row of its own: its sub-reasons map to different rows.
        """
        fmt = lookup(ReportFormat, fmt)
        info = _LEGACY[self]
        row = info.row_2019 if fmt is ReportFormat.F2019 else info.row_2021
        if row is None:
            raise NeedsInterpretationError(
                f"legacy outcome {show(self.value)} ({info.label_zh}) is the total of "
                f"{len(_REFUSAL_REASONS)} sub-reasons that map to different rows; convert "
                "its sub-reasons instead: " + ", ".join(r.value for r in _REFUSAL_REASONS)
            )
        return row


def _advice(member: LegacyOutcome, fmt: ReportFormat) -> str:
    if member.is_total:
        return "it is a total: convert its sub-reasons (LegacyOutcome.REFUSED.parts) instead"
    return (
        f"call assume_report_row(ReportFormat.{fmt.name}) to accept opengov's "
        f"interpretation: {member.note}"
    )


_R = OutcomeRow
_L = LegacyOutcome
_ART_21_2 = cite("ogi-2007:21(2)")
_SECRETS = (cite("ogi-2007:14.4"), cite("ogi-2007:23"), _ART_21_2)

_LEGACY: dict[LegacyOutcome, _LegacyInfo] = {
    _L.ALREADY_PUBLIC: _LegacyInfo(
        "属于已主动公开范围",
        "Already proactively disclosed",
        (cite("ogi-2007:21(1)"),),
        False,
        _R.DISCLOSED,
        _R.DISCLOSED,
        "Assumed to be （一）予以公开, as opengov counts ReplyType.ALREADY_PUBLIC: the "
        "applicant was told where to get the information. The 2019 and 2021 formats "
        "have no row for information that was already public.",
    ),
    _L.AGREED: _LegacyInfo(
        "同意公开",
        "Disclosed",
        (cite("ogi-2007:21(1)"),),
        True,
        _R.DISCLOSED,
        _R.DISCLOSED,
        None,
    ),
    _L.AGREED_PARTIALLY: _LegacyInfo(
        "同意部分公开",
        "Partially disclosed",
        (cite("ogi-2007:22"),),
        True,
        _R.PARTIALLY_DISCLOSED,
        _R.PARTIALLY_DISCLOSED,
        None,
    ),
    _L.REFUSED: _LegacyInfo(
        "不同意公开",
        "Refused (total of the sub-reasons)",
        (_ART_21_2,),
        False,
        None,
        None,
        "A total, not an outcome: its sub-reasons map to different rows of （三） and "
        "（六）, so it converts only through them.",
    ),
    _L.REFUSED_STATE_SECRET: _LegacyInfo(
        "涉及国家秘密",
        "Refused: state secret",
        (cite("ogi-2007:14.4"), _ART_21_2),
        True,
        _R.WITHHELD_STATE_SECRET,
        _R.WITHHELD_STATE_SECRET,
        None,
    ),
    _L.REFUSED_COMMERCIAL_SECRET: _LegacyInfo(
        "涉及商业秘密",
        "Refused: trade secret",
        _SECRETS,
        True,
        _R.WITHHELD_THIRD_PARTY,
        _R.WITHHELD_THIRD_PARTY,
        None,
    ),
    _L.REFUSED_PRIVACY: _LegacyInfo(
        "涉及个人隐私",
        "Refused: personal privacy",
        _SECRETS,
        True,
        _R.WITHHELD_THIRD_PARTY,
        _R.WITHHELD_THIRD_PARTY,
        None,
    ),
    _L.REFUSED_SECURITY_STABILITY: _LegacyInfo(
        "危及国家安全、公共安全、经济安全和社会稳定",
        "Refused: endangers national, public or economic security or social stability",
        (cite("ogi-2007:8"), _ART_21_2),
        True,
        _R.WITHHELD_SECURITY_STABILITY,
        _R.WITHHELD_SECURITY_STABILITY,
        None,
    ),
    _L.REFUSED_NOT_GOVERNMENT_INFORMATION: _LegacyInfo(
        "不是《条例》所指政府信息",
        "Refused: not government information within the Regulation",
        (cite("ogi-2007:2"), _ART_21_2),
        False,
        _R.OTHER,
        _R.OTHER_MISC,
        "Assumed to be the residual other row (2019: （六）其他处理; 2021: （六）3.其他), "
        "as opengov counts ReplyType.OTHER. The 2019 and 2021 formats have no row for "
        "information outside the Regulation's definition (2007 Art. 2); such requests "
        "are often answered today under （五）不予处理 or （四）无法提供, but the form "
        "does not say which.",
    ),
    _L.REFUSED_OTHER_LAW: _LegacyInfo(
        "法律法规规定的其他情形",
        "Refused: other cases provided by laws and regulations",
        (_ART_21_2,),
        False,
        _R.WITHHELD_PROHIBITED_BY_LAW,
        _R.WITHHELD_PROHIBITED_BY_LAW,
        "Assumed to be （三）2.其他法律行政法规禁止公开. The form's 法律法规 is wider "
        "than the row's 法律、行政法规 (it also covers local regulations) and the form "
        "does not say the law prohibits disclosure.",
    ),
    _L.NOT_THIS_AGENCY: _LegacyInfo(
        "不属于本行政机关公开",
        "Not for this agency to disclose",
        (cite("ogi-2007:21(3)"),),
        True,
        _R.UNABLE_NOT_HELD,
        _R.UNABLE_NOT_HELD,
        None,
    ),
    _L.NOT_EXIST: _LegacyInfo(
        "申请信息不存在",
        "The information does not exist",
        (cite("ogi-2007:21(3)"),),
        True,
        _R.UNABLE_NOT_HELD,
        _R.UNABLE_NOT_HELD,
        None,
    ),
    _L.TOLD_TO_AMEND: _LegacyInfo(
        "告知作出更改补充",
        "Applicant told to amend or supplement the application",
        (cite("ogi-2007:21(4)"),),
        False,
        _R.OTHER,
        _R.OTHER_NOT_CORRECTED,
        "Assumed to be the not-corrected row (2019: （六）其他处理; 2021: （六）1.申请人"
        "无正当理由逾期不补正…), as opengov counts ReplyType.NOT_CORRECTED. The form "
        "counted the notice itself; whether the applicant then amended is unknown, and "
        "an amended application's own reply is not in this line.",
    ),
    _L.TOLD_OTHER_CHANNEL: _LegacyInfo(
        "告知通过其他途径办理",
        "Applicant told to use another procedure",
        (cite("ogi-2007:21"),),
        False,
        _R.WITHHELD_ADMINISTRATIVE_INQUIRY,
        _R.WITHHELD_ADMINISTRATIVE_INQUIRY,
        "Assumed to be （三）8.属于行政查询事项, as opengov counts "
        "ReplyType.SPECIAL_PROCEDURE (2019 Art. 36(7)). The 2007 edition has no article "
        "for this reply (the line cites Art. 21, the reply article). The line may also "
        "have counted petitions and complaints referred to their own channel, which "
        "the 2019 and 2021 formats count under （五）1; the form does not tell them apart.",
    ),
}

_REFUSAL_REASONS: tuple[LegacyOutcome, ...] = (
    _L.REFUSED_STATE_SECRET,
    _L.REFUSED_COMMERCIAL_SECRET,
    _L.REFUSED_PRIVACY,
    _L.REFUSED_SECURITY_STABILITY,
    _L.REFUSED_NOT_GOVERNMENT_INFORMATION,
    _L.REFUSED_OTHER_LAW,
)
