from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from opengov.channels import ReceiptRule, SubmissionChannel, receipt_date
from opengov.editions import Edition
from opengov.errors import InvalidDateError, InvalidInputError

D1, D2, D3 = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        (SubmissionChannel.IN_PERSON, D1),
        (SubmissionChannel.REGISTERED_POST, D2),
        (SubmissionChannel.ORDINARY_MAIL, D3),
        (SubmissionChannel.ONLINE, D3),
        (SubmissionChannel.FAX, D3),
        (SubmissionChannel.OTHER, D3),
    ],
)
def test_art_31_receipt_rules(channel: SubmissionChannel, expected: date) -> None:
    got = receipt_date(channel, submitted_on=D1, signed_for_on=D2, confirmed_on=D3)
    assert got == expected


def test_2007_online_applications_were_received_when_the_system_received_them() -> None:
    rule = SubmissionChannel.ONLINE.receipt_rule(Edition.REG_2007)
    assert rule is ReceiptRule.SYSTEM_RECEIPT_DAY
    got = receipt_date(
        SubmissionChannel.ONLINE, submitted_on=D1, confirmed_on=D3, edition=Edition.REG_2007
    )
    assert got == D1
    assert [str(c) for c in SubmissionChannel.ONLINE.receipt_basis(Edition.REG_2007)] == [
        "time-limits-interpretation-2015",
        "guiding-case-26",
    ]


def test_missing_fact_says_which_to_pass() -> None:
    with pytest.raises(InvalidInputError, match="signed_for_on"):
        receipt_date(SubmissionChannel.REGISTERED_POST, submitted_on=D1)


def test_fact_before_submission_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="before submitted_on"):
        receipt_date(SubmissionChannel.FAX, submitted_on=D2, confirmed_on=D1)


def test_string_channel_accepted_and_unknown_refused() -> None:
    assert receipt_date("in_person", submitted_on=D1) == D1
    with pytest.raises(InvalidInputError, match="in_person"):
        receipt_date("pigeon", submitted_on=D1)


def test_dates_are_checked() -> None:
    with pytest.raises(InvalidDateError, match="submitted_on is a naive datetime"):
        receipt_date(SubmissionChannel.IN_PERSON, submitted_on=datetime(2026, 3, 2))
    aware = datetime(2026, 3, 1, 20, tzinfo=timezone.utc)  # 04:00 on 2 March in Beijing
    assert receipt_date(SubmissionChannel.IN_PERSON, submitted_on=aware) == D1


def test_every_channel_has_a_basis() -> None:
    for c in SubmissionChannel:
        assert c.basis
        for e in Edition:
            assert c.receipt_basis(e)


def test_rule_in_force_on_arrival_is_chosen_by_default() -> None:
    online = SubmissionChannel.ONLINE
    # A 2018 online application needs only the day the system received it.
    assert receipt_date(online, submitted_on=date(2018, 6, 1)) == date(2018, 6, 1)
    # Arrived under the 2007 edition, confirmed after the 2019 edition took effect:
    # the 2007 rule governed when it arrived.
    got = receipt_date(online, submitted_on=date(2019, 5, 10), confirmed_on=date(2019, 5, 16))
    assert got == date(2019, 5, 10)
    # Arrived under the 2019 edition: the confirmation day (Art. 31(3)).
    got = receipt_date(online, submitted_on=date(2019, 5, 15), confirmed_on=date(2019, 5, 17))
    assert got == date(2019, 5, 17)


def test_pre_2019_online_application_without_submission_day_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"before 2019-05-15.*submitted_on"):
        receipt_date(SubmissionChannel.ONLINE, confirmed_on=date(2018, 6, 1))


def test_explicit_edition_applies_its_rule_whatever_the_dates() -> None:
    got = receipt_date(
        SubmissionChannel.ONLINE,
        submitted_on=date(2018, 6, 1),
        confirmed_on=date(2018, 6, 4),
        edition=Edition.REG_2019,
    )
    assert got == date(2018, 6, 4)


def test_receipt_rule_labels_quote_the_right_paragraph() -> None:
    # Art. 31(2) (ordinary mail): "…应当于收到申请的当日与申请人确认，确认之日为收到申请之日";
    # Art. 31(3) (online, fax): "以双方确认之日为收到申请之日".
    assert SubmissionChannel.ORDINARY_MAIL.receipt_rule() is ReceiptRule.CONFIRMATION_DAY
    for ch in (SubmissionChannel.ONLINE, SubmissionChannel.FAX):
        rule = ch.receipt_rule()
        assert rule is ReceiptRule.MUTUAL_CONFIRMATION_DAY
        assert rule.label_zh == "以双方确认之日为收到申请之日"
        assert [str(c) for c in rule.basis] == ["ogi-2019:31(3)"]
    # 2007 online rule: web forms in Guiding Case 26's words, e-mail in 207号's
    old = SubmissionChannel.ONLINE.receipt_rule("2007")
    assert "系统确认申请提交成功的日期" in old.label_zh
    assert "自电子邮件系统接收之日" in old.label_zh
