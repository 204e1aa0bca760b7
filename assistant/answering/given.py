"""What a follow-up points back to: the sentence quoted earlier in the conversation that answers it.

A follow-up never quotes a sentence again (:mod:`conversation`); when the best answer was already
given, the answer points to it instead. Among the sentences given, the one pointed to holds the
follow-up's own ask — "What did it conclude?" points to "… MINUJUSTH concluded that …", not to the
better-scored "MINUJUSTH has completed its investigation …".

>>> from assistant.answering.scoring import Candidate
>>> opened = Candidate(0, "MINUJUSTH has completed its investigation.", 0, 1, "report", score=0.99, given=True)
>>> concluded = Candidate(1, "MINUJUSTH concluded that it was planned.", 0, 1, "report", score=0.96, given=True)
>>> answering_given(["conclud"], [opened, concluded], 0.5).text
'MINUJUSTH concluded that it was planned.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.kin import kin_of
from assistant.answering.scoring import ANSWER_TYPE, DATED_OR_COUNTED, Candidate, counts, has_answer_type
from assistant.index.lexical import tokenize

# A date or number asked for ('When was it due to go?') is answered by the clearly best sentence given earlier that
# carries one, though it words the ask its own way ('scheduled to be repatriated at the end of September 2019').
CLEAR_BEST = 0.9
ALREADY_GIVEN = "The sentence that answers this was quoted above"
GOES_ON_FROM = "The next point goes on from a sentence quoted above"
QUESTION_WORDS = frozenset(tokenize("why what who whom whose when where which how"))
EXCERPT_BEFORE, EXCERPT_AFTER = 6, 3  # words shown either side of the date or number a pointer quotes
SHARE = frozenset(tokenize("share percentage proportion"))
PERCENT = re.compile(r"\d\s*(?:%|per\s+cent)|\bper\s+cent\b")
AGENT_WINDOW = 80  # characters after a passive verb in which 'by' may name the doer
# A new sentence scoring under this share of the given best answers less than pointing back to it does: "Who runs that
# initiative?" points to "The Spotlight Initiative, a joint partnership of the European Union and the United Nations …"
# (0.98), not to "Despite the spotlight on the events, …" (0.43), though 'runs' is not in it.
FAR_BEHIND = 0.5


def answering_given(asked_terms: list[str], allowed: list[Candidate], ratio: float) -> Candidate:
    """The best given candidate, unless a given one close behind it (at least ``ratio`` of its score) holds more of
    what is asked, verbs of one family alike ("… report to when there is no humanitarian coordinator function?" points
    to "… reports primarily to the SRSG", not to the sentence creating the post; trial 12)."""
    best = allowed[0]
    asked = set(asked_terms)
    if not asked or asked <= set(tokenize(best.text)):
        return best

    def held(c: Candidate) -> tuple[int, int]:  # the words asked with their kin, then the words themselves ('concluded'
        words = set(tokenize(c.text))  # before 'completed')
        return len(asked & kin_of(words)), len(asked & words)
    close = [c for c in allowed if c.given and c.score >= best.score * ratio]
    return max(close, key=lambda c: (*held(c), c is best, c.score), default=best)


def could_answer(asked_terms: list[str], years: Sequence[str], candidate: Candidate, qtype: str = "") -> bool:
    """Can a sentence given earlier answer this follow-up? Only if it holds at least half of what is asked, every
    year the follow-up names and, for *who*, the doer: "Which office took over from it?" does not point to "The
    assessment took place …" (one word of three), "… by mid-2019?" not to the strength "As of September 2017",
    "Who introduced it?" not to "The ISF was introduced … in 2008" (passive, no "by"), nor "Who leads it?" to a sentence
    that names no one ("… does not lead to integrated responses")."""
    words = set(tokenize(candidate.text))
    asked = set(asked_terms) - QUESTION_WORDS  # 'and why?' asks nothing the sentence must hold
    if 2 * len(asked & words) < len(asked) or not all(y in candidate.text for y in years):
        return False
    # a who-question is answered by a sentence naming a doer, not one that only uses its words ('… does not lead to …')
    return qtype != "who" or has_answer_type(candidate.text, "who") and not any(_agentless(s, candidate.text) for s in asked)


def pointer_line(text: str, qtype: str, asked: Sequence[str], marks: str, more: bool, answers: bool = True) -> str:
    """The answer's line for a sentence quoted earlier: not repeated, but the words that answer shown, so the reader need
    not scroll back ('… made into a requirement in 2008 …'); one that a new sentence only goes on from is said to be that
    ("However, there would also be a secondary reporting line …" after "… reports primarily to the SRSG …")."""
    said = ALREADY_GIVEN if answers else GOES_ON_FROM
    return f"{said} (“{key_excerpt(text, qtype, asked)}”) {marks}" + ("; more from the sources:" if more else ".")


def key_excerpt(text: str, qtype: str, asked: Sequence[str] = (), before: int = EXCERPT_BEFORE,
                after: int = EXCERPT_AFTER) -> str:
    """The words of a sentence quoted earlier that answer a follow-up: around its date or number for *when* and *how
    many* (the one nearest a word the follow-up asks, 'women'), else its opening; verbatim, with '…' where it is cut.

    >>> key_excerpt("To strengthen the focus, the ISF was introduced and made into a requirement in 2008 for countries "
    ...             "with a mission and a UN country team.", "when")
    '… and made into a requirement in 2008 for countries with …'
    >>> key_excerpt("The class of 946 officers, including 80 women, graduated, bringing the force to 14,000, of whom 9 per "
    ...             "cent are women.", "quantity", ["share", "women"])
    '… force to 14,000, of whom 9 per cent are women.'
    """
    words = text.split()
    pattern = ANSWER_TYPE.get(qtype) if qtype in DATED_OR_COUNTED else None
    spots = [i for i, w in enumerate(words) if pattern and pattern.search(" ".join(words[max(0, i - 1):i + 1]))]
    near = [i for i in spots if set(asked) & set(tokenize(" ".join(words[max(0, i - before):i + after + 1])))]
    if set(asked) & SHARE:  # 'what share …?' is answered by a percentage
        near = [i for i in near if PERCENT.search(" ".join(words[i:i + 2]))] or near
    at: int | None = next(iter(near or spots), None)
    start, end = (max(0, at - before), min(len(words), at + after + 1)) if at is not None else (0, before + after + 1)
    return ("… " if start else "") + " ".join(words[start:end]) + (" …" if end < len(words) else "")


def _typed_answer(candidate: Candidate, years: Sequence[str], qtype: str) -> bool:
    """The clearly best sentence carries the date or count a when/how-many follow-up asks for, and its years (a year is
    no count: "How long was its first mandate?" is not answered by "… the Start-Up Guide 2012")."""
    typed = counts(candidate.text) if qtype == "quantity" else has_answer_type(candidate.text, qtype)
    return qtype in DATED_OR_COUNTED and candidate.score >= CLEAR_BEST and typed and all(y in candidate.text for y in years)


def _agentless(stem: str, text: str) -> bool:
    """Does the text hold the asked verb in the passive with no 'by' naming who did it?"""
    found = re.search(rf"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?{re.escape(stem)}\w*", text, re.IGNORECASE)
    return found is not None and not re.search(r"\bby\b", text[found.end():found.end() + AGENT_WINDOW])


def pointed_back(asked_terms: list[str], allowed: list[Candidate], ratio: float, years: Sequence[str] = (),
                 qtype: str = "") -> Candidate | None:
    """The given sentence a follow-up's answer points back to, None when the answer is a new sentence.

    The best candidate given earlier is pointed to (:func:`answering_given`); so is a given one close behind a new
    best (at least ``ratio`` of its score) that holds more of the question's focus than the best does: "What were
    the integrated operational teams meant to do?" points back to the sentence about those teams quoted in the last
    answer, not past it to a new sentence sharing one word ("meant") with the question. Either way, only a sentence
    that :func:`could_answer` the follow-up is pointed to. When every new sentence is :data:`FAR_BEHIND` the given best,
    the given one close behind it that holds most of the ask is (naming every year the follow-up does; not for a date or
    number asked, which the checks above require).

    >>> from assistant.answering.scoring import Candidate
    >>> said = Candidate(0, "The Initiative, a partnership of the EU and the UN, granted $13 million.", 0, 1, "report",
    ...                  score=0.98, given=True)
    >>> new = Candidate(1, "Despite the spotlight on the events, no proceedings were launched.", 0, 1, "report", score=0.43)
    >>> pointed_back(["run"], [said, new], 0.5, qtype="who").text
    'The Initiative, a partnership of the EU and the UN, granted $13 million.'
    >>> passive = Candidate(0, "The ISF was introduced in 2008.", 0, 1, "report", score=0.98, given=True)
    >>> pointed_back(["introduc"], [passive, said, new], 0.5, qtype="who") is None
    True
    """
    best = allowed[0]
    if best.given:
        found = answering_given(asked_terms, allowed, ratio)
        if could_answer(asked_terms, years, found, qtype) or found is best and _typed_answer(best, years, qtype):
            return found
        new = next((c for c in allowed if not c.given), None)
        if new is None or new.score >= best.score * FAR_BEHIND or qtype in DATED_OR_COUNTED:
            return None
        if qtype == "who" and any(_agentless(s, best.text) for s in asked_terms):
            return None  # the best sentence says it was done, by no one named: who did it is not stated
        close = [c for c in allowed if c.given and c.score >= best.score * ratio and all(y in c.text for y in years)]
        asked = set(asked_terms)  # of those close behind, the one holding most of the ask ('reports primarily to')
        return max(close, key=lambda c: (len(asked & set(tokenize(c.text))), c.score), default=None)
    share = best.features.get("focus", 0.0)
    return next((c for c in allowed if c.given and c.score >= best.score * ratio and c.features.get("focus", 0.0) > share
                 and could_answer(asked_terms, years, c, qtype)), None)
