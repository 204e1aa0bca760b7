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

from assistant.answering.verify import split_sentences
from assistant.citation import Citation
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Hit, Retriever
from assistant.products.quiz_focus import Focus
from assistant.products.statements import quotable, tidy

BLANK = "_____"
# The words that introduce a reason, by kind; the reason runs to the clause's end (a comma, semicolon or full stop).
REASON = re.compile(r"\b(?:(?P<cause>owing (?:in (?:large |great )?part )?to|because of|due (?:in (?:large )?part )?to|"
                    r"as a result of|thanks to)|(?P<purpose>so that|in order to|with a view to))\s+"
                    r"(?P<reason>[^,;:.()]{15,120}?)(?=\s*(?:[,;:.()]|$))", re.IGNORECASE)
PASSAGES = 30
SAME_WORDS = 0.5  # a distractor sharing this share of the answer's words says the same thing: not a wrong option
SEARCH = "lessons challenges owing to because of due to so that in order to"
MIN_WORDS = 4  # an answer shorter than this is no lesson ('fulfil its mandate'); it may still be a wrong option
BROKEN = re.compile(r"\b(?![aiAI]\b)[a-z] [a-z]{3,}")  # 'humanitarian c rises': extraction damage, not an option to show
ASKED = {"cause": "What reason does {source} give?", "purpose": "What purpose does {source} give?",
         "aim": "What aim does {source} give?"}


def reason_of(sentence: str) -> tuple[str, str] | None:
    """(kind of reason, the reason) a sentence gives, or None."""
    found = REASON.search(sentence)
    if not found:
        return None
    if found.group("cause"):
        return "cause", found.group("reason").strip()
    # 'so that' takes a clause, 'in order to' a verb: options of one grammar, or the grammar gives the answer away
    return ("purpose" if found.group("purpose").lower() == "so that" else "aim"), found.group("reason").strip()


def _reasons(hits: list[Hit]) -> list[tuple[Hit, str, str, str]]:
    """(hit, sentence, kind, reason) for each quotable sentence of the passages that gives a reason."""
    out = []
    for hit in hits:
        for sentence in map(tidy, split_sentences(hit.text)):
            given = reason_of(sentence) if quotable(sentence) and len(sentence) <= 400 else None
            if given and not BROKEN.search(given[1]):
                out.append((hit, sentence, *given))
    return out


def _distinct(answer: str, other: str) -> bool:
    """Another reason that does not say the same as the answer (half its words or more)."""
    words, theirs = set(tokenize(answer)), set(tokenize(other))
    return len(words & theirs) < SAME_WORDS * min(len(words), len(theirs))


def reason_items(fx: Focus, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Items asking the reason or purpose a sentence on the subject gives; distractors from the library's other
    reasons of the same kind."""
    subject = retriever.glossary.expand(fx.subject)
    on_subject = [r for r in _reasons(retriever.search(f"{subject} {SEARCH}", k=PASSAGES)) if fx.about(r[1], r[0].title)]
    pool = _reasons(retriever.search(SEARCH, k=PASSAGES)) + _reasons(retriever.search(f"{subject} {SEARCH}", k=PASSAGES))
    out = []
    for hit, sentence, kind, reason in on_subject:
        others = list(dict.fromkeys(r for _, s, k, r in pool if k == kind and s != sentence and _distinct(reason, r)
                                    and len(r.split()) >= MIN_WORDS - 1))
        if len(others) < 3 or len(reason.split()) < MIN_WORDS:
            continue
        options = rng.sample(others, 3) + [reason]
        rng.shuffle(options)
        stem = f"{ASKED[kind].format(source=hit.short)} “{sentence.replace(reason, BLANK, 1)}”"
        out.append((dict(stem=stem, options=options, answer=reason, kind="reason", difficulty="medium"),
                    hit.citation(0)))
    return out


__all__ = ["REASON", "reason_items", "reason_of"]
