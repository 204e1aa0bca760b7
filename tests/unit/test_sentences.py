"""Sentence segmentation (nupunkt): UN citation forms, footnote and answer markers, real paragraphs."""

from __future__ import annotations

import pytest
from conftest import REAL_CORPUS

from assistant.corpus.chunking import chunk_pages
from assistant.corpus.loaders import load
from assistant.corpus.sentences import split_sentences


@pytest.mark.parametrize("text", [
    "See para. 4 of the report.",
    "Decision No. 2008/24 was taken by the Policy Committee.",
    "The Council adopted S/RES/1996 (2011) on South Sudan.",
    "Partners, e.g. the World Bank, i.e. donors, help.",
    "Under Art. 5 of the statute, the Mission acts.",
    "Mr. Moïse met Ms. Lapin on 3 September.",
    "See UN Doc. A/67/312-S/2012/645, August 15, 2012.",
    "The U.N. mission ended in 2012.",
])
def test_abbreviations_and_un_citations_do_not_end_a_sentence(text):
    assert split_sentences(f"{text} The next sentence follows.") == [text, "The next sentence follows."]


def test_markers_stay_with_the_sentence_they_follow():
    assert split_sentences('reflect "a shared vision."¹⁶ The framework was thus designed.') == [
        'reflect "a shared vision."¹⁶', "The framework was thus designed."]
    assert split_sentences("It has results. [1] Next one here [2].") == ["It has results. [1]", "Next one here [2]."]
    assert split_sentences("One.\nTwo") == ["One.", "Two"]


def test_real_paragraph_boundaries_after_repair():
    doc = load(REAL_CORPUS / "documents" / "sg-report-minujusth-s-2019-805.md")
    chunks = chunk_pages("s-2019-805", [(p.text, p.number) for p in doc.pages])
    first = next(c for c in chunks if c.para_start == 1)
    sentences = split_sentences(first.text)
    assert sentences[0] == "1."  # the paragraph number, not part of the quotable sentence
    assert sentences[1].startswith("The present report is submitted pursuant to Security Council resolution 2466 (2019)")
    assert sentences[1].endswith("every 90 days starting from 12 April 2019.")
    assert sentences[2].startswith("The document covers significant developments")  # 'T he' repaired
    assert len(sentences) == 4
