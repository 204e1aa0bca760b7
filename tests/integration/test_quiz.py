"""Quiz questions are verbatim corpus sentences with one blank whose answer the cited source holds."""

from __future__ import annotations

import pytest

from assistant.products.quiz import BLANK, make_questions, quiz


@pytest.mark.integration
def test_questions_come_from_their_sources(retriever):
    questions, sources = make_questions("integrated strategic framework", 8, retriever)
    assert 5 <= len(questions) <= 8
    assert len({q.answer for q in questions}) == len(questions)
    by_n = {c.n: c for c in sources}
    for q in questions:
        assert q.question.count(BLANK) == 1 and q.answer in q.choices
        restored = q.question.replace(BLANK, q.answer)
        assert " ".join(restored.split()) in " ".join(by_n[q.source].quote.split())


@pytest.mark.integration
def test_quiz_report_has_answer_key(retriever):
    report = quiz("peacebuilding", 4, retriever)
    table = next(b.rows for b in report.blocks if b.kind == "table")
    assert table[0] == ["#", "Answer", "Source"] and len(table) >= 2
