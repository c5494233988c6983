"""Building a :class:`~opengov.deadlines.Explanation` from a deadline's compact data."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from opengov.deadlines import (
    CountedRun,
    Deadline,
    ExcludedInterval,
    Explanation,
    ExplanationStep,
    NoticeRef,
    PeriodUnit,
    ReceiptDay,
    StepKind,
    _calendar,
)

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

_WD_ZH = "一二三四五六日"
_WD_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _zh(d: date) -> str:
    return f"{d.isoformat()}（星期{_WD_ZH[d.weekday()]}）"


def _en(d: date) -> str:
    return f"{d.isoformat()} ({_WD_EN[d.weekday()]})"


def _groups(days: tuple[tuple[date, str, str], ...]) -> list[tuple[date, date, str, str]]:
    out: list[tuple[date, date, str, str]] = []
    for d, zh, en in days:
        if out and out[-1][2] == zh and out[-1][1] + timedelta(days=1) == d:
            out[-1] = (out[-1][0], d, zh, en)
        else:
            out.append((d, d, zh, en))
    return out


def _span(a: date, b: date, sep: str) -> str:
    return a.isoformat() if a == b else f"{a.isoformat()}{sep}{b.isoformat()}"


def _rest_step(names: tuple[tuple[date, str, str], ...], rolled: bool = False) -> ExplanationStep:
    groups = _groups(names)
    zh = "；".join(f"{_span(a, b, '至')} {n}" for a, b, n, _ in groups)
    en = "; ".join(f"{_span(a, b, ' to ')} {n}" for a, b, _, n in groups)
    if rolled:
        return ExplanationStep(
            kind=StepKind.ROLL_FORWARD,
            start=names[0][0],
            end=names[-1][0],
            days=len(names),
            names=names,
            text_zh=f"期间最后一日为休息日，顺延：{zh}（《中华人民共和国民法典》第二百零三条）",
            text_en=f"The last day is a rest day and rolls forward over: {en} (Civil Code art. 203)",
        )
    return ExplanationStep(
        kind=StepKind.REST_DAYS,
        start=names[0][0],
        end=names[-1][0],
        days=len(names),
        names=names,
        text_zh=f"跳过休息日：{zh}",
        text_en=f"Rest days passed over: {en}",
    )


def _start_step(dl: Deadline, cal: WorkdayCalendar) -> ExplanationStep:
    s = dl.start
    counted = (
        dl.unit is PeriodUnit.WORKING_DAYS
        and dl.options.receipt_day is ReceiptDay.COUNTED
        and dl.runs
        and dl.runs[0].after < s
    )
    if counted:
        zh = f"起算：{_zh(s)}；收到申请当日为工作日，计入期限（选项 receipt_day=counted）"
        en = f"Start: {_en(s)}; the receipt day is a working day and counts as day 1 (option receipt_day=counted)"
    elif dl.unit is PeriodUnit.WORKING_DAYS and not cal.is_working_day(s):
        zh = f"起算：{_zh(s)}为休息日，当日不计入，自其后第一个工作日起算（《中华人民共和国民法典》第二百零一条）"
        en = f"Start: {_en(s)} is a rest day; it is not counted and day 1 is the first working day after it (Civil Code art. 201)"
    else:
        zh = f"起算：{_zh(s)}，当日不计入，自次日起算（《中华人民共和国民法典》第二百零一条）"
        en = f"Start: {_en(s)}; the start day is not counted, day 1 is the next {'working ' if dl.unit is PeriodUnit.WORKING_DAYS else ''}day (Civil Code art. 201)"
    return ExplanationStep(kind=StepKind.START, start=s, text_zh=zh, text_en=en)


def _pause_step(p: ExcludedInterval) -> ExplanationStep:
    status_zh = "（尚未收到，按最长期限计）" if p.open else ""
    status_en = " (still running; counted to its latest end)" if p.open else ""
    return ExplanationStep(
        kind=StepKind.PAUSE,
        start=p.start,
        end=p.end,
        days=p.working_days,
        text_zh=f"{p.kind.label_zh}：{p.start.isoformat()}发出至{p.end.isoformat()}{status_zh}，"
        f"{p.endpoints.label_zh}，扣除{p.working_days}个工作日",
        text_en=f"{p.kind.label_en.capitalize()}: sent {p.start.isoformat()}, until "
        f"{p.end.isoformat()}{status_en}; {p.endpoints.label_en} not counted: "
        f"{p.working_days} working days",
    )


def _count_step(r: CountedRun, cal: WorkdayCalendar) -> ExplanationStep:
    first, last = r.first_day, r.first_day + r.days - 1
    span = str(first) if first == last else f"{first}-{last}"
    span_zh = str(first) if first == last else f"{first}—{last}"
    start = cal.add_working_days(r.after, 1) if r.days else r.through
    return ExplanationStep(
        kind=StepKind.COUNT,
        start=start,
        end=r.through,
        days=r.days,
        text_zh=f"第{span_zh}个工作日：{start.isoformat()}至{r.through.isoformat()}",
        text_en=f"Working day{'s' if r.days > 1 else ''} {span}: {start.isoformat()} to {r.through.isoformat()}",
    )


def _calendar_step(notices: tuple[NoticeRef, ...]) -> ExplanationStep:
    # An explanation may be shown to an applicant: it names each notice and its
    # origin; the file an installed notice came from stays in Deadline.notices.
    zh = "；".join(f"{ref.label}（{ref.origin.label_zh}）" for ref in notices)
    en = "; ".join(f"{ref.label} ({ref.origin.label_en})" for ref in notices)
    return ExplanationStep(
        kind=StepKind.CALENDAR,
        text_zh=f"日历依据：{zh}",
        text_en=f"Calendar data: {en}",
    )


def explain(dl: Deadline, calendar: WorkdayCalendar | None) -> Explanation:
    """See :meth:`Deadline.explain`."""
    cal = _calendar(dl.options, calendar)
    basis = dl.basis[0] if dl.basis else None
    unit_zh, unit_en = dl.unit.label_zh, dl.unit.label_en
    if dl.unit is PeriodUnit.FIXED_DATE:
        title_zh = f"{dl.kind.label_zh}（{basis.to_zh() if basis else ''}）"
        title_en = f"{dl.kind.label_en} ({basis.to_en() if basis else ''})"
    else:
        title_zh = f"{dl.kind.label_zh}：{dl.days}{unit_zh}（{basis.to_zh() if basis else ''}）"
        title_en = f"{dl.kind.label_en}: {dl.days} {unit_en} ({basis.to_en() if basis else ''})"
    steps: list[ExplanationStep] = []
    if dl.unit is PeriodUnit.FIXED_DATE:
        steps.append(
            ExplanationStep(
                kind=StepKind.NOTE,
                text_zh="法定日期，不因休息日顺延",
                text_en="A fixed date set by the Regulation; it does not roll over rest days",
            )
        )
    else:
        steps.append(_start_step(dl, cal))
    if dl.unit is PeriodUnit.WORKING_DAYS:
        items: list[tuple[date, int, CountedRun | ExcludedInterval]] = []
        for r in dl.runs:
            items.append((r.after, 1, r))
        for p in dl.excluded:
            lo, _ = p.endpoints.bounds(p.start, p.end)
            items.append((lo, 0, p))
        items.sort(key=lambda t: (t[0], t[1]))
        extension_shown = False
        for _, _, item in items:
            if isinstance(item, ExcludedInterval):
                if item.working_days:
                    steps.append(_pause_step(item))
                else:
                    steps.append(
                        ExplanationStep(
                            kind=StepKind.NOTE,
                            start=item.start,
                            end=item.end,
                            days=0,
                            text_zh=f"{item.kind.label_zh}（{item.start.isoformat()}起）未扣除工作日：开始于期限届满之后",
                            text_en=f"{item.kind.label_en.capitalize()} from {item.start.isoformat()} removed no working days: it began after the deadline",
                        )
                    )
                continue
            if item.extension and not extension_shown:
                extension_shown = True
                orig = dl.original_due
                steps.append(
                    ExplanationStep(
                        kind=StepKind.EXTENSION,
                        start=orig,
                        days=dl.extension_days,
                        text_zh=f"经批准延长{dl.extension_days}个工作日（原期限{orig.isoformat() if orig else ''}）",
                        text_en=f"Extension of {dl.extension_days} working days approved (original due date {orig.isoformat() if orig else ''})",
                    )
                )
            steps.append(_count_step(item, cal))
            if item.days:
                skipped = cal.offset(item.after, item.days).skipped
                if skipped:
                    steps.append(_rest_step(tuple((d.day, d.name_zh, d.name_en) for d in skipped)))
    elif dl.unit in (PeriodUnit.DAYS, PeriodUnit.MONTHS):
        nominal = dl.nominal_due or dl.due
        steps.append(
            ExplanationStep(
                kind=StepKind.COUNT,
                start=dl.start + timedelta(days=1),
                end=nominal,
                days=dl.days,
                text_zh=f"{dl.days}{unit_zh}届满于{_zh(nominal)}",
                text_en=f"{dl.days} {unit_en} end on {_en(nominal)}",
            )
        )
        if dl.rolled:
            steps.append(_rest_step(dl.rolled, rolled=True))
    for note in dl.notes:
        steps.append(ExplanationStep(kind=StepKind.NOTE, text_zh=note, text_en=note))
    if dl.notices:
        steps.append(_calendar_step(dl.notices))
    if dl.provisional:
        steps.append(
            ExplanationStep(
                kind=StepKind.NOTE,
                text_zh="注意：依据暂定日历（尚无国务院放假通知），不含调休",
                text_en="Provisional: rests on calendar data without a State Council notice (no 调休)",
            )
        )
    steps.append(
        ExplanationStep(
            kind=StepKind.DUE,
            end=dl.due,
            text_zh=f"期限届满：{_zh(dl.due)}",
            text_en=f"Due: {_en(dl.due)}",
        )
    )
    return Explanation(title_zh=title_zh, title_en=title_en, steps=tuple(steps))
