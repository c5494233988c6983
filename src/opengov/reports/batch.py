"""Reading a batch of report files (批量读取年度报告): one result per file, never a stop.

:func:`read_reports` takes files, folders and glob patterns and yields one
:class:`ReportResult` per file, in a fixed order, as each is read: the report, or
why it could not be read (:class:`ReadError`, as data). A bad file never stops the
batch and never raises.

- **Which files.** A file named is read whatever its suffix. A folder is read
  recursively, in sorted order, files only, skipping hidden files and folders
  (names starting with ``.``) and files whose suffix is not one a report is
  published in (:data:`REPORT_SUFFIXES`: ``.htm``, ``.html``, ``.shtml``, ``.txt``,
  ``.pdf``, ``.doc``, ``.docx``); a crawl's ``links.tsv`` or images are not reports.
  A source holding ``*``, ``?`` or ``[`` that names no file is a glob pattern
  (``**`` for any depth). A file reached twice (named, and in a folder) is read
  once, where it is first reached. A source that gives no file (a missing path, an
  empty folder, a pattern matching nothing) gives one result with its error.
- **Agency and year.** From the report's title; else from the file name or its
  folder's name (``平潭综合实验区财政金融局2021年政府信息公开工作年度报告.html``,
  ``80613_…年度报告/page.html``); else from ``override``. ``agency=`` and ``year=``
  apply to every file and win over all three. An agency that looks wrong (none, a
  bare 政府, too short, no Chinese characters, a sentence) is replaced by the next
  source's when that one looks right; otherwise it is kept and the result carries a
  warning. Each result says where its agency and year came from.
- **Parallel.** ``workers=N`` reads in N processes, a few chunks of files in flight
  at a time; results come in the same order, and memory stays bounded however many
  files there are.

Legal basis:
    - ogi-2019:49, ogi-2019:50 (the reports read); report-format-2019,
      report-format-2021 (through :func:`~opengov.reports.parse_report`).

>>> from opengov.reports import read_reports
>>> [(r.source, r.report.agency, r.report.year) for r in read_reports("examples/data")]
[('examples/data/hunjiang-minzheng-2019.txt', '浑江区民政局', 2019)]
"""

from __future__ import annotations

import glob
import io
import os
import pickle
import stat
import threading
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from pydantic import model_validator

from opengov._model import FrozenModel
from opengov._show import show
from opengov.errors import InvalidInputError, LegacyReportError, OpenGovError, ReportParseError
from opengov.reports._reader import find_year_agency
from opengov.reports.files import parse_report
from opengov.reports.legacy_report import LegacyReport
from opengov.reports.model import AnnualReport, Cell
from opengov.reports.parse_legacy import parse_legacy_report

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = [
    "REPORT_SUFFIXES",
    "Origin",
    "ReadError",
    "ReportResult",
    "read_reports",
    "report_files",
]

#: The suffixes of the files read from a folder (any case).
REPORT_SUFFIXES: tuple[str, ...] = (".htm", ".html", ".shtml", ".txt", ".pdf", ".doc", ".docx")

#: Where a result's agency or year came from.
Origin = Literal["argument", "title", "file name", "override"]

Source = str | os.PathLike[str]
Override = (
    Mapping[str, tuple[str | None, int | None]]
    | Callable[[str], tuple[str | None, int | None] | None]
)

_GLOB = frozenset("*?[")
_START_METHOD: str | None = None  # the multiprocessing start method; None: the default


class ReadError(FrozenModel):
    """Why a file could not be read: the error's class name, stable code and message.

    ``type`` is the class of the :class:`~opengov.errors.OpenGovError` raised (e.g.
    ``ReportParseError``) and ``code`` its stable code (``report_parse``). An error
    opengov did not expect (a bug) has its own class name and the code
    ``internal_error``; please report it.
    """

    type: str
    code: str
    message: str

    @classmethod
    def of(cls, exc: BaseException) -> ReadError:
        """The error of an exception."""
        if isinstance(exc, OpenGovError):
            return cls(type=type(exc).__name__, code=exc.code, message=str(exc))
        text = str(exc)
        if len(text) > 500:
            text = text[:499] + "…"
        return cls(
            type=type(exc).__name__,
            code="internal_error",
            message=f"{text} (an error opengov did not expect; please report it)",
        )

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ReportResult(FrozenModel):
    """One file of a batch: its report, or why it could not be read.

    Exactly one of ``report`` and ``error`` is set. ``source`` is the path as given
    (a folder's files joined to the folder as given). ``warnings`` say what looks
    wrong but did not stop the reading (an agency that looks wrong, a file name
    and a title that disagree). ``agency_from`` and ``year_from`` say where the
    report's agency and year came from (``None`` for no agency, or no report).

    ``report`` is an :class:`~opengov.reports.AnnualReport`, or a
    :class:`~opengov.reports.LegacyReport` for a report of 2008-2018 (one that
    :func:`~opengov.reports.parse_report` refuses with a ``LegacyReportError``):
    check its type before using it as an ``AnnualReport``.
    """

    source: str
    report: AnnualReport | LegacyReport | None = None
    error: ReadError | None = None
    warnings: tuple[str, ...] = ()
    agency_from: Origin | None = None
    year_from: Origin | None = None

    @model_validator(mode="after")
    def _report_or_error(self) -> ReportResult:
        if (self.report is None) == (self.error is None):
            raise ValueError("a result holds a report or an error, not both or neither")
        return self

    @property
    def ok(self) -> bool:
        """True when the file was read and every table cell was read."""
        return self.report is not None and self.report.completeness().unread == 0

    @property
    def partial(self) -> bool:
        """True when the file was read but some table cells were not: rules involving
        them were not checked (see :meth:`AnnualReport.completeness`)."""
        return self.report is not None and self.report.completeness().unread > 0


# ------------------------------------------------------------------ the files


def report_files(sources: Source | Iterable[Source]) -> tuple[str, ...]:
    """The files :func:`read_reports` reads for ``sources``, in its order.

    A source that gives no file (a missing path, an empty folder, a pattern that
    matches nothing) is kept as it is, so that reading it reports the error.

    >>> report_files(["examples/data", "examples/data/hunjiang-minzheng-2019.txt"])
    ('examples/data/hunjiang-minzheng-2019.txt',)
    """
    return tuple(_files(_source_list(sources)))


def _source_list(sources: object) -> list[str]:
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    if isinstance(sources, bytes) or not isinstance(sources, Iterable):
        raise InvalidInputError(
            f"sources must be a path or an iterable of paths, got {type(sources).__name__}"
        )
    out: list[str] = []
    for s in sources:
        if not isinstance(s, (str, os.PathLike)):
            raise InvalidInputError(f"each source must be a str or Path, got {show(s)}")
        path = os.fspath(s)
        if not isinstance(path, str):
            raise InvalidInputError(f"each source must be a str path, got {show(path)}")
        out.append(path)
    return out


def _files(sources: Iterable[str]) -> Iterator[str]:
    """Every file of ``sources``, each once, folders listed as they are reached."""
    seen: set[str] = set()
    for source in sources:
        for path in _expand(source):
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                yield path


def _identity(path: str) -> str:
    """Two paths to one file have one identity (symbolic links and ``..`` resolved)."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path


def _is_dir(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except ValueError:  # a NUL byte
        return False


def _exists(path: str) -> bool:
    try:
        return os.path.lexists(path)
    except ValueError:
        return False


def _expand(source: str) -> list[str]:
    if _is_dir(source):
        return _folder(source) or [source]
    if not _exists(source) and _GLOB & set(source):
        try:
            matches = glob.glob(source, recursive=True)
        except (OSError, ValueError):
            matches = []
        found = sorted(p for p in matches if os.path.isfile(p))
        return found or [source]
    return [source]


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _folder(top: str) -> list[str]:
    """The report files under ``top``, sorted by their path's parts; a folder that
    cannot be listed is kept, so that reading it says why."""
    found: list[tuple[tuple[str, ...], str]] = []
    root = Path(top)

    def unlisted(exc: OSError) -> None:
        if exc.filename is not None and os.fspath(exc.filename) != top:
            rel = Path(os.fspath(exc.filename)).relative_to(root)
            found.append((rel.parts, str(root / rel)))

    for folder, dirs, files in os.walk(top, onerror=unlisted, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in files:
            if _hidden(name) or not name.lower().endswith(REPORT_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            if os.path.isfile(path):  # a regular file, or a link to one
                rel = Path(path).relative_to(root)
                found.append((rel.parts, str(root / rel)))
    return [path for _, path in sorted(found)]


# ---------------------------------------------------------- agency and year


class _Job(NamedTuple):
    """What reading one file needs to know besides its path (plain data, picklable)."""

    agency: str | None
    year: int | None
    override: tuple[str | None, int | None]
    override_error: str | None = None


_GENERIC = frozenset(
    {"政府", "人民政府", "本机关", "机关", "本单位", "单位", "本局", "我局", "本部门", "部门"}
)
_SENTENCE_WORDS = ("根据", "关于", "现将", "现公布", "编制", "报告", "以下简称", "通知", "我们")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _agency_problem(agency: str | None) -> str | None:
    """Why ``agency`` does not look like an agency's name, or ``None`` when it does.

    >>> _agency_problem("平潭综合实验区财政金融局") is None
    True
    >>> _agency_problem("政府")
    'a bare 政府, not an agency'
    """
    if agency is None:
        return "no agency"
    a = "".join(unicodedata.normalize("NFKC", agency).split())
    if a in _GENERIC or (a[:1] in ("我", "本") and len(a) <= 4):
        return f"a bare {a}, not an agency"
    if not _has_cjk(a):
        return f"{show(agency)} has no Chinese characters"
    if len(a) < 3:
        return f"{a} is too short for an agency's name"
    if len(a) > 30:
        return f"{a[:12]}… is too long for an agency's name"
    for word in _SENTENCE_WORDS:
        if word in a:
            return f"{a} looks like part of a sentence ({word})"
    return None


def _from_name(source: str) -> tuple[int | None, str | None]:
    """The year and agency in the file's name, else in its folder's name."""
    path = Path(source)
    year: int | None = None
    agency: str | None = None
    for name in (path.stem, path.parent.name):
        found_year, found_agency = find_year_agency([name])
        if found_year is None or (year is not None and found_year != year):
            continue
        year = found_year
        if found_agency is not None and _agency_problem(found_agency) is None:
            return year, found_agency
    return year, agency


def _year_missing(exc: ReportParseError) -> bool:
    """True when parse_report failed only for want of a year in the title."""
    return "report year is not stated" in str(exc)


def _parse(source: str, agency: str | None, year: int | None) -> AnnualReport | LegacyReport:
    """The report of a file: of the 2019/2021 formats, else of the 2008-2018 form."""
    try:
        return parse_report(source, agency=agency, year=year)
    except LegacyReportError:
        return parse_legacy_report(source, agency=agency, year=year)


def _with(
    report: AnnualReport | LegacyReport, agency: str | None, source: str
) -> AnnualReport | LegacyReport:
    # a new, validated report (never model_copy(update=...), which skips validation)
    return type(report).model_validate({**dict(report), "agency": agency, "source": source})


def _failed(source: str, exc: BaseException) -> ReportResult:
    return ReportResult(source=source, error=ReadError.of(exc))


def _check_file(source: str) -> None:
    """Refuse what is not a regular file before reading (a FIFO would block)."""
    try:
        st = os.stat(source)
    except OSError as exc:
        if _GLOB & set(source) and not _exists(source):
            raise ReportParseError(
                f"no file matches the pattern {source!r}; check the pattern"
            ) from None
        raise ReportParseError(
            f"cannot read report file {source!r}: {exc.strerror}; check the path"
        ) from None
    except ValueError:
        raise ReportParseError(f"cannot read report file {source!r}: not a valid path") from None
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(source)
        except OSError as exc:
            raise ReportParseError(
                f"cannot list the folder {source!r}: {exc.strerror}; check its permissions"
            ) from None
        raise ReportParseError(
            f"{source!r} is a folder with no report files (files ending in "
            f"{', '.join(REPORT_SUFFIXES)}); name the files to read them"
        )
    if not stat.S_ISREG(st.st_mode):
        raise ReportParseError(
            f"{source!r} is not a regular file (a pipe, socket or device); give a report file"
        )


def _read_one(source: str, job: _Job) -> ReportResult:
    """Read one file; never raises."""
    try:
        return _read(source, job)
    except Exception as exc:  # a bad file is a result, whatever the error
        return _failed(source, exc)


def _read(source: str, job: _Job) -> ReportResult:
    _check_file(source)
    name_year, name_agency = _from_name(source)
    over_agency, over_year = job.override
    warnings: list[str] = []
    year_from: Origin = "argument" if job.year is not None else "title"
    try:
        report = _parse(source, job.agency, job.year)
    except ReportParseError as exc:
        if job.year is not None or not _year_missing(exc):
            raise
        if name_year is not None:
            fallback, year_from = name_year, "file name"
        elif job.override_error is not None:
            raise InvalidInputError(job.override_error) from None
        elif over_year is not None:
            fallback, year_from = over_year, "override"
        else:
            raise ReportParseError(
                f"{exc}; or name the file like its title (…2021年政府信息公开工作年度报告"
                ".html), or give its year in an override"
            ) from None
        report = _parse(source, job.agency, fallback)
    if year_from == "title" and name_year is not None and name_year != report.year:
        warnings.append(
            f"the file name says {name_year}, the title {report.year}; the title's year is used"
        )
    agency, agency_from = _choose_agency(report.agency, job, name_agency, over_agency, warnings)
    return ReportResult(
        source=source,
        report=_with(report, agency, source),
        warnings=tuple(warnings),
        agency_from=agency_from,
        year_from=year_from,
    )


def _choose_agency(
    title: str | None,
    job: _Job,
    name: str | None,
    override: str | None,
    warnings: list[str],
) -> tuple[str | None, Origin | None]:
    """The agency: the argument; else the title's, the file name's or the override's,
    the first that looks right; else the title's (or the first given), with a warning."""
    if job.agency is not None:
        return job.agency, "argument"
    if job.override_error is not None and _agency_problem(title) and _agency_problem(name):
        warnings.append(f"the override could not be used: {job.override_error}")
    candidates: list[tuple[str | None, Origin]] = [
        (title, "title"),
        (name, "file name"),
        (override, "override"),
    ]
    for agency, origin in candidates:
        if agency is None or _agency_problem(agency) is not None:
            continue
        if origin != "title" and title is not None:
            warnings.append(
                f"the title's agency {title!r} looks wrong ({_agency_problem(title)}); "
                f"the {origin}'s {agency!r} is used"
            )
        elif origin == "title" and name is not None and _key(name) != _key(agency):
            warnings.append(
                f"the file name names {name!r}, the title {agency!r}; the title's is used"
            )
        return agency, origin
    for agency, origin in candidates:
        if agency is not None:
            warnings.append(
                f"the agency {agency!r} looks wrong ({_agency_problem(agency)}); check the "
                "title, or pass agency= or an override"
            )
            return agency, origin
    warnings.append(
        "no agency in the title or the file name: the report is checked alone (never "
        "compared with another year); pass agency= or an override"
    )
    return None, None


def _key(agency: str) -> str:
    return "".join(unicodedata.normalize("NFKC", agency).split())


# -------------------------------------------------------------- the reading


def read_reports(
    sources: Source | Iterable[Source],
    *,
    agency: str | None = None,
    year: int | None = None,
    override: Override | None = None,
    workers: int = 1,
    chunksize: int | None = None,
) -> Iterator[ReportResult]:
    """Read report files, folders and glob patterns; one :class:`ReportResult` per file.

    Results come in the order of :func:`report_files`, as each file is read, and a
    bad file gives a result with its error, never an exception. Arguments that are
    wrong for every file (a bad ``workers``, a ``sources`` that is not paths) raise
    :class:`~opengov.errors.InvalidInputError` at once.

    ``agency`` and ``year`` apply to every file, in place of what the titles say.
    ``override`` gives, per file, the ``(agency, year)`` to use when neither the
    title nor the file name gives one that looks right: a mapping from the source
    (as :func:`report_files` gives it) or a function of it (called once per file,
    in this process; ``None`` or a missing key means no override); either member
    may be ``None``.

    ``workers`` is the number of processes (``0``: one per CPU); ``chunksize`` the
    number of files a process reads at a time (by default 4). At most ``2 *
    workers`` chunks are in flight, so memory does not grow with the number of
    files. A process that dies (a file that crashes it) gives an error for the
    file it was reading, and the reading goes on.
    """
    files = _files(_source_list(sources))
    if agency is not None and not isinstance(agency, str):
        raise InvalidInputError(f"agency must be a str, got {show(agency)}")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InvalidInputError(f"year must be an int, got {show(year)}")
    if override is not None and not (isinstance(override, Mapping) or callable(override)):
        raise InvalidInputError(
            f"override must be a mapping or a function of the source, got {show(override)}"
        )
    overrides = _override_table(override) if isinstance(override, Mapping) else None
    n = _workers(workers)
    size = _chunksize(chunksize)

    def jobs() -> Iterator[tuple[str, _Job]]:
        for path in files:
            if overrides is not None:
                value: object = overrides.get(os.path.normpath(path))
            else:
                value = _call(override, path)
            over, problem = _override_value(value, path)
            yield path, _Job(agency, year, over, problem)

    if n == 1:
        return (_read_one(path, job) for path, job in jobs())
    return _parallel(jobs(), n, size)


def _call(override: Override | None, path: str) -> object:
    if override is None or isinstance(override, Mapping):
        return None
    try:
        return override(path)
    except Exception as exc:
        return _OverrideFailed(f"override({path!r}) raised {type(exc).__name__}: {exc}")


class _OverrideFailed(NamedTuple):
    message: str


def _override_table(override: Mapping[Any, object]) -> dict[str, object]:
    table: dict[str, object] = {}
    for key, value in override.items():
        if not isinstance(key, (str, os.PathLike)):
            raise InvalidInputError(f"override keys must be paths, got {show(key)}")
        path = os.fspath(key)
        if not isinstance(path, str):
            raise InvalidInputError(f"override keys must be str paths, got {show(path)}")
        _, problem = _override_value(value, path)
        if problem is not None:
            raise InvalidInputError(problem)
        table[os.path.normpath(path)] = value
    return table


def _override_value(value: object, path: str) -> tuple[tuple[str | None, int | None], str | None]:
    """The ``(agency, year)`` of an override value, or why it is not one."""
    if value is None:
        return (None, None), None
    if isinstance(value, _OverrideFailed):
        return (None, None), value.message
    if isinstance(value, tuple) and len(value) == 2:
        a, y = value
        a_ok = a is None or isinstance(a, str)
        y_ok = y is None or (isinstance(y, int) and not isinstance(y, bool))
        if a_ok and y_ok:
            return (a, y), None
    return (None, None), (
        f"the override for {path!r} is {show(value)}; give (agency, year), either may be None"
    )


def _workers(workers: object) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise InvalidInputError(
            f"workers must be a whole number >= 0 (0: one per CPU), got {show(workers)}"
        )
    return workers or os.cpu_count() or 1


def _chunksize(chunksize: object) -> int:
    if chunksize is None:
        return 4
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise InvalidInputError(f"chunksize must be a whole number >= 1, got {show(chunksize)}")
    return chunksize


# ---------------------------------------------------------------- parallel


# A report holds about 200 cells, most of them alike (0, blank); pickled as they are,
# rebuilding them cost the parent process a fifth of all the work. So the workers
# pickle a cell as a call with its field values, and the parent answers each call
# with one Cell per distinct value, shared by the batch's reports (less memory too).
# (``reducer_override`` is asked about cells and models only, not about every int
# and str, as ``persistent_id`` would be: it keeps the workers' pickling cheap.)

_CELL_FIELDS = tuple(Cell.model_fields)
_shared = threading.local()  # .cells: the cells of the batch being received


def _cell(*values: object) -> Cell:
    """The cell with these field values: the batch's shared one, or a new one."""
    cells: dict[object, Cell] | None = getattr(_shared, "cells", None)
    key = tuple((type(v), str(v) if type(v) is Decimal else v) for v in values)
    cell = cells.get(key) if cells is not None else None
    if cell is None:
        cell = Cell.model_validate(dict(zip(_CELL_FIELDS, values, strict=True)))
        if cells is not None:
            cells[key] = cell
    return cell


class _CellPickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        if type(obj) is Cell:
            return (_cell, tuple(getattr(obj, name) for name in _CELL_FIELDS))
        return NotImplemented


def _read_chunk(chunk: list[tuple[str, _Job]]) -> bytes:
    """Read a chunk of files in a worker process; the results as bytes."""
    out = io.BytesIO()
    _CellPickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(
        [_read_one(path, job) for path, job in chunk]
    )
    return out.getvalue()


_SHARED_CELLS = 50_000  # beyond, the shared cells start afresh: memory stays bounded


def _loads(data: bytes, cells: dict[object, Cell]) -> list[ReportResult]:
    if len(cells) > _SHARED_CELLS:
        cells.clear()
    _shared.cells = cells
    try:
        results: list[ReportResult] = pickle.loads(data)
    finally:
        _shared.cells = None
    return results


def _parallel(
    jobs: Iterator[tuple[str, _Job]], workers: int, chunksize: int
) -> Iterator[ReportResult]:
    """Chunks read by a process pool, at most ``2 * workers`` in flight, in order."""
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from multiprocessing import get_context

    def chunks() -> Iterator[list[tuple[str, _Job]]]:
        while chunk := list(islice(jobs, chunksize)):
            yield chunk

    def new_pool(workers: int) -> ProcessPoolExecutor:
        context = None if _START_METHOD is None else get_context(_START_METHOD)
        return ProcessPoolExecutor(max_workers=workers, mp_context=context)

    todo = chunks()
    pending: deque[tuple[list[tuple[str, _Job]], Future[bytes]]] = deque()
    cells: dict[object, Cell] = {}  # one Cell per value, shared by the batch's reports
    pool = new_pool(workers)
    try:
        for chunk in islice(todo, 2 * workers):
            pending.append((chunk, pool.submit(_read_chunk, chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                results = _loads(future.result(), cells)
            except BrokenProcessPool:
                # A process died reading this chunk, and the pool with it: read the
                # chunk's files one at a time, each in a process of its own, to find
                # the file; then go on with a new pool.
                pool.shutdown(wait=True, cancel_futures=True)
                results = [_read_alone(path, job, new_pool) for path, job in chunk]
                pool = new_pool(workers)
                rest = [c for c, _ in pending]
                pending.clear()
                pending.extend((c, pool.submit(_read_chunk, c)) for c in rest)
            for chunk in islice(todo, 1):
                pending.append((chunk, pool.submit(_read_chunk, chunk)))
            yield from results
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _read_alone(
    path: str, job: _Job, new_pool: Callable[[int], ProcessPoolExecutor]
) -> ReportResult:
    """Read one file in a process of its own: a crash is that file's error."""
    from concurrent.futures.process import BrokenProcessPool

    with new_pool(1) as pool:
        try:
            return pool.submit(_read_one, path, job).result()
        except BrokenProcessPool:
            return _failed(
                path,
                ReportParseError(
                    f"the process reading {path!r} stopped while reading it (the file "
                    "crashed it); read it alone with workers=1 to see the error"
                ),
            )
