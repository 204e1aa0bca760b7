"""Focus words weighted by how much they tell the candidates apart; a leaning sentence judged as the unit quoted."""

from __future__ import annotations

from assistant.answering.candidates import on_topic
from assistant.answering.distinctive import distinctive, weighted_share
from assistant.answering.scoring import Candidate
from assistant.index.lexical import tokenize

TEXTS = [
    "The Haitian National Police continued to strengthen its capacities.",
    "The Haitian National Police recruited 1,042 cadets.",
    "As of September 2017, the overall strength of the force had reached some 14,000 officers.",
]
POOL = [set(tokenize(t)) for t in TEXTS]


def test_a_word_every_candidate_shares_counts_less_than_one_that_singles_a_sentence_out():
    weights = distinctive(["polic", "septemb", "2017"], POOL)
    assert weights["septemb"] > weights["polic"] > 0
    terms = ["strength", "haitian", "nation", "polic", "septemb", "2017"]
    weights = distinctive(terms, POOL)
    answer, topic = POOL[2], POOL[0]
    assert weighted_share(terms, answer, None) == weighted_share(terms, topic, None)  # counted alike: a tie
    assert weighted_share(terms, answer, weights) > weighted_share(terms, topic, weights)


def test_a_word_no_candidate_has_tells_none_apart():
    weights = distinctive(["un", "polic"], POOL)  # the candidates write "United Nations", never "UN"
    assert weights["un"] == 0.0
    assert weighted_share(["un", "polic"], {"polic"}, weights) == 1.0
    assert weighted_share(["un"], {"polic"}, {"un": 0.0}) == 0.0  # nothing to weigh: the plain share


def _candidate(dense: float, unit_dense: float, focus: float, own: float = 0.3) -> Candidate:
    return Candidate(0, "It had reached some 14,000 officers.", 0, 1, "report",
                     {"dense": dense, "focus": own, "context_focus": focus}, unit_dense=unit_dense)


def test_a_sentence_leaning_on_its_predecessor_is_on_topic_as_the_unit_quoted():
    assert on_topic(_candidate(0.2, 0.5, 0.5))  # the predecessor it is quoted with names the police
    assert not on_topic(_candidate(0.2, 0.2, 0.5))
    assert not on_topic(_candidate(0.2, 0.35, 0.0))  # close enough only with a focus word in the unit
    # 'Their value also comes from their light footprint' under a question on planning guidance: the sentence before
    # names special political missions, the sentence itself holds nothing asked
    assert not on_topic(_candidate(0.16, 0.5, 0.5, own=0.0))


def test_a_leaning_sentence_with_a_word_asked_and_the_kind_of_answer_asked_is_on_topic():
    # 'They have directly benefited some 7 million people' for '… and how many people did they reach?'
    c = _candidate(0.19, 0.71, 0.15, own=0.0)
    assert not on_topic(c)
    c.features.update(terms=0.09, answer_type=1.0)
    assert on_topic(c)
    c.features.update(terms=0.0)
    assert not on_topic(c)
