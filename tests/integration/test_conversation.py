"""Follow-ups are condensed into standalone queries before retrieval."""

from __future__ import annotations

import pytest

from assistant.answering.conversation import Conversation
from assistant.answering.given import ALREADY_GIVEN


@pytest.mark.integration
def test_chat_follow_up_searches_the_condensed_query(retriever):
    chat = Conversation(retriever, backend="extractive")
    chat.ask("What did UNMIT police support focus on?")
    follow = chat.ask("and what about its drawdown?")
    assert "UNMIT" in follow.standalone and len(chat.turns) == 2
    assert not follow.abstained and any(c.doc_id == chat.turns[0][2].citations[0].doc_id for c in follow.citations)


@pytest.mark.integration
def test_llm_condenses_with_the_model(llm_retriever, fake_llm):
    chat = Conversation(llm_retriever, backend="llm")
    fake_llm.script("UNMIT police support continued to focus on the joint development plan [1].",
                    "Who approves the Integrated Strategic Framework?",
                    "The corpus does not cover this.")
    chat.ask("What did UNMIT police support focus on?")
    follow = chat.ask("and who approves it?")
    assert follow.standalone == "Who approves the Integrated Strategic Framework?"
    assert "Conversation:" in fake_llm.requests[1]["messages"][0]["content"]


@pytest.mark.integration
def test_a_follow_up_answered_by_an_earlier_footnote_points_back_to_it(retriever):
    chat = Conversation(retriever, backend="extractive")
    first = chat.ask("What is the Integration Steering Group?")
    follow = chat.ask("When did it endorse the IAP policy?")
    shown = [s for s in first.sentences if s.role == "note" and "March 15, 2013" in s.text]
    assert shown, first.answer  # the date came as the footnote of a sentence in the first answer
    pointer = next(s for s in follow.sentences if s.role == "given")
    assert "March 15, 2013" in pointer.text and len(pointer.citations) == 2, follow.answer
    assert not any("March 15, 2013" in s.text for s in follow.sentences if s.role != "given")  # not quoted again


@pytest.mark.integration
def test_a_follow_up_permission_question_the_library_does_not_settle_is_a_gap(retriever):
    """IPI says what the ISF is for, never whether a country team may change it: no sentence uses 'change'."""
    chat = Conversation(retriever, backend="extractive")
    chat.ask("What must an ISF contain?")
    follow = chat.ask("Can the country team change it on its own?")
    assert "The library does not state whether the country team can change the ISF on its own." in follow.answer, \
        follow.answer
    assert follow.abstained and all(s.role in ("closest", "note") for s in follow.sentences)


@pytest.mark.integration
def test_a_follow_up_does_not_point_back_to_a_sentence_that_cannot_answer_it(retriever):
    # The first answer says the ISF "was introduced … in 2008", in the passive: who introduced it is not stated there,
    # so the follow-up must not claim the answer was quoted above.
    chat = Conversation(retriever, backend="extractive")
    chat.ask("What is the Integrated Strategic Framework?")
    follow = chat.ask("Who introduced it?")
    assert ALREADY_GIVEN not in follow.answer and not any(s.role == "given" for s in follow.sentences), follow.answer


@pytest.mark.integration
def test_a_follow_up_answered_above_shows_the_words_that_answer_and_nothing_off_its_ask(retriever):
    chat = Conversation(retriever, backend="extractive")
    chat.ask("What is the Integrated Strategic Framework?")
    follow = chat.ask("When did it become mandatory?")
    first = follow.answer.splitlines()[1]
    assert first.startswith(ALREADY_GIVEN) and "made into a requirement in 2008" in first, follow.answer
    assert [s.role for s in follow.sentences] == ["given"], follow.answer  # no new sentence without 'mandatory'
