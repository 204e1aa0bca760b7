"""Quiz questions are verbatim corpus sentences with one blank whose answer the cited source holds."""

from __future__ import annotations

import pytest

from assistant.products.quiz import BLANK, blank_candidates, make_questions, quiz


def test_blank_candidates_prefer_terms_then_years_and_skip_days():
    assert blank_candidates("The ISF was made a requirement in 2008.", {"ISF"}) == [("ISF", "term"), ("2008", "year")]
    assert blank_candidates("Deployed from 30 May to 2 June with 274 officers.", set()) == [("274", "number")]
    assert blank_candidates("The DSRSG/RC/HC leads.", {"RC", "DSRSG/RC/HC"}) == [("DSRSG/RC/HC", "term")]


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


def test_count_limits():
    with pytest.raises(ValueError, match="count"):
        make_questions("topic", 0, None)
