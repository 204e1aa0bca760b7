"""Rule-based condensation of follow-ups and the never-repeat set (no model)."""

from __future__ import annotations

from assistant.answering.conversation import condense_rules, given_sentences


def test_pronoun_replaced_by_previous_topic():
    assert condense_rules("and who approves it?", "What must an ISF contain?", ["ISF"]) == "who approves ISF?"


def test_named_thing_is_the_topic_without_glossary_terms():
    assert condense_rules("How often does it meet?", "What is the Integration Steering Group?", []) == \
        "How often does Integration Steering Group meet?"


def test_elliptical_follow_up_keeps_the_question_and_adds_the_qualifier():
    assert condense_rules("and by mid-2019?", "How strong was the Haitian National Police by September 2017?", []) == \
        "How strong was the Haitian National Police by September 2017, and by mid-2019?"


def test_standalone_question_left_alone():
    q = "What is the role of the JMAC in integrated missions?"
    assert condense_rules(q, "What must an ISF contain?", ["ISF"]) == q


def test_given_sentences_strip_markers_and_bullets():
    given = given_sentences(["The ISF is shared. [1]\n- It sets results. [2][3]"])
    assert given == {"the isf is shared.", "it sets results."}


def test_leaning_start_gets_the_previous_topic():
    assert condense_rules("and what about funding?", "What must an ISF contain?", ["ISF"]) == "what about funding regarding ISF?"
