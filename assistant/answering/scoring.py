"""Candidate sentences and how likely each is to be the answer.

Candidates come from the top passages of hybrid retrieval and from a sentence-level search
(dense and BM25 over single sentences). Each gets a handful of features — closeness to
the question, share of the question's and the focus's words, whether it carries the
expected answer type (a date for "when", a number for "how many", an actor for "who", an
enumeration for a list, a defining clause for "what is"), the rank of its passage, the
kind of source, the share of the asked verb and its kin, how close the sentences either side
are to the question, and how the candidate stands against the others for the same question
(:mod:`relative`) — and a logistic score with weights fitted by ``scripts/fit_answer_weights.py``
(labels: the sentence holds one of the question's key facts). No rule is written for a particular question.

>>> has_answer_type("The policy was approved on April 9, 2013.", "when")
True
>>> has_answer_type("The policy was approved by the Policy Committee.", "when")
False
>>> never_an_answer("The paragraphs on Burundi are adapted from an earlier IPI report.", "text")
True
>>> never_an_answer("So what does good integrated delivery look like?", "text")
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from assistant.answering.distinctive import weighted_share
from assistant.answering.kin import kin_of
from assistant.answering.question import QuestionInfo
from assistant.corpus.chunking import DATED_ACT
from assistant.index.lexical import tokenize
from assistant.index.sentences import leans_on_predecessor

MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion)"
ANSWER_TYPE = {
    "when": re.compile(rf"\b{MONTHS}\b|\b(?:in|since|from|until|by|on|of) (?:early |late |mid-)?(?:19|20)\d{{2}}\b"
                       r"|\b(?:19|20)\d{2}\b"),
    "quantity": re.compile(rf"\b\d[\d,.]*\b(?!\s*\))|\$\s?\d|\bper cent\b|%|\b{NUMBER_WORDS}\b", re.IGNORECASE),
    "who": re.compile(r"\b(?:Secretary-General|Council|Committee|Commission|Department|Office|Group|Team|Panel|Assembly|"
                      r"Government|"
                      r"SRSG|DSRSG|Representative|Coordinator|Minister|President|Director|head of|led by|chaired by|co-chaired|"
                      r"responsible|reports? (?:primarily )?to|tasked with|accountable|[A-Z]{3,})\b"),
    "where": re.compile(r"\b(?:in|at|to|across|throughout) (?:the )?[A-Z][a-z]+"),
    "list": re.compile(r"(?:[^,;]+[,;]){2,}[^,;]*\band\b|:\s*$|\bfollowing\b"
                       r"|\b(?:include|includes|including|comprise|comprises|consist)\b"),
    "definition": re.compile(r"\b(?:is|are|was|were) (?:an?|the) |\brefers? to\b|\bmeans?\b|\bdefined as\b|\bpurpose of\b|"
                             r"\bdesigned to\b|\bserves? as\b|\bintended to\b|\baims? to\b|\bwhose role\b"),
    "why": re.compile(r"\b(?:because|due to|owing to|as a result|in order to|reasons?|so that|led to|grew out of|attributable|"
                      r"given|stemm(?:ed|ing) from|since|result of|driven by)\b", re.IGNORECASE),
    "how": re.compile(r"\b(?:through|by (?:\w+ing)|via|in order to|mechanisms?|process|approach|by means of)\b", re.IGNORECASE),
    "yes_no": re.compile(r"\b(?:must|should|shall|required|mandatory|applies|apply|not meant|does not|do not|only)\b",
                         re.IGNORECASE),
    "which": re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b|\b[A-Z]{3,}\b"),
    "what": re.compile(r"\b(?:is|are|was|were) (?:an?|the) |\b(?:include|includes|including)\b|:\s*$"),
}
# Question types answered by a date or a number: a sentence holding one may answer in its own words.
DATED_OR_COUNTED = ("when", "quantity")
# Features of a candidate relative to the others for the same question (set by relative.relate): how far its closeness,
# BM25 and focus share fall short of the best candidate's, and its rank by closeness and by BM25 (1/(1+rank)).
RELATIVE = ("dense_gap", "bm25_gap", "focus_gap", "dense_rank", "bm25_rank")
MODAL = re.compile(r"\b(?:must|should|shall|required|requirement|mandatory|minimum|need to|needs to)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"(?:^|\s)(?:I|my|My|we|We|our|Our)\s")
# Text about the text, not about the subject: an attribution of where a passage comes from, or a pointer.
ATTRIBUTION = re.compile(
    r"^(?:The |These |This |Some |Parts of (?:the |this )?)?(?:paragraphs?|sections?|chapters?|text|material|account|"
    r"discussion|information|data|figures?|quotes?|quotations?|case stud(?:y|ies))\b[^.]{0,160}\b"
    r"(?:adapted|drawn|taken|excerpted|reproduced|derived|summari[sz]ed) from\b"
    r"|^(?:See|Cf\.|Source|Sources|Available)\b|^(?:It|This \w+) draws? on (?:research|interviews|the work)\b",
    re.IGNORECASE,
)
# An author's note as studies print it: the name in capitals, then what the author is.
AUTHOR_NOTE = re.compile(r"^(?:[A-Z][A-Z.'’-]+\s+){2,4}(?:is|was|are|were)\s+(?:a|an|the)?\s*[A-Z]?[a-z]")
GUIDANCE_TYPES = {"policy": 1.0, "guidance": 1.0, "resolution": 0.8, "analysis": 0.8, "report": 0.5, "document": 0.5,
                  "commentary": 0.0}

FEATURES = ("dense", "bm25", "terms", "focus", "context_focus", "answer_type", "passage_rank", "sentence_search", "modal_match",
            "guidance", "first_person", "leans", "length", "predicate", "prev_dense", "next_dense", *RELATIVE)
# What orders the sentences quoted. Fitted by scripts/fit_answer_weights.py (logistic regression, L2, balanced classes) on
# the six diagnosable sets: evals/answers, scope-check, heldout-answers-2, paraphrase-answers, paraphrase-answers-2 and
# probe-answers-5 (never on heldout-answers-3, -4, -6, -7); see docs/evaluation.md for the fit and its held-out numbers.
WEIGHTS = {
    "bias": 2.569, "dense": -1.853, "bm25": 0.219, "terms": -1.382, "focus": -3.488, "context_focus": 6.635,
    "answer_type": 0.867, "passage_rank": 3.112, "sentence_search": 0.145, "modal_match": -1.976, "guidance": -0.254,
    "first_person": 0.236, "leans": 0.533, "length": -4.312, "predicate": 1.137, "prev_dense": 1.903, "next_dense": 0.407,
    "dense_gap": 3.275, "bm25_gap": 1.642, "focus_gap": 1.551, "dense_rank": 2.737, "bm25_rank": 0.496,
}

# The decision weights: the plain score that the scope and gap decisions read, fitted with them on evals/answers.jsonl
# over the features a sentence has by itself. Ranked by WEIGHTS, sentences holding the asked verb but not the subject rise
# into the top three the gap check reads ("endorsement of a new policy" for "Who has to endorse the ISF?"), so the
# decisions keep the scorer they were fitted with.
DECISION_WEIGHTS = {
    "bias": -6.901, "dense": 2.503, "bm25": 3.475, "terms": -0.981, "focus": -2.664, "context_focus": 6.616,
    "answer_type": 0.329, "passage_rank": 3.458, "sentence_search": 0.169, "modal_match": -1.486, "guidance": 1.245,
    "first_person": 0.297, "leans": 0.314, "length": -0.271,
}


@dataclass
class Candidate:
    """One sentence that could be quoted, with where it came from and its features."""

    index: int  # sentence index in the SentenceIndex
    text: str
    row: int  # passage row
    passage_rank: int | None  # 1-based rank among the retrieved passages, None if found by sentence search only
    source_type: str
    features: dict[str, float] = field(default_factory=dict)
    plain_features: dict[str, float] = field(default_factory=dict)  # every focus word alike, the whole question's search
    score: float = 0.0  # probability of holding the answer, distinctive focus words counted more (what is quoted)
    plain: float = 0.0  # the same, every focus word counted alike (the evidence the scope decision was fitted on)
    unit_dense: float = 0.0  # cosine to the question of the closest sentence in the unit quoted (with its predecessors)
    given: bool = False  # already quoted earlier in the conversation
    after_given: bool = False  # leans on a sentence quoted earlier: quoted alone, its antecedent just above
    answerable: bool = True  # False for what is never a lead or a point (see never_an_answer)
    note: int | None = None  # a footnote (sentence index) shown under this sentence as the source of its claim
    note_on_topic: bool = False  # that footnote is close to the question by itself: the two are quoted as one

    def vector(self) -> np.ndarray:
        """The features in FEATURES order (what the fitted weights multiply)."""
        return np.array([self.features[f] for f in FEATURES], dtype=np.float32)


def has_answer_type(text: str, qtype: str) -> bool:
    """Does the sentence carry the kind of thing the question type asks for (a date, a number, an actor...)?"""
    pattern = ANSWER_TYPE.get(qtype)
    return bool(pattern and pattern.search(text))


# Numbers that count nothing: a year, a day of a month, a symbol or resolution number, a paragraph, an ordinal.
NOT_A_COUNT = re.compile(rf"\b(?:19|20)\d\d(?:/\d\d)?\b|\b{MONTHS}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTHS}\b|"
                         r"\b(?:resolutions?|paras?\.|paragraphs?|decisions?|No\.)\s*[\d/]+(?:\s*[-–]\s*\d+)?|\b[A-Z]+/[\w/.]+|\b\d+(?:st|nd|rd|th)\b|"
                         r"\bone\b(?! (?:hundred|thousand|million|billion)\b)",  # 'one day before', 'one of the': no count
                         re.IGNORECASE)


def counts(text: str) -> bool:
    """Does the sentence give a count, an amount or a share (a year or a date is none)?

    >>> counts("The electoral support was much less than for the 2007 elections.")
    False
    >>> counts("UNMIT had 1,608 police officers on 30 June 2011.")
    True
    >>> counts("My visit in December 2007 (see S/2008/26, paras. 13-14).")
    False
    >>> counts("One day before independence, the Council issued resolution 1996 mandating UNMISS.")
    False
    """
    return bool(ANSWER_TYPE["quantity"].search(NOT_A_COUNT.sub(" ", text)))


# Asks for a measure, and how a sentence gives it: a count or an amount ('how often' is answered by 'quarterly', 'how many
# times' by 'the second visit'), how often something happens ('regular budget' says nothing of how often), or how long.
COUNT_ASK = re.compile(r"\bhow (?:many|much)\b(?!\s+times)|\bwhat (?:share|percentage|proportion|fraction)\b|"
                       r"\bwhat (?:was|is|were|are) (?:the )?(?:[\w-]+['’]s )?(?:[\w-]+ ){0,3}(?:budget|appropriation|cost)s?\b",
                       re.IGNORECASE)  # 'What was UNAMID's final approved budget?' asks an amount
FREQUENCY_ASK = re.compile(r"\bhow (?:often|frequently|regularly)\b|\bat what (?:intervals?|frequency)\b|"
                           r"\bhow many times (?:a|per|each|every)\b", re.IGNORECASE)
FREQUENCY = re.compile(r"\b(?:annual(?:ly)?|yearly|quarterly|monthly|weekly|daily|fortnightly|bi-?annual(?:ly)?|"
                       r"biennial(?:ly)?|semi-?annual(?:ly)?|regularly|periodic(?:al(?:ly)?)?|"
                       r"regular (?:basis|intervals?|meetings?|reviews?|reports?|consultations?)|"
                       r"(?:every|each) (?:\w+ )?(?:years?|months?|weeks?|days?|quarters?|sessions?)|"
                       r"(?:once|twice|\w+ times) (?:a|per|each|every) \w+)\b", re.IGNORECASE)

DURATION_ASK = re.compile(r"\bhow long\b|\bwhat (?:length|duration|period|time ?frame)\b", re.IGNORECASE)
DURATION = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|"
                      r"thirty|several|few|many)[- ](?:years?|months?|weeks?|days?)\b|\buntil\b|\bthrough \w+ \d{4}\b|"
                      r"\bfrom \d{4} to \d{4}\b|\b\d{4}\s?[–-]\s?\d{2,4}\b", re.IGNORECASE)
MEASURES = ((COUNT_ASK, counts), (FREQUENCY_ASK, FREQUENCY.search), (DURATION_ASK, DURATION.search))


def measure_given(question: str, sentences: list[str]) -> bool:
    """Does one of the sentences give the measure the question asks for: a count for 'how many', a frequency for 'how
    often', a duration for 'how long' (True when it asks for none)? A sentence on the topic without it answers a
    different question.

    >>> measure_given("How often does the Integration Steering Group meet?", ["It meets quarterly to review integration."])
    True
    >>> measure_given("How often should the ISF be reviewed?", ["The ISF was made into a requirement in 2008."])
    False
    >>> measure_given("How many police officers did UNMIT have in 2007?", ["The 2007 elections were held."])
    False
    >>> measure_given("How long was UNSMIL's first mandate?", ["It had an initial three-month mandate."])
    True
    >>> measure_given("What was UNAMID's final approved budget?", ["UNAMID resulted from joint planning."])
    False
    """
    return all(not ask.search(question) or any(gives(s) for s in sentences) for ask, gives in MEASURES)


# Sentences a document says about itself, and the asks each answers: a cover line gives when the text was adopted
# ('Resolution adopted by the General Assembly on 26 November 2025.'); a report's opening gives the resolution it answers
# and the mandate's term. Otherwise their date and the mission's name make them look like the answer to every question.
# Neither it nor a report's summary of its contents ('The report covers … and provides an update on the … transition to a
# special political mission') gives a reason or a way: they never answer why or how (NO_REASON).
SELF_DESCRIPTIONS = (
    (DATED_ACT, frozenset({"adopt", "pass", "approv", "vote", "sign", "endors"})),  # not "date": it asks any when
    (re.compile(r"^The present report is submitted pursuant to\b"),
     frozenset({"mandat", "resolut", "extend", "extens", "submit", "renew", "request"})),
)
# An item of terms of reference ('To commend and express the full support of the Security Council for the work of UNMIT
# …;'): what a mission or visit was for, not what happened (trial 8's lead for "How did the UN … plan the withdrawal?").
TERMS_ITEM = re.compile(r"^To [a-z]+\b.*;$")
PURPOSE_ASK = re.compile(r"\bfor\?|\bpurpose|\bterms of reference\b|\baims?\b|\bobjectives?\b|\bwhy\b|\bmeant to\b", re.I)
NO_REASON = re.compile(r"^(?:The present report is submitted pursuant to|(?:The|This) (?:present )?(?:report|document) (?:also )?"
                       r"(?:covers|contains|provides|describes|outlines|includes)\b)")


def fits_self_description(q: QuestionInfo, text: str) -> bool:
    """A sentence a document says about itself answers only the asks it is about.

    >>> from assistant.answering.question import understand
    >>> line = "Resolution adopted by the General Assembly on 26 November 2025."
    >>> fits_self_description(understand("When was resolution 80/11 adopted?"), line)
    True
    >>> fits_self_description(understand("When does resolution 80/11 want the next review?"), line)
    False
    >>> opening = "The present report is submitted pursuant to Security Council resolution 2037 (2012), by which …"
    >>> fits_self_description(understand("What happened to UNMIT's police tasks?"), opening)
    False
    >>> fits_self_description(understand("Why was MINUJUSTH's mandate not extended again?"), opening)
    False
    >>> item = "To commend and express the full support of the Security Council for the work of UNMIT;"
    >>> fits_self_description(understand("How did the UN plan the withdrawal of UNMIT?"), item)
    False
    >>> contents = "The report covers significant developments and progress on the benchmarked exit strategy."
    >>> fits_self_description(understand("Is MINUJUSTH on course to meet its exit strategy?"), contents)
    False
    """
    words = set(tokenize(q.text))
    if TERMS_ITEM.match(text) and not PURPOSE_ASK.search(q.text):  # a visit's terms of reference answer what it was for
        return False
    if q.type in ("why", "how", "yes_no") and NO_REASON.match(text):  # nor does it settle a yes/no question
        return False
    return all(not pattern.match(text) or bool(asks & words) for pattern, asks in SELF_DESCRIPTIONS)


def never_an_answer(text: str, kind: str) -> bool:
    """Never a lead or a point: a footnote unit (it is shown only as the note of the passage citing it), an
    attribution of the text's own sources, an author's biography ('ARTHUR BOUTELLIS is a Research Fellow …'), or a
    question the text asks itself (a rhetorical question answers nothing)."""
    return (kind == "footnote" or text.rstrip().endswith("?") or bool(ATTRIBUTION.search(text))
            or bool(AUTHOR_NOTE.match(text)))


def _share(terms: list[str], words: AbstractSet[str]) -> float:
    return len(set(terms) & words) / len(set(terms)) if terms else 0.0


@lru_cache(maxsize=1 << 16)
def words_of(text: str) -> frozenset[str]:
    """Stemmed content words of a text (cached: each candidate is scored twice, and sentences recur across questions)."""
    return frozenset(tokenize(text))


def predicate_share(q: QuestionInfo, words: AbstractSet[str]) -> float:
    """Share of what the question asks of its subject (its predicate words) that the sentence holds, a word of the same
    family counting ('recommended' for 'proposed' is not one; 'complete' for 'finish' is, :mod:`kin`).

    >>> from assistant.answering.question import understand
    >>> predicate_share(understand("When did UNMIT finish its mandate?"), words_of("UNMIT completed its mandate in 2012."))
    1.0
    """
    asked = set(q.predicate_terms)
    return len({t for t in asked if t in words or kin_of({t}) & words}) / len(asked) if asked else 0.0


def featurize(q: QuestionInfo, candidate: Candidate, dense: float, bm25: float, context: str, in_sentence_search: bool,
              neighbours: tuple[float, float] = (0.0, 0.0)) -> None:
    """Fill ``candidate.features``: every value in [0, 1] or close to it; every focus word counted alike (see
    :func:`refocus`). ``neighbours``: the cosines to the question of the sentences either side in the document (an
    answer sits among sentences on the same matter). The features relative to the other candidates are set by
    :func:`relative.relate` once all are scored."""
    words = words_of(candidate.text)
    rank = candidate.passage_rank
    candidate.features = {
        "dense": dense,
        "bm25": bm25,
        "terms": _share(q.terms, words),
        "answer_type": float(has_answer_type(candidate.text, q.type)),
        "passage_rank": 1.0 / rank if rank else 0.0,
        "sentence_search": float(in_sentence_search),
        "modal_match": float(q.normative and bool(MODAL.search(candidate.text))),
        "guidance": GUIDANCE_TYPES.get(candidate.source_type, 0.5),
        "first_person": float(bool(FIRST_PERSON.search(candidate.text))),
        "leans": float(leans_on_predecessor(candidate.text)),
        "length": min(1.0, math.log1p(len(candidate.text)) / math.log1p(400)),
        "predicate": predicate_share(q, words),
        "prev_dense": neighbours[0],
        "next_dense": neighbours[1],
        **dict.fromkeys(RELATIVE, 0.0),
    }
    refocus(q, candidate, context, None)


def refocus(q: QuestionInfo, candidate: Candidate, context: str, weights: dict[str, float] | None) -> None:
    """Set the two focus features, each focus word counted by how much it tells the candidates apart (``weights``,
    :func:`distinctive.distinctive`; alike without them); the other features stay."""
    words = words_of(candidate.text)
    candidate.features["focus"] = weighted_share(q.focus_terms, words, weights)
    candidate.features["context_focus"] = weighted_share(q.focus_terms, words | words_of(context), weights)


def score(candidate: Candidate, weights: dict[str, float] | None = None) -> float:
    """The probability that the candidate holds the answer (logistic over FEATURES)."""
    return probability(candidate.features, weights)


def probability(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """Logistic over the FEATURES the weights name (the decision weights name only those of a sentence by itself)."""
    weights = weights or WEIGHTS
    z = weights["bias"] + sum(weights[f] * features[f] for f in FEATURES if f in weights)
    return 1.0 / (1.0 + math.exp(-z))
