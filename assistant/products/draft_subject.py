"""Guidance and practice held to the subject of their section.

In a whole draft, a section's guidance is chosen among the statements that speak of its subject (the words below):
before, the same general lines on integration ("the principle of integration should be applied wherever …") filled
the vision, the risks and the monitoring sections of every draft, whatever the context. Where the library holds no
statement on a section's subject, the section says so and names the texts to check.

A request such as "Draft the 'Coordination and implementation arrangements' section" names no topic, so nothing but
the section's retrieval kept its bullets on the subject: the coordination section quoted the ISF being made a
requirement, a police co-location model and the rule-of-law nexus in Haiti. For a section the request asks for (and
names no focus topic of), a guidance or practice sentence must speak of the section's subject (its words below) or of
a mechanism the request names. Those off it are dropped, not replaced by lower-ranked ones (a section may go
without). Sentences are chosen with a scratch
citation book, so candidates left out cite nothing and stay free for other sections.

>>> bool(SUBJECTS["coordination"].search("The senior leadership team meets weekly."))
True
>>> bool(SUBJECTS["context"].search("MINUSTAH police officers work together with their national counterparts."))
False
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.citation import CitationBook
from assistant.products.draft_request import MECHANISMS, DraftAsk
from assistant.products.draft_risks import RISK_WORDS
from assistant.products.guidance import Chooser, recite, split_label
from assistant.products.statements import tidy

# What each section is about, in the words a sentence on it uses (risks: how a risk is spoken of).
SUBJECTS: dict[str, re.Pattern] = {key: re.compile(words, re.IGNORECASE) for key, words in {
    "purpose": r"integrated strategic framework|\bISF\b|\bframeworks?\b|\bscope\b|\bpurpose\b",
    "context": r"\banaly[sz]\w*|\bassessments?\b|\bdrivers?\b|root causes|conflict dynamics|understanding of (?:the )?"
               r"(?:context|situation|conflict)",
    "vision": r"\bvision\b|\bobjectives?\b|\bgoals?\b|strategic priorit\w*",
    "priorities": r"\bprioriti[sz]\w*|\b(?:set|setting|agreed?|shared|strategic|key|few|clear|common) priorit\w*|"
                  r"\bpriorit(?:y|ies) (?:for|of) (?:peace|the UN|integrat)\w*|comparative advantage|peace consolidation",
    "results": r"\bresults?\b|\bindicators?\b|\bbenchmarks?\b|\btargets?\b|\bbaselines?\b|\btimelines?\b|responsibilit\w*",
    "division": r"hand(?:ed|ing)?\s?over|\btransfer\w*|\btransition\w*|division of labou?r|comparative advantage|"
                r"draw(?:ing)?\s?down",
    "coordination": r"\bcoordinat\w*|\bforums?\b|working groups?|leadership (?:team|group|forum)|\bco-?chair\w*|"
                    r"\bmechanisms?\b|steering|task force|joint (?:planning|strategic|office|unit|structure)\w*|"
                    r"integrated (?:structures?|offices?|mechanisms?)",
    "resources": r"\bfund(?:s|ing|ed|ers?)?\b(?!,? and program)|\bbudget\w*|\bresources?\b|financ\w*|\bdonors?\b|"
                 r"assessed contributions",  # 'agencies, funds and programmes' are no money
    "monitoring": r"\bmonitor\w*|\breport(?:s|ing|ed)?\b|\breviews?\b|evaluat\w*|\bindicators?\b|\bbenchmarks?\b|"
                  r"\bprogress\b",
}.items()} | {"risks": RISK_WORDS}


def subject_gate(key: str, ask: DraftAsk, named: list[str]) -> re.Pattern | None:
    """The words a bullet of this section must use when the request asks for the section and names no topic of its own
    (named topics gate the bullets already): the section's subject, or a mechanism the request names; else no gate."""
    if key not in ask.sections or named or key not in SUBJECTS:
        return None
    mechanisms = [MECHANISMS[m][0] for m in ask.mechanisms if m in MECHANISMS]
    return re.compile("|".join([SUBJECTS[key].pattern, *mechanisms]), re.IGNORECASE)


def on_subject(chooser: Chooser, kind: str, gate: re.Pattern | None, question: str, focus: str, limit: int,
               topics: list[str], subject: re.Pattern | None = None) -> list[str]:
    """Guidance or practice bullets (``kind``) as the chooser picks them, those off the gate's subject left out; with no
    gate, chosen among the sentences using the ``subject``'s words (when given)."""
    pick = chooser.guidance if kind == "guidance" else chooser.practice
    if gate is None:
        return pick(question, focus, limit, topics, subject)
    scratch = replace(chooser, book=CitationBook(), used=set(chooser.used))
    found = (scratch.guidance if kind == "guidance" else scratch.practice)(question, focus, limit, topics)
    kept = [f for f in found if gate.search(split_label(f)[0])]  # not topped up: fewer bullets, none off the subject
    chooser.used.update(t for t in scratch.used - chooser.used if any(tidy(t) in k for k in kept))
    return [recite(f, scratch.book, chooser.book) for f in kept]
