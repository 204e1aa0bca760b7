"""Loaders on real files and on every kind of bad input: each gets a one-line error naming the file."""

from __future__ import annotations

import io

import pytest
from conftest import LIBRARY, REAL_CORPUS
from docx import Document

from assistant.corpus.loaders import NO_TEXT_LAYER, LoadError, check, load, sniff

SCANNED = sorted((LIBRARY / "scanned-no-text").glob("*.pdf"))
MINUSTAH_PDF = LIBRARY / "un-sg-reports" / "MINUSTAH_S_2004_698.pdf"


def test_markdown_and_text_load_whole():
    doc = load(REAL_CORPUS / "documents" / "sg-report-unmit-s-2012-765.md")
    assert doc.format == "text" and "UNMIT" in doc.text and doc.pages[0].number is None


@pytest.mark.skipif(not MINUSTAH_PDF.exists(), reason="shared library not on this machine")
def test_pdf_keeps_page_numbers():
    doc = load(MINUSTAH_PDF)
    assert doc.format == "pdf"
    assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))
    assert len(doc.pages) > 3 and "Haiti" in doc.text


@pytest.mark.skipif(not SCANNED, reason="shared library not on this machine")
@pytest.mark.parametrize("path", SCANNED[:2], ids=lambda p: p.name)
def test_scanned_pdf_is_reported_not_indexed_empty(path):
    with pytest.raises(LoadError) as err:
        load(path, ocr=False)
    assert NO_TEXT_LAYER in str(err.value) and path.name in str(err.value)


@pytest.mark.skipif(not SCANNED, reason="shared library not on this machine")
def test_scanned_pdf_without_tesseract_names_the_install_line(monkeypatch):
    monkeypatch.setattr("assistant.corpus.ocr.available", lambda: False)
    with pytest.raises(LoadError) as err:
        load(SCANNED[0])
    assert NO_TEXT_LAYER in str(err.value) and "apt-get install -y tesseract-ocr tesseract-ocr-eng" in str(err.value)
    with pytest.raises(LoadError, match="apt-get install"):
        check(SCANNED[0])


def test_docx_paragraphs_and_tables(tmp_path):
    d = Document()
    d.add_heading("I. Integrated planning", level=1)
    d.add_paragraph("1. The mission and the country team share one strategy.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Result"
    table.cell(0, 1).text = "Indicator"
    path = tmp_path / "plan.docx"
    d.save(path)
    doc = load(path)
    assert doc.format == "docx"
    assert "share one strategy" in doc.text and "Indicator" in doc.text


def test_html_drops_scripts_and_keeps_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><script>alert('x')</script><style>p{}</style></head>"
                    "<body><h1>Integrated assessment</h1><p>The IAP policy applies.</p></body></html>")
    text = load(path).text
    assert "Integrated assessment" in text and "IAP policy" in text and "alert" not in text


def test_utf16_with_bom_decodes(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes("Coordination du système des Nations Unies".encode("utf-16"))
    assert "système" in load(path).text


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.md", b"", "empty file"),
        ("latin1.txt", "Coopération intégrée".encode("latin-1"), "not UTF-8"),
        ("renamed.pdf", b"just some text, not a pdf", "not a PDF"),
        ("corrupt.pdf", b"%PDF-1.4\n1 0 obj garbage \x00\x01 trailer", ""),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" * 50, "binary content"),
        ("fake.docx", b"<html>not a word file</html>", "not a Word .docx"),
        ("broken.docx", b"PK\x03\x04 truncated zip", ""),
        ("notes.rtf", b"{\\rtf1 hello}", "unsupported file type"),
        ("blank.txt", b"   \n\n  ", "no text"),
    ],
)
def test_bad_files_get_one_line_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(name + ":") and "\n" not in message
    assert reason in message


def test_oversized_file_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (2 * 1024 * 1024))
    with pytest.raises(LoadError, match="too large"):
        load(path, max_mb=1)


def test_sniff_reads_content_not_names():
    buf = io.BytesIO()
    Document().save(buf)
    assert sniff(buf.getvalue()) == "zip"
    assert sniff(b"%PDF-1.7 ...") == "pdf"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff("plain words".encode()) == "text"
