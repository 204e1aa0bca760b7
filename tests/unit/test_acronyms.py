"""Acronyms and the names they stand for: held when the library holds the name, one named thing when spelled out."""

from assistant.answering.acronyms import defined_acronyms, names_for, short_forms
from assistant.answering.gaps import asked_share, unknown_entities
from assistant.answering.question import understand


def test_a_united_nations_name_is_shortened_to_its_head():
    assert short_forms("United Nations Sustainable Development Cooperation Framework") == [
        "united nations cooperation framework", "un cooperation framework"]


def test_names_without_united_nations_or_modifiers_are_not_shortened():
    assert short_forms("Humanitarian Country Team") == []  # 'country team' would be any country team
    assert short_forms("Central Emergency Response Fund") == []
    assert short_forms("United Nations Mission in the Republic of South Sudan") == []  # nothing before the head
    assert short_forms("United Nations Comprehensive Planning and Performance Assessment System") == []


def test_names_for_adds_expansion_short_forms_and_unhyphenated_spellings():
    names = names_for("HIPPO", {"hippo": "high-level independent panel on peace operations"})
    assert names == ["hippo", "high-level independent panel on peace operations",
                     "high level independent panel on peace operations"]


def test_acronyms_the_question_defines():
    assert defined_acronyms("What did the Joint Transition Plan (JTP) cover?") == {"JTP": "Joint Transition Plan"}
    assert defined_acronyms("What does the JTP (Joint Transition Plan) cover?") == {"JTP": "Joint Transition Plan"}
    assert defined_acronyms("What did MINUSTAH (2004) do?") == {}
    assert defined_acronyms("What did the Security Council (UNMIT) say?") == {}  # not its initials


def test_a_spelled_out_acronym_is_one_named_thing():
    q = understand("How does the United Nations Sustainable Development Cooperation Framework (UNSDCF) relate to the ISF?")
    assert q.entities == ["UNSDCF", "ISF"]
    assert "cooper" not in q.predicate_terms  # the long name is a named thing, not what is asked about it


def test_a_defined_acronym_is_known_when_the_library_holds_its_long_name():
    q = understand("When was the Joint Transition Plan (JTP) agreed?")
    assert unknown_entities(q, "the joint transition plan between the government and unmit") == []
    assert unknown_entities(understand("When was the JTP agreed?"), "the joint transition plan") == ["JTP"]


def test_a_sentence_naming_the_library_form_of_an_acronym_covers_it():
    q = understand("When was the UNSDCF in Haiti reviewed?")
    held = q.model_copy(update={"held_as": {"UNSDCF": "united nations cooperation framework"}})
    text = "The review of the United Nations cooperation framework in Haiti was held in 2019."
    assert asked_share(held, text) > asked_share(q, text)
