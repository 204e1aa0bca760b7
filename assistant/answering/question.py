"""Question understanding: what kind of answer is wanted, about what, and from which document.

The answerer scores sentences for the expected answer type (a date for "when", a number
for "how many", an actor for "who", an enumeration for "what are the …", a defining clause
for "what is …"), looks for the focus (the thing asked about) in them, and checks the
documents and named entities the question mentions against the library.

>>> q = understand("Who has to sign the ISF?")
>>> q.type, q.focus
('who', 'sign the ISF')
>>> understand("What are the four minimum requirements of the IAP policy?").type
'list'
>>> understand("How many police officers did PNTL have in 2012?").type
'quantity'
>>> understand("How big was the Haitian National Police in 2017?").predicate_terms
['size']
>>> q = understand("When a mission's deputy chief wears three hats, what are the two extra roles?")
>>> q.type, q.focus, "hat" in q.terms
('definition', 'the two extra roles', True)
>>> understand("Why, according to Boutellis, does the UN struggle to deploy missions?").focus
'the UN struggle to deploy missions'
>>> understand("By the end of June 2017, how many civilian jobs had been cut?").type
'quantity'
>>> understand("On what date did the General Assembly pass the review?").type
'when'
>>> understand("What is MINUSMA's approved budget for 2022/23?").entities
['MINUSMA', '2022/23']
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.answering.acronyms import defined_acronyms
from assistant.index.lexical import STOPWORDS, tokenize

QUESTION_TYPES = ("who", "when", "where", "quantity", "which", "list", "definition", "why", "how", "yes_no", "what")
NORMATIVE = re.compile(
    r"\b(must|should|shall|required?|requirements?|mandatory|minimum|obliged|has to|have to|need to|needs to)\b", re.IGNORECASE
)
AUX = r"(?:is|are|was|were|do|does|did|can|could|should|must|shall|will|would|has|have|had|may)"
START = r"^(?:and\s+)?"
LISTED = (r"requirements|elements|priorities|principles|tasks|steps|components|areas|features|criticisms|obstacles|"
          r"recommendations|functions|lessons|options|pillars|benchmarks|factors|challenges|models|types|conditions|reasons")
MEASURE_NOUNS = r"(?:turnout|price(?: tag)?|costs?|budget|size|strength|total|figure|rate|amount|percentage|share|number)"
ACTORS = r"body|bodies|entity|entities|department|office|organ|person|official|leader"
_RULES: list[tuple[str, re.Pattern]] = [
    ("quantity", re.compile(START + r"(how (?:many|much|large|big|strong|long|often)|"
                                    r"what (?:share|percentage|proportion|number|amount))\b|"
                            # 'What was the turnout in …?', 'What was the price tag on the portfolio?': a measure
                            + START + r"what (?:is|was|are|were) (?:the )?(?:[\w-]+['’]s? )?(?:[\w-]+ ){0,2}"
                            + MEASURE_NOUNS + r"(?=\s+(?:of|in|on|for|at)\b|\s*[?,]|$)", re.I)),
    ("who", re.compile(START + rf"(who|whom|whose)\b|{START}(which|what) ({ACTORS})\b", re.I)),
    ("when", re.compile(START + rf"(when|since when|until when|by when|what (?:year|date|time))\b|{START}in what year\b|"
                        rf"{START}what (?:is|was|are|were) the (?:deadline|date|time ?frame|timeline)s?\b|"
                        rf"{START}(?:on|by|at|in) (?:what|which) (?:date|day|month|year|time)\b", re.I)),
    ("where", re.compile(START + r"(where|in which (?:country|countries|place|region))\b", re.I)),
    ("why", re.compile(START + r"(why|for what reason|what (?:is|was) the (?:reason|purpose|rationale))\b", re.I)),
    ("list", re.compile(START + rf"(what|which) (?:are|were) (?:the )?(?:\w+ ){{0,3}}({LISTED})\b|\b(list|name the|enumerate)\b",
                        re.I)),
    ("definition", re.compile(START + r"what (?:is|are|was|were) (?!.*\b(?:meant|supposed|expected|designed|intended|"
                              r"used|required|able) to\b|.*\b(?:do|for|to|about|with)\??$)"
                              r"(?:an? |the )?[\w/\"“”' -]{1,60}\??$|"
                              + START + r"what does [\w/\"“”' -]+ mean\b|^define\b", re.I)),
    ("how", re.compile(r"^(?:and\s+)?how\b", re.I)),
    ("which", re.compile(r"^(?:and\s+)?(which|what) \w+", re.I)),
    ("yes_no", re.compile(rf"^(?:and\s+)?{AUX}\b", re.I)),
]
# Named things the library must contain for a question about them to be in scope: acronyms
# (MINUSMA, IDDRS), numbered instruments (resolution 2666, module 4.30, Rule 4.17), fiscal
# periods (2022/23), years, and capitalised names that are not sentence openers.
NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*\b")  # runs of capitalised words, filtered by _name
ENTITY_PATTERNS = [
    re.compile(r"\b[A-Z][A-Z0-9]{2,}(?:[/-][A-Z0-9]{2,})*\b"),
    re.compile(r"\b(?:resolution|module|rule|article|decision|regulation)\s+\d+(?:[./]\d+)*(?:\s*\(\d{4}\))?", re.I),
    re.compile(r"\b\d{4}/\d{2,4}\b"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
    NAME_RUN,
]
# Words of a question that say nothing about what is asked (stemmed): left out of the predicate.
GENERIC_TERMS = frozenset({"un", "unit", "nation", "mani", "much", "often", "exact", "actual", "say", "doe", "under", "from",
                           "each", "after", "than", "current", "main", "put", "accord", "regard", "about", "i", "my",
                           # 'Does it say anything about …' asks about what follows; 'even though' asks nothing
                           "anyth", "someth", "person", "even", "though", "although", "despite", "still", "yet"})
QUESTION_WORDS = frozenset({"what", "who", "whom", "whose", "which", "when", "where", "why", "how", "many", "much", "does",
                            "do", "did", "is", "are", "was", "were", "can", "could", "should", "must", "shall", "will",
                            "would", "has", "have", "had", "and", "also", "about", "exactly", "actually", "according"})
COMMON_CAPITALISED = frozenset({"What", "Who", "Which", "When", "Where", "Why", "How", "According", "Under", "Since",
                                "Summarise", "Summarize", "Explain", "Describe", "Does", "Did", "United", "Nations",
                                "Secretary-General", "Security", "Council", "General", "Assembly", "The"})
OPENERS = frozenset({"The", "Mr", "Mrs", "Ms", "Dr", "According", "Under", "Since", "Summarise", "Summarize", "Explain",
                     "Describe", "List", "Tell", "Give", "Please", "In", "On", "For", "As", "If", "At", "After", "Before",
                     "During", "Once", "While", "When", "Following", "Until", "Although", "Despite", "Beyond", "Besides",
                     "Apart", "Unlike", "Like", "With", "Without", "Given", "Between", "Among", "Within", "Throughout",
                     "Over", "By", "From", "To", "Of", "Against", "Towards"})  # 'After Haiti became …' names Haiti
LEAD_IN = re.compile(rf"^(?:and\s+)?(?:(?:what|who|whom|which|when|where|why|how)(?: many| much| often| long| strong)?"
                     rf"\s+(?:\w+\s+)?{AUX}\s+|"
                     rf"(?:what|who|which|when|where|why|how)\s+|{AUX}\s+)", re.IGNORECASE)


# A clause before the question proper: 'When a mission's deputy chief wears three hats, what are …', 'Under the 2025
# resolution, which …'. The type and the focus come from what follows it; its words still count as the question's.
LEADING_CLAUSE = re.compile(r"^(?:and\s+)?(?:when|if|once|while|after|before|during|under|according to|in|for|given|by|"
                            r"as of|over|at|on|from|since|within|throughout|following)\b"
                            rf"[^,?]{{3,80}},\s+(?=(?:what|who|whom|whose|which|when|where|why|how|{AUX[3:-1]})\b)",
                            re.IGNORECASE)
ASIDE = re.compile(r",\s*(?:according to|in the view of|as (?:stated|noted|reported) (?:in|by))\s[^,?]{3,60},\s*", re.I)
MEASURE = {"strong": "strength", "large": "size", "big": "size", "long": "length"}
# 'How big was the police?' asks its size, but the sentence that answers gives a number, rarely the word 'size'
MEASURED = frozenset(tokenize(" ".join(MEASURE.values())))
PURPOSE_ASK = re.compile(r"\s+(?:(?:meant|supposed|expected|designed|intended|there)\s+)?to\s+(?:do|achieve|accomplish)$"
                         r"|\s+(?:used\s+)?for$", re.IGNORECASE)


class QuestionInfo(BaseModel):
    """What the question asks for."""

    text: str
    type: str = Field(description="One of QUESTION_TYPES.")
    focus: str = Field(description="The thing asked about, in the question's words.")
    terms: list[str] = Field(default_factory=list, description="Stemmed content words of the question.")
    focus_terms: list[str] = Field(default_factory=list, description="Stemmed content words of the focus.")
    predicate_terms: list[str] = Field(default_factory=list,
                                       description="Focus words that are not a named thing: what is asked about it ('sign').")
    normative: bool = Field(False, description="Asks what must/should be done (policy and guidance preferred).")
    entities: list[str] = Field(default_factory=list, description="Named things the library must hold to answer.")
    defined: dict[str, str] = Field(default_factory=dict, description="Acronyms the question spells out, with their "
                                    "long names ('JTP': 'Joint Transition Plan'): each one named thing, the acronym.")
    held_as: dict[str, str] = Field(default_factory=dict, description="Acronyms the library never writes, with the "
                                    "name it uses instead ('UNSDCF': 'united nations cooperation framework').")


def question_type(question: str) -> str:
    """One of QUESTION_TYPES, from how the question opens."""
    text = LEADING_CLAUSE.sub("", question.strip(), count=1)
    for name, pattern in _RULES:
        if pattern.search(text):
            return name
    return "what"


def focus_of(question: str) -> str:
    """The question without its question words and auxiliaries: 'Who has to sign the ISF?' -> 'sign the ISF'."""
    text = LEADING_CLAUSE.sub("", question.strip().rstrip("?").strip(), count=1)
    text = ASIDE.sub(" ", text)
    text = re.split(r",\s*(?:and|or)\s+(?:does|do|is|are|can|what|who|how|when)\b", text, maxsplit=1)[0]
    counted = re.match(r"^(?:and\s+)?how (?:many|much)\s+", text, flags=re.IGNORECASE)  # keep what is counted
    measured = re.match(r"^(?:and\s+)?how (strong|large|big|long)\s+", text, flags=re.IGNORECASE)
    text = text[counted.end():] if counted else LEAD_IN.sub("", text, count=1)
    if measured:  # 'How strong was the police' asks its strength: the sentence that answers names the measure
        text = f"{MEASURE[measured.group(1).lower()]} of {text}"
    text = re.sub(r"^(?:to|has to|have to)\s+", "", text, flags=re.IGNORECASE)
    text = PURPOSE_ASK.sub("", text)  # 'the teams meant to do' asks what the teams are for: the teams are the focus
    return text.strip(" ,") or question.strip().rstrip("?")


def entities(question: str) -> list[str]:
    """Acronyms, numbered instruments, periods, years and capitalised names in the question; a long name the question
    gives an acronym for counts once, as the acronym ('Joint Transition Plan (JTP)': 'JTP')."""
    found: list[str] = []
    spelled = " ".join(defined_acronyms(question).values())
    for pattern in ENTITY_PATTERNS:
        for match in pattern.finditer(question):
            value = _name(match) if pattern is NAME_RUN else match.group(0).strip()
            if not value or value in COMMON_CAPITALISED or any(value in f for f in found) or value in spelled:
                continue
            found.append(value)
    return found


def _name(match: re.Match) -> str:
    """A run of capitalised words as a name: openers ('How', 'The', 'Mr') off its front; a word alone needs
    four letters and not to open a sentence, a run of two or more is a name wherever it stands, however short
    its first word ('New Deal', not 'Deal'; 'Our Common Agenda')."""
    words = match.group(0).split()
    while len(words) > 1 and (words[0].lower() in QUESTION_WORDS or words[0] in OPENERS):
        words.pop(0)
    opens = match.group(0) == " ".join(words) and re.search(r"(?:^|[.?!]\s)$", match.string[:match.start()])
    if len(words) == 1 and (len(words[0]) < 4 or opens):
        return ""
    return " ".join(words)


# '… report to when there is no humanitarian coordinator function?': the case the ask is put for, not the ask
CONDITION_CLAUSE = re.compile(r"\s+(?:when|if|where|in case) there (?:is|are|was|were)\b[^?]*|\s+(?:during|in the event of|"
                              r"in case of)\s+(?:an?|the|its|their)\s[^?,]*$", re.IGNORECASE)


def without_condition(question: str) -> str:
    """The question without the case it is put for at its end.

    >>> without_condition("And who does that person report to when there is no humanitarian coordinator function?")
    'And who does that person report to?'
    >>> without_condition("Who does the DSRSG report to during a drawdown?")
    'Who does the DSRSG report to?'
    """
    stripped = CONDITION_CLAUSE.sub("", question.rstrip("? ")).rstrip(" ,")
    return f"{stripped}?" if stripped and question.rstrip().endswith("?") else stripped or question


def understand(question: str) -> QuestionInfo:
    """Type, focus, content words, predicate, normative flag and named things of a question."""
    qtype = question_type(question)
    focus = focus_of(question)
    asked = PURPOSE_ASK.sub("", question.strip().rstrip("?"))  # 'meant to do' is no content word
    terms = [t for t in tokenize(asked) if t not in QUESTION_WORDS]
    focus_terms = [t for t in tokenize(focus) if t not in QUESTION_WORDS and t not in STOPWORDS]
    named = entities(question)
    defined = defined_acronyms(question)
    named_terms = {t for e in [*named, *defined.values()] for t in tokenize(e)} | GENERIC_TERMS
    return QuestionInfo(text=question, type=qtype, focus=focus, terms=list(dict.fromkeys(terms)),
                        focus_terms=list(dict.fromkeys(focus_terms)), normative=bool(NORMATIVE.search(question)),
                        entities=named, defined=defined,
                        predicate_terms=[t for t in dict.fromkeys(focus_terms) if t not in named_terms])
