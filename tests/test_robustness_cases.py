"""Junk into the public API of applications, deadlines, remedies, fees and reports.

Only ``OpenGovError`` subclasses and pydantic's ``ValidationError`` may escape: never
a bare TypeError, KeyError, IndexError, OverflowError, AttributeError or
RecursionError. A failed call leaves the objects it was given unchanged, and the
command line answers bad input with one line on stderr and a non-zero status.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengov import OpenGovError
from opengov.applicants import ApplicantType
from opengov.applications import (
    Application,
    ConsultationSent,
    CorrectionRequested,
    ExtensionApproved,
    FeeNoticeSent,
    ReplyIssued,
    Withdrawn,
)
from opengov.channels import SubmissionChannel
from opengov.cli import main
from opengov.deadlines import (
    AgencyKind,
    annual_report_due,
    proactive_disclosure_deadline,
    reply_deadline,
)
from opengov.errors import CalendarCoverageError
from opengov.fees import assess_fee, fee_per_item, fee_per_page
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.remedies import (
    litigation_after_review_deadline,
    litigation_deadline,
    no_reply_litigation_deadline,
    no_reply_review_deadline,
    review_deadline,
)
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    ApplicationTable,
    Cell,
    CellRef,
    ReviewResult,
    ReviewTable,
    aggregate_reports,
    build_application_table,
    check_carry_forward,
    check_report,
    check_reports,
    compare_reports,
    parse_report,
    parse_report_html,
    parse_report_text,
    to_frame,
    to_html,
    to_markdown,
    to_text,
)
from opengov.reports.corpus import (
    agency_key,
    apply_reviews,
    check_corpus,
    check_hierarchy,
    fingerprint,
    year_over_year,
)
from opengov.reports.render import to_styled_html

ALLOWED = (OpenGovError, pydantic.ValidationError)
SEED = Path(__file__).parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.binary(max_size=8),
    st.integers(),
    st.sampled_from([10**30, -(10**30), -1, 0, 2**63]),
    st.sampled_from([date.min, date.max, date(2026, 12, 31), date(2008, 4, 30)]),
    st.datetimes(),  # naive
    st.datetimes(timezones=st.just(timezone.utc)),
    st.sampled_from(
        [
            datetime.max.replace(tzinfo=timezone.utc),
            datetime.min.replace(tzinfo=timezone(timedelta(hours=14))),
        ]
    ),
    st.sampled_from(
        [
            ApplicantType.NATURAL_PERSON,
            OutcomeRow.TOTAL,
            SubmissionChannel.ONLINE,
            ReportFormat.F2019,
            AgencyKind.DEPARTMENT,
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.decimals(allow_nan=False, allow_infinity=False),
)
# dates (and aware datetimes) a caller might well pass, near and outside coverage
days = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from([date.min, date.max]),
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2030, 1, 1),
        timezones=st.just(timezone.utc),
    ),
)


def only_allowed(call: Callable[[], object]) -> None:
    """Run ``call``; any exception must be an OpenGovError or a ValidationError."""
    with contextlib.suppress(*ALLOWED):
        call()


def _app() -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=date(2026, 9, 28),
        applicant_type=ApplicantType.NATURAL_PERSON,
    )


def _report() -> AnnualReport:
    return parse_report(SEED)


def _hashable(x: object) -> bool:
    try:
        hash(x)
    except TypeError:
        return False
    return True


APP = _app()
REPORT = _report()


# -- deadlines, remedies, fees ---------------------------------------------------------

DEADLINE_CALLS: list[Callable[[Any], object]] = [
    reply_deadline,
    lambda x: reply_deadline(date(2026, 9, 28), extended=x),
    lambda x: reply_deadline(date(2026, 9, 28), options=x),
    lambda x: reply_deadline(date(2026, 9, 28), calendar=x),
    proactive_disclosure_deadline,
    lambda x: proactive_disclosure_deadline(date(2026, 9, 28), days=x),
    lambda x: annual_report_due(x, AgencyKind.DEPARTMENT),
    lambda x: annual_report_due(2025, x),
    review_deadline,
    litigation_deadline,
    litigation_after_review_deadline,
    lambda x: review_deadline(date(2026, 3, 2), options=x),
    no_reply_review_deadline,
    no_reply_litigation_deadline,
    lambda x: no_reply_review_deadline(date(2026, 3, 30), options=x),
    lambda x: no_reply_litigation_deadline(date(2026, 3, 30), calendar=x),
    fee_per_item,
    lambda x: fee_per_item(1, earlier_this_month=x),
    fee_per_page,
    lambda x: assess_fee(items=x),
    lambda x: assess_fee(pages=x),
    lambda x: assess_fee(items=1, earlier_this_month=x),
]


@pytest.mark.parametrize("call", DEADLINE_CALLS)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=junk)
def test_deadline_and_fee_functions_raise_only_opengov_errors(
    call: Callable[[Any], object], value: object
) -> None:
    only_allowed(lambda: call(value))


@settings(max_examples=150, deadline=None)
@given(day=days)
def test_every_date_gives_a_deadline_or_an_opengov_error(day: date) -> None:
    for call in (
        reply_deadline,
        proactive_disclosure_deadline,
        review_deadline,
        litigation_deadline,
        litigation_after_review_deadline,
        no_reply_review_deadline,
        no_reply_litigation_deadline,
    ):
        only_allowed(lambda: call(day))  # noqa: B023


@pytest.mark.parametrize(
    "call",
    [
        lambda d: reply_deadline(d),
        lambda d: reply_deadline(d, extended=True),
        lambda d: proactive_disclosure_deadline(d),
        lambda d: review_deadline(d),
        lambda d: litigation_deadline(d),
        lambda d: litigation_after_review_deadline(d),
        lambda d: no_reply_review_deadline(d),
        lambda d: no_reply_litigation_deadline(d),
        lambda d: _app_on(d).reply_deadline(),
    ],
)
@pytest.mark.parametrize("day", [date(2026, 12, 20), date(2026, 12, 31)])
def test_strict_calendar_refuses_to_guess_2027(call: Callable[[date], object], day: date) -> None:
    # every period from these days ends in 2027, which has no State Council notice yet
    with pytest.raises(CalendarCoverageError, match="2027"):
        call(day)


def _app_on(day: date) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON, submitted_on=day, applicant_type=ApplicantType.NATURAL_PERSON
    )


# -- applications ------------------------------------------------------------------------

APP_CALLS: list[Callable[[Any], object]] = [
    lambda x: Application.receive(
        SubmissionChannel.IN_PERSON, submitted_on=x, applicant_type=ApplicantType.NATURAL_PERSON
    ),
    lambda x: Application.receive(
        x, submitted_on=date(2026, 9, 28), applicant_type=ApplicantType.NATURAL_PERSON
    ),
    lambda x: Application.receive(
        SubmissionChannel.IN_PERSON, submitted_on=date(2026, 9, 28), applicant_type=x
    ),
    lambda x: Application.receive(
        SubmissionChannel.REGISTERED_POST,
        signed_for_on=x,
        submitted_on=date(2026, 9, 28),
        applicant_type=ApplicantType.NATURAL_PERSON,
    ),
    lambda x: Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=date(2026, 9, 28),
        applicant_type=ApplicantType.NATURAL_PERSON,
        agency=x,
        options=x,
    ),
    APP.record,
    APP.status,
    lambda x: APP.reply_deadline(as_of=x),
    lambda x: APP.remedy_deadlines(as_of=x),
    APP.with_options,
    APP.report_row,
    lambda x: APP.record(Withdrawn(on=x)),
    lambda x: APP.record(ExtensionApproved(on=date(2026, 10, 9), days=x)),
    lambda x: APP.record(CorrectionRequested(on=date(2026, 9, 29), period_days=x)),
    lambda x: APP.record(
        ConsultationSent(on=date(2026, 9, 29), party="third_party", delivered_on=x)
    ),
    lambda x: APP.record(ConsultationSent(on=date(2026, 9, 29), party=x)),
    lambda x: APP.record(FeeNoticeSent(on=date(2026, 9, 29), fee=x)),
    lambda x: APP.record(ReplyIssued(on=date(2026, 9, 29), reply=x)),
    lambda x: APP.record({"kind": x, "on": "2026-09-29"}),
    lambda x: APP.record({"kind": "withdrawn", "on": x}),
]


@pytest.mark.parametrize("call", APP_CALLS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=junk)
def test_application_api_raises_only_opengov_errors_and_changes_nothing(
    call: Callable[[Any], object], value: object
) -> None:
    before = APP.model_dump_json()
    only_allowed(lambda: call(value))
    assert APP.model_dump_json() == before
    assert APP.reply_deadline().due == date(2026, 10, 30)


@settings(max_examples=60, deadline=None)
@given(day=days, n=st.integers(-5, 40))
def test_events_on_any_day_apply_or_raise_without_changing_state(day: date, n: int) -> None:
    app = APP.record(ConsultationSent(on=date(2026, 10, 9), party="third_party"))
    before = app.model_dump_json()
    for make in (
        lambda: Withdrawn(on=day),
        lambda: ExtensionApproved(on=day, days=n),
        lambda: CorrectionRequested(on=day, period_days=n),
        lambda: ConsultationSent(on=day, party="agency", delivered_on=day),
    ):
        only_allowed(lambda: app.record(make()))  # noqa: B023
        only_allowed(lambda: app.status(day))
        only_allowed(lambda: app.remedy_deadlines(as_of=day))
    assert app.model_dump_json() == before


# -- reports -----------------------------------------------------------------------------

REPORT_CALLS: list[Callable[[Any], object]] = [
    parse_report_text,
    parse_report_html,
    parse_report,
    lambda x: parse_report_text(SEED.read_text(encoding="utf-8"), year=x),
    lambda x: parse_report_text(SEED.read_text(encoding="utf-8"), agency=x),
    lambda x: parse_report_text(SEED.read_text(encoding="utf-8"), format=x),
    check_report,
    lambda x: check_report(REPORT, blank_as_zero=x),
    check_reports,
    lambda x: check_carry_forward(REPORT, x),
    lambda x: check_carry_forward(x, REPORT),
    to_html,
    to_text,
    to_markdown,
    lambda x: to_frame(_no_glob(x)),
    lambda x: aggregate_reports(x, agency="合计"),
    lambda x: aggregate_reports([REPORT], agency=x),
    lambda x: compare_reports(REPORT, x),
    lambda x: build_application_table(x, 2024),
    lambda x: build_application_table([x], 2024),
    lambda x: build_application_table([], x),
    lambda x: AnnualReport.create(agency="某局", year=x),
    lambda x: AnnualReport.create(agency="某局", year=2021, format=x),
    lambda x: AnnualReport.from_json(x),
    ApplicationTable.empty,
    lambda x: ApplicationTable.from_counts(2021, x),
    lambda x: ApplicationTable.from_counts(2021, {OutcomeRow.RECEIVED: x}),
    lambda x: ApplicationTable.from_counts(
        2021, {OutcomeRow.RECEIVED: {ApplicantType.NATURAL_PERSON: x}}
    ),
    lambda x: ApplicationTable.from_counts(2021, {x: {}}) if _hashable(x) else None,
    ReviewTable.from_counts,
    Cell.read,
    Cell.number,
    lambda x: REPORT.applications.cell(x, ApplicantColumn.TOTAL),
    lambda x: REPORT.applications.cell(OutcomeRow.RECEIVED, x),
    lambda x: REPORT.applications.with_cell(x, ApplicantColumn.TOTAL, Cell.blank()),
    lambda x: REPORT.review.cell(x, ReviewResult.TOTAL),
    REPORT.cell,
    lambda x: REPORT.with_cell(x, Cell.blank()),
    lambda x: REPORT.with_cell(CellRef.applications(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL), x),
    # analysis across reports
    check_corpus,
    lambda x: check_corpus([REPORT], aliases=x),
    lambda x: check_hierarchy(x, [REPORT]),
    lambda x: check_hierarchy(REPORT, x),
    lambda x: check_hierarchy(REPORT, [REPORT], complete=x),
    fingerprint,
    agency_key,
    lambda x: apply_reviews([], x),
    year_over_year,
    to_styled_html,
    lambda x: to_styled_html(REPORT, findings=x),
    lambda x: _plots().plot_outcomes(_no_glob(x)),
    lambda x: _plots().plot_review([REPORT], agency=x),
    lambda x: _plots().plot_applicants([REPORT], lang=x),
]


def _no_glob(x: Any) -> Any:
    """``x``, but a text with a glob character replaced: a str is a path to
    to_frame, and a pattern such as ``**`` would read every report under the
    working directory (slow, not junk)."""
    return "no such file" if isinstance(x, str) and set(x) & set("*?[") else x


def _plots() -> Any:
    return pytest.importorskip("opengov.reports.plots")


@pytest.mark.parametrize("call", REPORT_CALLS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=junk)
def test_report_api_raises_only_opengov_errors_and_changes_nothing(
    call: Callable[[Any], object], value: object
) -> None:
    before = REPORT.to_json()
    only_allowed(lambda: call(value))
    assert REPORT.to_json() == before


text_lines = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            [
                "某局2021年政府信息公开工作年度报告",
                "一、本年新收政府信息公开申请数量",
                "二、上年结转政府信息公开申请数量",
                "（七）总计",
                "行政复议",
                "四、结转下年度继续办理",
                "第二十条第（一）项",
                "|",
                "||",
                "０",
                "/",
                "12",
                "-3",
                "1.5",
            ]
        ),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(lines=text_lines, sep=st.sampled_from(["\n", " | ", "|", "\n|"]))
def test_random_text_parses_or_raises_report_errors(lines: list[str], sep: str) -> None:
    only_allowed(lambda: parse_report_text(sep.join(lines)))
    only_allowed(lambda: parse_report_text(sep.join(lines), year=2021))


tags = st.sampled_from(["table", "tr", "td", "th", "p", "div", "br", "script", "tbody", "span"])
attrs = st.sampled_from(
    [
        "",
        ' rowspan="3"',
        ' colspan="2"',
        ' rowspan="0"',
        ' colspan="x"',
        ' rowspan="999"',
        ' colspan="1000" rowspan="1000"',
    ]
)


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 3))
        tag = draw(tags)
        if kind == 0:
            parts.append(f"<{tag}{draw(attrs)}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(
                draw(
                    st.one_of(
                        st.text(max_size=10),
                        st.sampled_from(
                            [
                                "一、本年新收政府信息公开申请数量",
                                "自然人",
                                "总计",
                                "行政复议",
                                "结果维持",
                                "0",
                                "7",
                                "某局2020年政府信息公开工作年度报告",
                                "&amp;",
                                "<!--",
                            ]
                        ),
                    )
                )
            )
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(html=html_soup())
def test_random_html_parses_or_raises_report_errors(html: str) -> None:
    from opengov.reports import parse_html_tables

    only_allowed(lambda: parse_report_html(html))
    only_allowed(lambda: parse_report_html(html, year=2020))
    for t in parse_html_tables(html):
        only_allowed(t.grid)


def test_rendered_report_survives_render_and_parse_of_odd_values() -> None:
    # unread raw text with separators and markup must not leak into other cells
    ref = CellRef.applications(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON)
    odd = REPORT.with_cell(ref, Cell.unread("3 | 4 <td>5</td>"))
    for back in (
        parse_report_text(to_text(odd)),
        parse_report_text(to_markdown(odd)),
        parse_report_html(to_html(odd)),
    ):
        assert back.cell(ref).value is None
        assert back.cell(ref).raw == "3 | 4 <td>5</td>"
        assert back.applications.value(OutcomeRow.RECEIVED, ApplicantColumn.TOTAL) == 0


# -- command line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2026-12-31"],
        ["deadline", "2026-12-20", "--extended", "--json"],
        ["deadline", "9999-12-31"],
        ["deadline", "0001-01-01"],
        ["deadline", "2026-02-30"],
        ["deadline", ""],
        ["deadline", "２０２６-０９-２８x"],
        ["report", "check", "/nonexistent/report.txt"],
        ["report", "check", "--year", "99999", str(SEED)],
        ["report", "check", "--year", "2018", str(SEED)],
        ["report", "render", "--year", "-5", str(SEED)],
        ["report", "render", str(Path(__file__).parent)],
        ["report", "check", str(Path(__file__))],
    ],
)
def test_cli_bad_input_is_one_line_and_non_zero(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("opengov: error [")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    if argv[:2] == ["deadline", "2026-12-31"]:
        assert "2027" in err
