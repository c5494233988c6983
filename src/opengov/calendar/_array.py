"""Vectorised working-day arithmetic over numpy ``datetime64[D]`` arrays.

numpy is imported here only (the ``analysis`` extra). The arrays are views of the
same cumulative index the scalar methods use, so the answers are identical.

This module never sees a calendar: :meth:`WorkdayCalendar._day_index` builds a
:class:`DayIndex` with :func:`day_index` from its own tables, once, and passes it
to :func:`add_array` and :func:`between_array`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from opengov.errors import (
    CalendarCoverageError,
    InvalidDateError,
    InvalidInputError,
    ProvisionalCalendarWarning,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["DayIndex", "add_array", "between_array", "day_index"]

# date(1970, 1, 1).toordinal(): numpy's datetime64[D] epoch as a proleptic ordinal.
_EPOCH_ORDINAL = 719163


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:  # pragma: no cover - depends on the environment
        raise InvalidInputError(
            "array methods need numpy: pip install 'opengov-cn[analysis]'"
        ) from None
    return numpy


class DayIndex(NamedTuple):
    """A calendar's working-day index, as the array functions need it.

    ``cum[i]`` is the number of working days among the ``i`` days before index
    ``i`` (index 0 is the ordinal ``lo``); ``wd`` the working days in order, as
    days since 1970-01-01. Days after ``settled_until`` (an ordinal) are
    provisional; ``coverage_error`` is the calendar's own error for a day it
    does not cover.
    """

    lo: int
    size: int
    settled_until: int
    settled_last: date
    first: date
    last: date
    cum: Any
    wd: Any
    coverage_error: Callable[[int, str], CalendarCoverageError]


def day_index(
    *,
    lo: int,
    settled_until: int,
    cum: Sequence[int],
    working_days: Sequence[int],
    first: date,
    last: date,
    settled_last: date,
    coverage_error: Callable[[int, str], CalendarCoverageError],
) -> DayIndex:
    """The numpy form of a calendar's index (``working_days`` as ordinals)."""
    np = _numpy()
    return DayIndex(
        lo=lo,
        size=len(cum) - 1,
        settled_until=settled_until,
        settled_last=settled_last,
        first=first,
        last=last,
        cum=np.asarray(cum, dtype=np.int64),
        wd=np.asarray(working_days, dtype=np.int64) - _EPOCH_ORDINAL,
        coverage_error=coverage_error,
    )


def _asarray(values: object, name: str) -> Any:
    try:
        return _numpy().asarray(values)
    except (ValueError, TypeError) as exc:  # ragged nesting, odd objects
        raise InvalidInputError(f"{name} cannot be read as an array: {exc}") from None


def _broadcast(*arrays: Any) -> Any:
    try:
        return _numpy().broadcast_arrays(*arrays)
    except ValueError:
        shapes = " and ".join(str(a.shape) for a in arrays)
        raise InvalidInputError(
            f"array shapes {shapes} do not broadcast; pass arrays of the same shape "
            "(or a single value for one of them)"
        ) from None


def _days(cal: DayIndex, values: npt.ArrayLike, name: str) -> Any:
    """Indexes into the calendar of a datetime64[D] array; raises outside it."""
    np = _numpy()
    arr = _asarray(values, name)
    if arr.dtype != np.dtype("datetime64[D]"):
        raise InvalidDateError(
            f"{name} must be a numpy datetime64[D] array, got dtype {arr.dtype}; "
            "convert with .astype('datetime64[D]') after fixing the timezone (UTC+8)"
        )
    idx = arr.view(np.int64) + (_EPOCH_ORDINAL - cal.lo)
    if np.isnat(arr).any():
        raise InvalidDateError(f"{name} contains NaT")
    if idx.size:
        lo, hi = int(idx.min()), int(idx.max())
        if lo < 0:
            raise cal.coverage_error(lo + cal.lo, f"a {name} date")
        if hi >= cal.size:
            raise cal.coverage_error(hi + cal.lo, f"a {name} date")
    return idx


def _check_provisional(cal: DayIndex, *epoch_days: Any) -> None:
    limit = cal.settled_until - _EPOCH_ORDINAL
    for days in epoch_days:
        if days.size and int(days.max()) > limit:
            warnings.warn(
                f"some results rest on provisional calendar data after {cal.settled_last}; "
                "check them once the State Council notice for that year is published",
                ProvisionalCalendarWarning,
                stacklevel=4,
            )
            return


def _outside(cal: DayIndex) -> CalendarCoverageError:
    return CalendarCoverageError(
        f"some results fall outside the calendar ({cal.first} to {cal.last}); "
        "see add_working_days for the scalar error and how to extend the calendar"
    )


def add_array(
    cal: DayIndex, dates: npt.ArrayLike, n: npt.ArrayLike
) -> np.ndarray[Any, np.dtype[np.datetime64]]:
    """See :meth:`WorkdayCalendar.add_working_days_array`."""
    np = _numpy()
    cum, wd = cal.cum, cal.wd
    idx = _days(cal, dates, "start")
    steps = _asarray(n, "n")
    if steps.dtype == np.bool_ or steps.dtype.kind not in "iu":
        raise InvalidInputError(f"n must be integers, got dtype {steps.dtype}")
    # Refuse steps no calendar can take before casting: a uint64 above the int64
    # range would wrap to a negative step, and int64 sums could overflow.
    if steps.size and (int(steps.max()) > len(wd) or int(steps.min()) < -len(wd)):
        raise _outside(cal)
    steps = steps.astype(np.int64)
    if steps.ndim == 0:
        step = int(steps)
        if step > 0:
            pos = cum[idx + 1] + (step - 1)
        elif step < 0:
            pos = cum[idx] + step
        else:
            out = np.asarray(dates).copy()
            _check_provisional(cal, out.view(np.int64))
            return out  # type: ignore[no-any-return]
        zero = None
    else:
        idx, steps = _broadcast(idx, steps)
        pos = np.where(steps > 0, cum[idx + 1] + steps - 1, cum[idx] + steps)
        zero = steps == 0
    if pos.size and (int(pos.min()) < 0 or int(pos.max()) >= len(wd)):
        raise _outside(cal)
    result = wd[pos]
    if zero is not None and zero.any():
        result = np.where(zero, idx + cal.lo - _EPOCH_ORDINAL, result)
    start_days = idx + (cal.lo - _EPOCH_ORDINAL)
    _check_provisional(cal, result, start_days)
    return result.view("datetime64[D]")  # type: ignore[no-any-return]


def between_array(
    cal: DayIndex, starts: npt.ArrayLike, ends: npt.ArrayLike
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """See :meth:`WorkdayCalendar.working_days_between_array`."""
    np = _numpy()
    cum = cal.cum
    i = _days(cal, starts, "start")
    k = _days(cal, ends, "end")
    i, k = _broadcast(i, k)
    _check_provisional(cal, i + (cal.lo - _EPOCH_ORDINAL), k + (cal.lo - _EPOCH_ORDINAL))
    forward = cum[k + 1] - cum[i + 1]
    backward = cum[k] - cum[i]
    return np.where(k >= i, forward, backward)  # type: ignore[no-any-return]
