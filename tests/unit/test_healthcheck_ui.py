"""The Health check tab's form: ratings typed into the table become a ratings mapping."""

from __future__ import annotations

import pytest

from assistant.errors import RatingError
from assistant.interfaces.healthcheck_ui import FORM_HEADERS, _form_ratings
from assistant.products.context import load_context
from assistant.products.healthcheck import question_ids
from assistant.products.ratings import parse_ratings
from assistant.settings import PROJECT_ROOT


def test_typed_rows_become_ratings_and_blank_rows_are_skipped():
    rows = [["A1", "Assessment", "Joint analysis", "question", "in place", "signed 2026"],
            ["A2", "Assessment", "Joint analysis", "question", "", ""],
            ["P1", "Planning", "Shared strategy and the ISF", "question", "Partly", None]]
    data = _form_ratings(rows)
    assert data == {"ratings": {"A1": {"rating": "in place", "comment": "signed 2026"},
                                "P1": {"rating": "Partly", "comment": ""}}}
    parsed = parse_ratings(data, question_ids(load_context(PROJECT_ROOT / "examples" / "carana.yaml")))
    assert parsed.ratings["P1"].rating == "partly" and len(FORM_HEADERS) == 6


def test_a_comment_without_a_rating_is_reported_not_dropped():
    data = _form_ratings([["A1", "", "", "", "", "no decision yet"]])
    assert data["ratings"]["A1"] == {"rating": "", "comment": "no decision yet"}
    with pytest.raises(RatingError, match=r"A1: no rating given \(in place, partly, not in place, not applicable\)"):
        parse_ratings(data, ["A1"])
