"""Honest gaps: catalogued texts named in a question, the gap sentence, unknown named things (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.gaps import (
    asked_share,
    gap_statement,
    unknown_entities,
    unstated,
    verb_held,
    what_is_missing,
    words_of_sentence,
)
from assistant.answering.missing import aliases, missing_note, named_missing_texts
from assistant.answering.question import understand
from assistant.citation import GAP_PREFIX, MISSING_NOTE
from assistant.corpus.manifest import load_manifest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def manifest():
    return load_manifest(CORPUS)


@pytest.mark.parametrize(("question", "doc_id"), [
    ("What did the Brahimi Report recommend about task forces?", "brahimi-2000"),
    ("What does the IAP Policy say about monitoring?", "iap-policy-2013"),
    ("What does the 2013 Policy on Integrated Assessment and Planning say about humanitarian space?", "iap-policy-2013"),
    ("Which templates does the IAP Handbook provide?", "iap-handbook-2014"),
    ("What does the 2006 Note of Guidance say about reporting lines?", "nog-2006"),
    ("What are the principles in the Capstone Doctrine?", "capstone-2008"),
    ("What did HIPPO recommend?", "hippo-2015"),
    ("What does A/55/305 say about rapid deployment?", "brahimi-2000"),
])
def test_catalogued_texts_are_recognised(manifest, question, doc_id):
    assert doc_id in [d.id for d in named_missing_texts(question, manifest, library_doc_ids={"ipi-2013"})]


def test_a_text_in_the_library_is_not_reported_missing(manifest):
    assert not named_missing_texts("What did the Brahimi Report say?", manifest, library_doc_ids={"brahimi-2000"})


def test_plain_questions_name_no_missing_text(manifest):
    assert not named_missing_texts("Who leads the UN country team in Timor-Leste?", manifest, library_doc_ids=set())
    assert not named_missing_texts("What went wrong in planning UNMISS in 2011?", manifest, library_doc_ids=set())


def test_missing_note_says_where_and_how(manifest):
    info = manifest.catalogue["brahimi-2000"]
    note = missing_note(info, ["IPI 2013"])
    assert note.startswith(f"Brahimi Report {MISSING_NOTE}") and info.url in note
    assert "planassist corpus fetch" in note and "IPI 2013" in note


def test_aliases_include_short_title_without_year(manifest):
    assert "IAP Policy" in aliases(manifest.catalogue["iap-policy-2013"])


def test_gap_statement_is_an_indirect_question():
    assert gap_statement(understand("Who signs the ISF?")) == f"{GAP_PREFIX} who signs the ISF."
    assert gap_statement(understand("Is there a newer IAP policy than 2013?")) == \
        f"{GAP_PREFIX} whether there is a newer IAP policy than 2013."
    assert gap_statement(understand("How much did the General Assembly appropriate for BINUH?")) == \
        f"{GAP_PREFIX} how much the General Assembly appropriated for BINUH."


def test_unknown_entities_are_those_absent_from_the_library():
    text = "unmiss was mandated by resolution 1996. the pntl grew."
    assert unknown_entities(understand("What troop ceiling did resolution 2677 (2023) set for UNMISS?"), text) == [
        "resolution 2677 (2023)"]


def test_names_joined_by_a_slash_are_held_when_each_is():
    """'DPO/DPPA' was declined as a name the library never uses: the library spells both departments out."""
    q = understand("What changed with the 2019 restructuring (DPO/DPPA) for who leads the ITF?")
    assert "DPO/DPPA" not in unknown_entities(q, "the itf met.", known={"DPO", "DPPA", "ITF"})
    assert "DPO/DPPA" in unknown_entities(q, "the itf met.", known={"DPO", "ITF"})


def test_aliases_that_name_many_texts_or_dangle_are_left_out(manifest):
    assert "Peacekeeping Operations" not in aliases(manifest.catalogue["capstone-2008"])
    assert "Note of" not in aliases(manifest.catalogue["nog-2006"])
    named = named_missing_texts("What does the 2018 Declaration of Shared Commitments on UN Peacekeeping Operations say?",
                                manifest, library_doc_ids=set())
    assert [d.id for d in named] == ["a4p-declaration-2018"]  # the Declaration itself, not the Capstone Doctrine
    assert not named_missing_texts("When was the UNSDCF in Haiti due to be reviewed?", manifest, library_doc_ids=set())


def test_a_named_thing_counts_once_in_what_is_asked():
    spelled, short = understand("Who approves the Integrated Strategic Framework?"), understand("Who approves the ISF?")
    sentence = "The Integrated Strategic Framework (ISF) was introduced and made into a requirement in 2008."
    assert asked_share(spelled, sentence) == asked_share(short, sentence) == 0.5
    assert asked_share(short, "The ISF is approved by the heads of mission and country team.") == 1.0


@pytest.mark.parametrize(("unknown", "apart", "novel", "expected"), [
    (["CPAS"], [], [], "The library does not mention CPAS."),
    ([], ["ISF", "RBB", "Mission Concept"], [], "The library never mentions ISF, RBB and Mission Concept in the same passage."),
    ([], [], ["gratuiti"], "The library never uses the word “gratuity”."),
    ([], [], [], f"{GAP_PREFIX} who pays the gratuity to CPAS staff."),
])
def test_what_a_declined_question_lacks(unknown, apart, novel, expected):
    q = understand("Who pays the gratuity to CPAS staff?")
    assert what_is_missing(q, unknown, apart, novel) == expected


def test_a_yes_no_question_no_sentence_settles_is_a_gap():
    q = understand("Can the Peacebuilding Fund pay the salaries of national police officers?")
    assert unstated(q, predicate=0.25, lead_asked=0.4, gap_focus=0.34)
    assert not unstated(q, predicate=0.75, lead_asked=0.4, gap_focus=0.34)  # a top sentence holds most of the ask
    assert not unstated(q, predicate=0.25, lead_asked=0.6, gap_focus=0.34)  # the lead does


def test_a_yes_no_question_whose_verb_no_top_sentence_uses_is_a_gap():
    q = understand("Can the country team change the ISF on its own?")
    assert not verb_held(q, ["The ISF was designed to capture the partnership between a mission and a country team."])
    assert verb_held(q, ["The country team changed the ISF in 2012."])
    # 'say', 'mention': what a text says is the ask, not its verb (probe-5's first turn on resolution 80/11 was a gap)
    said = understand("Does resolution 80/11 say anything about the Peacebuilding Fund helping countries in transition?")
    assert verb_held(said, ["Encourages the Secretary-General to consider how the Peacebuilding Fund can support them."])
    assert unstated(q, predicate=0.75, lead_asked=0.6, gap_focus=0.34, held=False)
    assert verb_held(understand("Did the mission meet the President?"), ["The mission met with the President."])
    assert verb_held(understand("Who signs the ISF?"), [])  # not a yes/no question


def test_a_verb_of_the_same_family_settles_a_yes_no_question():
    """'finish' is asked, 'complete' is what the report says (kin.py); a verb of another family still does not."""
    q = understand("Could the serious crimes investigators finish all their cases before the mission closed?")
    assert verb_held(q, ["The Serious Crimes Investigation Team will not be able to complete 61 investigations."])
    assert not verb_held(q, ["The Serious Crimes Investigation Team reviewed 61 investigations."])
    assert "establish" in words_of_sentence("The committee was created in September 2010.")


def test_a_size_or_strength_asked_is_answered_by_a_number_not_the_word():
    from assistant.answering.gaps import unstated

    big = understand("How big was the Haitian National Police in 2017?")
    assert big.predicate_terms == ["size"] and not unstated(big, 0.0, 0.0, 0.5)
    signs = understand("How many people sign the ISF?")
    assert unstated(signs, 0.0, 0.0, 0.5)  # a predicate of its own ('sign') no top sentence holds


def test_a_count_asked_that_no_top_sentence_gives_is_a_gap():
    q = understand("How many police officers did UNMIT have in 2007?")
    assert unstated(q, predicate=1.0, lead_asked=1.0, gap_focus=0.5, measured=False)  # only years in the top sentences
    assert not unstated(q, predicate=1.0, lead_asked=1.0, gap_focus=0.5, held=True)


def test_a_frequency_asked_that_no_top_sentence_gives_is_a_gap():
    q = understand("How often should the ISF be reviewed?")
    assert unstated(q, predicate=1.0, lead_asked=1.0, gap_focus=0.5, measured=False)
    assert not unstated(q, predicate=1.0, lead_asked=1.0, gap_focus=0.5)
