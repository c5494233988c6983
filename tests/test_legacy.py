from __future__ import annotations

import pytest

from opengov.errors import NeedsInterpretationError, UnknownCodeError
from opengov.exemptions import ExemptionGround
from opengov.legacy import LegacyOutcome
from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat
from opengov.replies import Reply, ReplyType

L = LegacyOutcome
_G = ExemptionGround

# What each legacy line means in today's reply vocabulary (the same reading as the
# module's notes). The report rows must agree with opengov.replies.
EQUIVALENT_REPLY: dict[LegacyOutcome, Reply] = {
    L.ALREADY_PUBLIC: Reply(type=ReplyType.ALREADY_PUBLIC),
    L.AGREED: Reply(type=ReplyType.DISCLOSED),
    L.AGREED_PARTIALLY: Reply(type=ReplyType.PARTIALLY_DISCLOSED),
    L.REFUSED_STATE_SECRET: Reply(type=ReplyType.WITHHELD, grounds=(_G.STATE_SECRET,)),
    L.REFUSED_COMMERCIAL_SECRET: Reply(type=ReplyType.WITHHELD, grounds=(_G.THIRD_PARTY_RIGHTS,)),
    L.REFUSED_PRIVACY: Reply(type=ReplyType.WITHHELD, grounds=(_G.THIRD_PARTY_RIGHTS,)),
    L.REFUSED_SECURITY_STABILITY: Reply(type=ReplyType.WITHHELD, grounds=(_G.SECURITY_STABILITY,)),
    L.REFUSED_NOT_GOVERNMENT_INFORMATION: Reply(type=ReplyType.OTHER),
    L.REFUSED_OTHER_LAW: Reply(type=ReplyType.WITHHELD, grounds=(_G.PROHIBITED_BY_LAW,)),
    L.NOT_THIS_AGENCY: Reply(type=ReplyType.NOT_RESPONSIBLE),
    L.NOT_EXIST: Reply(type=ReplyType.NOT_EXIST),
    L.TOLD_TO_AMEND: Reply(type=ReplyType.NOT_CORRECTED),
    L.TOLD_OTHER_CHANNEL: Reply(type=ReplyType.SPECIAL_PROCEDURE),
}

LOSSLESS = {
    L.AGREED: OutcomeRow.DISCLOSED,
    L.AGREED_PARTIALLY: OutcomeRow.PARTIALLY_DISCLOSED,
    L.REFUSED_STATE_SECRET: OutcomeRow.WITHHELD_STATE_SECRET,
    L.REFUSED_COMMERCIAL_SECRET: OutcomeRow.WITHHELD_THIRD_PARTY,
    L.REFUSED_PRIVACY: OutcomeRow.WITHHELD_THIRD_PARTY,
    L.REFUSED_SECURITY_STABILITY: OutcomeRow.WITHHELD_SECURITY_STABILITY,
    L.NOT_THIS_AGENCY: OutcomeRow.UNABLE_NOT_HELD,
    L.NOT_EXIST: OutcomeRow.UNABLE_NOT_HELD,
}


def test_form_wording() -> None:
    assert [m.label_zh for m in LegacyOutcome] == [
        "属于已主动公开范围",
        "同意公开",
        "同意部分公开",
        "不同意公开",
        "涉及国家秘密",
        "涉及商业秘密",
        "涉及个人隐私",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "不是《条例》所指政府信息",
        "法律法规规定的其他情形",
        "不属于本行政机关公开",
        "申请信息不存在",
        "告知作出更改补充",
        "告知通过其他途径办理",
    ]


def test_labels_are_the_references_form_lines(legal_reference: str) -> None:
    section = legal_reference[legal_reference.index("### 3.9") :]
    section = section[: section.index("Treat this as unverified")]
    for m in LegacyOutcome:
        assert m.label_zh in section, m


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_lossless_conversions(fmt: ReportFormat) -> None:
    for m in LegacyOutcome:
        if m in LOSSLESS:
            assert m.is_lossless
            assert m.to_report_row(fmt) is LOSSLESS[m]
        else:
            assert not m.is_lossless
            with pytest.raises(NeedsInterpretationError, match=r"assume_report_row|sub-reasons"):
                m.to_report_row(fmt)


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_assumed_conversion_is_total_except_for_the_refused_total(fmt: ReportFormat) -> None:
    for m in LegacyOutcome:
        if m.is_total:
            with pytest.raises(NeedsInterpretationError, match="sub-reasons"):
                m.assume_report_row(fmt)
            continue
        row = m.assume_report_row(fmt)
        assert row in fmt.counted_rows, (m, fmt)


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_lossless_is_a_subset_of_assumed(fmt: ReportFormat) -> None:
    for m in LegacyOutcome:
        if m.is_lossless:
            assert m.to_report_row(fmt) is m.assume_report_row(fmt)


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_consistent_with_the_reply_mapping(fmt: ReportFormat) -> None:
    assert set(EQUIVALENT_REPLY) == {m for m in LegacyOutcome if not m.is_total}
    for m, reply in EQUIVALENT_REPLY.items():
        assert m.assume_report_row(fmt) is reply.report_row(fmt), m


def test_every_interpretation_is_named() -> None:
    for m in LegacyOutcome:
        if not m.is_lossless:
            assert m.note, m
            if not m.is_total:
                message = ""
                try:
                    m.to_report_row(ReportFormat.F2021)
                except NeedsInterpretationError as exc:
                    message = str(exc)
                assert "assume_report_row(ReportFormat.F2021)" in message
                assert m.note in message


def test_the_total_and_its_parts() -> None:
    parts = L.REFUSED.parts
    assert len(parts) == 6
    assert all(p.parent is L.REFUSED for p in parts)
    assert L.AGREED.parent is None
    assert L.AGREED.parts == ()
    groups = {p.assume_report_row(ReportFormat.F2021).group for p in parts}
    assert groups == {OutcomeGroup.WITHHELD, OutcomeGroup.OTHER}


def test_the_2021_format_splits_the_other_rows() -> None:
    assert L.TOLD_TO_AMEND.assume_report_row(ReportFormat.F2019) is OutcomeRow.OTHER
    assert L.TOLD_TO_AMEND.assume_report_row(ReportFormat.F2021) is OutcomeRow.OTHER_NOT_CORRECTED
    assert (
        L.REFUSED_NOT_GOVERNMENT_INFORMATION.assume_report_row(ReportFormat.F2021)
        is OutcomeRow.OTHER_MISC
    )


def test_format_given_as_a_code() -> None:
    assert L.AGREED.to_report_row("2019") is OutcomeRow.DISCLOSED  # type: ignore[arg-type]
    with pytest.raises(UnknownCodeError, match="'2019', '2021'"):
        L.AGREED.to_report_row("2018")  # type: ignore[arg-type]


def test_every_line_cites_the_2007_edition() -> None:
    for m in LegacyOutcome:
        assert m.basis, m
        assert all(c.instrument.value == "ogi-2007" for c in m.basis), m
