"""The pools a quiz item's options come from: bodies, policy texts, planning frameworks, missions.

Distractors are always of the answer's own kind — another body for a body, another framework for a
framework — so an item tests what the statement says, not which option looks out of place
(:func:`choices`), and an item whose stem names its answer is never asked (:func:`leaks`). The items are
built in :mod:`assistant.products.quiz` and :mod:`assistant.products.quiz_concepts`.

>>> "Integrated Strategic Framework" in FRAMEWORKS and "Senior Leadership Forum" in BODIES
True
>>> kind_of("Peacebuilding Commission")
'body'
"""

from __future__ import annotations

import random
import re

BLANK = "_____"  # the blank of every quiz stem (quiz, quiz_reasons, the evaluation)

# Bodies a who-does-what item can ask about; the options are always other bodies.
BODIES = ("Security Council", "General Assembly", "Peacebuilding Commission", "Peacebuilding Support Office",
          "Peacebuilding Fund", "Economic and Social Council", "Secretary-General", "resident coordinators",
          "United Nations country teams", "international financial institutions", "Integration Steering Group",
          "Policy Committee", "Department of Peacekeeping Operations", "Department of Political Affairs",
          "Integrated Task Force", "Senior Leadership Forum", "Humanitarian Coordinator", "Humanitarian Country Team",
          "Office for the Coordination of Humanitarian Affairs", "UN Secretariat", "member states", "donors", "UNDG", "DPKO",
          "DPA",
          "regional organizations")
DOCUMENTS = ("Note of Guidance", "Brahimi Report", "integrated assessment and planning policy", "Policy Committee decision",
             "Report on Integrated Missions", "integrated mission planning process guidelines", "Capstone Doctrine",
             "CIVCAP report", "HIPPO report")
# How trainers name each of those texts in a request (a quiz "on Brahimi and the 2008 decision" is about them).
DOCUMENT_NAMES = {"Note of Guidance": r"note of guidance", "Brahimi Report": r"\bbrahimi\b",
                  "integrated assessment and planning policy": r"\biap\b|integrated assessment and planning",
                  "Policy Committee decision": r"policy committee|\b2008 decision|decision of 2008",
                  "Report on Integrated Missions": r"report on integrated missions",
                  "integrated mission planning process guidelines": r"\bimpp\b|integrated mission planning",
                  "Capstone Doctrine": r"\bcapstone\b", "CIVCAP report": r"\bcivcap\b|civilian capacity",
                  "HIPPO report": r"\bhippo\b|high-level independent panel"}
MISSIONS = ("UNMIT", "MINUSTAH", "MINUJUSTH", "BINUH", "UNMISS", "UNIPSIL", "BINUB", "UNAMA", "UNSOM", "MONUSCO", "MINUSMA",
            "UNMISET", "UNOTIL", "UNAMSIL", "UNIOSIL", "ONUB", "BNUB", "UNMIS", "MIPONUH", "UNTAET", "UNOMSIL")
# The presences that followed one another in one country: a mission item's options are its country's other presences
# first, so it asks which stage of the transition a passage describes, not which country it is set in (Port-au-Prince
# among UNAMA, MINUSMA and MINUSTAH names its answer).
SUCCESSIONS = (("MIPONUH", "MINUSTAH", "MINUJUSTH", "BINUH"), ("UNTAET", "UNMISET", "UNOTIL", "UNMIT"),
               ("UNOMSIL", "UNAMSIL", "UNIOSIL", "UNIPSIL"), ("ONUB", "BINUB", "BNUB"), ("UNMIS", "UNMISS"))
# One instrument under two names: never both options (trial 12: the Development Assistance Framework, renamed the
# Cooperation Framework in 2019, was the answer beside it)
SAME_THING = (frozenset({"Cooperation Framework", "Development Assistance Framework"}),)
CASE_WORDS = re.compile(r"transition|withdraw|drawdown|closure|close|handover|hand over|mandate|benchmark|integrated strategic "
    r"framework"
                        r"|elections?|exit|liquidation|successor", re.IGNORECASE)
YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
BODY_WORDS = re.compile(r"\b(Council|Assembly|Commission|Office|Fund|Committee|Group|Team|Force|Forum|Department|Coordinator"
                        r"|Police|Polícia|Programme|Secretary-General|Union|Centre|Board|Panel|Cell|Unit|Service)\b",
                        re.IGNORECASE)
DOCUMENT_WORDS = re.compile(r"\b(Report|Policy|Framework|Guidelines?|Agenda|Note|Doctrine|Standards|Plan|Process|Resolution"
                            r"|Decision"
                            r"|Declaration|Strategy|Review|Handbook|Compact|Instruction)\b", re.IGNORECASE)
# A post held by one person ('Resident Coordinator', 'Special Representative of the Secretary-General', 'Force Commander').
POST = re.compile(r"^(?:(?:Deputy|Special|Executive|Resident|Humanitarian|Emergency Relief|Force|Police|Chief|Head of)\s+)*"
                  r"(?:Representative|Coordinator|Commander|Commissioner|Adviser|Envoy|Secretary-General|Director)\b")
# A country's own institution: never a distractor for a UN body (trial 11: the Haitian and Timorese police offered for
# OCHA)
NATIONAL_BODY = re.compile(r"\b(?:National Police|Pol[ií]cia Nacional|Police nationale|Armed Forces|For[çc]as|National Army|"
                           r"Ministry of)\b", re.IGNORECASE)
# A field presence by its full name: never a distractor for a process or a body ('System-wide analysis …' -> MINUJUSTH)
MISSION_NAME = re.compile(r"\b(?:Mission|Operation|Integrated (?:Peacebuilding )?Office) (?:in|for)\b")
REFERENCE = re.compile(r"available at|www\.|https?://|\bUN Doc\b|\bibid\b", re.IGNORECASE)  # a footnote's reference
# Planning frameworks and instruments: which one a statement is about (the ISF, the UNDAF…); options are other frameworks.
FRAMEWORKS = ("Integrated Strategic Framework", "Development Assistance Framework", "Cooperation Framework",
              "Humanitarian Response Plan", "Mission Concept", "Peacebuilding Priority Plan", "Common Country Analysis",
              "Strategic Assessment", "Integrated Mission Planning Process", "Consolidated Appeal", "results-based budgeting",
              "Poverty Reduction Strategy")
# Bodies too generic to be an answer worth learning ("investment by Member States"), or an option: lower-case "donors"
# beside named bodies was the one option no trainee would pick.
GENERIC_BODIES = frozenset({"member states", "donors", "regional organizations", "international financial institutions"})


def kind_of(name: str) -> str:
    """'mission', 'national', 'person', 'body', 'document' or 'concept': distractors are drawn from the same kind (a post among
    posts: the triple-hatted deputy offered beside three bodies was the only person, and so the answer).

    >>> kind_of("United Nations Mission for Justice Support in Haiti"), kind_of("Strategic Assessment")
    ('mission', 'concept')
    >>> kind_of("Deputy Special Representative of the Secretary-General, Resident Coordinator and Humanitarian Coordinator")
    'person'
    >>> kind_of("Haitian National Police"), kind_of("Office for the Coordination of Humanitarian Affairs")
    ('national', 'body')
    """
    if MISSION_NAME.search(name):
        return "mission"
    if NATIONAL_BODY.search(name):
        return "national"
    if POST.match(name):
        return "person"
    if BODY_WORDS.search(name):
        return "body"
    if DOCUMENT_WORDS.search(name):
        return "document"
    return "concept"


def mentions(text: str, name: str) -> bool:
    """The name, as a whole word, in the text (any case)."""
    return bool(re.search(rf"(?<![\w/]){re.escape(name)}(?![\w/])", text, re.IGNORECASE))


def choices(answer: str, pool: list[str], stem: str, rng: random.Random, n: int = 3) -> list[str] | None:
    """The answer and ``n`` distractors from the pool that the stem does not give away, a mission's own country's other
    presences (:data:`SUCCESSIONS`; None when the stem names too many of them to leave ``n``); None if too few.

    >>> sorted(choices("MINUJUSTH", list(MISSIONS), "“_____ closed in October 2019.”", random.Random(0), 2))
    ['BINUH', 'MINUJUSTH', 'MINUSTAH']
    >>> "Cooperation Framework" in choices("Development Assistance Framework", list(FRAMEWORKS), "“_____”", random.Random(0))
    False
    """
    others = [p for p in dict.fromkeys(pool) if p.lower() != answer.lower() and not mentions(stem, p)
              and p.lower() not in GENERIC_BODIES and not any({answer, p} <= same for same in SAME_THING)]
    if len(others) < n:
        return None
    line = next((line for line in SUCCESSIONS if answer in line), ())
    kin = sorted((p for p in line if p in others), key=lambda p: abs(line.index(p) - line.index(answer)))[:n]  # nearest
    if line and len(kin) < min(n, len(line) - 1):  # the stem names one: other countries' 'BINUB' and 'UNAMA' fill in for it
        return None
    options = kin + rng.sample([p for p in others if p not in kin], n - len(kin)) + [answer]
    rng.shuffle(options)
    return options


def leaks(stem: str, answer: str, glossary=None) -> bool:
    """The answer, its glossary expansion, or all its long words appear in the stem."""
    if mentions(stem, answer):
        return True
    if glossary is not None and any(t.term == answer and mentions(stem, t.expansion) for t in glossary.terms):
        return True
    words = [w for w in re.findall(r"[A-Za-z]{6,}", answer) if w.lower() not in {"united", "nations", "national"}]
    return bool(words) and all(mentions(stem, w) for w in words)
