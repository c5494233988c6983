"""Vectorised working-day arithmetic over numpy ``datetime64[D]`` arrays.

numpy is imported here only (the ``analysis`` extra). The arrays are views of the
same cumulative index the scalar methods use, so the answers are identical.
"""

from __future__ import annotations

import warnings
from datetime import date
from typing import TYPE_CHECKING, Any

from opengov.errors import (
    CalendarCoverageError,
    InvalidDateError,
    InvalidInputError,
    ProvisionalCalendarWarning,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from opengov.calendar._core import WorkdayCalendar

__all__ = ["add_array", "between_array"]

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


def _tables(cal: WorkdayCalendar) -> tuple[Any, Any]:
    """(cumulative counts, working-day epoch days) as numpy arrays, built once."""
    tables: tuple[Any, Any] | None = cal._arrays
    if tables is None:
        np = _numpy()
        cum = np.asarray(cal._cum, dtype=np.int64)
        wd = np.asarray(cal._wd, dtype=np.int64) - _EPOCH_ORDINAL
        tables = (cum, wd)
        object.__setattr__(cal, "_arrays", tables)  # idempotent cache
    return tables


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


def _days(cal: WorkdayCalendar, values: npt.ArrayLike, name: str) -> Any:
    """Indexes into the calendar of a datetime64[D] array; raises outside it."""
    np = _numpy()
    arr = _asarray(values, name)
    if arr.dtype != np.dtype("datetime64[D]"):
        raise InvalidDateError(
            f"{name} must be a numpy datetime64[D] array, got dtype {arr.dtype}; "
            "convert with .astype('datetime64[D]') after fixing the timezone (UTC+8)"
        )
    idx = arr.view(np.int64) + (_EPOCH_ORDINAL - cal._lo)
    if np.isnat(arr).any():
        raise InvalidDateError(f"{name} contains NaT")
    if idx.size:
        lo, hi = int(idx.min()), int(idx.max())
        size = len(cal._work)
        if lo < 0:
            raise cal._coverage_error(lo + cal._lo, f"a {name} date")
        if hi >= size:
            raise cal._coverage_error(hi + cal._lo, f"a {name} date")
    return idx


def _check_provisional(cal: WorkdayCalendar, *epoch_days: Any) -> None:
    limit = cal._off_hi - _EPOCH_ORDINAL
    for days in epoch_days:
        if days.size and int(days.max()) > limit:
            warnings.warn(
                f"some results rest on provisional calendar data after {cal.coverage.last}; "
                "check them once the State Council notice for that year is published",
                ProvisionalCalendarWarning,
                stacklevel=4,
            )
            return


def _outside(cal: WorkdayCalendar) -> CalendarCoverageError:
    last = date.fromordinal(cal._hi)
    return CalendarCoverageError(
        f"some results fall outside the calendar ({cal.coverage.first} to {last}); "
        "see add_working_days for the scalar error and how to extend the calendar"
    )


def add_array(
    cal: WorkdayCalendar, dates: npt.ArrayLike, n: npt.ArrayLike
) -> np.ndarray[Any, np.dtype[np.datetime64]]:
    """See :meth:`WorkdayCalendar.add_working_days_array`."""
    np = _numpy()
    cum, wd = _tables(cal)
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
        result = np.where(zero, idx + cal._lo - _EPOCH_ORDINAL, result)
    start_days = idx + (cal._lo - _EPOCH_ORDINAL)
    _check_provisional(cal, result, start_days)
    return result.view("datetime64[D]")  # type: ignore[no-any-return]


def between_array(
    cal: WorkdayCalendar, starts: npt.ArrayLike, ends: npt.ArrayLike
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """See :meth:`WorkdayCalendar.working_days_between_array`."""
    np = _numpy()
    cum, _ = _tables(cal)
    i = _days(cal, starts, "start")
    k = _days(cal, ends, "end")
    i, k = _broadcast(i, k)
    _check_provisional(cal, i + (cal._lo - _EPOCH_ORDINAL), k + (cal._lo - _EPOCH_ORDINAL))
    forward = cum[k + 1] - cum[i + 1]
    backward = cum[k] - cum[i]
    return np.where(k >= i, forward, backward)  # type: ignore[no-any-return]
