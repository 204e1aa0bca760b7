"""Candidate sentences for one question, scored: what the answer may quote, and the evidence for answering at all.

Candidates are every sentence of the top passages plus a dense and a BM25 sentence search. Each is scored by
:mod:`scoring` twice: once counting every focus word alike (the ``plain`` score the scope decision was fitted on)
and once counting each focus word by how much it tells the candidates apart (:mod:`distinctive`), which orders
what is quoted. A sentence quoted with the sentences it leans on is on topic when the unit is (:func:`on_topic`).
A footnote that holds what is asked lifts the sentence citing it (:mod:`notes`).

>>> q = understand("Who chairs the ISG?")                                          # doctest: +SKIP
>>> every, found = candidates(q, q.text, retriever.search(q.text), retriever, None, set())  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

from assistant.answering.distinctive import distinctive
from assistant.answering.kin import kin_of
from assistant.answering.notes import citing_sentence
from assistant.answering.question import QuestionInfo
from assistant.answering.relative import relate
from assistant.answering.scoring import (
    DATED_OR_COUNTED,
    Candidate,
    featurize,
    fits_self_description,
    has_answer_type,
    never_an_answer,
    refocus,
    words_of,
)
from assistant.index.described import without_naming
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.index.sentences import SentenceIndex

PASSAGES = 8  # top passages whose every sentence is a candidate
SENTENCE_SEARCH = 30  # plus this many from dense and from BM25 sentence search
# A supporting point must be on the question's topic by itself, not only through the passage it sits in:
# its own cosine to the question at least POINT_SIMILARITY, or POINT_OFF_FOCUS when it holds none of the
# focus words (chosen on evals/answers.jsonl: drops 19 of 255 points, none of those holding a key fact but one).
POINT_SIMILARITY = 0.30
POINT_OFF_FOCUS = 0.45


def norm(text: str) -> str:
    """Lower-cased, whitespace-collapsed text (how sentences are compared across turns)."""
    return " ".join(text.lower().split())


def candidates(q: QuestionInfo, query: str, hits: list[Hit], retriever: Retriever, filters: Filters | None,
               exclude: set[str], described: dict[str, set[str]] | None = None) -> tuple[list[Candidate], list[Candidate]]:
    """Scored candidate sentences from the top passages and from sentence search: all of them, best ``plain`` score
    first (the evidence for answering at all), and those that may be quoted, best ``score`` first (footnotes linked
    to the sentences citing them).

    ``described``: documents the question names by description, with the words naming them (:mod:`described`).
    Those words are not what is asked: the named documents are also searched for the rest of the question, and
    their sentences are ordered by closeness to that rest (the ``plain`` score, which the scope decision reads,
    stays the whole question's)."""
    index = retriever.sentences
    naming = {t for words in (described or {}).values() for t in words}
    within = _within(query, described or {}, naming, retriever, index)
    expanded = retriever.glossary.expand(query)
    vector = retriever.encoder.query_vector(expanded)
    rank_of = {retriever.row[h.chunk_id]: h.rank for h in hits if h.chunk_id in retriever.row}
    found = index.search(expanded, vector, SENTENCE_SEARCH, retriever.allowed_rows(filters))
    pool = [i for h in hits[:PASSAGES] for i in index.by_row.get(retriever.row.get(h.chunk_id, -1), [])]
    pool += found
    if within:
        pool += [i for row in list(within.rows)[:PASSAGES] for i in index.by_row.get(row, [])] + within.found
    searched = set(found)
    bm25 = index.lexical_scores(expanded)
    weights = distinctive(q.focus_terms, [words_of(index.texts[i]) for i in dict.fromkeys(pool)])
    weights.update({t: 0.0 for t in naming if t in weights})

    def scored(i: int) -> Candidate:
        row = int(index.rows[i])
        meta = retriever.records[row].meta
        chain = index.with_predecessors(i)  # a sentence leaning on a report's opening is quoted with it: both must fit
        c = Candidate(index=i, text=index.texts[i], row=row, passage_rank=rank_of.get(row), source_type=meta.type,
                      given=norm(index.texts[i]) in exclude,
                      after_given=any(norm(index.texts[j]) in exclude for j in chain[:-1]),
                      answerable=not never_an_answer(index.texts[i], meta.kind)
                      and all(fits_self_description(q, index.texts[j]) for j in chain))
        context = " ".join(index.texts[j] for j in chain[:-1])
        dense = float(index.vectors[i] @ vector)
        featurize(q, c, dense, float(bm25[i]), context, i in searched, _neighbours(index, i, vector))
        c.plain_features = dict(c.features)
        if within and meta.doc_id in within.docs:
            rank = within.rows.get(row)
            c.features.update(dense=float(index.vectors[i] @ within.vector), bm25=float(within.bm25[i]),
                              passage_rank=1.0 / rank if rank else 0.0, sentence_search=float(i in within.found))
            c.features.update(zip(("prev_dense", "next_dense"), _neighbours(index, i, within.vector), strict=True))
        refocus(q, c, context, weights)  # only the focus features depend on the weights
        c.unit_dense = max(float(index.vectors[j] @ vector) for j in chain)
        return c

    out = [scored(i) for i in dict.fromkeys(pool) if index.quotable[i] and index.self_contained(i)]
    relation = relate(out)  # the scores: each candidate also judged against the others
    out.sort(key=lambda c: -c.plain)
    quotable = {c.index: c for c in out if c.answerable}
    linked: set[str] = set()  # a note repeated under two markers (same text) is linked once
    for c in out:
        j = None if c.answerable else _citing(retriever, index, c)
        if j is None or norm(c.text) in linked or not (_carries_the_ask(q, c.text) or _best_note(q, c, out[0])):
            continue
        claim = quotable.get(j) or relation.apply(scored(j))
        if c.given and not claim.given:  # a note quoted before is pointed to with its sentence, never quoted again
            continue
        if claim.answerable and claim.note is None and c.score >= claim.score:  # the note adds to the answer
            claim.note, claim.score, claim.note_on_topic = c.index, max(claim.score, c.score), on_topic(c)
            quotable[j] = claim
            linked.add(norm(c.text))
    return out, sorted(quotable.values(), key=lambda c: -c.score)


def _neighbours(index: SentenceIndex, i: int, vector: np.ndarray) -> tuple[float, float]:
    """The cosines to the question of the sentences before and after ``i`` in its document (0 where there is none)."""
    return tuple(float(index.vectors[j] @ vector) if j >= 0 else 0.0  # type: ignore[return-value]
                 for j in (int(index.prev[i]), int(index.next[i])))


@dataclass
class Within:
    """The question without the words naming the documents it asks about, searched inside those documents."""

    docs: set[str]
    rows: dict[int, int]  # passage row -> rank in the search inside the documents, best first
    vector: np.ndarray
    bm25: np.ndarray  # BM25 score of every sentence, scaled so the best is 1
    found: list[int]  # sentences found by sentence search inside the documents


def _within(query: str, described: dict[str, set[str]], naming: AbstractSet[str], retriever: Retriever,
            index: SentenceIndex) -> Within | None:
    """Search the named documents for what is asked of them ('ask of UN country teams'), None without any."""
    asked = without_naming(query, naming)
    if not described or not tokenize(asked):
        return None
    inside = Filters(doc_ids=sorted(described))
    expanded = retriever.glossary.expand(asked)
    vector = retriever.encoder.query_vector(expanded)
    hits = retriever.search(asked, filters=inside, by_sentence=False)
    rows = {retriever.row[h.chunk_id]: h.rank for h in hits if h.chunk_id in retriever.row}
    found = index.search(expanded, vector, SENTENCE_SEARCH, retriever.allowed_rows(inside))
    return Within(set(described), rows, vector, index.lexical_scores(expanded), found)


def _carries_the_ask(q: QuestionInfo, text: str) -> bool:
    """Does a note hold every word of what is asked (the predicate: 'approved' in 'when was the policy approved')?

    Only then may it lift the sentence citing it into the answer: a note that merely names the policy the
    question is about (its title, its date) says nothing about the ask."""
    asked, words = set(q.predicate_terms or q.focus_terms), set(tokenize(text))
    if len(asked) == 1:  # one word ('lead') is no ask on its own: the note names the whole subject too, or answers it
        subject = set(q.focus_terms) - asked
        return asked <= words and (bool(subject) and subject <= words
                                   or q.type in DATED_OR_COUNTED and has_answer_type(text, q.type))
    return bool(asked) and asked <= words


def _best_note(q: QuestionInfo, note: Candidate, best: Candidate) -> bool:
    """A note that is the best evidence of all and holds the date or number asked carries the ask in its own words
    ('approved by the secretary-general on April 9, 2013' for 'When did the Secretary-General sign off on …?'); so does
    one holding half the ask or more, in words of the same family (IPI's note 50 on the NGOs that 'advocated against' a
    structurally integrated mission in Somalia, for '… even though humanitarian NGOs objected?', trial 10) — as long as it
    holds two words of the question: a note with the one word 'lead' says nothing on who leads a strategic assessment."""
    if note.plain < best.plain:
        return False
    asked = set(q.predicate_terms or q.focus_terms)
    words = kin_of(set(tokenize(note.text)))
    held = asked & words
    enough = 2 * len(held) >= len(asked) and len(held | set(q.focus_terms) & words) >= 2
    return q.type in DATED_OR_COUNTED and has_answer_type(note.text, q.type) or bool(asked) and enough


def _citing(retriever: Retriever, index: SentenceIndex, c: Candidate) -> int | None:
    """For a footnote unit's sentence: the quotable sentence that carries its marker (None otherwise)."""
    meta = retriever.records[c.row].meta
    if meta.kind != "footnote" or meta.cited_by not in retriever.row:
        return None
    row = retriever.row[meta.cited_by]
    sentences = [(j, index.texts[j]) for j in index.by_row.get(row, [])]
    j = citing_sentence(retriever.records[row].text, meta.footnote, sentences)
    return j if j is not None and index.quotable[j] and index.self_contained(j) else None


def on_topic(c: Candidate) -> bool:
    """Can the candidate be a supporting point: close enough to the question on its own, or through the footnote
    quoted under it ('DPKO, as chair of the UN integration steering group' in a note to a New Deal sentence)?

    A sentence leaning on its predecessor is judged as the unit quoted: "It had 14,000 officers." is on topic when
    the sentence it leans on names the police the question asks about — as long as it holds something asked about
    itself (a focus word, closeness to the question, or a word of the question with the kind of answer asked: "They
    have directly benefited some 7 million people" for "… and how many people did they reach?"). "Their value also
    comes from their light footprint" is not on planning guidance because the sentence before it names special
    political missions."""
    dense = c.unit_dense
    own = c.features["focus"] > 0 or c.features["dense"] >= POINT_SIMILARITY \
        or c.features.get("answer_type", 0) > 0 and c.features.get("terms", 0) > 0
    return c.note_on_topic or own and dense >= POINT_SIMILARITY and (c.features["context_focus"] > 0 or dense >= POINT_OFF_FOCUS)


