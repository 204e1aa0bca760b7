"""How the planning context steers each section's search (pure logic, no model)."""

from __future__ import annotations

from assistant.products.context import PlanningContext
from assistant.products.draft_focus import EXCLUDED, focus_for, presence_words

SPM = PlanningContext(country="Bogaland", presence="SPM", phase="withdrawal", mission="UNAMB",
                      mandate="Decides that the mandate shall be to: (a) use its good offices; (b) support the elections.",
                      tensions=["No donor funds human rights monitoring after the mission closes"],
                      national_priorities=["Youth employment"], un_entities=["UNDP", "OHCHR"], period="2027-2028")


def test_each_section_searches_with_the_parts_of_the_context_that_bear_on_it():
    assert "Use its good offices" in focus_for("division")(SPM) and "withdrawal" in focus_for("division")(SPM)
    assert "No donor funds" in focus_for("resources")(SPM)
    assert "OHCHR" in focus_for("coordination")(SPM)
    assert "Youth employment" in focus_for("priorities")(SPM)
    assert "special political mission" in presence_words(SPM)


def test_what_only_an_armed_presence_has_does_not_apply_to_a_political_mission():
    assert EXCLUDED["SPM"].search("The reality of a parallel deployment of a UN peacekeeping force is apparent in Mali.")
    assert EXCLUDED["SPM"].search("Troop-contributing countries were consulted.")
    assert not EXCLUDED["SPM"].search("The political mission supported the national dialogue and the elections.")
    assert "PKO" not in EXCLUDED and "transition" not in EXCLUDED
