"""The subject gate of an asked-for section: on only where the request asks for the section and names no topic."""

from __future__ import annotations

from assistant.products.draft_request import parse_request
from assistant.products.draft_subject import SUBJECTS, subject_gate
from tests.unit.test_draft_request import COORDINATION


def test_an_asked_for_section_is_gated_on_its_subject_and_the_mechanisms_named():
    gate = subject_gate("coordination", parse_request(COORDINATION), [])
    assert gate is not None
    assert gate.search("The joint planning unit drafts the ISF.") and gate.search("Coordination with agencies improved.")
    assert not gate.search("MINUSTAH police officers work together with their national counterparts.")


def test_no_gate_for_a_section_not_asked_for_or_a_request_with_topics_of_its_own():
    ask = parse_request(COORDINATION)
    assert subject_gate("context", ask, []) is None
    assert subject_gate("coordination", ask, ["the elections in 18 months"]) is None


def test_the_priorities_subject_is_setting_priorities_not_a_passing_national_priorities():
    priorities = SUBJECTS["priorities"]
    assert priorities.search("Integrated planning should set priorities for peace consolidation with the Government.")
    assert priorities.search("The mission and the country team must agree shared priorities.")
    assert not priorities.search("Encourages the Commission to mobilize resources for national peacebuilding priorities.")
