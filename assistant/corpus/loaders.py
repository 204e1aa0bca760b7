"""Read a document file into text pages, or fail with one clear line naming the file.

Supported: Markdown and plain text (UTF-8), PDF (text layer, page numbers kept),
Word (.docx) and HTML; a scanned PDF is read by OCR when Tesseract is installed
(:mod:`assistant.corpus.ocr`), its pages marked ``ocr``. Everything that can go wrong with a user's file — empty,
oversized, renamed binary, wrong encoding, corrupt, encrypted, scanned without a text
layer — raises :class:`LoadError`, whose message is meant to be shown as is.

>>> from pathlib import Path; import tempfile
>>> p = Path(tempfile.mkdtemp()) / "note.txt"; _ = p.write_text("1. Hello.")
>>> load(p).pages[0].text
'1. Hello.'
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from assistant.corpus.limits import LimitError, check_archive
from assistant.errors import LoadError

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES

NO_TEXT_LAYER = "no text layer — OCR needed"
MIN_PDF_CHARS_PER_PAGE = 20


@dataclass(frozen=True)
class Page:
    """Text of one page (PDF) or of the whole file (other formats, ``number`` None)."""

    text: str
    number: int | None = None
    ocr: bool = False


@dataclass(frozen=True)
class LoadedDocument:
    """A file read into text pages, with the format it was read as."""
    path: Path
    format: str
    pages: list[Page]

    @property
    def text(self) -> str:
        """All pages joined, blank line between pages."""
        return "\n\n".join(p.text for p in self.pages)


def sniff(data: bytes) -> str:
    """The format a file's first bytes show, whatever its name says."""
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    lowered = head[:200].lower()
    # A page begins with its doctype or <html> (perhaps after an XML declaration or a comment);
    # Markdown that merely mentions `<html` near its top is still text.
    if lowered.startswith((b"<!doctype html", b"<html")) or (lowered.startswith((b"<?xml", b"<!--")) and b"<html" in lowered):
        return "html"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def load(path: Path | str, max_mb: float = 50.0, ocr: bool = True, ocr_languages: str = "eng") -> LoadedDocument:
    """Load one file; raises LoadError with a clear reason if it cannot be used.

    A PDF without a text layer is read by OCR when ``ocr`` is set and Tesseract is
    installed; otherwise it is refused (naming the install line when Tesseract is missing).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(path, f"unsupported file type '{suffix or 'none'}' (use .md, .txt, .pdf, .docx or .html)")
    try:
        size = path.stat().st_size
    except OSError as err:
        raise LoadError(path, f"cannot be read ({err.strerror or err})") from err
    if size == 0:
        raise LoadError(path, "empty file")
    if size > max_mb * 1024 * 1024:
        raise LoadError(path, f"file too large ({size / 1048576:.1f} MB; the limit is {max_mb:g} MB)")
    data = path.read_bytes()
    kind = sniff(data)
    if suffix in PDF_SUFFIXES:
        if kind != "pdf":
            raise LoadError(path, f"not a PDF (its content looks like {kind}); the file may be renamed or damaged")
        return LoadedDocument(path, "pdf", _pdf_pages(path, data, ocr, ocr_languages))
    if suffix in DOCX_SUFFIXES:
        if kind != "zip":
            raise LoadError(path, f"not a Word .docx file (its content looks like {kind})")
        return LoadedDocument(path, "docx", [Page(_docx_text(path, data))])
    if kind in ("pdf", "zip", "binary"):
        raise LoadError(path, f"binary content ({kind}) in a {suffix} file; the file may be renamed")
    text = _decode(path, data)
    if suffix in HTML_SUFFIXES:
        text = _html_text(text)
    if not text.strip():
        raise LoadError(path, "no text in the file")
    return LoadedDocument(path, "html" if suffix in HTML_SUFFIXES else "text", [Page(text)])


def check(path: Path | str, max_mb: float = 50.0) -> None:
    """Everything :func:`load` checks, without running OCR: a scan passes when Tesseract can read it."""
    from assistant.corpus import ocr

    try:
        load(path, max_mb=max_mb, ocr=False)
    except LoadError as err:
        if err.reason != NO_TEXT_LAYER:
            raise
        if not ocr.available():
            raise LoadError(path, f"{NO_TEXT_LAYER}; install Tesseract OCR to read it: {ocr.INSTALL}") from err


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused, never guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(
            path, f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); re-save it as UTF-8"
        ) from err


def _pdf_pages(path: Path, data: bytes, ocr: bool = True, ocr_languages: str = "eng") -> list[Page]:
    """Pages through PDFium (see pdf_text.py: about ten times faster than pypdf, same citations on the library)."""
    from assistant.corpus.pdf_text import PdfTextError, pdf_pages

    try:
        pages = [Page(text, i + 1) for i, text in enumerate(pdf_pages(data))]
    except PdfTextError as err:  # PDFium opens owner-password-only PDFs as they are; a password to open is refused
        if "password" in str(err).lower():
            raise LoadError(path, "encrypted PDF: it needs a password to open; remove it and try again") from err
        raise LoadError(path, f"corrupt PDF ({str(err)[:120]})") from err
    if not pages:
        raise LoadError(path, "PDF has no pages")
    chars = sum(len(p.text.strip()) for p in pages)
    if chars < MIN_PDF_CHARS_PER_PAGE * len(pages) / 4:
        return _ocr_pages(path, data, ocr_languages) if ocr else _refuse_scan(path)
    return pages


def _refuse_scan(path: Path) -> list[Page]:
    raise LoadError(path, NO_TEXT_LAYER)


def _ocr_pages(path: Path, data: bytes, languages: str) -> list[Page]:
    """Every page of a scanned PDF read by Tesseract and marked as OCR text (page images through pypdf)."""
    from pypdf import PdfReader

    from assistant.corpus import ocr

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [Page(ocr.ocr_page(page, languages), i + 1, ocr=True) for i, page in enumerate(reader.pages)]
    except ocr.OcrUnavailable as err:
        raise LoadError(path, f"{NO_TEXT_LAYER}; {err}") from err
    except Exception as err:  # Tesseract failures (bad image, missing language pack) are the file's problem to report
        raise LoadError(path, f"OCR failed ({type(err).__name__}: {str(err)[:120]})") from err
    if not any(p.text.strip() for p in pages):
        raise LoadError(path, f"{NO_TEXT_LAYER}; OCR found no text on its pages")
    return pages


def _docx_text(path: Path, data: bytes) -> str:
    """Paragraphs and tables in reading order; Word headings become Markdown headings.

    A 'Title' paragraph becomes '# ' (the document title, not a section) and 'Heading N'
    becomes N+1 '#', so the parser locates passages by heading instead of quoting the
    heading as a sentence.
    """
    document = _open_docx(path, data)
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            for row in item.rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    blocks.append(" | ".join(dict.fromkeys(cells)))
        elif item.text.strip():
            blocks.append(_heading_prefix(item) + item.text.strip())
    text = "\n\n".join(blocks)
    if not text.strip():
        raise LoadError(path, "no text in the .docx")
    return text


def _open_docx(path: Path, data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        check_archive(path, data)
    except LimitError as err:
        raise LoadError(path, str(err)) from err
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise LoadError(path, f"corrupt or unreadable .docx ({type(err).__name__})") from err


def _heading_prefix(paragraph) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        return "# "
    level = re.match(r"Heading (\d)$", style)
    return "#" * (min(int(level.group(1)), 5) + 1) + " " if level else ""


def document_title(path: Path | str) -> str:
    """The title a file declares, where its format has one: a .docx's core title, else its first heading."""
    path = Path(path)
    if path.suffix.lower() not in DOCX_SUFFIXES:
        return ""
    try:
        document = _open_docx(path, path.read_bytes())
    except (LoadError, OSError):
        return ""
    title = (document.core_properties.title or "").strip()
    if title:
        return title
    first = next((p for p in document.paragraphs if p.text.strip() and _heading_prefix(p)), None)
    return first.text.strip() if first is not None else ""


def _html_text(html: str) -> str:
    """Visible text of an HTML page, one block per line; scripts, styles and navigation dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript", "template"]):
        tag.decompose()
    blocks = []
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "pre", "blockquote"]):
        if el.find(["p", "li", "td"]):
            continue
        text = " ".join(el.get_text(" ").split())
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [" ".join(soup.get_text(" ").split())]
    return "\n\n".join(blocks)
