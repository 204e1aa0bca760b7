"""Scope on real documents: partial answers for questions about several named things, declines for documents the
library never mentions, resolutions named by number."""

from __future__ import annotations

import pytest

from assistant.answering.answer import answer_question
from assistant.citation import MISSING_NOTE, NOT_COVERED

pytestmark = pytest.mark.integration


def test_a_relation_between_things_never_in_one_passage_is_answered_in_part(retriever):
    """IPI relates the ISF to results-based budgeting; no test document names a mission concept."""
    result = answer_question("How does the ISF relate to the Mission Concept and the RBB?", retriever,
                             backend="extractive")
    first, *parts = result.answer.splitlines()
    assert first == "The library does not mention Mission Concept. What it says about ISF and RBB:", first
    assert not result.abstained and NOT_COVERED not in result.answer
    assert any("Results-Based Budgeting tool for missions" in p for p in parts), parts
    assert {s.role for s in result.sentences} == {"part"} and all(s.supported for s in result.sentences)


def test_one_thing_asked_of_each_named_thing_is_answered_for_the_one_the_library_holds(retriever):
    result = answer_question("What is the Integration Steering Group, and who chairs the Senior Leadership Forum?",
                             retriever, backend="extractive")
    assert result.answer.startswith("The library does not mention Senior Leadership Forum."), result.answer
    assert "a standing body at the level of undersecretary-general" in result.answer


def test_two_asks_of_one_context_the_library_lacks_are_still_declined(retriever):
    result = answer_question("When did MINUSMA complete its withdrawal from Mali, and who took over its camps?",
                             retriever, backend="extractive")
    assert result.abstained and result.answer == NOT_COVERED
    assert result.notes[0] == "The library does not mention MINUSMA.", result.notes


def test_a_document_on_a_subject_the_library_never_mentions_is_declined_as_such(retriever):
    result = answer_question("Which DPO policy governs unmanned aerial systems?", retriever, backend="extractive")
    assert result.abstained and result.answer == NOT_COVERED
    assert result.notes[0] == "The library does not mention any DPO policy on unmanned aerial systems.", result.notes


def test_a_document_named_subject_first_is_declined_saying_the_library_lacks_it(retriever):
    """'DPO Protection of Civilians handbook': the subject stands before the document kind."""
    result = answer_question("What does the DPO Protection of Civilians handbook require of battalions?", retriever,
                             backend="extractive")
    assert result.abstained and result.answer == NOT_COVERED
    assert result.notes[0] == "The library does not mention any DPO handbook on Protection of Civilians.", result.notes


def test_a_document_the_library_mentions_is_still_answered(retriever):
    """IPI note 4: 'The first DPKO policy directive on JOC and JMAC was released in 2006 …'."""
    result = answer_question("What does the DPKO policy directive on JOC and JMAC require?", retriever,
                             backend="extractive")
    assert not result.abstained, result.notes
    assert "JMAC" in result.answer


def test_a_resolution_named_by_its_number_gets_the_missing_text_note(retriever):
    result = answer_question("What does Security Council resolution 1996 (2011) ask UNMISS to do?", retriever,
                             backend="extractive")
    note = next((n for n in result.notes if MISSING_NOTE in n), "")
    assert note.startswith(f"S/RES/1996 (2011) {MISSING_NOTE}"), result.notes
    assert "IPI 2013" in note  # IPI describes the resolution mandating UNMISS second-hand


def test_a_typed_question_whose_lead_barely_touches_the_ask_is_a_gap(retriever):
    """IPI speaks of the ISF and of mandates, never of a deadline for submitting one: no confident non-answer."""
    result = answer_question("What is the deadline for submitting an ISF to headquarters after a mandate is adopted?",
                             retriever, backend="extractive")
    assert result.answer.startswith("The library does not state what the deadline for submitting an ISF to "
                                    "headquarters is after a mandate is adopted."), result.answer
    assert result.abstained and result.sentences  # the closest passages follow


def test_what_a_policy_requires_is_a_gap_when_no_sentence_states_a_requirement(retriever):
    """IPI names the Human Rights Due Diligence Policy in a list of system-wide policies and says nothing of what it
    requires; that naming sentence was the whole answer."""
    result = answer_question("What does the Human Rights Due Diligence Policy require of joint support to national "
                             "security forces?", retriever, backend="extractive")
    assert result.answer.startswith("The library does not state what the Human Rights Due Diligence Policy requires"), \
        result.answer


def test_a_permission_the_library_does_not_settle_is_a_gap_in_whether_form(retriever):
    """The resolution and IPI speak of the Peacebuilding Fund, never of paying police salaries from it."""
    result = answer_question("Can the Peacebuilding Fund pay the salaries of national police officers?", retriever,
                             backend="extractive")
    assert result.answer.startswith("The library does not state whether the Peacebuilding Fund can pay the salaries of "
                                    "national police officers. The closest passages:"), result.answer
    assert result.abstained and all(s.role in ("closest", "note") for s in result.sentences)


def test_a_permission_the_library_settles_is_answered(retriever):
    """A/RES/80/11 para. 22: the Fund 'can further enhance its support to conflict-affected countries … transitions'."""
    result = answer_question("Can the Peacebuilding Fund support countries going through a transition from a peace "
                             "operation?", retriever, backend="extractive")
    assert not result.abstained, result.answer
    assert "enhance its support to conflict-affected countries" in result.answer


def test_what_to_read_is_answered_from_the_manifest_without_inventing_an_order(retriever):
    result = answer_question("What should I read first as a new planner, in what order?", retriever,
                             backend="extractive")
    lines = result.answer.splitlines()
    assert lines[0].startswith("The library gives no reading order"), lines
    held = [line for line in lines[1:lines.index(next(x for x in lines if x.startswith("Canonical texts")))]]
    assert held[0].startswith("- IPI 2013 — ") and len(held) == 3, held  # the test index: analysis first
    assert any(line.startswith("- IAP Policy 2013 — ") for line in lines)  # a catalogued text it lacks
    assert result.abstained and not result.citations and not result.sentences


def test_a_named_thing_given_only_as_an_example_does_not_decline_the_question(retriever):
    # The library never mentions the IMF; the question asks about international financial institutions, and names
    # the IMF only as an example of them.
    question = ("What does the 2025 resolution encourage the Peacebuilding Commission to establish with international "
                "financial institutions such as the IMF?")
    result = answer_question(question, retriever)
    assert not result.abstained and not any("IMF" in n for n in result.notes), result.notes


def test_a_named_thing_given_as_one_of_others_and_a_document_named_by_year_and_kind_decline_nothing(retriever):
    # 'the World Bank and other big lenders': the lenders are asked about; 'the 2025 resolution' names A/RES/80/11,
    # so neither its year nor the World Bank must occur beside the Peacebuilding Commission in one passage.
    question = ("What regular meeting does the 2025 resolution want the Peacebuilding Commission to hold with the World "
                "Bank and other big lenders?")
    result = answer_question(question, retriever)
    assert not result.abstained and result.citations[0].doc_id == "a-res-80-11", result.answer


def test_a_document_named_by_its_author_is_read_not_declined(retriever):
    # Boutellis wrote the IPI study; the library never names him beside DPA, and need not.
    question = "Why, according to Boutellis, does the UN struggle to plan and send out political missions run by DPA quickly?"
    result = answer_question(question, retriever)
    assert not result.abstained and result.citations[0].doc_id == "ipi-2013", result.answer


def test_a_requirement_asked_in_other_words_is_answered_not_a_gap(retriever):
    # 'mandatory' is never in IPI's sentence; 'made into a requirement' says it.
    result = answer_question("Is an ISF mandatory?", retriever)
    assert not result.abstained and "made into a requirement in 2008" in result.sentences[0].text, result.answer


def test_a_count_no_top_sentence_gives_is_a_gap_not_a_year(retriever):
    result = answer_question("How many peacekeepers did the UN stabilization mission in Mali have deployed at the end of "
                             "2013?", retriever)
    assert result.abstained, result.answer  # IPI's lines on missions give years ('in 2013'), no count of peacekeepers
    often = answer_question("How often does the Integration Steering Group meet?", retriever)
    assert not often.abstained and "quarterly" in often.answer  # 'how often' is answered by a frequency


def test_the_second_best_sentence_can_hold_the_ask_in_other_words(retriever):
    result = answer_question("Who took over as acting head of UNMIT in June 2012?", retriever)
    assert not result.abstained and "Finn Reske-Nielsen" in result.answer, result.answer


def test_a_reports_opening_answers_only_what_it_is_about(retriever):
    police = answer_question("What happened to UNMIT's police tasks as the mission withdrew?", retriever)
    assert "The present report is submitted pursuant to" not in police.answer, police.answer
    mandate = answer_question("Until when did resolution 2037 (2012) extend UNMIT's mandate?", retriever)
    assert "31 December 2012" in mandate.answer, mandate.answer


def test_an_instrument_of_a_kind_the_library_never_writes_is_declined(retriever):
    """Trial 7's staff-rule question was answered with MINUJUSTH staffing cuts: no test document writes 'staff rule'."""
    result = answer_question("Under which staff rule can a national officer's contract be extended past the closure of "
                             "a special political mission?", retriever, backend="extractive")
    assert result.abstained and result.answer == NOT_COVERED, result.answer
    assert "The library does not mention staff rule." in result.notes, result.notes


def test_a_gap_notes_a_second_ask_the_closest_passages_do_not_answer_either(retriever):
    """Trial 10: "How long does a strategic assessment usually take, and who has to approve its recommendations?" stated
    the first gap and dropped the second ask without a word."""
    result = answer_question("How long does a strategic assessment usually take, and who signs off its final report?",
                             retriever, backend="extractive")
    assert result.answer.startswith("The library does not state how long a strategic assessment usually takes.")
    assert any("second part of the question (“who signs off its final report?”)" in n for n in result.notes), result


def test_the_askers_own_setting_before_the_question_is_set_aside_and_said_to_be(retriever):
    """Trial 15: 'We are drafting the Norvania ISF for 2027-2028. What must an ISF contain?' was declined as out of
    scope; the question alone was answered well."""
    from assistant.answering.setting import SETTING_NOTE

    result = answer_question("We are drafting the Norvania ISF for 2027-2028. What must an ISF contain?", retriever,
                             backend="extractive")
    assert not result.abstained and result.answer.startswith("Answering: What must an ISF contain?"), result.answer
    assert "Integrated Strategic Framework (ISF) was introduced and made into a requirement" in result.answer
    assert any(n.startswith(SETTING_NOTE.split("{")[0]) and "Norvania" in n for n in result.notes), result.notes
    # a setting the library holds is part of the question: nothing is set aside
    held = answer_question("We are reading the IPI study. What must an ISF contain?", retriever, backend="extractive")
    assert not any("Your setting" in n for n in held.notes)
