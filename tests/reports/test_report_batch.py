"""read_reports: one result per file, in order, bad files as data, in one or more processes."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import OutcomeRow
from opengov.errors import InvalidInputError
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    Cell,
    CellRef,
    ReadError,
    ReportResult,
    check_reports,
    parse_report,
    read_reports,
    report_files,
)
from opengov.reports import batch as batch_module

ROOT = Path(__file__).parent.parent.parent
SEED = ROOT / "examples" / "data" / "hunjiang-minzheng-2019.txt"
DATA = ROOT / "tests" / "data" / "reports"
# The seed report less its first line, the sentence that names the agency and year.
BODY = SEED.read_text(encoding="utf-8").split("\n", 1)[1]

FORK = "fork" in multiprocessing.get_all_start_methods()


def _dump(path: Path, title: str) -> Path:
    """A text dump of the seed report's tables under ``title``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n" + BODY, encoding="utf-8")
    return path


def _folder(root: Path) -> Path:
    """Good reports with bad files between them.

    a-good.txt, b-junk.html (binary junk), c-empty.txt, d-no-table.txt (prose only),
    e-good.html, f/ (a folder named like a report, holding one), links.tsv and
    .hidden.txt (not read).
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, root / "a-good.txt")
    (root / "b-junk.html").write_bytes(bytes(range(256)) * 8)
    (root / "c-empty.txt").write_bytes(b"")
    (root / "d-no-table.txt").write_text(
        "某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n", encoding="utf-8"
    )
    shutil.copy(DATA / "f2019-errors.html", root / "e-good.html")
    inner = root / "f-某局2021年政府信息公开工作年度报告.html"
    inner.mkdir()
    shutil.copy(DATA / "f2021-errors.txt", inner / "page.txt")
    (root / "links.tsv").write_text("url\ttitle\n", encoding="utf-8")
    shutil.copy(SEED, root / ".hidden.txt")
    return root


def _summary(results: list[ReportResult]) -> list[tuple[str, str | None, int | None, str | None]]:
    return [
        (
            Path(r.source).name,
            r.report.agency if r.report else None,
            r.report.year if r.report else None,
            r.error.type if r.error else None,
        )
        for r in results
    ]


FOLDER_RESULTS = [
    ("a-good.txt", "浑江区民政局", 2019, None),
    ("b-junk.html", None, None, "ReportParseError"),
    ("c-empty.txt", None, None, "ReportParseError"),
    ("d-no-table.txt", None, None, "ReportParseError"),
    ("e-good.html", "某县自然资源局", 2019, None),
    ("page.txt", "某市交通运输局", 2021, None),
]


def test_a_folder_gives_one_result_per_report_file_in_sorted_order(tmp_path: Path) -> None:
    root = _folder(tmp_path / "reports")
    results = list(read_reports(str(root)))
    assert _summary(results) == FOLDER_RESULTS
    # each source is the folder as given joined with the file's path in it
    assert results[0].source == str(root / "a-good.txt")
    assert results[5].source == str(root / "f-某局2021年政府信息公开工作年度报告.html" / "page.txt")
    # the report knows its file
    assert results[0].report is not None
    assert results[0].report.source == results[0].source
    assert report_files(root) == tuple(r.source for r in results)


def test_errors_are_data_with_the_class_code_and_message(tmp_path: Path) -> None:
    root = _folder(tmp_path / "reports")
    bad = next(r for r in read_reports(root) if r.source.endswith("d-no-table.txt"))
    assert bad.report is None
    assert bad.error is not None
    assert (bad.error.type, bad.error.code) == ("ReportParseError", "report_parse")
    assert "no table 三 found" in bad.error.message
    assert bad.source in bad.error.message  # the file is named
    assert str(bad.error).startswith("[report_parse] report file ")
    assert str(bad.error) == f"[report_parse] {bad.error.message}"
    assert not bad.ok
    assert not bad.partial


def test_named_files_are_read_whatever_their_suffix_and_each_once(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "report.dat")
    shutil.copy(SEED, tmp_path / "a.txt")
    sources: list[str | Path] = [
        tmp_path / "report.dat",
        tmp_path,  # a.txt; report.dat has no report suffix
        str(tmp_path / "report.dat"),  # read already
        tmp_path / "sub" / ".." / "a.txt",  # the same file as a.txt
    ]
    (tmp_path / "sub").mkdir()
    assert [Path(r.source).name for r in read_reports(sources)] == ["report.dat", "a.txt"]


def test_a_source_that_gives_no_file_gives_one_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    sources: list[str | Path] = [
        tmp_path / "missing.html",
        tmp_path / "empty",
        str(tmp_path / "*.html"),
    ]
    results = list(read_reports(sources))
    assert [r.error.message.split(":")[0] if r.error else None for r in results] == [
        f"cannot read report file {str(tmp_path / 'missing.html')!r}",
        f"{str(tmp_path / 'empty')!r} is a folder with no report files (files ending in .htm, "
        ".html, .shtml, .txt, .pdf, .doc, .docx); name the files to read them",
        f"no file matches the pattern {str(tmp_path / '*.html')!r}; check the pattern",
    ]


def test_glob_patterns(tmp_path: Path) -> None:
    root = _folder(tmp_path / "reports")
    found = [Path(r.source).name for r in read_reports(str(root / "**" / "*.txt"))]
    assert found == ["a-good.txt", "c-empty.txt", "d-no-table.txt", "page.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    shutil.copy(SEED, tmp_path / "a.txt")
    # in a folder: not a regular file, so not read; named: an error, at once
    assert [Path(r.source).name for r in read_reports(tmp_path)] == ["a.txt"]
    (result,) = read_reports([fifo])
    assert result.error is not None
    assert "not a regular file" in result.error.message


def test_agency_and_year_from_the_file_name_when_the_title_lacks_them(tmp_path: Path) -> None:
    # the user's title: a year, no agency
    a = _dump(
        tmp_path / "平潭综合实验区财政金融局2021年政府信息公开工作年度报告.txt",
        "2021年度政府信息公开工作报告",
    )
    # no title at all; the crawl's folder names the report
    b = _dump(tmp_path / "80613_平潭综合实验区2021年度政府信息公开工作年度报告" / "page.txt", "")
    ra, rb = read_reports([a, b])
    assert ra.report is not None
    assert rb.report is not None
    assert (ra.report.agency, ra.report.year, ra.agency_from, ra.year_from) == (
        "平潭综合实验区财政金融局",
        2021,
        "file name",
        "title",
    )
    assert (rb.report.agency, rb.report.year, rb.agency_from, rb.year_from) == (
        "平潭综合实验区",
        2021,
        "file name",
        "file name",
    )
    assert ra.warnings == rb.warnings == ()


def test_an_override_fills_what_title_and_file_name_leave_open(tmp_path: Path) -> None:
    a = _dump(tmp_path / "a.txt", "")  # no title, a name that says nothing
    b = _dump(tmp_path / "b.txt", "2021年度政府信息公开工作报告")
    c = _dump(tmp_path / "c.txt", "某县民政局2020年政府信息公开工作年度报告")
    table = {str(a): ("某县民政局", 2020), str(b): ("某县财政局", None), str(c): ("乙局", 1999)}
    results = list(read_reports([a, b, c], override=table))
    got = [
        (r.report.agency, r.report.year, r.agency_from, r.year_from) for r in results if r.report
    ]
    assert got == [
        ("某县民政局", 2020, "override", "override"),
        ("某县财政局", 2021, "override", "title"),
        ("某县民政局", 2020, "title", "title"),  # the title says it all: no override
    ]
    # a function of the source does the same
    by_call = list(read_reports([a, b, c], override=lambda s: table.get(s)))
    assert by_call == results


def test_no_year_anywhere_is_an_error_saying_what_to_do(tmp_path: Path) -> None:
    (result,) = read_reports([_dump(tmp_path / "a.txt", "")])
    assert result.error is not None
    assert "report year is not stated" in result.error.message
    assert "override" in result.error.message


def test_a_wrong_looking_agency_is_kept_with_a_warning(tmp_path: Path) -> None:
    a = _dump(tmp_path / "a.txt", "我局2021年政府信息公开工作年度报告")
    b = _dump(tmp_path / "b.txt", "2021年度政府信息公开工作报告")
    c = _dump(
        tmp_path / "平潭综合实验区财政金融局2021年政府信息公开工作年度报告.txt",
        "我局2021年政府信息公开工作年度报告",
    )
    ra, rb, rc = read_reports([a, b, c])
    assert ra.report is not None
    assert ra.report.agency == "我局"
    assert ra.warnings == (
        "the agency '我局' looks wrong (a bare 我局, not an agency); check the title, "
        "or pass agency= or an override",
    )
    assert rb.report is not None
    assert rb.report.agency is None
    assert rb.warnings[0].startswith("no agency in the title or the file name")
    # the file name's agency looks right: it replaces the title's, and says so
    assert rc.report is not None
    assert rc.report.agency == "平潭综合实验区财政金融局"
    assert rc.warnings == (
        "the title's agency '我局' looks wrong (a bare 我局, not an agency); "
        "the file name's '平潭综合实验区财政金融局' is used",
    )


@pytest.mark.parametrize(
    ("agency", "problem"),
    [
        ("平潭综合实验区财政金融局", None),
        ("国务院", None),
        ("政府", "a bare 政府, not an agency"),
        ("人民政府", "a bare 人民政府, not an agency"),
        ("某局", "某局 is too short for an agency's name"),
        ("12345", "'12345' has no Chinese characters"),
        ("根据条例规定现将本局", "根据条例规定现将本局 looks like part of a sentence (根据)"),
        ("局" * 31, "局局局局局局局局局局局局… is too long for an agency's name"),
    ],
)
def test_which_agencies_look_wrong(agency: str, problem: str | None) -> None:
    assert batch_module._agency_problem(agency) == problem


def test_arguments_apply_to_every_file_and_say_so(tmp_path: Path) -> None:
    (r,) = read_reports([SEED], agency="乙局", year=2020)
    assert r.report is not None
    assert (r.report.agency, r.report.year, r.agency_from, r.year_from) == (
        "乙局",
        2020,
        "argument",
        "argument",
    )


def test_the_file_name_and_title_disagreeing_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "浑江区民政局2020年政府信息公开工作年度报告.txt"
    shutil.copy(SEED, path)
    (r,) = read_reports([path])
    assert r.report is not None
    assert r.report.year == 2019
    assert r.warnings == ("the file name says 2020, the title 2019; the title's year is used",)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sources": 5}, "sources must be a path or an iterable of paths, got int"),
        ({"sources": [b"a.txt"]}, "each source must be a str or Path, got b'a.txt'"),
        ({"workers": -1}, "workers must be a whole number >= 0"),
        ({"workers": True}, "workers must be a whole number >= 0"),
        ({"chunksize": 0}, "chunksize must be a whole number >= 1"),
        ({"year": "2021"}, "year must be an int"),
        ({"override": 3}, "override must be a mapping or a function"),
        ({"override": {"a.txt": "某局"}}, "the override for 'a.txt' is '某局'"),
    ],
)
def test_wrong_arguments_raise_at_once(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"sources": [str(SEED)], **kwargs}
    sources = args.pop("sources")
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_reports(sources, **args)  # type: ignore[arg-type]


def test_an_override_function_that_fails_is_that_files_error(tmp_path: Path) -> None:
    def broken(source: str) -> tuple[str, int]:
        raise KeyError(source)

    a = _dump(tmp_path / "a.txt", "")
    (r,) = read_reports([a], override=broken)
    assert r.error is not None
    assert r.error.type == "InvalidInputError"
    assert r.error.message.startswith(f"override({str(a)!r}) raised KeyError")
    # a file that does not need the override is read
    (ok,) = read_reports([SEED], override=broken)
    assert ok.report is not None


def test_an_unexpected_error_is_data_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(batch_module, "parse_report", boom)
    (r,) = read_reports([SEED])
    assert r.error == ReadError(
        type="RecursionError",
        code="internal_error",
        message="maximum recursion depth exceeded (an error opengov did not expect; "
        "please report it)",
    )


def test_results_stream_one_file_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = parse_report

    def counting(path: str, **kwargs: object) -> object:
        read.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "parse_report", counting)
    results = read_reports([SEED] * 1 + [DATA / "f2021-errors.txt", DATA / "f2019-errors.html"])
    assert read == []  # nothing is read before it is asked for
    next(results)
    assert len(read) == 1


def test_parallel_results_equal_sequential_ones_in_the_same_order(tmp_path: Path) -> None:
    root = _folder(tmp_path / "reports")
    sources = [root, SEED, tmp_path / "missing.txt"]
    sequential = list(read_reports(sources))
    assert len(sequential) == 8
    for chunksize in (1, 3):
        assert list(read_reports(sources, workers=2, chunksize=chunksize)) == sequential


def test_parallel_reading_keeps_few_files_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reached: list[str] = []
    expand = batch_module._expand

    def counting(source: str) -> list[str]:
        reached.append(source)
        return expand(source)

    monkeypatch.setattr(batch_module, "_expand", counting)
    sources = [tmp_path / f"missing-{i}.txt" for i in range(200)]
    results = read_reports(sources, workers=2, chunksize=3)
    first = next(results)
    assert first.source.endswith("missing-0.txt")
    # at most 2 * workers chunks in flight, and one more asked for: 5 chunks of 3
    assert len(reached) <= 5 * 3 + 1
    rest = list(results)
    assert [r.source for r in rest] == [str(p) for p in sources[1:]]


@pytest.mark.skipif(not FORK, reason="the crashing stand-in reaches workers only by fork")
def test_a_file_that_kills_its_process_is_its_error_and_the_rest_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = parse_report

    def crashing(path: str, **kwargs: object) -> object:
        if path.endswith("crash.txt"):
            os._exit(3)  # as a segfault in a document library would
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "parse_report", crashing)
    monkeypatch.setattr(batch_module, "_START_METHOD", "fork")
    files = []
    for i in range(6):
        files.append(shutil.copy(SEED, tmp_path / f"{i}.txt"))
    files.insert(3, shutil.copy(SEED, tmp_path / "crash.txt"))
    results = list(read_reports(files, workers=2, chunksize=2))
    assert [Path(r.source).name for r in results] == [Path(f).name for f in files]
    assert [r.error.type if r.error else None for r in results] == [None] * 3 + [
        "ReportParseError"
    ] + [None] * 3
    crash = results[3].error
    assert crash is not None
    assert crash.code == "report_parse"
    assert "stopped while reading it" in crash.message


# ------------------------------------------------------------- properties


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Six files: three reports and three bad ones."""
    root = _folder(tmp_path_factory.mktemp("library"))
    return [str(root / n) for n in ("a-good.txt", "b-junk.html", "c-empty.txt")] + [
        str(root / n) for n in ("d-no-table.txt", "e-good.html", "missing.txt")
    ]


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(6)), data=st.data())
def test_one_result_per_file_whatever_the_order(
    library: list[str], order: list[int], data: st.DataObject
) -> None:
    files = [library[i] for i in order]
    workers = data.draw(st.sampled_from([1, 1, 2]))
    results = list(read_reports(files, workers=workers, chunksize=2))
    assert [r.source for r in results] == files
    good = {"a-good.txt", "e-good.html"}
    assert [r.report is not None for r in results] == [Path(f).name in good for f in files]


def test_a_folder_that_cannot_be_listed_is_named_with_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions do not bind every user (root): the refusal is simulated.
    shutil.copy(SEED, tmp_path / "a.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_walk, real_listdir = os.walk, os.listdir

    def walk(top: str, onerror: object = None, followlinks: bool = False) -> object:
        for folder, dirs, files in real_walk(top):
            if Path(folder) == locked:
                onerror(PermissionError(13, "Permission denied", str(locked)))  # type: ignore[operator]
                continue
            yield folder, dirs, files

    def listdir(path: str) -> list[str]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_listdir(path)

    monkeypatch.setattr(os, "walk", walk)
    monkeypatch.setattr(os, "listdir", listdir)
    results = list(read_reports(tmp_path))
    assert [Path(r.source).name for r in results] == ["a.txt", "locked"]
    assert results[1].error is not None
    assert results[1].error.message == (
        f"cannot list the folder {str(locked)!r}: Permission denied; check its permissions"
    )


CORPUS = ROOT / "tests" / "data" / "reports" / "corpus"


def test_real_reports_of_three_years_are_read_and_compared() -> None:
    # The published 2023-2025 reports of 平潭综合实验区 (tests/data/reports/corpus).
    results = list(read_reports(str(CORPUS / "pingtan-20*" / "page.html")))
    assert [
        (Path(r.source).parent.name, r.report.agency, r.report.year, r.agency_from)
        for r in results
        if r.report
    ] == [
        ("pingtan-2023", "平潭综合实验区", 2023, "title"),
        ("pingtan-2024", "平潭综合实验区", 2024, "title"),
        ("pingtan-2025", "平潭综合实验区", 2025, "title"),
    ]
    reports = [r.report for r in results if isinstance(r.report, AnnualReport)]
    # expected.json, read by hand: 四 of 2023 and 2024 and 二 of 2024 and 2025 are all 0
    assert check_reports(reports) == ()
    # had 2024 carried one application forward, 2025 (二 = 0) would disagree with it
    y2024 = reports[1]
    ref = CellRef.applications(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.TOTAL)
    altered = AnnualReport.model_validate(
        {**dict(y2024.with_cell(ref, Cell.number(1))), "source": y2024.source}
    )
    findings = check_reports([reports[0], altered, reports[2]])
    by_rule = {f.rule.value: f for f in findings}
    assert sorted(by_rule) == ["balance", "carry_forward", "column_total"]
    carry = by_rule["carry_forward"]
    assert (carry.year, carry.expected, carry.actual) == (2025, 1, 0)
    assert carry.sources == (reports[2].source, y2024.source)


def test_results_from_workers_are_equal_and_share_their_cells() -> None:
    pages = str(CORPUS / "pingtan-20*" / "page.html")
    sequential = list(read_reports(pages))
    parallel = list(read_reports(pages, workers=2, chunksize=1))
    assert parallel == sequential
    # a money cell keeps its Decimal (table 二, 行政事业性收费 of 2023: 5949.088667 万元)
    fees = [
        c.value
        for r in parallel
        if isinstance(r.report, AnnualReport)
        for _, c in r.report.items()
        if isinstance(c.value, Decimal)
    ]
    assert fees == [Decimal("5949.088667"), Decimal("18651.06"), Decimal("4166.241619")]
    # alike cells are one object across the batch
    cells = [c for r in parallel if isinstance(r.report, AnnualReport) for _, c in r.report.items()]
    assert len(cells) == 3 * 200
    assert len({id(c) for c in cells}) == len(set(cells))


def test_the_shared_cells_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_module, "_SHARED_CELLS", 5)
    pages = str(CORPUS / "pingtan-20*" / "page.html")
    # more distinct values than the bound: the sharing starts afresh, results unchanged
    assert list(read_reports(pages, workers=2, chunksize=1)) == list(read_reports(pages))


def test_the_corpus_as_a_crawl_leaves_it_page_and_text_of_each_report() -> None:
    # Each published report is there twice, as its page and as the crawler's text;
    # the text is read in part (cells run together are recovered or left unread).
    results = list(read_reports(str(CORPUS / "pingtan-20*" / "page.*")))
    parallel = list(read_reports(str(CORPUS / "pingtan-20*" / "page.*"), workers=2))
    assert parallel == results  # cells recovered from run-together text included
    reports = [r.report for r in results if isinstance(r.report, AnnualReport)]
    findings = check_reports(reports)
    dups = [f for f in findings if f.rule.value == "duplicate"]
    # the page and the text of 2023, 2024 and 2025 say the same where both were read
    assert [(f.year, f.severity.value) for f in dups] == [
        (2023, "warning"),
        (2024, "warning"),
        (2025, "warning"),
    ]
    assert not [f for f in findings if f.rule.value == "carry_forward"]
