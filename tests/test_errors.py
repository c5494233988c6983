from __future__ import annotations

import inspect

import opengov.errors as errors


def _error_classes() -> list[type[errors.OpenGovError]]:
    return [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, errors.OpenGovError)
    ]


def test_every_error_has_a_unique_stable_code() -> None:
    classes = _error_classes()
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), codes
    assert all(code.isidentifier() and code.islower() for code in codes)


def test_every_leaf_error_is_also_a_builtin_error() -> None:
    for cls in _error_classes():
        if cls is errors.OpenGovError:
            continue
        assert issubclass(cls, (ValueError, LookupError)), cls


def test_every_error_is_exported() -> None:
    for cls in _error_classes():
        assert cls.__name__ in errors.__all__


def test_warnings_share_one_root() -> None:
    assert issubclass(errors.ProvisionalCalendarWarning, errors.OpenGovWarning)
    assert issubclass(errors.OpenGovWarning, UserWarning)


def test_report_timeout_is_an_opengov_error_with_its_code() -> None:
    # Moved from the service package: the code stays the one the service sent.
    import opengov

    assert opengov.ReportTimeoutError is errors.ReportTimeoutError
    assert errors.ReportTimeoutError.code == "report_timeout"
    assert issubclass(errors.ReportTimeoutError, TimeoutError)
    assert issubclass(errors.ReportTimeoutError, ValueError)
