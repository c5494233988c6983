"""The whole vocabulary as data (词汇表与传输格式): codes, labels, citations, schemas.

Systems in other languages use opengov's codes through this module:

- :func:`export_vocabulary` returns every vocabulary enum as a JSON-able dict: for
  each member its ``code`` (the stable enum value), ``label_zh``, ``label_en``,
  ``basis`` (canonical citation strings with their Chinese and English renderings),
  ``note`` (the interpretation, if any) and the extras of that vocabulary (an
  exemption ground's kind, overrides and report row; a reply type's rows per
  format; a row's formats and group; a document kind's Art. 20 item; whether a
  disclosure decision publishes or withholds; …), and the statute book
  (:mod:`opengov.law`): every dated parameter with its values by date, their
  citations, evidence and sources. ``opengov vocab --json`` prints it.
- :func:`json_schemas` returns the JSON Schema of every public model.
- :func:`lookup` turns a code into a member, raising
  :class:`~opengov.errors.UnknownCodeError` (a ``LookupError``) that lists the
  known codes.

Legal basis:
    - every member carries its own ``basis``; this module only collects them.

>>> from opengov.vocabulary import export_vocabulary, lookup
>>> from opengov.exemptions import ExemptionGround
>>> lookup(ExemptionGround, "state_secret")
<ExemptionGround.STATE_SECRET: 'state_secret'>
>>> ground = export_vocabulary()["vocabularies"]["ExemptionGround"]["members"][0]
>>> ground["code"], ground["kind"], ground["basis"][0]["citation"]
('state_secret', 'absolute', 'ogi-2019:14')
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

from opengov import law
from opengov._lookup import lookup
from opengov._model import FrozenModel
from opengov._schema import tighten_schema
from opengov._version import VERSION
from opengov.applicants import ApplicantGroup, ApplicantType
from opengov.applications import ApplicationFlag, ApplicationState, ConsultedParty, StatusKind
from opengov.catalogue import UsccCheck
from opengov.categories import DisclosureMode, GovernmentLevel, LocalProactiveItem, ProactiveItem
from opengov.channels import ReceiptRule, SubmissionChannel
from opengov.citations import Citation, Instrument, cite
from opengov.disclosure import (
    DecisionKind,
    DocumentKind,
    PeriodSource,
    ReferralTarget,
    ReviewOutcome,
)
from opengov.editions import Edition
from opengov.exemptions import ExemptionGround, ExemptionKind, Override
from opengov.legacy import LegacyOutcome
from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat
from opengov.replies import CorrectionReply, Reply, ReplyType

__all__ = [
    "VOCABULARIES",
    "basis_of",
    "export_vocabulary",
    "json_schemas",
    "labels_of",
    "lookup",
    "public_models",
]

JSON = dict[str, Any]

#: Every vocabulary enum, in the order of the export.
VOCABULARIES: tuple[type[Enum], ...] = (
    Instrument,
    Edition,
    DisclosureMode,
    ProactiveItem,
    GovernmentLevel,
    LocalProactiveItem,
    ApplicantGroup,
    ApplicantType,
    SubmissionChannel,
    ReceiptRule,
    ExemptionKind,
    Override,
    ExemptionGround,
    ReplyType,
    CorrectionReply,
    ReportFormat,
    OutcomeGroup,
    OutcomeRow,
    LegacyOutcome,
    ConsultedParty,
    ApplicationState,
    StatusKind,
    ApplicationFlag,
    DocumentKind,
    DecisionKind,
    ReviewOutcome,
    ReferralTarget,
    PeriodSource,
    UsccCheck,
)

# The articles that put each edition in force (2007 Art. 38, 2019 Art. 56).
_EDITION_BASIS: dict[Edition, tuple[Citation, ...]] = {
    Edition.REG_2007: (cite("ogi-2007:38"),),
    Edition.REG_2019: (cite("ogi-2019:56"),),
}


def basis_of(member: Enum) -> tuple[Citation, ...]:
    """The citations of any vocabulary member, as a tuple.

    Most members have a ``basis`` tuple; a report format and an instrument cite
    themselves, and an edition cites the article that put it in force.

    >>> [str(c) for c in basis_of(Edition.REG_2019)]
    ['ogi-2019:56']
    """
    if isinstance(member, Edition):
        return _EDITION_BASIS[member]
    if isinstance(member, Instrument):
        return (Citation(instrument=member),)
    if isinstance(member, ReportFormat):
        return (member.basis,)
    basis: tuple[Citation, ...] = getattr(member, "basis", ())
    return tuple(basis)


def labels_of(member: Enum) -> tuple[str, str]:
    """``(label_zh, label_en)`` of any vocabulary member.

    An instrument and a report format are labelled with the instrument's title.

    >>> labels_of(ReportFormat.F2021)[0]
    '《中华人民共和国政府信息公开工作年度报告格式》'
    """
    if isinstance(member, Instrument):
        return member.title_zh, member.title_en
    if isinstance(member, ReportFormat):
        return member.basis.instrument.title_zh, member.basis.instrument.title_en
    return str(getattr(member, "label_zh")), str(getattr(member, "label_en"))  # noqa: B009


def _citation(c: Citation) -> JSON:
    return {"citation": str(c), "zh": c.to_zh(), "en": c.to_en()}


def _codes(members: typing.Iterable[Enum]) -> list[str]:
    return [str(m.value) for m in members]


def _ordered(members: typing.Iterable[Enum], enum_type: type[Enum]) -> list[str]:
    chosen = set(members)
    return [str(m.value) for m in enum_type if m in chosen]


def _rows_by_format(row: Callable[[ReportFormat], OutcomeRow | None]) -> JSON:
    out: JSON = {}
    for fmt in ReportFormat:
        r = row(fmt)
        out[fmt.value] = None if r is None else r.value
    return out


def _extras(member: Enum) -> JSON:
    """The vocabulary-specific fields of one member."""
    if isinstance(member, Instrument):
        eff = law.in_force(member)
        return {"document_no": member.document_no, "effective": eff and eff.isoformat()}
    if isinstance(member, Edition):
        r = member.rules
        return {
            "document_no": r.document_no,
            "promulgated": r.promulgated.isoformat(),
            "in_force": r.in_force.isoformat(),
        }
    if isinstance(member, ProactiveItem):
        return {"item_no": member.item_no}
    if isinstance(member, GovernmentLevel):
        return {"items": _codes(member.items)}
    if isinstance(member, LocalProactiveItem):
        return {"levels": _ordered(member.levels, GovernmentLevel)}
    if isinstance(member, ApplicantType):
        return {"group": member.group.value}
    if isinstance(member, SubmissionChannel):
        return {
            "receipt_rule": {e.value: member.receipt_rule(e).value for e in Edition},
            "receipt_basis": {e.value: [str(c) for c in member.receipt_basis(e)] for e in Edition},
        }
    if isinstance(member, ReceiptRule):
        return {"fact": member.fact}
    if isinstance(member, ExemptionKind):
        return {"mandatory": member.mandatory}
    if isinstance(member, ExemptionGround):
        return {
            "kind": member.kind.value,
            "mandatory": member.mandatory,
            "overrides": _ordered(member.overrides, Override),
            "partial_disclosure": member.partial_disclosure,
            "report_row": member.report_row.value,
            "basis_2007": [str(c) for c in member.basis_for(Edition.REG_2007)],
        }
    if isinstance(member, ReplyType):
        return {
            "group": member.group.value,
            "needs_grounds": member.needs_grounds,
            "allows_grounds": member.allows_grounds,
            # null: the row is the first exemption ground's report_row
            "report_rows": _rows_by_format(
                lambda f: None if member.needs_grounds else Reply(type=member).report_row(f)
            ),
        }
    if isinstance(member, CorrectionReply):
        return {
            "review_first": member.review_first,
            # null: table 三 has no row for 更正 requests in either format
            "report_rows": _rows_by_format(member.report_row),
            "basis_2007": None
            if member is CorrectionReply.DIRECTED
            else [str(c) for c in member.basis_for(Edition.REG_2007)],
        }
    if isinstance(member, ReportFormat):
        return {
            "document_no": member.document_no,
            "first_report_year": member.first_report_year,
            "rows": _codes(member.rows),
            "result_rows": _codes(member.result_rows),
        }
    if isinstance(member, OutcomeGroup):
        return {"number_zh": member.number_zh}
    if isinstance(member, OutcomeRow):
        return {
            "number_zh": member.number_zh,
            "printed_zh": member.printed_zh,
            "group": member.group and member.group.value,
            "formats": _ordered(member.formats, ReportFormat),
        }
    if isinstance(member, LegacyOutcome):
        return {
            "parent": member.parent and member.parent.value,
            "parts": _codes(member.parts),
            "lossless": member.is_lossless,
            # the assumed rows (equal to the lossless ones where "lossless" is true);
            # null for the 不同意公开 total, which converts only through its parts
            "report_rows": _rows_by_format(
                lambda f: None if member.is_total else member.assume_report_row(f)
            ),
        }
    if isinstance(member, DocumentKind):
        item = member.proactive_item
        return {"proactive_item": None if item is None else item.value}
    if isinstance(member, DecisionKind):
        return {"publishes": member.publishes, "withholds": member.withholds}
    return {}


def _member(member: Enum) -> JSON:
    zh, en = labels_of(member)
    return {
        "code": member.value,
        "label_zh": zh,
        "label_en": en,
        "basis": [_citation(c) for c in basis_of(member)],
        "note": getattr(member, "note", None),
        **_extras(member),
    }


def export_vocabulary() -> JSON:
    """Every vocabulary enum as a JSON-able dict (see the module docs).

    The result is built fresh on each call; callers may change it freely.
    Shape: ``{"opengov_version": str, "vocabularies": {EnumName: {"module": str,
    "description": str, "members": [member, ...]}}, "statute_book": [{"name": str,
    "unit": str, "description": str, "values": [{"since": "YYYY-MM-DD", "value": …,
    "basis": [citation, ...], "evidence": str, "source": str, "note": str}, ...]}, ...]}``.
    """
    vocabularies: JSON = {}
    for enum_type in VOCABULARIES:
        doc = (enum_type.__doc__ or "").strip().splitlines()
        vocabularies[enum_type.__name__] = {
            "module": enum_type.__module__,
            "description": doc[0] if doc else "",
            "members": [_member(m) for m in enum_type],
        }
    return {
        "opengov_version": VERSION,
        "vocabularies": vocabularies,
        "statute_book": [_parameter(p) for p in law.STATUTE_BOOK],
    }


def _parameter(p: law.Parameter) -> JSON:
    """One statute-book parameter as JSON: values by date, each with its citations."""
    values = []
    for v in p.values:
        value: Any = [list(pair) for pair in v.value] if isinstance(v.value, tuple) else v.value
        values.append(
            {
                "since": v.since.isoformat(),
                "value": value,
                "basis": [_citation(c) for c in v.basis],
                "evidence": v.evidence.value,
                "source": v.source,
                "note": v.note,
            }
        )
    return {
        "name": p.name,
        "unit": p.unit.value,
        "description": p.description,
        "values": values,
    }


def _models_in(annotation: Any) -> Iterator[type[FrozenModel]]:
    if isinstance(annotation, type) and issubclass(annotation, FrozenModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def public_models() -> tuple[type[FrozenModel], ...]:
    """Every frozen model in ``opengov.__all__``, and the models their fields use.

    Sorted by name.
    """
    import importlib

    from opengov._exports import EXPORTS

    todo: list[type[FrozenModel]] = []
    for name, module in EXPORTS.items():
        obj = getattr(importlib.import_module(module), name)
        if isinstance(obj, type) and issubclass(obj, FrozenModel):
            todo.append(obj)
    seen: dict[str, type[FrozenModel]] = {}
    while todo:
        model = todo.pop()
        if model.__name__ in seen:
            continue
        seen[model.__name__] = model
        for field in model.model_fields.values():
            todo.extend(_models_in(field.annotation))
    return tuple(seen[name] for name in sorted(seen))


def json_schemas() -> dict[str, JSON]:
    """The JSON Schema of every public model, by model name.

    Each entry holds the ``validation`` schema (what the model accepts) and the
    ``serialization`` schema (what ``model_dump(mode="json")`` produces).

    >>> json_schemas()["Citation"]["validation"]["required"]
    ['instrument']
    """
    return {
        model.__name__: {
            "validation": tighten_schema(
                model.model_json_schema(mode="validation"), keep_mapping=False
            ),
            "serialization": tighten_schema(
                model.model_json_schema(mode="serialization"), keep_mapping=False
            ),
        }
        for model in public_models()
    }
