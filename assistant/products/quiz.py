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
``planassist quiz --format json`` prints a line each and ``/api/quiz`` returns under ``items``, beside the
missing-text ``notes`` (:class:`QuizView`).

>>> kind_of("Peacebuilding Commission")
'body'
"""

from __future__ import annotations

import random
import re
from itertools import zip_longest
from typing import Literal

import numpy as np
from pydantic import BaseModel

from assistant.citation import Citation, CitationBook
from assistant.constants import MAX_QUESTIONS
from assistant.errors import InvalidRequest
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.products.exercise_scope import unnamed
from assistant.products.exercise_shapes import subject
from assistant.products.export import Block, Report
from assistant.products.guidance import GUIDANCE_TYPES, PRACTICE_TYPES, _quotable, is_normative, tidy
from assistant.products.missing_texts import missing_notes

BLANK = "_____"
NAMED_SHARE = (2, 3)  # of a quiz on named texts, at most this share is about them; concepts and cases fill the rest
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
# How trainers name each of those texts in a request (a quiz "on Brahimi and the 2008 decision" is about them).
DOCUMENT_NAMES = {"Note of Guidance": r"note of guidance", "Brahimi Report": r"\bbrahimi\b",
                  "integrated assessment and planning policy": r"\biap\b|integrated assessment and planning",
                  "Policy Committee decision": r"policy committee|\b2008 decision|decision of 2008",
                  "Report on Integrated Missions": r"report on integrated missions",
                  "integrated mission planning process guidelines": r"\bimpp\b|integrated mission planning",
                  "Capstone Doctrine": r"\bcapstone\b", "CIVCAP report": r"\bcivcap\b|civilian capacity",
                  "HIPPO report": r"\bhippo\b|high-level independent panel"}
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
REFERENCE = re.compile(r"available at|www\.|https?://|\bUN Doc\b|\bibid\b", re.IGNORECASE)  # a footnote's reference
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


class QuizView(BaseModel):
    """The JSON quiz of ``/api/quiz``: the items, and a note for each catalogued text the topic names that the library
    lacks (the note md/docx print above the questions and the CLI prints on stderr)."""

    items: list[QuizItemView]
    notes: list[str]


def quiz_views(topic: str, count: int, retriever: Retriever, difficulty: str = "mixed") -> QuizView:
    """The quiz as its public items (no numbering, no sources list) with the missing-text notes."""
    items = [QuizItemView(**item.public()) for item in quiz_items(topic, count, retriever, difficulty)[0]]
    return QuizView(items=items, notes=missing_notes(topic, retriever))


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


def _role_or_document(hit: Hit, sentence: str, rng: random.Random, kinds=(BODIES, DOCUMENTS)) -> dict | None:
    """Who does what (the body blanked) or which policy text (the text blanked), if the sentence names one."""
    for names in kinds:
        what, kind = ("body", "role") if names is BODIES else ("policy text", "document")
        name = next((b for b in names if _mentions(sentence, b)), None)
        if name:
            blanked = re.sub(rf"(?<![\w/]){re.escape(name)}(?![\w/])", BLANK, sentence, count=1, flags=re.IGNORECASE)
            stem = f"Which {what} completes this statement from {hit.short}? “{blanked}”"
            options = _options(name, list(names), stem, rng)
            if options and not _leaks(stem, name):
                return dict(stem=stem, options=options, answer=name, kind=kind, difficulty="medium")
    return None


def _year(hit: Hit, sentence: str, rng: random.Random) -> dict | None:
    """Which year of the same period, if the sentence holds exactly one (not '2030 Agenda')."""
    years = YEAR.findall(sentence)
    if len(years) != 1 or re.search(rf"{years[0]} Agenda", sentence):
        return None
    year = int(years[0])
    stem = f"Which year completes this passage from {hit.short}? “{sentence.replace(years[0], BLANK, 1)}”"
    options = _options(str(year), [str(y) for y in range(year - 4, year + 5) if y != year], stem, rng)
    return dict(stem=stem, options=options, answer=str(year), kind="case", difficulty="hard") if options else None


def _role_and_document_items(topic: str, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Who does what, and which policy text says so, from requirement statements."""
    allowed = list(GUIDANCE_TYPES)
    hits = {h.chunk_id: h for t in allowed for q in (f"{topic} responsibilities requirements", topic)
            for h in retriever.search(q, k=PASSAGES // 2, filters=Filters(types=[t]))}
    out = []
    for hit, sentence in _sentences(list(hits.values())):
        item = _role_or_document(hit, sentence, rng) if is_normative(sentence) else None
        if item:
            out.append((item, hit.citation(0)))
    return out


def named_texts(topic: str) -> list[str]:
    """The policy texts (of :data:`DOCUMENTS`) a topic names, however a trainer writes them."""
    return [doc for doc, pattern in DOCUMENT_NAMES.items() if re.search(pattern, topic, re.IGNORECASE)]


def _named_items(topic: str, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Items from sentences that name the texts the topic asks about — second-hand where the library lacks them:
    the text, its year, or the body behind it blanked; the texts take turns."""
    per_text: list[list[tuple[dict, Citation]]] = []
    for doc in named_texts(topic):
        out: list[tuple[dict, Citation]] = []
        per_text.append(out)
        pattern = re.compile(DOCUMENT_NAMES[doc], re.IGNORECASE)
        asked = pattern.search(topic)
        for hit, sentence in _sentences(retriever.search(f"{doc} {asked.group(0) if asked else ''}", k=PASSAGES // 3)):
            if pattern.search(sentence) and len(sentence) <= 400 and not REFERENCE.search(sentence):
                item = (_role_or_document(hit, sentence, rng, (DOCUMENTS,)) or _year(hit, sentence, rng)
                        or _role_or_document(hit, sentence, rng))
                if item:
                    out.append((item, hit.citation(0)))
    return [x for group in zip_longest(*per_text) for x in group if x is not None]  # one text after another


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
        item = _year(hit, sentence, rng)
        if item:
            out.append((item, hit.citation(0)))
    return out


def _named_first(named: list[tuple[dict, Citation]], limit: int) -> list[tuple[dict, Citation]]:
    """Up to ``limit`` items on the texts the topic names, at most two with the same answer."""
    picked: list[tuple[dict, Citation]] = []
    for item, citation in named:
        if len(picked) == limit:
            break
        if item["stem"] not in {p["stem"] for p, _ in picked} and sum(p["answer"] == item["answer"] for p, _ in picked) < 2:
            picked.append((item, citation))
    return picked


def quiz_items(topic: str, count: int, retriever: Retriever, difficulty: Difficulty | str = "mixed",
               seed: int = 0) -> tuple[list[QuizItem], list[Citation]]:
    """Up to ``count`` items on the topic, kinds interleaved, each with its numbered source."""
    if not 1 <= count <= MAX_QUESTIONS:
        raise InvalidRequest(f"count: between 1 and {MAX_QUESTIONS}")
    if len(topic.strip()) < 3:
        raise InvalidRequest("topic: at least 3 characters")
    if difficulty not in DIFFICULTIES:
        raise InvalidRequest(f"difficulty: one of {', '.join(DIFFICULTIES)}")
    if lacking := unnamed(topic, retriever):
        raise InvalidRequest(f"no quiz built: the library never mentions {', '.join(lacking)}; items would be on something else")
    rng = random.Random(seed)
    pools = [_concept_items(topic, retriever, rng), _role_and_document_items(topic, retriever, rng), _case_items(topic,
        retriever, rng)]
    pools = [[x for x in pool if difficulty == "mixed" or x[0]["difficulty"] == difficulty] for pool in pools]
    picked = _named_first([x for x in _named_items(topic, retriever, rng) if difficulty == "mixed"
                           or x[0]["difficulty"] == difficulty], -(-count * NAMED_SHARE[0] // NAMED_SHARE[1]))
    seen = {x for item, _ in picked for x in (item["answer"], item["stem"])}
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
    blocks = [Block(kind="note", text=f"{n} Items on it quote what the library says about it.") for n in
              missing_notes(topic, retriever)]
    blocks.append(Block(kind="heading", text="Questions", level=1))
    if len(items) < count:
        blocks.append(Block(kind="note", text=f"The corpus gave {len(items)} items on this topic, fewer than the {count} asked."))
    for q in items:
        blocks += [Block(kind="paragraph", text=f"{q.n}. ({q.difficulty}) {q.stem}"),
                   Block(kind="bullets", items=[f"({chr(97 + j)}) {c}" for j, c in enumerate(q.options)])]
    blocks += [Block(kind="heading", text="Answer key", level=1),
               Block(kind="table", rows=[["#", "Answer", "Kind", "Source"]]
                     + [[str(q.n), f"({chr(97 + q.options.index(q.answer))}) {q.answer}", q.kind,
                         f"[{q.source}]"] for q in items])]
    return Report(title=f"Quiz: {subject(topic)}",
                  subtitle=(f"{len(items)} multiple-choice items on concepts, roles, requirements and cases; each answer is what "
                            f"the cited source says (glossary items cite the project glossary)."),
                  blocks=blocks, sources=sources)
