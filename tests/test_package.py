from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import opengov


def test_all_lists_exactly_the_exports() -> None:
    assert sorted(opengov.__all__) == sorted(["__version__", *opengov._EXPORTS])


def test_every_export_resolves() -> None:
    for name in opengov.__all__:
        assert getattr(opengov, name) is not None


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        opengov.no_such_name  # noqa: B018


def test_import_is_silent_cheap_and_does_no_io() -> None:
    code = (
        "import sys, warnings\n"
        "warnings.simplefilter('error')\n"
        "opened = []\n"
        "import builtins, io\n"
        "real_open = io.open\n"
        "def spy(*a, **k):\n"
        "    opened.append(a[0]); return real_open(*a, **k)\n"
        "builtins.open = io.open = spy\n"
        "import opengov\n"
        "heavy = [m for m in ('pydantic', 'holidays', 'numpy', 'pandas') if m in sys.modules]\n"
        "print(repr((opened, heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr == ""
    assert out.stdout.strip() == "([], [])"


def test_every_public_enum_refuses_unknown_codes_with_an_opengov_error() -> None:
    import enum
    import importlib

    from opengov._lookup import CodeEnum
    from opengov.errors import UnknownCodeError

    modules = {importlib.import_module(m) for m in opengov._EXPORTS.values()}
    modules.add(importlib.import_module("opengov.reports"))
    enums = {
        obj
        for module in modules
        for name in getattr(module, "__all__", ())
        if isinstance(obj := getattr(module, name), type) and issubclass(obj, enum.Enum)
    }
    assert len(enums) > 30
    for cls in enums:
        assert issubclass(cls, CodeEnum), cls
        with pytest.raises(UnknownCodeError, match=r"unknown \w+ code 'no such code'"):
            cls("no such code")


def test_the_distribution_is_opengov_cn_with_an_opengov_command() -> None:
    # `pip install opengov` would install an unrelated project: the distribution is
    # opengov-cn, its import name opengov, its command `opengov`.
    from importlib import metadata

    assert metadata.version("opengov-cn") == opengov.__version__
    (script,) = metadata.entry_points(group="console_scripts", name="opengov")
    assert script.value == "opengov.cli:main"
    assert script.dist is not None
    assert script.dist.name == "opengov-cn"


def test_opengov_version_on_the_command_line() -> None:
    command = Path(sys.executable).with_name("opengov")
    for argv in ([str(command)], [sys.executable, "-m", "opengov"]):
        out = subprocess.run(
            [*argv, "--version"], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout == f"opengov-cn {opengov.__version__}\n"
        assert out.stderr == ""
