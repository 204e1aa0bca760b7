"""`planassist docs --quality --json` on the real session index: per-document counts, zero defects."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def test_docs_quality_reports_every_document_and_no_defects(cli, retriever):
    (out,) = cli("docs", "--quality", "--json")
    docs = {d["doc_id"]: d for d in out["documents"]}
    assert set(docs) == {r.meta.doc_id for r in retriever.records}
    assert out["defects"] == 0
    ipi = docs["ipi-2013"]
    assert ipi["footnotes"] >= 40 and ipi["split_words"] == ipi["glued_words"] == ipi["spliced_footnotes"] == 0
    assert {"long_sentences", "short_sentences", "ocr_pages"} <= set(ipi)
