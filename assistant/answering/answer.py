"""Cited answers: extractive by default (no LLM), or written by an LLM — verified either way.

The extractive answerer picks 2–6 sentences from the retrieved passages, chosen for
relevance to the question and for covering distinct points (maximal marginal relevance),
and quotes them verbatim with their [n]. It never writes a claim of its own. When the
best passage is too far from the question it abstains with :data:`NOT_COVERED` and lists
the nearest sources instead.

>>> a = answer_question("Who does the DSRSG/RC/HC report to?", get_retriever())   # doctest: +SKIP
>>> a.citations[0].label                                                      # doctest: +SKIP
'IPI 2013, ...'
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Iterator, Literal

import numpy as np
from pydantic import BaseModel, Field

from assistant.answering.llm import (
    MAX_PASSAGE_CHARS,
    MAX_PASSAGES,
    MODEL_DECLINED,
    build_messages,
    chat_model,
    llm_configured,
    short_passages,
    split_decline,
    stream,
)
from assistant.answering.mmr import mmr_select
from assistant.answering.verify import Verifier, split_sentences
from assistant.citation import MARKER_FORMAT, NOT_COVERED, Citation, CitationBook, SourceRef
from assistant.constants import OVERLAP_WEIGHT, PRESELECT
from assistant.corpus.manifest import load_manifest
from assistant.errors import BackendUnavailable
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Hit, Retriever

Backend = Literal["auto", "extractive", "llm"]
INSTRUCTION_LIKE = re.compile(
    r"ignore (all |any )?(the )?(previous|prior|above|earlier) (instructions|rules)|disregard (all |the )?(previous|prior|above)"
    r"|system prompt|you are (now )?(an? )?(ai|assistant|chatbot|language model)|new instructions:",
    re.IGNORECASE,
)
# Text that is not a quotable sentence: footnotes ("²² See ..."), fragments that start mid-sentence,
# page joins where a footnote marker glues two unrelated lines together, and runs of capitals
# (tables of contents, running heads), and TeX residue from PDF conversion.
NOT_QUOTABLE = re.compile(r"^\(?[a-z¹²³⁴⁵⁶⁷⁸⁹⁰]|^See |[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s+[a-z]|\b[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z]{3,}\b|\\|\$\^")
FOOTNOTE_BREAK = re.compile(r"(?<=[.!?”\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")
LEADING_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\s+|^[-•▪●]\s+|^\([a-z]{1,4}\)\s+")
MIN_SENTENCE_CHARS = 40
MAX_SENTENCE_CHARS = 700
PASSAGES_FOR_SENTENCES = 6
NEAREST_SOURCES = 3
COVERAGE_PASSAGES = 3
GENERIC_TERMS = frozenset({"un", "unit", "nation"})  # stemmed 'UN', 'United Nations': every passage has them
SENTENCE_BATCH = 4  # short batches pad less; fastest on 2 CPU cores
LLM_SENTENCES = 6  # evidence sentences offered to an LLM (in at most MAX_PASSAGES passages)


class Sentence(BaseModel):
    """One sentence of an answer with the numbers of the passages cited for it and whether they support it."""
    text: str
    citations: list[int]
    supported: bool


class AnswerView(BaseModel):
    """An answer as CLI ``--json`` and the API return it (sources without the internal fields)."""

    question: str
    answer: str
    abstained: bool
    citations: Sequence[SourceRef]
    sentences: list[Sentence] = []
    notes: list[str] = []
    backend: str = "extractive"
    took_ms: float = 0.0


class Answer(AnswerView):
    """The answer object shared by CLI, API and UI."""

    citations: list[Citation]
    standalone: str = Field("", description="The query actually searched (after follow-up condensation).")

    def cited_lines(self, book: CitationBook, limit: int) -> list[str]:
        """Up to ``limit`` verified sentences as 'text [n]', renumbered into a report's sources.

        Unsupported or uncited sentences are left out; an abstention gives none.
        """
        by_n = {c.n: c for c in self.citations}
        out = []
        for s in self.sentences:
            if s.supported and s.citations:
                out.append(f"{s.text} " + "".join(f"[{book.cite(by_n[n])}]" for n in s.citations if n in by_n))
            if len(out) == limit:
                break
        return out

    def public(self) -> dict:
        """The :class:`AnswerView` of this answer, as JSON-ready data."""
        return AnswerView.model_validate(self.model_dump()).model_dump()


def _citations(hits: list[Hit]) -> list[Citation]:
    return [h.citation(i + 1) for i, h in enumerate(hits)]


def currency_notes(citations: list[Citation], retriever: Retriever) -> list[str]:
    """A note for each cited document that the manifest marks as superseded, naming its successor."""
    manifest = load_manifest(retriever.settings.corpus_dir)
    notes = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations if c.superseded_by):
        cited = next(c for c in citations if c.doc_id == doc_id)
        successor = manifest.get(cited.superseded_by)
        name = f"{successor.short} ({successor.title})" if successor else cited.superseded_by
        notes.append(f"{cited.short} is superseded by {name}; check the current text before relying on it.")
    return notes


def abstain(question: str, hits: list[Hit], backend: str, started: float, reason: str = "") -> Answer:
    """The 'not covered' answer, listing the nearest passages so the user sees what the library does hold."""
    nearest = _citations(hits[:NEAREST_SOURCES])
    notes = [reason] if reason else []
    if nearest:
        notes.append("The nearest passages are listed as sources; none answers the question closely enough.")
    return Answer(question=question, answer=NOT_COVERED, abstained=True, citations=nearest, notes=notes,
                  backend=backend, took_ms=_ms(started))


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _candidates(hits: list[Hit]) -> list[tuple[int, str]]:
    """(hit index, sentence) pairs worth quoting; instruction-like text is never quoted."""
    out = []
    for i, hit in enumerate(hits[:PASSAGES_FOR_SENTENCES]):
        for joined in split_sentences(hit.text):
            for sentence in FOOTNOTE_BREAK.split(joined):  # 'peace."¹⁶ depth of ...': keep the sentence, drop the rest
                sentence = LEADING_NUMBER.sub("", sentence).strip()
                if (MIN_SENTENCE_CHARS <= len(sentence) <= MAX_SENTENCE_CHARS and not INSTRUCTION_LIKE.search(sentence)
                        and not NOT_QUOTABLE.search(sentence)):
                    out.append((i, sentence))
    return out


def select_sentences(question: str, hits: list[Hit], retriever: Retriever, limit: int) -> list[tuple[int, str]]:
    """Most relevant, least redundant sentences (MMR), 2..limit of them, in passage order."""
    candidates = _candidates(hits)
    if not candidates:
        return []
    expanded = retriever.glossary.expand(question)
    query_terms = set(tokenize(expanded))
    overlap = np.array([len(query_terms & set(tokenize(s))) / max(1, len(query_terms)) for _, s in candidates])
    cheap = overlap + np.array([hits[i].similarity for i, _ in candidates])
    keep = np.argsort(-cheap)[:PRESELECT]  # embed only the likeliest sentences: encoding is the cost
    candidates = [candidates[i] for i in keep]
    overlap = overlap[keep]
    query_vec = retriever.encoder.query_vector(expanded)
    vectors = retriever.encoder.encode_cached([s for _, s in candidates], batch_size=SENTENCE_BATCH)
    prior = np.array([0.05 / (1 + i) for i, _ in candidates])
    relevance = vectors @ query_vec + OVERLAP_WEIGHT * overlap + prior
    return [candidates[i] for i in mmr_select(relevance, vectors, limit)]


def _finish(question: str, sentences: list[str], hits: list[Hit], retriever: Retriever, backend: str,
            started: float, notes: list[str]) -> Answer:
    """Verify sentences against the passages they were given, number citations, add currency notes."""
    passages = {i + 1: h.text for i, h in enumerate(hits)}
    verdicts = Verifier(retriever.encoder).check(sentences, passages, ocr={i + 1 for i, h in enumerate(hits) if h.ocr})
    used = list(dict.fromkeys(n for v in verdicts for n in v.citations))
    renumber = {old: new + 1 for new, old in enumerate(used)}
    citations = sorted(
        (c.model_copy(update={"n": renumber[c.n]}) for c in _citations(hits) if c.n in renumber), key=lambda c: c.n
    )
    out_sentences, parts = [], []
    for v in verdicts:
        ns = [renumber[n] for n in v.citations]
        out_sentences.append(Sentence(text=v.text, citations=ns, supported=v.supported))
        marks = "".join(MARKER_FORMAT.format(n=n) for n in ns)
        parts.append(f"{v.text} {marks}".strip() + ("" if v.supported else " (unsupported)"))
        notes.extend(f"Sentence {len(out_sentences)}: {n}" for n in v.notes)
    notes.extend(currency_notes(citations, retriever))
    if any(INSTRUCTION_LIKE.search(h.text) for h in hits):
        notes.append("A retrieved passage contains instruction-like text; it was treated as quoted data only.")
    return Answer(question=question, answer=" ".join(parts), abstained=False, citations=citations,
                  sentences=out_sentences, notes=notes, backend=backend, took_ms=_ms(started))


def llm_passages(query: str, hits: list[Hit], retriever: Retriever) -> list[Hit]:
    """At most three short passages for an LLM: the sentences the extractive answerer would pick, grouped by passage.

    Short prompts keep a small CPU model fast and on topic; answers are verified against exactly these texts.
    """
    chosen = select_sentences(query, hits, retriever, LLM_SENTENCES)
    given = [hits[i].model_copy(update={"text": text}) for i, text in short_passages(chosen)]
    return given or [h.model_copy(update={"text": h.text[:MAX_PASSAGE_CHARS]}) for h in hits[:MAX_PASSAGES]]


def resolve_backend(backend: Backend | str, retriever: Retriever) -> str:
    """The backend to use: 'auto' picks the LLM when one is configured; asking for 'llm' without one is refused."""
    if backend == "auto":
        return "llm" if llm_configured(retriever.settings) else "extractive"
    if backend == "llm" and not llm_configured(retriever.settings):
        raise BackendUnavailable("the llm backend needs PLANASSIST_LOCAL_MODEL, or PLANASSIST_LLM_BASE_URL for a server")
    return backend


def evidence(question: str, hits: list[Hit]) -> tuple[float, float]:
    """(best cosine similarity, best share of the question's content words found in one of the top passages)."""
    if not hits:
        return 0.0, 0.0
    terms = set(tokenize(question)) - GENERIC_TERMS
    coverage = max(len(terms & set(tokenize(h.text))) / max(1, len(terms)) for h in hits[:COVERAGE_PASSAGES])
    return max(h.similarity for h in hits), coverage


def is_strong(similarity: float, coverage: float, settings) -> bool:
    """Answer when a passage is close in meaning, or fairly close and holds most of the question's words."""
    return similarity >= settings.abstain_threshold or (
        similarity >= settings.abstain_floor and coverage >= settings.abstain_coverage
    )


def retrieve_for_answer(question: str, retriever: Retriever, filters: Filters | None) -> tuple[list[Hit], bool]:
    """Passages for the question and whether the evidence is strong enough to answer."""
    hits = retriever.search(question, filters=filters)
    strong = bool(hits) and is_strong(*evidence(question, hits), retriever.settings)
    return hits, strong


def answer_question(question: str, retriever: Retriever, filters: Filters | None = None,
                    backend: Backend | str = "auto", search_query: str | None = None) -> Answer:
    """Answer one question (non-streaming)."""
    result = None
    for event in answer_stream(question, retriever, filters, backend, search_query):
        if isinstance(event, Answer):
            result = event
    assert result is not None
    return result


def answer_stream(question: str, retriever: Retriever, filters: Filters | None = None,
                  backend: Backend | str = "auto", search_query: str | None = None) -> Iterator[str | Answer]:
    """Yield text as it is produced (LLM tokens, or the extractive sentences), then the final Answer."""
    started = time.perf_counter()
    backend = resolve_backend(backend, retriever)
    query = search_query or question
    hits, strong = retrieve_for_answer(query, retriever, filters)
    if not strong:
        result = abstain(question, hits, backend, started)
        yield result.answer
        yield result.model_copy(update={"standalone": query})
        return
    if backend == "extractive":
        chosen = select_sentences(query, hits, retriever, retriever.settings.answer_sentences)
        sentences = [f"{s} {MARKER_FORMAT.format(n=i + 1)}" for i, s in chosen]
        for s in sentences:
            yield s + " "
        result = _finish(question, sentences, hits, retriever, backend, started, [])
    else:
        given = llm_passages(query, hits, retriever)
        messages = build_messages(question, [(i + 1, h.label, h.text) for i, h in enumerate(given)])
        text = ""
        for token in stream(chat_model(retriever.settings), messages):
            text += token
            yield token
        declined, kept = split_decline(text)
        if declined:
            result = abstain(question, hits, backend, started, MODEL_DECLINED)
        else:
            result = _finish(question, split_sentences(kept), given, retriever, backend, started, [])
    yield result.model_copy(update={"standalone": query})


def render_text(answer: Answer) -> str:
    """Human output: the answer with [n] markers, notes, then the numbered sources with quotes."""
    lines = [answer.answer]
    lines += [f"  note: {n}" for n in answer.notes]
    if answer.citations:
        lines.append("\nSources" + (" (nearest, not answering)" if answer.abstained else "") + ":")
        for c in answer.citations:
            quote = c.quote if len(c.quote) <= 400 else c.quote[:400] + "…"
            lines.append(f"  [{c.n}] {c.label} — {c.title}\n      “{quote}”")
    return "\n".join(lines)
