"""Quizzes that teach: concepts, roles, requirements and cases, each item cited.

Four kinds of multiple-choice item, none of them acronym or number guessing:

- **concept** — term ↔ definition from the project glossary (``corpus/glossary.toml``, cited as
  such): which definition fits a term (easy), or which term a definition describes (medium);
- **role** — who does what: a requirement statement from a policy, resolution or analysis with
  the responsible body blanked; the options are other bodies (medium);
- **document** — which policy text a statement refers to; the options are other policy texts
  (medium);
- **case** — facts from mission reports that matter (transition, withdrawal, mandates): the
  mission or the year blanked; the options are other missions, or other years of the same
  period (hard).

Every stem quotes a whole sentence from its start; the answer never appears in its own stem;
distractors are of the same kind as the answer. ``quiz_items`` gives the items;
:meth:`QuizItem.public` is the ``{"stem", "options", "answer", "citation"}`` object that
``planassist quiz --format json`` and ``/api/quiz`` return.

>>> kind_of("Peacebuilding Commission")
'body'
"""

from __future__ import annotations

import random
import re
from typing import Literal

import numpy as np
from pydantic import BaseModel

from assistant.citation import Citation, CitationBook
from assistant.constants import MAX_QUESTIONS
from assistant.errors import InvalidRequest
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.products.export import Block, Report
from assistant.products.guidance import GUIDANCE_TYPES, PRACTICE_TYPES, _quotable, is_normative, tidy

BLANK = "_____"
PASSAGES = 30
Difficulty = Literal["easy", "medium", "hard", "mixed"]
DIFFICULTIES = ("easy", "medium", "hard", "mixed")
# Bodies a who-does-what item can ask about; the options are always other bodies.
BODIES = ("Security Council", "General Assembly", "Peacebuilding Commission", "Peacebuilding Support Office",
          "Peacebuilding Fund", "Economic and Social Council", "Secretary-General", "resident coordinators",
          "United Nations country teams", "international financial institutions", "Integration Steering Group",
          "Policy Committee", "Department of Peacekeeping Operations", "Department of Political Affairs",
          "Integrated Task Force", "Senior Leadership Forum", "Humanitarian Coordinator",
          "Office for the Coordination of Humanitarian Affairs", "UN Secretariat", "member states", "donors", "UNDG", "DPKO",
          "DPA",
          "regional organizations")
DOCUMENTS = ("Note of Guidance", "Brahimi Report", "integrated assessment and planning policy", "Policy Committee decision",
             "Report on Integrated Missions", "integrated mission planning process guidelines", "Capstone Doctrine",
             "CIVCAP report", "HIPPO report")
MISSIONS = ("UNMIT", "MINUSTAH", "MINUJUSTH", "BINUH", "UNMISS", "UNIPSIL", "BINUB", "UNAMA", "UNSOM", "MONUSCO", "MINUSMA")
CASE_WORDS = re.compile(r"transition|withdraw|drawdown|closure|close|handover|hand over|mandate|benchmark|integrated strategic "
    r"framework"
                        r"|elections?|exit|liquidation|successor", re.IGNORECASE)
YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
BODY_WORDS = re.compile(r"\b(Council|Assembly|Commission|Office|Fund|Committee|Group|Team|Force|Forum|Department|Coordinator"
                        r"|Secretary-General|Union|Centre|Board|Panel|Cell|Unit|Service)\b", re.IGNORECASE)
DOCUMENT_WORDS = re.compile(r"\b(Report|Policy|Framework|Guidelines?|Agenda|Note|Doctrine|Standards|Plan|Process|Resolution"
                            r"|Decision"
                            r"|Declaration|Strategy|Review|Handbook|Compact|Instruction)\b", re.IGNORECASE)
GLOSSARY_TITLE = "Glossary of UN integrated planning (corpus/glossary.toml; the project's own wording)"


class QuizItem(BaseModel):
    """One multiple-choice item."""

    n: int
    stem: str
    options: list[str]
    answer: str
    citation: str
    kind: Literal["concept", "role", "document", "case"]
    difficulty: Literal["easy", "medium", "hard"]
    source: int

    def public(self) -> dict:
        """The object printed by ``planassist quiz --format json`` and returned by /api/quiz."""
        return {"stem": self.stem, "options": self.options, "answer": self.answer, "citation": self.citation}


class QuizItemView(BaseModel):
    """One item as ``planassist quiz --format json`` prints it and ``/api/quiz`` returns it."""

    stem: str
    options: list[str]
    answer: str
    citation: str


def quiz_views(topic: str, count: int, retriever: Retriever, difficulty: str = "mixed") -> list[QuizItemView]:
    """The quiz as its public items (no numbering, no sources list)."""
    return [QuizItemView(**item.public()) for item in quiz_items(topic, count, retriever, difficulty)[0]]


def kind_of(name: str) -> str:
    """'body', 'document' or 'concept': distractors are drawn from the same kind."""
    if BODY_WORDS.search(name):
        return "body"
    if DOCUMENT_WORDS.search(name):
        return "document"
    return "concept"


def _mentions(text: str, name: str) -> bool:
    return bool(re.search(rf"(?<![\w/]){re.escape(name)}(?![\w/])", text, re.IGNORECASE))


def _options(answer: str, pool: list[str], stem: str, rng: random.Random, n: int = 3) -> list[str] | None:
    """The answer and ``n`` distractors from the pool that the stem does not give away; None if too few."""
    others = [p for p in dict.fromkeys(pool) if p.lower() != answer.lower() and not _mentions(stem, p)]
    if len(others) < n:
        return None
    options = rng.sample(others, n) + [answer]
    rng.shuffle(options)
    return options


def _leaks(stem: str, answer: str, glossary=None) -> bool:
    """The answer, its glossary expansion, or all its long words appear in the stem."""
    if _mentions(stem, answer):
        return True
    if glossary is not None and any(t.term == answer and _mentions(stem, t.expansion) for t in glossary.terms):
        return True
    words = [w for w in re.findall(r"[A-Za-z]{6,}", answer) if w.lower() not in {"united", "nations", "national"}]
    return bool(words) and all(_mentions(stem, w) for w in words)


def _glossary_citation(term) -> Citation:
    return Citation(n=0, chunk_id=f"glossary:{term.term}", doc_id="glossary", title=GLOSSARY_TITLE, short="Glossary",
                    locator=term.term, quote=f"{term.term} ({term.expansion}): {term.definition}")


def _concept_items(topic: str, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Glossary items on the terms closest to the topic: definition for a term, then term for a definition."""
    terms = [t for t in retriever.glossary.terms if t.definition and t.expansion]
    if not terms:
        return []
    vectors = retriever.encoder.encode_cached([f"{t.expansion}: {t.definition}" for t in terms])
    order = np.argsort(-(vectors @ retriever.encoder.query_vector(retriever.glossary.expand(topic))))
    out = []
    for rank, i in enumerate(order[:16]):
        t = terms[int(i)]
        same = [u for u in terms if kind_of(u.expansion) == kind_of(t.expansion) and u.term != t.term]
        if rank % 2 == 0:
            stem = f"Which definition fits the {t.expansion} ({t.term})?"
            pool = [u.definition for u in same if not _mentions(u.definition, t.term)]
            options, answer, difficulty = _options(t.definition, pool, stem, rng), t.definition, "easy"
        else:
            stem = f"Which term does this definition describe? “{t.definition}”"
            answer = f"{t.expansion} ({t.term})"
            pool = [f"{u.expansion} ({u.term})" for u in same]
            options, difficulty = _options(answer, pool, stem, rng), "medium"
            if _leaks(stem, t.expansion) or _mentions(stem, t.term):
                continue
        if options:
            out.append((dict(stem=stem, options=options, answer=answer, kind="concept", difficulty=difficulty),
                _glossary_citation(t)))
    return out


def _sentences(hits: list[Hit]):
    from assistant.answering.verify import split_sentences

    for hit in hits:
        for sentence in split_sentences(hit.text):
            sentence = tidy(sentence)
            if _quotable(sentence):
                yield hit, sentence


def _role_and_document_items(topic: str, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Who does what, and which policy text says so, from requirement statements."""
    allowed = list(GUIDANCE_TYPES)
    hits = {h.chunk_id: h for t in allowed for q in (f"{topic} responsibilities requirements", topic)
            for h in retriever.search(q, k=PASSAGES // 2, filters=Filters(types=[t]))}
    out = []
    for hit, sentence in _sentences(list(hits.values())):
        if not is_normative(sentence):
            continue
        body = next((b for b in BODIES if _mentions(sentence, b)), None)
        if body:
            blanked = re.sub(rf"(?<![\w/]){re.escape(body)}(?![\w/])", BLANK, sentence, count=1, flags=re.IGNORECASE)
            stem = f"Which body completes this statement from {hit.short}? “{blanked}”"
            options = _options(body, list(BODIES), stem, rng)
            if options and not _leaks(stem, body):
                out.append((dict(stem=stem, options=options, answer=body, kind="role", difficulty="medium"), hit.citation(0)))
                continue
        doc = next((d for d in DOCUMENTS if _mentions(sentence, d)), None)
        if doc:
            blanked = re.sub(rf"(?<![\w/]){re.escape(doc)}(?![\w/])", BLANK, sentence, count=1, flags=re.IGNORECASE)
            stem = f"Which policy text completes this statement from {hit.short}? “{blanked}”"
            options = _options(doc, list(DOCUMENTS), stem, rng)
            if options and not _leaks(stem, doc):
                out.append((dict(stem=stem, options=options, answer=doc, kind="document", difficulty="medium"), hit.citation(0)))
    return out


def _case_items(topic: str, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Case facts from mission reports: which mission, or which year of the same period."""
    hits = retriever.search(f"{topic} transition mandate", k=PASSAGES, filters=Filters(types=list(PRACTICE_TYPES)))
    out = []
    for hit, sentence in _sentences(hits):
        if not CASE_WORDS.search(sentence) or len(sentence) > 320:
            continue
        mission = next((m for m in MISSIONS if _mentions(sentence, m)), None)
        if mission and len(re.findall(rf"\b{mission}\b", sentence)) == 1:
            stem = f"Which mission does this passage from {hit.short} describe? “{sentence.replace(mission, BLANK, 1)}”"
            options = _options(mission, list(MISSIONS), stem, rng)
            if options and not _leaks(stem, mission, retriever.glossary):
                out.append((dict(stem=stem, options=options, answer=mission, kind="case", difficulty="medium"), hit.citation(0)))
                continue
        years = YEAR.findall(sentence)
        if len(years) == 1 and not re.search(rf"{years[0]} Agenda", sentence):
            year = int(years[0])
            stem = f"Which year completes this passage from {hit.short}? “{sentence.replace(years[0], BLANK, 1)}”"
            pool = [str(y) for y in range(year - 4, year + 5) if y != year]
            options = _options(str(year), pool, stem, rng)
            if options:
                out.append((dict(stem=stem, options=options, answer=str(year), kind="case", difficulty="hard"), hit.citation(0)))
    return out


def quiz_items(topic: str, count: int, retriever: Retriever, difficulty: Difficulty | str = "mixed",
               seed: int = 0) -> tuple[list[QuizItem], list[Citation]]:
    """Up to ``count`` items on the topic, kinds interleaved, each with its numbered source."""
    if not 1 <= count <= MAX_QUESTIONS:
        raise InvalidRequest(f"count: between 1 and {MAX_QUESTIONS}")
    if len(topic.strip()) < 3:
        raise InvalidRequest("topic: at least 3 characters")
    if difficulty not in DIFFICULTIES:
        raise InvalidRequest(f"difficulty: one of {', '.join(DIFFICULTIES)}")
    rng = random.Random(seed)
    pools = [_concept_items(topic, retriever, rng), _role_and_document_items(topic, retriever, rng), _case_items(topic,
        retriever, rng)]
    pools = [[x for x in pool if difficulty == "mixed" or x[0]["difficulty"] == difficulty] for pool in pools]
    picked: list[tuple[dict, Citation]] = []
    seen: set[str] = set()
    while len(picked) < count and any(pools):
        for pool in pools:
            while pool:
                item, citation = pool.pop(0)
                if item["answer"] not in seen and item["stem"] not in seen:
                    seen.update((item["answer"], item["stem"]))
                    picked.append((item, citation))
                    break
            if len(picked) == count:
                break
    book = CitationBook()
    items = []
    for i, (item, citation) in enumerate(picked, 1):
        n = book.cite(citation)
        items.append(QuizItem(n=i, citation=book.sources[n - 1].label, source=n, **item))
    return items, book.sources


def quiz(topic: str, count: int, retriever: Retriever, difficulty: Difficulty | str = "mixed") -> Report:
    """The quiz as a report: items with options and difficulty, then the answer key with sources."""
    items, sources = quiz_items(topic, count, retriever, difficulty)
    blocks = [Block(kind="heading", text="Questions", level=1)]
    if len(items) < count:
        blocks.append(Block(kind="note", text=f"The corpus gave {len(items)} items on this topic, fewer than the {count} asked."))
    for q in items:
        blocks += [Block(kind="paragraph", text=f"{q.n}. ({q.difficulty}) {q.stem}"),
                   Block(kind="bullets", items=[f"({chr(97 + j)}) {c}" for j, c in enumerate(q.options)])]
    blocks += [Block(kind="heading", text="Answer key", level=1),
               Block(kind="table", rows=[["#", "Answer", "Kind", "Source"]]
                     + [[str(q.n), f"({chr(97 + q.options.index(q.answer))}) {q.answer}", q.kind,
                         f"[{q.source}]"] for q in items])]
    return Report(title=f"Quiz: {topic}",
                  subtitle=(f"{len(items)} multiple-choice items on concepts, roles, requirements and cases; each answer is what "
                            f"the cited source says (glossary items cite the project glossary)."),
                  blocks=blocks, sources=sources)
