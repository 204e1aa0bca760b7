"""Headings and locators: Word files titled and located by heading and paragraph, PDFs keep pages."""

from __future__ import annotations

import re

import pytest
from conftest import LIBRARY, REAL_CORPUS
from docx import Document

from assistant.corpus.chunking import chunk_pages
from assistant.corpus.loaders import document_title, load
from assistant.corpus.manifest import Manifest, describe

S_2019_805_PDF = LIBRARY / "un-sg-reports" / "MINUJUSTH_S_2019_805.pdf"


def _real_docx(path, title: str = "") -> None:
    """A Word file made from the text of S/2017/840: Word headings, numbered UN paragraphs."""
    source = (REAL_CORPUS / "documents" / "sg-report-minustah-s-2017-840.md").read_text()
    paragraphs = [p.strip() for p in source.split("\n\n") if re.match(r"^\d{1,2}\. ", p.strip())][:14]
    document = Document()
    document.core_properties.title = title
    document.add_heading("United Nations Stabilization Mission in Haiti: Report of the Secretary-General", level=0)
    document.add_heading("I. Introduction", level=1)
    for p in paragraphs[:3]:
        document.add_paragraph(p)
    document.add_heading("II. Developments on the ground", level=1)
    document.add_heading("A. Political situation", level=2)
    for p in paragraphs[3:]:
        document.add_paragraph(p)
    document.save(path)


def test_docx_title_from_core_properties_else_first_heading(tmp_path):
    titled, untitled = tmp_path / "upload-1.docx", tmp_path / "minustah_draft.docx"
    _real_docx(titled, title="MINUSTAH report S/2017/840")
    _real_docx(untitled)
    assert document_title(titled) == "MINUSTAH report S/2017/840"
    assert document_title(untitled) == "United Nations Stabilization Mission in Haiti: Report of the Secretary-General"
    assert describe(titled, Manifest(), "upload").title.startswith("MINUSTAH report S/2017/840")


def test_docx_locators_by_heading_and_paragraph(tmp_path):
    path = tmp_path / "report.docx"
    _real_docx(path)
    doc = load(path)
    chunks = chunk_pages("report", [(p.text, p.number) for p in doc.pages])
    first = chunks[0]
    assert first.locator == "para. 1" and first.heading == "I. Introduction"
    later = next(c for c in chunks if c.para_start == 5)
    assert later.heading == "II. Developments on the ground › A. Political situation"
    assert later.locator.startswith("para")
    assert not any(c.text.startswith(("United Nations Stabilization", "I. Introduction", "A. Political")) for c in chunks)


@pytest.mark.skipif(not S_2019_805_PDF.exists(), reason="shared library not on this machine")
def test_pdf_keeps_pages_drops_furniture_and_repairs_spaced_hyphens():
    doc = load(S_2019_805_PDF)
    chunks = chunk_pages("s-2019-805", [(p.text, p.number) for p in doc.pages])
    text = "\n".join(c.text for c in chunks)
    assert next(c for c in chunks if c.para_start == 3).locator == "para. 3 (pp. 1–2)"
    assert "Port -au-" not in text and "Port-au-Prince" in text and "well-established" in text
    assert not re.search(r"\b19-16958\b|\b\d{1,2}/33\b", text)  # job number, 'page of pages'
    assert not any("S/2019/805" in c.heading for c in chunks)


def test_running_heads_in_capitals_become_title_case():
    doc = load(REAL_CORPUS / "documents" / "ipi-driving-the-system-apart-2013.txt")
    chunks = chunk_pages("ipi", [(p.text, p.number) for p in doc.pages])
    headings = {c.heading for c in chunks}
    assert "Integrated Strategic Planning: From Headquarters to Field Missions" in headings
    assert "DPKO Leads Integration Within the UN Secretariat" in headings
    assert not any(h.isupper() and len(h) > 20 for h in headings if "BOUTELLIS" not in h)
