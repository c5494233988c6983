"""The fast markup reader gives html.parser's events, or declines.

``feed_plain`` replaces ``HTMLParser`` for plainly written pages. For any markup it
either declines (and the page is read by ``HTMLParser``) or gives the very events
``HTMLParser(convert_charrefs=True)`` gives, adjacent data joined.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from opengov.reports import parse_html as parse_html_module
from opengov.reports import parse_report_html, parse_report_text, to_html
from opengov.reports._markup import feed_plain

Event = tuple[object, ...]


class _Events:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", f"{self.events[-1][1]}{data}")
        else:
            self.events.append(("data", data))


class _Reference(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen = _Events()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.seen.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.seen.handle_data(data)


def _reference(html: str) -> list[Event]:
    p = _Reference()
    p.feed(html)
    p.close()
    return [e for e in p.seen.events if e != ("data", "")]


def _fast(html: str) -> list[Event] | None:
    seen = _Events()
    return seen.events if feed_plain(html, seen) else None


PIECES = [
    # tags as pages write them, plainly or not
    *("<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</TH>", "<TD>"),
    *('<td rowspan="2">', "<td colspan=3>", "<td colspan='2' rowspan=\"3\">", "<td colspan=2/>"),
    *("<td\tcolspan=2 >", "<td colspan = 2>", "<td colspan=2 colspan=3>", "<td nowrap>"),
    *('<td a="x>y">', '<td a="&amp;">', "<td a=b/c>", '<td a="1"b="2">', "<td\xa0x=1>"),
    *("<p>", "</p>", "<br>", "<br/>", "<br />", "<div class=x>", "</div>", "<span>", "</span>"),
    *("<o:p>", "</o:p>", "<h1>", "</h1>", "<b>", "</b>", "</td foo>", "</ td>", "</>"),
    *("<script>", "</script>", "<SCRIPT>", "<style>", "</style>", "<script/>", "<title>"),
    *("</title>", "<textarea>", "</textarea>", "<xmp>", "</xmp>", "<plaintext>", "<noscript>"),
    *("<!-- c -->", "<!---->", "<!-->", "<!--->", "<!-- a -- b -->", "<!-- x --->", "<!--"),
    *("-->", "--!>", "<!DOCTYPE html>", "<!doctype>", "<![CDATA[x]]>", "<?xml?>", "<!x>"),
    # text
    *("0", "12", "数字", "一、本年新收", " ", "\n", "\t", "\u3000", "&amp;", "&nbsp;", "&#12;"),
    *("&#x41;", "&lt;", "&amp", "&", "&#", "<", ">", "1<2", "a < b", "</", "<!", "'", '"', "="),
    *("/", "-", "--", "a", "A"),
]

# pieces read by the fast path on their own: documents of these alone are mostly
# read plainly, so that the comparison is made, not declined
PLAIN = [p for p in PIECES if _fast(f"<p>{p}</p>") is not None]
documents = st.one_of(
    st.lists(st.sampled_from(PLAIN), max_size=40),
    st.lists(st.sampled_from(PIECES), max_size=30),
).map("".join)


@settings(max_examples=500)
@given(documents)
@example('<table><tr><td colspan="2">1</td></tr></table>')
@example("<p>a &amp; b</p><script>if (a<b) {}</script>x")
@example("<td colspan=2/>")
def test_plain_markup_gives_html_parsers_events(html: str) -> None:
    fast = _fast(html)
    if fast is not None:
        assert fast == _reference(html)


_DATA = Path(__file__).parent.parent / "data" / "reports"
_SEED = Path(__file__).parent.parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"


def _pages() -> list[tuple[str, str]]:
    pages = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(_DATA.glob("*.html"))]
    for p in [*sorted(_DATA.glob("*.txt")), _SEED]:
        pages.append((f"to_html({p.name})", to_html(parse_report_text(p.read_text("utf-8")))))
    return pages


@pytest.mark.parametrize(("name", "html"), _pages(), ids=[n for n, _ in _pages()])
def test_report_pages_give_the_same_events_and_report(
    name: str, html: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _fast(html)
    if name.startswith("to_html"):  # opengov's own pages are plain
        assert fast is not None, f"{name} is not read by the fast path"
    if fast is not None:  # Word's pages are not: read by html.parser alone
        assert fast == _reference(html)
    report = parse_report_html(html)
    monkeypatch.setattr(parse_html_module, "feed_plain", lambda html, handler: False)
    assert parse_report_html(html).model_dump() == report.model_dump()
