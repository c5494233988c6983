from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from opengov.exemptions import ExemptionGround, ExemptionKind, Override
from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat
from opengov.replies import Reply, ReplyType

# Art. 36(7) is a referral (ReplyType.SPECIAL_PROCEDURE), not a ground a reply may name
_GROUNDS = [g for g in ExemptionGround if g is not ExemptionGround.ADMINISTRATIVE_INQUIRY]


def _valid_replies() -> st.SearchStrategy[Reply]:
    def build(t: ReplyType, grounds: list[ExemptionGround]) -> Reply:
        if t.needs_grounds:
            return Reply(type=t, grounds=tuple(grounds) or (ExemptionGround.STATE_SECRET,))
        if t.allows_grounds:
            return Reply(type=t, grounds=tuple(grounds))
        return Reply(type=t)

    return st.builds(
        build,
        st.sampled_from(list(ReplyType)),
        st.lists(st.sampled_from(_GROUNDS), unique=True, max_size=3),
    )


@given(_valid_replies(), st.sampled_from(list(ReportFormat)))
def test_every_reply_maps_to_one_counted_row_of_the_format(reply: Reply, fmt: ReportFormat) -> None:
    row = reply.report_row(fmt)
    assert row in fmt.counted_rows
    assert row.group is reply.type.group or (
        # the grounds decide the row of a withheld reply, inside the same group
        reply.type is ReplyType.WITHHELD and row.group is OutcomeGroup.WITHHELD
    )


def test_mapping_is_total_and_covers_every_counted_row() -> None:
    for fmt in ReportFormat:
        reached: set[OutcomeRow] = set()
        for t in ReplyType:
            if t.needs_grounds:
                reached.update(Reply(type=t, grounds=(g,)).report_row(fmt) for g in _GROUNDS)
            else:
                reached.add(Reply(type=t).report_row(fmt))
        assert reached == set(fmt.counted_rows), fmt


def test_grounds_map_to_the_eight_withheld_rows_in_order() -> None:
    rows = [g.report_row for g in ExemptionGround]
    assert rows == [r for r in ReportFormat.F2021.rows if r.group is OutcomeGroup.WITHHELD]


def test_withheld_needs_grounds() -> None:
    with pytest.raises(ValidationError, match="at least one exemption ground"):
        Reply(type=ReplyType.WITHHELD)


def test_grounds_refused_where_they_do_not_belong() -> None:
    with pytest.raises(ValidationError, match="takes no exemption grounds"):
        Reply(type=ReplyType.DISCLOSED, grounds=(ExemptionGround.STATE_SECRET,))


def test_duplicate_grounds_refused() -> None:
    g = ExemptionGround.THIRD_PARTY_RIGHTS
    with pytest.raises(ValidationError, match="once"):
        Reply(type=ReplyType.WITHHELD, grounds=(g, g))


def test_first_ground_decides_the_row() -> None:
    r = Reply(
        type=ReplyType.WITHHELD,
        grounds=(ExemptionGround.PROCESS_INFORMATION, ExemptionGround.STATE_SECRET),
    )
    assert r.report_row(ReportFormat.F2021) is OutcomeRow.WITHHELD_PROCESS_INFORMATION


def test_partial_disclosure_counts_once_under_its_own_row() -> None:
    r = Reply(type=ReplyType.PARTIALLY_DISCLOSED, grounds=(ExemptionGround.STATE_SECRET,))
    assert r.report_row(ReportFormat.F2019) is OutcomeRow.PARTIALLY_DISCLOSED


def test_other_rows_split_only_in_2021() -> None:
    assert Reply(type=ReplyType.NOT_CORRECTED).report_row(ReportFormat.F2019) is OutcomeRow.OTHER
    assert (
        Reply(type=ReplyType.NOT_CORRECTED).report_row(ReportFormat.F2021)
        is OutcomeRow.OTHER_NOT_CORRECTED
    )
    assert Reply(type=ReplyType.OTHER).report_row(ReportFormat.F2021) is OutcomeRow.OTHER_MISC


def test_json_round_trip() -> None:
    r = Reply(type=ReplyType.WITHHELD, grounds=(ExemptionGround.INTERNAL_AFFAIRS,))
    assert Reply.model_validate_json(r.model_dump_json()) == r
    assert r.model_dump(mode="json") == {"type": "withheld", "grounds": ["internal_affairs"]}


def _article(reference: str, number: str) -> str:
    m = re.search(rf"> 第{number}条 (.*?)(?=\n> 第|\n\n[^>])", reference, flags=re.S)
    assert m is not None, number
    return m.group(1).replace("\n>", "").replace(" ", "")


_REPORT_LABELS = {r.label_zh for r in OutcomeRow} | {g.label_zh for g in OutcomeGroup}


def test_reply_labels_quote_the_statute_or_the_report(legal_reference: str) -> None:
    statute = "".join(
        _article(legal_reference, n)
        for n in ("三十", "三十五", "三十六", "三十七", "三十八", "三十九")
    )
    statute = statute.replace("(", "（").replace(")", "）")
    for t in ReplyType:
        label = t.label_zh
        quoted = label in statute or any(label in row for row in _REPORT_LABELS)
        assert quoted, (t, label)


def test_ground_labels_quote_the_statute(legal_reference: str) -> None:
    statute = "".join(_article(legal_reference, n) for n in ("十四", "十五", "十六"))
    for g in ExemptionGround:
        if g is ExemptionGround.ADMINISTRATIVE_INQUIRY:
            assert g.label_zh == OutcomeRow.WITHHELD_ADMINISTRATIVE_INQUIRY.label_zh
            assert g.note
        else:
            assert g.label_zh in statute, g


def test_ground_kinds_follow_articles_14_to_16() -> None:
    by_article = {
        14: ExemptionKind.ABSOLUTE,
        15: ExemptionKind.QUALIFIED,
        16: ExemptionKind.DISCRETIONARY,
    }
    for g in ExemptionGround:
        first = g.basis[0]
        if first.article in by_article:
            assert g.kind is by_article[first.article], g
    assert ExemptionGround.THIRD_PARTY_RIGHTS.overrides == {
        Override.THIRD_PARTY_CONSENT,
        Override.PUBLIC_INTEREST,
    }
    assert ExemptionGround.PROCESS_INFORMATION.overrides == {Override.DISCLOSURE_REQUIRED_BY_LAW}
    assert ExemptionGround.INTERNAL_AFFAIRS.overrides == frozenset()
    assert ExemptionGround.STATE_SECRET.mandatory
    assert not ExemptionGround.INTERNAL_AFFAIRS.mandatory


def test_every_item_has_a_basis() -> None:
    for t in ReplyType:
        assert t.basis, t
    for g in ExemptionGround:
        assert g.basis, g
    for o in Override:
        assert o.basis, o


def test_art_36_7_is_a_referral_not_a_ground() -> None:
    # Art. 36(7): "告知申请人依照有关法律、行政法规的规定办理": a referral to the special
    # procedure. One decision, one record: the ground is refused, the reply type kept,
    # and it is still counted in row （三）8 属于行政查询事项.
    with pytest.raises(ValidationError, match="referral, not an exemption ground"):
        Reply(type=ReplyType.WITHHELD, grounds=(ExemptionGround.ADMINISTRATIVE_INQUIRY,))
    with pytest.raises(ValidationError, match="SPECIAL_PROCEDURE"):
        Reply.model_validate(
            {"type": "partially_disclosed", "grounds": ["state_secret", "administrative_inquiry"]}
        )
    row = Reply(type=ReplyType.SPECIAL_PROCEDURE).report_row(ReportFormat.F2021)
    assert row is OutcomeRow.WITHHELD_ADMINISTRATIVE_INQUIRY


def test_not_government_information_is_a_reply_of_its_own() -> None:
    # Art. 2 defines government information (行政机关在履行行政管理职能过程中制作或者获取的，
    # 以一定形式记录、保存的信息); Art. 36 has no item for "not government information",
    # one of the most common replies. Counted in the residual other row.
    r = Reply(type=ReplyType.NOT_GOVERNMENT_INFORMATION)
    assert r.report_row(ReportFormat.F2019) is OutcomeRow.OTHER
    assert r.report_row(ReportFormat.F2021) is OutcomeRow.OTHER_MISC
    assert [str(c) for c in r.type.basis] == ["ogi-2019:2"]
    assert r.type.label_zh == "不属于政府信息"
    assert r.type.note is not None
