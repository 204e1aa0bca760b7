"""Rule-based condensation of follow-ups (no model): moved from tests/integration/test_conversation.py."""

from assistant.answering.conversation import condense_rules


def test_pronoun_replaced_by_previous_topic():
    assert condense_rules("and who approves it?", "What must an ISF contain?", ["ISF"]) == "and who approves ISF?"


def test_standalone_question_left_alone():
    q = "What is the role of the JMAC in integrated missions?"
    assert condense_rules(q, "What must an ISF contain?", ["ISF"]) == q


def test_leaning_start_gets_the_previous_topic():
    condensed = condense_rules("and what about funding?", "What must an ISF contain?", ["ISF"])
    assert condensed == "and what about funding regarding ISF?"
