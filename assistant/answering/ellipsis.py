"""Elliptical follow-ups: 'and by mid-2019?', 'and MONUSCO?', 'what about Haiti when MINUJUSTH closed?' — the previous
question with the new qualifier or names in place of the old (:func:`qualified`; :mod:`condense` decides when a
follow-up is one).

>>> qualified("How strong was the Haitian National Police by September 2017?", "by mid-2019", "the Haitian National Police")
'How strong was the Haitian National Police by mid-2019?'
>>> qualified("What lessons came out of the UNMIT transition in Timor-Leste?", "Haiti", "the UNMIT transition")
'What lessons came out of the UNMIT transition in Haiti?'
"""

from __future__ import annotations

import re

from assistant.answering.question import ENTITY_PATTERNS, entities
from assistant.answering.topic import PREPOSITIONS, content_words

ABOUT_END = re.compile(r"\s(on|about|regarding|concerning)\s+(?:the\s+)?[a-z][\w\s-]*$")  # the previous subject matter
# a point or span in time: 'in September 2012', 'by mid-2019', 'as of 30 June 2011', 'in 2011/12'
TIME_PHRASE = re.compile(r"\b(?:by|in|during|after|before|since|until|as of|as at|at the end of)\s+(?:(?:early|mid|late)[- ])?"
                         r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d(?:/\d\d)?\b")
# a time given by an event: 'when it started', 'at the outset'
TIME_CLAUSE = re.compile(r"\bwhen (?:it|they|the [\w-]+) (?:started|began|opened|closed|ended|was (?:established|created|set up|"
                         r"deployed))\b|\bat (?:the )?(?:start|outset|beginning|end)\b", re.IGNORECASE)


def qualified(previous: str, fragment: str, topic: str) -> str:
    """The previous question with the new qualifier or name, or its ask turned to a new aspect of the topic.

    'by mid-2019' replaces the last 'by …' phrase; a name ('MONUSCO', '2019') replaces a name of the same
    kind, any other words kept as 'regarding …'; a plain phrase ('funding') is asked about the topic.
    """
    base = previous.strip().rstrip("?").strip()
    first = fragment.split()[0].lower()
    time = TIME_PHRASE.search(base) or TIME_CLAUSE.search(base)
    if TIME_PHRASE.fullmatch(fragment) and time:  # 'and by 2011?' after '… in September 2012': the time is replaced
        return f"{base[:time.start()]}{fragment}{base[time.end():]}?"
    if first in PREPOSITIONS:
        spots = list(re.finditer(rf"\b{first}\b", base, flags=re.IGNORECASE))
        if spots:
            start = spots[-1].start()
            end = start + len(re.match(r"[^,;?]*", base[start:]).group(0))  # type: ignore[union-attr]
            return f"{base[:start]}{fragment}{base[end:]}?"
        return f"{base}, {fragment}?"
    old = entities(base)
    new = [e for e in entities(f"about {fragment}") if e not in old]  # its first word too: 'Haiti when …'
    if new and old:
        swapped, left = _swapped(base, fragment, old, new)
        if not content_words(left.split()) or set(content_words(left.split())) <= set(content_words(swapped.split())):
            return f"{swapped}?"  # 'Haiti when MINUJUSTH closed' after '… Timor-Leste … when UNMIT closed'
        names = "|".join(map(re.escape, new))
        if SUBORDINATE.match(clause := re.sub(rf"^(?:(?:{'|'.join(PREPOSITIONS)})\s+)?(?:{names})\s*", "", fragment)):
            return f"{swapped} {clause}?"
        about = ABOUT_END.search(swapped)  # 'on rule of law' gives way to the new subject: 'on corruption'
        return f"{swapped[:about.start()]} {about.group(1)} {left}?" if about else f"{swapped}, regarding {left}?"
    if topic and topic.lower() not in fragment.lower():
        return f"What about {fragment} regarding {topic}?"
    return f"What about {fragment}?"


SUBORDINATE = re.compile(r"^(?:when|after|before|during|while|once|as|until)\b", re.IGNORECASE)


def _swapped(base: str, fragment: str, old: list[str], new: list[str]) -> tuple[str, str]:
    """The previous question with each new name in place of the most alike old one ('and the Peacebuilding Fund?'
    replaces the Commission; 'Haiti when MINUJUSTH closed' replaces Timor-Leste and UNMIT), and what the fragment says
    besides its names."""
    swapped, left, free = base, fragment, list(old)
    for name in new:
        if not free:
            break
        target = max(free, key=lambda e: _likeness(e, name))
        free.remove(target)
        swapped = re.sub(rf"\ban?\s+(?={re.escape(target)})", "the ", swapped, count=1).replace(target, name, 1)
        left = re.sub(rf"\s*\b(?:{'|'.join(PREPOSITIONS)})?\s*{re.escape(name)}", "", left)
    return swapped, left.strip(" ,")


def _likeness(old: str, new: str) -> tuple[bool, int, bool]:
    """How alike two named things are: the same kind (year, acronym, numbered instrument, name), shared words, as many
    words ('Haiti' replaces 'Timor-Leste', not the 'Security Council'); ties go to the earlier name."""
    def kind(name: str) -> int:
        return next((i for i, p in enumerate(ENTITY_PATTERNS) if p.fullmatch(name)), len(ENTITY_PATTERNS))
    shared = len({w.lower() for w in old.split()} & {w.lower() for w in new.split()})
    return kind(old) == kind(new), shared, len(old.split()) == len(new.split())


__all__ = ["ABOUT_END", "TIME_CLAUSE", "TIME_PHRASE", "qualified"]
