"""Words that say the same thing in UN reporting: investigators who 'will not be able to complete' their cases did not
'finish'; the 'yardsticks' a planner asks about are the report's 'benchmarks'.

Planners ask in their own words; reports use their own. The gap checks (:mod:`gaps`) ask whether a top
sentence holds what the question asks, word by word, so a question asking whether investigators could
'finish' their cases missed the sentence saying they 'will not be able to complete 61 investigations', and one
asking how many 'troops' were recommended missed 'a force of 7,000 peacekeepers'. Each family below is a set of
verbs, or of nouns, that reports use interchangeably for one act or thing; a sentence using one holds them all.
The families are written from the register of Secretary-General reports and planning guidance, not from eval
questions. A general thesaurus (WordNet) would be the library for this, but its data is a download at run time,
and its senses are far broader than this register ('finish' as polish). Words with a second common sense in
this register are left out: 'pay' (a salary, not a contribution), 'sign' (a signal), 'set' (a collection).

>>> sorted(kin_of({"finish"}))
['close', 'complet', 'conclud', 'end', 'final', 'finalis', 'finish', 'termin']
>>> "establish" in kin_of({"set"})
False
>>> "establish" in kin_of({"creat"})
True
>>> "help" in kin_of({"catalyt"})
True
>>> sorted(kin_of({"troop"}) & {"peacekeep", "militari"})
['militari', 'peacekeep']
>>> "headquart" in kin_of({"hq"})
True
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from assistant.index.lexical import tokenize

FAMILIES = (
    "establish create",
    "finish complete conclude end close terminate finalize finalise",
    "begin start launch commence initiate",
    "lead head chair direct chief leader",
    "approve endorse adopt authorize",
    "reduce cut decrease downsize shrink drawdown",
    "increase expand raise enlarge",
    "replace succeed",
    "review assess evaluate",
    "fund finance",
    "meet convene",
    "withdraw depart repatriate exit departure",
    "deploy station",
    "transfer handover transition",
    "support assist help contribute enable facilitate catalytic catalyse catalyze",  # 'played a catalytic role for'
    # integration' says the Fund helped it (trial 13)
    "prepare draft develop",
    "coordinate harmonize align",
    "report answer accountable",  # 'who does that person answer to?': 'reports primarily to the SRSG'
    # nouns reports use for one thing ('troops' asked, 'peacekeepers' written; 'yardsticks' asked, 'benchmarks' written)
    "troops peacekeepers soldiers contingents military",
    "benchmark yardstick milestone",
    "indicator metric",
    "staff staffing personnel workforce",
    "fighter combatant ex-combatant",
    "election poll ballot",
    "goal objective aim",
    "model replicate emulate copy",
    "dialogue exchange consultation talks",
    "fatigue tired weariness",
    "recommend propose suggest advise",
    "partner partnership cooperate collaborate",
    "hq headquarters",  # 'the Integrated Task Force at HQ': reports write 'at headquarters' (trial 16)
    "sg secretary-general",  # 'Did the SG expect …' is answered by 'the Secretary-General expected …'
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
