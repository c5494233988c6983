"""Optional extras imported lazily, with a clear error when one is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from opengov.errors import MissingExtraError

__all__ = ["require"]


def require(module: str, extra: str, what: str) -> ModuleType:
    """``module`` imported, or :class:`MissingExtraError` naming ``extra`` and ``what``
    needs it.

    >>> require("json", "analysis", "this example").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{what} needs {module.split('.')[0]}, which is not installed: "
            f'pip install "opengov-cn[{extra}]"'
        ) from None
