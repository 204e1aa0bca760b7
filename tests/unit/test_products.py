"""The pure parts of drafts and quizzes (no model): limits, the results matrix from the context."""

import pytest

from assistant.errors import InvalidRequest
from assistant.products.context import load_context
from assistant.products.draft import TBD, results_matrix, select_sections
from assistant.products.quiz import quiz_items
from assistant.settings import PROJECT_ROOT

CONTEXT = load_context(PROJECT_ROOT / "examples" / "carana.yaml")


def test_context_never_invents_owners():
    rows = results_matrix(CONTEXT.model_copy(update={"priorities": []}))
    assert all(row[6] == TBD and row[7] == TBD for row in rows[1:])
    assert [row[1] for row in rows[1:]] == CONTEXT.tasks


def test_unknown_section_is_a_clear_error():
    with pytest.raises(InvalidRequest, match="unknown section"):
        select_sections(["vision", "budget"])


def test_quiz_count_limits():
    with pytest.raises(InvalidRequest, match="count"):
        quiz_items("topic", 0, None)
