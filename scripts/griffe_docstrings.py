"""A griffe extension for the API reference (mkdocs.yml, mkdocstrings ``extensions``).

opengov's docstrings are written for ``help()`` and doctest: examples are bare
``>>>`` lines and cross-references are Sphinx roles (``:class:`Deadline```). In
Markdown a ``>>>`` line is a nested block quote and ``[...]`` in its output a link,
so before the docstrings are rendered this extension

- fences every doctest (a ``>>>`` line and the lines up to the next blank one) as a
  ``pycon`` code block, and
- writes a Sphinx role as the code span it names (``:meth:`Deadline.explain```
  becomes ```Deadline.explain```).

The docstrings themselves stay as they are; doctests still run from them.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj|const):`~?([^`]+)`")


def markdown_docstring(text: str) -> str:
    """The docstring text with doctests fenced and Sphinx roles as code spans."""
    out: list[str] = []
    fence: str | None = None  # the indentation of the open doctest fence
    in_code = False  # inside a fenced block the docstring wrote itself
    for line in text.splitlines():
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if fence is not None:
            if stripped:
                out.append(line)
                continue
            out.append(f"{fence}```")
            fence = None
        if stripped.startswith("```"):
            in_code = not in_code
        elif not in_code and stripped.startswith(">>>"):
            fence = indent
            out.append(f"{indent}```pycon")
            out.append(line)
            continue
        out.append(line if in_code else _ROLE.sub(r"`\1`", line))
    if fence is not None:
        out.append(f"{fence}```")
    return "\n".join(out)


class MarkdownDocstrings(griffe.Extension):
    """Rewrite every docstring with :func:`markdown_docstring` once it is loaded."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)
