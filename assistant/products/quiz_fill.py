"""Which items a quiz keeps, and in what order: the subject's items before related concepts; each answer, sentence, fact
and glossary term once or twice at most; no item giving another's answer away; at most half the quiz on which mission
a passage describes.

Pure logic over the candidate items that :mod:`assistant.products.quiz` builds (tests/unit/test_quiz_fill.py).
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.citation import Citation
from assistant.index.lexical import tokenize
from assistant.products.quiz_focus import Focus
from assistant.products.quiz_pools import MISSIONS, mentions

DEFINITION_WORDS = 6  # an option this long is a definition: it may be an answer once in a quiz, never also a distractor
EVERYWHERE = frozenset({"secretary-general", "security council", "general assembly", "united nations"})  # in every stem
TOPIC_SHARE = 0.75  # an answer this much of whose words are the quiz's title is its subject
DATED = re.compile(r"\b(?:19|20)\d\d[-–/](?:19|20)?\d\d\b")  # a period a sentence names (a year alone is common ground)
SHORT = 10  # a quiz of this many items or fewer asks each answer once (trial 10's eight items answered two texts twice)
MISSION_SHARE = 0.5  # of a quiz, at most this share asks which mission a passage describes (a trainer's "trivia")


def named_first(named: list[tuple[dict, Citation]], limit: int, fx: Focus) -> list[tuple[dict, Citation]]:
    """Up to ``limit`` items on the texts the topic names, at most two with the same answer (one in a short quiz), none
    giving another's answer away."""
    picked: list[tuple[dict, Citation]] = []
    same = 1 if limit <= SHORT else 2
    for item, citation in named:
        if len(picked) == limit:
            break
        if quoted_part(item["stem"]) not in {quoted_part(p["stem"]) for p, _ in picked} \
                and sum(same_answer(p, item) for p, _ in picked) < same and not _same_period(item, picked) \
                and not _gives_away(item, picked, _own_subject(fx)):
            picked.append((item, citation))
    return picked


def same_answer(a: dict, b: dict) -> bool:
    """Two items with one answer, written with or without its acronym ('Integrated Strategic Framework (ISF)').

    >>> same_answer({"answer": "Integrated Strategic Framework (ISF)"}, {"answer": "integrated strategic framework"})
    True
    """
    return _bare(a["answer"]) == _bare(b["answer"])


def _bare(answer: str) -> str:
    return re.sub(r"\s*\([^)]*\)$", "", answer).lower()


def subject_names_last(items: list[tuple[dict, Citation]], fx: Focus) -> list[tuple[dict, Citation]]:
    """In a quiz on several subjects, the items whose answer is one subject's name after the rest: many stems name a
    subject and only one item asks for its name, so the item asking gives way, not the stems (a quiz on the ISF and the
    SLF is mostly sentences naming the ISF)."""
    names = {_bare(n) for part in fx.parts for n in part.names()}
    return sorted(items, key=lambda x: _bare(x[0]["answer"]) in names)


def _own_subject(fx: Focus) -> str:
    """The subject whose name may be in every stem: a quiz's one subject. A quiz on several asks about each, so one
    subject's name in another item's stem gives that item away (trial 9: "Integrated Strategic Framework" in three
    stems of ten)."""
    return "" if fx.parts else fx.subject


def quoted_part(stem: str) -> str:
    """The sentence a stem quotes (the stem itself when it quotes none): two items on one sentence are one item asked
    twice, whatever their wording ("Which mission completes …" and "Which mission does this passage … describe?").

    >>> quoted_part("Which mission does this passage from S/2019/805 describe? “Benchmarks for _____.”")
    'Benchmarks for _____.'
    """
    start, end = stem.find("“"), stem.rfind("”")
    return stem[start + 1:end] if 0 <= start < end else stem


def itself_of(fx: Focus) -> set[str]:
    """The answers that give a quiz on one term away: the term itself, in any of its names."""
    if len(fx.terms) != 1 or fx.texts:
        return set()
    return {n.lower() for n in fx.names()} | {f"{t.expansion} ({t.term})".lower() for t in fx.terms}


def fill(picked: list[tuple[dict, Citation]], pools: list[list[tuple[dict, Citation]]], count: int,
          fx: Focus) -> list[tuple[dict, Citation]]:
    """Up to ``count`` items, the pools taking turns: items on the subject first, related concepts only to fill what is
    left; an answer at most twice (once in a short quiz: a withdrawal quiz's cases are about three missions) and once from
    one document, a stem once,
    a glossary term once (not its definition both ways); never the subject itself as the answer when the quiz is on one
    term (in a quiz titled "the Integrated Strategic Framework", "which instrument …?" gives itself away); at most
    MISSION_SHARE of the quiz asking which mission a passage describes (7 of a newcomer's 10 transition items did)."""
    same = 1 if count <= SHORT else 2
    missions = -(-count * MISSION_SHARE // 1)
    answers = Counter(_bare(item["answer"]) for item, _ in picked)
    stems = {quoted_part(item["stem"]) for item, _ in picked}
    terms = {c.chunk_id for _, c in picked if c.doc_id == "glossary"}
    itself = itself_of(fx)
    subject = _own_subject(fx)
    for on_subject in (True, False):
        queues = [[x for x in pool if not on_subject or fx.about(f"{x[0]['stem']} {x[0]['answer']}")] for pool in pools]
        while len(picked) < count and any(queues):
            for queue in queues:
                while queue:
                    item, citation = queue.pop(0)
                    if answers[_bare(item["answer"])] < same and quoted_part(item["stem"]) not in stems \
                            and item["answer"].lower() not in itself and citation.chunk_id not in terms \
                            and not _gives_away(item, picked, subject) and not _same_fact(item, citation, picked) \
                            and (item["answer"] not in MISSIONS or sum(p["answer"] in MISSIONS for p, _ in picked) < missions):
                        answers[_bare(item["answer"])] += 1
                        stems.add(quoted_part(item["stem"]))
                        terms |= {citation.chunk_id} if citation.doc_id == "glossary" else set()
                        picked.append((item, citation))
                        break
                if len(picked) == count:
                    break
    return picked


def _gives_away(item: dict, picked: list[tuple[dict, Citation]], subject: str = "") -> bool:
    """One item tells another's answer: a definition offered as a wrong option in one and as the answer of the other, or
    a name of two words or more asked in one and written out in the other's stem ("… the authority of both the resident
    coordinator and the _____" beside "… Resident Coordinator and Humanitarian Coordinator (DSRSG/RC/HC)"); the quiz's
    own subject, which its title names anyway, excepted."""
    if any(_written_out(a, stem) and not _is_the_topic(a, subject)
           for a, stem in [x for p, _ in picked for x in ((item["answer"], p["stem"]), (p["answer"], item["stem"]))]):
        return True
    if item["kind"] != "concept":
        return False
    wrong = {o for o in item["options"] if o != item["answer"] and len(o.split()) >= DEFINITION_WORDS}
    answer = item["answer"] if len(item["answer"].split()) >= DEFINITION_WORDS else None
    return any(p["kind"] == "concept" and (p["answer"] in wrong or answer in p["options"]) for p, _ in picked)


def _same_fact(item: dict, citation: Citation, picked: list[tuple[dict, Citation]]) -> bool:
    """The same answer from the same report (not the glossary) is one fact asked twice: 'strategic benchmarks for
    _____' and 'six new benchmarks … after the deployment of _____', adjacent paragraphs of S/2019/805. So is the same
    answer in a sentence naming the same period from another report: the UNDAF '… for the period 2017-2021'
    signed in June 2017, told by S/2017/604 and again by S/2017/840 (trial 8's items 1 and 7).

    >>> a = {"answer": "UNDAF", "stem": "“… validate the _____ for the period 2017-2021 before its signature.”"}
    >>> b = {"answer": "UNDAF", "stem": "“… following the signing on 29 June of the _____ for the period 2017-2021.”"}
    >>> from types import SimpleNamespace as Cited
    >>> _same_fact(b, Cited(doc_id="s2017840"), [(a, Cited(doc_id="s2017604"))])
    True
    """
    return citation.doc_id != "glossary" and any(p["answer"] == item["answer"] and c.doc_id == citation.doc_id
                                                 for p, c in picked) or _same_period(item, picked)


def _same_period(item: dict, picked: list[tuple[dict, Citation]]) -> bool:
    """The same answer in a sentence naming the same period as a picked item's."""
    dated = set(DATED.findall(quoted_part(item["stem"])))
    return bool(dated) and any(p["answer"] == item["answer"] and dated & set(DATED.findall(quoted_part(p["stem"])))
                               for p, _ in picked)


def _written_out(answer: str, stem: str) -> bool:
    """A name of two words or more (not one every UN text uses) that the stem writes out, in the plural too ("similar
    to the integrated mission task forces" tells the Integrated Mission Task Force)."""
    name = _bare(answer)
    return len(answer.split()) >= 2 and name not in EVERYWHERE and (mentions(stem, name) or mentions(stem, f"{name}s"))


def _is_the_topic(answer: str, topic: str) -> bool:
    """Is the answer mostly the quiz's title ('integrated assessment and planning policy' in a quiz on integrated
    assessment and planning)?

    >>> _is_the_topic("integrated assessment and planning policy", "integrated assessment and planning: roles")
    True
    """
    words = set(tokenize(answer))
    return len(words) >= 2 and len(words & set(tokenize(topic))) >= TOPIC_SHARE * len(words)


__all__ = ["fill", "itself_of", "named_first", "quoted_part", "same_answer", "subject_names_last"]


def within_mission_share(picked: list[tuple[dict, Citation]]) -> list[tuple[dict, Citation]]:
    """The items less the last 'which mission' ones over MISSION_SHARE of the quiz as delivered: a quiz that found
    five items of the eight asked had four asking which mission (trial 16), though the cap held against eight.

    >>> items = [({"answer": "UNMIT"}, None), ({"answer": "BINUH"}, None), ({"answer": "Peacebuilding Fund"}, None)]
    >>> [i["answer"] for i, _ in within_mission_share(items)]
    ['UNMIT', 'Peacebuilding Fund']
    """
    others = sum(item["answer"] not in MISSIONS for item, _ in picked)
    allowed = int(others * MISSION_SHARE / (1 - MISSION_SHARE))
    out = []
    for item, citation in picked:
        if item["answer"] in MISSIONS:
            if allowed <= 0:
                continue
            allowed -= 1
        out.append((item, citation))
    return out

