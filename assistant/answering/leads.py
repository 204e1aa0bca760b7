"""Which candidate leads an answer: the best, unless it names another mission in the place of the one asked, is of
another year than the one asked, or lacks the date, number or contents the question asks for while a close
runner-up has it (pure functions over scored candidates; :func:`compose.select` applies them in turn).
"""

from __future__ import annotations

import re

from assistant.answering.kin import kin_of
from assistant.answering.question import QuestionInfo
from assistant.answering.scoring import DATED_OR_COUNTED, Candidate, has_answer_type
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever

IN_TIME_RATIO = 0.3  # a candidate of the year asked leads when it scores this share of the best
TYPED_RUNNERS, TYPED_DENSE, TYPED_RATIO = 5, 0.25, 0.15  # a typed runner-up: among the best 5, close to the question
PREDICATE_WORDS, PREDICATE_RATIO = 2, 0.6  # a short ask's act: a runner-up holding it leads at this share of the lead
CONTENT_RATIO = 0.5  # a runner-up that tells contents, for a question asking them, at half the lead's score or more
CONTENT_ASK = re.compile(r"\bwhat (?:must|should|does|do|did|has|have|will)\b.{0,80}?\b(?:contain|include|cover|comprise)",
                         re.IGNORECASE)
CONTENT = re.compile(r"\b(?:includ\w*|contain\w*|compris\w*|consist\w*|cover\w*|reflect\w*|set(?:s)? out|brings? together)\b|:",
                     re.IGNORECASE)

DEFINING = r"(?:,\s*(?:a|an|the|which)\b|\s+(?:is|are|was|were|refers? to|means?|serves? as)\b)"  # after the term
ACRONYM = re.compile(r"\b[A-Z]{4,}\b")


def not_another(q: QuestionInfo, allowed: list[Candidate]) -> Candidate:
    """The lead, unless it names another mission or body in the place of those the question names ('BINUB' for
    'BINUH'): then the best candidate that names one of the question's."""
    if not _names_another(q, allowed[0].text):
        return allowed[0]
    return next((c for c in allowed if _asked_acronyms(q) & set(ACRONYM.findall(c.text))), allowed[0])


def _asked_acronyms(q: QuestionInfo) -> set[str]:
    return {e for e in q.entities if ACRONYM.fullmatch(e)}


def _names_another(q: QuestionInfo, text: str) -> bool:
    """Does the sentence name missions or bodies, none of them those the question names by acronym?"""
    asked, named = _asked_acronyms(q), set(ACRONYM.findall(text))
    return bool(asked) and bool(named - asked) and not asked & named


def in_time(years: list[str], allowed: list[Candidate], retriever: Retriever) -> list[Candidate]:
    """Candidates of the years the question asks about first, when one of them is close to the best (IN_TIME_RATIO
    of its score): a sentence names the year, or its report is of that year. Then, the others, except a periodic
    report's sentences of another year: 'How full were Haiti's prisons in May 2019?' is neither led nor supported by
    'On 19 May, Haitian prisons counted …' from the report of July 2017."""
    if not years or not allowed:
        return allowed

    def dated(c: Candidate) -> bool:
        return any(y in c.text for y in years) or str(retriever.records[c.row].meta.year) in years

    def of_another_year(c: Candidate) -> bool:  # a periodic report speaks of its own period
        return c.source_type == "report" and retriever.records[c.row].meta.year is not None and not dated(c)

    timely = [c for c in allowed if dated(c)]
    if not timely or timely[0].score < allowed[0].score * IN_TIME_RATIO:
        return allowed
    return timely + [c for c in allowed if not dated(c) and not of_another_year(c)]


def typed_lead(q: QuestionInfo, lead: Candidate, found: list[Candidate]) -> Candidate:
    """For *who*, a lead without the act asked gives way to a close runner-up holding it ("… reports primarily to the
    SRSG" for "Who does the DSRSG/RC/HC report to?", not the sentence creating the post). For *when* and *how many*, a
    lead without a date or number gives way to a close runner-up that has one and is about the question by itself
    ("Calls for a further comprehensive review … in 2030" for "When is the next review?").
    For *when* and *how many* too, a lead without the act asked gives way to a close runner-up holding it and a date or
    number ("When were the benchmarks approved?": "… approved … on 15 October 2019", not "… discussed … in 2019").
    For what a text must contain, a lead saying nothing of contents gives way to one that does ("… to reflect 'a shared
    vision …' and 'a set of agreed results …'", not "the ISF was introduced and made into a requirement in 2008")."""
    if q.type == "who" and _holds(lead, q.predicate_terms) is False:  # 'Who does the DSRSG/RC/HC report to?': 'reports'
        lead = next((c for c in found[:TYPED_RUNNERS] if not c.given and c.answerable and _holds(c, q.predicate_terms)
                     and c.features.get("focus", 0) > 0 and c.score >= lead.score * PREDICATE_RATIO), lead)
    if CONTENT_ASK.search(q.text) and not CONTENT.search(lead.text):  # what it must contain, not when it was required
        return next((c for c in found[:TYPED_RUNNERS] if not c.given and c.answerable and CONTENT.search(c.text)
                     and c.features["dense"] >= TYPED_DENSE and c.score >= lead.score * CONTENT_RATIO), lead)
    if q.type == "definition" and not defines(lead.text, q.focus):  # 'The Integration Steering Group, a standing body …'
        lead = next((c for c in found[:TYPED_RUNNERS] if not c.given and c.answerable and defines(c.text, q.focus)
                     and c.score >= lead.score * CONTENT_RATIO), lead)
    if q.type in DATED_OR_COUNTED and _holds(lead, q.predicate_terms) is False:  # 'When was it approved?': a date
        lead = next((c for c in found[:TYPED_RUNNERS] if not c.given and c.answerable and _holds(c, q.predicate_terms)
                     and has_answer_type(c.text, q.type) and c.score >= lead.score * PREDICATE_RATIO), lead)
    if q.type not in DATED_OR_COUNTED or has_answer_type(lead.text, q.type):
        return lead
    return next((c for c in found[:TYPED_RUNNERS] if not c.given and c.answerable and has_answer_type(c.text, q.type)
                 and c.features["dense"] >= TYPED_DENSE and c.score >= lead.score * TYPED_RATIO), lead)


def defines(text: str, term: str) -> bool:
    """Does the sentence open by saying what the term is ('The Integration Steering Group, a standing body …', '… (ISG) is
    a …', 'Integrated operational teams serve as …')? The answer to "What is the Integration Steering Group?" was led by
    "By that time, … an 'integration steering group' had been created", the definition second.

    >>> defines("The Integration Steering Group, a standing body at the level of undersecretary-general, meets quarterly.",
    ...         "the Integration Steering Group")
    True
    >>> defines("By that time an integration steering group had been created.", "the Integration Steering Group")
    False
    """
    bare = re.sub(r"^(?:the|an?)\s+", "", term.strip(), flags=re.IGNORECASE)
    if not bare:
        return False
    return bool(re.match(rf"^(?:The\s+|An?\s+)?{re.escape(bare)}s?\s*(?:\([^)]*\)\s*)?" + DEFINING, text, re.IGNORECASE))


def _holds(c: Candidate, predicate: list[str]) -> bool | None:
    """Does the sentence hold the act asked (a verb family: 'answer to' is held by 'reports')? None when the question
    asks more than PREDICATE_WORDS words of it: a long ask is judged by the scorer, not word by word."""
    if not predicate or len(predicate) > PREDICATE_WORDS:
        return None
    return set(predicate) <= kin_of(set(tokenize(c.text)))


__all__ = ["defines", "in_time", "not_another", "typed_lead"]
