"""PDFium page text on real UN reports: the citations a reader checks (paragraph numbers, pages) are as good as pypdf's."""

from __future__ import annotations

import io
import re

import pytest
from conftest import LIBRARY

from assistant.corpus.chunking import chunk_pages
from assistant.corpus.pdf_text import PdfTextError, pdf_pages

REPORTS = LIBRARY / "un-sg-reports"
# Chosen for variety: an annex after the numbered paragraphs, a 1990s typewriter layout, a 2010s layout.
SAMPLE = ["UNMIK_S_2012_818.pdf", "MINUGUA_S_1997_432.pdf", "MINUSTAH_S_2013_493.pdf", "UNMIT_S_2010_522.pdf"]
pytestmark = pytest.mark.skipif(not REPORTS.exists(), reason="shared library not on this machine")


def pypdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def citations(doc_id: str, pages: list[str]) -> dict[int, tuple[int, int]]:
    """Paragraph number -> page range of the chunk that cites it first."""
    out: dict[int, tuple[int, int]] = {}
    for c in chunk_pages(doc_id, [(t, i + 1) for i, t in enumerate(pages)]):
        if c.para_start is not None:
            for n in range(c.para_start, (c.para_end or c.para_start) + 1):
                out.setdefault(n, (c.page_start, c.page_end or c.page_start))
    return out


def start_page(pages: list[str], n: int) -> int | None:
    found = [i + 1 for i, t in enumerate(pages) if re.search(rf"(?m)^\s*{n}\.\s", t)]
    return found[0] if len(found) == 1 else None


@pytest.mark.parametrize("name", SAMPLE)
def test_paragraph_citations_are_no_worse_than_pypdf(name):
    data = (REPORTS / name).read_bytes()
    new, old = pdf_pages(data), pypdf_pages(data)
    assert len(new) == len(old)
    cited_new, cited_old = citations(name, new), citations(name, old)
    assert set(cited_new) >= set(cited_old)  # every paragraph number pypdf's text gave is still found
    right = {"new": 0, "old": 0}
    for n in cited_old:
        page = start_page(old, n)
        if page is None or page != start_page(new, n):
            continue
        right["new"] += cited_new[n][0] <= page <= cited_new[n][1]
        right["old"] += cited_old[n][0] <= page <= cited_old[n][1]
    assert right["new"] >= right["old"] > 0


def test_blocks_are_separated_so_an_annex_is_not_cited_as_the_last_paragraph():
    pages = pdf_pages((REPORTS / "UNMIK_S_2012_818.pdf").read_bytes())
    chunks = chunk_pages("unmik", [(t, i + 1) for i, t in enumerate(pages)])
    annex = [c for c in chunks if c.page_start and c.page_start >= 13]
    assert annex and not any(c.para_start == 55 for c in annex)
    assert {"Summary", "General"} <= {c.heading.rsplit(" › ", 1)[-1] for c in annex + chunks}


def test_words_are_not_broken_apart():
    text = "\n".join(pdf_pages((REPORTS / "UNMIK_S_2012_818.pdf").read_bytes()))
    assert "international presences" in text and "inte rnational" not in text


def test_not_a_pdf_is_refused():
    with pytest.raises(PdfTextError):
        pdf_pages(b"%PDF-1.4\n1 0 obj garbage \x00\x01 trailer")
