"""Quizzes that teach: concepts, roles, documents and cases; distractors of the same kind; no answer in its stem."""

from __future__ import annotations

import json
import re

import pytest

from assistant.products.evaluation import leaks, malformed
from assistant.products.quiz import BLANK, BODIES, DOCUMENTS, MISSIONS, quiz_items
from assistant.products.quiz_sheets import quiz

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def items(retriever):
    out = []
    for topic in ("integrated strategic framework", "peacebuilding architecture", "UN transition in Timor-Leste"):
        out += quiz_items(topic, 10, retriever)[0]
    return out


def test_items_are_well_formed_and_never_give_the_answer_away(items):
    assert len(items) >= 20
    for item in items:
        assert not malformed(item), (item.stem, malformed(item))
        assert not leaks(item), item.stem
        # trial 7: "Which mission does this passage … describe? '… key elements of the _____ benchmarks'" asked for a
        # mission the passage does not describe; a mission item asks which mission completes the passage
        assert "does this passage" not in item.stem, item.stem


def test_kinds_and_difficulties_are_mixed(items):
    assert {"concept", "role", "case"} <= {i.kind for i in items}
    assert {"easy", "medium", "hard"} & {i.difficulty for i in items} >= {"easy", "medium"}


def test_distractors_are_of_the_same_kind(items):
    for item in items:
        if item.kind == "role":
            assert set(item.options) <= set(BODIES), item.options
            assert "donors" not in item.options and "member states" not in item.options  # no generic non-entity
        if item.kind == "document":
            assert set(item.options) <= set(DOCUMENTS), item.options
        if item.kind == "case" and not item.answer.isdigit():
            assert set(item.options) <= set(MISSIONS), item.options
        if item.kind == "case" and item.answer.isdigit():
            assert all(o.isdigit() and abs(int(o) - int(item.answer)) <= 4 for o in item.options)


def test_blanks_hold_what_the_cited_source_says(retriever):
    items, sources = quiz_items("peacebuilding architecture", 10, retriever)
    by_n = {c.n: c for c in sources}
    for item in items:
        if BLANK in item.stem:
            quoted = item.stem.split("“", 1)[1].rstrip("”").replace(BLANK, item.answer)
            assert " ".join(quoted.split()).lower()[:60] in " ".join(by_n[item.source].quote.split()).lower().replace("\u00ad",
                "")


def test_quiz_report_has_answer_key(retriever):
    report = quiz("peacebuilding", 4, retriever)
    table = next(b.rows for b in report.blocks if b.kind == "table")
    assert table[0] == ["#", "Answer", "Kind", "Source"] and len(table) >= 2


def test_cli_json_one_object_per_item(cli):
    rows = cli("quiz", "--topic", "integrated strategic framework", "-n", "5", "--format", "json")
    assert len(rows) == 5 and all(set(r) == {"stem", "options", "answer", "citation"} for r in rows)
    assert all(r["answer"] in r["options"] for r in rows)
    json.dumps(rows)


def test_count_limits():
    with pytest.raises(ValueError, match="count"):
        quiz_items("topic", 0, None)


def test_a_quiz_on_named_texts_says_which_are_missing_and_asks_about_them(retriever):
    """The trainer request from the domain notes (5.3 #9): Brahimi and the Note of Guidance are not in the library;
    the quiz says so and builds most items from what the library says about the named texts."""
    topic = "Brahimi, the 2006 Note of Guidance, the 2008 decision and the IAP policy"
    report = quiz(topic, 15, retriever)
    notes = [b.text for b in report.blocks if b.kind == "note"]
    for short in ("Brahimi Report", "Note of Guidance 2006", "IAP Policy 2013"):
        assert any(n.startswith(f"{short} is not in the library") for n in notes), short
    items, _ = quiz_items(topic, 15, retriever)
    named = [i for i in items if re.search(r"Brahimi|Note of Guidance|Policy Committee|Integrated Assessment and Planning",
                                           i.stem + i.answer, re.IGNORECASE)]
    assert len(named) >= 8 and any("2008" == i.answer for i in items)
    for item in items:
        assert not malformed(item) and not leaks(item) and "available at" not in item.stem


ISF_SLF = ("I'd like a 20-question quiz for newly arrived mission planners on the Integrated Strategic Framework and the Senior "
           "Leadership Forum, with source references.")


def test_a_quiz_on_the_isf_and_slf_asks_about_them_not_about_whatever_was_retrieved(retriever):
    """The held-out failure: 20 items on A/RES/80/11 and Haiti for a quiz on the ISF and the SLF. Items now come from
    sentences naming the ISF, the glossary entries for both terms and their close neighbours; the SLF, which the
    library's documents never name, is said to come from the glossary only."""
    items, sources = quiz_items(ISF_SLF, 20, retriever)
    on_terms = [i for i in items if re.search(r"Integrated Strategic Framework|Senior Leadership Forum", i.stem + i.answer)]
    from_library = [i for i in items if BLANK in i.stem]
    assert len(on_terms) >= 4 and len(from_library) >= 3
    for item in items:  # no stem writes out another item's answer (the ISF, asked for, beside stems naming it)
        assert not any(item.answer.split(" (")[0].lower() in other.stem.lower() for other in items if other is not item)
    for item in from_library:  # the sentence named the ISF (in any case); the name may be the blank
        assert re.search(r"Integrated Strategic Framework|\bISF\b", item.stem + item.answer, re.IGNORECASE), item.stem
    assert not any(s.short == "A/RES/80/11" for s in sources)  # the resolution never names the ISF or the SLF
    assert not any(i.answer.isdigit() for i in items)  # no year guessing
    notes = [b.text for b in quiz(ISF_SLF, 20, retriever).blocks if b.kind == "note"]
    assert any("never mention the Senior Leadership Forum (SLF)" in n for n in notes)


def test_participant_copy_has_no_answers_and_the_key_has_them(retriever, cli):
    topic = "integrated strategic framework"
    sheet = quiz(topic, 6, retriever, part="questions")
    text = " ".join(b.text + " ".join(b.items) for b in sheet.blocks)
    assert not sheet.sources and not any(b.kind == "table" for b in sheet.blocks) and "Answer key" not in text
    assert sum(b.kind == "bullets" for b in sheet.blocks) == 6
    key = quiz(topic, 6, retriever, part="key")
    table = next(b.rows for b in key.blocks if b.kind == "table")
    assert len(table) == 7 and key.sources and not any(b.kind == "bullets" for b in key.blocks)
    rows = cli("quiz", "--topic", topic, "-n", "3", "--format", "json", "--part", "questions")
    assert len(rows) == 3 and all(set(r) == {"stem", "options"} for r in rows)


@pytest.mark.parametrize("topic", ["a quiz on UNMISS's budget",
                                   "Make a quiz on the 2021 UNMISS budget performance report and its troop cost rates."])
def test_a_quiz_on_a_mission_the_library_names_but_never_on_that_subject_is_declined(retriever, topic):
    """IPI 2013 names UNMISS (planning, troop ceilings) but no sentence naming it is about its budget."""
    with pytest.raises(ValueError, match="never together with “budget”"):
        quiz_items(topic, 10, retriever)
    assert quiz_items("UNMISS planning", 3, retriever)[0]  # what the library does hold on UNMISS: built


def test_a_quiz_on_one_term_asks_what_its_sentences_hold_and_says_which_items_are_on_related_terms(retriever):
    # a quiz on the ISF never asks for 'the ISF' itself: its sentences give the year it became a requirement instead
    items, _ = quiz_items("integrated strategic framework", 12, retriever)
    made = [i for i in items if "made into a requirement" in i.stem]
    assert made and made[0].answer == "2008" and made[0].kind == "case", [i.stem for i in items]
    report = quiz("integrated strategic framework", 12, retriever)
    note = next(b.text for b in report.blocks if b.kind == "note" and b.text.startswith("The library gave"))
    related = re.search(r"items? ([\d, and]+?) (?:(?:are|is) )?on (?:a )?related terms?", note)
    assert "on the Integrated Strategic Framework itself" in note and related, note
    numbers = [int(n) for n in re.findall(r"\d+", related.group(1))]
    assert all(items[n - 1].kind == "concept" for n in numbers)  # the glossary fills what the library lacks


def test_no_definition_is_both_an_answer_and_another_items_distractor(retriever):
    for topic in ("the Peacebuilding Commission and the Peacebuilding Fund", "integrated strategic framework"):
        items, _ = quiz_items(topic, 12, retriever)
        definitions = {i.answer for i in items if i.kind == "concept" and len(i.answer.split()) >= 6}
        wrong = [o for i in items for o in i.options if o != i.answer]
        assert not definitions & set(wrong), topic


def test_a_quiz_listing_subjects_asks_about_each_of_them(retriever):
    """The request's subjects were cut with its title ("… integration, the ISF, the…"): the DSRSG/RC/HC and transitions
    got no item, and five went to the ISF. Each listed subject now has its turn."""
    topic = ("A 12-question quiz for new UNCT staff on how a UN mission and the country team work together: "
             "integration, the ISF, the DSRSG/RC/HC role and transitions")
    items, _ = quiz_items(topic, 12, retriever)
    text = [f"{i.stem} {i.answer}" for i in items]
    assert any(re.search(r"DSRSG/RC/HC", t) for t in text), text
    assert any(re.search(r"\btransition", t, re.IGNORECASE) for t in text), text
    assert sum("Integrated Strategic Framework" in t or "ISF" in t for t in text) <= 6
    assert not any(i.stem.split("“")[-1].startswith(("The report", "This report")) for i in items)
    notes = [b.text for b in quiz(topic, 12, retriever).blocks if b.kind == "note"]
    assert not any("asks what they say" in n for n in notes)  # trial 7: the note promised items none of the passages gave


def test_the_key_shows_each_quoted_sentence_in_its_source_however_deep_in_the_passage(retriever):
    """The key showed a passage's first 600 characters: "UNMIT continued its 'one United Nations system' approach", the
    sentence an item blanked, sat at character 1,058 of S/2012/765's paragraph 1 and was cut off."""
    from assistant.products.export import to_markdown
    from assistant.products.quiz_sheets import anchors

    report = quiz(ISF_SLF, 20, retriever)
    items, _ = quiz_items(ISF_SLF, 20, retriever)
    shown = " ".join(to_markdown(report).split("## Sources", 1)[1].split())
    assert anchors(items)
    for words in anchors(items).values():
        assert " ".join(words.split()) in shown, words


def test_no_definition_item_is_given_away_by_a_word_only_its_answer_shares_with_the_name(retriever):
    """Newcomer trial 6: for the Integration Steering Group only one option spoke of integration, for MINUSTAH only one
    of Haiti, for the DSRSG/RC/HC only one option was a person."""
    from assistant.products.quiz_focus import content_stems

    topic = ("a 12-question quiz on UN integration, the Integrated Strategic Framework, the role of the DSRSG/RC/HC, and "
             "mission transitions in Haiti and Timor-Leste")
    items, _ = quiz_items(topic, 12, retriever)
    for item in (i for i in items if i.stem.startswith("Which definition fits the ")):
        name = item.stem.removeprefix("Which definition fits the ").rsplit(" (", 1)[0]
        if content_stems(item.answer) & content_stems(name):
            assert any(content_stems(o) & content_stems(name) for o in item.options if o != item.answer), item


def test_a_quiz_on_lessons_asks_the_reasons_the_sources_give(retriever):
    """Trial 15: a quiz on lessons from transitions was all acronym and definition recall. Items now ask the reason or
    aim a report gives, blanked in its own sentence; the answer is the cited source's words, the options are reasons the
    library gives elsewhere, of the same grammar."""
    from assistant.products.quiz_reasons import reason_of

    items, sources = quiz_items("lessons from the UN transition in Timor-Leste and Haiti", 6, retriever)
    reasons = [i for i in items if i.kind == "reason"]
    assert reasons, [i.stem for i in items]
    for item in reasons:
        passage = " ".join(sources[item.source - 1].quote.split())
        assert item.answer in passage and item.stem.count(BLANK) == 1, (item.stem, item.answer)
        filled = item.stem.split("“", 1)[1].rstrip("”").replace(BLANK, item.answer)
        kind = reason_of(filled)[0]
        assert all(not o or reason_of(filled.replace(item.answer, o)) for o in item.options)  # one grammar
        assert kind in ("cause", "purpose", "aim", "gerund", "object") and len(set(item.options)) == 4


def test_a_long_lessons_topic_asks_lessons_and_at_most_half_which_mission(retriever):
    """Trial 16: 'lessons from UN mission transitions and drawdowns (Haiti, Timor-Leste): what went well, what went wrong,
    and why' asked no lesson; 'lessons from transitions' gave 5 items of 8, 4 of them 'which mission'."""
    for topic in ("lessons from UN mission transitions and drawdowns (Haiti, Timor-Leste): what went well, what went "
                  "wrong, and why", "lessons from transitions"):
        items, _ = quiz_items(topic, 8, retriever)
        assert any(i.kind == "reason" for i in items), [i.stem for i in items]
        assert 2 * sum(i.answer in MISSIONS for i in items) <= len(items), [i.stem for i in items]
