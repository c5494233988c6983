"""The public modules of opengov, for tests that check every one of them."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import opengov


def public_modules() -> list[ModuleType]:
    """opengov and every submodule whose name has no private part (the CLI aside)."""
    found = [opengov]
    for info in pkgutil.walk_packages(opengov.__path__, "opengov."):
        parts = info.name.split(".")[1:]
        if parts[0] == "cli" or any(p.startswith("_") for p in parts):
            continue
        found.append(importlib.import_module(info.name))
    return found
