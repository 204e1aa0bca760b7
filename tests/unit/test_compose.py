"""Pure parts of sentence selection: which library document a question names, when a footnote carries
the ask, which sentence cites a footnote (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.candidates import _carries_the_ask
from assistant.answering.compose import _redundant, lead_pool
from assistant.answering.given import answering_given, could_answer, pointed_back
from assistant.answering.named_documents import named_by_title, named_library_docs
from assistant.answering.notes import citing_sentence
from assistant.answering.question import understand
from assistant.answering.scoring import Candidate, never_an_answer
from assistant.corpus.manifest import load_manifest

MANIFEST = load_manifest(Path(__file__).parents[2] / "corpus")
LIBRARY = {d.id for d in MANIFEST.documents.values()}


@pytest.mark.parametrize(("question", "named"), [
    ("What does the IPI report say about monitoring and evaluation requests?", {"ipi-2013"}),
    ("What holds back integrated delivery according to the Itad blog?", {"itad-integrated-delivery"}),
    ("What does S/2012/765 say about the PNTL?", {"s-2012-765"}),
    ("Who signs the ISF?", set()),
])
def test_named_library_documents(question, named):
    assert named_library_docs(question, MANIFEST, LIBRARY) == named


def test_a_document_named_by_its_short_title_comes_with_the_words_naming_it():
    # 'Itad' and 'blog' say which text to read, not what is asked of it ('define integrated delivery')
    named = named_by_title("How does the Itad blog define integrated delivery?", MANIFEST, LIBRARY)
    assert named == {"itad-integrated-delivery": {"itad", "blog"}}


def test_a_document_outside_the_library_is_not_named():
    assert named_library_docs("What does the IPI report say?", MANIFEST, LIBRARY - {"ipi-2013"}) == set()


def test_a_note_carries_the_ask_only_with_every_predicate_word():
    note = "The UN Policy on Integrated Assessment and Planning was approved by the secretary-general on April 9, 2013."
    assert _carries_the_ask(understand("When was the IAP policy approved by the Secretary-General?"), note)
    assert not _carries_the_ask(understand("What are the minimum requirements of the IAP policy?"), note)


def test_a_note_holding_the_one_word_asked_must_name_the_whole_subject():
    civcap = ("The original CIVCAP report recommended a cluster model to clarify who has \"the lead\" in the UN. This "
              "could have far reaching implications for UN integrated strategic planning.")
    assert not _carries_the_ask(understand("What is a Strategic Assessment, who leads it, and when is one triggered?"), civcap)
    assert _carries_the_ask(understand("Who leads a strategic assessment?"), "The strategic assessment is led by the ITF.")


def test_the_citing_sentence_is_the_one_before_the_marker():
    passage = "The ISF was introduced in 2008. This shift is now articulated in the 2013 Policy (IAP),¹⁸ which " \
              "supersedes the prior policy. Another sentence.¹⁹"
    sentences = [(7, "The ISF was introduced in 2008."),
                 (8, "This shift is now articulated in the 2013 Policy (IAP), which supersedes the prior policy."),
                 (9, "Another sentence.")]
    assert citing_sentence(passage, "18", sentences) == 8
    assert citing_sentence(passage, "19", sentences) == 9
    assert citing_sentence(passage, "1", sentences) is None  # ¹ alone is not the marker of ¹⁸ or ¹⁹


@pytest.mark.parametrize(("text", "kind", "never"), [
    ("The paragraphs on the peacebuilding office in Burundi are adapted from Smith and Boutellis.", "text", True),
    ("See Victoria Metcalfe, UN Integration and Humanitarian Space, 2011.", "text", True),
    ("If integrated delivery is not new, then what's holding it back?", "text", True),
    ("The IAP policy was approved on April 9, 2013.", "footnote", True),
    ("More than half of the advance team members were drawn from MINUJUSTH.", "text", False),
    ("The ISF was made into a requirement in 2008.", "text", False),
])
def test_never_an_answer(text, kind, never):
    assert never_an_answer(text, kind) is never


def test_a_sentence_off_the_question_never_leads_however_high_its_score():
    q = understand("Can mission assessed funds pay for programmatic work by agencies?")
    audit = Candidate(0, "The audit covers $6.75 million in project funds.", 0, 1, "report",
                      {"dense": 0.25, "focus": 1.0, "context_focus": 1.0, "first_person": 0.0}, score=0.9, unit_dense=0.25)
    pbf = Candidate(1, "Some PBF projects were jointly implemented by the mission and agencies.", 1, 2, "analysis",
                    {"dense": 0.33, "focus": 1.0, "context_focus": 1.0, "first_person": 0.0}, score=0.6, unit_dense=0.33)
    assert lead_pool(q, [audit, pbf]) == [pbf]
    assert lead_pool(q, [audit]) == [audit]  # nothing on topic: plan_answer declines before any lead is chosen


def test_a_point_is_redundant_when_any_sentence_it_is_quoted_with_repeats_a_chosen_one():
    from types import SimpleNamespace

    import numpy as np

    same, other, lean = np.eye(3, dtype=np.float32)
    index = SimpleNamespace(vectors=np.stack([same, lean, other]))  # 0: 'The present report…', 1: 'It covers…'
    assert _redundant(index, [0, 1], [same])  # quoted with its predecessor, which says the lead again
    assert not _redundant(index, [1], [same])
    assert not _redundant(index, [2], [same])


def _given(text: str, score: float, given: bool = True) -> Candidate:
    return Candidate(index=0, text=text, row=0, passage_rank=1, source_type="report", score=score, given=given)


def test_a_follow_up_points_back_to_the_given_sentence_that_holds_its_ask():
    opened = _given("MINUJUSTH has completed its investigation into the violence in La Saline.", 0.99)
    concluded = _given("On the basis of the investigation, MINUJUSTH concluded that the attack was well planned.", 0.96)
    asked = understand("What did it conclude?").predicate_terms
    assert answering_given(asked, [opened, concluded], 0.5) is concluded
    assert answering_given(understand("When did it finish?").predicate_terms, [opened, concluded], 0.5) is opened
    assert answering_given(asked, [opened, _given(concluded.text, 0.96, given=False)], 0.5) is opened  # only given ones
    assert answering_given(asked, [opened, _given(concluded.text, 0.30)], 0.5) is opened  # far behind: not the answer


def _scored(text: str, score: float, focus: float, given: bool) -> Candidate:
    c = _given(text, score, given)
    c.features["focus"] = focus
    return c


def test_a_follow_up_points_back_past_a_new_sentence_that_holds_less_of_its_focus():
    study = _scored("The first study found little agreement on what integration meant in practice.", 0.90, 0.2, False)
    teams = _scored("The integrated operational teams were envisaged as a single point of contact.", 0.73, 1.0, True)
    asked: list[str] = []
    assert pointed_back(asked, [study, teams], 0.5) is teams
    assert pointed_back(asked, [study, _scored(teams.text, 0.30, 1.0, True)], 0.5) is None  # far behind
    assert pointed_back(asked, [study, _scored(teams.text, 0.73, 0.2, True)], 0.5) is None  # no more focus
    assert pointed_back(asked, [study, _scored(teams.text, 0.73, 1.0, False)], 0.5) is None  # not given
    assert pointed_back(asked, [teams, study], 0.5) is teams  # the best was given: as before


def test_a_given_sentence_is_pointed_to_only_when_it_could_answer_the_follow_up():
    took = _given("The Global Focal Point assessment took place in close cooperation with the Government of Haiti.", 0.98)
    office = understand("Which office took over from MINUJUSTH?").predicate_terms
    assert not could_answer(office, [], took)  # one asked word of three
    assert pointed_back(office, [took, _given("MINUJUSTH will close.", 0.5, given=False)], 0.5) is None
    strength = _given("As of September 2017, the overall strength of the force had reached some 14,000 officers.", 0.9)
    strong = understand("How strong was the Haitian National Police by mid-2019?").predicate_terms
    assert could_answer(strong, ["2017"], strength) and not could_answer(strong, ["2019"], strength)
    assert pointed_back(strong, [strength], 0.5, ["2019"]) is None
    introduced = _given("The ISF was introduced and made into a requirement in 2008.", 0.9)
    who = understand("Who introduced the ISF?")
    assert not could_answer(who.predicate_terms, [], introduced, who.type)  # passive, no 'by': not who did it
    assert could_answer(who.predicate_terms, [], introduced, "when")
    why = understand("and why?").predicate_terms  # a question word is nothing the sentence must hold
    assert could_answer(why, [], _given("The DFS was created in 2007 to provide integrated support.", 0.9))
    by = _given("The ISF was introduced by the Secretary-General's Policy Committee in 2008.", 0.9)
    assert could_answer(who.predicate_terms, [], by, who.type)


def _typed(text: str, score: float, dense: float) -> Candidate:
    c = _given(text, score, given=False)
    c.features["dense"] = dense
    return c


def test_a_when_question_is_led_by_a_close_runner_up_with_a_date():
    from assistant.answering.leads import typed_lead as _typed_lead

    q = understand("When is the next review regarding resolution 80/11?")
    undated = _typed("Requests the Commission to report on progress ahead of the next review;", 0.76, 0.33)
    dated = _typed("Calls for a further comprehensive review of United Nations peacebuilding in 2030.", 0.15, 0.28)
    assert _typed_lead(q, undated, [undated, dated]) is dated
    assert _typed_lead(q, undated, [undated, _typed(dated.text, 0.15, 0.10)]) is undated  # not about the question itself
    assert _typed_lead(q, undated, [undated, _typed(dated.text, 0.05, 0.28)]) is undated  # too far behind
    assert _typed_lead(understand("What is the next review about?"), undated, [undated, dated]) is undated  # not typed


def test_a_who_question_is_led_by_a_close_runner_up_holding_the_act_asked():
    """'Who does the DSRSG/RC/HC report to?' was led by the sentence creating the post; the one saying whom the DSRSG
    'reports primarily to' came fourth."""
    from assistant.answering.leads import typed_lead as _typed_lead

    q = understand("Who does the DSRSG/RC/HC report to?")
    created = _typed("This included the creation of a triple-hatted deputy SRSG (DSRSG), RC and HC.", 0.99, 0.77)
    reports = _typed("The Note of Guidance specified that the DSRSG reports primarily to the SRSG.", 0.85, 0.68)
    created.features["focus"] = reports.features["focus"] = 0.5
    assert _typed_lead(q, created, [created, reports]) is reports
    assert _typed_lead(q, created, [created, _typed(reports.text, 0.4, 0.68)]) is created  # too far behind
    assert _typed_lead(understand("What does the DSRSG/RC/HC report on?"), created, [created, reports]) is created


def test_a_lead_naming_another_mission_in_the_place_of_the_one_asked_gives_way():
    from assistant.answering.leads import not_another as _not_another

    q = understand("Why did the UN decide to replace MINUJUSTH with BINUH?")
    burundi = _given("BINUB was replaced by a small political office in January 2011.", 0.9, given=False)
    haiti = _given("The report covers the drawdown of MINUJUSTH and the start-up of BINUH.", 0.5, given=False)
    plain = _given("The Council decided to close the mission and open a political office.", 0.9, given=False)
    assert _not_another(q, [burundi, haiti]) is haiti
    assert _not_another(q, [plain, haiti]) is plain  # names no other mission: it stays
    assert _not_another(q, [burundi]) is burundi  # nothing better to lead with


def test_a_date_asked_in_other_words_points_back_to_the_clearly_best_given_sentence_that_has_one():
    # 'When was it due to go?' after 'Which formed police unit was the last to leave?': the sentence given holds neither
    # 'due' nor 'go', but it is the clearly best one and carries the date.
    last = _given("The Senegalese unit is scheduled to be repatriated at the end of September 2019.", 0.97)
    new = _given("Information on the police component can be found in the annex.", 0.5, given=False)
    due = understand("When was it due to go?")
    assert pointed_back(due.predicate_terms, [last, new], 0.5, [], due.type) is last
    assert pointed_back(due.predicate_terms, [last, new], 0.5, ["2018"], due.type) is None  # the year asked is not there
    assert pointed_back(due.predicate_terms, [_given(last.text, 0.7), new], 0.5, [], due.type) is None  # not clearly best
    who = understand("Who was due to go?")
    assert pointed_back(who.predicate_terms, [last, new], 0.5, [], who.type) is None  # a date does not answer 'who'


def _dated(text: str, score: float, row: int, source_type: str = "report") -> Candidate:
    return Candidate(index=row, text=text, row=row, passage_rank=1, source_type=source_type, score=score)


def test_a_question_about_a_year_is_led_and_supported_from_that_year():
    from types import SimpleNamespace

    from assistant.answering.leads import in_time

    years = {0: 2017, 1: 2019, 2: 2013}
    retriever = SimpleNamespace(records=[SimpleNamespace(meta=SimpleNamespace(year=years[i])) for i in range(3)])
    old = _dated("On 19 May, Haitian prisons counted 10,512 detainees.", 0.9, 0)
    new = _dated("As at 15 May, the prisons held 11,221 detainees.", 0.6, 1)
    study = _dated("Prison reform was slow.", 0.5, 2, "analysis")
    assert in_time(["2019"], [old, new, study], retriever) == [new, study]  # the 2017 report's May is not 2019's
    assert in_time([], [old, new, study], retriever) == [old, new, study]
    assert in_time(["2019"], [old, _dated(new.text, 0.1, 1)], retriever)[0] is old  # too far behind
    named = _dated("On 19 May 2019, the prisons counted 10,512 detainees.", 0.9, 0)
    assert in_time(["2019"], [named, new], retriever) == [named, new]  # a sentence naming the year is of it


def test_a_follow_up_asking_how_long_is_not_pointed_to_a_year():
    guide = _given("The trend has led DPA to develop the Special Political Missions Start-Up Guide 2012.", 0.99)
    long = understand("How long was its first mandate?")
    assert pointed_back(long.predicate_terms, [guide], 0.5, [], long.type) is None  # a year is no length
    staff = understand("How many staff did it deploy?")
    counted = _given("UNSMIL deployed 200 staff in its first mandate.", 0.99)
    assert pointed_back(staff.predicate_terms, [counted], 0.5, [], staff.type) is counted


def test_a_who_follow_up_is_not_pointed_to_a_sentence_that_names_no_one():
    """'… who is responsible for leading it at country level?' was pointed back to '… does not lead to integrated
    responses' (newcomer trial 5): the asked words are there, the doer is not."""
    need = _given("The need for a shared understanding is one of the critical requirements of the policy, even if such a "
                  "process does not lead to integrated responses.", 0.99)
    who = understand("Who is responsible for leading the process at country level?")
    assert not could_answer(who.predicate_terms, [], need, who.type)
    led = _given("The Resident Coordinator leads the process at country level, responsible for its results.", 0.99)
    assert could_answer(who.predicate_terms, [], led, who.type)


def test_a_sentence_going_on_from_one_given_earlier_is_quoted_alone_with_a_pointer_to_it():
    """Trial 10: the second turn quoted "A further 'Note of Guidance' … reports primarily to the SRSG …" again, because
    "However, there would also be a secondary reporting line …" leans on it and was quoted with it."""
    from types import SimpleNamespace

    from assistant.answering.compose import _antecedent, _unit
    from assistant.answering.scoring import Candidate

    texts = ["The DSRSG reports primarily to the SRSG.", "However, there would also be a secondary reporting line."]
    sentences = SimpleNamespace(texts=texts, rows=[3, 3], with_predecessors=lambda i: list(range(i + 1)))
    retriever = SimpleNamespace(sentences=sentences)
    later = Candidate(1, texts[1], 3, 1, "analysis", score=0.9, after_given=True)
    assert _unit(retriever, later, "support").text == texts[1]  # not the given sentence again
    assert _unit(retriever, later, "given").text == " ".join(texts)  # a pointer shows all it leans on
    assert _antecedent(retriever, later, ["uneasy", "ngos"], [], "why").role == "before"  # it does not answer this
    assert _antecedent(retriever, later, ["report"], [], "").text == texts[0]
    fresh = Candidate(1, texts[1], 3, 1, "analysis", score=0.9)
    assert _unit(retriever, fresh, "support").text == " ".join(texts)  # in a first turn it is quoted with what it leans on


def test_a_follow_up_points_back_to_the_sentence_holding_its_act_not_the_one_creating_the_post():
    """Trial 12: "who does that person report to when there is no humanitarian coordinator function?" pointed back to
    the sentence creating the post (it shares 'humanitarian coordinator'), not to 'reports primarily to the SRSG'."""
    from assistant.answering.given import answering_given
    from assistant.answering.question import without_condition

    created = _given("The creation of a triple-hatted deputy, resident and humanitarian coordinator.", 0.99)
    reports = _given("The Note of Guidance specified that the DSRSG reports primarily to the SRSG.", 0.72)
    asked = understand(without_condition("Who does the DSRSG report to when there is no humanitarian coordinator "
                                         "function?")).predicate_terms
    assert answering_given(asked, [created, reports], 0.5) is reports


def test_a_when_question_is_led_by_a_close_runner_up_holding_the_act_asked_and_a_date():
    """A lead with a year but not the act asked ('approved') gives way to a close runner-up holding both; one far behind,
    or without a date, does not lead."""
    from assistant.answering.leads import typed_lead as _typed_lead

    q = understand("When were the benchmarks approved?")
    dated = _typed("The benchmarks were discussed at length in 2019.", 0.9, 0.5)
    approved = _typed("The Council approved the benchmarks on 15 October 2019.", 0.7, 0.5)
    assert _typed_lead(q, dated, [dated, approved]) is approved
    assert _typed_lead(q, dated, [dated, _typed(approved.text, 0.3, 0.5)]) is dated  # too far behind
    assert _typed_lead(q, dated, [dated, _typed("The Council approved the benchmarks.", 0.8, 0.5)]) is dated  # no date


def test_a_definition_question_is_led_by_a_close_runner_up_saying_what_the_term_is():
    from assistant.answering.leads import typed_lead as _typed_lead

    q = understand("What is the Integration Steering Group?")
    mention = _typed("By that time, an integration steering group had been created to look into these issues.", 0.9, 0.6)
    defined = _typed("The Integration Steering Group, a standing body at the level of undersecretary-general, meets "
                     "quarterly.", 0.6, 0.6)
    assert _typed_lead(q, mention, [mention, defined]) is defined
    assert _typed_lead(q, mention, [mention, _typed(defined.text, 0.3, 0.6)]) is mention  # too far behind
