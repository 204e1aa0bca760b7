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
