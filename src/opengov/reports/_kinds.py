"""What kind of file a report file is, by its content (private).

The first bytes decide, never the file's extension (a download's name often says
nothing): ``%PDF-`` is a PDF; a ZIP archive holding ``word/document.xml``, or whose
``[Content_Types].xml`` declares a Word main document, is a Word document (DOCX).
Kinds that cannot be read are refused with what to do instead: a legacy Word or WPS
file (OLE2 compound file), other ZIP packages (OFD, ODF, spreadsheets), images and
other binary files. Anything else is text (HTML or a text dump), decoded later.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from opengov._show import show_path
from opengov.errors import ReportParseError
from opengov.reports._decode import utf16_order

__all__ = ["FileKind", "file_kind"]

FileKind = Literal["pdf", "docx", "text"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_ARCHIVES = (
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
)
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_CONVERT = "soffice --headless --convert-to docx FILE"


def _refuse(name: str, what: str, advice: str) -> ReportParseError:
    return ReportParseError(f"cannot read report file {show_path(name)}: it is {what}; {advice}")


_WORD_MAIN = "wordprocessingml.document.main+xml"


def _small_member(archive: zipfile.ZipFile, names: set[str], member: str) -> str:
    """A small member's text ("" if absent or over 1 MiB)."""
    if member not in names or archive.getinfo(member).file_size > 1 << 20:
        return ""
    return archive.read(member).decode("utf-8", "replace")


def _zip_kind(data: bytes, name: str) -> FileKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = _small_member(archive, names, "mimetype")
            types = _small_member(archive, names, "[Content_Types].xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _refuse(name, f"a damaged ZIP archive ({exc})", "download the report again") from None
    except NotImplementedError as exc:  # a compression method zipfile lacks
        raise _refuse(name, f"a ZIP archive that cannot be opened ({exc})", "resave it") from None
    if "word/document.xml" in names or _WORD_MAIN in types:
        return "docx"
    if "OFD.xml" in names:
        raise _refuse(
            name,
            "an OFD document (版式文档)",
            "export it as PDF with an OFD reader, or use the agency's HTML page",
        )
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        raise _refuse(name, "an OpenDocument text (.odt)", f"convert it to .docx: {_CONVERT}")
    if "xl/workbook.xml" in names or mimetype.startswith("application/vnd.oasis"):
        raise _refuse(
            name,
            "a spreadsheet",
            "give the report itself: its HTML page, a text dump, PDF or Word file",
        )
    raise _refuse(
        name,
        "a ZIP archive but not a Word document (no word/document.xml)",
        "unpack it and give the report's own file",
    )


def file_kind(data: bytes, name: str) -> FileKind:
    """``"pdf"``, ``"docx"`` or ``"text"``; a file of any other kind is refused.

    >>> file_kind(b"%PDF-1.7 ...", "r")
    'pdf'
    >>> file_kind(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1" + bytes(504), "r.doc")
    Traceback (most recent call last):
    opengov.errors.ReportParseError: cannot read report file 'r.doc': it is a legacy Word or WPS file (.doc, .wps; an OLE2 compound file); convert it to .docx or PDF, e.g. soffice --headless --convert-to docx FILE
    """
    head = data[:1024]
    if b"%PDF-" in head:  # a PDF may have up to 1 KiB of junk before its header
        return "pdf"
    if data.startswith(_ZIP):
        return _zip_kind(data, name)
    if data.startswith(_OLE2):
        raise _refuse(
            name,
            "a legacy Word or WPS file (.doc, .wps; an OLE2 compound file)",
            f"convert it to .docx or PDF, e.g. {_CONVERT}",
        )
    if head.lstrip().startswith(b"{\\rtf"):
        raise _refuse(name, "an RTF document", f"convert it to .docx or PDF, e.g. {_CONVERT}")
    for magic, what in _IMAGES:
        if data.startswith(magic):
            raise _refuse(
                name,
                f"{what} (a scan)",
                "OCR is out of scope: use the agency's HTML page or an OCR tool first",
            )
    for magic, what in _ARCHIVES:
        if data.startswith(magic):
            raise _refuse(name, what, "unpack it and give the report's own file")
    if b"\x00" in head and not data.startswith(_UNICODE_BOMS) and utf16_order(data[:4096]) is None:
        raise _refuse(
            name,
            "a binary file (it holds NUL bytes), not HTML, text, PDF or a Word document",
            "give the report's HTML page, a text dump, PDF or .docx file",
        )
    return "text"
