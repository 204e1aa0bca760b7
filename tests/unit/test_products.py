"""The pure parts of drafts, exercises and quizzes (no model): limits, timelines, blanks, the results matrix."""

import pytest

from assistant.errors import InvalidRequest
from assistant.products.context import load_context
from assistant.products.draft import results_matrix, select_sections
from assistant.products.exercise import INJECTS, timeline, validate
from assistant.products.quiz import blank_candidates, make_questions
from assistant.settings import PROJECT_ROOT

CONTEXT = load_context(PROJECT_ROOT / "examples" / "carana.yaml")


def test_context_never_invents_owners():
    rows = results_matrix(CONTEXT.model_copy(update={"priorities": []}))
    assert all(row[4] == "[to be agreed]" for row in rows[1:])


def test_unknown_section_is_a_clear_error():
    with pytest.raises(InvalidRequest, match="unknown section"):
        select_sections(["vision", "budget"])


def test_timeline_scales_to_the_session_and_places_injects():
    rows = timeline(90, list(INJECTS[:2]))
    assert rows[1][0] == "0:00–0:10" and rows[-1][0].endswith("1:30")
    assert "0:30 — Inject 1" in rows[3][2] and "1:00 — Inject 2" in rows[5][2]
    long = timeline(240, list(INJECTS[:3]))
    assert long[-1][0].endswith("4:00")


@pytest.mark.parametrize(("args", "message"), [
    (("", 90, 18), "topic"), (("transition", 10, 18), "minutes"), (("transition", 90, 1), "participants"),
])
def test_invalid_exercise_requests(args, message):
    with pytest.raises(InvalidRequest, match=message):
        validate(*args)


def test_blank_candidates_prefer_terms_then_years_and_skip_days():
    assert blank_candidates("The ISF was made a requirement in 2008.", {"ISF"}) == [("ISF", "term"), ("2008", "year")]
    assert blank_candidates("Deployed from 30 May to 2 June with 274 officers.", set()) == [("274", "number")]
    assert blank_candidates("The DSRSG/RC/HC leads.", {"RC", "DSRSG/RC/HC"}) == [("DSRSG/RC/HC", "term")]


def test_quiz_count_limits():
    with pytest.raises(InvalidRequest, match="count"):
        make_questions("topic", 0, None)
