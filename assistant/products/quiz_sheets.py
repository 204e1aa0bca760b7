"""The quiz as a trainer hands it out: the participant copy, the answer key, or both.

A participant copy holds the questions and options only — no answer key and no sources, since a
source's quotation gives its answer away; the key lists each answer with its kind and source and
the quoted sources. ``planassist quiz --part questions|key|all``, ``/api/quiz`` ``"part"`` and the
Training tab give the same three sheets as Markdown or Word; the JSON of ``/api/quiz``
(:class:`QuizView`) drops answers and citations for the participant copy too.

>>> PARTS
('all', 'questions', 'key')
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from assistant.errors import InvalidRequest
from assistant.index.retrieve import Retriever
from assistant.products.exercise_shapes import subject
from assistant.products.export import Block, Report
from assistant.products.missing_texts import missing_notes
from assistant.products.quiz import BLANK, Difficulty, QuizItem, quiz_items
from assistant.products.quiz_fill import quoted_part
from assistant.products.quiz_focus import coverage_notes, focus

Part = Literal["all", "questions", "key"]
PARTS = ("all", "questions", "key")
ANCHOR_CHARS = 60
LONG_NAME = 60  # characters: a subject longer than this is "the subjects asked" in the count note


class QuizItemView(BaseModel):
    """One item as ``planassist quiz --format json`` prints it and ``/api/quiz`` returns it (no answer or citation in the
    participant copy)."""

    stem: str
    options: list[str]
    answer: str | None = None
    citation: str | None = None


class QuizView(BaseModel):
    """The JSON quiz of ``/api/quiz``: the items, and the notes md/docx print above the questions (catalogued texts the
    topic names that the library lacks, terms it holds little on) and the CLI prints on stderr."""

    items: list[QuizItemView]
    notes: list[str]


def quiz_notes(topic: str, retriever: Retriever) -> list[str]:
    """What the trainer should know about the library behind the quiz: missing texts, thinly covered terms."""
    return [f"{n} Items on it quote what the library says about it." for n in missing_notes(topic, retriever)] + \
        coverage_notes(topic, retriever)


def related_note(topic: str, items: list[QuizItem], retriever: Retriever, count: int = 0) -> list[str]:
    """When the library runs out of items on the subject itself, or of items at all: one note saying how many the quiz
    has, how many are on the subject, and which fill it with related terms.

    >>> _count_note(8, 10, 7, [8], "transitions itself")
    'The library gave 8 items, fewer than the 10 asked: 7 on transitions itself, and item 8 on a related term.'
    >>> _count_note(10, 10, 8, [9, 10], "the ISF itself")
    'The library gave 8 items on the ISF itself; items 9 and 10 are on related terms, to fill the quiz.'
    """
    fx = focus(topic, retriever)
    related = [q.n for q in items if not fx.about(f"{q.stem} {q.answer}")]
    if not related and len(items) >= count:
        return []
    name = f"the {fx.terms[0].expansion}" if len(fx.terms) == 1 and not fx.texts else fx.subject
    name = f"{name} itself" if len(name) <= LONG_NAME else "the subjects asked"  # a long request is not repeated in a note
    return [_count_note(len(items), count, len(items) - len(related), related, name)]


def _count_note(n: int, asked: int, on_subject: int, related: list[int], name: str) -> str:
    numbers = ", ".join(map(str, related[:-1])) + f" and {related[-1]}" if len(related) > 1 else "".join(map(str, related))
    which = f"item {numbers} on a related term" if len(related) == 1 else f"items {numbers} on related terms"
    if n < asked:
        return (f"The library gave {n} items, fewer than the {asked} asked"
                + (f": {on_subject} on {name}, and {which}." if related else "."))
    verb = "is" if len(related) == 1 else "are"
    return (f"The library gave {on_subject} items on {name}; {which.replace(' on ', f' {verb} on ', 1)}, "
            "to fill the quiz.")


def public(item: QuizItem, part: str = "all") -> dict:
    """``{"stem", "options", "answer", "citation"}``; stem and options only for the participant copy."""
    shown = item.public()
    return {k: shown[k] for k in ("stem", "options")} if part == "questions" else shown


def quiz_views(topic: str, count: int, retriever: Retriever, difficulty: str = "mixed", part: str = "all") -> QuizView:
    """The quiz as its public items (no numbering, no sources list) with the notes."""
    _check(part)
    found = quiz_items(topic, count, retriever, difficulty)[0]
    items = [QuizItemView(**public(item, part)) for item in found]
    return QuizView(items=items, notes=quiz_notes(topic, retriever) + related_note(topic, found, retriever, count))


def anchors(items: list[QuizItem]) -> dict[int, str]:
    """For each source, words of the sentence its first item quotes (the longer side of the blank): the key shows the
    passage from that sentence, so the trainer sees what the answer rests on.

    >>> anchors([QuizItem(n=1, stem="Which year? “The ISF was made a requirement in _____.”", options=[], answer="2008",
    ...                   citation="IPI", kind="case", difficulty="hard", source=3)])
    {3: 'The ISF was made a requirement in'}
    """
    out: dict[int, str] = {}
    for q in items:
        sides = [side.strip() for side in quoted_part(q.stem).split(BLANK)]
        if BLANK in q.stem and q.source not in out:
            out[q.source] = max(sides, key=len)[:ANCHOR_CHARS].strip()
    return out


def _check(part: str) -> None:
    if part not in PARTS:
        raise InvalidRequest(f"part: one of {', '.join(PARTS)}")


def _questions(items: list[QuizItem]) -> list[Block]:
    blocks = [Block(kind="heading", text="Questions", level=1)]
    for q in items:
        blocks += [Block(kind="paragraph", text=f"{q.n}. ({q.difficulty}) {q.stem}"),
                   Block(kind="bullets", items=[f"({chr(97 + j)}) {c}" for j, c in enumerate(q.options)])]
    return blocks


def _key(items: list[QuizItem]) -> list[Block]:
    return [Block(kind="heading", text="Answer key", level=1),
            Block(kind="table", rows=[["#", "Answer", "Kind", "Source"]]
                  + [[str(q.n), f"({chr(97 + q.options.index(q.answer))}) {q.answer}", q.kind, f"[{q.source}]"] for q in items])]


def quiz(topic: str, count: int, retriever: Retriever, difficulty: Difficulty | str = "mixed",
         part: Part | str = "all") -> Report:
    """The quiz as a report: the participant copy (questions only), the key (answers and sources), or both."""
    _check(part)
    items, sources = quiz_items(topic, count, retriever, difficulty)
    if part == "questions":
        return Report(title=f"Quiz: {subject(topic)}", blocks=_questions(items),
                      subtitle=f"{len(items)} multiple-choice questions. Choose one answer for each.")
    blocks = [Block(kind="note", text=n) for n in quiz_notes(topic, retriever) + related_note(topic, items, retriever, count)]
    blocks += ([] if part == "key" else _questions(items)) + _key(items)
    return Report(title=f"Quiz{' answer key' if part == 'key' else ''}: {subject(topic)}", anchors=anchors(items),
                  subtitle=(f"{len(items)} multiple-choice items on reasons, concepts, roles, requirements and cases; each "
                            f"answer is what the cited source says (glossary items cite the project glossary)."),
                  blocks=blocks, sources=sources)
