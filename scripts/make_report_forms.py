"""Make the derived forms of corpus reports: PDF, DOCX, copied text, pdftotext output.

For each entry in :data:`ENTRIES`, reads ``tests/data/reports/corpus/<slug>/page.html``
and writes into ``tests/data/reports/forms/<slug>/``:

- ``report.pdf``: headless Chromium's print to PDF (no header or footer);
- ``report.docx``: LibreOffice Writer's import of the HTML, saved as Word 2007 XML;
- ``tab.txt``: what copying the page in a browser gives (Chromium's
  ``document.body.innerText``: table cells separated by tabs, rows by newlines);
- ``layout.txt``: ``pdftotext -layout report.pdf``;
- ``raw.txt``: ``pdftotext report.pdf`` (cells one per line).

Needs ``chromium``, ``soffice`` (libreoffice-writer-nogui) and ``pdftotext``
(poppler-utils) on the PATH, and CJK fonts (fonts-noto-cjk). Standard library only.
Usage: ``python scripts/make_report_forms.py [slug ...]`` (default: every entry).

The text forms are reproducible with the same tool versions; the PDF and DOCX carry
creation times, so their bytes change from run to run.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reports" / "corpus"
FORMS = ROOT / "tests" / "data" / "reports" / "forms"

ENTRIES: tuple[str, ...] = (
    "pingtan-2023",
    "pingtan-2024",
    "pingtan-2025",
    "pingtan-zrz-2019",
    "pingtan-zrz-2020",
    "pingtan-shs-2024",
    "pingtan-gwh-2020",
    "pingtan-scj-2024",
)

TOOLS = ("chromium", "soffice", "pdftotext")

# Run at the end of <body>: replaces the page by a <pre> holding its innerText.
_INNER_TEXT_SCRIPT = """<script>
(function () {
  var text = document.body.innerText;
  var pre = document.createElement("pre");
  pre.id = "inner-text";
  pre.textContent = text;
  document.body.innerHTML = "";
  document.body.appendChild(pre);
})();
</script>
"""

_PRE = re.compile(r'<pre id="inner-text">(.*?)</pre>', re.DOTALL)


def _run(args: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True, timeout=300)
    return done.stdout


def _chromium(*args: str, profile: Path) -> list[str]:
    return [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]


def make_pdf(page: Path, out: Path, work: Path) -> None:
    """``report.pdf``: Chromium's print to PDF without header and footer."""
    _run(
        _chromium(
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
            profile=work / "profile",
        )
    )


def make_docx(page: Path, out: Path, work: Path) -> None:
    """``report.docx``: LibreOffice Writer imports the HTML and saves it as DOCX."""
    target = work / "docx"
    target.mkdir(exist_ok=True)
    _run(
        [
            "soffice",
            f"-env:UserInstallation={(work / 'lo').as_uri()}",
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(target),
            str(page),
        ]
    )
    shutil.move(target / (page.stem + ".docx"), out)


def make_tab_text(page: Path, out: Path, work: Path) -> None:
    """``tab.txt``: the page's ``innerText``, as a browser's copy gives it."""
    source = page.read_text(encoding="utf-8")
    at = source.rfind("</body>")
    if at < 0:
        raise SystemExit(f"{page}: no </body>")
    copy = work / "inner-text.html"
    copy.write_text(source[:at] + _INNER_TEXT_SCRIPT + source[at:], encoding="utf-8")
    dom = _run(_chromium("--dump-dom", copy.as_uri(), profile=work / "profile"))
    found = _PRE.search(dom)
    if found is None:
        raise SystemExit(f"{page}: Chromium's DOM has no inner-text <pre>")
    out.write_text(html.unescape(found.group(1)), encoding="utf-8")


def make_pdftotext(pdf: Path, layout: Path, raw: Path) -> None:
    """``layout.txt`` and ``raw.txt`` from the PDF."""
    _run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(layout)])
    _run(["pdftotext", "-enc", "UTF-8", str(pdf), str(raw)])


def check(out: Path) -> None:
    """Fail when a form lost the tables' CJK text (e.g. missing fonts)."""
    for name in ("tab.txt", "layout.txt", "raw.txt"):
        text = (out / name).read_text(encoding="utf-8")
        if "本年新收政府信息公开申请数量" not in re.sub(r"\s+", "", text):
            raise SystemExit(f"{out / name}: table 三 heading not found; are CJK fonts installed?")


def make_forms(slug: str) -> None:
    """Every form of one corpus entry."""
    page = CORPUS / slug / "page.html"
    out = FORMS / slug
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="forms-") as tmp:
        work = Path(tmp)
        make_pdf(page, out / "report.pdf", work)
        make_docx(page, out / "report.docx", work)
        make_tab_text(page, out / "tab.txt", work)
    make_pdftotext(out / "report.pdf", out / "layout.txt", out / "raw.txt")
    check(out)


def main(argv: list[str]) -> int:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f"missing tools: {', '.join(missing)}", file=sys.stderr)
        return 2
    slugs = argv or list(ENTRIES)
    unknown = [s for s in slugs if not (CORPUS / s / "page.html").is_file()]
    if unknown:
        print(f"no page.html for: {', '.join(unknown)}", file=sys.stderr)
        return 2
    for slug in slugs:
        make_forms(slug)
        print(f"{slug}: {', '.join(sorted(p.name for p in (FORMS / slug).iterdir()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
