"""Verbs that say the same thing in UN reporting: investigators who 'will not be able to complete' their cases did not 'finish'.

Planners ask in their own words; reports use their own. The gap checks (:mod:`gaps`) ask whether a top
sentence holds what the question asks, word by word, so a question asking whether investigators could
'finish' their cases missed the sentence saying they 'will not be able to complete 61 investigations'.
Each family below is a set of verbs that reports use interchangeably for one act; a sentence using one
holds them all. The families are written from the register of Secretary-General reports and planning
guidance, not from eval questions. A general thesaurus (WordNet) would be the library for this, but its
data is a download at run time, and its senses are far broader than this register ('finish' as polish).

>>> sorted(kin_of({"finish"}))
['close', 'complet', 'conclud', 'end', 'finish', 'termin']
>>> "establish" in kin_of({"set"})
False
>>> "establish" in kin_of({"creat"})
True
>>> "help" in kin_of({"catalyt"})
True
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from assistant.index.lexical import tokenize

FAMILIES = (
    "establish create",
    "finish complete conclude end close terminate",
    "begin start launch commence initiate",
    "lead head chair direct",
    "approve endorse adopt authorize",
    "reduce cut decrease downsize shrink",
    "increase expand raise enlarge",
    "replace succeed",
    "review assess evaluate",
    "fund finance",
    "meet convene",
    "withdraw depart repatriate",
    "deploy station",
    "transfer handover",
    "support assist help contribute enable facilitate catalytic catalyse catalyze",  # 'played a catalytic role for'
    # integration' says the Fund helped it (trial 13)
    "prepare draft develop",
    "coordinate harmonize align",
    "report answer accountable",  # 'who does that person answer to?': 'reports primarily to the SRSG'
    REQUIREMENT := "mandatory required requirement requires must obligatory obliged compulsory",  # one word says them all
)
REQUIREMENT_KIN = frozenset(tokenize(REQUIREMENT))  # 'made into a requirement' says 'mandatory' (gaps.with_kin)


def _kin() -> dict[str, frozenset[str]]:
    """Each stem's whole family (a stem in two families gets both)."""
    kin: dict[str, frozenset[str]] = {}
    for family in FAMILIES:
        stems = frozenset(tokenize(family))
        for stem in stems:
            kin[stem] = kin.get(stem, frozenset()) | stems
    return kin


KIN = _kin()


def kin_of(stems: AbstractSet[str]) -> set[str]:
    """The stems, with every stem of the same family as one of them."""
    return set(stems).union(*(KIN.get(s, frozenset()) for s in stems))


__all__ = ["FAMILIES", "KIN", "REQUIREMENT_KIN", "kin_of"]
