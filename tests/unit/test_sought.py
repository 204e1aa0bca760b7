"""Documents a question asks for, with the subject after the document ('policy on …') or before it ('… handbook')."""

import pytest

from assistant.answering.sought import near_kind, sought_document
from assistant.index.lexical import tokenize


@pytest.mark.parametrize("question, expected", [
    ("Which DPO policy governs unmanned aerial systems?", ("DPO policy", "unmanned aerial systems")),
    ("When was the first policy directive on the JMAC released?", ("directive", "JMAC")),  # not 'JMAC released'
    ("When was the DPKO policy on JMACs first issued?", ("DPKO policy", "JMACs")),
    ("What does the DPO Protection of Civilians handbook require of battalions?", ("DPO handbook", "Protection of Civilians")),
    ("What does the UNDP Rule of Law manual require for prison projects?", ("UNDP manual", "Rule of Law")),
    ("Which steps does the OCHA Civil-Military Coordination handbook set?", ("OCHA handbook", "Civil-Military Coordination")),
    ("According to the DPPA Mediation Support Guidelines, who briefs an envoy?", ("DPPA guidelines", "Mediation Support")),
])
def test_sought_document(question, expected):
    assert sought_document(question) == expected


@pytest.mark.parametrize("question", [
    "What do the IMPP Guidelines say about planning?",  # a catalogued text's name, no subject before the kind
    "What does the IAP Handbook say about ISFs?",
    "What does the ISF results matrix template contain?",  # no issuer, no titled subject
    "What must an ISF contain?",
])
def test_no_document_sought(question):
    assert sought_document(question) is None


def test_subject_must_stand_near_a_document_kind():
    assert near_kind(tokenize("the DPO policy on the protection of civilians"), set(tokenize("Protection of Civilians")))
    assert not near_kind(tokenize("support for the protection of civilians within the limits of their capabilities, as "
                                  "set out in the policy"), set(tokenize("Protection of Civilians")))
