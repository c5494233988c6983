"""Information categories (政府信息的公开方式与主动公开范围, Arts. 13-21, 27).

Government information is disclosed in one of two ways (Art. 13 para. 2):
proactively (主动公开, Art. 19) or on request (依申请公开, Art. 27); the information
of Arts. 14-16 is not disclosed. :class:`DisclosureMode` names the three.

Art. 20 lists fifteen kinds of information every agency must disclose proactively
(:class:`ProactiveItem`, numbered as in the statute). Art. 21 adds local items for
governments of cities divided into districts and of counties (and their departments),
and for township governments (:class:`LocalProactiveItem`, bound to the
:class:`GovernmentLevel` that must disclose them). 土地征收, 房屋征收 and 社会救助
are named at both levels; each is one member that binds both.

Labels are the statute's words, without the item number (（一）) and the closing
punctuation (；/。). The Regulation prints brackets full-width (乡（镇）).

Legal basis:
    - ogi-2019:13.2, ogi-2019:14, ogi-2019:15, ogi-2019:16, ogi-2019:19,
      ogi-2019:20 (items 1-15), ogi-2019:21, ogi-2019:27.

>>> from opengov.categories import GovernmentLevel, LocalProactiveItem, ProactiveItem
>>> ProactiveItem.FISCAL_BUDGETS.item_no, ProactiveItem.FISCAL_BUDGETS.label_zh
(7, '财政预算、决算信息')
>>> [str(c) for c in ProactiveItem.FISCAL_BUDGETS.basis]
['ogi-2019:20(7)']
>>> ProactiveItem.by_number(1).label_zh
'行政法规、规章和规范性文件'
>>> sorted(lv.value for lv in LocalProactiveItem.LAND_EXPROPRIATION.levels)
['city_county', 'township']
>>> [i.label_zh for i in GovernmentLevel.TOWNSHIP.items][:2]
['贯彻落实农业农村政策', '农田水利工程建设运营']
"""

from __future__ import annotations

from typing import NamedTuple

from opengov._lookup import CodeEnum, lookup
from opengov._show import show
from opengov.citations import Citation, cite
from opengov.errors import UnknownCodeError

__all__ = ["DisclosureMode", "GovernmentLevel", "LocalProactiveItem", "ProactiveItem"]


class _Info(NamedTuple):
    label_zh: str
    label_en: str
    basis: tuple[Citation, ...]
    note: str | None


class DisclosureMode(CodeEnum):
    """How a piece of government information is made public, if at all."""

    PROACTIVE = "proactive"
    ON_REQUEST = "on_request"
    NOT_DISCLOSED = "not_disclosed"

    @property
    def label_zh(self) -> str:
        """The Regulation's term."""
        return _MODES[self].label_zh

    @property
    def label_en(self) -> str:
        """English name."""
        return _MODES[self].label_en

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the mode is provided for."""
        return _MODES[self].basis

    @property
    def note(self) -> str | None:
        """Where the label is an interpretation, what it is."""
        return _MODES[self].note


_MODES: dict[DisclosureMode, _Info] = {
    DisclosureMode.PROACTIVE: _Info(
        "主动公开",
        "Proactive disclosure",
        (cite("ogi-2019:13.2"), cite("ogi-2019:19"), cite("ogi-2019:20"), cite("ogi-2019:21")),
        None,
    ),
    DisclosureMode.ON_REQUEST: _Info(
        "依申请公开",
        "Disclosure on request",
        (cite("ogi-2019:13.2"), cite("ogi-2019:27")),
        None,
    ),
    DisclosureMode.NOT_DISCLOSED: _Info(
        "不予公开",
        "Not disclosed (exempt)",
        (cite("ogi-2019:13.1"), cite("ogi-2019:14"), cite("ogi-2019:15"), cite("ogi-2019:16")),
        "The Regulation names no third mode; opengov labels the information of "
        "Arts. 14-16 (excepted from disclosure by Art. 13 para. 1) with the verb of "
        "Art. 14, 不予公开. Which ground applies is an ExemptionGround.",
    ),
}


class _ItemInfo(NamedTuple):
    label_zh: str
    label_en: str


class ProactiveItem(CodeEnum):
    """The fifteen items of Art. 20 every agency discloses proactively, in order."""

    RULES_AND_NORMATIVE_DOCUMENTS = "rules_and_normative_documents"
    ORGANIZATION_AND_CONTACTS = "organization_and_contacts"
    PLANS_AND_POLICIES = "plans_and_policies"
    STATISTICS = "statistics"
    LICENSING = "licensing"
    PENALTIES_AND_COERCION = "penalties_and_coercion"
    FISCAL_BUDGETS = "fiscal_budgets"
    ADMINISTRATIVE_FEES = "administrative_fees"
    CENTRALIZED_PROCUREMENT = "centralized_procurement"
    MAJOR_CONSTRUCTION_PROJECTS = "major_construction_projects"
    SOCIAL_POLICIES = "social_policies"
    EMERGENCIES = "emergencies"
    SUPERVISION_AND_INSPECTION = "supervision_and_inspection"
    CIVIL_SERVICE_RECRUITMENT = "civil_service_recruitment"
    OTHER_REQUIRED_BY_LAW = "other_required_by_law"

    @property
    def item_no(self) -> int:
        """The item's number in Art. 20 (1-15)."""
        return _ITEM_ORDER.index(self) + 1

    @property
    def label_zh(self) -> str:
        """The item's words in Art. 20, without number and closing punctuation."""
        return _ITEMS[self].label_zh

    @property
    def label_en(self) -> str:
        """English description."""
        return _ITEMS[self].label_en

    @property
    def basis(self) -> tuple[Citation, ...]:
        """``ogi-2019:20(n)``."""
        return (cite(f"ogi-2019:20({self.item_no})"),)

    @classmethod
    def by_number(cls, item_no: int) -> ProactiveItem:
        """The item numbered ``item_no`` in Art. 20 (1-15).

        >>> ProactiveItem.by_number(16)
        Traceback (most recent call last):
        ...
        opengov.errors.UnknownCodeError: Art. 20 has items 1 to 15, not 16
        """
        if isinstance(item_no, bool) or not isinstance(item_no, int):
            raise UnknownCodeError(
                f"an Art. 20 item number is an int from 1 to 15, got {show(item_no)}"
            )
        if not 1 <= item_no <= len(_ITEM_ORDER):
            raise UnknownCodeError(f"Art. 20 has items 1 to 15, not {show(item_no)}")
        return _ITEM_ORDER[item_no - 1]


_P = ProactiveItem
_ITEMS: dict[ProactiveItem, _ItemInfo] = {
    _P.RULES_AND_NORMATIVE_DOCUMENTS: _ItemInfo(
        "行政法规、规章和规范性文件",
        "Administrative regulations, rules and normative documents",
    ),
    _P.ORGANIZATION_AND_CONTACTS: _ItemInfo(
        "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
        "Functions, organisation, address, office hours, contacts and names of the heads",
    ),
    _P.PLANS_AND_POLICIES: _ItemInfo(
        "国民经济和社会发展规划、专项规划、区域规划及相关政策",
        "Economic and social development plans, special and regional plans, related policies",
    ),
    _P.STATISTICS: _ItemInfo(
        "国民经济和社会发展统计信息",
        "Economic and social development statistics",
    ),
    _P.LICENSING: _ItemInfo(
        "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
        "Basis, conditions, procedure and results of administrative licensing and other services",
    ),
    _P.PENALTIES_AND_COERCION: _ItemInfo(
        "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
        "Basis, conditions and procedure of administrative penalties and coercive measures; "
        "penalty decisions of some social impact",
    ),
    _P.FISCAL_BUDGETS: _ItemInfo("财政预算、决算信息", "Budgets and final accounts"),
    _P.ADMINISTRATIVE_FEES: _ItemInfo(
        "行政事业性收费项目及其依据、标准",
        "Administrative fees: items, basis and rates",
    ),
    _P.CENTRALIZED_PROCUREMENT: _ItemInfo(
        "政府集中采购项目的目录、标准及实施情况",
        "Centralised government procurement: catalogue, standards and implementation",
    ),
    _P.MAJOR_CONSTRUCTION_PROJECTS: _ItemInfo(
        "重大建设项目的批准和实施情况",
        "Approval and implementation of major construction projects",
    ),
    _P.SOCIAL_POLICIES: _ItemInfo(
        "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
        "Poverty relief, education, health, social security and employment policies and measures",
    ),
    _P.EMERGENCIES: _ItemInfo(
        "突发公共事件的应急预案、预警信息及应对情况",
        "Emergency plans, warnings and responses to public emergencies",
    ),
    _P.SUPERVISION_AND_INSPECTION: _ItemInfo(
        "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
        "Inspections: environment, public health, work safety, food and drugs, product quality",
    ),
    _P.CIVIL_SERVICE_RECRUITMENT: _ItemInfo(
        "公务员招考的职位、名额、报考条件等事项以及录用结果",
        "Civil-service recruitment: posts, numbers, conditions and results",
    ),
    _P.OTHER_REQUIRED_BY_LAW: _ItemInfo(
        "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
        "Other information that laws, regulations, rules or state provisions require "
        "to be disclosed proactively",
    ),
}
_ITEM_ORDER: tuple[ProactiveItem, ...] = tuple(ProactiveItem)


class GovernmentLevel(CodeEnum):
    """The government levels Art. 21 binds, named in the statute's words."""

    CITY_COUNTY = "city_county"
    TOWNSHIP = "township"

    @property
    def label_zh(self) -> str:
        """The level as Art. 21 names it."""
        return _LEVELS[self][0]

    @property
    def label_en(self) -> str:
        """English name."""
        return _LEVELS[self][1]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """``ogi-2019:21``."""
        return _ART_21

    @property
    def items(self) -> tuple[LocalProactiveItem, ...]:
        """The Art. 21 items binding this level, in the statute's order."""
        return _LEVEL_ITEMS[self]


_ART_21: tuple[Citation, ...] = (cite("ogi-2019:21"),)
_LEVELS: dict[GovernmentLevel, tuple[str, str]] = {
    GovernmentLevel.CITY_COUNTY: (
        "设区的市级、县级人民政府及其部门",
        "People's governments of districted cities and of counties, and their departments",
    ),
    GovernmentLevel.TOWNSHIP: ("乡（镇）人民政府", "Township (town) people's governments"),
}


class LocalProactiveItem(CodeEnum):
    """The local items of Art. 21 (主动公开 according to local circumstances)."""

    MUNICIPAL_CONSTRUCTION = "municipal_construction"
    PUBLIC_SERVICES = "public_services"
    PUBLIC_WELFARE = "public_welfare"
    LAND_EXPROPRIATION = "land_expropriation"
    HOUSING_EXPROPRIATION = "housing_expropriation"
    PUBLIC_ORDER = "public_order"
    SOCIAL_ASSISTANCE = "social_assistance"
    RURAL_POLICY = "rural_policy"
    FARMLAND_IRRIGATION = "farmland_irrigation"
    LAND_CONTRACT_TRANSFER = "land_contract_transfer"
    HOMESTEAD_REVIEW = "homestead_review"
    FUNDS_AND_LABOUR = "funds_and_labour"

    @property
    def label_zh(self) -> str:
        """The item's words in Art. 21."""
        return _LOCAL[self][0]

    @property
    def label_en(self) -> str:
        """English description."""
        return _LOCAL[self][1]

    @property
    def levels(self) -> frozenset[GovernmentLevel]:
        """The government levels Art. 21 binds to disclose this item."""
        return frozenset(lv for lv in GovernmentLevel if self in _LEVEL_ITEMS[lv])

    @property
    def basis(self) -> tuple[Citation, ...]:
        """``ogi-2019:21`` (a single paragraph without numbered items)."""
        return _ART_21

    def binds(self, level: GovernmentLevel | str) -> bool:
        """Whether Art. 21 binds ``level`` (a member or its code) to disclose this item."""
        return lookup(GovernmentLevel, level) in self.levels


_L = LocalProactiveItem
_LOCAL: dict[LocalProactiveItem, tuple[str, str]] = {
    _L.MUNICIPAL_CONSTRUCTION: ("市政建设", "Municipal construction"),
    _L.PUBLIC_SERVICES: ("公共服务", "Public services"),
    _L.PUBLIC_WELFARE: ("公益事业", "Public welfare undertakings"),
    _L.LAND_EXPROPRIATION: ("土地征收", "Land expropriation"),
    _L.HOUSING_EXPROPRIATION: ("房屋征收", "Expropriation of buildings"),
    _L.PUBLIC_ORDER: ("治安管理", "Public order administration"),
    _L.SOCIAL_ASSISTANCE: ("社会救助", "Social assistance"),
    _L.RURAL_POLICY: ("贯彻落实农业农村政策", "Implementation of agricultural and rural policies"),
    _L.FARMLAND_IRRIGATION: (
        "农田水利工程建设运营",
        "Building and running farmland irrigation works",
    ),
    _L.LAND_CONTRACT_TRANSFER: (
        "农村土地承包经营权流转",
        "Transfer of rural land contractual management rights",
    ),
    _L.HOMESTEAD_REVIEW: ("宅基地使用情况审核", "Review of homestead use"),
    _L.FUNDS_AND_LABOUR: ("筹资筹劳", "Raising funds and labour"),
}
# The statute's lists, in its order.
_LEVEL_ITEMS: dict[GovernmentLevel, tuple[LocalProactiveItem, ...]] = {
    GovernmentLevel.CITY_COUNTY: (
        _L.MUNICIPAL_CONSTRUCTION,
        _L.PUBLIC_SERVICES,
        _L.PUBLIC_WELFARE,
        _L.LAND_EXPROPRIATION,
        _L.HOUSING_EXPROPRIATION,
        _L.PUBLIC_ORDER,
        _L.SOCIAL_ASSISTANCE,
    ),
    GovernmentLevel.TOWNSHIP: (
        _L.RURAL_POLICY,
        _L.FARMLAND_IRRIGATION,
        _L.LAND_CONTRACT_TRANSFER,
        _L.HOMESTEAD_REVIEW,
        _L.LAND_EXPROPRIATION,
        _L.HOUSING_EXPROPRIATION,
        _L.FUNDS_AND_LABOUR,
        _L.SOCIAL_ASSISTANCE,
    ),
}
