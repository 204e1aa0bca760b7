"""Which items a quiz keeps: the subject's items before related concepts, an answer at most twice, the subject's named
policy texts counting as the subject (pure logic, no model)."""

from __future__ import annotations

from assistant.citation import Citation
from assistant.corpus.glossary import Term
from assistant.products.quiz_fill import fill as _fill
from assistant.products.quiz_focus import Focus

ISF = Term(term="ISF", expansion="Integrated Strategic Framework", definition="Shared strategy of a mission and the UNCT.")
CITE = Citation(n=0, chunk_id="c", doc_id="d", title="t", short="IPI 2013", locator="p. 1", quote="q")


def _item(stem: str, answer: str) -> tuple[dict, Citation]:
    return dict(stem=stem, options=[], answer=answer, kind="case", difficulty="medium"), CITE


def test_items_on_the_subject_come_before_related_concepts_and_an_answer_repeats_at_most_twice():
    fx = Focus(subject="integrated strategic framework", terms=[ISF])
    related = [_item("Which definition fits the Integrated Mission Task Force (IMTF)?", "HQ task force")]
    cases = [(_item(f"Which mission adopted an Integrated Strategic Framework in {year}? “_____ adopted it in {year}.”",
                    "UNMIT")[0], CITE.model_copy(update={"doc_id": f"s-{year}"})) for year in (2008, 2009, 2010)]
    picked = _fill([], [related, cases], 12, fx)
    assert [i["answer"] for i, _ in picked] == ["UNMIT", "UNMIT", "HQ task force"]
    assert [i["answer"] for i, _ in _fill([], [related, cases], 8, fx)] == ["UNMIT", "HQ task force"]  # ten or fewer: once


def test_a_short_quiz_asks_each_answer_once():
    fx = Focus(subject="integrated strategic framework", terms=[ISF])
    cases = [_item(f"The Integrated Strategic Framework of {y}: “_____ adopted it in {y}.”", "UNMIT") for y in (2008, 2009)]
    assert len(_fill([], [cases], 4, fx)) == 1


def test_the_policy_texts_a_subject_names_are_the_subject():
    fx = Focus(subject="Brahimi and the 2008 decision", terms=[], texts=["Brahimi Report", "Policy Committee decision"])
    assert fx.about("The _____ had already recommended integrated mission taskforces. Brahimi Report")
    assert fx.about("The shift was confirmed by a June 2008 decision of the Secretary-General.")
    assert not Focus(subject="peacebuilding", terms=[ISF]).about("The Brahimi Report recommended task forces.")


def test_a_quiz_on_one_term_never_answers_with_the_term_and_asks_each_glossary_term_once():
    fx = Focus(subject="integrated strategic framework", terms=[ISF])
    giveaway = _item("Which planning instrument completes this statement? “The _____ was introduced in 2008.”",
                     "Integrated Strategic Framework")
    glossary = Citation(n=0, chunk_id="glossary:IMTF", doc_id="glossary", title="Glossary", short="Glossary", locator="IMTF",
                        quote="q")
    one_way = (dict(stem="Which definition fits the IMTF?", options=[], answer="HQ task force", kind="concept",
                    difficulty="easy"), glossary)
    other_way = (dict(stem="Which term does this definition describe? “HQ task force.”", options=[], answer="IMTF",
                      kind="concept", difficulty="medium"), glossary)
    picked = _fill([], [[giveaway, one_way, other_way]], 6, fx)
    assert [i["answer"] for i, _ in picked] == ["HQ task force"]
    several = Focus(subject="the ISF and the SLF", terms=[ISF, Term(term="SLF", expansion="Senior Leadership Forum",
                                                                     definition="Forum.")])
    assert _fill([], [[giveaway]], 6, several)  # two subjects: naming one of them is a fair question


def test_a_definition_item_draws_its_distractors_from_terms_of_its_own_kind():
    from assistant.products.quiz_pools import kind_of

    assert kind_of("United Nations Mission for Justice Support in Haiti") == "mission"
    assert kind_of("United Nations Integrated Office in Haiti") == "mission"
    assert kind_of("Office for the Coordination of Humanitarian Affairs") == "body"  # an office, not a field presence
    assert kind_of("Haitian National Police") == kind_of("Polícia Nacional de Timor-Leste") == "national"  # not a UN body
    assert kind_of("Strategic Assessment") == "concept"


def test_a_resolutions_formula_is_never_the_blank():
    from assistant.products.quiz import BLANK, FORMULA

    assert FORMULA.match(f"27. Requests the {BLANK} to assess how ongoing reforms …")
    assert not FORMULA.match(f"Encourages the {BLANK} to engage with the private sector.")


def test_two_items_quoting_one_sentence_are_one_item():
    """"Which mission completes this statement …" and "Which mission does this passage describe?" on one sentence."""
    fx = Focus(subject="integrated strategic framework", terms=[ISF])
    quote = "“The workshop identified strategic benchmarks for the Integrated Strategic Framework of _____.”"
    cases = [_item(f"Which mission completes this statement from S/2019/805? {quote}", "BINUH"),
             _item(f"Which mission does this passage from S/2019/805 describe? {quote}", "BINUH")]
    assert len(_fill([], [cases], 6, fx)) == 1


def test_an_item_whose_answer_another_stem_writes_out_is_left_out():
    """'… the resident coordinator (RC) and _____' is answered by another item's stem that writes out the title."""
    fx = Focus(subject="integrated strategic framework", terms=[ISF])
    blank = _item("Which body completes this statement? “The authority of both the RC and _____ would reside in him.”",
                  "Humanitarian Coordinator")
    told = _item("Which term does this definition describe? “The deputy who is Resident Coordinator and Humanitarian "
                 "Coordinator.”", "DSRSG/RC/HC")
    assert [i["answer"] for i, _ in _fill([], [[told, blank]], 6, fx)] == ["DSRSG/RC/HC"]


def test_one_answer_from_one_report_is_one_fact():
    """'strategic benchmarks for _____' and 'six new benchmarks … after the deployment of _____': S/2019/805, BINUH."""
    fx = Focus(subject="integrated strategic framework", terms=[ISF])
    cases = [_item("Which mission? “The workshop set benchmarks for the Integrated Strategic Framework of _____.”", "BINUH"),
             _item("Which mission? “Six new benchmarks were set after the deployment of _____.”", "BINUH")]
    assert len(_fill([], [cases], 6, fx)) == 1


def test_a_topic_listing_subjects_is_each_of_them_in_turn_and_a_long_title_never_cuts_one():
    from assistant.products.exercise_shapes import subject, topic_of
    from assistant.products.quiz_focus import parts

    request = ("A 12-question quiz for new UNCT staff on how a UN mission and the country team work together: "
               "integration, the ISF, the DSRSG/RC/HC role and transitions")
    assert subject(request) == topic_of(request).rstrip() and topic_of(request).endswith("the DSRSG/RC/HC role and transitions")
    longer = request + ", the Senior Leadership Forum, the Integrated Task Force and the Strategic Assessment"
    assert subject(longer).endswith("…") and topic_of(longer).endswith("the Strategic Assessment")
    dsrsg = Term(term="DSRSG/RC/HC", expansion="Deputy Special Representative of the Secretary-General, Resident "
                 "Coordinator and Humanitarian Coordinator", definition="The triple-hatted deputy.")
    assert parts(topic_of(request), [dsrsg]) == ["integration", "the ISF", "the DSRSG/RC/HC role", "transitions"]
    assert parts(f"the {dsrsg.expansion} and transitions", [dsrsg]) == [f"the {dsrsg.expansion}", "transitions"]
    whole = Focus(subject="the ISF and transitions", terms=[], parts=[
        Focus(subject="the ISF", terms=[Term(term="ISF", expansion="Integrated Strategic Framework", definition="x")]),
        Focus(subject="transitions", terms=[], stems={"transi"})])
    assert whole.about("The ISF was made a requirement in 2008.") and whole.about("The transition was planned jointly.")
    assert not whole.about("The Council extended the mandate.")


def test_a_post_the_term_holds_is_never_its_wrong_definition():
    """Trial 9: "Deputy head of a UN mission" (the DSRSG's definition) was offered as wrong for the DSRSG/RC/HC."""
    import random
    from types import SimpleNamespace as Term

    from assistant.products.quiz_concepts import concept_item

    triple = Term(term="DSRSG/RC/HC", expansion="Deputy Special Representative, Resident Coordinator and Humanitarian "
                  "Coordinator", definition="The triple-hatted second-in-command of an integrated mission.")
    others = [Term(term="DSRSG", expansion="Deputy Special Representative", definition="Deputy head of a UN mission."),
              Term(term="SRSG", expansion="Special Representative", definition="Head of a UN mission."),
              Term(term="ERSG", expansion="Executive Representative", definition="Head of a peacebuilding office."),
              Term(term="ERC", expansion="Emergency Relief Coordinator", definition="Head of OCHA."),
              Term(term="RCO", expansion="Resident Coordinator's Office", definition="The office supporting the RC.")]
    item = concept_item(triple, [triple, *others], 0, random.Random(0))
    assert item and "Deputy head of a UN mission." not in item["options"], item


def test_in_a_quiz_on_several_subjects_one_subject_named_in_another_stem_gives_that_item_away():
    """Trial 9's ten items on "transitions, the Peacebuilding Fund, …, and the Integrated Strategic Framework": the stems
    of items 3 and 4 wrote out "Integrated Strategic Framework", the answer of item 1; item 5 asked it again as "(ISF)"."""
    from assistant.products.quiz_fill import named_first
    isf = Focus(subject="the Integrated Strategic Framework", terms=[ISF])
    several = Focus(subject="the Peacebuilding Fund and the Integrated Strategic Framework", terms=[ISF],
                    parts=[Focus(subject="the Peacebuilding Fund", terms=[], stems={"peaceb"}), isf])
    asked = _item("Which instrument? “The _____ was made a requirement in 2008.”", "Integrated Strategic Framework")
    told = _item("Which instrument? “The joint vision replaced the Integrated Strategic Framework and the _____.”",
                 "Development Assistance Framework")
    again = _item("Which term does this definition describe? “Shared strategy of a mission and the UNCT.”",
                  "Integrated Strategic Framework (ISF)")
    assert [i["answer"] for i, _ in named_first([asked, told, again], 4, several)] == ["Integrated Strategic Framework"]
    assert len(named_first([asked, told], 6, isf)) == 2  # a quiz on the ISF alone names it in every stem
    from assistant.products.quiz_fill import subject_names_last
    first = subject_names_last([asked, told, again], several)  # the item asking for a subject's name gives way
    assert [i["answer"] for i, _ in named_first(first, 4, several)] == ["Development Assistance Framework"]


def test_a_term_holding_the_answer_s_post_is_no_wrong_option():
    import random

    from assistant.corpus.glossary import Term
    from assistant.products.quiz_concepts import concept_item
    hc = Term(term="HC", expansion="Humanitarian Coordinator", definition="Senior UN humanitarian official in a country.")
    same = [Term(term=t, expansion=e, definition=f"{e} definition.") for t, e in [
        ("DSRSG/RC/HC", "Deputy Special Representative, Resident Coordinator and Humanitarian Coordinator"),
        ("ERC", "Emergency Relief Coordinator"), ("RC", "Resident Coordinator"), ("SRSG", "Special Representative"),
        ("ERSG", "Executive Representative"), ("HCT", "Humanitarian Country Team")]]
    for seed in range(5):
        item = concept_item(hc, same, 1, random.Random(seed))
        assert item and not any("DSRSG/RC/HC" in o for o in item["options"])
