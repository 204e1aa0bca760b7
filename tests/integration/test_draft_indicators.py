"""Indicator rows a request sets out by subject, on real documents."""

from __future__ import annotations

import pytest

from assistant.citation import CitationBook
from assistant.products.context import PlanningContext, Priority
from assistant.products.draft_asked import priority_matrix
from assistant.products.draft_request import parse_request

pytestmark = pytest.mark.integration


def test_the_indicator_rows_asked_for_each_subject_are_rows_in_the_drafter_s_words(retriever):
    """Trial 8 asked for three DDR rows and two protection rows and got one row on human-rights accountability and two
    '[to be agreed]', with no word that the rest was dropped."""
    ctx = PlanningContext(country="Ostrania", presence="PKO", mission="UNMOST", un_entities=["UNDP", "OHCHR"],
                          period="2027-2029", key_tasks=["Disarmament, demobilization and reintegration (DDR)"],
                          priorities=[Priority(name="Security and rule of law in the west", lead="UNMOST",
                                               contributing=["UNDP"])])
    ask = parse_request("Draft the results matrix for the priority 'Security and rule of law in the west' only, with three "
                        "indicator rows for DDR (ex-combatants demobilized and reintegrated, weapons and ammunition "
                        "collected, community violence reduction projects) and two indicator rows for protection of "
                        "civilians (civilian casualties from armed group attacks, early-warning alerts acted on).")
    assert ask.indicators == 5
    table = next(b for b in priority_matrix(ctx, ask, retriever, CitationBook()) if b.kind == "table")
    cells = [row[2] for row in table.rows[1:]]
    assert cells[0].startswith("DDR: ex-combatants demobilized and reintegrated (your wording)")
    assert cells[4].startswith("Protection of civilians: early-warning alerts acted on (your wording)")
    assert not any("[to be agreed]" in c for c in cells)


@pytest.fixture(scope="module")
def benchmarks(tmp_path_factory):
    """An index of S/2019/805 alone, whose annex II lists BINUH's benchmark indicators."""
    from conftest import index_of

    return index_of(tmp_path_factory.mktemp("benchmarks"), ["sg-report-minujusth-s-2019-805.md"])


def test_an_indicator_split_across_passages_is_proposed_and_an_elided_group_is_kept(benchmarks):
    """Trial 10: "two on women's political participation" (its 'indicator rows' elided) was dropped, and "electoral
    calendar" got no proposal: S/2019/805's indicator 1.5 has its number at the end of one passage, its wording in the next."""
    from assistant.products.draft_indicators import indicator_asks, measured_indicators

    asks = indicator_asks("with three indicator rows on the elections and two on women's political participation.")
    assert [(a.count, a.subject) for a in asks] == [(3, "the elections"), (2, "women's political participation")]
    found = measured_indicators("electoral calendar", 2, benchmarks)
    assert found and found[0][0] == "benchmark 1, indicator 1.5" and found[0][1].startswith("Electoral calendar defined")
