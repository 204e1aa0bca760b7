"""The topic of a question: the noun phrase it asks about, as the library words it.

A follow-up's pronoun stands for it (:mod:`condense`). It is the question's focus without the question words, a frame
such as "the purpose of", the verb, the source it cites ("What does the IPI study say …") and a possessor ("Itad's
framework"), cut where the phrase stops occurring in the library ("the triple-hatted deputy SRSG", not "SRSG").

>>> topic_of("What does the IPI study say the Integration Steering Group is?", " the integration steering group ")
'the Integration Steering Group'
>>> topic_of("What is Itad's integrated delivery framework meant to help senior managers do?", " integrated delivery framework ")
'the integrated delivery framework'
>>> topic_of("What does resolution 80/11 decide about a yearly peacebuilding week?", " peacebuilding week ")
'the yearly peacebuilding week'
>>> topic_of("What does the 2025 resolution call for?", " the 2025 resolution ")
'the 2025 resolution'
>>> topic_of("What does it mean when people say the deputy SRSG is triple-hatted?", " a triple-hatted deputy srsg ")
'the deputy SRSG'
"""

from __future__ import annotations

import re

from assistant.answering.question import AUX, QUESTION_WORDS, entities, focus_of
from assistant.index.lexical import STOPWORDS

# what a question asks *of* its topic: 'the purpose of the mission' is about the mission
FRAME = re.compile(r"^(?:the |an? )?(?:main |key |exact )?(?:purpose|role|job|jobs|tasks?|duties|remit|aim|goal|mandate|"
                   r"composition|size|function|"
                   r"functions|responsibilities|structure|outcome|results?|findings|conclusions?|impact|status|history|"
                   r"meaning|definition|scope|strength|nature|objectives?|priorities|budget|membership|origin)"
                   r"\s+of\s+", re.IGNORECASE)
ARTICLE = re.compile(r"^(?:the|an?|this|that)\s+", re.IGNORECASE)
DO_SUPPORT = re.compile(r"^(?:and\s+)?(?:\w+\s+){0,2}?(?:do|does|did)\s", re.IGNORECASE)
TOPIC_WORDS = 8
PREPOSITIONS = ("by", "in", "for", "after", "before", "under", "during", "since", "until", "from", "at", "on", "to",
                "with", "without", "between", "within")
MODIFIERS = frozenset({"first", "second", "third", "last", "initial", "original", "new", "current", "latest", "next",
                       "previous", "former"})  # which one of a kind, not the kind itself
WH_VERB = re.compile(rf"^(?:and\s+)?(?:who|what|which)\s+(?!{AUX}\b)\w+\s+(?!{AUX}\b)", re.IGNORECASE)
COUNTED = re.compile(rf"^(?:and\s+)?how (?:many|much)\s+(?P<what>[\w\s-]+?)\s+{AUX}\s+(?P<rest>.+)$", re.IGNORECASE)

# 'the IPI study say (that)', 'resolution 80/11 decide about', 'the report describe': who says it, not what it is about
REPORTED = re.compile(r"^(?P<source>(?:the\s+)?(?:[\w/.-]+\s+){0,3}?[\w/.-]+)\s+(?:say|state|describe|decide|call|define|"
                      r"mean|note|report|argue|suggest|hold\s+up|single\s+out|cite)\s+"
                      r"(?:about\s+|that\s+|by\s+|of\s+|on\s+|as\s+)?(?=\w)", re.IGNORECASE)
# "Itad's integrated delivery framework": the possessed thing is the topic (a possessor naming one or two words)
POSSESSOR = re.compile(r"^(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?=\w+\s+\w)")


# 'What does it mean when people say the deputy SRSG is triple-hatted': what people say is the topic, not 'it'
MEANING = re.compile(r"^it\s+means?\s+(?:when|that|if)\s+(?:people|they|we|you|someone|planners|staff)\s+"
                     r"(?:say|says|call|describe|talk about)\s+(?:that\s+)?", re.IGNORECASE)


# what a document does, not what it is about: 'When was it adopted?' after 'What does resolution 80/11 decide about …?'
# 'According to the Itad blog, what …?': the source named before the question itself.
FRONTED_SOURCE = re.compile(r"^(?:according to|in|per)\s+(?P<source>(?:the\s+)?[\w/.-]+(?:\s+[\w/.-]+){0,4}?\s+"
                            r"(?:blog|study|report|paper|resolution|review|policy|note)|resolution\s+\d+/\d+)\s*,", re.IGNORECASE)
DOCUMENT_VERBS = re.compile(r"\b(?:adopt|adopted|publish|published|issue|issued|write|written|wrote|release|released|pass|"
                            r"passed|say|says|said|recommend|recommends|recommended|argue|argues|argued|conclude|"
                            r"concludes|concluded|find|finds|found|author|authored|cite|cites|cited|propose|proposes|"
                            r"proposed|call for|calls for|note|notes|noted)\b", re.IGNORECASE)


def source_of(question: str) -> str:
    """The source a question cites before its topic ('What does the IPI study say X is?' -> 'the IPI study'), or ''.

    >>> source_of("What does resolution 80/11 decide about a yearly peacebuilding week?")
    'resolution 80/11'
    >>> source_of("According to the Itad blog, what is holding back integrated delivery?")
    'the Itad blog'
    """
    fronted = FRONTED_SOURCE.match(question.strip())
    if fronted:
        return fronted.group("source")
    focus = focus_of(question)
    reported = REPORTED.match(focus)
    return reported.group("source") if reported and content_words(focus[reported.end():].split()) else ""


def content_words(words: list[str]) -> list[str]:
    """The words that are neither stopwords nor question words."""
    return [w for w in words if w.lower() not in STOPWORDS and w.lower() not in QUESTION_WORDS]


def _in_library(words: list[str], library: str) -> bool:
    """Whether the words occur in this order in the (lower-cased) library text, any punctuation between them."""
    if words[0].lower() not in library:  # plain substring tests first: the library text may be tens of megabytes
        return False
    pattern = r"(?<![\w-])" + r"[^\w]+".join(re.escape(w.lower()) for w in words) + r"(?![\w-])"
    return re.search(pattern, library) is not None


def _with_head(words: list[str], best: list[str]) -> list[str]:
    """The phrase the library holds, and the noun it modifies when the question's phrase ends there ('the first major
    independent' + 'review' of '… review of integrated missions', a noun that 'of' follows): a topic keeps its head."""
    if not best or len(best) >= len(words):
        return best
    head = words[len(best)]
    after = words[len(best) + 1].lower() if len(best) + 1 < len(words) else ""
    if after == "of" and head.isalpha() and head.lower() not in STOPWORDS and best[-1].lower() not in STOPWORDS:
        return [*best, head]
    return best


def topic_of(question: str, library: str = "", possessor: bool = False) -> str:
    """The noun phrase the question asks about ('the Integration Steering Group'), with 'the' where it had an article.

    Without library text (or when nothing matches) the named things, else the content words, stand in. The source a
    question cites is no topic ('What does the IPI study say the Integration Steering Group is?' asks about the Group),
    nor is a possessor ("Itad's integrated delivery framework" is about the framework) unless ``possessor`` (a 'he' or
    'they' after "the Prime Minister's proposal" is the Prime Minister).
    """
    counted = COUNTED.match(question.strip())
    focus = counted.group("rest").rstrip(" ?") if counted else focus_of(question)
    focus = MEANING.sub("", focus, count=1)
    reported = REPORTED.match(focus)
    if reported and not content_words(focus[reported.end():].split()):
        reported = None  # 'the resolution call for': nothing after the verb, so the resolution is the topic
    if reported:  # the words after the reporting verb, without a closing copula: '… say the Group is'
        focus = re.sub(r"\s+(?:is|are|was|were|means?)$", "", focus[reported.end():])
    possessed = None if possessor else POSSESSOR.match(focus)
    focus = focus[possessed.end():] if possessed else focus
    if WH_VERB.match(question):  # 'Who led UNMIT …', 'Which office took over from MINUJUSTH': the verb is no topic
        focus = re.sub(r"^(?:(?!the\b|an?\b)[a-z][\w-]*\s+)+", "", focus)
    focus = FRAME.sub("", focus, count=1)
    had_article = bool(ARTICLE.match(focus)) or not focus[:1].isupper() or bool(possessed)
    words = ARTICLE.sub("", focus).replace("'s ", " ").split()
    if DO_SUPPORT.match(question) and not reported and len(words) > 1:
        words = words[:-1] if len(words) <= 3 else words  # 'When did MINUJUSTH close' -> MINUJUSTH
    lead = 0
    while lead < len(words) - 1 and (words[lead].isdigit() or words[lead].lower() in MODIFIERS):
        lead += 1  # 'the 2005 independent study', 'the first IMPP doctrine': kept, but need not precede them in the library
    best: list[str] = []
    if library:
        for n in range(lead + 1, min(len(words), TOPIC_WORDS) + 1):
            if not _in_library(words[lead:n], library):
                break
            best = words[:n]
    best = _with_head(words, best)
    while best and (best[-1].lower() in STOPWORDS or best[-1].lower() in PREPOSITIONS):
        best = best[:-1]
    if not any(w.isalpha() for w in content_words(best)):
        said = focus if reported else question  # a cited source's words are no topic
        named = [e for e in entities(said) if not re.fullmatch(r"\d{4}", e)]
        if named:
            led = re.search(rf"\b(?:the|an?)\s+{re.escape(named[0])}", said, flags=re.IGNORECASE)
            return ("the " if led else "") + " and ".join(named)
        plain = " ".join(content_words(re.findall(r"[\w/-]+", said)))
        return f"the {plain}" if reported and had_article and plain else plain
    phrase = " ".join(best)
    return f"the {phrase}" if had_article and not re.search(r"\d", phrase) or best[0].isdigit() else phrase
