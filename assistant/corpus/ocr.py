"""OCR for scanned PDF pages: Tesseract through pytesseract, on the page images the PDF holds.

Older UN documents are often page scans with no text layer. A scanned page is one
embedded image (a 300 dpi bilevel TIFF in the MIPONUH reports), so the image is taken
from the PDF as it is (pypdf) and read by Tesseract; no rasteriser, no rewritten PDF.
Measured against ocrmypdf (docs/evaluation.md, "OCR"): ocrmypdf adds a text layer by
rewriting the whole PDF and needs Ghostscript and qpdf besides Tesseract, for the same
Tesseract text; pytesseract reads only the pages asked for.

Tesseract is a Debian package (``INSTALL``); without it :func:`require` raises
:class:`OcrUnavailable`, whose message names the install line.

>>> available() in (True, False)
True
"""

from __future__ import annotations

import os
import re
import shutil

INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa"
TERMINAL = (".", ":", ";", "?", "!", "”", '"', ")")
MIN_LINE_CHARS = 40
NEW_PARAGRAPH = re.compile(r"^(\d{1,3}\.|[IVXL]{1,6}\.|[A-H]\.|\([a-z]{1,4}\)|[-•*])\s")


class OcrUnavailable(RuntimeError):
    """Tesseract (or pytesseract) is not installed."""


def available() -> bool:
    """Tesseract and its Python driver are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


def require() -> None:
    """Raise :class:`OcrUnavailable` (naming the install line) unless OCR can run."""
    if not available():
        raise OcrUnavailable(f"install Tesseract OCR to read it: {INSTALL}")


def ocr_page(page, languages: str = "eng") -> str:
    """Text of one scanned pypdf page: its largest image read by Tesseract, paragraphs reflowed."""
    import pytesseract

    require()
    # Tesseract's OpenMP threads thrash a small shared machine: one page took 46 s with them
    # and 9 s without on the 2-core test machine (docs/evaluation.md, "OCR").
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    images = list(page.images)
    if not images:
        return ""
    image = max((i.image for i in images), key=lambda im: im.size[0] * im.size[1])
    return reflow(pytesseract.image_to_string(image, lang=languages))


def reflow(text: str) -> str:
    """Remove the blank lines Tesseract puts inside paragraphs.

    A blank line is kept only where a paragraph can end: after terminal punctuation, after
    a short line (a heading), or before a numbered paragraph, list item or heading.

    >>> text = reflow("ratification of Mr. Denis was deemed inconclusive by the then President of the\\n\\n"
    ...               "Chamber, Mr. Kely Bastien. On 14 January\\n\\n5. The first vote")
    >>> [part[-57:] for part in text.split("\\n\\n")]
    ['President of the\\nChamber, Mr. Kely Bastien. On 14 January', '5. The first vote']
    """
    lines = text.replace("\f", "\n").split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        if line.strip() or not out or not out[-1].strip():
            out.append(line.rstrip())
            continue
        nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
        ends = out[-1].rstrip().endswith(TERMINAL) or len(out[-1].strip()) < MIN_LINE_CHARS
        if ends or NEW_PARAGRAPH.match(nxt.strip()):
            out.append("")
    return "\n".join(out).strip()
