"""Indirect questions: a question turned into the clause that follows "The library does not state …".

A gap answer names what the library does not state in the question's own words, so the question must
become a well-formed indirect question: the auxiliary moves behind the subject ("how many pages should an
ISF be" → "how many pages an ISF should be"), do-support goes and the verb takes its tense ("how much did the
General Assembly appropriate" → "how much the General Assembly appropriated"), and a yes/no question becomes
a "whether" clause ("Can the Fund pay salaries?" → "whether the Fund can pay salaries"). A question whose
question word is its subject ("who signs the ISF", "which office must archive it") is already in that order.

Telling the subject from the verb needs to know which words can be verbs: lemminflect's lexicon answers that
and inflects the verb (a hand-written list of English verbs would be both longer and worse).

>>> indirect("How much did the General Assembly appropriate for BINUH in 2020?")
'how much the General Assembly appropriated for BINUH in 2020'
>>> indirect("How many pages may a strategic assessment report have?")
'how many pages a strategic assessment report may have'
>>> indirect("Can the Peacebuilding Fund pay the salaries of national police officers?")
'whether the Peacebuilding Fund can pay the salaries of national police officers'
>>> indirect("What is the deadline for submitting an ISF?")
'what the deadline for submitting an ISF is'
>>> indirect("How many troops did the SG end up recommending in 2011?")
'how many troops the SG ended up recommending in 2011'
>>> indirect("Over what time frame is MINUJUSTH planning?")
'over what time frame MINUJUSTH is planning'
>>> indirect("What was UNAMID's final approved budget before it was closed in Darfur?")
"what UNAMID's final approved budget was before it was closed in Darfur"
>>> indirect("Summarise what the 2013 Policy says about humanitarian space.")
'what the 2013 Policy says about humanitarian space'
>>> indirect("Does 'integrate where it matters' mean everything is joint? Can you give me an example?")
"whether 'integrate where it matters' means everything is joint"
>>> indirect("Does 'integrate where it matters' mean everything has to be done jointly?")
"whether 'integrate where it matters' means everything has to be done jointly"
>>> indirect("Who signs the ISF?")
'who signs the ISF'
>>> indirect("According to the Brahimi Report, what does robust peacekeeping require?")
'what robust peacekeeping requires according to the Brahimi Report'
>>> indirect("After Haiti became eligible for the Fund, how many proposals did the UNCT prepare?")
'how many proposals the UNCT prepared after Haiti became eligible for the Fund'
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas, getInflection

MODALS = frozenset({"can", "could", "should", "must", "shall", "will", "would", "may", "might"})
BE = frozenset({"is", "are", "was", "were"})
HAVE = frozenset({"has", "have", "had"})
DO = {"do": "VBP", "does": "VBZ", "did": "VBD"}
AUXILIARIES = MODALS | BE | HAVE | set(DO)
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "any", "each",
                         "every", "all", "some", "our", "my", "your", "no", "another", "such"})
PRONOUNS = frozenset({"it", "they", "he", "she", "there", "we", "you", "i", "anyone", "anything", "someone", "one"})
PREPOSITIONS = frozenset({"in", "on", "for", "by", "of", "to", "with", "from", "at", "after", "before", "during", "since",
                          "until", "under", "between", "within", "without", "about", "over", "against", "than", "into",
                          "per", "through", "across", "among", "towards", "toward"})
PARTICLES = frozenset({"up", "out", "off", "down", "back", "away"})  # 'end up', 'carry out': the verb is the word before
PERFECT = frozenset({"be", "been", "being", "have", "get"})  # a verb group starts here: 'must a signed ISF be filed'
WH = re.compile(r"^(?:who|whom|whose|what|which|when|where|why|how)\b", re.I)
WH_PHRASE = re.compile(r"^(?:(?:over|in|by|for|from|to|with|under|at|on|during|within|until) )?"  # 'Over what time frame …'
                       r"(?:how (?:many|much|often|long|far|soon|large|big|strong|old)|what|which|whose|who|whom|when|where|"
                       r"why|how)\b(?P<noun>(?:\s+(?!(?:" + "|".join(sorted(AUXILIARIES)) + r")\b)[\w/-]+){0,3}?)"
                       r"\s+(?=(?:" + "|".join(sorted(AUXILIARIES)) + r")\b)", re.I)
TIME_TAIL = re.compile(r"\s+(?:by|in|during|after|before|since|until|as of|at the end of)\s+(?:(?:early|mid|late)[- ])?"
                       r"(?:\w+\s+)?(?:19|20)\d\d(?:/\d\d)?$", re.I)


SUBORDINATORS = frozenset({"before", "after", "when", "while", "since", "until", "because", "once", "if", "although"})
IMPERATIVE = re.compile(r"^(?:please\s+)?(?:summari[sz]e|explain|describe|tell me|show me)\s+(?=(?:what|how|who|why|when|where|"
                        r"which|whether)\b)", re.I)
SOURCE_FIRST = re.compile(r"^(?P<source>(?:according to|in the view of|in|after|before|once|since|following|during|under|"
                          r"by|at|with|when|while)\s[^,?]{3,120}),\s+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)",
                          re.I)  # 'After Haiti became eligible …, how many …' -> 'how many … after Haiti became eligible …'



@lru_cache(maxsize=4096)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(word.lower()))


def can_be_verb(word: str) -> bool:
    """Whether the lexicon knows the (lower-case) word as a verb form ('meet', 'allowed'; not 'policy')."""
    return word.islower() and "VERB" in _lemmas(word)


def _noun_only(word: str) -> bool:
    kinds = _lemmas(word)
    return word.islower() and bool(kinds) and "VERB" not in kinds and "ADJ" not in kinds


def _boundary(word: str) -> bool:
    """A word that ends a verb group: a preposition, determiner, pronoun, number, name or quotation."""
    low = word.lower()
    return (low in PREPOSITIONS or low in DETERMINERS or low in PRONOUNS or not word[:1].isalpha() or word[:1].isupper()
            or low in AUXILIARIES)


def _form(word: str, tag: str) -> bool:
    """Is the lower-case word this form of a verb ('VB' base: 'cover'; 'VBN' participle: 'replaced')?"""
    lemma = _lemmas(word).get("VERB")
    if not lemma or not word.islower():
        return False
    return word == lemma[0] if tag == "VB" else word in getInflection(lemma[0], tag)


def _strong(words: list[str], i: int) -> bool:
    """A verb that cannot be a noun ('withdraw'), or one right after a name or a word that cannot be a verb
    ('MINUSTAH run', 'the mission meet'): the subject has ended there."""
    before = words[i - 1]
    return "NOUN" not in _lemmas(words[i]) or before[:1].isupper() or before.lower() in PRONOUNS or _noun_only(before)


def _verb_at(words: list[str], tag: str) -> int | None:
    """Where the verb after the subject stands: 'be'/'have' where a verb group starts with one, else the last of a
    run of verb forms ``tag`` that a boundary ends — the first such after a name or noun ('the integrated planning
    team in Haiti cost' → 'cost'), else the first ('the police report cover' → 'cover')."""
    start = 1 if words and words[0].lower() not in DETERMINERS else 2
    group = [i for i in range(start, len(words)) if words[i].lower() in PERFECT and words[i - 1].lower() != "to"]
    if group and tag != "VBN":
        return group[0]
    ends = [i for i in range(start, len(words)) if _form(words[i], tag)
            and (i + 1 == len(words) or not _form(words[i + 1], tag))
            and words[i - 1].lower() not in DETERMINERS | PREPOSITIONS]  # 'on its own', 'to use': no finite verb
    at = next((i for i in ends if _strong(words, i)), ends[0] if ends else None)
    return at - 1 if at and words[at].lower() in PARTICLES and _form(words[at - 1], tag) else at


def _has_subject(words: list[str], aux: str) -> bool:
    """Whether words after the auxiliary open with a subject ('an ISF be') rather than the verb ('archive it')."""
    if not words or words[0].lower() in PREPOSITIONS:
        return False
    first = words[0]
    if first.lower() in DETERMINERS or first.lower() in PRONOUNS or not first[:1].isalpha() or first[:1].isupper():
        return True
    return aux not in BE and (aux in DO or _noun_only(first))


def _declarative(aux: str, words: list[str]) -> list[str] | None:
    """Subject, auxiliary, verb, rest — the auxiliary (or the verb's tense, for do) in statement order."""
    low = aux.lower()
    if low in BE:
        return _be_order(low, words)
    skip = max(0, _quoted_subject(words) - 1)  # "'integrate where it matters' mean …": the verb follows the quotation
    at = _verb_at(words[skip:], "VBN" if low in HAVE else "VB")
    if at is None:
        return None
    at += skip
    if low in DO:
        inflected = getInflection(words[at].lower(), DO[low])
        return words[:at] + [inflected[0] if inflected else words[at]] + words[at + 1:]
    return words[:at] + [low] + words[at:]


def _quoted_subject(words: list[str]) -> int:
    """How many words a subject in quotation marks takes at the start (0 when it is not quoted)."""
    if not words or words[0][:1] not in "'\"“‘":
        return 0
    return next((i + 1 for i, w in enumerate(words) if w.rstrip(",.")[-1:] in "'\"”’" and (i or len(w) > 1)), 0)


def _be_order(aux: str, words: list[str]) -> list[str]:
    """'the ISF introduced' → 'the ISF was introduced'; 'there a newer policy' → 'there is a newer policy'; a plain
    noun phrase takes the verb at its end (before a closing date: 'the police was by September 2017')."""
    if words[0].lower() in PRONOUNS:
        return words[:1] + [aux] + words[1:]
    start = 1 if words[0].lower() not in DETERMINERS else 2
    for i in range(start, len(words)):
        if words[i].lower() in SUBORDINATORS and any(w.lower() in AUXILIARIES for w in words[i + 1:]):
            return words[:i] + [aux] + words[i:]  # 'UNAMID's budget was before it was closed'
        if words[i].lower() in AUXILIARIES:  # a clause of its own begins: 'after a mandate is adopted'
            break
        kinds = _lemmas(words[i])
        adjective = "ADJ" in kinds and "NOUN" not in kinds and words[i].lower() not in PREPOSITIONS
        progressive = _form(words[i], "VBG") and words[i - 1].lower() not in PREPOSITIONS  # not 'for submitting'
        predicate = _form(words[i], "VBN") or progressive or words[i].islower() and adjective
        if predicate and (i + 1 == len(words) or _boundary(words[i + 1])):  # not 'the approved budget'
            return words[:i] + [aux] + words[i:]
    text = " ".join(words)
    tail = TIME_TAIL.search(text)
    head, rest = (text[:tail.start()], text[tail.start():]) if tail else (text, "")
    return (f"{head} {aux}{rest}").split()


def indirect(question: str) -> str:
    """The question as an indirect question (lower-case start, no '?'); the question itself when it cannot be
    turned ('' never)."""
    first_question = re.split(r"(?<=\?)\s+(?=[A-Z])", question.strip(), maxsplit=1)[0]  # '…? Can you give me …?'
    text = re.sub(r"^(?:and|but|so|also|then)\s+", "", first_question.rstrip("?.").strip(), flags=re.I)
    text = IMPERATIVE.sub("", text)  # 'Summarise what the policy says' -> 'what the policy says'
    source = SOURCE_FIRST.match(text)
    if source:  # 'According to the Brahimi Report, what …' -> 'what … according to the Brahimi Report'
        said = source.group("source")
        return f"{indirect(text[source.end():])} {said[:1].lower()}{said[1:]}"
    text = re.split(r",\s*(?:and|or)\s+", text, maxsplit=1)[0]
    phrase = WH_PHRASE.match(text)
    if phrase:
        head, rest = text[:phrase.end()].strip(), text[phrase.end():].split()
        aux, words = rest[0], rest[1:]
        if not _has_subject(words, aux.lower()):
            return _lower_first(text)
        turned = _declarative(aux, words)
        return _lower_first(f"{head} {' '.join(turned)}") if turned else _lower_first(text)
    first, _, rest = text.partition(" ")
    if first.lower() in AUXILIARIES and not WH.match(text):
        turned = _declarative(first, rest.split()) if rest else None
        if turned:
            return f"whether {' '.join(turned)}"
    return _lower_first(text)


def main_verb(question: str) -> str:
    """The verb a yes/no question asks about ('pay' in 'Can the Fund pay salaries?', 'meant' in 'Was the ISF meant to
    replace …?'); '' when it asks whether something is ('Is there a newer policy?') or is no yes/no question."""
    first, _, rest = re.sub(r"^(?:and|but|so)\s+", "", question.strip().rstrip("?"), flags=re.I).partition(" ")
    words, aux = rest.split(), first.lower()
    if aux not in AUXILIARIES or not words:
        return ""
    if aux in BE:
        turned = _be_order(aux, words)
        after = turned.index(aux) + 1
        return turned[after] if after < len(turned) and _form(turned[after], "VBN") else ""
    at = _verb_at(words, "VBN" if aux in HAVE else "VB")
    if at is None:
        return ""
    while at < len(words) and words[at].lower() in PERFECT:
        at += 1  # 'must a signed ISF be filed': the verb is 'filed'
    return words[at].lower() if at < len(words) and can_be_verb(words[at].lower()) else ""


def verb_forms(verb: str) -> set[str]:
    """Every form of the verb ('meet': meet, meets, met, meeting), so that 'met' in a sentence answers 'meet'."""
    lemma = _lemmas(verb).get("VERB")
    forms = {verb}
    for lem in lemma or ():
        forms |= {lem, *(f for fs in getAllInflections(lem, upos="VERB").values() for f in fs)}
    return forms


def verb_bases(word: str) -> tuple[str, ...]:
    """The base forms of a verb form ('led': lead; 'took': take); none for a word the lexicon has as no verb."""
    return _lemmas(word).get("VERB", ())


def _lower_first(text: str) -> str:
    """The first letter lower-cased unless the first word is an acronym ('ISF', 'MINUSMA')."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


__all__ = ["can_be_verb", "indirect", "main_verb", "verb_bases", "verb_forms"]
