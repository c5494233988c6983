"""A fast reader of plainly written HTML markup, for the report parser (private).

The standard library's :class:`html.parser.HTMLParser` spends most of a report's
parsing time on its own bookkeeping. Most published pages are written plainly:
tags with quoted or simple attribute values, text, comments, a doctype. For such a
page :func:`feed_plain` calls the handler's ``handle_starttag``, ``handle_endtag``
and ``handle_data`` exactly as ``HTMLParser(convert_charrefs=True)`` would
(adjacent data may come in other pieces), several times faster. At the first
construct it does not read with certainty it stops and returns ``False``: the
caller then reads the page with ``HTMLParser`` from a fresh start. What it refuses:

- a ``<`` that does not open a plain tag, end tag, comment or doctype;
- a tag with unusual attributes (no quotes and characters beyond ``[-\\w:.%#]``,
  ``&``, ``<`` or ``>`` inside quotes, whitespace other than ASCII);
- a comment containing ``--`` or ``<!--``, or starting with ``>`` or ``->``;
- raw-text elements (``script``, ``style``, ``title``, ``textarea`` …) written
  with ``/>`` or containing ``</`` or ``<!--`` before their end tag, and, but for
  ``script`` and ``style``, any ``<`` or ``&`` (their reading differs between
  Python versions); ``plaintext`` always.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Protocol

__all__ = ["feed_plain"]


class Handler(Protocol):
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...


_WS = "[ \\t\\n\\r\\f]"
_NAME = "[a-zA-Z][-.a-zA-Z0-9:_]*"
_ATTR_NAME = "[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_VALUE = "\"([^\"<>&]*)\"|'([^'<>&]*)'|([-a-zA-Z0-9_:.%#]+)(?![^ \\t\\n\\r\\f>])"
_ATTR = re.compile(f"{_WS}+({_ATTR_NAME})(?:{_WS}*={_WS}*(?:{_VALUE}))?")
_ANY_VALUE = "\"[^\"<>&]*\"|'[^'<>&]*'|[-a-zA-Z0-9_:.%#]+(?=[ \t\n\r\f>])"
_END = re.compile(f"</({_NAME}){_WS}*>")
# text up to the next "<", an end tag or a start tag: one match per piece of the page
_PIECE = re.compile(
    f"(?P<text>[^<]+)|</(?P<end>{_NAME}){_WS}*>|<(?P<start>{_NAME})"
    f"(?P<attrs>(?:{_WS}+{_ATTR_NAME}(?:{_WS}*={_WS}*(?:{_ANY_VALUE}))?)*){_WS}*(?P<close>/?)>"
)
_DOCTYPE = re.compile("<!doctype[^<>]*>", re.IGNORECASE)
# elements whose content is not markup (in some Python version or other)
_RAW = frozenset(
    {"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
_SKIPPED_RAW = frozenset({"script", "style"})  # content never read, however it is escaped


def feed_plain(html: str, handler: Handler) -> bool:
    """Give ``handler`` the events of ``html``; ``False`` (at once) when it is not plain."""
    start_tag = handler.handle_starttag
    end_tag = handler.handle_endtag
    data = handler.handle_data
    piece = _PIECE.match
    n = len(html)
    i = 0
    while i < n:
        m = piece(html, i)
        if m is None:  # a comment, a doctype, or not plain
            if html.startswith("<!--", i):
                k = html.find("-->", i + 4)
                if k < 0:
                    return False
                body = html[i + 4 : k]
                if "--" in body or "<!--" in body or body.startswith((">", "->")):
                    return False
                if body.endswith("-"):
                    return False
                i = k + 3
                continue
            m = _DOCTYPE.match(html, i)
            if m is None:
                return False
            i = m.end()
            continue
        i = m.end()
        text, end, tag, attributes, close = m.groups()
        if text is not None:
            data(unescape(text) if "&" in text else text)
        elif end is not None:
            end_tag(end.lower())
        else:
            tag = tag.lower()
            attrs: list[tuple[str, str | None]] = []
            if attributes:
                for a in _ATTR.finditer(attributes):
                    name, dq, sq, bare = a.groups()
                    value = dq if dq is not None else sq if sq is not None else bare
                    attrs.append((name.lower(), value))
            if tag == "plaintext":
                return False
            if close:  # <br/>: html.parser's handle_startendtag
                if tag in _RAW:
                    return False
                start_tag(tag, attrs)
                end_tag(tag)
                continue
            start_tag(tag, attrs)
            if tag in _RAW:
                k = html.find("</", i)
                if k < 0:
                    return False
                content = html[i:k]
                if "<!--" in content:
                    return False
                if tag not in _SKIPPED_RAW and ("<" in content or "&" in content):
                    return False
                m = _END.match(html, k)
                if m is None or m.group(1).lower() != tag:
                    return False
                if content:
                    data(content)
                end_tag(tag)
                i = m.end()
    return True
