"""Honest gaps: texts the library lacks, facts it does not state, questions it cannot answer.

Three judgments, each made from evidence rather than from the question alone:

* **Missing canonical texts.** A question that names a catalogued text which is not in the
  library (the Brahimi Report, the 2013 IAP Policy, the 2006 Note of Guidance…) gets a note
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
>>> info = DocumentInfo(id="b", title="Panel report (Brahimi Report)", short="Brahimi Report", symbol="A/55/305-S/2000/809")
>>> aliases(info)[:3], aliases(info)[-1]
(['Brahimi Report', 'A/55/305-S/2000/809', 'A/55/305'], 'Brahimi')
>>> aliases(DocumentInfo(id="r", title="Security Council resolution 1996 (2011)", short="S/RES/1996 (2011)",
...                      symbol="S/RES/1996 (2011)"))
['S/RES/1996 (2011)', 'resolution 1996 (2011)', 'resolution 1996', 'Security Council resolution 1996 (2011)']
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet

from assistant.answering.acronyms import names_for
from assistant.answering.indirect import indirect, main_verb, verb_bases, verb_forms
from assistant.answering.named import per_index
from assistant.answering.question import MEASURED, QuestionInfo, understand
from assistant.citation import GAP_PREFIX, MISSING_NOTE
from assistant.corpus.manifest import DocumentInfo, Manifest
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever

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
GENERIC_ALIASES = frozenset({"policy", "report", "guidelines", "handbook", "doctrine"})
RESOLUTION = re.compile(r"^[SA]/RES/(?P<n>[\d/]+)\s*\((?P<year>\d{4})\)")
# Words of requirement: a sentence using one holds them all (none is a paraphrase of anything else asked).
# An amount of money in a sentence answers for the words that ask for one ('How much money did the Fund put in?').
AMOUNT = re.compile(r"(?:US)?\$\s?\d|\b\d[\d,.]*\s+(?:million|billion)\b|\bdollars\b", re.IGNORECASE)
MONEY_KIN = frozenset(tokenize("money amount funding funds cost costs sum"))
REQUIREMENT_KIN = frozenset(tokenize("mandatory required requirement requires must obligatory obliged compulsory"))
DANGLING = frozenset({"of", "on", "for", "the", "and", "in", "to"})


def aliases(info: DocumentInfo) -> list[str]:
    """The names a user might give a catalogued text: short title, symbol, bracketed name, short title without year."""
    names = [info.short, info.symbol, info.symbol.split("-")[0] if info.symbol else ""]
    names += [n for n in re.findall(r"\(([^)]{4,60})\)", info.title) if re.search(r"[A-Za-z]{3}", n)]  # not '(2011)'

    resolution = RESOLUTION.match(info.symbol or "")
    if resolution:  # 'S/RES/1996 (2011)' is asked for as 'resolution 1996 (2011)' or 'resolution 1996'
        names += [f"resolution {resolution['n']} ({resolution['year']})", f"resolution {resolution['n']}"]
    symbol = "/" in info.short  # a symbol is not a title: no year to drop, no words to take
    names.append(info.short if symbol else re.sub(r"\s*\b(?:19|20)\d{2}\b$", "", info.short))
    title = re.sub(r"^(?:United Nations|UN)\s+", "", info.title.split(":")[0])
    if len(title.split()) >= 3:  # not 'Peacekeeping Operations': a phrase that names many texts names none
        names.append(title)
    body = re.sub(r"\s*\(.*$", "", title.removeprefix("Report of the "))
    if title.startswith("Report of the ") and len(body.split()) >= 4:  # the panel whose report it is
        names.append(body)
    words = [] if symbol else re.sub(r"\s*\b(?:19|20)\d{2}\b", "", info.short).split()
    if len(words) >= 2:
        names.append(" ".join(words[:2]))  # 'IMPP Guidelines: Role of the Field 2010' -> 'IMPP Guidelines'
    names += [w for w in words if w.isupper() and len(w) >= 4]  # 'HIPPO'
    if len(words) == 2 and words[1].lower() in GENERIC_ALIASES and len(words[0]) >= 5 and words[0][:1].isupper():
        names.append(words[0])  # 'Brahimi Report' -> 'Brahimi', 'Capstone Doctrine 2008' -> 'Capstone'
    out = []
    for name in names:
        name = name.strip(" :")
        dangling = name.split()[-1].lower() in DANGLING if name.split() else True  # 'Note of'
        if (len(name) >= 4 and re.search(r"[A-Za-z]", name) and name.lower() not in GENERIC_ALIASES and name not in out
                and not dangling):
            out.append(name)
    return out


def named_missing_texts(question: str, manifest: Manifest, library_doc_ids: AbstractSet[str]) -> list[DocumentInfo]:
    """Catalogued canonical texts the question names that the library does not hold."""
    found = []
    text = question.lower()
    for info in manifest.catalogue.values():
        if info.id in library_doc_ids:
            continue
        if any(re.search(rf"(?<![\w/]){re.escape(a.lower())}(?![\w/])", text) for a in aliases(info)):
            found.append(info)
    return found


def mentions(text: str, info: DocumentInfo) -> bool:
    """Does a sentence name the text (any alias; hyphens as spaces)?

    >>> info = DocumentInfo(id="h", title="Report of the High-Level Independent Panel on Peace Operations", short="HIPPO report")
    >>> mentions("the recommendation of the High level Independent Panel on Peace Operations", info)
    True
    """
    plain = text.lower().replace("-", " ")
    return any(re.search(rf"(?<!\w){re.escape(a.lower().replace('-', ' '))}(?!\w)", plain) for a in aliases(info))


# Asks what a text says (its contents), not about the text (when it was approved, what it replaced).
CONTENTS_ASK = re.compile(r"\b(?:say|says|said|state|states|recommend\w*|set|sets|require\w*|provide\w*|define\w*|"
                          r"describe\w*|calls? for|contain\w*|summari[sz]e|according to)\b", re.IGNORECASE)


def describes(text: str, info: DocumentInfo, q: QuestionInfo) -> bool:
    """Does a sentence describe what the question asks of a text the library lacks: it names the text, and holds
    something asked besides the text's own name ("emphasized the need to contribute to peace-building" names the Brahimi
    Report but says nothing of the mandates asked about)?

    >>> info = DocumentInfo(id="b", title="Panel report (Brahimi Report)", short="Brahimi Report")
    >>> q = understand("What does the Brahimi Report say about clear and achievable mandates?")
    >>> describes("The Brahimi Report emphasized the need to build peace in an integrated manner.", info, q)
    False
    >>> describes("The Brahimi Report called for clear mandates.", info, q)
    True
    >>> describes("The Brahimi Report was issued in 2000.", info, understand("When was the Brahimi Report issued?"))
    True
    """
    if not mentions(text, info):
        return False
    if not CONTENTS_ASK.search(q.text):  # asked about the text ('When was it approved?'), not what it says
        return True
    names = {t for a in aliases(info) for t in tokenize(a)}
    items = [{t} for t in q.predicate_terms if t not in names] + [set(tokenize(e)) - names for e in q.entities]
    words = words_of_sentence(text) - names
    return any(item and item <= words for item in items)


def missing_note(info: DocumentInfo, second_hand: list[str]) -> str:
    """'<short> is not in the library (<url>). Add it with …; described second-hand in …'."""
    where = f" Described second-hand in: {', '.join(second_hand)}." if second_hand else ""
    return (f"{info.short} {MISSING_NOTE} (official address: {info.url}). Add it with `planassist corpus fetch` "
            f"or upload a copy; until then nothing here quotes it directly.{where}")


# 'such as A, B and C' up to the end of the clause: a comma before a lower-case word other than and/or/an article
EXAMPLES = re.compile(r"\b(?:such as|e\.g\.,?|for example|for instance)\s+([^?.;]+?)"
                      r"(?=,\s+(?!and\b|or\b|the\b|an?\b)(?-i:[a-z])|[?.;]|$)", re.IGNORECASE)

# 'the World Bank and other lenders'
AND_OTHER = re.compile(r"((?:[A-Z][\w-]*,?\s+)*[A-Z][\w-]*)\s+(?:and|or)\s+(?:any\s+)?other\b")


def unknown_entities(q: QuestionInfo, library_text: str, known: AbstractSet[str] = frozenset()) -> list[str]:
    """Named things in the question that occur nowhere in the library (case-insensitive, as written), except those
    it gives only as examples ('international lenders such as the World Bank and IMF').

    ``known`` holds names that count as present anyway: glossary acronyms whose expansion the library holds. An
    acronym the question spells out is present when the library holds its long name (or a short form of it).
    """
    defined = {k.lower(): v for k, v in q.defined.items()}

    def held(e: str) -> bool:
        return any(v in library_text for v in spellings(e) + names_for(e, defined)[1:]) or _qualified_held(e, library_text)

    given = examples(q)
    return [e for e in q.entities if e not in known and not held(e) and e not in given]


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
    'take') and the words of requirement (:func:`with_kin`).

    >>> {"lead", "take"} <= words_of_sentence("Ameerah Haq led the Mission until Finn Reske-Nielsen took over.")
    True
    >>> "money" in words_of_sentence("The Fund's $35 million envelope for each country played a catalytic role.")
    True
    """
    words = set(tokenize(text))
    bases = {base for w in re.findall(r"[a-z]{3,}", text) for base in verb_bases(w) if base[:4] != w[:4]}
    money = MONEY_KIN if AMOUNT.search(text) else frozenset()  # '$35 million envelope' says how much money
    return with_kin(words | set(tokenize(" ".join(bases))) | money)


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
    stems = set(tokenize(" ".join(verb_forms(verb)))) if verb else set()
    return not stems or any(stems & set(tokenize(t)) for t in texts)


def unstated(q: QuestionInfo, predicate: float, lead_asked: float, gap_focus: float, held: bool = True) -> bool:
    """A who/when/where/how-many question whose predicate no top sentence mentions and whose ask the lead barely
    covers (:func:`asked_share`): the passages are about the topic but do not say what was asked. Or one whose
    lead holds under BARELY of the ask while no top sentence holds the whole predicate ('What is the deadline for
    completing a strategic assessment?' led by a sentence on strategy, with 'assessment' alone in another). Or a yes/no
    question no top sentence settles: none uses its verb (``held``), or none holds SETTLES of what it asks ('Can the
    Peacebuilding Fund pay the salaries of police officers?' answered with sentences on the Fund alone)."""
    if q.type == "yes_no":  # settled only by sentences that use its verb ('change') and hold most of its ask
        return not held or predicate < SETTLES and lead_asked < SETTLES
    if q.type == "quantity" and not held:  # no top sentence gives a count ('the 2007 elections' gives a year)
        return True
    if q.type == "quantity" and set(q.predicate_terms) <= MEASURED:  # 'How big was the police?': a number answers,
        return False  # the word 'size' rarely comes with it
    return q.type in TYPED and (predicate == 0.0 and lead_asked <= gap_focus or predicate < 1.0 and lead_asked < BARELY)


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


def second_hand(info: DocumentInfo, retriever: Retriever) -> list[str]:
    """Short titles of library documents that mention a catalogued text by one of its names (once per loaded index)."""
    names = [a.lower() for a in aliases(info)]
    records = retriever.records

    def mentioning() -> list[str]:
        shorts = [r.meta.short for r in records if any(n in r.text.lower() for n in names)]
        return list(dict.fromkeys(s for s in shorts if s))

    return list(per_index(f"second_hand:{info.id}", retriever, records, mentioning))


__all__ = ["aliases", "asked_share", "describes", "gap_statement", "in_scope_probability", "mentions", "missing_note",
           "named_missing_texts", "second_hand", "understand", "unknown_entities", "verb_held", "what_is_missing"]
