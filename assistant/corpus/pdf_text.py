"""Text of PDF pages with PDFium (pypdfium2): about ten times faster than pypdf, with paragraph gaps kept.

PDFium's own text order is good and it does not break words apart as pypdf sometimes
does ("inte rnational"), but it joins lines with single line breaks only. The chunker
finds headings and numbered paragraphs by blank lines, so a blank line is put back
wherever the vertical gap between two lines is larger than half a line: without it,
an annex's headings ran into the last numbered paragraph and were cited as part of it.
Measured against pypdf on the 318-report library by scripts/pdf_compare.py (see
docs/benchmarks.md).

>>> pages = pdf_pages(Path("report.pdf").read_bytes())      # doctest: +SKIP
>>> pages[0][:40]                                            # doctest: +SKIP
'United Nations S/2012/818\\n\\nSecurity Council'
"""

from __future__ import annotations

GAP_LINES = 0.5  # a vertical gap above this share of the line height starts a new block
BOX_CHARS = 3  # letters whose boxes place a line (enough: a line is set in one size)
SOFT_HYPHENS = {0x02: "-", 0xAD: "-", 0xFFFE: "-"}  # PDFium marks a hyphen at a line end with 0x02


class PdfTextError(Exception):
    """The file could not be opened as a PDF (damaged, not a PDF, or encrypted)."""


def pdf_pages(data: bytes, password: str | None = None) -> list[str]:
    """One string per page, lines joined by newlines, blocks separated by a blank line."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as err:
        raise PdfTextError(str(err)) from err
    try:
        return [_page_text(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()


def _page_text(page) -> str:
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        lines = _lines(textpage, raw)
    finally:
        textpage.close()
        page.close()
    out: list[str] = []
    previous_bottom = None
    for text, top, bottom in lines:
        if previous_bottom is not None and out and previous_bottom - top > GAP_LINES * max(top - bottom, 1.0):
            out.append("")
        out.append(text)
        previous_bottom = bottom
    return "\n".join(out).strip()


def _lines(textpage, raw) -> list[tuple[str, float, float]]:
    """(text, top, bottom) of each line in PDFium's reading order, the box from the loose box of the line's first letters."""
    count = textpage.count_chars()
    text = textpage.get_text_range()
    if len(text) != count:  # PDFium left out or added characters: index them one by one instead
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    rect = raw.FS_RECTF()
    lines: list[tuple[str, float, float]] = []
    offset = 0
    for line in text.split("\n"):
        first = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        line = line.replace("\r", "").rstrip()
        if not line.strip():
            continue
        top, bottom = float("-inf"), float("inf")
        for i in range(first, min(first + BOX_CHARS, offset - 1)):
            if not text[i].isspace() and raw.FPDFText_GetLooseCharBox(textpage, i, rect):
                top, bottom = max(top, rect.top), min(bottom, rect.bottom)
        if top != float("-inf"):
            lines.append((line.translate(SOFT_HYPHENS), top, bottom))
    return lines
