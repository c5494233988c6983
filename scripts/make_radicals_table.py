"""Write src/opengov/reports/_radicals.py from Unicode's EquivalentUnifiedIdeograph.txt.

Some PDF writers map a glyph that a CJK radical and an ideograph share to the
radical's code point (⺠ U+2EA0 for 民), so text extracted from the PDF spells
ordinary words with radicals. The table maps each radical of the CJK Radicals
Supplement and Kangxi Radicals blocks (U+2E80-U+2FDF) to the unified ideograph
Unicode names as its equivalent.

    python scripts/make_radicals_table.py /usr/share/unicode/EquivalentUnifiedIdeograph.txt

(Debian's unicode-data package installs the file there.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).parent.parent / "src" / "opengov" / "reports" / "_radicals.py"


def main(source: str) -> None:
    text = Path(source).read_text(encoding="utf-8")
    version = re.search(r"EquivalentUnifiedIdeograph-([\d.]+)\.txt", text)
    pairs: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        points, target = (part.strip() for part in line.split(";"))
        first, _, last = points.partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            if 0x2E80 <= code <= 0x2FDF:
                pairs.append(chr(code) + chr(int(target, 16)))
    lines = [
        '"""CJK radicals and their equivalent unified ideographs (private, generated).',
        "",
        f"From Unicode {version[1] if version else '?'} EquivalentUnifiedIdeograph.txt",
        "(Unicode data files, Unicode License) by scripts/make_radicals_table.py: U+2E80-U+2FDF only.",
        '"""',
        "",
        "# radical, ideograph, radical, ideograph, ...",
        "PAIRS = (",
    ]
    for i in range(0, len(pairs), 20):
        lines.append(f'    "{"".join(pairs[i : i + 20])}"')
    lines += [
        ")",
        "",
        "RADICALS = {ord(PAIRS[i]): PAIRS[i + 1] for i in range(0, len(PAIRS), 2)}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
