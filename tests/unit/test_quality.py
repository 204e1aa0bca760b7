"""Text-quality counts: they find the defects the old extraction had and none on the cleaned default corpus."""

from __future__ import annotations

import pytest
from conftest import REAL_CORPUS

from assistant.corpus.chunking import chunk_pages
from assistant.corpus.loaders import load
from assistant.corpus.quality import assess

DOCUMENTS = sorted((REAL_CORPUS / "documents").iterdir())


def test_counts_each_kind_of_defect():
    raw = [("The Mission went smo oth and T he SecretaryGeneral said so.", {}),
           ("It reports to the chair of the ⁴ The first DPKO directive was issued.", {}),
           ("The Secretary-General will include a smooth transition.", {}),
           ("1995 Law text", {"ocr": True, "page_start": 2, "page_end": 3})]
    q = assess("d", raw)
    assert (q.split_words, q.glued_words, q.spliced_footnotes, q.ocr_pages) == (2, 1, 1, 2)
    assert q.defects == 4 and any("smo oth" in e for e in q.examples)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_default_corpus_has_no_split_or_glued_words_and_no_spliced_footnotes(path):
    doc = load(path)
    chunks = chunk_pages(path.stem, [(p.text, p.number) for p in doc.pages])
    q = assess(path.stem, [(c.text, {"kind": c.kind}) for c in chunks])
    assert q.defects == 0, q.examples
