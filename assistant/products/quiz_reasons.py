"""Items that teach why: the reason or purpose a cited sentence gives, blanked; the options are the reasons other
sentences of the library give in the same way.

A quiz of names (which mission, which body, which definition) teaches recall; trainers asked for quizzes that teach
(trial 15: "all acronym and definition recall"). The reports and studies say why things happened and what they were
for: "weaknesses and gaps remain, owing in large part to continuing human resources capacity constraints"; "so that the
country team gradually takes up residual peacebuilding tasks". Blanking that reason asks the learner the lesson, and
the answer key quotes the sentence that gives it. Distractors are reasons the library gives for other things, of the
same kind (a cause for a cause, a purpose for a purpose), never made up: each is true of its own sentence, and none of
this sentence.

>>> reason_of("Gaps remain, owing in large part to continuing human resources capacity constraints.")
('cause', 'continuing human resources capacity constraints')
>>> reason_of("It reflects a strategy so that the country team gradually takes up residual peacebuilding tasks.")
('purpose', 'the country team gradually takes up residual peacebuilding tasks')
>>> reason_of("Investments will be essential in order to avert a constitutional vacuum.")
('aim', 'avert a constitutional vacuum')
>>> reason_of("The mission closed in 2012.") is None
True
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

import numpy as np

from assistant.citation import Citation
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Retriever
from assistant.products.quiz_focus import Focus, content_stems
from assistant.products.quiz_pools import BLANK
from assistant.products.statements import tidy

# The words that introduce a reason, by kind; the reason runs to the clause's end (a comma, semicolon or full stop).
REASON = re.compile(r"\b(?:(?P<cause>owing (?:in (?:large |great )?part )?to|because of|due (?:in (?:large )?part )?to|"
                    r"as a result of|thanks to)|(?P<purpose>so that|to ensure that|in order to|with a view to|aimed at|"
                    r"with the aim of))\s+"
                    r"(?P<reason>(?:[^,;:.()]|[,.](?=\d)){15,120}?)(?=\s*(?:[,;:.()](?!\d)|$))", re.IGNORECASE)  # '3,000'
ON_SUBJECT = 30  # lessons on the subject considered, closest first
SAME_WORDS = 0.5  # a distractor sharing this share of the answer's words says the same thing: not a wrong option
MIN_WORDS = 4  # an answer shorter than this is no lesson ('fulfil its mandate'); it may still be a wrong option
BROKEN = re.compile(r"\b(?![aiAI]\b)[a-z] [a-z]{3,}")  # 'humanitarian c rises': extraction damage, not an option to show
ASKED = {"cause": "What reason does {source} give?", "purpose": "What purpose does {source} give?"}  # else its aim


def reason_of(sentence: str) -> tuple[str, str] | None:
    """(kind of reason, the reason) a sentence gives, or None."""
    found = REASON.search(sentence)
    if not found:
        return None
    if found.group("cause"):
        return "cause", found.group("reason").strip()
    # 'so that' takes a clause, 'in order to' a verb, 'with a view to' a gerund: options of one grammar, or the grammar
    # gives the answer away
    said = found.group("purpose").lower()
    reason = found.group("reason").strip()
    kind = ("purpose" if said in ("so that", "to ensure that") else "aim" if said == "in order to"
            else "gerund" if reason.split()[0].endswith("ing") else "object")  # 'with a view to the establishment of …'
    return kind, reason


LESSON_STEMS = frozenset(content_stems("lessons learned learning experience experiences went well wrong why what worked"))


def _on(fx: Focus, sentence: str, title: str) -> bool:
    """On the subject by a word of the subject itself, not by 'lessons' (a quiz on lessons from transitions asks the
    lessons of transitions): a lesson off the subject teaches nothing."""
    if fx.parts:
        return any(_on(p, sentence, title) for p in fx.parts)
    if not fx.about(sentence, title):
        return False
    named = any(re.search(rf"(?<![\w/]){re.escape(n)}(?![\w/])", sentence, re.IGNORECASE) for n in [*fx.names(), *fx.texts])
    subject = fx.stems - LESSON_STEMS  # 'lessons from transitions' is about transitions: the lesson is what is asked
    return named or not subject or bool(subject & content_stems(f"{sentence} {title}"))


_SCANNED: list = [None, []]  # (the sentence index scanned, its reasons)


def library_reasons(retriever: Retriever) -> list[tuple[int, str, str, str]]:
    """(sentence number, sentence, kind, reason) for every quotable sentence of the library that gives a reason: the
    lessons to ask, and the distractor pool (a search's few passages left most items without three reasons of their
    grammar, and a long topic found one lesson in ninety passages, trial 16)."""
    index = retriever.sentences
    if _SCANNED[0] is index:  # one scan per sentence index: a library of 318 reports has some 200,000 sentences
        return _SCANNED[1]
    out = []
    for i in map(int, np.flatnonzero(index.quotable)):
        sentence = tidy(index.texts[i])
        given = reason_of(sentence) if len(sentence) <= 400 and sentence[-1:] in ".;”\")" else None  # no preamble ','
        if given and not BROKEN.search(given[1]):
            out.append((i, sentence, *given))
    _SCANNED[:] = [index, out]
    return out


@lru_cache(maxsize=1 << 16)
def _words(reason: str) -> frozenset[str]:
    """A reason's word stems, once per reason: every candidate is compared with the whole pool."""
    return frozenset(tokenize(reason))


def _distinct(answer: str, other: str) -> bool:
    """Another reason that does not say the same as the answer (half its words or more)."""
    words, theirs = _words(answer), _words(other)
    return len(words & theirs) < SAME_WORDS * min(len(words), len(theirs))


def reason_items(fx: Focus, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Items asking the reason or purpose a sentence on the subject gives; distractors from the library's other
    reasons of the same kind."""
    index, vector = retriever.sentences, retriever.query_vector(fx.subject)
    pool = library_reasons(retriever)
    on_subject = sorted((c for c in pool if _on(fx, c[1], retriever.records[int(index.rows[c[0]])].meta.title)),
                        key=lambda c: -float(index.vectors[c[0]] @ vector))[:ON_SUBJECT]  # the closest lessons first
    out = []
    for rank, (i, sentence, kind, reason) in enumerate(on_subject):
        if len(reason.split()) < MIN_WORDS:
            continue
        others = list(dict.fromkeys(r for _, s, k, r in pool if k == kind and s != sentence and _distinct(reason, r)
                                    and len(r.split()) >= MIN_WORDS - 1))
        if len(others) < 3:
            continue
        options = rng.sample(others, 3) + [reason]
        rng.shuffle(options)
        hit = retriever.hit_for_row(int(index.rows[i]), rank, vector)
        asked = ASKED.get(kind, "What aim does {source} give?").format(source=hit.short)
        stem = f"{asked} “{sentence.replace(reason, BLANK, 1)}”"
        out.append((dict(stem=stem, options=options, answer=reason, kind="reason", difficulty="medium"),
                    hit.citation(0)))
    return out


__all__ = ["REASON", "reason_items", "reason_of"]
