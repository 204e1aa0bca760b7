"""Honest answers on real documents: a wrong premise corrected, an ask held in a footnote, a decline that says
what the library lacks, a long sentence that is quotable."""

from __future__ import annotations

import pytest

from assistant.answering.answer import answer_question
from assistant.citation import MISSING_NOTE, NOT_COVERED

pytestmark = pytest.mark.integration


def test_a_policy_asked_for_by_a_year_it_does_not_have_is_corrected(retriever):
    result = answer_question("What is the UN's 2023 policy on integrated assessment?", retriever, backend="extractive")
    first = result.answer.splitlines()[0]
    assert first.startswith("The library holds no 2023 policy on integrated assessment;"), first
    assert "dates from 2013 (IAP Policy 2013)" in first
    assert any(f"IAP Policy 2013 {MISSING_NOTE}" in n for n in result.notes), result.notes
    assert result.abstained and result.sentences  # the closest passages follow the correction


def test_an_ask_held_in_a_footnote_is_answered_through_the_sentence_citing_it(retriever):
    """IPI states who chaired the Integration Steering Group only in a footnote (note 52): DPKO."""
    result = answer_question("Who chairs the Integration Steering Group?", retriever, backend="extractive")
    assert not result.abstained
    assert "DPKO, as chair of the UN integration steering group" in result.answer, result.answer
    lead = next(s for s in result.sentences if s.role == "lead")
    assert "chair" not in lead.text  # the lead is the sentence citing the note; the note is shown under it


def test_a_declined_question_says_what_the_library_lacks(retriever):
    result = answer_question("What gratuity does MINUSCA pay to national staff?", retriever, backend="extractive")
    assert result.abstained and result.answer == NOT_COVERED
    assert result.notes[0] == "The library does not mention MINUSCA.", result.notes


def test_a_newer_version_the_catalogue_does_not_record_is_a_gap(retriever):
    result = answer_question("Is there a newer IAP policy than 2013?", retriever, backend="extractive")
    assert result.abstained
    assert result.answer.startswith("The library does not state that anything newer has replaced IAP Policy 2013;")
