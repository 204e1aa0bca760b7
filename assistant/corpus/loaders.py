"""Read a document file into text pages, or fail with one clear line naming the file.

Supported: Markdown and plain text (UTF-8), PDF (text layer, page numbers kept),
Word (.docx) and HTML. Everything that can go wrong with a user's file — empty,
oversized, renamed binary, wrong encoding, corrupt, encrypted, scanned without a text
layer — raises :class:`LoadError`, whose message is meant to be shown as is.

>>> from pathlib import Path; import tempfile
>>> p = Path(tempfile.mkdtemp()) / "note.txt"; _ = p.write_text("1. Hello.")
>>> load(p).pages[0].text
'1. Hello.'
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class LoadedDocument:
    path: Path
    format: str
    pages: list[Page]

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)


def sniff(data: bytes) -> str:
    """The format a file's first bytes show, whatever its name says."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    lowered = head[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def load(path: Path | str, max_mb: float = 50.0) -> LoadedDocument:
    """Load one file; raises LoadError with a clear reason if it cannot be used."""
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
        return LoadedDocument(path, "pdf", _pdf_pages(path, data))
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


def _pdf_pages(path: Path, data: bytes) -> list[Page]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as err:
                raise LoadError(path, "encrypted PDF; remove the password and try again") from err
        pages = [Page(page.extract_text() or "", i + 1) for i, page in enumerate(reader.pages)]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as err:
        raise LoadError(path, f"corrupt PDF ({type(err).__name__}: {str(err)[:120]})") from err
    if not pages:
        raise LoadError(path, "PDF has no pages")
    chars = sum(len(p.text.strip()) for p in pages)
    if chars < MIN_PDF_CHARS_PER_PAGE * len(pages) / 4:
        raise LoadError(path, NO_TEXT_LAYER)
    return pages


def _docx_text(path: Path, data: bytes) -> str:
    """Paragraphs and tables in reading order; headings become their own lines."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise LoadError(path, f"corrupt or unreadable .docx ({type(err).__name__})") from err
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            for row in item.rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    blocks.append(" | ".join(dict.fromkeys(cells)))
        elif item.text.strip():
            blocks.append(item.text.strip())
    text = "\n\n".join(blocks)
    if not text.strip():
        raise LoadError(path, "no text in the .docx")
    return text


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
