"""Reading a file a caller names, within bounds (private).

One reader for every file opengov opens on a caller's behalf (holiday notices,
annual reports): a regular file only, and at most a given number of bytes. A FIFO
would block forever and a device such as ``/dev/zero`` would read until memory runs
out, so anything but a regular file is refused before it is opened; the file is then
opened without blocking and checked again, in case the path was swapped in between.
"""

from __future__ import annotations

import os
import stat
from os import PathLike

from opengov._show import show_path
from opengov.errors import OpenGovError

__all__ = ["read_capped_file"]


def read_capped_file(
    path: str | PathLike[str],
    limit: int,
    *,
    what: str,
    error: type[OpenGovError],
    not_regular: str,
    too_large: str,
) -> bytes:
    """The bytes of the regular file ``path``, refusing one of more than ``limit`` bytes.

    Failures raise ``error`` with a message that starts with ``what`` (e.g. "notice
    file") and the path: ``not_regular`` is the advice when the path is a directory,
    a device or a pipe, ``too_large`` when the file is over ``limit`` bytes.

    >>> from opengov.errors import ReportParseError
    >>> read_capped_file("/dev/null", 10, what="report file", error=ReportParseError,
    ...                  not_regular="give a file", too_large="too big")
    Traceback (most recent call last):
    opengov.errors.ReportParseError: cannot read report file '/dev/null': it is not a regular file (a directory, a device or a pipe); give a file
    """
    try:
        name = os.fspath(path)
        regular = stat.S_ISREG(os.stat(name).st_mode)
    except (OSError, ValueError, TypeError) as exc:  # ValueError: a NUL byte in the path
        raise error(f"cannot read {what} {show_path(path)}: {_reason(exc)}") from None
    if not regular:
        raise error(
            f"cannot read {what} {show_path(name)}: it is not a regular file (a directory, "
            f"a device or a pipe); {not_regular}"
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except (OSError, ValueError) as exc:
        raise error(f"cannot read {what} {show_path(name)}: {_reason(exc)}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):  # swapped after the first look
            raise error(
                f"cannot read {what} {show_path(name)}: it is not a regular file (a directory, "
                f"a device or a pipe); {not_regular}"
            )
        if info.st_size > limit:
            raw = b""
        else:
            try:
                raw = handle.read(limit + 1)
            except OSError as exc:
                raise error(f"cannot read {what} {show_path(name)}: {_reason(exc)}") from None
    if info.st_size > limit or len(raw) > limit:
        size = max(info.st_size, len(raw))
        raise error(
            f"{what} {show_path(name)} is larger than {limit} bytes ({size} bytes or more); {too_large}"
        )
    return raw


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, ValueError):
        return "not a valid path"
    return str(exc)
