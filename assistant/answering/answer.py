"""Cited answers: extractive by default (no LLM), or written by an LLM — verified either way.

The extractive answerer (:mod:`compose`) scores sentences from the retrieved passages and a sentence-level search, and quotes
them verbatim with their [n]: the sentence that answers first, the list it introduces as a list, then up to three supporting
points. It never writes a claim of its own. When the library does not hold the answer it says so — :data:`NOT_COVERED` with the
nearest sources, or "The library does not state …" with the closest passages — and a question naming a catalogued text the
library lacks gets a note saying so.

>>> a = answer_question("Who does the DSRSG/RC/HC report to?", get_retriever())   # doctest: +SKIP
>>> a.citations[0].label                                                      # doctest: +SKIP
'IPI 2013, ...'
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Iterator, Literal

from pydantic import BaseModel, Field

from assistant.answering.compose import Plan, named_unknown, plan_answer
from assistant.answering.currency import currency_notes
from assistant.answering.gaps import gap_statement, what_is_missing
from assistant.answering.given import pointer_line
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
from assistant.answering.markers import CitationNumbers
from assistant.answering.missing import aliases, missing_note, named_missing_texts
from assistant.answering.named import library_doc_ids, novel_words
from assistant.answering.partial import revise_scope, unanswered_part
from assistant.answering.reading import reading_list
from assistant.answering.setting import set_aside
from assistant.answering.verify import Verdict, Verifier, split_sentences
from assistant.citation import (
    MARKER_FORMAT,
    MISSING_NOTE,
    NOT_COVERED,
    SOURCE_TYPES,
    UNDERSTOOD_PREFIX,
    Citation,
    SourceRef,
    narrowed,
)
from assistant.constants import LEXICAL_SUPPORT
from assistant.corpus.manifest import load_manifest
from assistant.errors import BackendUnavailable
from assistant.index.lexical import tokenize
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.index.sentences import INSTRUCTION_LIKE, LEADING_NUMBER, NOT_QUOTABLE  # noqa: F401 (products.quiz)

Backend = Literal["auto", "extractive", "llm"]
NEAREST_SOURCES = 3
COVERAGE_PASSAGES = 3
ROLE_PREFIX = {"given": "", "before": "- ", "lead": "", "item": "- ", "support": "- ", "closest": "- ", "part": "- ",
               "note": "  Footnote: "}
LLM_SENTENCES = 6  # evidence sentences offered to an LLM (in at most MAX_PASSAGES passages)


class Sentence(BaseModel):
    """One quoted sentence (or unit: a sentence with the one it leans on) of an answer, with its sources."""

    text: str
    citations: list[int]
    supported: bool
    role: str = Field("lead", description="given (quoted earlier in the conversation: pointed to, not repeated), before "
                      "(quoted earlier; the next point goes on from it), lead, item (of the list the lead introduces), support, "
                      "closest (a gap answer's nearest passage), part (a partial answer's sentence on one named thing), or "
                      "note (the footnote cited by the sentence before it).")


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
    question_type: str = Field("", description="who, when, where, quantity, which, list, definition, why, how, yes_no or what.")
    standalone: str = Field("", description="The question as understood and searched (a follow-up made standalone).")


class Answer(AnswerView):
    """The answer object shared by CLI, API and UI."""

    citations: list[Citation]

    def public(self) -> dict:
        """The :class:`AnswerView` of this answer, as JSON-ready data."""
        return AnswerView.model_validate(self.model_dump()).model_dump()


def _citations(hits: list[Hit]) -> list[Citation]:
    return [h.citation(i + 1) for i, h in enumerate(hits)]


def second_hand_notes(sentences: list[Sentence], citations: list[Citation], plan: Plan, retriever: Retriever) -> list[str]:
    """A note for each catalogued text the library lacks that a quoted sentence speaks of (another document's account)."""
    manifest = load_manifest(retriever.settings.corpus_dir)
    named = {m.id for m in plan.missing}
    by_number = {c.n: c for c in citations}
    notes = []
    for k, sentence in enumerate(sentences, 1):
        for info in named_missing_texts(sentence.text, manifest, library_doc_ids(retriever)):
            if info.id in named:
                continue
            named.add(info.id)
            who = next((by_number[n].short for n in sentence.citations if n in by_number), "another document")
            notes.append(f"{info.short} {MISSING_NOTE} ({info.address}): sentence {k} is {who}'s account of it, not its text.")
    return notes


def abstain(question: str, hits: list[Hit], backend: str, started: float, reason: str = "",
            notes: list[str] | None = None, question_type: str = "") -> Answer:
    """Decline: the not-covered phrase, the nearest passages as sources, and any notes (missing texts)."""
    nearest = _citations(hits[:NEAREST_SOURCES])
    notes = ([reason] if reason else []) + list(notes or [])
    if nearest:
        notes.append("The nearest passages are listed as sources; none answers the question closely enough.")
    return Answer(question=question, answer=NOT_COVERED, abstained=True, citations=nearest, notes=notes,
                  backend=backend, took_ms=_ms(started), question_type=question_type)


def declined_because(plan: Plan, retriever: Retriever) -> str:
    """What the declined question asks that the library lacks (a named text it lacks has its own note)."""
    titles = " ".join(a for m in plan.missing for a in aliases(m)).lower()  # 'Planning Handbook': the missing text's
    unknown = [e for e in plan.unknown if e.lower() not in titles]
    if plan.missing and not unknown:
        return ""
    named = {t for e in plan.q.entities for t in tokenize(e)}
    novel = novel_words([t for t in plan.q.terms if t not in named], retriever)
    return what_is_missing(plan.q, unknown, plan.apart, novel)


def plan_notes(plan: Plan) -> list[str]:
    """A note for each catalogued canonical text the question names and the library lacks."""
    return [missing_note(m, plan.second_hand.get(m.id, [])) for m in plan.missing]


def _verify_units(plan: Plan, sources: list[Hit], number: dict[int, int], verifier: Verifier) -> list[Verdict]:
    """Each quoted unit against the passages it comes from, together (a unit may span a passage break)."""
    verdicts = []
    for unit in plan.units:
        cited = [number[r] for r in unit.rows]
        evidence = verifier.lexical(unit.text, "\n".join(sources[n - 1].text for n in cited)) / LEXICAL_SUPPORT
        supported = evidence >= 1.0
        problems = [] if supported else ["not supported by the cited passages"]
        verdicts.append(Verdict(unit.text, cited, supported, evidence, problems))
    return verdicts


def _extractive(question: str, plan: Plan, retriever: Retriever, backend: str, started: float, notes: list[str]) -> Answer:
    """Render a plan: number the passages quoted, verify each unit, lay out lead, list, points."""
    by_row = {retriever.row[h.chunk_id]: h for h in plan.hits if h.chunk_id in retriever.row}
    sources: list[Hit] = []
    number: dict[int, int] = {}
    vector = retriever.encoder.query_vector(retriever.glossary.expand(plan.q.text))
    for unit in plan.units:
        for row in unit.rows:
            if row not in number:
                sources.append(by_row.get(row) or retriever.hit_for_row(row, len(sources) + 1, vector))
                number[row] = len(sources)
    verdicts = _verify_units(plan, sources, number, Verifier(retriever.encoder))
    out_sentences, lines = [], []
    if plan.decision == "gap":
        lines.append(f"{plan.premise or gap_statement(plan.q)} The closest passages:")
    elif plan.decision == "partial":
        lines.append(plan.premise)
    for unit, v in zip(plan.units, verdicts, strict=True):
        out_sentences.append(Sentence(text=v.text, citations=v.citations, supported=v.supported, role=unit.role))
        marks = "".join(MARKER_FORMAT.format(n=n) for n in v.citations)
        if unit.role in ("given", "before"):  # quoted earlier, pointed to: as the answer, or as what the next point goes on from
            lines.append(ROLE_PREFIX[unit.role] + pointer_line(v.text, plan.q.type, plan.asked, marks, more=unit.role == "given"
                                                               and len(plan.units) > 1, answers=unit.role == "given"))
            continue
        under_point = unit.role == "item" and any(u.role == "support" for u in plan.units[:len(out_sentences)])
        prefix = "  " + ROLE_PREFIX["item"] if under_point else ROLE_PREFIX[unit.role]  # a point's own list, indented
        lines.append(prefix + f"{v.text} {marks}".strip() + ("" if v.supported else " (unsupported)"))
        notes.extend(f"Sentence {len(out_sentences)}: {n}" for n in v.notes)
    citations = [narrowed(h.citation(i + 1), [t for s in out_sentences if i + 1 in s.citations
                                              for t in split_sentences(s.text)]) for i, h in enumerate(sources)]
    notes.extend(f"{c.short} is {c.source_type}, not UN guidance: read it as an outside view."
                 for c in {c.doc_id: c for c in citations if c.source_type == SOURCE_TYPES["commentary"]}.values())
    notes.extend(currency_notes(citations, retriever, [s.text for s in out_sentences]))
    notes.extend(second_hand_notes(out_sentences, citations, plan, retriever))
    notes.extend(unanswered_part(question, [s.text for s in out_sentences]) if plan.decision in ("answer", "gap") else [])
    notes.extend(["A retrieved passage contains instruction-like text; it was treated as quoted data only."]
                 * any(INSTRUCTION_LIKE.search(h.text) for h in plan.hits))
    return Answer(question=question, answer="\n".join(lines), abstained=plan.decision not in ("answer", "partial"),
                  citations=citations, sentences=out_sentences, notes=notes, backend=backend, took_ms=_ms(started),
                  question_type=plan.q.type)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _finish(question: str, sentences: list[str], hits: list[Hit], retriever: Retriever, backend: str,
            started: float, notes: list[str], numbers: CitationNumbers | None = None) -> Answer:
    """Verify sentences against the passages they were given, number citations as the stream did, add currency notes."""
    passages = {i + 1: h.text for i, h in enumerate(hits)}
    verdicts = Verifier(retriever.encoder).check(sentences, passages, ocr={i + 1 for i, h in enumerate(hits) if h.ocr})
    numbers = numbers or CitationNumbers(set(passages))
    renumber = {old: numbers.number(old) for v in verdicts for old in v.citations}
    dropped = sorted(set(numbers.shown.values()) - set(renumber.values()))
    if dropped:
        notes.append(f"Removed after checking: {', '.join(MARKER_FORMAT.format(n=n) for n in dropped)} (cited while the "
                     "answer was written, but the passage does not support the sentence).")
    citations = sorted(
        (c.model_copy(update={"n": renumber[c.n]}) for c in _citations(hits) if c.n in renumber), key=lambda c: c.n
    )
    out_sentences, parts = [], []
    for v in verdicts:
        ns = [renumber[n] for n in v.citations]
        out_sentences.append(Sentence(text=v.text, citations=ns, supported=v.supported))
        marks = "".join(MARKER_FORMAT.format(n=n) for n in ns)
        parts.append(f"{v.text} {marks}".strip() + ("" if v.supported else " (unsupported)"))
        notes.extend(f"Sentence {len(out_sentences)}: {n}" for n in numbers.in_notes(v.notes))
    notes.extend(currency_notes(citations, retriever, [s.text for s in out_sentences]))
    if any(INSTRUCTION_LIKE.search(h.text) for h in hits):
        notes.append("A retrieved passage contains instruction-like text; it was treated as quoted data only.")
    return Answer(question=question, answer=" ".join(parts), abstained=False, citations=citations,
                  sentences=out_sentences, notes=notes, backend=backend, took_ms=_ms(started))


def llm_passages(plan: Plan, retriever: Retriever) -> list[Hit]:
    """At most three short passages for an LLM: the best-scored candidate sentences, grouped by passage.

    Short prompts keep a small CPU model fast and on topic; answers are verified against exactly these texts.
    """
    hits = list(plan.hits)
    index_of = {retriever.row[h.chunk_id]: i for i, h in enumerate(hits) if h.chunk_id in retriever.row}
    vector = retriever.encoder.query_vector(retriever.glossary.expand(plan.q.text))
    chosen = []
    for c in [c for c in plan.candidates if not c.given][:LLM_SENTENCES]:
        if c.row not in index_of:
            hits.append(retriever.hit_for_row(c.row, len(hits) + 1, vector))
            index_of[c.row] = len(hits) - 1
        chosen.append((index_of[c.row], c.text))
    given = [hits[i].model_copy(update={"text": text}) for i, text in short_passages(chosen)]
    return given or [h.model_copy(update={"text": h.text[:MAX_PASSAGE_CHARS]}) for h in hits[:MAX_PASSAGES]]


def resolve_backend(backend: Backend | str, retriever: Retriever) -> str:
    """'auto' becomes llm when one is configured, else extractive; 'llm' without one is an error."""
    if backend == "auto":
        return "llm" if llm_configured(retriever.settings) else "extractive"
    if backend == "llm" and not llm_configured(retriever.settings):
        raise BackendUnavailable("the llm backend needs PLANASSIST_LOCAL_MODEL, or PLANASSIST_LLM_BASE_URL for a server")
    return backend


def answer_question(question: str, retriever: Retriever, filters: Filters | None = None,
                    backend: Backend | str = "auto", search_query: str | None = None,
                    exclude: set[str] | None = None) -> Answer:
    """Answer one question (non-streaming); ``exclude`` holds sentences already given in the conversation."""
    result = None
    for event in answer_stream(question, retriever, filters, backend, search_query, exclude):
        if isinstance(event, Answer):
            result = event
    assert result is not None
    return result


def answer_stream(question: str, retriever: Retriever, filters: Filters | None = None,
                  backend: Backend | str = "auto", search_query: str | None = None,
                  exclude: set[str] | None = None) -> Iterator[str | Answer]:
    """Yield text as it is produced (LLM tokens, or the extractive lines), then the final Answer."""
    started = time.perf_counter()
    backend = resolve_backend(backend, retriever)
    query, setting = set_aside(search_query or question, lambda text: named_unknown(text, retriever))  # 'We are …'
    plan = plan_answer(query if setting else question, retriever, filters, query, exclude)
    reading = reading_list(query, retriever)  # what to read: the manifest answers, no passage does
    unheld = "" if reading else revise_scope(plan, question, query, retriever)
    notes = [setting] * bool(setting) + plan_notes(plan)
    understood = understood_line(question, query)
    if understood:
        yield understood
    if plan.decision == "not_covered" or reading:
        result = abstain(question, [] if reading else plan.hits, backend, started,
                         "" if reading else unheld or declined_because(plan, retriever), notes, plan.q.type)
        result = result.model_copy(update={"answer": reading or result.answer})
        yield result.answer
        yield result.model_copy(update={"standalone": query, "answer": understood + result.answer})
        return
    if backend == "extractive" or plan.decision == "partial":  # a partial answer is assembled by rule, either way
        result = _extractive(question, plan, retriever, backend, started, notes)
        for line in result.answer.splitlines():
            yield line + "\n"
    else:
        hits = plan.hits
        given = llm_passages(plan, retriever)
        messages = build_messages(question, [(i + 1, h.label, h.text) for i, h in enumerate(given)])
        text, numbers = "", CitationNumbers(set(range(1, len(given) + 1)))
        for token in stream(chat_model(retriever.settings), messages):
            text += token
            shown = numbers.feed(token)  # in the reader's numbers, as in the final answer
            if shown:
                yield shown
        if rest := numbers.flush():
            yield rest
        declined, kept = split_decline(text)
        if declined:
            result = abstain(question, hits, backend, started, MODEL_DECLINED, notes)
        else:
            result = _finish(question, split_sentences(kept), given, retriever, backend, started, notes, numbers)
    yield result.model_copy(update={"standalone": query, "answer": understood + result.answer})


def understood_line(question: str, query: str) -> str:
    """'Answering: <the standalone question>' and a line break when a follow-up was rewritten; else ''."""
    if " ".join(query.lower().split()).rstrip("?") == " ".join(question.lower().split()).rstrip("?"):
        return ""
    return f"{UNDERSTOOD_PREFIX} {query}\n"


def render_text(answer: Answer) -> str:
    """Human output: the answer with [n] markers, notes, then the numbered sources with quotes."""
    lines = [answer.answer]
    lines += [f"  note: {n}" for n in answer.notes]
    if answer.citations:
        lines.append("\nSources" + (" (nearest, not answering)" if answer.abstained else "") + ":")
        for c in answer.citations:
            quote = c.quote if len(c.quote) <= 400 else c.quote[:400] + "…"
            kind = f" ({c.source_type})" if c.source_type else ""
            lines.append(f"  [{c.n}] {c.label}{kind} — {c.title}\n      “{quote}”")
    return "\n".join(lines)
