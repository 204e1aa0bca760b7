"""Honest gaps: texts the library lacks, facts it does not state, questions it cannot answer.

Three judgments, each made from evidence rather than from the question alone:

* **Missing canonical texts** (:mod:`missing`). A question that names a catalogued text which is not
  in the library (the Brahimi Report, the 2013 IAP Policy, the 2006 Note of Guidance…) gets a note
  "<short title> is not in the library", with its official address, how to add it, and
  which library documents describe it second-hand.
* **Near-domain abstention.** Whether to answer at all combines retrieval evidence (the
  best passage's similarity, how many of the question's words one passage holds), answer
  evidence (the best candidate sentence's score) and whether the named things in the
  question (missions, resolutions, modules, fiscal periods, places) occur in the library
  at all, occur *together* in one passage, and whether the question uses words the library
  never uses (:mod:`named`: weak evidence, since planners paraphrase). The weights are fitted on
  evals/answers.jsonl, scope-check, heldout-answers-2 and paraphrase-answers, never on the held-out
  heldout-answers-3 (``scripts/fit_answer_weights.py --scope-only --eval …``, 5-fold cross-validated).
* **Unstated facts.** On-topic passages that do not carry the expected answer ("who signs
  the ISF?") give "The library does not state who signs the ISF." and the closest passages,
  not a confident non-answer.

>>> gap_statement(understand("Who signs the ISF?"))
'The library does not state who signs the ISF.'
>>> gap_statement(understand("What is the deadline for submitting an ISF?"))
'The library does not state what the deadline for submitting an ISF is.'
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from assistant.answering.acronyms import names_for
from assistant.answering.indirect import indirect, main_verb, verb_bases, verb_forms
from assistant.answering.kin import REQUIREMENT_KIN, kin_of
from assistant.answering.question import MEASURED, QuestionInfo, understand
from assistant.citation import GAP_PREFIX
from assistant.index.lexical import tokenize

# Question-level evidence for answering at all (fitted, see module docstring).
SCOPE_FEATURES = ("passage_similarity", "coverage", "best_candidate", "unknown_entities", "predicate_coverage", "best_dense",
                  "named_absent", "novel_word")
SCOPE_WEIGHTS = {
    "bias": -4.3, "passage_similarity": 2.35, "coverage": 1.83, "best_candidate": 1.25, "unknown_entities": -1.07,
    "predicate_coverage": 0.79, "best_dense": 2.28, "named_absent": -3.02, "novel_word": -0.33,
}
BARELY = 0.25  # chosen on evals/answers.jsonl and scope-check k01–k10: no in-scope answer's lead holds under it
TYPED = frozenset({"who", "when", "where", "quantity"})  # questions whose answer is a definite kind of thing
# A yes/no question ('Can the Fund pay police salaries?') is settled only by a sentence holding most of what it asks:
# under this share in every top sentence and in the lead, it is a gap (chosen on scope-check v07–v12 and a017).
SETTLES = 0.5
# An amount of money in a sentence answers for the words that ask for one ('How much money did the Fund put in?').
AMOUNT = re.compile(r"(?:US)?\$\s?\d|\b\d[\d,.]*\s+(?:million|billion)\b|\bdollars\b", re.IGNORECASE)
MONEY_KIN = frozenset(tokenize("money amount funding funds cost costs sum"))
REPORTING = frozenset({"say", "mention", "state", "discuss", "talk", "refer", "speak", "touch", "tell", "describe", "address",
                       "note",  # verbs of what a text says: 'Does it say anything about X?' asks about X
                       "see", "regard", "consider", "view", "think", "believe", "expect", "judge"})
# and of what its author thinks: 'Does the SG see X as something to copy?' asks whether X is a model (trial 14 probes)
CODE = re.compile(r"[A-Z]{4,}")  # a mission's or body's code ('BINUH', 'UNMIT'), as a question names it
# A question asking what a text requires, and the words a sentence stating a requirement uses (requirement_given).
# ('mandate' is left out: "What did the Council decide about the mandate …?" asks no requirement)
REQUIREMENT_ASK = re.compile(r"\bwhat (?:does|do|did) .{3,100}?\b(?:require|oblige|expect)s?\b", re.IGNORECASE)
REQUIREMENT_WORDS = re.compile(r"\b(?:must|should|shall|requires?|required|requirements?|mandatory|minimum|obliged?|"
                               r"calls? for|expects?|needs? to)\b", re.IGNORECASE)



# 'such as A, B and C' up to the end of the clause: a comma before a lower-case word other than and/or/an article
EXAMPLES = re.compile(r"\b(?:such as|e\.g\.,?|for example|for instance)\s+([^?.;]+?)"
                      r"(?=,\s+(?!and\b|or\b|the\b|an?\b)(?-i:[a-z])|[?.;]|$)", re.IGNORECASE)

# 'the World Bank and other lenders'
AND_OTHER = re.compile(r"((?:[A-Z][\w-]*,?\s+)*[A-Z][\w-]*)\s+(?:and|or)\s+(?:any\s+)?other\b")


# 'where' is left out: 'where does it apply?' asks in what circumstances as often as in which place
SECOND_PART = re.compile(r",?\s+and\s+(?=(?:who|when|how many|how much|how long|how often|what period|over what period|"
                         r"which (?:body|bodies|organ|office|department|entity|"
                         r"entities|official|officials|person|people|agency|agencies)\b))", re.IGNORECASE)


def first_ask(question: str) -> str:
    """The question up to its second, definite ask ('What must an ISF contain, and what period should it cover?' →
    'What must an ISF contain'): the measure a second ask wants is checked on its own (:func:`partial.unanswered_part`).

    >>> first_ask("What must an ISF contain, and what period should it cover?")
    'What must an ISF contain'
    """
    return SECOND_PART.split(question, maxsplit=1)[0]


def unknown_entities(q: QuestionInfo, library_text: str, known: AbstractSet[str] = frozenset()) -> list[str]:
    """Named things in the question that occur nowhere in the library (case-insensitive, as written), except those
    it gives only as examples ('international lenders such as the World Bank and IMF').

    ``known`` holds names that count as present anyway: glossary acronyms whose expansion the library holds. An
    acronym the question spells out is present when the library holds its long name (or a short form of it).
    """
    defined = {k.lower(): v for k, v in q.defined.items()}

    def held(e: str) -> bool:
        return any(v in library_text for v in spellings(e) + names_for(e, defined)[1:]) or _qualified_held(e, library_text)

    def parts_held(e: str) -> bool:  # 'DPO/DPPA': two names, each known or held
        parts = [p.strip() for p in e.split("/")]
        return len(parts) > 1 and all(p and (p in known or held(p)) for p in parts)

    given = examples(q)
    return [e for e in q.entities if e not in known and not held(e) and not parts_held(e) and e not in given]


# Heads a country's name qualifies: 'the Haitian Government' is the library's 'Government of Haiti'.
GENERIC_HEADS = frozenset({"government", "authorities", "people", "population", "president", "parliament", "police",
                           "army", "ministry", "ministries", "institutions"})


def _qualified_held(entity: str, library_text: str) -> bool:
    """Is the entity a generic head qualified by a word the library uses ('Haitian Government', 'Timorese authorities')?

    >>> _qualified_held("Haitian Government", "the haitian national police and the government of haiti")
    True
    >>> _qualified_held("Malian Government", "the haitian national police and the government of haiti")
    False
    """
    words = entity.lower().split()
    return len(words) == 2 and words[1] in GENERIC_HEADS and re.search(rf"\b{re.escape(words[0])}\b", library_text) is not None


def examples(q: QuestionInfo) -> set[str]:
    """Named things the question gives only as examples ('lenders such as the World Bank and IMF', 'the World Bank
    and other lenders': the lenders are asked about): neither their absence from the library nor their absence from
    a passage counts against it.

    >>> from assistant.answering.question import understand
    >>> sorted(examples(understand("Which lenders, such as the World Bank and IMF, does the PBC meet?")))
    ['IMF', 'World Bank']
    >>> sorted(examples(understand("How does the Commission work with lenders such as the World Bank, the IMF and the OECD?")))
    ['IMF', 'OECD', 'World Bank']
    >>> sorted(examples(understand("What does the Commission hold with the World Bank and other big lenders?")))
    ['World Bank']
    """
    spans = [m.span(1) for pattern in (EXAMPLES, AND_OTHER) for m in pattern.finditer(q.text)]

    def only_there(e: str) -> bool:
        spots = [m.start() for m in re.finditer(re.escape(e), q.text)]
        return bool(spots) and all(any(a <= at < b for a, b in spans) for at in spots)

    return {e for e in q.entities if only_there(e)}


def spellings(entity: str) -> list[str]:
    """How the library may write a named thing: a budget period '2012/13' also as '2012/2013', '2012-13' or its
    end date ('… to 30 June 2013': UN peacekeeping budgets run from 1 July to 30 June).

    >>> spellings("2012/13")
    ['2012/13', '2012/2013', '2012-13', '30 june 2013']
    """
    period = re.fullmatch(r"((?:19|20)\d\d)/(\d\d)", entity)
    if not period:
        return [entity.lower()]
    year = int(period[1])
    return [entity, f"{year}/{year + 1}", f"{year}-{period[2]}", f"30 june {year + 1}"]


def in_scope_probability(features: dict[str, float]) -> float:
    """The fitted probability that the library covers the question (logistic over SCOPE_FEATURES)."""
    z = SCOPE_WEIGHTS["bias"] + sum(SCOPE_WEIGHTS[f] * features[f] for f in SCOPE_FEATURES)
    return 1.0 / (1.0 + math.exp(-z))


def predicate_coverage(q: QuestionInfo, texts: list[str]) -> float:
    """Best share of the question's predicate words ('sign' in 'who signs the ISF') in one of the texts."""
    if not q.predicate_terms:
        return 1.0
    wanted = set(q.predicate_terms)
    return max((len(wanted & words_of_sentence(t)) / len(wanted) for t in texts), default=0.0)


def words_of_sentence(text: str) -> set[str]:
    """A sentence's word stems, with the stem of each irregular verb's base form ('led' also says 'lead', 'took' says
    'take'), and the words of the same family (:mod:`kin`: 'completed' says 'finish', 'requirement' says 'mandatory').

    >>> {"lead", "take"} <= words_of_sentence("Ameerah Haq led the Mission until Finn Reske-Nielsen took over.")
    True
    >>> "money" in words_of_sentence("The Fund's $35 million envelope for each country played a catalytic role.")
    True
    """
    words = set(tokenize(text))
    bases = {base for w in re.findall(r"[a-z]{3,}", text) for base in verb_bases(w) if base[:4] != w[:4]}
    money = MONEY_KIN if AMOUNT.search(text) else frozenset()  # '$35 million envelope' says how much money
    return kin_of(words | set(tokenize(" ".join(bases)))) | money


def with_kin(words: set[str]) -> set[str]:
    """A sentence's words, and every word of requirement when it uses one: 'made into a requirement' says 'mandatory'.

    >>> sorted(with_kin({"isf", "requir"}) & {"mandatori", "oblig"})
    ['mandatori', 'oblig']
    """
    return words | REQUIREMENT_KIN if words & REQUIREMENT_KIN else words


def asked_share(q: QuestionInfo, text: str) -> float:
    """Share of what the question asks about that a sentence holds: each predicate word, and each named thing as
    one item — 'Integrated Strategic Framework' counts once, as 'ISF' does, so spelling a name out does not make a
    sentence that only names it look like an answer.

    >>> q = understand("Who approves the Integrated Strategic Framework?")
    >>> asked_share(q, "The Integrated Strategic Framework was introduced in 2008.")
    0.5
    """
    named = [(set(tokenize(e)), set(tokenize(q.held_as.get(e, "")))) for e in q.entities]
    items: list[tuple[set[str], set[str]]] = [({t}, set()) for t in q.predicate_terms] + [t for t in named if t[0]]
    words = words_of_sentence(text)
    return sum(item <= words or bool(other) and other <= words for item, other in items) / len(items) if items else 1.0


def verb_held(q: QuestionInfo, texts: list[str]) -> bool:
    """Does one of the texts use a yes/no question's verb, in any form ('met' for 'meet', 'paid' for 'pay')? True for
    other questions, and for a verb too common to tell ('have')."""
    verb = main_verb(q.text) if q.type == "yes_no" else ""
    if verb in REPORTING:  # 'Does resolution 80/11 say anything about …': what it says is the ask, not the verb
        return True
    stems = kin_of(set(tokenize(" ".join(verb_forms(verb))))) if verb else set()
    return not stems or any(stems & set(tokenize(t)) for t in texts)


def unstated(q: QuestionInfo, predicate: float, lead_asked: float, gap_focus: float, held: bool = True,
             measured: bool = True) -> bool:
    """A who/when/where/how-many question whose predicate no top sentence mentions and whose ask the lead barely
    covers (:func:`asked_share`): the passages are about the topic but do not say what was asked. Or one whose
    lead holds under BARELY of the ask while no top sentence holds the whole predicate ('What is the deadline for
    completing a strategic assessment?' led by a sentence on strategy, with 'assessment' alone in another). Or a yes/no
    question no top sentence settles: none uses its verb (``held``), or none holds SETTLES of what it asks ('Can the
    Peacebuilding Fund pay the salaries of police officers?' answered with sentences on the Fund alone). Or a measure
    asked that no top sentence gives (``measured`` False: 'How many police officers did UNMIT have in 2007?' with only
    years in the top sentences; 'How often is the ISF reviewed?' with no 'annually' or 'quarterly'), or a count whose
    verb none uses (``held``)."""
    if q.type == "yes_no":  # settled only by sentences that use its verb ('change') and hold most of its ask
        return not held or predicate < SETTLES and lead_asked < SETTLES
    if not measured:  # no top sentence gives the count, frequency or duration asked ('the 2007 elections' gives a year)
        return True
    if q.type == "quantity" and not held:
        return True
    if q.type == "quantity" and set(q.predicate_terms) <= MEASURED:  # 'How big was the police?': a number answers,
        return False  # the word 'size' rarely comes with it
    return q.type in TYPED and (predicate == 0.0 and lead_asked <= gap_focus or predicate < 1.0 and lead_asked < BARELY)


def requirement_given(question: str, sentences: list[str]) -> bool:
    """A question asking what a text requires ('What does the Human Rights Due Diligence Policy require of joint support
    to national security forces?') is answered only by a sentence stating a requirement; one that only names the policy
    ("… system-wide policies …, including the Human Rights Due Diligence Policy …") is not. True for other questions.

    >>> requirement_given("What does the HRDDP require of joint support?", ["Policies include the HRDDP."])
    False
    >>> requirement_given("What does the HRDDP require of joint support?", ["Support must be assessed for risks."])
    True
    >>> requirement_given("What did the Council decide about the mandate of MINUSTAH?", ["The Council extended it."])
    True
    """
    return not REQUIREMENT_ASK.search(question) or any(REQUIREMENT_WORDS.search(s) for s in sentences)


def codes_held(q: QuestionInfo, text: str, expansions: Mapping[str, str] | None = None) -> bool:
    """Does the text (a sentence with its passage and document title) name every mission or body code the question
    names ('BINUH')? A measure from another mission's passage answers nothing: "How much did the General Assembly
    appropriate for BINUH's first year budget?" was given UNMIT's "$155.4 million".

    ``expansions`` (the glossary's, lower-cased keys) let a spelled-out name count, without 'United Nations' too (a
    report on Haiti writes "the country team developed four project proposals" for the UNCT).

    >>> codes_held(understand("How much was appropriated for BINUH?"), "appropriated $155.4 million for UNMIT")
    False
    >>> codes_held(understand("How many proposals did the UNCT prepare?"), "the country team developed four",
    ...            {"unct": "united nations country team"})
    True
    """
    low = text.lower()
    defined = {**(expansions or {}), **{k.lower(): v for k, v in q.defined.items()}}
    return all(any(n.lower() in low for n in _held_as(e, defined)) for e in q.entities if CODE.fullmatch(e))


def _held_as(code: str, expansions: Mapping[str, str]) -> list[str]:
    """The code, its expansions and short forms, and each expansion without 'United Nations' ('country team')."""
    names = [code, *names_for(code, expansions)[1:]]
    return names + [n.removeprefix("united nations ") for n in names if n.startswith("united nations ") and n.count(" ") > 2]


def gap_statement(q: QuestionInfo) -> str:
    """'The library does not state who signs the ISF.' — the question as an indirect question (:mod:`indirect`)."""
    return f"{GAP_PREFIX} {indirect(q.text)}."


def what_is_missing(q: QuestionInfo, unknown: list[str], apart: list[str], novel: list[str]) -> str:
    """What a declined question asks that the library lacks, in the question's words: named things it never
    mentions, named things it never mentions together, words it never uses, or else the answer itself.

    >>> what_is_missing(understand("How does the ISF relate to the Mission Concept?"), [], ["ISF", "Mission Concept"], [])
    'The library never mentions ISF and Mission Concept in the same passage.'
    """
    if unknown:
        return f"The library does not mention {joined(unknown)}."
    if apart:
        return f"The library never mentions {joined(apart)} in the same passage."
    words = [w for w in re.findall(r"[\w'-]+", q.text) if set(tokenize(w)) & set(novel)]
    if words:
        return f"The library never uses the word{'s' if len(words) > 1 else ''} {joined([f'“{w}”' for w in words])}."
    return gap_statement(q)


def joined(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"




__all__ = ["asked_share", "codes_held", "gap_statement", "in_scope_probability", "joined", "requirement_given", "understand",
           "unknown_entities", "unstated", "verb_held", "what_is_missing", "words_of_sentence"]
