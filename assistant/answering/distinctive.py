"""How much each of the question's focus words tells the candidate sentences apart.

The candidates for one question come from the passages retrieval ranked first, so they share its topic:
every candidate of "How strong was the Haitian National Police by September 2017?" names the police, and
only the sentence that answers says "September 2017". Counting every focus word alike lets a sentence
that repeats the topic outrank the one holding the part of the question that singles the answer out.
Weighting each focus word by its inverse frequency among the candidates (BM25's idea, applied to the
candidate pool rather than the library) counts that part more.
"""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet


def distinctive(focus_terms: list[str], pool: list[AbstractSet[str]]) -> dict[str, float]:
    """How much each focus word tells the candidate sentences (their word sets) apart: its inverse frequency among them.

    Every candidate of "How strong was the Haitian National Police by September 2017?" names the police;
    few say "September 2017". A word of the question that all candidates share is the topic, not the answer.

    >>> from assistant.index.lexical import tokenize
    >>> pool = [set(tokenize(t)) for t in ("police grew", "police trained", "in September the police")]
    >>> w = distinctive(["polic", "septemb"], pool)
    >>> w["septemb"] > w["polic"]
    True
    """
    n = len(pool)
    df = {t: sum(t in words for words in pool) for t in focus_terms}
    return {t: math.log((n + 1) / (d + 0.5)) if d else 0.0 for t, d in df.items()}


def weighted_share(terms: list[str], words: AbstractSet[str], weights: dict[str, float] | None) -> float:
    """Share of the focus words in ``words``, each counted by its weight (plain share without weights)."""
    if not terms:
        return 0.0
    total = sum(weights.get(t, 1.0) for t in set(terms)) if weights else 0.0
    if not weights or not total:
        return len(set(terms) & words) / len(set(terms))
    return sum(weights.get(t, 1.0) for t in set(terms) & words) / total
