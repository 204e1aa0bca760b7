"""Which priority a mandated task serves (pure logic, no model)."""

from __future__ import annotations

from assistant.products.draft_match import best_match, setting_of

MIROVIA = [  # a drafter's mandate (newcomer trial 4): two tasks share the region's words
    "Protect civilians under threat of physical violence in the eastern lakes region",
    "Support the cantonment, disarmament and demobilization of former combatants under the Lakeside Ceasefire Agreement",
    "Clear explosive ordnance from the main supply routes and support national mine action capacities",
    "Support the National Electoral Commission in preparing presidential elections",
    "Monitor and report on violations of human rights, including conflict-related sexual violence",
]
PRIORITIES = ["Ceasefire consolidation and reintegration", "Safe access and mine action in the eastern lakes",
              "Credible and peaceful elections"]


def test_a_task_goes_to_the_priority_that_shares_its_subject_not_its_region():
    setting = setting_of(MIROVIA)
    assert [best_match(t, PRIORITIES, setting) for t in MIROVIA] == [
        "", PRIORITIES[0], PRIORITIES[1], PRIORITIES[2], ""]


def test_a_place_alone_links_no_task_to_a_national_priority():
    national = ["Restoration of basic services in the eastern lakes region", "Credible and peaceful elections"]
    assert best_match(MIROVIA[0], national, setting_of(MIROVIA)) == ""
    assert best_match("Support to the Carana National Police", ["Security sector reform", "Decentralized governance"]) \
        == "Security sector reform"  # police and the security sector: one subject
