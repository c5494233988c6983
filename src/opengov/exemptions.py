"""Exemption grounds (不予公开的理由, Arts. 14-16, 32, 36-37).

Each :class:`ExemptionGround` is one reason an agency may withhold information, in
the order of the eight 不予公开 rows of the annual report. A ground is

- **absolute** (Art. 14: 不予公开, no override),
- **qualified** (Art. 15: 不得公开 by default, but disclosed when the third party
  consents or non-disclosure would seriously affect the public interest; Art. 32), or
- **discretionary** (Art. 16: 可以不予公开; for process information and
  law-enforcement files, disclosure required by 法律、法规、规章 prevails).

Partial disclosure (Art. 37, 区分处理) applies to every content-based ground.

Legal basis:
    - ogi-2019:14, ogi-2019:15, ogi-2019:16.1, ogi-2019:16.2, ogi-2019:32,
      ogi-2019:37; 2007 edition: ogi-2007:8, ogi-2007:14.4, ogi-2007:23.

>>> from opengov.exemptions import ExemptionGround, Override
>>> g = ExemptionGround.THIRD_PARTY_RIGHTS
>>> g.kind.value, sorted(o.value for o in g.overrides)
('qualified', ['public_interest', 'third_party_consent'])
>>> g.report_row.printed_zh
'4.保护第三方合法权益'
>>> [str(c) for c in ExemptionGround.PROCESS_INFORMATION.basis]
['ogi-2019:16.2']
"""

from __future__ import annotations

from typing import NamedTuple

from opengov._lookup import CodeEnum, lookup
from opengov.citations import Citation, cite
from opengov.editions import Edition
from opengov.outcomes import OutcomeRow

__all__ = ["ExemptionGround", "ExemptionKind", "Override"]


class ExemptionKind(CodeEnum):
    """How binding a ground is."""

    ABSOLUTE = "absolute"
    QUALIFIED = "qualified"
    DISCRETIONARY = "discretionary"

    @property
    def label_zh(self) -> str:
        """The Regulation's own verb for the kind."""
        return {"absolute": "不予公开", "qualified": "不得公开", "discretionary": "可以不予公开"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        """English description."""
        return {
            "absolute": "must be withheld; no override",
            "qualified": "must be withheld unless an override applies",
            "discretionary": "may be withheld",
        }[self.value]

    @property
    def mandatory(self) -> bool:
        """True when the agency must withhold unless an override applies."""
        return self is not ExemptionKind.DISCRETIONARY

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The article whose verb defines the kind."""
        return {
            "absolute": (cite("ogi-2019:14"),),
            "qualified": (cite("ogi-2019:15"), cite("ogi-2019:32")),
            "discretionary": (cite("ogi-2019:16.1"), cite("ogi-2019:16.2")),
        }[self.value]


class Override(CodeEnum):
    """A circumstance in which information covered by a ground is disclosed."""

    THIRD_PARTY_CONSENT = "third_party_consent"
    PUBLIC_INTEREST = "public_interest"
    DISCLOSURE_REQUIRED_BY_LAW = "disclosure_required_by_law"

    @property
    def label_zh(self) -> str:
        """The override in the Regulation's words."""
        return _OVERRIDES[self][0]

    @property
    def label_en(self) -> str:
        """English description."""
        return _OVERRIDES[self][1]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the override is written."""
        return _OVERRIDES[self][2]


_OVERRIDES: dict[Override, tuple[str, str, tuple[Citation, ...]]] = {
    Override.THIRD_PARTY_CONSENT: (
        "第三方同意公开",
        "the third party consents to disclosure",
        (cite("ogi-2019:15"), cite("ogi-2019:32")),
    ),
    Override.PUBLIC_INTEREST: (
        "行政机关认为不公开会对公共利益造成重大影响",
        "non-disclosure would seriously affect the public interest",
        (cite("ogi-2019:15"), cite("ogi-2019:32")),
    ),
    Override.DISCLOSURE_REQUIRED_BY_LAW: (
        "法律、法规、规章规定上述信息应当公开的，从其规定",
        "laws, regulations or rules require the information to be disclosed",
        (cite("ogi-2019:16.2"),),
    ),
}


class _GroundInfo(NamedTuple):
    label_zh: str
    label_en: str
    kind: ExemptionKind
    overrides: frozenset[Override]
    partial_disclosure: bool
    basis: tuple[Citation, ...]
    basis_2007: tuple[Citation, ...]
    report_row: OutcomeRow
    note: str | None


class ExemptionGround(CodeEnum):
    """A ground for withholding, in the order of the report's 不予公开 rows."""

    STATE_SECRET = "state_secret"
    PROHIBITED_BY_LAW = "prohibited_by_law"
    SECURITY_STABILITY = "security_stability"
    THIRD_PARTY_RIGHTS = "third_party_rights"
    INTERNAL_AFFAIRS = "internal_affairs"
    PROCESS_INFORMATION = "process_information"
    LAW_ENFORCEMENT_FILES = "law_enforcement_files"
    ADMINISTRATIVE_INQUIRY = "administrative_inquiry"

    @property
    def label_zh(self) -> str:
        """The ground in the Regulation's words (the report row for 行政查询事项)."""
        return _GROUNDS[self].label_zh

    @property
    def label_en(self) -> str:
        """English description."""
        return _GROUNDS[self].label_en

    @property
    def kind(self) -> ExemptionKind:
        """Absolute, qualified or discretionary."""
        return _GROUNDS[self].kind

    @property
    def mandatory(self) -> bool:
        """True for Art. 14 and Art. 15 grounds (withholding is the default)."""
        return _GROUNDS[self].kind.mandatory

    @property
    def overrides(self) -> frozenset[Override]:
        """Circumstances in which the information is disclosed anyway."""
        return _GROUNDS[self].overrides

    @property
    def partial_disclosure(self) -> bool:
        """Whether Art. 37 区分处理 can apply (disclose the rest, explain the cut)."""
        return _GROUNDS[self].partial_disclosure

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Citations under the 2019 edition."""
        return _GROUNDS[self].basis

    @property
    def note(self) -> str | None:
        """Where the ground rests on an interpretation, what it is."""
        return _GROUNDS[self].note

    @property
    def report_row(self) -> OutcomeRow:
        """The 不予公开 row of table 三 (the same in the 2019 and 2021 formats)."""
        return _GROUNDS[self].report_row

    def basis_for(self, edition: Edition | str) -> tuple[Citation, ...]:
        """Citations under ``edition`` (a member or its code); empty when it had no such ground."""
        if lookup(Edition, edition) is Edition.REG_2007:
            return _GROUNDS[self].basis_2007
        return _GROUNDS[self].basis

    def exists_in(self, edition: Edition | str) -> bool:
        """Whether ``edition`` of the Regulation knew this ground."""
        return bool(self.basis_for(edition))


_NONE: frozenset[Override] = frozenset()
_TP = frozenset({Override.THIRD_PARTY_CONSENT, Override.PUBLIC_INTEREST})
_LAW = frozenset({Override.DISCLOSURE_REQUIRED_BY_LAW})
_A, _Q, _D = ExemptionKind.ABSOLUTE, ExemptionKind.QUALIFIED, ExemptionKind.DISCRETIONARY

_GROUNDS: dict[ExemptionGround, _GroundInfo] = {
    ExemptionGround.STATE_SECRET: _GroundInfo(
        "依法确定为国家秘密的政府信息",
        "State secret",
        _A,
        _NONE,
        True,
        (cite("ogi-2019:14"),),
        (cite("ogi-2007:14.4"),),
        OutcomeRow.WITHHELD_STATE_SECRET,
        None,
    ),
    ExemptionGround.PROHIBITED_BY_LAW: _GroundInfo(
        "法律、行政法规禁止公开的政府信息",
        "Disclosure prohibited by a law or administrative regulation",
        _A,
        _NONE,
        True,
        (cite("ogi-2019:14"),),
        (),
        OutcomeRow.WITHHELD_PROHIBITED_BY_LAW,
        None,
    ),
    ExemptionGround.SECURITY_STABILITY: _GroundInfo(
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息",
        "Disclosure may endanger national, public or economic security or social stability",
        _A,
        _NONE,
        True,
        (cite("ogi-2019:14"),),
        (cite("ogi-2007:8"),),
        OutcomeRow.WITHHELD_SECURITY_STABILITY,
        None,
    ),
    ExemptionGround.THIRD_PARTY_RIGHTS: _GroundInfo(
        "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息",
        "Trade secrets, personal privacy or other third-party rights that disclosure would harm",
        _Q,
        _TP,
        True,
        (cite("ogi-2019:15"), cite("ogi-2019:32")),
        (cite("ogi-2007:14.4"), cite("ogi-2007:23")),
        OutcomeRow.WITHHELD_THIRD_PARTY,
        None,
    ),
    ExemptionGround.INTERNAL_AFFAIRS: _GroundInfo(
        "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息",
        "Internal affairs: personnel, logistics, internal procedures",
        _D,
        _NONE,
        True,
        (cite("ogi-2019:16.1"),),
        (),
        OutcomeRow.WITHHELD_INTERNAL_AFFAIRS,
        None,
    ),
    ExemptionGround.PROCESS_INFORMATION: _GroundInfo(
        "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息",
        "Process information: discussion records, drafts, consultation letters, requests",
        _D,
        _LAW,
        True,
        (cite("ogi-2019:16.2"),),
        (),
        OutcomeRow.WITHHELD_PROCESS_INFORMATION,
        None,
    ),
    ExemptionGround.LAW_ENFORCEMENT_FILES: _GroundInfo(
        "行政执法案卷信息",
        "Administrative law-enforcement case files",
        _D,
        _LAW,
        True,
        (cite("ogi-2019:16.2"),),
        (),
        OutcomeRow.WITHHELD_ENFORCEMENT_FILES,
        None,
    ),
    ExemptionGround.ADMINISTRATIVE_INQUIRY: _GroundInfo(
        "属于行政查询事项",
        "Administrative inquiry matter with its own access procedure",
        _A,
        _NONE,
        False,
        (cite("ogi-2019:36(7)"), cite("report-format-2019"), cite("report-format-2021")),
        (),
        OutcomeRow.WITHHELD_ADMINISTRATIVE_INQUIRY,
        "Not an exemption ground: kept as a code for report row （三）8 only. The "
        "Regulation has no such exemption; opengov reads the row as the Art. 36(7) "
        "case (information whose access laws or administrative regulations govern "
        "specially, such as 工商 and 不动产登记 records), a referral recorded as "
        "ReplyType.SPECIAL_PROCEDURE; a Reply refuses it as a ground.",
    ),
}
