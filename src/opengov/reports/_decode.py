"""Decoding a report file's bytes to text (private).

The rules, in order (the first that applies decides):

1. A byte-order mark: UTF-8, UTF-16 LE/BE (UTF-32 too). The rest must decode.
2. UTF-16 without a mark: NUL bytes in most odd (LE) or most even (BE) positions, as
   ASCII characters (markup, digits, ``|``) leave them.
3. Bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever a page
   declares: a declaration saying otherwise is stale (the page was re-encoded, or the
   server's header, which browsers obey first, said UTF-8), and valid UTF-8 by
   accident does not happen in text of any length.
4. A declared charset (``<meta charset=...>``, ``<meta http-equiv="Content-Type"
   content="text/html; charset=gbk">``, ``<?xml ... encoding=...?>``) is honoured
   when Python knows it. GB2312 and GBK are read as GB18030, their superset, as
   browsers do. A Western single-byte charset (ISO-8859-1, windows-1252, ASCII)
   cannot hold a Chinese report and is ignored. If the declared charset does not
   decode the bytes, that is an error naming the charset and the offending bytes:
   nothing else is tried, so a wrong guess can never garble the text.
5. Undeclared: GB18030 when at least 90% of the non-ASCII characters it gives are
   in GB2312 (the 7,445 characters of everyday simplified Chinese); otherwise Big5
   (code page 950) when the bytes are valid Big5 and at least 90% of its characters
   are in Big5's frequent set (symbols and level-1 hanzi, lead bytes A1-C6); otherwise
   GB18030 if it decodes at all. Big5 text read as GB18030 falls outside GB2312 for
   every character with a trail byte below 0xA1 (about two in five), and GB2312 text
   read as Big5 lands in level 2 for leads C7-D7, so each rule tells the two apart.

Mojibake cannot turn into numbers: numbers are read only after a row's printed
label has been matched, and a label read in the wrong encoding matches nothing.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from opengov._show import show_path
from opengov.errors import ReportParseError

__all__ = ["Decoded", "codec_name", "declared_charset", "decode_report_bytes", "utf16_order"]

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# Where a declaration is looked for (browsers look at the first 1,024 bytes; pages
# exported from word processors put long <html> tags and styles first).
_DECLARATION_WINDOW = 64 << 10
_META = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)

# Labels read as another codec, as the WHATWG Encoding Standard maps them.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "gb_2312": "gb18030",
    "csgb2312": "gb18030",
    "chinese": "gb18030",
    "iso-ir-58": "gb18030",
    "cp936": "gb18030",
    "windows-936": "gb18030",
    "ms936": "gb18030",
    "euc-cn": "gb18030",
    "gb18030": "gb18030",
    "big5": "cp950",
    "cn-big5": "cp950",
    "x-x-big5": "cp950",
    "csbig5": "cp950",
    "cp950": "cp950",
    "windows-950": "cp950",
    "big5-hkscs": "big5hkscs",
    # A UTF-16 label in bytes that are not UTF-16 (the declaration itself was
    # readable as ASCII) means UTF-8.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
}
# Codecs that cannot hold Chinese text: a declaration of one is ignored.
_WESTERN = frozenset({"ascii", "latin_1", "iso8859_15", "cp1252", "cp1250", "cp1251"})

_SAMPLE = 100_000  # characters looked at to judge GB18030 against Big5
_PLAUSIBLE = 0.9
_BIG5_PAIR = re.compile(rb"[\x81-\xfe][\x40-\x7e\xa1-\xfe]")


_NAMES = {
    "utf-8": "UTF-8",
    "gb18030": "GB18030",
    "cp950": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
}


def codec_name(codec: str) -> str:
    """The usual name of a Python codec (``"cp950"`` is ``"Big5"``)."""
    return _NAMES.get(codec, codec)


class Decoded(NamedTuple):
    """Text decoded from a file, with the codec used and why it was chosen."""

    text: str
    encoding: str
    reason: str  # "byte-order mark", "UTF-16 pattern", "declared", "detected"


def utf16_order(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NUL bytes show UTF-16 without a mark.

    >>> utf16_order("一、本年新收 | 12 |".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_order("一、本年新收 | 12 |".encode("utf-8")) is None
    True
    """
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.05 * pairs and even * 4 <= odd:
        return "utf-16-le"
    if even >= 0.05 * pairs and odd * 4 <= even:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset label a page declares in a ``meta`` tag or XML declaration, if any.

    >>> declared_charset(b'<meta http-equiv=Content-Type content="text/html; charset=gb2312">')
    'gb2312'
    >>> declared_charset(b'<meta charset="UTF-8">')
    'utf-8'
    """
    head = data[:_DECLARATION_WINDOW]
    found = _XML.match(head) or _META.search(head)
    return found[1].decode("ascii").lower() if found else None


def _codec(label: str) -> str | None:
    """The Python codec for a declared label, or ``None`` to ignore the label."""
    alias = _ALIASES.get(label)
    if alias is not None:
        return alias
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _WESTERN or name.startswith(("iso8859", "cp125", "mac")):
        return None
    return name


def _where(data: bytes, exc: UnicodeDecodeError, offset: int = 0) -> str:
    start = exc.start + offset
    shown = data[start : start + 8].hex(" ")
    return f"byte offset {start}: {shown} ({exc.reason})"


def _strict(data: bytes, codec: str, name: str, why: str, offset: int = 0) -> str:
    try:
        return data[offset:].decode(codec)
    except UnicodeDecodeError as exc:
        raise ReportParseError(
            f"cannot decode report file {show_path(name)}: {why}, but the bytes at "
            f"{_where(data, exc, offset)} are not {codec_name(codec)}; save the file as UTF-8 "
            "(for example with iconv or a text editor) and read it again"
        ) from None


def _non_ascii(sample: str) -> int:
    return len(sample) - len(sample.encode("ascii", errors="ignore"))


def _gb_share(text: str) -> float:
    """Share of non-ASCII characters within GB2312 (everyday simplified Chinese)."""
    sample = text[:_SAMPLE]
    other = _non_ascii(sample)
    missing = sample.encode("gb2312", errors="replace").count(b"?") - sample.count("?")
    return 1.0 if other == 0 else (other - missing) / other


def _big5_share(text: str) -> float:
    """Share of non-ASCII characters in Big5's symbols and level-1 hanzi."""
    sample = text[:_SAMPLE]
    other = _non_ascii(sample)
    encoded = sample.encode("cp950", errors="replace")
    frequent = sum(1 for m in _BIG5_PAIR.finditer(encoded) if 0xA1 <= m[0][0] <= 0xC6)
    return 1.0 if other == 0 else frequent / other


def _attempt(data: bytes, codec: str) -> str | UnicodeDecodeError:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        return exc


def decode_report_bytes(data: bytes, name: str) -> Decoded:
    """Decode a report file's bytes by the rules of this module.

    >>> decode_report_bytes("一、本年新收".encode("gbk"), "r.txt")
    Decoded(text='一、本年新收', encoding='gb18030', reason='detected')
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            why = f"it starts with a {label} byte-order mark"
            return Decoded(_strict(data, codec, name, why, len(bom)), codec, "byte-order mark")
    order = utf16_order(data[:4096])
    if order is not None:
        why = f"its NUL bytes show {order.upper()} without a byte-order mark"
        return Decoded(_strict(data, order, name, why), order, "UTF-16 pattern")
    if data.isascii():
        return Decoded(data.decode("ascii"), "utf-8", "detected")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "detected")
    except UnicodeDecodeError as exc:
        not_utf8 = exc
    declared = declared_charset(data)
    use = None if declared is None else _codec(declared)
    if use is not None:
        why = f"it declares charset={declared}"
        return Decoded(_strict(data, use, name, why), use, "declared")
    gb = _attempt(data, "gb18030")
    if isinstance(gb, str) and _gb_share(gb) >= _PLAUSIBLE:
        return Decoded(gb, "gb18030", "detected")
    big5 = _attempt(data, "cp950")
    if isinstance(big5, str) and _big5_share(big5) >= _PLAUSIBLE:
        return Decoded(big5, "cp950", "detected")
    if isinstance(gb, str):
        return Decoded(gb, "gb18030", "detected")
    raise ReportParseError(
        f"cannot decode report file {show_path(name)}: it is neither UTF-8 (at "
        f"{_where(data, not_utf8)}) nor GB18030 (at {_where(data, gb)}) nor Big5; "
        "save the file as UTF-8 (for example with iconv or a text editor) and read it again"
    )
