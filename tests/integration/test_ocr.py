"""A scanned UN report (no text layer) read by Tesseract, indexed and found, with OCR locators.

Tesseract comes from Debian (scripts/ensure-tesseract installs it when missing, like the
browser for the browser tests); with CI=true a missing engine is a failure, not a skip.
OCR costs about 10 s a page on 2 cores, so the test reads three pages of MIPONUH's
S/1998/144 (copied into a new PDF), enough for ten numbered paragraphs.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import LIBRARY
from pypdf import PdfReader, PdfWriter

from assistant.corpus import ocr
from assistant.index.ingest import ingest
from assistant.index.library import document_quality
from assistant.index.retrieve import Retriever
from assistant.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration
SCANNED = LIBRARY / "scanned-no-text" / "MIPONUH_S_1998_144.pdf"


def _tesseract() -> None:
    if not ocr.available():
        subprocess.run([str(PROJECT_ROOT / "scripts" / "ensure-tesseract")], check=False)
    if ocr.available():
        return
    reason = f"Tesseract is not installed and could not be installed (scripts/ensure-tesseract: {ocr.INSTALL})"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.mark.skipif(not SCANNED.exists(), reason="shared library not on this machine")
def test_scanned_report_is_read_located_and_searchable(make_settings):
    _tesseract()
    settings = make_settings()
    pdf = settings.corpus_dir / "documents" / "MIPONUH_S_1998_144.pdf"
    writer = PdfWriter()
    for page in PdfReader(SCANNED).pages[1:4]:
        writer.add_page(page)
    writer.write(pdf)

    retriever = Retriever.open(settings)
    report = ingest(settings=settings, store=retriever.store)
    assert not report.failed, report.failed
    retriever.refresh(force=True)

    records = retriever.records
    assert all(r.meta.ocr for r in records)
    numbered = {r.meta.para_start for r in records if r.meta.para_start}
    assert set(range(5, 18)) <= numbered  # UN paragraph numbers found in the scanned text
    hits = retriever.search("ratification of Mr. Denis was deemed inconclusive by the President of the Chamber", k=3)
    top = hits[0]
    assert top.doc_id == "miponuh-s-1998-144" and top.locator == "para. 5 (p. 1) (OCR)"
    assert top.label == "S/1998/144, para. 5 (p. 1) (OCR)"
    assert "The first vote in the Chamber of Deputies, on 23 December 1997" in top.text
    assert "English" not in top.text and "Page 2" not in top.text  # scanned page heads dropped
    headings = {r.meta.heading for r in records}
    assert "IV. Haitian National Police" in headings  # a heading set in capitals, in title case
    quality = document_quality(retriever)
    assert quality[0].ocr_pages == 3 and quality[0].split_words == 0
