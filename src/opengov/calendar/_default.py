"""The calendar in use: the bundled notices plus those a deployment installed.

Every function that counts working days without an explicit ``calendar=`` uses
:func:`default_calendar`: the notices shipped with opengov, plus the notices found
in the directories of :func:`notice_dirs` (the directory or directories named by the
environment variable ``OPENGOV_NOTICES``, then the user's data directory, where
``opengov calendar add-notice`` installs). A new State Council notice therefore
reaches every deadline as soon as it is installed, without a new release.

The files are read once, on first use, under a lock; the result is an immutable
calendar that is replaced, never changed: :func:`reload_default_calendar` re-reads
the directories (a long-running process calls it after an install), and
:func:`set_default_calendar` puts a calendar built in code in its place. Every
installed notice passes the same checks as :meth:`WorkdayCalendar.with_notice`; a
file that fails, or two files that disagree about one notice, make the default
calendar raise :class:`~opengov.errors.NoticeRejectedError` naming the files,
because a wrong deadline is worse than none.
"""

from __future__ import annotations

import os
import sys
from _thread import allocate_lock
from typing import TYPE_CHECKING

from opengov._show import show
from opengov.calendar._core import WorkdayCalendar, official_calendar
from opengov.calendar._data import load_notice
from opengov.calendar._records import HolidayNotice, NoticeSource
from opengov.errors import CalendarDataError, InvalidInputError, NoticeRejectedError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "NOTICES_ENV",
    "default_calendar",
    "install_notice",
    "installed_notices",
    "notice_dirs",
    "reload_default_calendar",
    "remove_notice",
    "set_default_calendar",
    "user_notice_dir",
]

#: The environment variable naming a deployment's notice directories (separated by
#: ``os.pathsep`` when there are several); read before the user's directory.
NOTICES_ENV = "OPENGOV_NOTICES"

# A directory with more files than this is not a notice directory.
_MAX_FILES = 1000

_LOCK = allocate_lock()
_CACHE: dict[bool, WorkdayCalendar] = {}
_OVERRIDE: list[WorkdayCalendar] = []


def user_notice_dir() -> Path:
    """Where ``opengov calendar add-notice`` installs notices for this user.

    The platform's per-user data directory: ``$XDG_DATA_HOME/opengov/notices``
    (default ``~/.local/share``) on Linux and other Unix systems,
    ``~/Library/Application Support/opengov/notices`` on macOS and
    ``%APPDATA%\\opengov\\notices`` on Windows. Written here rather than with a
    library because these three rules are all opengov needs.
    """
    from pathlib import Path

    return Path(_user_dir())


def _user_dir() -> str:
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or os.path.join(
            os.path.expanduser("~"), "AppData", "Roaming"
        )
    elif sys.platform == "darwin":
        base = os.path.join(os.path.expanduser("~"), "Library", "Application Support")
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        # The XDG specification: a relative path is invalid and is ignored.
        base = (
            xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".local", "share")
        )
    return os.path.join(base, "opengov", "notices")


def _dirs() -> list[str]:
    env = os.environ.get(NOTICES_ENV, "")
    dirs = [d for d in env.split(os.pathsep) if d]
    user = _user_dir()
    if user not in dirs:
        dirs.append(user)
    return dirs


def notice_dirs() -> tuple[Path, ...]:
    """The directories the default calendar reads notices from, in order."""
    from pathlib import Path

    return tuple(Path(d) for d in _dirs())


def _read_dir(directory: str) -> list[tuple[str, HolidayNotice]]:
    try:
        names = sorted(e.name for e in os.scandir(directory) if e.name.endswith(".json"))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise CalendarDataError(f"cannot read the notice directory {directory}: {exc}") from None
    if len(names) > _MAX_FILES:
        raise CalendarDataError(
            f"the notice directory {directory} holds {len(names)} files; at most {_MAX_FILES} "
            "notices are read: it is probably not a notice directory"
        )
    out = []
    for name in names:
        path = os.path.join(directory, name)
        try:
            out.append((path, load_notice(path)))
        except CalendarDataError as exc:
            raise type(exc)(
                f"the installed notice {path}: {exc}; fix the file or remove it "
                "(opengov calendar remove-notice)"
            ) from None
    return out


def installed_notices() -> tuple[NoticeSource, ...]:
    """The notices found in :func:`notice_dirs`, each with the file it was read from.

    Two files holding the same notice (year and revision) are one notice when they
    agree and an error when they do not. Notices opengov now ships itself (same
    year, revision and days) are still listed here; the default calendar takes the
    bundled record instead.
    """
    found: dict[tuple[int, int], tuple[str, HolidayNotice]] = {}
    for directory in _dirs():
        for path, notice in _read_dir(directory):
            key = (notice.year, notice.revision)
            first = found.get(key)
            if first is None:
                found[key] = (path, notice)
            elif first[1].festivals != notice.festivals:
                raise NoticeRejectedError(
                    f"two installed files give different {notice.year} notices (revision "
                    f"{notice.revision}): {first[0]} and {path}; remove the wrong one"
                )
    return tuple(
        NoticeSource(notice, "installed", path) for _, (path, notice) in sorted(found.items())
    )


def _build() -> WorkdayCalendar:
    cal = official_calendar()
    for source in installed_notices():
        notice = source.notice
        have = [n for n in cal.notices if (n.year, n.revision) == (notice.year, notice.revision)]
        if have:
            if have[0].festivals == notice.festivals:
                continue  # the same notice: the calendar already has it
            raise NoticeRejectedError(
                f"the installed notice {source.path} gives a {notice.year} notice (revision "
                f"{notice.revision}) that differs from the one opengov ships "
                f"({have[0].label}); remove the installed file, or give an amendment a "
                "higher revision"
            )
        try:
            cal = cal.with_notice(source)
        except CalendarDataError as exc:
            raise type(exc)(f"the installed notice {source.path}: {exc}") from None
    return cal


def default_calendar(*, provisional: bool = False) -> WorkdayCalendar:
    """The calendar every deadline uses unless given ``calendar=`` (see the module docs).

    Without installed notices this is :func:`official_calendar` itself.

    >>> from datetime import date
    >>> default_calendar().add_working_days(date(2026, 9, 28), 20)
    datetime.date(2026, 10, 30)
    """
    cal = _CACHE.get(provisional)
    if cal is not None:
        return cal
    if type(provisional) is not bool:
        raise InvalidInputError(f"provisional must be True or False, got {show(provisional)}")
    with _LOCK:
        cal = _CACHE.get(provisional)
        if cal is None:
            base = _CACHE.get(False)
            if base is None:
                base = _OVERRIDE[0] if _OVERRIDE else _build()
                _CACHE[False] = base
            cal = base.with_provisional(provisional)
            _CACHE[provisional] = cal
    return cal


def reload_default_calendar() -> WorkdayCalendar:
    """Read the notice directories again and return the new default calendar.

    Calendars already handed out are unchanged (they are immutable); later calls
    without ``calendar=`` use the new one. If the directories now hold a notice
    that fails its checks, this raises and the previous default stays in use.
    While :func:`set_default_calendar` has put a calendar in place, that calendar
    stays the default and is returned.
    """
    with _LOCK:
        fresh = _OVERRIDE[0] if _OVERRIDE else _build()
        _CACHE.clear()
        _CACHE[False] = fresh
    return fresh


def set_default_calendar(calendar: WorkdayCalendar | None) -> None:
    """Use ``calendar`` wherever no ``calendar=`` is given (``None``: back to the files).

    For a deployment that builds its calendar in code. The swap is atomic; results
    computed before it keep the calendar they were computed on.
    """
    if calendar is not None and not isinstance(calendar, WorkdayCalendar):
        raise InvalidInputError(
            f"set_default_calendar needs a WorkdayCalendar or None, got {type(calendar).__name__}"
        )
    with _LOCK:
        _OVERRIDE.clear()
        if calendar is not None:
            _OVERRIDE.append(calendar.with_provisional(False))
        _CACHE.clear()


def _file_name(notice: HolidayNotice) -> str:
    return f"notice-{notice.year}-r{notice.revision}.json"


def install_notice(
    notice: HolidayNotice, *, directory: str | os.PathLike[str] | None = None
) -> NoticeSource:
    """Check ``notice`` and install it for every later use (the CLI's ``add-notice``).

    The notice must join the calendar in use (:func:`default_calendar`): checked
    like :meth:`WorkdayCalendar.with_notice`, refused with
    :class:`~opengov.errors.NoticeRejectedError` if it fails or if the calendar
    already has a different notice for its year and revision. It is written to
    ``directory`` (default :func:`user_notice_dir`) as JSON, and the default
    calendar is reloaded. Installing a notice the calendar already has is a no-op.
    A ``directory`` outside :func:`notice_dirs` is written but not read by the
    default calendar (name it in ``OPENGOV_NOTICES``).
    Returns where the notice now lives (``origin`` ``"bundled"`` when opengov
    already ships it).
    """
    if not isinstance(notice, HolidayNotice):
        raise InvalidInputError(
            f"install_notice needs a HolidayNotice (see load_notice, parse_notice_text), "
            f"got {type(notice).__name__}"
        )
    target = _user_dir() if directory is None else os.fspath(directory)
    current = default_calendar()
    for source in current.sources:
        old = source.notice
        if (old.year, old.revision) != (notice.year, notice.revision):
            continue
        if old.festivals == notice.festivals:
            return source
        where = f"installed at {source.path}" if source.path else source.origin
        raise NoticeRejectedError(
            f"the calendar already has a different {notice.year} notice (revision "
            f"{notice.revision}, {old.label}, {where}); remove it first "
            f"(opengov calendar remove-notice {notice.year}) or give an amendment a "
            "higher revision"
        )
    current.with_notice(notice)  # raises NoticeRejectedError before anything is written
    path = os.path.join(target, _file_name(notice))
    try:
        os.makedirs(target, exist_ok=True)
        partial = path + ".partial"
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(notice.to_json() + "\n")
        os.replace(partial, path)  # atomic: a reader sees the old state or the new
    except OSError as exc:
        raise CalendarDataError(f"cannot write the notice to {path}: {exc}") from None
    try:
        reload_default_calendar()
    except CalendarDataError:
        os.remove(path)  # the directory held something that clashes: leave it as it was
        raise
    return NoticeSource(notice, "installed", path)


def remove_notice(
    year: int, revision: int = 0, *, directory: str | os.PathLike[str] | None = None
) -> tuple[str, ...]:
    """Delete the installed files holding the notice for ``year`` (and ``revision``).

    Only ``directory`` (default :func:`user_notice_dir`) is touched; a deployment's
    ``OPENGOV_NOTICES`` directory is managed by the deployment. Returns the paths
    removed; raises :class:`~opengov.errors.InvalidInputError` when there is none.
    """
    if type(year) is not int or type(revision) is not int:
        raise InvalidInputError(
            f"year and revision must be ints, got {show(year)}, {show(revision)}"
        )
    target = _user_dir() if directory is None else os.fspath(directory)
    removed = []
    try:
        names = sorted(e.name for e in os.scandir(target) if e.name.endswith(".json"))
    except OSError:
        names = []
    wanted = f"notice-{year}-r{revision}.json"
    for name in names[:_MAX_FILES]:
        path = os.path.join(target, name)
        try:
            notice = load_notice(path)
            match = (notice.year, notice.revision) == (year, revision)
        except CalendarDataError:
            match = name == wanted  # a broken file can still be removed by its name
        if match:
            try:
                os.remove(path)
            except OSError as exc:
                raise CalendarDataError(f"cannot remove {path}: {exc}") from None
            removed.append(path)
    if not removed:
        raise InvalidInputError(
            f"no installed notice for {year} (revision {revision}) in {target}; "
            "'opengov calendar notices' lists the notices in use"
        )
    with _LOCK:
        _CACHE.clear()
    return tuple(removed)
