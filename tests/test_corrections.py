"""Answers to 更正 requests (Art. 41): wording, report counting, remedies.

Sources:
- 2019 Art. 41 (LawRefBook/Laws mirror; 新华网 受权发布 copy): "…可以要求行政机关更正。有权更正
  的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政机关可以转送有权
  更正的行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。"
- 2007 Art. 25 para. 2 (fsou.com copy of the 2007 text): "…有权要求该行政机关予以更正。该行政机关
  无权更正的，应当转送有权更正的行政机关处理，并告知申请人。"
- 法释〔2011〕17号 Art. 1(4): "…要求该行政机关予以更正，该行政机关拒绝更正、逾期不予答复或者不予
  转送有权机关处理的" (a suable act).
- The 2019 and 2021 formats' table 三 rows (legal reference §3.4-3.5): no 更正 row.

Remedy days below: 2026 劳动节 rest Fri 05-01 to Tue 05-05 (国办发明电〔2025〕7号).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from opengov import CorrectionReply, ReportFormat
from opengov.errors import InvalidInputError, UnknownCodeError
from opengov.remedies import CORRECTION_REMEDIES, correction_remedy_deadlines
from opengov.vocabulary import export_vocabulary

D = date.fromisoformat
ART_41 = (
    "公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府信息记录不准确的，可以要求行政"
    "机关更正。有权更正的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，"
    "行政机关可以转送有权更正的行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。"
)


@pytest.mark.parametrize(
    "reply", [CorrectionReply.CORRECTED, CorrectionReply.REFERRED, CorrectionReply.DIRECTED]
)
def test_labels_are_the_words_of_art_41(reply: CorrectionReply) -> None:
    assert reply.label_zh in ART_41
    assert [str(c) for c in reply.basis] == ["ogi-2019:41"]


def test_refusal_uses_the_spc_provisions_wording() -> None:
    assert CorrectionReply.REFUSED.label_zh == "拒绝更正"
    assert [str(c) for c in CorrectionReply.REFUSED.basis] == [
        "ogi-2019:41",
        "ogi-cases-2011:1(4)",
    ]


@pytest.mark.parametrize("fmt", list(ReportFormat))
@pytest.mark.parametrize("reply", list(CorrectionReply))
def test_no_report_row_in_either_format(reply: CorrectionReply, fmt: ReportFormat) -> None:
    # table 三 counts 政府信息公开申请 only: neither format has a 更正 row
    assert reply.report_row(fmt) is None


def test_directed_was_not_open_under_the_2007_text() -> None:
    # 2007 Art. 25 para. 2: 该行政机关无权更正的，应当转送 (transfer required)
    assert [str(c) for c in CorrectionReply.REFERRED.basis_for("2007")] == ["ogi-2007:25.2"]
    with pytest.raises(InvalidInputError, match=re.escape("record CorrectionReply.REFERRED")):
        CorrectionReply.DIRECTED.basis_for("2007")


def test_remedies_are_the_ordinary_periods_and_not_review_first() -> None:
    # known Mon 2026-03-02: day 1 = 03-03; March gives 29 days, April 30: day 60 = Fri
    # 05-01 in the 劳动节 rest (05-01..05) → Wed 05-06. Six months: Wed 2026-09-02.
    review, suit = correction_remedy_deadlines(CorrectionReply.REFUSED, D("2026-03-02"))
    assert (review.nominal_due, review.due) == (D("2026-05-01"), D("2026-05-06"))
    assert suit.due == D("2026-09-02")
    assert "ogi-cases-2011:1(4)" in [str(c) for c in suit.basis]
    assert review.notes[0] == CORRECTION_REMEDIES
    assert not any(r.review_first for r in CorrectionReply)


def test_unknown_answer_is_refused() -> None:
    with pytest.raises(UnknownCodeError, match="unknown CorrectionReply code 'rejected'"):
        correction_remedy_deadlines("rejected", D("2026-03-02"))


def test_the_vocabulary_exports_the_answers() -> None:
    members = export_vocabulary()["vocabularies"]["CorrectionReply"]["members"]
    assert [m["code"] for m in members] == ["corrected", "refused", "referred", "directed"]
    assert all(m["report_rows"] == {"2019": None, "2021": None} for m in members)
    assert members[3]["basis_2007"] is None
