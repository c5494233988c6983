"""Labels quote the official text in the legal reference, character for character."""

from __future__ import annotations

import re

from opengov.channels import ReceiptRule, SubmissionChannel
from opengov.exemptions import ExemptionKind, Override


def _article(reference: str, number: str) -> str:
    m = re.search(rf"> 第{number}条 (.*?)(?=\n> 第|\n\n[^>])", reference, flags=re.S)
    assert m is not None, number
    text = m.group(1).replace("\n>", "").replace(" ", "")
    # The reference's mirror prints brackets half-width; the Regulation full-width.
    return text.replace("(", "（").replace(")", "）")


def test_channel_labels_quote_art_31(legal_reference: str) -> None:
    art_31 = _article(legal_reference, "三十一")
    for channel in SubmissionChannel:
        if channel is SubmissionChannel.OTHER:
            assert channel.note  # not in Art. 31: an interpretation, named
            continue
        assert channel.label_zh in art_31, channel
        assert channel.note is None


def test_receipt_rule_labels_quote_art_31(legal_reference: str) -> None:
    art_31 = _article(legal_reference, "三十一")
    for rule in ReceiptRule:
        if rule is ReceiptRule.SYSTEM_RECEIPT_DAY:  # 207号, not in the reference
            assert {c.instrument.value for c in rule.basis} == {
                "time-limits-interpretation-2015",
                "guiding-case-26",
            }
            continue
        assert rule.label_zh in art_31, rule
        assert all(c.article == 31 for c in rule.basis)


def test_exemption_kind_labels_are_the_verbs_of_arts_14_to_16(legal_reference: str) -> None:
    for kind, article in (
        (ExemptionKind.ABSOLUTE, "十四"),
        (ExemptionKind.QUALIFIED, "十五"),
        (ExemptionKind.DISCRETIONARY, "十六"),
    ):
        assert kind.label_zh in _article(legal_reference, article), kind
        assert kind.basis


def test_override_labels_quote_arts_15_and_16(legal_reference: str) -> None:
    text = _article(legal_reference, "十五") + _article(legal_reference, "十六")
    for override in Override:
        assert override.label_zh in text, override
