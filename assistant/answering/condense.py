"""Follow-ups made standalone by rule (no LLM): keep the topic, take the new ask.

The previous question's *topic* is the noun phrase it asks about (:mod:`topic`). Then:

* a pronoun is replaced by the topic: "and who approves it?" → "Who approves the ISF?"; after a
  question that asked *what* did something ("What replaced the ISF in Sierra Leone?") "it" is the
  answer's subject instead ("the joint vision");
* an elliptical follow-up takes the previous question with the new qualifier: "and by mid-2019?"
  replaces "by September 2017", "and by 2011?" replaces "in September 2012"; "and MONUSCO?" replaces
  the mission named before ("what about corruption under MINUJUSTH?" also replaces what it was asked
  about: "… on rule of law" → "… on corruption"); "what about funding?" asks the previous question's
  ask of the new thing;
* "he" or "she" after a who-question is the person asked for ("Who took over when she left?" after "Who was
  leading UNMIT …?"); after a question citing someone's words, that someone;
* a question whose second ask leans on its first stands alone ("Who is the DSRSG/RC/HC and who does that person
  report to?");
* a lone question word asks the previous question anew: "and why?" → "Why was the DFS created?";
* "tell me more" asks the previous question again (what was already said is not repeated).

>>> condense_rules("and who approves it?", "What must an ISF contain?")
'Who approves the ISF?'
>>> condense_rules("and by mid-2019?", "How strong was the Haitian National Police by September 2017?")
'How strong was the Haitian National Police by mid-2019?'
>>> condense_rules("and by 2011?", "How many UNMIT police officers were deployed in September 2012?")
'How many UNMIT police officers were deployed by 2011?'
>>> condense_rules("and in 2019?", "How many formed police units did MINUJUSTH have when it started?")
'How many formed police units did MINUJUSTH have in 2019?'
>>> condense_rules("and MONUSCO?", "How many troops does MINUSMA have?")
'How many troops does MONUSCO have?'
>>> condense_rules("When does it take place?", "What new annual event did the General Assembly create in 2025?")
'When does the new annual event that the General Assembly created in 2025 take place?'
>>> condense_rules("How many officers would those units have?", "How many formed police units did MINUJUSTH have?")
'How many officers would the formed police units of MINUJUSTH have?'
>>> condense_rules("When was it due to go?", "Which formed police unit was scheduled to be the last to leave?")
'When was the formed police unit that was scheduled to be the last to leave due to go?'
>>> condense_rules("Who spoke for them?", "Which Timorese party told the mission it wanted an office?")
'Who spoke for the Timorese party that told the mission it wanted an office?'
>>> condense_rules("What is a JMAC?", "What must an ISF contain?")
'What is a JMAC?'
>>> condense_rules("Over what time frame is it planning?", "What are MINUJUSTH's two broad strategic objectives?")
'Over what time frame is MINUJUSTH planning?'
>>> condense_rules("And who does that person report to?", "What is a triple-hatted DSRSG/RC/HC expected to do?")
'Who does DSRSG/RC/HC report to?'
"""

from __future__ import annotations

import re

from assistant.answering.ellipsis import TIME_PHRASE, qualified
from assistant.answering.indirect import indirect
from assistant.answering.question import AUX, QUESTION_WORDS, entities, focus_of
from assistant.answering.topic import (
    ARTICLE,
    COUNTED,
    DOCUMENT_VERBS,
    FRONTED_SOURCE,
    TOPIC_WORDS,
    content_words,
    source_of,
    topic_of,
)
from assistant.index.lexical import STOPWORDS

PRONOUN = re.compile(r"\b(?:(?:this|that|these|those) ones?|the (?:latter|former)|it|its|they|them|their|this|that|these|"
                     r"those|he|she|his|her|him)\b", re.IGNORECASE)
PERSONAL = frozenset({"he", "she", "his", "her", "him"})
POSSESSIVE = frozenset({"its", "their", "his", "her"})
LEANING_START = re.compile(r"^(?:and what about|and how about|what about|how about|and also|and then|and|but|also|so|then)\b"
                           r"[\s,]*", re.IGNORECASE)
MORE = re.compile(r"^(?:(?:and|ok|okay|please)[\s,]+)?(?:tell me more|more|go on|elaborate|more details?|say more)"
                  r"(?:\s+(?:about|on)\s+(?P<about>.+?))?(?:,?\s*please)?[\s.?!]*$", re.IGNORECASE)
WHAT_ABOUT = re.compile(r"^(?:and\s+)?(?:what|how) about\b", re.IGNORECASE)
ASKS = re.compile(rf"\b(?:what|who|whom|whose|which|when|where|why|how)\b|\b{AUX}\b", re.IGNORECASE)
ELLIPTIC_WORDS = 2


# 'What new annual event did the General Assembly create …?': a follow-up's 'it' is the thing created, not the creator.
CREATED = re.compile(r"^(?:and\s+)?(?:what|which)\s+(?P<thing>(?:[a-z-]+\s+){0,3}[a-z]+)\s+(?:did|does|do)\s+(?P<who>.+?)\s+"
                     r"(?P<verb>create|establish|set up|launch|adopt|introduce|propose)\b(?P<rest>[^?]*)", re.IGNORECASE)
PAST = {"set up": "set up", "create": "created", "establish": "established", "launch": "launched", "adopt": "adopted",
        "introduce": "introduced", "propose": "proposed"}
# 'Which formed police unit was scheduled to be the last to leave MINUJUSTH?': a follow-up's 'it' is that unit.
CHOSEN = re.compile(r"^(?:and\s+)?which\s+(?P<thing>(?:[a-z-]+\s+){0,3}[a-z]+)\s+(?P<aux>was|were|is|are)\s+(?P<rest>[^?]+)",
                    re.IGNORECASE)
# 'Which Timorese party told the Council it wanted a mission?': a follow-up's 'they' is that party.
DID = re.compile(r"^(?:and\s+)?which\s+(?P<thing>(?:[a-z-]+\s+){0,3}?[a-z]+)\s+(?P<verb>[a-z]+ed|told|said|led|took|made|"
                 r"gave|won|sent|held|ran|met|left|chose|wrote|saw|kept|brought|paid|spoke|began|became)\s+(?P<rest>[^?]+)",
                 re.IGNORECASE)
PARTITIVE = re.compile(r"\b(?:of|among)\s+(?:them|these|those)\b", re.IGNORECASE)
PLURAL = frozenset({"they", "them", "their", "these", "those"})
DETERMINERS = frozenset({"this", "that", "these", "those"})
STAND_IN = frozenset({"person", "people", "official", "officials", "individual", "one", "ones", "post", "role", "entity",
                      "thing", "things"})
SUBJECT_ASK = re.compile(rf"^(?:and\s+)?(?:what|which)\s+(?:(?!{AUX}\b)[a-z]+\s+)?(?!{AUX}\b)(?P<verb>[a-z]+)\s+"
                         r"(?:the|an?|its|their|over|up|out|from|in|on)\b", re.IGNORECASE)


def answer_subject(previous: str, answer: str) -> str:
    """For 'What replaced the ISF …?' the subject before 'replaced' in the answer's lead ('the joint vision'), or ''."""
    match = SUBJECT_ASK.match(previous)
    lead = answer.strip().splitlines()[0] if answer.strip() else ""
    if not match or not lead:
        return ""
    stem = match.group("verb").lower()[:max(4, len(match.group("verb")) - 2)]
    found = re.search(rf"\b{re.escape(stem)}\w*", lead, flags=re.IGNORECASE)
    if not found:
        return ""
    clause = re.split(r"[,;:]\s+", lead[:found.start()])[-1].strip()
    words = clause.split()
    if not words or len(words) > TOPIC_WORDS or not content_words(words):
        return ""
    return ARTICLE.sub("the ", clause, count=1) if ARTICLE.match(clause) else clause


def _replace_pronoun(rest: str, topic: str) -> str:
    """The first pronoun replaced by the topic; 'those units' as a whole when the topic ends in 'units'."""
    match = PRONOUN.search(rest)
    assert match
    word = match.group(0).lower()
    topic = topic if word not in POSSESSIVE else (f"{topic}'" if topic.endswith("s") else f"{topic}'s")
    end = match.end()
    head = re.match(r"\s+([a-z-]+)", rest[end:]) if word in DETERMINERS else None
    # 'those units' -> 'the formed police units'; 'that person' -> 'the DSRSG/RC/HC' (a noun that names no kind of its own)
    if head and (head.group(1).lower() in topic.lower().split() or head.group(1).lower() in STAND_IN):
        end += head.end()
    return rest[:match.start()] + topic + rest[end:]


def _elliptic(question: str) -> bool:
    """A short question that names nothing ('When is the next review?') leans on the conversation."""
    content = content_words(re.findall(r"[\w/-]+", question))
    return len(content) <= ELLIPTIC_WORDS and not entities(question)


def condense_rules(question: str, previous: str, previous_answer: str = "", library: str = "") -> str:
    """Standalone version of a follow-up, by rule; questions that stand alone pass unchanged."""
    question = question.strip()
    more = MORE.match(question)
    if previous and more:
        about = more.group("about")
        return _capital(previous) if not about else condense_rules(f"what about {about}?", previous, previous_answer,
                                                                   library)
    question = _in_full(question, previous)
    leaning = LEANING_START.match(question)
    if not previous or not (PRONOUN.search(question) or leaning or _elliptic(question)) or _self_contained(question):
        return question
    rest = question[leaning.end():] if leaning else question
    # 'and by mid-2019?', 'what about funding?'; after 'what about' a clause is the fragment's ('Haiti when MINUJUSTH closed')
    if leaning and (WHAT_ABOUT.match(leaning.group(0)) or not ASKS.search(rest)):
        fragment = rest.strip().rstrip("?").strip()
        topic = topic_of(previous, library)
        if PRONOUN.search(fragment):
            fragment = _replace_pronoun(fragment, topic)
        return _capital(qualified(previous, fragment, topic)) if fragment else _capital(previous)
    if PARTITIVE.search(rest):  # 'and how many of them women?': the previous question's set, narrowed
        ask = rest.strip().rstrip("?")
        return _capital(f"{previous.strip().rstrip('?')}, and {ask[:1].lower()}{ask[1:]}?")
    if PRONOUN.search(rest):
        word = PRONOUN.search(rest).group(0).lower()  # type: ignore[union-attr]
        subject = "" if word in PERSONAL else answer_subject(previous, previous_answer)
        counted = COUNTED.match(previous.strip())
        if not subject and counted and word in PLURAL:  # 'How many formed police units did MINUJUSTH have' -> 'they'
            missions = [e for e in entities(counted.group("rest")) if re.fullmatch(r"[A-Z]{3,}", e)]
            subject = f"the {counted.group('what')}" + (f" of {' and '.join(missions)}" if missions else "")
        if word in PERSONAL and WHO_ASK.match(previous.strip()):  # 'Who was leading UNMIT …?' -> 'she': that person
            subject = f"the person {indirect(previous)}"
        # 'When was it adopted?': the document; 'What did he recommend?' after 'What did the SG note about X?': the SG
        # 'What did they build?' after 'According to the Itad blog, …?': its authors
        authors = word == "they" and FRONTED_SOURCE.match(previous.strip())
        source = source_of(previous) if DOCUMENT_VERBS.search(rest) or word in PERSONAL or authors else ""
        own = topic_of(previous, library, possessor=word in PERSONAL or word in PLURAL)
        if word in ("it", "its") and _plural(own):  # 'it' after "MINUJUSTH's two objectives" is MINUJUSTH
            own = topic_of(previous, library, possessor=True)
        topic = source or subject or _thing_asked(previous.strip(), word) or own
        named = _named_by_determiner(rest, topic, f"{previous} {previous_answer}")
        if named:  # 'that adviser' (said in the answer, not asked about): the adviser, in the previous topic
            return _capital(f"{named.rstrip(' ?')}, regarding {topic}?")
        return _capital(_with_object(_replace_pronoun(rest, topic), previous, topic)) if topic else question
    swapped = _bare_ask(rest, previous)
    if swapped:
        return swapped
    topic = topic_of(previous, library)
    time = TIME_PHRASE.search(previous) if not TIME_PHRASE.search(rest) else None  # '… in May 2019?' still holds
    when = f" {time.group(0)}" if time and time.group(0) not in topic else ""
    return _capital(f"{rest.rstrip('?')} regarding {topic}{when}?") if topic else question


SECOND_ASK = re.compile(rf"\s(?:and|,)\s+(?:who|whom|what|which|when|where|why|how|{AUX[3:-1]})\b", re.IGNORECASE)
WHO_ASK = re.compile(r"^(?:and\s+)?who\b(?!m)", re.IGNORECASE)


def _plural(phrase: str) -> bool:
    """Does the phrase end in a plural noun ('objectives'; not 'process', 'analysis' or 'status')?"""
    last = phrase.split()[-1].lower() if phrase.split() else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "is", "us"))


def _in_full(question: str, previous: str) -> str:
    """'the Fund' spelled out as the name the previous question gave it ('the Peacebuilding Fund'), so the follow-up
    searches for that Fund; a name the follow-up already gives, or one its head word does not end, is left.

    >>> _in_full("Is the Fund also supposed to back prevention strategies?", "Does the Peacebuilding Fund help?")
    'Is the Peacebuilding Fund also supposed to back prevention strategies?'
    """
    for name in (e for e in entities(previous) if len(e.split()) > 1 and e not in question):
        head = name.split()[-1]
        question = re.sub(rf"\b(the|that|this)\s+{re.escape(head)}\b", f"the {name}", question, count=1,
                          flags=re.IGNORECASE)
    return question


def _self_contained(question: str) -> bool:
    """'Who is the DSRSG/RC/HC and who does that person report to?': the pronoun of its second ask stands for a thing
    its first ask names, not for the conversation's topic."""
    second = SECOND_ASK.search(question)
    if not second or LEANING_START.match(question):
        return False
    first = question[:second.start()]
    return bool(entities(first)) and not PRONOUN.search(first) and bool(PRONOUN.search(question[second.end():]))


def _named_by_determiner(rest: str, topic: str, said: str) -> str:
    """'Who would that adviser answer to?' -> 'Who would the adviser answer to?' when the determiner's noun was said in
    the previous turn and is not the topic's ('those units' after 'formed police units' is the topic itself); ''
    otherwise ('When did that happen?': 'happen' was not said, and is no noun; 'When was that adopted?': a verb)."""
    match = re.search(r"\b(?:this|that|these|those)\s+(?P<noun>[a-z][a-z-]+)\b", rest, flags=re.IGNORECASE)
    if not match:
        return ""
    noun = match.group("noun").lower()
    if noun.endswith(("ed", "ing")) or noun in STOPWORDS or noun in QUESTION_WORDS or noun.rstrip("s") in topic.lower():
        return ""
    if not re.search(rf"\b{re.escape(noun.rstrip('s'))}s?\b", said, flags=re.IGNORECASE):
        return ""
    return rest[:match.start()] + "the " + match.group("noun") + rest[match.end():]


def _thing_asked(previous: str, pronoun: str) -> str:
    """What a follow-up's pronoun stands for when the previous question asked which thing: 'What new annual event did
    the Assembly create?' -> 'the new annual event that the Assembly created'; 'Which formed police unit was the last
    to leave?' -> 'the formed police unit that was the last to leave' ('' otherwise)."""
    created, chosen = CREATED.match(previous), CHOSEN.match(previous)
    if created and pronoun in ("it", "its", "this", "that"):
        verb = PAST[created.group("verb").lower()]
        return f"the {created.group('thing')} that {created.group('who')} {verb}{created.group('rest').rstrip()}"
    if chosen and pronoun in ("it", "its", "this", "that", "they", "them", "their"):
        return f"the {chosen.group('thing')} that {chosen.group('aux').lower()} {chosen.group('rest').rstrip()}"
    did = DID.match(previous)
    if did and pronoun in ("it", "its", "this", "that", "they", "them", "their"):
        return f"the {did.group('thing')} that {did.group('verb').lower()} {did.group('rest').rstrip()}"
    return ""


BARE = re.compile(r"^(?P<ask>why|when|where|who|whom|how(?: many| much| often| long)?)\s*[?.!]*$", re.IGNORECASE)
WH_AUX = re.compile(rf"^(?:and\s+)?(?:what|which|who|whom|when|where|why|how)\s+(?={AUX}\b)", re.IGNORECASE)


def _bare_ask(rest: str, previous: str) -> str:
    """'and why?' after 'When was the DFS created?' asks 'Why was the DFS created?': a lone question word takes
    the place of the previous question's own ('' when either is not of that shape)."""
    bare = BARE.match(rest.strip())
    opening = WH_AUX.match(previous.strip())
    if not bare or not opening:
        return ""
    return _capital(f"{bare.group('ask').lower()} {previous.strip()[opening.end():]}")


BARE_ASK = re.compile(rf"^(?:and\s+)?what\s+{AUX}\s+(?P<subject>.+?)\s+(?P<verb>[a-z]+)\s*\?$", re.IGNORECASE)
OBJECT_START = re.compile(r"^(?:its|their|his|her|the|an?)\s", re.IGNORECASE)


def _with_object(rewritten: str, previous: str, topic: str) -> str:
    """A what-did question that ends in its verb asks it of what the previous question was about.

    'What did MINUJUSTH conclude?' after 'When did MINUJUSTH complete its investigation into the La Saline
    violence?' asks what it concluded about that investigation: the previous question's object (the words after
    the topic and its verb) is kept when it says more than one word ('begin its work' adds nothing). A previous
    question without such an object ('… approved by the Secretary-General') adds nothing.
    """
    ask = BARE_ASK.match(rewritten.strip())
    if not ask or ask.group("subject").lower() != topic.lower() or ask.group("verb").lower() in STOPWORDS:
        return rewritten  # the topic and a verb, nothing after: 'What did MINUJUSTH conclude?'
    focus = focus_of(previous)
    at = focus.lower().find(ARTICLE.sub("", topic).lower())
    after = focus[at + len(ARTICLE.sub("", topic)):].split(maxsplit=1) if at >= 0 else []
    if len(after) < 2 or not OBJECT_START.match(after[1]) or len(content_words(after[1].split()[1:])) < 2:
        return rewritten
    return f"{rewritten.strip().rstrip('?').rstrip()} about {after[1]}?"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
