"""The question turned into the indirect question a gap answer states, for every question type."""

import pytest

from assistant.answering.indirect import can_be_verb, indirect, main_verb, verb_forms


@pytest.mark.parametrize("question, expected", [
    # do-support goes, the verb takes the tense of do/does/did
    ("How much did the General Assembly appropriate for BINUH in 2020?",
     "how much the General Assembly appropriated for BINUH in 2020"),
    ("Why did the Integration Steering Group stop meeting?", "why the Integration Steering Group stopped meeting"),
    ("How much did the integrated planning team in Haiti cost?", "how much the integrated planning team in Haiti cost"),
    ("What does the DPO policy on unmanned aerial systems require?",
     "what the DPO policy on unmanned aerial systems requires"),
    ("When did the Security Council mission meet the President?", "when the Security Council mission met the President"),
    ("How often does the ISF have to be reviewed?", "how often the ISF has to be reviewed"),
    ("How do missions plan transitions?", "how missions plan transitions"),
    ("What did MINUSTAH withdraw in August?", "what MINUSTAH withdrew in August"),
    ("How many troops does MINUSMA have?", "how many troops MINUSMA has"),
    # modals and have: the auxiliary behind the subject
    ("How many pages may a strategic assessment report have?", "how many pages a strategic assessment report may have"),
    ("Where must a signed ISF be filed?", "where a signed ISF must be filed"),
    ("When must the mission concept be submitted to the Security Council?",
     "when the mission concept must be submitted to the Security Council"),
    ("How long should a strategic assessment take?", "how long a strategic assessment should take"),
    # be: behind the subject, before a predicate, or at the end of a noun phrase (before a closing date)
    ("What is the deadline for submitting an ISF?", "what the deadline for submitting an ISF is"),
    ("What is the deadline for submitting an ISF after a mandate is adopted?",
     "what the deadline for submitting an ISF is after a mandate is adopted"),
    ("When was the ISF introduced?", "when the ISF was introduced"),
    ("What were the integrated operational teams meant to do?", "what the integrated operational teams were meant to do"),
    ("How strong was the Haitian National Police by September 2017?",
     "how strong the Haitian National Police was by September 2017"),
    ("What is MINUSMA's approved budget for 2022/23?", "what MINUSMA's approved budget for 2022/23 is"),
    # the question word is the subject: already in order
    ("Who signs the ISF?", "who signs the ISF"),
    ("Who has to sign the ISF?", "who has to sign the ISF"),
    ("Which office must archive completed ISFs?", "which office must archive completed ISFs"),
    ("Who is responsible for the ISF?", "who is responsible for the ISF"),
    ("How many members sit on the Integration Steering Group?", "how many members sit on the Integration Steering Group"),
    # yes/no: a whether clause
    ("Can the Peacebuilding Fund pay the salaries of national police officers?",
     "whether the Peacebuilding Fund can pay the salaries of national police officers"),
    ("Is there a newer IAP policy than 2013?", "whether there is a newer IAP policy than 2013"),
    ("Has a newer Capstone Doctrine replaced the 2008 one?", "whether a newer Capstone Doctrine has replaced the 2008 one"),
    ("Are country team agencies allowed to use mission helicopters?",
     "whether country team agencies are allowed to use mission helicopters"),
    ("Does HQ have to approve the ISF?", "whether HQ has to approve the ISF"),
    ("Did the police report cover Dili?", "whether the police report covered Dili"),
    ("Is the ISF mandatory?", "whether the ISF is mandatory"),
    ("Can the country team change the ISF on its own?", "whether the country team can change the ISF on its own"),
    # a follow-up's leading 'and', a second clause
    ("and who approves it?", "who approves it"),
    ("Who signs or endorses the ISF, and does HQ have to approve it?", "who signs or endorses the ISF"),
])
def test_indirect_question(question, expected):
    assert indirect(question) == expected


def test_verbs_come_from_the_lexicon():
    assert can_be_verb("meet") and can_be_verb("allowed")
    assert not can_be_verb("policy") and not can_be_verb("Meet")


@pytest.mark.parametrize("question, verb", [
    ("Can the Peacebuilding Fund pay the salaries of national police officers?", "pay"),
    ("Are country team agencies allowed to use mission helicopters?", "allowed"),
    ("Can the country team change the ISF on its own?", "change"),
    ("Must a signed ISF be filed?", "filed"),
    ("Is there a newer IAP policy than 2013?", ""),
    ("Who signs the ISF?", ""),
])
def test_main_verb_of_a_yes_no_question(question, verb):
    assert main_verb(question) == verb


def test_verb_forms_include_irregular_ones():
    assert {"meet", "met", "meets"} <= verb_forms("meet")
