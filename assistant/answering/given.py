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

from assistant.answering.scoring import Candidate
from assistant.index.lexical import tokenize


def answering_given(asked_terms: list[str], allowed: list[Candidate], ratio: float) -> Candidate:
    """The best given candidate, unless a given one close behind it (at least ``ratio`` of its score) holds every
    word of what is asked and it does not."""
    best = allowed[0]
    asked = set(asked_terms)
    if not asked or asked <= set(tokenize(best.text)):
        return best
    return next((c for c in allowed if c.given and c.score >= best.score * ratio
                 and asked <= set(tokenize(c.text))), best)


def pointed_back(asked_terms: list[str], allowed: list[Candidate], ratio: float) -> Candidate | None:
    """The given sentence a follow-up's answer points back to, None when the answer is a new sentence.

    The best candidate given earlier is pointed to (:func:`answering_given`); so is a given one close behind a new
    best (at least ``ratio`` of its score) that holds more of the question's focus than the best does: "What were
    the integrated operational teams meant to do?" points back to the sentence about those teams quoted in the last
    answer, not past it to a new sentence sharing one word ("meant") with the question.
    """
    best = allowed[0]
    if best.given:
        return answering_given(asked_terms, allowed, ratio)
    share = best.features.get("focus", 0.0)
    return next((c for c in allowed if c.given and c.score >= best.score * ratio and c.features.get("focus", 0.0) > share), None)
