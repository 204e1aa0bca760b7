"""Which context tension states the risk of a topic the drafting request focuses on (pure logic, no model)."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.products.draft_risks import _tension_for

NO_ACRONYMS = SimpleNamespace(glossary=SimpleNamespace(expand=lambda text: text))


def test_a_tension_closest_to_one_topic_states_its_risk():
    topics = ["the elections in 18 months", "the drawdown of the force"]
    tensions = ["Programmatic funding ends with the mission's drawdown", "Armed groups hold the north"]
    assert _tension_for(topics, tensions, NO_ACRONYMS) == {"the drawdown of the force": tensions[0]}


def test_a_tension_as_close_to_two_topics_names_neither():
    topics = ["the closure of the office", "the loss of political analysis in the RCO"]
    tension = "The resident coordinator's office will lose UNIOK's political analysis capacity at closure"
    assert _tension_for(topics, [tension], NO_ACRONYMS) == {}


def test_the_closest_tension_states_a_topic_s_risk_though_another_comes_first():
    """Trial 7: the returns topic was paired with the first tension sharing 'office' and 'closure' (the UNCT funding gap)
    and the returns tension, five words in common, was left a row of its own."""
    topic = "the protection gap for displaced people returning to the northern provinces after the office closes"
    funding = "UNCT agencies lack funding to absorb the good offices functions after closure"
    returns = "Returns of displaced people to the northern provinces are outpacing services"
    assert _tension_for([topic, "hate speech around the elections"], [funding, returns], NO_ACRONYMS) == {topic: returns}


def test_every_row_asked_to_be_mitigated_gets_a_proposal():
    from assistant.products.draft_mitigations import GENERIC, proposed

    assert "UNHCR and IOM" in proposed("Returns of displaced people to the northern provinces are outpacing services")
    assert "hate speech" in proposed("hate speech and violence around the March 2028 local elections")
    assert "security support" not in proposed("violence around the local elections")  # no troops to scale in an SPM
    assert proposed("The port closes in winter") == "" and GENERIC.startswith("Proposed (not from the library):")


def test_owners_proposed_for_the_government_s_stance_and_for_funding_are_the_leaders_not_a_priority_lead():
    """Trial 11: the Government pushing the force out before the elections was proposed for UNDP, the elections lead."""
    from assistant.products.context import parse_context
    from assistant.products.draft_risks import _owner
    ctx = parse_context({"country": "Tarsovia", "presence": "PKO", "mission": "United Nations Mission in Tarsovia (UNMT)",
                         "key_tasks": ["Elections"], "un_entities": ["UNDP"], "period": "2026-2028",
                         "priorities": [{"name": "Credible and peaceful elections", "lead": "UNDP"}]})
    assert "the head of UNMT" in _owner("The Government pushing for the force to leave before the elections", ctx)
    assert "DSRSG/RC/HC" in _owner("UN agencies lack the funding to take over mission tasks", ctx)
    assert "UNDP" in _owner("violence around the elections", ctx)


def test_a_boycott_of_the_dialogue_and_shrinking_civic_space_get_their_own_mitigations_and_owners():
    """Trial 12: both got 'name an owner, an early-warning indicator and a trigger …', and the boycott went to UNDP."""
    from assistant.products.context import parse_context
    from assistant.products.draft_mitigations import GENERIC, proposed
    from assistant.products.draft_risks import _owner
    boycott = "a federalist boycott of the national dialogue in the Marrow Highlands"
    civic = "shrinking civic space: journalists face arrests before the referendum"
    assert "good offices" in proposed(boycott) and "OHCHR" in proposed(civic, ["OHCHR"])
    assert GENERIC not in (proposed(boycott), proposed(civic))
    ctx = parse_context({"country": "Veldoria", "presence": "SPM", "mission": "UN Political Office in Veldoria (UNPOV)",
                         "key_tasks": ["Good offices"], "un_entities": ["UNDP"], "period": "2027-2028",
                         "priorities": [{"name": "Decentralization in the Marrow Highlands", "lead": "UNDP"}]})
    assert "the head of UNPOV" in _owner(boycott, ctx)


def test_a_threat_to_expel_human_rights_officers_and_donors_cutting_back_get_their_mitigations():
    """Hand-read request 8 of set 11: both risks got the generic line, and no table at all without a focus."""
    from assistant.products.draft_mitigations import proposed
    from assistant.products.draft_request import parse_request
    assert "OHCHR" in proposed("The government has threatened to expel the human rights officers", ["OHCHR"])
    assert "map each programme" in proposed("Fund money for the programme ends in mid-2027 and donors are cutting back")
    assert parse_request("Draft the risks section with the warning signs and the mitigation measures.").mitigations


def test_a_funding_shortfall_and_co_branding_get_their_owners():
    from assistant.products.draft_risks import _owner

    ctx = SimpleNamespace(mission="UNMIK-K", mission_short="UNMIK-K", humanitarian_response=True, priorities=[])
    assert "funding risk" in _owner("The humanitarian response plan for 1.2 million people is 38% funded", ctx)
    assert "Humanitarian Coordinator" in _owner("An NGO forum will leave joint meetings if projects are co-branded", ctx)
