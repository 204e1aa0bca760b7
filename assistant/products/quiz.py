"""Quizzes for checking learning: fill-in-the-blank questions cut from corpus passages.

Each question is a verbatim sentence with one key term blanked — a year, a number or a
glossary acronym — so the answer is exactly what the source says, and the source is cited.
Choices are drawn from blanks of the same kind elsewhere in the quiz's passages.

>>> blank_candidates("The ISF was made a requirement in 2008.", {"ISF"})
[('ISF', 'term'), ('2008', 'year')]
"""

from __future__ import annotations

import random
import re

from pydantic import BaseModel

from assistant.answering.answer import INSTRUCTION_LIKE, LEADING_NUMBER, NOT_QUOTABLE
from assistant.answering.verify import split_sentences
from assistant.citation import Citation, CitationBook
from assistant.constants import MAX_QUESTIONS
from assistant.errors import InvalidRequest
from assistant.index.retrieve import Hit, Retriever
from assistant.products.export import Block, Report

BLANK = "_____"
YEAR = re.compile(r"\b(19[4-9]\d|20[0-4]\d)\b")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
NUMBER = re.compile(rf"\b\d{{1,3}}(?:,\d{{3}})+\b|\b\d{{2,}}\b(?!\s+(?:{MONTHS}))")
TERMINAL = (".", "?", "!", "”", '"', ")")
MIN_CHARS, MAX_CHARS = 60, 320
PASSAGES = 40


class QuizQuestion(BaseModel):
    """One fill-in-the-blank question with its answer, the choices offered and the number of its source."""
    n: int
    question: str
    answer: str
    choices: list[str]
    kind: str
    source: int


def blank_candidates(sentence: str, terms: set[str]) -> list[tuple[str, str]]:
    """Blankable spans in preference order: glossary terms, then years, then other numbers."""
    found = [(t, "term") for t in sorted(terms, key=len, reverse=True) if re.search(rf"(?<![\w/]){re.escape(t)}(?![\w/])",
                                                                                    sentence)]
    found += [(m.group(0), "year") for m in YEAR.finditer(sentence)]
    found += [(m.group(0), "number") for m in NUMBER.finditer(sentence) if not YEAR.fullmatch(m.group(0))]
    return found


def _sentences(hits: list[Hit]):
    for hit in hits:
        for s in split_sentences(hit.text):
            s = LEADING_NUMBER.sub("", s).strip()
            if (MIN_CHARS <= len(s) <= MAX_CHARS and s.endswith(TERMINAL) and not NOT_QUOTABLE.search(s)
                    and not INSTRUCTION_LIKE.search(s)):
                yield hit, s


def make_questions(topic: str, count: int, retriever: Retriever, seed: int = 0) -> tuple[list[QuizQuestion], list[Citation]]:
    """Up to ``count`` questions on the topic, most relevant passages first, one answer per question."""
    if not 1 <= count <= MAX_QUESTIONS:
        raise InvalidRequest(f"count: between 1 and {MAX_QUESTIONS}")
    if len(topic.strip()) < 3:
        raise InvalidRequest("topic: at least 3 characters")
    hits = retriever.search(topic, k=PASSAGES)
    terms = {t.term for t in retriever.glossary.terms}
    picked: list[tuple[Hit, str, str, str]] = []
    seen_answers: set[str] = set()
    pool: dict[str, set[str]] = {"term": set(), "year": set(), "number": set()}
    used_chunks: dict[str, int] = {}
    for hit, sentence in _sentences(hits):
        options = blank_candidates(sentence, terms)
        for answer, kind in options:
            pool[kind].add(answer)
        fresh = [(a, k) for a, k in options if a not in seen_answers]
        if not fresh or len(picked) >= count or used_chunks.get(hit.chunk_id, 0) >= 2:
            continue
        answer, kind = fresh[0]
        seen_answers.add(answer)
        used_chunks[hit.chunk_id] = used_chunks.get(hit.chunk_id, 0) + 1
        picked.append((hit, sentence, answer, kind))
    rng = random.Random(seed)
    book = CitationBook()
    questions = []
    for i, (hit, sentence, answer, kind) in enumerate(picked, 1):
        distractors = sorted(pool[kind] - {answer})
        choices = rng.sample(distractors, min(3, len(distractors))) + [answer]
        rng.shuffle(choices)
        blanked = re.sub(rf"(?<![\w/]){re.escape(answer)}(?![\w/])", BLANK, sentence, count=1)
        questions.append(QuizQuestion(n=i, question=blanked, answer=answer, choices=choices, kind=kind,
                                      source=book.cite(hit.citation(0))))
    return questions, book.sources


def quiz(topic: str, count: int, retriever: Retriever) -> Report:
    """The quiz as a report: questions (with choices), then the answer key with sources."""
    questions, sources = make_questions(topic, count, retriever)
    blocks = [Block(kind="heading", text="Questions", level=1)]
    if len(questions) < count:
        blocks.append(Block(kind="note",
                            text=f"The corpus gave {len(questions)} questions on this topic, fewer than the {count} asked."))
    for q in questions:
        blocks += [Block(kind="paragraph", text=f"{q.n}. {q.question}"),
                   Block(kind="bullets", items=[f"({chr(97 + j)}) {c}" for j, c in enumerate(q.choices)])]
    blocks += [Block(kind="heading", text="Answer key", level=1),
               Block(kind="table", rows=[["#", "Answer", "Source"]] + [[str(q.n), q.answer, f"[{q.source}]"] for q in questions])]
    return Report(title=f"Quiz: {topic}",
                  subtitle=f"{len(questions)} questions cut from the corpus; each answer is what the cited source says.",
                  blocks=blocks, sources=sources)
