"""Applicant types (申请人情况, Art. 27): the columns of annual-report table 三.

The 2019 and 2021 report formats count applications by who applied: natural persons
(自然人) and five kinds of legal persons or other organisations (法人或其他组织).
The 总计 column is a sum, not an applicant type.

Legal basis:
    - ogi-2019:27 (who may apply: 公民、法人或者其他组织);
    - report-format-2019 and report-format-2021, table 三 column headers.

>>> from opengov.applicants import ApplicantType
>>> ApplicantType.COMMERCIAL_ENTERPRISE.label_zh
'商业企业'
>>> ApplicantType.COMMERCIAL_ENTERPRISE.group.label_zh
'法人或其他组织'
>>> [t.value for t in ApplicantType][:2]
['natural_person', 'commercial_enterprise']
"""

from __future__ import annotations

from typing import NamedTuple

from opengov._lookup import CodeEnum
from opengov.citations import Citation, cite

__all__ = ["ApplicantGroup", "ApplicantType"]


class ApplicantGroup(CodeEnum):
    """The two column groups of table 三."""

    NATURAL_PERSON = "natural_person"
    ORGANIZATION = "organization"

    @property
    def label_zh(self) -> str:
        """Official column-group heading."""
        return "自然人" if self is ApplicantGroup.NATURAL_PERSON else "法人或其他组织"

    @property
    def label_en(self) -> str:
        """English heading."""
        if self is ApplicantGroup.NATURAL_PERSON:
            return "Natural persons"
        return "Legal persons or other organisations"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the column group comes from."""
        return _BASIS


class _Info(NamedTuple):
    label_zh: str
    label_en: str
    group: ApplicantGroup


class ApplicantType(CodeEnum):
    """Who applied, exactly as the report columns; in the official column order."""

    NATURAL_PERSON = "natural_person"
    COMMERCIAL_ENTERPRISE = "commercial_enterprise"
    RESEARCH_INSTITUTION = "research_institution"
    SOCIAL_WELFARE_ORGANIZATION = "social_welfare_organization"
    LEGAL_SERVICE_INSTITUTION = "legal_service_institution"
    OTHER_ORGANIZATION = "other_organization"

    @property
    def label_zh(self) -> str:
        """The column heading exactly as printed."""
        return _INFO[self].label_zh

    @property
    def label_en(self) -> str:
        """English name."""
        return _INFO[self].label_en

    @property
    def group(self) -> ApplicantGroup:
        """自然人 or 法人或其他组织."""
        return _INFO[self].group

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the column comes from."""
        return _BASIS


_ORG = ApplicantGroup.ORGANIZATION
_INFO: dict[ApplicantType, _Info] = {
    ApplicantType.NATURAL_PERSON: _Info("自然人", "Natural person", ApplicantGroup.NATURAL_PERSON),
    ApplicantType.COMMERCIAL_ENTERPRISE: _Info("商业企业", "Commercial enterprise", _ORG),
    ApplicantType.RESEARCH_INSTITUTION: _Info("科研机构", "Research institution", _ORG),
    ApplicantType.SOCIAL_WELFARE_ORGANIZATION: _Info(
        "社会公益组织", "Social welfare organisation", _ORG
    ),
    ApplicantType.LEGAL_SERVICE_INSTITUTION: _Info(
        "法律服务机构", "Legal service institution", _ORG
    ),
    ApplicantType.OTHER_ORGANIZATION: _Info("其他", "Other organisation", _ORG),
}

_BASIS: tuple[Citation, ...] = (
    cite("ogi-2019:27"),
    cite("report-format-2019"),
    cite("report-format-2021"),
)
