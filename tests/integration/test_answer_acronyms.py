"""Acronyms on real documents: a spelled-out acronym the library never writes is no unknown name; a glossary term
named by its expansion that the library never mentions is one."""

from __future__ import annotations

import pytest

from assistant.answering.answer import answer_question
from assistant.citation import NOT_COVERED

pytestmark = pytest.mark.integration


def test_an_acronym_the_question_spells_out_counts_through_its_long_name(retriever):
    """The UNMIT report speaks of the Joint Transition Plan, never of a 'JTP'."""
    result = answer_question("What did the Joint Transition Plan (JTP) between the Government and UNMIT cover?",
                             retriever, backend="extractive")
    assert not result.abstained, (result.answer, result.notes)
    assert "Joint Transition Plan" in result.answer
    assert not any("JTP" in n for n in result.notes), result.notes


def test_the_acronym_alone_is_still_an_unknown_name(retriever):
    result = answer_question("What did the JTP between the Government and UNMIT cover?", retriever,
                             backend="extractive")
    assert result.abstained and result.answer == NOT_COVERED
    assert result.notes[0] == "The library does not mention JTP.", result.notes


def test_a_glossary_term_named_by_its_expansion_the_library_lacks_is_declined(retriever):
    """No test document mentions a common country analysis (CCA) by either name."""
    result = answer_question("What must the common country analysis of an integrated presence cover?", retriever,
                             backend="extractive")
    assert result.abstained and result.answer == NOT_COVERED
    assert result.notes[0] == "The library does not mention common country analysis.", result.notes


def test_a_missing_text_named_by_its_full_title_gets_its_note_and_no_stray_unknown_name(retriever):
    """'Planning Handbook' is part of the IAP Handbook's title, not a second thing the library lacks."""
    result = answer_question("What does the UN Integrated Assessment and Planning Handbook say about ISFs?", retriever,
                             backend="extractive")
    assert any(n.startswith("IAP Handbook 2014 is not in the library") for n in result.notes), result.notes
    assert not any("does not mention" in n for n in result.notes), result.notes


def test_a_title_spelled_out_is_held_where_the_library_writes_its_acronym(retriever):
    """Trial 8: spelled out, the triple-hatted deputy was 'never mentioned together'; IPI writes 'deputy SRSG (DSRSG)',
    'resident coordinator (RC)' and '(as HC)'."""
    result = answer_question("Who does the Deputy Special Representative who also serves as Resident Coordinator and "
                             "Humanitarian Coordinator report to?", retriever, backend="extractive")
    assert not result.abstained, result.answer
    assert "reports primarily to the SRSG" in result.answer
