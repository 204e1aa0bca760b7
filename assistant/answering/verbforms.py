"""Irregular verb forms count as their verb: "the mission met with the President" holds "meet".

Stemming joins "meets" and "meeting" to "meet" but leaves "met", "held", "led", "took" and "began" apart
from their verbs, so a sentence that answers "Whom did the mission meet?" or "Who holds the chair?" would
not hold the word asked, and the scorer ranks it below sentences that merely mention a meeting. lemminflect's
lexicon (already used for gap statements, :mod:`indirect`) names each form's verb; every verb a form can be
of counts ("found" is "find" or "found").

>>> sorted(verb_stems("During the visit, the mission met with the President and held talks."))
['hold', 'meet']
>>> verb_stems("The meetings were reported.")
frozenset()
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas

from assistant.index.lexical import tokenize

WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 15)
def _irregular_stems(word: str) -> frozenset[str]:
    """Stems of the verbs a word is a form of, where stemming the word itself does not give them."""
    own = set(tokenize(word))
    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return frozenset(s for lemma in lemmas for s in tokenize(lemma) if s not in own)


def verb_stems(text: str) -> frozenset[str]:
    """Stems of the verbs that the text's irregular verb forms belong to ('met' -> 'meet')."""
    return frozenset(s for w in set(WORD.findall(text.lower())) for s in _irregular_stems(w))
