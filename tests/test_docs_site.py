"""The docs site's machinery: the reference pages generated from docs/api.md and the
docstrings rewritten for Markdown. The strict build itself runs in `make docs`."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).parent.parent


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hooks = _script("mkdocs_hooks")
griffe_docstrings = _script("griffe_docstrings")


def test_a_reference_page_for_every_module_of_the_api_page() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### `([\w.]+)`$", api, flags=re.MULTILINE)
    modules = hooks.api_modules(api)
    assert list(modules) == headings
    assert modules["opengov"] == ["__version__"]
    assert modules["opengov.remedies"][:2] == ["review_deadline", "litigation_deadline"]
    assert hooks.reference_page("opengov.fees", ["FeeMode", "assess_fee"]) == (
        "::: opengov.fees\n    options:\n      members: [FeeMode, assess_fee]\n      filters: []\n"
    )


def test_the_api_page_links_each_name_to_its_rendered_docstring() -> None:
    text = "### `opengov.fees`\n\n| Name | From |\n|---|---|\n| `FeeMode` | yes | Per item. |\n"

    class _File:
        src_uri = "api.md"

    class _Page:
        file = _File()

    out = hooks.on_page_markdown(text, page=_Page(), config=None, files=None)
    assert out.splitlines() == [
        "### [`opengov.fees`](reference/opengov.fees.md)",
        "",
        "| Name | From |",
        "|---|---|",
        "| [`FeeMode`][opengov.fees.FeeMode] | yes | Per item. |",
    ]


def test_doctests_are_fenced_and_roles_become_code() -> None:
    doc = (
        "A :class:`Deadline` from :meth:`~opengov.Deadline.explain`.\n"
        "\n"
        ">>> d = 1\n"
        ">>> [d]\n"
        "[1]\n"
        "\n"
        "Legal basis:\n"
        "    - ogi-2019:33.2\n"
        "\n"
        "    >>> 2\n"
        "    2"
    )
    assert griffe_docstrings.markdown_docstring(doc).splitlines() == [
        "A `Deadline` from `opengov.Deadline.explain`.",
        "",
        "```pycon",
        ">>> d = 1",
        ">>> [d]",
        "[1]",
        "```",
        "",
        "Legal basis:",
        "    - ogi-2019:33.2",
        "",
        "    ```pycon",
        "    >>> 2",
        "    2",
        "    ```",
    ]


def test_code_the_docstring_fenced_itself_is_left_alone() -> None:
    doc = "```python\n>>> :class:`X`\n```"
    assert griffe_docstrings.markdown_docstring(doc) == doc


def test_the_nav_names_pages_that_exist_and_the_notebook_is_not_executed() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, str):
                pages.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])

    walk(config["nav"])
    assert pages
    for page in pages:
        assert (ROOT / "docs" / page).is_file(), page
    documented = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert documented == set(pages)
    (jupyter,) = (p["mkdocs-jupyter"] for p in config["plugins"] if "mkdocs-jupyter" in p)
    assert jupyter["execute"] is False


def test_a_notebooks_links_to_pages_become_site_links() -> None:
    from mkdocs.structure.files import File, Files

    files = Files(
        [File(p, "docs", "site", use_directory_urls=True) for p in ("api.md", "notebooks/n.md")]
    )

    class _Page:
        file = files.get_file_from_path("notebooks/n.md")

    html, missing = hooks.notebook_links(
        '<a href="../api.md#errors">a</a> <a href="../nope.md">b</a> <a href="https://x.org/y.md">c</a>',
        _Page(),
        files,
    )
    assert html == (
        '<a href="../../api/#errors">a</a> <a href="../nope.md">b</a> '
        '<a href="https://x.org/y.md">c</a>'
    )
    assert missing == ["../nope.md"]


def test_make_docs_builds_strict_and_shows_its_warnings() -> None:
    # `mkdocs build --quiet` hides warnings, and --strict then lets them pass.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (command,) = (line.strip() for line in makefile.splitlines() if "mkdocs build" in line)
    assert "--strict" in command.split()
    assert not {"--quiet", "-q"} & set(command.split())
    assert re.search(r"^test: .*\bdocs\b", makefile, flags=re.MULTILINE)
