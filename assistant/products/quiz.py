"""Quizzes that teach: reasons, concepts, roles, requirements and cases, each item cited.

Five kinds of multiple-choice item, none of them acronym or number guessing:

- **reason** — why something happened or what it was for, as a report or study says it ("weaknesses and gaps remain,
  owing in large part to _____"): the lesson blanked; the options are other reasons the library gives
  (:mod:`quiz_reasons`; medium);

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
``planassist quiz --format json`` prints a line each; the sheets (participant copy, key, both) and
``/api/quiz``'s JSON are in :mod:`assistant.products.quiz_sheets`.

>>> named_texts("Brahimi, the 2006 Note of Guidance and the 2008 decision")
['Note of Guidance', 'Brahimi Report', 'Policy Committee decision']
"""

from __future__ import annotations

import random
import re
from itertools import zip_longest
from typing import Literal

from pydantic import BaseModel

from assistant.citation import Citation, CitationBook
from assistant.constants import MAX_QUESTIONS
from assistant.errors import InvalidRequest
from assistant.index.retrieve import Filters, Hit, Retriever
from assistant.products.exercise_scope import unnamed
from assistant.products.quiz_concepts import concept_items
from assistant.products.quiz_fill import fill, itself_of, named_first, subject_names_last, within_mission_share
from assistant.products.quiz_focus import Focus, focus, off_subject
from assistant.products.quiz_pools import (
    BLANK,
    BODIES,
    CASE_WORDS,
    DOCUMENT_NAMES,
    DOCUMENTS,
    FRAMEWORKS,
    GENERIC_BODIES,
    MISSIONS,
    REFERENCE,
    YEAR,
    choices,
    leaks,
    mentions,
)
from assistant.products.quiz_reasons import reason_items
from assistant.products.statements import (
    GUIDANCE_TYPES,
    PRACTICE_TYPES,
    TERMS_OF_REFERENCE,
    VISITING,
    is_normative,
    quotable,
    tidy,
)

REASON_SHARE = (1, 2)  # of a quiz on lessons, up to this share asks why or what for (the items that teach one), where found
LESSONS = re.compile(r"\blessons?\b|\bwhat (?:went|worked)\b|\bwhy\b|\bexperiences?\b|\blearn(?:ed|t|ing)\b", re.IGNORECASE)
NAMED_SHARE = (2, 3)  # of a quiz on named texts, at most this share is about them; concepts and cases fill the rest
PASSAGES = 30
# a year worth asking about a term: when it was introduced, required, adopted or replaced (not any date in passing)
YEAR_WORTHY = re.compile(r"\b(?:introduced|requirement|required|adopted|approved|established|created|replaced|launched|"
                         r"endorsed)\b", re.IGNORECASE)
# A glossary term this close (cosine) to a subject that names terms is a related concept worth an item; to a subject
# naming none, it must be closer, or share a content word with it.
Difficulty = Literal["easy", "medium", "hard", "mixed"]
DIFFICULTIES = ("easy", "medium", "hard", "mixed")


class QuizItem(BaseModel):
    """One multiple-choice item."""

    n: int
    stem: str
    options: list[str]
    answer: str
    citation: str
    kind: Literal["concept", "role", "document", "case", "reason"]
    difficulty: Literal["easy", "medium", "hard"]
    source: int

    def public(self) -> dict:
        """The object printed by ``planassist quiz --format json`` and returned by /api/quiz."""
        return {"stem": self.stem, "options": self.options, "answer": self.answer, "citation": self.citation}


def _sentences(hits: list[Hit]):
    from assistant.answering.verify import split_sentences

    for hit in hits:
        for sentence in split_sentences(hit.text):
            sentence = tidy(sentence)
            if quotable(sentence) and not VISITING.match(sentence) and not TERMS_OF_REFERENCE.match(sentence):
                yield hit, sentence


WHAT = {BODIES: ("body", "role"), DOCUMENTS: ("policy text", "document"), FRAMEWORKS: ("planning instrument", "concept"),
        MISSIONS: ("mission", "case")}


def _answerable(sentence: str, name: str) -> bool:
    """A name worth asking about: named in the sentence, not a generic body, not the author of other texts ('relevant
    General Assembly resolutions')."""
    return (mentions(sentence, name) and name.lower() not in GENERIC_BODIES
            and not re.search(rf"{re.escape(name)}\s+(?:resolutions?|decisions?)\b", sentence, re.IGNORECASE))


# A report telling what it contains ('The report also contains an update on the transition, the drawdown of _____'): the
# mission is the report's subject, not a fact worth knowing.
SELF_DESCRIBED = re.compile(r"^(?:The|This) (?:present )?report\b", re.IGNORECASE)
# A resolution's formula whose blank only the Secretary-General fills ('Requests the _____ to assess …').
FORMULA = re.compile(rf"^\d*\.?\s*(?:Requests|Also requests|Further requests|Invites) the {re.escape(BLANK)}")


def _role_or_document(hit: Hit, sentence: str, rng: random.Random, kinds=(BODIES, DOCUMENTS, FRAMEWORKS),
                      prefer: tuple[str, ...] = (), avoid: tuple[str, ...] = ()) -> dict | None:
    """Who does what (the body blanked), which policy text or framework (the text blanked) or which mission, if the
    sentence names one; a name in ``prefer`` first, none in ``avoid``. An acronym in brackets after the name goes with
    it."""
    for names in kinds:
        what, kind = WHAT[names]
        found = [b for b in names if _answerable(sentence, b) and b not in avoid]
        for name in sorted(found, key=lambda b: b not in prefer)[:1]:
            blanked = re.sub(rf"(?<![\w/]){re.escape(name)}(?![\w/])(?:\s*\([A-Z][A-Za-z]+\))?", BLANK, sentence, count=1,
                             flags=re.IGNORECASE)
            if FORMULA.match(blanked):  # 'Requests the _____ to …': a resolution asks the Secretary-General; no test
                continue
            stem = f"Which {what} completes this statement from {_source(hit, what)}? “{blanked}”"
            options = choices(name, list(names), stem, rng)
            if options and not leaks(stem, name):
                return dict(stem=stem, options=options, answer=name, kind=kind, difficulty="medium")
    return None


def _year(hit: Hit, sentence: str, rng: random.Random) -> dict | None:
    """Which year of the same period, if the sentence holds exactly one (not '2030 Agenda')."""
    years = YEAR.findall(sentence)
    if len(years) != 1 or re.search(rf"{years[0]} Agenda", sentence):
        return None
    year = int(years[0])
    stem = f"Which year completes this passage from {hit.short}? “{sentence.replace(years[0], BLANK, 1)}”"
    options = choices(str(year), [str(y) for y in range(year - 4, year + 5) if y != year], stem, rng)
    return dict(stem=stem, options=options, answer=str(year), kind="case", difficulty="hard") if options else None


def _role_and_document_items(fx: Focus, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Who does what, and which policy text or framework says so, from requirement statements on the subject."""
    query = retriever.glossary.expand(fx.subject)
    hits = {h.chunk_id: h for t in GUIDANCE_TYPES for q in (f"{query} responsibilities requirements", query)
            for h in retriever.search(q, k=PASSAGES // 2, filters=Filters(types=[t]))}
    out = []
    for hit, sentence in _sentences(list(hits.values())):
        item = _role_or_document(hit, sentence, rng) if is_normative(sentence) and fx.about(sentence, hit.title) else None
        if item:
            out.append((item, hit.citation(0)))
    return out


def named_texts(topic: str) -> list[str]:
    """The policy texts (of :data:`DOCUMENTS`) a topic names, however a trainer writes them."""
    return [doc for doc, pattern in DOCUMENT_NAMES.items() if re.search(pattern, topic, re.IGNORECASE)]


def _named_items(topic: str, fx: Focus, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Items from sentences that name the texts or terms the topic asks about — second-hand where the library lacks a
    text: the text or term, its year, or the body, framework or mission beside it blanked; the names take turns."""
    wanted: list[tuple[str, str, tuple[tuple[str, ...], ...]]] = [(DOCUMENT_NAMES[doc], doc, (DOCUMENTS,))
                                                                  for doc in named_texts(topic)]
    wanted += [(rf"(?<![\w/]){re.escape(t.term)}s?(?![\w/])|{re.escape(t.expansion)}", t.expansion,
                (FRAMEWORKS, BODIES, MISSIONS, DOCUMENTS)) for t in fx.terms]
    per_text: list[list[tuple[dict, Citation]]] = []
    itself = itself_of(fx)  # a quiz on one term never asks for the term: another name in its sentences is blanked
    for regex, name, kinds in wanted:
        out: list[tuple[dict, Citation]] = []
        per_text.append(out)
        pattern = re.compile(regex, re.IGNORECASE)
        asked = pattern.search(topic)
        for hit, sentence in _sentences(retriever.search(f"{name} {asked.group(0) if asked else ''}", k=PASSAGES // 2)):
            if pattern.search(sentence) and len(sentence) <= 400 and not REFERENCE.search(sentence):
                # the name itself is the answer twice at most; then another name in the sentence is blanked
                avoid = (name,) if sum(i["answer"] == name for i, _ in out) >= 2 or name.lower() in itself else ()
                item = (_role_or_document(hit, sentence, rng, kinds, prefer=(name,), avoid=avoid)
                        or (_year(hit, sentence, rng) if kinds == (DOCUMENTS,) else None)
                        or _role_or_document(hit, sentence, rng, avoid=avoid)
                        or (_year(hit, sentence, rng) if YEAR_WORTHY.search(sentence) else None))
                if item:
                    out.append((item, hit.citation(0)))
    return [x for group in zip_longest(*per_text) for x in group if x is not None]  # one name after another


def _case_items(fx: Focus, retriever: Retriever, rng: random.Random) -> list[tuple[dict, Citation]]:
    """Case facts on the subject from mission reports: which mission a passage describes (no year guessing)."""
    hits = retriever.search(f"{retriever.glossary.expand(fx.subject)} transition mandate", k=PASSAGES,
                            filters=Filters(types=list(PRACTICE_TYPES)))
    out = []
    for hit, sentence in _sentences(hits):
        if not CASE_WORDS.search(sentence) or len(sentence) > 320 or not fx.about(sentence, hit.title) \
                or SELF_DESCRIBED.match(sentence):
            continue
        mission = next((m for m in MISSIONS if mentions(sentence, m)), None)
        if mission and len(re.findall(rf"\b{mission}\b", sentence)) == 1:
            blanked = sentence.replace(mission, BLANK, 1)
            # 'completes', not 'describes': in "key elements of the _____ benchmarks" the blank is not what is described
            stem = f"Which mission completes this passage from {_source(hit, 'mission')}? “{blanked}”"
            options = choices(mission, list(MISSIONS), stem, rng)
            if options and not leaks(stem, mission, retriever.glossary):
                out.append((dict(stem=stem, options=options, answer=mission, kind="case", difficulty="medium"), hit.citation(0)))
    return out


def _source(hit: Hit, what: str) -> str:
    """Where a stem's passage comes from: the report's symbol names its mission, so a mission item does not show it
    ("… from S/2017/604" is the MINUSTAH report); the answer key cites it."""
    return "a Secretary-General's report" if what == "mission" and hit.type == "report" else hit.short


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
    if why := off_subject(topic, retriever):
        raise InvalidRequest(f"no quiz built: {why}")
    rng, fx = random.Random(seed), focus(topic, retriever)
    parts = fx.parts or [fx]  # a quiz on "integration, the ISF and transitions" asks about each in turn
    reasons = [[x for x in reason_items(p, retriever, rng) if difficulty in ("mixed", "medium")] for p in parts]
    pools = [pool for p in parts for pool in (concept_items(p, retriever, rng), _role_and_document_items(p, retriever, rng),
                                              _case_items(p, retriever, rng))]
    pools = [subject_names_last([x for x in pool if difficulty == "mixed" or x[0]["difficulty"] == difficulty], fx)
             for pool in pools]
    itself = itself_of(fx)
    named = subject_names_last([x for x in _named_items(topic, fx, retriever, rng) if x[0]["answer"].lower() not in itself],
                               fx)
    naming = sum(bool(p.terms or p.texts) for p in parts)  # the parts naming a term or text share the named items' turn
    picked = named_first([x for x in named if difficulty == "mixed" or x[0]["difficulty"] == difficulty],
                         -(-count * NAMED_SHARE[0] * naming // (NAMED_SHARE[1] * len(parts))), fx)
    if LESSONS.search(topic):  # a quiz on lessons asks them first; any other takes them in turn with the other kinds
        picked = fill(picked, reasons, min(count, len(picked) + -(-count * REASON_SHARE[0] // REASON_SHARE[1])), fx)
    else:
        pools = [*reasons, *pools]
    picked = within_mission_share(fill(picked, pools, count, fx))
    book = CitationBook()
    items = []
    for i, (item, citation) in enumerate(picked, 1):
        n = book.cite(citation)
        items.append(QuizItem(n=i, citation=book.sources[n - 1].label, source=n, **item))
    return items, book.sources
