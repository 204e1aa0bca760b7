"""Guidance and practice chosen for a planning context (what counts as either: :mod:`statements`).

Sentences are ranked against two things: the section's question and the drafter's context
(presence, phase, mandated tasks, priorities, tensions), so a special political mission
preparing its withdrawal and a peacekeeping operation in transition get different
statements. A guidance statement must also be close to the context unless it is the section's
core requirement (it answers the section's question closely): generic statements that would
repeat in every draft are left out. A statement is used once per document. A chooser can be held to a
subject (a section's words: :mod:`assistant.products.draft_subject`) and told what does not apply to its
presence at all (an SPM has no troops).

>>> split_label("The ISF must be reviewed. (IPI 2013 analysis) [3]")
('The ISF must be reviewed.', 'IPI 2013 analysis')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from assistant.answering.named import per_index
from assistant.answering.verify import split_sentences
from assistant.citation import CitationBook, narrowed
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.products.export import Block
from assistant.products.statements import (
    GUIDANCE_TYPES,
    PRACTICE_TYPES,
    Statement,
    bare,
    guidance_statement,
    practice_statement,
    statements_of,
    tidy,
)

PASSAGES = 20
# Cosine to the section's question below which a sentence is off-topic whatever the context. Guidance is held to
# more: a normative sentence about something else (a request to the PBC's annual report) misleads a drafter.
MIN_RELEVANCE = {"guidance": 0.45, "practice": 0.3}
REDUNDANT = 0.85
# A guidance statement must also be about this context (cosine to the context's words), unless it answers the section's
# question so closely that it is the section's core requirement whatever the context: a generic statement otherwise
# repeats in every draft and tells this drafter nothing about theirs.
CONTEXT_FLOOR, CORE_RELEVANCE = 0.4, 0.6
LEXICAL_WEIGHT = 0.25
QUESTION_WEIGHT = 0.3  # the rest is the context: it must be able to change the choice
PRACTICE_QUESTION_WEIGHT = 0.35  # practice is plentiful: the context chooses among the sentences on the section
# A request's focus topics ("the elections in 18 months"): a statement must be about one of them (its words, or one of them
# and this close in meaning, or closer still alone) to be chosen, or the section goes without rather than quoting the
# hurricane season.
TOPIC_FLOOR, TOPIC_CLOSE = 0.3, 0.5
PRESENCE_BONUS = 0.1  # statements about this kind of presence up, about another kind down
# Words every context shares: they say nothing about this one.
COMMON_TERMS = frozenset(tokenize("united nations mission country team government support national the of and in to with for"))
TIME_TERMS = frozenset(tokenize("months years weeks days next last first end period"))  # '… in 18 months' is not the topic


@dataclass
class Chooser:
    """Picks guidance and practice sentences for one document, never the same sentence twice."""

    retriever: Retriever
    book: CitationBook
    used: set[str] = field(default_factory=set)
    avoid: re.Pattern | None = None
    prefer: re.Pattern | None = None
    exclude: re.Pattern | None = None  # statements that do not apply here at all (unless they also match ``prefer``)

    def guidance(self, question: str, context: str, limit: int, topics: list[str] | None = None,
                 subject: re.Pattern | None = None) -> list[str]:
        """Normative statements from policy-type sources, as cited bullets with their label (about one of the topics,
        when a request names some; using the ``subject``'s words, when given)."""
        return self._pick(question, context, limit, list(GUIDANCE_TYPES), guidance_statement, QUESTION_WEIGHT, "guidance",
                          topics or [], subject)

    def practice(self, question: str, context: str, limit: int, topics: list[str] | None = None,
                 subject: re.Pattern | None = None) -> list[str]:
        """Sentences from mission reports on how something was done, labelled practice (about one of the topics, when a
        request names some; using the ``subject``'s words, when given)."""
        return self._pick(question, context, limit, list(PRACTICE_TYPES), practice_statement, PRACTICE_QUESTION_WEIGHT,
                          "practice", topics or [], subject)

    def _pick(self, question: str, context: str, limit: int, types: list[str], make,
              weight: float, kind: str, topics: list[str], subject: re.Pattern | None = None) -> list[str]:
        hits: dict[str, Hit] = {}
        queries = [f"{question} {context}", context] if context else [question]
        for query in queries + [f"{question} {t}" for t in topics]:
            for h in self.retriever.search(query, k=PASSAGES, filters=Filters(types=types)):
                hits.setdefault(h.chunk_id, h)
        candidates = [s for h in hits.values() for s in statements_of(h, make, self._notes(h), self._before)
                      if not self._is_used(s.text) and (subject is None or subject.search(s.text)) and self._applies(s.text)]
        if topics:
            candidates = self._on_topic(candidates, topics)
        if not candidates:
            return []
        chosen = self._rank(question, context, candidates, limit, weight, kind)
        out = []
        for s in chosen:
            self.used.add(s.text)
            passages = ([s.before] if s.before else []) + [s.hit]
            cited = [self.book.cite(narrowed(h.citation(0), split_sentences(s.text))) for h in passages]
            out.append(f"{tidy(s.text)} ({s.label}) " + "".join(f"[{n}]" for n in cited))
        return out

    def _before(self, sentence: str) -> tuple[str, Hit | None]:
        """The sentence before this one in its document (from the sentence index), and its passage: for a sentence
        opening a passage."""
        index = self.retriever.sentences
        position = per_index("sentence_positions", self.retriever, index,
                             lambda: {bare(text): i for i, text in enumerate(index.texts)})
        i = position.get(bare(sentence))
        chain = index.with_predecessors(i) if i is not None else []
        if len(chain) < 2:
            return "", None
        row = int(index.rows[chain[-2]])
        return index.texts[chain[-2]], self.retriever.hit_for_row(row, 0, np.zeros(index.vectors.shape[1], np.float32))

    def _notes(self, hit: Hit) -> dict[str, str]:
        """The footnotes a passage's markers cite, by label: where an analysis got the words it quotes."""
        records = self.retriever.records
        return per_index("footnotes_cited", self.retriever, records, lambda: _footnotes(records)).get(hit.chunk_id, {})

    def _is_used(self, text: str) -> bool:
        """Whether a statement was quoted already, alone or inside a longer one (a sentence quoted with its successor in
        one section must not come back alone in another)."""
        return any(text in used or used in text for used in self.used)

    def _applies(self, text: str) -> bool:
        return not (self.exclude and self.exclude.search(text)) or bool(self.prefer and self.prefer.search(text))

    def _on_topic(self, candidates: list[Statement], topics: list[str]) -> list[Statement]:
        """The statements about at least one topic: holding most of its content words (both of two: 'the drawdown of the
        force' is not 'the police force'), or one of them and close in meaning, or very close in meaning alone."""
        if not candidates:
            return []
        encoder = self.retriever.encoder
        vectors = encoder.encode_cached([s.text for s in candidates])
        near = vectors @ np.stack([encoder.query_vector(t) for t in topics]).T
        words = [{w for w in tokenize(t) if not w.isdigit()} - COMMON_TERMS - TIME_TERMS for t in topics]
        out = []
        for s, row in zip(candidates, near, strict=True):
            shared = [len(w & set(tokenize(s.text))) for w in words]
            if any(n and (n >= len(w) - len(w) // 3 or (row[j] >= TOPIC_FLOOR)) or row[j] >= TOPIC_CLOSE
                   for j, (n, w) in enumerate(zip(shared, words, strict=True))):
                out.append(s)
        return out

    def _rank(self, question: str, context: str, candidates: list[Statement], limit: int, weight: float,
              kind: str) -> list[Statement]:
        """Relevance to the section's question and to the context, then no near-duplicates."""
        floor = MIN_RELEVANCE[kind]
        encoder = self.retriever.encoder
        vectors = encoder.encode_cached([s.text for s in candidates])
        q = encoder.query_vector(self.retriever.glossary.expand(question))
        relevance = vectors @ q
        score = relevance.copy()
        about = np.ones(len(candidates), dtype=bool)
        if context:
            c = encoder.query_vector(context)
            if kind == "guidance":
                about = (vectors @ c >= CONTEXT_FLOOR) | (relevance >= CORE_RELEVANCE)
            terms = set(tokenize(context)) - COMMON_TERMS
            lexical = np.array([len(terms & set(tokenize(s.text))) / max(1, min(len(terms), 12)) for s in candidates])
            score = weight * score + (1 - weight) * (vectors @ c) + LEXICAL_WEIGHT * lexical
        own = np.array([bool(self.prefer and self.prefer.search(s.text)) for s in candidates])
        other = np.array([bool(self.avoid and self.avoid.search(s.text)) for s in candidates])
        score = score + PRESENCE_BONUS * own - PRESENCE_BONUS * (other & ~own)
        chosen: list[int] = []
        for i in np.argsort(-score):
            if len(chosen) == limit or relevance[i] < floor or not about[i]:
                continue
            if chosen and float(np.max(vectors[chosen] @ vectors[i])) > REDUNDANT:
                continue
            chosen.append(int(i))
        return [candidates[i] for i in chosen]


LABEL = re.compile(r"\s\(([^()]*)\)(?:\s(?:\[\d+\])+)?$")


def _footnotes(records: list) -> dict[str, dict[str, str]]:
    """Footnote texts by the passage citing them and their label (once per loaded index: a draft has many choosers)."""
    notes: dict[str, dict[str, str]] = {}
    for record in records:
        if record.meta.kind == "footnote" and record.meta.cited_by:
            notes.setdefault(record.meta.cited_by, {})[record.meta.footnote] = record.text
    return notes


def split_label(bullet: str) -> tuple[str, str]:
    """('sentence', 'label') from a bullet 'sentence (label) [n]'."""
    match = LABEL.search(bullet)
    return (bullet[: match.start()], match.group(1)) if match else (bullet, "")


def recite(bullet: str, scratch: CitationBook, book: CitationBook) -> str:
    """A bullet chosen with a scratch book, its [n] renumbered in the draft's book (so candidates left out cite nothing)."""
    markers = re.search(r"(?:\[\d+\])+$", bullet)
    if not markers:
        return bullet
    renumbered = re.sub(r"\[(\d+)\]", lambda m: f"[{book.cite(scratch.sources[int(m.group(1)) - 1])}]", markers.group(0))
    return bullet[:markers.start()] + renumbered


CLOSEST_LABEL = "The closest requirement the library holds (general, not written for this section):"


def closest_requirement(chooser: Chooser, question: str, not_covered: str, topics: list[str] | None = None,
                        subject: str = "", about: re.Pattern | None = None) -> list[Block]:
    """Where no requirement fits the section and its context: say so, name the texts to check, and quote the one normative
    statement closest to the section's question (on the request's topics first) that names the section's subject
    ('risk' for the risks section) and, when given, speaks of the section's subject (``about``), labelled as general — or
    none, rather than an off-topic one."""
    words = set(tokenize(subject)) - COMMON_TERMS
    scratch = CitationBook()  # candidates left out must not reach the draft's sources
    # the closest requirement may be one another section quotes too, but never one that does not apply to this presence
    fresh = Chooser(chooser.retriever, scratch, exclude=chooser.exclude, prefer=chooser.prefer)
    candidates = (fresh.guidance(question, "", 2, topics) if topics else []) or fresh.guidance(question, "", 3)
    fitting = [c for c in candidates if (not words or words & set(tokenize(split_label(c)[0])))
               and (about is None or about.search(split_label(c)[0]))]
    closest = [recite(fitting[0], scratch, chooser.book)] if fitting else []
    return [Block(kind="note", text=not_covered)] + ([Block(kind="paragraph", text=CLOSEST_LABEL),
                                                      Block(kind="bullets", items=closest)] if closest else [])
