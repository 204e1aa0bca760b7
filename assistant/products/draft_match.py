"""Which priority (or national priority) a mandated task serves: by the subject they share, not by a place they name.

Matching on shared word stems alone put "protect civilians … in the eastern lakes region" and "support the cantonment,
disarmament and demobilization … under the Lakeside Ceasefire Agreement" under "Safe access and mine action in the
eastern lakes" (a drafter's context, newcomer trial 4), for sharing "eastern" and "lake", while demobilization is the
subject of "Ceasefire consolidation and reintegration". So a task and a priority match on the mandate subject they share
(:data:`SUBJECTS`: DDR, elections, mine action …) and on words of their own; words that several tasks share are the
setting (a region, the population served) and only break ties. A task whose subject no priority shares is left for the
team to place ("[to be agreed]"), not forced under the nearest name.

>>> tasks = ["Protect civilians under threat in the eastern lakes region",
...          "Support the cantonment, disarmament and demobilization of combatants in the eastern lakes"]
>>> priorities = ["Ceasefire consolidation and reintegration", "Safe access and mine action in the eastern lakes"]
>>> [best_match(t, priorities, setting_of(tasks)) for t in tasks]
['', 'Ceasefire consolidation and reintegration']
>>> best_match("Protection of civilians, including in the west", ["Security and rule of law in the west",
...                                                                "Inclusive elections and governance"])
'Security and rule of law in the west'
>>> best_match("Protection of civilians, in particular in Lakari province and the Oron river valley",  # trial 11
...            ["Security and justice for all in Lakari province", "Return of displaced people to the Oron river valley"])
'Security and justice for all in Lakari province'
>>> best_match("Support to mediation between the Government and the Tessa Liberation Front",  # trial 10's blank rows
...            ["Inclusive political transition and elections", "Peace and human rights in the Tessa region"])
'Peace and human rights in the Tessa region'
"""

from __future__ import annotations

import re
from collections import Counter

# The subjects UN mandates are written in, each in the words a task or a priority uses for it.
SUBJECTS: dict[str, re.Pattern[str]] = {name: re.compile(words, re.IGNORECASE) for name, words in {
    "DDR": r"\bdisarm|\bdemobili|\breintegrat|\bcanton|\bcombatants?\b|\bDDR\b",
    "elections": r"\belect|\bballot|\bvoter|\bpolling\b",
    "mine action": r"\bmine action\b|\bdemin|\bexplosive|\bordnance\b|\bIEDs?\b",
    "protection of civilians": r"\bprotect\w* (?:of )?civilians\b|\bPoC\b",
    "human rights": r"\bhuman rights\b|\bhumanitarian law\b|\bsexual violence\b|\bCRSV\b",
    "rule of law": r"\bjustice\b|\bcorrections?\b|\bprisons?\b|\bjudicia|\brule of law\b",
    "police and security": r"\bpolice\b|\bsecurity sector\b|\bSSR\b|\bsecurity forces\b",
    "political process": r"\b(?:political|national|inclusive) dialogue\b|\bgood offices\b|\bmediat|\breconcil|"
                         r"\bconstitution|\bpeace\b(?! dividends?)",
    "humanitarian": r"\bhumanitarian (?:assistance|access|aid|response)\b|\bdisplace|\bIDPs?\b|\brefugees?\b",
    "governance": r"\bstate authority\b|\bgovernance\b|\bdecentrali|\bpublic administration\b",
    "transition": r"\bhand(?:ing|ed)?[- ]?over\b|\btransfer\b|\btransition\b|\bdrawdown\b|\bwithdraw",
    # the family a 'Security and rule of law' priority names: protection, DDR, the police and human rights are its tasks
    # ('Security sector and police capacity' is the police's own subject, not this family)
    "security": r"\bsecurity\b(?!\s+(?:sector|forces?|council))|\bprotect\w* (?:of )?civilians\b|\bPoC\b|\bdisarm|\bdemobili",
    "justice and rights": r"\brule of law\b|\bjustice\b|\bhuman rights\b",
}.items()}
SUBJECT_WEIGHT = 2  # a shared subject counts for more than a shared word
# Where and for whom, never what: a task and a priority sharing only these share no subject.
SETTING_WORDS = frozenset({"regio", "provi", "distr", "areas", "easte", "weste", "north", "south", "centr",
                           "gover", "autho", "valle", "river", "lakes"})


def stems(text: str) -> set[str]:
    """Crude stems (first five letters of words of four or more) less words every mandate uses, and 'including' and
    'in particular' ('inclu' is not 'Inclusive elections')."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())} - {"suppo", "natio", "unite", "missi", "inclu", "parti"}


def subjects(text: str) -> set[str]:
    """The mandate subjects a text speaks of."""
    return {name for name, pattern in SUBJECTS.items() if pattern.search(text)}


def setting_of(tasks: list[str]) -> frozenset[str]:
    """Stems that two or more tasks share: the setting (a region, a population), not what a task is about."""
    counts = Counter(s for t in tasks for s in stems(t))
    return frozenset(s for s, n in counts.items() if n > 1) if len(tasks) > 1 else frozenset()


def best_match(text: str, options: list[str], setting: frozenset[str] = frozenset()) -> str:
    """The option sharing most of the text's subject (shared mandate subjects, then words of its own), the setting's
    words breaking ties; '' when none shares any subject or word of its own."""
    own = stems(text) - setting - SETTING_WORDS
    scored = [(SUBJECT_WEIGHT * len(shared := subjects(text) & subjects(o)) + len(own & stems(o)), len(shared),
               len(stems(text) & stems(o)), -i, o) for i, o in enumerate(options)]
    best = max(scored, default=(0, 0, 0, 0, ""))
    return best[4] if best[0] else ""  # a shared subject breaks a tie before a shared place
