"""Reading a drafting request: the section, named priority, counts, cadence, mechanisms, limits; non-ISF asks declined."""

from __future__ import annotations

import pytest

from assistant.products.context import PlanningContext, Priority
from assistant.products.draft_request import parse_request

# Requests from the domain notes (§5.2), as drafters write them.
VISION = ("Draft the shared vision and three strategic objectives of an ISF for a mission drawing down in Country X over 24 "
          "months. The priorities are elections support, police development and the return of IDPs. The UNCT has UNDP, "
          "UNICEF, UNHCR and WFP. Keep it to one page and align it with the National Development Plan 2025–2029.")
RESULTS = ("Build a results matrix for the ISF priority 'Extension of State authority': outcome, 3–4 indicators with "
           "baselines and targets, lead and contributing entities (mission sections + AFPs), and timelines.")
COORDINATION = ("Draft the 'Coordination and implementation arrangements' section. It covers the Senior Leadership Forum, "
                "three pillar working groups co-chaired by a mission section and an agency, and the joint planning unit. "
                "Reuse the existing UNSDCF results groups where possible.")
MONITORING = ("Write the monitoring, reporting and review section: a quarterly pillar dashboard, a semi-annual SLF review and "
              "an annual joint review with the government. Show how it feeds the SG's report and CPAS.")


def test_results_request_names_its_priority_and_indicator_count():
    ask = parse_request(RESULTS)
    assert ask.sections == ["results"] and ask.priority == "Extension of State authority" and ask.indicators == 4
    assert "Extension of State authority" in ask.terms("results") and ask.terms("vision") == ""


def test_monitoring_request_keeps_each_cadence_and_the_reports_it_feeds():
    ask = parse_request(MONITORING)
    assert ask.sections == ["monitoring"]
    assert [(c.frequency, c.what) for c in ask.cadence] == [
        ("quarterly", "pillar dashboard"), ("semi-annual", "SLF review"), ("annual", "joint review with the government")]
    assert {"slf", "sg_report", "cpas"} <= set(ask.mechanisms)


def test_cadence_written_after_the_event_and_mid_year_reviews_are_kept():
    # A newcomer's wording: the quarterly SLF review and the mid-year stocktake used to vanish without a word.
    ask = parse_request("Please draft our monitoring and review section. We want the Senior Leadership Forum to review "
                        "progress quarterly, a joint mid-year stocktake with the government, and an annual review of the "
                        "ISF that feeds the Secretary-General's reports. Keep it to about two pages.")
    assert {(c.frequency, c.what) for c in ask.cadence} == {
        ("quarterly", "Senior Leadership Forum review"), ("semi-annual", "stocktake with the government"),
        ("annual", "review of the ISF")}
    assert ask.page_limit == 2
    two = parse_request("Write the monitoring section with a six-monthly review by the senior leadership and pillar groups "
                        "reporting quarterly.")
    assert [(c.frequency, c.what) for c in two.cadence] == [("semi-annual", "review by the senior leadership"),
                                                            ("quarterly", "pillar groups report")]


def test_coordination_request_names_mechanisms_groups_and_co_chairs():
    ask = parse_request(COORDINATION)
    assert ask.sections == ["coordination"] and ask.groups == 3 and ask.co_chairs
    assert ask.mechanisms == ["slf", "pillar_groups", "planning_unit", "results_groups"]


def test_vision_request_refines_the_context_with_the_drafters_own_words():
    ask = parse_request(VISION)
    assert ask.sections == ["vision"] and ask.objectives == 3 and ask.page_limit == 1 and ask.limited
    assert ask.priorities == ["elections support", "police development", "the return of IDPs"]
    ctx = PlanningContext(country="Country X", presence="PKO", mission="UNMX", key_tasks=["Support elections"],
                          un_entities=["UNDP"], period="2026-2027", priorities=[Priority(name="Police development")])
    refined = ask.refine(ctx)
    assert refined.un_entities == ["UNDP", "UNICEF", "UNHCR", "WFP"] and refined.phase == "drawdown"
    assert [p.name for p in refined.priorities] == ["Police development", "elections support", "the return of IDPs"]
    assert refined.national_plan == "the National Development Plan 2025–2029"


def test_word_limit_and_risks_to_flag():
    ask = parse_request("Turn these Strategic Assessment findings into the 'Context and shared analysis' section of an ISF. "
                        "Keep it under 800 words and flag the three highest risks.")
    assert ask.sections == ["context"] and ask.word_limit == 800 and ask.risks == 3


@pytest.mark.parametrize("text, what", [
    ("Draft the UNMISS budget justification for 2026/27.", "budget"),
    ("Prepare the Terms of Reference for the pillar working groups.", "terms of reference"),
    ("Draft the cover letter for our Peacebuilding Fund proposal.", "cover note"),
])
def test_requests_that_are_not_isf_sections_are_declined(text, what):
    ask = parse_request(text)
    assert what in ask.declined and ask.sections == []


def test_an_empty_request_asks_nothing():
    ask = parse_request("  ")
    assert ask.sections == [] and not ask.declined and ask.terms("results") == ""


def test_coordination_bodies_the_parser_does_not_know_are_kept_as_written():
    ask = parse_request("Draft the coordination section: a Senior Leadership Forum chaired by the SRSG, two pillar groups and "
                        "a joint transition working group with the Government.")
    assert ask.groups == 2 and ask.slf_chair == "SRSG"
    assert ask.bodies == ["joint transition working group with the Government"]


def test_risk_requests_ask_for_assumptions_and_humanitarian_space_and_name_the_iap():
    ask = parse_request("Draft a risks and assumptions table for an ISF in a context with an active humanitarian response. "
                        "Include humanitarian-space risks and mitigations consistent with the IAP safeguards.")
    assert ask.sections == ["risks"] and ask.assumptions and ask.humanitarian and ask.iap


def test_half_a_page_is_a_limit_and_pasted_text_that_never_came_is_noticed():
    assert parse_request("Draft the shared vision, keeping it to half a page.").page_limit == 1
    assert parse_request("Turn these findings (pasted) into the context section.").pasted


FINDINGS = ("Turn these Strategic Assessment findings into the 'Context and shared analysis' section of an ISF. Keep it under "
            "800 words and flag the three highest risks.\n\n"
            "Land disputes and the exclusion of young men from local councils drive recruitment into armed groups in the "
            "north. The two main armed groups compete for control of the gold trade along the border. Renewed fighting "
            "could displace tens of thousands of people before the 2027 elections. The withdrawal of the mission's "
            "field offices may leave a security vacuum in three districts. Traditional peace committees have settled "
            "most land disputes in the south without violence. Delays in paying civil servants are likely to fuel "
            "protests in the capital. The national police has fewer than half the officers it needs outside the capital.")


def test_pasted_findings_are_kept_apart_from_the_instruction_and_sorted():
    from assistant.products.draft_findings import findings_blocks

    ask = parse_request(FINDINGS)
    assert ask.sections == ["context"] and ask.word_limit == 800 and ask.risks == 3 and not ask.pasted
    assert ask.pasted_text.startswith("Land disputes") and "gold trade" not in ask.text
    table, risks = [b for b in findings_blocks(ask.pasted_text, ask.risks) if b.kind in ("table", "bullets")]
    rows = {r[0]: r[1] for r in table.rows[1:]}
    assert rows["Drivers and root causes of conflict"].startswith("Land disputes")
    assert "Traditional peace committees" in rows["Capacities for peace"]
    assert risks.items[0].startswith("Renewed fighting") and len(risks.items) == 3


@pytest.mark.parametrize("text, whole", [
    ("Draft an ISF for Carana.", True),
    ("Write a complete Integrated Strategic Framework for the transition.", True),
    ("Write the ISF section on the Pact for the Future's implementation in Carana.", False),
    ("Draft the MINUSMA liquidation plan as an annex to the ISF.", False),
])
def test_a_request_naming_no_section_is_declined_unless_it_asks_for_the_whole_isf(text, whole):
    ask = parse_request(text)
    assert ask.sections == [] and (ask.declined == "") == whole


def test_transfer_requests_name_civilian_tasks_and_candidate_owners():
    ask = parse_request("Draft a division of labour table showing which civilian tasks transfer to UNDP, UNICEF or the "
                        "Ministry of Justice, with benchmarks and dates.")
    assert ask.sections == ["division"] and ask.civilian and ask.owners == ["UNDP", "UNICEF", "Ministry of Justice"]
    handover = parse_request("Draft the division of labour for the corrections handover to UNDP and the Government over "
                             "18 months.")
    assert handover.owners == ["UNDP", "Government"]


def test_the_topics_a_request_focuses_on():
    ask = parse_request("Draft the risks and assumptions table for our ISF, with a column for the risk owner, focused on "
                        "the elections in 18 months and on the drawdown of the force.")
    assert ask.topics == ["the elections in 18 months", "the drawdown of the force"]
    assert "the elections in 18 months" in ask.terms("risks") and not ask.terms("vision")
    assert parse_request("Write the vision with an emphasis on youth, including a table.").topics == ["youth"]
    assert parse_request("Draft the risks section.").topics == []


def test_terms_of_reference_and_cover_notes_are_products_other_requests_are_declined():
    assert parse_request("Prepare the ToR for a strategic assessment of the mission.").product == "tor"
    assert parse_request("Draft the cover note submitting the ISF to the ITF.").product == "cover"
    ask = parse_request("Draft terms of reference for the pillar working groups.")
    assert not ask.product and ask.declined == "terms of reference"


def test_a_focus_written_after_the_framework_and_cut_before_counts():
    ask = parse_request("Draft two strategic objectives for the ISF on police reform and the return of refugees, each "
                        "with its lead.")
    assert ask.topics == ["police reform", "the return of refugees"] and ask.objectives == 2


@pytest.mark.parametrize("text, sections", [
    ("Draft the shared vision and strategic objectives and the division of labour between the mission and the country "
     "team; keep it short.", ["vision", "division"]),
    ("Draft the coordination mechanisms and the monitoring and review sections.", ["coordination", "monitoring"]),
    ("Draft the risks and mitigation section, focused on the handover of policing.", ["risks"]),
    ("Draft the resources and funding section: how the rule of law work will be financed, and the risks.", ["resources"]),
])
def test_sections_joined_to_the_one_asked_for_are_asked_for_too(text, sections):
    assert parse_request(text).sections == sections


def test_a_budget_annex_costing_the_priorities_is_the_resources_section():
    from assistant.products.draft_request import parse_request

    ask = parse_request("Draft the budget annex with the cost of each ISF priority in US dollars.")
    assert ask.sections == ["resources"]


def test_where_coordination_passes_at_closure_is_kept():
    from assistant.products.draft_request import parse_request

    ask = parse_request("Draft the coordination mechanisms section: who chairs the SLF, and how coordination passes to "
                        "the Resident Coordinator's office at closure.")
    assert ask.passes_to == "the Resident Coordinator's office"
    assert parse_request("Draft the coordination mechanisms section.").passes_to == ""


def test_a_request_handing_over_to_the_country_team_names_it_as_the_owner():
    """Hand-read request 8: "UNOKN … hands over to the UN country team. Tasks to be transferred: …" got three rows of
    '[to be agreed]' owners and no tasks of its own."""
    ask = parse_request("Draft the transition and handover section. UNOKN closes in 18 months and hands over to the UN "
                        "country team. Tasks to be transferred: rule of law and justice support, community violence "
                        "reduction, and electoral technical assistance.")
    assert ask.owners == ["UN country team"]


def test_a_year_is_no_count_and_a_contingency_asked_is_kept():
    """Trial 11: '… by June 2028 and two indicators' read 28 indicators; 'say what happens if the elections are delayed'
    was dropped without a word."""
    ask = parse_request("Write the strategic objectives, each with an expected result by June 2028 and two indicators, "
                        "and say what happens if the November 2027 elections are delayed.")
    assert ask.indicators == 2 and ask.contingencies == ["the November 2027 elections are delayed"]


def test_a_priority_named_in_brackets_its_data_sources_and_groups_of_the_indicators_counted():
    ask = parse_request("Build the results matrix for our DDR priority (Disarmament, demobilization and community-based "
                        "reintegration): one outcome, four indicators with baselines, targets and data sources (the "
                        "National DDR Commission database and DDR Section reports). Two of the indicators should be on "
                        "reintegration of former combatants and one on women associated with armed groups.")
    assert ask.priority == "Disarmament, demobilization and community-based reintegration"
    assert ask.data_sources == ["the National DDR Commission database", "DDR Section reports"]
    assert ask.indicators == 4  # the four asked, three of them by subject
    assert [(a.count, a.subject) for a in ask.indicator_asks] == [(2, "reintegration of former combatants"),
                                                                  (1, "women associated with armed groups")]
    assert parse_request(RESULTS).data_sources is None and parse_request("… with data sources.").data_sources == []


def test_a_frequency_in_words_is_a_cadence():
    ask = parse_request("Write the monitoring section: the working group reports to the SLF every quarter and the SLF "
                        "reviews the results matrix every six months.")
    assert [(c.frequency, c.what) for c in ask.cadence] == [("quarterly", "working group report"),
                                                             ("semi-annual", "SLF review")]


def test_half_a_page_of_narrative_is_a_part_s_length_not_the_draft_s():
    assert parse_request("Write the risks section with a risk table. Then add half a page of narrative on the top three "
                         "risks.").page_limit == 0
    assert parse_request("Draft the vision. Keep it to half a page.").page_limit == 1
