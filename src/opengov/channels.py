"""Submission channels and the receipt date (申请提交方式与收到申请之日, Art. 31).

The reply period runs from the day the agency *received* the application (Art. 33
para. 2), and Art. 31 fixes that day by channel: the day of submission in person, the
day a posted application is signed for, the day of confirmation with the applicant
for ordinary mail, online and fax. :func:`receipt_date` applies the rule.

For applications under the 2007 edition, the rules come from the State Council
office's interpretation 国办公开办函〔2015〕207号, part 一, which Art. 31 later
codified; it differs for online applications, which were received on the day the
system received them (also SPC Guiding Case No. 26).

Legal basis:
    - ogi-2019:31(1), ogi-2019:31(2), ogi-2019:31(3);
    - time-limits-interpretation-2015 (part 一), guiding-case-26 (2007 edition).

>>> from datetime import date
>>> from opengov.channels import SubmissionChannel, receipt_date
>>> SubmissionChannel.REGISTERED_POST.receipt_rule().label_zh
'以行政机关签收之日为收到申请之日'
>>> receipt_date(SubmissionChannel.ONLINE, submitted_on=date(2026, 3, 1),
...              confirmed_on=date(2026, 3, 2))
datetime.date(2026, 3, 2)
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from opengov._dates import as_date
from opengov._lookup import CodeEnum, lookup
from opengov._show import show
from opengov.citations import Citation, cite
from opengov.editions import Edition
from opengov.errors import InvalidInputError

__all__ = ["ReceiptRule", "SubmissionChannel", "receipt_date"]


class ReceiptRule(CodeEnum):
    """Which fact fixes the day an application is received."""

    SUBMISSION_DAY = "submission_day"
    SIGNED_FOR_DAY = "signed_for_day"
    CONFIRMATION_DAY = "confirmation_day"
    MUTUAL_CONFIRMATION_DAY = "mutual_confirmation_day"
    SYSTEM_RECEIPT_DAY = "system_receipt_day"

    @property
    def label_zh(self) -> str:
        """The rule in the words of Art. 31 (or of 207号 for the system rule)."""
        return _RULE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        """The rule in English."""
        return _RULE_LABELS[self][1]

    @property
    def fact(self) -> str:
        """The keyword argument of :func:`receipt_date` that carries the day."""
        return _RULE_LABELS[self][2]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the rule is written (207号 and Guiding Case 26 for the system rule)."""
        return _RULE_BASIS[self]


_RULE_LABELS: dict[ReceiptRule, tuple[str, str, str]] = {
    ReceiptRule.SUBMISSION_DAY: (
        "以提交之日为收到申请之日",
        "received on the day it is submitted",
        "submitted_on",
    ),
    ReceiptRule.SIGNED_FOR_DAY: (
        "以行政机关签收之日为收到申请之日",
        "received on the day the agency signs for it",
        "signed_for_on",
    ),
    # Art. 31(2), ordinary mail: the office confirms with the applicant
    ReceiptRule.CONFIRMATION_DAY: (
        "确认之日为收到申请之日",
        "received on the day the agency confirms it with the applicant",
        "confirmed_on",
    ),
    # Art. 31(3), online and fax: both sides confirm
    ReceiptRule.MUTUAL_CONFIRMATION_DAY: (
        "以双方确认之日为收到申请之日",
        "received on the day the agency and the applicant both confirm it",
        "confirmed_on",
    ),
    # 2007 edition, online: Guiding Case 26 for web systems, 207号 part 一 for e-mail
    ReceiptRule.SYSTEM_RECEIPT_DAY: (
        "系统确认申请提交成功的日期应当视为行政机关收到政府信息公开申请之日；"
        "自电子邮件系统接收之日为收到申请之日",
        "received on the day the agency's system accepts it (web form: the day the "
        "system confirms the submission; e-mail: the day the mail system receives it)",
        "submitted_on",
    ),
}


_RULE_BASIS: dict[ReceiptRule, tuple[Citation, ...]] = {
    ReceiptRule.SUBMISSION_DAY: (cite("ogi-2019:31(1)"),),
    ReceiptRule.SIGNED_FOR_DAY: (cite("ogi-2019:31(2)"),),
    ReceiptRule.CONFIRMATION_DAY: (cite("ogi-2019:31(2)"),),
    ReceiptRule.MUTUAL_CONFIRMATION_DAY: (cite("ogi-2019:31(3)"),),
    ReceiptRule.SYSTEM_RECEIPT_DAY: (
        cite("guiding-case-26"),
        cite("time-limits-interpretation-2015"),
    ),
}


class _ChannelInfo(NamedTuple):
    label_zh: str
    label_en: str
    rule_2019: ReceiptRule
    basis_2019: tuple[Citation, ...]
    rule_2007: ReceiptRule


_207 = cite("time-limits-interpretation-2015")


class SubmissionChannel(CodeEnum):
    """How the application reached the agency (Art. 29 written forms, Art. 31)."""

    IN_PERSON = "in_person"
    REGISTERED_POST = "registered_post"
    ORDINARY_MAIL = "ordinary_mail"
    ONLINE = "online"
    FAX = "fax"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        """The channel in the words of Art. 31."""
        return _CHANNELS[self].label_zh

    @property
    def label_en(self) -> str:
        """English name."""
        return _CHANNELS[self].label_en

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The rule's basis under the 2019 edition."""
        return _CHANNELS[self].basis_2019

    @property
    def note(self) -> str | None:
        """Where the channel or its rule is an interpretation, what it is."""
        if self is SubmissionChannel.OTHER:
            return _OTHER_NOTE
        return None

    def receipt_rule(self, edition: Edition | str = Edition.REG_2019) -> ReceiptRule:
        """The receipt-date rule for this channel under ``edition`` (a member or its code)."""
        if lookup(Edition, edition) is Edition.REG_2007:
            return _CHANNELS[self].rule_2007
        return _CHANNELS[self].rule_2019

    def receipt_basis(self, edition: Edition | str = Edition.REG_2019) -> tuple[Citation, ...]:
        """Citations for :meth:`receipt_rule` under ``edition`` (a member or its code)."""
        if lookup(Edition, edition) is Edition.REG_2007:
            if self is SubmissionChannel.ONLINE:
                return (_207, cite("guiding-case-26"))
            return (_207,)
        return _CHANNELS[self].basis_2019


_CHANNELS: dict[SubmissionChannel, _ChannelInfo] = {
    SubmissionChannel.IN_PERSON: _ChannelInfo(
        "当面提交",
        "In person",
        ReceiptRule.SUBMISSION_DAY,
        (cite("ogi-2019:31(1)"),),
        ReceiptRule.SUBMISSION_DAY,
    ),
    SubmissionChannel.REGISTERED_POST: _ChannelInfo(
        "以邮寄方式提交",
        "By post, signed for",
        ReceiptRule.SIGNED_FOR_DAY,
        (cite("ogi-2019:31(2)"),),
        ReceiptRule.SIGNED_FOR_DAY,
    ),
    SubmissionChannel.ORDINARY_MAIL: _ChannelInfo(
        "以平常信函等无需签收的邮寄方式提交",
        "By ordinary mail, no signature",
        ReceiptRule.CONFIRMATION_DAY,
        (cite("ogi-2019:31(2)"),),
        ReceiptRule.CONFIRMATION_DAY,
    ),
    SubmissionChannel.ONLINE: _ChannelInfo(
        "通过互联网渠道",
        "Online (web form or e-mail)",
        ReceiptRule.MUTUAL_CONFIRMATION_DAY,
        (cite("ogi-2019:31(3)"),),
        ReceiptRule.SYSTEM_RECEIPT_DAY,
    ),
    SubmissionChannel.FAX: _ChannelInfo(
        "政府信息公开工作机构的传真",
        "By fax to the open government information office",
        ReceiptRule.MUTUAL_CONFIRMATION_DAY,
        (cite("ogi-2019:31(3)"),),
        # 207号 part 一: 自传真收到并双方确认之日
        ReceiptRule.MUTUAL_CONFIRMATION_DAY,
    ),
    SubmissionChannel.OTHER: _ChannelInfo(
        "其他渠道",
        "Other published channel",
        ReceiptRule.MUTUAL_CONFIRMATION_DAY,
        (cite("ogi-2019:31"), _207),
        ReceiptRule.MUTUAL_CONFIRMATION_DAY,
    ),
}


_OTHER_NOTE = (
    "Art. 31 names no other channel. 207号 part 一 gives the day the agency's own rules "
    "set, or failing that the day both sides confirm; opengov takes the confirmation day."
)


def receipt_date(
    channel: SubmissionChannel | str,
    *,
    submitted_on: date | None = None,
    signed_for_on: date | None = None,
    confirmed_on: date | None = None,
    edition: Edition | str | None = None,
) -> date:
    """The day the agency received the application, by the channel's rule.

    Only the fact the rule needs is required; a fact dated before ``submitted_on``
    (when both are given) is refused as impossible.

    ``edition=None`` (the default) applies the rule in force when the application
    arrived: the 2007-edition rule when it gives a day before 2019-05-15 (the
    2019 edition was not yet in force then), the Art. 31 rule otherwise. The two
    differ only for online applications (system receipt day vs confirmation day).
    Pass an edition to apply its rule regardless of dates.

    >>> receipt_date(SubmissionChannel.IN_PERSON, submitted_on=date(2026, 9, 28))
    datetime.date(2026, 9, 28)
    >>> receipt_date(SubmissionChannel.ONLINE, submitted_on=date(2018, 6, 1))
    datetime.date(2018, 6, 1)
    >>> receipt_date(SubmissionChannel.FAX, submitted_on=date(2026, 9, 28))
    Traceback (most recent call last):
    ...
    opengov.errors.InvalidInputError: an application sent by fax is received on the day the agency and the applicant both confirm it (以双方确认之日为收到申请之日): pass confirmed_on
    """
    if not isinstance(channel, SubmissionChannel):
        try:
            channel = SubmissionChannel(channel)
        except ValueError:
            known = ", ".join(c.value for c in SubmissionChannel)
            raise InvalidInputError(
                f"unknown channel {show(channel)}; use one of: {known}"
            ) from None
    if edition is not None:
        edition = lookup(Edition, edition)
    facts = {
        "submitted_on": submitted_on,
        "signed_for_on": signed_for_on,
        "confirmed_on": confirmed_on,
    }
    dates = {k: as_date(v, k) for k, v in facts.items() if v is not None}
    start = dates.get("submitted_on")
    for name, day in dates.items():
        if start is not None and day < start:
            raise InvalidInputError(
                f"{name} ({day.isoformat()}) is before submitted_on ({start.isoformat()}); "
                "an application cannot be received before it is sent"
            )
    by_date = edition is None
    if edition is None:
        old_rule = channel.receipt_rule(Edition.REG_2007)
        old_day = dates.get(old_rule.fact)
        if old_day is not None and old_day < Edition.REG_2019.rules.in_force:
            return old_day
        edition = Edition.REG_2019
    rule = channel.receipt_rule(edition)
    if rule.fact not in dates:
        raise InvalidInputError(
            f"an application sent by {channel.value} is {rule.label_en} "
            f"({rule.label_zh}): pass {rule.fact}"
        )
    day = dates[rule.fact]
    if by_date and day < Edition.REG_2019.rules.in_force:
        # The 2019 rule gives a day before the 2019 edition: the 2007 rule governed.
        old_rule = channel.receipt_rule(Edition.REG_2007)
        if old_rule.fact not in dates:
            raise InvalidInputError(
                f"an application sent by {channel.value} before 2019-05-15 was "
                f"{old_rule.label_en} ({old_rule.label_zh}): pass {old_rule.fact}"
            )
        return dates[old_rule.fact]
    return day
