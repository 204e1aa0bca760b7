"""The chat message of an answer: a follow-up's understood question stands apart (no model)."""

from __future__ import annotations

from assistant.answering.answer import Answer
from assistant.citation import NOT_COVERED
from assistant.interfaces.ui import answer_markdown


def test_understood_question_is_its_own_paragraph_and_a_decline_stays_bold():
    answer = Answer(question="and who approves it?", answer=f"Answering: Who approves the ISF?\n{NOT_COVERED}",
                    abstained=True, citations=[])
    assert answer_markdown(answer) == f"*Answering: Who approves the ISF?*\n\n**{NOT_COVERED}**"


def test_a_plain_answer_has_no_understood_line():
    answer = Answer(question="What is the ISG?", answer="The ISG meets quarterly. [1]", abstained=False, citations=[])
    assert answer_markdown(answer) == r"The ISG meets quarterly. \[1\]"
